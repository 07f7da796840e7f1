// "Monthly review": opens the review tab of a month of the quarter, or creates it beside the quarter's OKR
// sheet when there is none yet, from History (each key result's month) and the Deals sheet (win rate, cycle,
// deal value against last month, won and lost deals). An existing tab is never rewritten: corrections and
// feedback typed there stay. A month outside the quarter is refused, naming the quarter's months. The tab is
// found by developer metadata and written in a fixed number of batched calls, whatever the number of key
// results, History rows and deals, under the document lock. Answers are codes; the menu and the CLI word them.

import { decimalMarkOf } from '../core/cell-values';
import { readDeals } from '../core/deals/deal';
import type { Lang } from '../core/i18n';
import { wholeRow } from '../core/okr-sheet/cells';
import { unitFormat } from '../core/okr-sheet/layout';
import {
  checkReviewMonth,
  isMonth,
  monthlyReview,
  monthOfDay,
  quarterMonths,
  type ReviewKeyResult,
} from '../core/review/review';
import {
  layoutReviewSheet,
  REVIEW_METADATA,
  type ReviewSheetLayout,
  reviewKey,
  reviewRegionMarkers,
} from '../core/review/review-sheet';
import { type GenerateReviewResult, generateReviewPayloadSchema, type ReviewNote } from '../shared/review-api';
import { isoDay, listQuarters, type QuarterSheet } from './check-in-sheets';
import { findDealsSheet, readDealsValues } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Unreadable Deals rows named in a note; the rest are counted. */
const NAMED_ROWS = 5;

/**
 * The quarter a review of `month` is about: the latest-starting quarter the month is one of; else, to say
 * which months can be reviewed, the quarter running on `asOf` (the latest started), else the first one.
 */
export function quarterOfMonth(
  quarters: readonly QuarterSheet[],
  month: string,
  asOf: string,
): { quarter: QuarterSheet | null; holds: boolean } {
  const byStart = [...quarters].sort((a, b) => a.start.localeCompare(b.start));
  const holding = byStart.filter((quarter) => quarterMonths(quarter.start, quarter.end).includes(month));
  if (holding.length > 0) return { quarter: holding[holding.length - 1] ?? null, holds: true };
  const started = byStart.filter((quarter) => quarter.start <= asOf);
  return { quarter: started[started.length - 1] ?? byStart[0] ?? null, holds: false };
}

/** The review tab of a quarter's month, or `null`; a copy of the tab (same metadata) loses to the first. */
export function findReviewSheet(spreadsheet: Spreadsheet, quarter: string, month: string): Sheet | null {
  return findSheetByMetadata(spreadsheet, REVIEW_METADATA.key, reviewKey(quarter, month));
}

/**
 * Writes a laid-out review into a new, empty sheet: the batched writer, the trim to its size (a new sheet's
 * 1000 × 26 cells count against the spreadsheet's limit), widths, metadata and the single-row region
 * markers, a fixed number of each.
 */
export function writeReviewTab(sheet: Sheet, layout: ReviewSheetLayout): void {
  writeSheetSpec(sheet, layout, 1);
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (maxRows > layout.lastRow) sheet.deleteRows(layout.lastRow + 1, maxRows - layout.lastRow);
  if (maxColumns > layout.lastColumn) sheet.deleteColumns(layout.lastColumn + 1, maxColumns - layout.lastColumn);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  for (const { key, value, row } of reviewRegionMarkers(layout.regions, layout.lastRow)) {
    sheet.getRange(wholeRow(row)).addDeveloperMetadata(key, value);
  }
}

/** Opens or creates the Monthly review tab of a month (the month of today by default). */
export function generateReview(payload?: unknown): GenerateReviewResult {
  const parsed = generateReviewPayloadSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, code: 'badRequest' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = parsed.data.asOf ?? isoDay(spreadsheet, new Date());
  const month = (parsed.data.month ?? monthOfDay(asOf)).trim();
  if (!isMonth(month)) return { ok: false, code: 'badMonth', month };

  return withDocumentLock((): GenerateReviewResult => {
    // Found inside the lock: a review that just finished is seen, so a double click opens its tab.
    const { quarter, holds } = quarterOfMonth(listQuarters(spreadsheet), month, asOf);
    if (!quarter) return { ok: false, code: 'noQuarter' };
    const refused = holds ? null : checkReviewMonth(month, quarter);
    if (refused && refused.code === 'monthOutsideQuarter') return { ok: false, ...refused };
    const lang: Lang = quarter.settings.language;
    const currency = quarter.settings.currency;
    const reading = readQuarter(quarter.sheet);
    if (!reading.plan) {
      return {
        ok: false,
        code: 'unreadable',
        sheetName: quarter.sheet.getName(),
        problems: reading.problems.map(({ row, message }) => ({ row, message })),
      };
    }
    const notes: ReviewNote[] = reading.problems.map(({ row, message }) => ({ code: 'brokenOkrRow', row, message }));
    const keyResults: ReviewKeyResult[] = reading.plan.objectives.flatMap((objective, o) =>
      objective.keyResults.map((keyResult, k) => ({
        id: keyResult.id ?? `${objective.id ?? `O${o + 1}`}.${k + 1}`,
        title: keyResult.title,
        numberFormat: unitFormat(keyResult.unit, keyResult.currency ?? currency, lang),
        start: keyResult.start,
        target: keyResult.target,
      })),
    );
    const historySheet = findHistorySheet(spreadsheet);
    const history = historySheet ? historyRecords(readHistory(historySheet)) : [];
    const dealsSheet = findDealsSheet(spreadsheet);
    let deals = null;
    if (dealsSheet) {
      const [header = [], ...rows] = readDealsValues(dealsSheet);
      const dealReading = readDeals(
        header,
        rows.map((cells, index) => ({ row: index + 2, cells })),
        decimalMarkOf(spreadsheet.getSpreadsheetLocale()),
      );
      deals = dealReading.deals;
      const badRows = [...new Set(dealReading.problems.flatMap((problem) => ('row' in problem ? [problem.row] : [])))];
      if (badRows.length > 0) {
        notes.push({ code: 'unreadableDeals', count: badRows.length, rows: badRows.slice(0, NAMED_ROWS) });
      }
    }
    const review = monthlyReview({ quarter: quarter.label, month, keyResults, history, deals });
    const answer = (sheet: Sheet, created: boolean): GenerateReviewResult => ({
      ok: true,
      created,
      quarter: quarter.label,
      month,
      sheetId: sheet.getSheetId(),
      sheetName: sheet.getName(),
      review,
      notes,
    });
    const existing = findReviewSheet(spreadsheet, quarter.label, month);
    if (existing) {
      existing.activate();
      return answer(existing, false);
    }
    const layout = layoutReviewSheet({
      lang,
      currency,
      review,
      keyResultIds: keyResults.map((keyResult) => keyResult.id),
      madeOn: asOf,
    });
    const name = nextFreeSheetName(spreadsheet, layout.name);
    // Beside the OKR sheet, with the quarter's other tabs.
    const sheet = spreadsheet.insertSheet(name, quarter.sheet.getIndex());
    writeReviewTab(sheet, layout);
    sheet.activate();
    if (name !== layout.name) notes.unshift({ code: 'nameTaken', name: layout.name, newName: name });
    return answer(sheet, true);
  });
}
