// The pieces of the local runtime that imitate Sheets without the bundle: dates in the spreadsheet's time
// zone, number formats, typed input, formula text translated for HyperFormula and moved for conditional
// formats, and the cells HyperFormula computes beside the fake (spills, blocked arrays, cycles).

import { describe, expect, it } from 'vitest';
import { instantFromSerial, isDateFormat, serialFromDate } from '../../local/dates';
import { displayValue, formatNumber } from '../../local/number-format';
import { createLocalRuntime } from '../../local/runtime';
import { arrayLiteral, readLocaleFormula, shiftFormula, translateFormula } from '../../local/sheets-syntax';
import { readTyping } from '../../local/typing';

const EN = { locale: 'en_US', timeZone: 'Europe/Warsaw' };
const PL = { locale: 'pl_PL', timeZone: 'Europe/Warsaw' };
const NBSP = '\u00a0';

describe('dates', () => {
  it('count serial days in the spreadsheet time zone, winter and summer', () => {
    expect(serialFromDate(new Date('2026-12-31T23:00:00Z'), 'Europe/Warsaw')).toBe(46_388);
    expect(new Date(instantFromSerial(46_388, 'Europe/Warsaw')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(new Date(instantFromSerial(46_569, 'Europe/Warsaw')).toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(serialFromDate(new Date('2027-01-01T12:00:00Z'), 'America/New_York')).toBeCloseTo(46_388 + 7 / 24, 9);
  });

  it('tell date formats from number formats', () => {
    for (const format of ['yyyy-mm-dd', 'dd.mm.yyyy', 'd mmmm yyyy', 'hh:mm', 'm/d/yyyy']) {
      expect(isDateFormat(format)).toBe(true);
    }
    for (const format of ['General', '0.00', '#,##0 "zł"', '0 "days"', '0.0 "h"', '0%', '@']) {
      expect(isDateFormat(format)).toBe(false);
    }
  });
});

describe('number formats', () => {
  it.each([
    [0.7125, 'General', EN, '0.7125'],
    [1 / 3, 'General', PL, '0,3333333333'],
    [0.6, '0.00', EN, '0.60'],
    [0.6, '0.00', PL, '0,60'],
    [1_200_000, '#,##0 "zł"', PL, `1${NBSP}200${NBSP}000 zł`],
    [1_234.5, '#,##0', EN, '1,235'],
    [-1_234, '#,##0', EN, '-1,234'],
    [-5, '0;(0)', EN, '(5)'],
    [0, '0;(0);"–"', EN, '–'],
    [0.35, '0%', EN, '35%'],
    [0.355, '0.0%', PL, '35,5%'],
    [4, '0 "days"', EN, '4 days'],
    [2.5, '0.0 "h"', EN, '2.5 h'],
    [46_388, 'yyyy-mm-dd', EN, '2027-01-01'],
    [46_477, 'dd.mm.yyyy', PL, '31.03.2027'],
    [46_388.5, 'yyyy-mm-dd hh:mm', EN, '2027-01-01 12:00'],
  ])('shows %s in %s as Sheets does', (value, format, settings, shown) => {
    expect(formatNumber(value, format, settings)).toBe(shown);
  });

  it('shows booleans in the locale, dates as dates, and text as it is', () => {
    expect(displayValue(true, 'General', EN)).toBe('TRUE');
    expect(displayValue(false, 'General', PL)).toBe('FAŁSZ');
    expect(displayValue(new Date('2027-03-30T22:00:00Z'), 'yyyy-mm-dd', PL)).toBe('2027-03-31');
    expect(displayValue('🟢', '0.00', EN)).toBe('🟢');
    expect(displayValue('', '0.00', EN)).toBe('');
  });
});

describe('typing', () => {
  it('reads dates in ISO and in the locale order, and gives them a date format', () => {
    expect(readTyping('31.03.2027', 'pl_PL', 'Europe/Warsaw')).toEqual({
      input: new Date('2027-03-30T22:00:00Z'),
      numberFormat: 'dd.mm.yyyy',
    });
    expect(readTyping('3/31/2027', 'en_US', 'Europe/Warsaw').numberFormat).toBe('mm/dd/yyyy');
    expect(readTyping('2027-03-31', 'en_US', 'UTC')).toEqual({
      input: new Date('2027-03-31T00:00:00Z'),
      numberFormat: 'yyyy-mm-dd',
    });
    expect(readTyping('31.02.2027', 'pl_PL', 'UTC')).toEqual({ input: '31.02.2027', numberFormat: null });
  });

  it('leaves formulas, numbers and text to the fake, giving a typed percent its format', () => {
    expect(readTyping('=A1*2', 'en_US', 'UTC')).toEqual({ input: '=A1*2', numberFormat: null });
    expect(readTyping('15%', 'en_US', 'UTC')).toEqual({ input: '15%', numberFormat: '0%' });
    expect(readTyping('2,5%', 'pl_PL', 'UTC')).toEqual({ input: '2,5%', numberFormat: '0.0%' });
    expect(readTyping('52 000', 'pl_PL', 'UTC')).toEqual({ input: '52 000', numberFormat: null });
  });
});

describe('formula text for HyperFormula', () => {
  const rows = { maxRows: (sheet: string | null) => (sheet === 'Check-ins' ? 500 : 1000) };

  it('completes open-ended ranges and writes out exponents, leaving strings and names alone', () => {
    expect(translateFormula('=SUM(A7:A)', rows)).toBe('=SUM(A7:A1000)');
    expect(translateFormula("=SUM('Check-ins'!$B$2:$B)+B2:B5", rows)).toBe("=SUM('Check-ins'!$B$2:$B500)+B2:B5");
    expect(translateFormula('="A7:A "&(X1+1E-9)', rows)).toBe('="A7:A "&(X1+0.000000001)');
    expect(translateFormula('=LOG10(A1)+SUM(OKR_Q1_2027_table)+KR_SCORE(I7:I46,J7:J46)', rows)).toBe(
      '=LOG10(A1)+SUM(OKR_Q1_2027_table)+KR_SCORE(I7:I46,J7:J46)',
    );
  });

  it('splits a one-column or one-row array literal into its elements', () => {
    expect(arrayLiteral('={"Score";KR_SCORE(I7:I46,J7:J46,K7:K46,G7:G46)}')).toEqual({
      direction: 'down',
      elements: ['="Score"', '=KR_SCORE(I7:I46,J7:J46,K7:K46,G7:G46)'],
    });
    expect(arrayLiteral('={"a;b", "c""d"; }')).toBeNull();
    expect(arrayLiteral('={"a;b", "c""d"}')).toEqual({ direction: 'right', elements: ['="a;b"', '="c""d"'] });
    expect(arrayLiteral('={1,2;3,4}')).toBeNull();
    expect(arrayLiteral('=SUM({1;2})')).toBeNull();
  });

  it('moves relative references as a conditional format applies its formula to the next cells', () => {
    expect(shiftFormula('=$O7="🟢"', 3, 2)).toBe('=$O10="🟢"');
    expect(shiftFormula('=AND(ISNUMBER($N7),$N7+0.000000001>=0.7*$F$5)', 1, 0)).toBe(
      '=AND(ISNUMBER($N8),$N8+0.000000001>=0.7*$F$5)',
    );
    expect(shiftFormula('=SUM(B2:C3)+"B2"', 1, 1)).toBe('=SUM(C3:D4)+"B2"');
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
  });
});

describe('cells computed beside the fake', () => {
  function sheetWith(rows: unknown[][]) {
    const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'UTC' });
    runtime.services.spreadsheet.addSheet('T', rows);
    return runtime;
  }
  const value = (runtime: ReturnType<typeof createLocalRuntime>, a1: string) => {
    const sheet = runtime.snapshot().sheets.find((s) => s.name === 'T');
    const [, letters = 'A', digits = '1'] = /^([A-Z])(\d+)$/.exec(a1) ?? [];
    return sheet?.cells[Number(digits) - 1]?.[letters.charCodeAt(0) - 65]?.value;
  };

  it('sums an open-ended range and recomputes an array-literal header after an edit', () => {
    const runtime = sheetWith([
      ['={"Score";KR_SCORE(B2:B3,C2:C3,D2:D3)}', null, null, null, '=SUM(A2:A)'],
      [null, 0, 4, 3],
      [null, 10, 2, 4],
    ]);
    expect(value(runtime, 'A1')?.raw).toBe('Score');
    expect(value(runtime, 'A2')?.raw).toBe(0.75);
    expect(value(runtime, 'E1')?.raw).toBe(1.5);
    runtime.setCell('T', 'D3', '2');
    expect(value(runtime, 'A3')?.raw).toBe(1);
    expect(value(runtime, 'E1')?.raw).toBe(1.75);
  });

  it('shows #REF! where an array literal cannot expand, and for a circular reference', () => {
    const runtime = sheetWith([
      ['={"Score";KR_SCORE(B2:B3,C2:C3,D2:D3)}', 0, 4, 3],
      ['in the way', 0, 4, 3],
      ['=A4+1'],
      ['=A3+1'],
    ]);
    expect(value(runtime, 'A1')).toMatchObject({
      type: 'error',
      raw: '#REF!',
      error: 'Array result was not expanded because it would overwrite data in A2.',
    });
    expect(value(runtime, 'A3')).toMatchObject({ type: 'error', raw: '#REF!' });
  });

  it('sorts as Sheets’ SORT does: by a column of the range or a column of its own, ascending or not', () => {
    const runtime = sheetWith([
      [30, 'c', 3, '=SORT(A1:B3,C1:C3,FALSE)', '', '=SORT(A1:A3,1,TRUE)'],
      [10, 'a', 1],
      [20, 'b', 2],
    ]);
    expect(['D1', 'D2', 'D3', 'E1', 'E3'].map((a1) => value(runtime, a1)?.raw)).toEqual([30, 20, 10, 'c', 'a']);
    expect(['F1', 'F2', 'F3'].map((a1) => value(runtime, a1)?.raw)).toEqual([10, 20, 30]);
  });

  it('draws SPARKLINE data: the cell is empty, its numbers are handed to the page in order', () => {
    const runtime = sheetWith([[3, 'x', '=SPARKLINE(A1:A4)', '=IF(FALSE,SPARKLINE(A1:A4),"")'], [1], [''], [2]]);
    const sheet = runtime.snapshot().sheets.find((s) => s.name === 'T');
    expect(sheet?.cells[0]?.[2]).toMatchObject({ value: { type: 'empty', display: '' }, sparkline: [3, 1, 2] });
    // A branch not taken draws nothing.
    expect(sheet?.cells[0]?.[3]?.sparkline).toBeUndefined();
    // The chart follows an edit of its data.
    runtime.setCell('T', 'A2', '5');
    expect(runtime.snapshot().sheets.find((s) => s.name === 'T')?.cells[0]?.[2]?.sparkline).toEqual([3, 5, 2]);
  });

  it('shows a custom function’s exception as #ERROR! with its message', () => {
    const runtime = sheetWith([[0, 4, 'abc', '=KR_SCORE(A1,B1,C1)']]);
    expect(value(runtime, 'D1')).toMatchObject({
      type: 'error',
      raw: '#ERROR!',
      error: 'KR_SCORE: current "abc" is not a number',
    });
  });
});

describe('formulas in the syntax of the spreadsheet locale', () => {
  it('reads a Polish formula: `;` between arguments, `,` in decimals, `\\` between array columns', () => {
    expect(readLocaleFormula('=ROUND(2,5;0)', 'pl_PL')).toBe('=ROUND(2.5,0)');
    expect(readLocaleFormula('={1\\2;3\\4}', 'pl_PL')).toBe('={1,2;3,4}');
    expect(readLocaleFormula('=IF(A1>,5;"a;b, c";SUM(1;2))', 'pl_PL')).toBe('=IF(A1>.5,"a;b, c",SUM(1,2))');
    expect(readLocaleFormula("='Plan, Q1'!A1", 'pl_PL')).toBe("='Plan, Q1'!A1");
    // A comma that is no decimal separator does not parse there, as in Sheets.
    expect(readLocaleFormula('=SUM(A1,B1)', 'pl_PL')).toBeNull();
    expect(readLocaleFormula('=SUM(2,5,1)', 'pl_PL')).toBeNull();
  });

  it('reads an English formula with `,` or `;` between arguments, as Sheets accepts both there', () => {
    expect(readLocaleFormula('=SUM(2;1)', 'en_US')).toBe('=SUM(2,1)');
    expect(readLocaleFormula('=SUM(2,1)', 'en_US')).toBe('=SUM(2,1)');
    expect(readLocaleFormula('={"Score";KR_SCORE(A1:A3;B1:B3)}', 'en_US')).toBe('={"Score";KR_SCORE(A1:A3,B1:B3)}');
    expect(readLocaleFormula('={1,2;3,4}', 'en_US')).toBe('={1,2;3,4}');
  });
});

describe('typing formulas into the local spreadsheet', () => {
  const sheetOf = (runtime: ReturnType<typeof createLocalRuntime>) =>
    runtime.services.spreadsheet.getSheets()[0]?.getName() as string;
  const value = (runtime: ReturnType<typeof createLocalRuntime>, a1: string) => {
    const match = /^([A-Z])(\d+)$/.exec(a1) as RegExpExecArray;
    const sheet = runtime.snapshot().sheets[0];
    return sheet?.cells[Number(match[2]) - 1]?.[(match[1] as string).charCodeAt(0) - 65]?.value;
  };

  it('computes a Polish formula and shows it back as typed', () => {
    const runtime = createLocalRuntime(PL);
    const name = sheetOf(runtime);
    runtime.setCell(name, 'A1', '=SUM(2;1)');
    runtime.setCell(name, 'A2', '=ROUND(2,5;0)');
    runtime.setCell(name, 'A3', '={1\\2}');
    expect(value(runtime, 'A1')?.raw).toBe(3);
    expect(value(runtime, 'A2')?.raw).toBe(3);
    expect(value(runtime, 'A3')?.raw).toBe(1);
    expect(value(runtime, 'B3')?.raw).toBe(2);
    expect(runtime.services.spreadsheet.getSheets()[0]?.getRange('A2').getFormula()).toBe('=ROUND(2,5;0)');
  });

  it('accepts `;` between arguments on an English spreadsheet too', () => {
    const runtime = createLocalRuntime(EN);
    runtime.setCell(sheetOf(runtime), 'A1', '=SUM(2;1)');
    expect(value(runtime, 'A1')?.raw).toBe(3);
  });

  it('shows a formula that does not parse as an error in its own cell only', () => {
    const runtime = createLocalRuntime(PL);
    const name = sheetOf(runtime);
    runtime.setCell(name, 'A1', '5');
    runtime.setCell(name, 'B1', '=A1*2');
    runtime.setCell(name, 'C1', '=SUM(A1,B1)');
    runtime.setCell(name, 'C2', '=FOO(((');
    expect(value(runtime, 'C1')).toMatchObject({ type: 'error', raw: '#ERROR!', error: 'Formula parse error.' });
    expect(value(runtime, 'C2')).toMatchObject({ type: 'error', raw: '#ERROR!', error: 'Formula parse error.' });
    expect(value(runtime, 'B1')?.raw).toBe(10);
    expect(runtime.services.spreadsheet.getSheets()[0]?.getRange('C1').getFormula()).toBe('=SUM(A1,B1)');
  });
});
