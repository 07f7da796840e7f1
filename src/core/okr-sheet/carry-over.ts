// Starting a quarter from the previous one. For each key result the manager chose: carry it over (the new
// start is where it ended, or 0 for a Deals source that counts the quarter's own deals), keep it as it is, or
// drop it. A formula the user wrote in last quarter's `current` cell (a SUMIFS over a CRM tab, say) is the way
// that result is measured, so it comes along as a formula: never replaced by the number it last showed. The
// add-on's own formula of a Deals source is not copied: the plan's `source` says what feeds the KR now, and
// the builder writes that source's formula afresh, over the Deals sheet as it is and the new quarter's dates.
// The new quarter's ids are then given by position (O1, O1.1, O1.2…), so a key result dropped or removed
// leaves no gap; what the previous ids named (the user's formulas, the objectives a team objective supports)
// follows its key result or objective.

import type { KrSource, QuarterPlan } from '../../shared/plan';
import type { Lang } from '../i18n';
import { carriedStart } from '../kr-library';
import { formula, type SheetCell } from './cells';
import { sheetText } from './texts';

export type CarryChoice = 'carry' | 'keep' | 'drop';

/** What the reader found of a key result in the previous quarter's sheet. */
export interface PreviousKeyResult {
  id: string;
  current: number | null;
  currentFormula: string | null;
  /** The Deals source whose ready formula fed it (read from that formula); `null` when typed or the user's. */
  source: KrSource | null;
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
      // The user's own formula comes along; the add-on's formula of a source is written afresh from `kr.source`.
      const measured = last.currentFormula && !last.source ? formula(last.currentFormula) : null;
      if (measured) currentCells[id] = measured;
      const fed = !measured && Boolean(kr.source) && kr.kind !== 'milestone';
      if (choice === 'keep') return [{ ...kr, current: measured || fed ? null : last.current }];
      if (kr.kind === 'milestone') return [{ ...kr, current: null }];
      const next = carriedStart(measured ? null : kr.source, last.current);
      if (next.why === 'noValue') {
        warnings.push(sheetText(lang, 'warnCarryNoValue', { id }));
        return [{ ...kr, current: null }];
      }
      return [{ ...kr, start: next.start, current: null }];
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
  return { ...renumber({ ...plan, objectives }, currentCells), warnings };
}

/**
 * Gives the objectives and key results of a continued quarter their ids by position, and moves what the old
 * ids named: the current cells, the objective a team objective supports (dropped when that objective was), and
 * the key result each initiative serves.
 * @example renumber(planWithO1_2Only, {}) // its key result is O1.1
 */
export function renumber(
  plan: QuarterPlan,
  currentCells: Readonly<Record<string, SheetCell>>,
): { plan: QuarterPlan; currentCells: Record<string, SheetCell> } {
  const objectiveIds = new Map<string, string>();
  plan.objectives.forEach((objective, index) => {
    const old = objective.id?.trim();
    if (old && !objectiveIds.has(old.toLowerCase())) objectiveIds.set(old.toLowerCase(), `O${index + 1}`);
  });
  const cells: Record<string, SheetCell> = {};
  const byOldId = new Map(Object.entries(currentCells).map(([id, cell]) => [id.toLowerCase(), cell]));
  const keyResultIds = new Map<string, string>();
  const objectives = plan.objectives.map((objective, index) => {
    const id = `O${index + 1}`;
    const parent = objective.parent?.trim() ? objectiveIds.get(objective.parent.trim().toLowerCase()) : undefined;
    const { parent: _, ...rest } = objective;
    return {
      ...rest,
      id,
      ...(parent ? { parent } : {}),
      keyResults: objective.keyResults.map((kr, krIndex) => {
        const krId = `${id}.${krIndex + 1}`;
        if (kr.id?.trim()) keyResultIds.set(kr.id.trim().toLowerCase(), krId);
        const cell = kr.id?.trim() ? byOldId.get(kr.id.trim().toLowerCase()) : undefined;
        if (cell) {
          cells[krId] = cell;
          byOldId.delete(kr.id?.trim().toLowerCase() ?? '');
        }
        return { ...kr, id: krId };
      }),
    };
  });
  const initiatives = plan.initiatives?.map((initiative) => ({
    ...initiative,
    keyResultId: keyResultIds.get(initiative.keyResultId.trim().toLowerCase()) ?? initiative.keyResultId,
  }));
  return { plan: { ...plan, objectives, ...(initiatives ? { initiatives } : {}) }, currentCells: cells };
}
