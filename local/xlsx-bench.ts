// The export figure `npm run bench` prints: how long turning a built quarter of N key results into an .xlsx
// takes, and how big the file is. The quarter is built with portable formulas on a fresh local spreadsheet
// first (not timed), with the service globals set only for the build, so a plain Node script can call it.

import { buildQuarter } from '../src/server/quarter-builder';
import { sizedPlan } from '../test/okr-sheet/plans';
import { createFakeServices } from './spreadsheet/index';
import { withGlobalServices } from './spreadsheet/scope';
import { writeXlsx } from './xlsx';
import { workbookFromFake } from './xlsx-from-fake';

export interface XlsxExportFigures {
  /** Median milliseconds of reading the spreadsheet and writing the file, after one warm-up run. */
  ms: number;
  /** Size of the .xlsx. */
  bytes: number;
}

/** Builds a quarter of `krCount` key results and measures its export. */
export function measureXlsxExport(krCount: number, runs = 15): XlsxExportFigures {
  // Objectives of up to 10 key results each, as many as it takes to reach exactly krCount.
  let perObjective = Math.min(10, krCount);
  while (krCount % perObjective !== 0) perObjective--;
  const services = createFakeServices();
  withGlobalServices(services, () => buildQuarter(sizedPlan(krCount / perObjective, perObjective, 'portable')));

  const exportOnce = () => writeXlsx(workbookFromFake(services.spreadsheet));
  let bytes = exportOnce().length;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    bytes = exportOnce().length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, bytes };
}
