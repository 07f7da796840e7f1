// The engine's memories (local/engine-memo.ts) change how much it computes, never what: an engine with them
// computes every cell as HyperFormula alone does. Here the comparison of a fixed column with one text, which
// the trend column of every KR row makes against History (`FILTER(…;'History'!$C:$C=$D7;…)`), read through
// classes of the column's texts in the collator's order; and MATCH over a range kept for the pass.

import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { rememberInEngine } from '../../local/engine-memo';
import { createLocalRuntime } from '../../local/runtime';

// Texts equal under the collator but not as strings (case, accents, ß), blanks, numbers, booleans, a text
// that reads as a date, and near misses.
const COLUMN: (string | number | boolean | null)[] = [
  'abc',
  'ABC',
  'ábc',
  'ab c',
  '',
  null,
  12,
  true,
  '2027-01-29',
  'O1.2',
  'o1.2 ',
  'straße',
  'strasse',
  'O1.2',
];
const ASKED: (string | number | boolean | null)[] = [
  'abc',
  'ABC',
  'O1.2',
  '',
  'strasse',
  '2027-01-29',
  12,
  'zzz',
  null,
  'Ábc',
];

function computed(withMemory: boolean, column = COLUMN): { values: unknown[][]; compares: number } {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  if (withMemory)
    rememberInEngine(
      hf,
      (value) =>
        value instanceof Error ||
        (typeof value === 'object' && value !== null && 'type' in value && 'message' in value && !('val' in value)),
    );
  const helper = (
    hf as unknown as {
      _evaluator: { interpreter: { arithmeticHelper: { stringCmp: (a: string, b: string) => number } } };
    }
  )._evaluator.interpreter.arithmeticHelper;
  let compares = 0;
  const compare = helper.stringCmp.bind(helper);
  helper.stringCmp = (a, b) => {
    compares++;
    return compare(a, b);
  };
  hf.suspendEvaluation();
  hf.addSheet('Data');
  hf.setSheetContent(
    0,
    column.map((value, row) => [value, `v${row}`]),
  );
  hf.addSheet('Rows');
  hf.setSheetContent(
    1,
    ASKED.map((value, row) => [
      value,
      `=IFERROR(INDEX(FILTER(Data!$B$1:$B$20, Data!$A$1:$A$20=A${row + 1}), 1, 1), "none")`,
      `=ARRAYFORMULA(SUM(IF(Data!$A$1:$A$20=A${row + 1}, 1, 0)))`,
      `=ARRAYFORMULA(SUM(IF(Data!$A:$A="abc", 1, 0)))`,
      `=SUM(IF(Data!$A$1:$A$20=A${row + 1}, 1, 0))`,
      `=IFERROR(MATCH(A${row + 1}, Data!$A$1:$A$20, 0), "none")`,
      `=IFERROR(VLOOKUP(A${row + 1}, Data!$A$1:$B$20, 2, FALSE), "none")`,
      `=IFERROR(MATCH(A${row + 1}, Data!$A:$A, 0), "none")`,
    ]),
  );
  hf.resumeEvaluation();
  return { values: hf.getSheetValues(1), compares };
}

describe('a fixed column compared with one text', () => {
  it('gives every cell HyperFormula gives alone, with far fewer comparisons', () => {
    const plain = computed(false);
    const remembered = computed(true);
    expect(remembered.values).toEqual(plain.values);
    // Spot checks of the collator's equality: case and accents do not count, a trailing space does.
    expect(plain.values[0]?.slice(1, 3)).toEqual(['v0', 3]);
    expect(plain.values[2]?.slice(1, 3)).toEqual(['v9', 2]);
    // MATCH finds the first text equal once folded (case and accents aside), as HyperFormula alone does.
    expect(plain.values[9]?.[5]).toBe(1);
    expect(remembered.compares).toBeLessThan(plain.compares / 2);
  });

  it('leaves a column holding an error to the engine, with the same answers', () => {
    const withError = [...COLUMN, '=1/0'];
    expect(computed(true, withError).values).toEqual(computed(false, withError).values);
  });
});

describe('a range over an array that holds an error', () => {
  it('reads the error, as Sheets shows it, where HyperFormula alone fails the whole computation', () => {
    // A FILTER over its own cells is a cycle; after any structural edit the range read again is exactly
    // the array's area, which HyperFormula 3.5 cannot read ("Unknown array").
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'UTC' });
    runtime.services.spreadsheet.insertSheet('Main');
    runtime.services.spreadsheet.insertSheet('Other');
    runtime.setCell('Other', 'A1', '=FILTER(A1:A4;A1:A4>1)');
    const cycle = { kind: 'error', code: '#REF!', message: 'Circular dependency detected.' };
    expect(runtime.computed('Other', 1, 1)).toEqual(cycle);
    runtime.services.spreadsheet.sheetByName('Main')?.deleteRows(2, 1);
    expect(runtime.computed('Other', 1, 1)).toEqual(cycle);
  });
});

describe('a formula naming one range or cell several times', () => {
  // Ranges (fixed, whole-column, moving with the row), cells and a named expression, each named more than
  // once, as the OKR feed names its ranges; the memories link each once.
  const FORMULAS = (row: number) => [
    `=IF($A${row}="";"";INDEX(Data!$A$1:$A$6;$A${row})&"/"&INDEX(Data!$A$1:$A$6;$A${row})&"/"&COUNTIF(Data!$A$1:$A$6;"b"))`,
    `=SUM(Data!$B:$B)+SUM(Data!$B:$B)*0+COUNTA(Data!$A:$A)+Limit+Limit`,
    `=SUM(Data!B1:B3)+SUM(Data!B1:B3)+$A${row}+$A${row}`,
  ];

  function engine(withMemory: boolean): HyperFormula {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', functionArgSeparator: ';' });
    if (withMemory) rememberInEngine(hf, (value) => value instanceof Error);
    hf.suspendEvaluation();
    hf.addSheet('Data');
    hf.addSheet('Rows');
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['b', 4],
      [null, 5],
      ['d', 6],
    ]);
    for (let row = 1; row <= 5; row++) {
      hf.setCellContents({ sheet: 1, row: row - 1, col: 0 }, [[row, ...FORMULAS(row)]]);
    }
    hf.addNamedExpression('Limit', '=Data!$B$6');
    hf.resumeEvaluation();
    return hf;
  }

  /** The formula cells' dependents, as HyperFormula's graph links them (one link per pair). */
  const links = (hf: HyperFormula): number[] => {
    const graph = (hf as unknown as { _dependencyGraph: { graph: { edgesSparseArray: (number | undefined)[][] } } })
      ._dependencyGraph.graph;
    return graph.edgesSparseArray.map((edges) => (edges ?? []).filter((edge) => edge !== undefined).length);
  };

  it('computes every cell as HyperFormula alone, after edits to what it names and to itself', () => {
    const plain = engine(false);
    const remembered = engine(true);
    const same = () => expect(remembered.getSheetValues(1)).toEqual(plain.getSheetValues(1));
    same();
    expect(remembered.getCellValue({ sheet: 1, row: 1, col: 1 })).toBe('b/b/2');
    const edits: [number, number, number, unknown][] = [
      [0, 1, 0, 'x'], // a cell of the fixed range named twice
      [0, 3, 1, 40], // a cell of the whole column named twice
      [0, 7, 0, 'late'], // a new cell of the whole column
      [0, 1, 1, 20], // a cell of the moving range B1:B3 named twice
      [0, 5, 1, 60], // the named expression's cell
      [1, 2, 0, 5], // the cell named twice
      [1, 2, 1, '=INDEX(Data!$A$1:$A$6;2)&INDEX(Data!$A$1:$A$6;2)'], // the formula itself, again twice
      [0, 1, 0, 'y'],
      [1, 2, 1, null], // the formula gone
      [0, 1, 0, 'z'],
    ];
    for (const [sheet, row, col, value] of edits) {
      for (const hf of [plain, remembered]) hf.setCellContents({ sheet, row, col }, [[value as never]]);
      same();
    }
    expect(remembered.getCellValue({ sheet: 1, row: 1, col: 1 })).toBe('z/z/1');
    expect(links(remembered)).toEqual(links(plain));
  });
});

describe('texts entered into cells', () => {
  it('are read as HyperFormula reads them: formulas, booleans, numbers, errors and texts', () => {
    const texts = ['=1+1', '=', '==1', ' =1', 'TRUE', 'false', '=TRUE', "'=1", '12', '#N/A', '=A1&"x"', 'text', ''];
    const read = (withMemory: boolean) => {
      const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
      if (withMemory) rememberInEngine(hf, (value) => value instanceof Error);
      hf.addSheet('Data');
      hf.setCellContents(
        { sheet: 0, row: 0, col: 0 },
        texts.map((text) => [text]),
      );
      return texts.map((_, row) => [
        hf.getCellValue({ sheet: 0, row, col: 0 }),
        hf.getCellFormula({ sheet: 0, row, col: 0 }) ?? null,
        hf.getCellType({ sheet: 0, row, col: 0 }),
      ]);
    };
    const remembered = read(true);
    expect(remembered).toEqual(read(false));
    expect(remembered[0]).toEqual([2, '=1+1', 'FORMULA']);
  });
});
