// The Dashboard tab as data: the figures its charts show, worked out from the quarter's plan and History
// (objective scores, each key result's score week by week against the target and, when the plan has them, the
// minimum and maximum scenarios, statuses counted by week, initiatives by status), and the tab's layout: a
// title and the charts on one A4 landscape page (A1 to the page's last cell), with the tables the charts read
// to the right of it. The figures are written as values computed here: they read History row by row, which
// no portable formula does in one cell; a rebuild refreshes them. Nothing here grows service calls: the
// server writes the layout in one batch and inserts one chart per kind, whatever the number of key results.

import type { HistoryRecord } from '../check-in/history';
import type { Lang } from '../i18n';
import { INITIATIVE_STATUSES, type InitiativeStatus, STATUS_WORDS, statusOf } from '../initiatives/initiatives';
import { a1Range, type SheetCell } from '../okr-sheet/cells';
import type { Status } from '../pace';
import { type KeyResultKind, objectiveScore, scoreKeyResult } from '../score';
import { FILL, type MetadataSpec, SCORE_FORMAT, type SheetSpec, sheetGrids } from '../sheet-spec';
import { dashboardText } from './dashboard-texts';

export const DASHBOARD_METADATA = {
  kind: 'okr.kind',
  kindValue: 'okr-dashboard',
  /** The ids of the charts the add-on inserted (JSON list), so a rebuild removes those and never the user's. */
  charts: 'okr.dashboardCharts',
} as const;

export interface DashboardKeyResult {
  id: string;
  objectiveId: string;
  kind: KeyResultKind;
  start: number | null;
  target: number | null;
  /** The scenarios beside the target (the standard one), when the plan has them. */
  minTarget?: number | null;
  maxTarget?: number | null;
  current: number | null;
  weight: number;
}

export interface DashboardObjective {
  id: string;
  title: string;
}

export interface DashboardInput {
  lang: Lang;
  quarter: string;
  team: string;
  /** The day it is built, ISO. */
  builtOn: string;
  objectives: readonly DashboardObjective[];
  keyResults: readonly DashboardKeyResult[];
  /** History's records of this quarter. */
  history: readonly HistoryRecord[];
  /** Initiatives counted by status; `null` when the spreadsheet has no Initiatives sheet. */
  initiatives: Readonly<Record<InitiativeStatus, number>> | null;
}

export interface DashboardFigures {
  objectives: { id: string; title: string; score: number | null }[];
  weeks: number[];
  /** Per week (rows), per key result (columns): its score with overachievement kept, `null` when unrecorded. */
  scores: (number | null)[][];
  /** Mean score-equivalent of the scenarios over the KRs that have one; `null` when no KR has one. */
  scenarios: { min: number | null; max: number | null } | null;
  statuses: Record<Status, number>[];
  initiatives: Readonly<Record<InitiativeStatus, number>> | null;
}

/** A value of a KR on its score scale, above 1 kept (how far a scenario or an overachievement lies). */
function scaled(keyResult: DashboardKeyResult, value: number | null): number | null {
  const score = scoreKeyResult({ ...keyResult, current: value, allowOver: true });
  return score === null || !Number.isFinite(score) ? null : score;
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0) / known.length;
}

/** The figures the dashboard shows. */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const objectives = input.objectives.map((objective) => {
    const own = input.keyResults.filter((keyResult) => keyResult.objectiveId === objective.id);
    const scores = own.map((keyResult) => scoreKeyResult({ ...keyResult }));
    return {
      ...objective,
      score: objectiveScore(
        scores,
        own.map((keyResult) => keyResult.weight),
      ),
    };
  });
  const weeks = [...new Set(input.history.map((record) => record.week))].sort((a, b) => a - b);
  const byWeek = new Map<number, Map<string, HistoryRecord>>();
  for (const record of input.history) {
    const week = byWeek.get(record.week) ?? new Map<string, HistoryRecord>();
    week.set(record.keyResultId, record);
    byWeek.set(record.week, week);
  }
  const scores = weeks.map((week) =>
    input.keyResults.map((keyResult) => {
      const record = byWeek.get(week)?.get(keyResult.id);
      if (!record) return null;
      return record.value === null ? record.score : (scaled(keyResult, record.value) ?? record.score);
    }),
  );
  const statuses = weeks.map((week) => {
    const counts: Record<Status, number> = { green: 0, yellow: 0, red: 0 };
    for (const record of byWeek.get(week)?.values() ?? []) if (record.status) counts[record.status]++;
    return counts;
  });
  const withScenario = input.keyResults.filter(
    (keyResult) => typeof keyResult.minTarget === 'number' || typeof keyResult.maxTarget === 'number',
  );
  const scenarios =
    withScenario.length === 0
      ? null
      : {
          min: mean(withScenario.map((keyResult) => scaled(keyResult, keyResult.minTarget ?? null))),
          max: mean(withScenario.map((keyResult) => scaled(keyResult, keyResult.maxTarget ?? null))),
        };
  return { objectives, weeks, scores, scenarios, statuses, initiatives: input.initiatives };
}

// --- The page ---------------------------------------------------------------------------------------------

/**
 * One A4 landscape page as Sheets prints it with its normal margins (0.7 in left and right, 0.75 in top and
 * bottom), in the pixels column widths and row heights are set in (96 per inch): 297 × 210 mm less margins.
 */
export const A4_LANDSCAPE = {
  widthPx: Math.floor((297 / 25.4 - 1.4) * 96),
  heightPx: Math.floor((210 / 25.4 - 1.5) * 96),
} as const;

/**
 * The page region: columns and rows of the printed page. Rows keep Sheets' default height of 21 pixels (the
 * dashboard sets none, and nothing on it wraps); columns are set to `columnWidth`.
 */
export const PAGE = { columns: 12, columnWidth: 80, rows: 30, rowHeight: 21 } as const;
/** The first column of the chart data, after a narrow gap column. */
export const DATA_COLUMN = PAGE.columns + 2;

export type DashboardChartKind = 'objectives' | 'keyResults' | 'statuses' | 'initiatives';

/** One chart as the server builds it with EmbeddedChartBuilder. */
export interface ChartSpec {
  kind: DashboardChartKind;
  type: 'BAR' | 'LINE' | 'COLUMN';
  title: string;
  /** The table it reads (header row first, categories in the first column), A1 on the dashboard. */
  range: string;
  anchorRow: number;
  anchorColumn: number;
  width: number;
  height: number;
  /** Options besides title, width and height (setOption), JSON values. */
  options: Record<string, unknown>;
}

export interface DashboardLayout extends SheetSpec {
  name: string;
  charts: ChartSpec[];
  /** Widths of runs of columns (one setColumnWidths each). */
  widthRuns: { start: number; count: number; width: number }[];
}

const CHART = { width: 468, height: 260 } as const;
/** Where the four chart slots sit on the page: two rows of two, below the title rows. */
const SLOTS = [
  { anchorRow: 4, anchorColumn: 1 },
  { anchorRow: 4, anchorColumn: 7 },
  { anchorRow: 17, anchorColumn: 1 },
  { anchorRow: 17, anchorColumn: 7 },
] as const;

const STATUS_COLORS = ['#34a853', '#fbbc04', '#ea4335'];

/**
 * Initiatives counted by status: statuses as the Initiatives sheet's reader gives them, or status words in
 * either language, read by the Initiatives module's one reader of them (`statusOf`); other words are skipped.
 */
export function countInitiativeStatuses(
  statuses: readonly (InitiativeStatus | string | null | undefined)[],
): Record<InitiativeStatus, number> {
  const counts: Record<InitiativeStatus, number> = { idea: 0, running: 0, done: 0, dropped: 0 };
  for (const word of statuses) {
    const status = statusOf(String(word ?? ''));
    if (status) counts[status]++;
  }
  return counts;
}

/** Lays out the Dashboard tab of `input`. */
export function layoutDashboard(input: DashboardInput): DashboardLayout {
  const t = (key: Parameters<typeof dashboardText>[1], params?: Record<string, string | number>) =>
    dashboardText(input.lang, key, params);
  const figures = dashboardFigures(input);
  const krCount = input.keyResults.length;
  const hasWeeks = figures.weeks.length > 0;
  const scenarioColumns = figures.scenarios ? 2 : 0;
  // The tables, stacked from row 3 in the data columns, one blank row apart.
  const objectivesAt = 3;
  const statusesAt = objectivesAt + figures.objectives.length + 2;
  const linesAt = statusesAt + (hasWeeks ? figures.weeks.length + 2 : 0);
  const initiativesAt = linesAt + (hasWeeks ? figures.weeks.length + 2 : 0);
  const dataEnd = initiativesAt + (figures.initiatives ? INITIATIVE_STATUSES.length + 1 : 0);
  const lineWidth = 1 + krCount + 1 + scenarioColumns;
  const lastRow = Math.max(PAGE.rows, dataEnd);
  // The widest table: the KRs' lines, or the statuses by week (week, on pace, behind, far behind).
  const lastColumn = DATA_COLUMN + Math.max(4, lineWidth) - 1;
  const g = sheetGrids(lastRow, lastColumn);
  const header = (row: number, column: number, words: string) => {
    g.put(row, column, { text: words });
    g.bold(row, column);
    g.fill(row, column, FILL.header);
  };
  const score = (row: number, column: number, value: number | null) => {
    g.put(row, column, value === null ? null : { number: value });
    g.setFormat(row, column, SCORE_FORMAT);
  };

  g.put(1, 1, { text: t('title', { quarter: input.quarter, team: input.team }) });
  g.bold(1, 1);
  g.put(2, 1, { text: t('built', { date: input.builtOn }) });
  const notes: string[] = [];
  if (!hasWeeks) notes.push(t('noHistory'));
  if (!figures.initiatives) notes.push(t('noInitiatives'));
  g.put(3, 1, notes.length > 0 ? { text: notes.join(' ') } : null);
  g.put(1, DATA_COLUMN, { text: t('chartData') });
  g.bold(1, DATA_COLUMN);

  const charts: ChartSpec[] = [];
  const slot = () => SLOTS[charts.length] as (typeof SLOTS)[number];
  const chart = (spec: Omit<ChartSpec, 'anchorRow' | 'anchorColumn' | 'width' | 'height'>) =>
    charts.push({ ...spec, ...slot(), ...CHART });

  header(objectivesAt, DATA_COLUMN, t('objective'));
  header(objectivesAt, DATA_COLUMN + 1, t('score'));
  figures.objectives.forEach((objective, index) => {
    const row = objectivesAt + 1 + index;
    g.put(row, DATA_COLUMN, { text: `${objective.id} ${objective.title}`.trim() });
    score(row, DATA_COLUMN + 1, objective.score);
  });
  chart({
    kind: 'objectives',
    type: 'BAR',
    title: t('chartObjectives'),
    range: a1Range(objectivesAt, DATA_COLUMN, objectivesAt + figures.objectives.length, DATA_COLUMN + 1),
    options: { legend: { position: 'none' }, hAxis: { minValue: 0, maxValue: 1 } },
  });

  if (hasWeeks) {
    const weekCell = (week: number) => ({ text: t('weekLabel', { week: String(week).padStart(2, '0') }) });
    header(statusesAt, DATA_COLUMN, t('week'));
    (['onPace', 'behind', 'farBehind'] as const).forEach((key, index) => {
      header(statusesAt, DATA_COLUMN + 1 + index, t(key));
    });
    figures.weeks.forEach((week, index) => {
      const row = statusesAt + 1 + index;
      const counts = figures.statuses[index] as Record<Status, number>;
      g.put(row, DATA_COLUMN, weekCell(week));
      (['green', 'yellow', 'red'] as const).forEach((status, s) => {
        g.put(row, DATA_COLUMN + 1 + s, { number: counts[status] });
      });
    });

    header(linesAt, DATA_COLUMN, t('week'));
    input.keyResults.forEach((keyResult, index) => {
      header(linesAt, DATA_COLUMN + 1 + index, keyResult.id);
    });
    const targetColumn = DATA_COLUMN + 1 + krCount;
    header(linesAt, targetColumn, t('target'));
    if (figures.scenarios) {
      header(linesAt, targetColumn + 1, t('minScenario'));
      header(linesAt, targetColumn + 2, t('maxScenario'));
    }
    figures.weeks.forEach((week, index) => {
      const row = linesAt + 1 + index;
      g.put(row, DATA_COLUMN, weekCell(week));
      (figures.scores[index] as (number | null)[]).forEach((value, k) => {
        score(row, DATA_COLUMN + 1 + k, value);
      });
      score(row, targetColumn, 1);
      if (figures.scenarios) {
        score(row, targetColumn + 1, figures.scenarios.min);
        score(row, targetColumn + 2, figures.scenarios.max);
      }
    });
    const weeksEnd = (at: number) => at + figures.weeks.length;
    // The target and scenario lines stand out: dashed and dark, after the KRs' own series.
    const series: Record<string, unknown> = {
      [krCount]: { color: '#202124', lineDashStyle: [6, 4] },
    };
    if (figures.scenarios) {
      series[krCount + 1] = { color: '#9aa0a6', lineDashStyle: [2, 2] };
      series[krCount + 2] = { color: '#5f6368', lineDashStyle: [2, 2] };
    }
    chart({
      kind: 'keyResults',
      type: 'LINE',
      title: t('chartKeyResults'),
      range: a1Range(linesAt, DATA_COLUMN, weeksEnd(linesAt), DATA_COLUMN + lineWidth - 1),
      options: { legend: { position: krCount > 12 ? 'none' : 'right' }, series, vAxis: { minValue: 0 } },
    });
    chart({
      kind: 'statuses',
      type: 'COLUMN',
      title: t('chartStatuses'),
      range: a1Range(statusesAt, DATA_COLUMN, weeksEnd(statusesAt), DATA_COLUMN + 3),
      options: { isStacked: true, colors: STATUS_COLORS, legend: { position: 'bottom' } },
    });
  }

  if (figures.initiatives) {
    const counts = figures.initiatives;
    header(initiativesAt, DATA_COLUMN, t('status'));
    header(initiativesAt, DATA_COLUMN + 1, t('count'));
    INITIATIVE_STATUSES.forEach((status, index) => {
      g.put(initiativesAt + 1 + index, DATA_COLUMN, { text: STATUS_WORDS[input.lang][status] });
      g.put(initiativesAt + 1 + index, DATA_COLUMN + 1, { number: counts[status] });
    });
    chart({
      kind: 'initiatives',
      type: 'COLUMN',
      title: t('chartInitiatives'),
      range: a1Range(initiativesAt, DATA_COLUMN, initiativesAt + INITIATIVE_STATUSES.length, DATA_COLUMN + 1),
      options: { legend: { position: 'none' } },
    });
  }

  const sheetMetadata: MetadataSpec[] = [{ key: DASHBOARD_METADATA.kind, value: DASHBOARD_METADATA.kindValue }];
  return {
    name: t('sheetName'),
    lastRow,
    lastColumn,
    cells: g.cells as SheetCell[][],
    numberFormats: g.numberFormats,
    fontWeights: g.fontWeights,
    backgrounds: g.backgrounds,
    validations: g.grid(null),
    conditionalRules: [],
    notes: [],
    sheetMetadata,
    columnWidths: [],
    widthRuns: [
      { start: 1, count: PAGE.columns, width: PAGE.columnWidth },
      { start: PAGE.columns + 1, count: 1, width: 24 },
      { start: DATA_COLUMN, count: 1, width: 220 },
    ],
    charts,
  };
}

/** The edges of a chart on the page, in pixels from the page's top-left corner. */
export function chartBox(chart: Pick<ChartSpec, 'anchorRow' | 'anchorColumn' | 'width' | 'height'>) {
  const left = (chart.anchorColumn - 1) * PAGE.columnWidth;
  const top = (chart.anchorRow - 1) * PAGE.rowHeight;
  return { left, top, right: left + chart.width, bottom: top + chart.height };
}
