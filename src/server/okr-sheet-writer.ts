// Writes a laid-out OKR sheet (src/core/okr-sheet/layout.ts) into a sheet in a fixed number of batched
// calls: the grids, dropdowns, notes and colour rules as every laid-out sheet (./sheet-writer.ts), then the
// frozen rows and columns, widths, protections, names and metadata. Nothing here loops over key results, so a quarter
// of 100 KRs costs the same calls as one of 9. Also names new sheets and closes a quarter's sheet.

import type { Lang } from '../core/i18n';
import { wholeColumn, wholeRow } from '../core/okr-sheet/cells';
import { METADATA } from '../core/okr-sheet/columns';
import type { QuarterLayout } from '../core/okr-sheet/layout';
import { sheetText } from '../core/okr-sheet/texts';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes the whole layout into `sheet` (a new, empty sheet). */
export function writeQuarterLayout(spreadsheet: Spreadsheet, sheet: Sheet, layout: QuarterLayout): void {
  // Dropdowns cover the data rows only: the header's cells stay free text.
  writeSheetSpec(sheet, layout, layout.firstDataRow);
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { a1, description } of layout.protections) {
    sheet.getRange(a1).protect().setDescription(description).setWarningOnly(true);
  }
  writeNamedRanges(spreadsheet, sheet, layout);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  // Column and row metadata sit on whole columns and rows (`C:C`, `6:6`), and then move with them.
  for (const { column, key, value } of layout.columnMetadata) {
    sheet.getRange(wholeColumn(column)).addDeveloperMetadata(key, value);
  }
  for (const { row, key, value } of layout.rowMetadata) {
    sheet.getRange(wholeRow(row)).addDeveloperMetadata(key, value);
  }
}

/** `OKR_Q1_2027`: a named-range prefix from the quarter label, unique in the spreadsheet. */
function writeNamedRanges(spreadsheet: Spreadsheet, sheet: Sheet, layout: QuarterLayout): void {
  const base = `OKR_${layout.label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
  const first = layout.namedRanges[0];
  let prefix = base;
  // Another sheet of the same quarter (a copy, an earlier build) already has the plain names.
  for (let n = 2; first && spreadsheet.getRangeByName(`${prefix}_${first.suffix}`) !== null; n++)
    prefix = `${base}_${n}`;
  for (const { suffix, a1 } of layout.namedRanges) spreadsheet.setNamedRange(`${prefix}_${suffix}`, sheet.getRange(a1));
}

/** The first of `name`, `name (2)`, `name (3)`… that no sheet has. */
export function nextFreeSheetName(spreadsheet: Spreadsheet, name: string): string {
  if (spreadsheet.getSheetByName(name) === null) return name;
  let n = 2;
  while (spreadsheet.getSheetByName(`${name} (${n})`) !== null) n++;
  return `${name} (${n})`;
}

/**
 * Closes a quarter's sheet: its values and formulas stay exactly as they are, the whole sheet gets a
 * warning-only protection (the owner can still correct a value after a confirmation), and metadata marks
 * it closed so the sidebar can tell.
 */
export function freezeQuarterSheet(sheet: Sheet, lang: Lang, label: string, closedOn: string): void {
  sheet
    .protect()
    .setDescription(sheetText(lang, 'frozenProtection', { quarter: label }))
    .setWarningOnly(true);
  sheet.addDeveloperMetadata(METADATA.frozen, closedOn);
}
