// How many Apps Script service calls building a quarter costs, measured on the fake. Shared by the test
// that compares a small and a large quarter and by `npm run bench`, which prints both counts; it sets the
// service globals itself (no vitest), so a plain Node script can call it.

import { type CallCounts, createFakeServices } from '../../local/spreadsheet/index';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { buildQuarter } from '../../src/server/quarter-builder';
import type { QuarterPlan } from '../../src/shared/plan';

export interface BuildCalls {
  total: number;
  counts: CallCounts;
  sheetName: string;
}

/** Builds `plan` into a fresh fake spreadsheet and returns the service calls the build made. */
export function countBuildCalls(plan: QuarterPlan): BuildCalls {
  const services = createFakeServices();
  const measured = withGlobalServices(services, () => services.calls.measure(() => buildQuarter(plan)));
  return { total: measured.total, counts: measured.counts, sheetName: measured.result.sheetName };
}
