// Opens the sidebar (dist/sidebar.html, one self-contained page) on one of its views. The page is static; the
// server tells it the view and the language by two attributes of its <html> element, so the first words
// the user sees are already in their language, and the view then asks for its state. The check-in view
// also gets what the menu item did (the tab it generated, or what recording did) as JSON in a third one,
// and every opening gets an id of its own on <body> (see openingId).

import { defineTexts } from '../core/i18n';
import type { CheckInBoot } from '../shared/check-in-api';
import { CHECK_IN_BOOT_ATTRIBUTE, OPENING_ATTRIBUTE } from '../shared/sidebar-page';
import { spreadsheetLang } from './language';

const texts = defineTexts(() => [
  {
    quarterTitle: 'OKR Sheets: new quarter',
    settingsTitle: 'OKR Sheets: settings',
    checkInTitle: 'OKR Sheets: weekly check-in',
    dealsTitle: 'OKR Sheets: import deals',
    rollupTitle: 'OKR Sheets: company roll-up',
  },
  {
    quarterTitle: 'OKR Sheets: nowy kwartał',
    settingsTitle: 'OKR Sheets: ustawienia',
    checkInTitle: 'OKR Sheets: cotygodniowy check-in',
    dealsTitle: 'OKR Sheets: import transakcji',
    rollupTitle: 'OKR Sheets: zestawienie firmowe',
  },
]);

const TITLES = {
  quarter: 'quarterTitle',
  settings: 'settingsTitle',
  'check-in': 'checkInTitle',
  deals: 'dealsTitle',
  rollup: 'rollupTitle',
} as const;

/** The HtmlService file name of the sidebar (dist/sidebar.html). */
export const SIDEBAR_FILE = 'sidebar';

export type SidebarView = 'quarter' | 'settings' | 'check-in' | 'deals' | 'rollup';

/** Menu item New quarter…: the planner sidebar. */
export function showNewQuarterSidebar(): void {
  showSidebarView('quarter');
}

/** Menu item Settings: the sidebar on its Settings view. */
export function showSettings(): void {
  showSidebarView('settings');
}

/** Menu item Import deals…: the sidebar's view that imports a CRM export (pasted or a file) into Deals. */
export function showImportDeals(): void {
  showSidebarView('deals');
}

/** Menu item Company roll-up… (in the company's spreadsheet): team links, their states and the scores. */
export function showCompanyRollup(): void {
  showSidebarView('rollup');
}

/** The sidebar on its check-in view, about a tab, with what the menu item did. */
export function showCheckInSidebar(boot: CheckInBoot): void {
  showSidebarView('check-in', boot);
}

function showSidebarView(view: SidebarView, boot: CheckInBoot | null = null): void {
  const lang = spreadsheetLang();
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE);
  output.setContent(
    output
      .getContent()
      .replace('data-lang="en"', `data-lang="${lang}"`)
      .replace('lang="en"', `lang="${lang}"`)
      .replace('data-view="quarter"', () =>
        boot ? `data-view="${view}" ${CHECK_IN_BOOT_ATTRIBUTE}="${attributeJson(boot)}"` : `data-view="${view}"`,
      )
      .replace('<body>', () => `<body ${OPENING_ATTRIBUTE}="${openingId()}">`),
  );
  output.setTitle(texts(lang, TITLES[view]));
  SpreadsheetApp.getUi().showSidebar(output);
}

/**
 * A new id for each time a menu item shows the sidebar. The page keeps the view it shows under it, so a
 * reload of the sidebar's frame (same page, same id) reopens that view, and a new menu click (a new id)
 * opens the one it asks for. Made of the time and a random part: no service call, nothing to keep.
 */
export function openingId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** JSON as the value of a double-quoted HTML attribute: the page's parser gives the JSON back, as text. */
export function attributeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[&<>"']/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
