// Keeps the as-of cell of the OKR sheets a plain date of today (src/core/okr-sheet/as-of.ts says why and
// when a date is left alone). Runs when the spreadsheet opens with the add-on authorised, on every
// check-in (for that quarter's sheet), and from the menu item "Update as-of date", which also replaces a
// date the user typed. Each sheet costs the same few calls whatever its number of key results: one read of
// the header block (values and formulas), one metadata lookup and, when the date changes, one write of
// the cell and one of the remembered date.

import { asOfToWrite, findAsOfCell } from '../core/okr-sheet/as-of';
import { dateFormula } from '../core/okr-sheet/cells';
import { COLUMN_KEYS, HEADER_ROW, METADATA } from '../core/okr-sheet/columns';
import { findQuarterSheets } from './okr-sheet-reader';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What happened to one OKR sheet's as-of cell. */
export interface AsOfUpdate {
  sheetName: string;
  /** The date written (ISO), `null` when the cell was left as it is. */
  written: string | null;
}

/** The calendar day of an instant in the spreadsheet's time zone (never the script's). */
export function todayIn(spreadsheet: Spreadsheet, instant: Date = new Date()): string {
  return Utilities.formatDate(instant, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/** Brings one OKR sheet's as-of cell to `today` when it should follow (or always, with `force`). */
export function keepAsOfCurrent(sheet: Sheet, today: string, force = false): AsOfUpdate {
  const block = sheet.getRange(1, 1, HEADER_ROW - 1, COLUMN_KEYS.length);
  const values = block.getValues();
  const formulas = block.getFormulas();
  const { row, column } = findAsOfCell(values);
  const cell = { value: values[row - 1]?.[column - 1] ?? '', formula: formulas[row - 1]?.[column - 1] ?? '' };
  const remembered = sheet.createDeveloperMetadataFinder().withKey(METADATA.asOf).find()[0] ?? null;
  const written = asOfToWrite(cell, remembered ? remembered.getValue() : null, today, force);
  if (written !== null) {
    // A fixed DATE(): custom functions receive a Date, and nothing recomputes it but the add-on.
    sheet.getRange(row, column).setValue(dateFormula(written));
    if (remembered) remembered.setValue(written);
    else sheet.addDeveloperMetadata(METADATA.asOf, written);
  }
  return { sheetName: sheet.getName(), written };
}

/** Keeps the as-of cell of every open (not closed) quarter sheet current. */
export function keepAllAsOfCurrent(spreadsheet: Spreadsheet, today: string, force = false): AsOfUpdate[] {
  return findQuarterSheets(spreadsheet)
    .filter((quarter) => !quarter.frozen)
    .map((quarter) => keepAsOfCurrent(quarter.sheet, today, force));
}
