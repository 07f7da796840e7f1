// What the sidebar remembers across a reload of its own frame: the view it showed (New quarter, Settings,
// check-in, company roll-up) and, once a quarter sheet was built, that done screen, so a reload does not greet
// the manager with an empty New quarter form that invites building the same quarter twice.
//
// Kept in the frame's sessionStorage, under the opening the server stamped into the page (`data-opened` on
// <body>, new for every menu click). A reload of the frame serves the same page, so the same opening finds
// its view again; a new menu click is a new opening and shows what was asked for. sessionStorage rather
// than a user property through a server call: the view is only worth remembering within one tab's sidebar
// (reloading the spreadsheet closes the sidebar anyway), it costs no round trip before the first paint, and
// it needs no new server function. Where the browser refuses storage, the sidebar simply opens the view the
// menu asked for. What comes back from storage is checked field by field before it is used.

import type { QuarterDone } from './quarter-store';

export type View = 'quarter' | 'settings' | 'check-in' | 'deals' | 'rollup';

export const VIEWS: readonly View[] = ['quarter', 'settings', 'check-in', 'deals', 'rollup'];

/** The key under which the sidebar keeps what it showed. */
export const SESSION_KEY = 'okr-sheets.sidebar';

/** What one opening of the sidebar shows now. */
export interface Shown {
  opening: string;
  view: View;
  /** The quarter sheet built in this opening, when the New quarter view shows its done screen. */
  done?: QuarterDone;
}

/** The storage the sidebar may use; `null` where the browser refuses it. */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem'> | null;

/** What this opening showed before a reload; `null` for a new opening or nothing readable. */
export function recall(storage: SessionStore, opening: string): Shown | null {
  if (!storage || !opening) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object') return null;
  const { opening: storedOpening, view, done } = stored as Record<string, unknown>;
  if (storedOpening !== opening) return null;
  const known = VIEWS.find((each) => each === view);
  if (!known) return null;
  return isDone(done) && known === 'quarter' ? { opening, view: known, done } : { opening, view: known };
}

/** Remembers what this opening shows now; a refused or full storage only means no memory. */
export function remember(storage: SessionStore, shown: Shown): void {
  if (!storage || !shown.opening) return;
  try {
    storage.setItem(SESSION_KEY, JSON.stringify(shown));
  } catch {
    // Nothing to do: the sidebar works without memory, it only opens the menu's view after a reload.
  }
}

/** The frame's sessionStorage, or `null` when the browser refuses it (sandboxed frames may throw on access). */
export function sessionStore(): SessionStore {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isDone(value: unknown): value is QuarterDone {
  if (!value || typeof value !== 'object') return false;
  const { sheetName, warnings, initiativesSheetName } = value as Record<string, unknown>;
  return (
    typeof sheetName === 'string' &&
    (initiativesSheetName === undefined || typeof initiativesSheetName === 'string') &&
    Array.isArray(warnings) &&
    warnings.every((warning): warning is string => typeof warning === 'string')
  );
}
