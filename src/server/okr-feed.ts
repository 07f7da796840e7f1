// The OKR feed tab at the edge: written beside every quarter the add-on builds (src/core/rollup/feed-sheet.ts
// lays it out), found by its developer metadata. The feed of the newest build is "OKR feed" and holds the
// named range OKR_FEED that company roll-ups import; an earlier quarter's feed is renamed "OKR feed Q1 2027"
// and kept (its formulas still follow its own quarter), never overwritten or deleted. A tab called "OKR feed"
// that the add-on did not make keeps its name and the new feed takes the next free one. Fixed calls: the
// writes do not loop over key results.

import { checkInText } from '../core/check-in/check-in-texts';
import type { Lang } from '../core/i18n';
import { columnLetter } from '../core/okr-sheet/cells';
import { columnOf, HEADER_PLACES } from '../core/okr-sheet/columns';
import { FEED_METADATA, FEED_SHEET_NAME } from '../core/rollup/feed-schema';
import { layoutFeed } from '../core/rollup/feed-sheet';
import { rollupText } from '../core/rollup/texts';
import { findHistorySheet } from './history-sheet';
import { nextFreeSheetName } from './okr-sheet-writer';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every feed tab with the quarter it follows, in the order the metadata finder gives them. */
export function findFeedSheets(spreadsheet: Spreadsheet): { sheet: Sheet; quarter: string }[] {
  const feeds: { sheet: Sheet; quarter: string }[] = [];
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(FEED_METADATA.kind)
    .withValue(FEED_METADATA.kindValue)
    .find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    const quarter = sheet.createDeveloperMetadataFinder().withKey(FEED_METADATA.quarter).find()[0]?.getValue() ?? '';
    feeds.push({ sheet, quarter });
  }
  return feeds;
}

export interface WriteFeedInput {
  lang: Lang;
  quarterLabel: string;
  okrSheet: Sheet;
  firstRow: number;
  lastRow: number;
}

/** Writes the feed of a freshly built OKR sheet; returns the tab and what the user should know. */
export function writeFeedSheet(spreadsheet: Spreadsheet, input: WriteFeedInput): { sheet: Sheet; warnings: string[] } {
  const warnings: string[] = [];
  // The earlier feed named "OKR feed" steps aside, under its quarter's name, before the new one takes the name.
  for (const { sheet, quarter } of findFeedSheets(spreadsheet)) {
    if (sheet.getName() === FEED_SHEET_NAME) {
      sheet.setName(nextFreeSheetName(spreadsheet, `${FEED_SHEET_NAME} ${quarter || sheet.getSheetId()}`));
    }
  }
  const name = nextFreeSheetName(spreadsheet, FEED_SHEET_NAME);
  if (name !== FEED_SHEET_NAME) {
    warnings.push(rollupText(input.lang, 'warnFeedNameTaken', { name: FEED_SHEET_NAME, newName: name }));
  }
  const historySheet = findHistorySheet(spreadsheet);
  const layout = layoutFeed({
    lang: input.lang,
    quarterLabel: input.quarterLabel,
    okrSheetName: input.okrSheet.getName(),
    firstRow: input.firstRow,
    lastRow: input.lastRow,
    letter: (key) => columnLetter(columnOf(key)),
    teamCell: `${columnLetter(HEADER_PLACES.team.labelColumn + 1)}${HEADER_PLACES.team.row}`,
    quarterCell: `${columnLetter(HEADER_PLACES.quarter.labelColumn + 1)}${HEADER_PLACES.quarter.row}`,
    historySheetName: historySheet ? historySheet.getName() : checkInText(input.lang, 'historySheet'),
  });
  const sheet = spreadsheet.insertSheet(name, input.okrSheet.getIndex());
  writeSheetSpec(sheet, layout, 1);
  sheet.setFrozenRows(1);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  // The name moves to the newest feed: a company's IMPORTRANGE then follows the running quarter.
  if (spreadsheet.getRangeByName(layout.namedRange.name) !== null) spreadsheet.removeNamedRange(layout.namedRange.name);
  spreadsheet.setNamedRange(layout.namedRange.name, sheet.getRange(layout.namedRange.a1));
  sheet.protect().setDescription(rollupText(input.lang, 'feedProtection')).setWarningOnly(true);
  return { sheet, warnings };
}
