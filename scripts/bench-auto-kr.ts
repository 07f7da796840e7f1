// Figures of issue 11's self-updating key results for `npm run bench`, through the built bundle on the local
// runtime (the fake with HyperFormula): the service calls and time of building a quarter whose KRs are fed by
// the Deals sheet, of the check-in sidebar's state over them, and the time from typing "won" into a deal's
// outcome to the fed values read again, for 7 or 28 fed KRs over `deals` deals; then the repair once the Deals
// sheet is deleted, and the New quarter sidebar's state a quarter later (each fed KR's source read back). The
// calls must not grow with the KRs (test/auto-kr/check-in.test.ts, repair.test.ts and carry-over.test.ts hold
// it). Compiled by esbuild and imported by scripts/bench.mjs.

import { createLocalRuntime } from '../local/runtime';
import { dealColumn } from '../src/core/deals/deals-sheet';
import { columnLetter } from '../src/core/okr-sheet/cells';
import { autoPlan } from '../test/auto-kr/fixtures';

export interface AutoKrFigures {
  fed: number;
  deals: number;
  buildCalls: number;
  buildMs: number;
  stateCalls: number;
  stateMs: number;
  /** Typing "won" into a deal's outcome, then the sidebar's state (every fed value recomputed and read). */
  wonMs: number;
  /** Repairing the fed formulas after the Deals sheet was deleted (an empty one made). */
  repairCalls: number;
  repairMs: number;
  /** The New quarter sidebar's state on the next quarter's first day, sources read back from the formulas. */
  nextStateCalls: number;
  nextStateMs: number;
}

/** `count` deals of Q1 2027: a quarter won, a quarter lost, the rest open. */
function deals(count: number) {
  const rows = Array.from({ length: count }, (_, index) => {
    const outcome = ['won', 'lost', 'open', 'open'][index % 4] as string;
    const day = String((index % 27) + 1).padStart(2, '0');
    const month = String((index % 3) + 1).padStart(2, '0');
    return {
      row: index + 2,
      cells: [`Deal ${index + 1}`, String(10_000 + index * 37), `2026-12-${day}`, `2027-${month}-${day}`, outcome],
    };
  });
  return { header: ['Deal', 'Amount', 'Created', 'Close Date', 'Outcome'], rows };
}

export function measureAutoKr(copies: number, dealCount: number): AutoKrFigures {
  let now = new Date('2027-02-24T12:00:00Z');
  const runtime = createLocalRuntime({ locale: 'pl_PL', timeZone: 'Europe/Warsaw', now: () => now });
  const plan = autoPlan('pl');
  plan.objectives = Array.from({ length: copies }).flatMap((_, copy) =>
    autoPlan('pl').objectives.map((objective) => ({ ...objective, title: `${objective.title} ${copy + 1}` })),
  );
  const { calls } = runtime.services;
  let started = performance.now();
  const build = calls.measure(() => runtime.call('submitQuarter', { plan, previousSheetId: null }));
  const buildMs = performance.now() - started;
  runtime.call('importDeals', deals(dealCount));
  runtime.call('showWeeklyCheckIn');
  started = performance.now();
  const state = calls.measure(() => runtime.call('getCheckInState', {}));
  const stateMs = performance.now() - started;
  // Deal 3 is open; marking it won moves every fed KR.
  started = performance.now();
  runtime.setCell('Transakcje', `${columnLetter(dealColumn('outcome'))}4`, 'wygrana');
  const after = runtime.call('getCheckInState', {});
  const wonMs = performance.now() - started;
  const fed = (after.ok ? ((after.value as { tab?: { fed?: unknown[] } }).tab?.fed ?? []) : []).length;
  const dealsSheet = runtime.services.spreadsheet.getSheetByName('Transakcje');
  if (dealsSheet) runtime.services.spreadsheet.deleteSheet(dealsSheet);
  started = performance.now();
  const repair = calls.measure(() => runtime.call('repairDealsFormulas', { confirm: true }));
  const repairMs = performance.now() - started;
  now = new Date('2027-04-01T09:00:00Z');
  started = performance.now();
  const nextState = calls.measure(() => runtime.call('getSidebarState'));
  const nextStateMs = performance.now() - started;
  return {
    fed,
    deals: dealCount,
    buildCalls: build.total,
    buildMs,
    stateCalls: state.total,
    stateMs,
    wonMs,
    repairCalls: repair.total,
    repairMs,
    nextStateCalls: nextState.total,
    nextStateMs,
  };
}
