// "Weekly check-in": finds the quarter's OKR sheet (the one whose weeks hold today, else the latest), works
// out the week, and opens that week's check-in tab, or creates it beside the OKR sheet when there is none
// yet, prefilled with each key result's last value from History. An existing tab is never rewritten: what
// the team typed there stays. The tab is written in a fixed number of batched calls, whatever the number of
// key results, under the document lock so a double click cannot make two tabs of one week. When the quarter
// holding today was closed early (the next one planned from it), a note says so and names the open quarter,
// which the sidebar offers; picked, its OKR sheet is passed as `quarterSheetId`. A key result whose current
// value is a formula on the OKR sheet (the add-on's Deals formula, or the user's own) shows that value, looked
// up by its id, instead of a prefill to type over.

import type { CheckInNote } from '../core/check-in/check-in-notes';
import { chooseCheckIn, openQuarterInstead, tabKeyResultsOf } from '../core/check-in/check-in-source';
import { layoutCheckInTab } from '../core/check-in/check-in-tab';
import { latestBefore } from '../core/check-in/history';
import { keepAsOfCurrent } from './as-of';
import { findCheckInTab, isoDay, listQuarters, writeCheckInTab } from './check-in-sheets';
import { dealsSourceOf } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { readInitiativesSheet } from './initiatives-sheet';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';

export interface GenerateCheckInOptions {
  /** The day of the check-in; now by default. Read as a calendar day in the spreadsheet's time zone. */
  asOf?: Date;
  /** The OKR sheet of the quarter to check in to, picked by the person; by default the one `asOf` falls in. */
  quarterSheetId?: number;
}

/** What "Weekly check-in" did, as data (the menu and the sidebar word it). JSON-safe. */
export interface GenerateCheckInResult {
  /** The tab opened or created; `null` when none (the quarter has not started, or there is no OKR sheet). */
  sheetId: number | null;
  /** Its name; '' when there is no tab. */
  sheetName: string;
  /** The week of the quarter (1-based); 0 when there is no tab. */
  week: number;
  /** True when the tab was created now, false when it existed (then it was opened, not changed). */
  created: boolean;
  /** What happened and what is worth a look (rows of the OKR sheet that could not be read, say), as codes. */
  notes: CheckInNote[];
}

/** Opens or creates this week's check-in tab. */
export function generateCheckIn(options: GenerateCheckInOptions = {}): GenerateCheckInResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = isoDay(spreadsheet, options.asOf ?? new Date());
  const quarters = listQuarters(spreadsheet);
  const moment = chooseCheckIn(quarters, asOf, options.quarterSheetId);
  if (moment.kind === 'noQuarter') return nothing({ code: 'noQuarter' });
  const quarter = quarters.find((q) => q.sheetId === moment.quarter.sheetId);
  if (!quarter) return nothing({ code: 'noQuarter' });
  const lang = quarter.settings.language;
  if (moment.kind === 'notStarted') {
    return nothing({
      code: 'notStarted',
      quarter: quarter.label,
      start: quarter.start,
      monday: moment.firstWeek.monday,
    });
  }
  const { week } = moment;
  const notes: CheckInNote[] =
    moment.kind === 'over' ? [{ code: 'quarterOver', quarter: quarter.label, end: quarter.end, week: week.week }] : [];
  if (quarter.frozen) {
    // Planning the next quarter closed this one before it ended: say where the values go, offer the open one.
    const open = openQuarterInstead(quarters, quarter, asOf);
    notes.push({
      code: 'closedQuarter',
      quarter: quarter.label,
      openQuarter: open?.label ?? null,
      openSheetId: open?.sheetId ?? null,
    });
  }

  return withDocumentLock((): GenerateCheckInResult => {
    // Every check-in brings the OKR sheet's as-of date to its day, unless the user typed one to look back.
    keepAsOfCurrent(quarter.sheet, asOf);
    const existing = findCheckInTab(spreadsheet, quarter.label, week.week);
    if (existing) {
      existing.activate();
      return {
        sheetId: existing.getSheetId(),
        sheetName: existing.getName(),
        week: week.week,
        created: false,
        notes: [{ code: 'opened', week: week.week }, ...notes],
      };
    }
    const reading = readQuarter(quarter.sheet);
    const broken = reading.problems.map(
      (problem): CheckInNote => ({ code: 'brokenOkrRow', row: problem.row, message: problem.message }),
    );
    if (!reading.plan) {
      return {
        sheetId: null,
        sheetName: '',
        week: week.week,
        created: false,
        notes: [{ code: 'unreadable', sheetName: quarter.sheet.getName() }, ...notes, ...broken],
      };
    }
    // History is read inside the lock: a recording that just finished is already in the prefill.
    const historySheet = findHistorySheet(spreadsheet);
    const history = historySheet ? historyRecords(readHistory(historySheet)) : [];
    const deals = dealsSourceOf(spreadsheet);
    const { krId, current } = reading.columns;
    const layout = layoutCheckInTab({
      lang,
      style: quarter.settings.formulaStyle,
      currency: quarter.settings.currency,
      quarter: { label: quarter.label, start: quarter.start, end: quarter.end },
      week,
      asOf: moment.asOf,
      okrSheetId: quarter.sheetId,
      keyResults: tabKeyResultsOf(reading, latestBefore(history, quarter.label, week.week), deals?.sheetName ?? null),
      ...(krId && current
        ? { okrSheet: { name: quarter.sheet.getName(), krIdColumn: krId, currentColumn: current } }
        : {}),
      // With a Deals sheet the pipeline is computed from it; without one it is typed, as before.
      deals,
      ...initiativesFor(spreadsheet, quarter.label),
    });
    const name = nextFreeSheetName(spreadsheet, layout.name);
    // Beside the OKR sheet, so the newest week sits next to its quarter.
    const sheet = spreadsheet.insertSheet(name, quarter.sheet.getIndex());
    writeCheckInTab(sheet, layout);
    sheet.activate();
    if (name !== layout.name) notes.unshift({ code: 'nameTaken', name: layout.name, newName: name });
    return {
      sheetId: sheet.getSheetId(),
      sheetName: name,
      week: week.week,
      created: true,
      notes: [{ code: 'created', sheetName: name, count: layout.keyResultRows.length }, ...notes, ...broken],
    };
  });
}

/** The quarter's initiatives for the plan's dropdown and check, when it has an Initiatives sheet. */
function initiativesFor(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  quarterLabel: string,
): { initiatives?: { ids: string[]; idRange: string } } {
  const found = readInitiativesSheet(spreadsheet, quarterLabel);
  return found
    ? { initiatives: { ids: found.initiatives.map((initiative) => initiative.id), idRange: found.idRange } }
    : {};
}

function nothing(note: CheckInNote): GenerateCheckInResult {
  return { sheetId: null, sheetName: '', week: 0, created: false, notes: [note] };
}
