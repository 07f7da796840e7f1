import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { forecastValue, naturalBounds, neededPerWeek, parseScenario } from '../../src/core/forecast';
import { ICE, KR_FORECAST, KR_NEEDED_PER_WEEK, PIPELINE_COVERAGE, RICE, SALES_VELOCITY } from '../../src/core/formulas';
import { InputError } from '../../src/core/input-error';
import { asFraction, ice, pipelineCoverage, rice, salesVelocity } from '../../src/core/sales';

const d0 = dayFromIso('2027-01-04');
const column = (...cells: unknown[]) => cells.map((cell) => [cell]);

/** The InputError a call throws, rendered in English and Polish. */
function renderedError(call: () => unknown): { en: string; pl: string } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return { en: (error as InputError).render('en'), pl: (error as InputError).render('pl') };
  }
  throw new Error('expected an InputError');
}

describe('KR_FORECAST', () => {
  const weekly = column(d0, d0 + 7, d0 + 14);

  it('projects linear progress exactly with the standard (least-squares) scenario', () => {
    expect(KR_FORECAST.evaluate([column(10, 20, 30), weekly, d0 + 91])).toBeCloseTo(140, 9);
    expect(KR_FORECAST.evaluate([column(10, 20, 30), weekly, d0 + 91, 'standard'])).toBeCloseTo(140, 9);
  });

  it('fits a line exactly through any linear history', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 13 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 0, max: 400 }),
        (days, slope, intercept, end) => {
          const history = days.map((day) => ({ day: d0 + day, value: intercept + slope * day }));
          const forecast = forecastValue(history, d0 + end, 'standard') as number;
          expect(forecast).toBeCloseTo(intercept + slope * end, 4);
        },
      ),
    );
  });

  it('takes Date objects and CRM text, in any order', () => {
    const dates = column(
      new Date('2027-01-17T23:00:00Z'),
      new Date('2027-01-03T23:00:00Z'),
      new Date('2027-01-10T23:00:00Z'),
    );
    expect(KR_FORECAST.evaluate([column('30 000 zł', '10 000 zł', '20 000 zł'), dates, '2027-04-05'])).toBeCloseTo(
      140_000,
      6,
    );
  });

  it('continues the latest value at the slowest and the fastest weekly pace (pessimistic / optimistic, or min / max)', () => {
    const values = column(0, 5, 15);
    expect(KR_FORECAST.evaluate([values, weekly, d0 + 28, 'min'])).toBeCloseTo(25, 9);
    expect(KR_FORECAST.evaluate([values, weekly, d0 + 28, 'max'])).toBeCloseTo(35, 9);
    expect(KR_FORECAST.evaluate([values, weekly, d0 + 28, 'pesymistyczny'])).toBeCloseTo(25, 9);
    expect(KR_FORECAST.evaluate([values, weekly, d0 + 28, 'Optymistyczny'])).toBeCloseTo(35, 9);
  });

  it('puts the standard scenario between min and max', () => {
    const values = column(0, 5, 15);
    const [min, standard, max] = ['min', 'standard', 'max'].map(
      (scenario) => KR_FORECAST.evaluate([values, weekly, d0 + 28, scenario]) as number,
    );
    expect(min).toBeLessThanOrEqual(standard as number);
    expect(standard).toBeLessThanOrEqual(max as number);
  });

  it('is blank with fewer than two check-ins on different days', () => {
    expect(KR_FORECAST.evaluate([column(10, '', ''), weekly, d0 + 91])).toBe('');
    expect(KR_FORECAST.evaluate([column(10, 20), column(d0, d0), d0 + 91])).toBe('');
    expect(KR_FORECAST.evaluate([10, d0, d0 + 91])).toBe('');
    expect(forecastValue([], d0, 'optimistic')).toBeNull();
  });

  it('is blank without a quarter end', () => {
    expect(KR_FORECAST.evaluate([column(10, 20, 30), weekly, ''])).toBe('');
  });

  it('refuses an unknown scenario, listing the known ones', () => {
    expect(renderedError(() => KR_FORECAST.evaluate([column(10, 20), column(d0, d0 + 7), d0 + 91, 'best']))).toEqual({
      en: 'KR_FORECAST: scenario "best" is not one of: pessimistic, standard, optimistic (or min, max)',
      pl: 'KR_FORECAST: scenariusz „best” nie jest jednym z: pesymistyczny, standardowy, optymistyczny (albo min, max)',
    });
    expect(parseScenario('trend')).toBe('standard');
    expect(parseScenario('constructor')).toBeNull();
    expect(() => KR_FORECAST.evaluate([column(10, 20), column(d0, d0 + 7), d0 + 91, 'constructor'])).toThrow(
      InputError,
    );
  });

  it('names the scenarios by meaning: for a decreasing KR the pessimistic forecast is the higher value', () => {
    // Lead to first meeting, 10 → 2 days: fell 1, then 3 days a week; two weeks are left.
    const days = column(10, 9, 6);
    const decreasing = (scenario: string) =>
      KR_FORECAST.evaluate([days, weekly, d0 + 28, scenario, undefined, undefined, 10, 2]);
    expect(decreasing('pessimistic')).toBeCloseTo(4, 9);
    expect(decreasing('optimistic')).toBeCloseTo(0, 9);
    expect(decreasing('pessimistic')).toBeGreaterThan(decreasing('standard') as number);
    expect(decreasing('standard')).toBeGreaterThan(decreasing('optimistic') as number);
    // The same in Polish, with min / max kept as synonyms, and by the stated kind where start is blank.
    expect(decreasing('pesymistyczny')).toBe(decreasing('pessimistic'));
    expect(decreasing('Optymistyczny')).toBe(decreasing('optimistic'));
    expect(decreasing('min')).toBe(decreasing('pessimistic'));
    expect(decreasing('max')).toBe(decreasing('optimistic'));
    expect(decreasing('standardowy')).toBe(decreasing('standard'));
    const atMost = (scenario: string) =>
      KR_FORECAST.evaluate([days, weekly, d0 + 28, scenario, undefined, undefined, '', 2, 'dni', 'co najwyżej']);
    expect(atMost('pessimistic')).toBeCloseTo(4, 9);
    // history_ids and kr_ids left empty between other arguments, as Sheets may pass them ('' or undefined).
    expect(KR_FORECAST.evaluate([days, weekly, d0 + 28, 'pessimistic', '', '', 10, 2])).toBe(decreasing('pessimistic'));
    // An increasing KR keeps the lower value as its pessimistic one.
    const rising = (scenario: string) =>
      KR_FORECAST.evaluate([column(0, 5, 15), weekly, d0 + 28, scenario, undefined, undefined, 0, 40]);
    expect(rising('pessimistic')).toBeCloseTo(25, 9);
    expect(rising('optimistic')).toBeCloseTo(35, 9);
  });

  it('keeps the pessimistic forecast no better than the standard one, and the optimistic no worse', () => {
    // Flat, then a jump: the slowest pace (0) would land above the trend line.
    const values = column(0, 0, 10);
    const [pessimistic, standard, optimistic] = ['pessimistic', 'standard', 'optimistic'].map(
      (scenario) => KR_FORECAST.evaluate([values, weekly, d0 + 15, scenario]) as number,
    );
    expect(pessimistic).toBeLessThanOrEqual(standard as number);
    expect(standard).toBeLessThanOrEqual(optimistic as number);
  });

  it.each([
    { unit: 'count', word: 'liczba', start: 20, target: 5, values: [12, 8, 2] },
    { unit: 'currency', word: 'zł', start: 50_000, target: 10_000, values: [30_000, 20_000, 5_000] },
    { unit: 'days', word: 'dni', start: 10, target: 2, values: [10, 6, 2] },
    { unit: 'percent', word: '%', start: 0.05, target: 0.02, values: [0.04, 0.03, 0.01] },
  ])('never forecasts a $unit below 0', ({ word, start, target, values }) => {
    for (const scenario of ['pessimistic', 'standard', 'optimistic']) {
      const forecast = KR_FORECAST.evaluate([
        column(...values),
        weekly,
        d0 + 91,
        scenario,
        undefined,
        undefined,
        start,
        target,
        word,
      ]);
      expect(forecast).toBeGreaterThanOrEqual(0);
      // Never -0 either, which a cell shows as "-0".
      expect(Object.is(forecast, -0)).toBe(false);
    }
    // Churn falling 1 point a week would be −1 % and −2 % by the quarter's end; it stops at 0.
    expect(
      KR_FORECAST.evaluate([
        column(...values),
        weekly,
        d0 + 91,
        'optimistic',
        undefined,
        undefined,
        start,
        target,
        word,
      ]),
    ).toBe(0);
  });

  it('never forecasts a share of a whole above 100 %, but lets a ratio such as NRR run above it', () => {
    const winRate = column(0.6, 0.75, 0.9);
    expect(KR_FORECAST.evaluate([winRate, weekly, d0 + 91, 'optimistic', undefined, undefined, 0.6, 0.95, '%'])).toBe(
      1,
    );
    expect(KR_FORECAST.evaluate([winRate, weekly, d0 + 91, 'standard', undefined, undefined, 0.6, 0.95, '%'])).toBe(1);
    const nrr = column(1.0, 1.05, 1.1);
    expect(
      KR_FORECAST.evaluate([nrr, weekly, d0 + 91, 'standard', undefined, undefined, 1.0, 1.2, '%']),
    ).toBeGreaterThan(1.2);
    // Points (NPS) may go below 0; a unit not given bounds nothing.
    expect(naturalBounds('points', -10, 20)).toEqual({ lowest: null, highest: null });
    expect(
      KR_FORECAST.evaluate([column(0, -5, -10), weekly, d0 + 91, 'standard', undefined, undefined, 0, 20, 'pkt']),
    ).toBeLessThan(0);
    expect(KR_FORECAST.evaluate([column(3, 2, 1), weekly, d0 + 91])).toBeLessThan(0);
    // A bound never cuts off what was recorded: 120 % typed for a share stays reachable.
    expect(naturalBounds('percent', 0.5, 0.9, [1.2])).toEqual({ lowest: 0, highest: 1.2 });
  });

  it('reads start, target, unit and kind per row of kr_ids, and names a unit it does not know', () => {
    const values = column(10, 6, 2, 0.04, 0.03, 0.02);
    const dates = column(d0, d0 + 7, d0 + 14, d0, d0 + 7, d0 + 14);
    const ids = column('a', 'a', 'a', 'b', 'b', 'b');
    const answer = KR_FORECAST.evaluate([
      values,
      dates,
      d0 + 91,
      'standard',
      ids,
      column('a', 'b'),
      column(10, 0.05),
      column(2, 0.01),
      column('days', 'lightyears'),
      column('decrease', ''),
    ]) as unknown[][];
    expect(answer[0]?.[0]).toBe(0);
    const unknownUnit = answer[1]?.[0];
    expect(unknownUnit).toBeInstanceOf(InputError);
    expect((unknownUnit as InputError).render('en')).toBe(
      'KR_FORECAST: unit "lightyears" is not one of: count, currency (zł, €, $, £, PLN…), %, days, hours, points (row 2 of the range)',
    );
    expect(() => KR_FORECAST.evaluate([values, dates, d0 + 91, '', ids, column('a', 'b'), column(1, 2, 3)])).toThrow(
      /KR_FORECAST: start has 3×1 cells but kr_ids has 2×1/,
    );
  });

  it('refuses values and dates of different lengths, naming both', () => {
    expect(() => KR_FORECAST.evaluate([column(10, 20, 30), column(d0, d0 + 7), d0 + 91])).toThrow(
      /KR_FORECAST: dates has 2×1 cells but values has 3×1/,
    );
  });

  it('locates a bad value at its row of the range', () => {
    expect(renderedError(() => KR_FORECAST.evaluate([column(10, 'x', 30), weekly, d0 + 91])).en).toBe(
      'KR_FORECAST: values "x" is not a number (row 2 of the range)',
    );
    expect(
      renderedError(() => KR_FORECAST.evaluate([column(10, 20, 30), column(d0, 'soon', d0 + 14), d0 + 91])).pl,
    ).toBe('KR_FORECAST: dates „soon” nie jest datą (wiersz 2 zakresu)');
  });
});

describe('KR_FORECAST over many key results (history_ids, kr_ids)', () => {
  // History of three key results in one range, in recording order, as the History sheet holds it.
  const ids = column('Q1|O1', 'Q1|O2', 'Q1|O3', 'Q1|O1', 'Q1|O2', 'Q4|O1', 'Q1|O1');
  const values = column(10, 5, 7, 20, 9, 100, 30);
  const days = column(d0, d0, d0, d0 + 7, d0 + 7, d0 - 30, d0 + 14);
  const end = d0 + 91;
  const grouped = (krIds: unknown, scenario = 'standard', vals: unknown = values, dates: unknown = days) =>
    KR_FORECAST.evaluate([vals, dates, end, scenario, ids, krIds]);
  const rendered = (outcome: unknown) => (outcome instanceof InputError ? outcome.render('en') : outcome);

  it('answers in the shape of kr_ids, each key from its own rows only', () => {
    const answer = grouped(column('Q1|O1', 'Q1|O2', 'Q1|O1')) as unknown[][];
    expect(answer).toHaveLength(3);
    expect(answer.map((row) => row.length)).toEqual([1, 1, 1]);
    // O1 grew 10, 20, 30 a week apart in Q1 (its Q4 row of 100 is another key): 140 by day 91.
    expect(answer[0]?.[0]).toBeCloseTo(140, 9);
    expect(answer[2]?.[0]).toBeCloseTo(140, 9);
    expect(answer[1]?.[0]).toBeCloseTo(
      forecastValue(
        [
          { day: d0, value: 5 },
          { day: d0 + 7, value: 9 },
        ],
        end,
        'standard',
      ) as number,
      9,
    );
    const wide = grouped([['Q1|O1', 'Q1|O2']], 'max') as unknown[][];
    expect(wide).toHaveLength(1);
    expect(wide[0]).toHaveLength(2);
    expect(grouped('Q1|O1')).toBeCloseTo(140, 9);
  });

  it('gives each key what the one-KR call gives over that key’s rows, in every scenario', () => {
    for (const scenario of ['min', 'standard', 'max']) {
      for (const key of ['Q1|O1', 'Q1|O2']) {
        const mine = ids.map(([id], index) => (id === key ? index : -1)).filter((index) => index >= 0);
        const alone = KR_FORECAST.evaluate([
          mine.map((index) => values[index]),
          mine.map((index) => days[index]),
          end,
          scenario,
        ]) as number;
        expect((grouped(column(key), scenario) as number[][])[0]?.[0]).toBeCloseTo(alone, 9);
      }
    }
  });

  it('matches keys whatever their case and surrounding spaces', () => {
    expect((grouped(column(' q1|o1 ')) as number[][])[0]?.[0]).toBeCloseTo(140, 9);
  });

  it('leaves blank keys, keys with no rows and keys with fewer than two recorded days blank', () => {
    // Q1|O3 has one point; Q2|O1 none; Q4|O1 one (another quarter).
    expect(grouped(column('', 'Q1|O3', 'Q2|O1', 'Q4|O1', '  '))).toEqual(column('', '', '', '', ''));
    const sameDay = KR_FORECAST.evaluate([column(1, 2), column(d0, d0), end, '', column('a', 'a'), column('a')]);
    expect(sameDay).toEqual(column(''));
    // A blank quarter end leaves every row blank, still in the shape of kr_ids (HyperFormula sizes the spill
    // by calling the function on blank arguments).
    expect(KR_FORECAST.evaluate([values, days, '', 'min', ids, column('Q1|O1', 'Q1|O2')])).toEqual(column('', ''));
    const blankGrid = (rows: number) => column(...Array.from({ length: rows }, () => ''));
    expect(KR_FORECAST.evaluate([blankGrid(7), blankGrid(7), '', '', blankGrid(7), blankGrid(4)])).toEqual(
      blankGrid(4),
    );
  });

  it('keeps a bad value or date to the rows of its own key, located at its cell', () => {
    const badValues = column(10, 5, 7, 'lots', 9, 100, 30);
    const answer = grouped(column('Q1|O1', 'Q1|O2', 'Q1|O1'), 'standard', badValues) as unknown[][];
    expect(rendered(answer[0]?.[0])).toBe('KR_FORECAST: values "lots" is not a number (row 4 of the range)');
    expect(rendered(answer[2]?.[0])).toBe(rendered(answer[0]?.[0]));
    expect(answer[1]?.[0]).toBeCloseTo(5 + (4 / 7) * 91, 9);
    const badDates = column(d0, 'soon', d0, d0 + 7, d0 + 7, d0 - 30, d0 + 14);
    const byDate = grouped(column('Q1|O1', 'Q1|O2'), 'min', values, badDates) as unknown[][];
    expect(byDate[0]?.[0]).toBeCloseTo(30 + (10 / 7) * 77, 9);
    expect(rendered(byDate[1]?.[0])).toBe('KR_FORECAST: dates "soon" is not a date (row 2 of the range)');
    // A bad cell in rows of a key nobody asks for is not read.
    const otherQuarter = column(10, 5, 7, 20, 9, 'n/a', 30);
    expect((grouped(column('Q1|O1'), 'standard', otherQuarter) as number[][])[0]?.[0]).toBeCloseTo(140, 9);
  });

  it('takes one history id for every row, as one key result’s history', () => {
    const answer = KR_FORECAST.evaluate([
      column(10, 20, 30),
      column(d0, d0 + 7, d0 + 14),
      end,
      '',
      'O1',
      column('O1', 'O2'),
    ]);
    expect((answer as number[][])[0]?.[0]).toBeCloseTo(140, 9);
    expect((answer as unknown[][])[1]?.[0]).toBe('');
  });

  it('refuses history ids of another size than the values, or one of the two without the other', () => {
    expect(renderedError(() => grouped(column('Q1|O1'), 'standard', column(1, 2), column(d0, d0 + 7))).en).toBe(
      'KR_FORECAST: history_ids has 7×1 cells but values has 2×1; give ranges of the same size or a single cell',
    );
    expect(() => KR_FORECAST.evaluate([values, days, end, 'min', undefined, column('Q1|O1')])).toThrow(
      /KR_FORECAST: history_ids has 0×0 cells but values has 7×1/,
    );
    expect(() => KR_FORECAST.evaluate([values, days, end, 'min', ids])).toThrow(
      /KR_FORECAST: kr_ids has 0×0 cells but history_ids has 7×1/,
    );
    expect(() => grouped(column('Q1|O1'), 'best')).toThrow(/scenario "best" is not one of/);
  });
});

describe('KR_NEEDED_PER_WEEK', () => {
  it('spreads what is left of an increasing KR over the weeks left', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 2, d0, d0 + 42])).toBe(1);
    expect(neededPerWeek(8, 2, 0, 42)).toBe(1);
  });

  it('is negative for a decreasing KR', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([45, 52, d0, d0 + 49])).toBe(-1);
    expect(KR_NEEDED_PER_WEEK.evaluate(['45 dni', '52 dni', '2027-01-04', '2027-02-22'])).toBe(-1);
  });

  it('counts the last, partial week as a week', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 2, d0, d0 + 40])).toBe(1);
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 2, d0, d0])).toBe(6);
  });

  it('is 0 when the current value is the target', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 8, d0, d0 + 42])).toBe(0);
  });

  it('is blank after the quarter end', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 2, d0 + 43, d0 + 42])).toBe('');
  });

  it('is blank while an input is missing', () => {
    expect(KR_NEEDED_PER_WEEK.evaluate([8, '', d0, d0 + 42])).toBe('');
    expect(KR_NEEDED_PER_WEEK.evaluate([8, 2, '', d0 + 42])).toBe('');
  });
});

describe('PIPELINE_COVERAGE', () => {
  it('divides the pipeline by what is still to close', () => {
    expect(PIPELINE_COVERAGE.evaluate([900_000, 400_000, 100_000])).toBe(3);
    expect(PIPELINE_COVERAGE.evaluate(['900 000 zł', '400.000 zł', '100 000 zł'])).toBe(3);
    expect(pipelineCoverage(900_000, 400_000, 100_000)).toBe(3);
  });

  it('takes a blank closed amount as nothing closed yet', () => {
    expect(PIPELINE_COVERAGE.evaluate([1_200_000, 400_000, ''])).toBe(3);
    expect(PIPELINE_COVERAGE.evaluate([1_200_000, 400_000])).toBe(3);
  });

  it('is blank once the quota is met', () => {
    expect(PIPELINE_COVERAGE.evaluate([500_000, 400_000, 400_000])).toBe('');
    expect(PIPELINE_COVERAGE.evaluate([500_000, 400_000, 450_000])).toBe('');
  });

  it('refuses a quota of 0 and negative amounts', () => {
    expect(renderedError(() => PIPELINE_COVERAGE.evaluate([500_000, 0])).en).toBe(
      'PIPELINE_COVERAGE: quota must be greater than 0 (got 0)',
    );
    expect(renderedError(() => PIPELINE_COVERAGE.evaluate([500_000, 0])).pl).toBe(
      'PIPELINE_COVERAGE: quota musi być większe od 0 (jest 0)',
    );
    expect(() => PIPELINE_COVERAGE.evaluate([-1, 400_000])).toThrow(
      'PIPELINE_COVERAGE: pipeline must not be negative (got -1)',
    );
    expect(() => PIPELINE_COVERAGE.evaluate([1, 400_000, -5])).toThrow(InputError);
  });
});

describe('ICE', () => {
  it('multiplies impact, confidence and ease', () => {
    expect(ICE.evaluate([8, 5, 6])).toBe(240);
    expect(ice(8, 5, 6)).toBe(240);
    expect(ICE.evaluate([1, 1, 1])).toBe(1);
    expect(ICE.evaluate([10, 10, 10])).toBe(1000);
  });

  it.each([
    [[0, 5, 6], 'ICE: impact must be between 1 and 10 (got 0)'],
    [[8, 11, 6], 'ICE: confidence must be between 1 and 10 (got 11)'],
    [[8, 5, -1], 'ICE: ease must be between 1 and 10 (got -1)'],
  ])('checks every factor is 1–10: %j', (args, message) => {
    expect(() => ICE.evaluate(args)).toThrow(message);
  });

  it('is blank while a factor is missing', () => {
    expect(ICE.evaluate([8, '', 6])).toBe('');
  });
});

describe('RICE', () => {
  it.each([[0.8], [80], ['80%'], ['80 %'], ['0,8']])('reads the confidence %j as 80%', (confidence) => {
    expect(RICE.evaluate([500, 2, confidence, 4])).toBeCloseTo(200, 10);
  });

  it('is reach × impact × confidence ÷ effort', () => {
    expect(rice(500, 2, 0.8, 4)).toBe(200);
    expect(asFraction(80)).toBe(0.8);
    expect(asFraction(0.8)).toBe(0.8);
  });

  it('refuses an effort of 0, a confidence above 100% and a negative reach', () => {
    expect(() => RICE.evaluate([500, 2, 0.8, 0])).toThrow('RICE: effort must be greater than 0 (got 0)');
    expect(() => RICE.evaluate([500, 2, 120, 4])).toThrow('RICE: confidence must be between 0 and 100 (got 120)');
    expect(() => RICE.evaluate([-5, 2, 0.8, 4])).toThrow(InputError);
  });

  it('says the result is too large instead of showing Infinity', () => {
    expect(renderedError(() => RICE.evaluate([1e308, 10, 1, 1e-300])).en).toBe(
      'RICE: the result is too large to compute; check the inputs for extreme values',
    );
  });
});

describe('SALES_VELOCITY', () => {
  it.each([[0.25], [25], ['25%']])('is opportunities × deal value × win rate %j ÷ cycle days', (winRate) => {
    expect(SALES_VELOCITY.evaluate([40, 50_000, winRate, 60])).toBeCloseTo(8333.333333, 5);
  });

  it('reads CRM text', () => {
    expect(SALES_VELOCITY.evaluate(['40', '50 000 zł', '25%', '60 dni'])).toBeCloseTo(8333.333333, 5);
    expect(salesVelocity(40, 50_000, 0.25, 60)).toBeCloseTo(8333.333333, 5);
  });

  it('refuses a cycle of 0 days and a win rate above 100%', () => {
    expect(() => SALES_VELOCITY.evaluate([40, 50_000, 0.25, 0])).toThrow(
      'SALES_VELOCITY: cycle_days must be greater than 0 (got 0)',
    );
    expect(() => SALES_VELOCITY.evaluate([40, 50_000, 250, 60])).toThrow(InputError);
  });

  it('is blank while an input is missing', () => {
    expect(SALES_VELOCITY.evaluate([40, 50_000, '', 60])).toBe('');
  });
});
