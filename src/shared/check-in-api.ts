// The conversation between the check-in view of the sidebar and the server: what each google.script.run call
// sends and what it answers. Payloads come from a browser and are untrusted, so the server parses them with
// these schemas; answers are plain JSON (no Date).

import * as z from 'zod/mini';
import type { CheckInNote } from '../core/check-in/check-in-notes';
import type { CheckInProblem, FedValueProblem } from '../core/check-in/check-in-read';
import type { DealField } from '../core/deals/deal';
import type { Lang } from '../core/i18n';
import type { DisplayUnit } from '../core/number-format';
import { type LazyOutput, lazySchema } from './lazy-schema';

/** Which check-in tab a call is about: its sheet id, as the state gave it; absent means the active tab. */
export const checkInRefSchema = lazySchema(() =>
  z.object({
    sheetId: z.optional(z.int()),
  }),
);
export type CheckInRef = LazyOutput<typeof checkInRefSchema>;

/** The payload of `startCheckIn`: the OKR sheet of the quarter to check in to (the open one offered). */
export const startCheckInSchema = lazySchema(() =>
  z.object({
    quarterSheetId: z.int(),
  }),
);
export type StartCheckInPayload = LazyOutput<typeof startCheckInSchema>;

/** Longest name accepted as "who recorded": the plan's owner field holds at most 120 characters. */
export const RECORDED_BY_MAX = 120;

/** The payload of `submitCheckIn`: the tab to record, whether replacing its week is agreed, and who records. */
export const submitCheckInSchema = lazySchema(() =>
  z.object({
    sheetId: z.optional(z.int()),
    /** The user agreed to record again a week already in History (its rows are replaced). */
    replace: z.optional(z.boolean()),
    /** Who records: one of the tab's key-result owners, picked in the sidebar; blank or absent for nobody. */
    recordedBy: z.optional(z.string().check(z.maxLength(RECORDED_BY_MAX))),
  }),
);
export type SubmitCheckInPayload = LazyOutput<typeof submitCheckInSchema>;

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
  /** The key results' owners as the tab lists them, in order, each once: who may be named as recording. */
  owners: string[];
  /** Key results whose value a formula gives (read-only), with this week's value or why there is none. */
  fed?: FedKeyResult[];
}

/** A key result fed by a formula, as the check-in shows it: its value now, or a code saying why it has none. */
export interface FedKeyResult {
  id: string;
  title: string;
  value: number | null;
  unit: DisplayUnit;
  currency?: string;
  /** Fed by the Deals sheet (else by the user's own formula). */
  deals: boolean;
  problem: FedValueProblem | null;
}

/** The check-in view's state: the tab it is about, or why there is none (a code the view words). */
export interface CheckInState {
  lang: Lang;
  tab: CheckInTabState | null;
  /** When there is no tab: why (`noTab`, `tabGone`, `badRequest`); `null` when there is a tab. */
  notice: CheckInNote | null;
}

/** A key result whose `current` cell in the OKR sheet holds the user's own formula: left alone. */
export interface SkippedFormulaCell {
  keyResultId: string;
  /** The cell's row and column in the OKR sheet (1-based). */
  row: number;
  column: number;
}

/**
 * A row of the check-in tab that could not be recorded, and why: the check-in reader's own type (its message
 * is the reader's, in the tab's language); row 0 for the tab as a whole.
 */
export type CheckInRowProblem = CheckInProblem;

/** What recording did: counts, lists and codes, no sentences (the sidebar, the menu and the CLI word them). */
export interface CheckInRecording {
  /** The tab recorded, as it now is. */
  tab: CheckInTabState;
  week: number;
  /** How many key results went into History. */
  recorded: number;
  /** History rows of this week that were there before and were replaced; 0 for a first recording. */
  replaced: number;
  /** Who was recorded as recording ('' when nobody was picked). */
  recordedBy: string;
  skippedFormulaCells: SkippedFormulaCell[];
  /** Key results with nothing typed this week: not recorded. */
  skippedBlank: string[];
  /** Rows of the tab that could not be read: not recorded. */
  problems: CheckInRowProblem[];
  /** Anything else worth saying (a key result no longer in the OKR sheet, say), as codes. */
  notes: CheckInNote[];
  /** The check-in as plain text, ready to paste (the guide's template, in the tab's language). */
  text: string;
}

export type SubmitCheckInResult =
  /** Recorded; `recording.tab` is the tab as it is now (recorded). */
  | { ok: true; recording: CheckInRecording }
  /** The week was recorded before and `replace` was not given: ask, then send `replace: true`. */
  | { ok: false; confirm: true; tab: CheckInTabState }
  /** Nothing was recorded: the payload was wrong, there is no such tab, or recording failed; `tab` when known. */
  | { ok: false; confirm: false; notice: CheckInNote; tab: CheckInTabState | null };

/** What `startCheckIn` did: the tab made or opened, to show as Weekly check-in shows it; or why there is none. */
export type StartCheckInResult = { ok: true; boot: CheckInBoot } | { ok: false; notice: CheckInNote };

export type CheckInTextResult = { ok: true; text: string } | { ok: false; notice: CheckInNote };

/**
 * The payload of `repairDealsFormulas`: the check-in tab whose quarter to repair, and the user's yes. Without
 * `confirm: true` nothing is written (the sidebar asks first: the repair makes a sheet and rewrites formulas).
 */
export const repairDealsSchema = lazySchema(() =>
  z.object({
    sheetId: z.optional(z.int()),
    confirm: z.literal(true),
  }),
);
export type RepairDealsPayload = LazyOutput<typeof repairDealsSchema>;

/** What `repairDealsFormulas` did, as data: the Deals sheet fed from, the KRs rewritten, and the tab as it now is. */
export type RepairDealsResult =
  | {
      ok: true;
      /** The Deals sheet the formulas now read, and whether it was made (empty) by this repair. */
      dealsSheet: string;
      dealsCreated: boolean;
      /** The OKR sheet whose formulas were rewritten. */
      okrSheet: string;
      /** The ids of the key results whose formula was written again. */
      repaired: string[];
      /** Key results whose source needs columns the Deals sheet lacks: left as they were. */
      unfed: { id: string; fields: DealField[] }[];
      tab: CheckInTabState;
    }
  | { ok: false; notice: CheckInNote };

/**
 * What the server writes into the sidebar page when a menu item opens it on the check-in view: the tab, and
 * what the menu item already did (generated the tab, or recorded it).
 */
export interface CheckInBoot {
  sheetId: number | null;
  /** "Weekly check-in" made the tab (`created`) or opened the existing one; what it has to tell, as codes. */
  generated?: { created: boolean; notes: CheckInNote[] };
  recording?: CheckInRecording;
}

// The attribute carrying a CheckInBoot lives with the page's other attributes; named here too for the CLI.
export { CHECK_IN_BOOT_ATTRIBUTE } from './sidebar-page';
