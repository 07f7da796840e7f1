// A dev-only spreadsheet engine for tests: HyperFormula with every formula of the add-on registered as a
// function, so a formula the add-on writes into a cell is computed for real. A formula that points at the
// wrong cell then gives the wrong number and the test fails, which no string comparison of formulas can do.
// Each custom function computes through `runFormula`, the very code Sheets calls, so values, blanks, spills
// and error messages are the add-on's own; only the cell plumbing (ranges, empty cells, dates as serial
// numbers, errors as #VALUE!) is HyperFormula's.
//
// Where HyperFormula differs from Sheets, and what this harness does about it:
// - It has no TRUE / FALSE literals, only the functions TRUE() and FALSE(); the harness defines TRUE and
//   FALSE as named expressions, so formulas written the Sheets way work.
// - By default it evaluates array expressions only inside ARRAYFORMULA (and FILTER). Sheets also does so in
//   SUMPRODUCT; HyperFormula instead reads `SUMPRODUCT((A1:A3="x")*B1:B3)` by implicit intersection and gives
//   a wrong number without an error. Wrap such a formula in ARRAYFORMULA (harmless in Sheets), or pass
//   `arrayArithmetic: true`, which also lets a plain `=A1:A3*2` spill where Sheets would not.
// - Values read back are rounded to about 10 significant digits (`precisionRounding`): compare with
//   `toBeCloseTo`.

import {
  ArraySize,
  CellError,
  type CellValue,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type RawCellContent,
  SimpleRangeValue,
} from 'hyperformula';
import { FORMULAS, type Formula } from '../../src/core/formulas';
import type { Lang } from '../../src/core/i18n';
import { runFormula } from '../../src/gas/custom-functions';

/** A cell as a test writes it: a value, a formula text (`=...`), or `null` for an empty cell. */
export type CellInput = string | number | boolean | null;

/** The engine a test talks to, addressed the way a person reads a sheet: a tab name and A1 notation. */
export interface FormulaEngine {
  /** The HyperFormula instance itself, for anything the helpers below do not cover. */
  readonly hf: HyperFormula;
  /**
   * The computed value of one cell: a number, text, boolean, `null` when empty, or the cell's error
   * (a `DetailedCellError`). A custom function that answers blank gives `''`, as in Sheets.
   */
  value(sheet: string, a1: string): CellValue;
  /** The computed values of a range such as `E2:E5`, row by row. */
  values(sheet: string, a1Range: string): CellValue[][];
  /** Writes a value or a formula into a cell; dependent cells (spills too) recompute. */
  setCell(sheet: string, a1: string, content: CellInput): void;
  /** The error message a cell shows on hover, or `null` when the cell holds no error. */
  formulaError(sheet: string, a1: string): string | null;
}

export interface FormulaEngineOptions {
  /** The language the custom functions write their error messages in; English by default. */
  lang?: Lang;
  /** Array arithmetic everywhere, not only in ARRAYFORMULA (see the note at the top); off by default. */
  arrayArithmetic?: boolean;
}

// Handed to every plugin instance through HyperFormula's `context` setting, since the plugin class is
// registered once per process while each engine may speak its own language.
interface EngineContext {
  lang: Lang;
}

// The types of HyperFormula's plugin internals are not exported; they are read off the methods we call.
type Ast = Parameters<FunctionPlugin['arraySizeForAst']>[0];
type State = Parameters<FunctionPlugin['arraySizeForAst']>[1];
interface FunctionCall {
  args: Ast[];
}

/**
 * Converts a value HyperFormula passes to what Apps Script would pass a custom function: a range becomes its
 * 2-D array, an empty cell `''`, a date its serial number (which the core reads as a date). A missing
 * optional argument stays `undefined`, as in Apps Script. An error in a range is returned as the error.
 * @example sheetsValue(EmptyValue) // ''
 */
function sheetsValue(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    const rows = value.data.map((row) => row.map(sheetsValue));
    const error = rows.flat().find((cell) => cell instanceof CellError);
    return error ?? rows;
  }
  if (value === EmptyValue) return '';
  // Dates, percents and currencies arrive as "rich numbers" carrying their format; the number is in `val`.
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: unknown }).val;
  return value;
}

/** A blank stand-in of an argument's shape: `''` for a single value, a grid of `''` for a range. */
function blankOfSize(size: ArraySize): unknown {
  // Not `isScalar()`: HyperFormula counts every reference, ranges too, as scalar there.
  if (size.width === 1 && size.height === 1) return '';
  return Array.from({ length: size.height }, () => Array.from({ length: size.width }, () => ''));
}

/** The plugin: one method per formula, computing through `runFormula`, and one that predicts its spill size. */
class OkrFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FORMULAS.map((formula) => [
      formula.name,
      {
        method: formula.name,
        sizeOfResultArrayMethod: `${formula.name}_SIZE`,
        // Sheets passes whatever a custom function is called with; every argument is optional here too.
        parameters: formula.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
        vectorizationForbidden: true,
      },
    ]),
  );

  /** Evaluates a formula call on its arguments, as the custom function in Sheets would. */
  compute(formula: Formula, call: FunctionCall, state: State): unknown {
    return this.runFunction(call.args, state, this.metadata(formula.name), (...args: unknown[]) => {
      const values = args.map(sheetsValue);
      const error = values.find((value) => value instanceof CellError);
      if (error) return error;
      const lang = (this.config.context as EngineContext | undefined)?.lang ?? 'en';
      try {
        const result = runFormula(formula, values, () => lang);
        return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result;
      } catch (thrown) {
        return new CellError(ErrorType.VALUE, thrown instanceof Error ? thrown.message : String(thrown));
      }
    });
  }

  /**
   * Predicts the spill size before any cell is computed (HyperFormula needs it when parsing): the formula is
   * run on blank arguments of the same shapes, which yields a single value or a grid of the answer's shape.
   */
  sizeOf(formula: Formula, call: FunctionCall, state: State): ArraySize {
    const sizes = call.args.map((arg) => this.arraySizeForAst(arg, state));
    try {
      const probe = formula.evaluate(sizes.map(blankOfSize));
      if (!Array.isArray(probe)) return ArraySize.scalar();
      return new ArraySize(Math.max(...probe.map((row) => row.length)), probe.length);
    } catch {
      // Mismatched shapes: the call answers with one error cell.
      return ArraySize.scalar();
    }
  }
}

for (const formula of FORMULAS) {
  Object.assign(OkrFunctionsPlugin.prototype, {
    [formula.name](this: OkrFunctionsPlugin, call: FunctionCall, state: State) {
      return this.compute(formula, call, state);
    },
    [`${formula.name}_SIZE`](this: OkrFunctionsPlugin, call: FunctionCall, state: State) {
      return this.sizeOf(formula, call, state);
    },
  });
}

/** Registers the plugin with HyperFormula, once per process (the registry is global to the library). */
function registerOnce(): void {
  if (HyperFormula.getFunctionPlugin(FORMULAS[0]?.name ?? '') !== undefined) return;
  const names = Object.fromEntries(FORMULAS.map((formula) => [formula.name, formula.name]));
  HyperFormula.registerFunctionPlugin(OkrFunctionsPlugin, { enGB: names });
}

/**
 * Builds an engine over named sheets given as rows of cells, with the add-on's formulas available.
 * @example
 * const engine = createFormulaEngine({ OKR: [[0, 4, 3, '=KR_SCORE(A1,B1,C1)']] });
 * engine.value('OKR', 'D1'); // 0.75
 */
export function createFormulaEngine(
  sheets: Record<string, CellInput[][]>,
  options: FormulaEngineOptions = {},
): FormulaEngine {
  registerOnce();
  const context: EngineContext = { lang: options.lang ?? 'en' };
  const hf = HyperFormula.buildFromSheets(
    sheets as Record<string, RawCellContent[][]>,
    { licenseKey: 'gpl-v3', context, useArrayArithmetic: options.arrayArithmetic ?? false },
    [
      { name: 'TRUE', expression: '=TRUE()' },
      { name: 'FALSE', expression: '=FALSE()' },
    ],
  );

  const sheetId = (sheet: string): number => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named "${sheet}"`);
    return id;
  };
  const address = (sheet: string, a1: string) => {
    const found = hf.simpleCellAddressFromString(a1, sheetId(sheet));
    if (!found) throw new Error(`"${a1}" is not a cell address`);
    return found;
  };

  return {
    hf,
    value: (sheet, a1) => hf.getCellValue(address(sheet, a1)),
    values: (sheet, a1Range) => {
      const range = hf.simpleCellRangeFromString(a1Range, sheetId(sheet));
      if (!range) throw new Error(`"${a1Range}" is not a range`);
      return hf.getRangeValues(range);
    },
    setCell: (sheet, a1, content) => {
      hf.setCellContents(address(sheet, a1), content);
    },
    formulaError: (sheet, a1) => {
      const value = hf.getCellValue(address(sheet, a1));
      return value instanceof DetailedCellError ? value.message || value.value : null;
    },
  };
}
