// The content of a weekly check-in, as the guide's 15–20 minute ritual has it: pipeline, the status of every
// key result against the quarter's pace, blockers, and the plan for the week tied to key results. Pure: the
// edge reads it from the check-in tab and the History sheet and writes it back.

import type { DisplayUnit } from '../number-format';
import { ASPIRATIONAL, COMMITTED, type Status, statusOf } from '../pace';
import { type KeyResultKind, scoreKeyResult } from '../score';

export interface CheckInKeyResult {
  /** "O1.2" */
  id: string;
  objective: string;
  title: string;
  owner: string;
  kind: KeyResultKind;
  unit: DisplayUnit;
  currency?: string;
  start: number | null;
  target: number | null;
  committed: boolean;
  /** The last value recorded in History, and its serial day; `null` when never recorded. */
  lastValue: number | null;
  lastRecordedDay: number | null;
  /** This week's value, as the team typed it (prefilled with the last one). */
  value: number | null;
  /** The owner's confidence of reaching the target, 1–10. */
  confidence: number | null;
  comment: string;
}

export interface Blocker {
  description: string;
  whoCanHelp: string;
}

export interface PlanItem {
  action: string;
  /** The KR id it supports; '' when tied to none. */
  keyResultId: string;
}

export interface Pipeline {
  value: number | null;
  goal: number | null;
  finalStageDeals: string[];
  forecastTwoWeeks: number | null;
  currency: string;
}

export interface CheckIn {
  quarterLabel: string;
  /** Week of the quarter, 1-based. */
  week: number;
  /** Serial day of the as-of date (the check-in's day). */
  asOfDay: number;
  /** Expected progress e of the quarter at the as-of date. */
  expected: number;
  pipeline: Pipeline;
  keyResults: CheckInKeyResult[];
  blockers: Blocker[];
  plan: PlanItem[];
}

export type CheckInFlag = 'confidenceMismatch' | 'stale';

export interface KeyResultAssessment {
  score: number | null;
  status: Status | null;
  /** How close the value is to the target: value / target, or target / value where lower is better. */
  shareOfTarget: number | null;
  /** This week's value minus the last recorded one. */
  change: number | null;
  flags: CheckInFlag[];
}

/** A key result not recorded for longer than this is flagged as stale. */
export const STALE_AFTER_DAYS = 7;

/**
 * Scores a key result for this week and flags what a manager should ask about: numbers and confidence that
 * disagree (red but confidence ≥ 8, green but confidence ≤ 3) and a value not recorded for over 7 days.
 */
export function assessKeyResult(keyResult: CheckInKeyResult, expected: number, asOfDay: number): KeyResultAssessment {
  const score = scoreKeyResult({
    start: keyResult.start,
    target: keyResult.target,
    current: keyResult.value,
    kind: keyResult.kind,
  });
  const bands = keyResult.committed ? COMMITTED : ASPIRATIONAL;
  const status = score === null ? null : statusOf(score, expected, bands, keyResult.kind);
  const flags: CheckInFlag[] = [];
  const { confidence } = keyResult;
  if (confidence !== null && ((status === 'red' && confidence >= 8) || (status === 'green' && confidence <= 3))) {
    flags.push('confidenceMismatch');
  }
  if (keyResult.lastRecordedDay === null || asOfDay - keyResult.lastRecordedDay > STALE_AFTER_DAYS) {
    flags.push('stale');
  }
  const { value, lastValue } = keyResult;
  // A milestone is done or not: "done minus not done" is no change a manager reads.
  const comparable = value !== null && lastValue !== null && keyResult.kind !== 'milestone';
  return {
    score,
    status,
    shareOfTarget: shareOfTarget(keyResult),
    change: comparable ? value - lastValue : null,
    flags,
  };
}

/**
 * Key results no plan item supports, and plan items (1-based) that name no key result of the quarter. A plan
 * item may name an initiative instead: it then supports the KR that initiative serves.
 */
export function planCoverage(
  checkIn: Pick<CheckIn, 'keyResults' | 'plan'>,
  initiatives: readonly { id: string; keyResultId: string }[] = [],
): {
  keyResultsWithoutPlan: string[];
  planItemsWithoutKeyResult: number[];
} {
  const served = new Map(
    initiatives.map((initiative) => [initiative.id.trim().toLowerCase(), initiative.keyResultId.trim()]),
  );
  const ids = new Set(checkIn.keyResults.map((keyResult) => keyResult.id));
  const krOf = (named: string) => (ids.has(named) ? named : (served.get(named.trim().toLowerCase()) ?? named));
  const planned = new Set(checkIn.plan.map((item) => krOf(item.keyResultId)));
  return {
    keyResultsWithoutPlan: checkIn.keyResults.map((keyResult) => keyResult.id).filter((id) => !planned.has(id)),
    planItemsWithoutKeyResult: checkIn.plan
      .map((item, index) =>
        item.action.trim() && !ids.has(item.keyResultId) && !served.has(item.keyResultId.trim().toLowerCase())
          ? index + 1
          : 0,
      )
      .filter((index) => index > 0),
  };
}

// "7% / 5% = 140%" would read as overachieved for a churn result that is still too high: where lower is
// better, the share is target / value (5% of 7% = 71%).
function shareOfTarget({ value, target, kind, start }: CheckInKeyResult): number | null {
  if (value === null || target === null) return null;
  const lowerIsBetter = kind === 'decrease' || kind === 'atMost' || (start !== null && target < start);
  if (lowerIsBetter) return value > 0 ? target / value : null;
  return target !== 0 ? value / target : null;
}
