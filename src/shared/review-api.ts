// The monthly review, between the server and what words it (the menu, the CLI): the payload of
// `generateReview`, validated on arrival like every google.script.run payload, and its answer as codes and
// numbers (JSON-safe, no Date, no words).

import * as z from 'zod/mini';
import type { MonthlyReview } from '../core/review/review';
import { type LazyOutput, lazySchema } from './lazy-schema';

export const generateReviewPayloadSchema = lazySchema(() =>
  z.object({
    /** The month to review, `YYYY-MM`; the month of `asOf` by default. */
    month: z.optional(z.string()),
    /** The day the review is made (ISO); today in the spreadsheet's time zone by default. */
    asOf: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
);
export type GenerateReviewPayload = LazyOutput<typeof generateReviewPayloadSchema>;

/** What is worth saying about a review, as codes. */
export type ReviewNote =
  | { code: 'nameTaken'; name: string; newName: string }
  | { code: 'brokenOkrRow'; row: number; message: string }
  /** Rows of the Deals sheet that do not read as deals (left out of the figures), the first few named. */
  | { code: 'unreadableDeals'; count: number; rows: number[] };

export type GenerateReviewResult =
  | {
      ok: true;
      /** True when the tab was written now; false when it existed and was opened (never rewritten). */
      created: boolean;
      quarter: string;
      month: string;
      sheetId: number;
      sheetName: string;
      /** The review as computed now from History and Deals (what the CLI prints). */
      review: MonthlyReview;
      notes: ReviewNote[];
    }
  | { ok: false; code: 'badRequest' | 'noQuarter' }
  | { ok: false; code: 'badMonth'; month: string }
  | { ok: false; code: 'monthOutsideQuarter'; month: string; quarter: string; months: string[] }
  | { ok: false; code: 'unreadable'; sheetName: string; problems: { row: number; message: string }[] };
