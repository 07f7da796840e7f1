// Fact versus forecast: how far the standard forecasts a team saw during the quarter were from what happened.
// Each recorded week History keeps the standard end-of-quarter forecast beside the value; here, per key
// result, the forecasts made 4 and 8 weeks before the last recorded week are compared with the last recorded
// value (the final one), each error normalised by the KR's planned distance |target − start| (domain.md,
// "Scenario plans and forecasts"), and averaged. The monthly review and the close call it; it is plain data
// in, plain data out, so each renders the figures in its own words.

import type { HistoryRecord } from './check-in/history';
import { type ForecastShape, forecastValue } from './forecast';

/** What the error needs to know of a key result. A missing start counts as 0 (score = current ÷ target). */
export interface ForecastErrorKeyResult {
  id: string;
  start: number | null;
  target: number | null;
  /** Direction and natural bounds, used only when a forecast is recomputed from the values. */
  shape?: ForecastShape;
}

export interface ForecastErrorOptions {
  /** Only the records of this quarter (its label, "Q1 2027"); every record when absent. */
  quarter?: string;
  /** How many weeks before the final week the compared forecasts were made; [4, 8] by default. */
  horizons?: readonly number[];
  /** The final week: the last recorded one up to this week (a monthly review looks back from its month). */
  throughWeek?: number;
  /**
   * Serial day of the quarter's end. When given, a week recorded before History kept forecasts gets its
   * forecast recomputed from the values recorded up to that week (the same core forecast the sheet shows).
   */
  endDay?: number;
}

/** One compared forecast: made `weeksBefore` weeks before the final week. */
export interface ForecastErrorPoint {
  weeksBefore: number;
  /** The week the forecast was made in. */
  week: number;
  forecast: number;
  /** |forecast − final value| ÷ |target − start|: 0.25 is a quarter of the planned distance. */
  error: number;
}

export interface ForecastError {
  keyResultId: string;
  /** The last recorded week and its value; `null` when the KR has no recorded value. */
  finalWeek: number | null;
  finalValue: number | null;
  /** The forecasts that could be compared, in the order of the horizons. */
  points: ForecastErrorPoint[];
  /** Mean of the points' errors; `null` when none could be compared. */
  meanAbsoluteError: number | null;
  /** Why there is no error: no value recorded, no forecast that many weeks before, or target = start. */
  missing: 'noValue' | 'noForecast' | 'noDistance' | null;
}

/**
 * Per key result (in the order given), the mean absolute error of the standard forecasts made 4 and 8 weeks
 * before the final recorded week against the final recorded value, normalised by |target − start|.
 * A horizon with no recorded week (or no forecast in it) is left out of the mean.
 * @example
 * // KR 0 → 100; week 4 forecast 80, week 8 forecast 95, final (week 12) value 90:
 * forecastErrors(history, [{ id: 'KR1', start: 0, target: 100 }])
 * // [{ keyResultId: 'KR1', finalWeek: 12, finalValue: 90, meanAbsoluteError: 0.075,
 * //    points: [{ weeksBefore: 4, week: 8, forecast: 95, error: 0.05 },
 * //             { weeksBefore: 8, week: 4, forecast: 80, error: 0.1 }], missing: null }]
 */
export function forecastErrors(
  history: readonly HistoryRecord[],
  keyResults: readonly ForecastErrorKeyResult[],
  options: ForecastErrorOptions = {},
): ForecastError[] {
  const horizons = options.horizons ?? [4, 8];
  const byKr = new Map<string, HistoryRecord[]>();
  for (const record of history) {
    if (options.quarter !== undefined && record.quarter !== options.quarter) continue;
    if (options.throughWeek !== undefined && record.week > options.throughWeek) continue;
    const list = byKr.get(record.keyResultId) ?? [];
    list.push(record);
    byKr.set(record.keyResultId, list);
  }
  return keyResults.map((keyResult) => errorOf(keyResult, byKr.get(keyResult.id) ?? [], horizons, options.endDay));
}

function errorOf(
  keyResult: ForecastErrorKeyResult,
  records: readonly HistoryRecord[],
  horizons: readonly number[],
  endDay: number | undefined,
): ForecastError {
  // One record per week: the latest recorded wins when a week was recorded twice.
  const byWeek = new Map<number, HistoryRecord>();
  for (const record of records) {
    const known = byWeek.get(record.week);
    if (!known || record.recordedAt >= known.recordedAt) byWeek.set(record.week, record);
  }
  const valued = [...byWeek.values()].filter((record) => record.value !== null).sort((a, b) => a.week - b.week);
  const final = valued[valued.length - 1];
  const none = { keyResultId: keyResult.id, points: [], meanAbsoluteError: null };
  if (!final || final.value === null) return { ...none, finalWeek: null, finalValue: null, missing: 'noValue' };
  const finalValue = final.value;
  const distance = keyResult.target === null ? 0 : Math.abs(keyResult.target - (keyResult.start ?? 0));
  if (distance === 0) return { ...none, finalWeek: final.week, finalValue, missing: 'noDistance' };
  const points: ForecastErrorPoint[] = [];
  for (const weeksBefore of horizons) {
    const week = final.week - weeksBefore;
    const record = byWeek.get(week);
    if (!record) continue;
    let forecast = record.forecast ?? null;
    if (forecast === null && endDay !== undefined) {
      const upTo = valued
        .filter((point) => point.week <= week)
        .map((point) => ({ day: point.day, value: point.value as number }));
      forecast = forecastValue(upTo, endDay, 'standard', keyResult.shape);
    }
    if (forecast === null || !Number.isFinite(forecast)) continue;
    points.push({ weeksBefore, week, forecast, error: Math.abs(forecast - finalValue) / distance });
  }
  const meanAbsoluteError =
    points.length === 0 ? null : points.reduce((sum, point) => sum + point.error, 0) / points.length;
  return {
    keyResultId: keyResult.id,
    finalWeek: final.week,
    finalValue,
    points,
    meanAbsoluteError,
    missing: points.length === 0 ? 'noForecast' : null,
  };
}
