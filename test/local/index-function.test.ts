// INDEX in the local engine (local/formula-functions.ts reads the one cell it points at instead of the whole
// range): the same answers as HyperFormula's own INDEX, for a cell of a column, a row and a block, a cell
// holding a formula, positions out of the range, an array that is no range, and after the range is edited.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Computed } from '../../local/calc';
import { createLocalRuntime } from '../../local/runtime';

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
