// The fake `Spreadsheet`: the open document. It owns the sheets and everything that spans them (named
// ranges, protections, developer metadata, the active sheet, toasts), its locale and time zone, and the
// hooks a test may set: `evaluator`, which computes the value of a formula cell (the fake stores formulas
// but never evaluates them; the default value is ''), `spill`, which gives an empty cell the value an array
// formula elsewhere spills into it, and `display`, which turns a value into the text `getDisplayValues`
// returns. `sheet(name)`, `addSheet`, and `dump(name)` are uncounted test helpers.

import { parseA1 } from './a1';
import { type FakeEnv, ServiceObject } from './env';
import { type Axis, Grid, type GridRange, moveSpan, touchRevisions } from './grid';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, type MetadataLocation, metadataArgs } from './metadata';
import { FakeNamedRange } from './named-range';
import type { FakeProtection } from './protection';
import type { FakeRange } from './range';
import { FakeSheet, type SheetDump } from './sheet';
import type { Fake } from './types';
import { type CellValue, isDate } from './values';

/** Computes a formula cell's value; a test can plug a real formula engine in here. */
export type FormulaEvaluator = (formula: string, cell: { sheet: string; row: number; column: number }) => unknown;
/**
 * The value an array formula in another cell spills into an empty cell (`null` or `''` when none), so that
 * reading the cells below `={"Score"; KR_SCORE(…)}` gives the scores, as in Sheets.
 */
export type SpillReader = (cell: { sheet: string; row: number; column: number }) => unknown;
/** Turns a cell's value into its displayed text. */
export type DisplayFormatter = (value: CellValue, numberFormat: string) => string;

export interface SpreadsheetSettings {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  /** The email the script runs as; protections list it as their first editor. */
  effectiveUser: string;
}

type SpreadsheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

type InsertOptions = { template?: unknown };

export interface Toast {
  message: string;
  title: string | null;
  timeoutSeconds: number | null;
}

export class FakeSpreadsheet
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods>
{
  /** Fake internals: the document's state (read freely in tests; writes here are not counted). */
  readonly id: string;
  name: string;
  locale: string;
  timeZone: string;
  readonly effectiveUser: string;
  sheets: FakeSheet[] = [];
  namedRanges = new Map<string, GridRange>();
  protections: FakeProtection[] = [];
  metadata: FakeDeveloperMetadata[] = [];
  toasts: Toast[] = [];
  evaluator: FormulaEvaluator | null = null;
  spill: SpillReader | null = null;
  display: DisplayFormatter | null = null;
  /** Fake internals: the ids the next sheet and metadata get (a workbook loaded from a file moves them on). */
  nextSheetId = 0;
  nextMetadataId = 1;
  /** Fake internals: the id the next inserted chart gets. */
  nextChartId = 1;
  /**
   * Fake internals: the spreadsheets IMPORTRANGE may read, access having been allowed once for each
   * (https://support.google.com/docs/answer/3093340; local/import-range.ts).
   */
  readonly allowedImports = new Set<string>();
  private active: FakeSheet | null = null;
  private activeRange: FakeRange | null = null;

  constructor(env: FakeEnv, settings: SpreadsheetSettings) {
    super(env, 'Spreadsheet');
    this.id = settings.id;
    this.name = settings.name;
    this.locale = settings.locale;
    this.timeZone = settings.timeZone;
    this.effectiveUser = settings.effectiveUser;
  }

  getId(): string {
    this.track('getId');
    return this.id;
  }

  getName(): string {
    this.track('getName');
    return this.name;
  }

  rename(newName: string): void {
    this.track('rename');
    this.name = newName;
  }

  getUrl(): string {
    this.track('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    this.track('getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.track('setSpreadsheetLocale');
    this.locale = locale;
  }

  getSpreadsheetTimeZone(): string {
    this.track('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.track('setSpreadsheetTimeZone');
    this.timeZone = timezone;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.track('toast');
    this.toasts.push({ message: msg, title: title ?? null, timeoutSeconds: timeoutSeconds ?? null });
  }

  // --- Sheets ---------------------------------------------------------------------------------------------

  getSheets(): FakeSheet[] {
    this.track('getSheets');
    return [...this.sheets];
  }

  getNumSheets(): number {
    this.track('getNumSheets');
    return this.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.track('getSheetByName');
    return this.sheetByName(name);
  }

  getSheetById(id: number): FakeSheet | null {
    this.track('getSheetById');
    return this.sheetById(id);
  }

  getActiveSheet(): FakeSheet {
    this.track('getActiveSheet');
    return this.activeSheet();
  }

  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.track('setActiveSheet');
    this.activate(sheet);
    return sheet;
  }

  getActiveRange(): FakeRange | null {
    this.track('getActiveRange');
    return this.activeRange;
  }

  /**
   * `insertSheet()`, `(index)`, `(name)`, `(name, index)`, each optionally with `{ template }`. The index is
   * 0-based; the new sheet becomes the active one. A name in use throws as in Apps Script.
   */
  insertSheet(
    nameOrIndexOrOptions?: string | number | InsertOptions,
    indexOrOptions?: number | InsertOptions,
    options?: InsertOptions,
  ): FakeSheet {
    this.track('insertSheet');
    const args = [nameOrIndexOrOptions, indexOrOptions, options];
    const name = args.find((a): a is string => typeof a === 'string') ?? this.freeSheetName();
    const index = args.find((a): a is number => typeof a === 'number') ?? this.sheets.length;
    const template = args.find((a): a is InsertOptions => typeof a === 'object' && a !== null)?.template;
    if (template !== undefined && !(template instanceof FakeSheet))
      throw this.env.unsupported('a template not made by the fake');
    const sheet = this.addSheet(name, [], index);
    if (template instanceof FakeSheet) {
      sheet.grid = template.grid.clone();
      sheet.frozenRows = template.frozenRows;
      sheet.frozenColumns = template.frozenColumns;
    }
    this.activate(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.track('deleteSheet');
    touchRevisions();
    if (!this.sheets.includes(sheet)) throw this.env.exception('Sheet not found');
    if (this.sheets.length === 1) throw this.env.exception("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [name, anchor] of this.namedRanges) if (anchor.sheetId === sheet.id) this.namedRanges.delete(name);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.id);
    this.metadata = this.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== sheet.id);
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
    if (this.activeRange?.sheet === sheet) this.activeRange = null;
  }

  // --- Ranges and names -----------------------------------------------------------------------------------

  /** `'Sheet!A1:B2'`; without a sheet name, a range of the active sheet. */
  getRange(a1Notation: string): FakeRange {
    this.track('getRange');
    const ref = parseA1(a1Notation);
    if (!ref) throw this.env.exception('Range not found');
    const sheet = ref.sheetName === null ? this.activeSheet() : this.sheetByName(ref.sheetName);
    if (!sheet) throw this.env.exception('Range not found');
    return sheet.resolved(ref);
  }

  getRangeByName(name: string): FakeRange | null {
    this.track('getRangeByName');
    return this.namedRange(name);
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.track('setNamedRange');
    touchRevisions();
    this.checkRangeName(name);
    this.namedRanges.set(name, range.sheet.anchor(range.area));
  }

  getNamedRanges(): FakeNamedRange[] {
    this.track('getNamedRanges');
    return [...this.namedRanges.keys()].map((name) => new FakeNamedRange(this.env, this, name));
  }

  removeNamedRange(name: string): void {
    this.track('removeNamedRange');
    touchRevisions();
    this.namedRanges.delete(name);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    this.track('getProtections');
    return this.protections.filter((p) => p.type === type);
  }

  // --- Developer metadata ---------------------------------------------------------------------------------

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): FakeSpreadsheet {
    this.track('addDeveloperMetadata');
    const args = metadataArgs(valueOrVisibility, visibility);
    this.addMetadata({ type: 'SPREADSHEET' }, key, args.value, args.visibility);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.track('getDeveloperMetadata');
    return this.metadata.filter((m) => m.location.type === 'SPREADSHEET');
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.track('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.env, this, { kind: 'spreadsheet' });
  }

  // --- Fake internals and test helpers (not Apps Script, not counted) -------------------------------------

  protected override label(): string {
    return this.name;
  }

  /** Test helper: the sheet called `name`; throws when there is none. */
  sheet(name: string): FakeSheet {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`The fake spreadsheet has no sheet named "${name}"`);
    return sheet;
  }

  /** Test helper: adds a sheet holding `rows` (user input, as setValues takes it) at a 0-based index. */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], index = this.sheets.length): FakeSheet {
    this.checkSheetName(name, null);
    const sheet = new FakeSheet(this.env, this, this.nextSheetId++, name, new Grid());
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    if (!this.active) this.active = sheet;
    if (rows.length > 0) sheet.seed(rows);
    return sheet;
  }

  /** Test helper: the values (formulas evaluated by the hook) and formulas of a sheet's data range. */
  dump(sheetName: string): SheetDump {
    return this.sheet(sheetName).dump();
  }

  sheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  sheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  activeSheet(): FakeSheet {
    const sheet = this.active ?? this.sheets[0];
    if (!sheet) throw new Error('The fake spreadsheet has no sheets');
    return sheet;
  }

  activeRangeOrCursor(): FakeRange {
    return this.activeRange ?? this.activeSheet().rangeAt(1, 1);
  }

  activate(sheet: FakeSheet, range: FakeRange | null = null): void {
    this.active = sheet;
    this.activeRange = range;
  }

  namedRange(name: string): FakeRange | null {
    const anchor = this.namedRanges.get(name);
    const sheet = anchor ? this.sheetById(anchor.sheetId) : null;
    return anchor && sheet ? sheet.rangeOf(anchor) : null;
  }

  /** Sheet names are unique regardless of case. */
  checkSheetName(name: string, except: FakeSheet | null): void {
    const clash = this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw this.env.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** A range name starts with a letter or `_`, holds letters, digits, `_` and `.`, and is not a cell reference. */
  checkRangeName(name: string): void {
    const valid =
      /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
      !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
      !/^[Rr][0-9]*[Cc][0-9]*$/.test(name) &&
      !/^(true|false)$/i.test(name);
    if (!valid) throw this.env.exception(`Invalid named range name: ${name}`);
  }

  addMetadata(
    location: MetadataLocation,
    key: string,
    value: string | null,
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): void {
    this.metadata.push(
      new FakeDeveloperMetadata(this.env, this, this.nextMetadataId++, key, value, visibility, location),
    );
  }

  /** A range of a stored grid range (uncounted), for the charts' ranges. */
  rangeOfGrid(g: GridRange): FakeRange {
    const sheet = this.sheetById(g.sheetId);
    if (!sheet) throw this.env.exception('The sheet of this range was deleted.');
    return sheet.rangeAt(g.rows.start, g.columns.start, g.rows.size, g.columns.size);
  }

  /** Moves named ranges, protections and row/column metadata of a sheet after rows or columns changed. */
  moveAnchors(sheetId: number, axis: Axis, at: number, delta: number): void {
    for (const [name, anchor] of this.namedRanges) {
      if (anchor.sheetId === sheetId && !anchor.move(axis, at, delta)) this.namedRanges.delete(name);
    }
    this.protections = this.protections.filter((p) => {
      if (p.sheetId !== sheetId) return true;
      p.unprotected = p.unprotected.filter((g) => g.move(axis, at, delta));
      return p.range === null || p.range.move(axis, at, delta);
    });
    const locationType = axis === 'rows' ? 'ROW' : 'COLUMN';
    this.metadata = this.metadata.filter((m) => {
      const location = m.location;
      if (location.type !== locationType || location.sheetId !== sheetId) return true;
      const span = moveSpan(location.span, at, delta);
      if (span) m.location = { ...location, span };
      return span !== null;
    });
  }

  /** A formula cell's value, from the evaluator hook ('' without one). */
  evaluate(sheet: FakeSheet, row: number, column: number, formula: string): CellValue {
    if (!this.evaluator) return '';
    return asCellValue(this.evaluator(formula, { sheet: sheet.name, row, column }));
  }

  /** An empty cell's value: what an array formula spills into it, from the spill hook ('' without one). */
  spilled(sheet: FakeSheet, row: number, column: number): CellValue {
    if (!this.spill) return '';
    return asCellValue(this.spill({ sheet: sheet.name, row, column }));
  }

  private freeSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }
}

/** What a hook answered, as a cell value: blank for nothing, other objects as their text. */
function asCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || isDate(value)) {
    return value;
  }
  return String(value);
}
