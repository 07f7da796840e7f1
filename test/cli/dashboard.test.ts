// `okr dashboard` in process on a workbook built from examples/plan.json with week 5 recorded: the Dashboard
// tab made with its charts and saved (a new runtime finds it), then rebuilt in place on a second run; a
// workbook with no quarter is refused with exit code 1.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { ROOT, runInProcess, week5WorkbookInTemp } from './run-cli';

const { temp, workbook } = week5WorkbookInTemp();

describe('okr dashboard', () => {
  it('makes the dashboard, saves it with its charts, and rebuilds the same tab on a second run', async () => {
    const run = await runInProcess(['dashboard', '--workbook', workbook, '--as-of', '2027-01-29']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Made the dashboard of Q1 2027 in "Pulpit"');
    expect(run.stdout).toContain('  - key results by week against the target (lines)');
    // The example plan has initiatives, so their chart is drawn too.
    expect(run.stdout).toContain('  - initiatives by status (columns)');
    const again = await runInProcess(['dashboard', '--workbook', workbook, '--as-of', '2027-01-29']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('✓ Rebuilt the dashboard of Q1 2027 in "Pulpit" in place');
    const snapshot = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') }).snapshot();
    const boards = snapshot.sheets.filter((sheet) => sheet.name.startsWith('Pulpit'));
    expect(boards).toHaveLength(1);
    expect(boards[0]?.charts?.map((chart) => chart.type)).toEqual(['BAR', 'LINE', 'COLUMN', 'COLUMN']);
    const lines = boards[0]?.charts?.[1];
    expect(lines?.categories).toEqual(['T05']);
    expect(lines?.series).toHaveLength(10);
  }, 120_000);

  it('refuses a workbook with no quarter, saving nothing', async () => {
    const empty = join(temp.folder, 'empty.json');
    createLocalRuntime({ workbookPath: empty, bundlePath: join(ROOT, 'dist/Code.js') }).save();
    const before = readFileSync(empty, 'utf8');
    const run = await runInProcess(['dashboard', '--workbook', empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('there is no OKR sheet in the workbook yet. Nothing was saved.');
    expect(readFileSync(empty, 'utf8')).toBe(before);
  }, 120_000);
});
