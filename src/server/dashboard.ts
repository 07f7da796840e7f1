// The Dashboard tab at the edge: the one finder of this sheet kind (by developer metadata), and
// `buildDashboard`, which reads the quarter (its OKR sheet, History and the Initiatives sheet when there is
// one), lays the tab out in the core and writes it in place: the same sheet on every run, its contents
// rewritten in one batch, the add-on's own charts (their ids kept in the sheet's metadata) removed and
// inserted again, the user's charts left alone. One chart per kind, so the calls do not grow with the KRs.

import type { HistoryRecord } from '../core/check-in/history';
import {
  countInitiativeStatuses,
  DASHBOARD_METADATA,
  type DashboardInput,
  type DashboardKeyResult,
  type DashboardLayout,
  layoutDashboard,
} from '../core/dashboard/dashboard';
import { dashboardText } from '../core/dashboard/dashboard-texts';
import { type DashboardNote, type DashboardResult, dashboardPayloadSchema } from '../shared/dashboard-api';
import { isoDay, listQuarters, type QuarterSheet } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { findHistorySheet, historyRecords, readHistory } from './history-sheet';
import { readInitiativesSheet } from './initiatives-sheet';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';
import { findSheetByMetadata } from './sheet-finder';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function findSheetOfKind(spreadsheet: Spreadsheet, kindValue: string): Sheet | null {
  return findSheetByMetadata(spreadsheet, DASHBOARD_METADATA.kind, kindValue);
}

/** The Dashboard tab, or `null` before the first build. */
export function findDashboardSheet(spreadsheet: Spreadsheet): Sheet | null {
  return findSheetOfKind(spreadsheet, DASHBOARD_METADATA.kindValue);
}

/** The quarter the dashboard shows on `asOf`: the latest one started by then, else the first one. */
export function dashboardQuarter(quarters: readonly QuarterSheet[], asOf: string): QuarterSheet | null {
  const byStart = [...quarters].sort((a, b) => a.start.localeCompare(b.start));
  return byStart.filter((quarter) => quarter.start <= asOf).at(-1) ?? byStart[0] ?? null;
}

/**
 * The quarter's initiatives by status, read by the Initiatives sheet's one reader (its initiatives region only:
 * the tasks below have a column at the same place, headed Done); `null` when the quarter has no such sheet.
 */
function readInitiatives(spreadsheet: Spreadsheet, quarterLabel: string): DashboardInput['initiatives'] {
  const reading = readInitiativesSheet(spreadsheet, quarterLabel);
  if (!reading) return null;
  return countInitiativeStatuses(reading.initiatives.map((initiative) => initiative.status));
}

/** Serial day (day 0 = 1899-12-30) of an ISO day. */
const serialOf = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569;

/** A record of the quarter: named so, or, from before History named quarters, dated within it. */
function isOfQuarter(record: HistoryRecord, quarter: QuarterSheet): boolean {
  if (record.quarter) return record.quarter === quarter.label;
  return record.day >= serialOf(quarter.start) && record.day <= serialOf(quarter.end);
}

/** Builds the dashboard of the running quarter, or rebuilds it in place. */
export function buildDashboard(payload?: unknown): DashboardResult {
  const parsed = dashboardPayloadSchema().safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, code: 'badRequest' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = parsed.data.asOf ?? isoDay(spreadsheet, new Date());
  return withDocumentLock((): DashboardResult => {
    const quarter = dashboardQuarter(listQuarters(spreadsheet), asOf);
    if (!quarter) return { ok: false, code: 'noQuarter' };
    const reading = readQuarter(quarter.sheet);
    if (!reading.plan) {
      const problem = reading.problems[0];
      return {
        ok: false,
        code: 'unreadable',
        sheetName: quarter.sheet.getName(),
        row: problem?.row ?? 0,
        message: problem?.message ?? '',
      };
    }
    const plan = reading.plan;
    const historySheet = findHistorySheet(spreadsheet);
    const history: HistoryRecord[] = historySheet
      ? historyRecords(readHistory(historySheet)).filter((record) => isOfQuarter(record, quarter))
      : [];
    const objectives = plan.objectives.map((objective, o) => ({
      id: objective.id ?? `O${o + 1}`,
      title: objective.title,
    }));
    const keyResults: DashboardKeyResult[] = plan.objectives.flatMap((objective, o) => {
      const objectiveId = objective.id ?? `O${o + 1}`;
      return objective.keyResults.map((keyResult, k) => {
        // The scenarios come with the plan once it carries them; read as optional until then.
        const scenarios = keyResult as { minTarget?: number | null; maxTarget?: number | null };
        return {
          id: keyResult.id ?? `${objectiveId}.${k + 1}`,
          objectiveId,
          kind: keyResult.kind,
          start: keyResult.start,
          target: keyResult.target,
          minTarget: scenarios.minTarget ?? null,
          maxTarget: scenarios.maxTarget ?? null,
          current: keyResult.current ?? null,
          weight: keyResult.weight,
        };
      });
    });
    const layout = layoutDashboard({
      lang: quarter.settings.language,
      quarter: quarter.label,
      team: plan.team,
      builtOn: asOf,
      objectives,
      keyResults,
      history,
      initiatives: readInitiatives(spreadsheet, quarter.label),
    });
    const existing = findDashboardSheet(spreadsheet);
    const sheet =
      existing ?? spreadsheet.insertSheet(nextFreeSheetName(spreadsheet, layout.name), spreadsheet.getNumSheets());
    writeDashboard(sheet, layout, existing !== null);
    sheet.activate();
    const notes: DashboardNote[] = [];
    const weeks = new Set(history.map((record) => record.week)).size;
    if (weeks === 0) notes.push({ code: 'noHistory' });
    if (!layout.charts.some((chart) => chart.kind === 'initiatives')) notes.push({ code: 'noInitiatives' });
    return {
      ok: true,
      created: existing === null,
      quarter: quarter.label,
      sheetId: sheet.getSheetId(),
      sheetName: sheet.getName(),
      charts: layout.charts.map((chart) => chart.kind),
      keyResults: keyResults.length,
      weeks,
      notes,
    };
  });
}

/**
 * Writes the layout into the dashboard sheet: on a rebuild its contents and formats are cleared first and the
 * add-on's earlier charts removed (only those whose ids its metadata lists), then the charts inserted again
 * and their new ids stored.
 */
export function writeDashboard(sheet: Sheet, layout: DashboardLayout, rebuild: boolean): void {
  let chartsMetadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null = null;
  if (rebuild) {
    chartsMetadata = sheet.createDeveloperMetadataFinder().withKey(DASHBOARD_METADATA.charts).find()[0] ?? null;
    const ours = new Set(parseIds(chartsMetadata?.getValue() ?? null));
    for (const chart of sheet.getCharts()) if (ours.has(chart.getChartId() ?? -1)) sheet.removeChart(chart);
    sheet.clear();
  }
  writeSheetSpec(sheet, layout, 1);
  for (const run of layout.widthRuns) sheet.setColumnWidths(run.start, run.count, run.width);
  const before = new Set(sheet.getCharts().map((chart) => chart.getChartId()));
  for (const spec of layout.charts) {
    let builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[spec.type])
      .addRange(sheet.getRange(spec.range))
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption('title', spec.title)
      .setOption('width', spec.width)
      .setOption('height', spec.height);
    for (const [option, value] of Object.entries(spec.options)) builder = builder.setOption(option, value);
    sheet.insertChart(builder.build());
  }
  const inserted = sheet
    .getCharts()
    .map((chart) => chart.getChartId())
    .filter((id): id is number => id !== null && !before.has(id));
  const value = JSON.stringify(inserted);
  if (chartsMetadata) chartsMetadata.setValue(value);
  else if (rebuild) sheet.addDeveloperMetadata(DASHBOARD_METADATA.charts, value);
  else {
    for (const { key, value: kind } of layout.sheetMetadata) sheet.addDeveloperMetadata(key, kind);
    sheet.addDeveloperMetadata(DASHBOARD_METADATA.charts, value);
  }
}

function parseIds(json: string | null): number[] {
  try {
    const ids: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  } catch {
    return [];
  }
}

/** Menu item Dashboard: builds or rebuilds the dashboard and says so in a toast, or what stopped it. */
export function showDashboard(): void {
  const result = buildDashboard();
  const lang = spreadsheetLang();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const title = dashboardText(lang, 'menuItem');
  if (result.ok) {
    const params = { quarter: result.quarter, name: result.sheetName };
    spreadsheet.toast(dashboardText(lang, result.created ? 'created' : 'rebuilt', params), title);
    return;
  }
  const ui = SpreadsheetApp.getUi();
  const body =
    result.code === 'unreadable'
      ? dashboardText(lang, 'unreadable', { name: result.sheetName, row: result.row, message: result.message })
      : dashboardText(lang, 'noQuarter');
  ui.alert(title, body, ui.ButtonSet.OK);
}
