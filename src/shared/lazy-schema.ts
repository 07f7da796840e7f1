// Every zod schema of the add-on is built on first use, not when the bundle loads: Apps Script loads the
// whole bundle before every custom-function call, and no custom function validates anything, so a schema
// built at load is time every cell pays for nothing. A schema is a memoized factory, `planSchema()`.
// This is also the one place zod is told to run without `new Function`: its object schemas decide at
// construction whether to compile a fast path with it (runtime code evaluation, which the add-on never does),
// so the setting must come before the first schema is built.

import * as z from 'zod/mini';

let configured = false;

/** A schema built by `build` on the first call, and the same schema on every later call. */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    if (schema === undefined) {
      if (!configured) {
        z.config({ jitless: true });
        configured = true;
      }
      schema = build();
    }
    return schema;
  };
}

/** The type a lazy schema parses into. */
export type LazyOutput<S extends () => z.ZodMiniType> = z.infer<ReturnType<S>>;

/**
 * JSON the add-on stored (in developer metadata, say) read back through a lazy schema: the value, or `null`
 * when the text is absent, not JSON, or not what the schema describes.
 */
export function parseStoredJson<S extends () => z.ZodMiniType>(
  schema: S,
  json: string | null | undefined,
): LazyOutput<S> | null {
  if (!json) return null;
  try {
    const parsed = schema().safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as LazyOutput<S>) : null;
  } catch {
    return null;
  }
}
