// Issue 11's figures for `npm run bench`: `okr build` and `okr checkin` at the plan file's own maximum, 60
// objectives × 20 key results (1,200 KRs), in-process as the CLI runs them (a plan file and a check-in CSV
// written to a temporary folder, the .xlsx and the workbook file written, the output thrown away).
// Wall-clock milliseconds and the process's CPU milliseconds beside them (the machine is shared).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuild } from '../cli/build';
import { runCheckIn } from '../cli/checkin';
import { largeCheckInCsv, largePlan } from '../local/sample-plan';

export interface CliScaleFigures {
  keyResults: number;
  buildMs: number;
  buildCpuMs: number;
  checkInMs: number;
  checkInCpuMs: number;
}

function timed(work: () => number, what: string): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const code = work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`${what} exited with ${code}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Builds a quarter of `objectives` × `keyResults` with `okr build`, then records week 5 with `okr checkin`. */
export function measureCliAtScale(root = resolve('.'), objectives = 60, keyResults = 20): CliScaleFigures {
  const folder = mkdtempSync(join(tmpdir(), 'okr-cli-scale-'));
  try {
    const silent = { out: () => {}, err: () => {} };
    const plan = join(folder, 'plan.json');
    const values = join(folder, 'week5.csv');
    const workbook = join(folder, 'q1.okr.json');
    writeFileSync(plan, JSON.stringify({ plan: largePlan(objectives, keyResults) }));
    writeFileSync(values, largeCheckInCsv(objectives, keyResults));
    const build = timed(
      () => runBuild({ plan, out: join(folder, 'q1.xlsx'), workbook }, root, silent),
      `okr build of ${objectives * keyResults} KRs`,
    );
    const checkIn = timed(
      () => runCheckIn({ workbook, values, 'as-of': '2027-01-29' }, root, silent),
      `okr checkin of ${objectives * keyResults} KRs`,
    );
    return {
      keyResults: objectives * keyResults,
      buildMs: build.ms,
      buildCpuMs: build.cpuMs,
      checkInMs: checkIn.ms,
      checkInCpuMs: checkIn.cpuMs,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
