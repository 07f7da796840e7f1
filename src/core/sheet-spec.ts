// What every sheet the add-on lays out is made of, before it meets Sheets: the grids of contents, number
// formats, weights and fills, the dropdowns, the colour rules, the notes, the metadata and the widths, with
// the palette both the OKR sheet and the check-in tab paint with. One definition, so the two layouts and
// what writes them (src/server/sheet-writer.ts) cannot drift apart.

import type { SheetCell } from './okr-sheet/cells';

export type ValidationSpec =
  | { kind: 'list'; values: readonly string[]; allowInvalid: boolean; help: string }
  | { kind: 'number'; min: number; max: number; allowInvalid: boolean; help: string }
  | { kind: 'checkbox'; help: string };

export type ConditionalRuleSpec = {
  /** A custom formula, relative to the first cell of the first range. */
  formula: string;
  ranges: readonly string[];
  background: string;
};

export interface MetadataSpec {
  key: string;
  value: string;
}

/** A laid-out sheet: what the writer puts into A1 to the last column of `lastRow` in batched calls. */
export interface SheetSpec {
  lastRow: number;
  lastColumn: number;
  /** Contents of A1 to the last column of `lastRow`, row by row. */
  cells: SheetCell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: string[][];
  /** One spec per cell or null, for the rows from the layout's first validated row down. */
  validations: (ValidationSpec | null)[][];
  conditionalRules: ConditionalRuleSpec[];
  notes: { a1: string; note: string }[];
  sheetMetadata: MetadataSpec[];
  columnWidths: { column: number; width: number }[];
}

/**
 * The fills: the same colour means the same thing in every sheet. Two looks tell cells apart wherever a
 * table has both: `input`, white, for what a person types, and `computed`, light grey, for what a formula
 * works out, so no one types over a formula thinking it is theirs. Input is plain white rather than a tint:
 * a pale yellow read as the 🟡 status colour beside it.
 */
export const FILL = {
  section: '#d9e2f3',
  header: '#e8eaed',
  computed: '#f3f3f3',
  input: '#ffffff',
  plain: '#ffffff',
  green: '#b7e1cd',
  yellow: '#fce8b2',
  red: '#f4c7c3',
} as const;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const SCORE_FORMAT = '0.00';
export const PERCENT_FORMAT = '0%';

/** The four grids of a sheet, filled with the defaults, and the setters of one cell (1-based row and column). */
export function sheetGrids(lastRow: number, lastColumn: number) {
  const grid = <T>(fill: T): T[][] => Array.from({ length: lastRow }, () => new Array<T>(lastColumn).fill(fill));
  const cells = grid<SheetCell>(null);
  const numberFormats = grid('General');
  const fontWeights = grid<'bold' | 'normal'>('normal');
  const backgrounds = grid<string>(FILL.plain);
  const put = (row: number, column: number, cell: SheetCell) => {
    (cells[row - 1] as SheetCell[])[column - 1] = cell;
  };
  const bold = (row: number, column: number) => {
    (fontWeights[row - 1] as string[])[column - 1] = 'bold';
  };
  const fill = (row: number, column: number, color: string) => {
    (backgrounds[row - 1] as string[])[column - 1] = color;
  };
  return {
    grid,
    cells,
    numberFormats,
    fontWeights,
    backgrounds,
    /** The spec's size and its four grids, to spread into the SheetSpec a layout returns. */
    drawn: (): Pick<
      SheetSpec,
      'lastRow' | 'lastColumn' | 'cells' | 'numberFormats' | 'fontWeights' | 'backgrounds'
    > => ({
      lastRow,
      lastColumn,
      cells,
      numberFormats,
      fontWeights,
      backgrounds,
    }),
    put,
    setFormat: (row: number, column: number, format: string) => {
      (numberFormats[row - 1] as string[])[column - 1] = format;
    },
    bold,
    fill,
    /** A section's title row: its title bold in the first cell, the whole row in the section colour. */
    section: (row: number, title: string) => {
      put(row, 1, { text: title });
      bold(row, 1);
      for (let column = 1; column <= lastColumn; column++) fill(row, column, FILL.section);
    },
    /** Column titles of a table: each bold, in the header colour, at its column. */
    titles: (row: number, entries: readonly (readonly [number, string])[]) => {
      for (const [column, title] of entries) {
        put(row, column, { text: title });
        bold(row, column);
        fill(row, column, FILL.header);
      }
    },
  };
}
