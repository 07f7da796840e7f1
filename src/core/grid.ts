// Range-aware evaluation, the way Google advises custom functions to work: one call per column. Ranges of
// the same shape are combined cell by cell, a single value is broadcast, and the result has the range's
// shape. A bad value spoils only its own cell, which then holds the error for the edge to put into words.

import type { CellWord } from './cell-word';
import { InputError } from './input-error';

/** What one cell of a result holds: a number, a text, or nothing (`''`). */
export type CellResult = number | string | boolean;
/**
 * A cell result, or what the edge renders in the user's language: the error that stands in its place, or a
 * word (KR_GRADE's band).
 */
export type CellOutcome = CellResult | InputError | CellWord;
/** A formula's answer: one cell for single-value arguments, a 2-D grid when any argument is a range. */
export type FormulaOutcome = CellOutcome | CellOutcome[][];

export interface NamedArgument {
  name: string;
  value: unknown;
}

/** A 2-D range as Sheets passes it; a 1×1 range counts as a single value. */
function asRange(value: unknown): unknown[][] | null {
  if (!Array.isArray(value)) return null;
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  return rows.length === 1 && rows[0]?.length === 1 ? null : rows;
}

/** The value of a single-cell argument, unwrapping a 1×1 range. */
function asSingle(value: unknown): unknown {
  let single = value;
  while (Array.isArray(single)) single = single[0];
  return single;
}

/**
 * Applies `compute` cell by cell. With single values only, an error is thrown; with ranges, it is kept in
 * its cell (located by row and column) so the other rows still get their answers.
 */
export function mapCells(
  fn: string,
  args: readonly NamedArgument[],
  compute: (cells: unknown[]) => CellResult | CellWord | null,
): FormulaOutcome {
  const ranges = args.map((arg) => asRange(arg.value));
  const shapeIndex = ranges.findIndex((range) => range !== null);
  if (shapeIndex < 0) return compute(args.map((arg) => asSingle(arg.value))) ?? '';
  const shape = ranges[shapeIndex] as unknown[][];
  const rows = shape.length;
  const columns = Math.max(...shape.map((row) => row.length));
  ranges.forEach((range, index) => {
    if (range === null) return;
    const rangeColumns = Math.max(...range.map((row) => row.length));
    if (range.length !== rows || rangeColumns !== columns) {
      throw new InputError('shapeMismatch', {
        fn,
        arg: args[index]?.name ?? '',
        rows: range.length,
        cols: rangeColumns,
        other: args[shapeIndex]?.name ?? '',
        otherRows: rows,
        otherCols: columns,
      });
    }
  });
  const singles = args.map((arg, index) => (ranges[index] === null ? asSingle(arg.value) : undefined));
  const cells = new Array<unknown>(args.length);
  const result: CellOutcome[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: CellOutcome[] = [];
    for (let column = 0; column < columns; column++) {
      for (let index = 0; index < args.length; index++) {
        const range = ranges[index];
        cells[index] = range ? range[row]?.[column] : singles[index];
      }
      try {
        line.push(compute(cells) ?? '');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        line.push(error.at(row + 1, column + 1, columns));
      }
    }
    result.push(line);
  }
  return result;
}

/**
 * Where the `index`-th cell of `cellsOf(value)` sits in its range, to locate an error found there.
 * @example cellPosition([[1, 2], [3, 4]], 2) // { row: 2, column: 1, columns: 2 }
 */
export function cellPosition(value: unknown, index: number): { row: number; column: number; columns: number } {
  const first = Array.isArray(value) ? value[0] : undefined;
  const columns = Array.isArray(first) ? Math.max(1, first.length) : 1;
  return { row: Math.floor(index / columns) + 1, column: (index % columns) + 1, columns };
}

/** Every cell of an argument, row by row: a single value becomes a list of one. */
export function cellsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flat(2) : [value];
}
