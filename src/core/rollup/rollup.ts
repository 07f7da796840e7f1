// Scores the company's objectives from the teams' feeds, with plain values: what the CLI writes into a
// company workbook, what the tests compare the Roll-up tab's live formulas with, and the shape of the
// Alignment map. domain.md's objective rule at both levels: a team objective's score is the weighted mean of
// its key results' scores (their weights, over those that have a score), and a company objective's score is
// the weighted mean of the scores of the team objectives aligned to it (weights 1 unless the company sets
// them), over those that have a score; none → no score.
//
// A team objective is aligned to the company objective its `company_objective` names; a team's copy of a
// company objective (level `company`, no `company_objective`) counts for the company objective of its own id.

import { objectiveScore } from '../score';
import type { FeedKeyResult } from './parse-feed';

export interface CompanyObjective {
  id: string;
  title: string;
}

/** One team's key results, read from its feed; `team` names the team (its feed's name or the link). */
export interface TeamFeed {
  team: string;
  keyResults: readonly FeedKeyResult[];
}

export interface TeamObjectiveScore {
  team: string;
  objectiveId: string;
  title: string;
  /** The company objective it is aligned to, '' when none. */
  companyObjective: string;
  /** Its weight in the company objective's mean. */
  weight: number;
  score: number | null;
  keyResults: FeedKeyResult[];
}

export interface CompanyObjectiveScore {
  id: string;
  title: string;
  score: number | null;
  /** False for an id teams name that is not among the company's objectives. */
  known: boolean;
  teamObjectives: TeamObjectiveScore[];
}

export interface Rollup {
  companyObjectives: CompanyObjectiveScore[];
  /** Team objectives aligned to no company objective. */
  unaligned: TeamObjectiveScore[];
}

/** The key of a team objective's weight: team and objective id. */
export function weightKey(team: string, objectiveId: string): string {
  return `${team}\u0000${objectiveId}`;
}

/** The company objective a team objective counts for, '' when none. */
export function alignmentOf(keyResult: Pick<FeedKeyResult, 'companyObjective' | 'level' | 'objectiveId'>): string {
  if (keyResult.companyObjective) return keyResult.companyObjective;
  return keyResult.level === 'company' ? keyResult.objectiveId : '';
}

/**
 * Rolls the teams' feeds up to the company's objectives, in the company's order, then any id teams align to
 * that the company does not have (`known: false`).
 * @example rollUp({ companyObjectives: [{ id: 'C1', title: 'Grow' }], teams }).companyObjectives[0].score
 */
export function rollUp(input: {
  companyObjectives: readonly CompanyObjective[];
  teams: readonly TeamFeed[];
  /** Weights of team objectives by weightKey(team, objectiveId); 1 when absent. */
  weights?: ReadonlyMap<string, number>;
}): Rollup {
  const teamObjectives: TeamObjectiveScore[] = [];
  for (const { team, keyResults } of input.teams) {
    const byObjective = new Map<string, TeamObjectiveScore>();
    for (const keyResult of keyResults) {
      let objective = byObjective.get(keyResult.objectiveId.toLowerCase());
      if (!objective) {
        objective = {
          team,
          objectiveId: keyResult.objectiveId,
          title: keyResult.objective,
          companyObjective: alignmentOf(keyResult),
          weight: input.weights?.get(weightKey(team, keyResult.objectiveId)) ?? 1,
          score: null,
          keyResults: [],
        };
        byObjective.set(keyResult.objectiveId.toLowerCase(), objective);
        teamObjectives.push(objective);
      }
      objective.keyResults.push(keyResult);
    }
  }
  for (const objective of teamObjectives) {
    objective.score = objectiveScore(
      objective.keyResults.map((kr) => kr.score),
      objective.keyResults.map((kr) => kr.weight),
    );
  }
  const company = new Map<string, CompanyObjectiveScore>();
  for (const { id, title } of input.companyObjectives) {
    if (!company.has(id.toLowerCase()))
      company.set(id.toLowerCase(), { id, title, score: null, known: true, teamObjectives: [] });
  }
  const unaligned: TeamObjectiveScore[] = [];
  for (const objective of teamObjectives) {
    const id = objective.companyObjective;
    if (!id) {
      unaligned.push(objective);
      continue;
    }
    let target = company.get(id.toLowerCase());
    if (!target) {
      target = { id, title: '', score: null, known: false, teamObjectives: [] };
      company.set(id.toLowerCase(), target);
    }
    target.teamObjectives.push(objective);
  }
  const companyObjectives = [...company.values()];
  for (const objective of companyObjectives) {
    objective.score = objectiveScore(
      objective.teamObjectives.map((team) => team.score),
      objective.teamObjectives.map((team) => team.weight),
    );
  }
  return { companyObjectives, unaligned };
}
