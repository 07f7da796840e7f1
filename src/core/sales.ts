// The sales arithmetic a head of sales uses beside OKRs: pipeline coverage, initiative priority (ICE and
// RICE) and pipeline velocity. Inputs are already numbers; range checks live with the formula layer.

/**
 * Pipeline ÷ what is still to close; `null` when the quota is already met (nothing left to cover).
 * @example pipelineCoverage(900_000, 400_000, 100_000) // 3
 */
export function pipelineCoverage(pipeline: number, quota: number, closed = 0): number | null {
  const remaining = quota - closed;
  return remaining > 0 ? pipeline / remaining : null;
}

/** ICE priority: impact × confidence × ease, each 1–10, so 1…1000. @example ice(8, 5, 6) // 240 */
export function ice(impact: number, confidence: number, ease: number): number {
  return impact * confidence * ease;
}

/** RICE priority: reach × impact × confidence ÷ effort, confidence as a fraction. @example rice(500, 2, 0.8, 4) // 200 */
export function rice(reach: number, impact: number, confidence: number, effort: number): number {
  return (reach * impact * confidence) / effort;
}

/**
 * Pipeline velocity, value per day: opportunities × deal value × win rate ÷ cycle length in days.
 * @example salesVelocity(40, 50_000, 0.25, 60) // 8333.33…
 */
export function salesVelocity(opportunities: number, dealValue: number, winRate: number, cycleDays: number): number {
  return (opportunities * dealValue * winRate) / cycleDays;
}

/** A rate given as a fraction (0.8) or as a percent number (80) → fraction. */
export function asFraction(rate: number): number {
  return rate > 1 ? rate / 100 : rate;
}
