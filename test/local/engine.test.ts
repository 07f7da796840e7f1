// The formula engine beside the local spreadsheet (local/calc.ts, local/engine-memo.ts): one HyperFormula
// workbook for the runtime's life, patched by what each edit touches. Sheets added, renamed, resized and
// removed, named ranges moved, and formulas sharing whole-column parts compute as a fresh engine computes
// them, and none of it builds the engine again.

import { describe, expect, it } from 'vitest';
import { referencesOf } from '../../local/calc';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';

function runtimeWithData(): LocalRuntime {
  const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'UTC' });
  const book = runtime.services.spreadsheet;
  const data = book.insertSheet('Data');
  data.getRange('A1:C4').setValues([
    ['id', 'value', 'weight'],
    ['a', 2, 1],
    ['b', 4, 3],
    ['a', 6, ''],
  ]);
  // The same shape in every row, with parts every row shares (whole columns, fixed ranges).
  const sums = book.insertSheet('Sums');
  sums.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
  sums
    .getRange('B1:B3')
    .setFormulas(
      [1, 2, 3].map((row) => [
        `=ARRAYFORMULA(SUMPRODUCT((Data!$A$2:$A$9=A${row})*ISNUMBER(Data!$B$2:$B$9)*IF(Data!$C$2:$C$9="";1;Data!$C$2:$C$9)*Data!$B$2:$B$9))`,
      ]),
    );
  sums.getRange('C1:C3').setFormulas([1, 2, 3].map((row) => [`=COUNTIFS(Data!$A:$A;A${row};Data!$B:$B;">2")`]));
  sums.getRange('D1:D3').setFormulas([1, 2, 3].map((row) => [`=MAXIFS(Data!$B:$B;Data!$A:$A;A${row})`]));
  return runtime;
}

const value = (runtime: LocalRuntime, sheet: string, a1: string) =>
  runtime.services.spreadsheet.sheetByName(sheet)?.getRange(a1).getValue();

function column(runtime: LocalRuntime, sheet: string, a1: string): unknown[] {
  return runtime.services.spreadsheet.sheetByName(sheet)?.getRange(a1).getValues().flat() ?? [];
}

describe('the local formula engine follows each edit', () => {
  it('computes shared parts of formulas per row, and again after an edit, without building the engine again', () => {
    const runtime = runtimeWithData();
    expect(column(runtime, 'Sums', 'B1:B3')).toEqual([8, 12, 0]);
    expect(column(runtime, 'Sums', 'C1:C3')).toEqual([1, 1, 0]);
    expect(column(runtime, 'Sums', 'D1:D3')).toEqual([6, 4, 0]);
    const builds = runtime.calcFigures().builds;
    runtime.setCell('Data', 'A3', 'a');
    runtime.setCell('Data', 'B5', '10');
    runtime.setCell('Data', 'A5', 'c');
    expect(column(runtime, 'Sums', 'B1:B3')).toEqual([20, 0, 10]);
    expect(column(runtime, 'Sums', 'C1:C3')).toEqual([2, 0, 1]);
    expect(column(runtime, 'Sums', 'D1:D3')).toEqual([6, 0, 10]);
    expect(runtime.calcFigures()).toMatchObject({ builds });
  });

  it('adds, renames, resizes and removes sheets and moves named ranges in place', () => {
    const runtime = runtimeWithData();
    const book = runtime.services.spreadsheet;
    expect(value(runtime, 'Sums', 'B1')).toBe(8);
    const builds = runtime.calcFigures().builds;

    // A formula naming a sheet that does not exist yet computes once the sheet is added: the cells it names
    // there, filled by the new sheet or left empty, are the new sheet's.
    const sums = book.sheetByName('Sums');
    sums?.getRange('E1').setFormula("=SUM('Later'!A1:A3)");
    sums?.getRange('E2:E3').setFormulas([['=Later!A2*10'], ['=ISBLANK(Later!B2)']]);
    expect(value(runtime, 'Sums', 'E1')).toBe('#REF!');
    book
      .insertSheet('Later')
      .getRange('A1:A3')
      .setValues([[1], [2], [3]]);
    expect(value(runtime, 'Sums', 'E1')).toBe(6);
    expect(column(runtime, 'Sums', 'E2:E3')).toEqual([20, true]);
    book.sheetByName('Later')?.getRange('B2').setValue(5);
    expect(column(runtime, 'Sums', 'E2:E3')).toEqual([20, false]);

    // An open-ended range ends at the sheet's last row, which grows with the sheet.
    sums?.getRange('F1').setFormula('=COUNTA(Later!A1:A)');
    expect(value(runtime, 'Sums', 'F1')).toBe(3);
    const later = book.sheetByName('Later');
    later?.insertRowsAfter(later.getMaxRows(), 5);
    later?.getRange(later.getMaxRows(), 1).setValue(4);
    expect(value(runtime, 'Sums', 'F1')).toBe(4);

    // A named range, moved (the engine looks again at the next edit of a cell).
    book.setNamedRange('Total', later?.getRange('A1:A2') as never);
    sums?.getRange('G1').setFormula('=SUM(Total)');
    expect(value(runtime, 'Sums', 'G1')).toBe(3);
    book.setNamedRange('Total', later?.getRange('A2:A3') as never);
    sums?.getRange('H1').setValue('moved');
    expect(value(runtime, 'Sums', 'G1')).toBe(5);

    // Renamed: formulas keep the old name (the fake does not rewrite them) and show #REF!, as a fresh engine does.
    later?.setName('Renamed');
    expect(value(runtime, 'Sums', 'E1')).toBe('#REF!');
    sums?.getRange('E1').setFormula("=SUM('Renamed'!A1:A3)");
    expect(value(runtime, 'Sums', 'E1')).toBe(6);

    // Removed.
    book.deleteSheet(book.sheetByName('Renamed') as never);
    expect(value(runtime, 'Sums', 'E1')).toBe('#REF!');
    expect(runtime.calcFigures()).toMatchObject({ builds });
    expect(runtime.calcFigures().patches).toBeGreaterThan(0);
  });

  it('finds the rows a text criterion names as a walk of every row does (case, accents, wildcards, numbers as text)', () => {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'UTC' });
    const book = runtime.services.spreadsheet;
    const data = book.insertSheet('Data');
    const ids = ['Ab', 'ab', 'áb', 'abc', 'a*', 5, '5', '', 'AB'];
    data.getRange('A1:B9').setValues(ids.map((id, i) => [id, i + 1]));
    const sums = book.insertSheet('Sums');
    const criteria = ['ab', 'AB', 'a*', '5', 'abc', 'zz', 'ab'];
    sums.getRange('A1:A7').setValues(criteria.map((criterion) => [criterion]));
    sums.getRange('A7').setNumberFormat('@');
    sums
      .getRange('B1:C7')
      .setFormulas(
        criteria.map((_, i) => [
          `=COUNTIFS(Data!$A$1:$A$9;A${i + 1})`,
          `=SUMIFS(Data!$B$1:$B$9;Data!$A$1:$A$9;A${i + 1};Data!$B$1:$B$9;"<9")`,
        ]),
      );
    expect(column(runtime, 'Sums', 'B1:B7')).toEqual([4, 4, 6, 2, 1, 0, 4]);
    expect(column(runtime, 'Sums', 'C1:C7')).toEqual([6, 6, 15, 13, 4, 0, 6]);
    // After an edit, the index is made again from the new values.
    runtime.setCell('Data', 'A4', 'AB');
    expect(column(runtime, 'Sums', 'B1:B7')).toEqual([5, 5, 6, 2, 0, 0, 5]);
  });

  it('spills an array moved up by a deleted row, where it stood a moment before', () => {
    const runtime = runtimeWithData();
    const sums = runtime.services.spreadsheet.sheetByName('Sums');
    sums?.getRange('F6').setFormula('=SEQUENCE(3)');
    expect(column(runtime, 'Sums', 'F6:F8')).toEqual([1, 2, 3]);
    // The formula leaves F6 for F5 in the same edit: its old cells are left first, so it spills.
    sums?.deleteRows(2, 1);
    expect(column(runtime, 'Sums', 'F5:F7')).toEqual([1, 2, 3]);
  });
});

describe('the local formula engine holds only the sheets a read needs', () => {
  /** Data; Sums reads Data; Feed reads Sums through a named range; Note names a sheet only in a text. */
  function runtimeWithSheets(): LocalRuntime {
    const runtime = runtimeWithData();
    const book = runtime.services.spreadsheet;
    book.setNamedRange('SUMS', book.sheetByName('Sums')?.getRange('B1:B3') as never);
    book
      .insertSheet('Feed')
      .getRange('A1:A2')
      .setFormulas([['=INDEX(SUMS;2)*10'], ['=SUM(SUMS)']]);
    book
      .insertSheet('Note')
      .getRange('A1:B1')
      .setFormulas([['="Feed!A1 and \'Sums\'!B1"', '=LEN(A1)']]);
    book.insertSheet('Lonely').getRange('A1').setValue(5);
    return runtime;
  }

  it('computes a sheet with the sheets its formulas name, and leaves the rest out', () => {
    const runtime = runtimeWithSheets();
    expect(runtime.computed('Data', 2, 2)).toMatchObject({ value: 2 });
    expect(runtime.calcFigures().sheets).toBe(1);
    expect(value(runtime, 'Sums', 'B2')).toBe(12);
    expect(runtime.calcFigures().sheets).toBe(2);
    // A named range brings its sheet; a sheet named inside a text brings nothing.
    expect(column(runtime, 'Feed', 'A1:A2')).toEqual([120, 20]);
    expect(value(runtime, 'Note', 'B1')).toBe(21);
    expect(runtime.calcFigures().sheets).toBe(4);
    // An edit that names a sheet left out brings it in, computed.
    runtime.setCell('Data', 'B3', '=Lonely!A1*2');
    expect(value(runtime, 'Sums', 'B2')).toBe(30);
    expect(runtime.calcFigures().sheets).toBe(5);
    expect(runtime.calcFigures().builds).toBe(1);
  });

  it('computes every value as an engine holding every sheet does', () => {
    const lazy = runtimeWithSheets();
    const whole = runtimeWithSheets();
    whole.snapshot();
    expect(whole.calcFigures().sheets).toBe(whole.services.spreadsheet.sheets.length);
    for (const step of ['Note', 'Feed', 'Sums', 'Data', 'Lonely']) {
      lazy.setCell('Lonely', 'A1', String(step.length));
      whole.setCell('Lonely', 'A1', String(step.length));
      lazy.setCell('Data', 'B3', '=Lonely!A1+1');
      whole.setCell('Data', 'B3', '=Lonely!A1+1');
      expect(lazy.snapshot([lazy.services.spreadsheet.sheetByName(step)?.getSheetId() as number]).sheets).toEqual(
        whole.snapshot().sheets.filter((sheet) => sheet.name === step),
      );
    }
  });

  it('reads again only the rows an edit changed, and computes as an engine built after the edits', () => {
    const edit = (runtime: LocalRuntime) => {
      runtime.setCell('Data', 'B3', '7');
      runtime.setCell('Data', 'A5', 'b');
      runtime.setCell('Sums', 'C2', '=COUNTIFS(Data!$A:$A;A2;Data!$B:$B;">5")');
      runtime.setCell('Data', 'B2', '');
    };
    const patched = runtimeWithSheets();
    patched.snapshot();
    const data = patched.services.spreadsheet.sheetByName('Data');
    const seen = data?.grid.revision ?? 0;
    edit(patched);
    expect(data?.grid.rowsChangedSince(seen)).toEqual([2, 3, 5]);
    const built = runtimeWithSheets();
    edit(built);
    expect(patched.snapshot().sheets).toEqual(built.snapshot().sheets);
    expect(patched.calcFigures().builds).toBe(1);
    // An array literal's rows: its elements spill into the free cells below, or it shows #REF!.
    for (const runtime of [patched, built]) {
      runtime.setCell('Lonely', 'D1', '={"Head";Data!B3*2;Data!B4}');
      runtime.setCell('Lonely', 'A9', '3');
    }
    expect(patched.snapshot().sheets).toEqual(built.snapshot().sheets);
    for (const runtime of [patched, built]) runtime.setCell('Lonely', 'D3', 'taken');
    expect(patched.snapshot().sheets).toEqual(built.snapshot().sheets);
    expect(patched.computed('Lonely', 1, 4)).toMatchObject({ kind: 'error', code: '#REF!' });
    for (const runtime of [patched, built]) runtime.setCell('Lonely', 'D3', '');
    expect(patched.computed('Lonely', 2, 4)).toMatchObject({ value: 14 });
    expect(patched.snapshot().sheets).toEqual(built.snapshot().sheets);
    // Rows moved: every row may have changed.
    const moved = data?.grid.revision ?? 0;
    data?.insertRowsBefore(2, 1);
    expect(data?.grid.rowsChangedSince(moved)).toBeNull();
    built.services.spreadsheet.sheetByName('Data')?.insertRowsBefore(2, 1);
    expect(patched.snapshot().sheets).toEqual(built.snapshot().sheets);
  });

  it('keeps every sheet of a workbook holding an IMPORTRANGE, whose imports may wait on each other', () => {
    const runtime = runtimeWithSheets();
    runtime.setCell('Lonely', 'B1', '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/nope/edit"; "A1")');
    expect(runtime.computed('Data', 2, 2)).toMatchObject({ value: 2 });
    expect(runtime.calcFigures().sheets).toBe(runtime.services.spreadsheet.sheets.length);
  });
});

// More names than named ranges (a whole column's letter) only bring a sheet that holds such a name: never fewer.
describe('referencesOf: the sheets and names a formula names', () => {
  it.each([
    [
      '=IF(\'OKR Q1 2027\'!$B$2="";History!C:C;OKR_Q1_2027_as_of)',
      ['okr q1 2027', 'history'],
      ['c', 'okr_q1_2027_as_of'],
    ],
    ["='It''s'!A1+Data!$A$1:$B$2", ["it's", 'data'], []],
    ['="History!A1"&SUM(A1:B2)&N$3', [], []],
    ['=SUMIFS(Zespół.1!A:A;X;"a")', ['zespół.1'], ['a', 'x']],
  ])('%s', (formula, sheets, names) => {
    const found = referencesOf(formula);
    expect([...found.sheets]).toEqual(sheets);
    expect([...found.names]).toEqual(names);
  });
});
