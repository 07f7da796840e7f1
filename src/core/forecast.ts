// Projections from the weekly check-in history: where a key result will land at quarter end under the
// pessimistic, standard and optimistic scenarios, and what each remaining week must bring to reach the target.
// Scenarios are named by meaning, so the KR's direction decides them: for a decreasing KR the pessimistic
// forecast is the higher value. Forecasts stay within the KR's natural bounds (no negative count, amount,
// number of days or percentage; no share of a whole above 100 %).

import type { Unit } from '../shared/plan';
import { inferKind, type KeyResultKind } from './score';

/** One recorded value of a key result on a serial day. */
export interface HistoryPoint {
  day: number;
  value: number;
}

export type Scenario = 'pessimistic' | 'standard' | 'optimistic';

/** The scenarios in the order the sheet shows them. */
export const SCENARIOS: readonly Scenario[] = ['pessimistic', 'standard', 'optimistic'];

// A Map, not an object: a typed "constructor" must not find a scenario on Object.prototype. `min` and
// `max` are the scenario words of earlier versions, kept as synonyms of pessimistic and optimistic.
const SCENARIO_WORDS = new Map<string, Scenario>(
  Object.entries({
    pessimistic: 'pessimistic',
    pesymistyczny: 'pessimistic',
    pesymistyczna: 'pessimistic',
    min: 'pessimistic',
    minimum: 'pessimistic',
    minimalny: 'pessimistic',
    standard: 'standard',
    standardowy: 'standard',
    standardowa: 'standard',
    trend: 'standard',
    optimistic: 'optimistic',
    optymistyczny: 'optimistic',
    optymistyczna: 'optimistic',
    max: 'optimistic',
    maximum: 'optimistic',
    maksymalny: 'optimistic',
  } satisfies Record<string, Scenario>),
);

/** Reads a scenario typed in English or Polish; `null` if unknown. */
export function parseScenario(text: string): Scenario | null {
  return SCENARIO_WORDS.get(text.trim().toLowerCase()) ?? null;
}

/** What a forecast needs to know of its key result; all optional (then: higher is better, no bounds). */
export interface ForecastShape {
  /** A decreasing or "at most" KR: its pessimistic forecast is the higher value. */
  lowerIsBetter?: boolean;
  /** The least and the greatest value the KR can take; `null` when unbounded. */
  lowest?: number | null;
  highest?: number | null;
}

/** Whether a lower value is the better one: decrease and at most, or a target below the start. */
export function lowerIsBetter(kind: KeyResultKind | null, start: number | null, target: number | null): boolean {
  const known = kind ?? inferKind(start, target);
  return known === 'decrease' || known === 'atMost';
}

/**
 * The natural bounds of a KR's values. Counts, amounts, days and hours are never below 0 (points may be, as
 * NPS is). A percentage is never below 0; the plan does not say whether it is a share of a whole (churn,
 * conversion, win rate: at most 100 %) or a ratio that may exceed it (net revenue retention), so it is
 * bounded by 100 % only when its start and target both lie within 0…100 %. A bound never cuts off a value
 * actually recorded.
 * @example naturalBounds('percent', 0.05, 0.02, [0.04]) // { lowest: 0, highest: 1 }
 */
export function naturalBounds(
  unit: Unit | null,
  start: number | null,
  target: number | null,
  recorded: readonly number[] = [],
): { lowest: number | null; highest: number | null } {
  if (unit === null || unit === 'points') return { lowest: null, highest: null };
  const lowest = Math.min(0, ...recorded);
  const planned = [start, target].filter((value): value is number => value !== null);
  const shareOfWhole = unit === 'percent' && planned.length > 0 && planned.every((value) => value >= 0 && value <= 1);
  return { lowest, highest: shareOfWhole ? Math.max(1, ...recorded) : null };
}

/**
 * Projects the value at `endDay` from the history; `null` with fewer than two recorded days.
 * `standard` fits a least-squares line; the other two continue the latest value at the slowest and the
 * fastest weekly pace seen between consecutive check-ins (never better than the standard for the
 * pessimistic one, never worse for the optimistic one), the slow one being pessimistic unless lower is
 * better. The answer is kept within the shape's bounds.
 * @example forecastValue([{ day: 0, value: 0 }, { day: 7, value: 1 }], 70, 'standard') // 10
 */
export function forecastValue(
  history: readonly HistoryPoint[],
  endDay: number,
  scenario: Scenario,
  shape: ForecastShape = {},
): number | null {
  const points = [...history].sort((a, b) => a.day - b.day);
  const days = new Set(points.map((point) => point.day));
  if (days.size < 2) return null;
  const latest = points[points.length - 1] as HistoryPoint;
  const { slope, intercept } = leastSquares(points);
  const standard = intercept + slope * endDay;
  let value = standard;
  if (scenario !== 'standard') {
    const paces: number[] = [];
    for (let index = 1; index < points.length; index++) {
      const before = points[index - 1] as HistoryPoint;
      const after = points[index] as HistoryPoint;
      if (after.day > before.day) paces.push((after.value - before.value) / (after.day - before.day));
    }
    const remaining = Math.max(0, endDay - latest.day);
    const low = Math.min(standard, latest.value + Math.min(...paces) * remaining);
    const high = Math.max(standard, latest.value + Math.max(...paces) * remaining);
    const wantsHigh = (scenario === 'optimistic') !== (shape.lowerIsBetter ?? false);
    value = wantsHigh ? high : low;
  }
  if (shape.lowest !== undefined && shape.lowest !== null) value = Math.max(shape.lowest, value);
  if (shape.highest !== undefined && shape.highest !== null) value = Math.min(shape.highest, value);
  // -0 would show as "-0" in a cell.
  return value === 0 ? 0 : value;
}

function leastSquares(points: readonly HistoryPoint[]): { slope: number; intercept: number } {
  const count = points.length;
  const meanDay = points.reduce((sum, point) => sum + point.day, 0) / count;
  const meanValue = points.reduce((sum, point) => sum + point.value, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.day - meanDay) * (point.value - meanValue);
    variance += (point.day - meanDay) ** 2;
  }
  const slope = covariance / variance;
  return { slope, intercept: meanValue - slope * meanDay };
}

/**
 * What must change each remaining week to reach the target: target minus current, spread over the weeks
 * left (negative when the value must fall); `null` once the quarter is over. The last, partial week counts as a week.
 * @example neededPerWeek(8, 2, 0, 42) // 1 (6 to go in 6 weeks)
 */
export function neededPerWeek(target: number, current: number, asOfDay: number, endDay: number): number | null {
  if (asOfDay > endDay) return null;
  const weeksLeft = Math.max(1, Math.ceil((endDay - asOfDay) / 7));
  return (target - current) / weeksLeft;
}
