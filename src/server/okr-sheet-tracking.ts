// The per-KR additions to the OKR sheet, written beside its table when a check-in is recorded: trend
// sparkline, last recorded date, needed per week, and the pessimistic / standard / optimistic forecasts with the score each
// would give (laid out by src/core/check-in/tracking.ts). The columns are found by their column metadata, so
// they are found again after the user inserts or moves columns; on the first recording they are added after
// the sheet's last used column. Each contiguous group of them is written with one setValues and one
// setNumberFormats and setBackgrounds (the computed look); the layout files of the OKR sheet are not touched.
// A column gets its width once, when it is placed, so a width the user sets afterwards stays.

import { dayFromIso } from '../core/cell-values';
import type { HistoryRecord } from '../core/check-in/history';
import {
  layoutTracking,
  TRACKING_KEYS,
  TRACKING_METADATA,
  TRACKING_WIDTHS,
  type TrackedRow,
  type TrackingKey,
} from '../core/check-in/tracking';
import {
  type ForecastShape,
  forecastValue,
  type HistoryPoint,
  lowerIsBetter,
  naturalBounds,
  SCENARIOS,
} from '../core/forecast';
import { valueDecimals } from '../core/number-format';
import { a1, cellInput, wholeColumn } from '../core/okr-sheet/cells';
import { HEADER_PLACES, HEADER_ROW } from '../core/okr-sheet/columns';
import type { QuarterReading } from '../core/okr-sheet/read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the tracking columns are now, by their metadata; keys without a column are missing. */
export function findTrackingColumns(sheet: Sheet): Partial<Record<TrackingKey, number>> {
  const found: Partial<Record<TrackingKey, number>> = {};
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(TRACKING_METADATA).find()) {
    const key = metadata.getValue() as TrackingKey;
    const column = metadata.getLocation().getColumn();
    if (column && (TRACKING_KEYS as readonly string[]).includes(key) && found[key] === undefined) {
      found[key] = column.getColumn();
    }
  }
  return found;
}

/** Gives every missing tracking column a place after the last used column (one empty column between). */
function placeMissing(sheet: Sheet, found: Partial<Record<TrackingKey, number>>): Record<TrackingKey, number> {
  const missing = TRACKING_KEYS.filter((key) => found[key] === undefined);
  if (missing.length === 0) return found as Record<TrackingKey, number>;
  const first = Math.max(sheet.getLastColumn(), ...Object.values(found)) + 2;
  const last = first + missing.length - 1;
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < last) sheet.insertColumnsAfter(maxColumns, last - maxColumns);
  const placed = { ...found };
  missing.forEach((key, index) => {
    placed[key] = first + index;
    sheet.getRange(wholeColumn(first + index)).addDeveloperMetadata(TRACKING_METADATA, key);
    sheet.setColumnWidth(first + index, TRACKING_WIDTHS[key]);
  });
  return placed as Record<TrackingKey, number>;
}

/** The as-of cell of the OKR sheet: its named range when it has one, else its place in the header. */
function asOfReference(sheet: Sheet, headerRow: number): string {
  for (const named of sheet.getNamedRanges()) {
    const name = named.getName();
    if (name.endsWith('_as_of')) return name;
  }
  const { row, labelColumn } = HEADER_PLACES.asOf;
  return a1(row + headerRow - HEADER_ROW, labelColumn + 1, true);
}

export interface TrackingContext {
  lang: 'en' | 'pl';
  quarterLabel: string;
  quarterEnd: string;
  historySheetName: string;
  /** History as it now stands (all quarters). */
  history: readonly HistoryRecord[];
}

/** Writes (or rewrites) the tracking columns of the OKR sheet for its key-result rows. */
export function writeTracking(sheet: Sheet, reading: QuarterReading, context: TrackingContext): void {
  const { headerRow, plan, settings } = reading;
  if (headerRow === null || !plan || !settings) return;
  const krRows = reading.rows.filter((row) => row.id);
  if (krRows.length === 0) return;
  const lastRow = Math.max(...krRows.map((row) => row.row));
  const columns = placeMissing(sheet, findTrackingColumns(sheet));
  const byId = new Map(plan.objectives.flatMap((o) => o.keyResults.map((kr) => [(kr.id ?? '').toLowerCase(), kr])));
  const endDay = dayFromIso(context.quarterEnd);
  // This quarter's recorded values by KR id, in one pass over History.
  const pointsById = new Map<string, HistoryPoint[]>();
  for (const record of context.history) {
    if (record.quarter !== context.quarterLabel || record.value === null) continue;
    const list = pointsById.get(record.keyResultId) ?? [];
    list.push({ day: record.day, value: record.value });
    pointsById.set(record.keyResultId, list);
  }
  const rows: TrackedRow[] = [];
  for (const row of krRows) {
    const kr = byId.get(row.id.toLowerCase());
    if (!kr) continue;
    const points = pointsById.get(row.id) ?? [];
    const tracked: TrackedRow = {
      row: row.row,
      milestone: kr.kind === 'milestone',
      unit: kr.unit,
      currency: kr.currency ?? settings.currency,
      decimals: valueDecimals(kr.unit, [kr.start, kr.target, kr.current, ...points.map((point) => point.value)]),
    };
    if (settings.formulaStyle === 'portable' && !tracked.milestone) {
      const shape: ForecastShape = {
        lowerIsBetter: lowerIsBetter(kr.kind, kr.start, kr.target),
        ...naturalBounds(
          kr.unit,
          kr.start,
          kr.target,
          points.map((point) => point.value),
        ),
      };
      tracked.forecast = Object.fromEntries(
        SCENARIOS.map((scenario) => [scenario, forecastValue(points, endDay, scenario, shape)]),
      );
    }
    rows.push(tracked);
  }
  // The add-on's forecasts read History up to its last row (spare rows included), looked up again at every
  // recording: two service calls whatever the size of the table. The portable style reads no History.
  const historySheet =
    settings.formulaStyle === 'addon' ? sheet.getParent().getSheetByName(context.historySheetName) : null;
  const historyLastRow = historySheet ? historySheet.getMaxRows() : context.history.length + 1;
  const layout = layoutTracking({
    lang: context.lang,
    style: settings.formulaStyle,
    quarterLabel: context.quarterLabel,
    quarterEnd: context.quarterEnd,
    historySheetName: context.historySheetName,
    historyLastRow,
    headerRow,
    lastRow,
    okrColumns: reading.columns,
    columns,
    asOf: asOfReference(sheet, headerRow),
    rows,
  });
  // Adjacent tracking columns are written together: one group unless someone moved a column away.
  const ordered = [...TRACKING_KEYS].sort((a, b) => columns[a] - columns[b]);
  const groups: TrackingKey[][] = [];
  for (const key of ordered) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous !== undefined && columns[previous] + 1 === columns[key]) group.push(key);
    else groups.push([key]);
  }
  const height = lastRow - headerRow + 1;
  for (const group of groups) {
    const range = sheet.getRange(headerRow, columns[group[0] as TrackingKey], height, group.length);
    const byRow = <T>(grid: Record<TrackingKey, T[]>) =>
      Array.from({ length: height }, (_, index) => group.map((key) => grid[key][index] as T));
    range.setNumberFormats(byRow(layout.numberFormats));
    range.setBackgrounds(byRow(layout.backgrounds));
    range.setValues(byRow(layout.cells).map((row) => row.map(cellInput)));
  }
}
