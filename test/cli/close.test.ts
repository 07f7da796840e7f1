// `okr close` as a child process on a workbook built from examples/plan.json with week 5 recorded: the
// Grades sheet written and saved (a new runtime finds it), the grades printed; closing again keeps the sheet
// and saves nothing; a workbook with no quarter is refused with exit code 1, a bad --as-of is usage (2).

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { buildWeek5Workbook, ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const workbook = join(temp.folder, 'wb.json');

beforeAll(async () => {
  const { built, recorded } = await buildWeek5Workbook(workbook);
  expect(built.code).toBe(0);
  expect(recorded.code).toBe(0);
}, 120_000);

describe('okr close', () => {
  it('closes the quarter, saves the Grades sheet and prints the grades', async () => {
    const run = await runCli(['close', '--workbook', workbook, '--as-of', '2027-04-02']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Closed Q1 2027: the grades are in "Oceny Q1 2027"');
    expect(run.stdout).toContain('✓ Saved the workbook');
    expect(run.stdout).toMatch(/[🟢🟡🔴] O1\.1 +\d\.\d \(\d\.\d{4}\) +(delivered|progress|not delivered)/u);
    expect(run.stdout).toMatch(/Team +\d\.\d/);
    expect(run.stdout).toMatch(/By band: 🟢 \d+ delivered {2}🟡 \d+ progress {2}🔴 \d+ not delivered/u);
    const snapshot = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') }).snapshot();
    const grades = snapshot.sheets.find((sheet) => sheet.name === 'Oceny Q1 2027');
    expect(grades).toBeDefined();
    const texts = grades?.cells.flat().map((cell) => cell?.value.display ?? '');
    expect(texts).toContain('Co osiągnęliśmy?');
  }, 60_000);

  it('keeps the Grades sheet of a quarter closed before, and saves nothing', async () => {
    const run = await runInProcess(['close', '--workbook', workbook, '--as-of', '2027-04-03']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Q1 2027 was closed before: its Grades sheet "Oceny Q1 2027" is kept as it is');
    expect(run.stdout).not.toContain('Saved');
  }, 60_000);

  it('refuses a workbook with nothing to close (1) and a day that is no day (2)', async () => {
    const early = await runInProcess(['close', '--workbook', workbook, '--as-of', '2026-11-02']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('✗ Q1 2027 starts on 2027-01-01: there is nothing to grade yet. Nothing was saved.');
    const usage = await runInProcess(['close', '--workbook', workbook, '--as-of', 'soon']);
    expect(usage.code).toBe(2);
    const missing = await runInProcess(['close']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`close` needs --workbook');
  }, 60_000);
});
