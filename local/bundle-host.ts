// Runs the built bundle (dist/Code.js) as Apps Script does: the script is compiled once per process (every
// workbook of a folder runs the same one, see `loadBundle`) and loaded into a fresh global scope for every
// execution (a menu click, a google.script.run call, a trigger), so no module state survives from one
// execution to the next, exactly as on Google's servers. The scope holds the Spreadsheet services (the
// fake), `console` and `Logger` (collected into `logs`), and every other Apps Script service as a stand-in
// that fails with a clear message when touched; nothing of Node (no `require`, `process`, timers,
// TextEncoder) is there.
//
// Custom functions are found the way Apps Script finds them in an add-on: top-level functions with a
// `@customfunction` JSDoc block. They run in a scope of their own, kept until `resetFormulas()`, since
// Sheets calls them outside any other execution; their arguments are made in that scope's realm (a date
// argument is that realm's `Date`, in the spreadsheet's time zone).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { instantFromSerial, serialFromDate } from './dates';
import type { CustomFunctionHost, CustomFunctionSpec } from './formula-functions';
import { type FakeServices, installInVmContext } from './spreadsheet';
import { GLOBAL_NAMES } from './spreadsheet/scope';

/** One line the script logged. */
export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** Apps Script services the local spreadsheet does not model: touching one fails, naming it. */
const UNMODELLED = [
  'CacheService',
  'ScriptApp',
  'UrlFetchApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'DocumentApp',
  'SlidesApp',
  'FormApp',
  'CalendarApp',
  'ContentService',
  'CardService',
  'Browser',
  'Charts',
  'LanguageApp',
  'XmlService',
] as const;

const LOG_LIMIT = 500;

/**
 * Run in a new scope before the script when the runtime has a clock: the scope's `Date` becomes one whose
 * `new Date()` (no arguments), `Date()` and `Date.now()` read the clock. Dates made from arguments are
 * untouched, and every date keeps the realm's own `Date.prototype`, so `instanceof Date` holds everywhere.
 */
const CLOCK_SOURCE = `(function (now) {
  var RealDate = Date;
  function ClockDate() {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, arguments.length === 0 ? [now()] : Array.from(arguments), new.target);
  }
  Object.setPrototypeOf(ClockDate, RealDate);
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  ClockDate.now = function () { return now(); };
  globalThis.Date = ClockDate;
})`;

/** The realm constructors of a context, for making values that pass its `instanceof` checks. */
interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
}

/**
 * The custom functions a script declares: each JSDoc block with `@customfunction` and the top-level
 * `function NAME(a, b)` right after it.
 */
export function findCustomFunctions(source: string): CustomFunctionSpec[] {
  const stub = /\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g;
  const found: CustomFunctionSpec[] = [];
  for (const match of source.matchAll(stub)) {
    const [, doc = '', name = '', params = ''] = match;
    if (!/@customfunction\b/.test(doc)) continue;
    found.push({ name, params: params.split(',').filter((param) => param.trim() !== '').length });
  }
  return found;
}

/**
 * A built bundle as the runtimes of a process share it: its text compiled once, its custom functions, the
 * script's HTML files beside it, and what loading it shows (the entry points, and the service calls made
 * while loading, which a fresh scope gives the same every time). Each execution still runs it in a scope of
 * its own. A 50-team roll-up opens 51 workbooks on one bundle: each used to read, compile and load it again.
 */
export interface LoadedBundle {
  readonly path: string;
  readonly script: vm.Script;
  readonly customFunctions: readonly CustomFunctionSpec[];
  /** The `*.html` files of the bundle's folder, by name without the extension. */
  readonly htmlFiles: Readonly<Record<string, string>>;
  /** What loading the script into a fresh scope showed, by whether the scope had a clock (see BundleHost). */
  readonly loads: Map<boolean, { entryPoints: ReadonlySet<string>; callsAtLoad: number }>;
  /** The sizes of its custom functions' answers to blank arguments (see CustomFunctionHost `sizes`). */
  readonly sizes: Map<string, { width: number; height: number }>;
}

/** The bundles loaded so far, by path, with the sizes and times of their files when read. */
const LOADED = new Map<string, { stamp: string; bundle: LoadedBundle }>();

/** The sizes and change times of the bundle and the HTML files beside it: a rebuild moves them. */
function stampOf(path: string): { stamp: string; html: string[] } {
  const folder = dirname(path);
  const html = readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .sort();
  const stamp = [path, ...html.map((name) => join(folder, name))]
    .map((file) => {
      const stats = statSync(file);
      return `${file}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
    })
    .join('|');
  return { stamp, html };
}

/** The bundle at `path` (absolute), read and compiled once per process while its files stay the same. */
export function loadBundle(path: string): LoadedBundle {
  const { stamp, html } = stampOf(path);
  const known = LOADED.get(path);
  if (known?.stamp === stamp) return known.bundle;
  const source = readFileSync(path, 'utf8');
  const folder = dirname(path);
  const bundle: LoadedBundle = {
    path,
    script: new vm.Script(source, { filename: path }),
    customFunctions: findCustomFunctions(source),
    htmlFiles: Object.fromEntries(
      html.map((name) => [basename(name, '.html'), readFileSync(join(folder, name), 'utf8')] as const),
    ),
    loads: new Map(),
    sizes: new Map(),
  };
  LOADED.set(path, { stamp, bundle });
  return bundle;
}

export class BundleHost {
  /** Top-level functions of the script, callable by name (entry points and custom functions). */
  readonly entryPoints: ReadonlySet<string>;
  readonly customFunctions: readonly CustomFunctionSpec[];
  /** What the script logged, oldest first (the last 500 lines). */
  readonly logs: LogEntry[] = [];
  private readonly script: vm.Script;
  private formulaScope: { context: vm.Context; realm: Realm } | null = null;

  constructor(
    private readonly bundle: LoadedBundle,
    private readonly services: FakeServices,
    /** The script's clock (ms since the epoch) for `new Date()` and `Date.now()`; the machine's when absent. */
    private readonly clock?: () => number,
  ) {
    this.script = bundle.script;
    this.customFunctions = bundle.customFunctions;
    let load = bundle.loads.get(clock !== undefined);
    if (!load) {
      const before = services.calls.total();
      const context = this.newContext();
      const callsAtLoad = services.calls.total() - before;
      const installed = new Set(Object.keys(this.globals()));
      const entryPoints = new Set(
        Object.keys(context).filter(
          (name) => !installed.has(name) && !name.endsWith('_') && typeof context[name] === 'function',
        ),
      );
      load = { entryPoints, callsAtLoad };
      bundle.loads.set(clock !== undefined, load);
    }
    if (load.callsAtLoad > 0) {
      // Apps Script runs module code on every execution, onOpen in AuthMode.NONE included, where a service
      // call kills the menu: say so, loudly, though the fake let it pass.
      const message = `${bundle.path} made ${load.callsAtLoad} service call(s) while loading`;
      this.logs.push({ level: 'error', message });
    }
    this.entryPoints = load.entryPoints;
  }

  /**
   * Runs `work` as one execution: a fresh scope with the script loaded, whose realm the fake uses for the
   * dates it hands out and the errors it throws.
   */
  execute<T>(work: (context: vm.Context) => T): T {
    const context = this.newContext();
    const previous = this.services.env.realm;
    installInVmContext(this.services, context);
    try {
      return work(context);
    } finally {
      this.services.env.realm = previous;
    }
  }

  /** Computes custom functions through the script's own top-level functions. */
  customFunctionHost(timeZone: () => string): CustomFunctionHost {
    return {
      call: (name, args) => {
        const { context, realm } = this.formulas();
        const fn = context[name];
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
        return fn(...args.map((arg) => (Array.isArray(arg) ? toRealmArray(arg, realm) : arg)));
      },
      dateArgument: (serial) => new (this.formulas().realm.Date)(instantFromSerial(serial, timeZone())),
      dateResult: (date) => serialFromDate(date, timeZone()),
      sizes: this.bundle.sizes,
    };
  }

  /** Starts custom functions in a fresh scope next time (a new execution, after settings changed, say). */
  resetFormulas(): void {
    this.formulaScope = null;
  }

  private formulas(): { context: vm.Context; realm: Realm } {
    if (!this.formulaScope) {
      const context = this.newContext();
      this.formulaScope = { context, realm: vm.runInContext('({ Array, Date })', context) as Realm };
    }
    return this.formulaScope;
  }

  private newContext(): vm.Context {
    const context = vm.createContext(this.globals());
    if (this.clock) (vm.runInContext(CLOCK_SOURCE, context) as (now: () => number) => void)(this.clock);
    this.script.runInContext(context);
    return context;
  }

  private globals(): Record<string, unknown> {
    const globals: Record<string, unknown> = {};
    for (const name of GLOBAL_NAMES) globals[name] = this.services[name];
    const log =
      (level: LogEntry['level']) =>
      (...args: unknown[]) =>
        this.log(level, args);
    globals.console = {
      log: log('log'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
    };
    globals.Logger = {
      log: (...args: unknown[]) => {
        this.log('log', args);
        return globals.Logger;
      },
      getLog: () => this.logs.map((entry) => entry.message).join('\n'),
      clear: () => {
        this.logs.length = 0;
      },
    };
    for (const name of UNMODELLED) globals[name] = unmodelled(name);
    return globals;
  }

  private log(level: LogEntry['level'], args: unknown[]): void {
    const message = args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' ');
    this.logs.push({ level, message });
    if (this.logs.length > LOG_LIMIT) this.logs.splice(0, this.logs.length - LOG_LIMIT);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A 2-D argument rebuilt from the realm's own arrays, as Apps Script would pass it. */
function toRealmArray(rows: unknown[], realm: Realm): unknown[] {
  return realm.Array.from(rows, (row) => (Array.isArray(row) ? realm.Array.from(row) : row));
}

/** A service the local spreadsheet does not have: any use throws, naming what was touched. */
function unmodelled(name: string): unknown {
  const fail = (what: string) => {
    throw new Error(`${name}.${what}: the local spreadsheet does not model ${name}`);
  };
  return new Proxy(Object.freeze({}), {
    get: (_target, property) => (typeof property === 'symbol' ? undefined : fail(property)),
  });
}
