// `okr checkin` and `okr export` as child processes on a workbook built from examples/plan.json: week 5
// typed from examples/week5.csv through the week's check-in tab and recorded into History (found again by a
// new runtime), the tab's colours and the plain-text check-in printed; CSV lines that cannot be used are
// reported by line and value; a week recorded before needs --replace; export writes every tab.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import type { WorkbookSnapshot } from '../../local/snapshot';
import { historyColumn } from '../../src/core/check-in/history';
import { type CliRun, ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const workbook = join(temp.folder, 'wb.json');
const BUNDLE = join(ROOT, 'dist/Code.js');

/** The History rows of a workbook file, as a new runtime shows them: [recorded at, week, KR id, value, …]. */
function historyRows(path: string, what: 'display' | 'raw' = 'display'): (string | number | boolean | null)[][] {
  const snapshot: WorkbookSnapshot = createLocalRuntime({ workbookPath: path, bundlePath: BUNDLE }).snapshot();
  const history = snapshot.sheets.find((sheet) => sheet.name === 'Historia');
  if (!history) return [];
  return history.cells
    .slice(1)
    .map((row) => row.map((cell) => (what === 'raw' ? cell?.value.raw : cell?.value.display) ?? ''));
}

beforeAll(async () => {
  const built = await runInProcess(['build', '--plan', join(ROOT, 'examples/plan.json'), '--workbook', workbook]);
  expect(built.code).toBe(0);
}, 60_000);

describe('okr checkin --values examples/week5.csv --as-of 2027-01-29', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(['checkin', '--workbook', workbook, '--values', 'examples/week5.csv', '--as-of', '2027-01-29']);
  }, 60_000);

  it('creates week 5’s tab, types the CSV, records it and saves the workbook', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Created "Check-in T05": week 5 of Q1 2027 (2027-01-25 – 2027-01-31)');
    expect(run.stdout).toContain('(9 lines after the header, separated by “;”)');
    expect(run.stdout).toContain('✓ Recorded 9 key results of week 5 into History');
    expect(run.stdout).toContain('✓ Saved the workbook');
  });

  it('prints the tab’s scores with their colours, and the check-in as text', () => {
    expect(run.stdout).toMatch(/🟢 O1\.1 +score 0,31 +Wartość pipeline'u +520\s000 zł +confidence 7/u);
    expect(run.stdout).toMatch(/🔴 O2\.2 +score 0,10 +Średnia wartość kontraktu \(ACV\)/u);
    expect(run.stdout).toMatch(/🟢 \d+ {2}🟡 \d+ {2}🔴 \d+/u);
    expect(run.stdout).toContain('=== Sales Check-in – Tydzień 5 ===');
    expect(run.stdout).toMatch(/- O1\.2 Odsetek kwalifikowanych leadów: 48% \/ 60% = 80% 🟢/u);
  });

  it('leaves week 5 in History, on the as-of day, as a new runtime reads the file', () => {
    const rows = historyRows(workbook).filter((row) => row[historyColumn('week') - 1] === '5');
    expect(rows.map((row) => row[historyColumn('krId') - 1])).toEqual([
      'O1.1',
      'O1.2',
      'O1.3',
      'O2.1',
      'O2.2',
      'O2.3',
      'O3.1',
      'O3.2',
      'O3.3',
    ]);
    // Recorded "now" by the bundle's clock, which --as-of set.
    expect(rows[0]?.[historyColumn('recordedAt') - 1]).toMatch(/^2027-01-29/);
    expect(rows[0]?.[historyColumn('comment') - 1]).toBe('Nowe zapytania z kampanii LinkedIn');
    // Values are numbers in their unit's format (the OKR sheet's: whole days), the number kept exact.
    expect(historyRows(workbook, 'raw')[2]?.[historyColumn('value') - 1]).toBe(5.5);
    expect(rows[2]?.[historyColumn('value') - 1]).toBe('6 dni');
  });

  it('refuses to record week 5 again without --replace, and replaces it with', async () => {
    const before = readFileSync(workbook, 'utf8');
    const again = await runInProcess([
      'checkin',
      '--workbook',
      workbook,
      '--values',
      'examples/week5.csv',
      '--as-of',
      '2027-01-30',
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('✓ Opened "Check-in T05"');
    expect(again.stderr).toContain('Week 5 of Q1 2027 is already in History: run again with --replace');
    expect(readFileSync(workbook, 'utf8')).toBe(before);

    const replaced = await runInProcess([
      'checkin',
      '--workbook',
      workbook,
      '--values',
      join(ROOT, 'examples/week5.csv'),
      '--as-of',
      '2027-01-30',
      '--replace',
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('✓ Recorded 9 key results of week 5 into History, replacing 9 earlier rows');
    expect(historyRows(workbook).filter((row) => row[historyColumn('week') - 1] === '5')).toHaveLength(9);
  });

  it('exports the workbook with the check-in tab and History', async () => {
    const out = join(temp.folder, 'export.xlsx');
    const exported = await runCli(['export', '--workbook', workbook, '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/✓ Wrote .*export\.xlsx \(\d+\.\d KB, \d sheets\)/);
    expect(exported.stdout).toContain('OKR Q1 2027 · Sprzedaż B2B: 3 objectives, 9 key results');
    const names = strFromU8(unzipSync(readFileSync(out))['xl/workbook.xml'] as Uint8Array);
    for (const name of ['OKR Q1 2027', 'Check-in T05', 'Historia']) expect(names).toContain(`name="${name}"`);
  });
});

describe('CSV lines that cannot be used', () => {
  it('any refused line: every problem listed with its line, nothing recorded or saved, exit 1', async () => {
    const copy = join(temp.folder, 'partial.json');
    copyFileSync(workbook, copy);
    const before = readFileSync(copy, 'utf8');
    const csv = join(temp.folder, 'week6.csv');
    writeFileSync(
      csv,
      [
        'O1.1,"1,200,000",7,"Big week, two deals"',
        'O9.9,5,5,',
        'O1.2,lots,5,',
        'O2.1,2,11,',
        'O3.3,done,8,',
        'O2.2,"1,2 mln zł",,',
      ].join('\n'),
    );
    const run = await runInProcess(['checkin', '--workbook', copy, '--values', csv, '--as-of', '2027-02-03']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(6 lines, separated by “,”)');
    // The workbook is Polish, so are the lines' problems.
    expect(run.stderr).toContain('week6.csv wiersz 2: nieznany identyfikator KR „O9.9”');
    expect(run.stderr).toContain('week6.csv wiersz 3: O1.2: „lots” nie jest liczbą');
    expect(run.stderr).toContain('week6.csv wiersz 4: O2.1: pewność „11” nie jest liczbą całkowitą od 1 do 10');
    expect(run.stderr).toContain('3 problems; nothing was recorded or saved');
    expect(run.stdout).not.toContain('Recorded');
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it('the same lines, fixed, are all recorded', async () => {
    const copy = join(temp.folder, 'fixed.json');
    copyFileSync(workbook, copy);
    const csv = join(temp.folder, 'week6-fixed.csv');
    writeFileSync(csv, ['O1.1,"1,200,000",7,"Big week, two deals"', 'O3.3,done,8,', 'O2.2,"1,2 mln zł",,'].join('\n'));
    const run = await runInProcess(['checkin', '--workbook', copy, '--values', csv, '--as-of', '2027-02-03']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const week6 = historyRows(copy).filter((row) => row[historyColumn('week') - 1] === '6');
    const byId = new Map(week6.map((row) => [row[historyColumn('krId') - 1], row]));
    expect(byId.get('O1.1')?.[historyColumn('value') - 1]).toMatch(/^1\s200\s000\szł$/);
    expect(byId.get('O2.2')?.[historyColumn('value') - 1]).toMatch(/^1\s200\s000\szł$/);
    // A milestone typed as done (the tab's "tak") is 1 in History.
    expect(byId.get('O3.3')?.[historyColumn('value') - 1]).toBe('1');
    expect(byId.get('O1.1')?.[historyColumn('comment') - 1]).toBe('Big week, two deals');
  });

  it('an unquoted Polish decimal in a , file is refused with a hint to use ; or quotes, never read as 0', async () => {
    const copy = join(temp.folder, 'ambiguous.json');
    copyFileSync(workbook, copy);
    const before = readFileSync(copy, 'utf8');
    const csv = join(temp.folder, 'ambiguous.csv');
    writeFileSync(csv, 'O1.1,520000,7,fine\nO2.3,0,3,5,another\n');
    const run = await runInProcess(['checkin', '--workbook', copy, '--values', csv, '--as-of', '2027-02-03']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ambiguous.csv wiersz 2: O2.3: „0,3,5, another” jest niejednoznaczne');
    expect(run.stderr).toContain('Rozdziel pola średnikiem „;” albo ujmij wartość w cudzysłów ("0,3")');
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it('exit 1 when nothing can be recorded, and the workbook is left as it was', async () => {
    const csv = join(temp.folder, 'hopeless.csv');
    writeFileSync(csv, 'KR;wartość\nX1;3\nO1.1;dużo\n');
    const before = readFileSync(workbook, 'utf8');
    const run = await runInProcess(['checkin', '--workbook', workbook, '--values', csv, '--as-of', '2027-02-10']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('hopeless.csv wiersz 2: nieznany identyfikator KR „X1”');
    expect(run.stderr).toContain('hopeless.csv wiersz 3: O1.1: „dużo” nie jest liczbą');
    expect(run.stderr).toContain('nothing was recorded or saved');
    expect(readFileSync(workbook, 'utf8')).toBe(before);
  });

  it('a day before the quarter: the add-on’s own message, exit 1', async () => {
    const run = await runInProcess([
      'checkin',
      '--workbook',
      workbook,
      '--values',
      'examples/week5.csv',
      '--as-of',
      '2026-11-02',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Weekly check-in: Q1 2027 zaczyna się 1 stycznia 2027; pierwszy check-in jest w tygodniu 1, od 28 grudnia 2026',
    );
  });
});
