// The check-in's PIPELINE from the Deals sheet, computed by HyperFormula over both sheets as the add-on wrote
// them: open pipeline value, won this quarter, the two-week forecast from weighted amounts and the deals in the
// final stage. Without a Deals sheet the same cells stay for typing.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeServices } from '../../local/spreadsheet';
import { FINAL_STAGE_PLACE, PIPELINE_PLACES } from '../../src/core/check-in/check-in-tab';
import { dialectProblems } from '../../src/core/formula-text';
import { a1 } from '../../src/core/okr-sheet/cells';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { importDeals } from '../../src/server/deals-api';
import { buildOkrSheet, checkInPlan, openSpreadsheet, regionRow, wednesdayOfWeek } from '../check-in/support';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';

afterEach(() => vi.unstubAllGlobals());

const DEALS = {
  header: ['Deal', 'Amount', 'Probability', 'Forecast category', 'Close Date', 'Outcome'],
  rows: [
    ['A', '100000', '50%', 'commit', '2027-02-05', 'open'],
    ['B', '40000', '25%', 'best case', '2027-03-20', 'open'],
    ['C', '30000', '', 'closed', '2027-01-15', 'won'],
    ['D', '99999', '', 'closed', '2026-12-15', 'won'],
    ['E', '70000', '', 'omitted', '2027-01-20', 'lost'],
    ['F', '10000', '10%', 'commit', '2027-01-30', ''],
  ].map((cells, index) => ({ row: index + 2, cells })),
};

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function sheetRows(services: FakeServices, name: string): CellInput[][] {
  const { values, formulas } = services.spreadsheet.dump(name);
  return values.map((line, r) =>
    line.map((value, c) => {
      const formula = formulas[r]?.[c];
      if (formula) return formula;
      if (value === '' || value === null || value === undefined) return null;
      if (value instanceof Date) return Math.round((value.getTime() - SERIAL_EPOCH) / 86_400_000);
      if (typeof value === 'string') return `'${value}`;
      return value as CellInput;
    }),
  );
}

describe('the check-in’s pipeline from the Deals sheet', () => {
  it('computes open value, won this quarter, the two-week weighted forecast and the final-stage count', () => {
    const services = openSpreadsheet();
    buildOkrSheet(checkInPlan('en', 'portable'));
    expect(importDeals(DEALS)).toMatchObject({ ok: true, imported: 6 });
    const { sheetName } = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    const { formulas } = services.spreadsheet.dump(sheetName);
    for (const formula of formulas.flat().filter(Boolean)) expect(dialectProblems(String(formula))).toEqual([]);
    const engine = createFormulaEngine({
      [sheetName]: sheetRows(services, sheetName),
      Deals: sheetRows(services, 'Deals'),
    });
    const row = regionRow(services, sheetName, 'pipeline');
    const at = (place: { offset: number; value: number }) =>
      engine.value(sheetName, a1(row + place.offset, place.value));
    expect(at(PIPELINE_PLACES.value)).toBe(150_000);
    expect(at(PIPELINE_PLACES.closed)).toBe(30_000);
    expect(at(PIPELINE_PLACES.forecast)).toBeCloseTo(51_000);
    expect(at(FINAL_STAGE_PLACE)).toBe(2);
  });

  it('leaves the pipeline for typing when the spreadsheet has no Deals sheet', () => {
    const services = openSpreadsheet();
    buildOkrSheet(checkInPlan('en', 'portable'));
    const { sheetName } = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    const row = regionRow(services, sheetName, 'pipeline');
    const { formulas } = services.spreadsheet.dump(sheetName);
    for (const place of [PIPELINE_PLACES.value, PIPELINE_PLACES.closed, PIPELINE_PLACES.forecast]) {
      expect(formulas[row + place.offset - 1]?.[place.value - 1] ?? '').toBe('');
    }
  });
});
