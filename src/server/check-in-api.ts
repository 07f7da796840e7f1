// The weekly check-in as the sidebar and the menu reach it. The sidebar's functions (getCheckInState,
// submitCheckIn, getCheckInText) parse every payload with the shared zod/mini schemas, call the check-in
// server (check-in-generate.ts, check-in-record.ts) and answer with the tab as it now is and messages in the
// user's language. The menu items Weekly check-in and Record check-in run here too: they generate or record,
// ask before a week is recorded again, and open the sidebar on what they did.

import * as z from 'zod/mini';
import { chooseCheckIn } from '../core/check-in/check-in-source';
import type { CheckInTabInfo } from '../core/check-in/check-in-tab';
import { checkInText as words } from '../core/check-in/check-in-texts';
import { defineTexts, type Lang } from '../core/i18n';
import {
  type CheckInRecording,
  type CheckInState,
  type CheckInTabState,
  type CheckInTextResult,
  checkInRefSchema,
  type SubmitCheckInResult,
  submitCheckInSchema,
} from '../shared/check-in-api';
import { generateCheckIn, isoDay } from './check-in-generate';
import { checkInText, type RecordCheckInResult, recordCheckIn } from './check-in-record';
import { checkInInfoOf, findCheckInTab, listQuarters } from './check-in-sheets';
import { findHistorySheet, readHistory } from './history-sheet';
import { spreadsheetLang } from './language';
import { showCheckInSidebar } from './sidebar';

const texts = defineTexts(
  {
    weeklyTitle: 'Weekly check-in',
    recordTitle: 'Record check-in',
    noTab:
      'There is no check-in tab to work with: open one (such as “Check-in W05”), or create this week’s with OKR Sheets ▸ Weekly check-in.',
    tabGone: 'The check-in tab this sidebar was showing is gone; open a check-in tab and press Refresh.',
    badRequest: 'The sidebar sent a request the add-on cannot read; close the sidebar and open it again.',
    confirmReplace:
      'Week {week} of {quarter} is already in History. Recording it again replaces that week’s rows in History; other weeks are not touched.',
    confirmQuestion: 'Record week {week} again?',
    generateFailed: 'The check-in tab could not be made: {reason}',
    recordFailed: 'The check-in could not be recorded: {reason}',
    textFailed: 'The check-in could not be turned into text: {reason}',
    nothingRecorded: 'Nothing was recorded.',
  },
  {
    weeklyTitle: 'Cotygodniowy check-in',
    recordTitle: 'Zapisz check-in',
    noTab:
      'Nie ma zakładki check-inu do pracy: otwórz taką zakładkę (np. „Check-in T05”) albo utwórz zakładkę tego tygodnia przez OKR Sheets ▸ Cotygodniowy check-in.',
    tabGone: 'Zakładki check-inu pokazywanej w panelu już nie ma; otwórz zakładkę check-inu i naciśnij Odśwież.',
    badRequest: 'Panel wysłał żądanie, którego dodatek nie umie odczytać; zamknij panel i otwórz go ponownie.',
    confirmReplace:
      'Tydzień {week} kwartału {quarter} jest już w Historii. Ponowny zapis zastąpi wiersze tego tygodnia w Historii; innych tygodni nie rusza.',
    confirmQuestion: 'Zapisać tydzień {week} ponownie?',
    generateFailed: 'Nie udało się utworzyć zakładki check-inu: {reason}',
    recordFailed: 'Nie udało się zapisać check-inu: {reason}',
    textFailed: 'Nie udało się zamienić check-inu na tekst: {reason}',
    nothingRecorded: 'Niczego nie zapisano.',
  },
);

let zodConfigured = false;

/** zod compiles fast paths with `new Function`, which costs more than it saves in a short run. */
function configureZod(): void {
  if (zodConfigured) return;
  z.config({ jitless: true });
  zodConfigured = true;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A check-in tab found, with what its metadata says of it. */
export interface FoundTab {
  sheet: Sheet;
  info: CheckInTabInfo;
}

// ---------------------------------------------------------------------------------------------------------
// The sidebar's functions (google.script.run).

/** The check-in view's state: the tab asked for by id, else the active tab, else this week's. */
export function getCheckInState(payload?: unknown): CheckInState {
  const lang = spreadsheetLang();
  configureZod();
  const parsed = checkInRefSchema().safeParse(payload ?? {});
  if (!parsed.success) return { lang, tab: null, notice: texts(lang, 'badRequest') };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = findTab(spreadsheet, parsed.data.sheetId);
  return stateOf(found, lang, parsed.data.sheetId);
}

/**
 * Records the tab. A week already in History is recorded again only with `replace: true`; without it the
 * answer asks for confirmation and nothing is written.
 */
export function submitCheckIn(payload: unknown): SubmitCheckInResult {
  const lang = spreadsheetLang();
  configureZod();
  const parsed = submitCheckInSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, confirm: false, message: texts(lang, 'badRequest'), state: null };
  const { sheetId, replace } = parsed.data;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = findTab(spreadsheet, sheetId);
  const before = stateOf(found, lang, sheetId);
  if (!found || !before.tab) return { ok: false, confirm: false, message: before.notice, state: before };
  if (before.tab.recordedBefore && replace !== true) {
    return { ok: false, confirm: true, message: confirmText(before.tab, lang), state: before };
  }
  let result: RecordCheckInResult;
  try {
    result = recordCheckIn({ sheetName: found.sheet.getName() });
  } catch (error) {
    return {
      ok: false,
      confirm: false,
      message: texts(lang, 'recordFailed', { reason: reason(error) }),
      state: before,
    };
  }
  if (!result.sheetName) {
    const message = result.messages.join(' ') || texts(lang, 'nothingRecorded');
    return { ok: false, confirm: false, message, state: before };
  }
  return { ok: true, state: stateOf(findTab(spreadsheet, sheetId), lang, sheetId), recording: recordingOf(result) };
}

/** The tab's check-in in the guide's plain-text form, for "Copy as text". */
export function getCheckInText(payload?: unknown): CheckInTextResult {
  const lang = spreadsheetLang();
  configureZod();
  const parsed = checkInRefSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, message: texts(lang, 'badRequest') };
  const found = findTab(SpreadsheetApp.getActiveSpreadsheet(), parsed.data.sheetId);
  if (!found) return { ok: false, message: noTabNotice(lang, parsed.data.sheetId) };
  try {
    const result = checkInText({ sheetName: found.sheet.getName() });
    if (!result.text) return { ok: false, message: result.messages.join(' ') || texts(lang, 'noTab') };
    return { ok: true, text: result.text };
  } catch (error) {
    return { ok: false, message: texts(lang, 'textFailed', { reason: reason(error) }) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The menu items.

/** Weekly check-in: opens or creates this week's tab, then the sidebar on it; a dialog when there is none. */
export function runWeeklyCheckIn(): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  let result: ReturnType<typeof generateCheckIn>;
  try {
    result = generateCheckIn();
  } catch (error) {
    ui.alert(texts(lang, 'weeklyTitle'), texts(lang, 'generateFailed', { reason: reason(error) }), ui.ButtonSet.OK);
    return;
  }
  const problems = result.problems.map((problem) => problem.message);
  const sheet = result.sheetName ? SpreadsheetApp.getActiveSpreadsheet().getSheetByName(result.sheetName) : null;
  if (!sheet) {
    const body = [...result.messages, ...problems].join('\n\n') || texts(lang, 'noTab');
    ui.alert(texts(lang, 'weeklyTitle'), body, ui.ButtonSet.OK);
    return;
  }
  showCheckInSidebar({
    sheetId: sheet.getSheetId(),
    generated: { created: result.created, messages: result.messages, problems },
  });
}

/**
 * Record check-in: records the active check-in tab (else this week's) and opens the sidebar on what it did.
 * A week already in History is recorded again only after the user says Yes.
 */
export function runRecordCheckIn(): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  const title = texts(lang, 'recordTitle');
  const found = findTab(SpreadsheetApp.getActiveSpreadsheet());
  if (!found) {
    ui.alert(title, texts(lang, 'noTab'), ui.ButtonSet.OK);
    return;
  }
  const tab = tabStateOf(found);
  if (tab.recordedBefore) {
    const question = `${confirmText(tab, lang)}\n\n${texts(lang, 'confirmQuestion', { week: tab.week })}`;
    if (ui.alert(title, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  }
  let result: RecordCheckInResult;
  try {
    result = recordCheckIn({ sheetName: found.sheet.getName() });
  } catch (error) {
    ui.alert(title, texts(lang, 'recordFailed', { reason: reason(error) }), ui.ButtonSet.OK);
    return;
  }
  if (!result.sheetName) {
    ui.alert(title, result.messages.join('\n\n') || texts(lang, 'nothingRecorded'), ui.ButtonSet.OK);
    return;
  }
  showCheckInSidebar({ sheetId: found.sheet.getSheetId(), recording: recordingOf(result) });
}

// ---------------------------------------------------------------------------------------------------------
// Finding the tab and saying what it is.

/**
 * The check-in tab a call is about: the one with `sheetId` when given (and still a check-in tab), else the
 * active tab when it is a check-in, else this week's tab of the current quarter; `null` when there is none.
 */
export function findTab(spreadsheet: Spreadsheet, sheetId?: number): FoundTab | null {
  if (sheetId !== undefined) {
    const sheet = spreadsheet.getSheetById(sheetId);
    const info = sheet ? checkInInfoOf(sheet) : null;
    return sheet && info ? { sheet, info } : null;
  }
  const active = spreadsheet.getActiveSheet();
  const activeInfo = checkInInfoOf(active);
  if (activeInfo) return { sheet: active, info: activeInfo };
  const moment = chooseCheckIn(listQuarters(spreadsheet), isoDay(spreadsheet, new Date()));
  if (moment.kind !== 'running' && moment.kind !== 'over') return null;
  const sheet = findCheckInTab(spreadsheet, moment.quarter.label, moment.week.week);
  const info = sheet ? checkInInfoOf(sheet) : null;
  return sheet && info ? { sheet, info } : null;
}

/** Whether History already holds rows of the tab's week (of its quarter). */
export function weekRecorded(spreadsheet: Spreadsheet, info: CheckInTabInfo): boolean {
  const history = findHistorySheet(spreadsheet);
  if (!history) return false;
  return readHistory(history).some((record) => record?.week === info.week && record.quarter === info.quarter);
}

function tabStateOf(found: FoundTab): CheckInTabState {
  const { sheet, info } = found;
  return {
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    quarter: info.quarter,
    week: info.week,
    monday: info.monday,
    sunday: info.sunday,
    recordedBefore: weekRecorded(SpreadsheetApp.getActiveSpreadsheet(), info),
  };
}

function stateOf(found: FoundTab | null, lang: Lang, sheetId?: number): CheckInState {
  if (!found) return { lang, tab: null, notice: noTabNotice(lang, sheetId) };
  return { lang, tab: tabStateOf(found), notice: '' };
}

function noTabNotice(lang: Lang, sheetId?: number): string {
  return texts(lang, sheetId === undefined ? 'noTab' : 'tabGone');
}

function confirmText(tab: CheckInTabState, lang: Lang): string {
  return texts(lang, 'confirmReplace', { week: tab.week, quarter: tab.quarter });
}

/**
 * What recording did, for the sidebar: the counts and lists as data (the view words them), and the
 * recorder's other messages as notes, leaving out those the lists already say.
 */
export function recordingOf(result: RecordCheckInResult): CheckInRecording {
  const lang = spreadsheetLang();
  const said = new Set<string>();
  // The messages the view shows as counts and lists; the recorder words them in the tab's language, which
  // is the spreadsheet's unless someone changed the language since the tab was made: both are tried.
  for (const language of new Set<Lang>([lang, 'en', 'pl'])) {
    const t = (key: Parameters<typeof words>[1], params?: Record<string, string | number>) =>
      words(language, key, params);
    said.add(t('msgRecorded', { count: result.recorded, week: result.week }));
    said.add(t('msgReplaced', { week: result.week, count: result.replaced }));
    said.add(t('msgNothingTyped'));
    if (result.skippedBlank.length > 0) said.add(t('msgBlank', { ids: result.skippedBlank.join(', ') }));
    for (const cell of result.skippedFormulaCells)
      said.add(t('msgFormulaKept', { id: cell.keyResultId, cell: cell.cell }));
  }
  return {
    sheetName: result.sheetName,
    week: result.week,
    recorded: result.recorded,
    replaced: result.replaced,
    skippedFormulaCells: result.skippedFormulaCells.map((cell) => ({
      keyResultId: cell.keyResultId,
      cell: cell.cell,
      row: Number(/\d+$/.exec(cell.cell)?.[0] ?? 0),
    })),
    skippedBlank: [...result.skippedBlank],
    problems: result.problems.map((problem) => ({ row: problem.row, message: problem.message })),
    notes: result.messages.filter((message) => !said.has(message)),
    text: result.text,
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
