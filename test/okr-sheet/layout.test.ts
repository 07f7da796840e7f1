// The OKR sheet as data, checked without Sheets: where everything goes, what is text and what a formula,
// formats per unit, dropdowns, colour rules, protection, names and metadata.

import { describe, expect, it } from 'vitest';
import { displayValue } from '../../local/number-format';
import { cellInput, type SheetCell } from '../../src/core/okr-sheet/cells';
import { COLUMN_KEYS, columnOf, METADATA } from '../../src/core/okr-sheet/columns';
import { assignIds, layoutQuarter, type QuarterLayout, unitFormat } from '../../src/core/okr-sheet/layout';
import { parseSettings } from '../../src/core/okr-sheet/settings';
import { quarterDates } from '../../src/core/quarter';
import type { KeyResultPlan, QuarterPlan } from '../../src/shared/plan';
import { sizedPlan, workedExamplePlan } from './plans';

function layout(plan: QuarterPlan): QuarterLayout {
  return layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
}

const at = (l: QuarterLayout, row: number, key: (typeof COLUMN_KEYS)[number]): SheetCell =>
  l.cells[row - 1]?.[columnOf(key) - 1] ?? null;
const input = (cell: SheetCell) => cellInput(cell);

describe('the layout', () => {
  const pl = layout(workedExamplePlan('pl'));

  it('has a header block with team, quarter, dates, as-of, expected progress and the status legend', () => {
    expect(pl.cells[0]?.[0]).toEqual({ formula: '="OKR · "&B3&" · "&B2' });
    expect(pl.cells[1]?.slice(0, 2)).toEqual([{ text: 'Zespół' }, { text: 'Sprzedaż B2B' }]);
    expect(pl.cells[2]?.slice(0, 2)).toEqual([{ text: 'Kwartał' }, { text: 'Q1 2027' }]);
    expect(pl.cells[1]?.slice(4, 6)).toEqual([{ text: 'Początek kwartału' }, { formula: '=DATE(2027;1;1)' }]);
    expect(pl.cells[2]?.slice(4, 6)).toEqual([{ text: 'Koniec kwartału' }, { formula: '=DATE(2027;3;31)' }]);
    expect(pl.cells[3]?.slice(4, 6)).toEqual([{ text: 'Stan na dzień' }, { formula: '=DATE(2027;1;1)' }]);
    expect(pl.cells[4]?.slice(4, 6)).toEqual([{ text: 'Oczekiwany postęp' }, { formula: '=KR_PACE(F2;F3;F4)' }]);
    expect(pl.cells[3]?.slice(0, 2)).toEqual([
      { text: 'Legenda' },
      { text: '🟢 zgodnie z tempem · 🟡 opóźnienie · 🔴 duże opóźnienie' },
    ]);
    expect(pl.numberFormats[4]?.[5]).toBe('0%');
    expect(pl.numberFormats[3]?.[5]).toBe('yyyy-mm-dd');
  });

  it('says the statuses in words in its legend, with the pace rule and its thresholds in the cell note', () => {
    const en = layout(workedExamplePlan('en'));
    expect(en.cells[3]?.slice(0, 2)).toEqual([{ text: 'Legend' }, { text: '🟢 on pace · 🟡 behind · 🔴 far behind' }]);
    const note = (l: QuarterLayout) => l.notes.find((entry) => entry.a1 === 'B4')?.note ?? '';
    expect(note(en)).toMatch(/🟢 on pace: score at least 70% of the expected progress\. 🟡 behind: at least 40%\./);
    expect(note(en)).toMatch(/committed key result.* needs 100% for 🟢 and 70% for 🟡/);
    expect(note(pl)).toMatch(
      /🟢 zgodnie z tempem: wynik co najmniej 70% oczekiwanego postępu\. 🟡 opóźnienie: co najmniej 40%\./,
    );
    expect(note(pl)).toMatch(/Zobowiązujący .* potrzebuje 100% do 🟢 i 70% do 🟡/);
  });

  it('titles the columns in the plan language, the frozen rows ending with them and the identity columns frozen', () => {
    const titles = (l: QuarterLayout) =>
      l.cells[l.headerRow - 1]?.map((cell) =>
        cell && 'text' in cell ? cell.text : 'formula' in (cell ?? {}) ? 'ƒ' : '',
      );
    expect(titles(pl)).toEqual([
      'Poziom',
      'ID celu',
      'Cel',
      'ID KR',
      'Kluczowy rezultat',
      'ƒ',
      'ƒ',
      'ƒ',
      'Właściciel',
      'Rodzaj',
      'Jednostka',
      'Start',
      'Wartość docelowa',
      'Wartość bieżąca',
      'Waga',
      'Typ',
      'Wspiera',
      'Notatki',
      'Inicjatywy w realizacji',
      'Cel minimalny',
      'Cel maksymalny',
      'ƒ',
    ]);
    expect(titles(layout(workedExamplePlan('en', 'portable')))?.slice(3, 9)).toEqual([
      'KR ID',
      'Key result',
      'Score',
      'Objective score',
      'Status',
      'Owner',
    ]);
    expect(pl.frozenRows).toBe(pl.headerRow);
    // Level, objective id, objective, KR id and key result stay in view while the table scrolls sideways.
    expect(pl.frozenColumns).toBe(5);
  });

  it('puts one custom-function call per column in the title row (add-on style), none in the data rows', () => {
    const header = pl.cells[pl.headerRow - 1] ?? [];
    expect(header[columnOf('score') - 1]).toEqual({ formula: '={"Wynik";KR_SCORE(L7:L33;M7:M33;N7:N33;J7:J33)}' });
    expect(header[columnOf('objectiveScore') - 1]).toEqual({
      formula: '={"Wynik celu";OKR_SCORE(F7:F33;O7:O33;B7:B33)}',
    });
    expect(header[columnOf('status') - 1]).toEqual({ formula: '={"Status";KR_STATUS(F7:F33;$F$5;P7:P33;;J7:J33)}' });
    // Below the titles only the native count of running initiatives, one per row: no custom function.
    const formulasBelow = pl.cells
      .slice(pl.headerRow)
      .flatMap((row) =>
        row.filter((cell, index) => cell && 'formula' in cell && index !== columnOf('initiatives') - 1),
      );
    expect(formulasBelow).toEqual([]);
    expect(at(pl, pl.firstDataRow, 'initiatives')).toEqual({
      formula:
        '=IF($D7="";"";IFERROR(COUNTIFS(\'Inicjatywy Q1 2027\'!$C:$C;$D7;\'Inicjatywy Q1 2027\'!$E:$E;"running")+COUNTIFS(\'Inicjatywy Q1 2027\'!$C:$C;$D7;\'Inicjatywy Q1 2027\'!$E:$E;"w realizacji");0))',
    });
  });

  it('puts plain formulas in every row, spare rows too, in portable style', () => {
    const portable = layout(workedExamplePlan('en', 'portable'));
    for (let row = portable.firstDataRow; row <= portable.lastRow; row++) {
      for (const key of ['score', 'objectiveScore', 'status'] as const) {
        const cell = at(portable, row, key);
        expect(cell && 'formula' in cell && !/KR_|OKR_/.test(cell.formula)).toBe(true);
      }
    }
    expect(portable.cells[4]?.[5]).toEqual({ formula: expect.stringMatching(/^=IF\(OR\(F2="";F3="";F4=""\)/) });
  });

  it('writes one row per key result, the objective repeated, ids O1 and O1.2', () => {
    expect(pl.lastDataRow - pl.firstDataRow + 1).toBe(7);
    expect(pl.lastRow).toBe(pl.lastDataRow + 20);
    const row = pl.firstDataRow + 4;
    expect([at(pl, row, 'level'), at(pl, row, 'objectiveId'), at(pl, row, 'krId')]).toEqual([
      { text: 'zespół' },
      { text: 'O2' },
      { text: 'O2.2' },
    ]);
    expect(at(pl, row, 'objective')).toEqual({ text: 'Sprzedawać skuteczniej' });
    expect(at(pl, row, 'kind')).toEqual({ text: 'co najwyżej' });
    expect(at(pl, row, 'type')).toEqual({ text: 'zobowiązujący' });
    expect(at(pl, row, 'parent')).toEqual({ text: 'O1' });
    expect(at(pl, row, 'start')).toBeNull();
    expect(at(pl, row, 'target')).toEqual({ number: 0.04 });
    expect(at(pl, row, 'current')).toBeNull();
    expect(pl.keyResults.map((kr) => kr.id)).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O2.4']);
  });

  it('keeps ids the plan gives, and never gives one id twice', () => {
    const plan = workedExamplePlan('en');
    plan.objectives[0]!.id = 'O2';
    plan.objectives[1]!.id = 'O2';
    plan.objectives[1]!.keyResults[0]!.id = 'O1.1';
    const ids = assignIds(plan);
    expect(ids.map((o) => o.id)).toEqual(['O2', 'O3']);
    expect(ids.flatMap((o) => o.krIds)).toEqual(['O2.1', 'O2.2', 'O2.3', 'O1.1', 'O3.2', 'O3.3', 'O3.4']);
  });

  it('writes user text as text: a title that looks like a formula stays literal', () => {
    const plan = workedExamplePlan('en');
    plan.objectives[0]!.keyResults[0]!.title = '=IMPORTXML("http://x")';
    plan.objectives[0]!.keyResults[1]!.owner = '+48 600 100 200';
    plan.team = '2027';
    const l = layout(plan);
    expect(input(at(l, l.firstDataRow, 'keyResult'))).toBe('\'=IMPORTXML("http://x")');
    expect(input(at(l, l.firstDataRow + 1, 'owner'))).toBe("'+48 600 100 200");
    expect(input(l.cells[1]?.[1] ?? null)).toBe("'2027");
    // Formulas and numbers go in as they are.
    expect(input(at(l, l.firstDataRow, 'target'))).toBe(4);
    expect(input(l.cells[3]?.[5] ?? null)).toBe('=DATE(2027;1;1)');
  });

  it('formats values in their unit, scores with two decimals', () => {
    const row = (offset: number, key: 'start' | 'target' | 'current' | 'score') =>
      pl.numberFormats[pl.firstDataRow - 1 + offset]?.[columnOf(key) - 1];
    expect(row(0, 'target')).toBe('#,##0');
    expect(row(1, 'current')).toBe('#,##0 "zł"');
    expect(row(2, 'start')).toBe('0 "dni"');
    expect(row(3, 'target')).toBe('0%');
    expect(row(5, 'target')).toBe('General');
    expect(row(0, 'score')).toBe('0.00');
    expect(unitFormat('days', 'PLN', 'en')).toBe('0 "days"');
    // English writes the currency first, as Intl does ("$200,000"); Polish after ("200 000 zł").
    expect(unitFormat('currency', 'EUR', 'en')).toBe('"€"#,##0');
    expect(unitFormat('currency', 'USD', 'en')).toBe('"$"#,##0');
    expect(unitFormat('currency', 'USD', 'en', 2)).toBe('"$"#,##0.00');
    expect(unitFormat('currency', 'PLN', 'en')).toBe('"PLN "#,##0');
    expect(unitFormat('currency', 'EUR', 'pl')).toBe('#,##0 "€"');
    const english = { locale: 'en_US', timeZone: 'Europe/Warsaw' };
    expect(displayValue(200_000, unitFormat('currency', 'USD', 'en'), english)).toBe('$200,000');
  });

  it('keeps the precision the user typed: 3.5 % shows as 3.5 %, 5.5 days as 5.5, not rounded away', () => {
    const plan = workedExamplePlan('pl');
    const [count, money, days] = plan.objectives[0]!.keyResults as [KeyResultPlan, KeyResultPlan, KeyResultPlan];
    const [winRate, churn] = plan.objectives[1]!.keyResults as [KeyResultPlan, KeyResultPlan];
    days.current = 5.5;
    churn.target = 0.035;
    winRate.start = 0.2;
    money.target = 60_000.5;
    count.target = 4.25;
    const l = layout(plan);
    const format = (offset: number, key: 'start' | 'target' | 'current') =>
      l.numberFormats[l.firstDataRow - 1 + offset]?.[columnOf(key) - 1];
    expect(format(0, 'start')).toBe('#,##0.00');
    expect(format(1, 'target')).toBe('#,##0.00 "zł"');
    expect(format(2, 'current')).toBe('0.0 "dni"');
    expect(format(3, 'target')).toBe('0%');
    expect(format(4, 'target')).toBe('0.0%');
    const settings = { locale: 'pl_PL', timeZone: 'Europe/Warsaw' };
    expect(displayValue(0.035, format(4, 'target') ?? '', settings)).toBe('3,5%');
    expect(displayValue(5.5, format(2, 'current') ?? '', settings)).toBe('5,5 dni');
    expect(unitFormat('percent', 'PLN', 'en', 2)).toBe('0.00%');
    expect(unitFormat('hours', 'PLN', 'en')).toBe('0.0 "h"');
    expect(unitFormat('points', 'PLN', 'pl', 2)).toBe('0.00 "pkt"');
  });

  it('offers dropdowns for level, kind, unit, owner, parent and type, and checks numbers', () => {
    const rule = (offset: number, key: (typeof COLUMN_KEYS)[number]) => pl.validations[offset]?.[columnOf(key) - 1];
    expect(pl.validations).toHaveLength(pl.lastRow - pl.firstDataRow + 1);
    expect(rule(0, 'kind')).toMatchObject({
      kind: 'list',
      values: ['wzrost', 'spadek', 'co najmniej', 'co najwyżej', 'kamień milowy'],
    });
    expect(rule(0, 'unit')).toMatchObject({ values: ['liczba', 'zł', '%', 'dni', 'godziny', 'punkty'] });
    expect(rule(0, 'owner')).toMatchObject({ values: ['Anna', 'Bartek', 'Celina'], allowInvalid: true });
    expect(rule(0, 'parent')).toMatchObject({ values: ['O1'] });
    expect(rule(0, 'type')).toMatchObject({ values: ['zobowiązujący', 'ambitny'] });
    expect(rule(0, 'level')).toMatchObject({ values: ['firma', 'zespół', 'indywidualny'] });
    expect(rule(0, 'start')).toMatchObject({ kind: 'number', allowInvalid: false });
    expect(rule(0, 'weight')).toMatchObject({ kind: 'number', min: 0, max: 100 });
    // The user's column: free, except a milestone's yes / no.
    expect(rule(0, 'current')).toBeNull();
    expect(rule(5, 'current')).toMatchObject({ values: ['tak', 'nie'] });
    // The same spec object for a whole column: the writer builds each rule once.
    expect(rule(0, 'kind')).toBe(rule(25, 'kind'));
  });

  it('colours by the status text and the objective score, over the whole table', () => {
    expect(pl.conditionalRules.map((rule) => rule.formula)).toEqual([
      '=$H7="🟢"',
      '=$H7="🟡"',
      '=$H7="🔴"',
      '=AND(ISNUMBER($G7);$G7+(1/1000000000)>=(7/10)*$F$5)',
      '=AND(ISNUMBER($G7);$G7+(1/1000000000)>=(4/10)*$F$5)',
      '=AND(ISNUMBER($G7);$G7+(1/1000000000)<(4/10)*$F$5)',
    ]);
    expect(pl.conditionalRules[0]?.ranges).toEqual(['F7:F33', 'H7:H33']);
  });

  it('protects the computed columns (title formulas included) and the pace cell, names the table', () => {
    expect(pl.protections.map((p) => p.a1)).toEqual(['F6:H33', 'F5']);
    expect(pl.namedRanges).toEqual([
      { suffix: 'table', a1: 'A6:V33' },
      { suffix: 'as_of', a1: 'F4' },
      { suffix: 'expected', a1: 'F5' },
    ]);
  });

  it('tags the sheet and every column with developer metadata', () => {
    const meta = Object.fromEntries(pl.sheetMetadata.map(({ key, value }) => [key, value]));
    expect(meta[METADATA.kind]).toBe('okr-quarter');
    expect(meta[METADATA.quarter]).toBe('Q1 2027');
    expect(meta[METADATA.layout]).toBe('1');
    expect(parseSettings(meta[METADATA.settings])).toMatchObject({
      quarter: { kind: 'quarter', year: 2027, quarter: 1 },
      language: 'pl',
      currency: 'PLN',
      formulaStyle: 'addon',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(pl.columnMetadata.map((m) => m.value)).toEqual([...COLUMN_KEYS]);
    expect(pl.rowMetadata).toEqual([{ row: 6, key: METADATA.row, value: 'header' }]);
  });

  it('has the same shape of everything but the rows for a large quarter', () => {
    const large = layout(sizedPlan(25, 4));
    expect(large.lastDataRow - large.firstDataRow + 1).toBe(100);
    expect(large.conditionalRules).toHaveLength(pl.conditionalRules.length);
    expect(large.protections).toHaveLength(pl.protections.length);
    expect(large.columnMetadata).toHaveLength(pl.columnMetadata.length);
  });
});
