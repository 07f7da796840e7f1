// `okr dashboard --workbook wb.json [--as-of 2027-01-29]`: builds the Dashboard tab as the menu item Dashboard
// does, through the bundle's own `buildDashboard` (with the bundle's clock at the as-of day): made the first
// time, rebuilt in place after, never a second tab; the workbook is saved, and the charts it holds printed,
// with what was left out and why. The charts are drawn by the playground (npm start); an .xlsx export keeps
// their data and names them as left out.

import type { DashboardNote, DashboardResult } from '../src/shared/dashboard-api';
import { CliError, type Io, shownPath } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';

const CHART_NAMES = {
  objectives: 'objective scores (bars)',
  keyResults: 'key results by week against the target (lines)',
  statuses: 'statuses by week (stacked columns)',
  initiatives: 'initiatives by status (columns)',
} as const;

function noteLine(note: DashboardNote): string {
  return note.code === 'noHistory'
    ? 'no week is recorded in History yet: the charts by week come after the first check-in'
    : 'there is no Initiatives sheet: the initiatives chart is left out';
}

export function runDashboard(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const asOf = options['as-of'];
  checkAsOf(asOf);
  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  io.out(`• Building the dashboard as of ${asOf ?? 'today'} (buildDashboard)`);
  const called = runtime.call('buildDashboard', asOf ? { asOf } : {});
  if (!called.ok) throw new CliError(`buildDashboard failed: ${called.error.message}`);
  const result = called.value as unknown as DashboardResult;
  if (!result.ok) {
    const why =
      result.code === 'noQuarter'
        ? 'there is no OKR sheet in the workbook yet'
        : result.code === 'unreadable'
          ? `the OKR sheet "${result.sheetName}" could not be read (row ${result.row}: ${result.message})`
          : 'the add-on could not read the request';
    io.err(`✗ ${why}. Nothing was saved.`);
    return 1;
  }
  io.out(
    result.created
      ? `✓ Made the dashboard of ${result.quarter} in "${result.sheetName}"`
      : `✓ Rebuilt the dashboard of ${result.quarter} in "${result.sheetName}" in place`,
  );
  io.out(`  ${result.keyResults} key results, ${result.weeks} recorded week(s); charts:`);
  for (const kind of result.charts) io.out(`  - ${CHART_NAMES[kind]}`);
  for (const note of result.notes) io.out(`  ⚠ ${noteLine(note)}`);
  runtime.save();
  io.out(`✓ Saved the workbook ${shownPath(workbook)} (npm start draws the charts)`);
  return 0;
}
