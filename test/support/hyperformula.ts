// A dev-only spreadsheet engine for tests: HyperFormula with every formula of the add-on registered as a
// function, so a formula the add-on writes into a cell is computed for real. A formula that points at the
// wrong cell then gives the wrong number and the test fails, which no string comparison of formulas can do.
// Each custom function computes through `runFormula`, the very code Sheets calls, so values, blanks, spills
// and error messages are the add-on's own; the cell plumbing (ranges, empty cells, dates as serial numbers,
// a thrown error as #ERROR!) is the plugin in local/formula-functions.ts, which the local runtime shares.
//
// Where HyperFormula differs from Sheets, and what this harness does about it:
// - It has no TRUE / FALSE literals, only the functions TRUE() and FALSE(); the harness defines TRUE and
//   FALSE as named expressions (SHEETS_NAMED_EXPRESSIONS), so formulas written the Sheets way work.
// - It computes an array literal such as `={"Score"; KR_SCORE(…)}` once and never again after an edit; the
//   local runtime (local/sheets-syntax.ts) rewrites such formulas, this harness does not.
// - By default it evaluates array expressions only inside ARRAYFORMULA (and FILTER). Sheets also does so in
//   SUMPRODUCT; HyperFormula instead reads `SUMPRODUCT((A1:A3="x")*B1:B3)` by implicit intersection and gives
//   a wrong number without an error. Wrap such a formula in ARRAYFORMULA (harmless in Sheets), or pass
//   `arrayArithmetic: true`, which also lets a plain `=A1:A3*2` spill where Sheets would not.
// - It reads formulas in en_US syntax only; the add-on writes `;` between arguments (src/core/formula-text.ts),
//   so every formula is first read in the locale's syntax (`locale`, en_US by default) by the local
//   spreadsheet's own reader, `readLocaleFormula`, and a formula that does not parse there becomes #ERROR!.
// - Values read back are rounded to about 10 significant digits (`precisionRounding`): compare with
//   `toBeCloseTo`.

import { type CellValue, DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import {
  type CustomFunctionHost,
  registerCustomFunctions,
  SHEETS_NAMED_EXPRESSIONS,
} from '../../local/formula-functions';
import { readLocaleFormula } from '../../local/sheets-syntax';
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
  /** The spreadsheet locale whose syntax formulas are written in (`pl_PL`: `;` and `,` decimals); `en_US` by default. */
  locale?: string;
}

const BY_NAME = new Map<string, Formula>(FORMULAS.map((formula) => [formula.name, formula]));

/** The core's formulas as the custom functions of an engine; dates stay serial numbers. */
function coreFunctions(lang: Lang): CustomFunctionHost {
  return {
    call(name, args) {
      const formula = BY_NAME.get(name);
      if (!formula) throw new Error(`Unknown function ${name}`);
      return runFormula(formula, args, () => lang);
    },
  };
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
  registerCustomFunctions(FORMULAS.map((formula) => ({ name: formula.name, params: formula.params.length })));
  const context = { customFunctions: coreFunctions(options.lang ?? 'en') };
  const locale = options.locale ?? 'en_US';
  const read = (content: CellInput): CellInput =>
    typeof content === 'string' && content.startsWith('=')
      ? (readLocaleFormula(content, locale) ?? '=#ERROR!')
      : content;
  const hf = HyperFormula.buildFromSheets(
    Object.fromEntries(
      Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => row.map(read))]),
    ) as Record<string, RawCellContent[][]>,
    { licenseKey: 'gpl-v3', context, useArrayArithmetic: options.arrayArithmetic ?? false },
    SHEETS_NAMED_EXPRESSIONS,
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
      hf.setCellContents(address(sheet, a1), read(content));
    },
    formulaError: (sheet, a1) => {
      const value = hf.getCellValue(address(sheet, a1));
      return value instanceof DetailedCellError ? value.message || value.value : null;
    },
  };
}
