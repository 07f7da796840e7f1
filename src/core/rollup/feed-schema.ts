// The OKR feed's contract (docs/okr-feed.md): the columns every team spreadsheet publishes, one flat row per
// key result, and where they are. A company roll-up, Looker Studio, BigQuery (Connected Sheets) or the CLI
// reads the feed by these names and codes, never by the sheet's language, so everything here is fixed text.
// Version 1; a column is only ever appended (a minor change readers may ignore); a change of meaning or order
// bumps FEED_SCHEMA_VERSION.

/** The feed schema version written in every row's first column. */
export const FEED_SCHEMA_VERSION = 1;

/** What a column holds, as docs/okr-feed.md describes it. */
export type FeedColumnType = 'integer' | 'text' | 'code' | 'number' | 'score' | 'date';

/** The columns of the feed, in order (A to U): their names are the header row, in both languages. */
export const FEED_COLUMNS = [
  { key: 'schema_version', type: 'integer' },
  { key: 'team', type: 'text' },
  { key: 'quarter', type: 'text' },
  { key: 'level', type: 'code' },
  { key: 'objective_id', type: 'text' },
  { key: 'objective', type: 'text' },
  { key: 'company_objective', type: 'text' },
  { key: 'kr_id', type: 'text' },
  { key: 'key_result', type: 'text' },
  { key: 'owner', type: 'text' },
  { key: 'kind', type: 'code' },
  { key: 'unit', type: 'code' },
  { key: 'start', type: 'number' },
  { key: 'target', type: 'number' },
  { key: 'current', type: 'number' },
  { key: 'score', type: 'score' },
  { key: 'status', type: 'code' },
  { key: 'confidence', type: 'number' },
  { key: 'last_recorded', type: 'date' },
  { key: 'type', type: 'code' },
  { key: 'weight', type: 'number' },
] as const satisfies readonly { key: string; type: FeedColumnType }[];

export type FeedColumnKey = (typeof FEED_COLUMNS)[number]['key'];
export const FEED_KEYS: readonly FeedColumnKey[] = FEED_COLUMNS.map((column) => column.key);

/** 1-based column of a feed column. */
export function feedColumn(key: FeedColumnKey): number {
  return FEED_KEYS.indexOf(key) + 1;
}

/**
 * The feed's working columns, right of the contract's and outside OKR_FEED: the formulas' own, no part of the
 * schema (src/core/rollup/feed-sheet.ts). `_krs_so_far`: the KR ids counted from the OKR table's top down to
 * the table row at this row's position; `_okr_row`: the position in the table of this feed row's key result.
 */
export const FEED_WORK_COLUMNS = ['_krs_so_far', '_okr_row'] as const;
export type FeedWorkColumn = (typeof FEED_WORK_COLUMNS)[number];

/** 1-based column of a working column: right after the contract's columns (V, W). */
export function feedWorkColumn(key: FeedWorkColumn): number {
  return FEED_COLUMNS.length + 1 + FEED_WORK_COLUMNS.indexOf(key);
}

/** The codes of the code columns; a team's own word that is none of them is passed through as it is. */
export const FEED_CODES = {
  level: ['company', 'team', 'individual'],
  kind: ['increase', 'decrease', 'at_least', 'at_most', 'milestone'],
  unit: ['count', 'percent', 'days', 'hours', 'points'],
  status: ['green', 'yellow', 'red'],
  type: ['committed', 'aspirational'],
} as const;

/** The feed tab's name, the same in every language, so a reader outside the team's file can name it. */
export const FEED_SHEET_NAME = 'OKR feed';

/**
 * The named range over the roll-up window of the feed (header row, the key results a roll-up reads, and one
 * row more to notice a feed longer than that). IMPORTRANGE accepts a named range as its range_string
 * (https://support.google.com/docs/answer/3093340: "Use named range"), and a named range follows its tab
 * when someone renames it, which a "'OKR feed'!A1:U102" string would not.
 */
export const FEED_NAMED_RANGE = 'OKR_FEED';

/** Key results per team a company roll-up reads: the 100, with the header and a sentinel row. */
export const ROLLUP_KEY_RESULTS_PER_TEAM = 100;
/** Rows of the window: the header row, ROLLUP_KEY_RESULTS_PER_TEAM rows, and the sentinel row. */
export const FEED_WINDOW_ROWS = ROLLUP_KEY_RESULTS_PER_TEAM + 2;

/** The range string the company's IMPORTRANGE passes: the named range. */
export const FEED_RANGE_STRING = FEED_NAMED_RANGE;

/** The same window as an A1 range string, for readers that do not take named ranges. */
export const FEED_WINDOW_A1 = `'${FEED_SHEET_NAME}'!A1:${String.fromCharCode(64 + FEED_COLUMNS.length)}${FEED_WINDOW_ROWS}`;

/** Developer metadata of the feed tab: its kind and the quarter it follows. */
export const FEED_METADATA = { kind: 'okr.kind', kindValue: 'okr-feed', quarter: 'okr.feed.quarter' } as const;
