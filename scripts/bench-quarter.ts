// Figures of issue 3 for `npm run bench`: service calls to build a small and a large quarter (they must
// not grow with the number of key results), and the time to build and read back the large one, all on
// the typed fake. Compiled by esbuild and imported by scripts/bench.mjs.

import { findQuarterSheets, readQuarter } from '../src/server/okr-sheet-reader';
import { buildQuarter } from '../src/server/quarter-builder';
import { createFakeServices } from '../test/fake/index';
import { sizedPlan } from '../test/okr-sheet/plans';

const SERVICE_NAMES = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'HtmlService', 'Session', 'Utilities'];

function withServices<T>(work: (services: ReturnType<typeof createFakeServices>) => T): T {
  const services = createFakeServices({ locale: 'pl_PL' });
  const scope = globalThis as Record<string, unknown>;
  const saved = SERVICE_NAMES.map((name) => [name, scope[name]] as const);
  for (const name of SERVICE_NAMES) scope[name] = services[name as keyof typeof services];
  try {
    return work(services);
  } finally {
    for (const [name, value] of saved) scope[name] = value;
  }
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
