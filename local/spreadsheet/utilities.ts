// The fake `Utilities`: `formatDate` with Java SimpleDateFormat patterns, computed with Intl.DateTimeFormat
// in the given time zone (English names; an unknown zone falls back to GMT, as Java's TimeZone does), plus
// `getUuid` and a `sleep` that does not sleep but adds to `sleptMs`. Week-based fields (`w`, `W`, `Y`, `F`)
// are not modelled and throw, so a test notices instead of getting a wrong date.

import { randomUUID } from 'node:crypto';
import { MONTHS_EN } from '../../src/core/locale-format';
import { type FakeEnv, ServiceObject } from './env';
import { isTimeZone, type ZoneFields, zoneFields } from './time-zone';
import type { Fake } from './types';

type UtilitiesMethods = 'formatDate' | 'getUuid' | 'sleep';

export class FakeUtilities
  extends ServiceObject
  implements Fake<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods>
{
  /** Test record: milliseconds the script asked to sleep. */
  sleptMs = 0;

  constructor(env: FakeEnv) {
    super(env, 'Utilities');
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.track('formatDate');
    return formatDate(date, timeZone, format, (message) => this.env.exception(message));
  }

  getUuid(): string {
    this.track('getUuid');
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    this.track('sleep');
    this.sleptMs += milliseconds;
  }
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface WallClock extends ZoneFields {
  weekday: number;
  offsetMinutes: number;
}

/** The wall-clock fields of an instant in a time zone; an unknown zone reads as GMT, as in Java. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const fields = zoneFields(date.getTime(), isTimeZone(timeZone) ? timeZone : 'GMT');
  const { year, month, day, hour, minute, second, millisecond } = fields;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    ...fields,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offsetMinutes: Math.round((local - date.getTime()) / 60000),
  };
}

/** Formats like Apps Script's `Utilities.formatDate` (Java SimpleDateFormat letters). */
export function formatDate(date: Date, timeZone: string, pattern: string, fail: (message: string) => Error): string {
  const t = wallClock(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw fail('Unterminated quote');
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let count = 1;
    while (pattern.charAt(i + count) === ch) count++;
    out += field(ch, count, t, fail);
    i += count;
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offset(minutes: number, colon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, count: number, t: WallClock, fail: (message: string) => Error): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return count === 2 ? pad(t.year % 100, 2) : pad(t.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS_EN[t.month - 1] ?? '';
      if (count === 3) return (MONTHS_EN[t.month - 1] ?? '').slice(0, 3);
      return pad(t.month, count);
    case 'd':
      return pad(t.day, count);
    case 'D': {
      const dayOfYear = (Date.UTC(t.year, t.month - 1, t.day) - Date.UTC(t.year, 0, 1)) / 86400000 + 1;
      return pad(dayOfYear, count);
    }
    case 'E':
      return count >= 4 ? (DAYS[t.weekday] ?? '') : (DAYS[t.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(t.weekday === 0 ? 7 : t.weekday, count);
    case 'a':
      return t.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(t.hour, count);
    case 'k':
      return pad(t.hour === 0 ? 24 : t.hour, count);
    case 'K':
      return pad(t.hour % 12, count);
    case 'h':
      return pad(t.hour % 12 || 12, count);
    case 'm':
      return pad(t.minute, count);
    case 's':
      return pad(t.second, count);
    case 'S':
      return pad(t.millisecond, count);
    case 'z':
      return t.zoneName;
    case 'Z':
      return offset(t.offsetMinutes, false);
    case 'X':
      if (t.offsetMinutes === 0) return 'Z';
      return count === 1 ? offset(t.offsetMinutes, false, true) : offset(t.offsetMinutes, count >= 3);
    case 'w':
    case 'W':
    case 'Y':
    case 'F':
      throw new Error(`The Apps Script fake does not model the week-based date pattern letter '${letter}'.`);
    default:
      throw fail(`Illegal pattern character '${letter}'`);
  }
}
