// A plan's initiatives and tasks (src/shared/plan.ts, as the sidebar and the plan file give them) as the core
// models them: ids given or I1, I2…, owners trimmed, an initiative's own progress from % to a fraction.

import type { QuarterPlan } from '../../shared/plan';
import { assignInitiativeIds, type Initiative, type Task } from './initiatives';

/** The plan's initiatives and tasks as the core models them: ids given or I1, I2…, own progress as a fraction. */
export function initiativesOf(plan: QuarterPlan): { initiatives: Initiative[]; tasks: Task[] } {
  const given = plan.initiatives ?? [];
  const ids = assignInitiativeIds(given.map((initiative) => initiative.id));
  const initiatives = given.map(
    (initiative, index): Initiative => ({
      id: ids[index] as string,
      hypothesis: initiative.hypothesis,
      keyResultId: initiative.keyResultId.trim(),
      owner: initiative.owner?.trim() ?? '',
      status: initiative.status,
      reach: initiative.reach ?? null,
      impact: initiative.impact ?? null,
      confidence: initiative.confidence ?? null,
      ease: initiative.ease ?? null,
      effort: initiative.effort ?? null,
      progress: initiative.progress === undefined || initiative.progress === null ? null : initiative.progress / 100,
    }),
  );
  const tasks = (plan.tasks ?? []).map(
    (task): Task => ({
      title: task.title,
      initiativeId: task.initiativeId.trim(),
      owner: task.owner?.trim() ?? '',
      due: task.due ?? '',
      done: task.done ?? false,
    }),
  );
  return { initiatives, tasks };
}
