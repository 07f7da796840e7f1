// Scoring of key results and objectives, exactly as the domain brief defines it: progress from start to
// target on a 0…1 scale, thresholds for results with no baseline, milestones, and the weighted objective.

/** How a key result is measured. */
export type KeyResultKind = 'increase' | 'decrease' | 'atLeast' | 'atMost' | 'milestone';

export const KEY_RESULT_KINDS: readonly KeyResultKind[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'];

// A Map, not an object: a typed "constructor" or "__proto__" must not find a kind on Object.prototype.
const KIND_WORDS = new Map<string, KeyResultKind>(
  Object.entries({
    increase: 'increase',
    up: 'increase',
    wzrost: 'increase',
    decrease: 'decrease',
    down: 'decrease',
    spadek: 'decrease',
    'at least': 'atLeast',
    atleast: 'atLeast',
    min: 'atLeast',
    minimum: 'atLeast',
    '>=': 'atLeast',
    'co najmniej': 'atLeast',
    'at most': 'atMost',
    atmost: 'atMost',
    max: 'atMost',
    maximum: 'atMost',
    '<=': 'atMost',
    'co najwyżej': 'atMost',
    'co najwyzej': 'atMost',
    milestone: 'milestone',
    'kamień milowy': 'milestone',
    'kamien milowy': 'milestone',
  } satisfies Record<string, KeyResultKind>),
);

/** Whether a key result was promised in full (committed) or is a stretch (aspirational): Google's distinction. */
export type KeyResultType = 'committed' | 'aspirational';

const TYPE_WORDS = new Map<string, KeyResultType>(
  Object.entries({
    committed: 'committed',
    commit: 'committed',
    zobowiązujący: 'committed',
    zobowiazujacy: 'committed',
    zobowiązanie: 'committed',
    zobowiazanie: 'committed',
    aspirational: 'aspirational',
    ambitious: 'aspirational',
    stretch: 'aspirational',
    ambitny: 'aspirational',
    aspiracyjny: 'aspirational',
  }) as [string, KeyResultType][],
);

/** Reads a KR type typed in English or Polish ("committed", "ambitny"); `null` if the text is no type word. */
export function parseKeyResultType(text: string): KeyResultType | null {
  return TYPE_WORDS.get(text.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** Reads a kind typed by a user in English or Polish ("at least", "co najmniej", "at_least"); `null` if unknown. */
export function parseKind(text: string): KeyResultKind | null {
  const word = text.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return KIND_WORDS.get(word) ?? null;
}

export interface KeyResultScoreInput {
  /** Baseline at the start of the quarter; `null` when the result has none (an "at least"/"at most" threshold). */
  start: number | null;
  /** The value to reach. `null` only for milestones. */
  target: number | null;
  /** The latest value; for a milestone 1 (done) or 0 (not done). `null` when nothing is recorded yet. */
  current: number | null;
  /** Explicit kind; when absent it is inferred from the numbers. */
  kind?: KeyResultKind | null;
  /** Let an overachieved result score above 1. */
  allowOver?: boolean;
}

/**
 * Infers the kind of a key result from its numbers: target below start → decrease; no start → at least.
 * @example inferKind(60, 45) // 'decrease'
 */
export function inferKind(start: number | null, target: number | null): KeyResultKind {
  if (start === null) return 'atLeast';
  if (target !== null && target < start) return 'decrease';
  return 'increase';
}

/**
 * Scores a key result on the 0…1 scale (above 1 only with `allowOver`); `null` when there is nothing to score.
 * @example scoreKeyResult({ start: 60, target: 45, current: 52 }) // 0.5333…
 * @example scoreKeyResult({ start: null, target: 0.04, current: 0.05, kind: 'atMost' }) // 0.8
 */
export function scoreKeyResult(input: KeyResultScoreInput): number | null {
  const { start, target, current } = input;
  if (current === null) return null;
  const kind = input.kind ?? inferKind(start, target);
  const cap = (score: number) => clampScore(score, input.allowOver ?? false);
  if (kind === 'milestone') return current >= 1 ? 1 : 0;
  if (target === null) return null;
  const lowerIsBetter = kind === 'atMost' || kind === 'decrease';
  if (start === null) return thresholdScore(target, current, lowerIsBetter, cap);
  if (start === target) {
    const onRightSide = lowerIsBetter ? current <= target : current >= target;
    return onRightSide ? 1 : 0;
  }
  return cap(progressRatio(start, target, current));
}

/**
 * (current − start) / (target − start), also where the differences overflow: with values near ±1e308 both
 * differences are computed on halves, which cannot overflow, so KR_SCORE(-1e308, 1e308, 0) is 0.5 and not
 * 1e308 / Infinity = 0.
 */
function progressRatio(start: number, target: number, current: number): number {
  const ratio = (current - start) / (target - start);
  if (Number.isFinite(current - start) && Number.isFinite(target - start)) return ratio;
  return (current / 2 - start / 2) / (target / 2 - start / 2);
}

/**
 * Scores a result with no baseline against its threshold: current / target for "at least", 1 or else
 * target / current for "at most".
 * @example thresholdScore(0.04, 0.05, true, cap) // 0.8
 */
function thresholdScore(target: number, current: number, lowerIsBetter: boolean, cap: (score: number) => number) {
  // A ratio measures progress only towards a target above zero. At or below zero (a net change, "churn at
  // most -2%") it would score a miss as a success, so the threshold is simply met (1) or not (0).
  if (lowerIsBetter) {
    if (current <= target) return 1;
    return target > 0 ? cap(target / current) : 0;
  }
  if (target > 0) return cap(current / target);
  return current >= target ? 1 : 0;
}

function clampScore(score: number, allowOver: boolean): number {
  if (Number.isNaN(score) || score <= 0) return 0;
  if (!allowOver || !Number.isFinite(score)) return Math.min(1, score);
  return score;
}

/**
 * Weighted mean of the key results' scores, over those that have a score; `null` when none has one.
 * @example objectiveScore([0.75, 0.6, 0.75], [2, 1, 1]) // 0.7125
 */
export function objectiveScore(
  scores: readonly (number | null)[],
  weights?: readonly (number | null)[],
): number | null {
  let weighted = 0;
  let total = 0;
  scores.forEach((score, index) => {
    if (score === null) return;
    const weight = weights?.[index] ?? 1;
    weighted += score * weight;
    total += weight;
  });
  return total > 0 ? weighted / total : null;
}
