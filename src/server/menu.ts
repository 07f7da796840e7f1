// The add-on menu, in Polish or English, and the dialogs of its items. onOpen may run in AuthMode.NONE
// (the add-on installed but not yet used in this file), where touching the document or its properties
// kills the menu: then only the user's locale decides the language.

import { defineTexts, type Lang, langFromLocale } from '../core/i18n';
import { runRecordCheckIn, runWeeklyCheckIn } from './check-in-api';
import { spreadsheetLang } from './language';

const texts = defineTexts(
  {
    newQuarter: 'New quarter…',
    weeklyCheckIn: 'Weekly check-in',
    recordCheckIn: 'Record check-in',
    hideOldCheckIns: 'Hide old check-in tabs…',
    settings: 'Settings',
    help: 'Help',
    helpTitle: 'OKR Sheets: help',
    helpBody: [
      '1. Extensions ▸ OKR Sheets ▸ New quarter… opens the planner: choose the quarter, the team, 3–5 objectives and 2–5 key results each (templates from the sales KR library are one click away).',
      '2. “Create the OKR sheet” adds a sheet such as “OKR Q1 2027”. Type the latest values into the current-value column (a number or your own formula); scores, statuses and colours follow.',
      '3. The as-of cell holds =TODAY(); overwrite it with a date to look back.',
      '4. Extensions ▸ OKR Sheets ▸ Settings: language, the month your fiscal year starts, the currency and the formula style (add-on functions, or portable formulas for people without the add-on).',
      'Formulas you can use in any cell: KR_SCORE, OKR_SCORE, KR_STATUS, KR_PACE, KR_FORECAST, KR_NEEDED_PER_WEEK, PIPELINE_COVERAGE, ICE, RICE, SALES_VELOCITY.',
    ].join('\n\n'),
  },
  {
    newQuarter: 'Nowy kwartał…',
    weeklyCheckIn: 'Cotygodniowy check-in',
    recordCheckIn: 'Zapisz check-in',
    hideOldCheckIns: 'Ukryj stare check-iny…',
    settings: 'Ustawienia',
    help: 'Pomoc',
    helpTitle: 'OKR Sheets: pomoc',
    helpBody: [
      '1. Rozszerzenia ▸ OKR Sheets ▸ Nowy kwartał… otwiera planer: wybierz kwartał, zespół, 3–5 celów i po 2–5 kluczowych rezultatów (szablony z biblioteki KR dla sprzedaży są o jedno kliknięcie).',
      '2. „Utwórz arkusz OKR” dodaje arkusz, np. „OKR Q1 2027”. Wpisuj najnowsze wartości w kolumnie wartości bieżącej (liczbę albo własną formułę); wyniki, statusy i kolory liczą się same.',
      '3. Komórka daty stanu zawiera =DZIŚ(); wpisz w nią datę, aby spojrzeć wstecz.',
      '4. Rozszerzenia ▸ OKR Sheets ▸ Ustawienia: język, miesiąc początku roku obrotowego, waluta i styl formuł (funkcje dodatku albo przenośne formuły dla osób bez dodatku).',
      'Formuły do użycia w dowolnej komórce: KR_SCORE, OKR_SCORE, KR_STATUS, KR_PACE, KR_FORECAST, KR_NEEDED_PER_WEEK, PIPELINE_COVERAGE, ICE, RICE, SALES_VELOCITY.',
    ].join('\n\n'),
  },
);

/** The simple-trigger event, as far as the menu reads it. */
export interface OpenEvent {
  authMode?: unknown;
}

/** The menu's language: in AuthMode.NONE only the user's locale, otherwise Settings, then the spreadsheet. */
export function menuLang(event?: OpenEvent): Lang {
  // Compared by name: ScriptApp.AuthMode.NONE prints as "NONE", and reading ScriptApp is a service call.
  if (event && String(event.authMode) === 'NONE') {
    try {
      return langFromLocale(Session.getActiveUserLocale());
    } catch {
      return 'en';
    }
  }
  return spreadsheetLang();
}

/** Adds the OKR menu under Extensions. Each item names a top-level entry point. */
export function onOpen(event?: OpenEvent): void {
  const lang = menuLang(event);
  const t = (key: Parameters<typeof texts>[1]) => texts(lang, key);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t('newQuarter'), 'showNewQuarterSidebar')
    .addSeparator()
    .addItem(t('weeklyCheckIn'), 'showWeeklyCheckIn')
    .addItem(t('recordCheckIn'), 'showRecordCheckIn')
    .addItem(t('hideOldCheckIns'), 'hideOldCheckInTabs')
    .addSeparator()
    .addItem(t('settings'), 'showSettings')
    .addItem(t('help'), 'showHelp')
    .addToUi();
}

/** Installing the add-on opens the menu at once, without a reload. */
export function onInstall(event?: OpenEvent): void {
  onOpen(event);
}

function alert(titleKey: Parameters<typeof texts>[1], bodyKey: Parameters<typeof texts>[1]): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  ui.alert(texts(lang, titleKey), texts(lang, bodyKey), ui.ButtonSet.OK);
}

/** Menu item Weekly check-in: opens or creates this week's check-in tab, and the sidebar on it. */
export function showWeeklyCheckIn(): void {
  runWeeklyCheckIn();
}

/** Menu item Record check-in: records the check-in tab (asking first when its week was recorded before). */
export function showRecordCheckIn(): void {
  runRecordCheckIn();
}

export function showHelp(): void {
  alert('helpTitle', 'helpBody');
}
