// Issue 11's figures for `npm run bench`: `okr build` and `okr checkin` at the plan file's own maximum, 60
// objectives × 20 key results (1,200 KRs), in-process as the CLI runs them (a plan file and a check-in CSV
// written to a temporary folder, the .xlsx and the workbook file written, the output thrown away).
// Wall-clock milliseconds and the process's CPU milliseconds beside them (the machine is shared). Then the
// same two as commands, each a fresh Node process as `npm run okr -- build|checkin` starts it (what a person
// waits for: Node starting, the workbook read, nothing computed before).

import { spawnSync } from 'node:child_process';
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
  /** The same as commands, each in a Node process of its own (package.json's `okr` script). */
  buildCommandMs: number;
  checkInCommandMs: number;
}

/** Node's flags of package.json's `okr` script, which the launcher (cli/okr.mjs) would otherwise add itself. */
const OKR_NODE_FLAGS = ['--max-semi-space-size=64', '--min-semi-space-size=64'];

/** Runs `okr …` as a command and answers its wall-clock milliseconds. */
function command(root: string, args: string[], what: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...OKR_NODE_FLAGS, join(root, 'cli/okr.mjs'), ...args], {
    stdio: 'ignore',
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${what} exited with ${result.status}`);
  return ms;
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
    // The CLI compiled once before it is timed (a first run after a change compiles it).
    command(root, ['--help'], 'okr --help');
    const commandWorkbook = join(folder, 'q1-command.okr.json');
    const buildCommandMs = command(
      root,
      ['build', '--plan', plan, '--out', join(folder, 'q1-command.xlsx'), '--workbook', commandWorkbook],
      'okr build as a command',
    );
    const checkInCommandMs = command(
      root,
      ['checkin', '--workbook', commandWorkbook, '--values', values, '--as-of', '2027-01-29'],
      'okr checkin as a command',
    );
    return {
      keyResults: objectives * keyResults,
      buildCommandMs,
      checkInCommandMs,
      buildMs: build.ms,
      buildCpuMs: build.cpuMs,
      checkInMs: checkIn.ms,
      checkInCpuMs: checkIn.cpuMs,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
