// The plan file of `okr build`: the request the New quarter sidebar sends to `submitQuarter`, as JSON. It is
// either the whole payload, `{ "plan": {…}, "replaceExisting": true }`, or just the plan `{…}` (then it is
// sent as `{ "plan": {…} }`). The CLI checks only that it is JSON holding an object: the bundle's own
// `submitQuarter` validates it with the shared zod schema and words what is wrong, field by field, in the
// plan's language; this module puts the file's line beside each message.

import type { FieldError } from '../src/shared/sidebar-api';
import { CliError, readText, shownPath } from './io';
import { jsonLines, lineOf, readablePath } from './json-lines';

export interface PlanFile {
  path: string;
  /** What is sent to `submitQuarter`. */
  payload: Record<string, unknown>;
  /** The plan inside the payload, when it is an object. */
  plan: Record<string, unknown> | null;
  /** True when the file holds the plan alone (paths in messages then start at the plan). */
  bare: boolean;
  /** Lines of the file's values, by dotted path in the file. */
  lines: Map<string, number>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line and column of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/**
 * Where JSON.parse stopped, as a character offset: from its message when it says ("at position 12"), else
 * the shortest prefix of the text that already fails for another reason than ending early (V8 gives no
 * position for "Unexpected token 'x'" or for a file that ends too soon).
 */
function errorOffset(text: string, message: string): number {
  const said = /position (\d+)/.exec(message)?.[1];
  if (said !== undefined) return Number(said);
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const said = (error as Error).message;
      const at = /position (\d+)/.exec(said)?.[1];
      return !/Unexpected end of JSON input/.test(said) && (at === undefined || Number(at) < length);
    }
  };
  if (!failsInside(text.length)) return text.trimEnd().length;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return Math.max(0, low - 1);
}

/** Reads a plan file; a `CliError` when it is not JSON or not an object. */
export function readPlanFile(path: string): PlanFile {
  const text = readText(path, 'a plan file (JSON)');
  let json: unknown;
  const body = text.replace(/^\ufeff/, '');
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const where = ` at ${position(body, errorOffset(body, message))}`;
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
    throw new CliError(`${shownPath(path)} is not valid JSON${where}: ${reason.replace(/\n/g, '\\n')}`);
  }
  if (!isObject(json)) {
    throw new CliError(
      `${shownPath(path)} must hold a JSON object: the plan, or { "plan": … } as the sidebar sends it`,
    );
  }
  const bare = !('plan' in json) || 'objectives' in json;
  const payload = bare ? { plan: json } : json;
  return {
    path,
    payload,
    plan: isObject(payload.plan) ? payload.plan : null,
    bare,
    lines: jsonLines(text.replace(/^\ufeff/, '')),
  };
}

/** A field message of `submitQuarter` as the CLI prints it: the file's line, the field's path, the message. */
export function describeFieldError(file: PlanFile, error: FieldError): string {
  const filePath = file.bare ? error.path.replace(/^plan(\.|$)/, '') : error.path;
  const line = lineOf(file.lines, filePath);
  const where = line === undefined ? shownPath(file.path) : `${shownPath(file.path)}:${line}`;
  const field = readablePath(filePath);
  return field ? `${where}  ${field}: ${error.message}` : `${where}  ${error.message}`;
}
