// Embedded charts on the fake sheet: `sheet.newChart()` hands out an `EmbeddedChartBuilder`, `build()` a
// chart not yet on the sheet (no id, as in Apps Script: "getChartId … null if the chart is not yet
// inserted"), and `insertChart` / `updateChart` / `removeChart` / `getCharts` keep the sheet's `ChartRecord`s.
// A record's ranges are anchored like rule ranges (they follow inserted and deleted rows and columns). The
// `Charts` global is modelled as far as its enums go (`Charts.ChartType.BAR`). Charts are stored, never drawn
// here: the playground draws them from the snapshot.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder

import { ChartType } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import { GridRange } from './grid';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { Fake } from './types';

type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** What a sheet keeps of one chart (fake internals, read freely in tests and by the snapshot). */
export interface ChartRecord {
  id: number;
  /** The `Charts.ChartType` member's name ('BAR', 'LINE', 'COLUMN', …). */
  type: string;
  ranges: GridRange[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  /** Options set with `setOption` (title, width, height, isStacked, …), JSON values. */
  options: Record<string, unknown>;
}

type ChartState = Omit<ChartRecord, 'id'> & { id: number | null };

function copyState(state: ChartState): ChartState {
  return {
    ...state,
    ranges: state.ranges.map((g) =>
      GridRange.of(g.sheetId, g.rows.start, g.columns.start, g.rows.size, g.columns.size),
    ),
    options: { ...state.options },
  };
}

export class FakeContainerInfo
  extends ServiceObject
  implements
    Fake<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'>
{
  constructor(
    env: FakeEnv,
    private readonly state: ChartState,
  ) {
    super(env, 'ContainerInfo');
  }

  getAnchorColumn(): number {
    this.track('getAnchorColumn');
    return this.state.anchorColumn;
  }

  getAnchorRow(): number {
    this.track('getAnchorRow');
    return this.state.anchorRow;
  }

  getOffsetX(): number {
    this.track('getOffsetX');
    return this.state.offsetX;
  }

  getOffsetY(): number {
    this.track('getOffsetY');
    return this.state.offsetY;
  }
}

export class FakeEmbeddedChart
  extends ServiceObject
  implements Fake<EmbeddedChart, 'getChartId' | 'getContainerInfo' | 'getRanges' | 'modify'>
{
  constructor(
    env: FakeEnv,
    /** Fake internals: the sheet the chart was made on, and what it holds. */
    readonly sheet: FakeSheet,
    readonly state: ChartState,
  ) {
    super(env, 'EmbeddedChart');
  }

  getChartId(): number | null {
    this.track('getChartId');
    return this.state.id;
  }

  getContainerInfo(): FakeContainerInfo {
    this.track('getContainerInfo');
    return new FakeContainerInfo(this.env, this.state);
  }

  getRanges(): FakeRange[] {
    this.track('getRanges');
    return this.state.ranges.map((g) => this.sheet.book.rangeOfGrid(g));
  }

  modify(): FakeEmbeddedChartBuilder {
    this.track('modify');
    return new FakeEmbeddedChartBuilder(this.env, this.sheet, copyState(this.state));
  }
}

type BuilderMethods =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setOption'
  | 'setPosition';

export class FakeEmbeddedChartBuilder extends ServiceObject implements Fake<EmbeddedChartBuilder, BuilderMethods> {
  constructor(
    env: FakeEnv,
    private readonly sheet: FakeSheet,
    private readonly state: ChartState = {
      id: null,
      // Sheets picks a type from the data when none is set; a chart of this fake needs one to be drawn.
      type: 'LINE',
      ranges: [],
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
      options: {},
    },
  ) {
    super(env, 'EmbeddedChartBuilder');
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.track('addRange');
    const { row, column, numRows, numColumns } = range.area;
    this.state.ranges.push(GridRange.of(range.sheet.id, row, column, numRows, numColumns));
    return this;
  }

  removeRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.track('removeRange');
    const { row, column, numRows, numColumns } = range.area;
    this.state.ranges = this.state.ranges.filter(
      (g) =>
        !(
          g.sheetId === range.sheet.id &&
          g.rows.start === row &&
          g.columns.start === column &&
          g.rows.size === numRows &&
          g.columns.size === numColumns
        ),
    );
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this.track('clearRanges');
    this.state.ranges = [];
    return this;
  }

  getRanges(): FakeRange[] {
    this.track('getRanges');
    return this.state.ranges.map((g) => this.sheet.book.rangeOfGrid(g));
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): FakeEmbeddedChartBuilder {
    this.track('setChartType');
    const name = String(type);
    if (!(name in ChartType)) throw this.env.exception(`Invalid argument: type (${name})`);
    this.state.type = name;
    return this;
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.track('getChartType');
    return (ChartType as unknown as Record<string, GoogleAppsScript.Charts.ChartType>)[
      this.state.type
    ] as GoogleAppsScript.Charts.ChartType;
  }

  // biome-ignore lint/suspicious/noExplicitAny: Apps Script's own signature takes any option value.
  setOption(option: string, value: any): FakeEmbeddedChartBuilder {
    this.track('setOption');
    // Stored as JSON, as the chart's options reach the page and the workbook file.
    this.state.options[option] = JSON.parse(JSON.stringify(value ?? null));
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    this.track('setPosition');
    for (const n of [anchorRowPos, anchorColPos]) {
      if (!Number.isInteger(n) || n < 1) throw this.env.exception('Those rows are out of bounds.');
    }
    Object.assign(this.state, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }

  build(): FakeEmbeddedChart {
    this.track('build');
    return new FakeEmbeddedChart(this.env, this.sheet, copyState(this.state));
  }
}

/** The `Charts` global, as far as the add-on uses it: its enums. */
export class FakeCharts {
  readonly ChartType = ChartType;
}

/** The record a built chart becomes on its sheet, with its id. */
export function chartRecord(chart: FakeEmbeddedChart, id: number): ChartRecord {
  const state = copyState(chart.state);
  return { ...state, id };
}
