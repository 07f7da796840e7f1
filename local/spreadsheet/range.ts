// The fake `Range`: fixed coordinates on one sheet, like the real one (a Range object does not move when
// rows are inserted above it; named ranges, rules and protections do). Reads and writes go to the sheet's
// grid. Writes take input as a person typing would (values.ts); formulas are stored, and reading a formula
// cell's value asks the spreadsheet's evaluator hook (default ''). Every batch setter checks the shape of its
// 2-D argument with Apps Script's own wording, so a test catches an off-by-one before Google does. An open
// A1 range (`A:A`) is fixed to the sheet's size when made: its A1 notation reads `A1:A1000`, not `A:A`.

import { type Area, formatA1, quoteSheetName } from './a1';
import type { FakeDataValidation } from './data-validation';
import { ProtectionType } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import { BLANK, type Cell, type GridRange, isEmpty } from './grid';
import {
  assertSingleLine,
  type FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type MetadataLocation,
  metadataArgs,
  sameLocation,
} from './metadata';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import type { Fake } from './types';
import { displayValue } from './values';

type RangeMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'createDeveloperMetadataFinder'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDeveloperMetadata'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'isPartOfMerge'
  | 'merge'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWraps';

type Alignment = 'left' | 'center' | 'normal' | 'right' | null;
type ClearOptions = {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

/**
 * Whether a range is open-ended: whole rows (`6:6`, no column bounds), whole columns (`C:C`, no row bounds),
 * or neither (a rectangle, even one that happens to reach the sheet's last row or column).
 */
export type WholeLines = 'rows' | 'columns' | null;

export class FakeRange extends ServiceObject implements Fake<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  constructor(
    env: FakeEnv,
    /** Fake internals (not Apps Script, not counted): the sheet and the rectangle. */
    readonly sheet: FakeSheet,
    readonly area: Readonly<Area>,
    /** Fake internals: whole rows or whole columns, as A1 without bounds (`6:6`, `C:C`) or Sheets itself gives them. */
    readonly whole: WholeLines = null,
  ) {
    super(env, 'Range');
  }

  // --- Geometry -------------------------------------------------------------------------------------------

  getA1Notation(): string {
    this.track('getA1Notation');
    return formatA1(this.area);
  }

  getRow(): number {
    this.track('getRow');
    return this.area.row;
  }

  getRowIndex(): number {
    this.track('getRowIndex');
    return this.area.row;
  }

  getColumn(): number {
    this.track('getColumn');
    return this.area.column;
  }

  getNumRows(): number {
    this.track('getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.track('getNumColumns');
    return this.area.numColumns;
  }

  getHeight(): number {
    this.track('getHeight');
    return this.area.numRows;
  }

  getWidth(): number {
    this.track('getWidth');
    return this.area.numColumns;
  }

  getLastRow(): number {
    this.track('getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.track('getLastColumn');
    return this.area.column + this.area.numColumns - 1;
  }

  getSheet(): FakeSheet {
    this.track('getSheet');
    return this.sheet;
  }

  getGridId(): number {
    this.track('getGridId');
    return this.sheet.id;
  }

  getCell(row: number, column: number): FakeRange {
    this.track('getCell');
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
      throw this.env.exception('Cell reference out of range');
    }
    return this.sheet.rangeAt(this.area.row + row - 1, this.area.column + column - 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.track('offset');
    return this.sheet.rangeAt(
      this.area.row + rowOffset,
      this.area.column + columnOffset,
      numRows ?? this.area.numRows,
      numColumns ?? this.area.numColumns,
    );
  }

  activate(): FakeRange {
    this.track('activate');
    this.sheet.book.activate(this.sheet, this);
    return this;
  }

  // --- Values and formulas --------------------------------------------------------------------------------

  getValue(): unknown {
    this.track('getValue');
    return this.sheet.valueAt(this.area.row, this.area.column);
  }

  getValues(): unknown[][] {
    this.track('getValues');
    return this.mapCells((row, column) => this.sheet.valueAt(row, column));
  }

  getDisplayValue(): string {
    this.track('getDisplayValue');
    return this.display(this.area.row, this.area.column);
  }

  getDisplayValues(): string[][] {
    this.track('getDisplayValues');
    return this.mapCells((row, column) => this.display(row, column));
  }

  setValue(value: unknown): FakeRange {
    this.track('setValue');
    this.sheet.writeInputs(
      this.area.row,
      this.area.column,
      this.mapCells(() => value),
    );
    return this;
  }

  setValues(values: unknown[][]): FakeRange {
    this.track('setValues');
    this.sheet.writeInputs(this.area.row, this.area.column, this.checkShape('setValues', values));
    return this;
  }

  getFormula(): string {
    this.track('getFormula');
    return this.sheet.grid.peek(this.area.row, this.area.column).formula;
  }

  getFormulas(): string[][] {
    this.track('getFormulas');
    return this.mapCells((row, column) => this.sheet.grid.peek(row, column).formula);
  }

  setFormula(formula: string): FakeRange {
    this.track('setFormula');
    this.writeFormula(formula);
    return this;
  }

  /** Puts one formula into every cell, uncounted (for RangeList.setFormula, which is one call). */
  writeFormula(formula: string): void {
    this.sheet.writeInputs(
      this.area.row,
      this.area.column,
      this.mapCells(() => formula),
    );
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.track('setFormulas');
    this.sheet.writeInputs(this.area.row, this.area.column, this.checkShape('setFormulas', formulas));
    return this;
  }

  isBlank(): boolean {
    this.track('isBlank');
    return this.mapCells((row, column) => isEmpty(this.sheet.grid.peek(row, column))).every((line) =>
      line.every(Boolean),
    );
  }

  clearContent(): FakeRange {
    this.track('clearContent');
    this.clearCells({ contentsOnly: true });
    return this;
  }

  clear(options?: ClearOptions): FakeRange {
    this.track('clear');
    this.clearCells(options ?? {});
    return this;
  }

  clearFormat(): FakeRange {
    this.track('clearFormat');
    this.clearCells({ formatOnly: true });
    return this;
  }

  clearNote(): FakeRange {
    this.track('clearNote');
    this.clearCells({ commentsOnly: true });
    return this;
  }

  clearDataValidations(): FakeRange {
    this.track('clearDataValidations');
    this.clearCells({ validationsOnly: true });
    return this;
  }

  // --- Formats and notes ----------------------------------------------------------------------------------

  getNumberFormat(): string {
    this.track('getNumberFormat');
    return this.topLeft().numberFormat;
  }

  getNumberFormats(): string[][] {
    this.track('getNumberFormats');
    return this.read('numberFormat');
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.track('setNumberFormat');
    return this.fill('numberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.track('setNumberFormats');
    return this.put('numberFormat', this.checkShape('setNumberFormats', numberFormats));
  }

  getBackground(): string {
    this.track('getBackground');
    return this.topLeft().background;
  }

  getBackgrounds(): string[][] {
    this.track('getBackgrounds');
    return this.read('background');
  }

  setBackground(color: string | null): FakeRange {
    this.track('setBackground');
    return this.fill('background', normalizeColor(color, BLANK.background));
  }

  setBackgrounds(colors: (string | null)[][]): FakeRange {
    this.track('setBackgrounds');
    const checked = this.checkShape('setBackgrounds', colors);
    return this.put(
      'background',
      checked.map((line) => line.map((c) => normalizeColor(c, BLANK.background))),
    );
  }

  getFontColor(): string {
    this.track('getFontColor');
    return this.topLeft().fontColor;
  }

  getFontColors(): string[][] {
    this.track('getFontColors');
    return this.read('fontColor');
  }

  setFontColor(color: string | null): FakeRange {
    this.track('setFontColor');
    return this.fill('fontColor', normalizeColor(color, BLANK.fontColor));
  }

  setFontColors(colors: unknown[][]): FakeRange {
    this.track('setFontColors');
    const checked = this.checkShape('setFontColors', colors);
    return this.put(
      'fontColor',
      checked.map((line) => line.map((c) => normalizeColor(c == null ? null : String(c), BLANK.fontColor))),
    );
  }

  getFontWeight(): 'normal' | 'bold' {
    this.track('getFontWeight');
    return this.topLeft().fontWeight;
  }

  getFontWeights(): ('normal' | 'bold')[][] {
    this.track('getFontWeights');
    return this.read('fontWeight');
  }

  setFontWeight(fontWeight: 'normal' | 'bold' | null): FakeRange {
    this.track('setFontWeight');
    return this.fill('fontWeight', fontWeight ?? 'normal');
  }

  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): FakeRange {
    this.track('setFontWeights');
    const checked = this.checkShape('setFontWeights', fontWeights);
    return this.put(
      'fontWeight',
      checked.map((line) => line.map((w) => w ?? 'normal')),
    );
  }

  getHorizontalAlignment(): string {
    this.track('getHorizontalAlignment');
    return this.topLeft().horizontalAlignment;
  }

  getHorizontalAlignments(): string[][] {
    this.track('getHorizontalAlignments');
    return this.read('horizontalAlignment');
  }

  setHorizontalAlignment(alignment: Alignment): FakeRange {
    this.track('setHorizontalAlignment');
    return this.fill('horizontalAlignment', alignmentName(alignment));
  }

  setHorizontalAlignments(alignments: Alignment[][]): FakeRange {
    this.track('setHorizontalAlignments');
    const checked = this.checkShape('setHorizontalAlignments', alignments);
    return this.put(
      'horizontalAlignment',
      checked.map((line) => line.map(alignmentName)),
    );
  }

  getWrap(): boolean {
    this.track('getWrap');
    return this.topLeft().wrap;
  }

  getWraps(): boolean[][] {
    this.track('getWraps');
    return this.read('wrap');
  }

  setWrap(isWrapEnabled: boolean): FakeRange {
    this.track('setWrap');
    return this.fill('wrap', Boolean(isWrapEnabled));
  }

  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    this.track('setWraps');
    return this.put('wrap', this.checkShape('setWraps', isWrapEnabled));
  }

  getNote(): string {
    this.track('getNote');
    return this.topLeft().note;
  }

  getNotes(): string[][] {
    this.track('getNotes');
    return this.read('note');
  }

  setNote(note: string | null): FakeRange {
    this.track('setNote');
    return this.fill('note', note ?? '');
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    this.track('setNotes');
    const checked = this.checkShape('setNotes', notes);
    return this.put(
      'note',
      checked.map((line) => line.map((n) => (n == null ? '' : String(n)))),
    );
  }

  // --- Data validation ------------------------------------------------------------------------------------

  getDataValidation(): FakeDataValidation | null {
    this.track('getDataValidation');
    return this.topLeft().validation;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.track('getDataValidations');
    return this.read('validation');
  }

  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this.track('setDataValidation');
    return this.fill('validation', rule);
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    this.track('setDataValidations');
    return this.put('validation', this.checkShape('setDataValidations', rules));
  }

  // --- Merges, protection, developer metadata -------------------------------------------------------------

  merge(): FakeRange {
    this.track('merge');
    const { row, column, numRows, numColumns } = this.area;
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) {
        if (r === row && c === column) continue;
        const cell = this.sheet.grid.peek(r, c);
        if (!isEmpty(cell)) Object.assign(this.sheet.grid.cell(r, c), { value: '', formula: '' });
      }
    }
    this.sheet.merges = this.sheet.merges.filter((m) => !this.overlaps(m));
    this.sheet.merges.push(this.sheet.anchor(this.area));
    return this;
  }

  breakApart(): FakeRange {
    this.track('breakApart');
    this.sheet.merges = this.sheet.merges.filter((m) => !this.overlaps(m));
    return this;
  }

  isPartOfMerge(): boolean {
    this.track('isPartOfMerge');
    return this.sheet.merges.some((m) => this.overlaps(m));
  }

  getMergedRanges(): FakeRange[] {
    this.track('getMergedRanges');
    return this.sheet.merges.filter((m) => this.overlaps(m)).map((m) => this.sheet.rangeOf(m));
  }

  protect(): FakeProtection {
    this.track('protect');
    const protection = new FakeProtection(
      this.env,
      this.sheet.book,
      ProtectionType.RANGE,
      this.sheet.id,
      this.sheet.anchor(this.area),
    );
    this.sheet.book.protections.push(protection);
    return protection;
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): FakeRange {
    this.track('addDeveloperMetadata');
    const { value, visibility: seen } = metadataArgs(valueOrVisibility, visibility);
    this.sheet.book.addMetadata(this.metadataLocation(), key, value, seen);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.track('getDeveloperMetadata');
    const location = this.locationOrNull();
    if (!location) return [];
    return this.sheet.book.metadata.filter((m) => sameLocation(m.location, location));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.track('createDeveloperMetadataFinder');
    const scope = { kind: 'range' as const, range: this.sheet.anchor(this.area) };
    return new FakeDeveloperMetadataFinder(this.env, this.sheet.book, scope);
  }

  // --- Fake internals (not Apps Script, not counted) ------------------------------------------------------

  protected override label(): string {
    return `${quoteSheetName(this.sheet.name)}!${formatA1(this.area)}`;
  }

  /** Calls `fn` for each cell, row by row, returning the grid of results. */
  mapCells<T>(fn: (row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.area;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(row + r, column + c));
      out.push(line);
    }
    return out;
  }

  private topLeft(): Readonly<Cell> {
    return this.sheet.grid.peek(this.area.row, this.area.column);
  }

  private read<K extends keyof Cell>(key: K): Cell[K][][] {
    return this.mapCells((row, column) => this.sheet.grid.peek(row, column)[key]);
  }

  private fill<K extends keyof Cell>(key: K, value: Cell[K]): FakeRange {
    return this.put(
      key,
      this.mapCells(() => value),
    );
  }

  private put<K extends keyof Cell>(key: K, values: Cell[K][][]): FakeRange {
    const { row, column } = this.area;
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        const cell = this.sheet.grid.peek(row + r, column + c);
        if (cell[key] !== value) this.sheet.grid.cell(row + r, column + c)[key] = value;
      });
    });
    return this;
  }

  private display(row: number, column: number): string {
    const value = this.sheet.valueAt(row, column);
    const cell = this.sheet.grid.peek(row, column);
    const hook = this.sheet.book.display;
    return hook ? hook(value, cell.numberFormat) : displayValue(value);
  }

  private clearCells(options: ClearOptions): void {
    const only = options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly;
    const contents = !only || options.contentsOnly;
    const formats = !only || options.formatOnly;
    this.mapCells((row, column) => {
      const cell = this.sheet.grid.peek(row, column);
      if (cell === BLANK) return null;
      const target = this.sheet.grid.cell(row, column);
      if (contents) Object.assign(target, { value: '', formula: '' });
      if (formats) {
        const { numberFormat, background, fontColor, fontWeight, horizontalAlignment, wrap } = BLANK;
        Object.assign(target, { numberFormat, background, fontColor, fontWeight, horizontalAlignment, wrap });
      }
      if (options.validationsOnly) target.validation = null;
      if (options.commentsOnly) target.note = '';
      return null;
    });
  }

  /** Checks a 2-D argument against the range's shape, with Apps Script's messages. */
  private checkShape<T>(method: string, data: T[][]): T[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw this.env.exception(
        `The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.area.numRows) {
      throw this.env.exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.area.numRows}.`,
      );
    }
    for (const line of data) {
      if (line.length !== this.area.numColumns) {
        throw this.env.exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.area.numColumns}.`,
        );
      }
    }
    return data;
  }

  private overlaps(other: GridRange): boolean {
    const { row, column, numRows, numColumns } = this.area;
    return (
      other.sheetId === this.sheet.id &&
      other.rows.start < row + numRows &&
      row < other.rows.start + other.rows.size &&
      other.columns.start < column + numColumns &&
      column < other.columns.start + other.columns.size
    );
  }

  /**
   * Developer metadata sits on whole rows or whole columns only: a ROW or COLUMN location, which Google's
   * reference defines by the row or column itself (DeveloperMetadataLocation.getRow / getColumn), and adds
   * in its examples through A1 without bounds, `sheet.getRange('2:2')` and `sheet.getRange('A:A')`
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#adddevelopermetadatakey). A
   * rectangle given by numbers is not a row or column location even when it reaches the last row or column
   * (the reference never says it is), so the local spreadsheet refuses it: what works here works in Sheets.
   */
  private locationOrNull(): MetadataLocation | null {
    const { row, column, numRows, numColumns } = this.area;
    if (this.whole === 'rows') return { type: 'ROW', sheetId: this.sheet.id, span: { start: row, size: numRows } };
    if (this.whole === 'columns') {
      return { type: 'COLUMN', sheetId: this.sheet.id, span: { start: column, size: numColumns } };
    }
    return null;
  }

  private metadataLocation(): MetadataLocation {
    const location = this.locationOrNull();
    if (!location) {
      throw this.env.exception(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    assertSingleLine(this.env, location);
    return location;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== undefined);
    return `${first === undefined ? 'Object' : describe(first)}[]`;
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** Lowercases hex colours and expands `#f00`; `null` resets to the default. */
function normalizeColor(color: string | null, fallback: string): string {
  if (color === null || color === undefined) return fallback;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : color;
}

function alignmentName(alignment: Alignment): string {
  return alignment === null || alignment === 'normal' ? BLANK.horizontalAlignment : String(alignment);
}
