// KR_GRADE through the built bundle, as Sheets calls it: the band word in the spreadsheet's language (looked
// up only when there is a word to say), a whole column in one call, and a clear error for a type it does
// not know. The core's bands are in test/core/grades.test.ts.

import { describe, expect, it } from 'vitest';
import { KR_GRADE } from '../../src/core/formulas';
import { callGlobal, loadBundle } from '../support/load-bundle';

describe('KR_GRADE', () => {
  it('gives the band word in English on an English spreadsheet, and touches no service for a blank', () => {
    const english = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'en_US' }) },
    });
    expect(callGlobal(english, 'KR_GRADE', 0.7)).toBe('delivered');
    expect(callGlobal(english, 'KR_GRADE', 0.65)).toBe('progress');
    expect(callGlobal(english, 'KR_GRADE', '30%')).toBe('not delivered');
    expect(callGlobal(english, 'KR_GRADE', 0.9, 'committed')).toBe('progress');
    // No service is loaded here: a blank needs no language.
    expect(callGlobal(loadBundle(), 'KR_GRADE', '')).toBe('');
  });

  it('speaks Polish on a Polish spreadsheet, a whole column in one call', () => {
    const polish = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'pl_PL' }) },
    });
    expect(
      callGlobal(polish, 'KR_GRADE', [[1], [0.5], [0.1], ['']], [['zobowiązujący'], ['ambitny'], [''], ['']]),
    ).toEqual([['zrealizowany'], ['postęp'], ['niezrealizowany'], ['']]);
    expect(() => callGlobal(polish, 'KR_GRADE', 0.5, 'maybe')).toThrow(
      'KR_GRADE: typ „maybe” nie jest jednym z: zobowiązujący, ambitny',
    );
  });

  it('names the argument and value of a score that is no number', () => {
    expect(() => KR_GRADE.evaluate(['abc'])).toThrow('KR_GRADE: score "abc" is not a number');
  });
});
