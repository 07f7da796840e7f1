// "Hide old check-in tabs…": offers to hide the check-in tabs whose week is recorded in History and ended
// more than four weeks ago (src/core/check-in/old-tabs.ts), naming them and asking first. It only hides:
// a check-in tab is never deleted, since the team's comments, blockers and plan are only there.

import { CHECK_IN_METADATA, parseCheckInTabInfo } from '../core/check-in/check-in-tab';
import { isOldRecordedTab, recordedWeeks } from '../core/check-in/old-tabs';
import { defineTexts } from '../core/i18n';
import { isoDay } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { spreadsheetLang } from './language';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const texts = defineTexts(() => [
  {
    title: 'Hide old check-in tabs',
    none: 'No check-in tab is older than four weeks and recorded in History: nothing to hide.',
    ask: 'These check-in tabs are older than four weeks, and their values are in History:\n\n{names}\n\nHide them? Nothing is deleted: View ▸ Hidden sheets shows a tab again.',
  },
  {
    title: 'Ukryj stare check-iny',
    none: 'Żadna karta check-inu nie jest starsza niż cztery tygodnie i zapisana w Historii: nie ma czego ukryć.',
    ask: 'Te karty check-inu są starsze niż cztery tygodnie, a ich wartości są w Historii:\n\n{names}\n\nUkryć je? Nic nie zostanie usunięte: Widok ▸ Ukryte arkusze pokaże kartę z powrotem.',
  },
]);

/**
 * The visible check-in tabs of recorded weeks that ended more than four weeks before `today` (ISO date),
 * oldest week first. Found by their metadata, never by name; one History read whatever the number of tabs.
 */
export function oldCheckInTabs(spreadsheet: Spreadsheet, today: string): Sheet[] {
  const history = findHistorySheet(spreadsheet);
  if (!history) return [];
  const recorded = recordedWeeks(historyRecords(readHistory(history)));
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(CHECK_IN_METADATA.info)
    .find();
  const old = new Map<number, { sheet: Sheet; sunday: string }>();
  for (const metadata of found) {
    const info = parseCheckInTabInfo(metadata.getValue());
    const sheet = metadata.getLocation().getSheet();
    if (!info || !sheet) continue;
    const tab = { quarter: info.quarter, week: info.week, sunday: info.sunday, hidden: sheet.isSheetHidden() };
    if (isOldRecordedTab(tab, recorded, today)) old.set(sheet.getSheetId(), { sheet, sunday: info.sunday });
  }
  return [...old.values()].sort((a, b) => a.sunday.localeCompare(b.sunday)).map(({ sheet }) => sheet);
}

/**
 * Menu item Hide old check-in tabs…: names the old recorded tabs, and hides them when the user agrees.
 * `asOf` is today by default.
 */
export function hideOldCheckInTabs(options: { asOf?: Date } = {}): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  const title = texts(lang, 'title');
  const old = oldCheckInTabs(spreadsheet, isoDay(spreadsheet, options.asOf ?? new Date()));
  if (old.length === 0) {
    ui.alert(title, texts(lang, 'none'), ui.ButtonSet.OK);
    return;
  }
  const names = old.map((sheet) => `• ${sheet.getName()}`).join('\n');
  if (ui.alert(title, texts(lang, 'ask', { names }), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  withDocumentLock(() => {
    for (const sheet of old) sheet.hideSheet();
  });
}
