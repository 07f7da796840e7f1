import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isBlank, isoFromDay, readDay, readDone, readFlag, readNumber } from '../../src/core/cell-values';
import { InputError } from '../../src/core/input-error';

const target = { fn: 'KR_SCORE', arg: 'target' };
const asOf = { fn: 'KR_PACE', arg: 'as_of' };

/** Runs `read` and returns the InputError it throws; fails the test when it throws nothing or anything else. */
function inputErrorOf(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, got a value');
}

describe('readNumber', () => {
  it.each([
    [42, 42],
    [0, 0],
    [-3.5, -3.5],
    [1_200_000, 1_200_000],
  ])('keeps the number %s as it is', (value, expected) => {
    expect(readNumber(value, target)).toBe(expected);
  });

  it('takes a percent-formatted cell as the decimal Sheets passes (15% is 0.15)', () => {
    expect(readNumber(0.15, target)).toBe(0.15);
  });

  it.each([
    ['1 200 000 zł', 1_200_000],
    ['1.200.000', 1_200_000],
    ['1.200.000,50', 1_200_000.5],
    ['1,200,000.50', 1_200_000.5],
    ['1,200,000', 1_200_000],
    ['0,72', 0.72],
    ['0.72', 0.72],
    ['0,725', 0.725],
    ['1,5', 1.5],
    ['15%', 0.15],
    ['15 %', 0.15],
    ['12,5%', 0.125],
    ['45 dni', 45],
    ['2 300 zł/mies.', 2300],
    ['1\u00a0200\u00a0000\u00a0zł', 1_200_000],
    ['1\u202f200\u202f000 zł', 1_200_000],
    ['\u00a01 200 zł\u00a0', 1200],
    ['-5%', -0.05],
    ['+25%', 0.25],
    ['+7', 7],
    ['\u22125%', -0.05],
    ['\u2212 1 200 zł', -1200],
    ['€1,200.50', 1200.5],
    ['$ 300', 300],
    ['1 200,00 PLN', 1200],
    ['7 pkt', 7],
    ['1,5 mln zł', 1_500_000],
    ['2 mln', 2_000_000],
    ['50 tys. zł', 50_000],
    ['200k', 200_000],
    ['1.5M', 1_500_000],
    ['1 mld zł', 1_000_000_000],
  ])('reads the text %j as %d', (text, expected) => {
    expect(readNumber(text, target)).toBeCloseTo(expected, 9);
  });

  it.each([[''], ['  '], ['\u00a0'], ['-'], ['—'], ['–'], [undefined], [null]])(
    'reads the blank %j as null',
    (value) => {
      expect(readNumber(value, target)).toBeNull();
    },
  );

  it.each([
    ['abc', 'abc'],
    ['12abc34', '12abc34'],
    ['n/a', 'n/a'],
    ['1.2.3,4,5', '1.2.3,4,5'],
    ['5 %%', '5 %%'],
    ['Infinity', 'Infinity'],
    [true, 'true'],
    [false, 'false'],
    [new Date('2027-01-04T00:00:00Z'), '2027-01-04'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [{}, 'object'],
  ])('refuses %j as no number, naming the value %j', (value, shown) => {
    const error = inputErrorOf(() => readNumber(value, target));
    expect(error.key).toBe('notANumber');
    expect(error.message).toBe(`KR_SCORE: target "${shown}" is not a number`);
  });

  it('names the function, the argument and the value in English and in Polish', () => {
    const error = inputErrorOf(() => readNumber('abc', target));
    expect(error.message).toBe('KR_SCORE: target "abc" is not a number');
    expect(error.render('en')).toBe('KR_SCORE: target "abc" is not a number');
    expect(error.render('pl')).toBe('KR_SCORE: target „abc” nie jest liczbą');
  });

  it('shortens a very long value in the message', () => {
    const error = inputErrorOf(() => readNumber('x'.repeat(100), target));
    expect(error.message.length).toBeLessThan(100);
    expect(error.message).toContain('…');
  });

  it('reads any number it writes in English format back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        const text = value.toLocaleString('en-US');
        expect(readNumber(text, target)).toBe(value);
      }),
    );
  });

  it('reads any number it writes in Polish format (space groups, decimal comma) back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole.toLocaleString('pl-PL')},${String(cents).padStart(2, '0')} zł`;
        expect(readNumber(text, target)).toBeCloseTo(whole + cents / 100, 6);
      }),
    );
  });

  it('never throws anything but an InputError and never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.date()), (value) => {
        try {
          const result = readNumber(value, target);
          expect(result === null || Number.isFinite(result)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});

describe('isBlank', () => {
  it('treats an empty cell, whitespace and a lone dash as blank, and zero or FALSE as values', () => {
    expect(['', ' ', '\u202f', '-', ' — ', undefined, null].every(isBlank)).toBe(true);
    expect([0, false, '0', '--', 'x'].some(isBlank)).toBe(false);
  });
});

describe('readDone', () => {
  it.each([[true], ['TRUE'], ['yes'], ['Yes'], ['tak'], ['TAK'], ['done'], ['zrobione'], ['prawda'], [1], ['1']])(
    'reads %j as done',
    (value) => {
      expect(readDone(value, target)).toBe(true);
    },
  );

  it.each([[false], ['FALSE'], ['no'], ['nie'], ['Nie'], ['not done'], ['fałsz'], [0], ['0']])(
    'reads %j as not done',
    (value) => {
      expect(readDone(value, target)).toBe(false);
    },
  );

  it('reads a blank milestone as null', () => {
    expect(readDone('', target)).toBeNull();
  });

  it.each([['maybe'], [0.5], [2], [new Date(0)]])('refuses %j with a message in both languages', (value) => {
    const error = inputErrorOf(() => readDone(value, { fn: 'KR_SCORE', arg: 'current' }));
    expect(error.key).toBe('notYesNo');
    expect(error.render('en')).toMatch(/^KR_SCORE: current ".*" is not done \/ not done/);
    expect(error.render('pl')).toMatch(/^KR_SCORE: current „.*” nie mówi, czy zrobione/);
  });

  it('uses the fallback for a blank switch', () => {
    expect(readFlag('', target)).toBe(false);
    expect(readFlag('', target, true)).toBe(true);
    expect(readFlag('tak', target)).toBe(true);
  });
});

describe('readDay', () => {
  const jan4 = dayFromIso('2027-01-04');

  it('reads a Date at local midnight in Warsaw (winter, UTC+1) as that calendar day', () => {
    expect(readDay(new Date('2027-01-03T23:00:00Z'), asOf)).toBe(jan4);
  });

  it('reads a Date at local midnight in Warsaw in summer time (UTC+2) as that calendar day', () => {
    expect(readDay(new Date('2027-07-03T22:00:00Z'), asOf)).toBe(dayFromIso('2027-07-04'));
  });

  it('reads a Date at UTC midnight as that calendar day', () => {
    expect(readDay(new Date('2027-01-04T00:00:00Z'), asOf)).toBe(jan4);
  });

  it('uses the spreadsheet serial day numbers (1970-01-01 is 25569)', () => {
    expect(dayFromIso('1970-01-01')).toBe(25_569);
    expect(jan4).toBe(46_391);
  });

  it('reads a serial number, dropping the time of day', () => {
    expect(readDay(46_391, asOf)).toBe(jan4);
    expect(readDay(46_391.75, asOf)).toBe(jan4);
  });

  it.each([['2027-01-04'], ['04.01.2027'], ['4.1.2027'], ['04/01/2027'], [' 2027-01-04 ']])(
    'reads the text %j as 2027-01-04',
    (text) => {
      expect(readDay(text, asOf)).toBe(jan4);
    },
  );

  it('reads a blank date as null', () => {
    expect(readDay('', asOf)).toBeNull();
    expect(readDay(undefined, asOf)).toBeNull();
  });

  it.each([
    ['2027-02-30'],
    ['31.04.2027'],
    ['2027-13-01'],
    ['2027-00-10'],
    ['tomorrow'],
    [0],
    [-1],
    [1e300],
    [Number.NaN],
    [true],
    [new Date(Number.NaN)],
  ])('refuses %j as no date', (value) => {
    const error = inputErrorOf(() => readDay(value, asOf));
    expect(error.key).toBe('notADate');
    expect(error.message).toMatch(/^KR_PACE: as_of ".*" is not a date$/);
  });

  it('names an impossible date as typed', () => {
    expect(inputErrorOf(() => readDay('2027-02-30', asOf)).message).toBe('KR_PACE: as_of "2027-02-30" is not a date');
    expect(inputErrorOf(() => readDay('2027-02-30', asOf)).render('pl')).toBe(
      'KR_PACE: as_of „2027-02-30” nie jest datą',
    );
  });

  it('turns serial days and ISO dates into each other without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), (day) => {
        expect(dayFromIso(isoFromDay(day))).toBe(day);
        expect(readDay(isoFromDay(day), asOf)).toBe(day);
      }),
    );
  });

  it('reads a Date at any local midnight within ±12 hours of UTC as the same day as its ISO date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), fc.integer({ min: -11, max: 12 }), (day, offset) => {
        const localMidnight = new Date(Date.parse(`${isoFromDay(day)}T00:00:00Z`) - offset * 3_600_000);
        expect(readDay(localMidnight, asOf)).toBe(day);
      }),
    );
  });
});
