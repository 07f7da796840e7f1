// The playground's HTTP API: what the page and the sidebar's google.script.run shim send (validated with
// zod/mini, since anything reaching a port is untrusted), and what the server answers (plain JSON). The page
// imports the types only.
//
//   GET  /api/state      → PageState: the workbook as it shows, the open sidebar, dialogs not yet shown
//   POST /api/run        { fn, args }            → RunAnswer (google.script.run of the sidebar)
//   POST /api/menu       { fn, answers? }        → PageState (a menu item; `question` when it asks one)
//   POST /api/cell       { sheet, a1, input }    → PageState (typing into a cell)
//   POST /api/activate   { sheet }               → PageState (clicking a sheet tab)
//   POST /api/start      { sample }              → PageState (the first start's choice)
//   POST /api/sidebar/close {}                   → PageState
//   POST /api/spreadsheet { id }                 → PageState (another spreadsheet of the folder)
//   POST /api/spreadsheet/new { name }           → PageState (a new, empty spreadsheet in the folder)
//   POST /api/access     { id }                  → PageState ("Allow access" for an IMPORTRANGE's source)
//   GET  /sidebar/:id    the sidebar's HTML, with the google.script.run shim

import * as z from 'zod/mini';
import type { SheetSnapshot, WorkbookSnapshot } from '../local/snapshot';

/** The largest request body accepted (413 above it). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The deepest nesting of arrays and objects a request body may have (400 deeper): real requests need 6. */
export const MAX_BODY_DEPTH = 32;

/** The answers a dialog may be given, as the Apps Script `Button` enum names them. */
export const BUTTONS = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'] as const;
export type ButtonName = (typeof BUTTONS)[number];

/** google.script.run: a server function of the registry and its arguments. */
export function runRequestSchema(functions: readonly string[]) {
  return z.object({ fn: z.enum(functions as [string, ...string[]]), args: z.array(z.unknown()) });
}

/** A menu item of the add-on menu onOpen built, and the answers to the dialogs it asked so far. */
export function menuRequestSchema(functions: readonly string[]) {
  return z.object({
    fn: z.enum(functions as [string, ...string[]]),
    answers: z.optional(
      z
        .array(z.object({ button: z.enum(BUTTONS), text: z.optional(z.string().check(z.maxLength(10_000))) }))
        .check(z.maxLength(10)),
    ),
  });
}

export const cellRequestSchema = z.object({
  sheet: z.string().check(z.minLength(1), z.maxLength(200)),
  a1: z.string().check(z.regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/)),
  // The cell limit (50,000 characters) is the spreadsheet's to enforce, with Sheets' message; this is the body's.
  input: z.string().check(z.maxLength(MAX_BODY_BYTES)),
});

export const activateRequestSchema = z.object({ sheet: z.string().check(z.minLength(1), z.maxLength(200)) });

export const startRequestSchema = z.object({ sample: z.boolean() });

export const emptyRequestSchema = z.object({});

const spreadsheetId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));
export const switchRequestSchema = z.object({ id: spreadsheetId });
export const accessRequestSchema = z.object({ id: spreadsheetId });
export const newSpreadsheetRequestSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100), z.regex(/\S/)),
});

/** The answer to google.script.run: the value, or the server's error message for the failure handler. */
export type RunAnswer = { ok: true; value: unknown } | { ok: false; error: string };

/** A dialog the add-on showed and how it was answered (an OK-only alert is answered OK, as nobody else can). */
export interface ShownDialog {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
}

/** A dialog the add-on is waiting on: the menu item runs again once the user answers. */
export interface Question {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  /** `YES_NO`, `OK_CANCEL`, `YES_NO_CANCEL`, `OK`. */
  buttons: string;
}

export interface SidebarInfo {
  id: number;
  title: string;
  width: number;
}

/** A sheet tab. */
export type SheetTab = Pick<SheetSnapshot, 'id' | 'name' | 'index' | 'hidden' | 'tabColor'>;

/** The workbook without its cells: the page paints only the active sheet. */
export type WorkbookView = Omit<WorkbookSnapshot, 'sheets'> & { sheets: SheetTab[] };

export interface PageState {
  /** Bumped by every change. */
  version: number;
  /** This server's run: versions count again from 1 after a restart. */
  instance: string;
  /** A first start: no workbook file yet, nothing chosen; the page offers the sample quarter. */
  fresh: boolean;
  workbookPath: string;
  /** The spreadsheet shown: its id (in the page's address) and its link, as Sheets gives it. */
  spreadsheet: { id: string; link: string };
  /** The spreadsheets of the folder, to switch between. */
  spreadsheets: { id: string; name: string }[];
  /** Spreadsheets this one's IMPORTRANGE cells wait on: "You need to connect these sheets. Allow access". */
  access: { id: string; name: string }[];
  workbook: WorkbookView;
  /** The active sheet, all of it (local/snapshot.ts). */
  sheet: SheetSnapshot | null;
  /** The sidebar the add-on showed last, until it is closed. */
  sidebar: SidebarInfo | null;
  /** Alerts the add-on showed since the last state. */
  dialogs: ShownDialog[];
  /** Toasts since the last state. */
  toasts: { title: string | null; message: string }[];
  /** A menu item waits for an answer (only in the answer to /api/menu). */
  question: Question | null;
  /** A menu item or a typed value failed: the message, as Sheets would show it. */
  error: string | null;
}
