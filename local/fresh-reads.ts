// Reads that need no recomputation. The engine (local/calc.ts) takes the fake's edits in only when a read
// comes, and a read then used to take in every edit waiting, and compute everything they touch, whatever it
// read. This answers the question it should ask first: does the cell read depend on any of them? A cell
// whose formula reaches, through HyperFormula's own dependency graph, no changed cell holds the value it
// would hold after the edits, so the read is answered at once and the edits keep waiting for a read that
// needs them. Recording a check-in writes 1,200 current values and 7,440 forecast formulas into the OKR
// sheet, then reads its header and prints its own tab: neither depends on what was written, so the engine
// no longer computes the whole OKR sheet again only to show a tab that does not read it.
//
// What is known of the edits is the rows each sheet changed in (local/spreadsheet/grid.ts keeps a revision
// per row), or that a sheet changed whole (rows or columns moved). A cell is current when its sheet changed
// neither whole nor in its row, and:
// - a value is its own value;
// - an empty cell shows nothing unless an array spills into it, so it is current unless its sheet changed
//   in a row at or above it (an array written there may reach it) or holds a blocked array at or above it
//   (whose blocker may have been cleared, anywhere in the area it would fill);
// - a formula is current when it calls nothing volatile or structural (NOW, ROW, …), reads as it did (see
//   `formulaText`), and everything it names is current: cells, named expressions, and ranges, which must
//   not have changed in a row at or above their last row (an array written above may spill into them);
// - an array's cell is its anchor's formula, current when no row of its area changed.
// Everything not known for sure is not current, and the read takes in the edits as before.

import { HyperFormula } from 'hyperformula';

/** The rows (1-based) a sheet changed in since the engine read it, and the first of them. */
export interface ChangedRows {
  rows: ReadonlySet<number>;
  first: number;
}

/** What waits to enter the engine, as the fresh reads need to know it. */
export interface WaitingEdits {
  /**
   * The rows a sheet (by HyperFormula's id) changed in: `null` for none, `'whole'` when rows or columns moved
   * or more than rows may have changed, `undefined` for a sheet the engine does not hold.
   */
  changes(sheet: number): ChangedRows | 'whole' | null | undefined;
  /** The text HyperFormula holds in a cell (1-based), or `null` when it would read differently now. */
  formulaText(sheet: number, row: number, column: number): string | null;
  /** Whether a sheet's formulas with open-ended ranges (`A2:A`) may read differently: a row count moved. */
  resized(sheet: number): boolean;
}

type Address = { sheet: number; row: number; col: number };
type Range = { start: Address; end: Address };

/** The parts of HyperFormula's graph read here: the vertex of a cell, for an array's area. */
interface ArrayVertexLike {
  leftCorner?: Address;
  height?: number;
}
interface GraphLike {
  getCell(address: Address): ArrayVertexLike | undefined;
}

// HyperFormula keeps named expressions in a sheet of their own.
const NAMED_EXPRESSIONS_SHEET = -1;
// More cells than this behind one state of the edits, and the read takes them in instead.
const VISIT_LIMIT = 200_000;

let impureCall: RegExp | null = null;

/**
 * A call of a function HyperFormula computes again after any edit (NOW, RAND) or after a sheet's structure
 * moves (ROW, COLUMNS, SHEET), read from the registered functions' own metadata, built at first use.
 */
function impureCallPattern(): RegExp {
  if (impureCall) return impureCall;
  const names = new Set<string>();
  for (const plugin of HyperFormula.getAllFunctionPlugins()) {
    for (const [name, meta] of Object.entries(plugin.implementedFunctions)) {
      if (meta.isVolatile || meta.isDependentOnSheetStructureChange) names.add(name);
    }
    for (const [alias, target] of Object.entries(plugin.aliases ?? {})) if (names.has(target)) names.add(alias);
  }
  const escaped = [...names].map((name) => name.replace(/[.]/g, '\\.'));
  impureCall = new RegExp(`(?<![\\p{L}\\p{N}_.])(?:${escaped.join('|')})\\s*\\(`, 'iu');
  return impureCall;
}

/** A cell's key in the sets below (HyperFormula's 0-based address; the named expressions' sheet is -1). */
const cellKey = (sheet: number, row: number, col: number): number => ((sheet + 1) * 2 ** 24 + row) * 2 ** 15 + col;

/**
 * The cells found current for one state of the waiting edits. Made afresh whenever the edits move or enter
 * the engine: a cell found current stays so only while nothing more was written.
 */
export class FreshReads {
  private readonly current = new Set<number>();
  private readonly ranges = new Set<string>();
  private readonly blockedFrom = new Map<number, number>();
  private visits = 0;

  constructor(
    private readonly hf: HyperFormula,
    private readonly edits: WaitingEdits,
  ) {}

  /** Whether the cell (1-based) shows now what it will show once every waiting edit is computed. */
  isCurrent(sheet: number, row: number, column: number): boolean {
    const first = cellKey(sheet, row - 1, column - 1);
    if (this.current.has(first)) return true;
    // Everything the cell reads, cells and ranges, until something changed turns up or nothing is left.
    const found: number[] = [];
    const rangesFound = new Set<string>();
    const queued = new Set<number>([first]);
    const queue: Address[] = [{ sheet, row: row - 1, col: column - 1 }];
    for (let address = queue.pop(); address; address = queue.pop()) {
      if (++this.visits > VISIT_LIMIT) return false;
      const reads = this.readsOf(address);
      if (reads === null) return false;
      found.push(cellKey(address.sheet, address.row, address.col));
      for (const read of reads) {
        if ('start' in read) {
          const cells = this.rangeCells(read, rangesFound);
          if (cells === null) return false;
          for (const cell of cells) {
            const k = cellKey(cell.sheet, cell.row, cell.col);
            if (this.current.has(k) || queued.has(k)) continue;
            queued.add(k);
            queue.push(cell);
          }
          continue;
        }
        const k = cellKey(read.sheet, read.row, read.col);
        if (this.current.has(k) || queued.has(k)) continue;
        queued.add(k);
        queue.push(read);
      }
    }
    for (const k of found) this.current.add(k);
    for (const k of rangesFound) this.ranges.add(k);
    return true;
  }

  /**
   * Whether a sheet's size is what it will be: nothing in it changed, and no open-ended range of it may end
   * elsewhere (an array keeps the size it was read with, which its ranges give).
   */
  sheetIsCurrent(sheet: number): boolean {
    return this.edits.changes(sheet) === null && !this.edits.resized(sheet);
  }

  /** What a cell reads, or `null` when the cell itself may show something else after the edits. */
  private readsOf(address: Address): (Address | Range)[] | null {
    if (address.sheet === NAMED_EXPRESSIONS_SHEET) return this.hf.getCellPrecedents(address) as (Address | Range)[];
    const change = this.edits.changes(address.sheet);
    if (change === undefined || change === 'whole') return null;
    const row = address.row + 1;
    if (change?.rows.has(row)) return null;
    const type = this.hf.getCellType(address);
    if (type === 'VALUE') return [];
    if (type === 'EMPTY') {
      if (change && (change.first <= row || this.firstBlockedRow(address.sheet) <= row)) return null;
      return [];
    }
    let anchor = address;
    if (type === 'ARRAY' || type === 'ARRAYFORMULA') {
      const vertex = this.graph().getCell(address);
      const corner = vertex?.leftCorner;
      if (!corner || typeof vertex.height !== 'number') return null;
      anchor = corner;
      if (change && (change.first <= corner.row + vertex.height || this.blocked(corner))) return null;
    } else if (type !== 'FORMULA') return null;
    const text = this.edits.formulaText(anchor.sheet, anchor.row + 1, anchor.col + 1);
    if (text === null || impureCallPattern().test(text)) return null;
    return this.hf.getCellPrecedents(anchor) as (Address | Range)[];
  }

  /** A range's cells that hold something, or `null` when the range may read differently after the edits. */
  private rangeCells(range: Range, found: Set<string>): Address[] | null {
    const { sheet } = range.start;
    const k = `${sheet}:${range.start.row}:${range.start.col}:${range.end.row}:${range.end.col}`;
    // Known from an earlier read, or met already in this one (a column's every row names the same range).
    if (this.ranges.has(k) || found.has(k)) return [];
    const change = this.edits.changes(sheet);
    if (change === undefined || change === 'whole') return null;
    const { height, width } = this.hf.getSheetDimensions(sheet);
    const lastRow = Math.min(range.end.row, height - 1);
    const lastColumn = Math.min(range.end.col, width - 1);
    if (change && (change.first <= range.end.row + 1 || this.firstBlockedRow(sheet) <= range.end.row + 1)) return null;
    found.add(k);
    const cells: Address[] = [];
    for (let row = range.start.row; row <= lastRow; row++) {
      for (let col = range.start.col; col <= lastColumn; col++) cells.push({ sheet, row, col });
    }
    return cells;
  }

  /** The first row (1-based) of a sheet holding an array that could not spill; Infinity when none. */
  private firstBlockedRow(sheet: number): number {
    let first = this.blockedFrom.get(sheet);
    if (first !== undefined) return first;
    first = Number.POSITIVE_INFINITY;
    const arrays = (
      this.hf as unknown as { dependencyGraph?: { arrayMapping?: { arrayMapping?: Map<string, ArrayVertexLike> } } }
    ).dependencyGraph?.arrayMapping?.arrayMapping;
    if (!arrays) first = 0;
    else {
      for (const vertex of arrays.values()) {
        const corner = vertex.leftCorner;
        if (!corner) {
          first = 0;
          break;
        }
        if (corner.sheet === sheet && corner.row + 1 < first && this.blocked(corner)) first = corner.row + 1;
      }
    }
    this.blockedFrom.set(sheet, first);
    return first;
  }

  /** Whether the array at this corner shows a spill error (its area then unknown). */
  private blocked(corner: Address): boolean {
    const value = this.hf.getCellValue(corner);
    return typeof value === 'object' && value !== null && 'type' in value && value.type === 'SPILL';
  }

  private graph(): GraphLike {
    const graph = (this.hf as unknown as { dependencyGraph?: Partial<GraphLike> }).dependencyGraph;
    if (!graph || typeof graph.getCell !== 'function') return { getCell: () => undefined };
    return graph as GraphLike;
  }
}
