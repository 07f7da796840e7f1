// Memories added to a HyperFormula engine of the local runtime, so that a workbook of 1,200 key results
// computes in seconds rather than a minute. They reach into the engine's internals (HyperFormula 3.5: its
// evaluator, interpreter and date helper); an engine shaped otherwise is left as it is and only slower.
//
// 1. Texts read as dates. HyperFormula tries every text a formula compares as a date first
//    (`$B$7:$B$1226=B7` reads 1,220 ids for each of 1,200 cells), and the same few thousand texts come back
//    millions of times; a text's answer never changes within an engine (its date formats are fixed) and the
//    numbers it answers are never modified, so one answer per text serves every comparison.
//
// 2. Parts of formulas that many cells share. The OKR sheet's objective score in every KR row is
//    `ARRAYFORMULA(IF(B7="";"";… SUMPRODUCT(($B$7:$B$1226=B7)*ISNUMBER($F$7:$F$1226)*…)…))`: the same
//    whole-table sums for the twenty rows of one objective, and `ISNUMBER($F$7:$F$1226)` the same for all.
//    HyperFormula shares one syntax tree among the cells of one formula shape, and evaluates the cells of
//    one pass in dependency order, so every cell a part reads is final before any cell holding that part is
//    computed, and stays so until the pass ends. A part made only of ranges fixed in place (`$B$7:$B$1226`,
//    `'History'!$C:$C`), constants, operators and functions known to depend on nothing but their arguments
//    therefore has one value per pass for each sheet and each set of values of the relative single cells it
//    reads (`B7`): that value is kept for the pass and handed to the next cell asking. Errors are never
//    kept (HyperFormula marks an error with the cell it came from); the memory is emptied whenever the
//    engine starts computing; a part whose every reading so far was new (a KR id per row) stops being kept.
//
// 3. Ranges already wired into the dependency graph, 4. a fixed column compared with one text, 5. a range
//    searched for one value (MATCH), 6. no lists of changes, and 7. formulas told at once: each explained in
//    its section below.

import { type HyperFormula, SimpleRangeValue } from 'hyperformula';
import { rememberParses } from './parse-memo';

interface DateTexts {
  dateStringToDateNumber(text: string): unknown;
}

const NOT_A_DATE = Symbol('not a date');

function rememberDateTexts(helper: DateTexts): void {
  const read = helper.dateStringToDateNumber.bind(helper);
  const memo = new Map<string, unknown>();
  helper.dateStringToDateNumber = (text: string) => {
    let answer = memo.get(text);
    if (answer === undefined) {
      answer = read(text) ?? NOT_A_DATE;
      if (memo.size >= 200_000) memo.clear();
      memo.set(text, answer);
    }
    return answer === NOT_A_DATE ? undefined : answer;
  };
}

// --- the syntax tree, as far as it is read here ------------------------------------------------------------

interface Reference {
  sheet?: number;
  isColumnAbsolute?(): boolean;
  isRowAbsolute?(): boolean;
}

interface Ast {
  type: string;
  reference?: Reference;
  start?: Reference;
  end?: Reference;
  procedureName?: string;
  args?: unknown;
  left?: Ast;
  right?: Ast;
  value?: unknown;
  expression?: Ast;
}

interface State {
  formulaAddress: { sheet: number };
  arraysFlag: boolean;
}

type Evaluate = (ast: Ast, state: State) => unknown;

/**
 * Functions whose value depends on nothing but their arguments (not on the cell they stand in, the clock or
 * anything they record): the ones the add-on's formulas use around ranges.
 */
const PURE_FUNCTIONS = new Set([
  'ABS',
  'AND',
  'ARRAYFORMULA',
  'AVERAGE',
  'COUNT',
  'COUNTA',
  'COUNTIF',
  'COUNTIFS',
  'DATE',
  'FILTER',
  'IF',
  'IFERROR',
  'INT',
  'ISBLANK',
  'ISERROR',
  'ISNUMBER',
  'ISTEXT',
  'LEN',
  'LOWER',
  'MAX',
  'MAXIFS',
  'MIN',
  'MINIFS',
  'NOT',
  'OR',
  'ROUND',
  'ROUNDDOWN',
  'ROUNDUP',
  'SORT',
  'SUM',
  'SUMIF',
  'SUMIFS',
  'SUMPRODUCT',
  'TRIM',
  'UPPER',
]);

const RANGES = new Set(['CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);
const CONSTANTS = new Set(['EMPTY', 'NUMBER', 'STRING', 'ERROR', 'ERROR_WITH_RAW_INPUT', 'NAMED_EXPRESSION']);
const OPERATORS = new Set([
  'CONCATENATE_OP',
  'EQUALS_OP',
  'NOT_EQUAL_OP',
  'GREATER_THAN_OP',
  'LESS_THAN_OP',
  'GREATER_THAN_OR_EQUAL_OP',
  'LESS_THAN_OR_EQUAL_OP',
  'PLUS_OP',
  'MINUS_OP',
  'TIMES_OP',
  'DIV_OP',
  'POWER_OP',
  'MINUS_UNARY_OP',
  'PLUS_UNARY_OP',
  'PERCENT_OP',
  'PARENTHESES',
]);

/** The readings of one part of a formula shape in the current pass. */
interface Plan {
  /** The pass the readings below belong to. */
  pass: number;
  /** Readings of this pass: new ones, and ones found kept. */
  misses: number;
  hits: number;
  values: Map<string, unknown>;
}

/**
 * What is known of a part of a formula: the number of its shape (the same for the same part in every row
 * of a formula shape, relative references counted by their offsets; -1 when it is not pure), the relative
 * single cells it reads, whether it reads a range, and its plan when it is worth keeping.
 */
interface Part {
  shape: number;
  cells: Ast[];
  range: boolean;
}

const IMPURE: Part = { shape: -1, cells: [], range: false };

/**
 * What is found of a part is kept on its node under one symbol, with shapes numbered once, for every engine
 * of the process: engines share their syntax trees (local/parse-memo.ts), and a node marked by fifty
 * engines under fifty symbols is slow for all of them to read. What an engine remembers of a part's values
 * is its own (`Parts.planOf`).
 */
const MARK = Symbol('part');
const SHAPES = new Map<string, number>();
// Beyond it, a new shape is left unnumbered and its part is computed as it is (numbers are never reused).
const SHAPES_LIMIT = 2_000_000;

/** Parts evaluated as they are, never kept: constants, single cells and ranges (cheap to read). */
const LEAVES = new Set([...CONSTANTS, 'CELL_REFERENCE', ...RANGES]);

const fixed = (reference: Reference | undefined, column: boolean, row: boolean): boolean =>
  reference !== undefined &&
  (!column || reference.isColumnAbsolute?.() === true) &&
  (!row || reference.isRowAbsolute?.() === true);

/** A reference as it reads in every row of a formula shape. */
function referenceText(reference: Reference | undefined): string {
  const r = reference as (Reference & { col?: number; row?: number; type?: string }) | undefined;
  return `${r?.type ?? ''}|${r?.col ?? ''}|${r?.row ?? ''}|${r?.sheet ?? ''}`;
}

/** A part that may be worth keeping: a function call, or an operator with a range beside it. */
function worthAsking(ast: Ast): boolean {
  if (ast.type === 'FUNCTION_CALL' || ast.type === 'ARRAY') return true;
  if (!OPERATORS.has(ast.type)) return false;
  return RANGES.has(ast.left?.type ?? '') || RANGES.has(ast.right?.type ?? '');
}

/** HyperFormula's arrays by their top-left cell (`dependencyGraph.arrayMapping`). */
interface ArraysByCorner {
  getArrayByCorner(corner: unknown): { array?: { error?: unknown } } | undefined;
}

/**
 * Finds the parts of formulas, numbering their shapes; a part's children are known before it. What is found
 * is kept on the syntax tree itself, under a symbol of this engine's own: millions of entries in a WeakMap
 * cost the garbage collector more than the memory saves.
 */
class Parts {
  private readonly mark = MARK;
  private readonly plans: Plan[] = [];

  /** The shape of a range fixed in place, kept on the node; -1 for a range that moves with its cell. */
  rangeShape(ast: Ast): number {
    const marked = ast as Ast & Record<symbol, Part | undefined>;
    let part = marked[this.mark];
    if (part === undefined) {
      part = this.leaf(ast);
      marked[this.mark] = part;
    }
    return part.shape;
  }

  /** A range fixed in place (`$C:$C`, `$B$7:$B$1226`). */
  fixedRange(ast: Ast): boolean {
    return RANGES.has(ast.type) && this.rangeShape(ast) >= 0;
  }

  of(ast: Ast): Part {
    if (LEAVES.has(ast.type)) return this.leaf(ast);
    const marked = ast as Ast & Record<symbol, Part | undefined>;
    let part = marked[this.mark];
    if (part === undefined) {
      part = this.inner(ast);
      marked[this.mark] = part;
    }
    return part;
  }

  /** This engine's memory of a part's values: one for the same part wherever it stands; `null` when not worth it. */
  planOf(part: Part): Plan | null {
    if (!part.range || part.shape < 0) return null;
    let plan = this.plans[part.shape];
    if (plan === undefined) {
      plan = { pass: -1, misses: 0, hits: 0, values: new Map() };
      this.plans[part.shape] = plan;
    }
    return plan;
  }

  private number(text: string): number {
    let shape = SHAPES.get(text);
    if (shape === undefined) {
      if (SHAPES.size >= SHAPES_LIMIT) return -1;
      shape = SHAPES.size;
      SHAPES.set(text, shape);
    }
    return shape;
  }

  private leaf(ast: Ast): Part {
    const { type } = ast;
    if (type === 'CELL_REFERENCE') {
      const shape = this.number(`REF(${referenceText(ast.reference)})`);
      return { shape, cells: fixed(ast.reference, true, true) ? [] : [ast], range: false };
    }
    if (RANGES.has(type)) {
      const [column, row] =
        type === 'COLUMN_RANGE' ? [true, false] : type === 'ROW_RANGE' ? [false, true] : [true, true];
      if (!fixed(ast.start, column, row) || !fixed(ast.end, column, row)) return IMPURE;
      const shape = this.number(`${type}(${referenceText(ast.start)};${referenceText(ast.end)})`);
      return { shape, cells: [], range: true };
    }
    // Named expressions by their name (case does not matter to them); numbers and texts exactly.
    const name = type === 'NAMED_EXPRESSION' ? ((ast as { expressionName?: string }).expressionName ?? '') : '';
    const value =
      type === 'NUMBER' || type === 'STRING' ? `${typeof ast.value}:${String(ast.value)}` : name.toUpperCase();
    return { shape: this.number(`${type}(${value})`), cells: [], range: false };
  }

  private inner(ast: Ast): Part {
    const { type } = ast;
    let children: Ast[];
    let head: string;
    if (OPERATORS.has(type)) {
      head = type;
      children = [ast.left, ast.right, ast.value as Ast | undefined, ast.expression].filter(
        (child): child is Ast => typeof child === 'object' && child !== null && 'type' in child,
      );
    } else if (type === 'FUNCTION_CALL' && PURE_FUNCTIONS.has(ast.procedureName ?? '')) {
      head = `${ast.procedureName}`;
      children = (Array.isArray(ast.args) ? ast.args : []) as Ast[];
    } else if (type === 'ARRAY') {
      const rows = (Array.isArray(ast.args) ? ast.args : []) as Ast[][];
      head = `ARRAY${rows.map((row) => row.length).join('x')}`;
      children = rows.flat();
    } else return IMPURE;
    const cells: Ast[] = [];
    const shapes: number[] = [];
    let range = false;
    for (const child of children) {
      const part = this.of(child);
      if (part.shape < 0) return IMPURE;
      cells.push(...part.cells);
      shapes.push(part.shape);
      range ||= part.range;
    }
    const shape = this.number(`${head}(${shapes.join(';')})`);
    return shape < 0 ? IMPURE : { shape, cells, range };
  }
}

/** A value as part of a key: its type and its content; `null` when it cannot be told apart safely. */
function keyPart(value: unknown): string | null {
  switch (typeof value) {
    case 'number':
      return `n${value}`;
    case 'string':
      return `s${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'symbol':
      return 'e'; // HyperFormula's empty value
    case 'object': {
      // A rich number (date, percent, currency): its kind and number; an error or a range is not keyed.
      const rich = value as { val?: unknown; getDetailedType?: () => string } | null;
      if (rich && typeof rich.val === 'number' && typeof rich.getDetailedType === 'function') {
        return `r${rich.getDetailedType()}:${rich.val}`;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * A value to keep or hand out: an array is copied, since HyperFormula's operators write their answer into
 * the array they were given (`(range=B7)*…` turns the kept booleans into products).
 */
function copyOf(value: unknown): unknown {
  if (!(value instanceof SimpleRangeValue)) return value;
  const range = value as unknown as { range: unknown; dependencyGraph: unknown; _hasOnlyNumbers: unknown };
  const Copy = SimpleRangeValue as unknown as new (
    data: unknown[][],
    range: unknown,
    dependencyGraph: unknown,
    onlyNumbers: unknown,
  ) => SimpleRangeValue;
  return new Copy(
    value.data.map((row) => row.slice()),
    range.range,
    range.dependencyGraph,
    range._hasOnlyNumbers,
  );
}

/** Gives up keeping a part once this many readings in a pass were all new. */
const GIVE_UP_AFTER = 32;

/** What the memories of one engine share: the parts found, and the ranges kept for the current pass. */
interface Memory {
  parts: Parts;
  sharedRanges: WeakSet<object>;
  /** The current pass (see `rememberSharedParts`), and whether the engine is computing one. */
  pass: number;
  active: boolean;
}

function rememberSharedParts(
  interpreter: { evaluateAst: Evaluate },
  evaluator: Record<'run' | 'partialRun' | 'runAndForget', (...args: unknown[]) => unknown>,
  isError: (value: unknown) => boolean,
  memory: Memory,
): void {
  const evaluate = interpreter.evaluateAst.bind(interpreter) as Evaluate;
  const { parts } = memory;
  // Every start of a computation begins a new pass; a plan's readings of an earlier pass are dropped when
  // it is next asked.
  let pass = 0;
  let active = false;
  const publish = () => {
    memory.pass = pass;
    memory.active = active;
  };
  let touched: Plan[] = [];
  for (const name of ['run', 'partialRun', 'runAndForget'] as const) {
    const original = evaluator[name].bind(evaluator);
    evaluator[name] = (...args: unknown[]) => {
      pass++;
      active = true;
      publish();
      try {
        return original(...args);
      } finally {
        active = false;
        pass++;
        publish();
        for (const plan of touched) plan.values.clear();
        touched = [];
        ranges = new Map();
      }
    };
  }
  // A range fixed in place reads the same cells for every formula of a sheet in a pass: one value serves
  // them all, its cells read once. It is handed out as it is: HyperFormula's operators write only into
  // arrays of their own making ("ad hoc"), never into a range's.
  let ranges = new Map<string, unknown>();
  // A range that is exactly an array's area when the array holds an error (a FILTER over its own cells, a
  // cycle): HyperFormula 3.5 throws "Unknown array" there instead of answering the array's error, and the
  // whole computation fails. Sheets shows the error.
  const rangeValue = (ast: Ast, state: State): unknown => {
    try {
      return evaluate(ast, state);
    } catch (error) {
      const corner = (ast.start as { toSimpleCellAddress?(base: unknown): unknown } | undefined)?.toSimpleCellAddress?.(
        state.formulaAddress,
      );
      const graph = (interpreter as { dependencyGraph?: { arrayMapping?: ArraysByCorner } }).dependencyGraph;
      const held = corner === undefined ? undefined : graph?.arrayMapping?.getArrayByCorner(corner)?.array?.error;
      if (error instanceof Error && error.message === 'Unknown array' && isError(held)) return held;
      throw error;
    }
  };
  // The conditions of FILTER calls (HyperFormula's FILTER reads them and writes nothing into them).
  const readOnly = new WeakSet<Ast>();
  const sharedRange = (ast: Ast, state: State): unknown => {
    const shape = parts.rangeShape(ast);
    if (shape < 0) return rangeValue(ast, state);
    const rangeKey = `${shape}:${state.formulaAddress.sheet}`;
    const known = ranges.get(rangeKey);
    if (known !== undefined) return known;
    const value = rangeValue(ast, state);
    if (value instanceof SimpleRangeValue && !value.isAdHoc()) {
      ranges.set(rangeKey, value);
      memory.sharedRanges.add(value);
    }
    return value;
  };
  interpreter.evaluateAst = (ast: Ast, state: State) => {
    // Impure parts may hold pure ones: their children come back here. Parts worth keeping are function
    // calls and operators on a range; the many small operators of a cell's own arithmetic are not looked up.
    if (!active) return evaluate(ast, state);
    if (RANGES.has(ast.type)) return sharedRange(ast, state);
    if (ast.type === 'FUNCTION_CALL' && ast.procedureName === 'FILTER' && Array.isArray(ast.args)) {
      for (const condition of (ast.args as Ast[]).slice(1)) readOnly.add(condition);
    }
    if (!worthAsking(ast)) return evaluate(ast, state);
    const part = parts.of(ast);
    const plan = parts.planOf(part);
    if (plan === null) return evaluate(ast, state);
    const { cells } = part;
    if (plan.pass !== pass) {
      plan.pass = pass;
      plan.misses = 0;
      plan.hits = 0;
      plan.values.clear();
      touched.push(plan);
    }
    if (plan.hits === 0 && plan.misses >= GIVE_UP_AFTER) return evaluate(ast, state);
    let memoKey = `${state.formulaAddress.sheet}:${state.arraysFlag ? 1 : 0}`;
    for (const cell of cells) {
      const part = keyPart(evaluate(cell, state));
      if (part === null) return evaluate(ast, state);
      memoKey += `\u0000${part}`;
    }
    const found = plan.values.get(memoKey);
    // A condition of FILTER is read, never written: the kept value itself serves it.
    const shared = readOnly.has(ast);
    if (found !== undefined) {
      plan.hits++;
      return shared ? found : copyOf(found);
    }
    const value = evaluate(ast, state);
    plan.misses++;
    if (value !== undefined && !isError(value)) plan.values.set(memoKey, shared ? value : copyOf(value));
    return value;
  };
}

// --- 4. a fixed column compared with one text ------------------------------------------------------------------
// The trend of every KR row filters History by its KR id: `FILTER('History'!$D:$D;'History'!$C:$C=$D7;…)`,
// 1,200 rows each comparing 1,200 History rows one by one. HyperFormula compares a text with a cell this way
// (ArithmeticHelper.compare): when the text is no date or number, a cell holding a text or nothing (read as
// "") equals it when the engine's collator finds them equal, and a cell holding anything else never does. A
// collator orders texts totally, so texts it finds equal lie side by side once sorted: the column's distinct
// texts are sorted once per pass, equal neighbours make one class, and each comparison is one binary search
// for the text's class and an array of its rows. A column holding an error, a text that reads as a date or
// number, or a comparison outside array arithmetic go the engine's own way.

interface Comparing {
  dateTimeHelper: { dateStringToDateNumber(text: string): unknown };
  stringCmp(left: string, right: string): number;
}

interface TextClasses {
  /** The column's distinct texts in the collator's order, and the class of each. */
  texts: string[];
  classes: number[];
  /** Cells (row, column) of each class. */
  cells: [number, number][][];
  height: number;
  width: number;
}

function textClasses(range: SimpleRangeValue, helper: Comparing): TextClasses | null {
  const data = range.data as unknown[][];
  const height = data.length;
  const width = data[0]?.length ?? 0;
  const byText = new Map<string, [number, number][]>();
  for (let row = 0; row < height; row++) {
    const line = data[row] as unknown[];
    for (let column = 0; column < width; column++) {
      const value = line[column];
      let text: string;
      if (typeof value === 'string') text = value;
      else if (typeof value === 'symbol')
        text = ''; // HyperFormula's empty value
      else if (typeof value === 'number' || typeof value === 'boolean') continue;
      else if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') {
        continue; // a rich number (a date, a percent): never equal to a text that is no date
      } else return null; // an error, or anything else: the engine's own way
      let cells = byText.get(text);
      if (!cells) {
        cells = [];
        byText.set(text, cells);
      }
      cells.push([row, column]);
    }
  }
  const texts = [...byText.keys()].sort((a, b) => helper.stringCmp(a, b));
  const classes: number[] = [];
  const cells: [number, number][][] = [];
  texts.forEach((text, i) => {
    const joined = i > 0 && helper.stringCmp(texts[i - 1] as string, text) === 0;
    if (!joined) cells.push([]);
    classes.push(cells.length - 1);
    (cells[cells.length - 1] as [number, number][]).push(...(byText.get(text) as [number, number][]));
  });
  return { texts, classes, cells, height, width };
}

function rememberTextComparisons(
  interpreter: { evaluateAst: Evaluate; arithmeticHelper?: unknown },
  memory: Memory,
): void {
  const { parts } = memory;
  const helper = interpreter.arithmeticHelper as Comparing | undefined;
  if (
    !helper ||
    typeof helper.stringCmp !== 'function' ||
    typeof helper.dateTimeHelper?.dateStringToDateNumber !== 'function'
  ) {
    return;
  }
  const evaluate = interpreter.evaluateAst.bind(interpreter);
  const known = new WeakMap<SimpleRangeValue, TextClasses | null>();
  interpreter.evaluateAst = (ast: Ast, state: State) => {
    // A fixed range compared with a cell or a text: both cheap to evaluate again when the engine's own way
    // is taken after all.
    if (
      ast.type !== 'EQUALS_OP' ||
      !state.arraysFlag ||
      !ast.left ||
      !ast.right ||
      (ast.right.type !== 'CELL_REFERENCE' && ast.right.type !== 'STRING') ||
      !parts.fixedRange(ast.left)
    ) {
      return evaluate(ast, state);
    }
    // Both sides as the engine evaluates them, through the memories (the range is the pass's shared one).
    const range = interpreter.evaluateAst(ast.left, state);
    const text = interpreter.evaluateAst(ast.right, state);
    // Only a range kept for the pass, whose classes serve every row of it.
    if (
      !(range instanceof SimpleRangeValue) ||
      !memory.sharedRanges.has(range) ||
      typeof text !== 'string' ||
      helper.dateTimeHelper.dateStringToDateNumber(text) !== undefined
    ) {
      return evaluate(ast, state);
    }
    let classes = known.get(range);
    if (classes === undefined) {
      classes = textClasses(range, helper);
      known.set(range, classes);
    }
    if (classes === null) return evaluate(ast, state);
    const rows: boolean[][] = Array.from({ length: classes.height }, () => new Array(classes.width).fill(false));
    let low = 0;
    let high = classes.texts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const order = helper.stringCmp(classes.texts[middle] as string, text);
      if (order === 0) {
        for (const [row, column] of classes.cells[classes.classes[middle] as number] as [number, number][]) {
          (rows[row] as boolean[])[column] = true;
        }
        break;
      }
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return SimpleRangeValue.onlyValues(rows as never);
  };
}

// --- 5. a range searched for one value --------------------------------------------------------------------------
// MATCH(x; range; 0) in HyperFormula (AdvancedFind.basicFind, unordered) reads the range, folds every text in
// it to lower case without accents, and takes the first (or last) element equal (===) to the folded key: the
// whole range folded again for every cell asking, which is every row of an OKR feed or a roll-up. Within a
// pass a range's values are final (see the shared parts), so the folded range is kept for the pass as a map
// from each folded value to its first and last position, and each search is one lookup. The engine's own
// folding is repeated to the letter, so the same values are equal (a test holds every answer to its own).

interface Search {
  basicFind(
    searchKey: unknown,
    rangeValue: { range?: unknown },
    searchCoordinate: unknown,
    options: { ordering: string; ifNoMatch: string; returnOccurrence?: string },
  ): number;
  dependencyGraph?: { computeListOfValuesInRange(range: unknown): unknown[] };
}

interface Positions {
  first: Map<unknown, number>;
  last: Map<unknown, number>;
}

interface Area {
  start?: { sheet?: number; row?: number; col?: number };
  end?: { row?: number; col?: number };
}

/** A text folded as HyperFormula folds it for a search (its `forceNormalizeString`, not exported). */
const forceNormalizeString = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** A value as HyperFormula compares it in a search: a rich number (a date) by its number. */
function rawOf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') {
    return (value as { val: number }).val;
  }
  return value;
}

function foldedPositions(values: unknown[]): Positions {
  const positions: Positions = { first: new Map(), last: new Map() };
  values.forEach((value, index) => {
    const raw = rawOf(value);
    const folded = typeof raw === 'string' ? forceNormalizeString(raw) : raw;
    if (!positions.first.has(folded)) positions.first.set(folded, index);
    positions.last.set(folded, index);
  });
  return positions;
}

function rememberSearchedRanges(search: unknown, memory: Memory): void {
  const strategy = search as Partial<Search> | undefined;
  const graph = strategy?.dependencyGraph;
  if (
    !strategy ||
    typeof strategy.basicFind !== 'function' ||
    typeof graph?.computeListOfValuesInRange !== 'function'
  ) {
    return;
  }
  const find = strategy.basicFind.bind(strategy);
  let kept = new Map<string, Positions>();
  let keptPass = -1;
  strategy.basicFind = (searchKey, rangeValue, searchCoordinate, options) => {
    const area = rangeValue.range as Area | undefined;
    if (
      !memory.active ||
      area?.start === undefined ||
      area.end === undefined ||
      options.ordering !== 'none' ||
      options.ifNoMatch !== 'returnNotFound' ||
      (typeof searchKey === 'number' && Number.isNaN(searchKey))
    ) {
      return find(searchKey, rangeValue, searchCoordinate, options);
    }
    if (keptPass !== memory.pass) {
      kept = new Map();
      keptPass = memory.pass;
    }
    const key = `${area.start.sheet}:${area.start.row}:${area.start.col}:${area.end.row}:${area.end.col}`;
    let positions = kept.get(key);
    if (!positions) {
      positions = foldedPositions(graph.computeListOfValuesInRange(area));
      kept.set(key, positions);
    }
    const folded = typeof searchKey === 'string' ? forceNormalizeString(searchKey) : searchKey;
    return (options.returnOccurrence === 'last' ? positions.last : positions.first).get(folded) ?? -1;
  };
}

// --- 3. ranges already wired -------------------------------------------------------------------------------
// When a formula reads a range, HyperFormula links the range's node to the formula's, and (again) every cell
// of the range to the range's node, even when an earlier formula did so already: 1,200 objective scores
// reading the same three 1,220-row ranges make 4.4 million links to find already there. The cells of a range
// node stay linked once it is wired (HyperFormula keeps the links when a cell's content changes, and links
// new cells of whole-column ranges itself), so a range node met again is only linked to the new formula.
//
// A formula naming one range or cell several times (an OKR feed's formulas name each range 2 to 12 times)
// comes here listing it once: the parse memory keeps the dependencies of a shape every cell shares once each
// (local/parse-memo.ts, `distinctDependencies`).

interface RangeDependency {
  start: unknown;
  end: unknown;
  addresses: unknown;
}

interface Graph {
  getRange(start: unknown, end: unknown): { idInGraph?: number } | undefined;
  graph: { addEdge(from: number, to: number): void };
  processCellDependencies(dependencies: unknown[], endVertex: { idInGraph?: number }): void;
}

const isRangeDependency = (dependency: unknown): dependency is RangeDependency =>
  typeof dependency === 'object' &&
  dependency !== null &&
  'start' in dependency &&
  'end' in dependency &&
  typeof (dependency as { addresses?: unknown }).addresses === 'function';

function rememberWiredRanges(graph: Graph): void {
  const wire = graph.processCellDependencies.bind(graph);
  const wired = new WeakSet<object>();
  graph.processCellDependencies = (dependencies, endVertex) => {
    const to = endVertex.idInGraph;
    const rest: unknown[] = [];
    for (const dependency of dependencies) {
      if (to !== undefined && isRangeDependency(dependency)) {
        const vertex = graph.getRange(dependency.start, dependency.end);
        if (vertex?.idInGraph !== undefined && wired.has(vertex)) {
          graph.graph.addEdge(vertex.idInGraph, to);
          continue;
        }
      }
      rest.push(dependency);
    }
    wire(rest, endVertex);
    for (const dependency of rest) {
      if (!isRangeDependency(dependency)) continue;
      const vertex = graph.getRange(dependency.start, dependency.end);
      if (vertex) wired.add(vertex);
    }
  };
}

// --- 6. no lists of changes ---------------------------------------------------------------------------------
// HyperFormula writes down every cell an edit or a computation gives a new value (a map keyed by the cell's
// address as text) and turns the list into exported objects, which `setCellContents` and `resumeEvaluation`
// return and the valuesUpdated event carries. Nothing here reads them: the runtime asks for the cells it
// shows. A 50-team roll-up computes some 150,000 cells on a cold start, and writing them down and exporting
// them was about a twentieth of its time, and more of its garbage. The engine's lists become one that keeps
// nothing. The lists feed nothing else but the column index, which only `useColumnIndex` keeps (the default
// binary search ignores them): with it on, the lists are left as they are.

/** A list of changes that keeps none (HyperFormula's ContentChanges, as it is called). */
interface NoChanges {
  add(): void;
  addAll(): NoChanges;
  addChange(): void;
  addInterpreterValue(): void;
  exportChanges(): unknown[];
  getChanges(): unknown[];
  isEmpty(): boolean;
}
const NO_CHANGES: NoChanges = {
  add(): void {},
  addAll: (): NoChanges => NO_CHANGES,
  addChange(): void {},
  addInterpreterValue(): void {},
  exportChanges: (): unknown[] => [],
  getChanges: (): unknown[] => [],
  isEmpty: (): boolean => true,
};

interface KeepsChanges {
  changes?: unknown;
  getAndClearContentChanges?: () => unknown;
}

interface ComputesInOrder {
  partialRun?: unknown;
  recomputeVertex?: (vertex: unknown, changes: unknown) => unknown;
  processVertexOnCycle?: (vertex: unknown, changes: unknown) => unknown;
  dependencyGraph?: {
    graph?: {
      getTopSortedWithSccSubgraphFrom?: (
        vertices: unknown,
        compute: (vertex: unknown) => unknown,
        onCycle: (vertex: unknown) => unknown,
      ) => unknown;
    };
  };
}

function keepNoChanges(
  config: { useColumnIndex?: unknown } | undefined,
  holders: (KeepsChanges | undefined)[],
  evaluator: ComputesInOrder | undefined,
): void {
  if (config?.useColumnIndex !== false) return;
  const graph = evaluator?.dependencyGraph?.graph;
  const { recomputeVertex, processVertexOnCycle } = evaluator ?? {};
  if (
    !evaluator ||
    typeof evaluator.partialRun !== 'function' ||
    typeof recomputeVertex !== 'function' ||
    typeof processVertexOnCycle !== 'function' ||
    typeof graph?.getTopSortedWithSccSubgraphFrom !== 'function' ||
    holders.some(
      (holder) => !holder || typeof holder.getAndClearContentChanges !== 'function' || !('changes' in holder),
    )
  ) {
    return;
  }
  for (const holder of holders as KeepsChanges[]) {
    holder.changes = NO_CHANGES;
    holder.getAndClearContentChanges = () => NO_CHANGES;
  }
  // HyperFormula's own partialRun, with the list that keeps nothing in place of a new one (its statistics
  // are off: the engine is built without `stats`).
  evaluator.partialRun = (vertices: unknown) => {
    graph.getTopSortedWithSccSubgraphFrom?.(
      vertices,
      (vertex) => recomputeVertex.call(evaluator, vertex, NO_CHANGES),
      (vertex) => processVertexOnCycle.call(evaluator, vertex, NO_CHANGES),
    );
    return NO_CHANGES;
  };
}

// --- 7. formulas told at once --------------------------------------------------------------------------------
// Every text entered into a cell is first asked whether it is TRUE or FALSE, by lowering the case of all of
// it (HyperFormula's CellContentParser), before it is asked whether it starts with `=`: for an OKR feed's
// formulas of a few hundred characters, a new copy of each. A text starting with `=` is neither, so it is a
// formula straight away, as HyperFormula would find.

interface ContentParser {
  parse(content: unknown): unknown;
}

function tellFormulasAtOnce(contentParser: ContentParser): void {
  const parse = contentParser.parse.bind(contentParser);
  // HyperFormula's own answer for a formula, whose class makes the answer for the others.
  const sample = parse('=0') as { formula?: unknown } | undefined;
  if (typeof sample !== 'object' || sample === null || sample.formula !== '=0') return;
  const Formula = sample.constructor as new (formula: string) => unknown;
  contentParser.parse = (content: unknown) =>
    typeof content === 'string' && content.charCodeAt(0) === 61 /* = */ ? new Formula(content) : parse(content);
}

/**
 * Adds the memories to a freshly built engine, before it computes anything, and the parser's memory of
 * formula shapes (local/parse-memo.ts) before it reads any formula.
 */
export function rememberInEngine(hf: HyperFormula, isError: (value: unknown) => boolean): void {
  rememberParses(hf);
  const engine = hf as unknown as {
    _cellContentParser?: Partial<ContentParser>;
    _config?: { useColumnIndex?: unknown; useStats?: unknown };
    _crudOperations?: { operations?: KeepsChanges };
    _dependencyGraph?: Partial<Graph> & KeepsChanges;
    _evaluator?: {
      interpreter?: { evaluateAst?: Evaluate; arithmeticHelper?: { dateTimeHelper?: DateTexts } };
      run?: unknown;
      partialRun?: unknown;
      runAndForget?: unknown;
    };
  };
  const evaluator = engine._evaluator;
  const graph = engine._dependencyGraph;
  const contentParser = engine._cellContentParser;
  if (typeof contentParser?.parse === 'function') tellFormulasAtOnce(contentParser as ContentParser);
  // Before the shared parts (below) wrap partialRun.
  if (engine._config?.useStats === false) {
    keepNoChanges(engine._config, [engine._crudOperations?.operations, graph], evaluator as ComputesInOrder);
  }
  if (
    graph &&
    typeof graph.processCellDependencies === 'function' &&
    typeof graph.getRange === 'function' &&
    typeof graph.graph?.addEdge === 'function'
  ) {
    rememberWiredRanges(graph as Graph);
  }
  const interpreter = evaluator?.interpreter;
  const helper = interpreter?.arithmeticHelper?.dateTimeHelper;
  if (helper && typeof helper.dateStringToDateNumber === 'function') rememberDateTexts(helper);
  if (
    evaluator &&
    interpreter &&
    typeof interpreter.evaluateAst === 'function' &&
    typeof evaluator.run === 'function' &&
    typeof evaluator.partialRun === 'function' &&
    typeof evaluator.runAndForget === 'function'
  ) {
    const memory: Memory = { parts: new Parts(), sharedRanges: new WeakSet(), pass: 0, active: false };
    rememberSearchedRanges((interpreter as { columnSearch?: unknown }).columnSearch, memory);
    // Under the shared parts: a part computed anew compares through it.
    rememberTextComparisons(interpreter as { evaluateAst: Evaluate; arithmeticHelper?: unknown }, memory);
    rememberSharedParts(
      interpreter as { evaluateAst: Evaluate },
      evaluator as unknown as Record<'run' | 'partialRun' | 'runAndForget', (...args: unknown[]) => unknown>,
      isError,
      memory,
    );
  }
}
