// The History sheet's rows as data: one row per key result per recorded week, append-only. Recording a week
// again replaces that week's rows and nothing else; the last recorded value of each key result prefills the
// next check-in.

import type { Status } from '../pace';

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
  /** The user's email, where Apps Script can tell; '' otherwise. */
  who: string;
}

/**
 * The history with one week's records replaced by `records`: rows of other weeks are kept as they are and in
 * their order. `replaced` counts the rows of that week that were there before.
 */
export function replaceWeek(
  history: readonly HistoryRecord[],
  week: number,
  records: readonly HistoryRecord[],
): { history: HistoryRecord[]; replaced: number } {
  const kept = history.filter((record) => record.week !== week);
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
