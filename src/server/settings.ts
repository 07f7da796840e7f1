// Per-document settings in the document properties: the language override, the fiscal-year start month,
// the default currency, the formula style and the team name the next quarter starts with. Read in one call
// and written in one call; a missing or broken property falls back to its default, never fails.

import { FORMULA_STYLES, type FormulaStyle } from '../shared/plan';
import type { LanguageChoice, Settings } from '../shared/sidebar-api';
import { forgetLang, LANGUAGE_PROPERTY } from './language';

export const SETTINGS_PROPERTIES = {
  language: LANGUAGE_PROPERTY,
  fiscalStartMonth: 'okr.fiscalStartMonth',
  currency: 'okr.currency',
  formulaStyle: 'okr.formulaStyle',
  teamName: 'okr.teamName',
} as const satisfies Record<keyof Settings, string>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  fiscalStartMonth: 1,
  currency: 'PLN',
  formulaStyle: 'addon',
  teamName: '',
};

/** The currency a spreadsheet locale suggests (`pl_PL` → PLN, `de_DE` → EUR); PLN when it suggests none. */
export function currencyForLocale(locale: string | null | undefined): string {
  const country = /^[a-z]{2,3}[_-]([A-Z]{2})/i.exec(locale ?? '')?.[1]?.toUpperCase() ?? '';
  if (country in COUNTRY_CURRENCIES) return COUNTRY_CURRENCIES[country] ?? DEFAULT_SETTINGS.currency;
  return EURO_COUNTRIES.includes(country) ? 'EUR' : DEFAULT_SETTINGS.currency;
}

const COUNTRY_CURRENCIES: Record<string, string> = {
  PL: 'PLN',
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  CZ: 'CZK',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  HU: 'HUF',
  UA: 'UAH',
  CA: 'CAD',
  AU: 'AUD',
};
const EURO_COUNTRIES = [
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
];

/**
 * The stored settings, each falling back to its default when absent or unreadable; the currency falls back
 * to the one the spreadsheet locale suggests.
 */
export function readSettings(locale?: string): Settings {
  const stored = PropertiesService.getDocumentProperties().getProperties();
  const get = (key: keyof Settings): string => {
    const value = stored[SETTINGS_PROPERTIES[key]];
    return typeof value === 'string' ? value.trim() : '';
  };
  const language = get('language');
  const month = Number(get('fiscalStartMonth'));
  const currency = get('currency');
  const style = get('formulaStyle');
  return {
    language: language === 'pl' || language === 'en' ? (language satisfies LanguageChoice) : 'auto',
    fiscalStartMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : DEFAULT_SETTINGS.fiscalStartMonth,
    currency: /^[A-Z]{3}$/.test(currency) ? currency : currencyForLocale(locale),
    formulaStyle: (FORMULA_STYLES as readonly string[]).includes(style)
      ? (style as FormulaStyle)
      : DEFAULT_SETTINGS.formulaStyle,
    teamName: get('teamName').slice(0, 300),
  };
}

/** Stores validated settings in one write; `auto` removes the language override. Forgets the cached language. */
export function writeSettings(settings: Settings): void {
  const properties = PropertiesService.getDocumentProperties();
  const values: Record<string, string> = {
    [SETTINGS_PROPERTIES.fiscalStartMonth]: String(settings.fiscalStartMonth),
    [SETTINGS_PROPERTIES.currency]: settings.currency,
    [SETTINGS_PROPERTIES.formulaStyle]: settings.formulaStyle,
    [SETTINGS_PROPERTIES.teamName]: settings.teamName,
  };
  if (settings.language === 'auto') properties.deleteProperty(SETTINGS_PROPERTIES.language);
  else values[SETTINGS_PROPERTIES.language] = settings.language;
  properties.setProperties(values);
  forgetLang();
}

/** Remembers the team name of the last quarter built, for the next one. */
export function rememberTeamName(team: string): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTIES.teamName, team.slice(0, 300));
}
