// The add-on menu, in Polish or English, and the dialogs of its items. onOpen may run in AuthMode.NONE
// (the add-on installed but not yet used in this file), where touching the document or its properties
// kills the menu: then only the user's locale decides the language. Authorised, onOpen also brings the
// as-of dates of the OKR sheets to today (./as-of.ts) and shows what is due in a toast (./nudges.ts), after
// the menu is built so a failure there never costs the menu.

import { dashboardText } from '../core/dashboard/dashboard-texts';
import { dealText } from '../core/deals/deal-texts';
import { FORMULAS } from '../core/formulas';
import { defineTexts, type Lang, langFromLocale } from '../core/i18n';
import { formatDate } from '../core/locale-format';
import { reviewText } from '../core/review/review-texts';
import { keepAllAsOfCurrent, todayIn } from './as-of';
import { runRecordCheckIn, runWeeklyCheckIn } from './check-in-api';
import { withDocumentLock } from './document-lock';
import { spreadsheetLang } from './language';
import { showDueToast } from './nudges';

const texts = defineTexts(() => [
  {
    newQuarter: 'New quarter…',
    weeklyCheckIn: 'Weekly check-in',
    recordCheckIn: 'Record check-in',
    updateAsOf: 'Update as-of date',
    asOfUpdated: 'As-of date set to {date}: {sheets}.',
    asOfNoSheet: 'There is no open OKR sheet yet: create one with “New quarter…” in the OKR Sheets menu.',
    hideOldCheckIns: 'Hide old check-in tabs…',
    initiatives: 'Initiatives',
    companyRollup: 'Company roll-up…',
    settings: 'Settings',
    help: 'Help',
    helpTitle: 'OKR Sheets: help',
    helpBody: [
      '1. Extensions ▸ OKR Sheets ▸ New quarter… opens the planner: choose the quarter, the team, 3–5 objectives and 2–5 key results each (templates from the sales KR library are one click away).',
      '2. “Create the OKR sheet” adds a sheet such as “OKR Q1 2027”. Type the latest values into the current-value column (a number or your own formula); scores, statuses and colours follow.',
      '3. The as-of cell holds a fixed date, not a formula that changes by itself (add-on functions may not depend on one). The add-on moves it to today when the spreadsheet opens, on every check-in, and from Update as-of date. Type another date into it to look back; Update as-of date brings it back to today.',
      '4. Every week: on Monday, Weekly check-in makes the week’s tab, with each key result’s last value. Type this week’s values, confidence and comments, then Record check-in: the values go into the OKR sheet and into History. In the sidebar, Copy as text puts the check-in on the clipboard for the team’s email or chat. Hide old check-in tabs… tucks away the past weeks (History keeps them).',
      '5. Extensions ▸ OKR Sheets ▸ Settings: language, the month your fiscal year starts, the currency and the formula style (add-on functions, or portable formulas for people without the add-on).',
      'Formulas you can use in any cell: {formulas}.',
    ].join('\n\n'),
    closeQuarter: 'Close quarter…',
  },
  {
    newQuarter: 'Nowy kwartał…',
    weeklyCheckIn: 'Cotygodniowy check-in',
    recordCheckIn: 'Zapisz check-in',
    updateAsOf: 'Aktualizuj datę stanu',
    asOfUpdated: 'Data stanu ustawiona na {date}: {sheets}.',
    asOfNoSheet: 'Nie ma jeszcze otwartego arkusza OKR: utwórz go poleceniem „Nowy kwartał…” w menu OKR Sheets.',
    hideOldCheckIns: 'Ukryj stare check-iny…',
    initiatives: 'Inicjatywy',
    companyRollup: 'Zestawienie firmowe…',
    settings: 'Ustawienia',
    help: 'Pomoc',
    helpTitle: 'OKR Sheets: pomoc',
    helpBody: [
      '1. Rozszerzenia ▸ OKR Sheets ▸ Nowy kwartał… otwiera planer: wybierz kwartał, zespół, 3–5 celów i po 2–5 kluczowych rezultatów (szablony z biblioteki KR dla sprzedaży są o jedno kliknięcie).',
      '2. „Utwórz arkusz OKR” dodaje arkusz, np. „OKR Q1 2027”. Wpisuj najnowsze wartości w kolumnie wartości bieżącej (liczbę albo własną formułę); wyniki, statusy i kolory liczą się same.',
      '3. Komórka daty stanu zawiera stałą datę, a nie formułę, która zmienia się sama (funkcje dodatku nie mogą od takiej zależeć). Dodatek przestawia ją na dzisiaj przy otwarciu arkusza, przy każdym check-inie i poleceniem Aktualizuj datę stanu. Wpisz w nią inną datę, aby spojrzeć wstecz; Aktualizuj datę stanu przywraca dzisiejszą.',
      '4. Co tydzień: w poniedziałek Cotygodniowy check-in tworzy zakładkę tygodnia z ostatnią wartością każdego kluczowego rezultatu. Wpisz wartości z tego tygodnia, pewność i komentarze, potem Zapisz check-in: wartości trafią do arkusza OKR i do Historii. W panelu bocznym Kopiuj jako tekst kładzie check-in do schowka, do maila albo czatu zespołu. Ukryj stare check-iny… chowa minione tygodnie (Historia je zachowuje).',
      '5. Rozszerzenia ▸ OKR Sheets ▸ Ustawienia: język, miesiąc początku roku obrotowego, waluta i styl formuł (funkcje dodatku albo przenośne formuły dla osób bez dodatku).',
      'Formuły do użycia w dowolnej komórce: {formulas}.',
    ].join('\n\n'),
    closeQuarter: 'Zamknij kwartał…',
  },
]);

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
    .addItem(t('closeQuarter'), 'showCloseQuarter')
    .addSeparator()
    .addItem(t('weeklyCheckIn'), 'showWeeklyCheckIn')
    .addItem(t('recordCheckIn'), 'showRecordCheckIn')
    .addItem(dashboardText(lang, 'menuItem'), 'showDashboard')
    .addItem(reviewText(lang, 'menuItem'), 'showMonthlyReview')
    .addItem(t('initiatives'), 'showInitiatives')
    .addItem(dealText(lang, 'menuItem'), 'showDealsSheet')
    .addItem(dealText(lang, 'importMenuItem'), 'showImportDeals')
    .addItem(t('companyRollup'), 'showCompanyRollup')
    .addItem(t('updateAsOf'), 'updateAsOfDate')
    .addItem(t('hideOldCheckIns'), 'hideOldCheckInTabs')
    .addSeparator()
    .addItem(t('settings'), 'showSettings')
    .addItem(t('help'), 'showHelp')
    .addToUi();
  if (event === undefined || String(event.authMode) === 'NONE') return;
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  try {
    const active = SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet = active;
    withDocumentLock(() => keepAllAsOfCurrent(active, todayIn(active)));
  } catch {
    // Opening must never fail over the date: the menu item and the next check-in set it as well.
  }
  try {
    showDueToast(spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet(), lang);
  } catch {
    // Nor over the toast: the check-in sidebar says what is due as well.
  }
}

/** Menu item Update as-of date: today's date into the as-of cell of every open OKR sheet, a typed date too. */
export function updateAsOfDate(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const today = todayIn(spreadsheet);
  const updates = withDocumentLock(() => keepAllAsOfCurrent(spreadsheet, today, true));
  const lang = spreadsheetLang();
  const message =
    updates.length === 0
      ? texts(lang, 'asOfNoSheet')
      : texts(lang, 'asOfUpdated', {
          date: formatDate(today, lang),
          sheets: updates.map((update) => update.sheetName).join(', '),
        });
  spreadsheet.toast(message, texts(lang, 'updateAsOf'));
}

/** Installing the add-on opens the menu at once, without a reload. */
export function onInstall(event?: OpenEvent): void {
  onOpen(event);
}

function alert(
  titleKey: Parameters<typeof texts>[1],
  bodyKey: Parameters<typeof texts>[1],
  params: Parameters<typeof texts>[2] = {},
): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  ui.alert(texts(lang, titleKey), texts(lang, bodyKey, params), ui.ButtonSet.OK);
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
  // The list comes from the formulas themselves, so Help names every one the add-on has.
  alert('helpTitle', 'helpBody', { formulas: FORMULAS.map((formula) => formula.name).join(', ') });
}
