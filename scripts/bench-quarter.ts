// Figures of issue 3 for `npm run bench`: service calls to build a small and a large quarter (they must
// not grow with the number of key results), and the time to build and read back the large one, all on
// the typed fake. Compiled by esbuild and imported by scripts/bench.mjs.

import { createFakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { findQuarterSheets, readQuarter } from '../src/server/okr-sheet-reader';
import { buildQuarter } from '../src/server/quarter-builder';
import { sizedPlan } from '../test/okr-sheet/plans';

function withServices<T>(work: (services: ReturnType<typeof createFakeServices>) => T): T {
  const services = createFakeServices({ locale: 'pl_PL' });
  return withGlobalServices(services, () => work(services));
}

export interface QuarterFigures {
  label: string;
  keyResults: number;
  buildCalls: number;
  readCalls: number;
  buildMs: number;
  readMs: number;
}

/** Builds and reads back a quarter of `objectives` × `keyResults` on a fresh fake spreadsheet. */
export function measureQuarter(objectives: number, keyResults: number, style: 'addon' | 'portable'): QuarterFigures {
  return withServices((services) => {
    const plan = sizedPlan(objectives, keyResults, style);
    let started = performance.now();
    const built = services.calls.measure(() => buildQuarter(plan));
    const buildMs = performance.now() - started;
    started = performance.now();
    const read = services.calls.measure(() => {
      const found = findQuarterSheets(services.SpreadsheetApp.getActiveSpreadsheet() as never);
      const sheet = found.find((info) => info.name === built.result.sheetName)?.sheet;
      if (!sheet) throw new Error('the built quarter was not found by its metadata');
      return readQuarter(sheet);
    });
    const readMs = performance.now() - started;
    const count = read.result.rows.length;
    return {
      label: `${objectives} objectives × ${keyResults} KRs (${style})`,
      keyResults: count,
      buildCalls: built.total,
      readCalls: read.total,
      buildMs,
      readMs,
    };
  });
}
