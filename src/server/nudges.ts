// Nudges without new permissions: the toast that says what is due when the spreadsheet opens, the check-in
// sidebar's card (the week's state, stale key results, the digest to mail or paste), and the Owners table on
// the Settings sheet that gives the card its e-mail addresses. Nothing is sent: the sidebar opens a mailto:
// link in the user's own mail program, so the add-on keeps its two scopes. Each job reads a fixed number of
// regions, whatever the number of key results: the toast reads the OKR sheet once and History once. A weekly
// e-mail sent by the add-on would need https://www.googleapis.com/auth/script.scriptapp (a time-driven trigger)
// and https://www.googleapis.com/auth/script.send_mail (MailApp); the README says why it asks for neither.

import { readCheckInTab } from '../core/check-in/check-in-read';
import { chooseCheckIn } from '../core/check-in/check-in-source';
import type { Lang } from '../core/i18n';
import { checkInDigest, type DigestKeyResult, digestToast, nudgeText } from '../core/nudges/digest';
import { ownersBlock, ownersText, readOwnersTable } from '../core/nudges/owners';
import { wholeRow } from '../core/okr-sheet/cells';
import { readQuarterGrid } from '../core/okr-sheet/read';
import { checkInRefSchema } from '../shared/check-in-api';
import type { CheckInNudgesResult, MakeOwnersTableResult, OwnersState } from '../shared/nudges-api';
import { todayIn } from './as-of';
import { listQuarters, locateCheckInTab, readCheckInSnapshot } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Settings sheet's own metadata, and the row metadata on the Owners table's header row. */
export const SETTINGS_SHEET_METADATA = { kind: 'okr.kind', kindValue: 'okr-settings' } as const;
export const OWNERS_METADATA = { key: 'okr.region', value: 'owners' } as const;

/** Seconds the toast stays (Sheets' default is 5, short for two clauses). */
const TOAST_SECONDS = 10;

/**
 * Shows what is due in a toast, or nothing when nothing is. Reads the quarters' metadata, the OKR sheet of
 * the quarter holding today (one region) and History (one region); a closed quarter or one not started
 * costs no region at all. Returns the line shown, `null` when none.
 */
export function showDueToast(
  spreadsheet: Spreadsheet,
  lang: Lang = spreadsheetLang(),
  now: Date = new Date(),
): string | null {
  const today = todayIn(spreadsheet, now);
  const quarters = listQuarters(spreadsheet);
  const moment = chooseCheckIn(quarters, today);
  if (moment.kind !== 'running' && moment.kind !== 'over') return null;
  const quarter = quarters.find((candidate) => candidate.sheetId === moment.quarter.sheetId);
  if (!quarter || quarter.frozen) return null;
  // Values only, columns found by their titles: the column metadata would cost a few calls per column, and
  // the settings are those listQuarters read already.
  const reading = readQuarterGrid({
    values: quarter.sheet.getDataRange().getValues(),
    settingsJson: JSON.stringify(quarter.settings),
    fallbackLang: lang,
  });
  const keyResults: DigestKeyResult[] = reading.rows
    .filter((row) => row.id)
    .map((row) => ({ id: row.id, title: row.title, owner: row.owner }));
  const history = findHistorySheet(spreadsheet);
  const digest = checkInDigest({
    quarter,
    today,
    keyResults,
    history: history ? historyRecords(readHistory(history)) : [],
  });
  const line = digestToast(lang, digest);
  if (line !== null) spreadsheet.toast(line, nudgeText(lang, 'toastTitle'), TOAST_SECONDS);
  return line;
}

/**
 * The check-in sidebar's nudges for a tab (by id, else the active one, else this week's): its week's state,
 * its key results with no update for more than seven days, and the Owners table. Reads the tab, History and
 * the Owners table, one region each.
 */
export function getCheckInNudges(payload?: unknown): CheckInNudgesResult {
  const parsed = checkInRefSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, notice: { code: 'badRequest' } };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = locateCheckInTab(spreadsheet, parsed.data);
  if (!found) return { ok: false, notice: { code: parsed.data.sheetId === undefined ? 'noTab' : 'tabGone' } };
  const snapshot = readCheckInSnapshot(found.sheet);
  if (!snapshot) return { ok: false, notice: { code: 'tabGone' } };
  const keyResults = readCheckInTab(snapshot).rows.map(({ keyResult }) => ({
    id: keyResult.id,
    title: keyResult.title,
    owner: keyResult.owner,
  }));
  const { info } = found;
  const history = findHistorySheet(spreadsheet);
  const digest = checkInDigest({
    quarter: { label: info.quarter, start: info.start, end: info.end },
    today: todayIn(spreadsheet),
    keyResults,
    history: history ? historyRecords(readHistory(history)) : [],
    week: info.week,
  });
  return { ok: true, digest, owners: readOwners(spreadsheet) };
}

/** The Owners table's header row and sheet, found by the header row's metadata; `null` when there is none. */
export function findOwnersTable(spreadsheet: Spreadsheet): { sheet: Sheet; headerRow: number } | null {
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.ROW)
    .withKey(OWNERS_METADATA.key)
    .withValue(OWNERS_METADATA.value)
    .find();
  for (const metadata of found) {
    const row = metadata.getLocation().getRow();
    if (row) return { sheet: row.getSheet(), headerRow: row.getRow() };
  }
  return null;
}

/** The Owners table as the sidebar shows it: one metadata lookup and one getValues of the sheet's used range. */
export function readOwners(spreadsheet: Spreadsheet): OwnersState {
  const table = findOwnersTable(spreadsheet);
  if (!table) return { sheetName: null, entries: [], problems: [] };
  const { owners, problems } = readOwnersTable(table.sheet.getDataRange().getValues(), table.headerRow);
  return {
    sheetName: table.sheet.getName(),
    entries: owners.map(({ name, email }) => ({ name, email })),
    problems,
  };
}

/**
 * Makes the Owners table, prefilled with the names of the current quarter's key-result owners and its team:
 * on the Settings sheet (found by metadata), below what that sheet holds, or on a new "Settings" sheet. An
 * existing table is opened, never rewritten. Under the document lock; shows the sheet.
 */
export function makeOwnersTable(): MakeOwnersTableResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  return withDocumentLock((): MakeOwnersTableResult => {
    const existing = findOwnersTable(spreadsheet);
    if (existing) {
      existing.sheet.activate();
      return { ok: true, created: false, sheetName: existing.sheet.getName(), owners: 0 };
    }
    const owners = currentOwners(spreadsheet);
    const sheet = findSettingsSheet(spreadsheet) ?? createSettingsSheet(spreadsheet, lang);
    // Beside what the sheet holds, never over it: a blank row below its last used row.
    const lastRow = sheet.getLastRow();
    const first = lastRow === 0 ? 1 : lastRow + 2;
    const block = ownersBlock(lang, owners);
    sheet.getRange(first, 1, block.length, 3).setValues(block);
    sheet.getRange(first, 1, 2, 3).setFontWeight('bold');
    sheet.getRange(wholeRow(first + 1)).addDeveloperMetadata(OWNERS_METADATA.key, OWNERS_METADATA.value);
    sheet.activate();
    return { ok: true, created: true, sheetName: sheet.getName(), owners: owners.length };
  });
}

/** The owners of the quarter holding today (else the latest), each once, with the quarter's team. */
function currentOwners(spreadsheet: Spreadsheet): { name: string; team: string }[] {
  const quarters = listQuarters(spreadsheet);
  const moment = chooseCheckIn(quarters, todayIn(spreadsheet));
  if (moment.kind === 'noQuarter') return [];
  const quarter = quarters.find((candidate) => candidate.sheetId === moment.quarter.sheetId);
  const plan = quarter ? readQuarter(quarter.sheet).plan : null;
  const names = new Map<string, string>();
  for (const objective of plan?.objectives ?? []) {
    for (const keyResult of objective.keyResults) {
      const name = keyResult.owner.trim();
      if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()].map((name) => ({ name, team: plan?.team ?? '' }));
}

function findSettingsSheet(spreadsheet: Spreadsheet): Sheet | null {
  return findSheetByMetadata(spreadsheet, SETTINGS_SHEET_METADATA.kind, SETTINGS_SHEET_METADATA.kindValue);
}

function createSettingsSheet(spreadsheet: Spreadsheet, lang: Lang): Sheet {
  const sheet = spreadsheet.insertSheet(
    nextFreeSheetName(spreadsheet, ownersText(lang, 'sheetName')),
    spreadsheet.getNumSheets(),
  );
  sheet.addDeveloperMetadata(SETTINGS_SHEET_METADATA.kind, SETTINGS_SHEET_METADATA.kindValue);
  return sheet;
}
