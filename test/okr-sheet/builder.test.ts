// Building a quarter on the fake spreadsheet and reading it back: what lands in the sheet, that nothing of
// the user's is ever overwritten (sheets, conditional rules, formulas in `current`), that carrying a quarter
// over closes the old one, that a round trip through a user's hand edits gives the same plan, and that the
// number of service calls does not grow with the number of key results.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asReal, createFakeServices, type FakeServices, type FakeSheet } from '../../local/spreadsheet';
import { dateFormula } from '../../src/core/okr-sheet/cells';
import { columnOf, METADATA } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { quarterDates } from '../../src/core/quarter';
import { forgetLang } from '../../src/server/language';
import { findQuarterSheets, readQuarter } from '../../src/server/okr-sheet-reader';
import { buildQuarter } from '../../src/server/quarter-builder';
import { mergeConditionalRules } from '../../src/server/sheet-writer';
import type { QuarterPlan } from '../../src/shared/plan';
import { installGlobals } from '../support/install-globals';
import { countBuildCalls } from './build-calls';
import { sizedPlan, workedExamplePlan } from './plans';

let services: FakeServices;

function open(sheets?: Record<string, unknown[][]>): FakeServices {
  services = createFakeServices({ locale: 'pl_PL', ...(sheets ? { sheets } : {}) });
  installGlobals(services);
  forgetLang();
  return services;
}

beforeEach(() => open());
afterEach(() => forgetLang());

const sheetNamed = (name: string): FakeSheet => services.spreadsheet.sheet(name);
const cellOf = (sheet: FakeSheet, row: number, key: Parameters<typeof columnOf>[0]) =>
  sheet.grid.peek(row, columnOf(key));

/** The plan as the builder understood it: ids given, no current values yet. */
function withIds(plan: QuarterPlan, currents: (number | null)[] = []): QuarterPlan {
  let index = 0;
  return {
    ...plan,
    objectives: plan.objectives.map((objective, o) => ({
      ...objective,
      id: `O${o + 1}`,
      keyResults: objective.keyResults.map((kr, k) => ({
        ...kr,
        id: `O${o + 1}.${k + 1}`,
        current: currents[index++] ?? null,
      })),
    })),
  };
}

describe('buildQuarter', () => {
  it('builds the sheet of the quarter, tagged, formatted, validated, protected and named', () => {
    const result = buildQuarter(workedExamplePlan('pl'));
    expect(result).toMatchObject({ sheetName: 'OKR Q1 2027', created: true, warnings: [] });
    const sheet = sheetNamed('OKR Q1 2027');
    expect(result.sheetId).toBe(sheet.getSheetId());
    expect(sheet.frozenRows).toBe(6);
    expect(sheet.frozenColumns).toBe(5);
    expect(cellOf(sheet, 6, 'score').formula).toBe('={"Wynik";KR_SCORE(L7:L33;M7:M33;N7:N33;J7:J33)}');
    expect(cellOf(sheet, 7, 'keyResult').value).toBe('Nowi klienci na abonament');
    expect(cellOf(sheet, 8, 'target').numberFormat).toBe('#,##0 "zł"');
    expect(cellOf(sheet, 7, 'kind').validation?.getCriteriaValues()[0]).toEqual([
      'wzrost',
      'spadek',
      'co najmniej',
      'co najwyżej',
      'kamień milowy',
    ]);
    // The as-of date is today's, fixed (never TODAY(), which custom functions may not depend on).
    const today = Utilities.formatDate(new Date(), services.spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
    expect(sheet.grid.peek(4, 6).formula).toBe(dateFormula(today));
    expect(sheet.rules).toHaveLength(6);
    const protections = services.spreadsheet.protections.filter((p) => p.sheetId === sheet.getSheetId());
    expect(protections.map((p) => [p.warningOnly, p.description])).toEqual([
      [true, 'Te komórki liczy OKR Sheets; ich edycja psuje wyniki.'],
      [true, 'Te komórki liczy OKR Sheets; ich edycja psuje wyniki.'],
    ]);
    expect([...services.spreadsheet.namedRanges.keys()]).toEqual([
      'OKR_Q1_2027_table',
      'OKR_Q1_2027_as_of',
      'OKR_Q1_2027_expected',
      // The OKR feed's window, which company roll-ups import (docs/okr-feed.md).
      'OKR_FEED',
    ]);
    expect(findQuarterSheets(asReal(services.spreadsheet)).map((q) => [q.name, q.label, q.frozen])).toEqual([
      ['OKR Q1 2027', 'Q1 2027', false],
    ]);
  });

  it('writes under the document lock and lets go of it', () => {
    const { calls, LockService } = services;
    buildQuarter(workedExamplePlan('en'));
    expect(calls.count('LockService.getDocumentLock')).toBe(1);
    expect(calls.count('Lock.waitLock')).toBe(1);
    expect(calls.count('Lock.releaseLock')).toBe(1);
    expect(LockService.isHeld('document')).toBe(false);
  });

  it('waits for another execution and fails cleanly when it does not finish', () => {
    services.LockService.hold('document');
    expect(() => buildQuarter(workedExamplePlan('en'))).toThrow();
    expect(services.spreadsheet.getSheets().map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('refuses a plan that is not valid, before touching the spreadsheet', () => {
    const plan = workedExamplePlan('en');
    plan.objectives[0]!.keyResults[0]!.weight = -1;
    expect(() => buildQuarter(plan)).toThrow(/weight/);
    expect(services.calls.total()).toBe(0);
  });

  it('keeps a title that looks like a formula as literal text', () => {
    const plan = workedExamplePlan('en');
    plan.objectives[0]!.keyResults[0]!.title = '=IMPORTXML("http://x")';
    plan.objectives[0]!.title = '@everyone: +20% -5';
    buildQuarter(plan);
    const sheet = sheetNamed('OKR Q1 2027');
    expect(cellOf(sheet, 7, 'keyResult')).toMatchObject({ formula: '', value: '=IMPORTXML("http://x")' });
    expect(cellOf(sheet, 7, 'objective')).toMatchObject({ formula: '', value: '@everyone: +20% -5' });
  });

  it('never overwrites an existing sheet: it builds beside it under the next free name', () => {
    open({ 'OKR Q1 2027': [['my own notes', 42]], 'OKR Q1 2027 (2)': [['more']] });
    const result = buildQuarter(workedExamplePlan('en'));
    expect(result.sheetName).toBe('OKR Q1 2027 (3)');
    expect(result.warnings).toEqual([
      'A sheet named "OKR Q1 2027" exists already; the quarter was built in "OKR Q1 2027 (3)".',
    ]);
    expect(sheetNamed('OKR Q1 2027').dump().values).toEqual([['my own notes', 42]]);
    expect(sheetNamed('OKR Q1 2027 (2)').dump().values).toEqual([['more']]);
    // Beside the sheet of the same name.
    expect(services.spreadsheet.getSheets().map((s) => s.name)).toEqual([
      'OKR Q1 2027',
      'OKR Q1 2027 (3)',
      'OKR feed',
      'OKR Q1 2027 (2)',
    ]);
  });

  it('on a confirmed replacement still builds beside, then keeps the earlier sheet under another name', () => {
    buildQuarter(workedExamplePlan('en'));
    const earlier = sheetNamed('OKR Q1 2027');
    earlier.seed([[3]], 7, columnOf('current'));
    const before = earlier.dump();
    const result = buildQuarter(workedExamplePlan('en'), { replaceExisting: true });
    expect(result.sheetName).toBe('OKR Q1 2027');
    expect(result.sheetId).not.toBe(earlier.getSheetId());
    expect(earlier.name).toBe('OKR Q1 2027 (earlier)');
    expect(earlier.dump()).toEqual(before);
    expect(result.warnings).toEqual([
      'The earlier sheet was kept, renamed to "OKR Q1 2027 (earlier)" and protected with a warning.',
    ]);
    // Both carry the quarter's metadata; the named ranges of the new one get their own names.
    expect(findQuarterSheets(asReal(services.spreadsheet))).toHaveLength(2);
    expect(services.spreadsheet.namedRanges.has('OKR_Q1_2027_2_table')).toBe(true);
  });

  it("keeps the user's own conditional-format rule when the add-on sets its rules again", () => {
    buildQuarter(workedExamplePlan('en'));
    const sheet = sheetNamed('OKR Q1 2027');
    const mine = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Anna')
      .setBackground('#ff00ff')
      .setRanges([asReal(sheet).getRange('F7:F33')])
      .build();
    asReal(sheet).setConditionalFormatRules([...asReal(sheet).getConditionalFormatRules(), mine]);
    const plan = workedExamplePlan('en');
    const { conditionalRules } = layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
    mergeConditionalRules(asReal(sheet), conditionalRules);
    // The user's rule first (it wins where both colour a cell), the add-on's six once, not twice.
    expect(sheet.rules).toHaveLength(7);
    expect(sheet.rules[0]?.spec).toMatchObject({ values: ['Anna'], background: '#ff00ff' });
    expect(sheet.rules.slice(1).map((rule) => rule.spec.values[0])).toEqual(conditionalRules.map((r) => r.formula));
  });

  it('reads back the same plan after hand edits: an inserted column, sorted rows, a renamed sheet, notes', () => {
    const plan = workedExamplePlan('pl');
    buildQuarter(plan);
    const sheet = sheetNamed('OKR Q1 2027');
    const currents = [3, 52_000, 4, 0.35, 0.05, null, 300_000];
    currents.forEach((value, index) => {
      if (value !== null)
        asReal(sheet)
          .getRange(7 + index, columnOf('current'))
          .setValue(value);
    });
    asReal(sheet).getRange(12, columnOf('current')).setValue('tak');
    asReal(sheet).insertColumnBefore(columnOf('keyResult'));
    asReal(sheet).getRange(6, columnOf('keyResult')).setValue('Region');
    asReal(sheet).sort(columnOf('owner') + 1, false);
    asReal(sheet).setName('Nasze OKR');
    asReal(sheet).getRange('A40').setValue('Notatka: przegląd w piątki');
    const reading = readQuarter(asReal(sheet));
    expect(reading.problems).toEqual([]);
    expect(reading.plan).toEqual(withIds(plan, [3, 52_000, 4, 0.35, 0.05, 1, 300_000]));
    expect(reading.columns.keyResult).toBe(columnOf('keyResult') + 1);
    expect(findQuarterSheets(asReal(services.spreadsheet))[0]?.name).toBe('Nasze OKR');
  });

  it('reads a sheet with one getValues and one getFormulas', () => {
    buildQuarter(sizedPlan(25, 4));
    const { calls } = services;
    const measured = calls.measure(() => readQuarter(asReal(sheetNamed('OKR Q2 2027'))));
    expect(measured.counts['Range.getValues']).toBe(1);
    expect(measured.counts['Range.getFormulas']).toBe(1);
    expect(measured.result.plan?.objectives).toHaveLength(25);
    expect(measured.result.problems).toEqual([]);
  });
});

describe('starting from the previous quarter', () => {
  const CRM_FORMULA = '=SUMIFS(CRM!C:C,CRM!A:A,"won")';

  function previousQuarter(): FakeSheet {
    buildQuarter(workedExamplePlan('en'));
    const sheet = sheetNamed('OKR Q1 2027');
    for (const [row, value] of [
      [7, 3],
      [8, 52_000],
      [9, 4],
      [10, 0.35],
    ] as const) {
      asReal(sheet).getRange(row, columnOf('current')).setValue(value);
    }
    asReal(sheet).getRange(13, columnOf('current')).setFormula(CRM_FORMULA);
    return sheet;
  }

  function nextPlan(): QuarterPlan {
    const plan = withIds(workedExamplePlan('en'));
    plan.quarter = { kind: 'quarter', year: 2027, quarter: 2 };
    for (const objective of plan.objectives) for (const kr of objective.keyResults) delete kr.current;
    return plan;
  }

  it('carries over, keeps or drops each key result, and closes the previous sheet untouched', () => {
    const previous = previousQuarter();
    const before = previous.dump();
    const result = buildQuarter(nextPlan(), {
      previousSheetId: previous.getSheetId(),
      carryOver: { 'O1.1': 'carry', 'O1.2': 'keep', 'O1.3': 'drop', 'O2.4': 'carry' },
    });
    expect(result.sheetName).toBe('OKR Q2 2027');
    const next = sheetNamed('OKR Q2 2027');
    const krIds = [7, 8, 9, 10, 11, 12].map((row) => cellOf(next, row, 'krId').value);
    expect(krIds).toEqual(['O1.1', 'O1.2', 'O2.1', 'O2.2', 'O2.3', 'O2.4']);
    // carry: the new start is where it ended; keep: as it was, current value included.
    expect([cellOf(next, 7, 'start').value, cellOf(next, 7, 'current').value]).toEqual([3, '']);
    expect([cellOf(next, 8, 'start').value, cellOf(next, 8, 'current').value]).toEqual([40_000, 52_000]);
    // The user's formula in `current` comes along as a formula, never as the number it showed.
    expect(cellOf(next, 12, 'current').formula).toBe(CRM_FORMULA);
    // The previous quarter: values and formulas exactly as they were, protected with a warning, closed.
    expect(previous.dump()).toEqual(before);
    expect(cellOf(previous, 13, 'current').formula).toBe(CRM_FORMULA);
    const sheetProtection = services.spreadsheet.protections.find(
      (p) => p.sheetId === previous.getSheetId() && p.range === null,
    );
    expect(sheetProtection?.warningOnly).toBe(true);
    expect(findQuarterSheets(asReal(services.spreadsheet)).map((q) => [q.label, q.frozen])).toEqual([
      ['Q1 2027', true],
      ['Q2 2027', false],
    ]);
    expect(result.warnings).toContain('Key result O2.4 had no current value last quarter; its start stays as planned.');
    expect(result.warnings).toContain(
      'The previous quarter\'s sheet "OKR Q1 2027" is now closed: values kept, protected with a warning.',
    );
    expect(services.LockService.isHeld('document')).toBe(false);
  });

  it('numbers the new quarter with no gap once key results are dropped; values and formulas follow their key result', () => {
    const previous = previousQuarter();
    const titles = (sheet: FakeSheet, rows: readonly number[]) =>
      rows.map((row) => cellOf(sheet, row, 'keyResult').value);
    const kept = titles(previous, [8, 9, 10, 12, 13]);
    buildQuarter(nextPlan(), {
      previousSheetId: previous.getSheetId(),
      carryOver: { 'O1.1': 'drop', 'O1.2': 'keep', 'O2.2': 'drop', 'O2.4': 'keep' },
    });
    const next = sheetNamed('OKR Q2 2027');
    const rows = [7, 8, 9, 10, 11];
    expect(rows.map((row) => cellOf(next, row, 'krId').value)).toEqual(['O1.1', 'O1.2', 'O2.1', 'O2.2', 'O2.3']);
    expect(titles(next, rows)).toEqual(kept);
    expect(cellOf(next, 12, 'krId').value).toBe('');
    // Last quarter's O1.2, kept with its value, is O1.1 now; O2.4's CRM formula came along to O2.3.
    expect(cellOf(next, 7, 'current').value).toBe(52_000);
    expect(cellOf(next, 11, 'current').formula).toBe(CRM_FORMULA);
  });

  it('says so when the previous sheet is gone, and builds the quarter anyway', () => {
    const result = buildQuarter(nextPlan(), { previousSheetId: 999, carryOver: { 'O1.1': 'carry' } });
    expect(result.sheetName).toBe('OKR Q2 2027');
    expect(result.warnings).toEqual(["The previous quarter's sheet was not found; nothing was carried over."]);
  });
});

describe('service calls', () => {
  it('are the same for 3 objectives × 3 KRs and 25 objectives × 4 KRs across 3 levels', () => {
    for (const style of ['addon', 'portable'] as const) {
      const small = countBuildCalls(sizedPlan(3, 3, style));
      const large = countBuildCalls(sizedPlan(25, 4, style));
      expect(large.total).toBe(small.total);
      // One each for the OKR sheet and one for its OKR feed tab.
      expect(large.counts['Range.setValues']).toBe(2);
      expect(large.counts['Range.setDataValidations']).toBe(2);
      expect(large.counts['Sheet.setConditionalFormatRules']).toBe(2);
    }
  });

  it('none at module load', async () => {
    const { calls } = services;
    calls.reset();
    await import('../../src/server/quarter-builder');
    await import('../../src/server/okr-sheet-reader');
    expect(calls.total()).toBe(0);
  });
});

describe('metadata', () => {
  it('tags every column so the reader finds it after columns move', () => {
    buildQuarter(workedExamplePlan('en'));
    const tags = services.spreadsheet.metadata.filter((m) => m.key === METADATA.column);
    expect(tags).toHaveLength(22);
  });
});
