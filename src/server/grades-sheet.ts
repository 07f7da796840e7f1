// The Grades sheets of closed quarters, found by developer metadata and never by name: one finder query for
// a quarter's sheet (or for the labels of every graded quarter), one read of a sheet's values and its
// metadata, and the writer of a new one in a fixed number of batched calls, none per key result.

import {
  GRADES_METADATA,
  type GradesReading,
  type GradesSheetLayout,
  parseGradesInfo,
  readGradesGrid,
} from '../core/close/grades-sheet';
import { wholeRow } from '../core/okr-sheet/cells';
import { findSheetByMetadata } from './sheet-finder';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function gradesFinder(spreadsheet: Spreadsheet) {
  return spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(GRADES_METADATA.key);
}

/** The Grades sheet of a quarter, or `null`; a copy of the sheet (same metadata) loses to the first. */
export function findGradesSheet(spreadsheet: Spreadsheet, quarterLabel: string): Sheet | null {
  return findSheetByMetadata(spreadsheet, GRADES_METADATA.key, quarterLabel);
}

/** The labels of every quarter that has a Grades sheet, in one query. */
export function gradedQuarters(spreadsheet: Spreadsheet): Set<string> {
  const labels = new Set<string>();
  for (const metadata of gradesFinder(spreadsheet).find()) {
    if (metadata.getLocation().getSheet()) labels.add(metadata.getValue() ?? '');
  }
  return labels;
}

/** Reads a Grades sheet: one getValues of its used range and one metadata query; `null` when it is none. */
export function readGradesSheet(sheet: Sheet): GradesReading | null {
  let info = null;
  let first: number | null = null;
  let last: number | null = null;
  for (const metadata of sheet.createDeveloperMetadataFinder().find()) {
    const key = metadata.getKey();
    if (key === GRADES_METADATA.info) info = parseGradesInfo(metadata.getValue()) ?? info;
    else if (metadata.getValue() === GRADES_METADATA.regionValue) {
      const row = metadata.getLocation().getRow()?.getRow() ?? null;
      if (key === GRADES_METADATA.regionStart) first = row;
      else if (key === GRADES_METADATA.regionEnd) last = row;
    }
  }
  const region = first !== null && last !== null && last >= first ? { row: first, rows: last - first + 1 } : null;
  if (!info) return null;
  return readGradesGrid({ values: sheet.getDataRange().getValues(), keyResultRegion: region });
}

/**
 * Writes a laid-out Grades sheet into a new, empty sheet: the spec in its batched calls, the grid cut to
 * the layout, the widths, the metadata and the KR rows' region, none per key result.
 */
export function writeGradesSheet(sheet: Sheet, layout: GradesSheetLayout): void {
  writeSheetSpec(sheet, layout, 1);
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (maxRows > layout.lastRow) sheet.deleteRows(layout.lastRow + 1, maxRows - layout.lastRow);
  if (maxColumns > layout.lastColumn) sheet.deleteColumns(layout.lastColumn + 1, maxColumns - layout.lastColumn);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  const { row, rows } = layout.keyResultRegion;
  if (rows > 0) {
    const { regionStart, regionEnd, regionValue } = GRADES_METADATA;
    sheet.getRange(wholeRow(row)).addDeveloperMetadata(regionStart, regionValue);
    sheet.getRange(wholeRow(row + rows - 1)).addDeveloperMetadata(regionEnd, regionValue);
  }
}
