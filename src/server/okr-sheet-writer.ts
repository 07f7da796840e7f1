// Writes a laid-out OKR sheet (src/core/okr-sheet/layout.ts) into a sheet in a fixed number of batched
// calls: one region for contents, formats, weights and fills, one for dropdowns, one merge of the
// conditional-format rules, then the frozen rows, widths, protections, names and metadata. Nothing here
// loops over key results, so a quarter of 100 KRs costs the same calls as one of 9.

import type { Lang } from '../core/i18n';
import { cellInput } from '../core/okr-sheet/cells';
import { METADATA } from '../core/okr-sheet/columns';
import type { QuarterLayout } from '../core/okr-sheet/layout';
import { sheetText } from '../core/okr-sheet/texts';
import type { ConditionalRuleSpec, ValidationSpec } from '../core/sheet-spec';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes the whole layout into `sheet` (a new, empty sheet). */
export function writeQuarterLayout(spreadsheet: Spreadsheet, sheet: Sheet, layout: QuarterLayout): void {
  ensureSize(sheet, layout.lastRow, layout.lastColumn);
  const region = sheet.getRange(1, 1, layout.lastRow, layout.lastColumn);
  // Formats first: a value then shows in its unit from the start.
  region.setNumberFormats(layout.numberFormats);
  // Formulas are `=…` texts and user texts carry an apostrophe (cellInput), so one setValues writes both
  // and no title can turn into a formula.
  region.setValues(layout.cells.map((row) => row.map(cellInput)));
  region.setFontWeights(layout.fontWeights);
  region.setBackgrounds(layout.backgrounds);
  writeValidations(sheet, layout);
  for (const { a1, note } of layout.notes) sheet.getRange(a1).setNote(note);
  mergeConditionalRules(sheet, layout.conditionalRules);
  sheet.setFrozenRows(layout.frozenRows);
  for (const { column, width } of layout.columnWidths) sheet.setColumnWidth(column, width);
  for (const { a1, description } of layout.protections) {
    sheet.getRange(a1).protect().setDescription(description).setWarningOnly(true);
  }
  writeNamedRanges(spreadsheet, sheet, layout);
  for (const { key, value } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  // Column and row metadata must sit on whole columns and rows; they then move with them.
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  for (const { column, key, value } of layout.columnMetadata) {
    sheet.getRange(1, column, maxRows, 1).addDeveloperMetadata(key, value);
  }
  for (const { row, key, value } of layout.rowMetadata) {
    sheet.getRange(row, 1, 1, maxColumns).addDeveloperMetadata(key, value);
  }
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** One setDataValidations over the data rows; each distinct rule is built once and shared by its cells. */
function writeValidations(sheet: Sheet, layout: QuarterLayout): void {
  const built = new Map<ValidationSpec, GoogleAppsScript.Spreadsheet.DataValidation>();
  const rule = (spec: ValidationSpec | null) => {
    if (spec === null) return null;
    let made = built.get(spec);
    if (!made) {
      const builder = SpreadsheetApp.newDataValidation();
      if (spec.kind === 'list') builder.requireValueInList([...spec.values], true);
      else builder.requireNumberBetween(spec.min, spec.max);
      made = builder.setAllowInvalid(spec.allowInvalid).setHelpText(spec.help).build();
      built.set(spec, made);
    }
    return made;
  };
  const rows = layout.validations.map((row) => row.map(rule));
  sheet.getRange(layout.firstDataRow, 1, rows.length, layout.lastColumn).setDataValidations(rows);
}

/**
 * Sets the add-on's conditional-format rules on a sheet, keeping every rule the user made. Sheets has only
 * "replace all rules", so the rules are read, the add-on's own earlier ones (recognised by their formula)
 * left out, and the user's written back first: where both colour a cell, the user's rule wins.
 */
export function mergeConditionalRules(sheet: Sheet, specs: readonly ConditionalRuleSpec[]): void {
  const ours = new Set(specs.map((spec) => spec.formula));
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const condition = rule.getBooleanCondition();
    if (!condition) return true;
    const isFormula = condition.getCriteriaType() === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA;
    return !(isFormula && ours.has(String(condition.getCriteriaValues()[0] ?? '')));
  });
  const added = specs.map((spec) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges(spec.ranges.map((a1) => sheet.getRange(a1)))
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...added]);
}

/** `OKR_Q1_2027`: a named-range prefix from the quarter label, unique in the spreadsheet. */
function writeNamedRanges(spreadsheet: Spreadsheet, sheet: Sheet, layout: QuarterLayout): void {
  const base = `OKR_${layout.label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
  const first = layout.namedRanges[0];
  let prefix = base;
  // Another sheet of the same quarter (a copy, an earlier build) already has the plain names.
  for (let n = 2; first && spreadsheet.getRangeByName(`${prefix}_${first.suffix}`) !== null; n++)
    prefix = `${base}_${n}`;
  for (const { suffix, a1 } of layout.namedRanges) spreadsheet.setNamedRange(`${prefix}_${suffix}`, sheet.getRange(a1));
}

/** The first of `name`, `name (2)`, `name (3)`… that no sheet has. */
export function nextFreeSheetName(spreadsheet: Spreadsheet, name: string): string {
  if (spreadsheet.getSheetByName(name) === null) return name;
  let n = 2;
  while (spreadsheet.getSheetByName(`${name} (${n})`) !== null) n++;
  return `${name} (${n})`;
}

/**
 * Closes a quarter's sheet: its values and formulas stay exactly as they are, the whole sheet gets a
 * warning-only protection (the owner can still correct a value after a confirmation), and metadata marks
 * it closed so the sidebar can tell.
 */
export function freezeQuarterSheet(sheet: Sheet, lang: Lang, label: string, closedOn: string): void {
  sheet
    .protect()
    .setDescription(sheetText(lang, 'frozenProtection', { quarter: label }))
    .setWarningOnly(true);
  sheet.addDeveloperMetadata(METADATA.frozen, closedOn);
}
