// The regions of a check-in tab, marked by developer metadata on single rows (the Sheets API refuses a row
// location spanning several rows): every region gets its markers, the reader finds each region again, rows a
// person inserts or deletes inside a section are followed, and a tab made before (one metadata over a
// region's rows) is still read.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal } from '../../local/spreadsheet';
import { readCheckInTab } from '../../src/core/check-in/check-in-read';
import { REGION_MARKER, regionMarkers, regionsFromMetadata } from '../../src/core/check-in/check-in-regions';
import { CHECK_IN_METADATA, REGIONS } from '../../src/core/check-in/check-in-tab';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { checkInText } from '../../src/server/check-in-record';
import { readCheckInSnapshot } from '../../src/server/check-in-sheets';
import { buildOkrSheet, keyResultRows, openSpreadsheet, regionRow, wednesdayOfWeek } from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

function generatedTab() {
  const services = openSpreadsheet();
  buildOkrSheet();
  generateCheckIn({ asOf: wednesdayOfWeek(5) });
  const sheet = asReal(services.spreadsheet.sheet('Check-in W05'));
  const read = () => readCheckInSnapshot(sheet)!;
  return { services, sheet, read };
}

describe('the regions of a check-in tab', () => {
  it('puts every row and column metadata of the OKR sheet and the tab on one row or one column', () => {
    const { services } = generatedTab();
    const lines = services.spreadsheet.metadata.flatMap((m) =>
      m.location.type === 'ROW' || m.location.type === 'COLUMN' ? [m.location.span.size] : [],
    );
    expect(lines.length).toBeGreaterThan(REGIONS.length * 2);
    expect(lines.every((size) => size === 1)).toBe(true);
  });

  it('marks each region with a start and an end marker and finds the layout’s regions again', () => {
    const { read } = generatedTab();
    const { regions } = read();
    expect(Object.keys(regions).sort()).toEqual([...REGIONS].sort());
    expect(regions.keyResults?.rows).toBe(6);
    expect(regions.header).toEqual({ row: 1, rows: 4 });
    expect(regions.plan?.rows).toBe(3);
  });

  it('places markers on the rows beside a region, or on its own row at the edge of the tab', () => {
    const regions = {
      header: { row: 1, rows: 4 },
      pipeline: { row: 7, rows: 2 },
      deals: { row: 10, rows: 5 },
      keyResults: { row: 18, rows: 3 },
      blockers: { row: 24, rows: 5 },
      plan: { row: 32, rows: 3 },
    };
    const markers = regionMarkers(regions, 34);
    expect(markers.filter((m) => m.value.startsWith('header:'))).toEqual([
      { key: REGION_MARKER.start, value: 'header:0', row: 1 },
      { key: REGION_MARKER.end, value: 'header:-1', row: 5 },
    ]);
    expect(markers.filter((m) => m.value.startsWith('plan:'))).toEqual([
      { key: REGION_MARKER.start, value: 'plan:1', row: 31 },
      { key: REGION_MARKER.end, value: 'plan:0', row: 34 },
    ]);
    const found = markers.map((m) => ({ key: m.key, value: m.value, row: m.row, rows: 1 }));
    expect(regionsFromMetadata(found)).toEqual(regions);
  });

  it('reads rows a person inserted at the top and the bottom of the key results', () => {
    const { services, sheet, read } = generatedTab();
    const first = regionRow(services, 'Check-in W05', 'keyResults');
    sheet.insertRowsBefore(first, 1);
    const before = read().regions.keyResults!;
    expect(before).toEqual({ row: first, rows: 7 });
    sheet.insertRowsAfter(before.row + before.rows - 1, 2);
    expect(read().regions.keyResults).toEqual({ row: first, rows: 9 });
    expect(readCheckInTab(read()).rows.map((row) => row.keyResult.id)).toHaveLength(6);
  });

  it('keeps a section whose first and last rows a person deleted, and one with every row deleted', () => {
    const { services, sheet, read } = generatedTab();
    const rows = keyResultRows(services, 'Check-in W05');
    const blockers = regionRow(services, 'Check-in W05', 'blockers');
    sheet.deleteRows(blockers, 5);
    expect(read().regions.blockers).toEqual({ row: blockers, rows: 0 });
    sheet.deleteRow(rows.get('O2.3')!);
    sheet.deleteRow(rows.get('O1.1')!);
    expect(readCheckInTab(read()).rows.map((row) => row.keyResult.id)).toEqual(['O1.2', 'O1.3', 'O2.1', 'O2.2']);
    const { text, problems } = checkInText();
    expect(problems).toEqual([]);
    expect(text).toContain('PLAN FOR THE WEEK:');
  });

  it('reads the regions of a tab made before, with one metadata over each region’s rows', () => {
    const legacy = [
      { key: CHECK_IN_METADATA.region, value: 'keyResults', row: 18, rows: 6 },
      { key: CHECK_IN_METADATA.region, value: 'plan', row: 33, rows: 3 },
    ];
    expect(regionsFromMetadata(legacy)).toEqual({ keyResults: { row: 18, rows: 6 }, plan: { row: 33, rows: 3 } });
  });

  it('finds no region whose start marker is gone, so the reader says it is missing', () => {
    const found = regionMarkers(
      {
        header: { row: 1, rows: 4 },
        pipeline: { row: 7, rows: 2 },
        deals: { row: 10, rows: 5 },
        keyResults: { row: 18, rows: 3 },
        blockers: { row: 24, rows: 5 },
        plan: { row: 32, rows: 3 },
      },
      34,
    )
      .filter((m) => !(m.key === REGION_MARKER.start && m.value.startsWith('deals:')))
      .map((m) => ({ ...m, rows: 1 }));
    expect(regionsFromMetadata(found).deals).toBeUndefined();
  });
});
