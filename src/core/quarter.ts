// The dates of a planning quarter and of the weekly check-ins within it. Sales teams plan in calendar or
// fiscal quarters; a plan names its quarter as "Q2 of 2027" and a fiscal start month, and everything dated
// (the pace, the check-in tabs, the next quarter's plan) starts from the first and last day computed here.
// All dates are ISO strings (yyyy-mm-dd), calendar days with no time zone, as the shared plan carries them.
//
// Fiscal years are named by the calendar year they start in: with a fiscal year starting in April, fiscal
// 2027 runs from 2027-04-01 to 2028-03-31, so Q1 2027 is April–June 2027 and Q4 2027 is January–March 2028.
// (Some companies name a fiscal year by the year it ends in; they pick the year one lower here.)

import type { QuarterRef } from '../shared/plan';
import { dayFromIso, isoFromDay } from './cell-values';

export type { QuarterRef };

/** The first and last day of a quarter (ISO dates, both inclusive) and how a person names it. */
export interface QuarterDates {
  start: string;
  end: string;
  label: string;
}

/** Where a day falls among the weekly check-ins of a quarter. */
export interface CheckInWeek {
  /** Check-in week of the quarter: 1 for the week (Monday to Sunday) holding the quarter's first day. */
  week: number;
  /** Monday of that week (ISO date); in week 1 it may fall before the quarter starts. */
  monday: string;
  /** Sunday of that week (ISO date). */
  sunday: string;
  /** The ISO 8601 week number of that week (1–53), the "week 27" of a company calendar. */
  isoWeek: number;
  /** The year the ISO week belongs to, which differs from the calendar year around New Year. */
  isoYear: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads an ISO date into a serial day number, refusing text that is no real calendar day.
 * @example serialDay('2027-01-04') // 46391
 */
function serialDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  const day = match ? dayFromIso(iso) : Number.NaN;
  if (!match || isoFromDay(day) !== iso) throw new RangeError(`"${iso}" is not an ISO date (yyyy-mm-dd)`);
  return day;
}

/**
 * The first day of a month, as an ISO date; months past December run into the following years.
 * @example firstOfMonth(2027, 13) // '2028-01-01'
 */
function firstOfMonth(year: number, month: number): string {
  const shifted = year + Math.floor((month - 1) / 12);
  const inYear = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${String(shifted).padStart(4, '0')}-${String(inYear).padStart(2, '0')}-01`;
}

/**
 * The dates and label of a quarter. A numbered quarter counts three months at a time from the fiscal start
 * month (1 for calendar quarters); its label names the fiscal year by the calendar year it starts in. A
 * custom period keeps its own dates and is labelled by them.
 * @example quarterDates({ kind: 'quarter', year: 2027, quarter: 1 }, 1) // { start: '2027-01-01', end: '2027-03-31', label: 'Q1 2027' }
 * @example quarterDates({ kind: 'quarter', year: 2027, quarter: 4 }, 4) // { start: '2028-01-01', end: '2028-03-31', label: 'Q4 2027' }
 */
export function quarterDates(ref: QuarterRef, fiscalStartMonth: number): QuarterDates {
  if (ref.kind === 'custom') {
    const [start, end] = [serialDay(ref.start), serialDay(ref.end)];
    if (end < start) throw new RangeError(`The period ends (${ref.end}) before it starts (${ref.start})`);
    return { start: ref.start, end: ref.end, label: `${ref.start} – ${ref.end}` };
  }
  if (!Number.isInteger(fiscalStartMonth) || fiscalStartMonth < 1 || fiscalStartMonth > 12) {
    throw new RangeError(`The fiscal year must start in a month 1–12, not ${fiscalStartMonth}`);
  }
  if (!Number.isInteger(ref.quarter) || ref.quarter < 1 || ref.quarter > 4) {
    throw new RangeError(`A quarter is 1–4, not ${ref.quarter}`);
  }
  const firstMonth = fiscalStartMonth + (ref.quarter - 1) * 3;
  const start = firstOfMonth(ref.year, firstMonth);
  const end = isoFromDay(serialDay(firstOfMonth(ref.year, firstMonth + 3)) - 1);
  return { start, end, label: `Q${ref.quarter} ${ref.year}` };
}

/**
 * Day of the week with Monday as 0 and Sunday as 6. Serial day 0 (1899-12-30) was a Saturday.
 * @example weekdayFromMonday(serialDay('2027-01-04')) // 0 (a Monday)
 */
function weekdayFromMonday(day: number): number {
  return (((day + 5) % 7) + 7) % 7;
}

/**
 * The ISO 8601 week of the week starting on a Monday: the week belongs to the year of its Thursday, and week 1
 * is the one holding that year's first Thursday.
 * @example isoWeekOf(serialDay('2027-01-04')) // { isoWeek: 1, isoYear: 2027 }
 */
function isoWeekOf(monday: number): { isoWeek: number; isoYear: number } {
  const thursday = monday + 3;
  const isoYear = Number(isoFromDay(thursday).slice(0, 4));
  return { isoWeek: Math.floor((thursday - serialDay(firstOfMonth(isoYear, 1))) / 7) + 1, isoYear };
}

/**
 * The check-in week a day falls in, counting Monday-to-Sunday weeks from the one holding the quarter's first
 * day (week 1). A quarter that starts mid-week thus has a short week 1 and usually 14 check-in weeks; days
 * before the quarter give week 0 or less.
 * @example checkInWeek('2027-01-01', '2027-01-04') // { week: 2, monday: '2027-01-04', sunday: '2027-01-10', isoWeek: 1, isoYear: 2027 }
 */
export function checkInWeek(startIso: string, asOfIso: string): CheckInWeek {
  const start = serialDay(startIso);
  const asOf = serialDay(asOfIso);
  const firstMonday = start - weekdayFromMonday(start);
  const monday = asOf - weekdayFromMonday(asOf);
  return {
    week: (monday - firstMonday) / 7 + 1,
    monday: isoFromDay(monday),
    sunday: isoFromDay(monday + 6),
    ...isoWeekOf(monday),
  };
}

/**
 * The quarter to plan after this one: the next numbered quarter (Q4 is followed by Q1 of the next year), or
 * for a custom period the period of the same length starting the day after it ends.
 * @example defaultQuarterAfter({ kind: 'quarter', year: 2027, quarter: 4 }) // { kind: 'quarter', year: 2028, quarter: 1 }
 * @example defaultQuarterAfter({ kind: 'custom', start: '2027-01-04', end: '2027-04-04' }) // { kind: 'custom', start: '2027-04-05', end: '2027-07-04' }
 */
export function defaultQuarterAfter(ref: QuarterRef): QuarterRef {
  if (ref.kind === 'quarter') {
    return ref.quarter >= 4
      ? { kind: 'quarter', year: ref.year + 1, quarter: 1 }
      : { kind: 'quarter', year: ref.year, quarter: ref.quarter + 1 };
  }
  const start = serialDay(ref.start);
  const end = serialDay(ref.end);
  return { kind: 'custom', start: isoFromDay(end + 1), end: isoFromDay(end + 1 + (end - start)) };
}

/**
 * How many days into a quarter a manager still plans that quarter rather than the next one: the first three
 * weeks (days 1–21). Sales teams often settle a quarter's OKRs in its first week or two, after the previous
 * quarter's numbers are in; three weeks leaves room for that and for a late start, while a quarter further
 * along is better planned from the next one.
 */
export const PLAN_CURRENT_QUARTER_DAYS = 21;

/**
 * A quarter's label as `quarterDates` writes it ("Q2 2027", or "2027-01-04 – 2027-04-04" for a custom
 * period) read back into the quarter; `null` for any other text.
 * @example quarterFromLabel('Q2 2027') // { kind: 'quarter', year: 2027, quarter: 2 }
 */
export function quarterFromLabel(label: string): QuarterRef | null {
  const numbered = /^Q([1-4]) (\d{4})$/.exec(label.trim());
  if (numbered) return { kind: 'quarter', year: Number(numbered[2]), quarter: Number(numbered[1]) };
  const custom = /^(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})$/.exec(label.trim());
  if (!custom) return null;
  const ref: QuarterRef = { kind: 'custom', start: custom[1] as string, end: custom[2] as string };
  try {
    quarterDates(ref, 1);
    return ref;
  } catch {
    return null;
  }
}

/**
 * The quarter a manager plans on `today`, given the quarters the spreadsheet already has (planned or closed):
 * - the quarter after the latest of them (by its last day), unless that quarter has already ended: a
 *   manager who closes Q1 on 2 April plans Q2, which began on 1 April;
 * - with none of them (or only long past ones), the numbered quarter (of the fiscal year starting in
 *   `fiscalStartMonth`) holding `today` while it is in its first `PLAN_CURRENT_QUARTER_DAYS` days, else
 *   the one after it.
 * Quarters with impossible dates are ignored.
 * @example quarterToPlan('2027-04-02', 1, [{ kind: 'quarter', year: 2027, quarter: 1 }]) // Q2 2027
 * @example quarterToPlan('2027-01-10', 1) // Q1 2027 (ten days in)
 * @example quarterToPlan('2027-02-20', 1) // Q2 2027
 */
export function quarterToPlan(
  today: string,
  fiscalStartMonth: number,
  planned: readonly QuarterRef[] = [],
): QuarterRef {
  const todayDay = serialDay(today);
  let latest: { ref: QuarterRef; end: number } | null = null;
  for (const ref of planned) {
    try {
      const end = serialDay(quarterDates(ref, fiscalStartMonth).end);
      if (!latest || end > latest.end) latest = { ref, end };
    } catch {
      // A planned quarter with impossible dates suggests nothing.
    }
  }
  if (latest) {
    try {
      const after = defaultQuarterAfter(latest.ref);
      if (serialDay(quarterDates(after, fiscalStartMonth).end) >= todayDay) return after;
    } catch {
      // The period after runs past the calendar: fall back to today's quarter.
    }
  }
  const current = numberedQuarterHolding(todayDay, fiscalStartMonth);
  const daysIn = todayDay - serialDay(quarterDates(current, fiscalStartMonth).start);
  return daysIn < PLAN_CURRENT_QUARTER_DAYS ? current : defaultQuarterAfter(current);
}

/** The numbered quarter (fiscal year from `fiscalStartMonth`) holding a serial day. */
function numberedQuarterHolding(day: number, fiscalStartMonth: number): QuarterRef {
  const year = Number(isoFromDay(day).slice(0, 4));
  for (let y = year - 1; y <= year; y++) {
    for (const quarter of [1, 2, 3, 4]) {
      const ref: QuarterRef = { kind: 'quarter', year: y, quarter };
      const dates = quarterDates(ref, fiscalStartMonth);
      if (serialDay(dates.start) <= day && day <= serialDay(dates.end)) return ref;
    }
  }
  throw new RangeError(`No quarter holds ${isoFromDay(day)}`);
}
