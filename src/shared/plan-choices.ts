// The choices of the plan's enums, in a module of their own without zod: the sidebar's page lists them in its
// fields and would otherwise pull shared/plan.ts's schemas (about 25 KB) into the page.

export const LEVELS = ['company', 'team', 'individual'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const;
export type Kind = (typeof KINDS)[number];

/** How a key result's numbers are read and formatted. `currency` uses the KR's or the plan's currency. */
export const UNITS = ['count', 'currency', 'percent', 'days', 'hours', 'points'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * Where a key result's current value may come from instead of being typed: a ready formula over the Deals
 * sheet (src/core/deals/kr-sources.ts writes it). Absent, the owner types the value each week.
 */
export const KR_SOURCES = [
  'deals.newClients',
  'deals.wonRevenue',
  'deals.averageDealValue',
  'deals.winRate',
  'deals.salesCycle',
  'deals.pipelineValue',
  'deals.finalStage',
] as const;
export type KrSource = (typeof KR_SOURCES)[number];

export const FORMULA_STYLES = ['addon', 'portable'] as const;
export type FormulaStyle = (typeof FORMULA_STYLES)[number];
