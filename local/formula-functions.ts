// Custom functions in HyperFormula, the way Sheets runs them. One plugin class serves every engine in the
// process: HyperFormula's function registry is global, so each function name is registered once, and each
// engine says through its `context` setting who computes the functions — the local runtime hands the
// calls to the bundle's own top-level functions in its vm context, the test harness
// (test/support/hyperformula.ts) to the core's formulas. Whoever computes them, the plugin does the
// plumbing Sheets does: a range arrives as a 2-D array, an empty cell as `''`, a date as whatever the host
// makes of its serial number (Apps Script passes a `Date`), a missing optional argument as `undefined`; an
// error in a single-cell argument is passed through without calling the function, while an error cell inside
// a range arrives as its code (`'#ERROR!'`), as `getValues` reads it, so one bad cell spoils only its own row
// of a one-call-per-column formula (Google documents neither; docs/manual-test.md has the step that checks
// it); a 2-D answer spills; a thrown error shows as #ERROR! with its message (HyperFormula's `message`, the
// hover text in Sheets). A call expected to spill that answers one error fills its whole area with it.
//
// HyperFormula needs the size of a spill before it computes anything, so `sizeOf` runs the function on
// blank arguments of the same shapes and measures the answer.

import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';

/** Who computes the custom functions of one engine, given to HyperFormula as its `context` setting. */
export interface CustomFunctionHost {
  /**
   * Runs custom function `name` on arguments as Apps Script passes them; returns a value or a 2-D array,
   * throws for an error the cell shows as #ERROR!.
   */
  call(name: string, args: unknown[]): unknown;
  /** What a custom function receives for a date or time (a serial number); the serial itself by default. */
  dateArgument?(serial: number): unknown;
  /** The serial number of a `Date` a function returns (a cell holds numbers); UTC days by default. */
  dateResult?(date: Date): number;
  /**
   * The sizes `sizeOf` measured, by function and argument sizes, kept by whoever runs the script: the size of
   * an answer to blank arguments depends on the script alone (local/bundle-host.ts keeps one per bundle, so
   * the fifty team workbooks of a roll-up measure each header formula once).
   */
  sizes?: Map<string, { width: number; height: number }>;
}

/** A custom function to register: its name and how many arguments it declares. */
export interface CustomFunctionSpec {
  name: string;
  params: number;
}

// HyperFormula's plugin internals are not exported as types; they are read off the methods we call.
type Ast = Parameters<FunctionPlugin['arraySizeForAst']>[0];
type State = Parameters<FunctionPlugin['arraySizeForAst']>[1];
interface FunctionCall {
  args: Ast[];
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A HyperFormula "rich number" (date, time, percent, currency): the number in `val`, its kind by method. */
function richNumber(value: unknown): { val: number; date: boolean } | null {
  if (typeof value !== 'object' || value === null || !('val' in value)) return null;
  const val = Number((value as { val: unknown }).val);
  const kind = (value as { getDetailedType?: () => string }).getDetailedType?.() ?? '';
  return { val, date: kind === 'NUMBER_DATE' || kind === 'NUMBER_DATETIME' || kind === 'NUMBER_TIME' };
}

/** One value HyperFormula passes, as Apps Script would pass it to a custom function. */
function sheetsValue(value: unknown, host: CustomFunctionHost): unknown {
  if (value instanceof SimpleRangeValue) {
    return value.data.map((row) =>
      row.map((cell) => (cell instanceof CellError ? errorCode(cell) : sheetsValue(cell, host))),
    );
  }
  if (value === EmptyValue) return '';
  const rich = richNumber(value);
  if (rich) return rich.date && host.dateArgument ? host.dateArgument(rich.val) : rich.val;
  return value;
}

const ERROR_CODES: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.REF]: '#REF!',
  [ErrorType.CYCLE]: '#REF!',
  [ErrorType.SPILL]: '#REF!',
};

/** An error cell as Sheets shows it: `#DIV/0!`, `#N/A`…; any other error is `#ERROR!`. */
function errorCode(error: CellError): string {
  return ERROR_CODES[error.type] ?? '#ERROR!';
}

/** One value a custom function answers, as a cell holds it. */
function cellValue(value: unknown, host: CustomFunctionHost): number | string | boolean {
  if (value === null || value === undefined) return '';
  if (isDateObject(value)) {
    return host.dateResult ? host.dateResult(value) : value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A blank stand-in of an argument's shape: `''` for a single value, a grid of `''` for a range. */
function blankOfSize(size: ArraySize): unknown {
  // Not `isScalar()`: HyperFormula counts every reference, ranges too, as scalar there.
  if (size.width === 1 && size.height === 1) return '';
  return Array.from({ length: size.height }, () => Array.from({ length: size.width }, () => ''));
}

function hostOf(plugin: FunctionPlugin): CustomFunctionHost {
  const host = (plugin as unknown as { config: { context?: unknown } }).config.context as
    | { customFunctions?: CustomFunctionHost }
    | undefined;
  if (!host?.customFunctions) {
    throw new Error('This HyperFormula engine was built without `context: { customFunctions }`');
  }
  return host.customFunctions;
}

/** The plugin: one method per registered function, and one that predicts the size of its answer. */
class CustomFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  compute(name: string, call: FunctionCall, state: State): unknown {
    const answer = this.answer(name, call, state);
    if (!(answer instanceof CellError)) return answer;
    // HyperFormula reserved the area `sizeOf` predicted; an error there must fill it, or a formula reading
    // exactly that area fails with "Unknown array" instead of reading the error.
    const size = this.sizeOf(name, call, state);
    if (size.width === 1 && size.height === 1) return answer;
    return SimpleRangeValue.onlyValues(
      Array.from({ length: size.height }, () => Array.from({ length: size.width }, () => answer)),
    );
  }

  private answer(name: string, call: FunctionCall, state: State): unknown {
    const host = hostOf(this);
    return this.runFunction(call.args, state, this.metadata(name), (...args: unknown[]) => {
      const values = args.map((arg) => sheetsValue(arg, host));
      const error = values.find((value): value is CellError => value instanceof CellError);
      if (error) return error;
      try {
        const result = host.call(name, values);
        if (Array.isArray(result)) {
          const rows = result.map((row: unknown) =>
            (Array.isArray(row) ? row : [row]).map((cell: unknown) => cellValue(cell, host)),
          );
          return SimpleRangeValue.onlyValues(rows);
        }
        return cellValue(result, host);
      } catch (thrown) {
        // Errors of the bundle come from its vm context, where `instanceof Error` fails.
        const message =
          typeof thrown === 'object' && thrown !== null && 'message' in thrown
            ? String(thrown.message)
            : String(thrown);
        return new CellError(ErrorType.ERROR, message);
      }
    });
  }

  sizeOf(name: string, call: FunctionCall, state: State): ArraySize {
    const sizes = call.args.map((arg) => this.arraySizeForAst(arg, state));
    const host = hostOf(this);
    const key = `${name}(${sizes.map((size) => `${size.width}x${size.height}`).join(',')})`;
    const known = host.sizes?.get(key);
    if (known) return new ArraySize(known.width, known.height);
    const measured = this.measure(host, name, sizes);
    host.sizes?.set(key, measured);
    return new ArraySize(measured.width, measured.height);
  }

  /** The size of the answer to blank arguments of the given sizes. */
  private measure(host: CustomFunctionHost, name: string, sizes: ArraySize[]): { width: number; height: number } {
    try {
      const probe = host.call(name, sizes.map(blankOfSize));
      if (!Array.isArray(probe)) return { width: 1, height: 1 };
      const width = Math.max(1, ...probe.map((row: unknown) => (Array.isArray(row) ? row.length : 1)));
      return { width, height: Math.max(1, probe.length) };
    } catch {
      // Mismatched shapes: the call answers with one error cell.
      return { width: 1, height: 1 };
    }
  }
}

/**
 * Makes functions callable in every HyperFormula engine of the process (those built with
 * `context: { customFunctions }`). A name already registered keeps its first registration. Sheets passes a
 * custom function as many arguments as the cell gives; here every declared one is optional.
 */
export function registerCustomFunctions(specs: readonly CustomFunctionSpec[]): void {
  for (const { name, params } of specs) {
    const id = name.toUpperCase();
    if (id in CustomFunctionsPlugin.implementedFunctions) continue;
    if (HyperFormula.getFunctionPlugin(id) !== undefined) {
      throw new Error(`${id} is a function HyperFormula already has: a custom function cannot replace it`);
    }
    CustomFunctionsPlugin.implementedFunctions[id] = {
      method: id,
      sizeOfResultArrayMethod: `${id}_SIZE`,
      parameters: Array.from({ length: params }, () => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
      vectorizationForbidden: true,
    };
    Object.assign(CustomFunctionsPlugin.prototype, {
      [id](this: CustomFunctionsPlugin, call: FunctionCall, state: State) {
        return this.compute(name, call, state);
      },
      [`${id}_SIZE`](this: CustomFunctionsPlugin, call: FunctionCall, state: State) {
        return this.sizeOf(name, call, state);
      },
    });
    HyperFormula.registerFunction(id, CustomFunctionsPlugin, { enGB: { [id]: id } });
  }
}

/**
 * Named expressions every engine gets: Sheets reads `TRUE` and `FALSE` as literals, HyperFormula knows
 * only the functions `TRUE()` and `FALSE()`.
 */
export const SHEETS_NAMED_EXPRESSIONS = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

// --- SPARKLINE ------------------------------------------------------------------------------------------------
// Sheets draws a small chart in the cell; the cell's value is empty. HyperFormula has no SPARKLINE, so the
// engine gets one that gives an empty value and records the data it was given, by cell, in the engine's
// `context.sparklines` (when it has one), for the page to draw. HyperFormula computes a cell again whenever
// its data changes, so the record follows every edit without evaluating anything twice.
// https://support.google.com/docs/answer/3093289 (SPARKLINE)

/** SPARKLINE data by cell, `sparklineKey(sheetId, row, column)` (0-based, as HyperFormula counts). */
export type SparklineRecord = Map<string, number[]>;

export const sparklineKey = (sheet: number, row: number, column: number): string => `${sheet}:${row}:${column}`;

/** The numbers of a SPARKLINE's data, in reading order; text, blanks and errors are not plotted. */
function sparklineValues(data: unknown): number[] {
  const cells = data instanceof SimpleRangeValue ? data.data.flat() : [data];
  const values: number[] = [];
  for (const cell of cells) {
    const number = typeof cell === 'number' ? cell : (richNumber(cell)?.val ?? null);
    if (number !== null && Number.isFinite(number)) values.push(number);
  }
  return values;
}

class SparklinePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SPARKLINE: {
      method: 'sparkline',
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
  };

  sparkline(call: FunctionCall, state: State): unknown {
    return this.runFunction(call.args, state, this.metadata('SPARKLINE'), (data: unknown) => {
      if (data instanceof CellError) return data;
      const context = (this as unknown as { config: { context?: { sparklines?: SparklineRecord } } }).config.context;
      const { sheet, row, col } = state.formulaAddress;
      context?.sparklines?.set(sparklineKey(sheet, row, col), sparklineValues(data));
      return EmptyValue;
    });
  }
}

// --- SORT, as Sheets has it -------------------------------------------------------------------------------------
// HyperFormula's SORT is Excel's, SORT(array, sort_index, sort_order ±1, by_col); Sheets' is
// SORT(range, sort_column, is_ascending, [sort_column2, is_ascending2, …]), where a sort column is an index
// into the range or a column of its own, as long as the range (the Trend column sorts History values by
// their dates this way). Blanks go last either way; equal keys keep their order.
// https://support.google.com/docs/answer/3093150 (SORT)

type SortArgs = [unknown, ...unknown[]];

class SheetsSortPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SORT: {
      method: 'sheetsSort',
      sizeOfResultArrayMethod: 'sheetsSortSize',
      enableArrayArithmeticForArguments: true,
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.BOOLEAN },
      ],
      repeatLastArgs: 2,
      vectorizationForbidden: true,
    },
  };

  sheetsSort(call: FunctionCall, state: State): unknown {
    return this.runFunction(call.args, state, this.metadata('SORT'), (...args: SortArgs) => {
      const [range, ...pairs] = args;
      if (!(range instanceof SimpleRangeValue)) return new CellError(ErrorType.VALUE, 'SORT needs a range');
      const rows = range.data.map((row) => row.slice());
      const error = rows.flat().find((cell) => cell instanceof CellError);
      if (error) return error;
      if (rows.length === 0) return new CellError(ErrorType.NA, 'SORT has no rows to sort');
      const keys: { values: unknown[]; ascending: boolean }[] = [];
      for (let i = 0; i < pairs.length; i += 2) {
        const column = pairs[i];
        const ascending = pairs[i + 1] !== false;
        if (column instanceof CellError) return column;
        if (column instanceof SimpleRangeValue) {
          const values = column.data.map((row) => row[0]);
          if (values.length !== rows.length || column.width() !== 1) {
            return new CellError(ErrorType.VALUE, 'SORT: a sort column must be one column as long as the range');
          }
          keys.push({ values, ascending });
        } else {
          const index = Math.trunc(Number(richNumber(column)?.val ?? column));
          if (!(index >= 1 && index <= (rows[0]?.length ?? 0))) {
            return new CellError(ErrorType.VALUE, `SORT: column ${String(column)} is outside the range`);
          }
          keys.push({ values: rows.map((row) => row[index - 1]), ascending });
        }
      }
      const compare = (a: unknown, b: unknown, ascending: boolean): number => {
        const aEmpty = a === EmptyValue;
        const bEmpty = b === EmptyValue;
        if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
        const helper = (this as unknown as { arithmeticHelper: { lt(a: unknown, b: unknown): boolean } })
          .arithmeticHelper;
        if (helper.lt(a, b)) return ascending ? -1 : 1;
        if (helper.lt(b, a)) return ascending ? 1 : -1;
        return 0;
      };
      const order = rows.map((_, i) => i);
      order.sort((x, y) => {
        for (const { values, ascending } of keys) {
          const result = compare(values[x], values[y], ascending);
          if (result !== 0) return result;
        }
        return x - y;
      });
      return SimpleRangeValue.onlyValues(order.map((i) => rows[i] as never[]));
    });
  }

  sheetsSortSize(call: FunctionCall, state: State): ArraySize {
    const first = call.args[0];
    if (!first) return ArraySize.error();
    // Sized with array arithmetic on, as HyperFormula sizes its own array functions' arguments (a FILTER's
    // conditions compare whole columns); its size predictor passes the state as a plain object too.
    const arrays = { formulaAddress: state.formulaAddress, arraysFlag: true } as unknown as State;
    const size = this.arraySizeForAst(first, arrays);
    return new ArraySize(size.width, size.height);
  }
}

// --- COUNTIF(S), SUMIF(S), AVERAGEIF, MINIFS, MAXIFS without the generators -------------------------------------
// HyperFormula's own, with its criteria (the same criterion parser and tests, so the same answers), walking the
// ranges in a plain loop: its walk pairs the cells through generators and allocations per cell, which made
// 2,400 `COUNTIFS('History'!$C:$C;$D7;…)` over 2,200 History rows the slowest part of a 1,200-KR check-in.
// Its messages are its own (HyperFormula does not export them). Its cache of answers by criterion is left out: it keeps the last criterion of a range only, and every row
// asks for its own KR id.

type ConditionalAggregationClass = new (...args: never[]) => FunctionPlugin;

interface CriterionPackage {
  lambda: (value: unknown) => boolean;
}

/** The criteria plugin with a plain loop; `null` when HyperFormula's is not shaped as expected. */
function plainLoopConditionalAggregation(): ConditionalAggregationClass | null {
  const Base = HyperFormula.getFunctionPlugin('COUNTIFS') as unknown as ConditionalAggregationClass | undefined;
  if (!Base || typeof Base.prototype !== 'object' || !('computeConditionalAggregationFunction' in Base.prototype)) {
    return null;
  }
  class PlainLoop extends Base {
    computeConditionalAggregationFunction(
      valuesRange: SimpleRangeValue,
      conditionArgs: unknown[],
      _functionName: string,
      reduceInitialValue: unknown,
      composeFunction: (left: unknown, right: unknown) => unknown,
      mapFunction: (value: unknown) => unknown,
    ): unknown {
      const self = this as unknown as {
        interpreter: {
          criterionBuilder: { fromCellValue(raw: unknown, helper: unknown): CriterionPackage | undefined };
        };
        arithmeticHelper: unknown;
      };
      const ranges: SimpleRangeValue[] = [];
      const tests: CriterionPackage['lambda'][] = [];
      for (let i = 0; i < conditionArgs.length; i += 2) {
        const found = self.interpreter.criterionBuilder.fromCellValue(conditionArgs[i + 1], self.arithmeticHelper);
        if (found === undefined) return new CellError(ErrorType.VALUE, 'Incorrect criterion.');
        ranges.push(conditionArgs[i] as SimpleRangeValue);
        tests.push(found.lambda);
      }
      for (const range of ranges) {
        if (!range.sameDimensionsAs(valuesRange))
          return new CellError(ErrorType.VALUE, 'Ranges need to be of equal length.');
      }
      const values = criteriaColumn(valuesRange).values;
      const columns = ranges.map(criteriaColumn);
      // A criterion that is plain text equal to a cell (`$D7`, a KR id) visits only the rows holding that
      // text, found by the column's index; every test still decides, so the answer is the same.
      let candidates: number[] | null = null;
      for (let i = 0; i < columns.length && candidates === null; i++) {
        const text = plainTextCriterion(
          self.interpreter.criterionBuilder,
          conditionArgs[i * 2 + 1],
          self.arithmeticHelper,
        );
        if (text !== null)
          candidates = rowsHolding(columns[i] as CriteriaColumn, text, self.arithmeticHelper as Normalizer);
      }
      let total = reduceInitialValue;
      const count = candidates === null ? values.length : candidates.length;
      rows: for (let at = 0; at < count; at++) {
        const row = candidates === null ? at : (candidates[at] as number);
        for (let test = 0; test < tests.length; test++) {
          if (!(tests[test] as CriterionPackage['lambda'])((columns[test] as CriteriaColumn).raw[row])) continue rows;
        }
        total = composeFunction(total, mapFunction(values[row]));
      }
      return total;
    }
  }
  // HyperFormula wants each function's method on the plugin's own prototype.
  const implemented = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;
  for (const name of CRITERIA_FUNCTIONS) {
    const method = implemented[name]?.method;
    if (!method) return null;
    Object.defineProperty(PlainLoop.prototype, method, {
      value: (Base.prototype as unknown as Record<string, unknown>)[method],
      writable: true,
      configurable: true,
    });
  }
  return PlainLoop as unknown as ConditionalAggregationClass;
}

interface Normalizer {
  normalizeString(text: string): string;
  requiresRegex(pattern: string): boolean;
}

/** A range's values, as the criteria test them, and (once asked twice) its rows by normalized text. */
interface CriteriaColumn {
  values: unknown[];
  raw: unknown[];
  asked: number;
  byText: Map<string, number[]> | null;
}

// Kept by the range: a range fixed in place is one value per evaluation pass (local/engine-memo.ts), so its
// values and index serve every formula of the pass and go with it.
const criteriaColumns = new WeakMap<SimpleRangeValue, CriteriaColumn>();

function criteriaColumn(range: SimpleRangeValue): CriteriaColumn {
  let column = criteriaColumns.get(range);
  if (!column) {
    const values: unknown[] = range.valuesFromTopLeftCorner();
    column = { values, raw: values.map(rawValue), asked: 0, byText: null };
    criteriaColumns.set(range, column);
  }
  return column;
}

/**
 * The text a criterion matches whole cells equal to (HyperFormula's EQUAL on a text with no wildcard: a cell
 * matches when its normalized text, case and accents as the engine is set, is the criterion's), or `null`.
 */
function plainTextCriterion(builder: unknown, raw: unknown, helper: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const parse = (builder as { parseCriterion?(raw: unknown, helper: unknown): { operator: string; value: unknown } })
    .parseCriterion;
  const normalizer = helper as Partial<Normalizer>;
  if (typeof parse !== 'function' || typeof normalizer.normalizeString !== 'function') return null;
  if (typeof normalizer.requiresRegex !== 'function') return null;
  const criterion = parse.call(builder, raw, helper);
  if (criterion?.operator !== 'EQUAL' || typeof criterion.value !== 'string') return null;
  if (normalizer.requiresRegex(criterion.value)) return null;
  return normalizer.normalizeString(criterion.value);
}

/** The rows of a column whose text normalizes to `text`; `null` (walk every row) on a column's first ask. */
function rowsHolding(column: CriteriaColumn, text: string, helper: Normalizer): number[] | null {
  if (column.byText === null) {
    column.asked++;
    if (column.asked < 2) return null;
    const byText = new Map<string, number[]>();
    column.raw.forEach((value, row) => {
      if (typeof value !== 'string') return;
      const key = helper.normalizeString(value);
      const rows = byText.get(key);
      if (rows) rows.push(row);
      else byText.set(key, [row]);
    });
    column.byText = byText;
  }
  return column.byText.get(text) ?? [];
}

/** A value as HyperFormula's criteria test it: the number inside a date, percent or currency. */
function rawValue(value: unknown): unknown {
  const rich = richNumber(value);
  return rich ? rich.val : value;
}

const CRITERIA_FUNCTIONS = ['SUMIF', 'SUMIFS', 'AVERAGEIF', 'COUNTIF', 'COUNTIFS', 'MINIFS', 'MAXIFS'];

// --- INDEX, read where it points ----------------------------------------------------------------------------
// The same function as HyperFormula's own (its checks, errors and results), but a cell of a range is read
// where it is instead of reading the whole range first: HyperFormula's INDEX reads every cell of its range
// for each call, so the OKR feed's and the Alignment map's INDEX(100-row range; n) cost 100 reads each
// (half the time of computing a team workbook or a 50-team roll-up).
//
// The OKR feed's common shape, INDEX(fixed A1:B9 range; a cell or a number[; a cell or a number]), 36 calls
// per feed row, does not go through HyperFormula's `runFunction` at all: its evaluating and checking the
// arguments, building the range value and asking for vectorization cost ten times the one read. The range is
// taken from the syntax tree as the interpreter takes it, the row and column are evaluated and coerced as
// `runFunction` coerces a NUMBER argument (errors propagate, texts, dates, booleans and blanks read as
// numbers the same way), then the same bounds checks and read follow. Whatever could answer otherwise goes
// the general way: a range the interpreter would refuse or answer from an array (an area that starts where a
// spilled array does), a one-cell range (the interpreter turns it into a scalar, whose error wins over the
// row), arguments that are not a plain cell or number, a row or column that is a range (vectorized in array
// arithmetic) or not a whole number. Array arithmetic (ARRAYFORMULA) changes nothing else: it vectorizes only
// a range given for a number. The formula still depends on the range: HyperFormula wires a formula's
// dependencies from its syntax tree when it parses it, not from what evaluating it reads (a test edits a
// range read this way and sees the answer follow).

interface IndexRange {
  sheet: number;
  start: { row: number; col: number };
}

interface Address {
  sheet: number;
  row: number;
  col: number;
}

/** The parts of HyperFormula's syntax tree the fast path reads. */
interface IndexAst {
  type: string;
  start?: { sheet?: number; toSimpleCellAddress(base: Address): Address };
  end?: { sheet?: number; toSimpleCellAddress(base: Address): Address };
}

interface IndexEngine {
  interpreter: { isSheetValid(reference: { sheet?: number }): boolean };
  dependencyGraph: {
    getCellValue(address: Address): unknown;
    arrayMapping: { getArrayByCorner(address: Address): { array?: { raw?: unknown } } | undefined };
  };
  coerceScalarToNumberOrError(value: unknown): unknown;
}

function hasIndexInternals(engine: Partial<IndexEngine>): boolean {
  return (
    typeof engine.interpreter?.isSheetValid === 'function' &&
    typeof engine.dependencyGraph?.getCellValue === 'function' &&
    typeof engine.dependencyGraph.arrayMapping?.getArrayByCorner === 'function' &&
    typeof engine.coerceScalarToNumberOrError === 'function'
  );
}

/** A row or column argument the fast path takes: a plain cell or a number. */
const SCALAR_ARGUMENTS = new Set(['CELL_REFERENCE', 'NUMBER']);

/** INDEX's answer for a position outside an area `height` × `width`, or `null` inside it. */
function outsideOf(height: number, width: number, row: number, col: number): CellError | null {
  if (col < 1 || row < 1) return new CellError(ErrorType.VALUE, 'Argument cannot be less than 1.');
  if (col > width || row > height) return new CellError(ErrorType.NUM, 'Value too large.');
  return null;
}

/** A coerced argument as HyperFormula hands it on (`getRawValue`): a number, an error, a rich number's number. */
function numberOf(coerced: unknown): number | CellError | undefined {
  if (coerced instanceof CellError || typeof coerced === 'number') return coerced;
  const rich = coerced as { val?: unknown } | null;
  return typeof rich === 'object' && rich !== null && typeof rich.val === 'number' ? rich.val : undefined;
}

class PointedIndexPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    INDEX: {
      method: 'pointedIndex',
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
    },
  };

  /** Whether this engine has the internals the fast path reads (HyperFormula 3.5's). */
  private shaped: boolean | undefined;

  pointedIndex(call: FunctionCall, state: State): unknown {
    const fast = this.fixedRangeIndex(call, state);
    if (fast !== undefined) return fast;
    return this.runFunction(
      call.args,
      state,
      this.metadata('INDEX'),
      (range: SimpleRangeValue, row: number, col: number): never => {
        const found = (value: unknown) => value as never;
        const outside = outsideOf(range.height(), range.width(), row, col);
        if (outside) return found(outside);
        const { range: area, _data: read } = range as unknown as { range?: IndexRange; _data?: unknown };
        if (area && read === undefined) {
          return found(
            this.cellAt({ sheet: area.sheet, row: area.start.row + row - 1, col: area.start.col + col - 1 }),
          );
        }
        return found(
          range.data[row - 1]?.[col - 1] ??
            range.data[0]?.[0] ??
            new CellError(ErrorType.VALUE, 'Cell range expected.'),
        );
      },
    );
  }

  /** One cell of a range, read where it is; a cell holding a range is no answer. */
  private cellAt(address: Address): unknown {
    const value = (this as unknown as IndexEngine).dependencyGraph.getCellValue(address);
    return value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, 'Cell range not allowed.') : value;
  }

  /** INDEX(fixed range; cell or number[; cell or number]) without `runFunction`; `undefined` to go its way. */
  private fixedRangeIndex(call: FunctionCall, state: State): unknown {
    const args = call.args as unknown as IndexAst[];
    const [range, rowArg, colArg] = args;
    if (args.length < 2 || args.length > 3 || range?.type !== 'CELL_RANGE' || !range.start || !range.end) {
      return undefined;
    }
    if (!SCALAR_ARGUMENTS.has(rowArg?.type ?? '') || (colArg && !SCALAR_ARGUMENTS.has(colArg.type))) return undefined;
    // The range as the interpreter evaluates a CELL_RANGE (Interpreter.evaluateAstWithoutPostprocessing).
    const engine = this as unknown as IndexEngine;
    this.shaped ??= hasIndexInternals(engine);
    if (!this.shaped) return undefined;
    const { interpreter, dependencyGraph } = engine;
    if (range.start.sheet !== range.end.sheet) return undefined;
    if (!interpreter.isSheetValid(range.start) || !interpreter.isSheetValid(range.end)) return undefined;
    const base = state.formulaAddress as Address;
    const start = range.start.toSimpleCellAddress(base);
    const end = range.end.toSimpleCellAddress(base);
    const height = end.row - start.row + 1;
    const width = end.col - start.col + 1;
    if (start.row < 0 || start.col < 0 || height < 1 || width < 1 || height * width === 1) return undefined;
    // A range that is exactly a spilled array's area is read from the array's values, which are its cells'
    // values once computed; an array not computed or errored makes the interpreter throw or answer otherwise.
    const array = dependencyGraph.arrayMapping.getArrayByCorner(start)?.array;
    if (array !== undefined && typeof array.raw !== 'function') return undefined;
    // Both evaluated before either is coerced, as `runFunction` does: a range among them is vectorized in
    // array arithmetic even when the row is an error. Then the row, then the column, coerced as a NUMBER
    // argument (FunctionPlugin.coerceToType): an error is the answer, a rich number gives its number.
    const rowValue = this.evaluateAst(rowArg as unknown as Ast, state);
    const colValue = colArg ? this.evaluateAst(colArg as unknown as Ast, state) : 1;
    if (rowValue instanceof SimpleRangeValue || colValue instanceof SimpleRangeValue) return undefined;
    const row = numberOf(engine.coerceScalarToNumberOrError(rowValue));
    if (row === undefined || row instanceof CellError) return row;
    const col = numberOf(engine.coerceScalarToNumberOrError(colValue));
    if (col === undefined || col instanceof CellError) return col;
    if (!Number.isInteger(row) || !Number.isInteger(col)) return undefined;
    // A cell read as nothing (a gap of a ragged array) is `undefined` here too: the general way answers it.
    const outside = outsideOf(height, width, row, col);
    return outside ?? this.cellAt({ sheet: start.sheet, row: start.row + row - 1, col: start.col + col - 1 });
  }
}

/**
 * Makes the Sheets functions HyperFormula lacks or has in Excel's form known to every engine of the process
 * (once): SPARKLINE, SORT as Sheets has it, and the criteria functions walked in a plain loop.
 */
export function registerSheetsFunctions(): void {
  if (HyperFormula.getFunctionPlugin('INDEX') !== PointedIndexPlugin) {
    HyperFormula.unregisterFunction('INDEX');
    HyperFormula.registerFunction('INDEX', PointedIndexPlugin, { enGB: { INDEX: 'INDEX' } });
  }
  if (HyperFormula.getFunctionPlugin('SPARKLINE') === undefined) {
    HyperFormula.registerFunction('SPARKLINE', SparklinePlugin, { enGB: { SPARKLINE: 'SPARKLINE' } });
  }
  if (HyperFormula.getFunctionPlugin('SORT') !== SheetsSortPlugin) {
    HyperFormula.unregisterFunction('SORT');
    HyperFormula.registerFunction('SORT', SheetsSortPlugin, { enGB: { SORT: 'SORT' } });
  }
  if (plainLoop === undefined) plainLoop = plainLoopConditionalAggregation();
  const replacement = plainLoop;
  if (replacement === null) return;
  for (const name of CRITERIA_FUNCTIONS) {
    if (HyperFormula.getFunctionPlugin(name) === (replacement as unknown)) continue;
    HyperFormula.unregisterFunction(name);
    HyperFormula.registerFunction(name, replacement as never, { enGB: { [name]: name } });
  }
}

let plainLoop: ConditionalAggregationClass | null | undefined;
