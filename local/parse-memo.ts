// Formulas read without reading them again: a memory added to the parser of a HyperFormula engine of the local
// runtime (HyperFormula 3.5 internals; an engine shaped otherwise is left as it is and only slower).
//
// HyperFormula keeps one syntax tree per formula shape: it splits every formula text into tokens, makes a
// key of the tokens with each reference written relative to the formula's cell (`B7` in row 7 and `B8` in
// row 8 give the same key), and parses only a key it has not seen. Splitting the text into tokens is most of
// the cost of reading 48,000 formulas of a 1,200-KR workbook, which are a few hundred shapes. Here a cheaper
// key is made from the text itself by one regular expression, with each reference's row and column written
// relative to the cell as well; a text whose key was seen skips the tokens and goes straight to
// HyperFormula's tree for that shape, through HyperFormula's own `parse` (which then orders reversed ranges
// and collects dependencies for this cell as always).
//
// A wrong match would be a silent wrong value, so a key is trusted only after HyperFormula's own tokens of
// its first text were compared with it: the references found here must be exactly HyperFormula's reference
// tokens (cell, column range, row range), at the same places. Two texts with the same key differ only inside
// those references, which keep their sheet prefix, their `$` and the characters on either side; they are
// split into the same tokens, and their references point the same way from their cells, so HyperFormula
// makes the same key of both. A text the expression reads otherwise than HyperFormula (a reference in a
// name, `#N/A1`, a lowercase column) makes its key distrusted for good; its texts are read as before.
// Sheet names resolve to the ids seen when the key was learnt, or the text is read as before.

import type { HyperFormula } from 'hyperformula';

interface Address {
  sheet: number;
  col: number;
  row: number;
}

interface Token {
  image: string;
  startOffset: number;
  tokenType?: { name?: string };
}

interface LexerResult {
  tokens: Token[];
  errors: unknown[];
}

interface Parser {
  parse(text: string, address: Address): unknown;
  tokenizeFormula(text: string): LexerResult;
  computeHashFromTokens(tokens: Token[], address: Address): string;
  resolveSheetReference(name: string): number | undefined;
  cache: { get(hash: string): unknown; cache?: Map<string, unknown> };
  formulaAddress?: Address;
  statsCacheUsed: number;
}

/** A reference as found in a formula's text. */
export interface FoundReference {
  start: number;
  end: number;
  kind: 'CellReference' | 'ColumnRange' | 'RowRange';
  /** The sheet's name as HyperFormula reads it (quotes undone), or `null` without a sheet prefix. */
  sheet: string | null;
}

/** A formula's key (text outside references as it is, references relative to the cell) and its references. */
export interface FormulaKey {
  key: string;
  references: FoundReference[];
}

/** Each kind of reference by a letter of its own in the key (`A1` and `A:A` are both two zeros apart). */
const KIND_MARK: Record<FoundReference['kind'], string> = { CellReference: 'c', ColumnRange: 'k', RowRange: 'r' };

/** A letter as HyperFormula's patterns read one (ASCII and U+00C0 to U+02AF). */
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x2af);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A character of a name (of a function, a named expression, an unquoted sheet), `.` aside. */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95;
/** What may not stand right before a reference, nor right after one (with `(`). */
const joins = (c: number): boolean => isNameChar(c) || c === 46; // .
const joinsBefore = (c: number): boolean => joins(c) || c === 36 || c === 39 || c === 33 || c === 35; // $ ' ! #
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** A reference's column or row part: `$` and its index, or its distance from the formula's cell. */
const part = (absolute: boolean, index: number, base: number): string => (absolute ? `$${index}` : `${index - base}`);

/** A reference read at `at` (after any sheet prefix): its end, kind and key part; `null` when there is none. */
function referenceAt(
  text: string,
  at: number,
  address: { col: number; row: number },
): { end: number; kind: FoundReference['kind']; parts: string } | null {
  let i = at;
  const firstAbsolute = text.charCodeAt(i) === 36;
  if (firstAbsolute) i++;
  let column = 0;
  const lettersFrom = i;
  while (isUpper(text.charCodeAt(i)) && i - lettersFrom < 4) column = column * 26 + (text.charCodeAt(i++) - 64);
  const letters = i - lettersFrom;
  let kind: FoundReference['kind'];
  let parts: string;
  if (letters > 0) {
    if (letters > 3) return null;
    if (text.charCodeAt(i) === 58 /* : */) {
      // A column range, `$C:$C`.
      i++;
      const endAbsolute = text.charCodeAt(i) === 36;
      if (endAbsolute) i++;
      let end = 0;
      const from = i;
      while (isUpper(text.charCodeAt(i)) && i - from < 4) end = end * 26 + (text.charCodeAt(i++) - 64);
      if (i === from || i - from > 3) return null;
      kind = 'ColumnRange';
      parts = `${part(firstAbsolute, column - 1, address.col)}|${part(endAbsolute, end - 1, address.col)}`;
    } else {
      const rowAbsolute = text.charCodeAt(i) === 36;
      if (rowAbsolute) i++;
      let row = 0;
      const from = i;
      while (isDigit(text.charCodeAt(i)) && i - from < 8) row = row * 10 + (text.charCodeAt(i++) - 48);
      if (i === from || i - from > 7) return null;
      kind = 'CellReference';
      parts = `${part(firstAbsolute, column - 1, address.col)}|${part(rowAbsolute, row - 1, address.row)}`;
    }
  } else {
    // A row range, `3:5`.
    let start = 0;
    let from = i;
    while (isDigit(text.charCodeAt(i)) && i - from < 8) start = start * 10 + (text.charCodeAt(i++) - 48);
    if (i === from || i - from > 7 || text.charCodeAt(i) !== 58) return null;
    i++;
    const endAbsolute = text.charCodeAt(i) === 36;
    if (endAbsolute) i++;
    let end = 0;
    from = i;
    while (isDigit(text.charCodeAt(i)) && i - from < 8) end = end * 10 + (text.charCodeAt(i++) - 48);
    if (i === from || i - from > 7) return null;
    kind = 'RowRange';
    parts = `${part(firstAbsolute, start - 1, address.row)}|${part(endAbsolute, end - 1, address.row)}`;
  }
  const after = text.charCodeAt(i);
  if (joins(after) || after === 40 /* ( */) return null;
  return { end: i, kind, parts };
}

/**
 * The key of a formula at an address, or `null` when it cannot be made safely (the text holds U+0001, which
 * the key uses as a separator; a quoted name without `!`; a sheet prefix without a reference). String
 * literals are passed over as HyperFormula's lexer reads them (a backslash escapes the next character).
 * References keep their sheet prefix as written, so two texts with the same key at their addresses differ
 * only in the rows and columns of their references, pointing the same way.
 */
export function formulaKey(text: string, address: { col: number; row: number }): FormulaKey | null {
  if (text.includes('\u0001')) return null;
  const references: FoundReference[] = [];
  let key = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
      i++;
      continue;
    }
    if (c !== 39 && c !== 36 && !isNameChar(c)) {
      i++;
      continue;
    }
    const start = i;
    if (i > 0 && joinsBefore(text.charCodeAt(i - 1))) {
      // Inside a name or after `#`, `!`, `$` or `'`: no reference starts here; pass the run over.
      while (i < n && joinsBefore(text.charCodeAt(i))) i++;
      continue;
    }
    let sheet: string | null = null;
    if (c === 39 /* ' */) {
      let j = i + 1;
      for (; j < n; j++) {
        if (text.charCodeAt(j) !== 39) continue;
        if (text.charCodeAt(j + 1) === 39) j++;
        else break;
      }
      if (j >= n || text.charCodeAt(j + 1) !== 33 || j === i + 1) return null;
      sheet = text.slice(i + 1, j).replace(/''/g, "'");
      i = j + 2;
    } else if (c !== 36) {
      let j = i;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 33 /* ! */) {
        sheet = text.slice(i, j);
        i = j + 1;
      }
    }
    const found = referenceAt(text, i, address);
    if (found === null) {
      if (sheet !== null) return null;
      while (i < n && joinsBefore(text.charCodeAt(i))) i++;
      continue;
    }
    key += `${text.slice(copied, start)}\u0001${KIND_MARK[found.kind]}${text.slice(start, i)}\u0001${found.parts}\u0001`;
    i = found.end;
    copied = i;
    references.push({ start, end: i, kind: found.kind, sheet });
  }
  return { key: copied === 0 ? text : key + text.slice(copied), references };
}

const REFERENCE_TOKENS = new Set(['CellReference', 'ColumnRange', 'RowRange']);

/** Whether HyperFormula's tokens of a text hold exactly the references found, at the same places. */
export function sameReferences(tokens: Token[], references: FoundReference[]): boolean {
  let next = 0;
  for (const token of tokens) {
    const name = token.tokenType?.name;
    if (name === undefined) return false;
    if (!REFERENCE_TOKENS.has(name)) continue;
    const found = references[next++];
    if (
      found === undefined ||
      found.kind !== name ||
      found.start !== token.startOffset ||
      found.end !== token.startOffset + token.image.length
    ) {
      return false;
    }
  }
  return next === references.length;
}

/** What HyperFormula's `parse` answers. */
interface ParseResult {
  ast: unknown;
  errors: unknown[];
  dependencies: unknown[];
}

/**
 * What a key was learnt as: HyperFormula's key of the shape, the ids its sheet names resolved to, and, once
 * a second text of the shape was read, the answer every text of the shape gets (`null` when it may differ).
 */
interface Learnt {
  hash: string;
  sheets: string[];
  ids: (number | undefined)[];
  /** HyperFormula's entry for the shape in the engine that learnt it: the tree, its dependencies. */
  entry?: unknown;
  shared?: { entry: unknown; result: ParseResult } | null;
}

/**
 * The keys learnt, for every engine of the process: the fifty team workbooks of a roll-up hold the same
 * shapes. An engine that meets a key another engine learnt takes that engine's entry into its own cache
 * (HyperFormula shares one entry among all the cells of a shape, so it never writes into it) when the key's
 * sheet names resolve to the same ids in it; else it learns the key again.
 */
const MEMO = new Map<string, Learnt | typeof DISTRUSTED>();
const MEMO_LIMIT = 100_000;

/**
 * The shape of each text read, by the text and its cell, for every engine of the process: the team
 * workbooks of a roll-up hold the same texts in the same cells, found here without making their key again
 * (a string keeps its own hash, and the engines share their formula texts, see local/calc.ts). It holds as
 * many texts as the engines' shared reads (`SHARED_READS_LIMIT` there), which keep them anyway.
 */
const SEEN = new Map<string, { row: number; col: number; learnt: Learnt }>();
const SEEN_LIMIT = 200_000;

interface Node {
  type?: string;
  procedureName?: string;
  start?: { isColumnAbsolute?(): boolean; isRowAbsolute?(): boolean };
  end?: { isColumnAbsolute?(): boolean; isRowAbsolute?(): boolean };
}

const sameWay = (node: Node, ask: 'isColumnAbsolute' | 'isRowAbsolute'): boolean => {
  const start = node.start?.[ask];
  const end = node.end?.[ask];
  return typeof start === 'function' && typeof end === 'function' && start.call(node.start) === end.call(node.end);
};

/**
 * Whether HyperFormula's answer for a shape is the same in every cell, so one answer may serve them all. It
 * parses a shape once and then orders each range's ends for the cell (`B9:B7` becomes `B7:B9`); the order
 * depends on the cell only when one end is fixed (`$`) and the other moves in the same direction, so a
 * shape with such a range is answered afresh each time. HYPERLINK writes on its node as it computes: its
 * shapes too. HyperFormula itself shares one tree among cells after moving rows (its `rememberNewAst`).
 */
export function answerFitsEveryCell(ast: unknown): boolean {
  if (typeof ast !== 'object' || ast === null) return true;
  if (Array.isArray(ast)) return ast.every(answerFitsEveryCell);
  const node = ast as Node & Record<string, unknown>;
  switch (node.type) {
    case 'CELL_RANGE':
      return sameWay(node, 'isColumnAbsolute') && sameWay(node, 'isRowAbsolute');
    case 'COLUMN_RANGE':
      return sameWay(node, 'isColumnAbsolute');
    case 'ROW_RANGE':
      return sameWay(node, 'isRowAbsolute');
    case 'FUNCTION_CALL':
      if (node.procedureName === 'HYPERLINK') return false;
      return answerFitsEveryCell(node.args);
    default:
      return ['args', 'left', 'right', 'value', 'expression'].every((child) => answerFitsEveryCell(node[child]));
  }
}

/**
 * Two of HyperFormula's dependencies of a shape (a cell, a range, a named expression, relative to the cell
 * of the formula) that are the same: of one class, with the same fields. Each turns into its address for a
 * cell by its fields alone, so both give the same address in every cell.
 */
export function sameDependency(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // Fields in the same order (one class sets them so): a dependency whose fields came otherwise is kept apart.
  const keys = Object.keys(a);
  const others = Object.keys(b);
  return (
    keys.length === others.length &&
    keys.every(
      (key, i) =>
        others[i] === key && sameDependency((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/**
 * A shape's dependencies, each once, at its first place. A formula naming a range or cell several times
 * (an OKR feed's formulas name each range 2 to 12 times) lists it as often; HyperFormula then turns each
 * into an address and links it into its graph again, which keeps one link per pair anyway.
 */
export function distinctDependencies(dependencies: unknown[]): unknown[] {
  const distinct: unknown[] = [];
  for (const dependency of dependencies) {
    if (!distinct.some((kept) => sameDependency(kept, dependency))) distinct.push(dependency);
  }
  return distinct;
}

const DISTRUSTED = 'distrusted' as const;

const TOKENS_KNOWN: Token[] = [];

export interface ParseMemoFigures {
  /** Texts read through a known key, without tokens. */
  hits: number;
  /** Of those, texts given the answer of their shape's earlier text. */
  shared: number;
  /** Texts read by HyperFormula as before. */
  misses: number;
  /** Keys this engine learnt (see MEMO). */
  learnt: number;
  /** Shapes this engine took from another engine's cache instead of parsing them. */
  borrowed: number;
}

/** Adds the memory to a freshly built engine's parser; returns its figures, or `null` for an engine shaped otherwise. */
export function rememberParses(hf: HyperFormula): ParseMemoFigures | null {
  const parser = (hf as unknown as { _parser?: Partial<Parser> })._parser;
  if (
    !parser ||
    typeof parser.parse !== 'function' ||
    typeof parser.tokenizeFormula !== 'function' ||
    typeof parser.computeHashFromTokens !== 'function' ||
    typeof parser.resolveSheetReference !== 'function' ||
    typeof parser.cache?.get !== 'function'
  ) {
    return null;
  }
  const p = parser as Parser;
  const parse = p.parse.bind(p);
  const tokenize = p.tokenizeFormula.bind(p);
  const hashOf = p.computeHashFromTokens.bind(p);
  const cache = p.cache;
  const memo = MEMO;
  const figures: ParseMemoFigures = { hits: 0, shared: 0, misses: 0, learnt: 0, borrowed: 0 };
  // Another engine's entry for a shape, put into this engine's cache (see MEMO).
  const entryOf = (learnt: Learnt): unknown => {
    const own = cache.get(learnt.hash);
    if (own !== undefined || learnt.entry === undefined || !(cache.cache instanceof Map)) return own;
    cache.cache.set(learnt.hash, learnt.entry);
    figures.borrowed++;
    return learnt.entry;
  };

  // The text being read: its key to learn, or HyperFormula's key of its shape when it is known.
  let learning: FormulaKey | null = null;
  let known: string | null = null;

  const see = (text: string, address: Address, learnt: Learnt) => {
    if (SEEN.size >= SEEN_LIMIT) SEEN.clear();
    SEEN.set(text, { row: address.row, col: address.col, learnt });
  };

  p.tokenizeFormula = (text: string) => {
    if (known !== null) return { tokens: TOKENS_KNOWN, errors: [] };
    const result = tokenize(text);
    if (learning !== null && (result.errors.length > 0 || !sameReferences(result.tokens, learning.references))) {
      memo.set(learning.key, DISTRUSTED);
      learning = null;
    }
    return result;
  };
  p.computeHashFromTokens = (tokens: Token[], address: Address) => {
    if (tokens === TOKENS_KNOWN && known !== null) return known;
    const hash = hashOf(tokens, address);
    if (learning !== null) {
      // HyperFormula resolved every sheet name of the text just now: resolving them again adds no sheet.
      const sheets = [...new Set(learning.references.flatMap((r) => (r.sheet === null ? [] : [r.sheet])))];
      if (memo.size >= MEMO_LIMIT) memo.clear();
      figures.learnt++;
      memo.set(learning.key, { hash, sheets, ids: sheets.map((name) => p.resolveSheetReference(name)) });
    }
    return hash;
  };
  p.parse = (text: string, address: Address) => {
    const seen = SEEN.get(text);
    let found: FormulaKey | null = null;
    let learnt: Learnt | typeof DISTRUSTED | undefined;
    if (seen !== undefined && seen.row === address.row && seen.col === address.col) learnt = seen.learnt;
    else {
      found = formulaKey(text, address);
      learnt = found === null ? undefined : memo.get(found.key);
    }
    const entry = learnt === undefined || learnt === DISTRUSTED ? undefined : entryOf(learnt);
    if (
      learnt !== undefined &&
      learnt !== DISTRUSTED &&
      entry !== undefined &&
      learnt.sheets.every((name, i) => p.resolveSheetReference(name) === learnt.ids[i])
    ) {
      figures.hits++;
      if (seen === undefined) see(text, address, learnt);
      if (learnt.shared && learnt.shared.entry === entry) {
        figures.shared++;
        const { result } = learnt.shared;
        // As HyperFormula's `parse` leaves its parser after a shape it knew.
        p.formulaAddress = address;
        p.statsCacheUsed++;
        return { ...result, errors: [], dependencies: result.dependencies.slice() };
      }
      known = learnt.hash;
      try {
        const result = parse(text, address) as ParseResult;
        if (learnt.shared === undefined && result.errors.length === 0) {
          learnt.shared = answerFitsEveryCell(result.ast)
            ? { entry, result: { ...result, dependencies: distinctDependencies(result.dependencies) } }
            : null;
        }
        return result;
      } finally {
        known = null;
      }
    }
    figures.misses++;
    // A key learnt with other sheet ids (a sheet renamed or removed since) is learnt again.
    found ??= formulaKey(text, address);
    const before = found === null ? undefined : memo.get(found.key);
    learning = found !== null && before !== DISTRUSTED ? found : null;
    try {
      const result = parse(text, address);
      // What this engine learnt now serves the others too.
      const now = found === null ? undefined : memo.get(found.key);
      if (now !== undefined && now !== DISTRUSTED && now !== before) {
        now.entry = cache.get(now.hash);
        see(text, address, now);
      }
      return result;
    } finally {
      known = null;
      learning = null;
    }
  };
  return figures;
}
