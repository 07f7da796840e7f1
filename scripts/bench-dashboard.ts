// Figures of issue 10's dashboard for `npm run bench`, on the typed fake: the service calls and time to build
// the Dashboard tab and to rebuild it in place, for a quarter of `krCount` key results with `weeks` weeks of
// History. The counts must not grow with the key results (test/dashboard/dashboard.test.ts holds it).
// Compiled by esbuild and imported by scripts/bench.mjs; the test imports `dashboardWorkbook` from here too.

import { createFakeServices, type FakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import type { HistoryRecord } from '../src/core/check-in/history';
import { historyRowCells } from '../src/core/check-in/history';
import { buildDashboard } from '../src/server/dashboard';
import { importDeals } from '../src/server/deals-api';
import { createHistorySheet } from '../src/server/history-sheet';
import { forgetLang } from '../src/server/language';
import { buildQuarter } from '../src/server/quarter-builder';
import { sizedPlan } from '../test/okr-sheet/plans';
import { sampleExport } from './bench-deals';

export interface DashboardFigures {
  krCount: number;
  weeks: number;
  buildCalls: number;
  buildMs: number;
  rebuildCalls: number;
  rebuildMs: number;
  deals: number;
}

/** The ids sizedPlan gives `krCount` key results, three or four to an objective. */
function planOf(krCount: number) {
  const perObjective = krCount % 4 === 0 ? 4 : 3;
  return sizedPlan(Math.ceil(krCount / perObjective), perObjective);
}

/** Q2 2027 with `krCount` key results and `weeks` weeks of History (every KR every week), on a fresh fake. */
export function dashboardWorkbook(
  krCount: number,
  weeks: number,
  services: FakeServices = createFakeServices(),
  language: 'en' | 'pl' = 'en',
) {
  return withGlobalServices(services, () => {
    forgetLang();
    const plan = { ...planOf(krCount), language };
    buildQuarter(plan);
    const ids = plan.objectives.flatMap((objective, o) => objective.keyResults.map((_, k) => `O${o + 1}.${k + 1}`));
    const statuses = ['green', 'yellow', 'red'] as const;
    const records: HistoryRecord[] = [];
    for (let week = 1; week <= weeks; week++) {
      ids.forEach((id, index) => {
        records.push({
          recordedAt: `2027-04-0${(week % 9) + 1}T09:00:00`,
          // Serial day of the week's Friday (week 1 starts on Monday 29 March 2027, serial 46475).
          day: 46475 + (week - 1) * 7 + 4,
          week,
          keyResultId: id,
          value: 10 + week * 0.5,
          score: Math.min(1, (week * 8) / 100),
          status: statuses[(index + week) % 3] as (typeof statuses)[number],
          confidence: 7,
          comment: '',
          who: '',
          quarter: 'Q2 2027',
        });
      });
    }
    if (records.length > 0) {
      const history = createHistorySheet(SpreadsheetApp.getActiveSpreadsheet(), language);
      if (history.getMaxRows() < records.length + 1) history.insertRowsAfter(history.getMaxRows(), records.length);
      history
        .getRange(2, 1, records.length, historyRowCells(records[0] as HistoryRecord).length)
        .setValues(records.map(historyRowCells));
    }
    forgetLang();
    return services;
  });
}

/** Builds, then rebuilds, the dashboard of `krCount` KRs with `weeks` weeks of History. */
export function measureDashboard(krCount: number, weeks: number, dealCount = 0): DashboardFigures {
  const services = dashboardWorkbook(krCount, weeks);
  return withGlobalServices(services, () => {
    // A Deals sheet the dashboard does not read: its calls must not grow with it.
    if (dealCount > 0 && !importDeals(sampleExport(dealCount)).ok) throw new Error('measureDashboard: no deals');
    const asOf = '2027-06-20';
    let started = performance.now();
    const built = services.calls.measure(() => buildDashboard({ asOf }));
    const buildMs = performance.now() - started;
    if (!built.result.ok) throw new Error(`measureDashboard: ${JSON.stringify(built.result)}`);
    started = performance.now();
    const rebuilt = services.calls.measure(() => buildDashboard({ asOf }));
    const rebuildMs = performance.now() - started;
    forgetLang();
    return {
      krCount,
      weeks,
      deals: dealCount,
      buildCalls: built.total,
      buildMs,
      rebuildCalls: rebuilt.total,
      rebuildMs,
    };
  });
}
