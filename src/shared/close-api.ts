// Closing the quarter, between the server and what words it (the menu, the CLI): the payload of
// `closeQuarter`, validated on arrival like every google.script.run payload, and its answer as codes and
// numbers (JSON-safe, no Date, no words).

import * as z from 'zod/mini';
import type { QuarterGrades } from '../core/close/grades';
import type { RefusedOverride } from '../core/close/grades-sheet';
import type { ForecastError } from '../core/forecast-error';
import { type LazyOutput, lazySchema } from './lazy-schema';

export const closeQuarterPayloadSchema = lazySchema(() =>
  z.object({
    /** The day of the close (ISO); today in the spreadsheet's time zone by default. */
    asOf: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
);
export type CloseQuarterPayload = LazyOutput<typeof closeQuarterPayloadSchema>;

/** What is worth saying about a close, as codes. */
export type CloseNote =
  | { code: 'beforeEnd'; quarter: string; end: string }
  | { code: 'nameTaken'; name: string; newName: string }
  | { code: 'brokenOkrRow'; row: number; message: string };

export type CloseQuarterResult =
  | {
      ok: true;
      /** True when the Grades sheet was written now; false when it existed and was opened (never rewritten). */
      created: boolean;
      quarter: string;
      team: string;
      sheetId: number;
      sheetName: string;
      /** The grades computed now; `null` when an existing Grades sheet was opened. */
      grades: QuarterGrades | null;
      /** Per KR, the forecast error written beside its grade; empty when an existing Grades sheet was opened. */
      forecastErrors: ForecastError[];
      /** Overrides in the Grades sheet that do not count (no reason, out of 0–1, no number). */
      refused: RefusedOverride[];
      notes: CloseNote[];
    }
  | { ok: false; code: 'badRequest' | 'noQuarter' }
  | { ok: false; code: 'notStarted'; quarter: string; start: string }
  | { ok: false; code: 'unreadable'; sheetName: string; problems: { row: number; message: string }[] };
