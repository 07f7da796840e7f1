// Starting a quarter from the previous one. For each key result the manager chose: carry it over (the new
// start is where it ended), keep it as it is, or drop it. A formula the user wrote in last quarter's
// `current` cell (a SUMIFS over a CRM tab, say) is the way that result is measured, so it comes along as a
// formula: never replaced by the number it last showed.

import type { QuarterPlan } from '../../shared/plan';
import type { Lang } from '../i18n';
import { formula, type SheetCell } from './cells';
import { sheetText } from './texts';

export type CarryChoice = 'carry' | 'keep' | 'drop';

/** What the reader found of a key result in the previous quarter's sheet. */
export interface PreviousKeyResult {
  id: string;
  current: number | null;
  currentFormula: string | null;
}

export interface CarriedOver {
  plan: QuarterPlan;
  /** Contents for the new sheet's current cells by KR id: the user's formulas. */
  currentCells: Record<string, SheetCell>;
  warnings: string[];
}

/**
 * Applies the per-KR choices to the new plan; a key result is matched to last quarter's by its id.
 * @example applyCarryOver(plan, [{ id: 'O1.1', current: 3, currentFormula: null }], { 'O1.1': 'carry' }, 'en')
 */
export function applyCarryOver(
  plan: QuarterPlan,
  previous: readonly PreviousKeyResult[],
  choices: Readonly<Record<string, CarryChoice>>,
  lang: Lang,
): CarriedOver {
  const byId = new Map(previous.map((kr) => [kr.id.toLowerCase(), kr]));
  const choiceOf = new Map(Object.entries(choices).map(([id, choice]) => [id.toLowerCase(), choice]));
  const warnings: string[] = [];
  const currentCells: Record<string, SheetCell> = {};
  const inPlan = new Set<string>();

  const objectives = plan.objectives.flatMap((objective) => {
    const keyResults = objective.keyResults.flatMap((kr) => {
      const id = kr.id?.trim() ?? '';
      if (id) inPlan.add(id.toLowerCase());
      const choice = id ? choiceOf.get(id.toLowerCase()) : undefined;
      if (!choice) return [kr];
      if (choice === 'drop') return [];
      const last = byId.get(id.toLowerCase());
      if (!last) {
        warnings.push(sheetText(lang, 'warnCarryMissing', { id }));
        return [kr];
      }
      const measured = last.currentFormula ? formula(last.currentFormula) : null;
      if (choice === 'keep') {
        if (measured) currentCells[id] = measured;
        return [{ ...kr, current: measured ? null : last.current }];
      }
      if (measured) currentCells[id] = measured;
      if (kr.kind === 'milestone') return [{ ...kr, current: null }];
      if (last.current === null) {
        warnings.push(sheetText(lang, 'warnCarryNoValue', { id }));
        return [{ ...kr, current: null }];
      }
      return [{ ...kr, start: last.current, current: null }];
    });
    if (keyResults.length === 0) {
      warnings.push(sheetText(lang, 'warnObjectiveDropped', { id: objective.id ?? objective.title }));
      return [];
    }
    return [{ ...objective, keyResults }];
  });

  for (const [id, choice] of Object.entries(choices)) {
    if (choice !== 'drop' && !inPlan.has(id.toLowerCase())) {
      warnings.push(sheetText(lang, 'warnCarryNotInPlan', { id, choice }));
    }
  }
  return { plan: { ...plan, objectives }, currentCells, warnings };
}
