// What a cell holds and how a written value becomes it. `setValue`/`setValues` take input the way a person
// typing into the cell would: a text starting with `=` becomes a formula, a leading apostrophe keeps the
// rest as text, and texts that read as numbers, percentages or TRUE/FALSE in the spreadsheet's locale
// become numbers and booleans; a cell formatted as plain text (`@`) keeps text as it is. Text that looks
// like a date stays text here (Sheets would parse it). Dates are copied in and out, never shared.

export type CellValue = string | number | boolean | Date;

/** A Date from any realm (`instanceof Date` fails for dates made in a `node:vm` context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export interface Entered {
  value: CellValue;
  formula: string;
}

/** Reads a written value as Sheets reads user input. */
export function enterValue(input: unknown, locale: string, plainText: boolean): Entered {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  const text = String(input);
  if (plainText) return { value: text, formula: '' };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  return { value: parseTyped(text, locale), formula: '' };
}

function parseTyped(text: string, locale: string): CellValue {
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  const number = parseLocaleNumber(trimmed, locale);
  return number ?? text;
}

const separatorsCache = new Map<string, { decimal: string; group: string }>();

function separators(locale: string): { decimal: string; group: string } {
  const cached = separatorsCache.get(locale);
  if (cached) return cached;
  let decimal = '.';
  let group = ',';
  try {
    for (const part of new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(12345.6)) {
      if (part.type === 'decimal') decimal = part.value;
      if (part.type === 'group') group = part.value;
    }
  } catch {
    // An unknown locale reads like en_US.
  }
  const found = { decimal, group };
  separatorsCache.set(locale, found);
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A locale's number pattern, made once per locale: every text entered with setValues is read with it. */
const numberPatterns = new Map<string, RegExp>();

function numberPattern(locale: string): RegExp {
  const cached = numberPatterns.get(locale);
  if (cached) return cached;
  const { decimal, group } = separators(locale);
  const d = escapeRegExp(decimal);
  const g = group.trim() === '' ? '[\\s\\u00a0\\u202f]' : escapeRegExp(group);
  const pattern = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?(%?)$`);
  numberPatterns.set(locale, pattern);
  return pattern;
}

/** `1.5`, `-2`, `1,234.5`, `3e4`, `15%` in en_US; `1,5` and `1 234,5` in pl_PL. `null` when not a number. */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const match = numberPattern(locale).exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction, exponent, percent] = match;
  if (whole === '' && (fraction === undefined || fraction === '')) return null;
  const digits = whole.replace(/\D/g, '');
  const value = Number(`${sign}${digits || '0'}.${fraction ?? ''}e${exponent ?? '0'}`.replace('.e', 'e'));
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

/** The default text of a value as `getDisplayValues` shows it (number formats are not applied). */
export function displayValue(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return value.toISOString();
  return String(value);
}
