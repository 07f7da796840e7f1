// `okr deals` as a child process on a workbook built from examples/plan.json: examples/deals.csv (a Polish
// `;` export) lands in the Deals sheet with the columns it matched printed; an export with bad lines writes
// nothing, lists every problem with its line, and exits 1.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const workbook = join(temp.folder, 'wb.json');

beforeAll(async () => {
  const built = await runInProcess(['build', '--plan', join(ROOT, 'examples/plan.json'), '--workbook', workbook]);
  expect(built.code).toBe(0);
}, 60_000);

describe('okr deals --csv', () => {
  it('refuses an export with bad lines, naming each line, and saves nothing', async () => {
    const before = readFileSync(workbook, 'utf8');
    const bad = join(temp.folder, 'bad.csv');
    writeFileSync(
      bad,
      'Deal Name,Amount,Probability,Create Date,Close Date\nAcme,lots,50%,2027-01-10,2027-01-05\nAcme,10,150%,,\n',
    );
    const run = await runCli(['deals', '--workbook', workbook, '--csv', bad]);
    expect(run.code).toBe(1);
    // The workbook is Polish (examples/plan.json), so the problems are said in Polish.
    expect(run.stdout).toContain('Columns matched: Deal Name → Transakcja, Amount → Kwota');
    expect(run.stderr).toContain('wiersz 2: Kwota „lots” nie jest liczbą');
    expect(run.stderr).toContain('wiersz 2: data zamknięcia 2027-01-05 jest przed datą utworzenia 2027-01-10');
    expect(run.stderr).toContain('wiersz 3: transakcja „Acme” jest już w wierszu 2');
    expect(run.stderr).toContain('wiersz 3: prawdopodobieństwo „150%” nie mieści się między 0 a 100%');
    expect(run.stderr).toContain('nothing was imported or saved');
    expect(readFileSync(workbook, 'utf8')).toBe(before);
  }, 60_000);

  it('imports a Polish export into the Deals sheet and saves the workbook', async () => {
    const run = await runCli(['deals', '--workbook', workbook, '--csv', join(ROOT, 'examples/deals.csv')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nazwa → ');
    expect(run.stdout).toContain('Extra columns, kept as they are: Źródło');
    expect(run.stdout).toMatch(/Created the sheet "[^"]+": 3 deals imported/);
    const saved = readFileSync(workbook, 'utf8');
    expect(saved).toContain('Hurtownia Nowak');
    expect(saved).toContain('45000.5');
  }, 60_000);
});
