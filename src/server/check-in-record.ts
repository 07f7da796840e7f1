// "Record check-in" and "Copy as text". Recording reads this week's check-in tab (the active tab when it is
// one), writes one History row per key result with something typed, puts each value into the OKR sheet's
// current column (never over the user's own formula), and refreshes the OKR sheet's trend and forecast
// columns. Recording a week again replaces that week's History rows and says so.
//
// Two people may press Record at once. Everything that is read to be written back — the tab, History and
// the OKR sheet — is read again inside the document lock, so whoever goes second starts from what the first
// wrote and nothing is lost. `startRecording` splits the work at that point: it finds and previews the tab
// without the lock, and `commit()` takes the lock, re-reads and writes.

import { type CheckInProblem, type CheckInReading, readCheckInTab, recordsOf } from '../core/check-in/check-in-read';
import { chooseCheckIn } from '../core/check-in/check-in-source';
import type { CheckInTabInfo } from '../core/check-in/check-in-tab';
import { renderCheckInText } from '../core/check-in/check-in-text';
import { type CheckInTextKey, checkInText as words } from '../core/check-in/check-in-texts';
import { planCurrentWrites } from '../core/check-in/current-values';
import type { HistoryRecord } from '../core/check-in/history';
import type { Lang } from '../core/i18n';
import { a1 } from '../core/okr-sheet/cells';
import type { CheckInRecording } from '../shared/check-in-api';
import { keepAsOfCurrent, todayIn } from './as-of';
import { isoDay } from './check-in-generate';
import { checkInInfoOf, findCheckInTab, listQuarters, readCheckInSnapshot } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { createHistorySheet, findHistorySheet, readHistory, replaceHistoryWeek } from './history-sheet';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { writeTracking } from './okr-sheet-tracking';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CheckInOptions {
  /** The check-in tab to use, by name; by default the active tab when it is a check-in, else this week's. */
  sheetName?: string;
  /** The day that decides "this week" when the active tab is no check-in; now by default. */
  asOf?: Date;
}

/** A `current` cell left alone because it holds the user's formula (or is filled by one). */
export interface SkippedFormulaCell {
  keyResultId: string;
  /** A1 address in the OKR sheet, e.g. `K9`. */
  cell: string;
  formula: string;
}

/**
 * What "Record check-in" did. JSON-safe. The counts and lists are the sidebar's CheckInRecording
 * (src/shared/check-in-api.ts, made from this by recordingOf); the skipped cells keep their formula and
 * every message is worded here, for the menu's alert. `sheetName` is '' when no tab was found.
 */
export interface RecordCheckInResult
  extends Pick<CheckInRecording, 'sheetName' | 'week' | 'recorded' | 'replaced' | 'skippedBlank' | 'text'> {
  skippedFormulaCells: SkippedFormulaCell[];
  /** Cells that could not be read (by tab row) and OKR-sheet rows that are broken (by OKR-sheet row). */
  problems: CheckInProblem[];
  /** What happened, in the tab's language. */
  messages: string[];
}

/** What "Copy as text" shows. */
export type CheckInTextResult = Pick<RecordCheckInResult, 'sheetName' | 'week' | 'text' | 'problems' | 'messages'>;

export interface PendingRecording {
  /** The tab about to be recorded ('' when none was found). */
  sheetName: string;
  /** The reading made without the lock; the commit reads again. */
  preview: CheckInReading | null;
  /** Takes the document lock, re-reads the tab, History and the OKR sheet, and writes. */
  commit(): RecordCheckInResult;
}

/** Records the check-in tab: History, the OKR sheet's current values and its trend columns. */
export function recordCheckIn(options: CheckInOptions = {}): RecordCheckInResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const located = locateTab(spreadsheet, options);
  if ('message' in located) return emptyResult('', 0, [located.message]);
  const sheetId = located.sheet.getSheetId();
  const today = todayIn(spreadsheet, options.asOf);
  return withDocumentLock(() => commitRecording(spreadsheet, sheetId, today));
}

/**
 * A recording in two halves, for a caller that shows the tab's reading before writing (and for the test of
 * two people recording at once): finds and reads the tab without the lock; `commit()` reads it again
 * inside the lock, so what anyone typed or recorded in between is what gets written.
 */
export function startRecording(options: CheckInOptions = {}): PendingRecording {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const located = locateTab(spreadsheet, options);
  if ('message' in located) {
    const result = emptyResult('', 0, [located.message]);
    return { sheetName: '', preview: null, commit: () => result };
  }
  const sheetId = located.sheet.getSheetId();
  const snapshot = readCheckInSnapshot(located.sheet);
  const today = todayIn(spreadsheet, options.asOf);
  return {
    sheetName: located.sheet.getName(),
    preview: snapshot ? readCheckInTab(snapshot) : null,
    commit: () => withDocumentLock(() => commitRecording(spreadsheet, sheetId, today)),
  };
}

/** The text of the check-in tab for "Copy as text", in the tab's language. */
export function checkInText(options: CheckInOptions = {}): CheckInTextResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const located = locateTab(spreadsheet, options);
  if ('message' in located) return { sheetName: '', week: 0, text: '', problems: [], messages: [located.message] };
  const snapshot = readCheckInSnapshot(located.sheet);
  if (!snapshot) return { sheetName: '', week: 0, text: '', problems: [], messages: [] };
  const reading = readCheckInTab(snapshot);
  return {
    sheetName: located.sheet.getName(),
    week: reading.checkIn.week,
    text: renderCheckInText(reading.checkIn, reading.lang),
    problems: reading.problems,
    messages: [],
  };
}

/** `today`: the day of the recording (ISO), which the OKR sheet's as-of cell follows. */
function commitRecording(spreadsheet: Spreadsheet, sheetId: number, today: string): RecordCheckInResult {
  const sheet = spreadsheet.getSheetById(sheetId);
  const snapshot = sheet ? readCheckInSnapshot(sheet) : null;
  if (!sheet || !snapshot) return emptyResult('', 0, [words(spreadsheetLang(), 'msgNoTab')]);
  const reading = readCheckInTab(snapshot);
  const { info } = snapshot;
  const lang = info.lang;
  const t = (key: CheckInTextKey, params?: Record<string, string | number>) => words(lang, key, params);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const stamp = {
    recordedAt: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm:ss'),
    who: activeUserEmail(),
  };
  const { records, blank } = recordsOf(reading, stamp);
  const result = emptyResult(sheet.getName(), info.week, []);
  result.text = renderCheckInText(reading.checkIn, lang);
  result.problems.push(...reading.problems);
  result.skippedBlank = blank;
  if (records.length === 0) {
    result.messages.push(t('msgNothingTyped'));
    return result;
  }

  const historySheet = findHistorySheet(spreadsheet) ?? createHistorySheet(spreadsheet, lang);
  const { replaced, history } = replaceHistoryWeek(
    historySheet,
    readHistory(historySheet),
    info.quarter,
    info.week,
    records,
  );
  result.recorded = records.length;
  result.replaced = replaced;
  result.messages.push(t('msgRecorded', { count: records.length, week: info.week }));
  if (replaced > 0) result.messages.push(t('msgReplaced', { week: info.week, count: replaced }));
  if (blank.length > 0) result.messages.push(t('msgBlank', { ids: blank.join(', ') }));

  const okrSheet = findOkrSheet(spreadsheet, info);
  if (!okrSheet) {
    result.messages.push(t('msgNoOkrSheet', { quarter: info.quarter }));
    return result;
  }
  const quarter = readQuarter(okrSheet);
  for (const problem of quarter.problems) {
    result.problems.push({
      row: problem.row,
      message: t('msgBrokenRow', { row: problem.row, message: problem.message }),
    });
  }
  writeCurrentValues(okrSheet, quarter, records, result, t);
  writeTracking(okrSheet, quarter, {
    lang,
    quarterLabel: info.quarter,
    quarterEnd: info.end,
    historySheetName: historySheet.getName(),
    history,
  });
  keepAsOfCurrent(okrSheet, today);
  return result;
}

/** Writes this week's values into the current column, one setValues per run of adjacent rows. */
function writeCurrentValues(
  sheet: Sheet,
  quarter: ReturnType<typeof readQuarter>,
  records: readonly HistoryRecord[],
  result: RecordCheckInResult,
  t: (key: CheckInTextKey, params?: Record<string, string | number>) => string,
): void {
  const column = quarter.columns.current;
  if (!column || quarter.headerRow === null) return;
  const headerFormula = sheet.getRange(quarter.headerRow, column).getFormula();
  const { runs, skipped, missing } = planCurrentWrites(quarter, headerFormula, records);
  for (const run of runs) {
    sheet.getRange(run.row, column, run.inputs.length, 1).setValues(run.inputs.map((input) => [input]));
  }
  for (const cell of skipped) {
    const address = a1(cell.row, column);
    result.skippedFormulaCells.push({ keyResultId: cell.keyResultId, cell: address, formula: cell.formula });
    result.messages.push(t('msgFormulaKept', { id: cell.keyResultId, cell: address }));
  }
  for (const id of missing) result.messages.push(t('msgNotInOkrSheet', { id }));
}

/** The quarter's OKR sheet: the one the tab was made from, else the live sheet of the same quarter. */
function findOkrSheet(spreadsheet: Spreadsheet, info: CheckInTabInfo): Sheet | null {
  const quarters = listQuarters(spreadsheet);
  const same = quarters.find((quarter) => quarter.sheetId === info.okrSheetId);
  if (same) return same.sheet;
  const moment = chooseCheckIn(
    quarters.filter((quarter) => quarter.label === info.quarter),
    info.asOf,
  );
  if (moment.kind === 'noQuarter') return null;
  return quarters.find((quarter) => quarter.sheetId === moment.quarter.sheetId)?.sheet ?? null;
}

/** The tab to record or copy: the one named, the active one when it is a check-in, else this week's. */
function locateTab(
  spreadsheet: Spreadsheet,
  options: CheckInOptions,
): { sheet: Sheet; info: CheckInTabInfo } | { message: string } {
  const lang: Lang = spreadsheetLang();
  if (options.sheetName !== undefined) {
    const sheet = spreadsheet.getSheetByName(options.sheetName);
    const info = sheet ? checkInInfoOf(sheet) : null;
    return sheet && info ? { sheet, info } : { message: words(lang, 'msgNotACheckIn', { name: options.sheetName }) };
  }
  const active = spreadsheet.getActiveSheet();
  const activeInfo = checkInInfoOf(active);
  if (activeInfo) return { sheet: active, info: activeInfo };
  const asOf = isoDay(spreadsheet, options.asOf ?? new Date());
  const quarters = listQuarters(spreadsheet);
  const moment = chooseCheckIn(quarters, asOf);
  if (moment.kind === 'running' || moment.kind === 'over') {
    const sheet = findCheckInTab(spreadsheet, moment.quarter.label, moment.week.week);
    const info = sheet ? checkInInfoOf(sheet) : null;
    if (sheet && info) return { sheet, info };
  }
  return { message: words(lang, 'msgNoTab') };
}

/** The user's email where Apps Script can tell (same domain, or the owner); '' otherwise. */
function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

function emptyResult(sheetName: string, week: number, messages: string[]): RecordCheckInResult {
  return {
    sheetName,
    week,
    recorded: 0,
    replaced: 0,
    skippedFormulaCells: [],
    skippedBlank: [],
    problems: [],
    messages,
    text: '',
  };
}
