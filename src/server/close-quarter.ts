// "Close quarter": grades the open quarter and writes its Grades sheet beside its OKR sheet, frozen as
// values, under the document lock. The quarter closed is the latest one that has ended and has no Grades
// sheet yet, else the latest one started by the day of the close (closed early, with a note saying so).
// Closing twice opens the existing Grades sheet: never a second one, never written over, so nothing typed
// there (overrides, reasons, notes, retro answers) is lost. The sheet costs a fixed number of batched calls,
// whatever the number of key results. Beside each grade, the forecast error: how far the standard forecasts
// made 4 and 8 weeks before the last recorded week were from its value (as the monthly review shows it). Answers are codes and numbers; the menu and the CLI word them.

import { type ClosingKeyResult, gradeQuarter } from '../core/close/grades';
import { layoutGradesSheet } from '../core/close/grades-sheet';
import { forecastErrors } from '../core/forecast-error';
import { type CloseNote, type CloseQuarterResult, closeQuarterPayloadSchema } from '../shared/close-api';
import { isoDay, listQuarters, type QuarterSheet } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { findGradesSheet, gradedQuarters, readGradesSheet, writeGradesSheet } from './grades-sheet';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';

/**
 * The quarter a close on `asOf` is about: the latest ended quarter not graded yet, else the latest started
 * one; `null` when none has started (then `first` is the earliest quarter, to say when it starts).
 */
export function quarterToClose(
  quarters: readonly QuarterSheet[],
  graded: ReadonlySet<string>,
  asOf: string,
): { quarter: QuarterSheet | null; first: QuarterSheet | null } {
  const byStart = [...quarters].sort((a, b) => a.start.localeCompare(b.start));
  const started = byStart.filter((quarter) => quarter.start <= asOf);
  const endedOpen = started.filter((quarter) => quarter.end <= asOf && !graded.has(quarter.label));
  return { quarter: endedOpen.at(-1) ?? started.at(-1) ?? null, first: byStart[0] ?? null };
}

/** Closes the quarter, or opens its Grades sheet when it was closed before. */
export function closeQuarter(payload?: unknown): CloseQuarterResult {
  const parsed = closeQuarterPayloadSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, code: 'badRequest' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = parsed.data.asOf ?? isoDay(spreadsheet, new Date());
  return withDocumentLock((): CloseQuarterResult => {
    // Found inside the lock: a close that just finished is seen, so a double click opens its sheet.
    const quarters = listQuarters(spreadsheet);
    const { quarter, first } = quarterToClose(quarters, gradedQuarters(spreadsheet), asOf);
    if (!quarter) {
      return first
        ? { ok: false, code: 'notStarted', quarter: first.label, start: first.start }
        : { ok: false, code: 'noQuarter' };
    }
    const existing = findGradesSheet(spreadsheet, quarter.label);
    if (existing) {
      existing.activate();
      return {
        ok: true,
        created: false,
        quarter: quarter.label,
        // The team is said by the Grades sheet itself; opening it reads nothing more.
        team: '',
        sheetId: existing.getSheetId(),
        sheetName: existing.getName(),
        grades: null,
        forecastErrors: [],
        refused: readGradesSheet(existing)?.refused ?? [],
        notes: [],
      };
    }
    const reading = readQuarter(quarter.sheet);
    const broken = reading.problems.map(
      (problem): CloseNote => ({ code: 'brokenOkrRow', row: problem.row, message: problem.message }),
    );
    if (!reading.plan) {
      return {
        ok: false,
        code: 'unreadable',
        sheetName: quarter.sheet.getName(),
        problems: reading.problems.map(({ row, message }) => ({ row, message })),
      };
    }
    const plan = reading.plan;
    const keyResults: ClosingKeyResult[] = plan.objectives.flatMap((objective, o) => {
      const objectiveId = objective.id ?? `O${o + 1}`;
      return objective.keyResults.map((keyResult, k) => ({
        id: keyResult.id ?? `${objectiveId}.${k + 1}`,
        title: keyResult.title,
        owner: keyResult.owner,
        objectiveId,
        objectiveTitle: objective.title,
        kind: keyResult.kind,
        start: keyResult.start,
        target: keyResult.target,
        current: keyResult.current ?? null,
        weight: keyResult.weight,
        committed: keyResult.committed,
      }));
    });
    const grades = gradeQuarter(keyResults);
    // The forecasts History kept during the quarter against its last recorded values (one read of History).
    const historySheet = findHistorySheet(spreadsheet);
    const history = historySheet ? historyRecords(readHistory(historySheet)) : [];
    const [endYear = 0, endMonth = 0, endDay = 0] = quarter.end.split('-').map(Number);
    const errors = forecastErrors(history, keyResults, {
      quarter: quarter.label,
      endDay: Date.UTC(endYear, endMonth - 1, endDay) / 86_400_000 + 25_569,
    });
    const layout = layoutGradesSheet({
      lang: quarter.settings.language,
      quarter: quarter.label,
      team: plan.team,
      okrSheetId: quarter.sheetId,
      okrSheetName: quarter.sheet.getName(),
      closedOn: asOf,
      grades,
      forecastErrors: errors,
    });
    const name = nextFreeSheetName(spreadsheet, layout.name);
    // Right after the OKR sheet: insertSheet takes a 0-based index, getIndex is 1-based.
    const sheet = spreadsheet.insertSheet(name, quarter.sheet.getIndex());
    writeGradesSheet(sheet, layout);
    sheet.activate();
    const notes: CloseNote[] = [];
    if (asOf < quarter.end) notes.push({ code: 'beforeEnd', quarter: quarter.label, end: quarter.end });
    if (name !== layout.name) notes.push({ code: 'nameTaken', name: layout.name, newName: name });
    return {
      ok: true,
      created: true,
      quarter: quarter.label,
      team: plan.team,
      sheetId: sheet.getSheetId(),
      sheetName: name,
      grades,
      forecastErrors: errors,
      refused: [],
      notes: [...notes, ...broken],
    };
  });
}
