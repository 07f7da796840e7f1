// The conversation between the sidebar and the server: what each google.script.run call sends and what it
// answers. Payloads come from a browser and are untrusted, so the server parses them with these schemas
// before using them; answers are plain JSON (no Date: google.script.run refuses it).

import * as z from 'zod/mini';
import type { Lang } from '../core/i18n';
import { type LazyOutput, lazySchema } from './lazy-schema';
import {
  FORMULA_STYLES,
  type FormulaStyle,
  type KINDS,
  type KrSource,
  type Level,
  planSchema,
  type QuarterRef,
  type Unit,
} from './plan';

type KeyResultKind = (typeof KINDS)[number];

/** What happens to a key result of the previous quarter: carried over (new start = its last value), kept, dropped. */
export const CARRY_CHOICES = ['carry', 'keep', 'drop'] as const;
export type CarryChoice = (typeof CARRY_CHOICES)[number];

/** The payload of `submitQuarter`: the plan, and what to do with the previous quarter's key results. */
export const submitPayloadSchema = lazySchema(() =>
  z.object({
    plan: planSchema(),
    /** The previous quarter's sheet the choices refer to; it is frozen once the new quarter is built. */
    previousSheetId: z.optional(z.nullable(z.int())),
    /** Key result id of the previous quarter → choice. */
    carryOver: z.optional(z.record(z.string().check(z.maxLength(20)), z.enum(CARRY_CHOICES))),
    /** Replace a sheet of the same quarter instead of creating the next free name. */
    replaceExisting: z.optional(z.boolean()),
  }),
);
export type SubmitPayload = LazyOutput<typeof submitPayloadSchema>;

/** The language choice in Settings: `auto` follows the spreadsheet locale. */
export const LANGUAGE_CHOICES = ['auto', 'pl', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Per-document settings, kept in the document properties. */
export const settingsSchema = lazySchema(() =>
  z.object({
    language: z.enum(LANGUAGE_CHOICES),
    /** Month (1–12) the fiscal year starts in; 1 for calendar quarters. */
    fiscalStartMonth: z.int().check(z.gte(1), z.lte(12)),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    formulaStyle: z.enum(FORMULA_STYLES),
    /** The team name the next quarter starts with. */
    teamName: z.string().check(z.trim(), z.maxLength(300)),
  }),
);
export type Settings = LazyOutput<typeof settingsSchema>;

/** One message for one field of a payload; `path` is dotted (`plan.objectives.0.keyResults.1.target`). */
export interface FieldError {
  path: string;
  message: string;
}

/** A key result of the previous quarter, offered to carry over, keep or drop, with its objective. */
export interface PreviousKeyResult {
  id: string;
  title: string;
  kind: KeyResultKind;
  unit: Unit;
  currency: string | null;
  start: number | null;
  target: number | null;
  /** The last value in the sheet; the new start when carried over (0 instead for a source that restarts). */
  current: number | null;
  /** The Deals source that fed it, read from its formula; `null` when typed or fed by a formula of the user's. */
  source: KrSource | null;
  weight: number;
  owner: string;
  committed: boolean;
  objectiveId: string;
  objectiveTitle: string;
  objectiveLevel: Level;
  /** The company objective the key result's objective supports. */
  objectiveParent: string | null;
  /** Its grade when the quarter was closed (a Grades sheet exists); absent otherwise. */
  grade?: PreviousGrade;
}

/** A key result's grade from the closed quarter's Grades sheet, as codes and numbers. */
export interface PreviousGrade {
  /** The exact final score; `null` when the KR had no value. */
  score: number | null;
  /** The owner's override, when typed with a reason (one without a reason does not count). */
  override: number | null;
  /** The band of the grade that counts (the override, else the final score). */
  band: 'green' | 'yellow' | 'red' | null;
  /** The note typed beside the grade. */
  note: string;
}

/** The quarter sheet a new quarter may continue from (the latest one not yet closed). */
export interface PreviousQuarter {
  sheetName: string;
  sheetId: number;
  /** "Q1 2027". */
  label: string;
  /** The quarter it covers, and what it was built with: the new quarter starts from the same. */
  quarter: QuarterRef;
  team: string;
  levels: Level[];
  currency: string;
  formulaStyle: FormulaStyle;
  keyResults: PreviousKeyResult[];
  /** The closing note of the quarter's Grades sheet; absent when the quarter was not closed. */
  closingNote?: string;
}

/** Everything the sidebar needs to open, in one call. */
export interface SidebarState {
  lang: Lang;
  locale: string;
  /** ISO date of today in the spreadsheet's time zone. */
  today: string;
  settings: Settings;
  /** The new quarter as the form opens: the one after the previous quarter, else after today's. */
  defaults: {
    quarter: QuarterRef;
    team: string;
    levels: Level[];
    currency: string;
    formulaStyle: FormulaStyle;
  };
  previousQuarter: PreviousQuarter | null;
}

export type SubmitResult =
  | {
      ok: true;
      sheetName: string;
      sheetId: number;
      created: boolean;
      warnings: string[];
      /** The Initiatives sheet written beside, when the plan had initiatives or tasks. */
      initiativesSheetName?: string;
    }
  | { ok: false; errors: FieldError[] };

/** The Settings view: the stored settings and the language the add-on speaks with them. */
export interface SettingsState {
  lang: Lang;
  settings: Settings;
}

export type SaveSettingsResult = ({ ok: true } & SettingsState) | { ok: false; errors: FieldError[] };
