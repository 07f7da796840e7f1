// Google Sheets formulas as an .xlsx file must hold them. Sheets and Excel share the A1 syntax, the English
// function names and the `,` separator, so most formulas carry over as they are; three things do not:
// - `ARRAYFORMULA(x)` is Sheets-only. Its Excel equivalent is an array (Ctrl+Shift+Enter) formula holding
//   `x`, which LibreOffice reads as a matrix formula and Google Sheets imports back as `ARRAYFORMULA(x)`.
// - Functions Excel added after 2007 (IFS, TEXTJOIN, XLOOKUP…) must be stored as `_xlfn.IFS`, or Excel shows
//   #NAME? although it knows them.
// - Sheets-only functions (QUERY, REGEXMATCH, IMPORTRANGE…), the add-on's custom functions (KR_SCORE…) and
//   array literals holding references have no equivalent: `formulaProblems` names them so an export can say
//   which cells will show #NAME? instead of silently writing them.
// Everything here reads formulas token-aware: text in "double quotes" and sheet names in 'single quotes' are
// never mistaken for function names.

/** A formula ready for the `<f>` element: no leading `=`; `array` when it must be an array formula. */
export interface XlsxFormula {
  text: string;
  array: boolean;
}

// Functions newer than Excel 2007 whose file form carries the `_xlfn.` prefix (ECMA-376 / MS-XLSX 2.2.2).
const XLFN = new Set([
  'AGGREGATE',
  'BITAND',
  'BITLSHIFT',
  'BITOR',
  'BITRSHIFT',
  'BITXOR',
  'CEILING.MATH',
  'CONCAT',
  'DAYS',
  'FLOOR.MATH',
  'FORMULATEXT',
  'IFNA',
  'IFS',
  'ISFORMULA',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'NORM.DIST',
  'NORM.INV',
  'NORM.S.DIST',
  'NORM.S.INV',
  'NUMBERVALUE',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'RANK.AVG',
  'RANK.EQ',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'TEXTJOIN',
  'UNICHAR',
  'UNICODE',
  'VAR.P',
  'VAR.S',
  'XLOOKUP',
  'XMATCH',
  'XOR',
]);

// Sheets functions Excel and LibreOffice do not have, and Excel 365's spilling functions, which older Excel
// and LibreOffice 7 do not have either.
const NOT_PORTABLE = new Set([
  'ARRAY_CONSTRAIN',
  'CONTINUE',
  'COUNTUNIQUE',
  'DETECTLANGUAGE',
  'FILTER',
  'FLATTEN',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'IMAGE',
  'IMPORTDATA',
  'IMPORTFEED',
  'IMPORTHTML',
  'IMPORTRANGE',
  'IMPORTXML',
  'ISEMAIL',
  'ISURL',
  'JOIN',
  'QUERY',
  'REGEXEXTRACT',
  'REGEXMATCH',
  'REGEXREPLACE',
  'SEQUENCE',
  'SORT',
  'SORTBY',
  'SORTN',
  'SPARKLINE',
  'SPLIT',
  'TO_DATE',
  'TO_DOLLARS',
  'TO_PERCENT',
  'TO_PURE_NUMBER',
  'TO_TEXT',
  'UNIQUE',
]);

/** A piece of formula text: literal text and quoted sheet names are kept apart from the code around them. */
interface Segment {
  kind: 'code' | 'string' | 'sheetName';
  text: string;
}

/** Splits a formula into code, "string literals" and 'quoted sheet names' (a doubled quote escapes one). */
function segments(formula: string): Segment[] {
  const out: Segment[] = [];
  let code = '';
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote !== '"' && quote !== "'") {
      code += quote;
      i++;
      continue;
    }
    let end = i + 1;
    for (; end < formula.length; end++) {
      if (formula[end] !== quote) continue;
      if (formula[end + 1] === quote) end++;
      else break;
    }
    if (code) out.push({ kind: 'code', text: code });
    code = '';
    out.push({ kind: quote === '"' ? 'string' : 'sheetName', text: formula.slice(i, end + 1) });
    i = end + 1;
  }
  if (code) out.push({ kind: 'code', text: code });
  return out;
}

// A lookbehind, not a consumed character: in `IFERROR(TEXTJOIN(…` the `(` before TEXTJOIN ends the previous
// match, and a consumed one would hide TEXTJOIN from the next (so it lost its `_xlfn.` prefix).
const FUNCTION_CALL = /(?<![A-Za-z0-9_.$])()([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;

/** The function names a formula calls, upper-cased, in order of appearance (repeats kept). */
export function functionNames(formula: string): string[] {
  const names: string[] = [];
  for (const segment of segments(formula)) {
    if (segment.kind !== 'code') continue;
    for (const match of segment.text.matchAll(FUNCTION_CALL)) names.push((match[2] as string).toUpperCase());
  }
  return names;
}

/** Removes every `ARRAYFORMULA(…)` wrapper, keeping what it wraps; `found` says whether there was one. */
function unwrapArrayFormula(formula: string): { text: string; found: boolean } {
  let text = formula;
  let found = false;
  for (;;) {
    const at = findCode(text, /(^|[^A-Za-z0-9_.$])(ARRAYFORMULA\s*\()/i);
    if (at === null) return { text, found };
    found = true;
    const open = at.end - 1;
    const close = matchingParen(text, open);
    text = text.slice(0, at.start) + text.slice(open + 1, close) + text.slice(close + 1);
  }
}

/** Where `pattern`'s second group first matches outside literals, as offsets into the whole formula. */
function findCode(formula: string, pattern: RegExp): { start: number; end: number } | null {
  let offset = 0;
  for (const segment of segments(formula)) {
    if (segment.kind === 'code') {
      const match = pattern.exec(segment.text);
      if (match) {
        const start = offset + match.index + (match[1] as string).length;
        return { start, end: start + (match[2] as string).length };
      }
    }
    offset += segment.text.length;
  }
  return null;
}

/** The index of the `)` closing the `(` at `open`, skipping literals; the end of the text when unbalanced. */
function matchingParen(formula: string, open: number): number {
  let depth = 0;
  let offset = 0;
  for (const segment of segments(formula)) {
    if (segment.kind === 'code') {
      for (let i = 0; i < segment.text.length; i++) {
        const at = offset + i;
        if (at < open) continue;
        const char = segment.text[i];
        if (char === '(') depth++;
        else if (char === ')' && --depth === 0) return at;
      }
    }
    offset += segment.text.length;
  }
  return formula.length;
}

/**
 * A Sheets formula (`=…`) as the `<f>` element of an .xlsx cell holds it.
 * @example toXlsxFormula('=ARRAYFORMULA(SUM(A1:A3*2))') // { text: 'SUM(A1:A3*2)', array: true }
 * @example toXlsxFormula('=IFS(A1>1,"a",TRUE,"b")') // { text: '_xlfn.IFS(A1>1,"a",TRUE,"b")', array: false }
 */
export function toXlsxFormula(formula: string): XlsxFormula {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const { text, found } = unwrapArrayFormula(body);
  const prefixed = segments(text)
    .map((segment) =>
      segment.kind !== 'code'
        ? segment.text
        : segment.text.replace(FUNCTION_CALL, (whole, before: string, name: string) =>
            XLFN.has(name.toUpperCase()) ? `${before}_xlfn.${whole.slice(before.length)}` : whole,
          ),
    )
    .join('');
  return { text: prefixed, array: found };
}

/**
 * What in a Sheets formula Excel and LibreOffice will not compute: Sheets-only and spilling functions, custom
 * functions (any name with `_`, which no built-in has), and array literals `{…}` holding references or calls.
 * Empty when the formula is portable.
 * @example formulaProblems('={"Score";KR_SCORE(I7:I46)}') // ['KR_SCORE (a custom function)', 'an array literal {…} with references']
 */
export function formulaProblems(formula: string): string[] {
  const problems = new Set<string>();
  for (const name of functionNames(formula)) {
    if (name === 'ARRAYFORMULA' || name.startsWith('_XLFN.')) continue;
    if (NOT_PORTABLE.has(name)) problems.add(`${name} (Google Sheets only)`);
    else if (name.includes('_')) problems.add(`${name} (a custom function)`);
  }
  // An array literal may hold strings, which split it into segments: look at the code with strings emptied.
  const code = segments(formula)
    .map((segment) => (segment.kind === 'code' ? segment.text : '""'))
    .join('');
  for (const literal of code.matchAll(/\{([^}]*)\}/g)) {
    if (/[A-Za-z]+\$?\d|\(/.test(literal[1] as string)) problems.add('an array literal {…} with references');
  }
  return [...problems];
}
