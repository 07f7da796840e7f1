// The dashboard, between the server and what words it (the menu, the CLI): the payload of `buildDashboard`,
// validated on arrival like every google.script.run payload, and its answer as codes and numbers.

import * as z from 'zod/mini';
import type { DashboardChartKind } from '../core/dashboard/dashboard';
import { type LazyOutput, lazySchema } from './lazy-schema';

export const dashboardPayloadSchema = lazySchema(() =>
  z.object({
    /** The day it is built for (ISO); today in the spreadsheet's time zone by default. */
    asOf: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
);
export type DashboardPayload = LazyOutput<typeof dashboardPayloadSchema>;

/** Why a chart is not on the dashboard, as codes. */
export type DashboardNote = { code: 'noHistory' } | { code: 'noInitiatives' };

export type DashboardResult =
  | {
      ok: true;
      /** True when the tab was made now; false when the existing one was rebuilt in place. */
      created: boolean;
      quarter: string;
      sheetId: number;
      sheetName: string;
      charts: DashboardChartKind[];
      keyResults: number;
      weeks: number;
      notes: DashboardNote[];
    }
  | { ok: false; code: 'badRequest' | 'noQuarter' }
  | { ok: false; code: 'unreadable'; sheetName: string; row: number; message: string };
