// A cell's value as Sheets shows it: the number format applied, with the spreadsheet locale's separators
// and month names. This is what `getDisplayValues` returns in the local runtime and what the playground
// paints. It covers the formats the add-on writes and the common ones a person picks — `General`, `0`,
// `0.00`, `#,##0`, `0%`, `0.0%`, literal units (`#,##0 "zł"`, `0 "dni"`), sections for negatives and zero
// (`0;(0);"-"`), dates and times (`yyyy-mm-dd`, `dd.mm.yyyy`, `d mmmm yyyy`, `hh:mm`), text `@` — not
// fractions, exponents or conditions in brackets, which show as `General`.

import { isDateFormat, serialFields, serialFromDate } from './dates';

export interface DisplaySettings {
  /** The spreadsheet locale, `pl_PL` or `en_US`. */
  locale: string;
  /** The spreadsheet time zone, which dates are read in. */
  timeZone: string;
}

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

function separators(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    found = { decimal: '.', group: ',' };
    try {
      for (const part of new Intl.NumberFormat(bcp47(locale)).formatToParts(12345.6)) {
        if (part.type === 'decimal') found.decimal = part.value;
        if (part.type === 'group') found.group = part.value;
      }
    } catch {
      // An unknown locale shows numbers as en_US does.
    }
    separatorCache.set(locale, found);
  }
  return found;
}

const BOOLEAN_WORDS: Record<string, [string, string]> = {
  pl: ['PRAWDA', 'FAŁSZ'],
  de: ['WAHR', 'FALSCH'],
  fr: ['VRAI', 'FAUX'],
  es: ['VERDADERO', 'FALSO'],
};

/** A value as a cell shows it. Dates may come as `Date` or as a serial number in a date-formatted cell. */
export function displayValue(value: unknown, numberFormat: string, settings: DisplaySettings): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') {
    const words = BOOLEAN_WORDS[settings.locale.slice(0, 2)] ?? ['TRUE', 'FALSE'];
    return value ? words[0] : words[1];
  }
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const serial = serialFromDate(value as Date, settings.timeZone);
    return formatNumber(serial, isDateFormat(numberFormat) ? numberFormat : 'yyyy-mm-dd', settings);
  }
  if (typeof value === 'number') return formatNumber(value, numberFormat, settings);
  const text = String(value);
  const sections = splitSections(numberFormat);
  const textSection = sections.find((section) => section.includes('@'));
  return textSection ? renderLiterals(textSection).replace('@', text) : text;
}

/** A number in a format (`General` when the format is empty or not understood). */
export function formatNumber(value: number, numberFormat: string, settings: DisplaySettings): string {
  if (!Number.isFinite(value)) return '#NUM!';
  const format = numberFormat.trim();
  if (format === '' || /^general$/i.test(format) || format === '@') return general(value, settings);
  const sections = splitSections(format);
  let section = sections[0] ?? format;
  let shown = value;
  let explicitSign = false;
  if (value < 0 && sections.length >= 2) {
    section = sections[1] ?? section;
    shown = -value;
    explicitSign = true;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2] ?? section;
  }
  if (/\[[<>=]/.test(section) || /E[+-]/i.test(stripLiterals(section))) return general(value, settings);
  if (isDateFormat(section)) return formatDate(shown, section, settings);
  return formatNumberSection(shown, section, explicitSign, settings);
}

/** Sheets' `General`: up to 10 significant digits, the locale's decimal separator, no grouping. */
function general(value: number, settings: DisplaySettings): string {
  const { decimal } = separators(settings.locale);
  const magnitude = Math.abs(value);
  let text: string;
  if (Number.isInteger(value) && magnitude < 1e15) text = String(value);
  else if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-9)) {
    text = value
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .replace('E+', 'E+');
  } else text = String(Number(value.toPrecision(10)));
  return text.replace('.', decimal);
}

/** `0;(0);"-"` → three sections; a `;` inside quotes is text. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function stripLiterals(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** A section's text with quotes and escapes resolved and brackets, fills and paddings dropped. */
function renderLiterals(section: string): string {
  return section
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

interface Piece {
  literal: boolean;
  text: string;
}

/** Splits a section into literal text and format characters. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  const push = (literal: boolean, text: string) => {
    const last = out[out.length - 1];
    if (last && last.literal === literal) last.text += text;
    else out.push({ literal, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close < 0 ? section.length : close;
      push(true, section.slice(i + 1, end));
      i = end;
    } else if (ch === '\\') {
      push(true, section[i + 1] ?? '');
      i++;
    } else if (ch === '_') {
      push(true, ' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = section.indexOf(']', i);
      i = close < 0 ? section.length : close;
    } else push(false, ch);
  }
  return out;
}

function formatNumberSection(value: number, section: string, explicitSign: boolean, settings: DisplaySettings): string {
  const { decimal, group } = separators(settings.locale);
  const parts = pieces(section);
  const code = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join('');
  const percent = (code.match(/%/g) ?? []).length;
  let shown = value * 100 ** percent;
  // The one run of digit placeholders; what stands around it is text.
  const run = /[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+/.exec(code);
  if (!run) return renderLiterals(section).replace(/%/g, '%');
  const [integerPattern = '', fractionPattern = ''] = run[0].split('.');
  const hasPoint = run[0].includes('.');
  // Commas right after the digits divide by a thousand each (`#,##0,` shows thousands).
  const scaling = /,+$/.exec(integerPattern)?.[0].length ?? 0;
  shown /= 1000 ** scaling;
  const grouped = integerPattern.replace(/,+$/, '').includes(',');
  const maxDecimals = (fractionPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fractionPattern.match(/0/g) ?? []).length;
  const minInteger = (integerPattern.match(/0/g) ?? []).length;

  const negative = shown < 0 && !explicitSign;
  let [whole = '0', fraction = ''] = Math.abs(shown).toFixed(maxDecimals).split('.');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  if (whole === '0' && minInteger === 0) whole = '';
  whole = whole.padStart(minInteger, '0');
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const number =
    (negative && (whole !== '' || /[1-9]/.test(fraction)) ? '-' : '') +
    whole +
    (hasPoint && (fraction !== '' || minDecimals > 0) ? decimal + fraction : '');

  // Put the number where the run stood among the pieces, keeping the text around it.
  let out = '';
  let codeAt = 0;
  let placed = false;
  for (const piece of parts) {
    if (piece.literal) {
      out += piece.text;
      continue;
    }
    for (const ch of piece.text) {
      const inRun = codeAt >= run.index && codeAt < run.index + run[0].length;
      if (inRun) {
        if (!placed) out += number;
        placed = true;
      } else out += ch;
      codeAt++;
    }
  }
  return out;
}

const monthNames = new Map<string, { long: string[]; short: string[] }>();

function months(locale: string): { long: string[]; short: string[] } {
  let found = monthNames.get(locale);
  if (!found) {
    const names = (month: 'long' | 'short') => {
      try {
        const format = new Intl.DateTimeFormat(bcp47(locale), { month, timeZone: 'UTC' });
        return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2021, m, 15)));
      } catch {
        return Array.from({ length: 12 }, (_, m) => String(m + 1));
      }
    };
    found = { long: names('long'), short: names('short') };
    monthNames.set(locale, found);
  }
  return found;
}

const DATE_TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi;

function formatDate(serial: number, section: string, settings: DisplaySettings): string {
  const f = serialFields(serial);
  const twelveHour = /am\/pm|a\/p/i.test(section);
  const names = months(settings.locale);
  const weekday = (style: 'long' | 'short') => {
    try {
      const format = new Intl.DateTimeFormat(bcp47(settings.locale), { weekday: style, timeZone: 'UTC' });
      return format.format(Date.UTC(f.year, f.month - 1, f.day));
    } catch {
      return '';
    }
  };
  const two = (n: number) => String(n).padStart(2, '0');
  let out = '';
  let lastWasHour = false;
  for (const piece of pieces(section)) {
    if (piece.literal) {
      out += piece.text;
      continue;
    }
    const tokens = [...piece.text.matchAll(DATE_TOKEN)];
    let at = 0;
    tokens.forEach((match, index) => {
      out += piece.text.slice(at, match.index);
      at = (match.index ?? 0) + match[0].length;
      const token = match[0].toLowerCase();
      const next = tokens[index + 1]?.[0].toLowerCase() ?? '';
      // `m` and `mm` are minutes right after hours or right before seconds, months elsewhere.
      const minutes = (token === 'm' || token === 'mm') && (lastWasHour || next.startsWith('s'));
      lastWasHour = token.startsWith('h');
      const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
      const hour = twelveHour ? hour12 : f.hour;
      const text: Record<string, () => string> = {
        yyyy: () => String(f.year),
        yy: () => two(f.year % 100),
        mmmm: () => names.long[f.month - 1] ?? '',
        mmm: () => names.short[f.month - 1] ?? '',
        mm: () => (minutes ? two(f.minute) : two(f.month)),
        m: () => (minutes ? String(f.minute) : String(f.month)),
        dddd: () => weekday('long'),
        ddd: () => weekday('short'),
        dd: () => two(f.day),
        d: () => String(f.day),
        hh: () => two(hour),
        h: () => String(hour),
        ss: () => two(f.second),
        s: () => String(f.second),
        'am/pm': () => (f.hour < 12 ? 'AM' : 'PM'),
        'a/p': () => (f.hour < 12 ? 'A' : 'P'),
      };
      out += text[token]?.() ?? match[0];
    });
    out += piece.text.slice(at);
  }
  return out;
}
