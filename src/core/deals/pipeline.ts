// The pipeline arithmetic of docs/domain.md ("Deals and the monthly review"), on numbers already read:
// weighted pipeline, Salesforce's cumulative forecast categories, win rate, sales cycle and the coverage a
// win rate needs. The formula layer (src/core/formulas.ts) reads cells into these; the monthly review can
// call them on Deal records.

import type { ForecastCategory } from './deal';

/**
 * Σ amount × probability (probability a fraction).
 * @example weightedPipeline([[100_000, 0.5], [40_000, 0.25]]) // 60000
 */
export function weightedPipeline(rows: readonly (readonly [number, number])[]): number {
  return rows.reduce((sum, [amount, probability]) => sum + amount * probability, 0);
}

/** The rollups FORECAST_ROLLUP answers: the cumulative rules, and closed alone. */
export type Rollup = 'commit' | 'bestCase' | 'pipeline' | 'closed';

/** Which categories each rollup sums (Salesforce's cumulative rule; pipeline is every open deal). */
export const ROLLUP_CATEGORIES: Record<Rollup, readonly ForecastCategory[]> = {
  closed: ['closed'],
  commit: ['commit', 'closed'],
  bestCase: ['bestCase', 'commit', 'closed'],
  pipeline: ['pipeline', 'bestCase', 'commit'],
};

/**
 * The amount of a rollup over deals with their categories.
 * @example forecastRollup([[10, 'commit'], [5, 'closed'], [7, 'bestCase']], 'bestCase') // 22
 */
export function forecastRollup(deals: readonly (readonly [number, ForecastCategory])[], rollup: Rollup): number {
  const counted = ROLLUP_CATEGORIES[rollup];
  return deals.reduce((sum, [amount, category]) => (counted.includes(category) ? sum + amount : sum), 0);
}

/**
 * Won ÷ (won + lost); `null` when nothing was won or lost. Open deals never count.
 * @example winRate(['won', 'lost', 'open', 'won']) // 0.6667
 */
export function winRate(outcomes: readonly ('won' | 'lost' | 'open')[]): number | null {
  const won = outcomes.filter((outcome) => outcome === 'won').length;
  const lost = outcomes.filter((outcome) => outcome === 'lost').length;
  return won + lost === 0 ? null : won / (won + lost);
}

/**
 * Mean days from created to closed; `null` for no deals.
 * @example salesCycle([[100, 130], [100, 110]]) // 20
 */
export function salesCycle(deals: readonly (readonly [number, number])[]): number | null {
  if (deals.length === 0) return null;
  return deals.reduce((sum, [created, closed]) => sum + (closed - created), 0) / deals.length;
}

/**
 * The pipeline needed per unit of quota at a win rate (a fraction above 0): 1 ÷ win rate.
 * @example coverageNeeded(0.25) // 4
 */
export function coverageNeeded(winRateFraction: number): number {
  return 1 / winRateFraction;
}
