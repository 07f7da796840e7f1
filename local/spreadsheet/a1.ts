// A1 notation, as Sheets reads and writes it: `B2`, `A1:C10`, whole columns `A:C`, whole rows `2:5`, a
// column from a row down `A2:C`, `$` anchors, and an optional sheet prefix (`OKRs!A1`, `'Key results'!A:A`,
// a quote inside a quoted name doubled). R1C1 is not read. Pure functions, no service calls.

/** A rectangle of cells, 1-based, as `getRange(row, column, numRows, numColumns)` takes it. */
export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** An A1 reference before it meets a sheet: `null` ends are open (up to the sheet's last row or column). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1` for one cell, `A1:C3` for more. */
export function formatA1(area: Area): string {
  const start = `${columnLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Splits `'My sheet'!A1:B2` into the sheet name and the reference; `null` when it is not A1 notation. */
export function parseA1(text: string): A1Reference | null {
  const { sheetName, ref } = splitSheet(text.trim());
  if (ref === null || ref === '') return null;
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const cells = parts.map((part) => CELL.exec(part));
  const [first, second] = cells;
  if (!first || (parts.length === 2 && !second)) return null;
  const start = { column: first[1] ?? '', row: first[2] ?? '' };
  if (!second) {
    if (start.column === '' || start.row === '') return null;
    const row = Number(start.row);
    const column = columnNumber(start.column);
    if (row < 1) return null;
    return { sheetName, startRow: row, startColumn: column, endRow: row, endColumn: column };
  }
  const end = { column: second[1] ?? '', row: second[2] ?? '' };
  // Letters on both sides or on neither (whole rows); a row number on at least one side or on neither.
  if ((start.column === '') !== (end.column === '')) return null;
  if (start.column === '' && (start.row === '' || end.row === '')) return null;
  const rows = orderPair(numberOrNull(start.row), numberOrNull(end.row));
  const columns = orderPair(
    start.column === '' ? null : columnNumber(start.column),
    end.column === '' ? null : columnNumber(end.column),
  );
  if ((rows[0] !== null && rows[0] < 1) || (rows[1] !== null && rows[1] < 1)) return null;
  // `A:B5` reads as A1:B5; `A2:B` as A2 down to the last row.
  const startRow = rows[0] ?? (rows[1] === null ? null : 1);
  return { sheetName, startRow, startColumn: columns[0], endRow: rows[1], endColumn: columns[1] };
}

/** Resolves open ends against a sheet's size. */
export function resolveA1(ref: A1Reference, maxRows: number, maxColumns: number): Area {
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endColumn = ref.endColumn ?? maxColumns;
  return { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
}

/** Quotes a sheet name for an A1 reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(text: string): { sheetName: string | null; ref: string | null } {
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    if (!match) return { sheetName: null, ref: null };
    return { sheetName: (match[1] ?? '').replace(/''/g, "'"), ref: match[2] ?? '' };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: text };
  return { sheetName: text.slice(0, bang), ref: text.slice(bang + 1) };
}

function numberOrNull(digits: string): number | null {
  return digits === '' ? null : Number(digits);
}

function orderPair(a: number | null, b: number | null): [number | null, number | null] {
  return a !== null && b !== null && a > b ? [b, a] : [a, b];
}
