/// <reference lib="dom" />
// A typed, promise-based google.script.run. Each call gets its own runner (handlers are per call), a server
// exception rejects the promise with an Error carrying the server's message, and outside Google Sheets
// (a page opened by hand) every call rejects with a clear message instead of a TypeError.

import type { SidebarApi } from '../shared/sidebar-api';

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
export function callServer<Name extends keyof SidebarApi>(
  name: Name,
  ...args: Parameters<SidebarApi[Name]>
): Promise<ReturnType<SidebarApi[Name]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new ServerError('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[Name]>))
      .withFailureHandler((error) => reject(new ServerError(errorMessage(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new ServerError(`${name} is not a server function`));
      return;
    }
    fn.apply(runner, args);
  });
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
