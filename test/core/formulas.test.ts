import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { CellWord } from '../../src/core/cell-word';
import {
  FORMULAS,
  type Formula,
  ICE,
  KR_FORECAST,
  KR_NEEDED_PER_WEEK,
  KR_PACE,
  KR_SCORE,
  KR_STATUS,
  OKR_SCORE,
  PIPELINE_COVERAGE,
  RICE,
  SALES_VELOCITY,
} from '../../src/core/formulas';
import type { CellOutcome, FormulaOutcome } from '../../src/core/grid';
import { translate } from '../../src/core/i18n';
import { InputError } from '../../src/core/input-error';

const d0 = dayFromIso('2027-01-04');

/** A formula computed cell by cell, with two valid rows of arguments and the argument that must be given. */
interface CellwiseCase {
  formula: Formula;
  a: unknown[];
  aResult: number | string;
  b: unknown[];
  bResult: number | string;
  /** An argument without which there is nothing to compute, so a blank there gives a blank result. */
  required: number;
}

const cellwise: CellwiseCase[] = [
  { formula: KR_SCORE, a: [0, 4, 3], aResult: 0.75, b: [60, 45, 52], bResult: 8 / 15, required: 2 },
  {
    formula: KR_PACE,
    a: ['2027-01-01', '2027-03-31', '2027-01-15'],
    aResult: 2 / 13,
    b: [d0, d0 + 90, d0 + 91],
    bResult: 1,
    required: 2,
  },
  { formula: KR_STATUS, a: [0.7, 1], aResult: '🟢', b: [0.1, 0.5], bResult: '🔴', required: 0 },
  {
    formula: KR_NEEDED_PER_WEEK,
    a: [8, 2, d0, d0 + 42],
    aResult: 1,
    b: [45, 52, d0, d0 + 49],
    bResult: -1,
    required: 1,
  },
  {
    formula: PIPELINE_COVERAGE,
    a: [900_000, 400_000, 100_000],
    aResult: 3,
    b: [800_000, 400_000, ''],
    bResult: 2,
    required: 0,
  },
  { formula: ICE, a: [8, 5, 6], aResult: 240, b: [10, 10, 10], bResult: 1000, required: 0 },
  { formula: RICE, a: [500, 2, 0.8, 4], aResult: 200, b: [100, 1, '50%', 5], bResult: 10, required: 0 },
  {
    formula: SALES_VELOCITY,
    a: [40, 50_000, 0.25, 60],
    aResult: 50_000 / 6,
    b: [10, 1000, '50%', 5],
    bResult: 1000,
    required: 0,
  },
];

const column = (...cells: unknown[]) => cells.map((cell) => [cell]);

/** Reads a result that must not be an error; compares numbers to 10 decimal places. */
function expectCell(outcome: CellOutcome | undefined, expected: number | string): void {
  expect(outcome).not.toBeInstanceOf(InputError);
  if (typeof expected === 'number') expect(outcome).toBeCloseTo(expected, 10);
  else expect(outcome).toBe(expected);
}

function asGrid(outcome: FormulaOutcome): CellOutcome[][] {
  expect(Array.isArray(outcome)).toBe(true);
  return outcome as CellOutcome[][];
}

/** The same arguments with one of them replaced. */
function withArg(args: readonly unknown[], index: number, value: unknown): unknown[] {
  return args.map((arg, i) => (i === index ? value : arg));
}

describe.each(cellwise)('$formula.name over ranges', ({ formula, a, aResult, b, bResult, required }) => {
  const name = formula.name;

  it('computes the single values of the examples', () => {
    expectCell(formula.evaluate(a) as CellOutcome, aResult);
    expectCell(formula.evaluate(b) as CellOutcome, bResult);
  });

  it('combines ranges of the same shape cell by cell', () => {
    const grid = asGrid(formula.evaluate(a.map((value, index) => column(value, b[index]))));
    expect(grid).toHaveLength(2);
    expectCell(grid[0]?.[0], aResult);
    expectCell(grid[1]?.[0], bResult);
  });

  it('broadcasts a single value to every cell of a range', () => {
    const single = formula.evaluate(withArg(a, required, b[required])) as CellOutcome;
    const grid = asGrid(formula.evaluate(withArg(a, required, column(a[required], b[required]))));
    expect(grid).toEqual([[formula.evaluate(a)], [single]]);
  });

  it('answers with the shape of the range: 2 rows × 3 columns in, 2 × 3 out', () => {
    const range = [
      [a[required], b[required], a[required]],
      [b[required], a[required], b[required]],
    ];
    const grid = asGrid(formula.evaluate(withArg(a, required, range)));
    expect(grid.map((row) => row.length)).toEqual([3, 3]);
    expect(grid[0]?.[0]).toEqual(formula.evaluate(a));
    expect(grid[1]?.[1]).toEqual(formula.evaluate(a));
  });

  it('treats a 1×1 range as a single value', () => {
    expectCell(formula.evaluate(a.map((value) => [[value]])) as CellOutcome, aResult);
    expect(() => formula.evaluate(withArg(a, required, [['abc']]))).toThrow(InputError);
  });

  it('refuses ranges of different shapes, naming both arguments', () => {
    const other = required === 0 ? 1 : 0;
    const args = withArg(withArg(a, other, column(a[other], b[other])), required, column(1, 2, 3));
    const [first, second] = other < required ? [other, required] : [required, other];
    const firstRows = first === other ? 2 : 3;
    const secondRows = 5 - firstRows;
    expect(() => formula.evaluate(args)).toThrow(
      `${name}: ${formula.params[second]} has ${secondRows}×1 cells but ${formula.params[first]} has ${firstRows}×1; give ranges of the same size or a single cell`,
    );
    expect(() => formula.evaluate(args)).toThrow(InputError);
  });

  it('gives a blank, never 0, for blank inputs', () => {
    expect(formula.evaluate(a.map(() => ''))).toBe('');
    expect(formula.evaluate([])).toBe('');
    expect(formula.evaluate(withArg(a, required, ''))).toBe('');
    expect(formula.evaluate(withArg(a, required, column('', a[required], '—')))).toEqual([
      [''],
      [formula.evaluate(a)],
      [''],
    ]);
  });

  it('keeps a bad cell’s error in its cell and computes the other cells', () => {
    const grid = asGrid(formula.evaluate(withArg(a, required, column(a[required], 'abc', a[required]))));
    expectCell(grid[0]?.[0], aResult);
    expectCell(grid[2]?.[0], aResult);
    const error = grid[1]?.[0];
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).render('en');
    expect(message.startsWith(`${name}: ${formula.params[required]} "abc" is not a `)).toBe(true);
    expect(message.endsWith(' (row 2 of the range)')).toBe(true);
    expect((error as InputError).render('pl').endsWith(' (wiersz 2 zakresu)')).toBe(true);
  });

  it('names the row and the column of a bad cell in a range of several columns', () => {
    const grid = asGrid(formula.evaluate(withArg(a, required, [[a[required], 'abc']])));
    expectCell(grid[0]?.[0], aResult);
    const error = grid[0]?.[1];
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).render('en')).toMatch(/ \(row 1, column 2 of the range\)$/);
    expect((error as InputError).render('pl')).toMatch(/ \(wiersz 1, kolumna 2 zakresu\)$/);
  });

  it('throws the error of a bad single value', () => {
    expect(() => formula.evaluate(withArg(a, required, 'abc'))).toThrow(
      new RegExp(`^${name}: ${formula.params[required]} "abc" is not a `),
    );
  });
});

describe('KR_STATUS of a milestone', () => {
  it('never shows a milestone not done as green: yellow while nothing is expected, red after', () => {
    expect(KR_STATUS.evaluate([0, 0, '', '', 'milestone'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0, 0, 'committed', '', 'kamień milowy'])).toBe('🟡');
    expect(KR_STATUS.evaluate([0, 2 / 13, '', '', 'milestone'])).toBe('🔴');
    expect(KR_STATUS.evaluate([1, 0, '', '', 'milestone'])).toBe('🟢');
    expect(KR_STATUS.evaluate([1, 1, 'committed', '', 'milestone'])).toBe('🟢');
    // Without the kind, or for a number KR, the pace rule alone: nothing is behind in week 1.
    expect(KR_STATUS.evaluate([0, 0])).toBe('🟢');
    expect(KR_STATUS.evaluate([0, 0, '', '', 'increase'])).toBe('🟢');
  });

  it('takes the kind as a range beside the scores, one status per row', () => {
    expect(KR_STATUS.evaluate([column(0, 0, 1), 0, '', '', column('milestone', 'at least', 'milestone')])).toEqual([
      ['🟡'],
      ['🟢'],
      ['🟢'],
    ]);
  });

  it('names an unknown kind', () => {
    expect(() => KR_STATUS.evaluate([0, 0, '', '', 'grow'])).toThrow(/^KR_STATUS: .*grow/);
  });
});

describe('formulas that read whole ranges into one answer', () => {
  it('OKR_SCORE reads a column, a row or a block of scores', () => {
    expect(OKR_SCORE.evaluate([column(0.75, 0.6, 0.75), column(2, 1, 1)])).toBeCloseTo(0.7125, 10);
    expect(OKR_SCORE.evaluate([[[0.75, 0.6, 0.75]], [[2, 1, 1]]])).toBeCloseTo(0.7125, 10);
    expect(OKR_SCORE.evaluate([[[0.5, 1]]])).toBe(0.75);
    expect(OKR_SCORE.evaluate([[[0.5]]])).toBe(0.5);
    expect(OKR_SCORE.evaluate([0.5])).toBe(0.5);
  });

  it('OKR_SCORE refuses weights that do not match the scores, naming both', () => {
    expect(() => OKR_SCORE.evaluate([column(0.5, 1, 1), column(1, 2)])).toThrow(
      'OKR_SCORE: weights has 2×1 cells but scores has 3×1; give ranges of the same size or a single cell',
    );
  });

  it('KR_FORECAST reads a column of values against a column of dates', () => {
    expect(KR_FORECAST.evaluate([column(10, 20, 30), column(d0, d0 + 7, d0 + 14), [[d0 + 91]]])).toBeCloseTo(140, 9);
    expect(KR_FORECAST.evaluate([[[10, 20, 30]], [[d0, d0 + 7, d0 + 14]], d0 + 91, [['max']]])).toBeCloseTo(140, 9);
  });

  it('both answer blank, never 0, for blank ranges', () => {
    expect(OKR_SCORE.evaluate([column('', '')])).toBe('');
    expect(KR_FORECAST.evaluate([column('', ''), column('', ''), ''])).toBe('');
  });

  it('both locate a bad cell in the range', () => {
    expect(() => OKR_SCORE.evaluate([column(0.5, 'n/a')])).toThrow(
      expect.objectContaining({ cell: { row: 2, column: 1, columns: 1 } }),
    );
    expect(() => KR_FORECAST.evaluate([column(1, 2, 'n/a'), column(d0, d0 + 7, d0 + 14), d0 + 91])).toThrow(
      expect.objectContaining({ cell: { row: 3, column: 1, columns: 1 } }),
    );
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const interestingText = fc.constantFrom(
  '',
  ' ',
  '-',
  '—',
  '0',
  '-0',
  '1',
  '15%',
  '-5%',
  '+25%',
  '0,72',
  '1 200 000 zł',
  '1.200.000,50',
  '1,5 mln zł',
  '45 dni',
  '1e308',
  '9'.repeat(400),
  'abc',
  'n/a',
  'tak',
  'nie',
  'done',
  'TRUE',
  'min',
  'max',
  'standard',
  'at most',
  'spadek',
  'milestone',
  'constructor',
  '__proto__',
  'toString',
  '2027-01-04',
  '2027-02-30',
  '31.03.2027',
);

const cellValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -100, max: 100 }),
  fc.integer({ min: 40_000, max: 50_000 }),
  fc.constantFrom(0, 1, -1, 1e308, -1e308, 1e-300, Number.MAX_VALUE, 2_958_465, 2_958_466, Number.NaN, Infinity),
  fc.string(),
  interestingText,
  fc.boolean(),
  fc.date(),
  fc.constant(undefined),
);

const rangeOf = (rows: number, columns: number) =>
  fc.array(fc.array(cellValue, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

const anyArgument = fc.oneof(
  { weight: 3, arbitrary: cellValue },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, columns]) => rangeOf(rows, columns)),
  },
);

function isValidCell(outcome: unknown): boolean {
  if (outcome instanceof InputError) {
    return (['en', 'pl'] as const).every((lang) => {
      const placeholders = [...translate(lang, outcome.key).matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
      const text = outcome.render(lang);
      return text.length > 0 && placeholders.every((name) => name in outcome.params);
    });
  }
  // A word (KR_GRADE's band) renders as a non-empty text in both languages.
  if (outcome instanceof CellWord) return outcome.render('en').length > 0 && outcome.render('pl').length > 0;
  if (typeof outcome === 'number') return Number.isFinite(outcome);
  return typeof outcome === 'string' || typeof outcome === 'boolean';
}

function isValidOutcome(outcome: unknown): boolean {
  if (!Array.isArray(outcome)) return isValidCell(outcome);
  return outcome.every((row) => Array.isArray(row) && row.every(isValidCell));
}

describe('every formula on any cell values', () => {
  it.each(FORMULAS.map((formula) => [formula.name, formula] as const))(
    '%s answers with a finite number, a text, a boolean, a blank or an InputError, and throws nothing else',
    (_name, formula) => {
      fc.assert(
        fc.property(fc.array(anyArgument, { minLength: 0, maxLength: formula.params.length }), (args) => {
          let outcome: unknown;
          try {
            outcome = formula.evaluate(args);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect(isValidCell(error)).toBe(true);
            return;
          }
          expect(outcome).not.toBeUndefined();
          expect(isValidOutcome(outcome)).toBe(true);
        }),
        { numRuns: 500 },
      );
    },
  );

  it.each(cellwise.map(({ formula }) => [formula.name, formula] as const))(
    '%s answers with the shape of its ranges and keeps every error in its cell',
    (_name, formula) => {
      const shaped = fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
        .filter(([rows, columns]) => rows * columns > 1)
        .chain(([rows, columns]) =>
          fc.tuple(
            fc.constant([rows, columns] as const),
            fc.tuple(...formula.params.map(() => fc.oneof(cellValue, rangeOf(rows, columns)))),
            fc.nat({ max: formula.params.length - 1 }),
            rangeOf(rows, columns),
          ),
        );
      fc.assert(
        fc.property(shaped, ([[rows, columns], args, rangeIndex, range]) => {
          const outcome = formula.evaluate(withArg(args, rangeIndex, range));
          expect(Array.isArray(outcome)).toBe(true);
          const grid = outcome as CellOutcome[][];
          expect(grid).toHaveLength(rows);
          for (const row of grid) {
            expect(row).toHaveLength(columns);
            expect(row.every(isValidCell)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
