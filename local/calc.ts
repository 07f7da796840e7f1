// The formula engine beside the fake spreadsheet: one HyperFormula workbook kept in step with the fake's
// sheets for the runtime's whole life, so a formula cell shows what Sheets would compute. It is lazy: a read
// first compares each sheet's grid revision (bumped by every write, see local/spreadsheet/grid.ts) with the
// one it last saw and applies what changed as one batched edit (evaluation suspended, then resumed once):
// sheets added, removed or renamed, named ranges moved, and only the cells whose input differs, so
// HyperFormula recomputes only what depends on them through its own dependency graph. A read of a cell that
// none of the changes reaches is answered at once, and the changes wait for a read that needs them
// (local/fresh-reads.ts). Formulas are read once per text and kept until a sheet is added, removed, renamed
// or resized (open-ended ranges such as `A2:A` end at a sheet's last row). A new locale, or an array literal
// left whole, rebuilds the engine. IMPORTRANGE reads other workbooks, which HyperFormula cannot see: when its
// host's revision moves, the imports whose source or grant moved are entered again in the same batched edit.
//
// The input HyperFormula gets is the fake's, translated (local/sheets-syntax.ts): formulas are read in the
// syntax of the spreadsheet's locale (`=ROUND(2,5;0)` on a Polish spreadsheet) while the fake keeps them as
// typed, so `getFormula` shows them back that way; a formula that does not parse shows #ERROR! "Formula parse
// error." in its own cell only, as in Sheets. Texts are forced to stay
// text, numbers in date-formatted cells and dates enter as dates (so a custom function receives a `Date`,
// as in Apps Script), and an array-literal header `={"Score"; KR_SCORE(…)}` is split into its elements,
// the later ones put into the empty cells below, where Sheets would put their values. When those cells are
// not empty, Sheets cannot expand the array and shows #REF!; so does this.

import {
  CellError,
  type ConfigParams,
  DetailedCellError,
  type CellValue as HfValue,
  HyperFormula,
  type RawCellContent,
} from 'hyperformula';
import { isDateFormat, localDateOfSerial, serialFromDate } from './dates';
import { rememberInEngine } from './engine-memo';
import {
  type CustomFunctionHost,
  SHEETS_NAMED_EXPRESSIONS,
  type SparklineRecord,
  sparklineKey,
} from './formula-functions';
import { type ChangedRows, FreshReads } from './fresh-reads';
import type { ImportRangeHost } from './import-range';
import { arrayLiteral, cellA1, readLocaleFormula, translateFormula } from './sheets-syntax';
import type { FakeSheet, FakeSpreadsheet } from './spreadsheet';
import { columnLetters } from './spreadsheet/a1';

/** A computed cell: a value (`date` when HyperFormula typed the number as a date or time), or an error. */
export type Computed =
  | { kind: 'value'; value: number | string | boolean | null; date: boolean }
  | { kind: 'error'; code: string; message: string };

type Content = Exclude<RawCellContent, undefined>;

/** Cells by `key(row, column)`, 1-based; a sheet has at most 18 278 columns. */
const key = (row: number, column: number): number => row * 20_000 + column;
const rowOf = (k: number): number => Math.floor(k / 20_000);
const columnOf = (k: number): number => k % 20_000;

interface ArrayAnchor {
  /** Cells the elements fill, the anchor first. */
  cells: number[];
  /** Why the array cannot expand, when it cannot. */
  blocked: string | null;
}

interface Shadow {
  name: string;
  revision: number;
  contents: Map<number, Content>;
  anchors: Map<number, ArrayAnchor>;
  /** Cells filled by an anchor's later elements. */
  claimed: Set<number>;
  /** An array literal was left to HyperFormula as it is, which it does not recompute after an edit. */
  unsplit: boolean;
  /** Cells whose formula does not parse in the spreadsheet's locale. */
  unparsed: Set<number>;
  /** A formula holds an open-ended range (`A2:A`), which ends at a sheet's last row. */
  sized: boolean;
  /** The sheets and named ranges its formulas name (lower case): what it needs in the engine beside itself. */
  refs: References;
  /** The columns read (the sheet's last column then). */
  columns: number;
}

/** What formulas name: sheets (`'OKR Q1 2027'!A1`, `History!C:C`) and names that may be named ranges. */
interface References {
  sheets: Set<string>;
  names: Set<string>;
}

/** A formula of the fake as HyperFormula reads it. */
type ReadFormula =
  | { kind: 'unparsed' }
  | { kind: 'literal'; formula: string; refs: References }
  | { kind: 'formula'; content: string; unsplit: boolean; sized: boolean; refs: References };

/** A letter (any script's), a digit, `_` or `.`: what names of sheets, named ranges and functions are made of. */
function isNameChar(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 46
    );
  }
  return NON_ASCII_NAME_CHAR.test(String.fromCharCode(code));
}
const NON_ASCII_NAME_CHAR = /[\p{L}\p{N}]/u;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;

/**
 * The sheets and the possible named ranges a formula names, in lower case (Sheets and HyperFormula match
 * both regardless of case). Texts in quotes name nothing. It may name more than the formula reads (a name
 * that is no named range, a column's letter), never less: HyperFormula has no INDIRECT, so a formula reads
 * only what it names. One pass over the text, as every formula of a workbook goes through it.
 */
export function referencesOf(formula: string): References {
  const sheets = new Set<string>();
  const names = new Set<string>();
  const length = formula.length;
  let i = 0;
  while (i < length) {
    const code = formula.charCodeAt(i);
    if (code === 34) {
      // "text", with "" inside: skipped whole.
      let j = formula.indexOf('"', i + 1);
      while (j !== -1 && formula.charCodeAt(j + 1) === 34) j = formula.indexOf('"', j + 2);
      i = j === -1 ? length : j + 1;
    } else if (code === 39) {
      // 'sheet name'!, with '' inside.
      let j = formula.indexOf("'", i + 1);
      while (j !== -1 && formula.charCodeAt(j + 1) === 39) j = formula.indexOf("'", j + 2);
      if (j === -1) break;
      if (formula.charCodeAt(j + 1) === 33)
        sheets.add(
          formula
            .slice(i + 1, j)
            .replace(/''/g, "'")
            .toLowerCase(),
        );
      i = j + 1;
    } else if (code < 128 && !isNameChar(code)) {
      i++;
    } else if (isNameChar(code) && !isDigit(code) && code !== 46) {
      let j = i + 1;
      while (j < length && isNameChar(formula.charCodeAt(j))) j++;
      const next = formula.charCodeAt(j);
      if (next === 33) sheets.add(formula.slice(i, j).toLowerCase());
      else if (next !== 40 && next !== 36 && (i === 0 || formula.charCodeAt(i - 1) !== 36)) {
        const word = formula.slice(i, j);
        if (!CELL_LIKE.test(word)) names.add(word.toLowerCase());
      }
      i = j;
    } else if (isNameChar(code)) {
      // A number (1.5, 2E3): its letters name nothing.
      i++;
      while (i < length && isNameChar(formula.charCodeAt(i))) i++;
    } else i++;
  }
  return { sheets, names };
}

/**
 * Formulas read by any engine of the process, by locale and text: only reads that no sheet's row count
 * changes (see `readFormula`). Never changed once made; emptied when one locale's reach this many.
 */
const SHARED_READS = new Map<string, Map<string, ReadFormula>>();
const SHARED_READS_LIMIT = 200_000;

/** What `sync` asks for: every sheet of the workbook. */
const EVERY_SHEET = Symbol('every sheet');

/** One cell to write into HyperFormula (0-based, as it counts). */
interface Edit {
  sheet: number;
  row: number;
  col: number;
  content: Content;
}

/**
 * Fills a sheet new to the engine: each row's runs of filled cells (not `null`), in order. Such a sheet holds
 * nothing but the placeholders other sheets' references made in it; setSheetContent would clear those first
 * (making them again) and enter every empty cell of its rows.
 */
function fillNewSheet(hf: HyperFormula, sheet: number, shadow: Shadow): void {
  const runs: { row: number; col: number; cells: Content[] }[] = [];
  for (const at of Float64Array.from(shadow.contents.keys()).sort()) {
    const content = shadow.contents.get(at) as Content;
    if (content === null) continue;
    const row = rowOf(at) - 1;
    const col = columnOf(at) - 1;
    const last = runs[runs.length - 1];
    if (last?.row === row && last.col + last.cells.length === col) last.cells.push(content);
    else runs.push({ row, col, cells: [content] });
  }
  for (const { row, col, cells } of runs) hf.setCellContents({ sheet, row, col }, [cells]);
}

/**
 * The rows a sheet changed in since its shadow was read: `null` for none, `'whole'` when rows moved or a
 * changed row holds an array literal's elements (which read the sheet again whole, see `shadowSince`).
 */
function changedRows(sheet: FakeSheet, shadow: Shadow): ChangedRows | 'whole' | null {
  if (sheet.grid.revision === shadow.revision) return null;
  const rows = sheet.grid.rowsChangedSince(shadow.revision);
  if (rows === null) return 'whole';
  if (rows.length === 0) return null;
  if (literalRowsChanged(shadow, rows)) return 'whole';
  // In order, as the grid lists them.
  return { rows: new Set(rows), first: rows[0] as number };
}

/**
 * Whether a changed row holds an array literal's elements: they fill the cells below (or beside) it when
 * those are free, so the sheet is read again whole.
 */
function literalRowsChanged(shadow: Shadow, rows: readonly number[]): boolean {
  if (shadow.anchors.size === 0) return false;
  const covered = new Set<number>();
  for (const anchor of shadow.anchors.values()) for (const at of anchor.cells) covered.add(rowOf(at));
  return rows.some((row) => covered.has(row));
}

/** Writes edits, cells side by side in one row as one call (History appends whole rows). */
function writeEdits(hf: HyperFormula, edits: Edit[]): void {
  edits.sort((a, b) => a.row - b.row || a.col - b.col);
  let i = 0;
  while (i < edits.length) {
    const first = edits[i] as Edit;
    const line: Content[] = [first.content];
    let j = i + 1;
    for (; j < edits.length; j++) {
      const next = edits[j] as Edit;
      if (next.row !== first.row || next.col !== first.col + line.length) break;
      line.push(next.content);
    }
    hf.setCellContents({ sheet: first.sheet, row: first.row, col: first.col }, [line]);
    i = j;
  }
}

// What a cell whose formula does not parse holds for HyperFormula, and what Sheets says on hover.
const PARSE_ERROR_FORMULA = '=#ERROR!';
const PARSE_ERROR_MESSAGE = 'Formula parse error.';

const ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NAME: '#NAME?',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
  REF: '#REF!',
  // Sheets shows a circular reference and a blocked spill as #REF!.
  CYCLE: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
  ERROR: '#ERROR!',
};

function sameContent(a: Content | undefined, b: Content | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export interface CalcFigures {
  builds: number;
  patches: number;
  /** Sheets in the engine now: the ones read and the ones their formulas name (see `bringUpToDate`). */
  sheets: number;
  /** Milliseconds spent building and patching HyperFormula, custom functions included. */
  ms: number;
}

/** The engine's `context` beyond the custom functions: what function plugins registered with HyperFormula read. */
export interface EngineContext {
  /** IMPORTRANGE's reader of other workbooks (local/import-range.ts). */
  importRange?: ImportRangeHost | null;
  [more: string]: unknown;
}

export class WorkbookCalc {
  readonly figures: CalcFigures = { builds: 0, patches: 0, sheets: 0, ms: 0 };
  private hf: HyperFormula | null = null;
  /** The locale the engine read the formulas in. */
  private locale = '';
  /** Every sheet's id, name and row count when formulas were last read (see `layoutOf`). */
  private layout = '';
  /** The named expressions in the engine, by name. */
  private named = new Map<string, string>();
  private shadows = new Map<number, Shadow>();
  private readonly formulaCache = new Map<number, Map<string, ReadFormula>>();
  private busy = false;
  /** The sheets read so far (by id), and whether every sheet was asked for: see `bringUpToDate`. */
  private readonly wanted = new Set<number>();
  private everySheet = false;
  /** Whether each sheet holds an IMPORTRANGE formula, by sheet id, for the revision it was looked at. */
  private readonly importing = new Map<number, { revision: number; found: boolean }>();
  /** Every sheet's id and name when the engine was last brought up to date (see `sameSheets`). */
  private sheetList: { id: number; name: string }[] = [];
  /** What each SPARKLINE cell plots, recorded by the engine as it computes (local/formula-functions.ts). */
  private readonly sparklines: SparklineRecord = new Map();
  /**
   * The cells known current while edits wait, for the grid revisions it was made at (see `freshReads`);
   * `reads` is `null` when nothing can be told before the edits enter.
   */
  private fresh: { revisions: Map<number, number>; reads: FreshReads | null } | null = null;

  constructor(
    private readonly book: FakeSpreadsheet,
    /** Computes the custom functions; one object for the engine's lifetime. */
    private readonly customFunctions: CustomFunctionHost,
    /**
     * More of the engine's `context` setting, which function plugins read (`this.config.context`): a
     * plugin registered with HyperFormula finds here whatever it needs beside the custom functions, such as
     * IMPORTRANGE's reader of other workbooks (`importRange`, local/import-range.ts), whose revision moving
     * enters the imports again (see `sync`).
     */
    private readonly context: EngineContext = {},
  ) {}

  /** The imports' revision when HyperFormula last computed them. */
  private importRevision = '';

  private get imports(): ImportRangeHost | null {
    return this.context.importRange ?? null;
  }

  /** The computed value of a cell (1-based), formula or not; `null` value for an empty cell. */
  computed(sheetName: string, row: number, column: number): Computed {
    this.bringUpToDate(sheetName, { row, column });
    const hf = this.hf;
    const sheet = this.book.sheetByName(sheetName);
    const shadow = sheet ? this.shadows.get(sheet.id) : undefined;
    const id = hf?.getSheetId(sheetName);
    if (!hf || !shadow || id === undefined) return { kind: 'value', value: null, date: false };
    const at = key(row, column);
    if (shadow.unparsed.has(at)) return { kind: 'error', code: '#ERROR!', message: PARSE_ERROR_MESSAGE };
    const anchor = shadow.anchors.get(at);
    if (anchor?.blocked) return { kind: 'error', code: '#REF!', message: anchor.blocked };
    if (anchor) {
      // The last element spilling into occupied cells: Sheets cannot expand the whole array.
      for (const cell of anchor.cells) {
        const value = hf.getCellValue({ sheet: id, row: rowOf(cell) - 1, col: columnOf(cell) - 1 });
        if (value instanceof DetailedCellError && value.type === 'SPILL') {
          return { kind: 'error', code: '#REF!', message: this.spillBlocked(sheet as FakeSheet, shadow, cell) };
        }
      }
    }
    const address = { sheet: id, row: row - 1, col: column - 1 };
    const value = hf.getCellValue(address);
    if (value instanceof DetailedCellError && value.type === 'SPILL') {
      if (shadow.claimed.has(at)) return { kind: 'value', value: null, date: false };
      return { kind: 'error', code: '#REF!', message: this.spillBlocked(sheet as FakeSheet, shadow, at) };
    }
    return this.convert(value, () => hf.getCellValueDetailedType(address));
  }

  /**
   * Why an array formula at `at` shows #REF!, in Sheets' words ("Array result was not expanded because it
   * would overwrite data in M9."): the first occupied cell of the range its result would fill.
   * https://support.google.com/docs/answer/3093275 (array formulas and their expanded results)
   */
  private spillBlocked(sheet: FakeSheet, shadow: Shadow, at: number): string {
    const content = shadow.contents.get(at);
    const id = this.hf?.getSheetId(sheet.name);
    let where: string | null = null;
    if (this.hf && id !== undefined && typeof content === 'string' && content.startsWith('=')) {
      this.busy = true;
      try {
        const result = this.hf.calculateFormula(content, id);
        const height = Array.isArray(result) ? result.length : 1;
        const width = Array.isArray(result) ? (result[0]?.length ?? 1) : 1;
        const [top, left] = [rowOf(at), columnOf(at)];
        for (let row = top; row < top + height && where === null; row++) {
          for (let column = left; column < left + width && where === null; column++) {
            if (row === top && column === left) continue;
            const cell = sheet.grid.peek(row, column);
            if (cell.formula !== '' || cell.value !== '') where = cellA1(row, column);
          }
        }
      } catch {
        // No size to tell: the message without the cell.
      } finally {
        this.busy = false;
      }
    }
    return where === null
      ? 'Array result was not expanded because it would overwrite data.'
      : `Array result was not expanded because it would overwrite data in ${where}.`;
  }

  /** Evaluates a formula as if it stood in a cell of `sheetName` (conditional formats use it). */
  calculate(formula: string, sheetName: string): Computed {
    this.bringUpToDate(sheetName);
    const hf = this.hf;
    const sheet = this.book.sheetByName(sheetName);
    const id = hf?.getSheetId(sheetName);
    if (!hf || !sheet || id === undefined) return { kind: 'value', value: null, date: false };
    this.busy = true;
    try {
      const read = readLocaleFormula(formula, this.book.locale);
      if (read === null) return { kind: 'error', code: '#ERROR!', message: PARSE_ERROR_MESSAGE };
      const result = hf.calculateFormula(this.translate(read, sheet), id);
      const first = Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
      return this.convert(first, () => 'NUMBER');
    } catch (error) {
      return { kind: 'error', code: '#ERROR!', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.busy = false;
    }
  }

  /**
   * The data a SPARKLINE in this cell plots, or `null` when the cell draws none. HyperFormula computes both
   * branches of an IF, so only a cell its SPARKLINE left empty draws one.
   */
  sparkline(sheetName: string, row: number, column: number): number[] | null {
    this.bringUpToDate(sheetName, { row, column });
    const id = this.hf?.getSheetId(sheetName);
    if (!this.hf || id === undefined) return null;
    const data = this.sparklines.get(sparklineKey(id, row - 1, column - 1));
    if (!data || this.hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 }) !== null) return null;
    return data;
  }

  /** How far a sheet's computed cells reach (spills included), in rows and columns. */
  dimensions(sheetName: string): { rows: number; columns: number } {
    this.bringUpToDate(sheetName, 'size');
    const id = this.hf?.getSheetId(sheetName);
    if (!this.hf || id === undefined) return { rows: 0, columns: 0 };
    const { height, width } = this.hf.getSheetDimensions(id);
    return { rows: height, columns: width };
  }

  /** True while HyperFormula computes: a custom function reading cells then reads them uncomputed. */
  get computing(): boolean {
    return this.busy;
  }

  /**
   * Brings every sheet of the workbook into the engine and up to date (see `bringUpToDate`): for a reader
   * of the whole workbook, such as the imports' status.
   */
  sync(): void {
    this.bringUpToDate(EVERY_SHEET);
  }

  /**
   * Brings HyperFormula up to date with the fake, if anything changed since the last read: one batched edit
   * (evaluation suspended, then resumed once) that removes, adds and fills sheets, moves named ranges and
   * rewrites only the cells whose input differs, so HyperFormula recomputes only what depends on them.
   *
   * The engine holds only the sheets read so far and the sheets their formulas name (sheets, and the sheets
   * of named ranges), and theirs in turn: a sheet no read needs is neither read nor computed. Its cells
   * cannot change any value read, since a formula reads only what it names (HyperFormula has no INDIRECT).
   * A check-in reads the OKR sheet, History and its tab, and leaves the OKR feed, which no formula of the
   * workbook names, to the company's roll-up that imports it.
   */
  private bringUpToDate(request: string | typeof EVERY_SHEET, read?: { row: number; column: number } | 'size'): void {
    if (this.busy) return;
    let asked = false;
    if (request === EVERY_SHEET) {
      asked = !this.everySheet;
      this.everySheet = true;
    } else {
      const sheet = this.book.sheetByName(request);
      if (sheet && !this.wanted.has(sheet.id)) {
        this.wanted.add(sheet.id);
        asked = !this.shadows.has(sheet.id);
      }
    }
    const imports = this.imports;
    const importsSeen = !imports || imports.revision() === this.importRevision;
    // The common case, checked without building anything: the same sheets, and every one in the engine as
    // last seen (a resize bumps the revision too).
    if (this.hf && importsSeen && !asked && this.sameSheets() && this.allSeen()) return;
    // A read that none of the waiting edits reaches leaves them waiting (local/fresh-reads.ts).
    if (read && typeof request === 'string' && this.hf && importsSeen && !asked && this.sameSheets()) {
      const reads = this.freshReads();
      const id = this.hf.getSheetId(request);
      if (reads && id !== undefined) {
        if (read === 'size' ? reads.sheetIsCurrent(id) : reads.isCurrent(id, read.row, read.column)) return;
      }
    }
    this.fresh = null;
    // The locale decides how every formula reads; an array literal left whole is not recomputed by
    // HyperFormula after an edit: both start it afresh.
    if (!this.hf || this.locale !== this.book.locale || [...this.shadows.values()].some((shadow) => shadow.unsplit)) {
      this.rebuild();
      return;
    }
    try {
      this.timed(() => this.patch(this.hf as HyperFormula, !importsSeen));
    } catch {
      // HyperFormula failing half-way through an edit leaves its graph unknown: start it afresh.
      this.rebuild();
      return;
    }
    this.figures.patches++;
    this.figures.sheets = this.shadows.size;
    if (this.imports) this.importRevision = this.imports.revision();
  }

  /** The cells known current for the edits waiting now; made again when a grid moves. */
  private freshReads(): FreshReads | null {
    const known = this.fresh;
    if (known && this.revisionsAre(known.revisions)) return known.reads;
    const revisions = new Map<number, number>();
    for (const id of this.shadows.keys()) revisions.set(id, this.book.sheetById(id)?.grid.revision ?? -1);
    const reads = this.waitingEdits();
    this.fresh = { revisions, reads };
    return reads;
  }

  private revisionsAre(revisions: Map<number, number>): boolean {
    if (revisions.size !== this.shadows.size) return false;
    for (const [id, revision] of revisions) if (this.book.sheetById(id)?.grid.revision !== revision) return false;
    return true;
  }

  /**
   * What waits to enter the engine, by the rows each sheet changed in; `null` when it cannot be told so
   * (a new locale, an array literal left whole, sheets renamed, named ranges moved).
   */
  private waitingEdits(): FreshReads | null {
    const hf = this.hf;
    if (!hf || this.locale !== this.book.locale) return null;
    const relaid = this.layoutOf() !== this.layout;
    const held = new Map<number, FakeSheet>();
    const changes = new Map<number, ChangedRows | 'whole' | null>();
    const shadows = new Map<number, { shadow: Shadow; sheet: FakeSheet }>();
    for (const [id, shadow] of this.shadows) {
      const sheet = this.book.sheetById(id);
      const hfId = hf.getSheetId(shadow.name);
      if (!sheet || shadow.unsplit || sheet.name !== shadow.name || hfId === undefined) return null;
      held.set(id, sheet);
      shadows.set(hfId, { shadow, sheet });
      changes.set(hfId, changedRows(sheet, shadow));
    }
    const named = this.namedExpressions(held);
    if (named.length !== this.named.size || named.some(({ name, expression }) => this.named.get(name) !== expression)) {
      return null;
    }
    return new FreshReads(hf, {
      changes: (sheet) => changes.get(sheet),
      formulaText: (sheet, row, column) => {
        const held = shadows.get(sheet);
        const content = held?.shadow.contents.get(key(row, column));
        if (!held || typeof content !== 'string' || !content.startsWith('=')) return null;
        if (relaid && held.shadow.sized) {
          // An open-ended range ends at a sheet's last row, which may have moved.
          const read = this.formulaCache.get(held.sheet.id)?.get(held.sheet.grid.peek(row, column).formula);
          if (read?.kind !== 'formula' || read.sized) return null;
        }
        return content;
      },
      resized: (sheet) => relaid && shadows.get(sheet)?.shadow.sized === true,
    });
  }

  /** Every sheet in the engine is as it was when last read into it. */
  private allSeen(): boolean {
    for (const [id, shadow] of this.shadows) {
      const sheet = this.book.sheetById(id);
      if (!sheet || shadow.revision !== sheet.grid.revision || shadow.name !== sheet.name) return false;
    }
    return true;
  }

  /**
   * The same sheets, by id and name, as when the engine was last brought up to date: a sheet added, removed
   * or renamed may be one a formula in the engine names. Asked at every read, so nothing is built for it.
   */
  private sameSheets(): boolean {
    const sheets = this.book.sheets;
    const list = this.sheetList;
    if (sheets.length !== list.length) return false;
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i] as FakeSheet;
      const seen = list[i] as { id: number; name: string };
      if (sheet.id !== seen.id || sheet.name !== seen.name) return false;
    }
    return true;
  }

  /**
   * The sheets the engine must hold: the ones read (or all, once every sheet was asked for), the ones in it
   * already, and every sheet their formulas name, in the workbook's order. Shadows read on the way are left
   * in `fresh` for the edit to use.
   */
  private engineSheets(fresh: Map<number, Shadow>, relaid: boolean): FakeSheet[] {
    const sheets = this.book.sheets;
    const byName = new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
    const namedSheets = new Map<string, number>();
    for (const [name, range] of this.book.namedRanges) namedSheets.set(name.toLowerCase(), range.sheetId);
    // IMPORTRANGE joins the workbooks of a folder, and which imports wait on each other (a cycle through
    // another workbook) is told only when each workbook computes all of its imports: a workbook holding one
    // keeps every sheet in its engine.
    const everySheet = this.everySheet || (this.imports !== null && sheets.some((sheet) => this.importsIn(sheet)));
    const held = new Set<number>();
    const queue: FakeSheet[] = [];
    const hold = (sheet: FakeSheet | null | undefined) => {
      if (!sheet || held.has(sheet.id)) return;
      held.add(sheet.id);
      queue.push(sheet);
    };
    for (const sheet of sheets) {
      if (everySheet || this.wanted.has(sheet.id) || this.shadows.has(sheet.id)) hold(sheet);
    }
    for (let sheet = queue.pop(); sheet; sheet = queue.pop()) {
      const { refs } = this.currentShadow(sheet, fresh, relaid);
      for (const name of refs.sheets) hold(byName.get(name));
      for (const name of refs.names) {
        const id = namedSheets.get(name);
        if (id !== undefined) hold(this.book.sheetById(id));
      }
    }
    return sheets.filter((sheet) => held.has(sheet.id));
  }

  /** Whether a sheet holds an IMPORTRANGE formula; remembered for its revision. */
  private importsIn(sheet: FakeSheet): boolean {
    const known = this.importing.get(sheet.id);
    if (known?.revision === sheet.grid.revision) return known.found;
    const grid = sheet.grid;
    let found = false;
    const lastRow = grid.lastRow();
    const lastColumn = grid.lastColumn();
    for (let row = 1; row <= lastRow && !found; row++) {
      for (let column = 1; column <= lastColumn && !found; column++) {
        const { formula } = grid.peek(row, column);
        found = formula !== '' && /IMPORTRANGE\s*\(/i.test(formula);
      }
    }
    this.importing.set(sheet.id, { revision: grid.revision, found });
    return found;
  }

  /** A sheet's shadow as it is now: the one in the engine when nothing changed, else read again (once). */
  private currentShadow(sheet: FakeSheet, fresh: Map<number, Shadow>, relaid: boolean): Shadow {
    const known = fresh.get(sheet.id);
    if (known) return known;
    const before = this.shadows.get(sheet.id);
    if (before && before.name === sheet.name && before.revision === sheet.grid.revision && !(relaid && before.sized)) {
      return before;
    }
    // Unless formulas read differently now (a sheet's row count moved), only the rows changed are read.
    const after = (before && !(relaid && before.sized) && this.shadowSince(sheet, before)) || this.shadowOf(sheet);
    fresh.set(sheet.id, after);
    return after;
  }

  private patch(hf: HyperFormula, importsMoved: boolean): void {
    // Open-ended ranges (`A2:A`) end at a sheet's last row: after a resize, an added, removed or renamed
    // sheet, formulas are read again and the sheets holding such ranges compared cell by cell.
    const layout = this.layoutOf();
    const relaid = layout !== this.layout;
    if (relaid) {
      // Only a formula with an open-ended range reads differently when a sheet's row count moves.
      for (const cache of this.formulaCache.values()) {
        for (const [text, read] of cache) if (read.kind === 'formula' && read.sized) cache.delete(text);
      }
      this.layout = layout;
    }
    const fresh = new Map<number, Shadow>();
    const sheets = this.engineSheets(fresh, relaid);
    const byId = new Map(sheets.map((sheet) => [sheet.id, sheet]));
    const stale = sheets.filter((sheet) => {
      const shadow = this.shadows.get(sheet.id);
      return (
        shadow !== undefined &&
        shadow.name === sheet.name &&
        (shadow.revision !== sheet.grid.revision || (relaid && shadow.sized))
      );
    });
    // HyperFormula does not expand an array again once the cells it was blocked by are cleared; Sheets
    // does at once. So a formula that could not spill is entered again with the edit, and expands if it can.
    const blocked = new Map<number, Edit[]>();
    for (const sheet of stale) {
      const before = this.shadows.get(sheet.id) as Shadow;
      const id = hf.getSheetId(sheet.name) as number;
      const cells: Edit[] = [];
      for (const [at, content] of before.contents) {
        if (typeof content !== 'string' || !content.startsWith('=')) continue;
        const address = { sheet: id, row: rowOf(at) - 1, col: columnOf(at) - 1 };
        const value = hf.getCellValue(address);
        if (value instanceof DetailedCellError && value.type === 'SPILL') cells.push({ ...address, content });
      }
      blocked.set(sheet.id, cells);
    }
    const named = new Map(this.namedExpressions(byId).map(({ name, expression }) => [name, expression]));

    hf.suspendEvaluation();
    try {
      for (const [name] of this.named) {
        if (named.has(name)) continue;
        hf.removeNamedExpression(name);
        this.named.delete(name);
      }
      // Sheets removed or renamed leave (formulas naming the old name then show #REF!, as after a rebuild).
      for (const [sheetId, shadow] of [...this.shadows]) {
        if (byId.get(sheetId)?.name === shadow.name) continue;
        const id = hf.getSheetId(shadow.name);
        if (id !== undefined) {
          hf.removeSheet(id);
          for (const key of [...this.sparklines.keys()]) if (key.startsWith(`${id}:`)) this.sparklines.delete(key);
        }
        this.shadows.delete(sheetId);
      }
      // Sheets added (or renamed, or first needed) come in whole: all of them named first, so that their
      // formulas find each other. Each is new to the engine (a renamed one is added under its new name).
      const added = sheets.filter((sheet) => !this.shadows.has(sheet.id));
      for (const sheet of added) hf.addSheet(sheet.name);
      for (const sheet of added) {
        const shadow = fresh.get(sheet.id) ?? this.shadowOf(sheet);
        fillNewSheet(hf, hf.getSheetId(sheet.name) as number, shadow);
        this.shadows.set(sheet.id, shadow);
      }
      for (const [name, expression] of named) {
        const before = this.named.get(name);
        if (before === expression) continue;
        if (before === undefined) hf.addNamedExpression(name, expression);
        else hf.changeNamedExpression(name, expression);
        this.named.set(name, expression);
      }
      for (const sheet of stale) {
        const before = this.shadows.get(sheet.id) as Shadow;
        const id = hf.getSheetId(sheet.name) as number;
        const after = fresh.get(sheet.id) ?? this.shadowOf(sheet);
        const edits: Edit[] = [];
        // Formulas replaced or removed go first: an array among them leaves the cells it filled, so an array
        // written beside it in the same edit (rows moved up by one) is not blocked by it.
        const cleared: Edit[] = [];
        for (const [at, content] of after.contents) {
          const was = before.contents.get(at);
          if (!sameContent(was, content)) {
            const cell = { sheet: id, row: rowOf(at) - 1, col: columnOf(at) - 1 };
            if (typeof was === 'string' && was.startsWith('=')) cleared.push({ ...cell, content: null });
            edits.push({ ...cell, content });
          }
        }
        for (const at of before.contents.keys()) {
          if (!after.contents.has(at))
            cleared.push({ sheet: id, row: rowOf(at) - 1, col: columnOf(at) - 1, content: null });
        }
        writeEdits(hf, cleared);
        writeEdits(hf, edits);
        // After the cells that blocked them are cleared.
        const again = (blocked.get(sheet.id) ?? []).filter((cell) =>
          sameContent(after.contents.get(key(cell.row + 1, cell.col + 1)), cell.content),
        );
        writeEdits(hf, again);
        this.shadows.set(sheet.id, after);
      }
      // HyperFormula does not know an IMPORTRANGE reads another workbook: the imports whose source changed
      // or whose access was allowed are entered again, so it computes them and only what depends on them.
      const imports = this.imports;
      if (importsMoved && imports) {
        const edits: Edit[] = [];
        for (const shadow of this.shadows.values()) {
          const id = hf.getSheetId(shadow.name) as number;
          for (const [at, content] of shadow.contents) {
            if (typeof content === 'string' && imports.stale(content)) {
              edits.push({ sheet: id, row: rowOf(at) - 1, col: columnOf(at) - 1, content });
            }
          }
        }
        writeEdits(hf, edits);
      }
    } finally {
      hf.resumeEvaluation();
      this.sheetList = this.book.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name }));
    }
  }

  private rebuild(): void {
    this.formulaCache.clear();
    this.layout = this.layoutOf();
    this.locale = this.book.locale;
    this.shadows = new Map();
    const fresh = new Map<number, Shadow>();
    const sheets = this.engineSheets(fresh, false);
    this.shadows = new Map(sheets.map((sheet) => [sheet.id, fresh.get(sheet.id) ?? this.shadowOf(sheet)]));
    this.sheetList = this.book.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name }));
    const named = this.namedExpressions(new Map(sheets.map((sheet) => [sheet.id, sheet])));
    this.named = new Map(named.map(({ name, expression }) => [name, expression]));
    this.timed(() => {
      this.hf?.destroy();
      this.sparklines.clear();
      // Built empty and filled in one batch, so that its memories (local/engine-memo.ts) serve its first pass.
      const hf = HyperFormula.buildEmpty(this.engineConfig());
      this.hf = hf;
      rememberInEngine(hf, (value) => value instanceof CellError);
      hf.suspendEvaluation();
      try {
        // Every sheet named first, so that formulas find each other, then filled. Named expressions come
        // last: a formula naming one not yet added is bound to it when it is added, and its ranges then find
        // the cells in place rather than making placeholders for them.
        for (const shadow of this.shadows.values()) hf.addSheet(shadow.name);
        for (const shadow of this.shadows.values()) fillNewSheet(hf, hf.getSheetId(shadow.name) as number, shadow);
        for (const { name, expression } of [...SHEETS_NAMED_EXPRESSIONS, ...named])
          hf.addNamedExpression(name, expression);
      } finally {
        hf.resumeEvaluation();
      }
    });
    this.figures.builds++;
    this.figures.sheets = this.shadows.size;
    if (this.imports) this.importRevision = this.imports.revision();
  }

  /** The settings of the engine: the hosts its functions call (see `context`), no undo history. */
  private engineConfig(): Partial<ConfigParams> {
    return {
      licenseKey: 'gpl-v3',
      // Nobody undoes in the engine; keeping the history costs time and memory with every edit.
      undoLimit: 0,
      context: { ...this.context, customFunctions: this.customFunctions, sparklines: this.sparklines },
    };
  }

  /** What decides how open-ended ranges read: every sheet's id, name and row count. */
  private layoutOf(): string {
    return this.book.sheets.map((s) => `${s.id}\u0000${s.name}\u0000${s.grid.maxRows}`).join('\u0001');
  }

  /** The spreadsheet's named ranges as HyperFormula named expressions (`OKR_Q1_2027_as_of` → `='OKR Q1 2027'!$F$4`). */
  private namedExpressions(held: Map<number, FakeSheet>): { name: string; expression: string }[] {
    const named: { name: string; expression: string }[] = [];
    for (const [name, range] of this.book.namedRanges) {
      const sheet = held.get(range.sheetId);
      if (!sheet) continue;
      const first = `$${columnLetters(range.columns.start)}$${range.rows.start}`;
      const last = `$${columnLetters(range.columns.start + range.columns.size - 1)}$${range.rows.start + range.rows.size - 1}`;
      const area = first === last ? first : `${first}:${last}`;
      named.push({ name, expression: `='${sheet.name.replace(/'/g, "''")}'!${area}` });
    }
    return named;
  }

  private timed(work: () => void): void {
    const started = performance.now();
    this.busy = true;
    try {
      work();
    } finally {
      this.busy = false;
      this.figures.ms += performance.now() - started;
    }
  }

  /** What HyperFormula should hold for a sheet. */
  private shadowOf(sheet: FakeSheet): Shadow {
    const grid = sheet.grid;
    const contents = new Map<number, Content>();
    const literals: { row: number; column: number; formula: string }[] = [];
    const lastRow = grid.lastRow();
    const lastColumn = grid.lastColumn();
    let unsplit = false;
    let sized = false;
    const unparsed = new Set<number>();
    const refs: References = { sheets: new Set(), names: new Set() };
    const seenReads = new Set<ReadFormula>();
    const note = (read: ReadFormula) => {
      if (read.kind === 'unparsed' || seenReads.has(read)) return;
      seenReads.add(read);
      for (const name of read.refs.sheets) refs.sheets.add(name);
      for (const name of read.refs.names) refs.names.add(name);
    };
    for (let row = 1; row <= lastRow; row++) {
      for (let column = 1; column <= lastColumn; column++) {
        const cell = grid.peek(row, column);
        if (cell.formula) {
          const read = this.readFormula(cell.formula, sheet);
          note(read);
          if (read.kind === 'unparsed') {
            unparsed.add(key(row, column));
            contents.set(key(row, column), PARSE_ERROR_FORMULA);
          } else if (read.kind === 'literal') literals.push({ row, column, formula: read.formula });
          else {
            unsplit ||= read.unsplit;
            sized ||= read.sized;
            contents.set(key(row, column), read.content);
          }
        } else {
          const content = this.valueContent(cell.value, cell.numberFormat);
          if (content !== null) contents.set(key(row, column), content);
        }
      }
    }
    const anchors = new Map<number, ArrayAnchor>();
    const claimed = new Set<number>();
    for (const { row, column, formula } of literals) {
      const { direction, elements } = arrayLiteral(formula) as NonNullable<ReturnType<typeof arrayLiteral>>;
      const cells = elements.map((_, i) => (direction === 'down' ? key(row + i, column) : key(row, column + i)));
      const taken = cells.slice(1).find((at) => {
        const cell = grid.peek(rowOf(at), columnOf(at));
        return cell.formula !== '' || cell.value !== '' || claimed.has(at) || anchors.has(at);
      });
      if (taken !== undefined) {
        const where = cellA1(rowOf(taken), columnOf(taken));
        anchors.set(key(row, column), {
          cells,
          blocked: `Array result was not expanded because it would overwrite data in ${where}.`,
        });
        contents.set(key(row, column), '=NA()');
        continue;
      }
      anchors.set(key(row, column), { cells, blocked: null });
      elements.forEach((element, i) => {
        const at = cells[i] as number;
        if (i > 0) claimed.add(at);
        const translated = this.translateSized(element, sheet);
        sized ||= translated.sized;
        contents.set(at, translated.text);
      });
    }
    return {
      name: sheet.name,
      revision: grid.revision,
      contents,
      anchors,
      claimed,
      unsplit,
      unparsed,
      sized,
      refs,
      columns: lastColumn,
    };
  }

  /**
   * A sheet's shadow from its last one, reading again only the rows whose cells changed since; `null` when it
   * must be read whole (rows or columns moved, an array literal's rows changed or a new one written). The sheets and names its formulas name
   * are the earlier ones and the new ones: a name no longer used only keeps a sheet in the engine.
   */
  private shadowSince(sheet: FakeSheet, before: Shadow): Shadow | null {
    if (before.unsplit || before.name !== sheet.name) return null;
    const grid = sheet.grid;
    const changed = grid.rowsChangedSince(before.revision);
    if (changed === null) return null;
    if (literalRowsChanged(before, changed)) return null;
    const columns = Math.max(before.columns, grid.lastColumn());
    const contents = new Map(before.contents);
    const unparsed = new Set(before.unparsed);
    const refs: References = { sheets: new Set(before.refs.sheets), names: new Set(before.refs.names) };
    let sized = before.sized;
    for (const row of changed) {
      for (let column = 1; column <= columns; column++) {
        const at = key(row, column);
        contents.delete(at);
        unparsed.delete(at);
        const cell = grid.peek(row, column);
        if (!cell.formula) {
          const content = this.valueContent(cell.value, cell.numberFormat);
          if (content !== null) contents.set(at, content);
          continue;
        }
        const read = this.readFormula(cell.formula, sheet);
        if (read.kind === 'literal') return null;
        if (read.kind === 'unparsed') {
          unparsed.add(at);
          contents.set(at, PARSE_ERROR_FORMULA);
          continue;
        }
        if (read.unsplit) return null;
        sized ||= read.sized;
        for (const name of read.refs.sheets) refs.sheets.add(name);
        for (const name of read.refs.names) refs.names.add(name);
        contents.set(at, read.content);
      }
    }
    return {
      name: sheet.name,
      revision: grid.revision,
      contents,
      anchors: new Map(before.anchors),
      claimed: new Set(before.claimed),
      unsplit: false,
      unparsed,
      sized,
      refs,
      columns,
    };
  }

  /**
   * A formula of the fake as HyperFormula reads it, remembered by its text and sheet until the sheets'
   * layout changes (most cells keep their formula from one edit to the next).
   */
  private readFormula(formula: string, sheet: FakeSheet): ReadFormula {
    // By sheet, then by the formula's own text (no key to build: the text's hash is kept with it).
    let cache = this.formulaCache.get(sheet.id);
    if (!cache) {
      cache = new Map();
      this.formulaCache.set(sheet.id, cache);
    }
    const cached = cache.get(formula);
    if (cached) return cached;
    // Read already by another engine of the process (the fifty team workbooks of a roll-up share their
    // formulas' texts): a read that does not depend on any sheet's row count depends on the text and the
    // locale alone.
    let shared = SHARED_READS.get(this.book.locale);
    if (!shared || shared.size >= SHARED_READS_LIMIT) {
      shared = new Map();
      SHARED_READS.set(this.book.locale, shared);
    }
    const known = shared.get(formula);
    if (known) {
      cache.set(formula, known);
      return known;
    }
    const local = readLocaleFormula(formula, this.book.locale);
    let read: ReadFormula;
    if (local === null) read = { kind: 'unparsed' };
    else if (arrayLiteral(local)) read = { kind: 'literal', formula: local, refs: referencesOf(local) };
    else {
      const { text, sized } = this.translateSized(local, sheet);
      read = { kind: 'formula', content: text, unsplit: /^=\s*\{/.test(local), sized, refs: referencesOf(text) };
    }
    cache.set(formula, read);
    if (read.kind !== 'formula' || !read.sized) shared.set(formula, read);
    return read;
  }

  private translate(formula: string, sheet: FakeSheet): string {
    return this.translateSized(formula, sheet).text;
  }

  /** The translated formula, and whether it depends on a sheet's row count (an open-ended range). */
  private translateSized(formula: string, sheet: FakeSheet): { text: string; sized: boolean } {
    let sized = false;
    const text = translateFormula(formula, {
      maxRows: (name) => {
        sized = true;
        return ((name === null ? sheet : this.book.sheetByName(name)) ?? sheet).grid.maxRows;
      },
    });
    return { text, sized };
  }

  /** A stored value as HyperFormula input: text stays text, dates are dates. */
  private valueContent(value: unknown, numberFormat: string): Content {
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      return isDateFormat(numberFormat) ? (localDateOfSerial(value) ?? value) : value;
    }
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const serial = serialFromDate(value as Date, this.book.timeZone);
      return localDateOfSerial(serial) ?? serial;
    }
    // The apostrophe keeps "12" or "=x" text, as the fake stored it; HyperFormula drops it.
    return `'${String(value)}`;
  }

  private convert(value: HfValue, detailedType: () => string): Computed {
    if (value instanceof DetailedCellError) {
      const code = ERROR_CODES[value.type] ?? value.value;
      // HyperFormula explains a parse error token by token; Sheets says only this.
      const message =
        value.type === 'CYCLE'
          ? 'Circular dependency detected.'
          : value.message.startsWith('Parsing error')
            ? PARSE_ERROR_MESSAGE
            : value.message;
      return { kind: 'error', code, message };
    }
    if (typeof value === 'number') {
      const type = detailedType();
      const date = type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || type === 'NUMBER_TIME';
      return { kind: 'value', value, date };
    }
    return { kind: 'value', value: value ?? null, date: false };
  }
}
