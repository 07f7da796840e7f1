// Reads OKR sheets back. Quarter sheets are found by their developer metadata, never by name (a user may
// rename them); a sheet is read with one getValues and one getFormulas over its used region, plus its
// metadata, and the pure reader (src/core/okr-sheet/read.ts) does the rest.

import { COLUMN_KEYS, type ColumnKey, METADATA } from '../core/okr-sheet/columns';
import { type QuarterReading, readQuarterGrid } from '../core/okr-sheet/read';
import { spreadsheetLang } from './language';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface QuarterSheetInfo {
  sheet: Sheet;
  sheetId: number;
  name: string;
  /** The quarter's label ("Q1 2027"), as built. */
  label: string;
  /** True once a later quarter was started from it. */
  frozen: boolean;
}

/** Every OKR quarter sheet of the spreadsheet, in tab order, whatever their names now are. */
export function findQuarterSheets(spreadsheet: Spreadsheet): QuarterSheetInfo[] {
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const bySheet = new Map<number, { sheet: Sheet; entries: Map<string, string> }>();
  for (const metadata of found) {
    const key = metadata.getKey();
    if (!key.startsWith('okr.')) continue;
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    const entry = bySheet.get(id) ?? { sheet, entries: new Map<string, string>() };
    entry.entries.set(key, metadata.getValue() ?? '');
    bySheet.set(id, entry);
  }
  return [...bySheet.entries()]
    .filter(([, { entries }]) => entries.get(METADATA.kind) === METADATA.kindValue)
    .map(([sheetId, { sheet, entries }]) => ({
      sheet,
      sheetId,
      name: sheet.getName(),
      label: entries.get(METADATA.quarter) ?? '',
      frozen: entries.has(METADATA.frozen),
      index: sheet.getIndex(),
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ index: _index, ...info }) => info);
}

/** Reads a quarter sheet into the plan, its key-result rows and the problems found (every one of them). */
export function readQuarter(sheet: Sheet): QuarterReading {
  const region = sheet.getDataRange();
  const values = region.getValues();
  const formulas = region.getFormulas();
  const columnsByMetadata: Partial<Record<ColumnKey, number>> = {};
  let headerRowByMetadata: number | null = null;
  let settingsJson: string | null = null;
  for (const metadata of sheet.createDeveloperMetadataFinder().find()) {
    const key = metadata.getKey();
    if (key === METADATA.settings) settingsJson = metadata.getValue();
    else if (key === METADATA.column) {
      const value = metadata.getValue() ?? '';
      const column = metadata.getLocation().getColumn();
      if (column && (COLUMN_KEYS as readonly string[]).includes(value)) {
        columnsByMetadata[value as ColumnKey] = column.getColumn();
      }
    } else if (key === METADATA.row && metadata.getValue() === METADATA.headerRowValue) {
      headerRowByMetadata = metadata.getLocation().getRow()?.getRow() ?? null;
    }
  }
  return readQuarterGrid({
    values,
    formulas,
    columnsByMetadata,
    headerRowByMetadata,
    settingsJson,
    // Only asked when the sheet lost its settings: the messages then follow the spreadsheet's language.
    get fallbackLang() {
      return spreadsheetLang();
    },
  });
}
