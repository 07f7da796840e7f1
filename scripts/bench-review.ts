// Figures of issue 10's monthly review for `npm run bench`, on the typed fake: the service calls and time to
// generate the Monthly review tab of May 2027 (Q2) with `krCount` key results, 12 weeks of History for each
// and a Deals sheet of `dealCount` deals. History is written in one setValues and the deals imported through
// importDeals, so only the review itself is measured. The counts must not grow with the key results, the
// weeks or the deals (test/review/server.test.ts holds it). Compiled by esbuild and imported by
// scripts/bench.mjs.

import { asReal, createFakeServices, type FakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { HISTORY_COLUMNS, type HistoryRecord, historyRowCells } from '../src/core/check-in/history';
import { importDeals } from '../src/server/deals-api';
import { createHistorySheet } from '../src/server/history-sheet';
import { forgetLang } from '../src/server/language';
import { generateReview } from '../src/server/monthly-review';
import { buildQuarter } from '../src/server/quarter-builder';
import type { GenerateReviewResult } from '../src/shared/review-api';
import { sizedPlan } from '../test/okr-sheet/plans';
import { sampleExport } from './bench-deals';

export interface ReviewFigures {
  krCount: number;
  weeks: number;
  deals: number;
  calls: number;
  ms: number;
  result: GenerateReviewResult;
}

/** The serial day of the Wednesday of a week of Q2 2027 (week 1 starts on Monday 29 March 2027). */
export function wednesdaySerial(week: number): number {
  return Date.UTC(2027, 2, 29) / 86_400_000 + 25_569 + (week - 1) * 7 + 2;
}

/** `weeks` weeks of History for the key results O1.1 … of a plan of `objectives` × `perObjective`. */
export function sampleHistory(objectives: number, perObjective: number, weeks: number): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  for (let week = 1; week <= weeks; week++) {
    for (let o = 1; o <= objectives; o++) {
      for (let k = 1; k <= perObjective; k++) {
        records.push({
          recordedAt: '2027-04-01T09:00:00',
          day: wednesdaySerial(week),
          week,
          keyResultId: `O${o}.${k}`,
          value: 10 + week * k,
          // The standard forecast History keeps beside each value: here the end of the values' straight line.
          forecast: 10 + 12 * k,
          score: null,
          status: null,
          confidence: 7,
          comment: '',
          who: '',
          quarter: 'Q2 2027',
        });
      }
    }
  }
  return records;
}

/** Key results as objectives × key results each, the way the benches size a quarter. */
const SHAPES: Record<number, [number, number]> = { 9: [3, 3], 100: [20, 5] };

/**
 * Q2 2027 of `krCount` key results (9 or 100; each with `current` when given) on the fake behind `services`,
 * `weeks` weeks of History for each (one setValues) and a Deals sheet of `dealCount` deals (importDeals):
 * the workbook the review, close, initiatives, dashboard and nudges figures are measured on.
 */
export function quarterWithHistoryAndDeals(
  services: FakeServices,
  krCount: number,
  dealCount: number,
  weeks = 12,
  current?: number,
): void {
  const [objectives, perObjective] = SHAPES[krCount] ?? [krCount, 1];
  const plan = sizedPlan(objectives, perObjective);
  if (current !== undefined)
    for (const objective of plan.objectives) for (const kr of objective.keyResults) kr.current = current;
  buildQuarter(plan);
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const history = createHistorySheet(spreadsheet as never, 'en');
  const records = sampleHistory(objectives, perObjective, weeks);
  const real = asReal(services.spreadsheet.sheet(history.getName()));
  if (real.getMaxRows() < records.length + 1) real.insertRowsAfter(real.getMaxRows(), records.length + 1);
  real.getRange(2, 1, records.length, HISTORY_COLUMNS.length).setValues(records.map(historyRowCells));
  if (dealCount > 0) {
    const imported = importDeals(sampleExport(dealCount));
    if (!imported.ok) throw new Error(`quarterWithHistoryAndDeals: the import of ${dealCount} deals failed`);
  }
}

/** Generates May's review of a quarter of `krCount` key results (9 or 100), 12 weeks of History, `dealCount` deals. */
export function measureReview(krCount: number, dealCount: number, weeks = 12): ReviewFigures {
  const services = createFakeServices({ locale: 'pl_PL' });
  return withGlobalServices(services, () => {
    forgetLang();
    quarterWithHistoryAndDeals(services, krCount, dealCount, weeks);
    const started = performance.now();
    const measured = services.calls.measure(() => generateReview({ month: '2027-05', asOf: '2027-05-31' }));
    const ms = performance.now() - started;
    forgetLang();
    return { krCount, weeks, deals: dealCount, calls: measured.total, ms, result: measured.result };
  });
}
