// The fake `Sheet`: a grid of cells with a name, an id and its own settings (frozen rows, tab colour,
// conditional-format rules, merges). `getRange` validates coordinates with Apps Script's messages; inserting
// and deleting rows or columns shifts cells (formula text unchanged) and moves everything anchored to the
// sheet: named ranges, rule ranges, protections, merges, row and column metadata. The raw helpers at the end
// (`rangeAt`, `valueAt`, `writeInputs`, `seed`, `dump`) serve the other fakes and tests, uncounted.

import { type A1Reference, type Area, columnLetters, parseA1, resolveA1 } from './a1';
import { type ChartRecord, chartRecord, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import { accepts } from './data-validation';
import { ProtectionType } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import { type Axis, BLANK, type Grid, GridRange, moveSpan, touchRevisions } from './grid';
import { type FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './metadata';
import { FakeNamedRange } from './named-range';
import { FakeProtection } from './protection';
import { FakeRange, type WholeLines } from './range';
import { FakeRangeList } from './range-list';
import { FakeConditionalFormatRule, type RuleRecord } from './rules';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Fake } from './types';
import { type CellValue, enterValue, isDate } from './values';

/** The most characters one cell may hold, as in Sheets. */
export const MAX_CELL_CHARACTERS = 50_000;

type SheetMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'createDeveloperMetadataFinder'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'sort'
  | 'updateChart';

/** The cells of a sheet's data range, as tests read them. */
export interface SheetDump {
  values: unknown[][];
  formulas: string[][];
}

export class FakeSheet extends ServiceObject implements Fake<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  /** Fake internals: the sheet's state (read freely in tests; writes here are not counted). */
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  rules: RuleRecord[] = [];
  merges: GridRange[] = [];
  charts: ChartRecord[] = [];

  constructor(
    env: FakeEnv,
    readonly book: FakeSpreadsheet,
    readonly id: number,
    public name: string,
    public grid: Grid,
  ) {
    super(env, 'Sheet');
  }

  // --- Identity -------------------------------------------------------------------------------------------

  getName(): string {
    this.track('getName');
    return this.name;
  }

  getSheetName(): string {
    this.track('getSheetName');
    return this.name;
  }

  setName(name: string): FakeSheet {
    this.track('setName');
    touchRevisions();
    this.book.checkSheetName(name, this);
    this.name = name;
    return this;
  }

  getSheetId(): number {
    this.track('getSheetId');
    return this.id;
  }

  getIndex(): number {
    this.track('getIndex');
    return this.book.sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.track('getParent');
    return this.book;
  }

  activate(): FakeSheet {
    this.track('activate');
    this.book.activate(this);
    return this;
  }

  hideSheet(): FakeSheet {
    this.track('hideSheet');
    if (this.book.sheets.every((s) => s === this || s.hidden)) {
      throw this.env.exception("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.track('showSheet');
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.track('isSheetHidden');
    return this.hidden;
  }

  setTabColor(color: string | null): FakeSheet {
    this.track('setTabColor');
    this.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    this.track('getTabColor');
    return this.tabColor;
  }

  // --- Charts ---------------------------------------------------------------------------------------------

  newChart(): FakeEmbeddedChartBuilder {
    this.track('newChart');
    return new FakeEmbeddedChartBuilder(this.env, this);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.track('insertChart');
    if (chart.sheet !== this || chart.state.id !== null) {
      throw this.env.exception('This chart is already on a sheet: use updateChart.');
    }
    this.charts.push(chartRecord(chart, this.book.nextChartId++));
  }

  /** The charts of the sheet, in the order they were inserted. */
  getCharts(): FakeEmbeddedChart[] {
    this.track('getCharts');
    return this.charts.map((record) => new FakeEmbeddedChart(this.env, this, { ...record }));
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.track('removeChart');
    const id = chart.state.id;
    const index = this.charts.findIndex((record) => record.id === id);
    if (index < 0) throw this.env.exception('The chart could not be found on this sheet.');
    this.charts.splice(index, 1);
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.track('updateChart');
    const id = chart.state.id;
    const index = this.charts.findIndex((record) => record.id === id);
    if (id === null || index < 0) throw this.env.exception('The chart could not be found on this sheet.');
    this.charts[index] = chartRecord(chart, id);
  }

  // --- Ranges and size ------------------------------------------------------------------------------------

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.track('getRange');
    if (typeof rowOrA1 === 'string') return this.rangeA1(rowOrA1);
    if (column === undefined) {
      throw this.env.exception(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return this.rangeAt(rowOrA1, column, numRows ?? 1, numColumns ?? 1);
  }

  /** The ranges of this sheet named by A1 notations; Sheets refuses an empty list and another sheet's range. */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.track('getRangeList');
    if (a1Notations.length === 0) throw this.env.exception('The range list is empty.');
    const ranges = a1Notations.map((a1) => {
      const ref = parseA1(a1);
      if (!ref || (ref.sheetName !== null && ref.sheetName !== this.name)) throw this.env.exception('Range not found');
      return this.resolved(ref);
    });
    return new FakeRangeList(this.env, this, ranges);
  }

  getDataRange(): FakeRange {
    this.track('getDataRange');
    return this.rangeAt(1, 1, Math.max(1, this.grid.lastRow()), Math.max(1, this.grid.lastColumn()));
  }

  getLastRow(): number {
    this.track('getLastRow');
    return this.grid.lastRow();
  }

  getLastColumn(): number {
    this.track('getLastColumn');
    return this.grid.lastColumn();
  }

  getMaxRows(): number {
    this.track('getMaxRows');
    return this.grid.maxRows;
  }

  getMaxColumns(): number {
    this.track('getMaxColumns');
    return this.grid.maxColumns;
  }

  // --- Inserting and deleting -----------------------------------------------------------------------------

  insertRows(rowIndex: number, numRows = 1): void {
    this.track('insertRows');
    this.checkPosition('rows', rowIndex);
    this.insert('rows', rowIndex, numRows);
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.track('insertRowsBefore');
    this.checkPosition('rows', beforePosition);
    this.insert('rows', beforePosition, howMany);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.track('insertRowsAfter');
    this.checkPosition('rows', afterPosition);
    this.insert('rows', afterPosition + 1, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    this.track('insertRowBefore');
    this.checkPosition('rows', beforePosition);
    this.insert('rows', beforePosition, 1);
    return this;
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    this.track('insertRowAfter');
    this.checkPosition('rows', afterPosition);
    this.insert('rows', afterPosition + 1, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.track('insertColumns');
    this.checkPosition('columns', columnIndex);
    this.insert('columns', columnIndex, numColumns);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.track('insertColumnsBefore');
    this.checkPosition('columns', beforePosition);
    this.insert('columns', beforePosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.track('insertColumnsAfter');
    this.checkPosition('columns', afterPosition);
    this.insert('columns', afterPosition + 1, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    this.track('insertColumnBefore');
    this.checkPosition('columns', beforePosition);
    this.insert('columns', beforePosition, 1);
    return this;
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    this.track('insertColumnAfter');
    this.checkPosition('columns', afterPosition);
    this.insert('columns', afterPosition + 1, 1);
    return this;
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.track('deleteRow');
    this.remove('rows', rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.track('deleteRows');
    this.remove('rows', rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): FakeSheet {
    this.track('deleteColumn');
    this.remove('columns', columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.track('deleteColumns');
    this.remove('columns', columnPosition, howMany);
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this.track('appendRow');
    const row = this.grid.lastRow() + 1;
    this.grid.grow(row - this.grid.maxRows, rowContents.length - this.grid.maxColumns);
    this.writeInputs(row, 1, [rowContents]);
    return this;
  }

  /** Sorts the rows below the frozen ones by one column; whole rows move, formulas and formats included. */
  sort(columnPosition: number, ascending = true): FakeSheet {
    this.track('sort');
    const first = this.frozenRows + 1;
    const last = this.grid.lastRow();
    if (last < first) return this;
    const keys = Array.from({ length: last - first + 1 }, (_, i) => this.valueAt(first + i, columnPosition));
    const order = keys.map((_, i) => i);
    order.sort((a, b) => compareForSort(keys[a], keys[b], ascending));
    this.grid.reorderRows(first, order);
    return this;
  }

  // --- Clearing -------------------------------------------------------------------------------------------

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): FakeSheet {
    this.track('clear');
    this.wholeSheet().clear(options ?? {});
    return this;
  }

  clearContents(): FakeSheet {
    this.track('clearContents');
    this.wholeSheet().clear({ contentsOnly: true });
    return this;
  }

  clearFormats(): FakeSheet {
    this.track('clearFormats');
    this.wholeSheet().clear({ formatOnly: true });
    return this;
  }

  clearNotes(): FakeSheet {
    this.track('clearNotes');
    this.wholeSheet().clear({ commentsOnly: true });
    return this;
  }

  // --- Layout ---------------------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.track('setFrozenRows');
    if (rows < 0 || rows > this.grid.maxRows) throw this.env.exception('Those rows are out of bounds.');
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.track('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.track('setFrozenColumns');
    if (columns < 0 || columns > this.grid.maxColumns) throw this.env.exception('Those columns are out of bounds.');
    this.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.track('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.track('setColumnWidth');
    this.checkPosition('columns', columnPosition);
    this.grid.setColumnWidth(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.track('setColumnWidths');
    this.checkPosition('columns', startColumn + numColumns - 1);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.grid.setColumnWidth(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.track('getColumnWidth');
    return this.grid.columnWidth(columnPosition);
  }

  // --- Conditional formats, protections, names, metadata --------------------------------------------------

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.track('getConditionalFormatRules');
    return this.rules.map(
      (record) =>
        new FakeConditionalFormatRule(
          this.env,
          record.spec,
          record.ranges.map((g) => this.rangeOf(g)),
        ),
    );
  }

  /** Replaces every rule of the sheet (Apps Script has no "add one rule"). */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.track('setConditionalFormatRules');
    const records = rules.map((rule) => ({
      spec: { ...rule.spec, values: [...rule.spec.values] },
      ranges: rule.ranges.map((range) => {
        if (range.sheet !== this) {
          throw this.env.exception('A conditional format rule cannot reference a different sheet.');
        }
        return this.anchor(range.area);
      }),
    }));
    this.rules = records;
  }

  clearConditionalFormatRules(): void {
    this.track('clearConditionalFormatRules');
    this.rules = [];
  }

  protect(): FakeProtection {
    this.track('protect');
    const existing = this.book.protections.find((p) => p.type === ProtectionType.SHEET && p.sheetId === this.id);
    if (existing) return existing;
    const protection = new FakeProtection(this.env, this.book, ProtectionType.SHEET, this.id, null);
    this.book.protections.push(protection);
    return protection;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    this.track('getProtections');
    return this.book.protections.filter((p) => p.type === type && p.sheetId === this.id);
  }

  getNamedRanges(): FakeNamedRange[] {
    this.track('getNamedRanges');
    return [...this.book.namedRanges]
      .filter(([, g]) => g.sheetId === this.id)
      .map(([name]) => new FakeNamedRange(this.env, this.book, name));
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): FakeSheet {
    this.track('addDeveloperMetadata');
    const args = metadataArgs(valueOrVisibility, visibility);
    this.book.addMetadata({ type: 'SHEET', sheetId: this.id }, key, args.value, args.visibility);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.track('getDeveloperMetadata');
    return this.book.metadata.filter((m) => m.location.type === 'SHEET' && m.location.sheetId === this.id);
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.track('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.env, this.book, { kind: 'sheet', sheetId: this.id });
  }

  // --- Fake internals (not Apps Script, not counted) ------------------------------------------------------

  protected override label(): string {
    return this.name;
  }

  /** A range by coordinates, validated with Apps Script's messages. */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1, whole: WholeLines = null): FakeRange {
    for (const n of [row, column, numRows, numColumns]) {
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        throw this.env.exception(
          `The parameters (${[row, column, numRows, numColumns].map((v) => typeof v).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
      }
    }
    const [r, c, nr, nc] = [row, column, numRows, numColumns].map(Math.trunc) as [number, number, number, number];
    if (r < 1) throw this.env.exception('The starting row of the range is too small.');
    if (c < 1) throw this.env.exception('The starting column of the range is too small.');
    if (nr < 1) throw this.env.exception('The number of rows in the range must be at least 1.');
    if (nc < 1) throw this.env.exception('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this.grid.maxRows || c + nc - 1 > this.grid.maxColumns) {
      throw this.env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.env, this, { row: r, column: c, numRows: nr, numColumns: nc }, whole);
  }

  /** A range from A1 notation; a sheet prefix naming another sheet reads that sheet. */
  rangeA1(text: string): FakeRange {
    const ref = parseA1(text);
    if (!ref) throw this.env.exception('Range not found');
    const sheet = ref.sheetName === null ? this : this.book.sheetByName(ref.sheetName);
    if (!sheet) throw this.env.exception('Range not found');
    return sheet.resolved(ref);
  }

  resolved(ref: A1Reference): FakeRange {
    const area = resolveA1(ref, this.grid.maxRows, this.grid.maxColumns);
    const whole: WholeLines =
      ref.startColumn === null && ref.endColumn === null
        ? 'rows'
        : ref.startRow === null && ref.endRow === null
          ? 'columns'
          : null;
    return this.rangeAt(area.row, area.column, area.numRows, area.numColumns, whole);
  }

  /** A range from an anchored rectangle. */
  rangeOf(anchor: GridRange): FakeRange {
    return this.rangeAt(anchor.rows.start, anchor.columns.start, anchor.rows.size, anchor.columns.size);
  }

  /** An anchored rectangle for an area of this sheet. */
  anchor(area: Area): GridRange {
    return GridRange.of(this.id, area.row, area.column, area.numRows, area.numColumns);
  }

  /**
   * The value a script reads from a cell: a formula's evaluated value, an empty cell's spilled value (both
   * from the spreadsheet's hooks), dates copied into the script's realm.
   */
  valueAt(row: number, column: number): CellValue {
    const cell = this.grid.peek(row, column);
    const value = cell.formula
      ? this.book.evaluate(this, row, column, cell.formula)
      : cell.value === ''
        ? this.book.spilled(this, row, column)
        : cell.value;
    return isDate(value) ? this.env.date(value) : value;
  }

  /** Writes user input from (row, column) on; checks data validation first, so a rejected batch writes nothing. */
  writeInputs(row: number, column: number, inputs: readonly (readonly unknown[])[], validate = true): void {
    const entered = inputs.map((line, r) =>
      line.map((input, c) => {
        const cell = this.grid.peek(row + r, column + c);
        const next = enterValue(input, this.book.locale, cell.numberFormat === '@');
        const text = next.formula !== '' ? next.formula : typeof next.value === 'string' ? next.value : '';
        if (text.length > MAX_CELL_CHARACTERS) {
          // Sheets' own refusal; a cell holds at most 50,000 characters.
          // https://support.google.com/drive/answer/37603 (files you can store in Google Drive: spreadsheets)
          throw this.env.exception(
            `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
          );
        }
        if (validate && cell.validation && next.formula === '' && !accepts(cell.validation, next.value)) {
          throw this.env.exception(
            `The data you entered in cell ${columnLetters(column + c)}${row + r} violates the data validation rules set on this cell.`,
          );
        }
        return next;
      }),
    );
    entered.forEach((line, r) => {
      line.forEach((next, c) => {
        if (this.grid.peek(row + r, column + c) === BLANK && next.value === '' && next.formula === '') return;
        Object.assign(this.grid.cell(row + r, column + c), next);
      });
    });
  }

  /** Test helper: writes rows of user input from A1 (or from `row`, `column`), growing the sheet as needed. */
  seed(rows: readonly (readonly unknown[])[], row = 1, column = 1): FakeSheet {
    const width = Math.max(0, ...rows.map((line) => line.length));
    this.grid.grow(row + rows.length - 1 - this.grid.maxRows, column + width - 1 - this.grid.maxColumns);
    this.writeInputs(row, column, rows, false);
    return this;
  }

  /** Test helper: the data range's values (formulas evaluated by the hook) and formulas. */
  dump(): SheetDump {
    const rows = this.grid.lastRow();
    const columns = this.grid.lastColumn();
    const values: unknown[][] = [];
    const formulas: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const valueLine: unknown[] = [];
      const formulaLine: string[] = [];
      for (let c = 1; c <= columns; c++) {
        valueLine.push(this.valueAt(r, c));
        formulaLine.push(this.grid.peek(r, c).formula);
      }
      values.push(valueLine);
      formulas.push(formulaLine);
    }
    return { values, formulas };
  }

  private wholeSheet(): FakeRange {
    return this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns);
  }

  private checkPosition(axis: Axis, position: number): void {
    const max = axis === 'rows' ? this.grid.maxRows : this.grid.maxColumns;
    if (!Number.isInteger(position) || position < 1 || position > max) {
      throw this.env.exception(`Those ${axis} are out of bounds.`);
    }
  }

  private insert(axis: Axis, at: number, count: number): void {
    if (!Number.isInteger(count) || count < 1) throw this.env.exception(`Those ${axis} are out of bounds.`);
    if (axis === 'rows') this.grid.insertRows(at, count);
    else this.grid.insertColumns(at, count);
    this.moveAnchors(axis, at, count);
  }

  private remove(axis: Axis, at: number, count: number): void {
    const max = axis === 'rows' ? this.grid.maxRows : this.grid.maxColumns;
    const frozen = axis === 'rows' ? this.frozenRows : this.frozenColumns;
    if (!Number.isInteger(count) || count < 1 || at < 1 || at + count - 1 > max) {
      throw this.env.exception(`Those ${axis} are out of bounds.`);
    }
    if (max - count <= frozen) {
      throw this.env.exception(`Sorry, it is not possible to delete all non-frozen ${axis}.`);
    }
    if (axis === 'rows') this.grid.deleteRows(at, count);
    else this.grid.deleteColumns(at, count);
    this.moveAnchors(axis, at, -count);
  }

  /** Moves what is anchored to this sheet after `delta` rows or columns were inserted (+) or deleted (-). */
  private moveAnchors(axis: Axis, at: number, delta: number): void {
    const frozen = axis === 'rows' ? this.frozenRows : this.frozenColumns;
    if (frozen > 0) {
      const moved = moveSpan({ start: 1, size: frozen }, at, delta);
      const size = moved ? moved.start - 1 + moved.size : 0;
      if (axis === 'rows') this.frozenRows = size;
      else this.frozenColumns = size;
    }
    this.merges = this.merges.filter((m) => m.move(axis, at, delta));
    for (const chart of this.charts) chart.ranges = chart.ranges.filter((g) => g.move(axis, at, delta));
    this.rules = this.rules
      .map((rule) => ({ ...rule, ranges: rule.ranges.filter((g) => g.move(axis, at, delta)) }))
      .filter((rule) => rule.ranges.length > 0);
    this.book.moveAnchors(this.id, axis, at, delta);
  }
}

/** Sheets' sort order: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */
function compareForSort(a: CellValue | undefined, b: CellValue | undefined, ascending: boolean): number {
  const rank = (v: CellValue | undefined) =>
    v === undefined || v === '' ? 3 : typeof v === 'number' || isDate(v) ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra - rb;
  let order = ra - rb;
  if (order === 0) {
    if (ra === 0) order = Number(a) - Number(b);
    else if (ra === 1) order = String(a).localeCompare(String(b), undefined, { sensitivity: 'base' });
    else order = Number(a) - Number(b);
  }
  return ascending ? order : -order;
}
