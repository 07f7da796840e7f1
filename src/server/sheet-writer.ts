// Writes a laid-out sheet (src/core/sheet-spec.ts) in a fixed number of batched calls, for both the OKR sheet
// and the check-in tab: one region for contents, formats, weights and fills, one setDataValidations, the
// notes and one merge of the colour rules. What only one of them has (frozen rows, protections, names,
// regions) its own writer adds after. Nothing here loops over key results, so 100 KRs cost what 9 do.

import { cellInput } from '../core/okr-sheet/cells';
import type { ConditionalRuleSpec, SheetSpec, ValidationSpec } from '../core/sheet-spec';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Writes `spec` into `sheet` (a new, empty sheet) from A1. Its `validations` start at row `validationsFrom`;
 * from row 1 they go on the same region as the contents, with no further getRange.
 */
export function writeSheetSpec(sheet: Sheet, spec: SheetSpec, validationsFrom: number): void {
  ensureSize(sheet, spec.lastRow, spec.lastColumn);
  const region = sheet.getRange(1, 1, spec.lastRow, spec.lastColumn);
  // Formats first: a value then shows in its unit from the start.
  region.setNumberFormats(spec.numberFormats);
  // Formulas are `=…` texts and user texts carry an apostrophe (cellInput), so one setValues writes both
  // and no title or comment can turn into a formula.
  region.setValues(spec.cells.map((row) => row.map(cellInput)));
  region.setFontWeights(spec.fontWeights);
  region.setBackgrounds(spec.backgrounds);
  const rules = buildValidations(spec.validations);
  const validated =
    validationsFrom === 1 && rules.length === spec.lastRow
      ? region
      : sheet.getRange(validationsFrom, 1, rules.length, spec.lastColumn);
  validated.setDataValidations(rules);
  for (const { a1, note } of spec.notes) sheet.getRange(a1).setNote(note);
  mergeConditionalRules(sheet, spec.conditionalRules);
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** The dropdowns and number checks of a grid, each distinct rule built once and shared by its cells. */
function buildValidations(specs: readonly (readonly (ValidationSpec | null)[])[]): (DataValidation | null)[][] {
  const built = new Map<ValidationSpec, DataValidation>();
  const rule = (spec: ValidationSpec | null) => {
    if (spec === null) return null;
    let made = built.get(spec);
    if (!made) {
      const builder = SpreadsheetApp.newDataValidation();
      if (spec.kind === 'list') builder.requireValueInList([...spec.values], true);
      else if (spec.kind === 'number') builder.requireNumberBetween(spec.min, spec.max);
      // A checkbox holds TRUE or FALSE and nothing else, so nothing invalid can be typed into it.
      else builder.requireCheckbox();
      made = builder
        .setAllowInvalid(spec.kind === 'checkbox' ? false : spec.allowInvalid)
        .setHelpText(spec.help)
        .build();
      built.set(spec, made);
    }
    return made;
  };
  return specs.map((row) => row.map(rule));
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
