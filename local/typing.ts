// What a person typing into a cell means, beyond what the fake already reads (formulas, a leading
// apostrophe, numbers, percentages and TRUE/FALSE in the spreadsheet's locale, see local/spreadsheet/values.ts):
// dates. Sheets reads `2027-03-31` anywhere, and the locale's own order (`31.03.2027` in pl_PL,
// `3/31/2027` in en_US, `31/03/2027` in en_GB); the cell then holds a date, and a cell formatted
// `General` takes a date format, as a typed `15%` takes a percent format.

import { instantFromSerial, serialOfDay } from './dates';
import { parseLocaleNumber } from './spreadsheet/values';

/** What to write: the input for the fake's `writeInputs`, and a format for a cell still `General`. */
export interface Typed {
  input: unknown;
  numberFormat: string | null;
}

const orderCache = new Map<string, ('day' | 'month' | 'year')[]>();

/** The order of day, month and year in the locale's short dates. */
function dateOrder(locale: string): ('day' | 'month' | 'year')[] {
  let order = orderCache.get(locale);
  if (!order) {
    order = ['month', 'day', 'year'];
    try {
      const parts = new Intl.DateTimeFormat(locale.replace('_', '-'), { timeZone: 'UTC' }).formatToParts(
        Date.UTC(2027, 2, 31),
      );
      const found = parts
        .map((part) => part.type)
        .filter((type): type is 'day' | 'month' | 'year' => type === 'day' || type === 'month' || type === 'year');
      if (found.length === 3) order = found;
    } catch {
      // An unknown locale reads dates as en_US does.
    }
    orderCache.set(locale, order);
  }
  return order;
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads typed text as Sheets does; everything but dates and the percent format is left to the fake. */
export function readTyping(text: string, locale: string, timeZone: string): Typed {
  const trimmed = text.trim();
  if (text.startsWith('=') || text.startsWith("'")) return { input: text, numberFormat: null };

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$/.exec(trimmed);
  let fields: { year: number; month: number; day: number; format: string } | null = null;
  if (iso) {
    fields = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), format: 'yyyy-mm-dd' };
  } else if (local) {
    const order = dateOrder(locale);
    const values = [local[1], local[3], local[4]].map(Number);
    const get = (type: 'day' | 'month' | 'year') => values[order.indexOf(type)] ?? 0;
    const separator = local[2] as string;
    const pattern = order.map((type) => (type === 'year' ? 'yyyy' : type === 'day' ? 'dd' : 'mm')).join(separator);
    fields = { year: get('year'), month: get('month'), day: get('day'), format: pattern };
  }
  if (fields && fields.year >= 1000 && validDay(fields.year, fields.month, fields.day)) {
    const instant = instantFromSerial(serialOfDay(fields.year, fields.month, fields.day), timeZone);
    return { input: new Date(instant), numberFormat: fields.format };
  }

  if (/%$/.test(trimmed) && parseLocaleNumber(trimmed, locale) !== null) {
    const decimals = /[.,](\d+)%$/.exec(trimmed)?.[1]?.length ?? 0;
    return { input: text, numberFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  return { input: text, numberFormat: null };
}
