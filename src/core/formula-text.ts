// The one builder of formula text the add-on writes into cells and conditional-format rules. Google does not
// document how a formula written by a script is parsed on a spreadsheet whose locale writes decimals with a
// comma (pl_PL, de_DE…), and reports disagree; Sheets accepts `;` between arguments in every locale. So every
// formula is written in a dialect that parses the same under both syntaxes:
// - `;` between the arguments of a function call (`IF(A1="";"";1)`), never `,`;
// - no decimal literal: a fraction is a ratio of whole numbers (`7/10`) or a cell;
// - array literals joined by rows only (`{"Score";KR_SCORE(…)}`), never by columns (`,` or `\`);
// - function names in English, as every locale accepts them.
// `dialectProblems` checks a formula against those rules; the tests run it over every formula the add-on
// writes.

/** A function call in the dialect: `call('IF', 'A1=""', '""', '1')` → `IF(A1="";"";1)`. */
export function call(name: string, ...args: readonly (string | number)[]): string {
  return `${name}(${args.map((arg) => (typeof arg === 'number' ? numberLiteral(arg) : arg)).join(';')})`;
}

/** An array literal of one column: `column('"Score"', 'KR_SCORE(…)')` → `{"Score";KR_SCORE(…)}`. */
export function column(...elements: readonly string[]): string {
  return `{${elements.join(';')}}`;
}

/** A text as a string literal: `"say ""hi"""`. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A sheet's name as a formula writes it before `!`: always quoted, a `'` in it doubled. */
export function sheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A number as formula text with no decimal separator: whole numbers as they are, fractions as a ratio of
 * whole numbers (exact for the decimals the add-on uses), in parentheses so it binds as one operand.
 * @example numberLiteral(0.7) // '(7/10)'
 * @example numberLiteral(-2) // '-2'
 * @example numberLiteral(1e-9) // '(1/1000000000)'
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`No formula literal for ${value}`);
  if (Number.isInteger(value)) return String(value);
  // toFixed never uses an exponent for these sizes; trailing zeros go, so 0.7 → 7/10, not 7000…/10000….
  const fixed = Math.abs(value).toFixed(12).replace(/0+$/, '');
  const [whole = '0', fraction = ''] = fixed.split('.');
  const numerator = String(Number(whole + fraction));
  const ratio = `${numerator}/1${'0'.repeat(fraction.length)}`;
  return value < 0 ? `(-${ratio})` : `(${ratio})`;
}

/** `DATE(2027;1;1)` for `2027-01-01`: no locale parses it differently and no time zone shifts it. */
export function dateCall(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return call('DATE', year as number, month as number, day as number);
}

/** What makes formula text locale-dependent, one entry per kind found (empty when the text is in the dialect). */
export type DialectProblem = 'comma' | 'decimal' | 'columnArray';

/**
 * The ways a formula breaks the dialect: a `,` outside string literals, a decimal literal (`0.7`, `,5`), or
 * an array literal joined by columns (`{1,2}`, `{1\2}`). Text in "string literals" and 'sheet names' is
 * not looked at.
 * @example dialectProblems('=IF(A1>0.7,1,0)') // ['comma', 'decimal']
 * @example dialectProblems('=IF(A1>7/10;"a, b";0)') // []
 */
export function dialectProblems(formula: string): DialectProblem[] {
  const problems = new Set<DialectProblem>();
  const code = outsideLiterals(formula);
  const brackets: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '(' || ch === '{') brackets.push(ch);
    else if (ch === ')' || ch === '}') brackets.pop();
    else if (ch === ',') problems.add(brackets[brackets.length - 1] === '{' ? 'columnArray' : 'comma');
    else if (ch === '\\' && brackets[brackets.length - 1] === '{') problems.add('columnArray');
  }
  // A digit run joined to another by `.`, not part of a name (`Sheet1.A1` has none here) or a reference.
  if (/(^|[^A-Za-z0-9_$])\d*\.\d/.test(code)) problems.add('decimal');
  return [...problems];
}

/** The formula with every "string literal" and 'quoted sheet name' emptied, so only code is left. */
function outsideLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?|'(?:[^']|'')*'?/g, (literal) => (literal[0] === '"' ? '""' : "''"));
}
