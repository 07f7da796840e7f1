// The formula API extensions the OKR sheet needs: OKR_SCORE per row grouped by objective id, KR_STATUS
// with the KR's type word for its bands, and KR_SCORE reading the kind words the sheet's dropdown offers.

import { describe, expect, it } from 'vitest';
import { KR_SCORE, KR_STATUS, OKR_SCORE } from '../../src/core/formulas';
import { InputError } from '../../src/core/input-error';
import { sheetText } from '../../src/core/okr-sheet/texts';
import { parseKeyResultType, parseKind } from '../../src/core/score';

const column = (...values: unknown[]) => values.map((value) => [value]);

describe('OKR_SCORE with objective_ids', () => {
  it('gives every row the weighted mean of its own objective (domain.md: 0.7125)', () => {
    const result = OKR_SCORE.evaluate([
      column(0.75, 0.9, 0.6, 0.75, ''),
      column(2, 1, 1, 1, ''),
      column('O1', 'O2', 'O1', 'o1', ''),
    ]);
    expect(result).toEqual([[0.7125], [0.9], [0.7125], [0.7125], ['']]);
  });

  it('skips rows without a score, blank weights count as 1, no score at all gives a blank', () => {
    const result = OKR_SCORE.evaluate([column(0.5, '', 1, ''), column('', 3, '', ''), column('O1', 'O1', 'O1', 'O2')]);
    expect(result).toEqual([[0.75], [0.75], [0.75], ['']]);
  });

  it('a bad score spoils only its own objective, located at the bad cell', () => {
    const result = OKR_SCORE.evaluate([column(0.5, 'abc', 1), '', column('O1', 'O1', 'O2')]) as unknown[][];
    expect(result[0]?.[0]).toBeInstanceOf(InputError);
    expect((result[1]?.[0] as InputError | undefined)?.cell?.row).toBe(2);
    expect(result[2]?.[0]).toBe(1);
  });

  it('without objective_ids it is the single objective score it always was', () => {
    expect(OKR_SCORE.evaluate([column(0.75, 0.6, 0.75), column(2, 1, 1)])).toBeCloseTo(0.7125);
    expect(OKR_SCORE.params).toEqual(['scores', 'weights', 'objective_ids']);
  });

  it('broadcasts a single id to every row', () => {
    expect(OKR_SCORE.evaluate([column(1, 0.5), '', 'O1'])).toEqual([[0.75], [0.75]]);
  });

  it('refuses ids of another size than the scores', () => {
    expect(() => OKR_SCORE.evaluate([column(1, 2), '', column('O1', 'O1', 'O1')])).toThrow(/objective_ids/);
  });
});

describe('KR_STATUS with the type word as green_at', () => {
  it('committed KRs use 1.0 / 0.7, aspirational 0.7 / 0.4, in either language', () => {
    // At quarter end (e = 1): 0.75 is green for an aspirational KR, yellow for a committed one.
    expect(KR_STATUS.evaluate([0.75, 1, 'committed'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0.75, 1, 'zobowiązujący'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0.75, 1, 'aspirational'])).toBe('🟢');
    expect(KR_STATUS.evaluate([0.75, 1, 'ambitny'])).toBe('🟢');
    expect(KR_STATUS.evaluate([0.65, 1, 'committed'])).toBe('🔴');
    expect(KR_STATUS.evaluate([0.45, 1, 'ambitny'])).toBe('🟡');
    expect(KR_STATUS.evaluate([1, 1, 'Committed'])).toBe('🟢');
  });

  it('works over a column of types, blank meaning aspirational', () => {
    expect(KR_STATUS.evaluate([column(0.75, 0.75, 0.75, ''), 1, column('committed', 'ambitny', '', '')])).toEqual([
      ['🟡'],
      ['🟢'],
      ['🟢'],
      [''],
    ]);
  });

  it('numbers keep working, and an unknown word is an error', () => {
    expect(KR_STATUS.evaluate([0.75, 1, 0.8])).toBe('🟡');
    expect(() => KR_STATUS.evaluate([0.75, 1, 'maybe'])).toThrow(/green_at/);
  });
});

describe('the sheet words', () => {
  it('every kind word of the dropdown, in both languages, is read by KR_SCORE', () => {
    for (const lang of ['en', 'pl'] as const) {
      for (const kind of ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const) {
        expect(parseKind(sheetText(lang, `kind_${kind}`))).toBe(kind);
      }
      expect(parseKeyResultType(sheetText(lang, 'type_committed'))).toBe('committed');
      expect(parseKeyResultType(sheetText(lang, 'type_aspirational'))).toBe('aspirational');
    }
    expect(KR_SCORE.evaluate([10, 2, 4, 'spadek'])).toBe(0.75);
    expect(KR_SCORE.evaluate(['', 0.04, 0.05, 'co najwyżej'])).toBeCloseTo(0.8);
    expect(KR_SCORE.evaluate(['', '', 'tak', 'kamień milowy'])).toBe(1);
  });
});
