// The local runtime: the add-on running without a Google account. It loads the very dist/Code.js that
// `clasp push` sends into `node:vm` scopes whose globals are the typed fake of the Spreadsheet services
// (local/bundle-host.ts), computes every formula in the cells with HyperFormula, the add-on's custom
// functions being the bundle's own top-level functions (local/calc.ts), and keeps the workbook in a JSON
// file (local/workbook-file.ts). The CLI, the playground and the tests all drive the add-on through it:
//
//   const runtime = createLocalRuntime({ workbookPath: 'q1.okr.json', locale: 'pl_PL' });
//   runtime.call('onOpen');                                  // a trigger, a menu item, a server function
//   runtime.call('submitQuarter', { plan, previousSheetId: null });
//   runtime.setCell('OKR Q1 2027', 'K7', '3');               // what typing into a cell does
//   runtime.snapshot();                                      // what the spreadsheet shows (local/snapshot.ts)
//   runtime.save();
//
// `call` behaves as google.script.run: arguments and answers travel as JSON, an argument holding a Date (or
// a function, or a class instance) is refused as Apps Script refuses it, an answer holding a Date arrives
// as `null` (Apps Script's own behaviour), and an exception arrives as `{ message }` without a stack.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { BundleHost, type LogEntry, loadBundle } from './bundle-host';
import { type Computed, WorkbookCalc } from './calc';
import { instantFromSerial, isDateFormat } from './dates';
import { registerCustomFunctions, registerSheetsFunctions } from './formula-functions';
import { ImportRangeHost, type ImportSource, registerImportRange, type SpreadsheetDirectory } from './import-range';
import { displayValue } from './number-format';
import type { JsonValue, WorkbookSnapshot } from './snapshot';
import { buildSnapshot, type SnapshotOptions } from './snapshot-build';
import { createFakeServices, type DialogRecord, type FakeServices, type Toast } from './spreadsheet';
import { formatA1, parseA1 } from './spreadsheet/a1';
import { isTimeZone } from './spreadsheet/time-zone';
import { isDate } from './spreadsheet/values';
import { readTyping } from './typing';
import {
  checkWorkbook,
  readOnlyProblem,
  readWorkbookFile,
  servicesFromWorkbook,
  WorkbookFileError,
  workbookOf,
  writeFileAtomically,
} from './workbook-file';

export { WorkbookFileError } from './workbook-file';

export interface LocalRuntimeOptions {
  /** The workbook file: loaded on start when it exists, written by `save()`. Without it, nothing persists. */
  workbookPath?: string;
  /** The locale of a new spreadsheet (`pl_PL`, `en_US`); a loaded workbook keeps its own. Default `en_US`. */
  locale?: string;
  /** The time zone of a new spreadsheet; a loaded workbook keeps its own. Default: this machine's. */
  timeZone?: string;
  /** The built bundle; its folder's `*.html` files are the script's HTML files. Default `dist/Code.js`. */
  bundlePath?: string;
  /** The email of the user running the script (`Session.getActiveUser()`). */
  user?: string;
  /**
   * A workbook file that cannot be read (not JSON, not ours, damaged): `'throw'` (default) refuses to start;
   * `'start-empty'` starts with a new spreadsheet, reports why in `loadProblem`, and refuses to save over it.
   */
  unreadableFile?: 'throw' | 'start-empty';
  /**
   * The script's clock: what `new Date()` and `Date.now()` give inside the bundle (the day a check-in is
   * made for, say), read at each use. The machine's clock when absent. Formulas' TODAY() is not affected.
   */
  now?: () => Date;
  /** The other spreadsheets IMPORTRANGE may read (a folder of workbooks); none when absent. */
  directory?: SpreadsheetDirectory;
}

/** A server function's answer, as google.script.run delivers it. */
export type CallResult = { ok: true; value: JsonValue } | { ok: false; error: { message: string } };

/** What the script put on screen since the last `takeUi()`. */
export interface UiEvents {
  sidebars: { title: string; html: string; width: number }[];
  modalDialogs: { title: string; html: string; width: number; height: number }[];
  modelessDialogs: { title: string; html: string; width: number; height: number }[];
  /** Alerts and prompts, with the answer given (an OK-only alert is answered OK). */
  dialogs: DialogRecord[];
  toasts: Toast[];
}

export interface LocalRuntime {
  /** The fake services behind the runtime (for tests and tools; writes here bypass nothing). */
  readonly services: FakeServices;
  readonly workbookPath: string | null;
  /** Why the workbook file was not loaded (with `unreadableFile: 'start-empty'`); `null` when it was. */
  readonly loadProblem: string | null;
  /** The bundle's top-level functions, callable with `call`. */
  readonly entryPoints: readonly string[];
  /** What the script logged through `console` and `Logger`. */
  readonly logs: readonly LogEntry[];
  /** Calls a top-level function of the bundle in a new execution, as google.script.run would. */
  call(name: string, ...args: unknown[]): CallResult;
  /** Types into a cell: `=…` is a formula, other text is read as Sheets reads typing. Throws when refused. */
  setCell(sheetName: string, a1: string, input: string): void;
  /**
   * Everything the spreadsheet shows, JSON-safe (see local/snapshot.ts); with `sheetIds`, only those sheets
   * (the others are then neither read nor computed, see local/calc.ts); `options` may leave conditional
   * formatting out (local/snapshot-build.ts).
   */
  snapshot(sheetIds?: readonly number[], options?: SnapshotOptions): WorkbookSnapshot;
  /** Writes the workbook file atomically; throws `WorkbookFileError` rather than write over a foreign file. */
  save(): void;
  /** Sidebars, dialogs, alerts and toasts shown since the last call, and forgets them. */
  takeUi(): UiEvents;
  /** How often HyperFormula was built and patched, and the milliseconds it took. */
  calcFigures(): { builds: number; patches: number; sheets: number; ms: number };
  /** The spreadsheet's id, and its link as Sheets gives it (what IMPORTRANGE and the roll-up take). */
  readonly id: string;
  readonly link: string;
  /** The computed value of a cell (1-based), as the grid shows it. */
  computed(sheetName: string, row: number, column: number): Computed;
  /** This spreadsheet as IMPORTRANGE of another one reads it. */
  readonly importSource: ImportSource;
  /** The spreadsheets this one's IMPORTRANGE cells wait on for "Allow access" (ids, in order of first use). */
  importsWaiting(): string[];
  /** "Allow access": lets this spreadsheet's IMPORTRANGE read `sourceId` from now on (saved with it). */
  allowImport(sourceId: string): void;
}

/** A new spreadsheet's id, shaped as Sheets' ids are: 44 letters, digits, `-` and `_`. */
export function newSpreadsheetId(): string {
  return randomBytes(33).toString('base64url');
}

/** The link Sheets gives a spreadsheet (`Spreadsheet.getUrl()`). */
export function linkOf(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** A refusal of the runtime itself (an unknown sheet, a cell a validation rejects). */
export class LocalRuntimeError extends Error {
  override name = 'LocalRuntimeError';
}

function defaultBundlePath(): string {
  // Beside this file in the repository; from the working directory when this module was bundled elsewhere.
  const here = join(dirname(fileURLToPath(import.meta.url)), '../dist/Code.js');
  return existsSync(here) ? here : resolve('dist/Code.js');
}

/** Why a value cannot travel through google.script.run, or `null` when it can. */
function illegalValue(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  const illegal = `Failed due to illegal value in property: ${path}`;
  if (isDate(value) || type !== 'object') return illegal;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = illegalValue(item, `${path}.${index}`);
      if (problem) return problem;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return illegal;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const problem = illegalValue(item, key);
    if (problem) return problem;
  }
  return null;
}

function containsDate(value: unknown): boolean {
  if (isDate(value)) return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsDate);
  return false;
}

/**
 * What tells one file from another at a path, or a file from itself after a change: device, inode, size and
 * the modification and status-change times in nanoseconds (any write or rename sets the change time, which
 * no tool can set back). `null` when there is no file (or it cannot be seen).
 */
function fileIdentity(path: string): string | null {
  try {
    const stats = statSync(path, { bigint: true });
    return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

export function createLocalRuntime(options: LocalRuntimeOptions = {}): LocalRuntime {
  const bundlePath = resolve(options.bundlePath ?? defaultBundlePath());
  if (!existsSync(bundlePath)) {
    throw new LocalRuntimeError(`${bundlePath} does not exist: run \`npm run build\` first`);
  }
  const bundle = loadBundle(bundlePath);
  const workbookPath = options.workbookPath ? resolve(options.workbookPath) : null;
  const email = options.user ?? 'you@example.com';
  const shared = { htmlFiles: { ...bundle.htmlFiles }, user: { email } };

  let loadProblem: WorkbookFileError | null = null;
  let services: FakeServices | null = null;
  // The file as it was before it was read and checked (taken first, so a change while reading shows).
  let loaded: string | null = null;
  if (workbookPath) {
    try {
      loaded = fileIdentity(workbookPath);
      const file = readWorkbookFile(workbookPath);
      if (file) services = servicesFromWorkbook(workbookPath, file, shared);
    } catch (error) {
      if (!(error instanceof WorkbookFileError) || options.unreadableFile !== 'start-empty') throw error;
      loadProblem = error;
    }
  }
  if (!services) {
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
    if (!isTimeZone(timeZone)) throw new LocalRuntimeError(`Unknown time zone "${timeZone}"`);
    services = createFakeServices({
      ...shared,
      locale: options.locale ?? 'en_US',
      timeZone,
      spreadsheetId: newSpreadsheetId(),
      spreadsheetName: workbookPath ? basename(workbookPath).replace(/\.json$/i, '') : 'OKR Sheets (local)',
    });
  }
  // The user's own locale follows the spreadsheet's language: `Session.getActiveUserLocale()` gives 'pl'.
  services.Session.settings.locale = services.spreadsheet.locale.slice(0, 2);

  const fake = services;
  const book = fake.spreadsheet;
  const clock = options.now;
  const host = new BundleHost(bundle, fake, clock ? () => clock().getTime() : undefined);
  registerCustomFunctions(host.customFunctions);
  registerSheetsFunctions();
  registerImportRange();
  const imports = new ImportRangeHost(book, options.directory ?? null);
  const calc = new WorkbookCalc(
    book,
    host.customFunctionHost(() => book.timeZone),
    { importRange: imports },
  );
  const importSource: ImportSource = {
    id: book.id,
    get name() {
      return book.name;
    },
    revision(seen) {
      const own = book.sheets.map((sheet) => `${sheet.id}:${sheet.name}:${sheet.grid.revision}`).join(',');
      const names = [...book.namedRanges].map(([name, anchor]) => `${name}=${anchor.sheetId}:${formatA1(anchor.area)}`);
      return `${own}/${names.join(',')}/${imports.revision(seen)}`;
    },
    sheets: () =>
      book.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.grid.maxRows, columns: sheet.grid.maxColumns })),
    computed: (sheetName, row, column) => calc.computed(sheetName, row, column),
    namedRange(name) {
      const range = book.namedRange(name);
      if (!range) return null;
      const { row, column, numRows, numColumns } = range.area;
      return {
        sheetName: range.sheet.name,
        startRow: row,
        startColumn: column,
        endRow: row + numRows - 1,
        endColumn: column + numColumns - 1,
      };
    },
  };

  /** What a script reads from a cell the engine computes: dates as `Date`, errors as their code. */
  const scriptValue = (cell: { sheet: string; row: number; column: number }): unknown => {
    if (calc.computing) return '';
    const computed = calc.computed(cell.sheet, cell.row, cell.column);
    if (computed.kind === 'error') return computed.code;
    const { value } = computed;
    if (typeof value !== 'number') return value ?? '';
    const format = book.sheetByName(cell.sheet)?.grid.peek(cell.row, cell.column).numberFormat ?? 'General';
    return computed.date || isDateFormat(format) ? new Date(instantFromSerial(value, book.timeZone)) : value;
  };
  book.evaluator = (_formula, cell) => scriptValue(cell);
  book.spill = (cell) => scriptValue(cell);
  book.display = (value, numberFormat) =>
    displayValue(value, numberFormat, { locale: book.locale, timeZone: book.timeZone });

  const runtime: LocalRuntime = {
    services: fake,
    workbookPath,
    loadProblem: loadProblem?.message ?? null,
    entryPoints: [...host.entryPoints].sort(),
    logs: host.logs,

    call(name, ...args) {
      if (!host.entryPoints.has(name)) return { ok: false, error: { message: `Script function not found: ${name}` } };
      const problem = illegalValue(args, 'arguments');
      if (problem) return { ok: false, error: { message: problem } };
      const json = JSON.stringify(args);
      try {
        const value = host.execute((context) => {
          // The arguments are made in the execution's realm, as Apps Script deserialises them.
          const realmArgs = (vm.runInContext('JSON.parse', context) as (text: string) => unknown[])(json);
          return (context[name] as (...callArgs: unknown[]) => unknown)(...realmArgs);
        });
        host.resetFormulas();
        if (value === undefined || containsDate(value)) return { ok: true, value: null };
        return { ok: true, value: JSON.parse(JSON.stringify(value)) as JsonValue };
      } catch (error) {
        host.resetFormulas();
        return { ok: false, error: { message: messageOf(error) } };
      }
    },

    setCell(sheetName, a1, input) {
      const sheet = book.sheetByName(sheetName);
      if (!sheet) throw new LocalRuntimeError(`There is no sheet named "${sheetName}"`);
      const ref = parseA1(a1);
      if (!ref || ref.sheetName !== null || ref.startRow === null || ref.startColumn === null) {
        throw new LocalRuntimeError(`"${a1}" is not a cell in A1 notation`);
      }
      if (ref.endRow !== ref.startRow || ref.endColumn !== ref.startColumn) {
        throw new LocalRuntimeError(`"${a1}" is a range; type into one cell at a time`);
      }
      const { startRow: row, startColumn: column } = ref;
      if (row > sheet.grid.maxRows || column > sheet.grid.maxColumns) {
        throw new LocalRuntimeError(`${a1} is outside the sheet "${sheetName}"`);
      }
      const typed = readTyping(input, book.locale, book.timeZone);
      const oldValue = sheet.grid.peek(row, column).value;
      try {
        sheet.writeInputs(row, column, [[typed.input]]);
      } catch (error) {
        throw new LocalRuntimeError(messageOf(error));
      }
      if (typed.numberFormat && /^general$/i.test(sheet.grid.peek(row, column).numberFormat)) {
        sheet.grid.cell(row, column).numberFormat = typed.numberFormat;
      }
      // The simple trigger, if the add-on has one: Sheets runs it after every edit by a person.
      if (host.entryPoints.has('onEdit')) {
        try {
          host.execute((context) =>
            (context.onEdit as (event: unknown) => unknown)({
              authMode: 'LIMITED',
              range: sheet.rangeAt(row, column),
              source: book,
              user: fake.Session.getActiveUser(),
              value: input,
              oldValue: isDate(oldValue) ? oldValue.toISOString() : String(oldValue),
            }),
          );
        } catch (error) {
          host.logs.push({ level: 'error', message: `onEdit: ${messageOf(error)}` });
        }
      }
    },

    snapshot(sheetIds, options) {
      return buildSnapshot(fake, calc, sheetIds, options);
    },

    save() {
      if (!workbookPath)
        throw new LocalRuntimeError('This runtime was started without a workbookPath: nothing to save to');
      if (loadProblem) {
        throw new WorkbookFileError(
          workbookPath,
          `is not written over: it was not loaded, as it ${loadProblem.problem}`,
        );
      }
      const readOnly = readOnlyProblem(workbookPath);
      if (readOnly) throw new WorkbookFileError(workbookPath, `is not written over: it ${readOnly}`);
      // Someone may have put another file there since: never write over what is not ours. The very file
      // that was loaded (same inode, size and change time) was checked then and needs no reading again.
      if (existsSync(workbookPath) && (loaded === null || fileIdentity(workbookPath) !== loaded)) {
        try {
          checkWorkbook(workbookPath, readFileSync(workbookPath, 'utf8'));
        } catch (error) {
          throw new WorkbookFileError(
            workbookPath,
            `is not written over: ${error instanceof WorkbookFileError ? error.problem : messageOf(error)}`,
          );
        }
      }
      writeFileAtomically(workbookPath, `${JSON.stringify(workbookOf(fake), null, 1)}\n`);
    },

    takeUi() {
      const { ui, spreadsheet } = fake;
      const events: UiEvents = {
        sidebars: ui.sidebars.map((s) => ({ title: s.title, html: s.content, width: s.width })),
        modalDialogs: ui.modalDialogs.map((d) => ({
          title: d.title,
          html: d.html.content,
          width: d.html.width,
          height: d.html.height,
        })),
        modelessDialogs: ui.modelessDialogs.map((d) => ({
          title: d.title,
          html: d.html.content,
          width: d.html.width,
          height: d.html.height,
        })),
        dialogs: [...ui.dialogs],
        toasts: [...spreadsheet.toasts],
      };
      ui.sidebars.length = 0;
      ui.modalDialogs.length = 0;
      ui.modelessDialogs.length = 0;
      ui.dialogs.length = 0;
      spreadsheet.toasts.length = 0;
      return events;
    },

    calcFigures() {
      return { ...calc.figures };
    },

    id: book.id,
    link: linkOf(book.id),
    computed: (sheetName, row, column) => calc.computed(sheetName, row, column),
    importSource,
    importsWaiting() {
      calc.sync();
      return imports.waitingFor();
    },
    allowImport(sourceId) {
      imports.allow(sourceId);
    },
  };
  return runtime;
}
