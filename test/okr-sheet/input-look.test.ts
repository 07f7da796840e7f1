// Cells a person types into and cells a formula works out look different everywhere: every column of the
// OKR table, its tracking columns and the check-in tab is classified by what its cells hold (a formula, in a
// row or as the column's array formula in its title, makes it computed; a constant date such as
// =DATE(2027;1;1) is a typed value), and its fill must be the computed look or the input look accordingly.

import { describe, expect, it } from 'vitest';
import {
  type CheckInTabInput,
  type CheckInTabLayout,
  layoutCheckInTab,
  PIPELINE_PLACES,
  PLAN_COLUMNS,
  TAB_COLUMN_KEYS,
  HEADER_PLACES as TAB_HEADER_PLACES,
  tabColumn,
} from '../../src/core/check-in/check-in-tab';
import { layoutTracking, TRACKING_KEYS, type TrackingKey } from '../../src/core/check-in/tracking';
import type { Lang } from '../../src/core/i18n';
import type { SheetCell } from '../../src/core/okr-sheet/cells';
import { COLUMN_KEYS, COLUMNS, columnOf, HEADER_PLACES } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { checkInWeek, quarterDates } from '../../src/core/quarter';
import { FILL, type SheetSpec } from '../../src/core/sheet-spec';
import { workedExamplePlan } from './plans';

/** A formula that works something out; a constant date is what a person would type as a date. */
const isComputed = (cell: SheetCell | null | undefined): boolean =>
  !!cell && 'formula' in cell && !/^=DATE\(\d+;\d+;\d+\)$/.test(cell.formula);

const look = (computed: boolean) => (computed ? FILL.computed : FILL.input);
const cellAt = (spec: SheetSpec, row: number, column: number) => spec.cells[row - 1]?.[column - 1];
const fillAt = (spec: SheetSpec, row: number, column: number) => spec.backgrounds[row - 1]?.[column - 1];

/** Each cell of `column` from `first` to `last` with the fill it has and the one it should have. */
function columnLooks(spec: SheetSpec, column: number, first: number, last: number, titleRow: number) {
  const rows = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const computed =
    isComputed(cellAt(spec, titleRow, column)) || rows.some((row) => isComputed(cellAt(spec, row, column)));
  return { computed, wrong: rows.filter((row) => fillAt(spec, row, column) !== look(computed)) };
}

const sample = (lang: Lang, style: 'addon' | 'portable'): CheckInTabInput => ({
  lang,
  style,
  currency: 'PLN',
  quarter: { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
  week: checkInWeek('2027-01-01', '2027-01-27'),
  asOf: '2027-01-27',
  okrSheetId: 7,
  keyResults: [
    {
      id: 'O1.1',
      kind: 'increase',
      objective: 'Pipeline',
      title: 'New customers',
      owner: 'Anna',
      unit: 'count',
      start: 0,
      target: 10,
      committed: false,
      lastValue: 2,
      lastRecordedDay: 46400,
    },
    {
      id: 'O1.2',
      kind: 'milestone',
      objective: 'Pipeline',
      title: 'CRM live',
      owner: 'Ben',
      unit: 'count',
      start: null,
      target: null,
      committed: true,
      lastValue: null,
      lastRecordedDay: null,
    },
  ],
});

describe.each([
  ['en', 'addon'],
  ['pl', 'portable'],
] as const)('input and computed cells (%s, %s style)', (lang, style) => {
  it('of the OKR table: each column in the look of what its cells hold, spare rows included', () => {
    const plan = workedExamplePlan(lang, style);
    const layout = layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
    const computedColumns: string[] = [];
    for (const { key, column } of COLUMNS) {
      const { computed, wrong } = columnLooks(layout, column, layout.firstDataRow, layout.lastRow, layout.headerRow);
      expect({ key, wrong }).toEqual({ key, wrong: [] });
      if (computed) computedColumns.push(key);
    }
    expect(computedColumns).toEqual(['score', 'objectiveScore', 'status', 'initiatives', 'scenario']);
    expect(COLUMN_KEYS).toHaveLength(COLUMNS.length);
    // The header block: the as-of date is typed over, the expected progress is worked out.
    const value = (field: 'asOf' | 'expected') =>
      [HEADER_PLACES[field].row, HEADER_PLACES[field].labelColumn + 1] as const;
    for (const field of ['asOf', 'expected'] as const) {
      const [row, column] = value(field);
      expect(fillAt(layout, row, column)).toBe(look(isComputed(cellAt(layout, row, column))));
    }
    expect(fillAt(layout, ...value('expected'))).toBe(FILL.computed);
  });

  it('of the tracking columns: all worked out by the add-on, none typed', () => {
    const layout = layoutTracking({
      lang,
      style,
      quarterLabel: 'Q1 2027',
      quarterEnd: '2027-03-31',
      historySheetName: 'History',
      historyLastRow: 10,
      headerRow: 6,
      lastRow: 9,
      okrColumns: Object.fromEntries(COLUMN_KEYS.map((key) => [key, columnOf(key)])),
      columns: Object.fromEntries(TRACKING_KEYS.map((key, index) => [key, 20 + index])) as Record<TrackingKey, number>,
      asOf: '$F$4',
      rows: [
        { row: 7, milestone: false, unit: 'count', currency: 'PLN', forecast: { pessimistic: 1, standard: 2 } },
        { row: 8, milestone: true, unit: 'count', currency: 'PLN' },
      ],
    });
    for (const key of TRACKING_KEYS) {
      // Formulas in the title or the rows, or (portable forecasts) numbers the add-on rewrites at each recording.
      expect(layout.backgrounds[key]).toEqual([FILL.header, FILL.computed, FILL.computed, FILL.computed]);
    }
  });

  it('of the check-in tab: key results, pipeline, deals, blockers and plan, the plan check as computed', () => {
    const layout: CheckInTabLayout = layoutCheckInTab(sample(lang, style));
    const { keyResults, plan, deals, blockers } = layout.regions;
    const computedColumns: string[] = [];
    for (const key of TAB_COLUMN_KEYS) {
      const column = tabColumn(key);
      const last = keyResults.row + keyResults.rows - 1;
      const { computed, wrong } = columnLooks(layout, column, keyResults.row, last, keyResults.row - 1);
      expect({ key, wrong }).toEqual({ key, wrong: [] });
      if (computed) computedColumns.push(key);
    }
    expect(computedColumns).toEqual(expect.arrayContaining(['share', 'score', 'change', 'status', 'flags', 'plan']));
    for (const column of Object.values(PLAN_COLUMNS)) {
      const { wrong } = columnLooks(layout, column, plan.row, plan.row + plan.rows - 1, plan.row - 1);
      expect({ column, wrong }).toEqual({ column, wrong: [] });
    }
    expect(fillAt(layout, plan.row, PLAN_COLUMNS.flag)).toBe(FILL.computed);
    for (const region of [deals, blockers]) {
      for (let column = 1; column <= 6; column++) {
        for (let row = region.row; row < region.row + region.rows; row++) {
          if (cellAt(layout, row, column) !== null || fillAt(layout, row, column) !== FILL.plain) {
            expect(fillAt(layout, row, column)).toBe(look(isComputed(cellAt(layout, row, column))));
          }
        }
      }
    }
    const pipelineRow = layout.regions.pipeline.row;
    for (const place of Object.values(PIPELINE_PLACES)) {
      const [row, column] = [pipelineRow + place.offset, place.value];
      expect(fillAt(layout, row, column)).toBe(look(isComputed(cellAt(layout, row, column))));
    }
    for (const field of ['asOf', 'expected'] as const) {
      const place = TAB_HEADER_PLACES[field];
      const [row, column] = [layout.regions.header.row + place.offset, place.value];
      expect(fillAt(layout, row, column)).toBe(look(isComputed(cellAt(layout, row, column))));
    }
  });
});

describe('the two looks', () => {
  it('differ, and no status colour can pass for either', () => {
    expect(FILL.input).not.toBe(FILL.computed);
    for (const status of [FILL.green, FILL.yellow, FILL.red]) {
      expect([FILL.input, FILL.computed]).not.toContain(status);
    }
  });
});
