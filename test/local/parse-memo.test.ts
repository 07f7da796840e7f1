// The parser's memory of formula shapes (local/parse-memo.ts): the key read from a formula's text, checked
// against HyperFormula's own tokens, and an engine reading formulas through it computes every cell as an
// engine without it.

import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  answerFitsEveryCell,
  distinctDependencies,
  formulaKey,
  rememberParses,
  sameReferences,
} from '../../local/parse-memo';

const at = (row: number, col = 0) => ({ col, row });
const keyOf = (text: string, row: number, col = 0) => formulaKey(text, at(row, col))?.key;

describe('the key of a formula', () => {
  it('is the same for a shape moved with its cell, and differs for any other reference', () => {
    expect(keyOf('=IF(N20="";"";B20*2)', 19)).toBe(keyOf('=IF(N21="";"";B21*2)', 20));
    expect(keyOf('=IF(N20="";"";B20*2)', 19)).not.toBe(keyOf('=IF(N21="";"";B20*2)', 20));
    // Moved along the row too.
    expect(keyOf('=C5+$D$1', 4, 1)).toBe(keyOf('=D5+$D$1', 4, 2));
    // Fixed parts stay fixed: `$B$7` never matches `$B$8`, mixed parts each as written.
    expect(keyOf('=SUM($B$7:$B$1226)', 6)).not.toBe(keyOf('=SUM($B$8:$B$1227)', 7));
    expect(keyOf('=$A1+A$1', 0)).toBe(keyOf('=$A2+A$1', 1));
    expect(keyOf('=$A1+A$1', 0)).not.toBe(keyOf('=$A2+A$2', 1));
    expect(keyOf('=$A1', 0)).not.toBe(keyOf('=A1', 0));
  });

  it('keeps string literals as they are, references and all', () => {
    expect(keyOf('=IF(A1="B1";1;2)', 0)).not.toBe(keyOf('=IF(A2="B2";1;2)', 1));
    expect(keyOf('=IF(A1="B1";1;2)', 0)).toBe(keyOf('=IF(A2="B1";1;2)', 1));
    // A backslash escapes a quote inside a literal, as HyperFormula's lexer reads it.
    expect(formulaKey('="a\\"B1"&C1', at(0))?.references.map((r) => r.start)).toEqual([9]);
  });

  it('keeps sheet prefixes as written, quotes doubled inside included', () => {
    const key = formulaKey("='OKR Q1 2027'!$F$4+'it''s'!A1+Data!B2", at(0));
    expect(key?.references.map((r) => r.sheet)).toEqual(['OKR Q1 2027', "it's", 'Data']);
    expect(keyOf("='a'!A1", 0)).not.toBe(keyOf("='b'!A2", 1));
    expect(keyOf("='a'!A1", 0)).toBe(keyOf("='a'!A2", 1));
    expect(keyOf('=Data!A1', 0)).not.toBe(keyOf("='Data'!A2", 1));
  });

  it('tells cells, column ranges and row ranges apart', () => {
    const kinds = (text: string) => formulaKey(text, at(0))?.references.map((r) => r.kind);
    expect(kinds("=COUNTIF('History'!$C:$C;A1)+SUM(3:5)")).toEqual(['ColumnRange', 'CellReference', 'RowRange']);
    // `A1` and `A:A` are both zero columns and rows away from A1: still not one key.
    expect(keyOf('=SUM(A1)', 0)).not.toBe(keyOf('=SUM(A:A)', 0));
    expect(keyOf('=SUM(C:C)', 0, 2)).toBe(keyOf('=SUM(D:D)', 0, 3));
  });

  it('finds no reference inside names, error literals, function names or lowercase columns', () => {
    const found = (text: string) => formulaKey(text, at(0))?.references.map((r) => text.slice(r.start, r.end));
    expect(found('=LOG10(A1)+OKR_Q1_2027_as_of+#N/A')).toEqual(['A1']);
    expect(found('=TRUE+B2.5')).toEqual([]);
    expect(found('=a1')).toEqual([]);
    expect(formulaKey('=A1\u0001', at(0))).toBeNull();
  });

  it('matches HyperFormula’s reference tokens, and notices when it does not', () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    const parser = (hf as unknown as { _parser: { tokenizeFormula(text: string): { tokens: never[] } } })._parser;
    const agrees = (text: string) => {
      const key = formulaKey(text, at(0));
      return key !== null && sameReferences(parser.tokenizeFormula(text).tokens, key.references);
    };
    expect(agrees('=IF(B7="","",SUMPRODUCT(($B$7:$B$1226=B7)*\'OKR feed\'!$C:$C))')).toBe(true);
    expect(agrees('=SUM(3:5)+LOG10(A1)')).toBe(true);
    // HyperFormula reads `a1` as a reference; the key does not: it is never trusted.
    expect(agrees('=a1+1')).toBe(false);
    hf.destroy();
  });

  it('lets one answer serve every cell only when no range end is fixed while the other moves', () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    const parser = (hf as unknown as { _parser: { parse(text: string, address: object): { ast: unknown } } })._parser;
    const fits = (text: string) => answerFitsEveryCell(parser.parse(text, { sheet: 0, col: 0, row: 5 }).ast);
    expect(fits('=SUM($B$7:$B$9)+SUM(B1:C2)+COUNTIF($C:$C,A1)')).toBe(true);
    expect(fits('=SUM($B$1:B1)')).toBe(false);
    expect(fits('=SUM(A:$C)')).toBe(false);
    expect(fits('=HYPERLINK("x","y")')).toBe(false);
    hf.destroy();
  });
});

/** Every formula kind the key must tell apart, in each of 30 rows of three sheets. */
function sheetsOfFormulas(): Record<string, unknown[][]> {
  const rows = (sheet: string): unknown[][] =>
    Array.from({ length: 30 }, (_, i) => {
      const r = i + 1;
      return [
        r,
        `t${r % 4}`,
        `=A${r}*2`,
        `=IF(B${r}="t1","B${r}",A${r})`,
        `=SUM($A$1:A${r})`,
        `=SUM(A$1:A${r})`,
        `=SUM(A${r}:$A$3)`,
        `=COUNTIF($B:$B,B${r})+COUNTIF(B:B,"t2")`,
        `=SUM(${r}:${r})`,
        `='it''s'!A${r}+'Other sheet'!$A$2+Data!A${r}`,
        `=IF(A${r}>15,"\\"A1\\"",LOWER(B${r}))&"${sheet}"`,
        `=OFFSET(A${r},1,0)`,
        `=${r % 2 ? 'A' : 'a'}${r}+1`,
        `=total*A${r}`,
        `=A${r + 40}`,
        `=ROWS($A$1:A${r})+COLUMN()`,
      ];
    });
  return { Data: rows('Data'), "it's": rows("it's"), 'Other sheet': rows('Other sheet') };
}

function valuesOf(
  withMemo: boolean,
  reversed = false,
): { values: unknown[][][]; figures: ReturnType<typeof rememberParses> } {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const figures = withMemo ? rememberParses(hf) : null;
  const sheets = sheetsOfFormulas();
  hf.suspendEvaluation();
  // In reverse, every sheet gets another id than in the other engines.
  const names = reversed ? Object.keys(sheets).reverse() : Object.keys(sheets);
  for (const name of names) hf.addSheet(name);
  hf.addNamedExpression('total', '=Data!$A$3');
  for (const [name, rows] of Object.entries(sheets)) {
    hf.setSheetContent(hf.getSheetId(name) as number, rows as never);
  }
  hf.resumeEvaluation();
  // Edits after the build: a row rewritten, a sheet renamed away and back.
  hf.setCellContents({ sheet: 0, row: 3, col: 2 }, [['=A5*3', '=IF(B4="t1","B4",A4)']]);
  hf.renameSheet(hf.getSheetId('Other sheet') as number, 'Renamed');
  hf.setCellContents({ sheet: 0, row: 4, col: 9 }, [["='it''s'!A5+'Other sheet'!$A$2+Data!A5"]]);
  hf.renameSheet(hf.getSheetId('Renamed') as number, 'Other sheet');
  hf.setCellContents({ sheet: 0, row: 5, col: 9 }, [["='it''s'!A6+'Other sheet'!$A$2+Data!A6"]]);
  const values = hf.getSheetNames().map((name) => {
    const id = hf.getSheetId(name) as number;
    return hf
      .getSheetValues(id)
      .map((row, r) => row.map((value, c) => [value, hf.getCellFormula({ sheet: id, row: r, col: c }) ?? null]));
  });
  hf.destroy();
  return { values, figures };
}

describe('an engine reading formulas through the memory', () => {
  it('computes every cell as an engine reading each formula afresh', () => {
    const plain = valuesOf(false);
    const remembered = valuesOf(true);
    expect(remembered.values).toEqual(plain.values);
    // Most formulas were read through a known shape, and most of those given its answer.
    expect(remembered.figures?.hits).toBeGreaterThan(1000);
    expect(remembered.figures?.shared).toBeGreaterThan(700);
  });

  it('shares what one engine learnt with the next engines of the process, where their sheets are the same', () => {
    valuesOf(true);
    // The same texts in the same cells: each shape is taken from the first engine, and only the two read
    // while a sheet was renamed away are learnt again.
    const again = valuesOf(true);
    expect(again.values).toEqual(valuesOf(false).values);
    expect(again.figures?.learnt).toBeLessThanOrEqual(2);
    expect(again.figures?.borrowed).toBeGreaterThan(20);
    expect(again.figures?.hits).toBeGreaterThan(1000);
    // Sheets with other ids: the shapes naming them are learnt again, and every value is still right.
    const reversed = valuesOf(true, true);
    expect(reversed.values).toEqual(valuesOf(false, true).values);
    expect(reversed.figures?.learnt).toBeGreaterThan(0);
  });
});

describe('the dependencies of a shape', () => {
  it('are each kept once, at its first place, told apart by every field (relative, fixed, sheet, kind)', () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', functionArgSeparator: ';' });
    hf.addSheet('Data');
    hf.addSheet('Other');
    const parser = (hf as unknown as { _parser: { parse(text: string, at: unknown): { dependencies: unknown[] } } })
      ._parser;
    const text =
      '=$A2+$A2+A2+$A$2+Other!$A2+SUM($B$1:$B$5)+SUM($B$1:$B$5)+SUM(B1:B5)+SUM($B:$B)+SUM($B:$B)+SUM(B:B)+SUM(1:2)+SUM(1:2)+x+x+X';
    const { dependencies } = parser.parse(text, { sheet: 0, col: 3, row: 1 });
    expect(dependencies).toHaveLength(16);
    const distinct = distinctDependencies(dependencies);
    // $A2, A2, $A$2, Other!$A2, $B$1:$B$5, B1:B5, $B:$B, B:B, 1:2, x, X (names as written).
    expect(distinct).toHaveLength(11);
    expect(distinct.map((dependency) => dependencies.indexOf(dependency))).toEqual([
      0, 2, 3, 4, 5, 7, 8, 10, 11, 13, 15,
    ]);
    hf.destroy();
  });
});
