// Numbers as a Polish or English reader expects them in text (the check-in export, messages): grouped
// thousands, a decimal comma in Polish, the unit after the number. Written by hand rather than with Intl,
// whose locale data Apps Script does not promise.

import type { Lang } from './i18n';

export type DisplayUnit = 'count' | 'currency' | 'percent' | 'days' | 'hours' | 'points';

const UNIT_WORDS: Record<Lang, Record<'days' | 'hours' | 'points', string>> = {
  en: { days: 'days', hours: 'h', points: 'pts' },
  pl: { days: 'dni', hours: 'godz.', points: 'pkt' },
};

const CURRENCY_SYMBOLS: Record<string, string> = { PLN: 'zł', EUR: '€', USD: '$', GBP: '£' };

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

/**
 * Formats a value in its unit: `1 200 000 zł`, `15%`, `45 dni`.
 * @example formatValue(0.15, 'percent', 'pl') // '15%'
 */
export function formatValue(value: number, unit: DisplayUnit, lang: Lang, currency = 'PLN'): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value * 100, lang, 1)}%`;
    case 'currency':
      return `${formatNumber(value, lang, 0)} ${CURRENCY_SYMBOLS[currency] ?? currency}`;
    case 'count':
      return formatNumber(value, lang);
    default:
      return `${formatNumber(value, lang)} ${UNIT_WORDS[lang][unit]}`;
  }
}

/** A share as a whole percent: `0.754` → `75%`. */
export function formatPercent(share: number, lang: Lang): string {
  return `${formatNumber(Math.round(share * 100), lang, 0)}%`;
}
