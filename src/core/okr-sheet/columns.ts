// The columns of the OKR table and the fixed places of the header block above it: layout version 1.
// The table is flat, one row per key result, so a manager can sort and filter by owner, kind or status;
// the objective is repeated on each of its rows. Each column carries a stable key, which the builder
// writes as column metadata and the reader looks for, so inserted or moved columns are still found.

import type { Lang } from '../i18n';
import { type SheetTextKey, sheetText } from './texts';

/** Bumped when the places of the header block or the meaning of a column change. */
export const LAYOUT_VERSION = 1;

// A manager reads a row left to right: which key result it is, then how it stands. The identity columns
// come first and are frozen, the three computed columns right after them, so on a 1366 px laptop screen
// (about 1,250 px of columns beside Sheets' row numbers and scrollbar) score, objective score and status
// show without scrolling sideways; what the owner types (values, weight, type, notes) follows. Sheets keeps
// frozen columns in place while the rest scroll: https://support.google.com/docs/answer/9060449
export const COLUMN_KEYS = [
  'level',
  'objectiveId',
  'objective',
  'krId',
  'keyResult',
  'score',
  'objectiveScore',
  'status',
  'owner',
  'kind',
  'unit',
  'start',
  'target',
  'current',
  'weight',
  'type',
  'parent',
  'notes',
  'initiatives',
  // The scenario plan (minimum and maximum beside the standard target) and the scenario the current value
  // reaches, at the end so sheets built before them keep every other column where it was.
  'minTarget',
  'maxTarget',
  'scenario',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The columns that say which key result a row is: frozen, so they stay in view while the rest scroll. */
export const IDENTITY_COLUMNS: readonly ColumnKey[] = ['level', 'objectiveId', 'objective', 'krId', 'keyResult'];
export const FROZEN_COLUMNS = IDENTITY_COLUMNS.length;

/** The columns the add-on computes; everything else is the user's to type. */
export const FORMULA_COLUMNS: readonly ColumnKey[] = ['score', 'objectiveScore', 'status', 'initiatives', 'scenario'];

/**
 * Widths in pixels: narrow ids and numbers, wide titles and notes, each wide enough for its title in both
 * languages, in Sheets' Arial (test/okr-sheet/header-fit.test.ts) and in the wider DejaVu Sans a Linux
 * browser falls back to (the playground's Chromium test). Column F, the score, also holds the header
 * block's dates, so it is wide enough for `2027-03-31`; B to D carry the status legend over their width.
 */
const WIDTHS: Record<ColumnKey, number> = {
  level: 90,
  objectiveId: 105,
  objective: 260,
  krId: 60,
  keyResult: 280,
  score: 90,
  objectiveScore: 130,
  status: 70,
  owner: 120,
  kind: 110,
  unit: 80,
  start: 100,
  target: 145,
  current: 130,
  weight: 60,
  type: 120,
  parent: 80,
  notes: 240,
  initiatives: 190,
  minTarget: 135,
  maxTarget: 140,
  scenario: 175,
};

export interface ColumnSpec {
  key: ColumnKey;
  /** 1-based column number in a freshly built sheet. */
  column: number;
  width: number;
}

export const COLUMNS: readonly ColumnSpec[] = COLUMN_KEYS.map((key, index) => ({
  key,
  column: index + 1,
  width: WIDTHS[key],
}));

/** Column number of a key in a freshly built sheet. */
export function columnOf(key: ColumnKey): number {
  return COLUMN_KEYS.indexOf(key) + 1;
}

/** The title of a column in a language. */
export function columnTitle(key: ColumnKey, lang: Lang): string {
  return sheetText(lang, `col_${key}` as SheetTextKey);
}

/** The labelled values of the header block: label in one cell, value in the cell to its right. */
export const HEADER_FIELDS = ['team', 'quarter', 'bands', 'quarterStart', 'quarterEnd', 'asOf', 'expected'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

// Two label/value pairs side by side (A:B and E:F) keep the block five rows high, so the frozen rows
// above the table stay short; B's texts overflow into the empty C and D, F is wide enough for a date.
export const HEADER_PLACES: Record<HeaderField, { row: number; labelColumn: number }> = {
  team: { row: 2, labelColumn: 1 },
  quarter: { row: 3, labelColumn: 1 },
  bands: { row: 4, labelColumn: 1 },
  quarterStart: { row: 2, labelColumn: 5 },
  quarterEnd: { row: 3, labelColumn: 5 },
  asOf: { row: 4, labelColumn: 5 },
  expected: { row: 5, labelColumn: 5 },
};

export const TITLE_ROW = 1;
/** The row of the column titles; the add-on's per-column formulas sit here, out of reach of a sort. */
export const HEADER_ROW = 6;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/**
 * Empty rows kept inside the table below the last key result: formulas, formats and dropdowns already
 * cover them, so a key result typed there is scored like the others.
 */
export const SPARE_ROWS = 20;

/** Developer metadata keys; values are plain text (the settings are JSON). */
export const METADATA = {
  kind: 'okr.kind',
  kindValue: 'okr-quarter',
  quarter: 'okr.quarter',
  layout: 'okr.layout',
  settings: 'okr.settings',
  column: 'okr.column',
  row: 'okr.row',
  headerRowValue: 'header',
  frozen: 'okr.frozen',
  /** The as-of date (ISO) the add-on last wrote into the header's as-of cell. */
  asOf: 'okr.asOf',
} as const;
