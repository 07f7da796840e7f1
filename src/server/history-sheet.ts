// The History sheet: one row per key result per recorded week, for every quarter, append-only. It is made on
// the first recording and found by its metadata afterwards (renaming it breaks nothing). Recording a week
// again appends the new rows first and only then deletes that week's earlier rows, so a failure half-way
// leaves a duplicate, never a loss; rows of other weeks are never written. Callers hold the document lock
// and read History inside it, so two people recording at once each see the other's rows.

import { checkInText } from '../core/check-in/check-in-texts';
import {
  HISTORY_COLUMNS,
  type HistoryRecord,
  historyRowCells,
  historyRowFormats,
  parseHistoryRow,
  weekRuns,
} from '../core/check-in/history';
import type { Lang } from '../core/i18n';
import { literalText } from '../core/okr-sheet/cells';
import { datesAsSerialDays } from './check-in-sheets';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HISTORY_METADATA = { kind: 'okr.kind', kindValue: 'okr-history' } as const;

/** The first row of records; row 1 holds the titles. */
const FIRST_ROW = 2;

/** The History sheet, or `null` before the first recording. */
export function findHistorySheet(spreadsheet: Spreadsheet): Sheet | null {
  return findSheetByMetadata(spreadsheet, HISTORY_METADATA.kind, HISTORY_METADATA.kindValue);
}

/** Makes the History sheet at the end of the tabs, titled in the spreadsheet's language. */
export function createHistorySheet(spreadsheet: Spreadsheet, lang: Lang): Sheet {
  const name = nextFreeSheetName(spreadsheet, checkInText(lang, 'historySheet'));
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  const titles = sheet.getRange(1, 1, 1, HISTORY_COLUMNS.length);
  titles.setValues([HISTORY_COLUMNS.map((key) => literalText(checkInText(lang, `hist_${key}`)))]);
  titles.setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.addDeveloperMetadata(HISTORY_METADATA.kind, HISTORY_METADATA.kindValue);
  // Append-only by intent: a person may still correct a row, after a warning.
  sheet.protect().setDescription(checkInText(lang, 'historyProtection')).setWarningOnly(true);
  return sheet;
}

/**
 * Every row of History, in sheet order, as records; `null` where a row holds no record (so positions stay
 * those of the rows). One getValues over the used range.
 */
export function readHistory(sheet: Sheet): (HistoryRecord | null)[] {
  return readHistoryTable(sheet).rows;
}

/**
 * History's rows as readHistory gives them, and how many of its columns have a title: a History made before
 * a column was appended (the standard forecast) has fewer, and gets the missing titles at its next recording.
 * The same one getValues.
 */
export function readHistoryTable(sheet: Sheet): { rows: (HistoryRecord | null)[]; titledColumns: number } {
  const values = datesAsSerialDays(() => sheet.getParent(), sheet.getDataRange().getValues());
  const titles = values[0] ?? [];
  let titledColumns = 0;
  while (titledColumns < HISTORY_COLUMNS.length && String(titles[titledColumns] ?? '').trim() !== '') titledColumns++;
  return { rows: values.slice(FIRST_ROW - 1).map(parseHistoryRow), titledColumns };
}

/**
 * Writes the titles History lacks (columns appended since it was made), in the spreadsheet's language: one
 * setValues, only on a History made by an earlier version, and never over a title a person typed.
 */
export function addMissingTitles(sheet: Sheet, titledColumns: number, lang: Lang): void {
  if (titledColumns >= HISTORY_COLUMNS.length) return;
  const missing = HISTORY_COLUMNS.slice(titledColumns);
  sheet
    .getRange(1, titledColumns + 1, 1, missing.length)
    .setValues([missing.map((key) => literalText(checkInText(lang, `hist_${key}`)))]);
}

/** The records of History, blanks left out. */
export function historyRecords(rows: readonly (HistoryRecord | null)[]): HistoryRecord[] {
  return rows.filter((record): record is HistoryRecord => record !== null);
}

/**
 * Replaces one week of one quarter by `records`: appends them in one setValues, then deletes that week's
 * earlier rows (one deleteRows per run of adjacent rows, one run unless someone sorted History). Returns
 * how many rows were replaced and History as it now stands. `valueFormats` gives each record's value its
 * unit's number format (General when absent).
 */
export function replaceHistoryWeek(
  sheet: Sheet,
  rows: readonly (HistoryRecord | null)[],
  quarter: string,
  week: number,
  records: readonly HistoryRecord[],
  valueFormats: readonly string[] = [],
): { replaced: number; history: HistoryRecord[] } {
  const runs = weekRuns(rows, week, quarter);
  if (records.length > 0) {
    const lastRow = FIRST_ROW - 1 + rows.length;
    const needed = lastRow + records.length;
    // Grown by exactly the rows missing (one call, as many rows as a week brings): every trend and
    // last-recorded formula reads History's whole columns, so blank rows below the records cost every cell
    // that reads them, in Sheets as in the local engine.
    const maxRows = sheet.getMaxRows();
    if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows);
    const target = sheet.getRange(lastRow + 1, 1, records.length, HISTORY_COLUMNS.length);
    target.setNumberFormats(records.map((_, index) => historyRowFormats(valueFormats[index] ?? 'General')));
    target.setValues(records.map(historyRowCells));
  }
  // Written before anything is deleted: the runs all lie above the appended rows, deleted bottom-up.
  for (const { start, count } of runs) sheet.deleteRows(FIRST_ROW + start, count);
  const replaced = runs.reduce((sum, run) => sum + run.count, 0);
  const kept = historyRecords(rows).filter((record) => !(record.week === week && record.quarter === quarter));
  return { replaced, history: [...kept, ...records] };
}
