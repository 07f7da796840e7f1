// What loading the bundle costs, in work rather than time (the milliseconds are `npm run bench`'s): Apps
// Script loads dist/Code.js before every custom-function call, so loading must build no zod schema, and a
// custom function must build none either; schemas wait for the server call that validates a payload. zod
// reports every schema it constructs to `globalThis.__zod_globalConfig.postProcessor` when one is set, which
// is the counter here. And no code is ever evaluated at run time: `Function` and `eval` are traps.

import { describe, expect, it } from 'vitest';
import { callGlobal, loadBundle, readBundle } from '../support/load-bundle';

/** The bundle loaded with a schema counter and code-evaluation traps in its scope. */
function watchedBundle(services: Parameters<typeof loadBundle>[0] = {}) {
  const watched = { schemas: 0, evaluations: [] as string[] };
  const trap = (what: string) =>
    function evaluate(...args: unknown[]) {
      watched.evaluations.push(`${what}(${args.map(String).join(', ')})`);
      throw new Error(`${what} is not allowed`);
    };
  const globals = loadBundle(services, {
    __zod_globalConfig: { postProcessor: () => watched.schemas++ },
    Function: trap('Function'),
    eval: trap('eval'),
  });
  return { globals, watched };
}

const polishSpreadsheet = {
  SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'pl_PL' }) },
};

describe('loading the bundle', () => {
  it('holds no arrow function, so V8 pre-parses the code a load does not run instead of parsing it in full', () => {
    // V8 parses an arrow nested in the code it compiles in full (its whole syntax tree, then dropped), a
    // `function` it only pre-parses: scripts/build.mjs has esbuild write every arrow as a function, the lazy
    // module wrappers of the server code first. A text holding "=>" would fail here too: write it otherwise.
    expect(readBundle()).not.toContain('=>');
  });

  it('builds no zod schema while loading', () => {
    const { watched } = watchedBundle();
    expect(watched.schemas).toBe(0);
  });

  it('builds no zod schema for a custom function call, even one that ends in an error message', () => {
    const { globals, watched } = watchedBundle(polishSpreadsheet);
    expect(callGlobal(globals, 'KR_SCORE', 0, 4, 3)).toBe(0.75);
    expect(callGlobal(globals, 'OKR_SCORE', [[0.5], [1]], [[1], [1]])).toBe(0.75);
    expect(() => callGlobal(globals, 'KR_SCORE', 0, 'abc', 3)).toThrow('nie jest liczbą');
    expect(watched.schemas).toBe(0);
  });

  it('builds no zod schema to show the menu', () => {
    const menu = { addItem: () => menu, addSeparator: () => menu, addToUi: () => undefined };
    const { globals, watched } = watchedBundle({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
      Session: { getActiveUserLocale: () => 'en_US' },
    });
    callGlobal(globals, 'onOpen', { authMode: { toString: () => 'NONE' } });
    expect(watched.schemas).toBe(0);
  });

  it('builds the schemas on the first server call that validates a payload, and evaluates no code', () => {
    const { globals, watched } = watchedBundle(polishSpreadsheet);
    const answer = callGlobal(globals, 'getCheckInText', { sheetId: 'not a number' }) as { ok: boolean };
    expect(answer.ok).toBe(false);
    // The counter works: the payload was validated with a schema built just now.
    expect(watched.schemas).toBeGreaterThan(0);
    const built = watched.schemas;
    callGlobal(globals, 'getCheckInText', { sheetId: 'still not a number' });
    expect(watched.schemas, 'a schema is built once per execution').toBe(built);
    expect(watched.evaluations).toEqual([]);
  });
});
