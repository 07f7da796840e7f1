// Running the CLI in tests: as a child process through its launcher (what `npm run okr --` runs), or
// in-process through `main` with the output captured, for the cases that need no second process.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../cli/main';
import { createLocalRuntime } from '../../local/runtime';

export const ROOT = join(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node cli/okr.mjs …args` from the repository's root. */
export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli/okr.mjs'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `main` in this process, its output captured. */
export async function runInProcess(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    root: ROOT,
    io: {
      out: (text) => {
        stdout += `${text}\n`;
      },
      err: (text) => {
        stderr += `${text}\n`;
      },
    },
  });
  return { code, stdout, stderr };
}

/** examples/plan.json, read afresh for a test to change. */
export const examplePlan = () => JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));

/**
 * Writes `plan` into `folder` as the plan file `name` (JSON indented by two, as a person writes it) and runs
 * `okr build --plan <that file>` and `output` in this process; `lineOf(text)` is the file's first line that
 * holds `text`, as the CLI names it in a message.
 */
export async function buildPlanFile(
  folder: string,
  name: string,
  plan: unknown,
  output: string[],
): Promise<CliRun & { lineOf: (text: string) => number }> {
  const json = JSON.stringify(plan, null, 2);
  const path = join(folder, name);
  writeFileSync(path, json);
  const run = await runInProcess(['build', '--plan', path, ...output]);
  return { ...run, lineOf: (text) => json.split('\n').findIndex((line) => line.includes(text)) + 1 };
}

/** The sheets of a workbook file as the local runtime opens it with the built bundle. */
export function workbookSheets(workbook: string) {
  return createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') }).snapshot().sheets;
}

/** A new temporary folder, and the function that removes it. */
export function tempFolder(): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'okr-cli-'));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * A workbook file built from examples/plan.json with week 5 (examples/week5.csv, as of 2027-01-29) recorded,
 * through the CLI itself; the commands' code is the test's.
 */
export async function buildWeek5Workbook(workbook: string): Promise<{ built: CliRun; recorded: CliRun }> {
  const built = await runInProcess(['build', '--plan', join(ROOT, 'examples/plan.json'), '--workbook', workbook]);
  const recorded = await runInProcess([
    'checkin',
    '--workbook',
    workbook,
    '--values',
    join(ROOT, 'examples/week5.csv'),
    '--as-of',
    '2027-01-29',
  ]);
  return { built, recorded };
}

/**
 * For a test file: a temporary folder (removed after its tests) holding `wb.json`, the week-5 workbook built
 * and recorded before its tests.
 */
export function week5WorkbookInTemp(): { temp: { folder: string; remove: () => void }; workbook: string } {
  const temp = tempFolder();
  afterAll(temp.remove);
  const workbook = join(temp.folder, 'wb.json');
  beforeAll(async () => {
    const { built, recorded } = await buildWeek5Workbook(workbook);
    expect(built.code).toBe(0);
    expect(recorded.code).toBe(0);
  }, 120_000);
  return { temp, workbook };
}
