// The shape of `runtime.snapshot()`: the whole local spreadsheet as a viewer sees it, JSON-safe (plain
// objects, arrays, strings, numbers, booleans, null; no Date). The playground paints its grid from it and
// the xlsx exporter writes a workbook from it, so it carries both what a cell shows (computed value,
// display text, effective colours after conditional formatting) and what it is made of (formula, number
// format, own background, the rules and validations themselves).
//
// Conventions: rows and columns are 1-based, as in Apps Script; `a1` is A1 notation without a sheet name;
// colours are `#rrggbb` lowercase; dates are serial numbers (day 0 = 1899-12-30, in the spreadsheet's time
// zone) with `type: 'date'`, the way a spreadsheet file stores them.

import type { RuleFormat } from './spreadsheet/rules';

/** The whole workbook. */
export interface WorkbookSnapshot {
  /** The spreadsheet locale (`pl_PL`), which decides separators and how typed text is read. */
  locale: string;
  /** The spreadsheet time zone (`Europe/Warsaw`). */
  timeZone: string;
  /** The spreadsheet's name (Sheets' file title). */
  name: string;
  /** The name of the active sheet. */
  activeSheet: string;
  /** Every sheet, in tab order; or only the ones asked for (`runtime.snapshot(sheetIds)`). */
  sheets: SheetSnapshot[];
  /** Named ranges of the whole spreadsheet. */
  namedRanges: NamedRangeSnapshot[];
  /** The add-on menu as the last `onOpen` built it (empty until `call('onOpen')`). */
  menu: MenuEntrySnapshot[];
}

export interface SheetSnapshot {
  /** `getSheetId()`: stable across renames. */
  id: number;
  name: string;
  /** 0-based position among the tabs. */
  index: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenColumns: number;
  /** The sheet's size (`getMaxRows`, `getMaxColumns`). */
  maxRows: number;
  maxColumns: number;
  /**
   * The extent `cells` covers: the last row and column holding anything (a value, a spilled value, a
   * format, a note, a validation). Cells beyond it are blank with default formats.
   */
  rows: number;
  columns: number;
  /** `rows` × `columns`; `null` for a cell that is blank and has default formats. */
  cells: (CellSnapshot | null)[][];
  /** Width in pixels of each column 1…`maxColumns` (index 0 is column A). */
  columnWidths: number[];
  merges: string[];
  /** Conditional-format rules in order (an earlier rule wins where two colour the same cell). */
  conditionalRules: ConditionalRuleSnapshot[];
  protections: ProtectionSnapshot[];
  /** Embedded charts, with the data they plot read from their range (absent when the sheet has none). */
  charts?: ChartSnapshot[];
}

/**
 * An embedded chart and its data: the first row of its range names the series, the first column holds the
 * categories (as displayed), each further column one series of numbers (`null` where a cell is no number).
 */
export interface ChartSnapshot {
  id: number;
  /** `Charts.ChartType` name: BAR, LINE, COLUMN, … */
  type: string;
  title: string;
  /** Where its top-left corner sits: the anchor cell, and pixels from it. */
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  /** The data range, A1 on its sheet. */
  range: string;
  stacked: boolean;
  /** Colours set for the series (`colors` option), in order; empty when left to the viewer. */
  colors: string[];
  /** Per series (by 0-based index), what the `series` option sets: a colour, a dash pattern. */
  seriesStyles: Record<string, { color?: string; dash?: number[] }>;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export type ValueType = 'empty' | 'number' | 'date' | 'text' | 'boolean' | 'error';

export interface CellValueSnapshot {
  type: ValueType;
  /**
   * The computed value: a number (a date as its serial number), text, a boolean, `null` when empty, or
   * for an error its code (`#ERROR!`, `#REF!`, `#DIV/0!`).
   */
  raw: number | string | boolean | null;
  /** What the cell shows: the number format applied in the spreadsheet's locale. */
  display: string;
  /** For an error, the message Sheets shows on hover. */
  error?: string;
}

export interface CellSnapshot {
  a1: string;
  value: CellValueSnapshot;
  /** The formula as written (Sheets syntax, English names), `null` for a value. */
  formula: string | null;
  /** True when the value comes from an array formula in another cell (the cell itself is empty). */
  spilled: boolean;
  numberFormat: string;
  /** What the cell is painted with: the first matching conditional rule's background, else its own. */
  background: string;
  /** The cell's own background (`setBackground`), without conditional formatting. */
  ownBackground: string;
  /** Font colour after conditional formatting. */
  fontColor: string;
  /** Font weight after conditional formatting. */
  fontWeight: 'normal' | 'bold';
  horizontalAlignment: string;
  wrap: boolean;
  /** The note (`setNote`), '' when none. */
  note: string;
  validation: ValidationSnapshot | null;
  /** A SPARKLINE cell: the numbers its small line chart plots (the cell's value itself is empty). */
  sparkline?: number[];
}

/** A data-validation rule. `list` is a dropdown; other criteria are named as in Apps Script. */
export type ValidationSnapshot =
  | { kind: 'list'; values: string[]; showDropdown: boolean; allowInvalid: boolean; help: string }
  | { kind: 'range'; range: string; showDropdown: boolean; allowInvalid: boolean; help: string }
  | { kind: 'number'; criteria: string; values: number[]; allowInvalid: boolean; help: string }
  | { kind: 'other'; criteria: string; values: JsonValue[]; allowInvalid: boolean; help: string };

/** A conditional-format rule; its format fields (background, fontColor, bold…) are the fake's own. */
export interface ConditionalRuleSnapshot extends RuleFormat {
  /** A1 ranges the rule applies to; a custom formula is written for the first cell of the first one. */
  ranges: string[];
  /** `BooleanCriteria` name: `CUSTOM_FORMULA`, `TEXT_EQUAL_TO`, `NUMBER_GREATER_THAN`… */
  criteria: string;
  /** Its arguments: the formula, the text, the numbers (dates as serial numbers, relative dates by name). */
  values: JsonValue[];
}

export interface ProtectionSnapshot {
  /** A1 range; `null` for the whole sheet. */
  range: string | null;
  description: string;
  /** Warning-only: anyone may edit after a confirmation. */
  warningOnly: boolean;
  /** Ranges a sheet protection leaves editable. */
  unprotected: string[];
}

export interface NamedRangeSnapshot {
  name: string;
  sheet: string;
  range: string;
}

export type MenuEntrySnapshot =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; entries: MenuEntrySnapshot[] };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
