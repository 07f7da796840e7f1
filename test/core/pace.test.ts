import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { KR_PACE, KR_STATUS } from '../../src/core/formulas';
import { InputError } from '../../src/core/input-error';
import {
  ASPIRATIONAL,
  COMMITTED,
  expectedProgress,
  STATUS_EMOJI,
  statusOf,
  weeksCompleted,
  weeksInQuarter,
} from '../../src/core/pace';

// Q1 2027: Friday 1 January to Wednesday 31 March, 90 days.
const q1Start = dayFromIso('2027-01-01');
const q1End = dayFromIso('2027-03-31');

// Local midnight in Warsaw, the way Apps Script passes the date cells of a Polish spreadsheet: UTC+1 in
// winter, UTC+2 from 28 March 2027.
const warsaw = {
  jan1: new Date('2026-12-31T23:00:00Z'),
  jan15: new Date('2027-01-14T23:00:00Z'),
  mar31: new Date('2027-03-30T22:00:00Z'),
};

describe('weeksInQuarter', () => {
  it.each([
    ['a calendar quarter of 90 days', q1Start, q1End, 13],
    ['a calendar quarter of 92 days', dayFromIso('2027-07-01'), dayFromIso('2027-09-30'), 13],
    ['a fiscal quarter of 13 whole weeks', dayFromIso('2027-01-04'), dayFromIso('2027-04-04'), 13],
    ['a 14-week quarter', dayFromIso('2027-01-04'), dayFromIso('2027-04-11'), 14],
    ['a quarter of a single day', q1Start, q1Start, 1],
  ])('counts %s as %d weeks', (_name, start, end, weeks) => {
    expect(weeksInQuarter(start, end)).toBe(weeks);
  });
});

describe('expectedProgress', () => {
  it('expects nothing during week 1', () => {
    expect(expectedProgress(q1Start, q1End, q1Start)).toBe(0);
    expect(expectedProgress(q1Start, q1End, q1Start + 6)).toBe(0);
  });

  it('counts whole weeks completed', () => {
    expect(expectedProgress(q1Start, q1End, q1Start + 7)).toBe(1 / 13);
    expect(expectedProgress(q1Start, q1End, q1Start + 14)).toBe(2 / 13);
    expect(expectedProgress(q1Start, q1End, q1Start + 20)).toBe(2 / 13);
  });

  it('expects everything from the quarter’s last day on', () => {
    expect(expectedProgress(q1Start, q1End, q1End)).toBe(1);
    expect(expectedProgress(q1Start, q1End, q1End + 30)).toBe(1);
  });

  it('expects nothing before the quarter starts', () => {
    expect(expectedProgress(q1Start, q1End, q1Start - 10)).toBe(0);
    expect(weeksCompleted(q1Start, q1End, q1Start - 100)).toBe(0);
  });

  it('stays within 0…1 and never goes back as the weeks pass', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 0, max: 30 }),
        (start, length, offset, step) => {
          const end = start + length;
          const before = expectedProgress(start, end, start + offset);
          const after = expectedProgress(start, end, start + offset + step);
          expect(before).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(1);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});

describe('statusOf', () => {
  it.each([
    [1, 'green'],
    [0.7, 'green'],
    [0.69, 'yellow'],
    [0.4, 'yellow'],
    [0.39, 'red'],
    [0, 'red'],
  ] as const)('grades an aspirational score of %d at quarter end as %s', (score, status) => {
    expect(statusOf(score, 1, ASPIRATIONAL)).toBe(status);
    expect(statusOf(score)).toBe(status);
  });

  it.each([
    [1, 'green'],
    [0.99, 'yellow'],
    [0.7, 'yellow'],
    [0.69, 'red'],
  ] as const)('grades a committed score of %d at quarter end as %s', (score, status) => {
    expect(statusOf(score, 1, COMMITTED)).toBe(status);
  });

  it('scales the bands by the expected progress', () => {
    expect(statusOf(0.35, 0.5)).toBe('green');
    expect(statusOf(0.34, 0.5)).toBe('yellow');
    expect(statusOf(0.2, 0.5)).toBe('yellow');
    expect(statusOf(0.19, 0.5)).toBe('red');
    expect(statusOf(0.5, 0.5, COMMITTED)).toBe('green');
    expect(statusOf(0.35, 0.5, COMMITTED)).toBe('yellow');
  });

  it('puts nothing behind in week 1', () => {
    expect(statusOf(0, 0)).toBe('green');
    expect(statusOf(0, 0, COMMITTED)).toBe('green');
  });

  it('never grades a milestone not done as green: yellow while nothing is expected, red by the rule after', () => {
    expect(statusOf(0, 0, ASPIRATIONAL, 'milestone')).toBe('yellow');
    expect(statusOf(0, 0, COMMITTED, 'milestone')).toBe('yellow');
    expect(statusOf(0, 1 / 13, ASPIRATIONAL, 'milestone')).toBe('red');
    expect(statusOf(0, 1, COMMITTED, 'milestone')).toBe('red');
    expect(statusOf(1, 0, ASPIRATIONAL, 'milestone')).toBe('green');
    expect(statusOf(1, 1, COMMITTED, 'milestone')).toBe('green');
    expect(statusOf(0, 0, ASPIRATIONAL, 'increase')).toBe('green');
  });

  it('grades 0.7 computed as 0.6999999999999998 as green', () => {
    expect(statusOf(0.6999999999999998)).toBe('green');
    expect(statusOf(0.3999999999999999)).toBe('yellow');
    expect(statusOf(0.9999999999999998, 1, COMMITTED)).toBe('green');
  });
});

describe('KR_PACE', () => {
  it('takes the Date objects Apps Script passes for date cells', () => {
    expect(KR_PACE.evaluate([warsaw.jan1, warsaw.mar31, warsaw.jan15])).toBe(2 / 13);
  });

  it('takes serial numbers and date text', () => {
    expect(KR_PACE.evaluate([q1Start, q1End, q1Start + 14])).toBe(2 / 13);
    expect(KR_PACE.evaluate(['2027-01-01', '31.03.2027', '15.01.2027'])).toBe(2 / 13);
  });

  it('is 0 in week 1 and 1 at quarter end', () => {
    expect(KR_PACE.evaluate(['2027-01-01', '2027-03-31', '2027-01-03'])).toBe(0);
    expect(KR_PACE.evaluate(['2027-01-01', '2027-03-31', '2027-03-31'])).toBe(1);
    expect(KR_PACE.evaluate(['2027-01-01', '2027-03-31', '2027-06-30'])).toBe(1);
  });

  it('is blank while a date is missing', () => {
    expect(KR_PACE.evaluate(['2027-01-01', '2027-03-31', ''])).toBe('');
    expect(KR_PACE.evaluate(['', '2027-03-31', '2027-01-15'])).toBe('');
  });

  it('says clearly when the quarter ends before it starts', () => {
    const call = () => KR_PACE.evaluate([warsaw.mar31, warsaw.jan1, warsaw.jan15]);
    expect(call).toThrow(InputError);
    expect(call).toThrow('KR_PACE: quarter_end 2027-01-01 is before quarter_start 2027-03-31');
    try {
      call();
    } catch (error) {
      expect((error as InputError).render('pl')).toBe(
        'KR_PACE: quarter_end 2027-01-01 jest przed quarter_start 2027-03-31',
      );
    }
  });

  it('names a date argument that is no date', () => {
    expect(() => KR_PACE.evaluate(['2027-01-01', '2027-02-30', '2027-01-15'])).toThrow(
      'KR_PACE: quarter_end "2027-02-30" is not a date',
    );
  });
});

describe('KR_STATUS', () => {
  it.each([
    [0.7, STATUS_EMOJI.green],
    [0.5, STATUS_EMOJI.yellow],
    [0.2, STATUS_EMOJI.red],
    ['70%', '🟢'],
    [0.6999999999999998, '🟢'],
  ])('shows the score %j at quarter end as %s', (score, emoji) => {
    expect(KR_STATUS.evaluate([score])).toBe(emoji);
  });

  it('uses the emoji of the check-in template', () => {
    expect(STATUS_EMOJI).toEqual({ green: '🟢', yellow: '🟡', red: '🔴' });
  });

  it('is blank, not red, for a blank score', () => {
    expect(KR_STATUS.evaluate([''])).toBe('');
    expect(KR_STATUS.evaluate(['', 0.5])).toBe('');
    expect(KR_STATUS.evaluate(['—'])).toBe('');
  });

  it('measures the score against the expected progress', () => {
    expect(KR_STATUS.evaluate([0.35, 0.5])).toBe('🟢');
    expect(KR_STATUS.evaluate([0.3, '50%'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0, 0])).toBe('🟢');
    const pace = KR_PACE.evaluate(['2027-01-01', '2027-03-31', '2027-01-29']);
    expect(KR_STATUS.evaluate([0.3, pace])).toBe('🟢');
  });

  it('takes committed bands as fractions or as percents', () => {
    expect(KR_STATUS.evaluate([0.9, 1, 1, 0.7])).toBe('🟡');
    expect(KR_STATUS.evaluate([0.6, 1, '100%', '70%'])).toBe('🔴');
    expect(KR_STATUS.evaluate([1, 1, 100, 70])).toBe('🟢');
  });

  it('refuses an expected progress outside 0…1 and a band outside 0…100%', () => {
    expect(() => KR_STATUS.evaluate([0.5, 1.5])).toThrow('KR_STATUS: expected must be between 0 and 1 (got 1.5)');
    expect(() => KR_STATUS.evaluate([0.5, 1, 150])).toThrow(/KR_STATUS: green_at must be between 0 and 1/);
  });
});

describe('KR_STATUS with the KR type instead of a green threshold', () => {
  it('uses the committed bands for "committed" and "zobowiązujący"', async () => {
    const { KR_STATUS } = await import('../../src/core/formulas');
    expect(KR_STATUS.evaluate([0.8, 1, 'committed'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0.8, 1, 'zobowiązujący'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0.8, 1, 'aspirational'])).toBe('🟢');
  });

  it('refuses a word that is neither a number nor a type, naming it', async () => {
    const { KR_STATUS } = await import('../../src/core/formulas');
    for (const word of ['maybe', 'constructor']) {
      expect(() => KR_STATUS.evaluate([0.8, 1, word])).toThrow(`KR_STATUS: green_at "${word}" is neither a number`);
    }
  });
});
