// What a week's check-in is made from: which quarter it belongs to (the quarter whose weeks hold the as-of
// date, else the latest one, which may not have started yet or be over), and its key results as the OKR
// sheet has them, each with the last value recorded in History. Rows of the OKR sheet that could not be read
// still appear when they have a KR id, marked and unscored, so their values keep reaching History.

import type { QuarterReading } from '../okr-sheet/read';
import { compareIds } from '../okr-sheet/read';
import { type CheckInWeek, checkInWeek } from '../quarter';
import type { TabKeyResult } from './check-in-tab';

/** An OKR sheet of a quarter, as its metadata describes it. */
export interface QuarterCandidate {
  sheetId: number;
  label: string;
  /** ISO dates, both inclusive. */
  start: string;
  end: string;
  /** Closed when the next quarter was started from it. */
  frozen: boolean;
  /** Position among the tabs; a later tab was built later. */
  index: number;
}

export type CheckInMoment =
  | { kind: 'noQuarter' }
  /** The latest quarter has not reached its week 1. */
  | { kind: 'notStarted'; quarter: QuarterCandidate; firstWeek: CheckInWeek }
  /** A week of a running quarter. */
  | { kind: 'running'; quarter: QuarterCandidate; week: CheckInWeek; asOf: string }
  /** The latest quarter is over: its last week, as of its last day. */
  | { kind: 'over'; quarter: QuarterCandidate; week: CheckInWeek; asOf: string };

/** Open sheets before closed ones, then the later-built; among sheets of one quarter the live one wins. */
function preferred(a: QuarterCandidate, b: QuarterCandidate): number {
  if (a.frozen !== b.frozen) return a.frozen ? 1 : -1;
  return b.index - a.index;
}

/**
 * The quarter and week a check-in made on `asOf` (ISO) belongs to. A quarter holds a day from the Monday of
 * its week 1 (which may fall before its first day) to its last day. With `sheetId`, the person picked the
 * quarter (the open one, when the quarter holding today was closed early by planning the next): its week
 * holding `asOf`, its week 1 when it has not started (planned ahead, its first check-in comes early), its
 * last week when it is over.
 */
export function chooseCheckIn(candidates: readonly QuarterCandidate[], asOf: string, sheetId?: number): CheckInMoment {
  if (candidates.length === 0) return { kind: 'noQuarter' };
  const picked = sheetId === undefined ? undefined : candidates.find((quarter) => quarter.sheetId === sheetId);
  if (picked) {
    if (asOf > picked.end) {
      return { kind: 'over', quarter: picked, week: checkInWeek(picked.start, picked.end), asOf: picked.end };
    }
    const week = checkInWeek(picked.start, asOf);
    if (week.week >= 1) return { kind: 'running', quarter: picked, week, asOf };
    return { kind: 'running', quarter: picked, week: checkInWeek(picked.start, picked.start), asOf: picked.start };
  }
  // Where the last days of one quarter share a week with the first of the next, the open quarter wins,
  // then the one that has started by its dates.
  const started = (quarter: QuarterCandidate) => (quarter.start <= asOf ? 0 : 1);
  const holding = candidates
    .filter((quarter) => checkInWeek(quarter.start, asOf).week >= 1 && asOf <= quarter.end)
    .sort((a, b) => (a.frozen !== b.frozen ? preferred(a, b) : started(a) - started(b) || preferred(a, b)));
  const running = holding[0];
  if (running) return { kind: 'running', quarter: running, week: checkInWeek(running.start, asOf), asOf };
  const latest = [...candidates].sort((a, b) =>
    a.start === b.start ? preferred(a, b) : a.start < b.start ? 1 : -1,
  )[0];
  if (!latest) return { kind: 'noQuarter' };
  if (asOf > latest.end) {
    return { kind: 'over', quarter: latest, week: checkInWeek(latest.start, latest.end), asOf: latest.end };
  }
  return { kind: 'notStarted', quarter: latest, firstWeek: checkInWeek(latest.start, latest.start) };
}

/**
 * When the quarter a check-in goes into was closed (the next one was planned from it before it ended), the
 * open quarter the person may check in to instead: the first open one that is not over; `null` when the
 * quarter is open or no other is.
 */
export function openQuarterInstead(
  candidates: readonly QuarterCandidate[],
  chosen: QuarterCandidate,
  asOf: string,
): QuarterCandidate | null {
  if (!chosen.frozen) return null;
  const open = candidates
    .filter((quarter) => !quarter.frozen && quarter.sheetId !== chosen.sheetId && quarter.end >= asOf)
    .sort((a, b) => (a.start === b.start ? b.index - a.index : a.start < b.start ? -1 : 1));
  return open[0] ?? null;
}

/**
 * The key results of the check-in, in id order: every key result of the plan, then every row the reader
 * could not read that still has a KR id (shown with its problem, unscored), each with its last recorded value.
 */
export function tabKeyResultsOf(
  reading: QuarterReading,
  latest: ReadonlyMap<string, { value: number; day: number }>,
  dealsSheetName: string | null = null,
): TabKeyResult[] {
  const result: TabKeyResult[] = [];
  // A KR whose current cell holds a formula is fed by it; one naming the Deals sheet (or a sheet since deleted,
  // which Sheets writes as #REF!) is fed by Deals.
  // Sheets may show a plain name without its quotes (`Deals!$D:$D`), so both spellings count.
  const dealsRefs = dealsSheetName === null ? [] : [`'${dealsSheetName.replace(/'/g, "''")}'!`, `${dealsSheetName}!`];
  const fedBy = new Map<string, 'deals' | 'formula'>();
  for (const row of reading.rows) {
    const formula = row.currentFormula;
    if (!row.id || !formula || fedBy.has(row.id.toLowerCase())) continue;
    const deals = dealsRefs.some((ref) => formula.includes(ref)) || formula.includes('#REF!');
    fedBy.set(row.id.toLowerCase(), deals ? 'deals' : 'formula');
  }
  const currency = reading.settings?.currency ?? 'PLN';
  const seen = new Set<string>();
  for (const objective of reading.plan?.objectives ?? []) {
    for (const kr of objective.keyResults) {
      const id = kr.id ?? '';
      if (!id || seen.has(id.toLowerCase())) continue;
      seen.add(id.toLowerCase());
      const last = latest.get(id);
      result.push({
        id,
        objective: objective.title,
        title: kr.title,
        owner: kr.owner,
        kind: kr.kind,
        unit: kr.unit,
        currency: kr.currency ?? currency,
        start: kr.start,
        target: kr.target,
        committed: kr.committed,
        lastValue: last?.value ?? null,
        lastRecordedDay: last?.day ?? null,
        ...(fedBy.has(id.toLowerCase()) ? { fedBy: fedBy.get(id.toLowerCase()) } : {}),
      });
    }
  }
  for (const row of reading.rows) {
    if (row.valid || !row.id || seen.has(row.id.toLowerCase())) continue;
    seen.add(row.id.toLowerCase());
    const last = latest.get(row.id);
    const message = reading.problems
      .filter((problem) => problem.row === row.row)
      .map((problem) => problem.message)
      .join('; ');
    result.push({
      id: row.id,
      objective: row.objectiveId,
      title: row.title,
      owner: row.owner,
      kind: null,
      unit: 'count',
      currency,
      start: null,
      target: null,
      committed: false,
      lastValue: last?.value ?? null,
      lastRecordedDay: last?.day ?? null,
      problem: message,
      okrRow: row.row,
    });
  }
  return result.sort((a, b) => compareIds(a.id, b.id));
}
