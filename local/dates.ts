// Dates the way a spreadsheet keeps them: serial numbers (day 0 = 1899-12-30, a day = 1, the time of day a
// fraction) counted in the spreadsheet's time zone. Sheets hands a script a `Date` for a date cell, the
// instant at which that wall-clock time occurs in the spreadsheet's zone; the local runtime converts both
// ways here, reading wall-clock time with local/spreadsheet/time-zone.ts (Intl, one formatter a zone).

import { type CalendarFields, wallClockMs } from './spreadsheet/time-zone';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00 as a wall-clock time in milliseconds: serial day 0. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The serial number of an instant, read as a wall-clock time in `timeZone`. */
export function serialFromDate(date: Date, timeZone: string): number {
  return (wallClockMs(date.getTime(), timeZone) - SERIAL_EPOCH) / MS_PER_DAY;
}

/** The instant (epoch milliseconds) at which the serial's wall-clock time occurs in `timeZone`. */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = SERIAL_EPOCH + Math.round(serial * MS_PER_DAY);
  // The zone's offset at a guess, corrected once: enough everywhere except inside a DST gap, where the
  // wall-clock time does not exist and the instant an hour off is as good an answer as any.
  let instant = wall - (wallClockMs(wall, timeZone) - wall);
  instant = wall - (wallClockMs(instant, timeZone) - instant);
  return instant;
}

/** The calendar fields of a serial: `{ year, month (1–12), day, hour, minute, second, millisecond }`. */
export function serialFields(serial: number): CalendarFields {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/** The serial of a calendar date. */
export function serialOfDay(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - SERIAL_EPOCH) / MS_PER_DAY;
}

/**
 * A `Date` of this process whose local fields are the serial's wall-clock time. HyperFormula reads a `Date`
 * cell through its local getters, so this is how a date enters it as a date (not a bare number) whatever
 * the zone of the machine. `null` when the local zone skips that time (a DST gap): the caller then passes
 * the serial as a plain number.
 */
export function localDateOfSerial(serial: number): Date | null {
  const f = serialFields(serial);
  const local = new Date(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  const same = local.getFullYear() === f.year && local.getDate() === f.day && local.getHours() === f.hour;
  return same ? local : null;
}

/**
 * True when a number format shows a date or a time (`yyyy-mm-dd`, `dd.mm.yyyy`, `hh:mm`): it has date or
 * time letters outside quoted text and no digit placeholders.
 */
export function isDateFormat(format: string): boolean {
  if (format === '' || /^general$/i.test(format) || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ydhms]/i.test(bare) && !/[0#?]/.test(bare.replace(/[.,]0+/g, ''));
}
