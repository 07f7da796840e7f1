// The deal formulas as pure functions of cell values: WEIGHTED_PIPELINE, FORECAST_ROLLUP, WIN_RATE,
// SALES_CYCLE and COVERAGE_NEEDED, with the messages bad input gets (function, argument, row and value).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_NEEDED,
  FORECAST_ROLLUP,
  type Formula,
  SALES_CYCLE,
  WEIGHTED_PIPELINE,
  WIN_RATE,
} from '../../src/core/formulas';
import { InputError } from '../../src/core/input-error';

const col = (...values: unknown[]) => values.map((value) => [value]);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

function message(formula: Formula, args: unknown[], lang: 'en' | 'pl' = 'en'): string {
  try {
    formula.evaluate(args);
  } catch (error) {
    if (error instanceof InputError) return error.render(lang);
    throw error;
  }
  throw new Error('no error');
}

describe('WEIGHTED_PIPELINE', () => {
  it('sums amount × probability, probability as a percent, a fraction or a percent number', () => {
    expect(WEIGHTED_PIPELINE.evaluate([col(100_000, '40 000 zł', 10), col('50%', 0.25, 60)])).toBe(60_006);
  });

  it('skips a row with a blank amount or probability, and takes one probability for all rows', () => {
    expect(WEIGHTED_PIPELINE.evaluate([col(100, '', 50), col(0.5, 0.5, '')])).toBe(50);
    expect(WEIGHTED_PIPELINE.evaluate([col(100, 300), '50%'])).toBe(200);
  });

  it('names the function, argument, row and value of a bad cell', () => {
    expect(message(WEIGHTED_PIPELINE, [col(1, 'abc'), col(1, 1)])).toBe(
      'WEIGHTED_PIPELINE: amounts "abc" is not a number (row 2 of the range)',
    );
    expect(message(WEIGHTED_PIPELINE, [col(1, 2), col(0.5, '150%')])).toBe(
      'WEIGHTED_PIPELINE: probabilities must be between 0% and 100% (got 150%) (row 2 of the range)',
    );
    expect(message(WEIGHTED_PIPELINE, [col(1, 2, 3), col(1, 1)])).toContain('probabilities has 2×1 cells');
  });

  it('equals the sum of the rows’ products (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 100 })), { minLength: 2 }),
        (rows) => {
          const expected = rows.reduce((sum, [amount, percent]) => sum + amount * (percent / 100), 0);
          const got = WEIGHTED_PIPELINE.evaluate([
            rows.map(([amount]) => [amount]),
            rows.map(([, percent]) => [`${percent}%`]),
          ]) as number;
          return Math.abs(got - expected) < 1e-6 * Math.max(1, expected);
        },
      ),
    );
  });
});

describe('FORECAST_ROLLUP', () => {
  const amounts = col(100, 50, 30, 20, 10, 5);
  const categories = col('closed', 'commit', 'best case', 'pipeline', 'omitted', '');

  it('applies the cumulative rules', () => {
    expect(FORECAST_ROLLUP.evaluate([amounts, categories, 'commit'])).toBe(150);
    expect(FORECAST_ROLLUP.evaluate([amounts, categories, 'best case'])).toBe(180);
    expect(FORECAST_ROLLUP.evaluate([amounts, categories, 'pipeline'])).toBe(100);
    expect(FORECAST_ROLLUP.evaluate([amounts, categories, 'zamknięte'])).toBe(100);
  });

  it('reads Polish category words and gives the three rollups in a column without a category', () => {
    const polish = col('zamknięte', 'pewne', 'najlepszy scenariusz', 'lejek', 'pominięte', '');
    expect(FORECAST_ROLLUP.evaluate([amounts, polish])).toEqual([[150], [180], [100]]);
  });

  it('names an unknown category word and its row', () => {
    expect(message(FORECAST_ROLLUP, [col(1, 2), col('commit', 'maybe'), 'commit'])).toBe(
      'FORECAST_ROLLUP: categories "maybe" is not one of: pipeline, best case, commit, closed, omitted (lejek, najlepszy scenariusz, pewne, zamknięte, pominięte) (row 2 of the range)',
    );
    expect(message(FORECAST_ROLLUP, [col(1), col('commit'), 'soon'])).toContain('category "soon"');
  });

  it('never gives commit above best case, nor best case below commit (property)', () => {
    const word = fc.constantFrom('closed', 'commit', 'best case', 'pipeline', 'omitted');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1e6), word), { minLength: 2 }), (rows) => {
        const args = [rows.map(([a]) => [a]), rows.map(([, c]) => [c])];
        const [commit, best] = (FORECAST_ROLLUP.evaluate(args) as number[][]).map((row) => row[0] as number);
        return (commit as number) <= (best as number);
      }),
    );
  });
});

describe('WIN_RATE', () => {
  const outcomes = col('won', 'lost', 'open', 'wygrana', 'przegrana', 'won');
  const closed = col(day('2027-01-10'), day('2027-01-20'), '', day('2027-02-05'), day('2027-02-10'), '');

  it('is won ÷ (won + lost), open deals never counting', () => {
    expect(WIN_RATE.evaluate([outcomes])).toBeCloseTo(3 / 5);
  });

  it('counts only the deals closed in the period', () => {
    expect(WIN_RATE.evaluate([outcomes, closed, day('2027-01-01'), day('2027-01-31')])).toBe(0.5);
    expect(WIN_RATE.evaluate([outcomes, closed, day('2027-02-01'), ''])).toBe(0.5);
    expect(WIN_RATE.evaluate([outcomes, closed, day('2027-03-01'), day('2027-03-31')])).toBe('');
  });

  it('names a bad outcome and a period given backwards', () => {
    expect(message(WIN_RATE, [col('won', 'maybe')])).toBe(
      'WIN_RATE: outcome "maybe" is not one of: won, lost, open (wygrana, przegrana, otwarta) (row 2 of the range)',
    );
    expect(message(WIN_RATE, [outcomes, closed, day('2027-02-01'), day('2027-01-01')], 'pl')).toBe(
      'WIN_RATE: to 2027-01-01 jest przed from 2027-02-01',
    );
  });
});

describe('SALES_CYCLE', () => {
  it('is the mean days of the won deals', () => {
    const created = col(day('2027-01-01'), day('2027-01-01'), day('2027-01-01'));
    const closed = col(day('2027-01-31'), day('2027-01-11'), day('2027-03-01'));
    expect(SALES_CYCLE.evaluate([created, closed, col('won', 'won', 'lost')])).toBe(20);
    expect(SALES_CYCLE.evaluate([created, closed])).toBeCloseTo((30 + 10 + 59) / 3);
    expect(SALES_CYCLE.evaluate([created, closed, col('open', 'lost', 'open')])).toBe('');
  });

  it('names a close date before its created date, with its row', () => {
    const created = col('2027-01-01', '2027-02-01');
    expect(message(SALES_CYCLE, [created, col('2027-01-05', '2027-01-15')])).toBe(
      'SALES_CYCLE: closed 2027-01-15 is before created 2027-02-01 (row 2 of the range)',
    );
  });
});

describe('COVERAGE_NEEDED', () => {
  it('is 1 ÷ win rate, for a percent, a fraction or a percent number', () => {
    expect(COVERAGE_NEEDED.evaluate(['25%'])).toBe(4);
    expect(COVERAGE_NEEDED.evaluate([0.5])).toBe(2);
    expect(COVERAGE_NEEDED.evaluate([20])).toBe(5);
    expect(COVERAGE_NEEDED.evaluate([col(0.25, '')])).toEqual([[4], ['']]);
  });

  it('refuses a win rate of 0 or above 100', () => {
    expect(message(COVERAGE_NEEDED, [0])).toBe('COVERAGE_NEEDED: win_rate must be greater than 0 (got 0)');
    expect(message(COVERAGE_NEEDED, [150])).toBe('COVERAGE_NEEDED: win_rate must be between 0 and 100 (got 150)');
  });
});
