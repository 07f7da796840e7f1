// Plural forms, dates and currencies as a reader of each language expects them, from Intl, and the same
// words from the hand rules where a runtime has no Intl. Also: the module builds no Intl object when it loads,
// so a custom function's cold load pays for none.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, plural, pluralCategory, withCurrency } from '../../src/core/locale-format';
import { formatValue } from '../../src/core/number-format';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});

const DAYS_PL = { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' };

describe('plural forms', () => {
  it('gives Polish its one, few and many forms, and a fraction its own', () => {
    expect([1, 2, 4, 5, 12, 22, 25, 101, 5.5].map((n) => `${n} ${plural(n, 'pl', DAYS_PL)}`)).toEqual([
      '1 dzień',
      '2 dni',
      '4 dni',
      '5 dni',
      '12 dni',
      '22 dni',
      '25 dni',
      '101 dni',
      '5.5 dnia',
    ]);
    expect(pluralCategory(22, 'pl')).toBe('few');
    expect(pluralCategory(12, 'pl')).toBe('many');
  });

  it('gives English one and other', () => {
    expect([1, 2, 1.5].map((n) => plural(n, 'en', { one: 'day', other: 'days' }))).toEqual(['day', 'days', 'days']);
  });
});

describe('dates', () => {
  it('writes the Polish month in the genitive, and the English one first', () => {
    expect(formatDate('2027-05-02', 'pl')).toBe('2 maja 2027');
    expect(formatDate('2027-01-01', 'pl')).toBe('1 stycznia 2027');
    expect(formatDate('2027-05-02', 'en')).toBe('May 2, 2027');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('currencies', () => {
  it('puts the currency where the language does', () => {
    expect(withCurrency('200,000', 'USD', 'en')).toBe('$200,000');
    expect(withCurrency('-5', 'USD', 'en')).toBe('-$5');
    expect(withCurrency('200 000', 'PLN', 'pl')).toBe('200 000 zł');
    expect(withCurrency('200 000', 'EUR', 'pl')).toBe('200 000 €');
    expect(withCurrency('200,000', 'PLN', 'en')).toBe('PLN 200,000');
  });
});

describe('values in their unit', () => {
  it('writes "$200,000", never "200,000 $", and "200 000 zł"', () => {
    expect(formatValue(200_000, 'currency', 'en', 'USD')).toBe('$200,000');
    expect(formatValue(1234.5, 'currency', 'en', 'USD')).toBe('$1,234.50');
    expect(formatValue(200_000, 'currency', 'pl', 'PLN')).toBe('200 000 zł');
  });

  it('says "1 dzień" and "1 day", never "1 dni"', () => {
    expect(formatValue(1, 'days', 'pl')).toBe('1 dzień');
    expect(formatValue(3, 'days', 'pl')).toBe('3 dni');
    expect(formatValue(5.5, 'days', 'pl')).toBe('5,5 dnia');
    expect(formatValue(1, 'days', 'en')).toBe('1 day');
    expect(formatValue(1, 'points', 'en')).toBe('1 pt');
    expect(formatValue(1_000, 'days', 'en')).toBe('1,000 days');
  });
});

describe('without Intl', () => {
  it('builds nothing when it loads, and Intl only when first asked', async () => {
    let built = 0;
    const counting = Object.create(Intl) as { PluralRules: typeof Intl.PluralRules };
    counting.PluralRules = class extends Intl.PluralRules {
      constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.PluralRules;
    vi.stubGlobal('Intl', counting);
    const module = await import('../../src/core/locale-format');
    expect(built).toBe(0);
    expect([module.pluralCategory(2, 'pl'), module.pluralCategory(3, 'pl')]).toEqual(['few', 'few']);
    expect(built).toBe(1);
  });

  it('answers the same from the hand rules', async () => {
    vi.stubGlobal('Intl', undefined);
    const module = await import('../../src/core/locale-format');
    expect([1, 3, 5, 22, 5.5].map((n) => module.plural(n, 'pl', DAYS_PL))).toEqual([
      'dzień',
      'dni',
      'dni',
      'dni',
      'dnia',
    ]);
    expect(module.formatDate('2027-05-02', 'pl')).toBe('2 maja 2027');
    expect(module.formatDate('2027-05-02', 'en')).toBe('May 2, 2027');
    expect(module.withCurrency('200,000', 'USD', 'en')).toBe('$200,000');
    expect(module.withCurrency('200 000', 'PLN', 'pl')).toBe('200 000 zł');
  });
});
