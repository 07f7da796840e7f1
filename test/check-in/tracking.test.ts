// The columns the OKR sheet gains beside its table, computed by HyperFormula over the OKR sheet and History
// together: after three recorded weeks, each key result's last recorded date, what each remaining week must
// bring, the min / standard / max forecasts and the score each would give are what the core computes, in
// both formula styles. (HyperFormula has no SPARKLINE; the trend cell is checked as a formula.)

import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { TRACKING_KEYS, TRACKING_METADATA, type TrackingKey } from '../../src/core/check-in/tracking';
import { forecastValue, neededPerWeek } from '../../src/core/forecast';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { scoreKeyResult } from '../../src/core/score';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import type { FakeServices } from '../fake';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import {
  buildOkrSheet,
  checkInPlan,
  findHistorySheetName,
  historyOf,
  openSpreadsheet,
  typeInto,
  wednesdayOfWeek,
} from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

const WEEKS: Record<number, Record<string, { value: unknown }>> = {
  5: { 'O1.1': { value: 2 }, 'O1.3': { value: 59 }, 'O2.2': { value: 'no' }, 'O2.3': { value: 20 } },
  6: { 'O1.1': { value: 3 }, 'O1.3': { value: 57 }, 'O2.2': { value: 'no' }, 'O2.3': { value: 24 } },
  7: { 'O1.1': { value: 5 }, 'O1.3': { value: 56 }, 'O2.2': { value: 'yes' }, 'O2.3': { value: 31 } },
};

function inputs(services: FakeServices, sheetName: string): CellInput[][] {
  const { values, formulas } = services.spreadsheet.dump(sheetName);
  return values.map((line, r) =>
    line.map((value, c) => {
      const formula = formulas[r]?.[c];
      if (formula) return formula;
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'string') return `'${value}`;
      return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
    }),
  );
}

function threeWeeks(style: 'addon' | 'portable') {
  const services = openSpreadsheet();
  const okr = buildOkrSheet(checkInPlan('en', style));
  for (const week of [5, 6, 7]) {
    generateCheckIn({ asOf: wednesdayOfWeek(week) });
    typeInto(services, `Check-in W0${week}`, WEEKS[week]!);
    recordCheckIn();
  }
  const history = findHistorySheetName(services)!;
  const sheet = services.spreadsheet.sheet(okr);
  const columns = Object.fromEntries(
    services.spreadsheet.metadata
      .filter((m) => m.key === TRACKING_METADATA && m.location.type === 'COLUMN' && m.location.sheetId === sheet.id)
      .map((m) => [m.value, m.location.type === 'COLUMN' ? m.location.span.start : 0]),
  ) as Record<TrackingKey, number>;
  const forecasts = [columns.forecastMin, columns.forecastStandard, columns.forecastMax];
  const scores = [columns.scoreMin, columns.scoreStandard, columns.scoreMax];
  // The named range of the as-of cell becomes the cell it names (the engine knows no named ranges), and
  // the as-of cell, =TODAY() in the sheet, is fixed at Wednesday of week 8.
  const okrCells = inputs(services, okr).map((line) =>
    line.map((cell) => (typeof cell === 'string' ? cell.replace(/\bOKR_Q1_2027_as_of\b/g, '$F$4') : cell)),
  );
  okrCells[3]![5] = '=DATE(2027,2,17)';
  const engineOf = (cells: CellInput[][]) =>
    createFormulaEngine({ [okr]: cells, [history]: inputs(services, history) });
  // HyperFormula fails to order a range of FILTER-over-whole-columns cells before a function reading that
  // range ("Value of the formula cell is not computed"); Sheets has no such limit. So the forecasts are
  // computed first, without the score columns, and the scores then over the forecasts' computed values.
  const first = engineOf(okrCells.map((line) => line.map((cell, c) => (scores.includes(c + 1) ? null : cell))));
  const settled = okrCells.map((line, r) =>
    line.map((cell, c) => {
      if (!forecasts.includes(c + 1) || r < 6) return cell;
      const computed = first.value(okr, `${columnLetter(c + 1)}${r + 1}`);
      return typeof computed === 'number' ? computed : null;
    }),
  );
  const second = engineOf(settled);
  const rowOf = (id: string) =>
    services.spreadsheet.dump(okr).values.findIndex((line) => line[columnOf('krId') - 1] === id) + 1;
  const value = (id: string, key: TrackingKey) =>
    (scores.includes(columns[key]) ? second : first).value(okr, `${columnLetter(columns[key])}${rowOf(id)}`);
  const formulaOf = (id: string, key: TrackingKey) =>
    services.spreadsheet.dump(okr).formulas[rowOf(id) - 1]?.[columns[key] - 1] ?? '';
  return { services, value, formulaOf, columns, history: historyOf(services) };
}

const END = dayFromIso('2027-03-31');
const AS_OF = dayFromIso('2027-02-17');
const PLAN = Object.fromEntries(checkInPlan().objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, kr])));

describe.each(['addon', 'portable'] as const)('the trend and forecast columns in the %s style', (style) => {
  const { value, formulaOf, columns, history } = threeWeeks(style);
  const points = (id: string) =>
    history.filter((r) => r.keyResultId === id && r.value !== null).map((r) => ({ day: r.day, value: r.value! }));

  it('sit in nine tagged columns beside the table', () => {
    expect(TRACKING_KEYS.map((key) => columns[key])).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(formulaOf('O1.1', 'trend')).toMatch(/^=IF\(\$D7="","",IFERROR\(SPARKLINE\(SORT\(FILTER\('History'!\$D:\$D/);
  });

  it('show the last recorded date of each key result, blank where none was recorded', () => {
    expect(value('O1.1', 'lastDate')).toBe(dayFromIso('2027-02-10'));
    expect(value('O1.2', 'lastDate')).toBe('');
  });

  it('forecast the end of the quarter in three scenarios, with the score each would give, as the core does', () => {
    for (const id of ['O1.1', 'O1.3', 'O2.3']) {
      const kr = PLAN[id]!;
      for (const [key, scenario, scoreKey] of [
        ['forecastMin', 'min', 'scoreMin'],
        ['forecastStandard', 'standard', 'scoreStandard'],
        ['forecastMax', 'max', 'scoreMax'],
      ] as const) {
        const expected = forecastValue(points(id), END, scenario) as number;
        expect(value(id, key)).toBeCloseTo(expected, 6);
        const score = scoreKeyResult({ start: kr.start, target: kr.target, current: expected, kind: kr.kind });
        expect(value(id, scoreKey)).toBeCloseTo(score as number, 6);
      }
    }
    // O1.1 grew 1, then 2 a week: at least 2 + 1·6 weeks more, at most 5 + 2·…; the trend lands between.
    expect(value('O1.1', 'forecastMin')).toBeLessThan(value('O1.1', 'forecastStandard') as number);
    expect(value('O1.1', 'forecastStandard')).toBeLessThan(value('O1.1', 'forecastMax') as number);
  });

  it('leave milestones and key results with no History without a forecast', () => {
    expect(value('O2.2', 'forecastStandard') ?? '').toBe('');
    expect(value('O1.2', 'forecastStandard') ?? '').toBe('');
    expect(value('O1.2', 'scoreStandard') ?? '').toBe('');
  });

  it('say what each remaining week must bring to reach the target', () => {
    // Current values are week 7's; 6 weeks are left after 17 February.
    expect(value('O1.1', 'needed')).toBeCloseTo(neededPerWeek(10, 5, AS_OF, END) as number, 9);
    expect(value('O1.3', 'needed')).toBeCloseTo(neededPerWeek(45, 56, AS_OF, END) as number, 9);
    expect(value('O2.2', 'needed') ?? '').toBe('');
  });
});
