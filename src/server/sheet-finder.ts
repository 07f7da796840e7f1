// The one lookup behind each sheet kind's finder: the add-on marks every sheet it makes with developer
// metadata on the sheet (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder),
// so a renamed or moved sheet is still found, and a sheet the user made with the same name is not.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The first sheet whose own metadata has `key` = `value`, or `null`; a copy of it (same metadata) loses to the first. */
export function findSheetByMetadata(spreadsheet: Spreadsheet, key: string, value: string): Sheet | null {
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(key)
    .withValue(value)
    .find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}
