// Words that depend on a number or a date, as a reader of the spreadsheet's language expects them: the
// plural form a count takes (1 dzień, 2 dni, 5,5 dnia; 1 day, 2 days), a day with its month in words
// (Polish in the genitive: "2 maja 2027"; "May 2, 2027"), and an amount with its currency where the
// language puts it ("$200,000", "200 000 zł"). The rules come from Intl (PluralRules, DateTimeFormat,
// NumberFormat), which is part of V8 and so of Apps Script's runtime; should a runtime lack it, a hand rule
// for the two languages answers the same. Formatters are built on first use and kept, never when the bundle
// loads: a custom function's cold load builds none.

import type { Lang } from './i18n';

/** The plural categories of Unicode CLDR; Polish uses one, few, many and other, English one and other. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The word forms of a count: `other` always, the rest as the language has them. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

const LOCALES: Record<Lang, string> = { en: 'en-US', pl: 'pl-PL' };

/** The formatters made so far; the map itself too is made on first use, nothing at load. */
let made: Map<string, unknown> | undefined;

/** One formatter per language and options, made when first asked for; `null` when Intl cannot make it. */
function kept<T>(key: string, make: () => T): T | null {
  made ??= new Map();
  if (!made.has(key)) {
    let value: T | null = null;
    try {
      value = typeof Intl === 'undefined' ? null : make();
    } catch {
      value = null;
    }
    made.set(key, value);
  }
  return made.get(key) as T | null;
}

/**
 * The plural category of a count in a language.
 * @example pluralCategory(22, 'pl') // 'few'
 * @example pluralCategory(5.5, 'pl') // 'other'
 */
export function pluralCategory(count: number, lang: Lang): PluralCategory {
  const rules = kept(`plural:${lang}`, () => new Intl.PluralRules(lang));
  if (rules) return rules.select(count) as PluralCategory;
  // CLDR's rules for the two languages, for a runtime without Intl.
  if (!Number.isInteger(count)) return 'other';
  if (count === 1) return 'one';
  if (lang === 'en') return 'other';
  const [units, tens] = [Math.abs(count) % 10, Math.abs(count) % 100];
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? 'few' : 'many';
}

/**
 * The form of a word that goes with a count: `many` falls back to `other`, and the rest to `other` too.
 * @example plural(2, 'pl', { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' }) // 'dni'
 */
export function plural(count: number, lang: Lang, forms: PluralForms): string {
  return forms[pluralCategory(count, lang)] ?? forms.other;
}

const MONTHS_GENITIVE_PL = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];
/** The English month names, January first. */
export const MONTHS_EN: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * An ISO date (yyyy-mm-dd) as a person reads it, the month in words; text that is no date comes back as it is.
 * @example formatDate('2027-05-02', 'pl') // '2 maja 2027'
 * @example formatDate('2027-05-02', 'en') // 'May 2, 2027'
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  const format = kept(
    `date:${lang}`,
    () => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  if (format) return format.format(new Date(Date.UTC(year, month - 1, day)));
  return lang === 'pl' ? `${day} ${MONTHS_GENITIVE_PL[month - 1]} ${year}` : `${MONTHS_EN[month - 1]} ${day}, ${year}`;
}

/** Where a language writes a currency: its sign or code, before or after the number, with or without a space. */
export interface CurrencyPattern {
  symbol: string;
  before: boolean;
  space: boolean;
}

/**
 * Where a language writes a currency (the symbol or code Intl gives, before or after the number): for the
 * sheet's number formats, which put it in the same place (`"$"#,##0`, `#,##0 "zł"`).
 * @example currencyPattern('USD', 'en') // { symbol: '$', before: true, space: false }
 */
export function currencyPattern(currency: string, lang: Lang): CurrencyPattern {
  const wanted = currency.trim().toUpperCase();
  const code = /^[A-Z]{3}$/.test(wanted) ? wanted : 'XXX';
  const format = kept(
    `currency:${lang}:${code}`,
    () => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: code, maximumFractionDigits: 0 }),
  );
  if (format && code === wanted) {
    const parts = format.formatToParts(1);
    const at = parts.findIndex((part) => part.type === 'currency');
    const number = parts.findIndex((part) => part.type === 'integer');
    if (at >= 0 && number >= 0) {
      const between = parts.slice(Math.min(at, number) + 1, Math.max(at, number));
      return {
        symbol: parts[at]?.value ?? wanted,
        before: at < number,
        space: between.some((part) => part.type === 'literal' && /\s/u.test(part.value)),
      };
    }
  }
  const symbol = FALLBACK_SYMBOLS[wanted] ?? (wanted || currency);
  return lang === 'pl' ? { symbol, before: false, space: true } : { symbol, before: true, space: symbol === wanted };
}

const FALLBACK_SYMBOLS: Record<string, string> = { PLN: 'zł', EUR: '€', USD: '$', GBP: '£' };

/**
 * An amount already written as digits (`200 000`, `1,234.50`, with its sign) put together with its currency
 * the way the language does: `$200,000`, `-$5`, `200 000 zł`, `PLN 200,000`. The digits are the caller's, so
 * the grouping and decimals match every other number of the same text.
 * @example withCurrency('200,000', 'USD', 'en') // '$200,000'
 * @example withCurrency('200 000', 'PLN', 'pl') // '200 000 zł'
 */
export function withCurrency(digits: string, currency: string, lang: Lang): string {
  const { symbol, before, space } = currencyPattern(currency, lang);
  const gap = space ? ' ' : '';
  if (!before) return `${digits}${gap}${symbol}`;
  const negative = digits.startsWith('-');
  return `${negative ? '-' : ''}${symbol}${gap}${negative ? digits.slice(1) : digits}`;
}
