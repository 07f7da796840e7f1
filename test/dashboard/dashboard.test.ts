// The Dashboard tab on the fake spreadsheet: made once and rebuilt in place (found by metadata, never a
// second tab), one chart per kind built with EmbeddedChartBuilder over the tables beside the page, the user's
// own charts kept on a rebuild, notes where a chart has nothing to show, the page fitting one A4 landscape
// sheet, and the same number of service calls for 9 and 100 key results with 12 weeks of History.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal, createFakeServices } from '../../local/spreadsheet';
import { dashboardWorkbook, measureDashboard } from '../../scripts/bench-dashboard';
import {
  A4_LANDSCAPE,
  chartBox,
  countInitiativeStatuses,
  DATA_COLUMN,
  dashboardFigures,
  layoutDashboard,
  PAGE,
} from '../../src/core/dashboard/dashboard';
import { buildDashboard, findDashboardSheet, showDashboard } from '../../src/server/dashboard';
import { forgetLang } from '../../src/server/language';
import { buildQuarter } from '../../src/server/quarter-builder';
import { initiativesPlan } from '../initiatives/support';
import { installGlobals } from '../support/install-globals';

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLang();
});

const asOf = '2027-06-20';

function built(krCount: number, weeks: number, language: 'en' | 'pl' = 'en') {
  const locale = language === 'pl' ? 'pl_PL' : 'en_US';
  const services = dashboardWorkbook(krCount, weeks, createFakeServices({ locale }), language);
  installGlobals(services);
  return services;
}

describe('Dashboard', () => {
  it('makes a Dashboard tab with one chart per kind over the tables beside the page', () => {
    const services = built(9, 4);
    const result = buildDashboard({ asOf });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({
      created: true,
      quarter: 'Q2 2027',
      sheetName: 'Dashboard',
      keyResults: 9,
      weeks: 4,
    });
    expect(result.charts).toEqual(['objectives', 'keyResults', 'statuses']);
    expect(result.notes).toEqual([{ code: 'noInitiatives' }]);
    const sheet = services.spreadsheet.sheet('Dashboard');
    expect(sheet.charts.map((chart) => chart.type)).toEqual(['BAR', 'LINE', 'COLUMN']);
    const { values } = services.spreadsheet.dump('Dashboard');
    expect(values[0]?.[0]).toBe('Dashboard · Q2 2027 · Sales');
    expect(String(values[2]?.[0])).toContain('no Initiatives sheet');
    // The line chart reads a table of weeks × (KRs + target): header plus four weeks, 1 + 9 + 1 columns.
    const line = sheet.charts[1];
    expect(line?.ranges[0]?.area).toMatchObject({ column: DATA_COLUMN, numRows: 5, numColumns: 11 });
    const top = line?.ranges[0]?.area.row ?? 0;
    expect(values[top - 1]?.slice(DATA_COLUMN - 1, DATA_COLUMN + 2)).toEqual(['Week', 'O1.1', 'O1.2']);
    expect(values[top]?.[DATA_COLUMN - 1]).toBe('W01');
    expect(values[top]?.[DATA_COLUMN + 9]).toBe(1);
    expect(line?.options.title).toBe('Key results by week (score; 1.0 = target)');
  });

  it('rebuilds the same tab in place, replacing its own charts and keeping the user’s', () => {
    const services = built(9, 2);
    buildDashboard({ asOf });
    const sheet = asReal(services.spreadsheet.sheet('Dashboard'));
    const userChart = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('N3:O6'))
      .setPosition(40, 1, 0, 0)
      .build();
    sheet.insertChart(userChart);
    const again = buildDashboard({ asOf });
    expect(again).toMatchObject({ ok: true, created: false, sheetName: 'Dashboard' });
    expect(services.spreadsheet.sheets.filter((s) => s.name.startsWith('Dashboard'))).toHaveLength(1);
    const types = services.spreadsheet.sheet('Dashboard').charts.map((chart) => chart.type);
    expect(types.sort()).toEqual(['BAR', 'COLUMN', 'LINE', 'PIE']);
    // Renamed, it is still found by its metadata.
    sheet.setName('My board');
    expect(buildDashboard({ asOf })).toMatchObject({ ok: true, created: false, sheetName: 'My board' });
    expect(findDashboardSheet(SpreadsheetApp.getActiveSpreadsheet())?.getName()).toBe('My board');
    expect(services.spreadsheet.sheet('My board').charts).toHaveLength(4);
  });

  it('says in a note cell that the charts by week wait for History, and names the tab in Polish', () => {
    const services = built(6, 0, 'pl');
    const result = buildDashboard({ asOf });
    expect(result).toMatchObject({
      ok: true,
      sheetName: 'Pulpit',
      notes: [{ code: 'noHistory' }, { code: 'noInitiatives' }],
    });
    const { values } = services.spreadsheet.dump('Pulpit');
    expect(String(values[2]?.[0])).toContain('W Historii nie ma jeszcze');
    expect(services.spreadsheet.sheet('Pulpit').charts).toHaveLength(1);
  });

  it('counts the quarter’s initiatives by status, not the tasks below them (their column is headed Done)', () => {
    for (const language of ['en', 'pl'] as const) {
      const services = createFakeServices({ locale: language === 'pl' ? 'pl_PL' : 'en_US' });
      installGlobals(services);
      forgetLang();
      buildQuarter(initiativesPlan(language));
      const result = buildDashboard({ asOf: '2027-01-20' });
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.charts).toContain('initiatives');
      const { values } = services.spreadsheet.dump(result.sheetName);
      const counts = values
        .map((row) => row.slice(DATA_COLUMN - 1, DATA_COLUMN + 1))
        .filter(([, count]) => typeof count === 'number')
        .slice(-4);
      // I1 and I3 running, I2 an idea, I4 done; the three tasks and their header are not initiatives.
      expect(counts.map(([, count]) => count)).toEqual([1, 2, 1, 0]);
      // Each count beside the status word the Initiatives sheet offers in its language (one list of words).
      expect(counts.map(([word]) => word)).toEqual(
        language === 'pl'
          ? ['pomysł', 'w realizacji', 'zrobione', 'porzucone']
          : ['idea', 'running', 'done', 'dropped'],
      );
    }
  });

  it('counts History rows made before History named quarters by their day', () => {
    const services = built(3, 2);
    const history = services.spreadsheet.sheet('History');
    history.getRange(2, 11, 6, 1).setValues(Array.from({ length: 6 }, () => ['']));
    expect(buildDashboard({ asOf })).toMatchObject({ ok: true, weeks: 2 });
  });

  it('adds the menu item’s toast, and an alert naming what to do without an OKR sheet', () => {
    const services = built(3, 1);
    showDashboard();
    expect(services.spreadsheet.toasts.at(-1)?.message).toContain('Dashboard');
    const empty = createFakeServices();
    installGlobals(empty);
    forgetLang();
    showDashboard();
    expect(JSON.stringify(empty.ui.dialogs)).toContain('New quarter');
  });

  it('costs a fixed number of service calls for 9, 100 and 200 key results with 12 weeks of History', () => {
    const small = measureDashboard(9, 12);
    const large = measureDashboard(100, 12);
    const larger = measureDashboard(200, 12);
    expect(large.rebuildCalls).toBe(small.rebuildCalls);
    // A new sheet has 26 columns: the chart data of 100 KRs widens it once (one insertColumnsAfter), and
    // from there nothing grows, 100 or 200 KRs alike.
    expect(large.buildCalls).toBe(small.buildCalls + 1);
    expect(larger.buildCalls).toBe(large.buildCalls);
    expect(larger.rebuildCalls).toBe(small.rebuildCalls);
  });
});

describe('Dashboard figures and page', () => {
  const input = {
    lang: 'en' as const,
    quarter: 'Q2 2027',
    team: 'Sales',
    builtOn: asOf,
    objectives: [{ id: 'O1', title: 'Grow' }],
    keyResults: [
      {
        id: 'O1.1',
        objectiveId: 'O1',
        kind: 'increase' as const,
        start: 0,
        target: 100,
        current: 50,
        weight: 1,
        minTarget: 80,
        maxTarget: 120,
      },
      { id: 'O1.2', objectiveId: 'O1', kind: 'increase' as const, start: 0, target: 10, current: 10, weight: 3 },
    ],
    history: [
      {
        recordedAt: '',
        day: 1,
        week: 2,
        keyResultId: 'O1.1',
        value: 110,
        score: 1,
        status: 'green' as const,
        confidence: null,
        comment: '',
        who: '',
      },
      {
        recordedAt: '',
        day: 1,
        week: 2,
        keyResultId: 'O1.2',
        value: null,
        score: null,
        status: 'red' as const,
        confidence: null,
        comment: '',
        who: '',
      },
    ],
    initiatives: countInitiativeStatuses(['running', 'w realizacji', 'Pomysł', 'something else', '', null]),
  };

  it('scores objectives by weight, keeps overachievement on the weekly lines and averages the scenarios', () => {
    const figures = dashboardFigures(input);
    expect(figures.objectives[0]?.score).toBeCloseTo((0.5 + 3) / 4);
    expect(figures.scores).toEqual([[1.1, null]]);
    expect(figures.scenarios).toEqual({ min: 0.8, max: 1.2 });
    expect(figures.statuses).toEqual([{ green: 1, yellow: 0, red: 1 }]);
    expect(figures.initiatives).toEqual({ idea: 1, running: 2, done: 0, dropped: 0 });
  });

  it('lays the charts within one A4 landscape page, with scenario lines and the initiatives chart', () => {
    const layout = layoutDashboard(input);
    expect(layout.charts.map((chart) => chart.kind)).toEqual(['objectives', 'keyResults', 'statuses', 'initiatives']);
    const pageWidth = layout.widthRuns
      .filter((run) => run.start <= PAGE.columns)
      .reduce((sum, run) => sum + Math.min(run.count, PAGE.columns - run.start + 1) * run.width, 0);
    expect(pageWidth).toBeLessThanOrEqual(A4_LANDSCAPE.widthPx);
    expect(PAGE.rows * PAGE.rowHeight).toBeLessThanOrEqual(A4_LANDSCAPE.heightPx);
    for (const chart of layout.charts) {
      const box = chartBox(chart);
      expect(box.right).toBeLessThanOrEqual(pageWidth);
      expect(box.bottom).toBeLessThanOrEqual(PAGE.rows * PAGE.rowHeight);
    }
    // Charts do not overlap.
    const boxes = layout.charts.map(chartBox);
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b) => {
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
      });
    });
    const lineHeader = layout.cells.find(
      (row) =>
        row[DATA_COLUMN - 1]?.toString() &&
        row.some((cell) => cell && 'text' in cell && cell.text === 'Minimum scenario (mean)'),
    );
    expect(lineHeader).toBeDefined();
  });

  it('keeps every table inside the tab with one key result and no scenario (the statuses are the widest)', () => {
    const [first] = input.keyResults;
    if (!first) throw new Error('no key result');
    const { minTarget: _min, maxTarget: _max, ...plain } = first;
    const one = { ...input, keyResults: [plain], history: input.history.slice(0, 1) };
    const layout = layoutDashboard(one);
    expect(layout.cells.every((row) => row.length === layout.lastColumn)).toBe(true);
    expect(layout.lastColumn).toBe(DATA_COLUMN + 3);
    expect(layout.charts.find((chart) => chart.kind === 'statuses')?.range).toMatch(/:Q\d+$/);
  });
});
