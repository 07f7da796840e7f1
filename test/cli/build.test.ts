import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { INITIATIVE_COLUMN_KEYS } from '../../src/core/initiatives/layout';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { hasSoffice, recomputeToCsv } from '../support/libreoffice';
import { type CliRun, ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);

const plan = () => JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));

describe('okr build examples/plan.json', () => {
  const out = join(temp.folder, 'out/q1.xlsx');
  const workbook = join(temp.folder, 'wb.json');
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(['build', '--plan', 'examples/plan.json', '--out', out, '--workbook', workbook]);
  }, 60_000);

  it('exits 0 with the progress and a summary of every objective and key result', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('• Reading the plan examples/plan.json');
    expect(run.stdout).toContain('through dist/Code.js (submitQuarter, pl_PL, Europe/Warsaw)');
    expect(run.stdout).toMatch(/✓ Built the sheet "OKR Q1 2027" in \d+ ms/);
    expect(run.stdout).toContain('OKR Q1 2027 · Sprzedaż B2B: 3 objectives, 9 key results');
    expect(run.stdout).toMatch(/^ {2}O2 +Wygrać segment SaaS$/m);
    // A new quarter has no values yet: every key result is ⚪ with its target as the sheet shows it.
    const krLines = run.stdout.split('\n').filter((line) => /^ {4}[⚪🟢🟡🔴] O\d\.\d/u.test(line));
    expect(krLines).toHaveLength(9);
    expect(krLines[0]).toMatch(/⚪ O1\.1 +no value yet +Wartość pipeline'u +– \/ 1\s000\s000 zł$/u);
    expect(run.stdout).toContain('⚪ 9');
    expect(run.stdout).not.toContain('formulaStyle "addon"');
  });

  it('writes an .xlsx with portable formulas, and says what it leaves out', () => {
    // One sheet more since the quarter build writes its OKR feed tab (docs/okr-feed.md).
    expect(run.stdout).toMatch(/✓ Wrote .*q1\.xlsx \(\d+\.\d KB, 4 sheets\)/);
    expect(run.stdout).toContain('⚠ OKR Q1 2027: 2 cell note(s) are not exported');
    const files = unzipSync(readFileSync(out));
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="OKR Q1 2027"');
    const all = Object.keys(files)
      .filter((name) => name.startsWith('xl/worksheets/'))
      .map((name) => strFromU8(files[name] as Uint8Array))
      .join('');
    expect(all).toContain('<f>');
    expect(all).not.toMatch(/KR_SCORE|OKR_SCORE|KR_STATUS/);
  });

  it('saves the local workbook, which a new runtime loads with the quarter in it', () => {
    expect(run.stdout).toContain('✓ Saved the local workbook');
    const runtime = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') });
    const snapshot = runtime.snapshot();
    expect(snapshot.locale).toBe('pl_PL');
    expect(snapshot.sheets.map((sheet) => sheet.name)).toContain('OKR Q1 2027');
  });

  it('writes the plan’s initiatives and tasks into their sheet and prints their flags in the plan’s language', () => {
    expect(run.stdout).toContain('✓ Wrote the sheet "Inicjatywy Q1 2027" (4 initiatives, 3 tasks)');
    expect(run.stdout).toContain('⚠ Kluczowy rezultat O1.2 nie ma inicjatywy w realizacji.');
    expect(run.stdout).not.toContain('⚠ Kluczowy rezultat O1.1 nie ma');
    // I3 (9 × 7 × 6 = 378) ranks second behind I2 (448) and is an idea nobody owns.
    expect(run.stdout).toContain('⚠ Inicjatywa I3 jest na miejscu 2, ale to pomysł bez właściciela.');
    const runtime = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') });
    expect(runtime.snapshot().sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['OKR Q1 2027', 'Inicjatywy Q1 2027']),
    );
  });
});

describe('a plan the sidebar would refuse', () => {
  it('exits 1 naming each field, its objective or key result and the line, and writes nothing', async () => {
    const bad = plan();
    bad.objectives[1].title = '  ';
    bad.objectives[1].keyResults[0].target = 'abc';
    const path = join(temp.folder, 'bad.json');
    writeFileSync(path, JSON.stringify(bad, null, 2));
    const out = join(temp.folder, 'bad.xlsx');
    const workbook = join(temp.folder, 'bad.okr.json');
    const run = await runCli(['build', '--plan', path, '--out', out, '--workbook', workbook]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the plan was refused (2 problems)');
    // The sidebar's own words, in the plan's language (Polish), after the file's line and the field's path.
    const lines = JSON.stringify(bad, null, 2).split('\n');
    const titleLine = lines.findIndex((line) => line.includes('"title": "  "')) + 1;
    const targetLine = lines.findIndex((line) => line.includes('"target": "abc"')) + 1;
    expect(run.stderr).toContain(
      `bad.json:${titleLine}  objectives[1].title: Nazwa celu O2: to pole nie może być puste`,
    );
    expect(run.stderr).toContain(
      `bad.json:${targetLine}  objectives[1].keyResults[0].target: Wartość docelowa O2.1: „abc” nie jest liczbą`,
    );
    expect(run.stderr).toContain('Nothing was written.');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(workbook)).toBe(false);
  });

  it('refuses an initiative serving no KR of the plan and a task of no initiative, with their lines', async () => {
    const bad = plan();
    bad.initiatives[0].keyResultId = 'O9.1';
    bad.tasks[2].initiativeId = 'I7';
    const path = join(temp.folder, 'bad-initiatives.json');
    writeFileSync(path, JSON.stringify(bad, null, 2));
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'bad-initiatives.xlsx')]);
    expect(run.code).toBe(1);
    const lines = JSON.stringify(bad, null, 2).split('\n');
    const krLine = lines.findIndex((line) => line.includes('"keyResultId": "O9.1"')) + 1;
    const taskLine = lines.findIndex((line) => line.includes('"initiativeId": "I7"')) + 1;
    expect(run.stderr).toContain(
      `bad-initiatives.json:${krLine}  initiatives[0].keyResultId: KR, któremu służy inicjatywa I1: O9.1 nie jest kluczowym rezultatem tego kwartału`,
    );
    expect(run.stderr).toContain(
      `bad-initiatives.json:${taskLine}  tasks[2].initiativeId: Inicjatywa zadania 3: I7 nie jest inicjatywą tego planu`,
    );
  });

  it('speaks English for an English plan, and reads the payload form { plan, replaceExisting }', async () => {
    const bad = { ...plan(), language: 'en', team: '' };
    const path = join(temp.folder, 'bad-en.json');
    writeFileSync(path, JSON.stringify({ plan: bad, replaceExisting: 'yes' }, null, 2));
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'en.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad-en\.json:\d+ {2}plan\.team: Team name must not be empty/);
    expect(run.stderr).toMatch(/bad-en\.json:\d+ {2}replaceExisting: /);
    expect(existsSync(join(temp.folder, 'en.xlsx'))).toBe(false);
  });

  it('says where a file is not JSON', async () => {
    const path = join(temp.folder, 'broken.json');
    writeFileSync(path, '{\n  "team": "x",\n}\n');
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'x.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json is not valid JSON at line 3, column 1/);
  });

  it('builds with portable formulas when the plan asks for the add-on’s, and says so', async () => {
    const addon = { ...plan(), formulaStyle: 'addon', language: 'en' };
    addon.objectives[0].keyResults[0].current = 650_000;
    const path = join(temp.folder, 'addon.json');
    writeFileSync(path, JSON.stringify(addon));
    const out = join(temp.folder, 'addon.xlsx');
    const run = await runInProcess(['build', '--plan', path, '--out', out, '--locale', 'en_GB']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The plan asks for the add-on’s own formulas (formulaStyle "addon")');
    expect(run.stdout).toContain('(submitQuarter, en_GB,');
    // The one value given is scored: half way from 300 000 to 1 000 000.
    expect(run.stdout).toMatch(/[🟢🟡🔴] O1\.1 +score 0\.50 +/u);
    expect(existsSync(out)).toBe(true);
  });
});

// --- LibreOffice ---------------------------------------------------------------------------------------------

/** What the team has typed by mid-quarter, by KR in the example's order. */
const CURRENT = [450_000, 0.45, 6, 1, 52_000, 0.26, 0.049, 34_000, 0];

describe.skipIf(!hasSoffice)('the .xlsx of `okr build`, recomputed by LibreOffice headless', () => {
  it('shows the scores and statuses the CLI printed', { timeout: 180_000 }, async () => {
    const withValues = plan();
    let index = 0;
    for (const objective of withValues.objectives) {
      for (const keyResult of objective.keyResults) keyResult.current = CURRENT[index++];
    }
    const path = join(temp.folder, 'with-values.json');
    writeFileSync(path, JSON.stringify(withValues));
    const out = join(temp.folder, 'lo/q1.xlsx');
    const run = await runInProcess(['build', '--plan', path, '--out', out]);
    expect(run.code).toBe(0);
    const printed = new Map(
      [...run.stdout.matchAll(/([🟢🟡🔴]) (O\d\.\d) +score (\d,\d\d)/gu)].map((m) => [
        m[2],
        { status: m[1], score: m[3] },
      ]),
    );
    expect(printed.size).toBe(9);

    const sheets = recomputeToCsv(out, join(temp.folder, 'lo/csv'));
    const rows = sheets.get('OKR Q1 2027');
    expect(rows, [...sheets.keys()].join(', ')).toBeDefined();
    for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + 9; row++) {
      const cells = rows?.[row - 1] ?? [];
      const id = cells[columnOf('krId') - 1] as string;
      const score = Number(cells[columnOf('score') - 1]);
      expect(printed.get(id), id).toEqual({
        status: cells[columnOf('status') - 1],
        score: score.toFixed(2).replace('.', ','),
      });
      // Running initiatives per KR, counted over the Initiatives sheet: I1 serves O1.1, I2 O1.3.
      expect(Number(cells[columnOf('initiatives') - 1]), id).toBe(id === 'O1.1' || id === 'O1.3' ? 1 : 0);
    }
    // The Initiatives sheet recomputed: ICE scores, ranks and the share of tasks done.
    const initiatives = sheets.get('Inicjatywy Q1 2027') ?? [];
    const [score, rank, progress] = ['score', 'rank', 'progress'].map((key) =>
      INITIATIVE_COLUMN_KEYS.ice.indexOf(key as never),
    ) as [number, number, number];
    const computed = initiatives
      .slice(6, 10)
      .map((cells) => [cells[0], Number(cells[score]), Number(cells[rank]), cells[progress]]);
    expect(computed).toEqual([
      ['I1', 240, 3, '50%'],
      ['I2', 448, 1, '0%'],
      ['I3', 378, 2, ''],
      ['I4', 210, 4, ''],
    ]);
  });
});
