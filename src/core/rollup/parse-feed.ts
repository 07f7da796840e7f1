// Reads one team's OKR feed from plain values: the rows IMPORTRANGE puts into a roll-up block, the values
// `getValues` gives, or the rows of a workbook file the CLI opened. The header row comes first and columns are
// found by their names, so a feed with columns appended by a later minor version still reads. Every problem is
// kept as a code with its team, row (the feed's own row, the header being row 1), field and value, never as a
// sentence: the sidebar, the sheet and the CLI word it (./texts.ts).

import { isBlank, isDate, readDay, readNumber } from '../cell-values';
import { describeValue } from '../input-error';
import type { Status } from '../pace';
import { FEED_CODES, FEED_SCHEMA_VERSION, type FeedColumnKey, ROLLUP_KEY_RESULTS_PER_TEAM } from './feed-schema';

/** One key result of a team's feed, as the contract defines its columns. */
export interface FeedKeyResult {
  team: string;
  quarter: string;
  /** `company`, `team`, `individual`, or the team's own word. */
  level: string;
  objectiveId: string;
  objective: string;
  /** The id of the company objective the team objective supports; '' when none. */
  companyObjective: string;
  krId: string;
  keyResult: string;
  owner: string;
  kind: string;
  /** `count`, `percent`, `days`, `hours`, `points`, or a currency's ISO code. */
  unit: string;
  start: number | null;
  target: number | null;
  current: number | null;
  score: number | null;
  status: Status | null;
  confidence: number | null;
  /** Serial day (1970-01-01 is 25569) of the last recording, or `null`. */
  lastRecorded: number | null;
  type: string;
  weight: number;
}

export type FeedProblemCode =
  | 'notAFeed'
  | 'schemaVersion'
  | 'notANumber'
  | 'unknownCode'
  | 'missing'
  | 'duplicate'
  | 'error';

export interface FeedProblem {
  code: FeedProblemCode;
  team: string;
  /** The feed's row (1 = header), 0 for the feed as a whole. */
  row: number;
  field?: FeedColumnKey;
  value?: string;
  /** The codes allowed, for `unknownCode`. */
  codes?: string;
}

export interface ParsedFeed {
  keyResults: FeedKeyResult[];
  problems: FeedProblem[];
  /** The feed has key results beyond the `limit` read (the sentinel row is filled). */
  truncated: boolean;
}

/** Sheets' error values as getValues and IMPORTRANGE give them (`#REF!`, `#N/A`, `#VALUE!`…). */
export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && /^#(REF!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/.test(value);
}

const NUMBER_REF = { fn: 'OKR feed', arg: '' };

/**
 * Parses a team's feed: `rows[0]` is the header row. At most `limit` key-result rows are read (the roll-up's
 * block size by default), and a filled row after them marks the feed `truncated`. Blank rows are skipped.
 * @example parseFeed('Sales', [['schema_version', 'team', …], [1, 'Sales', …]]).keyResults.length // 1
 */
export function parseFeed(
  team: string,
  rows: readonly (readonly unknown[])[],
  limit: number = ROLLUP_KEY_RESULTS_PER_TEAM,
): ParsedFeed {
  const problems: FeedProblem[] = [];
  const header = (rows[0] ?? []).map((cell) => String(cell ?? '').trim());
  if (header[0] !== 'schema_version') {
    const first = rows[0]?.[0];
    return {
      keyResults: [],
      problems: [{ code: isErrorValue(first) ? 'error' : 'notAFeed', team, row: 0, value: describeValue(first) }],
      truncated: false,
    };
  }
  const index = new Map(header.map((name, column) => [name, column]));
  const keyResults: FeedKeyResult[] = [];
  const seen = new Set<string>();
  let truncated = false;

  rows.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const get = (key: FeedColumnKey): unknown => {
      const column = index.get(key);
      return column === undefined ? '' : cells[column];
    };
    const textOf = (key: FeedColumnKey) => {
      const value = get(key);
      if (isErrorValue(value)) {
        problems.push({ code: 'error', team, row, field: key, value });
        return '';
      }
      return isBlank(value) ? '' : String(value).trim();
    };
    const krIdCell = get('kr_id');
    if (isBlank(krIdCell)) return;
    if (offset >= limit) {
      truncated = true;
      return;
    }
    const krId = textOf('kr_id');
    if (!krId) return;
    const version = get('schema_version');
    if (Number(version) !== FEED_SCHEMA_VERSION) {
      problems.push({ code: 'schemaVersion', team, row, field: 'schema_version', value: describeValue(version) });
      return;
    }
    if (seen.has(krId.toLowerCase())) {
      problems.push({ code: 'duplicate', team, row, field: 'kr_id', value: krId });
      return;
    }
    const objectiveId = textOf('objective_id');
    if (!objectiveId) {
      problems.push({ code: 'missing', team, row, field: 'objective_id' });
      return;
    }
    seen.add(krId.toLowerCase());
    const numberOf = (key: FeedColumnKey): number | null => {
      const value = get(key);
      if (isErrorValue(value)) {
        problems.push({ code: 'error', team, row, field: key, value });
        return null;
      }
      try {
        return readNumber(value, NUMBER_REF);
      } catch {
        problems.push({ code: 'notANumber', team, row, field: key, value: describeValue(value) });
        return null;
      }
    };
    const codeOf = (key: keyof typeof FEED_CODES & FeedColumnKey, otherCodes?: RegExp): string => {
      const value = textOf(key);
      const allowed: readonly string[] = FEED_CODES[key];
      if (value && !allowed.includes(value) && !otherCodes?.test(value)) {
        problems.push({ code: 'unknownCode', team, row, field: key, value, codes: allowed.join(', ') });
      }
      return value;
    };
    const lastRecordedCell = get('last_recorded');
    let lastRecorded: number | null = null;
    try {
      lastRecorded =
        isDate(lastRecordedCell) || !isErrorValue(lastRecordedCell) ? readDay(lastRecordedCell, NUMBER_REF) : null;
    } catch {
      problems.push({ code: 'notANumber', team, row, field: 'last_recorded', value: describeValue(lastRecordedCell) });
    }
    const status = codeOf('status');
    keyResults.push({
      team: textOf('team') || team,
      quarter: textOf('quarter'),
      level: codeOf('level'),
      objectiveId,
      objective: textOf('objective'),
      companyObjective: textOf('company_objective'),
      krId,
      keyResult: textOf('key_result'),
      owner: textOf('owner'),
      kind: codeOf('kind'),
      unit: codeOf('unit', /^[A-Z]{3}$/),
      start: numberOf('start'),
      target: numberOf('target'),
      current: numberOf('current'),
      score: numberOf('score'),
      status: (FEED_CODES.status as readonly string[]).includes(status) ? (status as Status) : null,
      confidence: numberOf('confidence'),
      lastRecorded,
      type: codeOf('type'),
      weight: numberOf('weight') ?? 1,
    });
  });
  return { keyResults, problems, truncated };
}
