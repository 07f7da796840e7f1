import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KR_SCORE, OKR_SCORE } from '../../src/core/formulas';
import { InputError } from '../../src/core/input-error';
import {
  inferKind,
  KEY_RESULT_KINDS,
  type KeyResultKind,
  objectiveScore,
  parseKind,
  scoreKeyResult,
} from '../../src/core/score';

/** KR_SCORE on single values, which answer with one number (or '' when there is nothing to score). */
function krScore(...args: unknown[]): unknown {
  return KR_SCORE.evaluate(args);
}

describe('the worked examples of the domain brief', () => {
  it.each([
    { kr: 'new retainer clients', start: 0, target: 4, current: 3, score: 0.75 },
    { kr: 'average deal value, zł', start: 40_000, target: 60_000, current: 52_000, score: 0.6 },
    { kr: 'time from lead to first meeting, days', start: 10, target: 2, current: 4, score: 0.75 },
    { kr: 'win rate', start: 0.2, target: 0.3, current: 0.35, score: 1 },
    { kr: 'sales cycle, days', start: 60, target: 45, current: 52, score: 8 / 15 },
  ])('scores "$kr" $start → $target, now $current, as $score', ({ start, target, current, score }) => {
    expect(scoreKeyResult({ start, target, current })).toBeCloseTo(score, 10);
    expect(krScore(start, target, current)).toBeCloseTo(score, 10);
  });

  it('scores the sales cycle 60 → 45 days, now 52, as 0.53', () => {
    expect(scoreKeyResult({ start: 60, target: 45, current: 52 })).toBeCloseTo(0.5333, 4);
  });

  it('scores the win rate 20% → 30%, now 35%, as 1.5 when overachievement is allowed', () => {
    expect(scoreKeyResult({ start: 0.2, target: 0.3, current: 0.35, allowOver: true })).toBeCloseTo(1.5, 10);
    expect(krScore('20%', '30%', '35%', '', true)).toBeCloseTo(1.5, 10);
    expect(krScore('20%', '30%', '35%', '', 'tak')).toBeCloseTo(1.5, 10);
    expect(krScore('20%', '30%', '35%')).toBe(1);
  });

  it('scores churn at most 4% with no start, now 5%, as 0.80', () => {
    expect(scoreKeyResult({ start: null, target: 0.04, current: 0.05, kind: 'atMost' })).toBeCloseTo(0.8, 10);
    expect(krScore('', '4%', '5%', 'at most')).toBeCloseTo(0.8, 10);
    expect(krScore('—', 0.04, 0.05, 'co najwyżej')).toBeCloseTo(0.8, 10);
  });

  it('reads the examples typed as CRM text', () => {
    expect(krScore('40 000 zł', '60 000 zł', '52 000 zł')).toBeCloseTo(0.6, 10);
    expect(krScore('10 dni', '2 dni', '4 dni')).toBeCloseTo(0.75, 10);
  });

  it('scores the objective of the first three results, weights 2, 1, 1, as 0.7125', () => {
    expect(objectiveScore([0.75, 0.6, 0.75], [2, 1, 1])).toBeCloseTo(0.7125, 10);
    expect(
      OKR_SCORE.evaluate([
        [[0.75], [0.6], [0.75]],
        [[2], [1], [1]],
      ]),
    ).toBeCloseTo(0.7125, 10);
  });
});

describe('kinds of key result', () => {
  it.each([
    ['increase', 0, 8, 2, 0.25],
    ['wzrost', 0, 8, 2, 0.25],
    ['decrease', 60, 45, 52, 8 / 15],
    ['spadek', 60, 45, 52, 8 / 15],
    ['decrease', '8%', '5%', '6%', 2 / 3],
    ['at least', '', 50, 40, 0.8],
    ['co najmniej', '', 50, 40, 0.8],
    ['at_least', '', '85%', '68%', 0.8],
    ['at most', '', '3%', '4%', 0.75],
    ['co najwyżej', '', '3%', '4%', 0.75],
    ['co najwyzej', '', '3%', '2%', 1],
    ['AT MOST', '', 3, 3, 1],
  ])('scores a "%s" result %j → %j, now %j, as %d', (kind, start, target, current, score) => {
    expect(krScore(start, target, current, kind)).toBeCloseTo(score, 10);
  });

  it.each([
    ['milestone', 'yes', 1],
    ['milestone', 'no', 0],
    ['kamień milowy', 'tak', 1],
    ['kamien milowy', 'nie', 0],
    ['milestone', true, 1],
    ['milestone', false, 0],
    ['milestone', 'done', 1],
    ['milestone', 1, 1],
    ['milestone', 0, 0],
    ['', 'TRUE', 1],
    ['', 'tak', 1],
    ['', 'nie', 0],
    ['', false, 0],
  ])('scores a milestone (kind %j) whose current is %j as %d', (kind, current, score) => {
    expect(krScore('no', 'yes', current, kind)).toBe(score);
  });

  it('scores a milestone in the pure core: 1 done, 0 not done', () => {
    expect(scoreKeyResult({ start: null, target: null, current: 1, kind: 'milestone' })).toBe(1);
    expect(scoreKeyResult({ start: null, target: null, current: 0, kind: 'milestone' })).toBe(0);
  });

  it('refuses a milestone answer that is neither done nor not done', () => {
    expect(() => krScore('', '', 'maybe', 'milestone')).toThrow(InputError);
  });

  it('refuses an unknown kind, listing the kinds it knows', () => {
    expect(() => krScore(0, 4, 3, 'sideways')).toThrow(
      'KR_SCORE: kind "sideways" is not one of: increase, decrease, at least, at most, milestone',
    );
    try {
      krScore(0, 4, 3, 'sideways');
    } catch (error) {
      expect((error as InputError).render('pl')).toBe(
        'KR_SCORE: rodzaj „sideways” nie jest jednym z: wzrost, spadek, co najmniej, co najwyżej, kamień milowy',
      );
    }
  });

  it.each([['constructor'], ['__proto__'], ['toString']])('does not take the object property %j for a kind', (word) => {
    expect(parseKind(word)).toBeNull();
    expect(() => krScore(0, 4, 3, word)).toThrow(InputError);
  });

  it.each([
    ['increase', 'increase'],
    ['Wzrost', 'increase'],
    ['spadek', 'decrease'],
    ['at-least', 'atLeast'],
    ['Co  najmniej', 'atLeast'],
    ['at_most', 'atMost'],
    ['co najwyżej', 'atMost'],
    ['Kamień milowy', 'milestone'],
  ])('reads the kind word %j as %s', (word, kind) => {
    expect(parseKind(word)).toBe(kind);
  });
});

describe('scoring rules', () => {
  it('scores a decreasing KR from its baseline', () => {
    expect(scoreKeyResult({ start: 60, target: 45, current: 52 })).toBeCloseTo(8 / 15, 10);
  });

  it.each([
    [0.3, 0.3, 0.31, '', 1],
    [0.3, 0.3, 0.3, '', 1],
    [0.3, 0.3, 0.29, '', 0],
    [5, 5, 4, 'at most', 1],
    [5, 5, 5, 'at most', 1],
    [5, 5, 6, 'at most', 0],
    [5, 5, 6, 'at least', 1],
  ])('holds the level %d = %d: now %d (kind %j) scores %d', (start, target, current, kind, score) => {
    expect(krScore(start, target, current, kind)).toBe(score);
  });

  it.each([
    [10, 20, 5],
    [60, 45, 65],
    [0.08, 0.05, 0.09],
  ])('scores 0 when %d → %d is now on the wrong side of the baseline (%d)', (start, target, current) => {
    expect(scoreKeyResult({ start, target, current })).toBe(0);
    expect(scoreKeyResult({ start, target, current, allowOver: true })).toBe(0);
  });

  it('caps overachievement at 1 unless allowed to run above', () => {
    expect(scoreKeyResult({ start: 0, target: 8, current: 12 })).toBe(1);
    expect(scoreKeyResult({ start: 0, target: 8, current: 12, allowOver: true })).toBe(1.5);
    expect(scoreKeyResult({ start: 60, target: 45, current: 30, allowOver: true })).toBe(2);
  });

  it('scores halfway between extreme start and target as 0.5, not as an overflow to 0', () => {
    expect(krScore(-1e308, 1e308, 0)).toBe(0.5);
    expect(krScore(1e308, -1e308, 0)).toBe(0.5);
    expect(krScore(-1e308, 0, 1e308, '', true)).toBe(2);
    expect(scoreKeyResult({ start: -Number.MAX_VALUE, target: Number.MAX_VALUE, current: Number.MAX_VALUE })).toBe(1);
  });

  it('leaves the score blank, not 0 and not an error, when there is no current value', () => {
    expect(scoreKeyResult({ start: 0, target: 4, current: null })).toBeNull();
    expect(krScore(0, 4, '')).toBe('');
    expect(krScore(0, 4, '-')).toBe('');
    expect(krScore('', '', '', 'milestone')).toBe('');
    expect(krScore(0, 4)).toBe('');
  });

  it('leaves the score blank when there is no target', () => {
    expect(krScore(0, '', 3)).toBe('');
  });

  it('scores a result with no start as current / target (at least, or direction unknown)', () => {
    expect(scoreKeyResult({ start: null, target: 50, current: 40 })).toBeCloseTo(0.8, 10);
    expect(krScore('', 50, 40)).toBeCloseTo(0.8, 10);
    expect(scoreKeyResult({ start: null, target: 50, current: 60, allowOver: true })).toBeCloseTo(1.2, 10);
  });

  it('scores "at most" with no start as 1 at or below the target, else target / current', () => {
    expect(scoreKeyResult({ start: null, target: 3, current: 2, kind: 'atMost' })).toBe(1);
    expect(scoreKeyResult({ start: null, target: 3, current: 6, kind: 'atMost' })).toBe(0.5);
  });

  it('scores a threshold at or below zero as simply met or not, never as a ratio', () => {
    // Net churn at most -2%: -1% misses it, -3% meets it.
    expect(krScore('', '-2%', '-1%', 'at most')).toBe(0);
    expect(krScore('', '-2%', '-3%', 'at most')).toBe(1);
    expect(krScore('', '-2%', '1%', 'at most')).toBe(0);
    expect(krScore('', -5, -10, 'at least')).toBe(0);
    expect(krScore('', -5, -1, 'at least')).toBe(1);
    expect(krScore('', 0, 5, 'at least')).toBe(1);
    expect(krScore('', 0, -5, 'at least')).toBe(0);
  });

  it.each([
    [60, 45, 'decrease'],
    [null, 50, 'atLeast'],
    [0, 8, 'increase'],
    [5, 5, 'increase'],
    [5, null, 'increase'],
  ] as const)('infers from start %j and target %j the kind %s', (start, target, kind) => {
    expect(inferKind(start, target)).toBe(kind);
  });

  it('gives the same score whether a kind is inferred or stated', () => {
    expect(krScore(60, 45, 52)).toBe(krScore(60, 45, 52, 'decrease'));
    expect(krScore(0, 8, 2)).toBe(krScore(0, 8, 2, 'increase'));
    expect(krScore('', 50, 40)).toBe(krScore('', 50, 40, 'at least'));
  });

  it('names the argument that holds text which is no number', () => {
    expect(() => krScore(0, 'abc', 3)).toThrow('KR_SCORE: target "abc" is not a number');
    expect(() => krScore(0, 4, 'lots')).toThrow('KR_SCORE: current "lots" is not a number');
    expect(() => krScore(0, 4, 3, '', 'perhaps')).toThrow(InputError);
  });
});

describe('objective score', () => {
  it('weights default to 1', () => {
    expect(objectiveScore([0.5, 1])).toBe(0.75);
    expect(OKR_SCORE.evaluate([[[0.5], [1]]])).toBe(0.75);
    expect(
      OKR_SCORE.evaluate([
        [[0.5], [1]],
        [[''], ['']],
      ]),
    ).toBe(0.75);
  });

  it('averages only the results that have a score', () => {
    expect(objectiveScore([0.5, null, 1], [1, 5, 1])).toBe(0.75);
    expect(
      OKR_SCORE.evaluate([
        [[0.5], [''], [1]],
        [[1], [5], [1]],
      ]),
    ).toBe(0.75);
  });

  it('is blank when no result has a score yet', () => {
    expect(objectiveScore([null, null])).toBeNull();
    expect(OKR_SCORE.evaluate([[[''], ['']]])).toBe('');
    expect(
      OKR_SCORE.evaluate([
        [[0.5], [1]],
        [[0], [0]],
      ]),
    ).toBe('');
  });

  it('broadcasts a single weight to every result', () => {
    expect(OKR_SCORE.evaluate([[[0.5], [1]], 3])).toBe(0.75);
  });

  it('refuses a negative weight, and weights that do not match the scores', () => {
    try {
      OKR_SCORE.evaluate([
        [[0.5], [1]],
        [[1], [-1]],
      ]);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).render('en')).toBe(
        'OKR_SCORE: weights must not be negative (got -1) (row 2 of the range)',
      );
    }
    expect(() =>
      OKR_SCORE.evaluate([
        [[0.5], [1], [1]],
        [[1], [2]],
      ]),
    ).toThrow(/weights has 2×1 cells but scores has 3×1/);
  });

  it('locates a bad score at its row, or at its column in a row of scores', () => {
    expect(() => OKR_SCORE.evaluate([[[0.5], ['x']]])).toThrow(
      expect.objectContaining({ cell: { row: 2, column: 1, columns: 1 } }),
    );
    try {
      OKR_SCORE.evaluate([[[0.5, 'x', 1]]]);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).render('en')).toBe(
        'OKR_SCORE: scores "x" is not a number (row 1, column 2 of the range)',
      );
    }
  });
});

describe('score properties', () => {
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
  const kinds = fc.constantFrom<KeyResultKind | null>(null, ...KEY_RESULT_KINDS);

  it('keeps a capped score within 0…1', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ noNaN: true })),
        fc.option(fc.double({ noNaN: true })),
        fc.double({ noNaN: true }),
        kinds,
        (start, target, current, kind) => {
          const score = scoreKeyResult({ start, target, current, kind });
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('keeps an uncapped score finite and never below 0', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ noNaN: true })),
        fc.option(fc.double({ noNaN: true })),
        fc.double({ noNaN: true }),
        kinds,
        (start, target, current, kind) => {
          const score = scoreKeyResult({ start, target, current, kind, allowOver: true });
          if (score !== null) {
            expect(Number.isFinite(score)).toBe(true);
            expect(score).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('never lowers the score as current moves toward the target, for increasing and decreasing KRs', () => {
    fc.assert(
      fc.property(value, value, value, value, fc.boolean(), (start, target, a, b, allowOver) => {
        // A start and a target closer than any sales figure (5e-324 apart) overflow the uncapped ratio.
        fc.pre(Math.abs(target - start) > 1e-9);
        const [farther, nearer] = target > start ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
        const before = scoreKeyResult({ start, target, current: farther, allowOver }) as number;
        const after = scoreKeyResult({ start, target, current: nearer, allowOver }) as number;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('never lowers the score of a threshold with no start as current moves toward it', () => {
    fc.assert(
      fc.property(value, value, value, fc.constantFrom<KeyResultKind>('atLeast', 'atMost'), (target, a, b, kind) => {
        const lowerIsBetter = kind === 'atMost';
        const [farther, nearer] = lowerIsBetter ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
        const before = scoreKeyResult({ start: null, target, current: farther, kind }) as number;
        const after = scoreKeyResult({ start: null, target, current: nearer, kind }) as number;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('scores 1 exactly at the target and 0 exactly at the start', () => {
    fc.assert(
      fc.property(value, value, (start, target) => {
        fc.pre(start !== target);
        expect(scoreKeyResult({ start, target, current: target })).toBe(1);
        expect(scoreKeyResult({ start, target, current: start })).toBe(0);
      }),
    );
  });

  it('keeps the objective score between the lowest and the highest KR score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.double({ min: 0, max: 1, noNaN: true })), fc.integer({ min: 0, max: 10 })), {
          minLength: 1,
        }),
        (rows) => {
          const scores = rows.map(([score]) => score);
          const score = objectiveScore(
            scores,
            rows.map(([, weight]) => weight),
          );
          const present = rows.filter(([s, w]) => s !== null && w > 0).map(([s]) => s as number);
          if (present.length === 0) return;
          expect(score).not.toBeNull();
          expect(score as number).toBeGreaterThanOrEqual(Math.min(...present) - 1e-12);
          expect(score as number).toBeLessThanOrEqual(Math.max(...present) + 1e-12);
        },
      ),
    );
  });
});
