// Grading a quarter at its close, as the domain brief defines it: each key result's final score is the
// scoring rule at the quarter's end (e = 1), shown rounded to 0.1 as Google grades are while the exact value
// is kept; its band (green delivered, yellow progress, red not delivered; a committed KR is green only at
// 1.0); the committed verdict; the owner's override, which needs a reason; objective and team grades; the
// distribution by band; and the flags the guide warns about. Results are codes and numbers: the Grades
// sheet, the menu and the CLI put them into words.

import { ASPIRATIONAL, COMMITTED, type Status, statusOf } from '../pace';
import { type KeyResultKind, objectiveScore, scoreKeyResult } from '../score';

/** A band of the grading scale; the same three colours as the status during the quarter. */
export type GradeBand = Status;

export const GRADE_BANDS: readonly GradeBand[] = ['green', 'yellow', 'red'];

/** What a committed KR's grade says: met (1.0), or a miss the team explains. `null` for an aspirational KR. */
export type CommittedVerdict = 'met' | 'miss' | null;

/** A key result as the close reads it from the quarter's OKR sheet. */
export interface ClosingKeyResult {
  id: string;
  title: string;
  owner: string;
  objectiveId: string;
  objectiveTitle: string;
  kind: KeyResultKind;
  start: number | null;
  target: number | null;
  /** The value at the quarter's end; `null` when none was ever typed. */
  current: number | null;
  weight: number;
  committed: boolean;
}

/** The owner's override of a grade: both it and the final score are kept. */
export interface GradeOverride {
  /** The grade the owner gives, 0…1; `null` when none was typed. */
  value: number | null;
  reason: string;
}

export interface KeyResultGrade {
  id: string;
  title: string;
  owner: string;
  objectiveId: string;
  committed: boolean;
  weight: number;
  /** The exact final score, 0…1; `null` when the KR has no value to score (then it has no band either). */
  score: number | null;
  /** The score as Google shows a grade: rounded to one decimal. */
  shown: number | null;
  band: GradeBand | null;
  verdict: CommittedVerdict;
}

export interface ObjectiveGrade {
  id: string;
  title: string;
  /** Weighted mean of its KRs' final scores (the objective rule); `null` when none has a score. */
  grade: number | null;
  band: GradeBand | null;
}

/** Something the close wants a person to look at, as a code with its parameters. */
export type GradeFlag =
  | { code: 'allAtOne'; count: number }
  | { code: 'committedMiss'; id: string; score: number }
  | { code: 'noValue'; id: string };

export interface QuarterGrades {
  keyResults: KeyResultGrade[];
  objectives: ObjectiveGrade[];
  /** The team's grade: the mean of its objectives' grades, each objective counting once. */
  team: number | null;
  teamBand: GradeBand | null;
  /** How many KRs landed in each band; KRs with no score are counted apart. */
  distribution: Record<GradeBand, number> & { ungraded: number };
  flags: GradeFlag[];
}

// Scores are ratios of decimals: 1.0 may arrive as 0.9999999999999999 and must still be 1.
const TOLERANCE = 1e-9;

/**
 * A grade as Google shows it: rounded to one decimal (0.65 → 0.7, 0.04 → 0).
 * @example shownGrade(0.6666) // 0.7
 */
export function shownGrade(score: number): number {
  return Math.round((score + TOLERANCE) * 10) / 10;
}

/**
 * The band of a final score: green from 0.7 (from 1.0 for a committed KR), yellow from 0.4 (0.7 committed),
 * red below. The exact score decides, not the rounded one: 0.69 is yellow though it shows as 0.7.
 * @example gradeBand(0.69) // 'yellow'
 * @example gradeBand(0.9, true) // 'yellow'
 */
export function gradeBand(score: number, committed = false): GradeBand {
  return statusOf(score, 1, committed ? COMMITTED : ASPIRATIONAL);
}

/** A committed KR is expected at 1.0: below it is a miss to explain. */
export function committedVerdict(score: number | null, committed: boolean): CommittedVerdict {
  if (!committed || score === null) return null;
  return score + TOLERANCE >= 1 ? 'met' : 'miss';
}

/** What is wrong with an override as typed, or `null` when it can be used (or there is none). */
export type OverrideProblem = 'noReason' | 'outOfRange';

/** An override needs a reason, and a grade on the 0…1 scale. */
export function overrideProblem(override: GradeOverride): OverrideProblem | null {
  if (override.value === null) return null;
  if (!(override.value >= 0 && override.value <= 1)) return 'outOfRange';
  return override.reason.trim() === '' ? 'noReason' : null;
}

/** The grade that counts: an acceptable override, else the final score. */
export function effectiveGrade(score: number | null, override: GradeOverride | null): number | null {
  if (override && override.value !== null && overrideProblem(override) === null) return override.value;
  return score;
}

/** Grades one key result at the quarter's end. */
export function gradeKeyResult(keyResult: ClosingKeyResult): KeyResultGrade {
  const score = scoreKeyResult({
    start: keyResult.start,
    target: keyResult.target,
    current: keyResult.current,
    kind: keyResult.kind,
  });
  return {
    id: keyResult.id,
    title: keyResult.title,
    owner: keyResult.owner,
    objectiveId: keyResult.objectiveId,
    committed: keyResult.committed,
    weight: keyResult.weight,
    score,
    shown: score === null ? null : shownGrade(score),
    band: score === null ? null : gradeBand(score, keyResult.committed),
    verdict: committedVerdict(score, keyResult.committed),
  };
}

/**
 * Grades a quarter: every KR, each objective (the weighted mean of its KRs), the team (the mean of its
 * objectives), the distribution by band and the flags, in the KRs' order.
 */
export function gradeQuarter(keyResults: readonly ClosingKeyResult[]): QuarterGrades {
  const graded = keyResults.map(gradeKeyResult);
  const objectiveOrder: { id: string; title: string }[] = [];
  for (const keyResult of keyResults) {
    if (!objectiveOrder.some((objective) => objective.id === keyResult.objectiveId)) {
      objectiveOrder.push({ id: keyResult.objectiveId, title: keyResult.objectiveTitle });
    }
  }
  const objectives = objectiveOrder.map(({ id, title }): ObjectiveGrade => {
    const own = graded.filter((grade) => grade.objectiveId === id);
    const grade = objectiveScore(
      own.map((kr) => kr.score),
      own.map((kr) => kr.weight),
    );
    return { id, title, grade, band: grade === null ? null : gradeBand(grade) };
  });
  const team = objectiveScore(objectives.map((objective) => objective.grade));
  const distribution = { green: 0, yellow: 0, red: 0, ungraded: 0 };
  for (const grade of graded) distribution[grade.band ?? 'ungraded'] += 1;

  const flags: GradeFlag[] = [];
  const scored = graded.filter((grade) => grade.score !== null);
  // "Every KR at 1.0 means the goals were too safe": said of a quarter, so one lone KR is no pattern.
  if (
    scored.length >= 2 &&
    scored.length === graded.length &&
    scored.every((g) => (g.score as number) >= 1 - TOLERANCE)
  ) {
    flags.push({ code: 'allAtOne', count: scored.length });
  }
  for (const grade of graded) {
    if (grade.score === null) flags.push({ code: 'noValue', id: grade.id });
    else if (grade.verdict === 'miss') flags.push({ code: 'committedMiss', id: grade.id, score: grade.score });
  }
  return {
    keyResults: graded,
    objectives,
    team,
    teamBand: team === null ? null : gradeBand(team),
    distribution,
    flags,
  };
}

/** The guide's retro questions (Google re:Work), in order. */
export const RETRO_QUESTIONS = ['achieved', 'missed', 'differently', 'carryOn'] as const;
export type RetroQuestion = (typeof RETRO_QUESTIONS)[number];
