// The formula API a sales manager types into cells, as pure functions of raw cell values. Each formula
// names its parameters once: the same names appear in error messages and in the generated JSDoc stubs.

import type { Unit } from '../shared/plan';
import {
  type ArgumentRef,
  isBlank,
  isoFromDay,
  looksLikeDone,
  readDay,
  readDone,
  readFlag,
  readNumber,
} from './cell-values';
import { CellWord } from './cell-word';
import { gradeBand } from './close/grades';
import { bandWord } from './close/grades-texts';
import { parseCategory, parseOutcome, probabilityOf } from './deals/deal';
import { coverageNeeded, forecastRollup, type Rollup, salesCycle, weightedPipeline, winRate } from './deals/pipeline';
import {
  type ForecastShape,
  forecastValue,
  type HistoryPoint,
  lowerIsBetter,
  naturalBounds,
  neededPerWeek,
  parseScenario,
} from './forecast';
import { type CellOutcome, type CellResult, cellPosition, cellsOf, type FormulaOutcome, mapCells } from './grid';
import { describeValue, InputError } from './input-error';
import { parseUnit } from './okr-sheet/texts';
import { ASPIRATIONAL, COMMITTED, expectedProgress, STATUS_EMOJI, statusOf } from './pace';
import { asFraction, ice, pipelineCoverage, rice, salesVelocity } from './sales';
import { type KeyResultKind, objectiveScore, parseKeyResultType, parseKind, scoreKeyResult } from './score';

export interface Formula {
  /** The name typed into a cell, e.g. `KR_SCORE`. */
  readonly name: string;
  /** Parameter names in order, as the formula helper shows them. */
  readonly params: readonly string[];
  /** Evaluates the formula on the values Sheets passes (single values or 2-D ranges). */
  evaluate(args: readonly unknown[]): FormulaOutcome;
}

type Refs = Record<string, ArgumentRef>;

/** Defines a formula computed cell by cell over its (broadcast) arguments. */
function cellwise(
  name: string,
  params: readonly string[],
  compute: (cells: unknown[], refs: Refs) => CellResult | CellWord | null,
): Formula {
  const refs: Refs = Object.fromEntries(params.map((arg) => [arg, { fn: name, arg }]));
  return {
    name,
    params,
    evaluate: (args) =>
      mapCells(
        name,
        params.map((param, index) => ({ name: param, value: args[index] })),
        (cells) => finite(name, compute(cells, refs)),
      ),
  };
}

// Extreme inputs (1e308 × 10) overflow to Infinity or NaN, which a cell would show as a number or #NUM!
// with no hint of the cause; they become an error that says so.
function finite<T extends CellResult | CellWord | null>(fn: string, result: T): T {
  if (typeof result === 'number' && !Number.isFinite(result)) throw new InputError('tooLarge', { fn });
  return result;
}

/** Reads the `index`-th cell of an argument; an error found there is located at that cell of a range. */
function readAt<T>(range: unknown, index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError) || cellsOf(range).length < 2) throw error;
    const { row, column, columns } = cellPosition(range, index);
    throw error.at(row, column, columns);
  }
}

function readKind(value: unknown, fn: string): KeyResultKind | null {
  if (isBlank(value)) return null;
  const kind = typeof value === 'string' ? parseKind(value) : null;
  if (kind === null) throw new InputError('unknownKind', { fn, value: describeValue(value) });
  return kind;
}

function requireAtLeast(value: number, min: number, ref: ArgumentRef, inclusive: boolean): number {
  const ok = inclusive ? value >= min : value > min;
  if (ok) return value;
  throw new InputError(inclusive ? 'mustNotBeNegative' : 'mustBePositive', { ...ref, value });
}

function requireBetween(value: number, min: number, max: number, ref: ArgumentRef): number {
  if (value >= min && value <= max) return value;
  throw new InputError('outOfRange', { ...ref, min, max, value });
}

/** Reads a number that is required for an answer: blank → `null`, so the whole cell stays blank. */
function readAll(cells: readonly unknown[], refs: readonly ArgumentRef[]): number[] | null {
  const numbers = refs.map((ref, index) => readNumber(cells[index], ref));
  return numbers.some((number) => number === null) ? null : (numbers as number[]);
}

export const KR_SCORE = cellwise(
  'KR_SCORE',
  ['start', 'target', 'current', 'kind', 'allow_over'],
  ([start, target, current, kind, allowOver], refs) => {
    const explicitKind = readKind(kind, 'KR_SCORE');
    const allow = readFlag(allowOver, refs.allow_over as ArgumentRef);
    if (isBlank(current)) return null;
    if (explicitKind === 'milestone' || (explicitKind === null && looksLikeDone(current))) {
      return readDone(current, refs.current as ArgumentRef) ? 1 : 0;
    }
    return scoreKeyResult({
      start: readNumber(start, refs.start as ArgumentRef),
      target: readNumber(target, refs.target as ArgumentRef),
      current: readNumber(current, refs.current as ArgumentRef),
      kind: explicitKind,
      allowOver: allow,
    });
  },
);

export const KR_PACE = cellwise('KR_PACE', ['quarter_start', 'quarter_end', 'as_of'], (cells, refs) => {
  const [start, end, asOf] = [refs.quarter_start, refs.quarter_end, refs.as_of].map((ref, index) =>
    readDay(cells[index], ref as ArgumentRef),
  );
  if (start == null || end == null || asOf == null) return null;
  assertOrdered('KR_PACE', start, end);
  return expectedProgress(start, end, asOf);
});

function assertOrdered(fn: string, start: number, end: number): void {
  if (end < start) {
    throw new InputError('datesOutOfOrder', { fn, start: isoFromDay(start), end: isoFromDay(end) });
  }
}

export const KR_STATUS = cellwise(
  'KR_STATUS',
  ['score', 'expected', 'green_at', 'yellow_at', 'kind'],
  ([score, expected, greenAt, yellowAt, kind], refs) => {
    // With the KR's kind, a milestone not done (0) is never green, not even before anything is expected.
    const explicitKind = readKind(kind, 'KR_STATUS');
    const value = readNumber(score, refs.score as ArgumentRef);
    if (value === null) return null;
    const e = readNumber(expected, refs.expected as ArgumentRef) ?? 1;
    requireBetween(e, 0, 1, refs.expected as ArgumentRef);
    // green_at may name the KR's type instead of a number, so one call over the type column gives every
    // row its own bands: committed 1.0 / 0.7, aspirational 0.7 / 0.4.
    const type = typeof greenAt === 'string' ? parseKeyResultType(greenAt) : null;
    const bands = type === 'committed' ? COMMITTED : ASPIRATIONAL;
    const green = type ? bands.greenAt : (readGreenAt(greenAt, refs.green_at as ArgumentRef) ?? bands.greenAt);
    const yellow = readThreshold(yellowAt, refs.yellow_at as ArgumentRef) ?? Math.min(green, bands.yellowAt);
    return STATUS_EMOJI[statusOf(value, e, { greenAt: green, yellowAt: yellow }, explicitKind)];
  },
);

function readGreenAt(value: unknown, ref: ArgumentRef): number | null {
  try {
    return readThreshold(value, ref);
  } catch (error) {
    if (error instanceof InputError && error.key === 'notANumber') {
      throw new InputError('notThreshold', { ...ref, value: describeValue(value) });
    }
    throw error;
  }
}

function readThreshold(value: unknown, ref: ArgumentRef): number | null {
  const number = readNumber(value, ref);
  return number === null ? null : requireBetween(asFraction(number), 0, 1, ref);
}

const OKR_SCORE_PARAMS = ['scores', 'weights', 'objective_ids'] as const;
const OKR_SCORE_REFS: Refs = Object.fromEntries(OKR_SCORE_PARAMS.map((arg) => [arg, { fn: 'OKR_SCORE', arg }]));

/**
 * The objective score. With `objective_ids` it answers per row, in the shape of `scores`: each row gets the
 * weighted mean of the rows with the same objective id, so one call over a flat KR table (one row per KR,
 * sorted or filtered any way) scores every objective; a row with a blank id gets a blank.
 */
export const OKR_SCORE: Formula = {
  name: 'OKR_SCORE',
  params: OKR_SCORE_PARAMS,
  evaluate: ([scores, weights, objectiveIds]) => {
    const refs = OKR_SCORE_REFS;
    const scoreCells = cellsOf(scores);
    const weightCells = isBlank(weights) ? [] : cellsOf(weights);
    requireSameSize(weightCells.length, scoreCells.length, 'weights');
    if (isBlank(objectiveIds)) {
      const values = scoreCells.map((cell, index) =>
        readAt(scores, index, () => readNumber(cell, refs.scores as ArgumentRef)),
      );
      const weightValues = scoreCells.map((_, index) => readWeightAt(weights, weightCells, index, refs));
      return finite('OKR_SCORE', objectiveScore(values, weightValues)) ?? '';
    }
    const idCells = cellsOf(objectiveIds);
    requireSameSize(idCells.length, scoreCells.length, 'objective_ids');
    return scoresByObjective(scores, weights, weightCells, idCells, refs);
  },
};

function requireSameSize(size: number, scoreSize: number, arg: string): void {
  if (size <= 1 || size === scoreSize) return;
  throw new InputError('shapeMismatch', {
    fn: 'OKR_SCORE',
    arg,
    rows: size,
    cols: 1,
    other: 'scores',
    otherRows: scoreSize,
    otherCols: 1,
  });
}

/** The weight of the `index`-th score: one weight for all, or the weight in the same row; blank is 1. */
function readWeightAt(weights: unknown, weightCells: readonly unknown[], index: number, refs: Refs): number {
  const single = weightCells.length === 1;
  const read = () => {
    const weight = readNumber(single ? weightCells[0] : weightCells[index], refs.weights as ArgumentRef);
    return weight === null ? 1 : requireAtLeast(weight, 0, refs.weights as ArgumentRef, true);
  };
  return single || weightCells.length === 0 ? read() : readAt(weights, index, read);
}

/**
 * Per-row objective scores for a flat table. A bad score or weight spoils only its own objective: every row
 * of that objective shows the error (located at the bad cell), the other objectives still get their scores.
 */
function scoresByObjective(
  scores: unknown,
  weights: unknown,
  weightCells: readonly unknown[],
  idCells: readonly unknown[],
  refs: Refs,
): FormulaOutcome {
  const scoreCells = cellsOf(scores);
  // One id for all rows (a single cell) is broadcast, like a single weight.
  const ids = scoreCells.map((_, index) => {
    const cell = idCells.length === 1 ? idCells[0] : idCells[index];
    return isBlank(cell) ? '' : String(cell).trim().toLowerCase();
  });
  const groups = new Map<string, { values: (number | null)[]; weights: number[]; error: InputError | null }>();
  scoreCells.forEach((cell, index) => {
    const id = ids[index] ?? '';
    if (id === '') return;
    let group = groups.get(id);
    if (!group) {
      group = { values: [], weights: [], error: null };
      groups.set(id, group);
    }
    if (group.error) return;
    try {
      group.values.push(readAt(scores, index, () => readNumber(cell, refs.scores as ArgumentRef)));
      group.weights.push(readWeightAt(weights, weightCells, index, refs));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      group.error = error;
    }
  });
  const answers = new Map<string, CellOutcome>();
  for (const [id, group] of groups) {
    try {
      if (group.error) throw group.error;
      answers.set(id, finite('OKR_SCORE', objectiveScore(group.values, group.weights)) ?? '');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      answers.set(id, error);
    }
  }
  const answerOf = (index: number): CellOutcome => answers.get(ids[index] ?? '') ?? '';
  if (!Array.isArray(scores)) return answerOf(0);
  const rows: CellOutcome[][] = [];
  scoreCells.forEach((_, index) => {
    const { row, column } = cellPosition(scores, index);
    const line = rows[row - 1] ?? [];
    line[column - 1] = answerOf(index);
    rows[row - 1] = line;
  });
  return rows;
}

const KR_FORECAST_PARAMS = [
  'values',
  'dates',
  'quarter_end',
  'scenario',
  'history_ids',
  'kr_ids',
  'start',
  'target',
  'unit',
  'kind',
] as const;
const KR_FORECAST_REFS: Refs = Object.fromEntries(KR_FORECAST_PARAMS.map((arg) => [arg, { fn: 'KR_FORECAST', arg }]));

/**
 * The projected value at quarter end from recorded values and their dates. With `history_ids` and `kr_ids`
 * it answers for many key results in one call, in the shape of `kr_ids`: each KR key gets the forecast from
 * the history rows whose key equals it (case and surrounding spaces ignored); a blank key, or one with fewer
 * than two recorded days, gets a blank. A bad value or date spoils only the rows of its own key, which show
 * the error located at the bad cell; history rows of keys not asked for are not read at all.
 * `start`, `target`, `unit` and `kind` (one cell, or one per row of `kr_ids`) describe the key result: its
 * direction names the scenarios (a decreasing KR's pessimistic forecast is the higher value) and its unit
 * bounds the forecast (see naturalBounds).
 * @example
 * // History of two KRs in one range; one call answers for the KR column O1.1, (blank), O1.2:
 * KR_FORECAST.evaluate([[[1], [2], [5], [9]], [[d], [d + 7], [d], [d + 7]], d + 14, 'standard',
 *   [['O1.1'], ['O1.1'], ['O1.2'], ['O1.2']], [['O1.1'], [''], ['O1.2']]]) // [[3], [''], [13]]
 */
export const KR_FORECAST: Formula = {
  name: 'KR_FORECAST',
  params: KR_FORECAST_PARAMS,
  evaluate: ([values, dates, quarterEnd, scenario, historyIds, krIds, start, target, unit, kind]) => {
    const refs = KR_FORECAST_REFS;
    const chosen = isBlank(scenario) ? 'standard' : parseScenario(String(scenario));
    if (chosen === null) throw new InputError('unknownScenario', { fn: 'KR_FORECAST', value: describeValue(scenario) });
    const end = readDay(cellsOf(quarterEnd)[0], refs.quarter_end as ArgumentRef);
    const valueCells = cellsOf(values);
    const dateCells = cellsOf(dates);
    requireSameLength('dates', dateCells.length, 'values', valueCells.length);
    // Google does not document what a custom function receives for an argument left empty between others
    // (`…; "pessimistic"; ; ; 60; 45`): undefined or ''. Both mean "not given", so the ids group only when at
    // least one of them holds something.
    const grouped = !isBlank(historyIds ?? '') || !isBlank(krIds ?? '');
    const rowCount = grouped ? cellsOf(krIds).length : 1;
    const shapeArgs = { start, target, unit, kind };
    for (const [arg, range] of Object.entries(shapeArgs)) {
      const size = range === undefined ? 1 : cellsOf(range).length;
      if (size !== 1) requireSameLength(arg, size, grouped ? 'kr_ids' : 'values', grouped ? rowCount : 1);
    }
    const forecastAt = (index: number, history: HistoryPoint[]): CellOutcome => {
      if (end === null) return '';
      const shape = readForecastShape(shapeArgs, index, history);
      return finite('KR_FORECAST', forecastValue(history, end, chosen, shape)) ?? '';
    };
    if (!grouped) {
      const history: HistoryPoint[] = [];
      valueCells.forEach((cell, index) => {
        const point = readPoint(values, dates, dateCells, cell, index);
        if (point) history.push(point);
      });
      return forecastAt(0, history);
    }
    if (isBlank(historyIds ?? '')) requireSameLength('history_ids', 0, 'values', valueCells.length);
    if (isBlank(krIds ?? '')) requireSameLength('kr_ids', 0, 'history_ids', cellsOf(historyIds).length);
    const historyKeys = cellsOf(historyIds).map(keyOf);
    // One key for all rows (a single cell) is broadcast, like OKR_SCORE's single objective id.
    if (historyKeys.length !== 1) requireSameLength('history_ids', historyKeys.length, 'values', valueCells.length);
    const krKeys = cellsOf(krIds).map(keyOf);
    const groups = new Map<string, { history: HistoryPoint[]; error: InputError | null }>(
      krKeys.filter((key) => key !== '').map((key) => [key, { history: [], error: null }]),
    );
    valueCells.forEach((cell, index) => {
      const group = groups.get((historyKeys.length === 1 ? historyKeys[0] : historyKeys[index]) ?? '');
      if (!group || group.error) return;
      try {
        const point = readPoint(values, dates, dateCells, cell, index);
        if (point) group.history.push(point);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        group.error = error;
      }
    });
    // Per row, not per key: each row of kr_ids has its own start, target, unit and kind.
    return inShapeOf(krIds, (index) => {
      const group = groups.get(krKeys[index] ?? '');
      if (!group) return '';
      if (group.error) return group.error;
      try {
        return forecastAt(index, group.history);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return error;
      }
    });
  },
};

/**
 * The direction and bounds of the key result in row `index` of kr_ids (or of the one KR): a single cell
 * serves every row; blank start, target, unit and kind leave the direction to start/target and no bounds.
 */
function readForecastShape(
  args: Record<'start' | 'target' | 'unit' | 'kind', unknown>,
  index: number,
  history: readonly HistoryPoint[],
): ForecastShape {
  const refs = KR_FORECAST_REFS;
  const cellAt = (range: unknown, read: (cell: unknown) => unknown) => {
    if (range === undefined) return read('');
    const cells = cellsOf(range);
    return cells.length === 1 ? read(cells[0]) : readAt(range, index, () => read(cells[index]));
  };
  const start = cellAt(args.start, (cell) => readNumber(cell, refs.start as ArgumentRef)) as number | null;
  const target = cellAt(args.target, (cell) => readNumber(cell, refs.target as ArgumentRef)) as number | null;
  const unit = cellAt(args.unit, (cell) => readUnit(cell)) as Unit | null;
  const kind = cellAt(args.kind, (cell) => readKind(cell, 'KR_FORECAST')) as KeyResultKind | null;
  const bounds = naturalBounds(
    unit,
    start,
    target,
    history.map((point) => point.value),
  );
  return { lowerIsBetter: lowerIsBetter(kind, start, target), ...bounds };
}

/** A unit as the OKR sheet's unit column shows it (`%`, `dni`, `zł`) or its English name; blank → `null`. */
function readUnit(value: unknown): Unit | null {
  if (isBlank(value)) return null;
  const unit = typeof value === 'string' ? parseUnit(value) : null;
  if (unit === null) throw new InputError('unknownUnit', { fn: 'KR_FORECAST', value: describeValue(value) });
  return unit.unit;
}

/** A key of `history_ids` / `kr_ids` as compared: trimmed, case ignored; `''` for a blank cell. */
function keyOf(cell: unknown): string {
  return isBlank(cell) ? '' : String(cell).trim().toLowerCase();
}

function requireSameLength(arg: string, size: number, other: string, otherSize: number): void {
  if (size === otherSize) return;
  throw new InputError('shapeMismatch', {
    fn: 'KR_FORECAST',
    arg,
    rows: size,
    cols: size === 0 ? 0 : 1,
    other,
    otherRows: otherSize,
    otherCols: 1,
  });
}

/** The `index`-th recorded point; `null` when its value or date is blank; an error located at its cell. */
function readPoint(
  values: unknown,
  dates: unknown,
  dateCells: readonly unknown[],
  cell: unknown,
  index: number,
): HistoryPoint | null {
  const refs = KR_FORECAST_REFS;
  const value = readAt(values, index, () => readNumber(cell, refs.values as ArgumentRef));
  const day = readAt(dates, index, () => readDay(dateCells[index], refs.dates as ArgumentRef));
  return value === null || day === null ? null : { day, value };
}

/** Answers laid out like `range` (one answer per cell); a single cell's answer for a single value. */
function inShapeOf(range: unknown, answerOf: (index: number) => CellOutcome): FormulaOutcome {
  if (!Array.isArray(range)) return answerOf(0);
  const rows: CellOutcome[][] = [];
  cellsOf(range).forEach((_, index) => {
    const { row, column } = cellPosition(range, index);
    const line = rows[row - 1] ?? [];
    line[column - 1] = answerOf(index);
    rows[row - 1] = line;
  });
  return rows;
}

export const KR_NEEDED_PER_WEEK = cellwise(
  'KR_NEEDED_PER_WEEK',
  ['target', 'current', 'as_of', 'quarter_end'],
  ([target, current, asOf, quarterEnd], refs) => {
    const numbers = readAll([target, current], [refs.target as ArgumentRef, refs.current as ArgumentRef]);
    const day = readDay(asOf, refs.as_of as ArgumentRef);
    const end = readDay(quarterEnd, refs.quarter_end as ArgumentRef);
    if (numbers === null || day === null || end === null) return null;
    return neededPerWeek(numbers[0] as number, numbers[1] as number, day, end);
  },
);

export const PIPELINE_COVERAGE = cellwise(
  'PIPELINE_COVERAGE',
  ['pipeline', 'quota', 'closed'],
  ([pipeline, quota, closed], refs) => {
    const numbers = readAll([pipeline, quota], [refs.pipeline as ArgumentRef, refs.quota as ArgumentRef]);
    const closedValue = readNumber(closed, refs.closed as ArgumentRef) ?? 0;
    if (numbers === null) return null;
    requireAtLeast(numbers[0] as number, 0, refs.pipeline as ArgumentRef, true);
    requireAtLeast(numbers[1] as number, 0, refs.quota as ArgumentRef, false);
    requireAtLeast(closedValue, 0, refs.closed as ArgumentRef, true);
    return pipelineCoverage(numbers[0] as number, numbers[1] as number, closedValue);
  },
);

/**
 * A cell's number as every other formula reads it: text pasted from a CRM (`560 000 zł`, `0,72`, `15%`) becomes
 * the number, a number stays itself, a blank stays blank. The check-in tab's arithmetic reads typed text
 * through it, so its derived cells show what KR_SCORE and Copy as text show.
 * @example KR_VALUE("1 200 000 zł") // 1200000
 */
export const KR_VALUE = cellwise('KR_VALUE', ['value'], ([value], refs) =>
  readNumber(value, refs.value as ArgumentRef),
);

export const ICE = cellwise('ICE', ['impact', 'confidence', 'ease'], (cells, refs) => {
  const list = [refs.impact, refs.confidence, refs.ease] as ArgumentRef[];
  const numbers = readAll(cells, list);
  if (numbers === null) return null;
  const [impact, confidence, ease] = numbers.map((number, index) =>
    requireBetween(number, 1, 10, list[index] as ArgumentRef),
  ) as [number, number, number];
  return ice(impact, confidence, ease);
});

/**
 * RICE and SALES_VELOCITY read their arguments alike: two amounts (0 allowed), a percentage 0–100 (or a
 * fraction) and a divisor above 0, checked in that order so the first wrong argument is the one named.
 */
function amountsRateOverDivisor(
  name: string,
  params: readonly [string, string, string, string],
  compute: (first: number, second: number, rate: number, divisor: number) => number,
): Formula {
  return cellwise(name, params, (cells, refs) => {
    const list = params.map((param) => refs[param]) as [ArgumentRef, ArgumentRef, ArgumentRef, ArgumentRef];
    const numbers = readAll(cells, list);
    if (numbers === null) return null;
    const [first, second, rate, divisor] = numbers as [number, number, number, number];
    requireAtLeast(first, 0, list[0], true);
    requireAtLeast(second, 0, list[1], true);
    requireBetween(rate, 0, 100, list[2]);
    requireAtLeast(divisor, 0, list[3], false);
    return compute(first, second, asFraction(rate), divisor);
  });
}

export const RICE = amountsRateOverDivisor('RICE', ['reach', 'impact', 'confidence', 'effort'], rice);

export const SALES_VELOCITY = amountsRateOverDivisor(
  'SALES_VELOCITY',
  ['opportunities', 'deal_value', 'win_rate', 'cycle_days'],
  salesVelocity,
);

/**
 * The band of a final score at the quarter's end, as a word in the sheet's language: delivered (green, from
 * 0.7), progress (yellow, from 0.4), not delivered (red); a committed KR is delivered only at 1.0 (yellow from
 * 0.7). Blank for a blank score.
 * @example KR_GRADE(0.65) // 'progress' ('postęp' on a Polish sheet)
 */
export const KR_GRADE = cellwise('KR_GRADE', ['score', 'type'], ([score, type], refs) => {
  let committed = false;
  if (!isBlank(type)) {
    const parsed = typeof type === 'string' ? parseKeyResultType(type) : null;
    if (parsed === null) throw new InputError('unknownType', { fn: 'KR_GRADE', value: describeValue(type) });
    committed = parsed === 'committed';
  }
  const value = readNumber(score, refs.score as ArgumentRef);
  if (value === null) return null;
  const band = gradeBand(value, committed);
  return new CellWord({ en: bandWord(band, 'en'), pl: bandWord(band, 'pl') });
});

function refsOf(fn: string, params: readonly string[]): Refs {
  return Object.fromEntries(params.map((arg) => [arg, { fn, arg }]));
}

/** Refuses two range arguments of different sizes (`other` gives the size every row is counted against). */
function requireSameCells(fn: string, arg: string, size: number, other: string, otherSize: number): void {
  if (size === otherSize) return;
  throw new InputError('shapeMismatch', { fn, arg, rows: size, cols: 1, other, otherRows: otherSize, otherCols: 1 });
}

/** The cell of an optional per-row argument: one cell serves every row, a range gives one per row. */
function rowCell(cells: readonly unknown[], index: number): unknown {
  return cells.length === 1 ? cells[0] : cells[index];
}

/** A probability cell as a fraction: `60%`, `0.6` and `60` are 0.6; outside 0–100 % is an error. */
function readProbability(value: unknown, ref: ArgumentRef): number | null {
  const read = readNumber(value, ref);
  if (read === null) return null;
  const fraction = probabilityOf(read, value);
  if (fraction < 0 || fraction > 1)
    throw new InputError('outOfRange', { ...ref, min: '0%', max: '100%', value: describeValue(value) });
  return fraction;
}

const WEIGHTED_PIPELINE_PARAMS = ['amounts', 'probabilities'] as const;

/**
 * Σ amount × probability over the rows; a row with a blank amount or probability adds nothing. One
 * probability cell serves every row.
 * @example WEIGHTED_PIPELINE.evaluate([[[100000], [40000]], [['50%'], [25]]]) // 60000
 */
export const WEIGHTED_PIPELINE: Formula = {
  name: 'WEIGHTED_PIPELINE',
  params: WEIGHTED_PIPELINE_PARAMS,
  evaluate: ([amounts, probabilities]) => {
    const refs = refsOf('WEIGHTED_PIPELINE', WEIGHTED_PIPELINE_PARAMS);
    const amountCells = cellsOf(amounts);
    const probabilityCells = cellsOf(probabilities);
    if (probabilityCells.length !== 1) {
      requireSameCells('WEIGHTED_PIPELINE', 'probabilities', probabilityCells.length, 'amounts', amountCells.length);
    }
    const rows: [number, number][] = [];
    amountCells.forEach((cell, index) => {
      const amount = readAt(amounts, index, () => readNumber(cell, refs.amounts as ArgumentRef));
      const probability =
        probabilityCells.length === 1
          ? readProbability(probabilityCells[0], refs.probabilities as ArgumentRef)
          : readAt(probabilities, index, () =>
              readProbability(probabilityCells[index], refs.probabilities as ArgumentRef),
            );
      if (amount !== null && probability !== null) rows.push([amount, probability]);
    });
    return finite('WEIGHTED_PIPELINE', weightedPipeline(rows)) ?? '';
  },
};

const ROLLUPS: Record<Rollup, readonly string[]> = {
  commit: ['commit', 'pewne', 'pewna', 'zobowiazanie', 'zobowiązanie'],
  bestCase: ['best case', 'bestcase', 'best', 'najlepszy scenariusz', 'najlepszy przypadek'],
  pipeline: ['pipeline', 'lejek', 'open', 'otwarte'],
  closed: ['closed', 'closed won', 'zamknięte', 'zamkniete', 'wygrane'],
};

function parseRollup(value: unknown): Rollup | null {
  const word = String(value).trim().toLowerCase().replace(/\s+/g, ' ');
  return (Object.keys(ROLLUPS) as Rollup[]).find((rollup) => ROLLUPS[rollup].includes(word)) ?? null;
}

const FORECAST_ROLLUP_PARAMS = ['amounts', 'categories', 'category'] as const;

/**
 * Salesforce's cumulative forecast: commit = commit + closed won; best case = best case + commit + closed
 * won; pipeline = every open deal (pipeline + best case + commit). With no `category`, the three in a
 * column: commit, best case, pipeline. A blank category or amount counts nowhere; omitted deals neither.
 */
export const FORECAST_ROLLUP: Formula = {
  name: 'FORECAST_ROLLUP',
  params: FORECAST_ROLLUP_PARAMS,
  evaluate: ([amounts, categories, category]) => {
    const fn = 'FORECAST_ROLLUP';
    const refs = refsOf(fn, FORECAST_ROLLUP_PARAMS);
    const chosen = isBlank(category ?? '') ? null : parseRollup(cellsOf(category)[0]);
    if (!isBlank(category ?? '') && chosen === null) {
      throw new InputError('unknownCategory', { fn, arg: 'category', value: describeValue(cellsOf(category)[0]) });
    }
    const amountCells = cellsOf(amounts);
    const categoryCells = cellsOf(categories);
    requireSameCells(fn, 'categories', categoryCells.length, 'amounts', amountCells.length);
    const deals: [number, NonNullable<ReturnType<typeof parseCategory>>][] = [];
    amountCells.forEach((cell, index) => {
      const amount = readAt(amounts, index, () => readNumber(cell, refs.amounts as ArgumentRef));
      const word = categoryCells[index];
      const parsed = readAt(categories, index, () => {
        const found = parseCategory(word);
        if (found === null && !isBlank(word)) {
          throw new InputError('unknownCategory', { fn, arg: 'categories', value: describeValue(word) });
        }
        return found;
      });
      if (amount !== null && parsed !== null) deals.push([amount, parsed]);
    });
    if (chosen) return finite(fn, forecastRollup(deals, chosen)) ?? '';
    return (['commit', 'bestCase', 'pipeline'] as const).map((rollup) => [
      finite(fn, forecastRollup(deals, rollup)) ?? '',
    ]);
  },
};

const WIN_RATE_PARAMS = ['outcomes', 'closed_dates', 'from', 'to'] as const;

/**
 * Won ÷ (won + lost) among the deals closed between `from` and `to` (both days included; either may be left
 * out); open deals never count. Blank when nothing was won or lost.
 */
export const WIN_RATE: Formula = {
  name: 'WIN_RATE',
  params: WIN_RATE_PARAMS,
  evaluate: ([outcomes, closedDates, from, to]) => {
    const fn = 'WIN_RATE';
    const refs = refsOf(fn, WIN_RATE_PARAMS);
    const outcomeCells = cellsOf(outcomes);
    const dated = !isBlank(closedDates ?? '') || cellsOf(closedDates ?? '').length > 1;
    const dateCells = dated ? cellsOf(closedDates) : [];
    if (dated) requireSameCells(fn, 'closed_dates', dateCells.length, 'outcomes', outcomeCells.length);
    const start = readDay(cellsOf(from ?? '')[0], refs.from as ArgumentRef);
    const end = readDay(cellsOf(to ?? '')[0], refs.to as ArgumentRef);
    if (start !== null && end !== null && end < start) {
      throw new InputError('periodOutOfOrder', { fn, start: isoFromDay(start), end: isoFromDay(end) });
    }
    const counted: ('won' | 'lost' | 'open')[] = [];
    outcomeCells.forEach((cell, index) => {
      const outcome = readAt(outcomes, index, () => readOutcome(cell, fn));
      if (outcome === 'open') return;
      if (start !== null || end !== null) {
        const day = readAt(closedDates, index, () => readDay(dateCells[index], refs.closed_dates as ArgumentRef));
        if (day === null || (start !== null && day < start) || (end !== null && day > end)) return;
      }
      counted.push(outcome);
    });
    return winRate(counted) ?? '';
  },
};

function readOutcome(value: unknown, fn: string): 'won' | 'lost' | 'open' {
  const outcome = parseOutcome(value);
  if (outcome === null) throw new InputError('unknownOutcome', { fn, value: describeValue(value) });
  return outcome;
}

const SALES_CYCLE_PARAMS = ['created', 'closed', 'outcomes'] as const;

/**
 * The mean days from created to closed of the won deals (every row with both dates when `outcomes` is left
 * out); blank when there is none. A close date before its created date is an error at its row.
 */
export const SALES_CYCLE: Formula = {
  name: 'SALES_CYCLE',
  params: SALES_CYCLE_PARAMS,
  evaluate: ([created, closed, outcomes]) => {
    const fn = 'SALES_CYCLE';
    const refs = refsOf(fn, SALES_CYCLE_PARAMS);
    const createdCells = cellsOf(created);
    const closedCells = cellsOf(closed);
    requireSameCells(fn, 'closed', closedCells.length, 'created', createdCells.length);
    const filtered = !isBlank(outcomes ?? '') || cellsOf(outcomes ?? '').length > 1;
    const outcomeCells = filtered ? cellsOf(outcomes) : [];
    if (filtered) requireSameCells(fn, 'outcomes', outcomeCells.length, 'created', createdCells.length);
    const deals: [number, number][] = [];
    createdCells.forEach((cell, index) => {
      if (filtered && readAt(outcomes, index, () => readOutcome(rowCell(outcomeCells, index), fn)) !== 'won') return;
      const start = readAt(created, index, () => readDay(cell, refs.created as ArgumentRef));
      const end = readAt(closed, index, () => readDay(closedCells[index], refs.closed as ArgumentRef));
      if (start === null || end === null) return;
      if (end < start) {
        const error = new InputError('closedBeforeCreated', {
          fn,
          created: isoFromDay(start),
          closed: isoFromDay(end),
        });
        if (closedCells.length < 2) throw error;
        const { row, column, columns } = cellPosition(closed, index);
        throw error.at(row, column, columns);
      }
      deals.push([start, end]);
    });
    return salesCycle(deals) ?? '';
  },
};

/** 1 ÷ win rate: the pipeline coverage a win rate needs, to compare with PIPELINE_COVERAGE. */
export const COVERAGE_NEEDED = cellwise('COVERAGE_NEEDED', ['win_rate'], ([rate], refs) => {
  const ref = refs.win_rate as ArgumentRef;
  const value = readNumber(rate, ref);
  if (value === null) return null;
  requireBetween(value, 0, 100, ref);
  requireAtLeast(value, 0, ref, false);
  return coverageNeeded(asFraction(value));
});

/** Every formula of the API, in the order docs/formulas.md documents them. */
export const FORMULAS: readonly Formula[] = [
  KR_SCORE,
  KR_PACE,
  KR_STATUS,
  OKR_SCORE,
  KR_FORECAST,
  KR_NEEDED_PER_WEEK,
  PIPELINE_COVERAGE,
  ICE,
  RICE,
  SALES_VELOCITY,
  KR_VALUE,
  KR_GRADE,
  WEIGHTED_PIPELINE,
  FORECAST_ROLLUP,
  WIN_RATE,
  SALES_CYCLE,
  COVERAGE_NEEDED,
];

export type { CellOutcome };
