// The as-of cell of an OKR sheet: a plain date the add-on keeps current, never `=TODAY()`. Google's
// custom-function guide says a volatile function may not be an argument, and a value based on one may show
// "Loading…" forever; the as-of cell feeds KR_PACE, KR_STATUS and KR_NEEDED_PER_WEEK. So the add-on writes
// today's date there as a fixed `=DATE(2027;1;15)`, like the quarter's dates (nothing volatile, no locale
// or time zone reads it differently), on open, on every check-in and from the menu, and remembers, in the sheet's
// developer metadata, which date it wrote: a cell still holding that date (or blank, or the `=TODAY()` of a
// sheet built before) follows today, while a date the user typed to look back stays until they pick the menu
// item, which sets today explicitly.

import { dayFromIso, readDay } from '../cell-values';
import { HEADER_PLACES, type HeaderField } from './columns';
import { LANGS, sheetText } from './texts';

/** The as-of cell as read: its value (a `Date` or a serial day when a date) and its formula (`''` when none). */
export interface AsOfCell {
  value: unknown;
  formula: string;
}

/**
 * The day to write into the as-of cell (ISO), or `null` to leave it as it is.
 * @param written The date the add-on last wrote there (ISO), `null` when it never did.
 * @param force The user asked for today (the menu item): a date they typed is replaced too.
 * @example asOfToWrite({ value: date, formula: '=DATE(2027;1;10)' }, '2027-01-10', '2027-01-11', false) // '2027-01-11'
 * @example asOfToWrite({ value: typedDate20261231, formula: '' }, '2027-01-10', '2027-01-11', false) // null
 */
export function asOfToWrite(cell: AsOfCell, written: string | null, today: string, force: boolean): string | null {
  const fixed = cell.formula ? fixedDay(cell.formula) : readAsOfDay(cell.value);
  if (fixed !== null && fixed === dayFromIso(today)) return null;
  if (force) return today;
  // `=TODAY()`: a sheet built before the add-on kept the date; any other formula is the user's own.
  if (/^=\s*TODAY\s*\(\s*\)\s*$/i.test(cell.formula)) return today;
  if (!cell.formula && (cell.value === '' || cell.value === null || cell.value === undefined)) return today;
  return written !== null && fixed === dayFromIso(written) ? today : null;
}

/** The day of a `=DATE(2027;1;15)` formula (either separator), `null` for any other formula. */
function fixedDay(formula: string): number | null {
  const match = /^=\s*DATE\s*\(\s*(\d{4})\s*[;,]\s*(\d{1,2})\s*[;,]\s*(\d{1,2})\s*\)\s*$/i.exec(formula);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return dayFromIso(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

function readAsOfDay(value: unknown): number | null {
  try {
    return readDay(value, { fn: 'asOf', arg: 'asOf' });
  } catch {
    // Text that is no date is the user's: it stays.
    return null;
  }
}

/**
 * Where the as-of value sits in the block above the table (1-based row and column): right of the "As of"
 * label in either language, else where a fresh sheet has it.
 */
export function findAsOfCell(block: readonly (readonly unknown[])[]): { row: number; column: number } {
  const field: HeaderField = 'asOf';
  const labels = LANGS.map((lang) => sheetText(lang, field).trim().toLowerCase());
  for (let row = 0; row < block.length; row++) {
    const index = (block[row] ?? []).findIndex((cell) => labels.includes(String(cell).trim().toLowerCase()));
    if (index >= 0) return { row: row + 1, column: index + 2 };
  }
  return { row: HEADER_PLACES.asOf.row, column: HEADER_PLACES.asOf.labelColumn + 1 };
}
