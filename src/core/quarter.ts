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
 * The quarter a manager plans on `today`: the first numbered quarter (of the fiscal year starting in
 * `fiscalStartMonth`) that has not started yet, never one under way or past; after `previous` (the last
 * quarter planned) when the one after it has not started either.
 * @example upcomingQuarter('2027-01-10', 1) // { kind: 'quarter', year: 2027, quarter: 2 }
 * @example upcomingQuarter('2027-02-20', 1, { kind: 'quarter', year: 2027, quarter: 2 }) // Q3 2027
 */
export function upcomingQuarter(today: string, fiscalStartMonth: number, previous?: QuarterRef): QuarterRef {
  if (previous) {
    try {
      const after = defaultQuarterAfter(previous);
      if (quarterDates(after, fiscalStartMonth).start > today) return after;
    } catch {
      // A previous quarter with impossible dates suggests nothing.
    }
  }
  const year = Number(today.slice(0, 4));
  for (let y = year - 1; y <= year + 1; y++) {
    for (const quarter of [1, 2, 3, 4]) {
      const ref: QuarterRef = { kind: 'quarter', year: y, quarter };
      if (quarterDates(ref, fiscalStartMonth).start > today) return ref;
    }
  }
  return { kind: 'quarter', year: year + 1, quarter: 1 };
}
