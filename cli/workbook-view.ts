// What the CLI reads back from the local spreadsheet to tell the user: the OKR sheets of the workbook with
// each key result's computed score and status (from the runtime's snapshot, so what the cells show), and
// the key-result rows of a check-in tab. Sheets, columns and rows are found by the developer metadata the
// add-on writes (the fake's own record of it: reading it costs no service call), with the fresh layout's
// places as the fallback, so a column moved by hand is still found.

import type { LocalRuntime } from '../local/runtime';
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from '../local/snapshot';
import { type FoundRowMetadata, regionsFromMetadata } from '../src/core/check-in/check-in-regions';
import { type RegionName, type RegionRows, type TabColumnKey, tabColumn } from '../src/core/check-in/check-in-tab';
import { type ColumnKey, columnOf, HEADER_PLACES, HEADER_ROW, METADATA } from '../src/core/okr-sheet/columns';

/** One key result of an OKR sheet, as the sheet shows it. */
export interface KeyResultLine {
  row: number;
  id: string;
  title: string;
  owner: string;
  /** What the cells show (formatted in the spreadsheet's locale); '' when empty. */
  current: string;
  target: string;
  /** The computed score, `null` when the cell shows none (no value yet, an error). */
  score: number | null;
  scoreText: string;
  /** 🟢, 🟡, 🔴, or '' when the sheet gives no status. */
  status: string;
}

export interface ObjectiveLine {
  id: string;
  title: string;
  score: number | null;
  scoreText: string;
  keyResults: KeyResultLine[];
}

/** An OKR sheet of the workbook, read back. */
export interface QuarterView {
  sheetName: string;
  sheetId: number;
  /** "Q1 2027". */
  label: string;
  /** The quarter's first and last day (ISO), from the sheet's settings; '' when unknown. */
  start: string;
  end: string;
  team: string;
  formulaStyle: string;
  /** The as-of day and the expected progress, as the header shows them. */
  asOf: string;
  expected: string;
  objectives: ObjectiveLine[];
}

function metadataOf(runtime: LocalRuntime) {
  return runtime.services.spreadsheet.metadata;
}

/** The regions of a check-in tab, from its row metadata as the add-on reads them (no service call). */
function regionsOfTab(runtime: LocalRuntime, sheetId: number): Partial<Record<RegionName, RegionRows>> {
  const found: FoundRowMetadata[] = [];
  for (const m of metadataOf(runtime)) {
    if (m.location.type !== 'ROW' || m.location.sheetId !== sheetId) continue;
    found.push({ key: m.key, value: m.value, row: m.location.span.start, rows: m.location.span.size });
  }
  return regionsFromMetadata(found);
}

function sheetOf(snapshot: WorkbookSnapshot, sheetId: number): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.id === sheetId);
}

function cellAt(sheet: SheetSnapshot, row: number, column: number): CellSnapshot | null {
  return sheet.cells[row - 1]?.[column - 1] ?? null;
}

function shown(cell: CellSnapshot | null): string {
  return cell?.value.display.trim() ?? '';
}

function numberIn(cell: CellSnapshot | null): number | null {
  return cell?.value.type === 'number' && typeof cell.value.raw === 'number' ? cell.value.raw : null;
}

/** The ids of the workbook's OKR sheets, in tab order. */
export function quarterSheetIds(runtime: LocalRuntime): number[] {
  const ids = new Set(
    metadataOf(runtime)
      .filter((m) => m.location.type === 'SHEET' && m.key === METADATA.kind && m.value === METADATA.kindValue)
      .map((m) => (m.location.type === 'SHEET' ? m.location.sheetId : -1)),
  );
  return runtime.services.spreadsheet.sheets.filter((sheet) => ids.has(sheet.id)).map((sheet) => sheet.id);
}

/** What an OKR sheet's settings (its sheet metadata) say of its quarter; no cell is read. */
export type QuarterSettings = Pick<QuarterView, 'label' | 'start' | 'end' | 'formulaStyle'>;

/** An OKR sheet's settings, from its metadata; `sheetName` stands for the label when they give none. */
export function quarterSettings(runtime: LocalRuntime, sheetId: number, sheetName: string): QuarterSettings {
  let settings: { label?: unknown; formulaStyle?: unknown; start?: unknown; end?: unknown } = {};
  for (const m of metadataOf(runtime)) {
    if (m.location.type !== 'SHEET' || m.location.sheetId !== sheetId) continue;
    if (m.key === METADATA.settings && m.value) {
      try {
        settings = JSON.parse(m.value) as typeof settings;
      } catch {
        // Unreadable settings: the sheet's name stands for its label.
      }
    }
  }
  return {
    label: typeof settings.label === 'string' ? settings.label : sheetName,
    start: typeof settings.start === 'string' ? settings.start : '',
    end: typeof settings.end === 'string' ? settings.end : '',
    formulaStyle: typeof settings.formulaStyle === 'string' ? settings.formulaStyle : '',
  };
}

/** An OKR sheet read back from the snapshot; `null` when the snapshot has no such sheet. */
export function readQuarterView(
  runtime: LocalRuntime,
  snapshot: WorkbookSnapshot,
  sheetId: number,
): QuarterView | null {
  const sheet = sheetOf(snapshot, sheetId);
  if (!sheet) return null;
  const columns = new Map<ColumnKey, number>();
  let headerRow = HEADER_ROW;
  for (const m of metadataOf(runtime)) {
    if (m.location.type === 'SPREADSHEET' || m.location.sheetId !== sheetId) continue;
    if (m.location.type === 'COLUMN' && m.key === METADATA.column && m.value) {
      columns.set(m.value as ColumnKey, m.location.span.start);
    } else if (m.location.type === 'ROW' && m.key === METADATA.row && m.value === METADATA.headerRowValue) {
      headerRow = m.location.span.start;
    }
  }
  const { label, start, end, formulaStyle } = quarterSettings(runtime, sheetId, sheet.name);
  const column = (key: ColumnKey) => columns.get(key) ?? columnOf(key);
  const at = (row: number, key: ColumnKey) => cellAt(sheet, row, column(key));
  const header = (field: keyof typeof HEADER_PLACES) =>
    shown(cellAt(sheet, HEADER_PLACES[field].row, HEADER_PLACES[field].labelColumn + 1));

  const objectives: ObjectiveLine[] = [];
  for (let row = headerRow + 1; row <= sheet.rows; row++) {
    const id = shown(at(row, 'krId'));
    if (!id) continue;
    const objectiveId = shown(at(row, 'objectiveId'));
    let objective = objectives.find((o) => o.id === objectiveId);
    if (!objective) {
      const scoreCell = at(row, 'objectiveScore');
      objective = {
        id: objectiveId,
        title: shown(at(row, 'objective')),
        score: numberIn(scoreCell),
        scoreText: shown(scoreCell),
        keyResults: [],
      };
      objectives.push(objective);
    }
    const scoreCell = at(row, 'score');
    objective.keyResults.push({
      row,
      id,
      title: shown(at(row, 'keyResult')),
      owner: shown(at(row, 'owner')),
      current: shown(at(row, 'current')),
      target: shown(at(row, 'target')),
      score: numberIn(scoreCell),
      scoreText: numberIn(scoreCell) === null ? '' : shown(scoreCell),
      status: shown(at(row, 'status')),
    });
  }
  return {
    sheetName: sheet.name,
    sheetId,
    label,
    start,
    end,
    team: header('team'),
    formulaStyle,
    asOf: header('asOf'),
    expected: header('expected'),
    objectives,
  };
}

/** A key result's row of a check-in tab. */
export interface CheckInRow {
  row: number;
  id: string;
  title: string;
  /** The value cell: its list of choices for a milestone (yes, no), its number format otherwise. */
  choices: string[] | null;
  numberFormat: string;
  value: string;
  score: number | null;
  scoreText: string;
  status: string;
  confidence: string;
  comment: string;
  flags: string;
}

/** The key-result rows of a check-in tab (its `keyResults` region), read from the snapshot. */
export function readCheckInRows(runtime: LocalRuntime, snapshot: WorkbookSnapshot, sheetId: number): CheckInRow[] {
  const sheet = sheetOf(snapshot, sheetId);
  if (!sheet) return [];
  const region = regionsOfTab(runtime, sheetId).keyResults;
  if (!region) return [];
  const { row: start, rows: size } = region;
  const at = (row: number, key: TabColumnKey) => cellAt(sheet, row, tabColumn(key));
  const rows: CheckInRow[] = [];
  for (let row = start; row < start + size; row++) {
    const id = shown(at(row, 'krId'));
    if (!id) continue;
    const value = at(row, 'value');
    const validation = value?.validation;
    const scoreCell = at(row, 'score');
    rows.push({
      row,
      id,
      title: shown(at(row, 'keyResult')),
      choices: validation?.kind === 'list' ? validation.values : null,
      numberFormat: value?.numberFormat ?? 'General',
      value: shown(value),
      score: numberIn(scoreCell),
      scoreText: numberIn(scoreCell) === null ? '' : shown(scoreCell),
      status: shown(at(row, 'status')),
      confidence: shown(at(row, 'confidence')),
      comment: shown(at(row, 'comment')),
      flags: shown(at(row, 'flags')),
    });
  }
  return rows;
}
