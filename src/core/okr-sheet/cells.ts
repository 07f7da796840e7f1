// What a cell of the OKR sheet is given, before it meets Sheets: a text, a number or a formula, kept apart
// so that a user's title can never turn into a formula. `cellInput` turns each into what one batched
// `setValues` takes; A1 helpers name the cells formulas point at, `dateFormula` writes a day (formula text
// itself comes from src/core/formula-text.ts).

import { dateCall, quoted } from '../formula-text';

export { quoted };

/** The content the layout puts into one cell; `null` leaves it empty. */
export type SheetCell = { text: string } | { number: number } | { formula: string } | null;

export const text = (value: string): SheetCell => ({ text: value });
export const number = (value: number): SheetCell => ({ number: value });
export const formula = (value: string): SheetCell => ({ formula: value });

/**
 * A user's text as `setValues` must receive it to stay text. Sheets reads `setValues` input the way it reads
 * typing: `=IMPORTXML(…)` becomes a formula, `2027`, `15%` or `May 2027` a number or date, `TRUE` a boolean.
 * A leading apostrophe keeps any text literal and is not part of the cell's value, so every non-empty text
 * gets one; that is simpler and safer than guessing what Sheets would parse.
 * @example literalText('=IMPORTXML("http://x")') // "'=IMPORTXML(\"http://x\")"
 */
export function literalText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** What `setValues` receives for a cell: formulas as `=…` text, texts with their apostrophe, numbers as they are. */
export function cellInput(cell: SheetCell): string | number {
  if (cell === null) return '';
  if ('formula' in cell) return cell.formula;
  if ('number' in cell) return cell.number;
  return literalText(cell.text);
}

/**
 * The letters of a 1-based column number.
 * @example columnLetter(1) // 'A'
 * @example columnLetter(28) // 'AB'
 */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A1 address of a 1-based row and column, optionally absolute (`$F$5`). */
export function a1(row: number, column: number, absolute = false): string {
  const mark = absolute ? '$' : '';
  return `${mark}${columnLetter(column)}${mark}${row}`;
}

/** A1 address of a rectangle, optionally absolute. */
export function a1Range(row: number, column: number, lastRow: number, lastColumn: number, absolute = false): string {
  return `${a1(row, column, absolute)}:${a1(lastRow, lastColumn, absolute)}`;
}

/**
 * A1 of one whole column, open at both ends (`C:C`): where column developer metadata goes, as in the examples
 * of Google's Range.addDeveloperMetadata reference. A rectangle that happens to reach the last row is not the
 * same thing. One column only: the Sheets API reference of DeveloperMetadataLocation says a row or column
 * location "must represent a single row or column; it cannot be unbounded or span multiple rows or columns".
 */
export function wholeColumn(column: number): string {
  return `${columnLetter(column)}:${columnLetter(column)}`;
}

/** A1 of one whole row, open at both ends (`6:6`): where row developer metadata goes (one row only, as above). */
export function wholeRow(row: number): string {
  return `${row}:${row}`;
}

/** `=DATE(2027;1;1)` for `2027-01-01`: no locale parses it differently and no time zone shifts it. */
export function dateFormula(iso: string): string {
  return `=${dateCall(iso)}`;
}
