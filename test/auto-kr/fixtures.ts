// A quarter whose key results are fed by the Deals sheet, one per source, beside one typed KR, and the deals of
// that quarter with what each source must compute from them, before and after deal A is marked won.

import type { KeyResultPlan, KrSource, QuarterPlan } from '../../src/shared/plan';

const kr = (fields: Partial<KeyResultPlan> & Pick<KeyResultPlan, 'title' | 'kind' | 'unit'>): KeyResultPlan => ({
  start: null,
  target: null,
  weight: 1,
  owner: 'Anna',
  committed: false,
  notes: '',
  ...fields,
});

/** Q1 2027, seven KRs fed by the Deals sheet (O1.1–O2.3) and one typed (O2.4). */
export function autoPlan(language: 'pl' | 'en' = 'en', formulaStyle: 'addon' | 'portable' = 'addon'): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Sales',
    language,
    levels: ['company'],
    currency: 'PLN',
    formulaStyle,
    objectives: [
      {
        level: 'company',
        title: 'Win more new business',
        keyResults: [
          kr({
            title: 'New clients',
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 8,
            source: 'deals.newClients',
          }),
          kr({
            title: 'Revenue won',
            kind: 'increase',
            unit: 'currency',
            start: 0,
            target: 400_000,
            source: 'deals.wonRevenue',
          }),
          kr({
            title: 'Average deal value',
            kind: 'increase',
            unit: 'currency',
            start: 40_000,
            target: 60_000,
            source: 'deals.averageDealValue',
          }),
          kr({
            title: 'Win rate',
            kind: 'increase',
            unit: 'percent',
            start: 0.25,
            target: 0.35,
            source: 'deals.winRate',
          }),
        ],
      },
      {
        level: 'company',
        title: 'A faster, fuller pipeline',
        keyResults: [
          kr({
            title: 'Sales cycle',
            kind: 'decrease',
            unit: 'days',
            start: 60,
            target: 40,
            source: 'deals.salesCycle',
          }),
          kr({
            title: 'Pipeline value',
            kind: 'atLeast',
            unit: 'currency',
            target: 1_000_000,
            source: 'deals.pipelineValue',
          }),
          kr({
            title: 'Deals in the final stage',
            kind: 'atLeast',
            unit: 'count',
            target: 5,
            source: 'deals.finalStage',
          }),
          kr({ title: 'NPS', kind: 'atLeast', unit: 'points', target: 50 }),
        ],
      },
    ],
  };
}

/** The KR ids of the plan by source. */
export const AUTO_IDS: Record<KrSource, string> = {
  'deals.newClients': 'O1.1',
  'deals.wonRevenue': 'O1.2',
  'deals.averageDealValue': 'O1.3',
  'deals.winRate': 'O1.4',
  'deals.salesCycle': 'O2.1',
  'deals.pipelineValue': 'O2.2',
  'deals.finalStage': 'O2.3',
};

/** A CRM export (importDeals payload): two deals won in Q1 2027, one won in Q4 2026, one lost, three open. */
export const DEALS = {
  header: ['Deal', 'Amount', 'Probability', 'Forecast category', 'Created', 'Close Date', 'Outcome'],
  rows: [
    ['A', '100000', '50%', 'commit', '2027-01-05', '2027-02-20', 'open'],
    ['B', '40000', '25%', 'best case', '2027-01-10', '2027-03-20', 'open'],
    ['C', '30000', '', 'closed', '2026-12-01', '2027-01-15', 'won'],
    ['D', '99999', '', 'closed', '2026-11-01', '2026-12-15', 'won'],
    ['E', '70000', '', 'omitted', '2027-01-02', '2027-01-20', 'lost'],
    ['F', '50000', '', 'closed', '2027-01-06', '2027-02-15', 'won'],
    ['G', '10000', '10%', 'commit', '2027-01-20', '2027-03-30', ''],
  ].map((cells, index) => ({ row: index + 2, cells })),
};

/** The row of deal A in the Deals sheet as the import writes it (header in row 1, deals in their order). */
export const DEAL_A_ROW = 2;

/** What each source computes from DEALS (C and F won in the quarter: 45 and 40 days; A, B, G open). */
export const BEFORE: Record<KrSource, number> = {
  'deals.newClients': 2,
  'deals.wonRevenue': 80_000,
  'deals.averageDealValue': 40_000,
  'deals.winRate': 2 / 3,
  'deals.salesCycle': 42.5,
  'deals.pipelineValue': 150_000,
  'deals.finalStage': 2,
};

/** …and once deal A (100 000, created 2027-01-05, closed 2027-02-20: 46 days) is marked won. */
export const AFTER_A_WON: Record<KrSource, number> = {
  'deals.newClients': 3,
  'deals.wonRevenue': 180_000,
  'deals.averageDealValue': 60_000,
  'deals.winRate': 3 / 4,
  'deals.salesCycle': (45 + 40 + 46) / 3,
  'deals.pipelineValue': 50_000,
  'deals.finalStage': 1,
};
