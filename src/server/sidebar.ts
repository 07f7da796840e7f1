// Opens the sidebar (dist/sidebar.html, one self-contained page) on one of its views. The page is static; the
// server tells it the view and the language by two attributes of its <html> element, so the first words
// the user sees are already in their language, and the view then asks for its state.

import { defineTexts } from '../core/i18n';
import { spreadsheetLang } from './language';

const texts = defineTexts(
  { quarterTitle: 'OKR Sheets: new quarter', settingsTitle: 'OKR Sheets: settings' },
  { quarterTitle: 'OKR Sheets: nowy kwartał', settingsTitle: 'OKR Sheets: ustawienia' },
);

/** The HtmlService file name of the sidebar (dist/sidebar.html). */
export const SIDEBAR_FILE = 'sidebar';

export type SidebarView = 'quarter' | 'settings';

/** Menu item New quarter…: the planner sidebar. */
export function showNewQuarterSidebar(): void {
  showSidebarView('quarter');
}

/** Menu item Settings: the sidebar on its Settings view. */
export function showSettings(): void {
  showSidebarView('settings');
}

function showSidebarView(view: SidebarView): void {
  const lang = spreadsheetLang();
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE);
  output.setContent(
    output
      .getContent()
      .replace('data-lang="en"', `data-lang="${lang}"`)
      .replace('lang="en"', `lang="${lang}"`)
      .replace('data-view="quarter"', `data-view="${view}"`),
  );
  output.setTitle(texts(lang, view === 'settings' ? 'settingsTitle' : 'quarterTitle'));
  SpreadsheetApp.getUi().showSidebar(output);
}
