// The History sheet's rows as data: one row per key result per recorded week, append-only. Recording a week
// again replaces that week's rows and nothing else; the last recorded value of each key result prefills the
// next check-in. One History sheet serves every quarter, so a row also names its quarter: week 5 of Q1 is
// not week 5 of Q2.

import type { Unit } from '../../shared/plan';
import { isBlank, isDate, readDay, readNumber } from '../cell-values';
import { forecastValue, lowerIsBetter, naturalBounds } from '../forecast';
import { literalText } from '../okr-sheet/cells';
import { STATUS_EMOJI, type Status } from '../pace';
import type { KeyResultKind } from '../score';

export interface HistoryRecord {
  /** When it was recorded, ISO date-time in the spreadsheet's time zone. */
  recordedAt: string;
  /** Serial day of the check-in's as-of date, which the value stands for. */
  day: number;
  week: number;
  keyResultId: string;
  value: number | null;
  score: number | null;
  status: Status | null;
  confidence: number | null;
  comment: string;
  /** Who recorded: the key-result owner picked in the check-in sidebar; '' when nobody was picked. */
  who: string;
  /** The quarter's label ("Q1 2027"); absent in records made before History held several quarters. */
  quarter?: string;
  /**
   * The standard end-of-quarter forecast made from the KR's values up to this week (see withStandardForecasts);
   * absent or `null` in records made before History kept forecasts, or with fewer than two recorded weeks.
   */
  forecast?: number | null;
}

/**
 * The history with one week's records replaced by `records`: rows of other weeks are kept as they are and in
 * their order. `replaced` counts the rows of that week that were there before.
 */
export function replaceWeek(
  history: readonly HistoryRecord[],
  week: number,
  records: readonly HistoryRecord[],
  quarter?: string,
): { history: HistoryRecord[]; replaced: number } {
  const kept = history.filter((record) => !isOfWeek(record, week, quarter));
  return { history: [...kept, ...records], replaced: history.length - kept.length };
}

/** The latest recorded value (and its day) of each key result, skipping records with no value. */
export function latestValues(history: readonly HistoryRecord[]): Map<string, { value: number; day: number }> {
  const latest = new Map<string, { value: number; day: number }>();
  for (const record of history) {
    if (record.value === null) continue;
    const known = latest.get(record.keyResultId);
    if (!known || record.day >= known.day) latest.set(record.keyResultId, { value: record.value, day: record.day });
  }
  return latest;
}

/** Whether a record belongs to a week (of a quarter, when one is named). */
function isOfWeek(record: Pick<HistoryRecord, 'week' | 'quarter'>, week: number, quarter?: string): boolean {
  return record.week === week && (quarter === undefined || record.quarter === quarter);
}

/**
 * The runs of consecutive rows (0-based indexes into `rows`, where `null` is a row holding no record) of one
 * week of one quarter, last run first, so deleting them in this order leaves the indexes of the runs still
 * to delete unchanged.
 * @example weekRuns([w1, w2, w2, w1, w2], 2, 'Q1 2027') // [{ start: 4, count: 1 }, { start: 1, count: 2 }]
 */
export function weekRuns(
  rows: readonly (Pick<HistoryRecord, 'week' | 'quarter'> | null)[],
  week: number,
  quarter: string,
): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  rows.forEach((record, index) => {
    if (!record || !isOfWeek(record, week, quarter)) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === index) last.count++;
    else runs.push({ start: index, count: 1 });
  });
  return runs.reverse();
}

/**
 * What the next check-in of `week` starts from: the latest value of each key result recorded in an earlier
 * week of the same quarter (a week recorded again later, or a later week, does not count).
 */
export function latestBefore(
  history: readonly HistoryRecord[],
  quarter: string,
  week: number,
): Map<string, { value: number; day: number }> {
  return latestValues(history.filter((record) => record.quarter === quarter && record.week < week));
}

/**
 * The columns of the History sheet, in order. The first nine are the ones a manager reads. New columns are
 * appended at the end, so History sheets made by earlier versions still read (their rows have no forecast).
 */
export const HISTORY_COLUMNS = [
  'recordedAt',
  'week',
  'krId',
  'value',
  'score',
  'status',
  'confidence',
  'comment',
  'who',
  'day',
  'quarter',
  'forecast',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** Column number (1-based) of a History column. */
export function historyColumn(key: HistoryColumn): number {
  return HISTORY_COLUMNS.indexOf(key) + 1;
}

/**
 * Number formats of a History row: the day is a date, the score a decimal, the value in `valueFormat` (its
 * unit's, such as `#,##0 "zł"`, so it stays a number Sheets shows in its unit and computes with), everything
 * else as it comes.
 */
export function historyRowFormats(valueFormat: string): string[] {
  return HISTORY_COLUMNS.map((key) =>
    key === 'day'
      ? 'yyyy-mm-dd'
      : key === 'score'
        ? '0.00'
        : key === 'value' || key === 'forecast'
          ? valueFormat
          : 'General',
  );
}

/**
 * A record as the cells of one History row, as `setValues` takes them: texts stay text (a comment starting
 * with "=" never becomes a formula), the day is a serial number shown as a date.
 */
export function historyRowCells(record: HistoryRecord): (string | number)[] {
  const cells: Record<HistoryColumn, string | number> = {
    recordedAt: literalText(record.recordedAt),
    week: record.week,
    krId: literalText(record.keyResultId),
    value: record.value ?? '',
    score: record.score ?? '',
    status: record.status ? STATUS_EMOJI[record.status] : '',
    confidence: record.confidence ?? '',
    comment: literalText(record.comment),
    who: literalText(record.who),
    day: record.day,
    quarter: literalText(record.quarter ?? ''),
    forecast: record.forecast ?? '',
  };
  return HISTORY_COLUMNS.map((key) => cells[key]);
}

const STATUS_WORDS = new Map<string, Status>([
  [STATUS_EMOJI.green, 'green'],
  [STATUS_EMOJI.yellow, 'yellow'],
  [STATUS_EMOJI.red, 'red'],
  ['green', 'green'],
  ['yellow', 'yellow'],
  ['red', 'red'],
]);

/**
 * Reads one History row back; `null` for a row that is no record (blank, or with no KR id or week). Cells a
 * person edited into something unreadable read as blank, so one odd cell never hides the rest of History.
 */
export function parseHistoryRow(cells: readonly unknown[]): HistoryRecord | null {
  const get = (key: HistoryColumn) => cells[historyColumn(key) - 1];
  const keyResultId = String(get('krId') ?? '').trim();
  const week = tryNumber(get('week'));
  if (!keyResultId || week === null) return null;
  const day = tryDay(get('day'));
  const recordedAt = get('recordedAt');
  return {
    recordedAt: isDate(recordedAt) ? recordedAt.toISOString() : String(recordedAt ?? ''),
    day: day ?? 0,
    week,
    keyResultId,
    value: tryNumber(get('value')),
    score: tryNumber(get('score')),
    status:
      STATUS_WORDS.get(
        String(get('status') ?? '')
          .trim()
          .toLowerCase(),
      ) ?? null,
    confidence: tryNumber(get('confidence')),
    comment: String(get('comment') ?? ''),
    who: String(get('who') ?? ''),
    quarter: String(get('quarter') ?? '').trim(),
    forecast: tryNumber(get('forecast')),
  };
}

/** What the standard forecast of a record needs to know of its key result. */
export interface ForecastedKeyResult {
  id: string;
  kind: KeyResultKind | null;
  unit: Unit | null;
  start: number | null;
  target: number | null;
}

/**
 * This week's records with the standard forecast each KR's values give (the core forecastValue, as the OKR
 * sheet's forecast column shows it): the values of the same quarter recorded in earlier weeks plus this week's
 * value, projected to `endDay`. A KR not in `keyResults`, a milestone or one with no value this week gets none.
 * @example withStandardForecasts([week2], [week1], 'Q1 2027', endDay, [kr]) // [{ ...week2, forecast: 10 }]
 */
export function withStandardForecasts(
  records: readonly HistoryRecord[],
  history: readonly HistoryRecord[],
  quarter: string,
  endDay: number,
  keyResults: readonly ForecastedKeyResult[],
): HistoryRecord[] {
  const byId = new Map(keyResults.map((keyResult) => [keyResult.id, keyResult]));
  return records.map((record) => {
    const keyResult = byId.get(record.keyResultId);
    if (!keyResult || keyResult.kind === 'milestone' || record.value === null) return { ...record, forecast: null };
    const earlier = history.filter(
      (other) =>
        other.quarter === quarter &&
        other.keyResultId === record.keyResultId &&
        other.week < record.week &&
        other.value !== null,
    );
    const points = [...earlier, record].map((point) => ({ day: point.day, value: point.value as number }));
    const shape = {
      lowerIsBetter: lowerIsBetter(keyResult.kind, keyResult.start, keyResult.target),
      ...naturalBounds(
        keyResult.unit,
        keyResult.start,
        keyResult.target,
        points.map((point) => point.value),
      ),
    };
    const forecast = forecastValue(points, endDay, 'standard', shape);
    return { ...record, forecast: forecast !== null && Number.isFinite(forecast) ? forecast : null };
  });
}

const REF = { fn: 'History', arg: '' };

function tryNumber(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  try {
    return isBlank(value) ? null : readNumber(value, REF);
  } catch {
    return null;
  }
}

function tryDay(value: unknown): number | null {
  try {
    return readDay(value, REF);
  } catch {
    return null;
  }
}
