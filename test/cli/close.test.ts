// `okr close` as a child process on a workbook built from examples/plan.json with week 5 recorded: the
// Grades sheet written and saved (a new runtime finds it), the grades printed; closing again keeps the sheet
// and saves nothing; a workbook with no quarter is refused with exit code 1, a bad --as-of is usage (2).
// Overrides typed on the Grades sheet that do not count (no reason, out of 0–1, no number) are listed when
// the quarter is closed again, on an English and a Polish workbook alike (typed as each locale reads typing).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { gradeColumn } from '../../src/core/close/grades-sheet';
import type { SidebarState } from '../../src/shared/sidebar-api';
import { ROOT, runCli, runInProcess, week5WorkbookInTemp } from './run-cli';

const { temp, workbook } = week5WorkbookInTemp();

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

describe('okr close: overrides that do not count', () => {
  it.each([
    { lang: 'en', grades: 'Grades Q1 2027', typed: { 'O1.1': '1.5', 'O1.2': '0.9', 'O1.3': 'lots', 'O2.1': '0.25' } },
    { lang: 'pl', grades: 'Oceny Q1 2027', typed: { 'O1.1': '1,5', 'O1.2': '0,9', 'O1.3': 'dużo', 'O2.1': '0,25' } },
  ])(
    'lists each one with its row on a closed $lang workbook, and the override with a reason counts',
    async (example) => {
      const plan = JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));
      plan.language = example.lang;
      const planPath = join(temp.folder, `plan-${example.lang}.json`);
      writeFileSync(planPath, JSON.stringify(plan));
      const book = join(temp.folder, `overrides-${example.lang}.json`);
      expect((await runInProcess(['build', '--plan', planPath, '--workbook', book])).code).toBe(0);
      const first = await runInProcess(['close', '--workbook', book, '--as-of', '2027-04-02']);
      expect(first.code).toBe(0);
      expect(first.stdout).not.toContain('does not count');

      // The owners type their overrides into the Grades sheet: two without a reason (one of them blank
      // spaces), one above 1, one that is no number, and one with a reason.
      const runtime = createLocalRuntime({ workbookPath: book, bundlePath: join(ROOT, 'dist/Code.js') });
      const sheet = runtime.snapshot().sheets.find((candidate) => candidate.name === example.grades);
      const rowOf = (id: string) =>
        1 + (sheet?.cells.findIndex((row) => row[gradeColumn('krId') - 1]?.value.raw === id) ?? -1);
      const cell = (id: string, key: 'override' | 'reason') =>
        `${String.fromCharCode(64 + gradeColumn(key))}${rowOf(id)}`;
      const reasons: Record<string, string> = { 'O1.1': 'signed on 1 April', 'O1.2': '', 'O1.3': 'a good quarter' };
      for (const [id, typed] of Object.entries(example.typed)) {
        runtime.setCell(example.grades, cell(id, 'override'), typed);
        if (reasons[id]) runtime.setCell(example.grades, cell(id, 'reason'), reasons[id]);
      }
      runtime.setCell(example.grades, cell('O2.1', 'reason'), ' ');
      runtime.setCell(example.grades, cell('O2.2', 'override'), '1');
      runtime.setCell(example.grades, cell('O2.2', 'reason'), 'the last deal came in on 31 March');
      runtime.save();

      const again = await runInProcess(['close', '--workbook', book, '--as-of', '2027-04-03']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(
        `✓ Q1 2027 was closed before: its Grades sheet "${example.grades}" is kept as it is`,
      );
      const listed = again.stdout.split('\n').filter((line) => line.includes('does not count'));
      expect(listed).toEqual([
        `  ⚠ row ${rowOf('O1.1')} (O1.1): the override 1.5 does not count (the final score counts): a grade is between 0 and 1`,
        `  ⚠ row ${rowOf('O1.2')} (O1.2): the override 0.9 does not count (the final score counts): it has no reason`,
        `  ⚠ row ${rowOf('O1.3')} (O1.3): the override "${example.typed['O1.3']}" does not count (the final score counts): it is no number`,
        `  ⚠ row ${rowOf('O2.1')} (O2.1): the override 0.25 does not count (the final score counts): it has no reason`,
      ]);
      expect(again.stdout).not.toContain('Saved');
      // The next quarter starts from the grades that count: O2.2's override with its reason, no other.
      const reopened = createLocalRuntime({ workbookPath: book, bundlePath: join(ROOT, 'dist/Code.js') });
      const state = reopened.call('getSidebarState');
      if (!state.ok) throw new Error(state.error.message);
      const previous = (state.value as unknown as SidebarState).previousQuarter;
      const grades = new Map(previous?.keyResults.map((kr) => [kr.id, kr.grade]));
      expect(grades.get('O2.2')?.override).toBe(1);
      for (const id of ['O1.1', 'O1.2', 'O1.3', 'O2.1']) expect(grades.get(id)?.override, id).toBeNull();
    },
    60_000,
  );
});
