// The weekly check-in as the sidebar and the menu reach it. The sidebar's functions (getCheckInState,
// submitCheckIn, getCheckInText, and repairDealsFormulas once the user agreed) parse every payload with the
// shared zod/mini schemas, call the check-in server (check-in-generate.ts, check-in-record.ts) and answer with
// data: the tab as it now is, counts, and codes (CheckInNote) that the sidebar words. The menu items Weekly
// check-in and Record check-in run here too: they generate or record, ask before a week is recorded again,
// word codes in their alerts, and open the sidebar on what they did.

import type { CheckInNote } from '../core/check-in/check-in-notes';
import { readCheckInTab } from '../core/check-in/check-in-read';
import { checkInText as words } from '../core/check-in/check-in-texts';
import { brokenFedRows, planFedRepair } from '../core/deals/fed-repair';
import { defineTexts, type Lang } from '../core/i18n';
import { formatDate } from '../core/locale-format';
import { a1 } from '../core/okr-sheet/cells';
import { quarterHeaderCells } from '../core/okr-sheet/layout';
import {
  type CheckInState,
  type CheckInTabState,
  type CheckInTextResult,
  checkInRefSchema,
  type RepairDealsResult,
  repairDealsSchema,
  type StartCheckInResult,
  type SubmitCheckInResult,
  startCheckInSchema,
  submitCheckInSchema,
} from '../shared/check-in-api';
import { generateCheckIn } from './check-in-generate';
import {
  checkInText,
  fedKeyResultsOf,
  findOkrSheet,
  ownersOf,
  type RecordCheckInResult,
  recordCheckIn,
  tabStateOf,
  weekInHistory,
} from './check-in-record';
import { type FoundTab, locateCheckInTab, readCheckInSnapshot } from './check-in-sheets';
import { ensureDealsSheet } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, readHistory } from './history-sheet';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { showCheckInSidebar } from './sidebar';

const texts = defineTexts(() => [
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
    unknownOwner: '“{name}” is none of the key results’ owners in this check-in; nothing was recorded.',
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
    unknownOwner: '„{name}” nie jest właścicielem żadnego kluczowego rezultatu w tym check-inie; niczego nie zapisano.',
  },
]);

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---------------------------------------------------------------------------------------------------------
// The sidebar's functions (google.script.run). They answer with data and codes; the sidebar words them.

/** The check-in view's state: the tab asked for by id, else the active tab, else this week's. */
export function getCheckInState(payload?: unknown): CheckInState {
  const lang = spreadsheetLang();
  const parsed = checkInRefSchema().safeParse(payload ?? {});
  if (!parsed.success) return { lang, tab: null, notice: { code: 'badRequest' } };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = locateCheckInTab(spreadsheet, parsed.data);
  if (!found) return { lang, tab: null, notice: notFound(parsed.data.sheetId) };
  return { lang, tab: describeTab(spreadsheet, found), notice: null };
}

/**
 * Records the tab. A week already in History is recorded again only with `replace: true`; without it the
 * answer asks for confirmation and nothing is written. It costs the service calls of the recorder and no
 * more: the tab as it now is comes back from the recorder.
 */
export function submitCheckIn(payload: unknown): SubmitCheckInResult {
  const parsed = submitCheckInSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, confirm: false, notice: { code: 'badRequest' }, tab: null };
  const { sheetId, replace, recordedBy } = parsed.data;
  let result: RecordCheckInResult;
  try {
    result = recordCheckIn({
      ...(sheetId === undefined ? {} : { sheetId }),
      replace: replace === true,
      ...(recordedBy === undefined ? {} : { recordedBy }),
    });
  } catch (error) {
    const notice: CheckInNote = { code: 'failed', action: 'record', reason: reason(error) };
    return { ok: false, confirm: false, notice, tab: null };
  }
  switch (result.outcome) {
    case 'recorded': {
      const { outcome: _, ...recording } = result;
      return { ok: true, recording };
    }
    case 'confirm':
      return { ok: false, confirm: true, tab: result.tab };
    case 'refused':
      return { ok: false, confirm: false, notice: result.notice, tab: result.tab };
  }
}

/**
 * Weekly check-in for a quarter the person picked: the open quarter the sidebar offers when the quarter
 * holding today was closed early by planning the next. Opens or makes that quarter's tab as Weekly check-in
 * does, and answers with what the sidebar shows next.
 */
export function startCheckIn(payload: unknown): StartCheckInResult {
  const parsed = startCheckInSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, notice: { code: 'badRequest' } };
  try {
    const result = generateCheckIn({ quarterSheetId: parsed.data.quarterSheetId });
    if (result.sheetId === null) return { ok: false, notice: result.notes[0] ?? { code: 'noTab' } };
    return {
      ok: true,
      boot: { sheetId: result.sheetId, generated: { created: result.created, notes: result.notes } },
    };
  } catch (error) {
    return { ok: false, notice: { code: 'failed', action: 'generate', reason: reason(error) } };
  }
}

/** The tab's check-in in the guide's plain-text form, for "Copy as text". */
export function getCheckInText(payload?: unknown): CheckInTextResult {
  const parsed = checkInRefSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, notice: { code: 'badRequest' } };
  try {
    const result = checkInText(parsed.data);
    if (result.notice) return { ok: false, notice: result.notice };
    return { ok: true, text: result.text };
  } catch (error) {
    return { ok: false, notice: { code: 'failed', action: 'text', reason: reason(error) } };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The menu items. They word what happened in alerts (noteText) or open the sidebar on it.

/** Weekly check-in: opens or creates this week's tab, then the sidebar on it; a dialog when there is none. */
export function runWeeklyCheckIn(): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  let result: ReturnType<typeof generateCheckIn>;
  try {
    result = generateCheckIn();
  } catch (error) {
    const note: CheckInNote = { code: 'failed', action: 'generate', reason: reason(error) };
    ui.alert(texts(lang, 'weeklyTitle'), noteText(lang, note), ui.ButtonSet.OK);
    return;
  }
  if (result.sheetId === null) {
    const body = result.notes.map((note) => noteText(lang, note)).join('\n\n') || texts(lang, 'noTab');
    ui.alert(texts(lang, 'weeklyTitle'), body, ui.ButtonSet.OK);
    return;
  }
  showCheckInSidebar({ sheetId: result.sheetId, generated: { created: result.created, notes: result.notes } });
}

/**
 * Record check-in: records the active check-in tab (else this week's) and opens the sidebar on what it did.
 * A week already in History is recorded again only after the user says Yes.
 */
export function runRecordCheckIn(): void {
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  const title = texts(lang, 'recordTitle');
  const found = locateCheckInTab(SpreadsheetApp.getActiveSpreadsheet());
  if (!found) {
    ui.alert(title, texts(lang, 'noTab'), ui.ButtonSet.OK);
    return;
  }
  const sheetId = found.sheet.getSheetId();
  let result: RecordCheckInResult;
  try {
    result = recordCheckIn({ sheetId, replace: false });
    if (result.outcome === 'confirm') {
      const { week, quarter } = result.tab;
      const question = `${texts(lang, 'confirmReplace', { week, quarter })}\n\n${texts(lang, 'confirmQuestion', { week })}`;
      if (ui.alert(title, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
      result = recordCheckIn({ sheetId, replace: true });
    }
  } catch (error) {
    ui.alert(title, noteText(lang, { code: 'failed', action: 'record', reason: reason(error) }), ui.ButtonSet.OK);
    return;
  }
  if (result.outcome !== 'recorded') {
    const note: CheckInNote = result.outcome === 'refused' ? result.notice : { code: 'noTab' };
    ui.alert(title, noteText(lang, note), ui.ButtonSet.OK);
    return;
  }
  const { outcome: _, ...recording } = result;
  showCheckInSidebar({ sheetId, recording });
}

/** A note in words, for the menu's alerts, in the spreadsheet's language. */
export function noteText(lang: Lang, note: CheckInNote): string {
  switch (note.code) {
    case 'noQuarter':
      return words(lang, 'msgNoQuarter');
    case 'notStarted':
      return words(lang, 'msgNotStarted', {
        quarter: note.quarter,
        start: formatDate(note.start, lang),
        monday: formatDate(note.monday, lang),
      });
    case 'quarterOver':
      return words(lang, 'msgQuarterOver', { quarter: note.quarter, end: formatDate(note.end, lang), week: note.week });
    case 'closedQuarter':
      return note.openQuarter
        ? words(lang, 'msgClosedQuarterOpen', { quarter: note.quarter, open: note.openQuarter })
        : words(lang, 'msgClosedQuarter', { quarter: note.quarter });
    case 'unreadable':
      return words(lang, 'msgUnreadable', { name: note.sheetName });
    case 'opened':
      return words(lang, 'msgOpened', { week: note.week });
    case 'created':
      return words(lang, note.count === 1 ? 'msgCreatedOne' : 'msgCreated', {
        name: note.sheetName,
        count: note.count,
      });
    case 'nameTaken':
      return words(lang, 'msgNameTaken', { name: note.name, newName: note.newName });
    case 'brokenOkrRow':
      return words(lang, 'msgBrokenRow', { row: note.row, message: note.message });
    case 'noTab':
      return texts(lang, 'noTab');
    case 'tabGone':
      return texts(lang, 'tabGone');
    case 'nothingTyped':
      return words(lang, 'msgNothingTyped');
    case 'noOkrSheet':
      return words(lang, 'msgNoOkrSheet', { quarter: note.quarter });
    case 'notInOkrSheet':
      return words(lang, 'msgNotInOkrSheet', { id: note.keyResultId });
    case 'unknownOwner':
      return texts(lang, 'unknownOwner', { name: note.name });
    case 'badRequest':
      return texts(lang, 'badRequest');
    case 'failed': {
      const key =
        note.action === 'generate' ? 'generateFailed' : note.action === 'text' ? 'textFailed' : 'recordFailed';
      return texts(lang, key, { reason: note.reason });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Saying what a tab is.

/** The tab as the sidebar shows it: its week, whether History holds it already, and its owners. */
/**
 * Once the user agreed in the sidebar: after the Deals sheet was deleted, makes an empty one (when there is
 * none) and writes the fed formulas of the tab's quarter again, over it, under the document lock. Only the
 * OKR sheet's fed key results that show no value are written; one RangeList write per source, so the service
 * calls do not grow with the key results. Answers with what was done and the tab as it now is.
 */
export function repairDealsFormulas(payload: unknown): RepairDealsResult {
  const parsed = repairDealsSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, notice: { code: 'badRequest' } };
  try {
    return withDocumentLock((): RepairDealsResult => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const found = locateCheckInTab(spreadsheet, parsed.data);
      if (!found) return { ok: false, notice: notFound(parsed.data.sheetId) };
      const okrSheet = findOkrSheet(spreadsheet, found.info);
      if (!okrSheet) return { ok: false, notice: { code: 'noOkrSheet', quarter: found.info.quarter } };
      const reading = readQuarter(okrSheet);
      const column = reading.columns.current;
      const broken = column ? brokenFedRows(reading.rows) : [];
      const { deals, created } =
        broken.length > 0
          ? ensureDealsSheet(spreadsheet, reading.lang, reading.settings?.currency ?? 'PLN')
          : { deals: null, created: false };
      const plan = deals && column ? planFedRepair(broken, deals, quarterHeaderCells()) : null;
      for (const write of plan?.writes ?? []) {
        okrSheet.getRangeList(write.rows.map((row) => a1(row, column as number))).setFormula(write.formula);
      }
      // The tab's state below reads values computed from the formulas just written.
      SpreadsheetApp.flush();
      return {
        ok: true,
        dealsSheet: deals?.sheetName ?? '',
        dealsCreated: created,
        okrSheet: okrSheet.getName(),
        repaired: plan?.repaired ?? [],
        unfed: plan?.unfed ?? [],
        tab: describeTab(spreadsheet, found),
      };
    });
  } catch (error) {
    return { ok: false, notice: { code: 'failed', action: 'repair', reason: reason(error) } };
  }
}

function describeTab(spreadsheet: Spreadsheet, found: FoundTab): CheckInTabState {
  const snapshot = readCheckInSnapshot(found.sheet);
  const reading = snapshot ? readCheckInTab(snapshot) : null;
  const owners = reading ? ownersOf(reading) : [];
  const history = findHistorySheet(spreadsheet);
  const recordedBefore = history ? weekInHistory(readHistory(history), found.info) : false;
  const fed = reading ? fedKeyResultsOf(spreadsheet, reading) : [];
  return tabStateOf(found.sheet, found.info, owners, recordedBefore, fed);
}

function notFound(sheetId: number | undefined): CheckInNote {
  return { code: sheetId === undefined ? 'noTab' : 'tabGone' };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
