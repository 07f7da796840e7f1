// The middle of the OKR stack (docs: "From strategy to execution"): initiatives, the hypotheses a team tries
// to move a key result, ranked by ICE or RICE, and the tasks that carry them out. Plain data and rules: the
// score and rank of each initiative, its progress (the share of its tasks done, or its own % when it has
// no task), and the flags a manager acts on, as codes with parameters; the words live at the edge.

import { asFraction, ice, rice } from '../sales';

export const INITIATIVE_STATUSES = ['idea', 'running', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const PRIORITY_METHODS = ['ice', 'rice'] as const;
export type PriorityMethod = (typeof PRIORITY_METHODS)[number];

/** The status words of both languages, so a word typed in the other language still counts. */
export const STATUS_WORDS: Record<'en' | 'pl', Record<InitiativeStatus, string>> = {
  en: { idea: 'idea', running: 'running', done: 'done', dropped: 'dropped' },
  pl: { idea: 'pomysł', running: 'w realizacji', done: 'zrobione', dropped: 'porzucone' },
};

/** How many of the top-ranked initiatives count as "high-ranked" for the no-owner flag. */
export const HIGH_RANK = 3;

/** The hypothesis template the sidebar and the CLI offer (docs: "We believe that … will … because …"). */
export const HYPOTHESIS_TEMPLATE = {
  en: 'We believe that … will … because …',
  pl: 'Wierzymy, że … spowoduje … ponieważ …',
} as const;

/** The status a word names, in either language and any case; `null` for a word that is none. */
export function statusOf(word: string): InitiativeStatus | null {
  const wanted = word.trim().toLowerCase();
  for (const words of Object.values(STATUS_WORDS)) {
    for (const status of INITIATIVE_STATUSES) if (words[status] === wanted) return status;
  }
  return (INITIATIVE_STATUSES as readonly string[]).includes(wanted) ? (wanted as InitiativeStatus) : null;
}

export interface Initiative {
  id: string;
  hypothesis: string;
  /** The KR it serves; '' when it names none. */
  keyResultId: string;
  owner: string;
  status: InitiativeStatus;
  /** ICE inputs, each 1–10. */
  impact?: number | null;
  confidence?: number | null;
  ease?: number | null;
  /** RICE inputs besides impact and confidence (0–100 or a fraction). */
  reach?: number | null;
  effort?: number | null;
  /** Its own progress 0–1, used when it has no task. */
  progress?: number | null;
}

export interface Task {
  title: string;
  /** The initiative it carries out; '' when it names none. */
  initiativeId: string;
  owner: string;
  /** ISO date, or '' when none. */
  due: string;
  done: boolean;
}

const given = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The priority score by ICE or RICE; `null` while an input is missing. */
export function initiativeScore(initiative: Initiative, method: PriorityMethod): number | null {
  const { impact, confidence, ease, reach, effort } = initiative;
  if (method === 'ice') {
    return given(impact) && given(confidence) && given(ease) ? ice(impact, confidence, ease) : null;
  }
  if (!given(reach) || !given(impact) || !given(confidence) || !given(effort) || effort <= 0) return null;
  return rice(reach, impact, asFraction(confidence), effort);
}

/**
 * Ranks by score, highest first, as the sheet's RANK does: equal scores share a rank and the next rank
 * skips (1, 2, 2, 4); an initiative with no score has no rank.
 */
export function rankScores(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((score) =>
    score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length,
  );
}

/** Share of its tasks done; its own % when it has none; `null` when neither is known. */
export function initiativeProgress(initiative: Initiative, tasks: readonly Task[]): number | null {
  const own = tasks.filter((task) => sameId(task.initiativeId, initiative.id));
  if (own.length === 0) return given(initiative.progress) ? initiative.progress : null;
  return own.filter((task) => task.done).length / own.length;
}

export type InitiativeFlag =
  | { code: 'keyResultWithoutRunningInitiative'; keyResultId: string }
  | { code: 'initiativeWithoutKeyResult'; initiativeId: string }
  | { code: 'initiativeKeyResultNotInQuarter'; initiativeId: string; keyResultId: string }
  | { code: 'taskWithoutInitiative'; task: number; initiativeId: string }
  | { code: 'highRankedIdeaWithoutOwner'; initiativeId: string; rank: number };

export interface InitiativesAssessment {
  scores: (number | null)[];
  ranks: (number | null)[];
  progress: (number | null)[];
  /** Running initiatives per KR id of the quarter. */
  runningByKeyResult: Record<string, number>;
  flags: InitiativeFlag[];
}

function sameId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Scores, ranks, progress and flags of a quarter's initiatives and tasks against its KR ids. */
export function assessInitiatives(
  initiatives: readonly Initiative[],
  tasks: readonly Task[],
  keyResultIds: readonly string[],
  method: PriorityMethod,
): InitiativesAssessment {
  const scores = initiatives.map((initiative) => initiativeScore(initiative, method));
  const ranks = rankScores(scores);
  const progress = initiatives.map((initiative) => initiativeProgress(initiative, tasks));
  const flags: InitiativeFlag[] = [];
  const runningByKeyResult: Record<string, number> = Object.fromEntries(keyResultIds.map((id) => [id, 0]));
  const quarterId = (id: string) => keyResultIds.find((krId) => sameId(krId, id));
  initiatives.forEach((initiative, index) => {
    const krId = initiative.keyResultId.trim();
    const known = krId ? quarterId(krId) : undefined;
    if (!krId) flags.push({ code: 'initiativeWithoutKeyResult', initiativeId: initiative.id });
    else if (!known)
      flags.push({ code: 'initiativeKeyResultNotInQuarter', initiativeId: initiative.id, keyResultId: krId });
    else if (initiative.status === 'running') runningByKeyResult[known] = (runningByKeyResult[known] ?? 0) + 1;
    const rank = ranks[index];
    if (
      initiative.status === 'idea' &&
      !initiative.owner.trim() &&
      rank !== null &&
      rank !== undefined &&
      rank <= HIGH_RANK
    ) {
      flags.push({ code: 'highRankedIdeaWithoutOwner', initiativeId: initiative.id, rank });
    }
  });
  tasks.forEach((task, index) => {
    if (!initiatives.some((initiative) => sameId(initiative.id, task.initiativeId))) {
      flags.push({ code: 'taskWithoutInitiative', task: index + 1, initiativeId: task.initiativeId.trim() });
    }
  });
  for (const id of keyResultIds) {
    if ((runningByKeyResult[id] ?? 0) === 0) flags.push({ code: 'keyResultWithoutRunningInitiative', keyResultId: id });
  }
  return { scores, ranks, progress, runningByKeyResult, flags };
}

/** Ids for initiatives: the plan's own where given and unique, else I1, I2… by order, skipping taken ones. */
export function assignInitiativeIds(wanted: readonly (string | undefined)[]): string[] {
  const reserved = new Set(wanted.map((id) => id?.trim().toLowerCase()).filter((id): id is string => Boolean(id)));
  const used = new Set<string>();
  let next = 1;
  return wanted.map((id) => {
    const trimmed = id?.trim();
    if (trimmed && !used.has(trimmed.toLowerCase())) {
      used.add(trimmed.toLowerCase());
      return trimmed;
    }
    while (used.has(`i${next}`) || reserved.has(`i${next}`)) next++;
    used.add(`i${next}`);
    return `I${next}`;
  });
}

/** An initiative as read back from its sheet: what the check-in and the flags need. */
export interface InitiativeReference {
  id: string;
  keyResultId: string;
  /** `null` for a status word that is none. */
  status: InitiativeStatus | null;
}

/**
 * The initiatives of an Initiatives sheet's grid: the rows below the initiatives' title row up to the tasks'
 * section row (or the end), id in the first column, KR in the third, status in the fifth, rows with no id skipped.
 */
export function readInitiativeRows(
  values: readonly (readonly unknown[])[],
  titleRow: number,
  tasksSectionRow: number | null,
): { row: number; initiative: InitiativeReference }[] {
  const last = tasksSectionRow === null ? values.length : tasksSectionRow - 1;
  const found: { row: number; initiative: InitiativeReference }[] = [];
  for (let row = titleRow + 1; row <= last; row++) {
    const line = values[row - 1] ?? [];
    const id = String(line[0] ?? '').trim();
    if (!id) continue;
    found.push({
      row,
      initiative: { id, keyResultId: String(line[2] ?? '').trim(), status: statusOf(String(line[4] ?? '')) },
    });
  }
  return found;
}
