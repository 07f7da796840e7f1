// Finding the sheets a check-in works with, by developer metadata and never by name: the quarters' OKR
// sheets (by their settings, which hold the dates), the check-in tab of a week (one finder query on a key
// naming quarter and week), and reading and writing a check-in tab in a fixed number of batched calls.
// Each finder asks for one key, so the cost grows with the number of quarters, not with the tabs or KRs.

import type { CheckInTabSnapshot } from '../core/check-in/check-in-read';
import {
  type FoundRowMetadata,
  REGION_MARKER,
  regionMarkers,
  regionsFromMetadata,
} from '../core/check-in/check-in-regions';
import { chooseCheckIn, type QuarterCandidate } from '../core/check-in/check-in-source';
import {
  CHECK_IN_METADATA,
  type CheckInTabInfo,
  type CheckInTabLayout,
  checkInKey,
  parseCheckInTabInfo,
} from '../core/check-in/check-in-tab';
import { wholeRow } from '../core/okr-sheet/cells';
import { METADATA } from '../core/okr-sheet/columns';
import { type PlanSettings, parseSettings } from '../core/okr-sheet/settings';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface QuarterSheet extends QuarterCandidate {
  sheet: Sheet;
  settings: PlanSettings;
}

/** Every OKR quarter sheet, with its dates from its settings metadata, in tab order. */
export function listQuarters(spreadsheet: Spreadsheet): QuarterSheet[] {
  const sheetFinder = () =>
    spreadsheet.createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET);
  const frozen = new Set<number>();
  for (const metadata of sheetFinder().withKey(METADATA.frozen).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) frozen.add(sheet.getSheetId());
  }
  const quarters: QuarterSheet[] = [];
  for (const metadata of sheetFinder().withKey(METADATA.settings).find()) {
    const settings = parseSettings(metadata.getValue());
    const sheet = metadata.getLocation().getSheet();
    if (!settings || !sheet) continue;
    const sheetId = sheet.getSheetId();
    quarters.push({
      sheet,
      settings,
      sheetId,
      label: settings.label,
      start: settings.start,
      end: settings.end,
      frozen: frozen.has(sheetId),
      index: sheet.getIndex(),
    });
  }
  return quarters.sort((a, b) => a.index - b.index);
}

/** The check-in tab of a quarter's week, or `null`; a copy of the tab (same metadata) loses to the first. */
export function findCheckInTab(spreadsheet: Spreadsheet, quarterLabel: string, week: number): Sheet | null {
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(CHECK_IN_METADATA.key)
    .withValue(checkInKey(quarterLabel, week))
    .find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/** A check-in tab found, with what its metadata says of it. */
export interface FoundTab {
  sheet: Sheet;
  info: CheckInTabInfo;
}

/**
 * The one way the sidebar, the menu and the recorder resolve the check-in tab a call is about: the tab with
 * `sheetId` when given (and still a check-in tab), else the active tab when it is a check-in, else the tab of
 * this week (the week holding `asOf`, now by default) of the current quarter; `null` when there is none.
 */
export function locateCheckInTab(
  spreadsheet: Spreadsheet,
  which: { sheetId?: number | undefined; asOf?: Date | undefined } = {},
): FoundTab | null {
  const found = (sheet: Sheet | null): FoundTab | null => {
    const info = sheet ? checkInInfoOf(sheet) : null;
    return sheet && info ? { sheet, info } : null;
  };
  if (which.sheetId !== undefined) return found(spreadsheet.getSheetById(which.sheetId));
  const active = found(spreadsheet.getActiveSheet());
  if (active) return active;
  const moment = chooseCheckIn(listQuarters(spreadsheet), isoDay(spreadsheet, which.asOf ?? new Date()));
  if (moment.kind !== 'running' && moment.kind !== 'over') return null;
  return found(findCheckInTab(spreadsheet, moment.quarter.label, moment.week.week));
}

/** The calendar day of an instant in the spreadsheet's time zone (never the script's). */
export function isoDay(spreadsheet: Spreadsheet, instant: Date): string {
  return Utilities.formatDate(instant, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/** The info a check-in tab was made with, or `null` when the sheet is no check-in tab. */
export function checkInInfoOf(sheet: Sheet): CheckInTabInfo | null {
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(CHECK_IN_METADATA.info).find()) {
    const info = parseCheckInTabInfo(metadata.getValue());
    if (info) return info;
  }
  return null;
}

/** Reads a check-in tab: its metadata (info and region markers) and one getValues of its used range. */
export function readCheckInSnapshot(sheet: Sheet): CheckInTabSnapshot | null {
  let info: CheckInTabInfo | null = null;
  const rowMetadata: FoundRowMetadata[] = [];
  for (const metadata of sheet.createDeveloperMetadataFinder().find()) {
    const key = metadata.getKey();
    if (key === CHECK_IN_METADATA.info) info = parseCheckInTabInfo(metadata.getValue()) ?? info;
    else if (key === REGION_MARKER.start || key === REGION_MARKER.end || key === CHECK_IN_METADATA.region) {
      const rows = metadata.getLocation().getRow();
      // A marker sits on one row; only the metadata of a tab made before spans the rows of its region.
      const size = key === CHECK_IN_METADATA.region ? rows?.getNumRows() : 1;
      if (rows && size) rowMetadata.push({ key, value: metadata.getValue(), row: rows.getRow(), rows: size });
    }
  }
  if (!info) return null;
  const regions = regionsFromMetadata(rowMetadata);
  return { info, values: datesAsSerialDays(() => sheet.getParent(), sheet.getDataRange().getValues()), regions };
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The values of a read with every `Date` (what Sheets gives for a date cell: midnight in the spreadsheet's
 * time zone) turned into its serial day number, so the calendar day is right in any time zone. The zone's
 * offset is asked once, from the first date found, not once per cell; a daylight-saving hour either side
 * does not move a midnight to another day.
 */
export function datesAsSerialDays(spreadsheet: () => Spreadsheet, values: unknown[][]): unknown[][] {
  const first = values.flat().find(isDate);
  if (!first) return values;
  const offset = Utilities.formatDate(first, spreadsheet().getSpreadsheetTimeZone(), 'Z');
  const match = /^([+-])(\d{2})(\d{2})$/.exec(offset);
  const offsetMs = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
  return values.map((row) =>
    row.map((value) =>
      isDate(value) ? Math.round((value.getTime() + offsetMs) / MS_PER_DAY) + UNIX_EPOCH_SERIAL : value,
    ),
  );
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Cuts a new tab down to the rows and columns its layout uses, in one call each. A tab a week piles up (13 a
 * quarter), and a new sheet's 1000 × 26 grid would add some 26,000 empty cells a week to the spreadsheet,
 * which Sheets counts against its cell limit. Rows and columns a person adds later stay.
 */
function trimToLayout(sheet: Sheet, lastRow: number, lastColumn: number): void {
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (maxRows > lastRow) sheet.deleteRows(lastRow + 1, maxRows - lastRow);
  if (maxColumns > lastColumn) sheet.deleteColumns(lastColumn + 1, maxColumns - lastColumn);
}

/**
 * Writes a laid-out check-in tab into a new, empty sheet: one region for contents, formats, weights, fills
 * and dropdowns, one merge of the colour rules, then widths, notes and metadata, none per key result.
 */
export function writeCheckInTab(sheet: Sheet, layout: CheckInTabLayout): void {
  writeSheetSpec(sheet, layout, 1);
  trimToLayout(sheet, layout.lastRow, layout.lastColumn);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  // Each region is marked by two single-row metadata (a row location may not span rows), which follow rows a
  // person inserts or deletes in the tab.
  for (const { key, value, row } of regionMarkers(layout.regions, layout.lastRow)) {
    sheet.getRange(wholeRow(row)).addDeveloperMetadata(key, value);
  }
}
