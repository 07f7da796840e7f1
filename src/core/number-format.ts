// Numbers as a Polish or English reader expects them in text (the check-in export, messages): grouped
// thousands, a decimal comma in Polish, the unit where the language puts it (`$200,000`, `200 000 zł`,
// `1 dzień`, `5 dni`), and the precision the user typed (3.5 % stays 3.5 %, never 4 %; -0 never shows). The
// digits are grouped here by hand, the same in every unit and as the sheet's `#,##0` shows them (Intl's
// Polish leaves 4-digit numbers ungrouped); the currency's place and the plural of a unit come from Intl
// (./locale-format.ts). Also how many decimals a key result's values have, for the number formats of the
// cells that show them.

import type { Lang } from './i18n';
import { type PluralForms, plural, withCurrency } from './locale-format';

export type DisplayUnit = 'count' | 'currency' | 'percent' | 'days' | 'hours' | 'points';

/** The words of a unit by plural form: a fraction of a day is "5,5 dnia", one is "1 dzień". */
const UNIT_WORDS: Record<Lang, Record<'days' | 'hours' | 'points', PluralForms>> = {
  en: { days: { one: 'day', other: 'days' }, hours: { other: 'h' }, points: { one: 'pt', other: 'pts' } },
  pl: {
    days: { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' },
    hours: { other: 'godz.' },
    points: { other: 'pkt' },
  },
};

/**
 * Formats a plain number with grouping: `1 200 000,5` in Polish, `1,200,000.5` in English.
 * @example formatNumber(1200000, 'pl') // '1 200 000'
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = '0', fraction = ''] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'pl' ? ' ' : ',');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'pl' ? ',' : '.') + fraction : '');
}

/** More decimals than this are float noise or a formula's long fraction, not something a person typed. */
export const MAX_TYPED_DECIMALS = 4;

/**
 * The decimals a value has in its unit as a person reads it (a percentage in percent), ignoring float noise
 * such as 0.1 + 0.2; at most MAX_TYPED_DECIMALS.
 * @example typedDecimals(0.035, 'percent') // 1 (3.5 %)
 */
export function typedDecimals(value: number, unit: DisplayUnit): number {
  const shown = Math.abs(unit === 'percent' ? value * 100 : value);
  if (!Number.isFinite(shown) || Number.isInteger(shown)) return 0;
  const text = String(Number(shown.toPrecision(12)));
  if (text.includes('e')) return text.includes('e-') ? MAX_TYPED_DECIMALS : 0;
  const point = text.indexOf('.');
  return point < 0 ? 0 : Math.min(MAX_TYPED_DECIMALS, text.length - point - 1);
}

/**
 * The decimals a key result's cells show: the most any of its values has (start, target, what was typed),
 * so nothing typed is rounded away. Blank values are skipped.
 * @example valueDecimals('days', [10, 2, 5.5]) // 1
 */
export function valueDecimals(unit: DisplayUnit, values: readonly (number | null | undefined)[]): number {
  let decimals = 0;
  for (const value of values) {
    if (typeof value === 'number') decimals = Math.max(decimals, typedDecimals(value, unit));
  }
  return decimals;
}

/**
 * Formats a value in its unit with the decimals it has: `1 200 000 zł`, `$1,200,000`, `3,5%`, `5,5 dnia`;
 * an amount with a fraction shows two decimals (`1 234,50 zł`).
 * @example formatValue(0.035, 'percent', 'pl') // '3,5%'
 * @example formatValue(200000, 'currency', 'en', 'USD') // '$200,000'
 */
export function formatValue(value: number, unit: DisplayUnit, lang: Lang, currency = 'PLN'): string {
  const decimals = typedDecimals(value, unit);
  switch (unit) {
    case 'percent':
      return `${formatNumber(value * 100, lang, decimals)}%`;
    case 'currency': {
      const money = formatNumber(value, lang, decimals);
      // Grosze and cents are written with two digits: 1 234,5 zł is 1 234,50 zł.
      const cents = decimals === 1 ? '0' : '';
      return withCurrency(`${money}${cents}`, currency, lang);
    }
    case 'count':
      return formatNumber(value, lang, decimals);
    default: {
      const shown = formatNumber(value, lang, decimals);
      // The plural follows the number as shown: 1.0 rounds to "1 day", 1.5 is "1.5 days".
      const count = Number(shown.replace(/[\s,]/g, (c) => (c === ',' && lang === 'pl' ? '.' : '')));
      return `${shown} ${plural(Number.isFinite(count) ? count : value, lang, UNIT_WORDS[lang][unit])}`;
    }
  }
}

/** A share as a whole percent: `0.754` → `75%`. */
export function formatPercent(share: number, lang: Lang): string {
  return `${formatNumber(Math.round(share * 100), lang, 0)}%`;
}
