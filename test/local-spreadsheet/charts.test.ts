// The fake's embedded charts, as Apps Script documents them: a built chart has no id until it is inserted,
// getCharts hands out the sheet's charts, updateChart saves a modified one, removeChart takes one away,
// chart ranges follow inserted rows, and every call is counted.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart

import { describe, expect, it } from 'vitest';
import { asReal, createFakeServices } from '../../local/spreadsheet';

function sheetWithData() {
  const services = createFakeServices({
    sheets: {
      Data: [
        ['Week', 'A'],
        ['W1', 1],
        ['W2', 2],
      ],
    },
  });
  return { services, sheet: asReal(services.spreadsheet.sheet('Data')), fake: services.spreadsheet.sheet('Data') };
}

describe('the fake’s embedded charts', () => {
  it('inserts a built chart with an id, its type, range, position and options', () => {
    const { services, sheet, fake } = sheetWithData();
    const chart = sheet
      .newChart()
      .setChartType(services.Charts.ChartType.LINE)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 2, 10, 4)
      .setOption('title', 'Trend')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getChartId()).toBe(1);
    expect(inserted?.getRanges().map((range) => range.getA1Notation())).toEqual(['A1:B3']);
    expect(inserted?.getContainerInfo().getAnchorRow()).toBe(5);
    expect(fake.charts[0]).toMatchObject({ type: 'LINE', anchorColumn: 2, offsetX: 10, options: { title: 'Trend' } });
    expect(services.calls.count('EmbeddedChartBuilder')).toBe(5);
    expect(services.calls.count('Sheet.insertChart')).toBe(1);
  });

  it('updates a modified chart in place and removes one, and refuses a chart inserted twice', () => {
    const { services, sheet, fake } = sheetWithData();
    const built = sheet
      .newChart()
      .setChartType(services.Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .build();
    sheet.insertChart(built);
    expect(() => sheet.insertChart(sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart)).toThrow(
      /already on a sheet/,
    );
    const modified = sheet.getCharts()[0]?.modify().setChartType(services.Charts.ChartType.COLUMN).build();
    sheet.updateChart(modified as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    expect(fake.charts.map((chart) => [chart.id, chart.type])).toEqual([[1, 'COLUMN']]);
    sheet.removeChart(sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('moves a chart’s range with rows inserted above it', () => {
    const { services, sheet, fake } = sheetWithData();
    sheet.insertChart(
      sheet.newChart().setChartType(services.Charts.ChartType.LINE).addRange(sheet.getRange('A1:B3')).build(),
    );
    sheet.insertRowsBefore(1, 2);
    expect(fake.charts[0]?.ranges[0]?.area).toEqual({ row: 3, column: 1, numRows: 3, numColumns: 2 });
  });
});
