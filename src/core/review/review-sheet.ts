// The Monthly review tab as data, the way src/core/sheet-spec.ts describes every sheet the add-on lays out:
// its sections top to bottom (key results with a sparkline each, deals against last month, won and lost
// deals with the loss reasons counted, forecast error, corrections, feedback), the number formats, fills,
// dropdowns, notes and metadata, and the region markers that find its sections again. Values the review
// takes from History and Deals are written as numbers the core worked out; what follows from them (changes,
// totals, the sparklines) are portable formulas in the `;` dialect (src/core/formula-text.ts), so Sheets,
// LibreOffice and HyperFormula recompute them from the cells.

import { call } from '../formula-text';
import type { Lang } from '../i18n';
import { a1, a1Range, formula, number, type SheetCell, text } from '../okr-sheet/cells';
import { unitFormat } from '../okr-sheet/layout';
import {
  DATE_FORMAT,
  FILL,
  type MetadataSpec,
  PERCENT_FORMAT,
  type SheetSpec,
  sheetGrids,
  type ValidationSpec,
} from '../sheet-spec';
import type { DealFigures, MonthlyReview } from './review';
import { reviewText } from './review-texts';

/** Metadata of a review tab: the sheet-level key a finder asks for (value `<quarter>|<month>`), its info. */
export const REVIEW_METADATA = {
  key: 'okr.review',
  info: 'okr.review.info',
  regionStart: 'okr.review.regionStart',
  regionEnd: 'okr.review.regionEnd',
} as const;

/** The value of a review tab's `okr.review` metadata: one finder query finds a quarter's month. */
export function reviewKey(quarter: string, month: string): string {
  return `${quarter}|${month}`;
}

/** The sections of the tab, each found again by a start and an end marker. */
export const REVIEW_REGIONS = [
  'keyResults',
  'deals',
  'closedDeals',
  'lossReasons',
  'forecastErrors',
  'corrections',
  'feedback',
] as const;
export type ReviewRegion = (typeof REVIEW_REGIONS)[number];
export interface RegionRows {
  row: number;
  rows: number;
}

/** Empty rows a team fills in during the review. */
export const CORRECTION_ROWS = 5;
export const FEEDBACK_ROWS = 5;
/** The first column of the weekly values the sparkline draws. */
export const FIRST_WEEK_COLUMN = 7;

export interface ReviewSheetInput {
  lang: Lang;
  currency: string;
  review: MonthlyReview;
  /** The quarter's key-result ids: the corrections' dropdown. */
  keyResultIds: readonly string[];
  /** The day the review was made (ISO). */
  madeOn: string;
}

export interface ReviewSheetLayout extends SheetSpec {
  name: string;
  regions: Record<ReviewRegion, RegionRows>;
}

/** Lays out the Monthly review tab of `input.review`. */
export function layoutReviewSheet(input: ReviewSheetInput): ReviewSheetLayout {
  const { lang, review } = input;
  const t = (key: Parameters<typeof reviewText>[1], params: Record<string, string | number> = {}) =>
    reviewText(lang, key, params);
  const weeks = review.weeks.length;
  const lastColumn = FIRST_WEEK_COLUMN - 1 + Math.max(1, weeks);
  const moneyFormat = unitFormat('currency', input.currency, lang);

  // Every row first as a list of cells with its look, then poured into the grids.
  type Row = { cells: SheetCell[]; look: 'title' | 'section' | 'header' | 'input' | 'plain'; formats?: string[] };
  const rows: Row[] = [];
  const regions = {} as Record<ReviewRegion, RegionRows>;
  const validations = new Map<number, ValidationSpec>();
  const notes: { a1: string; note: string }[] = [];
  const add = (row: Row) => rows.push(row) && rows.length;
  const section = (title: string) => add({ cells: [text(title)], look: 'section' });
  const header = (titles: string[]) => add({ cells: titles.map(text), look: 'header' });
  const region = (name: ReviewRegion, first: number) => {
    regions[name] = { row: first, rows: rows.length - first + 1 };
  };
  const spacer = () => add({ cells: [], look: 'plain' });

  add({ cells: [text(t('title', { month: review.month, quarter: review.quarter }))], look: 'title' });
  add({ cells: [text(t('agenda'))], look: 'plain' });
  add({ cells: [text(t('summaryNote', { day: input.madeOn }))], look: 'plain' });
  spacer();

  // 1. Key results: the month's first and last value, the change and a sparkline over the weekly values.
  section(t('sec_keyResults'));
  header([
    t('kr_id'),
    t('kr_title'),
    t('kr_first'),
    t('kr_last'),
    t('kr_change'),
    t('kr_trend'),
    ...(weeks === 0 ? [t('noWeeks', { month: review.month })] : review.weeks.map((week) => t('kr_week', { week }))),
  ]);
  const krFirst = rows.length + 1;
  for (const kr of review.keyResults) {
    const row = rows.length + 1;
    const [first, last] = [a1(row, 3), a1(row, 4)];
    const values = a1Range(row, FIRST_WEEK_COLUMN, row, lastColumn);
    add({
      cells: [
        text(kr.id),
        text(kr.title),
        kr.first === null ? null : number(kr.first),
        kr.last === null ? null : number(kr.last),
        formula(`=${call('IF', call('OR', `${first}=""`, `${last}=""`), '""', `${last}-${first}`)}`),
        weeks === 0 ? null : formula(`=${call('IFERROR', call('SPARKLINE', values), '""')}`),
        ...kr.values.map((value) => (value === null ? null : number(value))),
      ],
      look: 'plain',
      formats: [
        'General',
        'General',
        kr.numberFormat,
        kr.numberFormat,
        kr.numberFormat,
        'General',
        ...kr.values.map(() => kr.numberFormat),
      ],
    });
  }
  region('keyResults', krFirst);
  spacer();

  // 2. Deals: this month against last month, the change a formula of the two.
  section(t('sec_deals', { month: review.month, previous: review.previousMonth }));
  const dealsFirst = rows.length + 1;
  if (review.deals) {
    header([t('deal_measure'), review.month, review.previousMonth, t('deal_change')]);
    const { thisMonth, lastMonth } = review.deals;
    const measure = (label: string, of: (figures: DealFigures) => number | null, format: string) => {
      const row = rows.length + 1;
      const [now, before] = [of(thisMonth), of(lastMonth)];
      add({
        cells: [
          text(label),
          now === null ? null : number(now),
          before === null ? null : number(before),
          formula(
            `=${call('IF', call('OR', `${a1(row, 2)}=""`, `${a1(row, 3)}=""`), '""', `${a1(row, 2)}-${a1(row, 3)}`)}`,
          ),
        ],
        look: 'plain',
        formats: ['General', format, format, format],
      });
    };
    measure(t('winRate'), (f) => f.winRate, PERCENT_FORMAT);
    measure(t('salesCycle'), (f) => f.salesCycle, '0.0');
    measure(t('averageDealValue'), (f) => f.averageDealValue, moneyFormat);
    measure(t('wonCount'), (f) => f.won, '0');
    measure(t('lostCount'), (f) => f.lost, '0');
  } else {
    add({ cells: [text(t('noDealsSheet'))], look: 'plain' });
  }
  region('deals', dealsFirst);
  spacer();

  // 3. The month's won and lost deals, then the loss reasons counted.
  section(t('sec_closedDeals', { month: review.month }));
  header([
    t('closed_deal'),
    t('closed_owner'),
    t('closed_amount'),
    t('closed_outcome'),
    t('closed_date'),
    t('closed_reason'),
  ]);
  const closedFirst = rows.length + 1;
  if (review.closedDeals.length === 0)
    add({ cells: [text(t('noClosedDeals', { month: review.month }))], look: 'plain' });
  for (const deal of review.closedDeals) {
    add({
      cells: [
        text(deal.deal),
        text(deal.owner),
        deal.amount === null ? null : number(deal.amount),
        text(t(deal.outcome)),
        number(deal.closed),
        deal.lossReason === '' ? null : text(deal.lossReason),
      ],
      look: 'plain',
      formats: ['General', 'General', moneyFormat, 'General', DATE_FORMAT, 'General'],
    });
  }
  region('closedDeals', closedFirst);
  spacer();

  section(t('sec_lossReasons'));
  header([t('reason'), t('reasonCount')]);
  const reasonsFirst = rows.length + 1;
  for (const { reason, count } of review.lossReasons) {
    add({
      cells: [text(reason === '' ? t('noReason') : reason), number(count)],
      look: 'plain',
      formats: ['General', '0'],
    });
  }
  const reasonsLast = rows.length;
  add({
    cells: [
      text(t('total')),
      formula(reasonsLast >= reasonsFirst ? `=${call('SUM', a1Range(reasonsFirst, 2, reasonsLast, 2))}` : '=0'),
    ],
    look: 'header',
    formats: ['General', '0'],
  });
  region('lossReasons', reasonsFirst);
  spacer();

  // 4. Forecast error (./review.ts `forecastErrorRows`); "—" until History holds forecasts to compare.
  section(t('sec_forecastErrors'));
  const feHeader = header([t('fe_kr'), t('fe_four'), t('fe_eight')]);
  notes.push({ a1: a1(feHeader, 1), note: t('forecastNote') });
  const feFirst = rows.length + 1;
  if (review.forecastErrors.length === 0) add({ cells: [text(t('noForecasts'))], look: 'plain' });
  for (const error of review.forecastErrors) {
    add({
      cells: [
        text(error.id),
        error.fourWeeks === null ? null : number(error.fourWeeks),
        error.eightWeeks === null ? null : number(error.eightWeeks),
      ],
      look: 'plain',
      formats: ['General', PERCENT_FORMAT, PERCENT_FORMAT],
    });
  }
  region('forecastErrors', feFirst);
  spacer();

  // 5. Corrections for next month: typed in the review, each tied to a KR (dropdown) or an initiative (typed).
  section(t('sec_corrections'));
  header([t('corr_text'), t('corr_link'), t('corr_owner'), t('corr_due')]);
  const corrFirst = rows.length + 1;
  const linkRule: ValidationSpec | null =
    input.keyResultIds.length === 0
      ? null
      : { kind: 'list', values: [...input.keyResultIds], allowInvalid: true, help: t('corr_help') };
  for (let index = 0; index < CORRECTION_ROWS; index++) {
    const row = add({ cells: [], look: 'input', formats: ['General', 'General', 'General', DATE_FORMAT] });
    if (linkRule) validations.set(row, linkRule);
  }
  region('corrections', corrFirst);
  spacer();

  // 6. Feedback for the team.
  section(t('sec_feedback'));
  header([t('fb_text'), t('fb_for')]);
  const fbFirst = rows.length + 1;
  for (let index = 0; index < FEEDBACK_ROWS; index++) add({ cells: [], look: 'input' });
  region('feedback', fbFirst);

  const lastRow = rows.length;
  const grids = sheetGrids(lastRow, lastColumn);
  const lookFill = {
    title: FILL.plain,
    section: FILL.section,
    header: FILL.header,
    input: FILL.input,
    plain: FILL.plain,
  };
  rows.forEach((row, index) => {
    const r = index + 1;
    const width =
      row.look === 'input' ? 4 : row.look === 'section' || row.look === 'title' ? lastColumn : row.cells.length;
    for (let column = 1; column <= lastColumn; column++) {
      const cell = row.cells[column - 1];
      if (cell !== undefined) grids.put(r, column, cell);
      const format = row.formats?.[column - 1];
      if (format) grids.setFormat(r, column, format);
      if (row.look === 'title' || row.look === 'section' || row.look === 'header') {
        if (column <= width) grids.bold(r, column);
      }
      if (column <= width) grids.fill(r, column, lookFill[row.look]);
    }
  });
  // Computed cells of the key-result and deals tables in the computed look.
  for (const name of ['keyResults', 'deals'] as const) {
    const { row, rows: count } = regions[name];
    for (let r = row; r < row + count; r++) {
      const cells = rows[r - 1]?.cells ?? [];
      cells.forEach((cell, index) => {
        if (cell && 'formula' in cell) grids.fill(r, index + 1, FILL.computed);
      });
    }
  }

  const validationGrid = grids.grid<ValidationSpec | null>(null);
  for (const [row, rule] of validations) (validationGrid[row - 1] as (ValidationSpec | null)[])[1] = rule;

  const sheetMetadata: MetadataSpec[] = [
    { key: REVIEW_METADATA.key, value: reviewKey(review.quarter, review.month) },
    { key: REVIEW_METADATA.info, value: JSON.stringify({ version: 1, quarter: review.quarter, month: review.month }) },
  ];
  return {
    name: t('tabName', { month: review.month }),
    ...grids.drawn(),
    validations: validationGrid,
    conditionalRules: [],
    notes,
    sheetMetadata,
    columnWidths: [
      { column: 1, width: 220 },
      { column: 2, width: 240 },
      { column: 3, width: 120 },
      { column: 4, width: 120 },
      { column: 5, width: 100 },
      { column: 6, width: 140 },
    ],
    regions,
  };
}

/** One single-row marker: the whole row `row` carries it; the region's first (or last) row is `row + offset`. */
export interface ReviewRegionMarker {
  key: typeof REVIEW_METADATA.regionStart | typeof REVIEW_METADATA.regionEnd;
  value: string;
  row: number;
}

/**
 * The markers of the tab's regions: a start marker on the row above each region (its section's header) and
 * an end marker on the row below (the spacer), or on its own first or last row where there is none. A row
 * location may span one row only (see src/core/check-in/check-in-regions.ts), hence two markers a region.
 */
export function reviewRegionMarkers(regions: Record<ReviewRegion, RegionRows>, lastRow: number): ReviewRegionMarker[] {
  return REVIEW_REGIONS.flatMap((name): ReviewRegionMarker[] => {
    const { row, rows } = regions[name];
    const last = row + rows - 1;
    const startOffset = row > 1 ? 1 : 0;
    const endOffset = last < lastRow ? -1 : 0;
    return [
      { key: REVIEW_METADATA.regionStart, value: `${name}:${startOffset}`, row: row - startOffset },
      { key: REVIEW_METADATA.regionEnd, value: `${name}:${endOffset}`, row: last - endOffset },
    ];
  });
}

/** Each region's rows from the markers found on the tab (as row, key and value); the first of a kind wins. */
export function reviewRegionsFromMarkers(
  found: readonly { key: string; value: string | null; row: number }[],
): Partial<Record<ReviewRegion, RegionRows>> {
  const starts = new Map<ReviewRegion, number>();
  const ends = new Map<ReviewRegion, number>();
  for (const { key, value, row } of found) {
    const marks = key === REVIEW_METADATA.regionStart ? starts : key === REVIEW_METADATA.regionEnd ? ends : null;
    const match = /^([A-Za-z]+):(-?\d+)$/.exec(value ?? '');
    if (!marks || !match || !(REVIEW_REGIONS as readonly string[]).includes(match[1] as string)) continue;
    const name = match[1] as ReviewRegion;
    if (!marks.has(name)) marks.set(name, row + Number(match[2]));
  }
  const regions: Partial<Record<ReviewRegion, RegionRows>> = {};
  for (const name of REVIEW_REGIONS) {
    const [first, last] = [starts.get(name), ends.get(name)];
    if (first !== undefined && last !== undefined && last >= first - 1)
      regions[name] = { row: first, rows: last - first + 1 };
  }
  return regions;
}
