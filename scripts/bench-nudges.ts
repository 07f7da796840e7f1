// Figures of issue 11's nudges for `npm run bench`, on the typed fake: the service calls of the toast that
// says what is due when the spreadsheet opens (showDueToast, as onOpen runs it authorised), for a quarter of
// `krCount` key results with four weeks of History, on the Wednesday of week 6. The count must not grow with
// the key results (test/nudges/server.test.ts holds it at 9 and 100). Compiled by esbuild and imported by
// scripts/bench.mjs.

import { type CallCounts, createFakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { generateCheckIn } from '../src/server/check-in-generate';
import { forgetLang } from '../src/server/language';
import { getCheckInNudges, makeOwnersTable, showDueToast } from '../src/server/nudges';
import { quarterWithHistoryAndDeals } from './bench-review';

export interface ToastFigures {
  krCount: number;
  calls: number;
  counts: CallCounts;
  line: string | null;
  ms: number;
}

/** The Wednesday of week 6 of Q2 2027 (week 1 starts on Monday 29 March), mid-morning in Warsaw. */
export const WEEK_6 = new Date('2027-05-05T09:00:00Z');

/** Measures the toast on open for a quarter of 9 or 100 key results with `weeks` weeks of History. */
export function measureToast(krCount: number, weeks = 4): ToastFigures {
  const services = createFakeServices({ locale: 'en_US' });
  return withGlobalServices(services, () => {
    forgetLang();
    quarterWithHistoryAndDeals(services, krCount, 0, weeks);
    const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
    forgetLang();
    const started = performance.now();
    const measured = services.calls.measure(() => showDueToast(spreadsheet as never, 'en', WEEK_6));
    const ms = performance.now() - started;
    return { krCount, calls: measured.total, counts: measured.counts, line: measured.result, ms };
  });
}

/** The service calls of the check-in sidebar's What is due answer, with an Owners table, for 9 or 100 KRs. */
export function measureNudges(krCount: number, weeks = 4): { calls: number; counts: CallCounts; stale: number } {
  const services = createFakeServices({ locale: 'en_US' });
  return withGlobalServices(services, () => {
    forgetLang();
    quarterWithHistoryAndDeals(services, krCount, 0, weeks);
    const { sheetId } = generateCheckIn({ asOf: WEEK_6 });
    makeOwnersTable();
    const measured = services.calls.measure(() => getCheckInNudges({ sheetId: sheetId ?? -1 }));
    forgetLang();
    const stale = measured.result.ok ? measured.result.digest.stale.length : -1;
    return { calls: measured.total, counts: measured.counts, stale };
  });
}
