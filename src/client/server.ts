/// <reference lib="dom" />
// A typed, promise-based google.script.run. Each call gets its own runner (handlers are per call), a server
// exception rejects the promise with an Error carrying the server's message, and outside Google Sheets
// (a page opened by hand) every call rejects with a clear message instead of a TypeError.
//
// The types of the calls are the server entry points' own signatures (src/gas/entry-points.ts), so a
// server function that changes what it takes or answers breaks the sidebar's type check, not the sidebar.
// The import is type-only: nothing of the server is bundled into the page.

import type * as EntryPoints from '../gas/entry-points';

/** The server functions the sidebar calls through google.script.run. */
export type SidebarFunction =
  | 'getSidebarState'
  | 'submitQuarter'
  | 'getSettings'
  | 'saveSettings'
  | 'getCheckInState'
  | 'submitCheckIn'
  | 'startCheckIn'
  | 'getCheckInText'
  | 'getCheckInNudges'
  | 'makeOwnersTable'
  | 'importDeals'
  | 'rollupStatus'
  | 'connectTeams'
  | 'refreshRollup'
  | 'repairDealsFormulas';

/** Each sidebar server function as the sidebar sees it: the same arguments, the answer as a promise. */
export type SidebarApi = {
  [Name in SidebarFunction]: (
    ...args: Parameters<(typeof EntryPoints)[Name]>
  ) => Promise<ReturnType<(typeof EntryPoints)[Name]>>;
};

/** The client-side runner Apps Script injects into HtmlService pages (not in @types/google-apps-script). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

interface GoogleScript {
  script: { run: ScriptRunner; host?: { close(): void } };
}

declare global {
  interface Window {
    google?: GoogleScript;
  }
}

export class ServerError extends Error {
  override name = 'ServerError';
}

/** Calls a server function by name; resolves with its answer, rejects with the server's error. */
export function callServer<Name extends SidebarFunction>(
  name: Name,
  ...args: Parameters<SidebarApi[Name]>
): ReturnType<SidebarApi[Name]> {
  return new Promise<unknown>((resolve, reject) => {
    const run = globalThis.window?.google?.script?.run;
    if (!run) {
      reject(new ServerError('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value))
      .withFailureHandler((error) => reject(new ServerError(errorMessage(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new ServerError(`${name} is not a server function`));
      return;
    }
    fn.apply(runner, args);
  }) as ReturnType<SidebarApi[Name]>;
}

/** True when the page runs inside Google Sheets (or a test that stands in for it). */
export function insideSheets(): boolean {
  return Boolean(window.google?.script?.run);
}

/** Closes the sidebar; does nothing outside Google Sheets. */
export function closeSidebar(): void {
  window.google?.script?.host?.close();
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}
