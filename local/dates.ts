// Dates the way a spreadsheet keeps them: serial numbers (day 0 = 1899-12-30, a day = 1, the time of day a
// fraction) counted in the spreadsheet's time zone. Sheets hands a script a `Date` for a date cell, the
// instant at which that wall-clock time occurs in the spreadsheet's zone; the local runtime converts both
// ways here, with Intl for the zone rules (no time-zone library: Node carries the IANA data).

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00 as a wall-clock time in milliseconds: serial day 0. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when Intl knows the time zone (`Europe/Warsaw`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at an instant, as milliseconds of a UTC calendar (for its fields). */
function wallClock(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instant - wholeSeconds);
}

/** The serial number of an instant, read as a wall-clock time in `timeZone`. */
export function serialFromDate(date: Date, timeZone: string): number {
  return (wallClock(date.getTime(), timeZone) - SERIAL_EPOCH) / MS_PER_DAY;
}

/** The instant (epoch milliseconds) at which the serial's wall-clock time occurs in `timeZone`. */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = SERIAL_EPOCH + Math.round(serial * MS_PER_DAY);
  // The zone's offset at a guess, corrected once: enough everywhere except inside a DST gap, where the
  // wall-clock time does not exist and the instant an hour off is as good an answer as any.
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  return instant;
}

/** The calendar fields of a serial: `{ year, month (1–12), day, hour, minute, second, millisecond }`. */
export function serialFields(serial: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
} {
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
