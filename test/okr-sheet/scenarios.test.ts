// The scenario plan on the OKR sheet: minimum and maximum targets beside the standard one, written as the
// user's numbers, read back by the one reader, and the "scenario reached" column computed by HyperFormula
// in both formula styles and both spreadsheet syntaxes. The score stays measured against the target.

import { describe, expect, it } from 'vitest';
import { cellInput } from '../../src/core/okr-sheet/cells';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { quarterDates } from '../../src/core/quarter';
import type { QuarterPlan } from '../../src/shared/plan';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import { workedExamplePlan } from './plans';

const SHEET = 'OKR';
type Key = Parameters<typeof columnOf>[0];
const letter = (key: Key) => String.fromCharCode(64 + columnOf(key));

/** The worked examples with scenarios: O1.1 0 → 4 (min 3, max 6), O1.3 10 → 2 days (min 4, max 1). */
function scenarioPlan(lang: 'pl' | 'en', style: 'addon' | 'portable'): QuarterPlan {
  const plan = workedExamplePlan(lang, style);
  const [first, second] = plan.objectives;
  if (!first || !second) throw new Error('worked examples changed');
  const krs = first.keyResults;
  krs[0] = { ...(krs[0] as (typeof krs)[0]), minTarget: 3, maxTarget: 6 };
  krs[2] = { ...(krs[2] as (typeof krs)[0]), minTarget: 4, maxTarget: 1 };
  // Only a maximum: short of the target names no scenario.
  krs[1] = { ...(krs[1] as (typeof krs)[0]), maxTarget: 80_000 };
  return plan;
}

function evaluate(plan: QuarterPlan, currents: readonly CellInput[], locale = 'en_US') {
  const layout = layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
  const rows: CellInput[][] = layout.cells.map((row) => row.map((cell) => (cell === null ? null : cellInput(cell))));
  currents.forEach((value, index) => {
    (rows[layout.firstDataRow - 1 + index] as CellInput[])[columnOf('current') - 1] = value;
  });
  const engine = createFormulaEngine({ [SHEET]: rows }, { lang: plan.language, locale });
  const range = (key: Key) =>
    engine.values(SHEET, `${letter(key)}${layout.firstDataRow}:${letter(key)}${layout.lastRow}`).map((row) => row[0]);
  return {
    layout,
    scenario: range('scenario'),
    score: range('score'),
    min: range('minTarget'),
    max: range('maxTarget'),
  };
}

describe.each(['addon', 'portable'] as const)('the scenario column (%s style)', (style) => {
  it.each(['en_US', 'pl_PL'])('names the range the current value lands in, rising and falling KRs (%s)', (locale) => {
    const plan = scenarioPlan('en', style);
    const below = evaluate(plan, [2, 50_000, 6], locale);
    expect(below.scenario.slice(0, 3)).toEqual(['below minimum', '', 'below minimum']);
    const minimum = evaluate(plan, [3, 60_000, 4], locale);
    expect(minimum.scenario.slice(0, 3)).toEqual(['minimum', 'standard', 'minimum']);
    const standard = evaluate(plan, [5, 70_000, 2], locale);
    expect(standard.scenario.slice(0, 3)).toEqual(['standard', 'standard', 'standard']);
    const maximum = evaluate(plan, [6, 80_000, 1], locale);
    expect(maximum.scenario.slice(0, 3)).toEqual(['maximum', 'maximum', 'maximum']);
  });

  it('keeps the score against the standard target, whatever the scenarios', () => {
    const { score } = evaluate(scenarioPlan('en', style), [3, 50_000, 4]);
    expect(score[0]).toBeCloseTo(0.75, 9);
    expect(score[2]).toBeCloseTo(0.75, 9);
  });

  it('says the scenario in the sheet language and leaves KRs without scenarios, blanks and spare rows blank', () => {
    const { scenario, layout } = evaluate(scenarioPlan('pl', style), [6, null, 5, 0.35]);
    expect(scenario[0]).toBe('maksymalny');
    expect(scenario[2]).toBe('poniżej minimum');
    expect(scenario[1]).toBe('');
    expect(scenario[3]).toBe('');
    expect(scenario.slice(layout.lastDataRow - layout.firstDataRow + 1).every((cell) => cell === '')).toBe(true);
  });

  it('writes the minimum and maximum as numbers in the unit of the KR, blank where none', () => {
    const { layout, min, max } = evaluate(scenarioPlan('pl', style), []);
    expect(min.slice(0, 3)).toEqual([3, null, 4]);
    expect(max.slice(0, 3)).toEqual([6, 80_000, 1]);
    const format = (row: number, key: Key) => layout.numberFormats[row - 1]?.[columnOf(key) - 1];
    expect(format(layout.firstDataRow + 1, 'maxTarget')).toBe(format(layout.firstDataRow + 1, 'target'));
  });
});
