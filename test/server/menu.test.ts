import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeServices, Enums, type FakeServicesOptions } from '../../local/spreadsheet';
import { registry } from '../../src/gas/registry';
import { forgetLang, LANGUAGE_PROPERTY } from '../../src/server/language';
import {
  onInstall,
  onOpen,
  showHelp,
  showRecordCheckIn,
  showWeeklyCheckIn,
  updateAsOfDate,
} from '../../src/server/menu';
import { showNewQuarterSidebar, showSettings } from '../../src/server/sidebar';
import { installGlobals } from '../support/install-globals';

const SIDEBAR = '<!doctype html>\n<html lang="en" data-lang="en" data-view="quarter"><body>sidebar</body></html>';

function open(options: FakeServicesOptions = {}) {
  const services = createFakeServices({ htmlFiles: { sidebar: SIDEBAR }, ...options });
  installGlobals(services);
  forgetLang();
  return services;
}

beforeEach(() => forgetLang());
afterEach(() => forgetLang());

describe('the add-on menu', () => {
  it('is in English on an English spreadsheet, each item naming a server entry point', () => {
    const { ui } = open({ locale: 'en_US' });
    onOpen({ authMode: 'FULL' });
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]?.caption).toBeNull(); // the add-on menu, named after the add-on by Sheets
    expect(ui.menuItems().map((item) => [item.caption, item.functionName])).toEqual([
      ['New quarter…', 'showNewQuarterSidebar'],
      ['Close quarter…', 'showCloseQuarter'],
      ['Weekly check-in', 'showWeeklyCheckIn'],
      ['Record check-in', 'showRecordCheckIn'],
      ['Dashboard', 'showDashboard'],
      ['Monthly review', 'showMonthlyReview'],
      ['Initiatives', 'showInitiatives'],
      ['Deals sheet', 'showDealsSheet'],
      ['Import deals…', 'showImportDeals'],
      ['Company roll-up…', 'showCompanyRollup'],
      ['Update as-of date', 'updateAsOfDate'],
      ['Hide old check-in tabs…', 'hideOldCheckInTabs'],
      ['Settings', 'showSettings'],
      ['Help', 'showHelp'],
    ]);
    for (const item of ui.menuItems()) expect(registry).toHaveProperty(item.functionName);
  });

  it('is in Polish on a Polish spreadsheet', () => {
    const { ui } = open({ locale: 'pl_PL' });
    onOpen({ authMode: 'LIMITED' });
    expect(ui.menuItems().map((item) => item.caption)).toEqual([
      'Nowy kwartał…',
      'Zamknij kwartał…',
      'Cotygodniowy check-in',
      'Zapisz check-in',
      'Pulpit',
      'Przegląd miesięczny',
      'Inicjatywy',
      'Arkusz transakcji',
      'Importuj transakcje…',
      'Zestawienie firmowe…',
      'Aktualizuj datę stanu',
      'Ukryj stare check-iny…',
      'Ustawienia',
      'Pomoc',
    ]);
  });

  it('follows the language chosen in Settings over the locale', () => {
    const services = open({ locale: 'pl_PL' });
    services.PropertiesService.document.data.set(LANGUAGE_PROPERTY, 'en');
    onOpen();
    expect(services.ui.menuItems()[0]?.caption).toBe('New quarter…');
  });

  it('in AuthMode.NONE reads only the user locale and touches no document or property', () => {
    const services = open({ locale: 'en_US', user: { locale: 'pl' } });
    services.PropertiesService.document.data.set(LANGUAGE_PROPERTY, 'en');
    // ScriptApp.AuthMode.NONE, an enum member that prints as its name.
    onOpen({ authMode: new Enums.EnumValue('AuthMode', 'NONE') });
    expect(services.ui.menuItems()[0]?.caption).toBe('Nowy kwartał…');
    expect(services.calls.count('PropertiesService')).toBe(0);
    expect(services.calls.count('Properties')).toBe(0);
    expect(services.calls.count('Spreadsheet')).toBe(0);
    expect(services.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(services.calls.count('Session.getActiveUserLocale')).toBe(1);
  });

  it('onInstall adds the same menu', () => {
    const { ui } = open({ locale: 'en_US' });
    onInstall({ authMode: 'FULL' });
    expect(ui.menuItems()).toHaveLength(14);
  });
});

describe('the menu items', () => {
  it('the check-in items say what to do in a sheet with no quarter yet, in the user language, and never fail', () => {
    const { ui } = open({ locale: 'pl_PL' });
    expect(() => showWeeklyCheckIn()).not.toThrow();
    expect(() => showRecordCheckIn()).not.toThrow();
    expect(() => showHelp()).not.toThrow();
    expect(ui.dialogs.map((dialog) => dialog.title)).toEqual([
      'Cotygodniowy check-in',
      'Zapisz check-in',
      'OKR Sheets: pomoc',
    ]);
    expect(ui.dialogs[0]?.prompt).toMatch(/^Nie ma jeszcze arkusza OKR/);
    expect(ui.dialogs[1]?.prompt).toMatch(/^Nie ma zakładki check-inu/);
    expect(ui.dialogs.every((dialog) => dialog.buttons === 'OK')).toBe(true);
    expect(ui.sidebars).toHaveLength(0);
  });

  it.each([
    [
      'en_US',
      /Monday, Weekly check-in makes the week’s tab/,
      /Record check-in/,
      /Copy as text/,
      /Hide old check-in tabs…/,
    ],
    [
      'pl_PL',
      /w poniedziałek Cotygodniowy check-in tworzy zakładkę/,
      /Zapisz check-in/,
      /Kopiuj jako tekst/,
      /Ukryj stare/,
    ],
  ])('Help describes the weekly routine and the fixed as-of date, in %s, naming no TODAY()', (locale, ...routine) => {
    const { ui } = open({ locale });
    showHelp();
    const help = ui.dialogs.at(-1)?.prompt ?? '';
    for (const step of routine) expect(help).toMatch(step);
    expect(help).toMatch(/fixed date|stałą datę/);
    expect(help).not.toMatch(/TODAY\(|DZIŚ\(|DZIS\(/);
  });

  it.each([
    ['pl_PL', 'Nowy kwartał…'],
    ['en_US', 'New quarter…'],
  ])('Update as-of date says there is no OKR sheet yet without a double stop, in %s', (locale, item) => {
    const services = open({ locale });
    updateAsOfDate();
    const message = services.spreadsheet.toasts.at(-1)?.message ?? '';
    expect(message).toContain(item);
    expect(message).not.toMatch(/…\./);
  });

  it('New quarter… opens the sidebar file on its quarter view, in the spreadsheet language', () => {
    const { ui } = open({ locale: 'pl_PL' });
    showNewQuarterSidebar();
    expect(ui.sidebars).toHaveLength(1);
    const sidebar = ui.sidebars[0];
    expect(sidebar?.title).toBe('OKR Sheets: nowy kwartał');
    expect(sidebar?.content).toContain('<html lang="pl" data-lang="pl" data-view="quarter">');
  });

  it('Settings opens the same sidebar file on its Settings view', () => {
    const { ui } = open({ locale: 'en_GB' });
    showSettings();
    expect(ui.sidebars[0]?.title).toBe('OKR Sheets: settings');
    expect(ui.sidebars[0]?.content).toContain('<html lang="en" data-lang="en" data-view="settings">');
  });
});
