// Turns a core formula into a custom function Sheets can call. The core answers with numbers, texts, words
// (CellWord) and located InputErrors; here a word or an error becomes text in the spreadsheet's language: an
// error thrown (shown as #ERROR! with the message on hover) for a single cell, or written into its own cell
// of a range result. The language is looked up only when there is a word or an error to render.

import { CellWord } from '../core/cell-word';
import type { Formula } from '../core/formulas';
import type { CellOutcome, FormulaOutcome } from '../core/grid';
import type { Lang } from '../core/i18n';
import { InputError } from '../core/input-error';
import { spreadsheetLang } from '../server/language';

export type CustomFunctionValue = number | string | boolean | (number | string | boolean)[][];

/** Runs a formula as Sheets would, rendering errors with `lang` (looked up only when there is an error). */
export function runFormula(formula: Formula, args: readonly unknown[], lang: () => Lang): CustomFunctionValue {
  let outcome: FormulaOutcome;
  try {
    outcome = formula.evaluate(args);
  } catch (error) {
    if (error instanceof InputError) throw new Error(error.render(lang()));
    // A bug of ours: say which function failed and why, never a stack trace.
    throw new Error(`${formula.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(outcome)) return renderCell(outcome, lang);
  return outcome.map((row) => row.map((cell) => renderCell(cell, lang)));
}

function renderCell(cell: CellOutcome, lang: () => Lang): number | string | boolean {
  return cell instanceof InputError || cell instanceof CellWord ? cell.render(lang()) : cell;
}

/** The custom function for a formula: named arguments in, a value or a 2-D range out. */
export function customFunction(formula: Formula): (...args: unknown[]) => CustomFunctionValue {
  return (...args) => runFormula(formula, args, spreadsheetLang);
}
