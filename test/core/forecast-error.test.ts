// Fact vs forecast: the mean absolute error of the standard forecasts made 4 and 8 weeks before the final
// recorded week, normalised by the KR's planned distance, and the forecasts History stores each week.
import { describe, expect, it } from 'vitest';
import {
  type HistoryRecord,
  historyRowCells,
  parseHistoryRow,
  withStandardForecasts,
} from '../../src/core/check-in/history';
import { forecastErrors } from '../../src/core/forecast-error';

const QUARTER = 'Q1 2027';

function record(keyResultId: string, week: number, value: number | null, forecast?: number | null): HistoryRecord {
  return {
    recordedAt: `2027-01-01 10:${String(week).padStart(2, '0')}:00`,
    day: 46000 + week * 7,
    week,
    keyResultId,
    value,
    score: null,
    status: null,
    confidence: null,
    comment: '',
    who: '',
    quarter: QUARTER,
    forecast,
  };
}

describe('forecastErrors', () => {
  it('averages the errors of the forecasts made 4 and 8 weeks before the final week', () => {
    const history = [record('KR1', 4, 30, 80), record('KR1', 8, 60, 95), record('KR1', 12, 90, 90)];
    const [error] = forecastErrors(history, [{ id: 'KR1', start: 0, target: 100 }]);
    expect(error?.finalWeek).toBe(12);
    expect(error?.finalValue).toBe(90);
    expect(error?.points.map((point) => [point.weeksBefore, point.week, point.forecast])).toEqual([
      [4, 8, 95],
      [8, 4, 80],
    ]);
    expect(error?.points[0]?.error).toBeCloseTo(0.05);
    expect(error?.points[1]?.error).toBeCloseTo(0.1);
    expect(error?.meanAbsoluteError).toBeCloseTo(0.075);
    expect(error?.missing).toBeNull();
  });

  it('normalises a decreasing KR by its distance from the baseline', () => {
    // 60 → 45 days: distance 15; forecast 50 made 4 weeks before a final 47 is 3 ÷ 15 off.
    const history = [record('KR2', 5, 55, 50), record('KR2', 9, 47, 47)];
    const [error] = forecastErrors(history, [{ id: 'KR2', start: 60, target: 45 }]);
    expect(error?.meanAbsoluteError).toBeCloseTo(0.2);
    expect(error?.points).toHaveLength(1);
  });

  it('counts a missing start as 0 and says why a KR has no error', () => {
    const history = [record('KR1', 1, 2, 6), record('KR1', 5, 5, 5), record('KR3', 2, 3, 4)];
    const errors = forecastErrors(history, [
      { id: 'KR1', start: null, target: 8 },
      { id: 'KR3', start: 5, target: 5 },
      { id: 'KR4', start: 0, target: 1 },
      { id: 'KR1', start: 0, target: 8, shape: {} },
    ]);
    expect(errors[0]?.meanAbsoluteError).toBeCloseTo(1 / 8);
    expect(errors[1]?.missing).toBe('noDistance');
    expect(errors[2]?.missing).toBe('noValue');
    expect(errors.map((error) => error.keyResultId)).toEqual(['KR1', 'KR3', 'KR4', 'KR1']);
  });

  it('looks back from a chosen week, keeps to one quarter and takes the latest recording of a week', () => {
    const history = [
      record('KR1', 2, 10, 40),
      { ...record('KR1', 2, 10, 50), recordedAt: '2027-01-02 09:00:00' },
      record('KR1', 6, 30, 60),
      record('KR1', 10, 70, 70),
      { ...record('KR1', 2, 99, 99), quarter: 'Q4 2026' },
    ];
    const [error] = forecastErrors(history, [{ id: 'KR1', start: 0, target: 100 }], {
      quarter: QUARTER,
      throughWeek: 6,
    });
    expect(error?.finalWeek).toBe(6);
    expect(error?.points).toEqual([{ weeksBefore: 4, week: 2, forecast: 50, error: 0.2 }]);
  });

  it('recomputes the forecast of a week recorded before History kept forecasts when the quarter end is given', () => {
    // Values 0, 1, 2 a week apart: the line reaches 10 at day 70 from the first point's day.
    const history = [record('KR1', 1, 0), record('KR1', 2, 1), record('KR1', 6, 6)];
    const endDay = 46000 + 7 + 70;
    expect(forecastErrors(history, [{ id: 'KR1', start: 0, target: 10 }])[0]?.missing).toBe('noForecast');
    const [error] = forecastErrors(history, [{ id: 'KR1', start: 0, target: 10 }], { endDay });
    expect(error?.points[0]?.forecast).toBeCloseTo(10);
    expect(error?.meanAbsoluteError).toBeCloseTo(0.4);
  });
});

describe('History keeps the standard forecast', () => {
  const kr = { id: 'KR1', kind: 'increase' as const, unit: 'count' as const, start: 0, target: 10 };

  it('stores the standard forecast of the values up to the recorded week', () => {
    const endDay = 46000 + 7 + 70;
    const [week2] = withStandardForecasts([record('KR1', 2, 1)], [record('KR1', 1, 0)], QUARTER, endDay, [kr]);
    expect(week2?.forecast).toBeCloseTo(10);
  });

  it('stores no forecast for a first week, a milestone or a week of another quarter', () => {
    const other = { ...record('KR1', 1, 0), quarter: 'Q4 2026' };
    const [first] = withStandardForecasts([record('KR1', 2, 1)], [other], QUARTER, 46100, [kr]);
    expect(first?.forecast).toBeNull();
    const milestone = { ...kr, kind: 'milestone' as const };
    const [done] = withStandardForecasts([record('KR1', 2, 1)], [record('KR1', 1, 0)], QUARTER, 46100, [milestone]);
    expect(done?.forecast).toBeNull();
  });

  it('writes the forecast in the last column and reads rows written before that column existed', () => {
    const cells = historyRowCells(record('KR1', 3, 5, 12.5));
    expect(cells[cells.length - 1]).toBe(12.5);
    expect(parseHistoryRow(cells)?.forecast).toBe(12.5);
    const old = parseHistoryRow(cells.slice(0, -1));
    expect(old?.value).toBe(5);
    expect(old?.forecast).toBeNull();
  });
});
