// The builder of formula text: calls joined by `;`, fractions as ratios of whole numbers, one-column array
// literals, dates as DATE() — the dialect that parses on an English and a Polish spreadsheet alike.

import { describe, expect, it } from 'vitest';
import { call, column, dateCall, dialectProblems, numberLiteral, quoted } from '../../src/core/formula-text';

describe('formula text', () => {
  it('joins the arguments of a call with `;` and writes numbers without a decimal separator', () => {
    expect(call('IF', 'A1=""', '""', 0.7)).toBe('IF(A1="";"";(7/10))');
    expect(call('MAX', 1, call('ROUND', '(B3-B2+1)/7', 0))).toBe('MAX(1;ROUND((B3-B2+1)/7;0))');
  });

  it('writes a fraction as an exact ratio of whole numbers, in parentheses', () => {
    expect(numberLiteral(0.4)).toBe('(4/10)');
    expect(numberLiteral(1e-9)).toBe('(1/1000000000)');
    expect(numberLiteral(-2.25)).toBe('(-225/100)');
    expect(numberLiteral(12)).toBe('12');
    expect(() => numberLiteral(Number.NaN)).toThrow(RangeError);
  });

  it('builds one-column array literals, string literals and dates in the dialect', () => {
    expect(column(quoted('Wynik "A"'), call('KR_SCORE', 'I7:I9', 'J7:J9'))).toBe(
      '{"Wynik ""A""";KR_SCORE(I7:I9;J7:J9)}',
    );
    expect(dateCall('2027-03-31')).toBe('DATE(2027;3;31)');
    for (const text of ['=IF(A1="";"";(7/10))', `=${dateCall('2027-01-01')}`])
      expect(dialectProblems(text)).toEqual([]);
  });
});
