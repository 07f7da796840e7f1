// The conversation of `importDeals`: what a caller (the CLI today, a sidebar later) sends and what it answers.
// A payload is untrusted, so the server parses it with this schema; the cells stay text, for the core's one
// reader to read with the decimal mark the caller knows (a CSV's), and the answer is codes and parameters.

import * as z from 'zod/mini';
import type { DealColumns, DealProblem } from '../core/deals/deal';
import type { Lang } from '../core/i18n';
import { type LazyOutput, lazySchema } from './lazy-schema';

/** At most this many rows in one import: far above a team's quarter, far below Sheets' cell limit. */
export const MAX_DEAL_ROWS = 50_000;

export const importDealsSchema = lazySchema(() =>
  z.object({
    header: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200)),
    rows: z
      .array(
        z.object({
          /** The number messages give the row: its line in the file. */
          row: z.int(),
          cells: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(200)),
        }),
      )
      .check(z.maxLength(MAX_DEAL_ROWS)),
    /** The decimal mark of the numbers (a `;` CSV writes `,`); the spreadsheet's when absent. */
    decimal: z.optional(z.enum(['.', ','])),
  }),
);
export type ImportDealsPayload = LazyOutput<typeof importDealsSchema>;

/** How the header row was understood: the matched columns by field, the required ones missing, the extras. */
export type ImportColumns = Pick<DealColumns, 'missing'> & {
  matched: { field: DealColumns['matched'][number]['field']; header: string }[];
  extra: string[];
};

export type ImportDealsResult =
  | {
      ok: true;
      lang: Lang;
      sheetName: string;
      /** The Deals sheet was made by this import. */
      created: boolean;
      /** Deals of the export written. */
      imported: number;
      /** Of them, rows of the sheet replaced (same deal id). */
      replaced: number;
      /** Rows of the sheet the export did not name, kept. */
      kept: number;
      columns: ImportColumns;
    }
  | { ok: false; lang: Lang; problems: DealProblem[]; columns: ImportColumns | null };
