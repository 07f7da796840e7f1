// The formulas the layout writes, computed by HyperFormula with the add-on's functions registered: the
// current values of domain.md's worked examples typed into the `current` column give their scores, the
// objective scores and the statuses, in both formula styles, and the two styles agree cell for cell.

import { describe, expect, it } from 'vitest';
import { cellInput } from '../../src/core/okr-sheet/cells';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { quarterDates } from '../../src/core/quarter';
import type { QuarterPlan } from '../../src/shared/plan';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import { WORKED_CURRENT, workedExamplePlan } from './plans';

const SHEET = 'OKR';
type Key = Parameters<typeof columnOf>[0];
const COMPUTED: readonly Key[] = ['score', 'objectiveScore', 'status'];

function letter(key: Key): string {
  return String.fromCharCode(64 + columnOf(key));
}

interface Scenario {
  /** The as-of date as a formula in place of =TODAY(). */
  asOf?: string;
  /** Current values typed in KR order; the worked examples' by default. */
  currents?: readonly CellInput[];
  /** More cells typed by hand, by row offset from the first data row. */
  typed?: { offset: number; key: Key; value: CellInput }[];
  /** A new order of the data rows (indexes of the old rows), as a sort leaves them. */
  order?: readonly number[];
  /** The spreadsheet locale whose syntax the engine reads formulas in; en_US by default. */
  locale?: string;
}

/**
 * Builds the sheet as setValues would write it, types the scenario's values, and computes it. (HyperFormula
 * does not recompute an array literal `={"Score"; …}` after a cell edit, where Sheets does, so each scenario
 * gets an engine built with its values already in place.)
 */
function evaluate(plan: QuarterPlan, scenario: Scenario = {}) {
  const layout = layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
  const rows: CellInput[][] = layout.cells.map((row) => row.map((cell) => (cell === null ? null : cellInput(cell))));
  const at = (offset: number) => rows[layout.firstDataRow - 1 + offset] as CellInput[];
  rows[3]![5] = scenario.asOf ?? '=DATE(2027,3,31)';
  (scenario.currents ?? WORKED_CURRENT.map(({ current }) => current)).forEach((value, index) => {
    at(index)[columnOf('current') - 1] = value;
  });
  for (const { offset, key, value } of scenario.typed ?? []) at(offset)[columnOf(key) - 1] = value;
  if (scenario.order) {
    // A sort moves whole rows; the computed cells are the same pattern in every row (portable) or empty
    // (add-on), so they stay where they are, which is what Sheets' sort leaves them as.
    const moved = scenario.order.map((from) => [...at(from)]);
    moved.forEach((line, offset) => {
      const target = at(offset);
      for (let c = 0; c < target.length; c++) {
        if (!COMPUTED.some((key) => columnOf(key) - 1 === c)) target[c] = line[c] ?? null;
      }
    });
  }
  const engine = createFormulaEngine({ [SHEET]: rows }, { lang: plan.language, locale: scenario.locale ?? 'en_US' });
  const range = (key: Key) =>
    engine.values(SHEET, `${letter(key)}${layout.firstDataRow}:${letter(key)}${layout.lastRow}`).map((row) => row[0]);
  return {
    layout,
    engine,
    ids: range('krId'),
    score: range('score'),
    objective: range('objectiveScore'),
    status: range('status'),
    pace: engine.value(SHEET, 'F5'),
  };
}

const blank = (value: unknown) => value === '' || value === null;

describe.each(['addon', 'portable'] as const)('the %s formulas', (style) => {
  it("give the worked examples' scores and objective scores", () => {
    const { score, objective, pace } = evaluate(workedExamplePlan('pl', style));
    expect(pace).toBe(1);
    WORKED_CURRENT.forEach(({ score: expected }, index) => {
      expect(score[index]).toBeCloseTo(expected, 9);
    });
    for (const row of [0, 1, 2]) expect(objective[row]).toBeCloseTo(0.7125, 9);
    // O2: (1 + 0.8 + 1 + 0) / 4
    for (const row of [3, 4, 5, 6]) expect(objective[row]).toBeCloseTo(0.7, 9);
  });

  it('compute the same on a Polish spreadsheet, which reads `;` between arguments and `,` in decimals', () => {
    const plan = workedExamplePlan('pl', style);
    const english = evaluate(plan, { asOf: '=DATE(2027;2;15)' });
    const polish = evaluate(plan, { asOf: '=DATE(2027;2;15)', locale: 'pl_PL' });
    expect(polish.pace).toBeCloseTo(6 / 13, 9);
    WORKED_CURRENT.forEach(({ score: expected }, index) => {
      expect(polish.score[index]).toBeCloseTo(expected, 9);
    });
    for (const row of [0, 1, 2]) expect(polish.objective[row]).toBeCloseTo(0.7125, 9);
    expect(polish.status).toEqual(english.status);
    expect(polish.status.slice(0, 7)).toEqual(['🟢', '🟢', '🟢', '🟢', '🟢', '🟢', '🔴']);
  });

  it('grade at quarter end with the bands of each type', () => {
    const { status } = evaluate(workedExamplePlan('pl', style), { asOf: '=DATE(2027,4,15)' });
    // committed 0.75 → 🟡; 0.60 → 🟡; 0.75 → 🟢; 1.0 → 🟢; committed 0.8 → 🟡; milestone done → 🟢; 0 → 🔴.
    expect(status.slice(0, 7)).toEqual(['🟡', '🟡', '🟢', '🟢', '🟡', '🟢', '🔴']);
  });

  it('follow the pace during the quarter: e = whole weeks / 13', () => {
    const mid = evaluate(workedExamplePlan('en', style), { asOf: '=DATE(2027,2,15)' });
    expect(mid.pace).toBeCloseTo(6 / 13, 9);
    // e ≈ 0.46: committed 0.75 ≥ e → 🟢; the pipeline at 0 is behind any pace → 🔴.
    expect(mid.status[0]).toBe('🟢');
    expect(mid.status[6]).toBe('🔴');
    // Week 1: nothing is behind yet.
    const first = evaluate(workedExamplePlan('en', style), { asOf: '=DATE(2027,1,3)' });
    expect(first.pace).toBe(0);
    expect(first.status.slice(0, 7)).toEqual(Array(7).fill('🟢'));
  });

  it('never show a milestone not done as green, not even in week 1 or before the quarter', () => {
    const notDone = WORKED_CURRENT.map(({ current }, index) => (index === 5 ? 'nie' : current));
    for (const asOf of ['=DATE(2026,12,20)', '=DATE(2027,1,1)', '=DATE(2027,1,3)']) {
      const { pace, score, status } = evaluate(workedExamplePlan('pl', style), { asOf, currents: notDone });
      expect(pace).toBe(0);
      expect(score[5]).toBe(0);
      // Nothing expected yet: the milestone is yellow, while a number KR at 0 is still not behind.
      expect(status[5]).toBe('🟡');
      expect(status[6]).toBe('🟢');
    }
    // Once anything is expected the pace rule's red, and done is green at any date.
    expect(evaluate(workedExamplePlan('pl', style), { asOf: '=DATE(2027,1,20)', currents: notDone }).status[5]).toBe(
      '🔴',
    );
    expect(evaluate(workedExamplePlan('pl', style), { asOf: '=DATE(2027,1,1)' }).status[5]).toBe('🟢');
  });

  it('leave rows without a current value, and the spare rows, blank', () => {
    const { score, objective, status } = evaluate(workedExamplePlan('en', style), { currents: [] });
    expect(score.every(blank)).toBe(true);
    expect(objective.every(blank)).toBe(true);
    expect(status.every(blank)).toBe(true);
  });

  it('score a key result typed into a spare row', () => {
    const offset = WORKED_CURRENT.length + 3;
    const typed = (
      [
        ['objectiveId', 'O3'],
        ['kind', 'increase'],
        ['start', 0],
        ['target', 10],
        ['current', 5],
      ] as const
    ).map(([key, value]) => ({ offset, key, value }));
    const { score, objective, status } = evaluate(workedExamplePlan('en', style), { typed });
    expect(score[offset]).toBeCloseTo(0.5, 9);
    expect(objective[offset]).toBeCloseTo(0.5, 9);
    expect(status[offset]).toBe('🟡');
  });

  it('keep each result with its key result after a sort', () => {
    const before = evaluate(workedExamplePlan('en', style));
    const order = [6, 3, 0, 5, 1, 4, 2];
    const after = evaluate(workedExamplePlan('en', style), { order });
    order.forEach((from, index) => {
      expect(after.ids[index]).toBe(before.ids[from]);
      expect(after.score[index]).toEqual(before.score[from]);
      expect(after.objective[index]).toEqual(before.objective[from]);
      expect(after.status[index]).toEqual(before.status[from]);
    });
  });
});

describe('both styles', () => {
  it('give identical numbers and statuses, cell for cell, at several dates', () => {
    for (const asOf of ['=DATE(2027,1,20)', '=DATE(2027,2,15)', '=DATE(2027,3,31)']) {
      const [addon, portable] = (['addon', 'portable'] as const).map((style) =>
        evaluate(workedExamplePlan('pl', style), { asOf }),
      ) as [ReturnType<typeof evaluate>, ReturnType<typeof evaluate>];
      expect(portable.pace).toBeCloseTo(addon.pace as number, 12);
      for (const key of ['score', 'objective'] as const) {
        addon[key].forEach((value, index) => {
          const other = portable[key][index];
          if (typeof value === 'number') expect(other).toBeCloseTo(value, 12);
          else expect(blank(other)).toBe(blank(value));
        });
      }
      expect(portable.status).toEqual(addon.status);
    }
  });

  it("read either language's words, blank kinds and held levels the same way", () => {
    const cases: { kind: CellInput; start: CellInput; target: CellInput; current: CellInput; score: number }[] = [
      { kind: 'decrease', start: 60, target: 45, current: 52, score: 0.533 },
      { kind: null, start: 60, target: 45, current: 52, score: 0.533 },
      { kind: 'at least', start: null, target: 50, current: 40, score: 0.8 },
      { kind: 'co najmniej', start: null, target: 50, current: 60, score: 1 },
      { kind: 'increase', start: 5, target: 5, current: 4, score: 0 },
      { kind: 'at most', start: 5, target: 5, current: 4, score: 1 },
      { kind: 'kamień milowy', start: null, target: null, current: 'no', score: 0 },
      { kind: 'milestone', start: null, target: null, current: true, score: 1 },
    ];
    const typed = cases.flatMap((fields, offset) =>
      (['kind', 'start', 'target', 'current'] as const).map((key) => ({ offset, key, value: fields[key] })),
    );
    const [addon, portable] = (['addon', 'portable'] as const).map(
      (style) => evaluate(workedExamplePlan('en', style), { currents: [], typed }).score,
    ) as [unknown[], unknown[]];
    cases.forEach(({ score }, index) => {
      expect(addon[index]).toBeCloseTo(score, 3);
      expect(portable[index]).toBeCloseTo(addon[index] as number, 12);
    });
  });
});
