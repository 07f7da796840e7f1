// The weekly check-in tab as data, the way src/core/okr-sheet/layout.ts lays out the OKR sheet: every cell's
// content, number format, weight and fill, the dropdowns, the colour rules, the metadata and the regions the
// reader finds again. Sections follow the guide's template in its order and wording: a header (title, quarter,
// the week's Monday–Sunday, ISO week, as-of date, expected progress), PIPELINE, OKR STATUS, BLOCKERS and
// PLAN FOR THE WEEK. Wherever the team types, the cells around are formulas, so scores, statuses and flags
// follow as they type; only the snapshot of the quarter (start, target, last recorded value) is written as
// numbers, since a check-in shows the quarter as it stood that week.

import * as z from 'zod/mini';
import { type LazyOutput, lazySchema, parseStoredJson } from '../../shared/lazy-schema';
import { FORMULA_STYLES, type FormulaStyle } from '../../shared/plan';
import { dealText } from '../deals/deal-texts';
import { type DealsSource, pipelineFormulas } from '../deals/pipeline-formulas';
import { call } from '../formula-text';
import type { Lang } from '../i18n';
import { valueDecimals } from '../number-format';
import {
  a1,
  a1Range,
  columnLetter,
  dateFormula,
  formula,
  number,
  quoted,
  type SheetCell,
  text,
} from '../okr-sheet/cells';
import type { ColumnKey } from '../okr-sheet/columns';
import { unitFormat } from '../okr-sheet/layout';
import { addonColumnFormulas, type FormulaPlaces, paceFormula, portableRowFormulas } from '../okr-sheet/sheet-formulas';
import { sheetText, unitWord } from '../okr-sheet/texts';
import { STATUS_EMOJI } from '../pace';
import type { CheckInWeek } from '../quarter';
import type { KeyResultKind } from '../score';
import {
  DATE_FORMAT,
  FILL,
  PERCENT_FORMAT,
  SCORE_FORMAT,
  type SheetSpec,
  sheetGrids,
  type ValidationSpec,
} from '../sheet-spec';
import { type CheckInKeyResult, STALE_AFTER_DAYS } from './check-in';
import { type CheckInTextKey, checkInText } from './check-in-texts';

/** Bumped when the places of the sections or the meaning of a column change. */
export const CHECK_IN_LAYOUT_VERSION = 1;

/** The columns of the OKR STATUS table, in order; the other sections reuse the same columns. */
export const TAB_COLUMN_KEYS = [
  'objective',
  'krId',
  'keyResult',
  'owner',
  'kind',
  'type',
  'unit',
  'start',
  'target',
  'lastValue',
  'lastDate',
  'value',
  'share',
  'score',
  'change',
  'status',
  'confidence',
  'comment',
  'flags',
  'plan',
] as const;
export type TabColumnKey = (typeof TAB_COLUMN_KEYS)[number];

/** Column number (1-based) of a key of the OKR STATUS table. */
/**
 * A cell as a number in a formula: in the add-on style, a text is read by KR_VALUE (only when it is no number,
 * so a sheet of numbers calls no custom function); portable formulas use the cell as it is.
 */
function numberIn(cell: string, style: FormulaStyle): string {
  return style === 'addon' ? call('IF', call('ISNUMBER', cell), cell, call('KR_VALUE', cell)) : cell;
}

export function tabColumn(key: TabColumnKey): number {
  return TAB_COLUMN_KEYS.indexOf(key) + 1;
}

// Each wide enough for its title in both languages (test/okr-sheet/header-fit.test.ts measures them).
const WIDTHS: Record<TabColumnKey, number> = {
  // The plan's "Priority (deal / action)" and "Supports KR" titles sit in these two columns as well.
  objective: 220,
  krId: 95,
  keyResult: 240,
  owner: 110,
  // The pipeline's "Coverage (PIPELINE_COVERAGE)" label runs from the owner column over this one.
  kind: 120,
  type: 110,
  unit: 80,
  start: 90,
  target: 145,
  lastValue: 145,
  lastDate: 110,
  value: 130,
  share: 120,
  score: 60,
  change: 80,
  status: 60,
  confidence: 130,
  comment: 220,
  flags: 280,
  plan: 130,
};

/** A label in one cell and its value in another, on one row of a section. */
export interface LabelledPlace {
  /** Row offset from the first row of the region (0-based). */
  offset: number;
  label: number;
  value: number;
}

// Three label/value pairs side by side (A→C, D→F, H→J): values land in columns wide enough for a date.
const PAIRS = [
  { label: 1, value: 3 },
  { label: 4, value: 6 },
  { label: 8, value: 10 },
] as const;
const place = (offset: number, pair: 0 | 1 | 2): LabelledPlace => ({ offset, ...PAIRS[pair] });

export const HEADER_FIELDS = [
  'quarter',
  'quarterStart',
  'quarterEnd',
  'week',
  'monday',
  'sunday',
  'isoWeek',
  'asOf',
  'expected',
] as const;
export type TabHeaderField = (typeof HEADER_FIELDS)[number];

/** The header region starts at the title row; its fields sit one to three rows below it. */
export const HEADER_PLACES: Record<TabHeaderField, LabelledPlace> = {
  quarter: place(1, 0),
  quarterStart: place(2, 0),
  quarterEnd: place(3, 0),
  week: place(1, 1),
  monday: place(2, 1),
  sunday: place(3, 1),
  isoWeek: place(1, 2),
  asOf: place(2, 2),
  expected: place(3, 2),
};

export const PIPELINE_FIELDS = ['value', 'goal', 'share', 'closed', 'coverage', 'forecast'] as const;
export type PipelineField = (typeof PIPELINE_FIELDS)[number];

export const PIPELINE_PLACES: Record<PipelineField, LabelledPlace> = {
  value: place(0, 0),
  goal: place(0, 1),
  share: place(0, 2),
  closed: place(1, 0),
  coverage: place(1, 1),
  forecast: place(1, 2),
};

/** Columns of the rows to fill in the deals, blockers and plan sections. */
export const DEAL_COLUMNS = { name: 1, nextStep: 3, owner: 4, value: 6 } as const;
export const BLOCKER_COLUMNS = { description: 1, whoCanHelp: 4 } as const;
export const PLAN_COLUMNS = { action: 1, keyResultId: 2, flag: 3, owner: 4 } as const;

export const DEAL_ROWS = 5;
export const BLOCKER_ROWS = 5;
/** The guide's top three priorities. */
export const PLAN_ROWS = 3;

export const REGIONS = ['header', 'pipeline', 'deals', 'keyResults', 'blockers', 'plan'] as const;
export type RegionName = (typeof REGIONS)[number];

/** Where a region's rows are: its first row and how many rows it has (the data rows, below its titles). */
export interface RegionRows {
  row: number;
  rows: number;
}

/** Developer metadata keys of a check-in tab. Values are plain text; `info` is JSON. */
export const CHECK_IN_METADATA = {
  kind: 'okr.kind',
  kindValue: 'okr-check-in',
  quarter: 'okr.quarter',
  week: 'okr.week',
  /** `Q1 2027#5`: one key and value a finder can look for, so the tab of a week is found in one query. */
  key: 'okr.checkIn.key',
  info: 'okr.checkIn.info',
  /** Tabs made before single-row markers (check-in-regions.ts): one metadata over a region's rows; read only. */
  region: 'okr.checkIn.region',
} as const;

/** The value of the `key` metadata of a quarter's week. */
export function checkInKey(quarterLabel: string, week: number): string {
  return `${quarterLabel}#${week}`;
}

/** What the tab remembers of how it was made, as JSON in its metadata. */
export const checkInTabInfoSchema = lazySchema(() =>
  z.object({
    version: z.number(),
    quarter: z.string(),
    start: z.string(),
    end: z.string(),
    week: z.int(),
    monday: z.string(),
    sunday: z.string(),
    asOf: z.string(),
    lang: z.enum(['en', 'pl']),
    style: z.enum(FORMULA_STYLES),
    currency: z.string(),
    okrSheetId: z.number(),
    /** Key results whose value is the OKR sheet's formula, not typed; `deals` when it reads the Deals sheet. */
    auto: z.optional(z.array(z.object({ id: z.string(), deals: z.boolean() }))),
  }),
);
export type CheckInTabInfo = LazyOutput<typeof checkInTabInfoSchema>;

/** The tab info stored in metadata, or `null` when absent or unreadable. */
export function parseCheckInTabInfo(json: string | null | undefined): CheckInTabInfo | null {
  return parseStoredJson(checkInTabInfoSchema, json);
}

/** "Check-in W05" / "Check-in T05". */
export function checkInTabName(week: number, lang: Lang): string {
  return checkInText(lang, 'tabName', { week: String(week).padStart(2, '0') });
}

/**
 * One key result as the check-in shows it: the quarter's snapshot and the last recorded value, the same
 * fields the check-in reads back (CheckInKeyResult) before anything is typed into the week.
 */
export interface TabKeyResult extends Omit<CheckInKeyResult, 'kind' | 'value' | 'confidence' | 'comment'> {
  /** `null` for a row the OKR sheet could not read: it is shown, but not scored. */
  kind: KeyResultKind | null;
  /** Why the OKR sheet's row of this key result could not be read ('' when it could). */
  problem?: string;
  /** The OKR sheet's row, for the problem's message. */
  okrRow?: number;
  /** Its current value is a formula on the OKR sheet (`deals`: one over the Deals sheet): shown, never typed. */
  fedBy?: 'deals' | 'formula';
}

export interface CheckInTabInput {
  lang: Lang;
  style: FormulaStyle;
  currency: string;
  quarter: { label: string; start: string; end: string };
  week: CheckInWeek;
  /** The check-in's day (ISO), within the week. */
  asOf: string;
  okrSheetId: number;
  keyResults: readonly TabKeyResult[];
  /**
   * The OKR sheet's name and the columns of its KR ids and current values: a KR fed by a formula shows the
   * current value found there by its id (sorting the OKR sheet moves nothing here).
   */
  okrSheet?: { name: string; krIdColumn: number; currentColumn: number };
  /** The Deals sheet, when the spreadsheet has one: the pipeline is then computed from it, not typed. */
  deals?: DealsSource | null;
  /**
   * The quarter's initiatives, when it has an Initiatives sheet: a plan item may name one instead of a KR.
   * `idRange` is the absolute range of their ids there (`'Initiatives Q1 2027'!$A$7:$A$16`).
   */
  initiatives?: { ids: readonly string[]; idRange: string };
}

/** Beside the pipeline's pairs: the count of deals in the final stage, when the Deals sheet gives it. */
export const FINAL_STAGE_PLACE: LabelledPlace = { offset: 0, label: 12, value: 13 };

/** `validations` covers the whole tab, from row 1. */
export interface CheckInTabLayout extends SheetSpec {
  lang: Lang;
  name: string;
  regions: Record<RegionName, RegionRows>;
  info: CheckInTabInfo;
  /** The KR rows, in order: the KR id and its row. */
  keyResultRows: { id: string; row: number }[];
}

// The OKR sheet's formula builders speak of its columns; in the check-in, "current" is this week's value.
// Only the keys the score, status and pace formulas read matter; the objective-score keys point at columns
// whose results are never written.
const FORMULA_COLUMNS: Record<ColumnKey, TabColumnKey> = {
  level: 'objective',
  objectiveId: 'krId',
  objective: 'objective',
  krId: 'krId',
  keyResult: 'keyResult',
  owner: 'owner',
  kind: 'kind',
  unit: 'unit',
  start: 'start',
  target: 'target',
  current: 'value',
  weight: 'confidence',
  score: 'score',
  objectiveScore: 'share',
  status: 'status',
  type: 'type',
  parent: 'plan',
  notes: 'comment',
  initiatives: 'plan',
  // The tab has no scenario columns; these keys are never read by its formulas.
  minTarget: 'target',
  maxTarget: 'target',
  scenario: 'status',
};

/** Lays out this week's check-in tab. */
export function layoutCheckInTab(input: CheckInTabInput): CheckInTabLayout {
  const { lang, style } = input;
  const t = (key: CheckInTextKey, params?: Record<string, string | number>) => checkInText(lang, key, params);
  const krCount = input.keyResults.length;

  // The rows of the sections, top to bottom.
  const headerRow = 1;
  const pipelineSection = 6;
  const pipelineRow = pipelineSection + 1;
  const dealsTitle = pipelineRow + 2;
  const dealsRow = dealsTitle + 1;
  const okrSection = dealsRow + DEAL_ROWS + 1;
  const krTitle = okrSection + 1;
  const krRow = krTitle + 1;
  const krLast = krRow + Math.max(krCount, 1) - 1;
  const blockersSection = krLast + 2;
  const blockersTitle = blockersSection + 1;
  const blockersRow = blockersTitle + 1;
  const planSection = blockersRow + BLOCKER_ROWS + 1;
  const planTitle = planSection + 1;
  const planRow = planTitle + 1;
  const lastRow = planRow + PLAN_ROWS - 1;
  const lastColumn = TAB_COLUMN_KEYS.length;

  const grids = sheetGrids(lastRow, lastColumn);
  const { setFormat, bold, fill, titles } = grids;
  const validations = grids.grid<ValidationSpec | null>(null);
  const put = (row: number, column: number, cell: SheetCell, format?: string) => {
    grids.put(row, column, cell);
    if (format) setFormat(row, column, format);
  };
  const validate = (row: number, column: number, spec: ValidationSpec) => {
    (validations[row - 1] as (ValidationSpec | null)[])[column - 1] = spec;
  };
  const labelled = (regionRow: number, at: LabelledPlace, label: string, value: SheetCell, format?: string) => {
    put(regionRow + at.offset, at.label, text(label));
    bold(regionRow + at.offset, at.label);
    put(regionRow + at.offset, at.value, value, format);
  };
  const cellOf = (regionRow: number, at: LabelledPlace, absolute = true) =>
    a1(regionRow + at.offset, at.value, absolute);
  const section = (row: number, key: CheckInTextKey) => grids.section(row, t(key));

  // The header.
  const { week } = input;
  put(headerRow, 1, text(t('title', { week: week.week })));
  bold(headerRow, 1);
  labelled(headerRow, HEADER_PLACES.quarter, t('quarter'), text(input.quarter.label));
  labelled(
    headerRow,
    HEADER_PLACES.quarterStart,
    t('quarterStart'),
    formula(dateFormula(input.quarter.start)),
    DATE_FORMAT,
  );
  labelled(headerRow, HEADER_PLACES.quarterEnd, t('quarterEnd'), formula(dateFormula(input.quarter.end)), DATE_FORMAT);
  labelled(headerRow, HEADER_PLACES.week, t('week'), number(week.week));
  labelled(headerRow, HEADER_PLACES.monday, t('monday'), formula(dateFormula(week.monday)), DATE_FORMAT);
  labelled(headerRow, HEADER_PLACES.sunday, t('sunday'), formula(dateFormula(week.sunday)), DATE_FORMAT);
  labelled(
    headerRow,
    HEADER_PLACES.isoWeek,
    t('isoWeek'),
    text(`${week.isoYear}-W${String(week.isoWeek).padStart(2, '0')}`),
  );
  labelled(headerRow, HEADER_PLACES.asOf, t('asOf'), formula(dateFormula(input.asOf)), DATE_FORMAT);
  fill(headerRow + HEADER_PLACES.asOf.offset, HEADER_PLACES.asOf.value, FILL.input);
  const asOfCell = cellOf(headerRow, HEADER_PLACES.asOf);
  const expectedCell = cellOf(headerRow, HEADER_PLACES.expected);
  const places: FormulaPlaces = {
    letter: (key) => columnLetter(tabColumn(FORMULA_COLUMNS[key])),
    firstRow: krRow,
    lastRow: krLast,
    quarterStart: cellOf(headerRow, HEADER_PLACES.quarterStart, false),
    quarterEnd: cellOf(headerRow, HEADER_PLACES.quarterEnd, false),
    asOf: cellOf(headerRow, HEADER_PLACES.asOf, false),
    expected: expectedCell,
  };
  labelled(headerRow, HEADER_PLACES.expected, t('expected'), formula(paceFormula(places, style)), PERCENT_FORMAT);
  fill(headerRow + HEADER_PLACES.expected.offset, HEADER_PLACES.expected.value, FILL.computed);

  // PIPELINE: value vs goal = %, coverage beside it, closed so far, the 2-week forecast, then the deals.
  const money = unitFormat('currency', input.currency, lang);
  section(pipelineSection, 'pipeline');
  const pipelineInput = (field: PipelineField, key: CheckInTextKey) => {
    labelled(pipelineRow, PIPELINE_PLACES[field], t(key), null, money);
    fill(pipelineRow + PIPELINE_PLACES[field].offset, PIPELINE_PLACES[field].value, FILL.input);
  };
  const fromDeals = input.deals
    ? pipelineFormulas(input.deals, {
        quarterStart: cellOf(headerRow, HEADER_PLACES.quarterStart),
        quarterEnd: cellOf(headerRow, HEADER_PLACES.quarterEnd),
        asOf: asOfCell,
      })
    : null;
  const pipelineNotes: { a1: string; note: string }[] = [];
  // A cell the Deals sheet computes is a formula over it; without the sheet (or its column) it stays typed.
  const pipelineCell = (field: 'value' | 'closed' | 'forecast', key: CheckInTextKey) => {
    const computed = fromDeals?.[field];
    if (!computed) return pipelineInput(field, key);
    labelled(pipelineRow, PIPELINE_PLACES[field], t(key), formula(computed), money);
    fill(pipelineRow + PIPELINE_PLACES[field].offset, PIPELINE_PLACES[field].value, FILL.computed);
    pipelineNotes.push({
      a1: a1(pipelineRow + PIPELINE_PLACES[field].offset, PIPELINE_PLACES[field].value),
      note: dealText(lang, 'fromDeals', { name: input.deals?.sheetName ?? '' }),
    });
  };
  pipelineCell('value', 'pipelineValue');
  pipelineInput('goal', 'pipelineGoal');
  pipelineCell('closed', 'pipelineClosed');
  pipelineCell('forecast', 'pipelineForecast');
  if (fromDeals?.finalStage) {
    labelled(pipelineRow, FINAL_STAGE_PLACE, dealText(lang, 'finalStage'), formula(fromDeals.finalStage), '0');
    fill(pipelineRow + FINAL_STAGE_PLACE.offset, FINAL_STAGE_PLACE.value, FILL.computed);
  }
  const [value, goal, closed] = (['value', 'goal', 'closed'] as const).map((field) =>
    cellOf(pipelineRow, PIPELINE_PLACES[field], false),
  ) as [string, string, string];
  // With the add-on, an amount typed as text (`900 000 zł`) is read by KR_VALUE, as KR_SCORE reads it.
  const amount = (cell: string) => numberIn(cell, style);
  labelled(
    pipelineRow,
    PIPELINE_PLACES.share,
    t('pipelineShare'),
    formula(
      `=${call('IF', call('OR', `${value}=""`, `${goal}=""`), '""', call('IFERROR', `${amount(value)}/${amount(goal)}`, '""'))}`,
    ),
    PERCENT_FORMAT,
  );
  const open = `${goal}-${call('IF', `${closed}=""`, 0, closed)}`;
  const coverage =
    style === 'addon'
      ? `=${call('PIPELINE_COVERAGE', value, goal, closed)}`
      : `=${call('IF', call('OR', `${value}=""`, `${goal}=""`), '""', call('IF', `${open}>0`, `${value}/(${open})`, '""'))}`;
  labelled(pipelineRow, PIPELINE_PLACES.coverage, t('pipelineCoverage'), formula(coverage), '0.0"×"');
  for (const field of ['share', 'coverage'] as const) {
    fill(pipelineRow + PIPELINE_PLACES[field].offset, PIPELINE_PLACES[field].value, FILL.computed);
  }
  titles(dealsTitle, [
    [DEAL_COLUMNS.name, t('deals')],
    [DEAL_COLUMNS.nextStep, t('dealNextStep')],
    [DEAL_COLUMNS.owner, t('dealOwner')],
    [DEAL_COLUMNS.value, t('dealValue')],
  ]);
  for (let row = dealsRow; row < dealsRow + DEAL_ROWS; row++) {
    for (const column of Object.values(DEAL_COLUMNS)) fill(row, column, FILL.input);
    put(row, DEAL_COLUMNS.value, null, money);
  }

  // OKR STATUS: one row per key result.
  section(okrSection, 'okrStatus');
  const addon = addonColumnFormulas(places, lang);
  const planKrs = a1Range(planRow, PLAN_COLUMNS.keyResultId, lastRow, PLAN_COLUMNS.keyResultId, true);
  for (const key of TAB_COLUMN_KEYS) {
    const column = tabColumn(key);
    const computedTitle = style === 'addon' && (key === 'score' || key === 'status');
    put(krTitle, column, computedTitle ? formula(addon[key]) : text(t(`col_${key}`)));
    bold(krTitle, column);
    fill(krTitle, column, FILL.header);
  }
  const yes = sheetText(lang, 'yes');
  const no = sheetText(lang, 'no');
  const milestoneSpec: ValidationSpec = {
    kind: 'list',
    values: [yes, no],
    allowInvalid: true,
    help: t('helpDone', { yes, no }),
  };
  const valueSpec: ValidationSpec = { kind: 'number', min: -1e15, max: 1e15, allowInvalid: true, help: t('helpValue') };
  const confidenceSpec: ValidationSpec = {
    kind: 'number',
    min: 1,
    max: 10,
    allowInvalid: false,
    help: t('helpConfidence'),
  };
  // A value fed by a formula: grey, its source in the cell's help, and no number check.
  const fedSpec: ValidationSpec = {
    kind: 'number',
    min: -1e15,
    max: 1e15,
    allowInvalid: true,
    help: t('helpFedValue'),
  };
  const auto: { id: string; deals: boolean }[] = [];
  const keyResultRows: { id: string; row: number }[] = [];
  input.keyResults.forEach((kr, index) => {
    const row = krRow + index;
    keyResultRows.push({ id: kr.id, row });
    const at = (key: TabColumnKey) => a1(row, tabColumn(key));
    const milestone = kr.kind === 'milestone';
    const currency = kr.currency ?? input.currency;
    // As many decimals as the KR's values have, so 5.5 days shows as 5.5, not 6.
    const decimals = valueDecimals(kr.unit, [kr.start, kr.target, kr.lastValue]);
    const format = milestone ? 'General' : unitFormat(kr.unit, currency, lang, decimals);
    const shown = (value: number | null): SheetCell => {
      if (value === null) return null;
      return milestone ? text(value >= 1 ? yes : no) : number(value);
    };
    const lowerIsBetter =
      kr.kind === 'decrease' ||
      kr.kind === 'atMost' ||
      (kr.start !== null && kr.target !== null && kr.target < kr.start);
    const [v, tg, last] = [at('value'), at('target'), at('lastValue')];
    // A value typed as text (`560 000 zł`) is no number to Sheets' arithmetic; with the add-on it is read by
    // KR_VALUE, so value / target and the change show what KR_SCORE and Copy as text show. The target and the
    // last value are the add-on's own numbers.
    const vn = numberIn(v, style);
    const ratio = lowerIsBetter
      ? call('IF', `${vn}>0`, `${tg}/${vn}`, '""')
      : call('IF', `${tg}<>0`, `${vn}/${tg}`, '""');
    const share = `=${call('IF', call('OR', `${v}=""`, `${tg}=""`), '""', call('IFERROR', ratio, '""'))}`;
    const [confidence, status, lastDate] = [at('confidence'), at('status'), at('lastDate')];
    const mismatch = call(
      'AND',
      call('ISNUMBER', confidence),
      call(
        'OR',
        call('AND', `${status}=${quoted(STATUS_EMOJI.red)}`, `${confidence}>=8`),
        call('AND', `${status}=${quoted(STATUS_EMOJI.green)}`, `${confidence}<=3`),
      ),
    );
    const stale = call('OR', `${lastDate}=""`, `${asOfCell}-${lastDate}>${STALE_AFTER_DAYS}`);
    const mismatchFlag = call('IF', mismatch, quoted(`⚠ ${t('flagMismatch')}`), '""');
    const staleFlag = call('IF', stale, quoted(`⏳ ${t('flagStale')}`), '""');
    const flags = kr.problem
      ? text(t('brokenRow', { row: kr.okrRow ?? '?', message: kr.problem }))
      : formula(`=${call('TRIM', `${mismatchFlag}&" "&${staleFlag}`)}`);
    const portable = style === 'portable' ? portableRowFormulas(places, row) : null;
    const fed = kr.fedBy && input.okrSheet && !milestone ? fedValueFormula(input.okrSheet, kr.id) : null;
    if (fed) auto.push({ id: kr.id, deals: kr.fedBy === 'deals' });
    const values: Record<TabColumnKey, SheetCell> = {
      objective: text(kr.objective),
      krId: text(kr.id),
      keyResult: text(kr.title),
      owner: kr.owner ? text(kr.owner) : null,
      kind: kr.kind ? text(sheetText(lang, `kind_${kr.kind}`)) : null,
      type: text(sheetText(lang, kr.committed ? 'type_committed' : 'type_aspirational')),
      unit: text(unitWord(kr.unit, currency, lang)),
      start: kr.start === null || milestone ? null : number(kr.start),
      target: kr.target === null || milestone ? null : number(kr.target),
      lastValue: shown(kr.lastValue),
      lastDate: kr.lastRecordedDay === null ? null : number(kr.lastRecordedDay),
      value: fed ? formula(fed) : shown(kr.lastValue),
      share: milestone ? null : formula(share),
      score: portable ? formula(portable.score) : null,
      change: milestone
        ? null
        : formula(`=${call('IF', call('OR', `${v}=""`, `${last}=""`), '""', call('IFERROR', `${vn}-${last}`, '""'))}`),
      status: portable ? formula(portable.status) : null,
      confidence: null,
      comment: null,
      flags,
      plan: formula(
        `=${call('IF', `${call('COUNTIF', planKrs, at('krId'))}>0`, quoted(t('inPlan')), quoted(t('noPlanItem')))}`,
      ),
    };
    for (const key of TAB_COLUMN_KEYS) put(row, tabColumn(key), values[key]);
    for (const key of ['start', 'target', 'lastValue', 'value', 'change'] as const) {
      setFormat(row, tabColumn(key), format);
    }
    setFormat(row, tabColumn('lastDate'), DATE_FORMAT);
    setFormat(row, tabColumn('share'), PERCENT_FORMAT);
    setFormat(row, tabColumn('score'), SCORE_FORMAT);
    setFormat(row, tabColumn('confidence'), '0');
    for (const key of ['value', 'confidence', 'comment'] as const) fill(row, tabColumn(key), FILL.input);
    if (fed) fill(row, tabColumn('value'), FILL.computed);
    for (const key of ['share', 'score', 'change', 'status', 'flags', 'plan'] as const) {
      fill(row, tabColumn(key), FILL.computed);
    }
    validate(row, tabColumn('value'), milestone ? milestoneSpec : fed ? fedSpec : valueSpec);
    validate(row, tabColumn('confidence'), confidenceSpec);
  });

  // BLOCKERS: a description and who can help.
  section(blockersSection, 'blockers');
  titles(blockersTitle, [
    [BLOCKER_COLUMNS.description, t('blockerDescription')],
    [BLOCKER_COLUMNS.whoCanHelp, t('blockerWho')],
  ]);
  for (let row = blockersRow; row < blockersRow + BLOCKER_ROWS; row++) {
    for (const column of Object.values(BLOCKER_COLUMNS)) fill(row, column, FILL.input);
  }

  // PLAN FOR THE WEEK: the top three priorities, each tied to a key result of the quarter.
  section(planSection, 'plan');
  titles(planTitle, [
    [PLAN_COLUMNS.action, t('planAction')],
    [PLAN_COLUMNS.keyResultId, t('planKeyResult')],
    [PLAN_COLUMNS.flag, t('planFlag')],
    [PLAN_COLUMNS.owner, t('planOwner')],
  ]);
  // A priority names a KR of the quarter or one of its initiatives (which serves a KR).
  const ids = [...input.keyResults.map((kr) => kr.id), ...(input.initiatives?.ids ?? [])];
  const krIds = a1Range(krRow, tabColumn('krId'), krLast, tabColumn('krId'), true);
  const planSpec: ValidationSpec = { kind: 'list', values: ids, allowInvalid: true, help: t('helpPlanKeyResult') };
  const unknown = (kr: string) =>
    input.initiatives
      ? call('AND', `${call('COUNTIF', krIds, kr)}=0`, `${call('COUNTIF', input.initiatives.idRange, kr)}=0`)
      : `${call('COUNTIF', krIds, kr)}=0`;
  for (let row = planRow; row <= lastRow; row++) {
    const [action, kr] = [a1(row, PLAN_COLUMNS.action), a1(row, PLAN_COLUMNS.keyResultId)];
    put(
      row,
      PLAN_COLUMNS.flag,
      formula(
        `=${call('IF', `${action}=""`, '""', call('IF', call('OR', `${kr}=""`, unknown(kr)), quoted(t('planNoKeyResult')), '""'))}`,
      ),
    );
    for (const column of [PLAN_COLUMNS.action, PLAN_COLUMNS.keyResultId, PLAN_COLUMNS.owner]) {
      fill(row, column, FILL.input);
    }
    fill(row, PLAN_COLUMNS.flag, FILL.computed);
    if (ids.length > 0) validate(row, PLAN_COLUMNS.keyResultId, planSpec);
  }

  const info: CheckInTabInfo = {
    version: CHECK_IN_LAYOUT_VERSION,
    quarter: input.quarter.label,
    start: input.quarter.start,
    end: input.quarter.end,
    week: week.week,
    monday: week.monday,
    sunday: week.sunday,
    asOf: input.asOf,
    lang,
    style,
    currency: input.currency,
    okrSheetId: input.okrSheetId,
    ...(auto.length > 0 ? { auto } : {}),
  };
  const column = (key: TabColumnKey) => a1Range(krRow, tabColumn(key), krLast, tabColumn(key));
  const statusRule = (emoji: string) => `=$${columnLetter(tabColumn('status'))}${krRow}=${quoted(emoji)}`;
  const statusRanges = [column('score'), column('status')];
  const planFlags = a1Range(planRow, PLAN_COLUMNS.flag, lastRow, PLAN_COLUMNS.flag);
  return {
    lang,
    name: checkInTabName(week.week, lang),
    ...grids.drawn(),
    validations,
    conditionalRules: [
      { formula: statusRule(STATUS_EMOJI.green), ranges: statusRanges, background: FILL.green },
      { formula: statusRule(STATUS_EMOJI.yellow), ranges: statusRanges, background: FILL.yellow },
      { formula: statusRule(STATUS_EMOJI.red), ranges: statusRanges, background: FILL.red },
      {
        formula: `=LEN($${columnLetter(tabColumn('flags'))}${krRow})>0`,
        ranges: [column('flags')],
        background: FILL.red,
      },
      {
        formula: `=${call('LEFT', `$${columnLetter(tabColumn('plan'))}${krRow}`, 1)}="⚠"`,
        ranges: [column('plan')],
        background: FILL.yellow,
      },
      {
        formula: `=LEN($${columnLetter(PLAN_COLUMNS.flag)}${planRow})>0`,
        ranges: [planFlags],
        background: FILL.red,
      },
    ],
    notes: [{ a1: asOfCell.replace(/\$/g, ''), note: t('asOfNote') }, ...pipelineNotes],
    sheetMetadata: [
      { key: CHECK_IN_METADATA.kind, value: CHECK_IN_METADATA.kindValue },
      { key: CHECK_IN_METADATA.quarter, value: input.quarter.label },
      { key: CHECK_IN_METADATA.week, value: String(week.week) },
      { key: CHECK_IN_METADATA.key, value: checkInKey(input.quarter.label, week.week) },
      { key: CHECK_IN_METADATA.info, value: JSON.stringify(info) },
    ],
    regions: {
      header: { row: headerRow, rows: 4 },
      pipeline: { row: pipelineRow, rows: 2 },
      deals: { row: dealsRow, rows: DEAL_ROWS },
      keyResults: { row: krRow, rows: krCount },
      blockers: { row: blockersRow, rows: BLOCKER_ROWS },
      plan: { row: planRow, rows: PLAN_ROWS },
    },
    columnWidths: TAB_COLUMN_KEYS.map((key) => ({ column: tabColumn(key), width: WIDTHS[key] })),
    info,
    keyResultRows,
  };
}

/**
 * This week's value of a KR fed by a formula: the OKR sheet's current value, found by the KR's id, so a sort of
 * the OKR sheet changes nothing and an error there (#REF!, #DIV/0!) shows here as it is.
 * @example fedValueFormula({ name: 'OKR Q1 2027', krIdColumn: 4, currentColumn: 14 }, 'O1.2')
 * // "=INDEX('OKR Q1 2027'!$N:$N;MATCH(\"O1.2\";'OKR Q1 2027'!$D:$D;0))"
 */
export function fedValueFormula(
  okrSheet: { name: string; krIdColumn: number; currentColumn: number },
  id: string,
): string {
  const sheet = `'${okrSheet.name.replace(/'/g, "''")}'`;
  const whole = (column: number) => `${sheet}!$${columnLetter(column)}:$${columnLetter(column)}`;
  return `=${call('INDEX', whole(okrSheet.currentColumn), call('MATCH', quoted(id), whole(okrSheet.krIdColumn), 0))}`;
}
