// Projections from the weekly check-in history: where a key result will land at quarter end under the
// minimum, standard and maximum scenarios, and what each remaining week must bring to reach the target.

/** One recorded value of a key result on a serial day. */
export interface HistoryPoint {
  day: number;
  value: number;
}

export type Scenario = 'min' | 'standard' | 'max';

// A Map, not an object: a typed "constructor" must not find a scenario on Object.prototype.
const SCENARIO_WORDS = new Map<string, Scenario>(
  Object.entries({
    min: 'min',
    minimum: 'min',
    minimalny: 'min',
    pessimistic: 'min',
    pesymistyczny: 'min',
    standard: 'standard',
    standardowy: 'standard',
    trend: 'standard',
    max: 'max',
    maximum: 'max',
    maksymalny: 'max',
    optimistic: 'max',
    optymistyczny: 'max',
  } satisfies Record<string, Scenario>),
);

/** Reads a scenario typed in English or Polish; `null` if unknown. */
export function parseScenario(text: string): Scenario | null {
  return SCENARIO_WORDS.get(text.trim().toLowerCase()) ?? null;
}

/**
 * Projects the value at `endDay` from the history; `null` with fewer than two recorded days.
 * `standard` fits a least-squares line; `min` and `max` continue the latest value at the slowest and the
 * fastest weekly pace seen between consecutive check-ins.
 * @example forecastValue([{ day: 0, value: 0 }, { day: 7, value: 1 }], 70, 'standard') // 10
 */
export function forecastValue(history: readonly HistoryPoint[], endDay: number, scenario: Scenario): number | null {
  const points = [...history].sort((a, b) => a.day - b.day);
  const days = new Set(points.map((point) => point.day));
  if (days.size < 2) return null;
  const latest = points[points.length - 1] as HistoryPoint;
  if (scenario === 'standard') {
    const { slope, intercept } = leastSquares(points);
    return intercept + slope * endDay;
  }
  const paces: number[] = [];
  for (let index = 1; index < points.length; index++) {
    const before = points[index - 1] as HistoryPoint;
    const after = points[index] as HistoryPoint;
    if (after.day > before.day) paces.push((after.value - before.value) / (after.day - before.day));
  }
  const pace = scenario === 'min' ? Math.min(...paces) : Math.max(...paces);
  return latest.value + pace * Math.max(0, endDay - latest.day);
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
