// The playground's server (`npm start`): the add-on running on the local spreadsheet (local/runtime.ts, the
// very dist/Code.js that `clasp push` sends, in node:vm), shown in a page: the spreadsheet on the left, the
// real dist/sidebar.html on the right. The page and the sidebar reach the add-on over the small HTTP API of
// api.ts; the workbook is saved to its JSON file after every change and loaded again on start.
//
// Security: it listens on 127.0.0.1 only; it answers only requests addressed to that host (no DNS
// rebinding); a POST must be JSON from the page's own origin (no cross-site form posts), and GETs that
// change state (the page re-running onOpen, /api/state draining dialogs) are refused to other origins and
// sites too; bodies are limited to 1 MiB (413 above) and 32 levels of nesting (400 deeper) and validated; only the registry's entry points can be called (google.script.run:
// the server functions; the menu: the items onOpen added); files are served only from playground/public;
// the page writes user text with textContent only.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { removeStaleTemporaryFiles } from '../local/atomic-file';
import { createLocalRuntime, type LocalRuntime } from '../local/runtime';
import type { MenuEntrySnapshot } from '../local/snapshot';
import { readOnlyProblem, WorkbookFileError } from '../local/workbook-file';
import { WorkbookFolder } from '../local/workbook-folder';
import { lockWorkbook, type WorkbookLock } from '../local/workbook-lock';
import { registry } from '../src/gas/registry';
import {
  accessRequestSchema,
  activateRequestSchema,
  cellRequestSchema,
  emptyRequestSchema,
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  menuRequestSchema,
  newSpreadsheetRequestSchema,
  type PageState,
  type Question,
  type RunAnswer,
  runRequestSchema,
  type ShownDialog,
  type SidebarInfo,
  startRequestSchema,
  switchRequestSchema,
} from './api';
import { ScriptClock } from './clock';
import { catchQuestions, type QuestionCatcher } from './dialogs';
import { buildSampleQuarter, SAMPLE_LOCALE, SAMPLE_TIME_ZONE } from './sample';
import { withShim } from './shim';

/** The only address the playground listens on. */
export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
export const DEFAULT_WORKBOOK = '.okr-local/workbook.json';

export interface PlaygroundOptions {
  /** The port; 0 picks a free one. Default 8787. */
  port?: number;
  /** The workbook file, loaded when it exists and saved after every change. Default `.okr-local/workbook.json`. */
  workbookPath?: string;
  /** The locale of a new, empty spreadsheet (the sample is always pl_PL). Default `en_US`. */
  locale?: string;
  /** The time zone of a new, empty spreadsheet. Default: this machine's. */
  timeZone?: string;
  /** Build dist/ first (`npm run build`). Default true. */
  build?: boolean;
  /** "Now": the sample quarter's dates, and the add-on's clock (`new Date()` in the bundle). The machine's by default. */
  now?: () => Date;
  /** Tests only: milliseconds every API request waits before it is handled (a slow server). */
  answerDelayMs?: number;
}

export interface Playground {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The address the server is bound to: 127.0.0.1. */
  address: string;
  port: number;
  workbookPath: string;
  /** The runtime behind the page (it changes when a first start chooses the sample). */
  runtime(): LocalRuntime;
  close(): Promise<void>;
}

type BuildScript = typeof import('../scripts/build.mjs');

/** The repository: the folder holding playground/public, found upwards from this module (or its bundle). */
export function findRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'playground/public/index.html')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`playground/public was not found above ${from}`);
  }
}

/** The page's script: playground/page.ts bundled for the browser as the build bundles the sidebar. */
async function bundlePage(root: string, options: BuildScript['browserScriptOptions']): Promise<string> {
  const result = await esbuild.build({
    ...options,
    entryPoints: [join(root, 'playground/page.ts')],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The sidebar is one self-contained page with inline script and style; it may only call the API.
const SIDEBAR_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** The functions google.script.run may call: the registry's server functions. */
const SERVER_FUNCTIONS = Object.entries(registry)
  .filter(([, doc]) => doc.kind === 'server')
  .map(([name]) => name)
  .sort();

function menuFunctions(entries: readonly MenuEntrySnapshot[]): string[] {
  return entries.flatMap((entry) =>
    entry.type === 'item' ? [entry.functionName] : entry.type === 'submenu' ? menuFunctions(entry.entries) : [],
  );
}

/** The playground's state between requests: the runtime, the sidebar it showed, dialogs not yet shown. */
class Session {
  runtime: LocalRuntime;
  fresh: boolean;
  /** The spreadsheets of the workbook file's folder: the page switches between them, IMPORTRANGE reads them. */
  readonly folder: WorkbookFolder;
  /** One lock per workbook file this server writes (the first one's is taken before the session starts). */
  private readonly locks = new Map<string, WorkbookLock>();
  version = 1;
  readonly instance = `${process.pid}-${Date.now().toString(36)}`;
  /** The add-on's clock: the machine's (or the playground's `now`), stopped on past days while the sample is built. */
  readonly clock: ScriptClock;
  private catcher: QuestionCatcher;
  private sidebar: SidebarInfo | null = null;
  private readonly sidebars = new Map<number, string>();
  private nextSidebar = 1;
  private dialogs: ShownDialog[] = [];
  private toasts: { title: string | null; message: string }[] = [];

  constructor(
    private readonly options: {
      workbookPath: string;
      bundlePath: string;
      locale: string;
      timeZone?: string;
      lock: WorkbookLock;
      now?: () => Date;
    },
  ) {
    this.clock = new ScriptClock(options.now);
    this.fresh = !existsSync(options.workbookPath);
    this.locks.set(options.workbookPath, options.lock);
    this.folder = new WorkbookFolder(dirname(options.workbookPath), {
      bundlePath: options.bundlePath,
      now: this.clock.now,
      locale: options.locale,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    this.runtime = this.folder.openPath(options.workbookPath);
    this.catcher = catchQuestions(this.runtime.services.ui);
    this.open();
  }

  /** The workbook file the page shows now. */
  get workbookPath(): string {
    return this.runtime.workbookPath ?? this.options.workbookPath;
  }

  /** Shows another spreadsheet of the folder (by id); `false` when the folder has none with it. */
  switchTo(id: string): boolean {
    if (id === this.runtime.id) return true;
    const entry = this.folder.list().find((candidate) => candidate.id === id);
    if (!entry) return false;
    this.lock(entry.path);
    this.show(this.folder.openPath(entry.path));
    return true;
  }

  /** Makes a new, empty spreadsheet in the folder, saves it, and shows it. */
  create(name: string): void {
    const path = this.folder.freeFileName(name);
    this.lock(path);
    const runtime = this.folder.openPath(path);
    runtime.services.spreadsheet.name = name;
    this.show(runtime);
    this.changed();
  }

  private lock(path: string): void {
    if (this.locks.has(path)) return;
    const readOnly = readOnlyProblem(path);
    if (readOnly) throw new HttpError(409, new WorkbookFileError(path, readOnly).message);
    try {
      const lock = lockWorkbook(path);
      lock.setUrl(this.url);
      this.locks.set(path, lock);
    } catch (error) {
      throw new HttpError(409, error instanceof Error ? error.message : String(error));
    }
  }

  /** The server's address, recorded in the locks it takes. */
  url = '';

  releaseLocks(): void {
    for (const lock of this.locks.values()) lock.release();
    this.locks.clear();
  }

  private show(runtime: LocalRuntime): void {
    this.runtime = runtime;
    this.fresh = false;
    this.sidebar = null;
    this.catcher = catchQuestions(runtime.services.ui);
    this.open();
    this.version++;
  }

  /** Opens the spreadsheet: onOpen builds the add-on menu and says what is due, as Sheets runs it on every open. */
  open(): void {
    this.runtime.call('onOpen', { authMode: 'LIMITED' });
    // onOpen shows no sidebar or dialog; its toast (what is due) reaches the page with the next state.
    this.collectUi();
  }

  /** A new, empty runtime (a first start choosing the sample: it is in Polish). */
  replaceRuntime(locale: string, timeZone: string): void {
    this.folder.remove(this.runtime.id);
    this.runtime = this.folder.add(
      createLocalRuntime({
        workbookPath: this.workbookPath,
        bundlePath: this.options.bundlePath,
        locale,
        timeZone,
        now: this.clock.now,
        directory: this.folder,
      }),
    );
    this.catcher = catchQuestions(this.runtime.services.ui);
    this.open();
  }

  /**
   * Takes what the script showed: the last sidebar opens (and stays, for a reload), alerts queue up. A run
   * stopped at a question shows nothing: it runs again once the question is answered.
   */
  collectUi(stoppedAtQuestion = false): void {
    const shown = this.runtime.takeUi();
    if (stoppedAtQuestion) return;
    const last = shown.sidebars.at(-1);
    if (last) {
      const id = this.nextSidebar++;
      this.sidebars.set(id, last.html);
      for (const old of this.sidebars.keys()) if (old < id - 10) this.sidebars.delete(old);
      this.sidebar = { id, title: last.title, width: last.width };
    }
    // Questions were answered by the person already (dialogs.ts); OK-only alerts are still to be read.
    this.dialogs.push(
      ...shown.dialogs
        .filter((dialog) => dialog.buttons === 'OK')
        .map((dialog) => ({
          kind: dialog.kind,
          title: dialog.title,
          prompt: dialog.prompt,
          buttons: dialog.buttons,
          answer: dialog.answer,
        })),
    );
    this.toasts.push(...shown.toasts.map((toast) => ({ title: toast.title, message: toast.message })));
  }

  sidebarHtml(id: number): string | null {
    return this.sidebars.get(id) ?? null;
  }

  closeSidebar(): void {
    this.sidebar = null;
  }

  /** After every change: the version moves on and the workbook is saved. */
  changed(): void {
    this.version++;
    this.fresh = false;
    mkdirSync(dirname(this.workbookPath), { recursive: true });
    this.runtime.save();
  }

  /** Runs a menu item with the answers given so far; a question it stops at comes back to the page. */
  runMenuItem(
    fn: string,
    answers: Parameters<QuestionCatcher['prepare']>[0],
  ): { question: Question | null; error: string | null } {
    this.catcher.prepare(answers);
    let result: ReturnType<LocalRuntime['call']>;
    try {
      result = this.runtime.call(fn);
    } finally {
      this.catcher.finish();
    }
    const question = this.catcher.asked();
    this.collectUi(question !== null);
    if (question) return { question, error: null };
    return { question: null, error: result.ok ? null : result.error.message };
  }

  state(extra: { question?: Question | null; error?: string | null } = {}): PageState {
    const dialogs = this.dialogs;
    const toasts = this.toasts;
    this.dialogs = [];
    this.toasts = [];
    const { sheets, ...workbook } = this.runtime.snapshot();
    return {
      version: this.version,
      instance: this.instance,
      fresh: this.fresh,
      workbookPath: this.workbookPath,
      spreadsheet: { id: this.runtime.id, link: this.runtime.link },
      spreadsheets: this.folder.list().map(({ id, name }) => ({ id, name })),
      access: this.runtime
        .importsWaiting()
        .map((id) => ({ id, name: this.folder.get(id)?.services.spreadsheet.name ?? id })),
      workbook: {
        ...workbook,
        sheets: sheets.map(({ id, name, index, hidden, tabColor }) => ({ id, name, index, hidden, tabColor })),
      },
      sheet: sheets.find((sheet) => sheet.name === workbook.activeSheet) ?? sheets[0] ?? null,
      sidebar: this.sidebar,
      dialogs,
      toasts,
      question: extra.question ?? null,
      error: extra.error ?? null,
    };
  }
}

/** Reads a request body of at most MAX_BODY_BYTES; a larger one is drained (up to a cap) and refused. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const cap = 16 * MAX_BODY_BYTES;
    if (declared > cap) {
      reject(new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (size > cap) {
        request.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) reject(new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** How deeply arrays and objects nest in a JSON text, counted without parsing it (brackets in strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // a backslash escapes the next character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if (char === 93 || char === 125) depth--;
  }
  return deepest;
}

function parseJson(text: string): unknown {
  // Refused before parsing: every reader after JSON.parse (zod, the runtime's checks) walks it recursively.
  if (jsonDepth(text) > MAX_BODY_DEPTH) {
    throw new HttpError(400, `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not JSON');
  }
}

/** The first problem zod found, in a few words. */
function problemOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function send(response: ServerResponse, status: number, type: string, body: string, headers = {}): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...SECURITY_HEADERS,
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Starts the playground; resolves once it listens. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = findRoot();
  // Loaded from the repository at run time, not bundled into this module: its paths are relative to itself.
  const buildScript: BuildScript = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
  if (options.build !== false) await buildScript.build();
  const pageScript = await bundlePage(root, buildScript.browserScriptOptions);
  const workbookPath = resolve(options.workbookPath ?? DEFAULT_WORKBOOK);
  // One writer per file: a second playground on it refuses and names the first (local/workbook-lock.ts).
  const readOnly = readOnlyProblem(workbookPath);
  if (readOnly) throw new WorkbookFileError(workbookPath, readOnly);
  mkdirSync(dirname(workbookPath), { recursive: true });
  const lock = lockWorkbook(workbookPath);
  let session: Session;
  try {
    // Holding the lock, no other writer is at work: a temporary file left is a crashed save's.
    removeStaleTemporaryFiles(workbookPath);
    session = new Session({
      workbookPath,
      bundlePath: join(root, 'dist/Code.js'),
      locale: options.locale ?? 'en_US',
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      lock,
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  const publicDir = join(root, 'playground/public');
  let port = 0;

  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts().has(host)) throw new HttpError(421, `This server answers only to ${HOST}:${port}`);
    const url = new URL(request.url ?? '/', `http://${host}`);
    const path = url.pathname;

    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      throw new HttpError(403, 'Cross-origin requests are refused');
    // Sec-Fetch-Site: the browser's word on who asks. Another site may link to the page, but not make it
    // re-run onOpen, nor read or drain the state (a page of another site cannot fake this header).
    const site = String(request.headers['sec-fetch-site'] ?? 'none');
    const fromPage = site === 'same-origin' || site === 'none';
    if (options.answerDelayMs) await new Promise((wait) => setTimeout(wait, options.answerDelayMs));

    if (request.method === 'GET' || request.method === 'HEAD') {
      const file = STATIC_FILES[path];
      if (file) {
        if (file.file === 'index.html' && fromPage) {
          // The address carries the spreadsheet shown (`/?id=…`), as a Sheets address does.
          const id = url.searchParams.get('id');
          if (!(id && session.switchTo(id))) session.open();
        }
        const body = readFileSync(join(publicDir, file.file), 'utf8');
        send(response, 200, file.type, body, { 'Content-Security-Policy': PAGE_CSP, 'X-Frame-Options': 'DENY' });
        return;
      }
      if (path === '/page.js') {
        send(response, 200, 'text/javascript; charset=utf-8', pageScript);
        return;
      }
      if (path === '/api/state') {
        if (!fromPage) throw new HttpError(403, 'Cross-site requests are refused');
        sendJson(response, 200, session.state());
        return;
      }
      const sidebar = /^\/sidebar\/([1-9][0-9]{0,8})$/.exec(path);
      if (sidebar) {
        const html = session.sidebarHtml(Number(sidebar[1]));
        if (html === null) throw new HttpError(404, 'That sidebar is closed');
        send(response, 200, 'text/html; charset=utf-8', withShim(html), {
          'Content-Security-Policy': SIDEBAR_CSP,
          'X-Frame-Options': 'SAMEORIGIN',
        });
        return;
      }
      if (path === '/favicon.ico') {
        response.writeHead(204, SECURITY_HEADERS).end();
        return;
      }
      throw new HttpError(404, 'Not found');
    }

    if (request.method !== 'POST') throw new HttpError(405, 'Method not allowed');
    // A cross-site page cannot send JSON without a preflight this server never answers, nor fake Origin.
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (!fromPage) throw new HttpError(403, 'Cross-site requests are refused');
    const body = await readBody(request);
    if (type !== 'application/json') throw new HttpError(415, 'Send JSON (Content-Type: application/json)');
    const json = parseJson(body);

    switch (path) {
      case '/api/run': {
        const parsed = runRequestSchema(SERVER_FUNCTIONS).safeParse(json);
        if (!parsed.success) {
          const fn = (json as { fn?: unknown } | null)?.fn;
          const message =
            typeof fn === 'string' && !SERVER_FUNCTIONS.includes(fn)
              ? `Script function not found: ${fn}`
              : `Bad request: ${problemOf(parsed.error)}`;
          sendJson(response, 400, { ok: false, error: message } satisfies RunAnswer);
          return;
        }
        const result = session.runtime.call(parsed.data.fn, ...parsed.data.args);
        session.collectUi();
        session.changed();
        const answer: RunAnswer = result.ok
          ? { ok: true, value: result.value }
          : { ok: false, error: result.error.message };
        sendJson(response, 200, answer);
        return;
      }
      case '/api/menu': {
        const items = menuFunctions(session.runtime.snapshot().menu).filter((name) => name in registry);
        const parsed = menuRequestSchema(items.length > 0 ? items : ['-']).safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Not a menu item: ${problemOf(parsed.error)}`);
        const { question, error } = session.runMenuItem(parsed.data.fn, parsed.data.answers ?? []);
        session.changed();
        sendJson(response, 200, session.state({ question, error }));
        return;
      }
      case '/api/cell': {
        const parsed = cellRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        const { sheet, a1, input } = parsed.data;
        let error: string | null = null;
        try {
          session.runtime.setCell(sheet, a1, input);
        } catch (problem) {
          error = problem instanceof Error ? problem.message : String(problem);
        }
        session.collectUi();
        session.changed();
        sendJson(response, 200, session.state({ error }));
        return;
      }
      case '/api/activate': {
        const parsed = activateRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        const book = session.runtime.services.spreadsheet;
        const sheet = book.sheetByName(parsed.data.sheet);
        if (!sheet) throw new HttpError(404, `There is no sheet named "${parsed.data.sheet}"`);
        book.activate(sheet);
        session.changed();
        sendJson(response, 200, session.state());
        return;
      }
      case '/api/start': {
        const parsed = startRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        if (!session.fresh) throw new HttpError(409, 'The workbook exists already');
        if (parsed.data.sample) {
          if (session.runtime.services.spreadsheet.locale !== SAMPLE_LOCALE) {
            session.replaceRuntime(SAMPLE_LOCALE, SAMPLE_TIME_ZONE);
          }
          buildSampleQuarter(session.runtime, session.clock, now());
          session.open();
        }
        session.changed();
        sendJson(response, 200, session.state());
        return;
      }
      case '/api/spreadsheet': {
        const parsed = switchRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        if (!session.switchTo(parsed.data.id)) {
          throw new HttpError(404, `There is no spreadsheet with the id "${parsed.data.id}" in this folder`);
        }
        sendJson(response, 200, session.state());
        return;
      }
      case '/api/spreadsheet/new': {
        const parsed = newSpreadsheetRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        session.create(parsed.data.name);
        sendJson(response, 200, session.state());
        return;
      }
      case '/api/access': {
        const parsed = accessRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, `Bad request: ${problemOf(parsed.error)}`);
        session.runtime.allowImport(parsed.data.id);
        session.changed();
        sendJson(response, 200, session.state());
        return;
      }
      case '/api/sidebar/close': {
        const parsed = emptyRequestSchema.safeParse(json);
        if (!parsed.success) throw new HttpError(400, 'Bad request');
        session.closeSidebar();
        sendJson(response, 200, session.state());
        return;
      }
      default:
        throw new HttpError(404, 'Not found');
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(`playground: ${request.method} ${request.url}: ${message}`);
      if (response.headersSent) {
        response.end();
        return;
      }
      const headers = status === 413 ? { Connection: 'close' } : {};
      send(response, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: message }), headers);
    });
  });

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    session.releaseLocks();
    throw error;
  }
  const bound = server.address() as AddressInfo;
  port = bound.port;
  lock.setUrl(`http://${HOST}:${port}/`);
  session.url = `http://${HOST}:${port}/`;

  return {
    url: `http://${HOST}:${port}/`,
    address: bound.address,
    port,
    workbookPath,
    runtime: () => session.runtime,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => {
          session.releaseLocks();
          resolveClose();
        });
        server.closeAllConnections();
      }),
  };
}
