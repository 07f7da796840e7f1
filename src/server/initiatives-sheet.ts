// The Initiatives sheet at the edge: its one finder (by the quarter's developer metadata, whatever the tab
// is called now), its writer (the layout of src/core/initiatives/layout.ts in the batched calls of
// ./sheet-writer.ts, plus widths and metadata: a fixed number of calls, whatever the number of initiatives
// or KRs), and the menu item that creates it beside the quarter's OKR sheet or opens the existing one. An
// existing Initiatives sheet is never written over.

import type { Lang } from '../core/i18n';
import {
  type Initiative,
  type InitiativeReference,
  type PriorityMethod,
  readInitiativeRows,
  type Task,
} from '../core/initiatives/initiatives';
import { INITIATIVES_METADATA, type InitiativesLayout, layoutInitiatives } from '../core/initiatives/layout';
import { initiativesText } from '../core/initiatives/texts';
import { a1Range, wholeRow } from '../core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../core/okr-sheet/columns';
import type { FormulaStyle } from '../shared/plan';
import { withDocumentLock } from './document-lock';
import { spreadsheetLang } from './language';
import { findQuarterSheets, readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Initiatives sheet of a quarter, found by its metadata; `null` when there is none. */
export function findInitiativesSheet(spreadsheet: Spreadsheet, quarterLabel: string): Sheet | null {
  return findSheetByMetadata(spreadsheet, INITIATIVES_METADATA.key, quarterLabel);
}

export interface InitiativesSheetInput {
  lang: Lang;
  style: FormulaStyle;
  method: PriorityMethod;
  quarterLabel: string;
  team: string;
  initiatives: readonly Initiative[];
  tasks: readonly Task[];
  keyResultIds: readonly string[];
  /** The quarter's OKR sheet and the rows of its table. */
  okrSheet: Sheet;
  okrLastRow: number;
  /** Where the OKR sheet's KR ids and running-initiative counts are (1-based); counts absent on older sheets. */
  okrColumns: { krId: number; initiatives?: number | undefined };
}

/** Creates the Initiatives sheet beside the OKR sheet (right after it). The caller holds the document lock. */
export function writeInitiativesSheet(spreadsheet: Spreadsheet, input: InitiativesSheetInput): Sheet {
  const { okrSheet, okrColumns, okrLastRow } = input;
  const range = (column: number) => a1Range(FIRST_DATA_ROW, column, okrLastRow, column, true);
  const layout: InitiativesLayout = layoutInitiatives({
    ...input,
    okr: {
      sheetName: okrSheet.getName(),
      keyResultIds: range(okrColumns.krId),
      runningCounts: okrColumns.initiatives ? range(okrColumns.initiatives) : null,
    },
  });
  const sheet = spreadsheet.insertSheet(nextFreeSheetName(spreadsheet, layout.name), okrSheet.getIndex());
  writeSheetSpec(sheet, layout, 1);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  for (const { row, key, value } of layout.rowMetadata) sheet.getRange(wholeRow(row)).addDeveloperMetadata(key, value);
  return sheet;
}

/** What the Initiatives menu item did, as data; the menu words it. */
export type OpenInitiativesResult =
  | { code: 'noQuarter' }
  | { code: 'created' | 'opened'; sheetName: string; quarter: string; sheetId: number };

/** Opens the open quarter's Initiatives sheet, creating an empty one (with its KR dropdown) when missing. */
export function openInitiatives(): OpenInitiativesResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock((): OpenInitiativesResult => {
    const found = findQuarterSheets(spreadsheet);
    const quarter = found.filter((info) => !info.frozen).pop() ?? found.pop();
    if (!quarter) return { code: 'noQuarter' };
    const label = quarter.label;
    const existing = findInitiativesSheet(spreadsheet, label);
    if (existing) {
      existing.activate();
      return { code: 'opened', sheetName: existing.getName(), quarter: label, sheetId: existing.getSheetId() };
    }
    const reading = readQuarter(quarter.sheet);
    const lang = reading.settings?.language ?? reading.lang;
    const sheet = writeInitiativesSheet(spreadsheet, {
      lang,
      style: reading.settings?.formulaStyle ?? 'addon',
      method: 'ice',
      quarterLabel: label,
      team: reading.plan?.team ?? '',
      initiatives: [],
      tasks: [],
      keyResultIds: reading.rows.map((row) => row.id).filter(Boolean),
      okrSheet: quarter.sheet,
      okrLastRow: Math.max(quarter.sheet.getMaxRows(), FIRST_DATA_ROW),
      okrColumns: { krId: reading.columns.krId ?? columnOf('krId'), initiatives: reading.columns.initiatives },
    });
    sheet.activate();
    return { code: 'created', sheetName: sheet.getName(), quarter: label, sheetId: sheet.getSheetId() };
  });
}

/** Menu item Initiatives / Inicjatywy: opens or creates the sheet, and says which in a toast. */
export function showInitiatives(): void {
  const result = openInitiatives();
  const lang = spreadsheetLang();
  const message =
    result.code === 'noQuarter'
      ? initiativesText(lang, 'menuNoQuarter')
      : initiativesText(lang, result.code === 'created' ? 'menuCreated' : 'menuOpened', {
          name: result.sheetName,
          quarter: result.quarter,
        });
  SpreadsheetApp.getActiveSpreadsheet().toast(message, initiativesText(lang, 'initiativesSection'));
}

/** The initiatives of a quarter's Initiatives sheet and the range of their ids; `null` without the sheet. */
export function readInitiativesSheet(
  spreadsheet: Spreadsheet,
  quarterLabel: string,
): { initiatives: InitiativeReference[]; idRange: string } | null {
  const sheet = findInitiativesSheet(spreadsheet, quarterLabel);
  if (!sheet) return null;
  const regions: Record<string, number> = {};
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(INITIATIVES_METADATA.region).find()) {
    const row = metadata.getLocation().getRow();
    if (row) regions[metadata.getValue() ?? ''] = row.getRow();
  }
  const titleRow = regions.initiatives;
  if (titleRow === undefined) return null;
  const values = sheet.getDataRange().getValues();
  const tasksRow = regions.tasks ?? null;
  const rows = readInitiativeRows(values, titleRow, tasksRow);
  const lastRow = tasksRow === null ? Math.max(values.length, titleRow + 1) : Math.max(tasksRow - 1, titleRow + 1);
  const name = `'${sheet.getName().replace(/'/g, "''")}'`;
  return {
    initiatives: rows.map((row) => row.initiative),
    idRange: `${name}!${a1Range(titleRow + 1, 1, lastRow, 1, true)}`,
  };
}
