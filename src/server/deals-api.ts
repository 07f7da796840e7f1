// The Deals sheet's server functions: the menu item "Deals sheet" (opens the sheet, or creates it when the
// spreadsheet has none) and `importDeals`, which reads a CRM export through the core (header matching and the
// one number reader), and writes it into the Deals sheet only when every row reads: all rows or none. The
// answer is codes and parameters; the CLI and the menu put them into words.

import { decimalMarkOf } from '../core/cell-values';
import { readDeals } from '../core/deals/deal';
import { dealText } from '../core/deals/deal-texts';
import { type DealsTable, layoutDealsSheet, mergeDeals, tableOfSheet } from '../core/deals/deals-sheet';
import type { Lang } from '../core/i18n';
import { type ImportColumns, type ImportDealsResult, importDealsSchema } from '../shared/deals-api';
import { createDealsSheet, findDealsSheet, readDealsValues, writeDealsLayout } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import { spreadsheetLang } from './language';
import { readSettings } from './settings';

const EMPTY: DealsTable = { extraHeaders: [], rows: [] };

/** Menu item Deals sheet: opens the Deals sheet, or creates it (empty, headers in the sheet's language). */
export function showDealsSheet(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  const { sheet, created } = withDocumentLock(() => {
    const found = findDealsSheet(spreadsheet);
    if (found) return { sheet: found, created: false };
    const currency = readSettings(spreadsheet.getSpreadsheetLocale()).currency;
    return { sheet: createDealsSheet(spreadsheet, layoutDealsSheet({ lang, currency, table: EMPTY })), created: true };
  });
  sheet.activate();
  spreadsheet.toast(
    dealText(lang, created ? 'created' : 'opened', { name: sheet.getName() }),
    dealText(lang, 'menuItem'),
  );
}

/** Imports a CRM export into the Deals sheet (made when missing): every row, or none when any has a problem. */
export function importDeals(payload: unknown): ImportDealsResult {
  const lang: Lang = spreadsheetLang();
  const parsed = importDealsSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, lang, problems: [{ code: 'noRows' }], columns: null };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { header, rows } = parsed.data;
  const decimal = parsed.data.decimal ?? decimalMarkOf(spreadsheet.getSpreadsheetLocale());
  const reading = readDeals(header, rows, decimal);
  const columns: ImportColumns = {
    matched: reading.columns.matched.map(({ field, header: title }) => ({ field, header: title })),
    missing: reading.columns.missing,
    extra: reading.columns.extra.map((column) => column.header),
  };
  if (reading.problems.length > 0) return { ok: false, lang, problems: reading.problems, columns };
  return withDocumentLock((): ImportDealsResult => {
    const currency = readSettings(spreadsheet.getSpreadsheetLocale()).currency;
    // Read inside the lock: a deal someone typed a moment ago is merged, not written over.
    const existing = findDealsSheet(spreadsheet);
    const table = existing ? tableOfSheet(readDealsValues(existing)) : EMPTY;
    const merged = mergeDeals(table, reading, lang);
    const layout = layoutDealsSheet({ lang, currency, table: merged.table });
    let sheet = existing;
    if (sheet) writeDealsLayout(sheet, layout);
    else sheet = createDealsSheet(spreadsheet, layout);
    return {
      ok: true,
      lang,
      sheetName: sheet.getName(),
      created: existing === null,
      imported: reading.deals.length,
      replaced: merged.replaced,
      kept: merged.kept,
      columns,
    };
  });
}
