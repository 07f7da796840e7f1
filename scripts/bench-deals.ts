// Figures of issue 10's Deals part for `npm run bench`, on the typed fake: the service calls and time to
// create the Deals sheet from the menu, to import a CRM export of `count` deals through importDeals, and to
// generate a week's check-in beside them. The counts must not grow with the deals (test/deals/server.test.ts
// holds it). Compiled by esbuild and imported by scripts/bench.mjs.

import { createFakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { generateCheckIn } from '../src/server/check-in-generate';
import { importDeals, showDealsSheet } from '../src/server/deals-api';
import { forgetLang } from '../src/server/language';
import { buildQuarter } from '../src/server/quarter-builder';
import { sizedPlan } from '../test/okr-sheet/plans';

export interface DealsFigures {
  deals: number;
  createCalls: number;
  createMs: number;
  importCalls: number;
  importMs: number;
  checkInCalls: number;
  checkInMs: number;
}

/** A CRM export of `count` deals, as text the way a Polish CSV gives it. */
export function sampleExport(count: number) {
  const header = [
    'Deal ID',
    'Deal Name',
    'Owner',
    'Kwota',
    'Stage',
    'Probability',
    'Create Date',
    'Close Date',
    'Outcome',
    'Notes',
  ];
  const rows = Array.from({ length: count }, (_, index) => {
    const outcome = ['open', 'won', 'lost', 'open'][index % 4] as string;
    const month = String((index % 3) + 4).padStart(2, '0');
    return {
      row: index + 2,
      cells: [
        `D-${index + 1}`,
        `Deal ${index + 1}`,
        `Rep ${index % 5}`,
        `${(10_000 + index * 37).toLocaleString('pl-PL')} zł`,
        outcome === 'open' ? 'Negotiation' : 'Closed',
        `${(index * 7) % 100}%`,
        '2027-03-01',
        `2027-${month}-${String((index % 27) + 1).padStart(2, '0')}`,
        outcome,
        `note ${index}`,
      ],
    };
  });
  return { header, rows, decimal: ',' as const };
}

/** Creates the Deals sheet, imports `count` deals and generates a check-in, on a fresh fake spreadsheet. */
export function measureDeals(count: number): DealsFigures {
  const services = createFakeServices({ locale: 'pl_PL' });
  return withGlobalServices(services, () => {
    forgetLang();
    buildQuarter(sizedPlan(3, 3));
    let started = performance.now();
    const created = services.calls.measure(() => showDealsSheet());
    const createMs = performance.now() - started;
    const payload = sampleExport(count);
    started = performance.now();
    const imported = services.calls.measure(() => importDeals(payload));
    const importMs = performance.now() - started;
    if (!imported.result.ok || imported.result.imported !== count) {
      throw new Error(
        `measureDeals: the import of ${count} deals failed: ${JSON.stringify(imported.result).slice(0, 300)}`,
      );
    }
    started = performance.now();
    const checkIn = services.calls.measure(() => generateCheckIn({ asOf: new Date(Date.UTC(2027, 3, 7, 9)) }));
    const checkInMs = performance.now() - started;
    forgetLang();
    return {
      deals: count,
      createCalls: created.total,
      createMs,
      importCalls: imported.total,
      importMs,
      checkInCalls: checkIn.total,
      checkInMs,
    };
  });
}
