// INDEX in the local engine (local/formula-functions.ts reads the one cell it points at instead of the whole
// range): the same answers as HyperFormula's own INDEX, for a cell of a column, a row and a block, a cell
// holding a formula, positions out of the range, an array that is no range, and after the range is edited.
// INDEX(fixed range; cell or number[; cell or number]) skips HyperFormula's argument handling: each such call
// is checked against Sheets' answer and against the same call written so that it goes the general way (a row
// in parentheses is no plain cell).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Computed } from '../../local/calc';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';

const BUNDLE = join(__dirname, '../../dist/Code.js');
const shown = (computed: Computed) => (computed.kind === 'value' ? computed.value : computed.code);

describe('INDEX in the local engine', () => {
  it('answers as HyperFormula does, and follows an edit of its range', () => {
    const runtime = createLocalRuntime({ bundlePath: BUNDLE, locale: 'en_US', timeZone: 'UTC' });
    runtime.services.spreadsheet
      .getSheets()[0]
      ?.getRange('A1:C3')
      .setValues([
        ['a', 1, 10],
        ['b', 2, 20],
        ['c', 3, 30],
      ]);
    runtime.setCell('Sheet1', 'D1', '=B3*2');
    const formulas = [
      '=INDEX(A1:A3; 2)',
      '=INDEX(A1:C1; 1; 3)',
      '=INDEX(A1:C3; 3; 2)',
      '=INDEX(B1:D3; 1; 3)',
      '=INDEX(A1:A3; 4)',
      '=INDEX(A1:A3; 0)',
      '=INDEX({5;6;7}; 2)',
      '=INDEX(A1:A3; MATCH("c"; A1:A3; 0))',
      '=INDEX(E1:E3; 1)',
    ];
    for (const [index, formula] of formulas.entries()) runtime.setCell('Sheet1', `F${index + 1}`, formula);
    const results = () => formulas.map((_, index) => shown(runtime.computed('Sheet1', index + 1, 6)));
    expect(results()).toEqual(['b', 10, 3, 6, '#NUM!', '#VALUE!', 6, 'c', null]);
    runtime.setCell('Sheet1', 'A2', 'z');
    runtime.setCell('Sheet1', 'B3', '4');
    expect(results()).toEqual(['z', 10, 4, 8, '#NUM!', '#VALUE!', 6, 'c', null]);
  });
});

describe('INDEX of a fixed range by a cell or a number', () => {
  // Where HyperFormula's INDEX and Sheets' differ, the answer stays HyperFormula's (row 0 or a blank row:
  // Sheets spills the whole column, HyperFormula answers #VALUE!; the OKR feed never asks for row 0).
  // https://support.google.com/docs/answer/3098242 (INDEX)
  const rows: [input: string, expected: unknown][] = [
    ['="2"', 'b'], // a text that reads as a number
    ['=TRUE()', 'a'], // TRUE reads as 1
    ['', '#VALUE!'], // a blank reads as 0
    ['=1/0', '#DIV/0!'], // an error is the answer
    ['0', '#VALUE!'],
    ['5', '#NUM!'], // past the range's end
    ['-1', '#VALUE!'],
    ['x', '#VALUE!'], // a text that is no number
    ['4', 'd'],
  ];

  function runtimeWithRows(): LocalRuntime {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'UTC' });
    const book = runtime.services.spreadsheet;
    book
      .insertSheet('Data')
      .getRange('A1:B4')
      .setValues([
        ['a', 10],
        ['b', 20],
        ['c', 30],
        ['d', 40],
      ]);
    runtime.setCell('Data', 'D1', '=ARRAYFORMULA(B1:B4*2)');
    for (const [index, [input]] of rows.entries()) {
      if (input !== '') runtime.setCell('Sheet1', `A${index + 1}`, input);
    }
    return runtime;
  }

  /** Formula `make(row)` in columns C (fast) and D (the general way) of each row; their answers by row. */
  function answers(runtime: LocalRuntime, make: (row: string, at: number) => string): [unknown, unknown][] {
    rows.forEach((_, index) => {
      runtime.setCell('Sheet1', `C${index + 1}`, `=${make(`A${index + 1}`, index + 1)}`);
      runtime.setCell('Sheet1', `D${index + 1}`, `=${make(`(A${index + 1})`, index + 1)}`);
    });
    return rows.map((_, index) => [
      shown(runtime.computed('Sheet1', index + 1, 3)),
      shown(runtime.computed('Sheet1', index + 1, 4)),
    ]);
  }

  it('coerces the row as HyperFormula does, on a range of another sheet', () => {
    const runtime = runtimeWithRows();
    const found = answers(runtime, (row) => `INDEX(Data!$A$1:$A$4;${row})`);
    expect(found.map(([fast]) => fast)).toEqual(rows.map(([, expected]) => expected));
    for (const [fast, general] of found) expect(fast).toBe(general);
    // The formula depends on the range it never evaluates: an edit of the range reaches it.
    runtime.setCell('Data', 'A2', 'z');
    expect(shown(runtime.computed('Sheet1', 1, 3))).toBe('z');
  });

  it('takes a column the same way; errors of the row, then of the column, before the bounds', () => {
    const runtime = runtimeWithRows();
    const byColumn = answers(runtime, (column) => `INDEX(Data!$A$1:$B$4;3;${column})`);
    // Row 3 is ["c", 30]; a column past the range's two is #NUM!.
    const columns = ['30', 'c', '#VALUE!', '#DIV/0!', '#VALUE!', '#NUM!', '#VALUE!', '#VALUE!', '#NUM!'];
    expect(byColumn.map(([fast]) => String(fast))).toEqual(columns);
    for (const [fast, general] of byColumn) expect(fast).toBe(general);
    // Column A4 (#DIV/0!) beside every row, A8 ("x", #VALUE!) beside row A4's own #DIV/0!: an error of the
    // column answers even for row 0 or 5, and a row's error answers before the column's.
    const both = answers(runtime, (row, at) => `INDEX(Data!$A$1:$B$4;${row};A${at === 4 ? 8 : 4})`);
    const errors = ['#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#VALUE!', '#DIV/0!'];
    expect(both.map(([fast]) => fast)).toEqual(errors);
    for (const [fast, general] of both) expect(fast).toBe(general);
  });

  it('reads a spilled array whose area is the range, and follows it', () => {
    const runtime = runtimeWithRows();
    const found = answers(runtime, (row) => `INDEX(Data!$D$1:$D$4;${row})`);
    expect(found.map(([fast]) => fast)).toEqual([
      40,
      20,
      '#VALUE!',
      '#DIV/0!',
      '#VALUE!',
      '#NUM!',
      '#VALUE!',
      '#VALUE!',
      80,
    ]);
    for (const [fast, general] of found) expect(fast).toBe(general);
    runtime.setCell('Data', 'B2', '25');
    expect(shown(runtime.computed('Sheet1', 1, 3))).toBe(50);
  });

  it('inside ARRAYFORMULA: a single row as anywhere, a range of rows vectorized as before', () => {
    const runtime = runtimeWithRows();
    runtime.setCell('Sheet1', 'F1', '=ARRAYFORMULA(INDEX(Data!$A$1:$A$4;A1))');
    runtime.setCell('Sheet1', 'G1', '=ARRAYFORMULA(INDEX(Data!$A$1:$A$4;A9:A10))');
    runtime.setCell('Sheet1', 'A10', '3');
    expect(shown(runtime.computed('Sheet1', 1, 6))).toBe('b');
    expect([shown(runtime.computed('Sheet1', 1, 7)), shown(runtime.computed('Sheet1', 2, 7))]).toEqual(['d', 'c']);
  });
});
