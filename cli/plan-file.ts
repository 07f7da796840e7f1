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

/** Reads a plan file; a `CliError` when it is not JSON or not an object. */
export function readPlanFile(path: string): PlanFile {
  const text = readText(path, 'a plan file (JSON)');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const where = offset === undefined ? '' : ` at ${position(text, Number(offset))}`;
    throw new CliError(
      `${shownPath(path)} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/s, '')}`,
    );
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
