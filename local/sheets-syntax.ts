// Formula text as Sheets writes it, made readable by HyperFormula, and moved the way Sheets moves it.
//
// What Sheets reads that HyperFormula does not, and what becomes of it here:
// - Open-ended ranges `A7:A` (from row 7 down): completed to the sheet's last row, `A7:A1000`.
// - Numbers with an exponent, `1E-9`: written out, `0.000000001`.
// - `TRUE` and `FALSE` as literals: left as they are; every engine defines them as named expressions
//   (SHEETS_NAMED_EXPRESSIONS in formula-functions.ts).
// - An array literal holding a formula, `={"Score"; KR_SCORE(I7:I46, …)}`: HyperFormula computes it once and
//   never again after an edit, so `arrayLiteral` splits it into one formula per element, each put in the
//   cell the element would fill (local/calc.ts does the placing). Only a single row or a single column of
//   elements is split, and only the last element may spill; anything else is left to HyperFormula as is.
//
// `shiftFormula` moves the relative references of a formula by some rows and columns, as Sheets applies a
// conditional-format formula written for the first cell of its range to every other cell.
//
// All of it works on the text outside string literals, with one regular expression for a reference, on
// formulas already read from the locale's syntax into HyperFormula's by `readLocaleFormula` (`;` between
// arguments, `\` between array columns and `,` in decimals on a Polish spreadsheet).

import { columnLetters, columnNumber } from './spreadsheet/a1';

/** A reference: optional sheet prefix, a cell, optionally `:` and a second cell or an open end (`A7:A`). */
const REFERENCE =
  /(?<![A-Za-z0-9_.$'"])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d*))?(?![A-Za-z0-9_(!])/g;

/** A number with an exponent, not part of a name or a reference. */
const EXPONENT = /(?<![A-Za-z0-9_.$])(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d+)(?![A-Za-z0-9_(])/g;

// What every open-ended range (`A2:A`) and every exponent (`1E5`) holds, and more: a formula without these
// is unchanged by `translateFormula`.
const OPEN_ENDED_HINT = /\d:\$?[A-Za-z]{1,3}\$?(?![A-Za-z0-9_(!])/;
const EXPONENT_HINT = /\d[eE][+-]?\d/;

/** Calls `edit` on every stretch of the formula outside string literals and keeps literals as they are. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  let out = '';
  let at = 0;
  const literal = /"(?:[^"]|"")*"?/g;
  for (let match = literal.exec(formula); match; match = literal.exec(formula)) {
    out += edit(formula.slice(at, match.index)) + match[0];
    at = match.index + match[0].length;
  }
  return out + edit(formula.slice(at));
}

/**
 * Whether a spreadsheet locale writes decimals with a comma (pl_PL, de_DE…). Such a locale separates the
 * arguments of a formula with `;` and the columns of an array literal with `\`; the others (en_US…) use `,`
 * for both, and Sheets accepts `;` between arguments there too (the dialect the add-on writes relies on it).
 */
export function decimalComma(locale: string): boolean {
  let comma = decimalCommaCache.get(locale);
  if (comma === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5);
      comma = parts.find((part) => part.type === 'decimal')?.value === ',';
    } catch {
      // An unknown locale reads formulas as en_US does.
      comma = false;
    }
    decimalCommaCache.set(locale, comma);
  }
  return comma;
}
const decimalCommaCache = new Map<string, boolean>();

/**
 * A formula typed in the syntax of the spreadsheet's locale, in the syntax HyperFormula (and .xlsx) read:
 * `,` between arguments and between array columns, `;` between array rows, `.` in decimals. `null` when
 * the text does not parse in that locale (a `,` that is no decimal separator in pl_PL), which Sheets
 * shows as #ERROR! "Formula parse error.". Text in "strings" and 'sheet names' is never changed.
 * - pl_PL and every decimal-comma locale: `;` between arguments, `\` between array columns, `,` in
 *   decimals: `=ROUND(2,5;0)` → `=ROUND(2.5,0)`, `={1\2;3\4}` → `={1,2;3,4}`.
 * - en_US and the others: `,` or `;` between arguments (`=SUM(2;1)` → `=SUM(2,1)`), `,` between array
 *   columns, `.` in decimals.
 * @example readLocaleFormula('=IF(A1>0,5;"a;b";1)', 'pl_PL') // '=IF(A1>0.5,"a;b",1)'
 */
export function readLocaleFormula(formula: string, locale: string): string | null {
  const comma = decimalComma(locale);
  const brackets: string[] = [];
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      // A literal runs to its closing quote; a doubled quote continues it.
      let end = i + 1;
      for (; end < formula.length; end++) {
        if (formula[end] !== ch) continue;
        if (formula[end + 1] === ch) end++;
        else break;
      }
      out += formula.slice(i, end + 1);
      i = end;
      continue;
    }
    const inArray = brackets[brackets.length - 1] === '{';
    if (ch === '(' || ch === '{') brackets.push(ch);
    else if (ch === ')' || ch === '}') brackets.pop();
    if (ch === ';') out += inArray ? ';' : ',';
    else if (ch === '\\' && comma && inArray) out += ',';
    else if (ch === ',' && comma) {
      if (!/\d/.test(formula[i + 1] ?? '') || !/(^|[^A-Za-z0-9_$.])\d*$/.test(out)) return null;
      out += '.';
    } else out += ch;
  }
  return out;
}

/** The name in a sheet prefix (`'My sheet'!` → `My sheet`), `null` without one. */
function prefixSheet(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Writes out `1E-9` as `0.000000001`. */
function plainNumber(mantissa: string, exponent: string): string {
  const value = Number(`${mantissa}e${exponent}`);
  if (!Number.isFinite(value)) return `${mantissa}E${exponent}`;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

export interface TranslateContext {
  /** The number of rows of a sheet (`null`: the formula's own sheet), for completing open-ended ranges. */
  maxRows(sheet: string | null): number;
}

/** A formula as HyperFormula should read it (see the list at the top); the text is otherwise unchanged. */
export function translateFormula(formula: string, context: TranslateContext): string {
  // Most formulas hold neither: they are read as they are, without a pass of the patterns below.
  if (!OPEN_ENDED_HINT.test(formula) && !EXPONENT_HINT.test(formula)) return formula;
  return outsideStrings(formula, (code) =>
    code
      .replace(REFERENCE, (whole, prefix, ...groups: string[]) => {
        const [, , , , , endColumn, , endRow] = groups as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        if (endColumn === undefined || endRow !== '') return whole;
        return `${whole}${context.maxRows(prefixSheet(prefix))}`;
      })
      .replace(EXPONENT, (_whole, mantissa: string, exponent: string) => plainNumber(mantissa, exponent)),
  );
}

/**
 * The formula with its relative references moved by `rows` and `columns` (`$` parts stay). A reference
 * moved off the sheet's top or left edge becomes `#REF!`, as in Sheets.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const cell = (columnAnchor: string, letters: string, rowAnchor: string, digits: string): string | null => {
    const column = columnAnchor ? columnNumber(letters) : columnNumber(letters) + columns;
    if (column < 1) return null;
    if (digits === '') return `${columnAnchor}${columnLetters(column)}`;
    const row = rowAnchor ? Number(digits) : Number(digits) + rows;
    if (row < 1) return null;
    return `${columnAnchor}${columnLetters(column)}${rowAnchor}${row}`;
  };
  return outsideStrings(formula, (code) =>
    code.replace(REFERENCE, (_whole, prefix: string | undefined, ...groups: string[]) => {
      const [ca, cl, ra, rd, eca, ecl, era, erd] = groups as [
        string,
        string,
        string,
        string,
        string | undefined,
        string | undefined,
        string | undefined,
        string | undefined,
      ];
      const start = cell(ca, cl, ra, rd);
      const end = ecl === undefined ? '' : cell(eca ?? '', ecl, era ?? '', erd ?? '');
      if (start === null || end === null) return '#REF!';
      return `${prefix ?? ''}${start}${ecl === undefined ? '' : `:${end}`}`;
    }),
  );
}

/** An array literal split into its elements: `={"A"; F(x)}` → down, `["\"A\"", "F(x)"]`. */
export interface ArrayLiteral {
  direction: 'down' | 'right';
  elements: string[];
}

/**
 * The elements of a formula that is one array literal of a single column (`;`) or a single row (`,`), each
 * as a formula text of its own; `null` for any other formula.
 * @example arrayLiteral('={"Score";KR_SCORE(A1:A3,B1:B3,C1:C3)}') // { direction: 'down', elements: ['="Score"', '=KR_SCORE(…)'] }
 */
export function arrayLiteral(formula: string): ArrayLiteral | null {
  const body = /^=\s*\{([\s\S]*)\}\s*$/.exec(formula)?.[1];
  if (body === undefined) return null;
  const elements: string[] = [];
  const separators = new Set<string>();
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') {
      const close = body.indexOf('"', i + 1);
      if (close < 0) return null;
      i = close;
      // A doubled quote continues the same literal.
      while (body[i + 1] === '"') {
        const next = body.indexOf('"', i + 2);
        if (next < 0) return null;
        i = next;
      }
    } else if (ch === "'") {
      const close = body.indexOf("'", i + 1);
      if (close < 0) return null;
      i = close;
    } else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && (ch === ';' || ch === ',')) {
      separators.add(ch);
      elements.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  elements.push(body.slice(start).trim());
  if (depth !== 0 || separators.size > 1 || elements.some((element) => element === '')) return null;
  return {
    direction: separators.has(',') ? 'right' : 'down',
    elements: elements.map((element) => `=${element}`),
  };
}

/** A1 notation of a cell. */
export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
