// "Weekly check-in": finds the quarter's OKR sheet (the one whose weeks hold today, else the latest), works
// out the week, and opens that week's check-in tab, or creates it beside the OKR sheet when there is none
// yet, prefilled with each key result's last value from History. An existing tab is never rewritten: what
// the team typed there stays. The tab is written in a fixed number of batched calls, whatever the number of
// key results, under the document lock so a double click cannot make two tabs of one week.

import type { CheckInProblem } from '../core/check-in/check-in-read';
import { chooseCheckIn, tabKeyResultsOf } from '../core/check-in/check-in-source';
import { layoutCheckInTab } from '../core/check-in/check-in-tab';
import { type CheckInTextKey, checkInText } from '../core/check-in/check-in-texts';
import { latestBefore } from '../core/check-in/history';
import type { Lang } from '../core/i18n';
import { keepAsOfCurrent } from './as-of';
import { findCheckInTab, listQuarters, writeCheckInTab } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';

export interface GenerateCheckInOptions {
  /** The day of the check-in; now by default. Read as a calendar day in the spreadsheet's time zone. */
  asOf?: Date;
}

/** What the sidebar shows after "Weekly check-in". JSON-safe. */
export interface GenerateCheckInResult {
  /** The tab opened or created; '' when none (the quarter has not started, or there is no OKR sheet). */
  sheetName: string;
  /** The week of the quarter (1-based); 0 when there is no tab. */
  week: number;
  /** True when the tab was created now, false when it existed (then it was opened, not changed). */
  created: boolean;
  /** Rows the OKR sheet could not read, by their row there; such a key result is shown unscored or left out. */
  problems: CheckInProblem[];
  /** What happened, in the quarter's language. */
  messages: string[];
}

/** Opens or creates this week's check-in tab. */
export function generateCheckIn(options: GenerateCheckInOptions = {}): GenerateCheckInResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = isoDay(spreadsheet, options.asOf ?? new Date());
  const quarters = listQuarters(spreadsheet);
  const moment = chooseCheckIn(quarters, asOf);
  if (moment.kind === 'noQuarter') return nothing(spreadsheetLang(), 'msgNoQuarter');
  const quarter = quarters.find((q) => q.sheetId === moment.quarter.sheetId);
  if (!quarter) return nothing(spreadsheetLang(), 'msgNoQuarter');
  const lang = quarter.settings.language;
  const t = (key: CheckInTextKey, params?: Record<string, string | number>) => checkInText(lang, key, params);
  if (moment.kind === 'notStarted') {
    const params = { quarter: quarter.label, start: quarter.start, monday: moment.firstWeek.monday };
    return nothing(lang, 'msgNotStarted', params);
  }
  const { week } = moment;
  const messages =
    moment.kind === 'over' ? [t('msgQuarterOver', { quarter: quarter.label, end: quarter.end, week: week.week })] : [];

  return withDocumentLock(() => {
    // Every check-in brings the OKR sheet's as-of date to its day, unless the user typed one to look back.
    keepAsOfCurrent(quarter.sheet, asOf);
    const existing = findCheckInTab(spreadsheet, quarter.label, week.week);
    if (existing) {
      existing.activate();
      return {
        sheetName: existing.getName(),
        week: week.week,
        created: false,
        problems: [],
        messages: [t('msgOpened', { week: week.week }), ...messages],
      };
    }
    const reading = readQuarter(quarter.sheet);
    const problems = reading.problems.map((problem) => ({
      row: problem.row,
      message: t('msgBrokenRow', { row: problem.row, message: problem.message }),
    }));
    if (!reading.plan) {
      return {
        sheetName: '',
        week: week.week,
        created: false,
        problems,
        messages: [t('msgUnreadable', { name: quarter.sheet.getName() }), ...messages],
      };
    }
    // History is read inside the lock: a recording that just finished is already in the prefill.
    const historySheet = findHistorySheet(spreadsheet);
    const history = historySheet ? historyRecords(readHistory(historySheet)) : [];
    const layout = layoutCheckInTab({
      lang,
      style: quarter.settings.formulaStyle,
      currency: quarter.settings.currency,
      quarter: { label: quarter.label, start: quarter.start, end: quarter.end },
      week,
      asOf: moment.asOf,
      okrSheetId: quarter.sheetId,
      keyResults: tabKeyResultsOf(reading, latestBefore(history, quarter.label, week.week)),
    });
    const name = nextFreeSheetName(spreadsheet, layout.name);
    // Beside the OKR sheet, so the newest week sits next to its quarter.
    const sheet = spreadsheet.insertSheet(name, quarter.sheet.getIndex());
    writeCheckInTab(sheet, layout);
    sheet.activate();
    if (name !== layout.name) messages.unshift(t('msgNameTaken', { name: layout.name, newName: name }));
    return {
      sheetName: name,
      week: week.week,
      created: true,
      problems,
      messages: [t('msgCreated', { name, count: layout.keyResultRows.length }), ...messages],
    };
  });
}

/** The calendar day of an instant in the spreadsheet's time zone (never the script's). */
export function isoDay(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, instant: Date): string {
  return Utilities.formatDate(instant, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

function nothing(lang: Lang, key: CheckInTextKey, params?: Record<string, string | number>): GenerateCheckInResult {
  return { sheetName: '', week: 0, created: false, problems: [], messages: [checkInText(lang, key, params)] };
}
