// The Deals sheet at the edge: the one finder of this sheet kind (by developer metadata, so renaming or
// moving the tab breaks nothing), making it at the end of the tabs, reading it in one getValues, and writing
// a laid-out table into it in a fixed number of batched calls whatever the number of deals.

import { DEAL_FIELDS, type DealField, matchDealColumns } from '../core/deals/deal';
import { DEALS_METADATA, type DealsSheetLayout, dealColumn, layoutDealsSheet } from '../core/deals/deals-sheet';
import type { DealsSource } from '../core/deals/pipeline-formulas';
import type { Lang } from '../core/i18n';
import { datesAsSerialDays } from './check-in-sheets';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Deals sheet, or `null` when the spreadsheet has none; a copy of it (same metadata) loses to the first. */
export function findDealsSheet(spreadsheet: Spreadsheet): Sheet | null {
  return findSheetByMetadata(spreadsheet, DEALS_METADATA.kind, DEALS_METADATA.kindValue);
}

/** Every value of the sheet from row 1 (its header row), dates as serial days: one getValues. */
export function readDealsValues(sheet: Sheet): unknown[][] {
  return datesAsSerialDays(() => sheet.getParent(), sheet.getDataRange().getValues());
}

/** Makes the Deals sheet at the end of the tabs (beside, never over, any other) and writes `layout` into it. */
export function createDealsSheet(spreadsheet: Spreadsheet, layout: DealsSheetLayout): Sheet {
  const name = nextFreeSheetName(spreadsheet, layout.name);
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  writeDealsLayout(sheet, layout);
  sheet.setFrozenRows(1);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  return sheet;
}

/**
 * Writes the laid-out table over the sheet's contents: what stood below the new table is cleared first (in
 * one call), so a table that got shorter leaves no stale rows. The caller merged those rows into the layout.
 */
export function writeDealsLayout(sheet: Sheet, layout: DealsSheetLayout): void {
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (maxRows > 1) sheet.getRange(2, 1, maxRows - 1, maxColumns).clearContent();
  writeSheetSpec(sheet, layout, 1);
}

/**
 * The Deals sheet as the check-in's pipeline formulas see it: its name and the column of each field its
 * header row names (one read of row 1); `null` when the spreadsheet has no Deals sheet.
 */
export function dealsSourceOf(spreadsheet: Spreadsheet): DealsSource | null {
  const sheet = findDealsSheet(spreadsheet);
  if (!sheet) return null;
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
  const columns: Partial<Record<DealField, number>> = {};
  for (const { field, column } of matchDealColumns(header).matched) columns[field] = column + 1;
  return { sheetName: sheet.getName(), columns };
}

/**
 * The Deals sheet fed key results read, made empty beside the others when the spreadsheet has none, so their
 * formulas name a sheet that exists and show no value until deals come, rather than #REF! or a 0.
 */
export function ensureDealsSheet(
  spreadsheet: Spreadsheet,
  lang: Lang,
  currency: string,
): { deals: DealsSource; created: boolean } {
  const found = dealsSourceOf(spreadsheet);
  if (found) return { deals: found, created: false };
  const layout = layoutDealsSheet({ lang, currency, table: { extraHeaders: [], rows: [] } });
  const sheet = createDealsSheet(spreadsheet, layout);
  const columns = Object.fromEntries(DEAL_FIELDS.map((field) => [field, dealColumn(field)]));
  return { deals: { sheetName: sheet.getName(), columns }, created: true };
}
