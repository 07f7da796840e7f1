// The columns the OKR sheet gains beside its table, computed by HyperFormula over the OKR sheet and History
// together: after three recorded weeks, each key result's last recorded date, what each remaining week must
// bring, the pessimistic / standard / optimistic forecasts and the score each would give are what the core computes, in
// both formula styles. In the add-on style each of those columns is one custom-function call, in its title
// cell, whatever the number of key results. (HyperFormula has no SPARKLINE; the trend cell is checked as a
// formula.)

import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayValue } from '../../local/number-format';
import type { FakeServices } from '../../local/spreadsheet';
import { dayFromIso } from '../../src/core/cell-values';
import {
  layoutTracking,
  TRACKING_KEYS,
  TRACKING_METADATA,
  type TrackedRow,
  type TrackingInput,
  type TrackingKey,
} from '../../src/core/check-in/tracking';
import {
  type ForecastShape,
  forecastValue,
  lowerIsBetter,
  naturalBounds,
  neededPerWeek,
} from '../../src/core/forecast';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { COLUMN_KEYS, columnOf, HEADER_ROW } from '../../src/core/okr-sheet/columns';
import { scoreKeyResult } from '../../src/core/score';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { buildQuarter } from '../../src/server/quarter-builder';
import { sizedPlan } from '../okr-sheet/plans';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import {
  buildOkrSheet,
  checkInPlan,
  findHistorySheetName,
  historyOf,
  openSpreadsheet,
  sheetIdOf,
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

/** History as engine cells; `edit` may change them (rows are History's rows, 0-based, titles first). */
type HistoryEdit = (rows: CellInput[][]) => void;

function threeWeeks(
  style: 'addon' | 'portable',
  editHistory: HistoryEdit = () => {},
  plan: ReturnType<typeof checkInPlan> = checkInPlan('en', style),
) {
  const services = openSpreadsheet();
  const okr = buildOkrSheet(plan);
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
  // The named range of the as-of cell becomes the cell it names (the engine knows no named ranges), and
  // the as-of cell, today's date in the sheet, is fixed at Wednesday of week 8.
  const okrCells = inputs(services, okr).map((line) =>
    line.map((cell) => (typeof cell === 'string' ? cell.replace(/\bOKR_Q1_2027_as_of\b/g, '$F$4') : cell)),
  );
  okrCells[3]![5] = '=DATE(2027;2;17)';
  const historyCells = inputs(services, history);
  editHistory(historyCells);
  const engine = createFormulaEngine({ [okr]: okrCells, [history]: historyCells });
  const rowOf = (id: string) =>
    services.spreadsheet.dump(okr).values.findIndex((line) => line[columnOf('krId') - 1] === id) + 1;
  const value = (id: string, key: TrackingKey) => engine.value(okr, `${columnLetter(columns[key])}${rowOf(id)}`);
  const formulas = services.spreadsheet.dump(okr).formulas;
  const formulaOf = (id: string, key: TrackingKey) => formulas[rowOf(id) - 1]?.[columns[key] - 1] ?? '';
  const titleFormula = (key: TrackingKey) => formulas[HEADER_ROW - 1]?.[columns[key] - 1] ?? '';
  return { services, value, formulaOf, titleFormula, columns, history: historyOf(services), formulas };
}

const END = dayFromIso('2027-03-31');
const AS_OF = dayFromIso('2027-02-17');
const PLAN = Object.fromEntries(checkInPlan().objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, kr])));

/** What KR_FORECAST learns of a key result from its row of the OKR table. */
function shapeOf(id: string, recorded: readonly { value: number }[]): ForecastShape {
  const kr = PLAN[id]!;
  return {
    lowerIsBetter: lowerIsBetter(kr.kind, kr.start, kr.target),
    ...naturalBounds(
      kr.unit,
      kr.start,
      kr.target,
      recorded.map((point) => point.value),
    ),
  };
}

describe.each(['addon', 'portable'] as const)('the trend and forecast columns in the %s style', (style) => {
  const { value, formulaOf, columns, history } = threeWeeks(style);
  const points = (id: string) =>
    history.filter((r) => r.keyResultId === id && r.value !== null).map((r) => ({ day: r.day, value: r.value! }));

  it('sit in ten tagged columns beside the table', () => {
    expect(TRACKING_KEYS.map((key) => columns[key])).toEqual([24, 25, 26, 27, 28, 29, 30, 31, 32, 33]);
    expect(formulaOf('O1.1', 'trend')).toMatch(/^=IF\(\$D7="";"";IFERROR\(SPARKLINE\(SORT\(FILTER\('History'!\$D:\$D/);
  });

  it('show the last recorded date of each key result, blank where none was recorded', () => {
    expect(value('O1.1', 'lastDate')).toBe(dayFromIso('2027-02-10'));
    expect(value('O1.2', 'lastDate')).toBe('');
  });

  it('forecast the end of the quarter in three scenarios, with the score each would give, as the core does', () => {
    for (const id of ['O1.1', 'O1.3', 'O2.3']) {
      const kr = PLAN[id]!;
      for (const [key, scenario, scoreKey] of [
        ['forecastMin', 'pessimistic', 'scoreMin'],
        ['forecastStandard', 'standard', 'scoreStandard'],
        ['forecastMax', 'optimistic', 'scoreMax'],
      ] as const) {
        const expected = forecastValue(points(id), END, scenario, shapeOf(id, points(id))) as number;
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

/** The check-in plan with scenarios: O1.1 0 → 10 (min 8, max 20), O1.3 60 → 45 days (min 50, max 40). */
function scenarioPlan(style: 'addon' | 'portable') {
  const plan = checkInPlan('en', style);
  for (const kr of plan.objectives.flatMap((objective) => objective.keyResults)) {
    if (kr.id === 'O1.1') Object.assign(kr, { minTarget: 8, maxTarget: 20 });
    if (kr.id === 'O1.3') Object.assign(kr, { minTarget: 50, maxTarget: 40 });
  }
  return plan;
}

describe.each(['addon', 'portable'] as const)('fact vs forecast in the %s style', (style) => {
  const { value, history } = threeWeeks(style, () => {}, scenarioPlan(style));
  const upTo = (id: string, week: number) =>
    history
      .filter((r) => r.keyResultId === id && r.value !== null && r.week <= week)
      .map((r) => ({ day: r.day, value: r.value! }));

  it('names the scenario the standard forecast reaches, rising and falling', () => {
    // O1.1 grew 2, 3, 5: the trend passes the target 10 but not the maximum 20.
    expect(value('O1.1', 'forecastStandard')).toBeGreaterThan(10);
    expect(value('O1.1', 'forecastStandard')).toBeLessThan(20);
    expect(value('O1.1', 'scenarioStandard')).toBe('standard');
    // O1.3 fell 59, 57, 56 days: short of 45, within the minimum 50.
    expect(value('O1.3', 'forecastStandard')).toBeGreaterThan(45);
    expect(value('O1.3', 'forecastStandard')).toBeLessThanOrEqual(50);
    expect(value('O1.3', 'scenarioStandard')).toBe('minimum');
    // No scenarios planned, a milestone, no History: blank.
    for (const id of ['O2.3', 'O2.2', 'O1.2']) expect(value(id, 'scenarioStandard') ?? '').toBe('');
  });

  it('keeps in History the standard forecast each week made from the values up to it', () => {
    for (const id of ['O1.1', 'O1.3']) {
      const recorded = history.filter((r) => r.keyResultId === id).sort((a, b) => a.week - b.week);
      expect(recorded.map((r) => r.week)).toEqual([5, 6, 7]);
      expect(recorded[0]?.forecast ?? null).toBeNull();
      for (const record of recorded.slice(1)) {
        const points = upTo(id, record.week);
        expect(record.forecast).toBeCloseTo(forecastValue(points, END, 'standard', shapeOf(id, points)) as number, 9);
      }
    }
    expect(history.find((r) => r.keyResultId === 'O2.2')?.forecast ?? null).toBeNull();
  });
});

const FORECASTS = [
  ['forecastMin', 'pessimistic'],
  ['forecastStandard', 'standard'],
  ['forecastMax', 'optimistic'],
] as const;

/** The custom functions of the add-on called in a formula, each call a server execution in Sheets. */
const CUSTOM_CALL = /\b(KR_FORECAST|KR_SCORE|KR_NEEDED_PER_WEEK|KR_PACE|KR_STATUS|OKR_SCORE)\(/g;

describe('the forecast columns in the add-on style', () => {
  const { value, formulaOf, titleFormula, history, formulas } = threeWeeks('addon');
  const points = (id: string) =>
    history.filter((r) => r.keyResultId === id && r.value !== null).map((r) => ({ day: r.day, value: r.value! }));

  it("are one KR_FORECAST each, in the title cell, over the quarter's History rows keyed quarter|KR id", () => {
    // The fake's History has 1000 rows; its records start in row 2, under the titles.
    const history = (letter: string) => `'History'!$${letter}$2:$${letter}$1000`;
    for (const [key, scenario] of FORECASTS) {
      const title = {
        forecastMin: 'Pessimistic forecast',
        forecastStandard: 'Standard forecast',
        forecastMax: 'Optimistic forecast',
      }[key];
      expect(titleFormula(key)).toBe(
        `={"${title}";KR_FORECAST(${history('D')};${history('J')};DATE(2027;3;31);"${scenario}";` +
          `ARRAYFORMULA(${history('K')}&"|"&${history('C')});` +
          'ARRAYFORMULA(IF(D7:D12="";"";IF(M7:M12="";"";"Q1 2027|"&D7:D12)));L7:L12;M7:M12;K7:K12;J7:J12)}',
      );
      // The rows below are left empty for the answer to spill into.
      for (const id of ['O1.1', 'O1.2', 'O2.2']) expect(formulaOf(id, key)).toBe('');
    }
    expect(
      formulas
        .flat()
        .join('\n')
        .match(/KR_FORECAST\(/g),
    ).toHaveLength(3);
  });

  it('give a key result ahead of its target and one behind the forecast the core computes', () => {
    // O1.1 (increase to 10) grew 2, 3, 5: ahead in every scenario. O1.3 (decrease to 45) fell 59, 57, 56:
    // its trend stays above 45, behind.
    for (const [key, scenario] of FORECASTS) {
      for (const id of ['O1.1', 'O1.3']) {
        expect(value(id, key)).toBeCloseTo(
          forecastValue(points(id), END, scenario, shapeOf(id, points(id))) as number,
          6,
        );
      }
      expect(value('O1.1', key)).toBeGreaterThan(10);
    }
    expect(value('O1.3', 'forecastStandard')).toBeGreaterThan(45);
    expect(value('O1.1', 'scoreStandard')).toBe(1);
    expect(value('O1.3', 'scoreStandard')).toBeLessThan(1);
  });

  it('leave milestones and key results with fewer than two recorded days blank', () => {
    // O1.2 gets one recorded value in this quarter: one point makes no trend.
    const edited = threeWeeks('addon', (rows) => {
      const template = rows.find((row) => row[2] === "'O1.1")!;
      rows.push(template.map((cell, c) => (c === 2 ? "'O1.2" : c === 3 ? 450_000 : cell)));
    });
    for (const [key] of FORECASTS) {
      expect(edited.value('O1.2', key)).toBe('');
      expect(edited.value('O2.2', key)).toBe('');
    }
    expect(edited.value('O1.2', 'scoreStandard')).toBe('');
  });

  it("ignore other quarters' rows and keep a bad History cell to the rows of its own key result", () => {
    const edited = threeWeeks('addon', (rows) => {
      const krColumn = 2;
      const valueColumn = 3;
      // Q4 2026 recorded O1.1 at 100 and O1.3 at 0: not this quarter, so no part of its forecasts.
      const template = rows.find((row) => row[krColumn] === "'O1.1")!;
      rows.push(template.map((cell, c) => (c === valueColumn ? 100 : c === 10 ? "'Q4 2026" : cell)));
      rows.push(
        template.map((cell, c) => (c === valueColumn ? 0 : c === krColumn ? "'O1.3" : c === 10 ? "'Q4 2026" : cell)),
      );
      // A person typed a word over one of O2.3's values.
      const bad = rows.findIndex((row) => row[krColumn] === "'O2.3");
      rows[bad]![valueColumn] = "'about 20";
    });
    // Row 1 of the range is History's row 2, the first record.
    const badRow = edited.history.findIndex((r) => r.keyResultId === 'O2.3') + 1;
    for (const [key, scenario] of FORECASTS) {
      for (const id of ['O1.1', 'O1.3']) {
        const expected = forecastValue(points(id), END, scenario, shapeOf(id, points(id))) as number;
        expect(edited.value(id, key)).toBeCloseTo(expected, 6);
      }
      expect(edited.value('O2.3', key)).toBe(
        `KR_FORECAST: values "about 20" is not a number (row ${badRow} of the range)`,
      );
    }
    expect(edited.value('O1.1', 'scoreMax')).toBe(1);
  });
});

describe('the tracking columns as a reader sees them', () => {
  const input = (rows: TrackedRow[]): TrackingInput => ({
    lang: 'pl',
    style: 'portable',
    quarterLabel: 'Q1 2027',
    quarterEnd: '2027-03-31',
    historySheetName: 'History',
    historyLastRow: 10,
    headerRow: 6,
    lastRow: 8,
    okrColumns: Object.fromEntries(COLUMN_KEYS.map((key) => [key, columnOf(key)])),
    columns: Object.fromEntries(TRACKING_KEYS.map((key, index) => [key, 20 + index])) as Record<TrackingKey, number>,
    asOf: '$F$4',
    rows,
  });
  const settings = { locale: 'pl_PL', timeZone: 'Europe/Warsaw' };

  it('show a forecast with the decimals the KR was typed with, and never "-0"', () => {
    const layout = layoutTracking(
      input([
        // Churn typed as 4.5 % → 3.5 %; its forecast 3.5 % must not show as 4 %.
        {
          row: 7,
          milestone: false,
          unit: 'percent',
          currency: 'PLN',
          decimals: 1,
          forecast: { pessimistic: 0.035, standard: 0.03, optimistic: 0 },
        },
        // Lead to meeting in days, 5.5 typed.
        {
          row: 8,
          milestone: false,
          unit: 'days',
          currency: 'PLN',
          decimals: 1,
          forecast: { pessimistic: 5.5, standard: 4, optimistic: 0 },
        },
      ]),
    );
    const shown = (key: TrackingKey, offset: number) => {
      const cell = layout.cells[key][offset];
      const value = typeof cell === 'object' && cell !== null && 'number' in cell ? cell.number : cell;
      return displayValue(value, layout.numberFormats[key][offset] ?? 'General', settings);
    };
    expect(shown('forecastMin', 1)).toBe('3,5%');
    expect(shown('forecastMax', 1)).toBe('0,0%');
    expect(shown('forecastMin', 2)).toBe('5,5 dni');
    // What each week must bring keeps one decimal more: a small fall is "-0,03 dni", not "-0 dni".
    expect(layout.numberFormats.needed[2]).toBe('0.00 "dni"');
    expect(displayValue(-1 / 30, layout.numberFormats.needed[2] ?? '', settings)).toBe('-0,03 dni');
    expect(layout.cells.forecastMin[0]).toMatchObject({ text: 'Pesymistyczna prognoza' });
    expect(layout.cells.forecastStandard[0]).toMatchObject({ text: 'Standardowa prognoza' });
    expect(layout.cells.forecastMax[0]).toMatchObject({ text: 'Optymistyczna prognoza' });
    expect(layout.cells.scoreMin[0]).toMatchObject({ text: 'Pesymistyczny wynik' });
  });
});

describe('the tracking columns of a 100-KR OKR sheet', () => {
  it('cost seven custom-function calls, one per column, whatever the number of key results', () => {
    const services = openSpreadsheet();
    const { sheetName: okr } = buildQuarter(sizedPlan(25, 4));
    const { sheetName } = generateCheckIn({ asOf: new Date('2027-04-14T09:00:00Z') });
    typeInto(services, sheetName, { 'O1.1': { value: 12 } });
    recordCheckIn({ sheetId: sheetIdOf(sheetName) });
    const sheet = services.spreadsheet.sheet(okr);
    const tracking = services.spreadsheet.metadata
      .filter((m) => m.key === TRACKING_METADATA && m.location.type === 'COLUMN' && m.location.sheetId === sheet.id)
      .map((m) => (m.location.type === 'COLUMN' ? m.location.span.start : 0));
    expect(tracking).toHaveLength(TRACKING_KEYS.length);
    const { formulas } = services.spreadsheet.dump(okr);
    const krRows = services.spreadsheet
      .dump(okr)
      .values.filter((line) => /^O\d+\.\d+$/.test(String(line[columnOf('krId') - 1] ?? ''))).length;
    expect(krRows).toBe(100);
    const calls = formulas.flatMap((line) =>
      tracking.flatMap((column) => (line[column - 1] ?? '').match(CUSTOM_CALL) ?? []),
    );
    expect(calls.sort()).toEqual([
      'KR_FORECAST(',
      'KR_FORECAST(',
      'KR_FORECAST(',
      'KR_NEEDED_PER_WEEK(',
      'KR_SCORE(',
      'KR_SCORE(',
      'KR_SCORE(',
    ]);
  });
});
