// The local runtime end to end: the built dist/Code.js in vm scopes over the fake, formulas computed by
// HyperFormula through the bundle's own custom functions, typing into cells, conditional colours, and the
// workbook file (saved, loaded again, and never written over when it is not ours).

import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureSampleBuild } from '../../local/bench';
import { createLocalRuntime, type LocalRuntime, LocalRuntimeError, WorkbookFileError } from '../../local/runtime';
import type { CellSnapshot, WorkbookSnapshot } from '../../local/snapshot';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { WORKED_CURRENT, workedExamplePlan } from '../okr-sheet/plans';

const DIST = join(__dirname, '../../dist');
const SHEET = 'OKR Q1 2027';
const AS_OF = 'F4';
const letter = (key: Parameters<typeof columnOf>[0]) => String.fromCharCode(64 + columnOf(key));

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'okr-local-'));
  folders.push(folder);
  return folder;
}

/** A copy of the built bundle with `extra` script appended (a later function declaration wins). */
function bundleWith(extra: string): string {
  const folder = tempFolder();
  writeFileSync(join(folder, 'Code.js'), `${readFileSync(join(DIST, 'Code.js'), 'utf8')}\n${extra}\n`);
  copyFileSync(join(DIST, 'sidebar.html'), join(folder, 'sidebar.html'));
  return join(folder, 'Code.js');
}

function cell(snapshot: WorkbookSnapshot, sheetName: string, a1: string): CellSnapshot | null {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the snapshot`);
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  const column = (match?.[1] ?? 'A').charCodeAt(0) - 64;
  return sheet.cells[Number(match?.[2]) - 1]?.[column - 1] ?? null;
}

/** Builds domain.md's worked examples through the sidebar's server function and types the current values. */
function workedExample(runtime: LocalRuntime, style: 'addon' | 'portable' = 'addon'): void {
  const result = runtime.call('submitQuarter', { plan: workedExamplePlan('en', style), previousSheetId: null });
  expect(result).toMatchObject({ ok: true, value: { ok: true, sheetName: SHEET } });
  WORKED_CURRENT.forEach(({ current }, index) => {
    runtime.setCell(SHEET, `${letter('current')}${FIRST_DATA_ROW + index}`, String(current));
  });
}

const column = (snapshot: WorkbookSnapshot, key: Parameters<typeof columnOf>[0]) =>
  WORKED_CURRENT.map((_, index) => cell(snapshot, SHEET, `${letter(key)}${FIRST_DATA_ROW + index}`));

describe('the bundle in the local runtime', () => {
  it('loads without touching a service, lists its entry points, and builds the menu from onOpen', () => {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    expect(runtime.services.calls.total()).toBe(0);
    expect(runtime.entryPoints).toEqual(expect.arrayContaining(['onOpen', 'submitQuarter', 'KR_SCORE']));
    expect(runtime.snapshot().menu).toEqual([]);

    expect(runtime.call('onOpen')).toEqual({ ok: true, value: null });
    const menu = runtime.snapshot().menu;
    expect(
      menu.filter((entry) => entry.type === 'item').map((entry) => entry.type === 'item' && entry.functionName),
    ).toEqual([
      'showNewQuarterSidebar',
      'showCloseQuarter',
      'showWeeklyCheckIn',
      'showRecordCheckIn',
      'showDashboard',
      'showMonthlyReview',
      'showInitiatives',
      'showDealsSheet',
      'showImportDeals',
      'showCompanyRollup',
      'updateAsOfDate',
      'hideOldCheckInTabs',
      'showSettings',
      'showHelp',
    ]);
    expect(menu[0]).toEqual({ type: 'item', caption: 'New quarter…', functionName: 'showNewQuarterSidebar' });
  });

  it('computes a formula that names a named range, as the tracking columns do', () => {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    const sheet = runtime.services.spreadsheet.getSheets()[0];
    if (!sheet) throw new Error('no sheet');
    runtime.setCell(sheet.getName(), 'B2', '40');
    runtime.services.spreadsheet.setNamedRange('Target_Q1', sheet.getRange('B2'));
    runtime.setCell(sheet.getName(), 'C3', '=Target_Q1/2');
    expect(cell(runtime.snapshot(), sheet.getName(), 'C3')?.value).toMatchObject({ type: 'number', raw: 20 });
  });

  it('opens the sidebar from its menu item with the built HTML', () => {
    const runtime = createLocalRuntime({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    expect(runtime.call('showNewQuarterSidebar')).toEqual({ ok: true, value: null });
    const ui = runtime.takeUi();
    expect(ui.sidebars).toHaveLength(1);
    expect(ui.sidebars[0]?.title).toBe('OKR Sheets: nowy kwartał');
    expect(ui.sidebars[0]?.html).toContain('data-lang="pl"');
    expect(runtime.takeUi().sidebars).toEqual([]);
  });

  it.each(['addon', 'portable'] as const)(
    "shows the worked examples' scores once the current values are typed (%s formulas)",
    (style) => {
      const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
      workedExample(runtime, style);
      const snapshot = runtime.snapshot();
      const scores = column(snapshot, 'score');
      // domain.md: 0.75, 0.60, 0.75, 1.00 (1.5 uncapped), 0.80; then the milestone done and the flat pipeline.
      WORKED_CURRENT.forEach(({ score }, index) => {
        expect(scores[index]?.value.type).toBe('number');
        expect(scores[index]?.value.raw as number).toBeCloseTo(score, 9);
      });
      expect(scores.slice(0, 5).map((c) => c?.value.display)).toEqual(['0.75', '0.60', '0.75', '1.00', '0.80']);
      for (const objective of column(snapshot, 'objectiveScore').slice(0, 3)) {
        expect(objective?.value.raw as number).toBeCloseTo(0.7125, 9);
      }
      if (style === 'addon') {
        // The header holds the one formula of the column; the scores below are its spill.
        expect(cell(snapshot, SHEET, `${letter('score')}${FIRST_DATA_ROW - 1}`)?.formula).toMatch(
          /^=\{"Score";KR_SCORE\(/,
        );
        expect(scores[0]).toMatchObject({ formula: null, spilled: true });
      }
    },
  );

  it('gives the bundle the computed values when it reads the cells, as Sheets does', () => {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    workedExample(runtime);
    const range = runtime.services.spreadsheet
      .sheet(SHEET)
      .getRange(`${letter('score')}${FIRST_DATA_ROW}:${letter('score')}${FIRST_DATA_ROW + 1}`);
    expect(range.getValues().flat()).toEqual([0.75, 0.6]);
    expect(range.getDisplayValues().flat()).toEqual(['0.75', '0.60']);
    // The as-of date: a formula cell formatted as a date reads as a Date of the script's realm.
    const asOf = runtime.services.spreadsheet.sheet(SHEET).getRange(AS_OF).getValue();
    expect(Object.prototype.toString.call(asOf)).toBe('[object Date]');
  });

  it('computes the scores through the bundle’s own KR_SCORE, not a copy of the core', () => {
    // A bundle whose KR_SCORE answers in percent: the cells must follow it.
    const bundlePath = bundleWith(`function KR_SCORE(start, target, current, kind, allow_over) {
      var scores = OKRSheets.KR_SCORE(start, target, current, kind, allow_over);
      return scores.map(function (row) { return row.map(function (v) { return typeof v === 'number' ? v * 100 : v; }); });
    }`);
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw', bundlePath });
    workedExample(runtime);
    const scores = column(runtime.snapshot(), 'score');
    expect(scores.slice(0, 5).map((c) => Math.round(c?.value.raw as number))).toEqual([75, 60, 75, 100, 80]);
  });

  it('paints a status colour from the conditional rules, and follows an edit', () => {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    workedExample(runtime);
    // At quarter end: committed 0.75 → 🟡, aspirational 0.75 → 🟢, the flat pipeline → 🔴.
    runtime.setCell(SHEET, AS_OF, '2027-03-31');
    let snapshot = runtime.snapshot();
    expect(cell(snapshot, SHEET, AS_OF)?.value).toMatchObject({ type: 'date', display: '2027-03-31' });
    expect(column(snapshot, 'status').map((c) => c?.value.raw)).toEqual(['🟡', '🟡', '🟢', '🟢', '🟡', '🟢', '🔴']);
    const [first, , third, , , , last] = column(snapshot, 'score');
    expect(first).toMatchObject({ background: '#fce8b2', ownBackground: '#f3f3f3' });
    expect(third?.background).toBe('#b7e1cd');
    expect(last?.background).toBe('#f4c7c3');
    expect(column(snapshot, 'status')[0]?.background).toBe('#fce8b2');
    expect(cell(snapshot, SHEET, `${letter('score')}${FIRST_DATA_ROW + WORKED_CURRENT.length}`)?.background).toBe(
      '#f3f3f3',
    );

    // Typing the full target makes the committed KR green.
    runtime.setCell(SHEET, `${letter('current')}${FIRST_DATA_ROW}`, '4');
    snapshot = runtime.snapshot();
    expect(column(snapshot, 'score')[0]?.value.raw).toBe(1);
    expect(column(snapshot, 'status')[0]?.value.raw).toBe('🟢');
    expect(column(snapshot, 'score')[0]?.background).toBe('#b7e1cd');
  });

  it('reads typing as a Polish spreadsheet does, and refuses what a validation rejects', () => {
    const runtime = createLocalRuntime({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    const result = runtime.call('submitQuarter', { plan: workedExamplePlan('pl'), previousSheetId: null });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    const current = (offset: number) => `${letter('current')}${FIRST_DATA_ROW + offset}`;
    runtime.setCell(SHEET, current(1), '52 000');
    runtime.setCell(SHEET, current(3), '35%');
    runtime.setCell(SHEET, AS_OF, '31.03.2027');
    const snapshot = runtime.snapshot();
    // Grouped with a no-break space, as Intl's pl-PL (and Sheets) groups thousands.
    expect(cell(snapshot, SHEET, current(1))?.value).toMatchObject({ raw: 52_000, display: '52\u00a0000 zł' });
    expect(cell(snapshot, SHEET, current(3))?.value).toMatchObject({ raw: 0.35, display: '35%' });
    expect(cell(snapshot, SHEET, AS_OF)?.value).toMatchObject({ type: 'date', display: '2027-03-31' });
    const scores = column(snapshot, 'score');
    expect(scores[1]?.value).toMatchObject({ raw: 0.6, display: '0,60' });
    expect(scores[3]?.value.raw).toBe(1);

    expect(() => runtime.setCell(SHEET, `${letter('weight')}${FIRST_DATA_ROW}`, 'dużo')).toThrow(LocalRuntimeError);
    expect(() => runtime.setCell(SHEET, `${letter('weight')}${FIRST_DATA_ROW}`, 'dużo')).toThrow(
      /violates the data validation rules/,
    );
    expect(() => runtime.setCell('Nope', 'A1', '1')).toThrow('There is no sheet named "Nope"');
  });
});

describe('formulas typed into a Polish OKR sheet', () => {
  it('computes `=SUM(2;1)` and `=ROUND(2,5;0)` in the current column, and a bad formula spoils only its own row', () => {
    const runtime = createLocalRuntime({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    const result = runtime.call('submitQuarter', { plan: workedExamplePlan('pl'), previousSheetId: null });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    const current = (offset: number) => `${letter('current')}${FIRST_DATA_ROW + offset}`;
    runtime.setCell(SHEET, current(0), '=SUM(2;1)');
    runtime.setCell(SHEET, current(2), '=ROUND(2,5;0)');
    runtime.setCell(SHEET, current(4), '=FOO(((');
    const snapshot = runtime.snapshot();
    expect(cell(snapshot, SHEET, current(0))?.value.raw).toBe(3);
    expect(cell(snapshot, SHEET, current(2))?.value.raw).toBe(3);
    expect(cell(snapshot, SHEET, current(4))?.value).toMatchObject({ type: 'error', raw: '#ERROR!' });
    const scores = column(snapshot, 'score');
    // O1.1: 3 of 4 new clients; the bad cell's row shows why, every other row keeps its score.
    expect(scores[0]?.value.raw).toBeCloseTo(0.75, 9);
    expect(String(scores[4]?.value.raw)).toMatch(/^KR_SCORE: current „#ERROR!” nie jest liczbą/);
    for (const index of [1, 3, 5, 6]) expect(typeof scores[index]?.value.raw).not.toBe('string');
    expect(runtime.services.spreadsheet.sheet(SHEET).getRange(current(2)).getFormula()).toBe('=ROUND(2,5;0)');
  });
});

describe('array results, as Sheets expands them', () => {
  it('shows #REF! while a value blocks a column formula, and restores the column once it is cleared', () => {
    const path = join(tempFolder(), 'book.json');
    const runtime = createLocalRuntime({ workbookPath: path, locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    workedExample(runtime);
    const header = `${letter('score')}${FIRST_DATA_ROW - 1}`;
    const blocked = `${letter('score')}${FIRST_DATA_ROW + 1}`;
    const formula = cell(runtime.snapshot(), SHEET, header)?.formula;
    runtime.setCell(SHEET, blocked, '0,9');
    let snapshot = runtime.snapshot();
    expect(cell(snapshot, SHEET, header)?.value).toMatchObject({
      type: 'error',
      display: '#REF!',
      error: `Array result was not expanded because it would overwrite data in ${blocked}.`,
    });
    runtime.save();
    runtime.setCell(SHEET, blocked, '');
    snapshot = runtime.snapshot();
    expect(cell(snapshot, SHEET, header)).toMatchObject({ formula, value: { type: 'text', display: 'Score' } });
    expect(cell(snapshot, SHEET, blocked)?.value.raw as number).toBeCloseTo(WORKED_CURRENT[1]?.score ?? 0, 9);
    runtime.save();
    // The file holds the user's formula and values, never a computed error: a new start shows the column.
    expect(readFileSync(path, 'utf8')).not.toContain('#REF!');
    const again = createLocalRuntime({ workbookPath: path });
    const reloaded = again.snapshot();
    expect(cell(reloaded, SHEET, header)).toMatchObject({ formula, value: { display: 'Score' } });
    expect(cell(reloaded, SHEET, blocked)?.value.raw as number).toBeCloseTo(WORKED_CURRENT[1]?.score ?? 0, 9);
  });
});

describe('calls as google.script.run makes them', () => {
  it('refuses a Date argument, names an unknown function, and gives an exception as its message only', () => {
    const bundlePath = bundleWith(`function boom() { throw new Error('kaput'); }
function when() { return { at: new Date() }; }
var counter = 0;
function bump(step) { counter += step.by; return counter; }`);
    const runtime = createLocalRuntime({ bundlePath });
    expect(runtime.call('submitQuarter', { plan: { start: new Date() } })).toEqual({
      ok: false,
      error: { message: 'Failed due to illegal value in property: start' },
    });
    expect(runtime.call('nothingHere')).toEqual({
      ok: false,
      error: { message: 'Script function not found: nothingHere' },
    });
    expect(runtime.call('boom')).toEqual({ ok: false, error: { message: 'kaput' } });
    // Apps Script delivers an answer holding a Date as null.
    expect(runtime.call('when')).toEqual({ ok: true, value: null });
    // Every call is a new execution: nothing survives in the script's globals.
    expect(runtime.call('bump', { by: 2 })).toEqual({ ok: true, value: 2 });
    expect(runtime.call('bump', { by: 2 })).toEqual({ ok: true, value: 2 });
  });

  it('answers a refused plan with the messages per field, as data', () => {
    const runtime = createLocalRuntime({ locale: 'en_US' });
    const plan = workedExamplePlan('en');
    const result = runtime.call('submitQuarter', { plan: { ...plan, team: '  ' }, previousSheetId: null });
    expect(result).toMatchObject({
      ok: true,
      value: { ok: false, errors: [{ path: 'plan.team', message: 'Team name must not be empty' }] },
    });
    expect(runtime.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('the workbook file', () => {
  it('saves atomically and loads again into the same spreadsheet', () => {
    const path = join(tempFolder(), 'q1.okr.json');
    const first = createLocalRuntime({ workbookPath: path, locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    first.call('onOpen');
    workedExample(first);
    first.setCell(SHEET, AS_OF, '2027-02-15');
    const settings = {
      language: 'pl',
      fiscalStartMonth: 1,
      currency: 'PLN',
      formulaStyle: 'addon',
      teamName: 'Sprzedaż',
    };
    expect(first.call('saveSettings', settings)).toMatchObject({ ok: true, value: { ok: true } });
    expect(first.services.PropertiesService.document.data.size).toBeGreaterThan(0);
    first.save();
    expect(readdirSync(join(path, '..'))).toEqual(['q1.okr.json']);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toMatchObject({ format: 'okr-sheets-local-workbook', version: 1 });

    const second = createLocalRuntime({ workbookPath: path });
    second.call('onOpen');
    const before = first.snapshot();
    const after = second.snapshot();
    expect(after).toEqual(before);
    expect(after.locale).toBe('pl_PL');
    expect(second.services.PropertiesService.document.data).toEqual(first.services.PropertiesService.document.data);
    expect(second.services.spreadsheet.metadata.length).toBe(first.services.spreadsheet.metadata.length);

    // The reloaded spreadsheet carries on: a new sheet gets a new id, and the add-on still finds its quarter.
    const again = second.call('submitQuarter', { plan: workedExamplePlan('en'), previousSheetId: null });
    expect(again).toMatchObject({ ok: true, value: { ok: true, sheetName: `${SHEET} (2)` } });
    const ids = second.snapshot().sheets.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['a corrupt file', '{"format": "okr-sheets-local-workbook", "version": 1, "sheets": [', /is not valid JSON/],
    ['a foreign JSON file', '{ "name": "my-app", "version": "1.0.0" }\n', /is not an OKR Sheets workbook/],
    [
      'a damaged workbook',
      JSON.stringify({ format: 'okr-sheets-local-workbook', version: 1, sheets: [] }),
      /is damaged: savedAt/,
    ],
    ['a workbook of another version', JSON.stringify({ format: 'okr-sheets-local-workbook', version: 7 }), /version 7/],
  ])('refuses %s, names it and the problem, and never writes over it', (_what, content, problem) => {
    const path = join(tempFolder(), 'book.json');
    writeFileSync(path, content);
    const bytes = readFileSync(path);

    let thrown: unknown;
    try {
      createLocalRuntime({ workbookPath: path });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkbookFileError);
    expect((thrown as Error).message).toContain(path);
    expect((thrown as Error).message).toMatch(problem);

    // Started anyway on an empty spreadsheet, the runtime refuses to save over the file.
    const runtime = createLocalRuntime({ workbookPath: path, unreadableFile: 'start-empty' });
    expect(runtime.loadProblem).toMatch(problem);
    expect(runtime.call('submitQuarter', { plan: workedExamplePlan('en'), previousSheetId: null })).toMatchObject({
      ok: true,
    });
    expect(() => runtime.save()).toThrow(WorkbookFileError);
    expect(() => runtime.save()).toThrow(/is not written over/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(join(path, '..'))).toEqual(['book.json']);
  });

  it('refuses a hand-edited grid larger than Sheets’ 10 million cells as damaged, before allocating it', () => {
    const path = join(tempFolder(), 'book.json');
    const runtime = createLocalRuntime({ workbookPath: path });
    runtime.save();
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.sheets[0].maxRows = 2_000_000_000;
    writeFileSync(path, JSON.stringify(file));
    expect(() => createLocalRuntime({ workbookPath: path })).toThrow(
      /book\.json: is damaged: sheets\[0\]: 2000000000 rows × 26 columns take the workbook over the 10,000,000 cells/,
    );
    file.sheets[0].maxRows = 1000;
    file.sheets[0].maxColumns = 20_000;
    writeFileSync(path, JSON.stringify(file));
    expect(() => createLocalRuntime({ workbookPath: path })).toThrow(/20000 columns, more than the 18278/);
  });

  it('refuses to save over a read-only file rather than replace it', () => {
    const path = join(tempFolder(), 'book.json');
    const runtime = createLocalRuntime({ workbookPath: path });
    runtime.save();
    const bytes = readFileSync(path);
    chmodSync(path, 0o444);
    runtime.setCell('Sheet1', 'A1', 'changed');
    expect(() => runtime.save()).toThrow(/book\.json: is not written over: it is read-only/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses to save over a file that became foreign after it was loaded', () => {
    const path = join(tempFolder(), 'book.json');
    const runtime = createLocalRuntime({ workbookPath: path });
    runtime.save();
    writeFileSync(path, 'my notes, not a workbook');
    expect(() => runtime.save()).toThrow(/book\.json: is not written over: is not a workbook/);
    expect(readFileSync(path, 'utf8')).toBe('my notes, not a workbook');
  });
});

describe('figures', () => {
  it('measures building the sample quarter through the vm-hosted bundle', () => {
    const figures = measureSampleBuild();
    expect(figures.ms).toBeGreaterThan(0);
    expect(figures.calls).toBeGreaterThan(10);
    expect(figures.snapshotMs).toBeGreaterThan(0);
  });
});
