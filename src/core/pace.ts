// Where a key result should be by now. The expected share of the quarter counts whole weeks completed, so
// the status of a result stays the same for a whole week and nothing is "behind" in week 1.

import type { KeyResultKind } from './score';

export type Status = 'green' | 'yellow' | 'red';

export const STATUS_EMOJI: Record<Status, string> = { green: '🟢', yellow: '🟡', red: '🔴' };

/** The bands of the pace rule: green at or above `greenAt`·e, yellow at or above `yellowAt`·e. */
export interface StatusThresholds {
  greenAt: number;
  yellowAt: number;
}

/** Aspirational key results: 0.7 / 0.4, the classic grading bands. */
export const ASPIRATIONAL: StatusThresholds = { greenAt: 0.7, yellowAt: 0.4 };
/** Committed key results: promised in full, so 1.0 / 0.7. */
export const COMMITTED: StatusThresholds = { greenAt: 1, yellowAt: 0.7 };

// Scores are ratios of decimals: 0.7 may arrive as 0.6999999999999998 and must still be green.
const TOLERANCE = 1e-9;

/**
 * Number of weeks in a quarter from its first to its last day (inclusive), rounded: 90–92 days are 13 weeks.
 * @example weeksInQuarter(46023, 46112) // 13 (2026-01-01 … 2026-03-31)
 */
export function weeksInQuarter(startDay: number, endDay: number): number {
  return Math.max(1, Math.round((endDay - startDay + 1) / 7));
}

/** Whole weeks completed between the quarter's first day and the as-of day, within 0…weeksInQuarter. */
export function weeksCompleted(startDay: number, endDay: number, asOfDay: number): number {
  const weeks = weeksInQuarter(startDay, endDay);
  if (asOfDay >= endDay) return weeks;
  return Math.min(weeks, Math.max(0, Math.floor((asOfDay - startDay) / 7)));
}

/**
 * Expected progress e: whole weeks completed / weeks in the quarter, 0…1; 1 from the quarter's last day on.
 * @example expectedProgress(46023, 46112, 46023 + 14) // 2/13
 */
export function expectedProgress(startDay: number, endDay: number, asOfDay: number): number {
  return weeksCompleted(startDay, endDay, asOfDay) / weeksInQuarter(startDay, endDay);
}

/**
 * Status by the pace rule: green when score ≥ greenAt·e, yellow when ≥ yellowAt·e, red below.
 * With e = 1 this is the end-of-quarter grading. A milestone is done (1) or not (0), so the rule would call
 * one not done green while nothing is expected yet (0 ≥ 0.7·0): a milestone not done is never green, only
 * yellow then, and red by the rule once anything is expected.
 * @example statusOf(0.5, 0.5) // 'green'
 * @example statusOf(0, 0, ASPIRATIONAL, 'milestone') // 'yellow'
 */
export function statusOf(
  score: number,
  expected = 1,
  thresholds: StatusThresholds = ASPIRATIONAL,
  kind: KeyResultKind | null = null,
): Status {
  if (score + TOLERANCE >= thresholds.greenAt * expected) {
    return kind === 'milestone' && score + TOLERANCE < 1 ? 'yellow' : 'green';
  }
  if (score + TOLERANCE >= thresholds.yellowAt * expected) return 'yellow';
  return 'red';
}
