// Figures for `npm run bench`: building the sample quarter (3 objectives, 9 key results) through the
// vm-hosted bundle — one `submitQuarter` call, as the sidebar makes it — on a new local spreadsheet: the
// milliseconds it takes, the Spreadsheet service calls it makes, and the milliseconds of the first
// snapshot after it (HyperFormula building the workbook and running the custom functions).

import { createLocalRuntime } from './runtime';
import { samplePlan } from './sample-plan';

export interface SampleBuildFigures {
  /** Milliseconds of the `submitQuarter` call, from the call to its answer. */
  ms: number;
  /** Spreadsheet service calls the build made (`Range.setValues`, `Sheet.getRange`…). */
  calls: number;
  /** Milliseconds of the first snapshot afterwards: every formula computed, colours applied. */
  snapshotMs: number;
}

/** Builds the sample quarter in a fresh runtime (no file) and measures it. */
export function measureSampleBuild(options: { bundlePath?: string } = {}): SampleBuildFigures {
  const runtime = createLocalRuntime({ locale: 'pl_PL', timeZone: 'Europe/Warsaw', ...options });
  runtime.services.calls.reset();
  const started = performance.now();
  const result = runtime.call('submitQuarter', { plan: samplePlan(), previousSheetId: null });
  const ms = performance.now() - started;
  const calls = runtime.services.calls.total();
  if (!result.ok) throw new Error(`The sample quarter was not built: ${result.error.message}`);
  const answer = result.value as { ok?: boolean; errors?: unknown };
  if (answer.ok !== true) throw new Error(`The sample quarter was refused: ${JSON.stringify(answer.errors)}`);
  const snapshotStarted = performance.now();
  runtime.snapshot();
  return { ms, calls, snapshotMs: performance.now() - snapshotStarted };
}
