// "Record check-in" and "Copy as text". Recording reads a check-in tab (by sheet id, else the active tab when
// it is one, else this week's), writes one History row per key result with something typed, puts each value
// into the OKR sheet's current column as a number (never over the user's own formula), and refreshes the OKR
// sheet's trend and forecast columns. A week already in History is recorded again only when the caller says
// so (`replace`); its earlier rows are then replaced.
//
// The answer is data: counts, lists, rows and columns as numbers, the tab as the sidebar shows it, and codes
// (CheckInNote) for everything else. The sidebar, the menu and the CLI word it; nothing here writes a
// sentence, so nothing has to be parsed back.
//
// Two people may press Record at once. Everything that is read to be written back — the tab, History and
// the OKR sheet — is read again inside the document lock, so whoever goes second starts from what the first
// wrote and nothing is lost. `startRecording` splits the work at that point: it finds and previews the tab
// without the lock, and `commit()` takes the lock, re-reads and writes.

import { dayFromIso } from '../core/cell-values';
import type { CheckInNote } from '../core/check-in/check-in-notes';
import { type CheckInProblem, type CheckInReading, readCheckInTab, recordsOf } from '../core/check-in/check-in-read';
import { chooseCheckIn } from '../core/check-in/check-in-source';
import type { CheckInTabInfo } from '../core/check-in/check-in-tab';
import { renderCheckInText } from '../core/check-in/check-in-text';
import { planCurrentWrites } from '../core/check-in/current-values';
import { type HistoryRecord, withStandardForecasts } from '../core/check-in/history';
import { unitFormat } from '../core/okr-sheet/layout';
import type { CheckInRecording, CheckInTabState, FedKeyResult } from '../shared/check-in-api';
import { keepAsOfCurrent, todayIn } from './as-of';
import { listQuarters, locateCheckInTab, readCheckInSnapshot } from './check-in-sheets';
import { findDealsSheet } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import {
  addMissingTitles,
  createHistorySheet,
  findHistorySheet,
  historyRecords,
  readHistoryTable,
  replaceHistoryWeek,
} from './history-sheet';
import { readQuarter } from './okr-sheet-reader';
import { writeTracking } from './okr-sheet-tracking';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CheckInOptions {
  /** The check-in tab, by sheet id; by default the active tab when it is a check-in, else this week's. */
  sheetId?: number;
  /** The day that decides "this week" when the active tab is no check-in; now by default. */
  asOf?: Date;
}

export interface RecordOptions extends CheckInOptions {
  /**
   * What to do when the tab's week is already in History: `true` replaces its rows, `false` records nothing
   * and answers `confirm`. Omitted, the week is replaced (the sidebar and the menu always say which).
   */
  replace?: boolean;
  /** Who records: one of the tab's key-result owners (any case); blank for nobody. */
  recordedBy?: string;
}

/** What "Record check-in" did, as data. JSON-safe. */
export type RecordCheckInResult =
  /** Recorded (or nothing typed: `recorded` is 0 and a `nothingTyped` note says so). */
  | ({ outcome: 'recorded' } & CheckInRecording)
  /** The week is in History already and `replace` was `false`: nothing was written. */
  | { outcome: 'confirm'; tab: CheckInTabState }
  /** Nothing was recorded: no tab (`noTab`, `tabGone`), or a "who recorded" that is no owner (`unknownOwner`). */
  | { outcome: 'refused'; notice: CheckInNote; tab: CheckInTabState | null };

/** What "Copy as text" shows; `notice` says why there is no text. */
export interface CheckInTextResult {
  sheetId: number | null;
  sheetName: string;
  week: number;
  text: string;
  problems: CheckInProblem[];
  notice: CheckInNote | null;
}

export interface PendingRecording {
  /** The tab about to be recorded (`null` when none was found). */
  sheetId: number | null;
  /** The reading made without the lock; the commit reads again. */
  preview: CheckInReading | null;
  /** Takes the document lock, re-reads the tab, History and the OKR sheet, and writes. */
  commit(): RecordCheckInResult;
}

/** Records the check-in tab: History, the OKR sheet's current values and its trend columns. */
export function recordCheckIn(options: RecordOptions = {}): RecordCheckInResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = locateCheckInTab(spreadsheet, options);
  if (!found) return notFound(options);
  return withDocumentLock(() => commitRecording(spreadsheet, found.sheet, options));
}

/**
 * A recording in two halves, for a caller that shows the tab's reading before writing (and for the test of
 * two people recording at once): finds and reads the tab without the lock; `commit()` reads it again
 * inside the lock, so what anyone typed or recorded in between is what gets written.
 */
export function startRecording(options: RecordOptions = {}): PendingRecording {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = locateCheckInTab(spreadsheet, options);
  if (!found) {
    const result = notFound(options);
    return { sheetId: null, preview: null, commit: () => result };
  }
  const snapshot = readCheckInSnapshot(found.sheet);
  return {
    sheetId: found.sheet.getSheetId(),
    preview: snapshot ? readCheckInTab(snapshot) : null,
    commit: () => withDocumentLock(() => commitRecording(spreadsheet, found.sheet, options)),
  };
}

/** The text of the check-in tab for "Copy as text", in the tab's language. */
export function checkInText(options: CheckInOptions = {}): CheckInTextResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = locateCheckInTab(spreadsheet, options);
  const snapshot = found ? readCheckInSnapshot(found.sheet) : null;
  if (!found || !snapshot) {
    const notice = notFound(options).notice;
    return { sheetId: null, sheetName: '', week: 0, text: '', problems: [], notice };
  }
  const reading = readCheckInTab(snapshot);
  return {
    sheetId: found.sheet.getSheetId(),
    sheetName: found.sheet.getName(),
    week: reading.checkIn.week,
    text: renderCheckInText(reading.checkIn, reading.lang),
    problems: reading.problems,
    notice: null,
  };
}

function notFound(options: CheckInOptions): { outcome: 'refused'; notice: CheckInNote; tab: null } {
  return { outcome: 'refused', notice: { code: options.sheetId === undefined ? 'noTab' : 'tabGone' }, tab: null };
}

/** The key results' owners as the tab lists them, each once, in order. */
export function ownersOf(reading: CheckInReading): string[] {
  const owners = new Map<string, string>();
  for (const row of reading.rows) {
    const owner = row.keyResult.owner.trim();
    if (owner && !owners.has(owner.toLowerCase())) owners.set(owner.toLowerCase(), owner);
  }
  return [...owners.values()];
}

/**
 * The tab's key results fed by a formula, with their values and problems. A formula over the Deals sheet with
 * no value while the spreadsheet has no Deals sheet is said as such (one metadata search, only then): its
 * #REF! shows as an error, or as a blank where COUNT passes over the error (`IF(COUNT(#REF!)=0;"";…)`).
 */
export function fedKeyResultsOf(spreadsheet: Spreadsheet, reading: CheckInReading): FedKeyResult[] {
  const fed = reading.rows.filter((row) => row.fed);
  const dealsGone = fed.some((row) => row.fed?.deals && row.fed.problem) && findDealsSheet(spreadsheet) === null;
  return fed.map(({ keyResult, fed: { deals, problem } = { deals: false, problem: null } }) => ({
    id: keyResult.id,
    title: keyResult.title,
    value: problem ? null : keyResult.value,
    unit: keyResult.unit,
    ...(keyResult.currency ? { currency: keyResult.currency } : {}),
    deals,
    problem: deals && dealsGone && problem ? { code: 'noDealsSheet' } : problem,
  }));
}

/** The sidebar's view of a tab, from what recording read anyway (no further service call but the name). */
export function tabStateOf(
  sheet: Sheet,
  info: CheckInTabInfo,
  owners: string[],
  recordedBefore: boolean,
  fed: FedKeyResult[] = [],
): CheckInTabState {
  return {
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    quarter: info.quarter,
    week: info.week,
    monday: info.monday,
    sunday: info.sunday,
    recordedBefore,
    owners,
    ...(fed.length > 0 ? { fed } : {}),
  };
}

/** Whether History already holds rows of a week (of its quarter). */
export function weekInHistory(rows: readonly (HistoryRecord | null)[], info: CheckInTabInfo): boolean {
  return rows.some((record) => record?.week === info.week && record.quarter === info.quarter);
}

function commitRecording(spreadsheet: Spreadsheet, sheet: Sheet, options: RecordOptions): RecordCheckInResult {
  const today = todayIn(spreadsheet, options.asOf);
  const snapshot = readCheckInSnapshot(sheet);
  if (!snapshot) return { outcome: 'refused', notice: { code: 'tabGone' }, tab: null };
  const reading = readCheckInTab(snapshot);
  const { info } = snapshot;
  const owners = ownersOf(reading);
  let historySheet = findHistorySheet(spreadsheet);
  const historyTable = historySheet ? readHistoryTable(historySheet) : null;
  const historyRows = historyTable?.rows ?? [];
  const recordedBefore = weekInHistory(historyRows, info);
  const tabBefore = tabStateOf(sheet, info, owners, recordedBefore, fedKeyResultsOf(spreadsheet, reading));

  const asked = (options.recordedBy ?? '').trim();
  const recordedBy = asked ? owners.find((owner) => owner.toLowerCase() === asked.toLowerCase()) : '';
  if (recordedBy === undefined) {
    return { outcome: 'refused', notice: { code: 'unknownOwner', name: asked }, tab: tabBefore };
  }
  if (recordedBefore && options.replace === false) return { outcome: 'confirm', tab: tabBefore };

  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const stamp = { recordedAt: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm:ss'), who: recordedBy };
  const read = recordsOf(reading, stamp);
  const { blank } = read;
  // Each record carries the standard forecast its KR's values give up to this week, for fact vs forecast.
  const records = withStandardForecasts(
    read.records,
    historyRecords(historyRows),
    info.quarter,
    dayFromIso(info.end),
    reading.rows.map((row) => row.keyResult),
  );
  const result: RecordCheckInResult = {
    outcome: 'recorded',
    tab: tabBefore,
    week: info.week,
    recorded: 0,
    replaced: 0,
    recordedBy,
    skippedFormulaCells: [],
    skippedBlank: blank,
    problems: [...reading.problems],
    notes: [],
    text: renderCheckInText(reading.checkIn, info.lang),
  };
  if (records.length === 0) {
    result.notes.push({ code: 'nothingTyped' });
    return result;
  }

  if (historySheet && historyTable) addMissingTitles(historySheet, historyTable.titledColumns, info.lang);
  historySheet ??= createHistorySheet(spreadsheet, info.lang);
  const { replaced, history } = replaceHistoryWeek(
    historySheet,
    historyRows,
    info.quarter,
    info.week,
    records,
    valueFormatsOf(reading, info, records),
  );
  result.recorded = records.length;
  result.replaced = replaced;
  result.tab = { ...tabBefore, recordedBefore: true };

  const okrSheet = findOkrSheet(spreadsheet, info);
  if (!okrSheet) {
    result.notes.push({ code: 'noOkrSheet', quarter: info.quarter });
    return result;
  }
  const quarter = readQuarter(okrSheet);
  for (const problem of quarter.problems) {
    result.notes.push({ code: 'brokenOkrRow', row: problem.row, message: problem.message });
  }
  writeCurrentValues(okrSheet, quarter, records, result);
  // A KR fed by the add-on's Deals formula is expected to keep it: no need to say so each week.
  const fedIds = new Set(reading.rows.filter((row) => row.fed?.deals).map((row) => row.keyResult.id));
  result.skippedFormulaCells = result.skippedFormulaCells.filter((cell) => !fedIds.has(cell.keyResultId));
  writeTracking(okrSheet, quarter, {
    lang: info.lang,
    quarterLabel: info.quarter,
    quarterEnd: info.end,
    historySheetName: historySheet.getName(),
    history,
  });
  keepAsOfCurrent(okrSheet, today);
  return result;
}

/**
 * The number format of each record's value in History: its unit's, as the OKR sheet shows it (`#,##0 "zł"`),
 * so History holds numbers that Sheets formats and computes with, not text.
 */
function valueFormatsOf(reading: CheckInReading, info: CheckInTabInfo, records: readonly HistoryRecord[]): string[] {
  const byId = new Map(reading.rows.map((row) => [row.keyResult.id, row.keyResult]));
  return records.map((record) => {
    const keyResult = byId.get(record.keyResultId);
    if (!keyResult || keyResult.kind === 'milestone') return 'General';
    return unitFormat(keyResult.unit, keyResult.currency ?? info.currency, info.lang);
  });
}

/** Writes this week's values into the current column as numbers in their unit's format, one run at a time. */
function writeCurrentValues(
  sheet: Sheet,
  quarter: ReturnType<typeof readQuarter>,
  records: readonly HistoryRecord[],
  result: CheckInRecording,
): void {
  const column = quarter.columns.current;
  if (!column || quarter.headerRow === null) return;
  const headerFormula = sheet.getRange(quarter.headerRow, column).getFormula();
  const { runs, skipped, missing } = planCurrentWrites(quarter, headerFormula, records);
  for (const run of runs) {
    const range = sheet.getRange(run.row, column, run.inputs.length, 1);
    range.setNumberFormats(run.formats.map((format) => [format]));
    range.setValues(run.inputs.map((input) => [input]));
  }
  for (const cell of skipped) result.skippedFormulaCells.push({ keyResultId: cell.keyResultId, row: cell.row, column });
  for (const keyResultId of missing) result.notes.push({ code: 'notInOkrSheet', keyResultId });
}

/** The quarter's OKR sheet: the one the tab was made from, else the live sheet of the same quarter. */
export function findOkrSheet(spreadsheet: Spreadsheet, info: CheckInTabInfo): Sheet | null {
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
