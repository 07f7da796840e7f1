// The cells of one sheet and the geometry that moves with them. A `Grid` stores what each cell holds
// (value or formula, note, formats, validation) row by row, and inserts and deletes rows and columns by
// shifting cells, formulas included; formula text is never rewritten (a formula pointing at a moved cell
// keeps its old reference). `Span`/`GridRange` are the anchored positions other objects keep (named ranges,
// conditional-format rules, protections, developer metadata, merges): `moveSpan` is the one rule for how
// they follow an insertion or deletion, the way Sheets does it.

import type { FakeDataValidation } from './data-validation';
import type { CellValue } from './values';

export interface Cell {
  value: CellValue;
  /** `=...` when the cell holds a formula; its value is then computed, never stored. */
  formula: string;
  note: string;
  numberFormat: string;
  background: string;
  fontColor: string;
  fontWeight: 'normal' | 'bold';
  horizontalAlignment: string;
  wrap: boolean;
  validation: FakeDataValidation | null;
}

export const BLANK: Readonly<Cell> = Object.freeze({
  value: '',
  formula: '',
  note: '',
  numberFormat: 'General',
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  horizontalAlignment: 'general',
  wrap: false,
  validation: null,
});

/** True when the cell holds neither a value nor a formula. */
export function isEmpty(cell: Readonly<Cell> | undefined): boolean {
  return !cell || (cell.formula === '' && cell.value === '');
}

export const DEFAULT_COLUMN_WIDTH = 100;

let revisions = 0;

/** The newest grid revision of the process: it moves whenever any grid of any fake spreadsheet may have changed. */
export function latestRevision(): number {
  return revisions;
}

/**
 * Moves `latestRevision()` for a change outside the grids that formulas may read (a sheet renamed or deleted,
 * a named range set, moved or removed), so a reader of other workbooks (local/import-range.ts) looks again.
 */
export function touchRevisions(): void {
  revisions++;
}

export class Grid {
  /**
   * Fake internals: a number that changes whenever a cell may have changed (every `cell()` hands out a
   * writable cell) or rows and columns moved, unique across grids, so a formula engine kept beside the fake
   * (local/) knows when to look again without hooking every writer.
   */
  revision = ++revisions;
  /** The revision at which each row's cells last changed through `cell` or `drop` (see `rowsChangedSince`). */
  private rowRevisions: number[] = [];
  /** The revision of the last change that may have touched any row: rows or columns moved, `touch`. */
  private wholeRevision = this.revision;
  private rows: (Cell | undefined)[][];
  private widths: (number | undefined)[] = [];

  constructor(
    public maxRows = 1000,
    public maxColumns = 26,
  ) {
    this.rows = Array.from({ length: maxRows }, () => []);
  }

  /** What a cell holds; a shared frozen blank for a cell never written. */
  peek(row: number, column: number): Readonly<Cell> {
    return this.rows[row - 1]?.[column - 1] ?? BLANK;
  }

  /** The cell itself, created on first write. */
  cell(row: number, column: number): Cell {
    this.touchRow(row);
    const line = this.rows[row - 1];
    if (!line) throw new Error(`Grid: row ${row} is outside the sheet`);
    let cell = line[column - 1];
    if (!cell) {
      cell = { ...BLANK };
      line[column - 1] = cell;
    }
    return cell;
  }

  /** Forgets a cell entirely (content, formats, note, validation). */
  drop(row: number, column: number): void {
    this.touchRow(row);
    const line = this.rows[row - 1];
    if (line && column - 1 < line.length) line[column - 1] = undefined;
  }

  /** The last row with content, 0 when none. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some((cell) => !isEmpty(cell))) return r;
    return 0;
  }

  /** The last column with content, 0 when none. */
  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      for (let c = line.length; c > last; c--) {
        if (!isEmpty(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(at: number, count: number): void {
    // Rows added after the last one move no cell: no row changed.
    if (at > this.rows.length) this.resized();
    else this.touch();
    this.rows.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.touch();
    this.rows.splice(at - 1, count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    if (at > this.maxColumns) this.resized();
    else this.touch();
    for (const line of this.rows) {
      if (line.length >= at) line.splice(at - 1, 0, ...new Array<undefined>(count));
    }
    if (this.widths.length >= at) this.widths.splice(at - 1, 0, ...new Array<undefined>(count));
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    this.touch();
    for (const line of this.rows) line.splice(at - 1, count);
    this.widths.splice(at - 1, count);
    this.maxColumns -= count;
  }

  /** Adds rows or columns at the end (appendRow growing the sheet). */
  grow(rows: number, columns: number): void {
    this.resized();
    if (rows > 0) this.insertRows(this.maxRows + 1, rows);
    if (columns > 0) this.maxColumns += columns;
  }

  /** Puts rows `first..first+order.length-1` in the given order (`order[i]` = old offset of new row i). */
  reorderRows(first: number, order: readonly number[]): void {
    this.touch();
    const old = this.rows.slice(first - 1, first - 1 + order.length);
    order.forEach((from, i) => {
      this.rows[first - 1 + i] = old[from] ?? [];
    });
  }

  /** Marks the grid changed (see `revision`), any row of it. */
  touch(): void {
    this.revision = ++revisions;
    this.wholeRevision = this.revision;
  }

  /** Marks the grid's size changed, and no cell. */
  private resized(): void {
    this.revision = ++revisions;
  }

  /** Marks one row's cells changed. */
  private touchRow(row: number): void {
    this.revision = ++revisions;
    this.rowRevisions[row - 1] = this.revision;
  }

  /**
   * Fake internals, for the formula engine: the rows (1-based) whose cells changed since `revision`, or
   * `null` when more may have changed (rows or columns inserted, deleted or reordered, or the whole grid
   * touched).
   */
  rowsChangedSince(revision: number): number[] | null {
    if (this.wholeRevision > revision) return null;
    const rows: number[] = [];
    this.rowRevisions.forEach((at, index) => {
      if (at > revision) rows.push(index + 1);
    });
    return rows;
  }

  columnWidth(column: number): number {
    return this.widths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(column: number, width: number): void {
    this.widths[column - 1] = width;
  }

  /** A deep copy (for a sheet inserted from a template). */
  clone(): Grid {
    const copy = new Grid(this.maxRows, this.maxColumns);
    copy.rows = this.rows.map((line) => line.map((cell) => (cell ? { ...cell } : undefined)));
    copy.widths = [...this.widths];
    return copy;
  }
}

/** A run of rows or of columns, 1-based. */
export interface Span {
  start: number;
  size: number;
}

export type Axis = 'rows' | 'columns';

/**
 * Where a span ends up after `delta` rows (or columns) are inserted (`delta > 0`) or deleted (`delta < 0`)
 * at position `at`; `null` when all of it was deleted. Inserting at a span's first row pushes it down;
 * inserting strictly inside it, or just before its last row, stretches it; inserting after it does nothing.
 */
export function moveSpan(span: Span, at: number, delta: number): Span | null {
  const end = span.start + span.size - 1;
  if (delta > 0) {
    if (at <= span.start) return { start: span.start + delta, size: span.size };
    if (at <= end) return { start: span.start, size: span.size + delta };
    return span;
  }
  const first = at;
  const last = at - delta - 1;
  const before = Math.max(0, Math.min(last, span.start - 1) - first + 1);
  const inside = Math.max(0, Math.min(last, end) - Math.max(first, span.start) + 1);
  const size = span.size - inside;
  return size <= 0 ? null : { start: span.start - before, size };
}

/** An anchored rectangle on a sheet; mutable, so that it follows inserted and deleted rows and columns. */
export class GridRange {
  constructor(
    public sheetId: number,
    public rows: Span,
    public columns: Span,
  ) {}

  static of(sheetId: number, row: number, column: number, numRows: number, numColumns: number): GridRange {
    return new GridRange(sheetId, { start: row, size: numRows }, { start: column, size: numColumns });
  }

  /** Follows an insertion or deletion on its sheet; false when it was deleted entirely. */
  move(axis: Axis, at: number, delta: number): boolean {
    const moved = moveSpan(this[axis], at, delta);
    if (!moved) return false;
    this[axis] = moved;
    return true;
  }

  get area(): { row: number; column: number; numRows: number; numColumns: number } {
    return { row: this.rows.start, column: this.columns.start, numRows: this.rows.size, numColumns: this.columns.size };
  }
}

/** True when `inner` lies within `outer`. */
export function spanWithin(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;
}

/** True when the spans share a row (or column). */
export function spansMeet(a: Span, b: Span): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}
