// The CLI's figure for `npm run bench`: `okr build` of examples/plan.json in-process, from reading the plan
// to the .xlsx and the workbook file on disk (a new runtime, the bundle's submitQuarter, the computed
// snapshot for the summary, the export), with its output thrown away.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuild } from './build';

/** Milliseconds of one `build --plan examples/plan.json --out … --workbook …`; `root` is the repository. */
export function measureCliBuild(root = resolve('.')): number {
  const folder = mkdtempSync(join(tmpdir(), 'okr-cli-bench-'));
  try {
    const silent = { out: () => {}, err: () => {} };
    const options = {
      plan: join(root, 'examples/plan.json'),
      out: join(folder, 'q1.xlsx'),
      workbook: join(folder, 'q1.okr.json'),
    };
    const started = performance.now();
    const code = runBuild(options, root, silent);
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`okr build of examples/plan.json exited with ${code}`);
    return ms;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
