// The Deals sheet as data, the way src/core/sheet-spec.ts describes every sheet: a header row in the sheet's
// language, one row per deal with the deal's columns in a fixed order (the add-on's own columns first, then
// every extra column an export brought, kept as it was), number formats per column, dropdowns for the outcome
// and the forecast category, and a computed weighted amount the check-in's two-week forecast sums.
// `mergeDeals` decides what an import does to the rows already there: a deal of the export replaces the row
// of the same id, a row the export does not name stays, a new deal is added at the end. Nothing is lost.

import { isBlank } from '../cell-values';
import { call } from '../formula-text';
import type { Lang } from '../i18n';
import { a1, columnLetter, formula, number, type SheetCell, text } from '../okr-sheet/cells';
import { unitFormat } from '../okr-sheet/layout';
import { DATE_FORMAT, FILL, PERCENT_FORMAT, type SheetSpec, sheetGrids, type ValidationSpec } from '../sheet-spec';
import { DEAL_FIELDS, type Deal, type DealField, type DealReading, fold, matchDealColumns } from './deal';
import { categoryWord, dealHeader, dealText, outcomeWord } from './deal-texts';

export const DEALS_METADATA = { kind: 'okr.kind', kindValue: 'okr-deals' } as const;

/** Empty rows below the deals, formatted and with the weighted formula, ready for pasting or typing. */
export const SPARE_ROWS = 100;

/** The 1-based column of a field in a sheet the add-on laid out. */
export function dealColumn(field: DealField): number {
  return DEAL_FIELDS.indexOf(field) + 1;
}

/** A row of the Deals sheet before it meets Sheets: the add-on's columns, then the extra columns. */
export interface DealsSheetRow {
  /** Lowercased id (or name) the merge compares; '' for a row with neither. */
  key: string;
  fields: Partial<Record<DealField, SheetCell>>;
  /** By folded extra header. */
  extra: Map<string, SheetCell>;
}

export interface DealsTable {
  /** Headers of the extra columns, in order. */
  extraHeaders: string[];
  rows: DealsSheetRow[];
}

/** What an existing sheet's value is as a cell to write back: numbers stay numbers, the rest text. */
function cellOf(value: unknown): SheetCell {
  if (isBlank(value)) return null;
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return text(value ? 'TRUE' : 'FALSE');
  return text(String(value));
}

/** The rows of a Deals sheet as they stand (header row first), for merging an import into them. */
export function tableOfSheet(values: readonly (readonly unknown[])[]): DealsTable {
  const [header = [], ...rows] = values;
  const columns = matchDealColumns(header);
  const extraHeaders = columns.extra.map((column) => column.header);
  const table: DealsTable = { extraHeaders, rows: [] };
  for (const cells of rows) {
    if (cells.every(isBlank)) continue;
    const fields: Partial<Record<DealField, SheetCell>> = {};
    for (const { field, column } of columns.matched) if (field !== 'weighted') fields[field] = cellOf(cells[column]);
    const extra = new Map(columns.extra.map((column) => [fold(column.header), cellOf(cells[column.column])]));
    const id = textIn(fields.id) || textIn(fields.deal);
    table.rows.push({ key: id.toLowerCase(), fields, extra });
  }
  return table;
}

function textIn(cell: SheetCell | undefined): string {
  if (!cell) return '';
  if ('text' in cell) return cell.text.trim();
  if ('number' in cell) return String(cell.number);
  return '';
}

/** A deal as a row of the sheet: numbers as numbers, days as serial days, words in the sheet's language. */
export function rowOfDeal(deal: Deal, extraHeaders: readonly string[], lang: Lang): DealsSheetRow {
  const maybe = (value: number | null): SheetCell => (value === null ? null : number(value));
  const words = (value: string): SheetCell => (value === '' ? null : text(value));
  return {
    key: deal.id.toLowerCase(),
    fields: {
      id: words(deal.id === deal.deal ? '' : deal.id),
      deal: words(deal.deal),
      owner: words(deal.owner),
      amount: maybe(deal.amount),
      stage: words(deal.stage),
      probability: maybe(deal.probability),
      category: deal.category ? text(categoryWord(lang, deal.category)) : null,
      created: maybe(deal.created),
      closed: maybe(deal.closed),
      outcome: text(outcomeWord(lang, deal.outcome)),
      lossReason: words(deal.lossReason),
    },
    extra: new Map(extraHeaders.map((header, index) => [fold(header), cellOf(deal.extra[index])])),
  };
}

export interface MergeResult {
  table: DealsTable;
  /** Rows of the sheet the export replaced (same id). */
  replaced: number;
  /** Deals the export added. */
  added: number;
  /** Rows of the sheet the export did not name, kept as they were. */
  kept: number;
}

/** An import's deals merged into the sheet's rows: replaced in place by id, kept, or added at the end. */
export function mergeDeals(existing: DealsTable, reading: DealReading, lang: Lang): MergeResult {
  const extraHeaders = [...existing.extraHeaders];
  for (const { header } of reading.columns.extra) {
    if (!extraHeaders.some((known) => fold(known) === fold(header))) extraHeaders.push(header);
  }
  const incoming = new Map<string, DealsSheetRow>();
  const importedExtras = reading.columns.extra.map((column) => column.header);
  for (const deal of reading.deals) incoming.set(deal.id.toLowerCase(), rowOfDeal(deal, importedExtras, lang));
  let replaced = 0;
  const used = new Set<string>();
  const rows = existing.rows.map((row) => {
    const replacement = row.key === '' ? undefined : incoming.get(row.key);
    if (!replacement || used.has(row.key)) return row;
    used.add(row.key);
    replaced++;
    return replacement;
  });
  let added = 0;
  for (const [key, row] of incoming) {
    if (used.has(key)) continue;
    rows.push(row);
    added++;
  }
  return { table: { extraHeaders, rows }, replaced, added, kept: existing.rows.length - replaced };
}

export interface DealsSheetInput {
  lang: Lang;
  currency: string;
  table: DealsTable;
}

export interface DealsSheetLayout extends SheetSpec {
  name: string;
  /** The data rows written (deals), below the header. */
  dealRows: number;
}

/**
 * Lays out the Deals sheet: the header row, the deals, and spare rows. Every row carries the weighted-amount
 * formula, so a deal typed or pasted later has its weighted amount too.
 */
export function layoutDealsSheet(input: DealsSheetInput): DealsSheetLayout {
  const { lang, currency, table } = input;
  const lastColumn = DEAL_FIELDS.length + table.extraHeaders.length;
  const dealRows = table.rows.length;
  const lastRow = 1 + dealRows + SPARE_ROWS;
  const grids = sheetGrids(lastRow, lastColumn);
  const validations = grids.grid<ValidationSpec | null>(null);
  const money = unitFormat('currency', currency, lang);
  const formats: Partial<Record<DealField, string>> = {
    amount: money,
    weighted: money,
    probability: PERCENT_FORMAT,
    created: DATE_FORMAT,
    closed: DATE_FORMAT,
  };
  const outcomes: ValidationSpec = {
    kind: 'list',
    values: (['open', 'won', 'lost'] as const).map((outcome) => outcomeWord(lang, outcome)),
    allowInvalid: true,
    help: dealText(lang, 'helpOutcome'),
  };
  const categories: ValidationSpec = {
    kind: 'list',
    values: (['pipeline', 'bestCase', 'commit', 'closed', 'omitted'] as const).map((c) => categoryWord(lang, c)),
    allowInvalid: true,
    help: dealText(lang, 'helpCategory'),
  };
  const headers = [...DEAL_FIELDS.map((field) => dealHeader(lang, field)), ...table.extraHeaders];
  headers.forEach((header, index) => {
    grids.put(1, index + 1, text(header));
    grids.bold(1, index + 1);
    grids.fill(1, index + 1, FILL.header);
  });
  const [amount, probability] = [dealColumn('amount'), dealColumn('probability')];
  for (let row = 2; row <= lastRow; row++) {
    const dealRow = table.rows[row - 2];
    DEAL_FIELDS.forEach((field, index) => {
      const column = index + 1;
      const format = formats[field];
      if (format) grids.setFormat(row, column, format);
      if (field === 'weighted') {
        const [a, p] = [a1(row, amount), a1(row, probability)];
        grids.put(
          row,
          column,
          formula(`=${call('IF', call('OR', `${a}=""`, `${p}=""`), '""', call('IFERROR', `${a}*${p}`, '""'))}`),
        );
        grids.fill(row, column, FILL.computed);
      } else if (dealRow) grids.put(row, column, dealRow.fields[field] ?? null);
    });
    table.extraHeaders.forEach((header, index) => {
      if (dealRow) grids.put(row, DEAL_FIELDS.length + index + 1, dealRow.extra.get(fold(header)) ?? null);
    });
    (validations[row - 1] as (ValidationSpec | null)[])[dealColumn('outcome') - 1] = outcomes;
    (validations[row - 1] as (ValidationSpec | null)[])[dealColumn('category') - 1] = categories;
  }
  const widths: Partial<Record<DealField, number>> = { deal: 220, owner: 120, stage: 130, lossReason: 180 };
  return {
    name: dealText(lang, 'sheetName'),
    dealRows,
    ...grids.drawn(),
    validations,
    conditionalRules: [],
    notes: [{ a1: `${columnLetter(dealColumn('deal'))}1`, note: dealText(lang, 'headerNote') }],
    sheetMetadata: [{ key: DEALS_METADATA.kind, value: DEALS_METADATA.kindValue }],
    columnWidths: DEAL_FIELDS.map((field, index) => ({ column: index + 1, width: widths[field] ?? 110 })),
  };
}
