import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/core/cell-values';
import { weeksInQuarter } from '../../src/core/pace';
import {
  checkInWeek,
  defaultQuarterAfter,
  PLAN_CURRENT_QUARTER_DAYS,
  type QuarterRef,
  quarterDates,
  quarterFromLabel,
  quarterToPlan,
} from '../../src/core/quarter';

const quarter = (year: number, number: number): QuarterRef => ({ kind: 'quarter', year, quarter: number });

describe('the dates of a quarter', () => {
  it.each([
    [1, { start: '2027-01-01', end: '2027-03-31', label: 'Q1 2027' }],
    [2, { start: '2027-04-01', end: '2027-06-30', label: 'Q2 2027' }],
    [3, { start: '2027-07-01', end: '2027-09-30', label: 'Q3 2027' }],
    [4, { start: '2027-10-01', end: '2027-12-31', label: 'Q4 2027' }],
  ])('calendar Q%i 2027 runs from its first to its last day', (number, dates) => {
    expect(quarterDates(quarter(2027, number), 1)).toEqual(dates);
  });

  it('ends a quarter closing with February on the 29th in a leap year', () => {
    expect(quarterDates(quarter(2027, 1), 12)).toEqual({ start: '2027-12-01', end: '2028-02-29', label: 'Q1 2027' });
    expect(quarterDates(quarter(2026, 1), 12).end).toBe('2027-02-28');
  });

  it('counts a fiscal year starting in April from April, named by the year it starts in', () => {
    expect(quarterDates(quarter(2027, 1), 4)).toEqual({ start: '2027-04-01', end: '2027-06-30', label: 'Q1 2027' });
    expect(quarterDates(quarter(2027, 4), 4)).toEqual({ start: '2028-01-01', end: '2028-03-31', label: 'Q4 2027' });
  });

  it('keeps the dates of a custom period and names it by them', () => {
    expect(quarterDates({ kind: 'custom', start: '2027-01-04', end: '2027-04-04' }, 1)).toEqual({
      start: '2027-01-04',
      end: '2027-04-04',
      label: '2027-01-04 – 2027-04-04',
    });
  });

  it('refuses a quarter, fiscal month or date that does not exist', () => {
    expect(() => quarterDates(quarter(2027, 5), 1)).toThrow(/1–4/);
    expect(() => quarterDates(quarter(2027, 1), 13)).toThrow(/1–12/);
    expect(() => quarterDates({ kind: 'custom', start: '2027-02-30', end: '2027-04-04' }, 1)).toThrow(/2027-02-30/);
    expect(() => quarterDates({ kind: 'custom', start: '2027-04-04', end: '2027-01-04' }, 1)).toThrow(/before/);
  });

  it('gives every numbered quarter 13 weeks, back to back with the next one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (year, number, fiscalStartMonth) => {
          const dates = quarterDates(quarter(year, number), fiscalStartMonth);
          const next = quarterDates(defaultQuarterAfter(quarter(year, number)), fiscalStartMonth);
          expect(weeksInQuarter(dayFromIso(dates.start), dayFromIso(dates.end))).toBe(13);
          expect(dayFromIso(next.start)).toBe(dayFromIso(dates.end) + 1);
        },
      ),
    );
  });
});

describe('the check-in week of a day', () => {
  // Q1 2027 starts on a Friday, so its week 1 is Monday 28 December 2026 to Sunday 3 January 2027.
  it('is week 1 from the quarter start to the first Sunday', () => {
    expect(checkInWeek('2027-01-01', '2027-01-01')).toEqual({
      week: 1,
      monday: '2026-12-28',
      sunday: '2027-01-03',
      isoWeek: 53,
      isoYear: 2026,
    });
    expect(checkInWeek('2027-01-01', '2027-01-03').week).toBe(1);
  });

  it('turns to the next week on Monday', () => {
    expect(checkInWeek('2027-01-01', '2027-01-04')).toEqual({
      week: 2,
      monday: '2027-01-04',
      sunday: '2027-01-10',
      isoWeek: 1,
      isoYear: 2027,
    });
  });

  it('counts 14 check-in weeks in a quarter that starts mid-week', () => {
    expect(checkInWeek('2027-01-01', '2027-03-31')).toMatchObject({ week: 14, monday: '2027-03-29', isoWeek: 13 });
  });

  it('counts 13 check-in weeks in a quarter that starts on a Monday', () => {
    expect(checkInWeek('2029-01-01', '2029-01-01')).toMatchObject({ week: 1, monday: '2029-01-01', isoWeek: 1 });
    expect(checkInWeek('2029-01-01', '2029-03-31')).toMatchObject({ week: 13, sunday: '2029-04-01' });
  });

  it('gives ISO week numbers as a company calendar shows them', () => {
    expect(checkInWeek('2026-10-01', '2026-12-31')).toMatchObject({ isoWeek: 53, isoYear: 2026 });
    expect(checkInWeek('2025-10-01', '2025-12-29')).toMatchObject({ isoWeek: 1, isoYear: 2026 });
    expect(checkInWeek('2027-07-01', '2027-07-07')).toMatchObject({ isoWeek: 27, isoYear: 2027 });
  });

  it('gives week 0 for a day in the week before the quarter', () => {
    expect(checkInWeek('2027-01-01', '2026-12-27').week).toBe(0);
  });

  it('always lands Monday to Sunday around the day asked about', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
        const start = dayFromIso('2027-04-01');
        const asOf = new Date(Date.UTC(2027, 3, 1 + offset)).toISOString().slice(0, 10);
        const week = checkInWeek('2027-04-01', asOf);
        const monday = dayFromIso(week.monday);
        expect(new Date(`${week.monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(dayFromIso(week.sunday)).toBe(monday + 6);
        expect(monday <= dayFromIso(asOf) && dayFromIso(asOf) <= monday + 6).toBe(true);
        expect(week.week).toBe(Math.floor((monday - (start - 3)) / 7) + 1);
      }),
    );
  });
});

describe('the quarter after', () => {
  it('is the next quarter of the same year, and Q1 of the next year after Q4', () => {
    expect(defaultQuarterAfter(quarter(2027, 2))).toEqual(quarter(2027, 3));
    expect(defaultQuarterAfter(quarter(2027, 4))).toEqual(quarter(2028, 1));
  });

  it('is a period of the same length right after a custom one', () => {
    expect(defaultQuarterAfter({ kind: 'custom', start: '2027-01-04', end: '2027-04-04' })).toEqual({
      kind: 'custom',
      start: '2027-04-05',
      end: '2027-07-04',
    });
  });
});

describe('the quarter a manager plans', () => {
  const custom = (start: string, end: string): QuarterRef => ({ kind: 'custom', start, end });
  // [today, fiscal start month, quarters the spreadsheet has (planned or closed), the quarter offered, why]
  it.each<[string, number, QuarterRef[], QuarterRef, string]>([
    // No quarter planned yet: today's quarter in its first three weeks, else the next one.
    ['2027-01-01', 1, [], quarter(2027, 1), 'first day of Q1'],
    ['2027-01-10', 1, [], quarter(2027, 1), 'ten days into Q1'],
    ['2027-01-21', 1, [], quarter(2027, 1), 'the 21st day, the last of three weeks'],
    ['2027-01-22', 1, [], quarter(2027, 2), 'the 22nd day: Q1 is under way'],
    ['2027-02-20', 1, [], quarter(2027, 2), 'mid-Q1'],
    ['2027-03-31', 1, [], quarter(2027, 2), 'last day of Q1'],
    ['2027-04-01', 1, [], quarter(2027, 2), 'first day of Q2'],
    ['2027-12-01', 1, [], quarter(2028, 1), 'December'],
    ['2027-12-31', 1, [], quarter(2028, 1), 'New Year’s Eve'],
    ['2028-01-05', 1, [], quarter(2028, 1), 'early January'],
    // Fiscal year from April: February 2028 is in Q4 of fiscal 2027; early April is Q1 of fiscal 2028.
    ['2028-02-15', 4, [], quarter(2028, 1), 'mid fiscal Q4'],
    ['2028-01-03', 4, [], quarter(2027, 4), 'early in fiscal Q4 (January)'],
    ['2027-04-03', 4, [], quarter(2027, 1), 'early in fiscal Q1'],
    // A quarter planned: the one after it, while that one has not ended.
    ['2027-04-02', 1, [quarter(2027, 1)], quarter(2027, 2), 'Q1 closed on 2 April: Q2, begun on 1 April'],
    ['2027-05-20', 1, [quarter(2027, 1)], quarter(2027, 2), 'Q1 closed late, mid-Q2'],
    ['2027-06-30', 1, [quarter(2027, 1)], quarter(2027, 2), 'the last day of Q2'],
    ['2027-02-20', 1, [quarter(2027, 1)], quarter(2027, 2), 'Q1 under way'],
    ['2027-01-05', 1, [quarter(2027, 1)], quarter(2027, 2), 'Q1 planned in its first week'],
    ['2026-12-10', 1, [quarter(2027, 1)], quarter(2027, 2), 'Q1 planned ahead'],
    ['2027-10-02', 1, [quarter(2027, 4)], quarter(2028, 1), 'after Q4 comes Q1 of the next year'],
    // The latest of several, by its last day, whatever the order they come in.
    ['2027-04-02', 1, [quarter(2027, 2), quarter(2027, 1)], quarter(2027, 3), 'Q1 and Q2 planned'],
    ['2027-04-02', 1, [quarter(2026, 4), quarter(2027, 1)], quarter(2027, 2), 'Q4 closed, Q1 open'],
    // The one after the latest has ended: today's quarter in its first three weeks, else the next one.
    ['2027-07-02', 1, [quarter(2027, 1)], quarter(2027, 3), 'Q2 over: Q3, two days in'],
    ['2027-08-15', 1, [quarter(2027, 1)], quarter(2027, 4), 'Q2 over, Q3 well along: Q4'],
    ['2028-05-20', 1, [quarter(2027, 2)], quarter(2028, 3), 'a year later'],
    // Fiscal quarters after a planned one.
    ['2027-07-03', 4, [quarter(2027, 1)], quarter(2027, 2), 'fiscal Q1 closed: fiscal Q2 (July)'],
    ['2028-01-02', 4, [quarter(2027, 3)], quarter(2027, 4), 'fiscal Q3 closed: fiscal Q4 (January 2028)'],
    // Custom periods: the period of the same length after it, while it has not ended.
    [
      '2027-04-06',
      1,
      [custom('2027-01-04', '2027-04-04')],
      custom('2027-04-05', '2027-07-04'),
      'the period after a custom one',
    ],
    ['2027-07-10', 1, [custom('2027-01-04', '2027-04-04')], quarter(2027, 3), 'the period after it is over'],
    // A planned quarter with impossible dates is ignored.
    ['2027-04-02', 1, [custom('2027-04-01', '2027-02-30')], quarter(2027, 2), 'impossible dates'],
  ])('on %s (fiscal year from month %d) with %j: %j (%s)', (today, fiscalStartMonth, planned, expected) => {
    expect(quarterToPlan(today, fiscalStartMonth, planned)).toEqual(expected);
  });

  it('keeps today’s quarter for three weeks', () => {
    expect(PLAN_CURRENT_QUARTER_DAYS).toBe(21);
  });

  it('is never a quarter that has ended, nor one after next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromIso('2001-01-01'), max: dayFromIso('2098-12-31') }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 })), { maxLength: 3 }),
        (day, fiscalStartMonth, planned) => {
          const today = isoFromDay(day);
          const offered = quarterToPlan(
            today,
            fiscalStartMonth,
            planned.map(([year, number]) => quarter(year, number)),
          );
          const dates = quarterDates(offered, fiscalStartMonth);
          expect(dates.end >= today).toBe(true);
          if (planned.length === 0) expect(dayFromIso(dates.start) - day).toBeLessThanOrEqual(92);
        },
      ),
    );
  });
});

describe('a quarter read back from its label', () => {
  it('gives the quarter quarterDates labelled, and null for other text', () => {
    expect(quarterFromLabel('Q2 2027')).toEqual(quarter(2027, 2));
    expect(quarterFromLabel(quarterDates({ kind: 'custom', start: '2027-01-04', end: '2027-04-04' }, 1).label)).toEqual(
      { kind: 'custom', start: '2027-01-04', end: '2027-04-04' },
    );
    for (const text of ['', 'Q5 2027', 'Q2', 'OKR Q2 2027', '2027-04-01 – 2027-02-30']) {
      expect(quarterFromLabel(text), text).toBeNull();
    }
  });
});
