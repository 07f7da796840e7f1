// IMPORTRANGE in the local runtime: a formula in one workbook reads the computed values of another workbook
// of the same folder, as Sheets' IMPORTRANGE reads another spreadsheet. What Sheets documents
// (https://support.google.com/docs/answer/3093340, IMPORTRANGE):
// - IMPORTRANGE(spreadsheet_url; range_string): the spreadsheet by its URL (its id alone is taken too), the
//   range as "[sheet_name!]range"; without a sheet name, the first sheet. Both may be text or a cell holding it.
// - The range_string may also be a named range of the source ("Use named range":
//   IMPORTRANGE("https://docs.google.com/spreadsheets/d/abcd123abcd123", "Sales_total")): the import reads the
//   range the name points at now, so it follows a renamed tab or a name moved to another range.
// - The first import from a spreadsheet shows #REF! until someone allows access; access is given per pair of
//   spreadsheets (this one reading that one) and stays: any later import of any range of it works at once.
// - The result spills as a 2-D array of values; an import of more than 10 MB of data is refused.
// What it does not document, and is modelled here from what Sheets shows: the hover texts ("You need to
// connect these sheets.", "Unable to parse range: …", "Result too large."), an open-ended range reaching to
// the source sheet's last row or column (blank cells included), and the size counted as the text of the
// values. Grants are kept in the destination workbook (`FakeSpreadsheet.allowedImports`, saved in its file).
//
// The engine sees IMPORTRANGE as a HyperFormula function (ImportRangePlugin) whose `context.importRange` is
// the destination's ImportRangeHost. HyperFormula does not know that a cell depends on another workbook, so
// the host has a revision (the grants, and every source read: its sheets' revisions and its own imports');
// the engine (local/calc.ts) enters the imports whose source or grant moved again when it moves.

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
import type { Computed } from './calc';
import { type A1Reference, parseA1 } from './spreadsheet/a1';
import { latestRevision } from './spreadsheet/grid';

/** The most data one IMPORTRANGE brings, as Sheets' help says (10 MB), counted as the values' text in UTF-8. */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/** What the cell shows on hover until access is allowed, and the button Sheets shows with it. */
export const CONNECT_MESSAGE = 'You need to connect these sheets.';
export const ALLOW_ACCESS = 'Allow access';

/** A spreadsheet IMPORTRANGE can read: another workbook of the folder. */
export interface ImportSource {
  readonly id: string;
  /** The spreadsheet's name (what the page shows beside a waiting import). */
  readonly name: string;
  /** Moves whenever what the source computes may have changed. `seen` guards against import cycles. */
  revision(seen: Set<string>): string;
  /** The source's sheets in order: the first is read when the range names none. */
  sheets(): { name: string; rows: number; columns: number }[];
  /** The computed value of a cell (1-based). */
  computed(sheetName: string, row: number, column: number): Computed;
  /** Where a named range of the source points (its name as written), or `null` when it has none of that name. */
  namedRange(name: string): NamedArea | null;
}

/** A named range's sheet and rectangle (1-based, inclusive). */
export interface NamedArea {
  sheetName: string;
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

/** Where IMPORTRANGE looks for spreadsheets: the folder's workbooks, by id. */
export interface SpreadsheetDirectory {
  source(id: string): ImportSource | null;
}

export type ImportedValue = number | string | boolean | null;

/** What one IMPORTRANGE answers: the values, or the error its cell shows (and the source it waits for). */
export type ImportAnswer =
  | { ok: true; rows: ImportedValue[][] }
  | { ok: false; code: '#REF!' | '#N/A' | '#VALUE!'; message: string; waitingFor?: string };

/**
 * The spreadsheet id of an IMPORTRANGE's first argument: the id in a Sheets link
 * (`https://docs.google.com/spreadsheets/d/<id>/edit#gid=0`), or the id itself; `null` for anything else.
 */
export function spreadsheetIdOf(text: string): string | null {
  const trimmed = text.trim();
  const link = /^https?:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)(?:[/?#].*)?$/.exec(trimmed);
  if (link) return link[1] ?? null;
  return /^[A-Za-z0-9_-]+$/.test(trimmed) ? trimmed : null;
}

/** The reference of a range_string (`'OKR feed'!A1:V`, `A2:B6`); `null` when it is none. */
export function parseRangeString(text: string): A1Reference | null {
  return parseA1(text);
}

function byteLength(value: ImportedValue): number {
  if (value === null) return 0;
  return Buffer.byteLength(String(value), 'utf8');
}

/**
 * IMPORTRANGE for one destination workbook: resolves the source, checks access, reads the computed values.
 * Answers are kept until the revision moves, so sizing a spill and computing it read the source once.
 */
export class ImportRangeHost {
  private readonly answers = new Map<string, { revision: string; answer: ImportAnswer }>();
  /** Sources read by the imports computed so far, and sources an import waits on for access. */
  private readonly read = new Set<string>();
  private readonly waiting = new Set<string>();
  /** Destinations computing their imports right now, across the folder (an import cycle never ends). */
  private static readonly computing = new Set<string>();

  constructor(
    private readonly destination: { id: string; allowedImports: Set<string> },
    private readonly directory: SpreadsheetDirectory | null,
    private readonly limitBytes = IMPORT_LIMIT_BYTES,
  ) {}

  /** The last revision, kept while no grid, sheet or name of the process changed (`latestRevision`). */
  private kept: { stamp: number; grants: number; read: number; value: string } | null = null;

  /**
   * Moves when a grant is given or a source read so far may compute something else. Asked before every cell
   * read, so the answer is kept until some workbook of the process changes: a 50-team roll-up reads 107,100
   * imported cells in one getValues, and 50 sources' revisions per cell was most of its time.
   */
  revision(seen?: Set<string>): string {
    if (seen) return this.computeRevision(seen);
    const stamp = latestRevision();
    const grants = this.destination.allowedImports.size;
    const kept = this.kept;
    if (kept && kept.stamp === stamp && kept.grants === grants && kept.read === this.read.size) return kept.value;
    const value = this.computeRevision(new Set());
    this.kept = { stamp, grants, read: this.read.size, value };
    return value;
  }

  private computeRevision(seen: Set<string>): string {
    const own = [...this.destination.allowedImports].sort().join(',');
    seen.add(this.destination.id);
    const sources = [...this.read].sort().map((id) => {
      if (seen.has(id)) return `${id}:cycle`;
      const source = this.directory?.source(id);
      return `${id}:${source ? source.revision(seen) : 'missing'}`;
    });
    return `${own}|${sources.join('|')}`;
  }

  /** The sources an IMPORTRANGE of this workbook waits on for "Allow access", in order of first use. */
  waitingFor(): string[] {
    return [...this.waiting].filter((id) => !this.destination.allowedImports.has(id));
  }

  /** Allows this workbook to import from `sourceId` (remembered in the workbook). */
  allow(sourceId: string): void {
    this.kept = null;
    this.destination.allowedImports.add(sourceId);
    this.waiting.delete(sourceId);
  }

  /**
   * The answer of IMPORTRANGE(url; rangeString), computed or kept. An answer is kept while its own source is
   * as it was and its grant unchanged, so allowing one team's import, or a change in one team, recomputes
   * that team's import only.
   */
  answer(url: unknown, rangeString: unknown): ImportAnswer {
    const key = `${String(url)}\u0000${String(rangeString)}`;
    const id = typeof url === 'string' ? spreadsheetIdOf(url) : null;
    const stamp = () => this.sourceStamp(id);
    const kept = this.answers.get(key);
    if (kept && kept.revision === stamp()) return kept.answer;
    const answer = this.compute(url, rangeString);
    // A first read opens the source: keep the answer under the stamp it has now.
    this.answers.set(key, { revision: stamp(), answer });
    return answer;
  }

  /**
   * Whether a formula's IMPORTRANGE may answer otherwise than when last computed: its source changed or its
   * access was allowed. A formula whose arguments are not both text written in it (a cell holding the link)
   * is always taken for stale; one with no IMPORTRANGE never is.
   */
  stale(formula: string): boolean {
    if (!/IMPORTRANGE\s*\(/i.test(formula)) return false;
    const calls = [...formula.matchAll(/IMPORTRANGE\s*\(([^()]*)\)/gi)];
    const literal = /^\s*"([^"]*)"\s*[;,]\s*"([^"]*)"\s*$/;
    if (calls.length === 0) return true;
    return calls.some((call) => {
      const args = literal.exec(call[1] ?? '');
      if (!args) return true;
      const kept = this.answers.get(`${args[1]}\u0000${args[2]}`);
      return !kept || kept.revision !== this.sourceStamp(spreadsheetIdOf(args[1] ?? ''));
    });
  }

  /** What an answer from source `id` depends on: the grant and the source's own revision. */
  private sourceStamp(id: string | null): string {
    if (id === null || id === this.destination.id) return 'none';
    const source = this.directory?.source(id);
    const grant = this.destination.allowedImports.has(id) ? 'allowed' : 'waiting';
    return `${grant}|${source ? source.revision(new Set([this.destination.id])) : 'missing'}`;
  }

  private compute(url: unknown, rangeString: unknown): ImportAnswer {
    const id = typeof url === 'string' ? spreadsheetIdOf(url) : null;
    if (id === null) {
      return { ok: false, code: '#REF!', message: `"${String(url)}" is not the link of a spreadsheet.` };
    }
    const source = id === this.destination.id ? null : (this.directory?.source(id) ?? null);
    if (!source) {
      return { ok: false, code: '#REF!', message: `Could not find the spreadsheet "${id}" in this folder.` };
    }
    this.read.add(id);
    if (!this.destination.allowedImports.has(id)) {
      this.waiting.add(id);
      return { ok: false, code: '#REF!', message: CONNECT_MESSAGE, waitingFor: id };
    }
    const text = typeof rangeString === 'string' ? rangeString : '';
    // A named range's name is never A1 notation (Sheets refuses names like A1 or R1C1), so the order is free.
    const ref = parseRangeString(text) ?? source.namedRange(text.trim());
    const sheets = source.sheets();
    const sheet =
      ref === null
        ? undefined
        : ref.sheetName === null
          ? sheets[0]
          : sheets.find((candidate) => candidate.name.toLowerCase() === ref.sheetName?.toLowerCase());
    if (!ref || !sheet) return { ok: false, code: '#REF!', message: `Unable to parse range: ${text}` };
    if (ImportRangeHost.computing.has(id)) {
      return { ok: false, code: '#REF!', message: 'Circular dependency detected: the spreadsheets import each other.' };
    }
    const top = ref.startRow ?? 1;
    const left = ref.startColumn ?? 1;
    const bottom = Math.min(ref.endRow ?? sheet.rows, sheet.rows);
    const right = Math.min(ref.endColumn ?? sheet.columns, sheet.columns);
    if (top > bottom || left > right) return { ok: false, code: '#REF!', message: `Unable to parse range: ${text}` };
    ImportRangeHost.computing.add(this.destination.id);
    try {
      const rows: ImportedValue[][] = [];
      let bytes = 0;
      for (let row = top; row <= bottom; row++) {
        const line: ImportedValue[] = [];
        for (let column = left; column <= right; column++) {
          const computed = source.computed(sheet.name, row, column);
          const value = computed.kind === 'error' ? computed.code : computed.value;
          bytes += byteLength(value);
          line.push(value);
        }
        if (bytes > this.limitBytes) return { ok: false, code: '#REF!', message: 'Result too large.' };
        rows.push(line);
      }
      return { ok: true, rows };
    } finally {
      ImportRangeHost.computing.delete(this.destination.id);
    }
  }
}

// --- The HyperFormula function ---------------------------------------------------------------------------------

type Ast = Parameters<FunctionPlugin['arraySizeForAst']>[0];
type State = Parameters<FunctionPlugin['arraySizeForAst']>[1];
interface FunctionCall {
  args: Ast[];
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#REF!': ErrorType.REF,
  '#N/A': ErrorType.NA,
  '#VALUE!': ErrorType.VALUE,
};

function hostOf(plugin: FunctionPlugin): ImportRangeHost | null {
  const context = (plugin as unknown as { config: { context?: { importRange?: ImportRangeHost } } }).config.context;
  return context?.importRange ?? null;
}

const NO_FOLDER: ImportAnswer = {
  ok: false,
  code: '#REF!',
  message: 'IMPORTRANGE reads the other spreadsheets of the folder, and this workbook has none.',
};

class ImportRangePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    IMPORTRANGE: {
      method: 'importRange',
      sizeOfResultArrayMethod: 'importRangeSize',
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }],
      vectorizationForbidden: true,
    },
  };

  importRange(call: FunctionCall, state: State): unknown {
    return this.runFunction(call.args, state, this.metadata('IMPORTRANGE'), (url: string, range: string) => {
      const answer = hostOf(this)?.answer(url, range) ?? NO_FOLDER;
      if (!answer.ok) return new CellError(ERROR_TYPES[answer.code] ?? ErrorType.REF, answer.message);
      const rows = answer.rows.map((line) => line.map((value) => (value === null ? EmptyValue : value)));
      const only = rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
      if (only !== undefined) return only;
      return SimpleRangeValue.onlyValues(rows as never);
    });
  }

  /** The size of the spill, known before computing: the arguments are read from the formula or their cells. */
  importRangeSize(call: FunctionCall, state: State): ArraySize {
    const [url, range] = call.args.map((arg) => this.literal(arg, state));
    if (url === undefined || range === undefined) return ArraySize.scalar();
    const answer = hostOf(this)?.answer(url, range);
    if (!answer?.ok) return ArraySize.scalar();
    return new ArraySize(Math.max(1, answer.rows[0]?.length ?? 1), Math.max(1, answer.rows.length));
  }

  /** A text argument as written, or the value of the one cell it names; `undefined` otherwise. */
  private literal(arg: Ast | undefined, state: State): string | undefined {
    const node = arg as unknown as {
      type?: string;
      value?: unknown;
      reference?: { toSimpleCellAddress(base: unknown): unknown };
    };
    if (node?.type === 'STRING' && typeof node.value === 'string') return node.value;
    if (node?.type === 'CELL_REFERENCE' && node.reference) {
      try {
        const address = node.reference.toSimpleCellAddress(state.formulaAddress);
        const graph = (this as unknown as { dependencyGraph: { getScalarValue(address: unknown): unknown } })
          .dependencyGraph;
        const value = graph.getScalarValue(address);
        return typeof value === 'string' ? value : undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

/** Makes IMPORTRANGE known to every HyperFormula engine of the process (once). */
export function registerImportRange(): void {
  if (HyperFormula.getFunctionPlugin('IMPORTRANGE') === undefined) {
    HyperFormula.registerFunction('IMPORTRANGE', ImportRangePlugin, { enGB: { IMPORTRANGE: 'IMPORTRANGE' } });
  }
}
