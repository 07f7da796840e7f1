import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServicesOptions } from '../../local/spreadsheet';
import { forgetLang, LANGUAGE_PROPERTY, spreadsheetLang } from '../../src/server/language';
import { currencyForLocale, readSettings, SETTINGS_PROPERTIES } from '../../src/server/settings';
import { getSettings, saveSettings } from '../../src/server/sidebar-api';
import { installGlobals } from '../support/install-globals';

function open(options: FakeServicesOptions = {}) {
  const services = createFakeServices(options);
  installGlobals(services);
  forgetLang();
  return services;
}

beforeEach(() => forgetLang());
afterEach(() => forgetLang());

describe('settings', () => {
  it('start from defaults that suit the spreadsheet locale', () => {
    open({ locale: 'pl_PL' });
    expect(getSettings()).toEqual({
      lang: 'pl',
      settings: { language: 'auto', fiscalStartMonth: 1, currency: 'PLN', formulaStyle: 'addon', teamName: '' },
    });
    expect(currencyForLocale('de_DE')).toBe('EUR');
    expect(currencyForLocale('en_US')).toBe('USD');
    expect(currencyForLocale('en')).toBe('PLN');
  });

  it('round-trip through the document properties, and the language override takes effect at once', () => {
    const services = open({ locale: 'pl_PL' });
    expect(spreadsheetLang()).toBe('pl');
    const saved = saveSettings({
      language: 'en',
      fiscalStartMonth: 4,
      currency: 'EUR',
      formulaStyle: 'portable',
      teamName: '  Sales DACH ',
    });
    const expected = {
      language: 'en',
      fiscalStartMonth: 4,
      currency: 'EUR',
      formulaStyle: 'portable',
      teamName: 'Sales DACH',
    };
    expect(saved).toEqual({ ok: true, lang: 'en', settings: expected });
    expect(services.PropertiesService.document.data.get(LANGUAGE_PROPERTY)).toBe('en');
    expect(spreadsheetLang()).toBe('en');
    forgetLang();
    expect(getSettings()).toEqual({ lang: 'en', settings: expected });
    expect(services.calls.count('Lock.releaseLock')).toBe(1);

    expect(saveSettings({ ...expected, language: 'auto' })).toMatchObject({ ok: true, lang: 'pl' });
    expect(services.PropertiesService.document.data.has(LANGUAGE_PROPERTY)).toBe(false);
  });

  it('answer a lock timeout in the user language, storing nothing', () => {
    const services = open({ locale: 'pl_PL' });
    services.LockService.hold('document');
    const result = saveSettings({
      language: 'auto',
      fiscalStartMonth: 4,
      currency: 'PLN',
      formulaStyle: 'addon',
      teamName: 'Sprzedaż',
    });
    expect(result).toMatchObject({ ok: false, errors: [{ path: '' }] });
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^Nie udało się zapisać ustawień: /);
    expect(services.PropertiesService.document.data.size).toBe(0);
  });

  it('reject a bad payload with a message per field, in the user language, storing nothing', () => {
    const services = open({ locale: 'pl_PL' });
    const result = saveSettings({
      language: 'de',
      fiscalStartMonth: 13,
      currency: 'zł',
      formulaStyle: 'addon',
      teamName: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'language', message: 'Język: wybierz jedną z opcji' },
      { path: 'fiscalStartMonth', message: 'Miesiąc początku roku obrotowego: wartość musi być między 1 a 12' },
      { path: 'currency', message: 'Waluta: użyj trzyliterowego kodu, np. PLN lub EUR' },
    ]);
    expect(services.PropertiesService.document.data.size).toBe(0);
    expect(saveSettings('nonsense')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: 'Formularz: nieprawidłowa wartość' }],
    });
  });

  it('read broken stored values as their defaults', () => {
    const services = open({ locale: 'en_US' });
    const data = services.PropertiesService.document.data;
    data.set(SETTINGS_PROPERTIES.fiscalStartMonth, 'July');
    data.set(SETTINGS_PROPERTIES.currency, 'dollars');
    data.set(SETTINGS_PROPERTIES.formulaStyle, 'fancy');
    data.set(LANGUAGE_PROPERTY, 'de');
    expect(readSettings('en_US')).toEqual({
      language: 'auto',
      fiscalStartMonth: 1,
      currency: 'USD',
      formulaStyle: 'addon',
      teamName: '',
    });
  });
});
