// The .xlsx export: a neutral workbook model (`XlsxWorkbook`) and `writeXlsx`, which turns it into the bytes
// of an Office Open XML spreadsheet that Excel, LibreOffice and Google Sheets (File ▸ Import) open with
// values, formulas, number formats, fonts and fills, column widths, frozen panes, merges, named ranges,
// conditional formatting and data validation. The model knows nothing of Apps Script: `workbookFromFake`
// (xlsx-from-fake.ts) fills it from the local spreadsheet, and anything else could.
//
// The OOXML is written by hand (it is a handful of small XML parts) and zipped with fflate. The output is
// deterministic: the same workbook gives the same bytes, since every timestamp is fixed and every part is
// written in a fixed order. Formulas are stored without cached results and the workbook asks for a full
// recalculation on load, so every application computes the cells itself rather than trusting ours.

import { zipSync } from 'fflate';
import { columnLetters } from './spreadsheet/a1';
import { wallClockMs } from './spreadsheet/time-zone';
import { formulaProblems, toXlsxFormula } from './xlsx-formulas';

/** What one cell holds. A date is a `number` (a date serial, see `dateSerial`) with a date format. */
export type XlsxContent =
  | { text: string }
  | { number: number }
  | { boolean: boolean }
  /** A Google Sheets formula, `=…`, in English with `,` separators; translated on writing. */
  | { formula: string };

export interface XlsxStyle {
  /** A number format code, as Sheets and Excel share them (`0.00`, `#,##0 "zł"`, `yyyy-mm-dd`). */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** `#rrggbb`. */
  fontColor?: string;
  /** `#rrggbb`; white counts as no fill, so Excel keeps drawing gridlines as Sheets does. */
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

export interface XlsxCell {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  content: XlsxContent | null;
  style?: XlsxStyle;
}

/** A highlight applied where a formula, relative to the first cell of `ranges[0]`, is true. */
export interface XlsxConditionalFormat {
  /** A1 ranges of the sheet (`M7:M46`). */
  ranges: string[];
  /** A Sheets formula, `=…`. */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export type XlsxComparison =
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual';

export type XlsxValidationRule =
  | { kind: 'list'; values: string[]; showDropdown: boolean }
  /** A dropdown of the values of a range, `'Sheet name'!$A$1:$A$9`. */
  | { kind: 'listRange'; ref: string; showDropdown: boolean }
  | { kind: 'number'; operator: XlsxComparison; values: number[] }
  /** Dates as date serials. */
  | { kind: 'date'; operator: XlsxComparison; values: number[] }
  /** A Sheets formula, `=…`, relative to the first cell of the first range. */
  | { kind: 'formula'; formula: string };

export interface XlsxValidation {
  ranges: string[];
  rule: XlsxValidationRule;
  /** Sheets' "show a warning" (true) or "reject the input" (false). */
  allowInvalid: boolean;
  help: string;
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
  /** Pixel widths as Sheets gives them; columns not listed keep the application's default. */
  columnWidths: { column: number; width: number }[];
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  /** A1 ranges. */
  merges: string[];
  /** In priority order: where two rules match a cell, the first one wins, as in Sheets. */
  conditionalFormats: XlsxConditionalFormat[];
  validations: XlsxValidation[];
  /** Rows repeated at the top of every printed page (print titles), from row 1; 0 for none. */
  printTitleRows?: number;
  /** The part that prints (A1, `A1:L30`); the whole used range when absent. */
  printArea?: string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** The 0-based index of the sheet that opens first. */
  activeSheet: number;
  /** Named ranges: `ref` is an absolute reference with its sheet name, `'OKR Q1 2027'!$A$6:$R$46`. */
  definedNames: { name: string; ref: string }[];
  /** What the source had that the export leaves out, said for a person (the CLI prints these). */
  notices: string[];
}

export interface WriteXlsxOptions {
  /** The document's creation and modification time; fixed by default so equal workbooks give equal bytes. */
  modified?: Date;
  /** The name in the document's properties. */
  application?: string;
}

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

// Excel's limits: longer texts, prompts and list formulas make it refuse or "repair" the file.
const MAX_TEXT = 32_767;
const MAX_PROMPT = 255;
const MAX_LIST_FORMULA = 255;
const MAX_SHEET_NAME = 31;

/**
 * Things in the workbook that will not look the same in Excel or LibreOffice: the notices the source already
 * gave, formulas with Sheets-only or custom functions (one line per distinct problem, with its first cell),
 * texts too long for Excel, and sheet names Excel refuses (they are changed on writing).
 */
export function xlsxWarnings(book: XlsxWorkbook): string[] {
  const warnings = [...book.notices];
  const seen = new Set<string>();
  for (const sheet of book.sheets) {
    for (const cell of sheet.cells) {
      const content = cell.content;
      if (content && 'formula' in content) {
        for (const problem of formulaProblems(content.formula)) {
          if (seen.has(problem)) continue;
          seen.add(problem);
          warnings.push(`${sheet.name}!${cellRef(cell.row, cell.column)}: ${problem} shows #NAME? outside Sheets`);
        }
      } else if (content && 'text' in content && content.text.length > MAX_TEXT) {
        warnings.push(`${sheet.name}!${cellRef(cell.row, cell.column)}: text cut to ${MAX_TEXT} characters`);
      }
    }
  }
  const names = sheetNames(book.sheets);
  book.sheets.forEach((sheet, index) => {
    if (names[index] !== sheet.name) warnings.push(`Sheet "${sheet.name}" is called "${names[index]}" in the file`);
  });
  return warnings;
}

/** The .xlsx file of a workbook. */
export function writeXlsx(book: XlsxWorkbook, options: WriteXlsxOptions = {}): Uint8Array {
  const modified = options.modified ?? FIXED_TIME;
  const styles = new StyleBook();
  const strings = new SharedStrings();
  const names = sheetNames(book.sheets);
  const lists = new ListSheet(names);

  const sheetXml = book.sheets.map((sheet, index) =>
    worksheetXml(sheet, index === book.activeSheet, styles, strings, lists),
  );
  const allSheets = [...book.sheets.map((sheet, index) => ({ name: names[index] as string, hidden: sheet.hidden }))];
  if (lists.used) {
    allSheets.push({ name: lists.name, hidden: true });
    sheetXml.push(worksheetXml(lists.sheet(), false, styles, strings, lists));
  }

  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, xml: string) => {
    files[path] = encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  };
  put('[Content_Types].xml', contentTypesXml(allSheets.length));
  put('_rels/.rels', rootRelsXml());
  put('docProps/app.xml', appXml(options.application ?? 'OKR Sheets'));
  put('docProps/core.xml', coreXml(modified));
  put('xl/workbook.xml', workbookXml(book, allSheets));
  put('xl/_rels/workbook.xml.rels', workbookRelsXml(allSheets.length));
  put('xl/styles.xml', styles.xml());
  put('xl/sharedStrings.xml', strings.xml());
  sheetXml.forEach((xml, index) => {
    put(`xl/worksheets/sheet${index + 1}.xml`, xml);
  });
  // fflate stamps entries with the current time unless told otherwise; a fixed mtime keeps bytes equal.
  // DOS times cannot go before 1980, whatever the document's own date says.
  const mtime = new Date(Math.max(modified.getTime(), Date.UTC(1980, 0, 2)));
  return zipSync(files, { level: 6, mtime });
}

// --- Dates ---------------------------------------------------------------------------------------------------

/**
 * The date serial of an instant as a wall clock in `timeZone` reads it: days since 1899-12-30, the time of
 * day as the fraction. (Excel counts a 29 February 1900 that never was, so its serials agree with this one
 * from March 1900 on, which is all an OKR sheet needs.)
 * @example dateSerial(new Date('2027-01-01T00:00:00+01:00'), 'Europe/Warsaw') // 46388
 */
export function dateSerial(date: Date, timeZone: string): number {
  // Days since 1970 plus 1970's serial, not local/dates.ts's (wall - epoch) / day: the two round apart in
  // the last bit, and the serial is written into the file as it is, so this keeps the exported bytes.
  return wallClockMs(date.getTime(), timeZone) / 86_400_000 + 25_569;
}

// --- References ------------------------------------------------------------------------------------------------

function cellRef(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `'OKR Q1 2027'` for formulas and defined names; a doubled quote escapes one. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Names Excel accepts: at most 31 characters, none of `: \ / ? * [ ]`, unique regardless of case. */
function sheetNames(sheets: readonly XlsxSheet[]): string[] {
  const taken = new Set<string>();
  return sheets.map(({ name }) => {
    const clean = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet';
    let candidate = clean.slice(0, MAX_SHEET_NAME);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

// --- XML -----------------------------------------------------------------------------------------------------

/** True for the characters XML 1.0 cannot hold at all: control characters other than tab and line breaks. */
function isForbidden(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
}

/** `text` with each forbidden character replaced by `replace(char)`. */
function replaceForbidden(text: string, replace: (char: string) => string): string {
  let out = '';
  for (const char of text) out += isForbidden(char.charCodeAt(0)) ? replace(char) : char;
  return out;
}

/** Escapes text for XML content and attributes; characters XML 1.0 forbids are dropped. */
function esc(text: string): string {
  return replaceForbidden(text, () => '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A cell text as OOXML stores it: forbidden characters written as `_xHHHH_`, and an `_xHHHH_` already in
 * the text escaped as `_x005F_xHHHH_`, so that reading it back gives the text unchanged.
 */
function escText(text: string): string {
  const coded = replaceForbidden(
    text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'),
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return esc(coded);
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escText(text)}</t>`;
}

/** `#b7e1cd` → `FFB7E1CD`; `null` for anything that is not a 6-digit hex colour. */
function argb(color: string | null | undefined): string | null {
  const match = /^#([0-9a-f]{6})$/i.exec(color ?? '');
  return match ? `FF${(match[1] as string).toUpperCase()}` : null;
}

/** A number as OOXML reads it; JavaScript's shortest round-trip form is valid xsd:double. */
function num(value: number): string {
  return String(value);
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// --- Shared strings and styles ---------------------------------------------------------------------------------

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  add(text: string): number {
    this.count++;
    const clipped = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
    let at = this.index.get(clipped);
    if (at === undefined) {
      at = this.list.length;
      this.index.set(clipped, at);
      this.list.push(clipped);
    }
    return at;
  }

  xml(): string {
    const items = this.list.map((text) => `<si>${textElement(text)}</si>`).join('');
    return `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

// Number formats Excel knows by id; anything else is declared from id 164 on.
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

interface FontSpec {
  bold: boolean;
  italic: boolean;
  color: string | null;
}

/** The style part: number formats, fonts, fills and the cell formats combining them, each stored once. */
class StyleBook {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts: FontSpec[] = [{ bold: false, italic: false, color: null }];
  private readonly fills: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([[this.xfs[0] as string, 0]]);
  private readonly dxfs: string[] = [];

  /** The `s` index of a cell style; 0 is the default. */
  cellStyle(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const numFmtId = this.numFmt(style.numberFormat);
    const fontId = this.font({ bold: !!style.bold, italic: !!style.italic, color: argb(style.fontColor) });
    const fill = argb(style.fill);
    const fillId = fill === null || fill === 'FFFFFFFF' ? 0 : this.fill(fill);
    const align =
      style.horizontal || style.wrap
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const flags = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${flags}`;
    const xf = align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`;
    let at = this.xfIndex.get(xf);
    if (at === undefined) {
      at = this.xfs.length;
      this.xfs.push(xf);
      this.xfIndex.set(xf, at);
    }
    return at;
  }

  /** The `dxfId` of a conditional format's look. */
  differential(rule: XlsxConditionalFormat): number {
    const color = argb(rule.fontColor);
    const font = [
      rule.bold ? '<b/>' : '',
      rule.italic ? '<i/>' : '',
      rule.strikethrough ? '<strike/>' : '',
      rule.underline ? '<u/>' : '',
      color ? `<color rgb="${color}"/>` : '',
    ].join('');
    const fill = argb(rule.fill);
    // In a differential format Excel reads a solid fill's colour from bgColor and LibreOffice from fgColor:
    // giving both the same colour makes them agree.
    const fillXml = fill
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor rgb="${fill}"/></patternFill></fill>`
      : '';
    const dxf = `<dxf>${font ? `<font>${font}</font>` : ''}${fillXml}</dxf>`;
    const at = this.dxfs.indexOf(dxf);
    if (at >= 0) return at;
    this.dxfs.push(dxf);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
      .join('');
    const fonts = this.fonts
      .map(
        (font) =>
          `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}<sz val="10"/>` +
          `${font.color ? `<color rgb="${font.color}"/>` : ''}<name val="Arial"/><family val="2"/></font>`,
      )
      .join('');
    // Fill 0 and 1 are reserved by the format (none, gray125) whatever a file uses.
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...this.fills.map(
        (color) =>
          `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/><bgColor indexed="64"/></patternFill></fill>`,
      ),
    ];
    return [
      `<styleSheet xmlns="${NS_MAIN}">`,
      this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '',
      `<fonts count="${this.fonts.length}">${fonts}</fonts>`,
      `<fills count="${fills.length}">${fills.join('')}</fills>`,
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>`,
      '</styleSheet>',
    ].join('');
  }

  private numFmt(code: string | undefined): number {
    if (!code) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private font(spec: FontSpec): number {
    const at = this.fonts.findIndex((f) => f.bold === spec.bold && f.italic === spec.italic && f.color === spec.color);
    if (at >= 0) return at;
    this.fonts.push(spec);
    return this.fonts.length - 1;
  }

  private fill(color: string): number {
    let at = this.fills.indexOf(color);
    if (at < 0) {
      this.fills.push(color);
      at = this.fills.length - 1;
    }
    return at + 2;
  }
}

/**
 * A hidden sheet for dropdown lists Excel cannot hold inline: an inline list is one formula of at most 255
 * characters, separated by commas, so a long list or one whose values contain a comma or a quote is written
 * into a column here and the validation points at it.
 */
class ListSheet {
  readonly name: string;
  private readonly columns: string[][] = [];

  constructor(taken: readonly string[]) {
    const lower = new Set(taken.map((name) => name.toLowerCase()));
    let name = 'Lists';
    for (let n = 2; lower.has(name.toLowerCase()); n++) name = `Lists ${n}`;
    this.name = name;
  }

  get used(): boolean {
    return this.columns.length > 0;
  }

  /** The reference of a column holding `values`, added on first use. */
  ref(values: readonly string[]): string {
    let at = this.columns.findIndex(
      (column) => column.length === values.length && column.every((v, i) => v === values[i]),
    );
    if (at < 0) {
      this.columns.push([...values]);
      at = this.columns.length - 1;
    }
    const letter = columnLetters(at + 1);
    return `${quoteSheetName(this.name)}!$${letter}$1:$${letter}$${Math.max(1, values.length)}`;
  }

  sheet(): XlsxSheet {
    return {
      name: this.name,
      cells: this.columns.flatMap((values, c) =>
        values.map((text, r) => ({ row: r + 1, column: c + 1, content: { text } })),
      ),
      columnWidths: [],
      frozenRows: 0,
      frozenColumns: 0,
      hidden: true,
      tabColor: null,
      merges: [],
      conditionalFormats: [],
      validations: [],
    };
  }
}

// --- Parts -----------------------------------------------------------------------------------------------------

/** Pixels (as Sheets gives widths) to Excel's width in characters of a 7-pixel digit, with 5 pixels padding. */
function widthInCharacters(pixels: number): number {
  return Math.max(0, Math.trunc(((pixels - 5) / 7) * 100 + 0.5) / 100);
}

function worksheetXml(
  sheet: XlsxSheet,
  selected: boolean,
  styles: StyleBook,
  strings: SharedStrings,
  lists: ListSheet,
): string {
  const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  let lastRow = 1;
  let lastColumn = 1;
  const rows: string[] = [];
  let line: string[] = [];
  let lineRow = 0;
  const flush = () => {
    if (line.length) rows.push(`<row r="${lineRow}">${line.join('')}</row>`);
    line = [];
  };
  for (const cell of cells) {
    if (cell.row !== lineRow) {
      flush();
      lineRow = cell.row;
    }
    lastRow = Math.max(lastRow, cell.row);
    lastColumn = Math.max(lastColumn, cell.column);
    line.push(cellXml(cell, styles, strings));
  }
  flush();

  const parts: string[] = [`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  const tab = argb(sheet.tabColor);
  // Fit to page (pageSetUpPr) makes the fitToWidth/fitToHeight of pageSetup count: one page wide.
  parts.push(`<sheetPr>${tab ? `<tabColor rgb="${tab}"/>` : ''}<pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(`<dimension ref="A1:${cellRef(lastRow, lastColumn)}"/>`);
  parts.push(sheetViewXml(sheet, selected));
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = columnsXml(sheet.columnWidths);
  if (cols) parts.push(cols);
  parts.push(rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>');
  // The elements below must come in this order (CT_Worksheet is a sequence); Excel refuses others.
  if (sheet.merges.length) {
    const merges = sheet.merges.map((ref) => `<mergeCell ref="${esc(ref)}"/>`).join('');
    parts.push(`<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>`);
  }
  sheet.conditionalFormats.forEach((rule, index) => {
    const formula = toXlsxFormula(rule.formula).text;
    // stopIfTrue: Sheets applies only the first rule that matches a cell.
    parts.push(
      `<conditionalFormatting sqref="${esc(rule.ranges.join(' '))}">` +
        `<cfRule type="expression" dxfId="${styles.differential(rule)}" priority="${index + 1}" stopIfTrue="1">` +
        `<formula>${esc(formula)}</formula></cfRule></conditionalFormatting>`,
    );
  });
  if (sheet.validations.length) {
    const items = sheet.validations.map((validation) => validationXml(validation, lists)).join('');
    parts.push(`<dataValidations count="${sheet.validations.length}">${items}</dataValidations>`);
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // A report a manager hands out: A4 (paperSize 9) landscape, every column on one page wide, as many pages
  // down as it takes (fitToHeight 0); the header rows repeat through the _xlnm.Print_Titles name.
  parts.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  parts.push('</worksheet>');
  return parts.join('');
}

function cellXml(cell: XlsxCell, styles: StyleBook, strings: SharedStrings): string {
  const ref = cellRef(cell.row, cell.column);
  const s = styles.cellStyle(cell.style);
  const style = s ? ` s="${s}"` : '';
  const content = cell.content;
  if (content === null) return `<c r="${ref}"${style}/>`;
  if ('formula' in content) {
    // No cached value: the application computes it (the workbook asks for a full calculation on load).
    const { text, array } = toXlsxFormula(content.formula);
    const f = array ? `<f t="array" ref="${ref}">${esc(text)}</f>` : `<f>${esc(text)}</f>`;
    return `<c r="${ref}"${style}>${f}</c>`;
  }
  if ('number' in content) {
    // A number that is not finite cannot be stored; the cell stays empty rather than corrupting the file.
    if (!Number.isFinite(content.number)) return `<c r="${ref}"${style}/>`;
    return `<c r="${ref}"${style}><v>${num(content.number)}</v></c>`;
  }
  if ('boolean' in content) return `<c r="${ref}"${style} t="b"><v>${content.boolean ? 1 : 0}</v></c>`;
  // Text always goes to the shared strings, never into <f>: a text beginning with "=" stays text.
  if (content.text === '') return `<c r="${ref}"${style}/>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.add(content.text)}</v></c>`;
}

function sheetViewXml(sheet: XlsxSheet, selected: boolean): string {
  const { frozenRows: rows, frozenColumns: columns } = sheet;
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  if (rows <= 0 && columns <= 0) return `<sheetViews>${open}/></sheetViews>`;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const topLeft = cellRef(rows + 1, columns + 1);
  return (
    `<sheetViews>${open}><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** `<cols>`, one element per run of neighbouring columns of the same width. */
function columnsXml(widths: readonly { column: number; width: number }[]): string {
  const sorted = [...widths].sort((a, b) => a.column - b.column);
  const runs: { min: number; max: number; width: number }[] = [];
  for (const { column, width } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.max === column - 1 && last.width === width) last.max = column;
    else runs.push({ min: column, max: column, width });
  }
  if (!runs.length) return '';
  const cols = runs
    .map(
      ({ min, max, width }) => `<col min="${min}" max="${max}" width="${widthInCharacters(width)}" customWidth="1"/>`,
    )
    .join('');
  return `<cols>${cols}</cols>`;
}

const OPERATOR_ARITY: Record<XlsxComparison, number> = {
  between: 2,
  notBetween: 2,
  equal: 1,
  notEqual: 1,
  greaterThan: 1,
  greaterThanOrEqual: 1,
  lessThan: 1,
  lessThanOrEqual: 1,
};

function validationXml(validation: XlsxValidation, lists: ListSheet): string {
  const { rule } = validation;
  const attrs: string[] = [];
  const formulas: string[] = [];
  switch (rule.kind) {
    case 'list': {
      attrs.push('type="list"');
      const inline = rule.values.join(',');
      const fits = inline.length <= MAX_LIST_FORMULA && !rule.values.some((v) => v.includes(',') || v.includes('"'));
      formulas.push(fits ? `"${inline}"` : lists.ref(rule.values));
      // OOXML's showDropDown="1" *hides* the in-cell arrow.
      if (!rule.showDropdown) attrs.push('showDropDown="1"');
      break;
    }
    case 'listRange':
      attrs.push('type="list"');
      formulas.push(rule.ref);
      if (!rule.showDropdown) attrs.push('showDropDown="1"');
      break;
    case 'number':
    case 'date':
      attrs.push(`type="${rule.kind === 'number' ? 'decimal' : 'date'}"`, `operator="${rule.operator}"`);
      formulas.push(...rule.values.slice(0, OPERATOR_ARITY[rule.operator]).map(num));
      break;
    case 'formula':
      attrs.push('type="custom"');
      formulas.push(toXlsxFormula(rule.formula).text);
      break;
  }
  // Sheets' "show a warning" keeps the input after a warning; "reject" refuses it.
  attrs.push(`errorStyle="${validation.allowInvalid ? 'warning' : 'stop'}"`, 'allowBlank="1"', 'showErrorMessage="1"');
  if (validation.help) {
    attrs.push('showInputMessage="1"', `prompt="${esc(validation.help.slice(0, MAX_PROMPT))}"`);
  }
  attrs.push(`sqref="${esc(validation.ranges.join(' '))}"`);
  const body = formulas.map((f, i) => `<formula${i + 1}>${esc(f)}</formula${i + 1}>`).join('');
  return `<dataValidation ${attrs.join(' ')}>${body}</dataValidation>`;
}

function workbookXml(book: XlsxWorkbook, sheets: readonly { name: string; hidden: boolean }[]): string {
  // A hidden sheet cannot be the one that opens: take the first visible one instead.
  const wanted = sheets[book.activeSheet] && !sheets[book.activeSheet]?.hidden ? book.activeSheet : -1;
  const active =
    wanted >= 0
      ? wanted
      : Math.max(
          0,
          sheets.findIndex((sheet) => !sheet.hidden),
        );
  const sheetList = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${esc(sheet.name)}" sheetId="${index + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`,
    )
    .join('');
  const printNames = book.sheets.flatMap((sheet, index) => {
    const name = quoteSheetName(sheets[index]?.name ?? sheet.name);
    const out: string[] = [];
    if (sheet.printArea) {
      const area = sheet.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      out.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${esc(`${name}!${area}`)}</definedName>`);
    }
    if (sheet.printTitleRows && sheet.printTitleRows > 0) {
      const rows = `${name}!$1:$${sheet.printTitleRows}`;
      out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(rows)}</definedName>`);
    }
    return out;
  });
  const userNames = book.definedNames.map(
    ({ name, ref }) => `<definedName name="${esc(name)}">${esc(ref)}</definedName>`,
  );
  const names =
    userNames.length + printNames.length
      ? `<definedNames>${[...userNames, ...printNames].join('')}</definedNames>`
      : '';
  return (
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="${active}"/></bookViews>` +
    `<sheets>${sheetList}</sheets>${names}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`
  );
}

function workbookRelsXml(sheetCount: number): string {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`),
  );
  return `<Relationships xmlns="${NS_PKG_REL}">${sheets.join('')}${rel(`rId${sheetCount + 1}`, 'styles', 'styles.xml')}${rel(`rId${sheetCount + 2}`, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`;
}

function rootRelsXml(): string {
  return (
    `<Relationships xmlns="${NS_PKG_REL}">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

function contentTypesXml(sheetCount: number): string {
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sml}.worksheet+xml"/>`,
  ).join('');
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${sml}.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${sml}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${sml}.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

function appXml(application: string): string {
  return (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    `<Application>${esc(application)}</Application></Properties>`
  );
}

function coreXml(modified: Date): string {
  const at = `${modified.toISOString().slice(0, 19)}Z`;
  return (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}
