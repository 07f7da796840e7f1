// Reads what a spreadsheet cell holds into the core's types. Sales numbers are often text pasted from a
// CRM in Polish or English formats ("1 200 000 zł", "1.200.000,50", "0,72", "15%", "45 dni"), so text is
// read as a number whenever a person would read it as one, and refused with a clear message otherwise.
// This is the one reader of numbers: the custom functions, the CLI's CSV, the plan file and the sidebar's
// fields all read through `parseNumberText`, so a spelling means the same number everywhere.
//
// The decimal mark: both `.` and `,` in one number → the last one is decimal (`1.200.000,50`,
// `1,200,000.50`); one of them repeated → grouping (`1.200.000`); one once → decimal (`0,72`, `1.5`), except
// exactly three digits after a whole part of one to three digits (`1.200`, `1,200`, `0,725`), which is
// ambiguous: a hint (the decimal mark of the spreadsheet's locale or of the CSV file) decides, the hint's
// mark being decimal and the other grouping, as the spreadsheet reads typing in that locale (`1.200` is 1.2
// with hint '.', 1200 with hint ','; `0,725` is 725 with hint '.'); with no hint it is grouping after a
// non-zero whole part (text pasted from a CRM: `1.200` is 1200) and a fraction after 0 (`0,725`). Scale words after the number multiply whatever the marks say: `1,2 million` and
// `1.2 mln` are both 1 200 000.

import { describeValue, InputError } from './input-error';

/** Names the function and argument a value belongs to, for the error message. */
export interface ArgumentRef {
  fn: string;
  arg: string;
}

/** Which of `.` and `,` is the decimal mark where the writer's convention is known. */
export type DecimalMark = '.' | ',';

/** The decimal mark of a locale such as `pl_PL` (`,`) or `en_US` (`.`); `.` when unknown. */
export function decimalMarkOf(locale: string): DecimalMark {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5);
    return parts.find((part) => part.type === 'decimal')?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

/** A cell that holds nothing: empty, whitespace, or a dash standing for "none yet". */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return /^[\s\u00a0\u2007\u202f]*$|^\s*[-–—]\s*$/.test(value);
  return false;
}

// A sign, a currency before the number ("$", "€", "PLN"), the number, then anything that is a unit ("zł",
// "dni", "zł/mies.", "PLN", "€", "pkt") and holds no digit.
const NUMBER_WITH_UNIT =
  /^([+\-−–]?)\s*([$€£]|[A-Z]{3}\s)?\s*([+\-−–]?)\s*(\d[\d\s.,'’\u00a0\u2007\u202f]*)\s*(%?)\s*([^\d]*)$/u;
const UNIT = /^[\p{L}$€£./\s]*$/u;

/**
 * Reads a number from a cell, or `null` when the cell is blank.
 * @example readNumber('1 200 000 zł', ref) // 1200000
 * @example readNumber('15%', ref) // 0.15
 * @example readNumber('0,72', ref) // 0.72
 * @example readNumber('1,5 mln zł', ref) // 1500000
 */
export function readNumber(value: unknown, ref: ArgumentRef, decimal?: DecimalMark): number | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw notANumber(value, ref);
  }
  if (typeof value !== 'string') throw notANumber(value, ref);
  const parsed = parseNumberText(value, decimal);
  if (parsed === null) throw notANumber(value, ref);
  return parsed;
}

/**
 * Parses number text in Polish or English conventions; `null` when it is no number. `decimal` is the mark
 * the writer uses for decimals when that is known; it only decides `1.200` / `1,200` (see the top).
 */
export function parseNumberText(text: string, decimal?: DecimalMark): number | null {
  const match = NUMBER_WITH_UNIT.exec(text.trim());
  if (!match) return null;
  const [, outerSign = '', , innerSign = '', digits = '', percent, unit = ''] = match;
  if (outerSign && innerSign) return null;
  if (!UNIT.test(unit)) return null;
  const spaced = digits.trim();
  // Spaces and apostrophes only ever group thousands: `1 200 000`, not `12 00`.
  if (/[\s'’\u00a0\u2007\u202f]/.test(spaced) && !/^\d{1,3}([\s'’\u00a0\u2007\u202f]\d{3})*([.,]\d*)?$/.test(spaced)) {
    return null;
  }
  const magnitude = parseDigits(spaced.replace(/[\s'’\u00a0\u2007\u202f]/g, ''), decimal);
  if (magnitude === null) return null;
  const scaled = magnitude * scaleOf(unit);
  const sign = outerSign || innerSign;
  const signed = sign === '+' || sign === '' ? scaled : -scaled;
  const value = percent ? signed / 100 : signed;
  // 15 significant digits: `1,15 mln` is 1150000 and `7%` is 0.07, not a neighbour in binary.
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : null;
}

// Amounts in a CRM export are often abbreviated ("1,5 mln zł", "50 tys.", "200k"); read as the bare number
// they would be off by a factor of a thousand or more without any error.
const SCALE_WORDS = new Map<string, number>(
  Object.entries({
    k: 1e3,
    tys: 1e3,
    tysiąc: 1e3,
    tysiące: 1e3,
    tysięcy: 1e3,
    thousand: 1e3,
    mln: 1e6,
    mio: 1e6,
    milion: 1e6,
    miliony: 1e6,
    milionów: 1e6,
    million: 1e6,
    millions: 1e6,
    mld: 1e9,
    bn: 1e9,
    miliard: 1e9,
    miliardy: 1e9,
    miliardów: 1e9,
    billion: 1e9,
  }),
);

/**
 * The multiplier named by the first word of a unit: thousands, millions or billions; 1 for a plain unit.
 * A capital M is millions; a lowercase m may be a unit of its own, so it is not read as one.
 * @example scaleOf('mln zł') // 1_000_000
 */
function scaleOf(unit: string): number {
  const word = unit.trim().split(/[\s./]+/)[0] ?? '';
  if (word === 'M') return 1e6;
  return SCALE_WORDS.get(word.toLowerCase()) ?? 1;
}

// Decides which of "." and "," is the decimal mark. Both present: the last one is. One kind repeated:
// grouping ("1.200.000"). One kind once: decimal, unless exactly three digits follow a non-zero integer
// part ("1,200" and "1.200"): then the hint's mark is decimal and the other groups, and with no hint both
// group ("0,725" and "1,5" are always fractions).
function parseDigits(digits: string, decimal: DecimalMark | undefined): number | null {
  const trimmed = digits.replace(/[.,]$/, '');
  if (!/^\d[\d.,]*$/.test(trimmed)) return null;
  const dots = trimmed.split('.').length - 1;
  const commas = trimmed.split(',').length - 1;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const decimal = trimmed.lastIndexOf('.') > trimmed.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole = '', fraction = '', ...rest] = trimmed.split(decimal);
    if (rest.length > 0 || fraction.includes(group) || !isGrouped(whole, group)) return null;
    normalized = `${whole.split(group).join('')}.${fraction}`;
  } else if (dots + commas === 0) {
    normalized = trimmed;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const parts = trimmed.split(mark);
    if (parts.length > 2) {
      if (!isGrouped(trimmed, mark)) return null;
      normalized = parts.join('');
    } else {
      const [whole = '', fraction = ''] = parts;
      // With a hint, the other mark groups as a spreadsheet in that locale reads typing (`0,725` is 725 in
      // en_US); with none, a zero whole part means a fraction.
      const groupable = decimal === undefined ? /^[1-9]\d{0,2}$/.test(whole) : /^\d{1,3}$/.test(whole);
      const looksGrouped = fraction.length === 3 && groupable && mark !== decimal;
      normalized = looksGrouped ? whole + fraction : `${whole}.${fraction}`;
    }
  }
  const result = Number(normalized);
  return Number.isFinite(result) ? result : null;
}

function isGrouped(whole: string, group: string): boolean {
  const parts = whole.split(group);
  return parts.every((part, index) => (index === 0 ? /^\d{1,3}$/.test(part) : /^\d{3}$/.test(part)));
}

const YES = new Set(['true', 'yes', 'y', 'tak', 't', 'done', 'zrobione', 'gotowe', '1', 'prawda', 'x', '✓', '✔']);
const NO = new Set(['false', 'no', 'n', 'nie', 'not done', 'niezrobione', '0', 'fałsz', 'falsz']);

/** Reads a milestone cell: TRUE / yes / tak / done / 1 → true; FALSE / no / nie / 0 → false; blank → null. */
export function readDone(value: unknown, ref: ArgumentRef): boolean | null {
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  }
  throw new InputError('notYesNo', { ...ref, value: describeValue(value) });
}

/** True when a value reads as a milestone answer rather than a number (TRUE, "tak", "done"; not 1 or 0). */
export function looksLikeDone(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value !== 'string') return false;
  const word = value.trim().toLowerCase();
  return !/^\d+$/.test(word) && (YES.has(word) || NO.has(word));
}

/** Reads a yes/no switch such as `allow_over`; blank → `fallback`. */
export function readFlag(value: unknown, ref: ArgumentRef, fallback = false): boolean {
  const done = readDone(value, ref);
  return done === null ? fallback : done;
}

/** A Date from any realm: Apps Script's own, or a test's outside the script's context. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const MS_PER_DAY = 86_400_000;
/** Day number of 1970-01-01 in the spreadsheet serial date system (day 0 = 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;
/** 9999-12-31, the last day a spreadsheet can hold; beyond it a number is no date (nor a valid `Date`). */
const LAST_SERIAL_DAY = 2_958_465;

/**
 * Reads a date as a spreadsheet serial day number (whole days; 1970-01-01 is 25569), or `null` when blank.
 * Accepts a `Date` (what Apps Script passes), a serial number (what other engines pass), ISO text
 * `2027-01-04`, and Polish `04.01.2027`. A `Date` is rounded to the nearest midnight, so the calendar day
 * is right in any time zone within ±12 h of UTC and differences between two dates are exact.
 */
export function readDay(value: unknown, ref: ArgumentRef): number | null {
  if (isBlank(value)) return null;
  if (isDate(value)) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw notADate(value, ref);
    return Math.round(time / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
  }
  if (typeof value === 'number') {
    if (value > 0 && value <= LAST_SERIAL_DAY) return Math.floor(value);
    throw notADate(value, ref);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
    const parts = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : null;
    if (parts) {
      const [year, month, day] = parts.map(Number) as [number, number, number];
      const time = Date.UTC(year, month - 1, day);
      const check = new Date(time);
      if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
        return time / MS_PER_DAY + UNIX_EPOCH_SERIAL;
      }
    }
  }
  throw notADate(value, ref);
}

/** The ISO date (yyyy-mm-dd) of a serial day number. */
export function isoFromDay(day: number): string {
  return new Date((day - UNIX_EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The serial day number of an ISO date (yyyy-mm-dd). */
export function dayFromIso(iso: string): number {
  const [year = 0, month = 1, date = 1] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function notANumber(value: unknown, ref: ArgumentRef): InputError {
  return new InputError('notANumber', { ...ref, value: describeValue(value) });
}

function notADate(value: unknown, ref: ArgumentRef): InputError {
  return new InputError('notADate', { ...ref, value: describeValue(value) });
}
