// The initiatives of the New quarter draft, as the planner holds them while the manager types: each a
// hypothesis tied to a key result of the draft (by its key, so renumbering or reordering KRs keeps the tie),
// with an owner, a status, the ICE inputs as typed, and optional tasks. Sent as the plan's optional
// `initiatives` and `tasks` (src/shared/plan.ts): ids I1, I2… by position, each KR by the id the plan sends.

import type { InitiativePlan, TaskPlan, Unit } from '../shared/plan';
import type { PlanLayout } from './draft';

export const INITIATIVE_STATUSES = ['idea', 'running', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** The ICE inputs, each 1–10, typed as text. */
export const ICE_FIELDS = ['impact', 'confidence', 'ease'] as const;
export type IceField = (typeof ICE_FIELDS)[number];

export interface DraftTask {
  key: number;
  title: string;
  owner: string;
  /** ISO day from the date field; '' for none. */
  due: string;
}

export interface DraftInitiative {
  key: number;
  hypothesis: string;
  /** The key of the draft's key result it serves; 0 for none chosen yet. */
  keyResultKey: number;
  owner: string;
  status: InitiativeStatus;
  impact: string;
  confidence: string;
  ease: string;
  tasks: DraftTask[];
}

/** The text fields of an initiative and of a task the manager types into. */
export type InitiativeTextField = 'hypothesis' | 'owner' | IceField;
export type TaskTextField = 'title' | 'owner' | 'due';

/** The id the plan and the Initiatives sheet give the initiative at `index`. */
export function initiativeId(index: number): string {
  return `I${index + 1}`;
}

export function emptyInitiative(key: number, keyResultKey: number): DraftInitiative {
  return {
    key,
    hypothesis: '',
    keyResultKey,
    owner: '',
    status: 'idea',
    impact: '',
    confidence: '',
    ease: '',
    tasks: [],
  };
}

export function emptyTask(key: number): DraftTask {
  return { key, title: '', owner: '', due: '' };
}

/** The payload path of an initiative (its index in the plan) and of a task (its index among all tasks). */
export function initiativePath(initiatives: readonly DraftInitiative[], initiative: DraftInitiative): string {
  return `plan.initiatives.${initiatives.indexOf(initiative)}`;
}

export function taskPath(initiatives: readonly DraftInitiative[], task: DraftTask): string {
  const all = initiatives.flatMap((each) => each.tasks);
  return `plan.tasks.${all.indexOf(task)}`;
}

/** Every path the Initiatives section shows messages at: its two slots, and when open each card's fields. */
export function initiativePaths(initiatives: readonly DraftInitiative[], open: boolean): string[] {
  const paths = ['plan.initiatives', 'plan.tasks'];
  if (!open) return paths;
  const fields = ['', '.hypothesis', '.keyResultId', '.owner', '.status', '.impact', '.confidence', '.ease'];
  for (let index = 0; index < initiatives.length; index++) {
    for (const part of fields) paths.push(`plan.initiatives.${index}${part}`);
  }
  const tasks = initiatives.reduce((count, initiative) => count + initiative.tasks.length, 0);
  for (let index = 0; index < tasks; index++) {
    for (const part of ['', '.title', '.owner', '.due']) paths.push(`plan.tasks.${index}${part}`);
  }
  return paths;
}

/**
 * The plan's `initiatives` and `tasks` (none when the draft has no initiative). `number` reads an ICE field
 * as the plan's other numbers are read (unreadable text is sent as typed on submit, for the server to name).
 */
export function initiativesPlan(
  initiatives: readonly DraftInitiative[],
  layout: PlanLayout,
  number: (text: string, unit: Unit) => number | null,
): { initiatives?: InitiativePlan[]; tasks?: TaskPlan[] } {
  if (initiatives.length === 0) return {};
  const ice = (text: string) => (text.trim() === '' ? null : number(text, 'count'));
  const tasks: TaskPlan[] = [];
  const planned = initiatives.map((initiative, index): InitiativePlan => {
    const id = initiativeId(index);
    for (const task of initiative.tasks) {
      tasks.push({
        title: task.title,
        initiativeId: id,
        ...(task.owner.trim() ? { owner: task.owner.trim() } : {}),
        ...(task.due ? { due: task.due } : {}),
      });
    }
    const placed = layout.keyResults.get(initiative.keyResultKey);
    return {
      id,
      hypothesis: initiative.hypothesis,
      keyResultId: placed?.index == null ? '' : placed.id,
      ...(initiative.owner.trim() ? { owner: initiative.owner.trim() } : {}),
      status: initiative.status,
      impact: ice(initiative.impact),
      confidence: ice(initiative.confidence),
      ease: ice(initiative.ease),
    };
  });
  return { initiatives: planned, ...(tasks.length > 0 ? { tasks } : {}) };
}
