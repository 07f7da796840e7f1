// Reads the local, in-memory spreadsheet (the typed fake of the Spreadsheet services) into the neutral
// .xlsx model of xlsx.ts: every sheet's cells (values, formulas, number formats, bold, colours, alignment),
// column widths, frozen rows and columns, merges, tab colour, visibility, conditional-format rules,
// data validation, and the named ranges. It reads the fake's state directly, not through the counted
// Apps Script methods, so exporting costs no service calls.
//
// What Excel has no place for is left out on purpose: developer metadata, warning-only protections (Excel
// protects a sheet or nothing). What a person would miss is named in `notices`: notes, and rules whose
// condition has no .xlsx form (relative dates, e-mail and URL checks, checkboxes).
//
// Dates become date serials in the spreadsheet's time zone (a date cell shows the day Sheets shows), with a
// date format when the cell has none.

import { DASHBOARD_METADATA, PAGE } from '../src/core/dashboard/dashboard';
import { readLocaleFormula } from './sheets-syntax';
import { columnLetters } from './spreadsheet/a1';
import type { FakeDataValidation } from './spreadsheet/data-validation';
import { enumName } from './spreadsheet/enums';
import { BLANK, type Cell, type GridRange } from './spreadsheet/grid';
import type { FakeRange } from './spreadsheet/range';
import type { RuleSpec } from './spreadsheet/rules';
import type { FakeSheet } from './spreadsheet/sheet';
import type { FakeSpreadsheet } from './spreadsheet/spreadsheet';
import { isDate } from './spreadsheet/values';
import {
  dateSerial,
  quoteSheetName,
  type XlsxCell,
  type XlsxComparison,
  type XlsxConditionalFormat,
  type XlsxContent,
  type XlsxSheet,
  type XlsxStyle,
  type XlsxValidation,
  type XlsxValidationRule,
  type XlsxWorkbook,
} from './xlsx';

/** The dashboard's printed page: its title and chart slots (src/core/dashboard/dashboard.ts, PAGE). */
const DASHBOARD_PAGE = `A1:${columnLetters(PAGE.columns)}${PAGE.rows}`;

function isDashboard(sheet: FakeSheet): boolean {
  return sheet.book.metadata.some(
    (m) =>
      m.location.type === 'SHEET' &&
      m.location.sheetId === sheet.id &&
      m.key === DASHBOARD_METADATA.kind &&
      m.value === DASHBOARD_METADATA.kindValue,
  );
}

/** The workbook model of the local spreadsheet, ready for `writeXlsx`. */
export function workbookFromFake(spreadsheet: FakeSpreadsheet): XlsxWorkbook {
  const notices: string[] = [];
  const sheets = spreadsheet.sheets.map((sheet) =>
    sheetFromFake(sheet, spreadsheet.timeZone, spreadsheet.locale, notices),
  );
  const definedNames = [...spreadsheet.namedRanges].flatMap(([name, anchor]) => {
    const sheet = spreadsheet.sheetById(anchor.sheetId);
    return sheet ? [{ name, ref: `${quoteSheetName(sheet.name)}!${a1Of(anchor, true)}` }] : [];
  });
  return {
    sheets,
    activeSheet: Math.max(0, spreadsheet.sheets.indexOf(spreadsheet.activeSheet())),
    definedNames,
    notices,
  };
}

function sheetFromFake(sheet: FakeSheet, timeZone: string, locale: string, notices: string[]): XlsxSheet {
  // Formulas are kept as typed, in the locale's syntax (`;` between arguments, `,` in Polish decimals); the
  // file holds them in en_US syntax, which Excel and LibreOffice read. One that does not parse stays text.
  let unparsed = 0;
  const read = (formula: string): string | null => {
    const translated = readLocaleFormula(formula, locale);
    if (translated === null) unparsed++;
    return translated;
  };
  const { grid } = sheet;
  const cells: XlsxCell[] = [];
  const validationCells = new Map<string, { validation: Omit<XlsxValidation, 'ranges'>; cells: [number, number][] }>();
  let notes = 0;
  let unsupportedValidations = 0;
  for (let row = 1; row <= grid.maxRows; row++) {
    for (let column = 1; column <= grid.maxColumns; column++) {
      const cell = grid.peek(row, column);
      if (cell === BLANK) continue;
      if (cell.note) notes++;
      if (cell.validation) {
        const validation = validationOf(cell.validation, timeZone);
        if (validation === null) unsupportedValidations++;
        else {
          const key = JSON.stringify(validation);
          const group = validationCells.get(key) ?? { validation, cells: [] };
          group.cells.push([row, column]);
          validationCells.set(key, group);
        }
      }
      const content = contentOf(cell, timeZone, read);
      const style = styleOf(cell, content !== null && isDate(cell.value));
      if (content === null && style === undefined) continue;
      cells.push({ row, column, content, ...(style ? { style } : {}) });
    }
  }
  if (notes) notices.push(`${sheet.name}: ${notes} cell note(s) are not exported`);
  if (sheet.charts.length > 0) {
    const titles = sheet.charts.map((chart) => `“${String(chart.options.title ?? chart.type)}”`).join(', ');
    notices.push(
      `${sheet.name}: its ${sheet.charts.length} chart(s) (${titles}) are not exported; the data they plot is, in the same cells`,
    );
  }
  if (unparsed) notices.push(`${sheet.name}: ${unparsed} formula(s) that do not parse are exported as text`);
  if (unsupportedValidations) {
    notices.push(`${sheet.name}: ${unsupportedValidations} cell(s) lose a validation rule .xlsx cannot express`);
  }

  const conditionalFormats: XlsxConditionalFormat[] = [];
  for (const rule of sheet.rules) {
    const first = rule.ranges[0];
    const written = first ? ruleFormula(rule.spec, a1Of(first, false).split(':')[0] as string, timeZone) : null;
    const formula = written === null ? null : readLocaleFormula(written, locale);
    if (formula === null) {
      notices.push(`${sheet.name}: a conditional-format rule (${enumName(rule.spec.criteria)}) is not exported`);
      continue;
    }
    conditionalFormats.push({
      ranges: rule.ranges.map((range) => a1Of(range, false)),
      formula,
      ...lookOf(rule.spec),
    });
  }

  const lastUsedColumn = cells.reduce((last, cell) => Math.max(last, cell.column), grid.lastColumn());
  return {
    name: sheet.name,
    cells,
    // Every column up to the last one that holds anything, so unset columns keep Sheets' 100 pixels too.
    columnWidths: Array.from({ length: lastUsedColumn }, (_, i) => ({ column: i + 1, width: grid.columnWidth(i + 1) })),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    // The frozen rows are the sheet's header (title, as-of date, column titles): they repeat on every page.
    printTitleRows: sheet.frozenRows,
    ...(isDashboard(sheet) ? { printArea: DASHBOARD_PAGE } : {}),
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    merges: sheet.merges.map((merge) => a1Of(merge, false)),
    conditionalFormats,
    validations: [...validationCells.values()].map(({ validation, cells }) => ({
      ranges: rectangles(cells),
      ...validation,
    })),
  };
}

function contentOf(
  cell: Readonly<Cell>,
  timeZone: string,
  read: (formula: string) => string | null,
): XlsxContent | null {
  if (cell.formula) {
    const formula = read(cell.formula);
    return formula === null ? { text: cell.formula } : { formula };
  }
  const value = cell.value;
  if (typeof value === 'number') return { number: value };
  if (typeof value === 'boolean') return { boolean: value };
  if (isDate(value)) return { number: dateSerial(value, timeZone) };
  return value === '' ? null : { text: value };
}

function styleOf(cell: Readonly<Cell>, isDateValue: boolean): XlsxStyle | undefined {
  const style: XlsxStyle = {};
  let numberFormat = cell.numberFormat === BLANK.numberFormat ? '' : cell.numberFormat;
  if (isDateValue && (numberFormat === '' || !/[dmy]/i.test(numberFormat))) numberFormat = 'yyyy-mm-dd';
  if (numberFormat) style.numberFormat = numberFormat;
  if (cell.fontWeight === 'bold') style.bold = true;
  if (cell.fontColor !== BLANK.fontColor) style.fontColor = cell.fontColor;
  if (cell.background !== BLANK.background) style.fill = cell.background;
  const align = cell.horizontalAlignment;
  if (align === 'left' || align === 'center' || align === 'right') style.horizontal = align;
  if (cell.wrap) style.wrap = true;
  return Object.keys(style).length ? style : undefined;
}

function lookOf(spec: Readonly<RuleSpec>): Omit<XlsxConditionalFormat, 'ranges' | 'formula'> {
  const look: Omit<XlsxConditionalFormat, 'ranges' | 'formula'> = {};
  if (spec.background) look.fill = spec.background;
  if (spec.fontColor) look.fontColor = spec.fontColor;
  if (spec.bold) look.bold = true;
  if (spec.italic) look.italic = true;
  if (spec.strikethrough) look.strikethrough = true;
  if (spec.underline) look.underline = true;
  return look;
}

/** A formula string literal. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A conditional-format condition as one custom formula on `cell`, the first cell of the rule's first range
 * (Excel's "cell value" rule types differ from Sheets' in how they treat text, so formulas say it exactly).
 * `null` for a condition with no formula form here (relative dates).
 */
function ruleFormula(spec: Readonly<RuleSpec>, cell: string, timeZone: string): string | null {
  const [a, b] = spec.values;
  const n = (value: unknown) => String(Number(value));
  const isNum = `ISNUMBER(${cell})`;
  const day = (value: unknown) => (isDate(value) ? String(Math.floor(dateSerial(value, timeZone))) : null);
  // SEARCH reads * ? ~ as wildcards; ~ makes them literal.
  const search = (text: unknown) => `ISNUMBER(SEARCH(${quoted(String(text).replace(/[*?~]/g, '~$&'))},${cell}))`;
  switch (enumName(spec.criteria)) {
    case 'CUSTOM_FORMULA':
      return String(a ?? '');
    case 'CELL_EMPTY':
      return `=LEN(${cell})=0`;
    case 'CELL_NOT_EMPTY':
      return `=LEN(${cell})>0`;
    case 'NUMBER_BETWEEN':
      return `=AND(${isNum},${cell}>=${n(a)},${cell}<=${n(b)})`;
    case 'NUMBER_NOT_BETWEEN':
      return `=AND(${isNum},OR(${cell}<${n(a)},${cell}>${n(b)}))`;
    case 'NUMBER_EQUAL_TO':
      return `=AND(${isNum},${cell}=${n(a)})`;
    case 'NUMBER_NOT_EQUAL_TO':
      return `=AND(${isNum},${cell}<>${n(a)})`;
    case 'NUMBER_GREATER_THAN':
      return `=AND(${isNum},${cell}>${n(a)})`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `=AND(${isNum},${cell}>=${n(a)})`;
    case 'NUMBER_LESS_THAN':
      return `=AND(${isNum},${cell}<${n(a)})`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `=AND(${isNum},${cell}<=${n(a)})`;
    case 'TEXT_CONTAINS':
      return `=${search(a)}`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `=NOT(${search(a)})`;
    case 'TEXT_EQUAL_TO':
      return `=${cell}=${quoted(String(a))}`;
    case 'TEXT_STARTS_WITH':
      return `=LEFT(${cell},${String(a).length})=${quoted(String(a))}`;
    case 'TEXT_ENDS_WITH':
      return `=RIGHT(${cell},${String(a).length})=${quoted(String(a))}`;
    case 'DATE_AFTER':
      return day(a) === null ? null : `=AND(${isNum},INT(${cell})>${day(a)})`;
    case 'DATE_BEFORE':
      return day(a) === null ? null : `=AND(${isNum},INT(${cell})<${day(a)})`;
    case 'DATE_EQUAL_TO':
      return day(a) === null ? null : `=AND(${isNum},INT(${cell})=${day(a)})`;
    default:
      return null;
  }
}

const COMPARISONS: Record<string, XlsxComparison> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  AFTER: 'greaterThan',
  BEFORE: 'lessThan',
  ON_OR_AFTER: 'greaterThanOrEqual',
  ON_OR_BEFORE: 'lessThanOrEqual',
};

/** A validation rule in the model's terms; `null` when .xlsx has no form for it. */
function validationOf(validation: FakeDataValidation, timeZone: string): Omit<XlsxValidation, 'ranges'> | null {
  const { criteria, values, allowInvalid, helpText } = validation.spec;
  const rule = validationRule(enumName(criteria), values, timeZone);
  return rule === null ? null : { rule, allowInvalid, help: helpText ?? '' };
}

function validationRule(criteria: string, values: readonly unknown[], timeZone: string): XlsxValidationRule | null {
  const [a, b] = values;
  if (criteria === 'VALUE_IN_LIST') {
    return { kind: 'list', values: (Array.isArray(a) ? a : []).map(String), showDropdown: b !== false };
  }
  if (criteria === 'VALUE_IN_RANGE') {
    const range = a as FakeRange;
    const area = range.area;
    const ref = `${quoteSheetName(range.sheet.name)}!${absolute(area.row, area.column, area.numRows, area.numColumns)}`;
    return { kind: 'listRange', ref, showDropdown: b !== false };
  }
  if (criteria === 'CUSTOM_FORMULA') return { kind: 'formula', formula: String(a ?? '') };
  const number = /^NUMBER_(.+)$/.exec(criteria);
  const numberOperator = number ? COMPARISONS[number[1] as string] : undefined;
  if (numberOperator) return { kind: 'number', operator: numberOperator, values: values.map(Number) };
  if (criteria === 'DATE_IS_VALID_DATE') return { kind: 'date', operator: 'greaterThanOrEqual', values: [1] };
  const date = /^DATE_(.+)$/.exec(criteria);
  const dateOperator = date ? COMPARISONS[date[1] as string] : undefined;
  if (dateOperator && values.every(isDate)) {
    return {
      kind: 'date',
      operator: dateOperator,
      values: values.map((d) => Math.floor(dateSerial(d as Date, timeZone))),
    };
  }
  return null;
}

function absolute(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `$${columnLetters(column)}$${row}`;
  const last = `$${columnLetters(column + numColumns - 1)}$${row + numRows - 1}`;
  return first === last ? first : `${first}:${last}`;
}

/** `M7:M46` (or `$M$7:$M$46`) of an anchored rectangle; a single cell as `M7`. */
function a1Of(anchor: GridRange, fixed: boolean): string {
  const { row, column, numRows, numColumns } = anchor.area;
  if (fixed) return absolute(row, column, numRows, numColumns);
  const first = `${columnLetters(column)}${row}`;
  const last = `${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * Cells as few rectangles: runs of rows within each column, then neighbouring columns with the same runs
 * joined. Enough for the column-shaped validations a sheet has, and exact for any set of cells.
 */
function rectangles(cells: readonly [number, number][]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const [row, column] of cells) {
    const rows = byColumn.get(column);
    if (rows) rows.push(row);
    else byColumn.set(column, [row]);
  }
  const runsOf = (rows: number[]) => {
    const sorted = [...rows].sort((x, y) => x - y);
    const runs: [number, number][] = [];
    for (const row of sorted) {
      const last = runs[runs.length - 1];
      if (last && last[1] === row - 1) last[1] = row;
      else runs.push([row, row]);
    }
    return runs;
  };
  const blocks: { first: number; last: number; runs: [number, number][]; key: string }[] = [];
  for (const column of [...byColumn.keys()].sort((x, y) => x - y)) {
    const runs = runsOf(byColumn.get(column) as number[]);
    const key = JSON.stringify(runs);
    const previous = blocks[blocks.length - 1];
    if (previous && previous.last === column - 1 && previous.key === key) previous.last = column;
    else blocks.push({ first: column, last: column, runs, key });
  }
  return blocks.flatMap(({ first, last, runs }) =>
    runs.map(([top, bottom]) => {
      const from = `${columnLetters(first)}${top}`;
      const to = `${columnLetters(last)}${bottom}`;
      return from === to ? from : `${from}:${to}`;
    }),
  );
}
