// The conversation between the check-in view of the sidebar and the server: what each google.script.run call
// sends and what it answers. Payloads come from a browser and are untrusted, so the server parses them with
// these schemas; answers are plain JSON (no Date).

import * as z from 'zod/mini';
import type { CheckInProblem } from '../core/check-in/check-in-read';
import type { Lang } from '../core/i18n';

/** Which check-in tab a call is about: its sheet id, as the state gave it; absent means the active tab. */
export const checkInRefSchema = z.object({
  sheetId: z.optional(z.int()),
});
export type CheckInRef = z.infer<typeof checkInRefSchema>;

/** The payload of `submitCheckIn`: the tab to record, and whether replacing its week's History rows is agreed. */
export const submitCheckInSchema = z.object({
  sheetId: z.optional(z.int()),
  /** The user agreed to record again a week already in History (its rows are replaced). */
  replace: z.optional(z.boolean()),
});
export type SubmitCheckInPayload = z.infer<typeof submitCheckInSchema>;

/** A check-in tab, as the sidebar shows it. */
export interface CheckInTabState {
  sheetId: number;
  sheetName: string;
  /** "Q2 2027". */
  quarter: string;
  /** Week of the quarter, 1-based. */
  week: number;
  /** ISO dates of the week's Monday and Sunday. */
  monday: string;
  sunday: string;
  /** The week already has rows in History: recording again replaces them. */
  recordedBefore: boolean;
}

/** The check-in view's state: the tab it is about, or why there is none. */
export interface CheckInState {
  lang: Lang;
  tab: CheckInTabState | null;
  /** When there is no tab: what to do, in the user's language. */
  notice: string;
}

/** A key result whose `current` cell in the OKR sheet holds the user's own formula: left alone. */
export interface SkippedFormulaCell {
  keyResultId: string;
  /** A1 address of the cell in the OKR sheet, e.g. `K9`. */
  cell: string;
  /** Its row in the OKR sheet. */
  row: number;
}

/**
 * A row that could not be recorded, and why: a row of the check-in tab or of the OKR sheet (the message
 * says which, in the tab's language); row 0 for the tab as a whole. The reader's own type.
 */
export type CheckInRowProblem = CheckInProblem;

/** What recording did. */
export interface CheckInRecording {
  sheetName: string;
  week: number;
  /** How many key results went into History. */
  recorded: number;
  /** History rows of this week that were there before and were replaced; 0 for a first recording. */
  replaced: number;
  skippedFormulaCells: SkippedFormulaCell[];
  /** Key results with nothing typed this week: not recorded. */
  skippedBlank: string[];
  problems: CheckInRowProblem[];
  /** Anything else worth saying (a key result no longer in the OKR sheet, say), in the tab's language. */
  notes: string[];
  /** The check-in as plain text, ready to paste. */
  text: string;
}

export type SubmitCheckInResult =
  /** Recorded; `state` is the tab as it is now (recorded). */
  | { ok: true; state: CheckInState; recording: CheckInRecording }
  /** The week was recorded before and `replace` was not given: ask, then send `replace: true`. */
  | { ok: false; confirm: true; message: string; state: CheckInState }
  /** Nothing was recorded: the payload was wrong, there is no such tab, or recording failed. */
  | { ok: false; confirm: false; message: string; state: CheckInState | null };

export type CheckInTextResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * What the server writes into the sidebar page when a menu item opens it on the check-in view: the tab, and
 * what the menu item already did (generated the tab, or recorded it).
 */
export interface CheckInBoot {
  sheetId: number | null;
  /** "Weekly check-in" generated the tab (`created`) or opened the existing one; its messages and problems. */
  generated?: { created: boolean; messages: string[]; problems: string[] };
  recording?: CheckInRecording;
}

// The attribute carrying a CheckInBoot lives with the page's other attributes; named here too for the CLI.
export { CHECK_IN_BOOT_ATTRIBUTE } from './sidebar-page';
