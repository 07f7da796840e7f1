// `okr review` as a child process on a workbook built from examples/plan.json with week 5 recorded: the
// review tab written and saved (a new runtime finds it) and the summary printed; running again keeps the tab
// and saves nothing; a month outside the quarter is refused naming its months (1), a --month that is no
// month is usage (2).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { ROOT, runCli, runInProcess, week5WorkbookInTemp } from './run-cli';

const { workbook } = week5WorkbookInTemp();

describe('okr review', () => {
  it('creates the month’s review, saves it and prints the summary', async () => {
    const run = await runCli(['review', '--workbook', workbook, '--month', '2027-01', '--as-of', '2027-01-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Created "Przegląd 2027-01": the review of 2027-01 (Q1 2027)');
    expect(run.stdout).toContain('✓ Saved the workbook');
    expect(run.stdout).toMatch(/O1\.1 +[\d.–]+ → [\d.–]+/);
    expect(run.stdout).toContain('Forecast error: — (no forecasts recorded yet)');
    const snapshot = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') }).snapshot();
    expect(snapshot.sheets.map((sheet) => sheet.name)).toContain('Przegląd 2027-01');
  }, 60_000);

  it('keeps a review made before and saves nothing', async () => {
    const run = await runInProcess(['review', '--workbook', workbook, '--month', '2027-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('existed already: "Przegląd 2027-01" is kept as it is');
    expect(run.stdout).not.toContain('Saved');
  }, 60_000);

  it('refuses a month outside the quarter (1) and a month that is no month (2)', async () => {
    const outside = await runInProcess(['review', '--workbook', workbook, '--month', '2027-05']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain(
      '2027-05 nie jest miesiącem kwartału Q1 2027: jego miesiące to 2027-01, 2027-02, 2027-03.',
    );
    const usage = await runInProcess(['review', '--workbook', workbook, '--month', 'January']);
    expect(usage.code).toBe(2);
    const missing = await runInProcess(['review', '--workbook', workbook]);
    expect(missing.code).toBe(2);
  }, 60_000);
});
