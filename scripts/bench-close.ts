// Figures of issue 10's close for `npm run bench`, on the typed fake: the service calls and time of Close
// quarter (the Grades sheet, with each KR's forecast error from History) on Q2 2027 with `krCount` key results,
// 12 weeks of History for each and a Deals sheet of `dealCount` deals. The counts must not grow with the key
// results or the deals (test/close/close-quarter.test.ts holds it). Compiled by esbuild and imported by
// scripts/bench.mjs.

import { createFakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { closeQuarter } from '../src/server/close-quarter';
import { forgetLang } from '../src/server/language';
import type { CloseQuarterResult } from '../src/shared/close-api';
import { quarterWithHistoryAndDeals } from './bench-review';

export interface CloseFigures {
  krCount: number;
  weeks: number;
  deals: number;
  calls: number;
  ms: number;
  result: CloseQuarterResult;
}

/** Closes Q2 2027 (9 or 100 key results, each at 15 when closed) with `weeks` weeks of History and `dealCount` deals. */
export function measureClose(krCount: number, dealCount: number, weeks = 12): CloseFigures {
  const services = createFakeServices({ locale: 'pl_PL' });
  return withGlobalServices(services, () => {
    forgetLang();
    quarterWithHistoryAndDeals(services, krCount, dealCount, weeks, 15);
    const started = performance.now();
    const measured = services.calls.measure(() => closeQuarter({ asOf: '2027-07-01' }));
    const ms = performance.now() - started;
    forgetLang();
    return { krCount, weeks, deals: dealCount, calls: measured.total, ms, result: measured.result };
  });
}
