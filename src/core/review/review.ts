// The monthly review's content, as data (docs/domain.md "Deals and the monthly review", "The cadence"): which
// months a quarter has and whether a month is one of them; per key result the month's movement from History
// (first and last value recorded in the month, the change, and the values a sparkline draws); from the
// deals, win rate, sales cycle and average deal value this month against last month (the one arithmetic of
// src/core/deals/pipeline.ts); the month's won and lost deals with the loss reasons counted; and the error of
// the standard forecasts History kept (the one arithmetic of ../forecast-error.ts). Nothing here touches
// Sheets; the layout (./review-sheet.ts) and the edge word it.

import type { HistoryRecord } from '../check-in/history';
import type { Deal, Outcome } from '../deals/deal';
import { salesCycle, winRate } from '../deals/pipeline';
import { type ForecastError, forecastErrors } from '../forecast-error';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/** Whether a text is a month as the review takes it (`2027-01`). */
export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** The month of an ISO day: `2027-01-15` → `2027-01`. */
export function monthOfDay(iso: string): Month {
  return iso.slice(0, 7);
}

/** The month before: `2027-01` → `2026-12`. */
export function previousMonth(month: Month): Month {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The months a quarter's days touch, in order: Q1 2027 → `2027-01`, `2027-02`, `2027-03`. */
export function quarterMonths(start: string, end: string): Month[] {
  const months: Month[] = [];
  for (let month = monthOfDay(start); month <= monthOfDay(end); month = nextMonth(month)) months.push(month);
  return months;
}

function nextMonth(month: Month): Month {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The serial days (1970-01-01 is 25569) of a month's first and last day. */
export function monthSerials(month: Month): { first: number; last: number } {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const first = Date.UTC(year, number - 1, 1) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  const last = Date.UTC(year, number, 0) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return { first, last };
}

/** A key result the review shows: its id, title and the number format of its values. */
export interface ReviewKeyResult {
  id: string;
  title: string;
  /** The number format of its values (its unit's); General when unknown. */
  numberFormat: string;
  /**
   * Its planned start and target: the forecast error is a fraction of |target − start| (a missing start
   * counts as 0). Without a target the KR has no forecast error.
   */
  start?: number | null;
  target?: number | null;
}

/** One key result's month, from History. */
export interface KeyResultMonth {
  id: string;
  title: string;
  numberFormat: string;
  /** The value of the month's first and last recorded check-in; `null` when the month recorded none. */
  first: number | null;
  last: number | null;
  /** last − first; `null` unless both are known. */
  change: number | null;
  /** The values the month recorded, by the weeks of `MonthlyReview.weeks` (`null` where that week has none). */
  values: (number | null)[];
}

/** Win rate, sales cycle and average deal value of one month's closed deals. */
export interface DealFigures {
  won: number;
  lost: number;
  /** A fraction; `null` when nothing was won or lost. */
  winRate: number | null;
  /** Mean days from created to closed of the won deals; `null` when none has both dates. */
  salesCycle: number | null;
  /** Mean amount of the won deals; `null` when none has an amount. */
  averageDealValue: number | null;
}

/** A deal won or lost in the month, as the review lists it. */
export interface ClosedDeal {
  id: string;
  deal: string;
  owner: string;
  amount: number | null;
  outcome: Exclude<Outcome, 'open'>;
  closed: number;
  lossReason: string;
}

/** A loss reason and how many of the month's lost deals gave it; `reason` '' stands for "none given". */
export interface LossReasonCount {
  reason: string;
  count: number;
}

/**
 * One key result's forecast error (docs/domain.md "Scenario plans and forecasts"): mean absolute error of the
 * forecasts made 4 and 8 weeks before, as a fraction of the target's distance; see `forecastErrorRows`.
 */
export interface ForecastErrorRow {
  id: string;
  /** `null` when no forecast was recorded that many weeks before the final week (or the KR has no distance). */
  fourWeeks: number | null;
  eightWeeks: number | null;
}

export interface MonthlyReview {
  quarter: string;
  month: Month;
  previousMonth: Month;
  /** The weeks of the quarter the month recorded, in order; the columns of the sparkline values. */
  weeks: number[];
  keyResults: KeyResultMonth[];
  /** `null` when the spreadsheet has no Deals sheet. */
  deals: { thisMonth: DealFigures; lastMonth: DealFigures } | null;
  closedDeals: ClosedDeal[];
  lossReasons: LossReasonCount[];
  forecastErrors: ForecastErrorRow[];
}

export interface ReviewInput {
  quarter: string;
  month: Month;
  keyResults: readonly ReviewKeyResult[];
  history: readonly HistoryRecord[];
  /** The Deals sheet's deals; `null` when there is no Deals sheet. */
  deals: readonly Deal[] | null;
}

/** Whether a History record belongs to the quarter (records made before History named quarters count). */
function ofQuarter(record: HistoryRecord, quarter: string): boolean {
  return record.quarter === undefined || record.quarter === '' || record.quarter === quarter;
}

/** The month's movement of each key result, with the weeks the month recorded. */
export function keyResultMonths(
  keyResults: readonly ReviewKeyResult[],
  history: readonly HistoryRecord[],
  quarter: string,
  month: Month,
): { weeks: number[]; keyResults: KeyResultMonth[] } {
  const { first, last } = monthSerials(month);
  const inMonth = history.filter(
    (record) => ofQuarter(record, quarter) && record.value !== null && record.day >= first && record.day <= last,
  );
  const weeks = [...new Set(inMonth.map((record) => record.week))].sort((a, b) => a - b);
  const byKr = new Map<string, HistoryRecord[]>();
  for (const record of inMonth) {
    const list = byKr.get(record.keyResultId) ?? [];
    list.push(record);
    byKr.set(record.keyResultId, list);
  }
  return {
    weeks,
    keyResults: keyResults.map((keyResult): KeyResultMonth => {
      // By week, then by day: a week recorded again keeps its latest recording.
      const records = (byKr.get(keyResult.id) ?? []).sort((a, b) => a.week - b.week || a.day - b.day);
      const byWeek = new Map(records.map((record) => [record.week, record.value as number]));
      const values = weeks.map((week) => byWeek.get(week) ?? null);
      const known = values.filter((value): value is number => value !== null);
      const firstValue = known[0] ?? null;
      const lastValue = known[known.length - 1] ?? null;
      return {
        id: keyResult.id,
        title: keyResult.title,
        numberFormat: keyResult.numberFormat,
        first: firstValue,
        last: lastValue,
        change: firstValue !== null && lastValue !== null ? lastValue - firstValue : null,
        values,
      };
    }),
  };
}

function closedIn(deal: Deal, month: Month): boolean {
  const { first, last } = monthSerials(month);
  return deal.outcome !== 'open' && deal.closed !== null && deal.closed >= first && deal.closed <= last;
}

/** Win rate, sales cycle and average deal value over the deals closed in a month. */
export function dealFigures(deals: readonly Deal[], month: Month): DealFigures {
  const closed = deals.filter((deal) => closedIn(deal, month));
  const won = closed.filter((deal) => deal.outcome === 'won');
  const cycles = won
    .filter((deal) => deal.created !== null && deal.closed !== null)
    .map((deal) => [deal.created as number, deal.closed as number] as const);
  const amounts = won.map((deal) => deal.amount).filter((amount): amount is number => amount !== null);
  return {
    won: won.length,
    lost: closed.length - won.length,
    winRate: winRate(closed.map((deal) => deal.outcome)),
    salesCycle: salesCycle(cycles),
    averageDealValue: amounts.length === 0 ? null : amounts.reduce((sum, amount) => sum + amount, 0) / amounts.length,
  };
}

/** The deals won or lost in the month, by close date. */
export function closedDeals(deals: readonly Deal[], month: Month): ClosedDeal[] {
  return deals
    .filter((deal) => closedIn(deal, month))
    .map((deal) => ({
      id: deal.id,
      deal: deal.deal,
      owner: deal.owner,
      amount: deal.amount,
      outcome: deal.outcome as 'won' | 'lost',
      closed: deal.closed as number,
      lossReason: deal.outcome === 'lost' ? deal.lossReason : '',
    }))
    .sort((a, b) => a.closed - b.closed);
}

/**
 * The loss reasons of the lost deals, counted, most frequent first; reasons that differ only in case or
 * spaces count as one (the first spelling is shown). A lost deal without a reason counts under ''.
 */
export function lossReasons(deals: readonly ClosedDeal[]): LossReasonCount[] {
  const counts = new Map<string, LossReasonCount>();
  for (const deal of deals) {
    if (deal.outcome !== 'lost') continue;
    const reason = deal.lossReason.trim().replace(/\s+/g, ' ');
    const key = reason.toLowerCase();
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { reason, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count || Number(a.reason === '') - Number(b.reason === '') || a.reason.localeCompare(b.reason),
  );
}

/**
 * Forecast error per key result (src/core/forecast-error.ts): the standard forecasts History recorded 4 and 8
 * weeks before the final week, against the final value, as a fraction of |target − start|. The final week is
 * the last one recorded up to the end of `month` (the review looks back from its month; all of the quarter
 * when no month is given). Rows for every key result when any KR has a compared forecast; none (the layout
 * says "no forecasts recorded yet") when History holds no forecast that can be compared.
 */
export function forecastErrorRows(
  history: readonly HistoryRecord[],
  keyResults: readonly ReviewKeyResult[],
  quarter: string,
  month?: Month,
): ForecastErrorRow[] {
  const through = month === undefined ? Number.POSITIVE_INFINITY : monthSerials(month).last;
  const records = history.filter((record) => ofQuarter(record, quarter) && record.day <= through);
  const errors = forecastErrors(
    records,
    keyResults.map((keyResult) => ({
      id: keyResult.id,
      start: keyResult.start ?? null,
      target: keyResult.target ?? null,
    })),
  );
  const at = (error: ForecastError, weeksBefore: number) =>
    error.points.find((point) => point.weeksBefore === weeksBefore)?.error ?? null;
  const rows = errors.map((error) => ({ id: error.keyResultId, fourWeeks: at(error, 4), eightWeeks: at(error, 8) }));
  return rows.some((row) => row.fourWeeks !== null || row.eightWeeks !== null) ? rows : [];
}

/** The whole review of a month. */
export function monthlyReview(input: ReviewInput): MonthlyReview {
  const movement = keyResultMonths(input.keyResults, input.history, input.quarter, input.month);
  const before = previousMonth(input.month);
  const closed = input.deals ? closedDeals(input.deals, input.month) : [];
  return {
    quarter: input.quarter,
    month: input.month,
    previousMonth: before,
    weeks: movement.weeks,
    keyResults: movement.keyResults,
    deals: input.deals
      ? { thisMonth: dealFigures(input.deals, input.month), lastMonth: dealFigures(input.deals, before) }
      : null,
    closedDeals: closed,
    lossReasons: lossReasons(closed),
    forecastErrors: forecastErrorRows(input.history, input.keyResults, input.quarter, input.month),
  };
}

/** Why a review cannot be made for a month, as a code with parameters (the edge words it). */
export type MonthProblem =
  | { code: 'badMonth'; month: string }
  | { code: 'monthOutsideQuarter'; month: string; quarter: string; months: Month[] };

/** Checks the month against the quarter's months; `null` when it is one of them. */
export function checkReviewMonth(month: string, quarter: { label: string; start: string; end: string }) {
  if (!isMonth(month)) return { code: 'badMonth', month } satisfies MonthProblem;
  const months = quarterMonths(quarter.start, quarter.end);
  if (months.includes(month)) return null;
  return { code: 'monthOutsideQuarter', month, quarter: quarter.label, months } satisfies MonthProblem;
}
