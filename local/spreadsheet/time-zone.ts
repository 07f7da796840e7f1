// Wall-clock time in an IANA time zone: the calendar fields and the zone's short name at an instant, read
// with Intl.DateTimeFormat (no time-zone library: Node carries the zone data). The fake `Utilities` formats
// dates from these fields; outside the local spreadsheet, local/dates.ts and the .xlsx export turn the same
// wall-clock reading into date serials, so all three agree on what time it is in a zone.

/** A calendar date and time of day, field by field (`month` 1–12). */
export interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock fields of an instant in a time zone and the zone's short name. */
export interface ZoneFields extends CalendarFields {
  /** `GMT+1`, `PDT`, `UTC`: what Intl calls the zone at that instant in English. */
  zoneName: string;
}

// Building a formatter is far slower than using one, and date cells are read by the thousand.
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
      timeZoneName: 'short',
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

/** The wall-clock fields of an instant (epoch milliseconds) in `timeZone`; a RangeError for an unknown zone. */
export function zoneFields(instant: number, timeZone: string): ZoneFields {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const field = (name: string) => Number(parts[name] ?? 0);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    // Intl stops at whole seconds; the milliseconds are the same in every zone.
    millisecond: ((instant % 1000) + 1000) % 1000,
    zoneName: parts.timeZoneName ?? 'GMT',
  };
}

/**
 * The wall-clock time in `timeZone` at an instant, as epoch milliseconds of a UTC calendar showing those
 * fields: the form that date arithmetic (serials, zone offsets) subtracts from.
 */
export function wallClockMs(instant: number, timeZone: string): number {
  const f = zoneFields(instant, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
}
