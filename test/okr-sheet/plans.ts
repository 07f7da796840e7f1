// Quarter plans the OKR-sheet tests build: domain.md's worked examples, and plans of any size across the
// three levels for the call-count comparison.

import type { KeyResultPlan, Level, QuarterPlan } from '../../src/shared/plan';

const kr = (fields: Partial<KeyResultPlan> & Pick<KeyResultPlan, 'title' | 'kind' | 'unit'>): KeyResultPlan => ({
  start: null,
  target: null,
  weight: 1,
  owner: '',
  committed: false,
  notes: '',
  ...fields,
});

/**
 * domain.md's worked examples as two objectives. Expected scores with the current values of
 * `WORKED_CURRENT`: O1 0.75 / 0.60 / 0.75 (objective 0.7125 with weights 2, 1, 1); O2 1.00 / 0.80 / 1 / 0.
 */
export function workedExamplePlan(
  language: 'pl' | 'en' = 'pl',
  formulaStyle: 'addon' | 'portable' = 'addon',
): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Sprzedaż B2B',
    language,
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle,
    objectives: [
      {
        level: 'company',
        title: 'Zbudować przewidywalny lejek na półrocze',
        keyResults: [
          kr({
            title: 'Nowi klienci na abonament',
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 4,
            weight: 2,
            owner: 'Anna',
            committed: true,
          }),
          kr({
            title: 'Średnia wartość transakcji',
            kind: 'increase',
            unit: 'currency',
            start: 40_000,
            target: 60_000,
            owner: 'Bartek',
          }),
          kr({
            title: 'Czas od leada do spotkania',
            kind: 'decrease',
            unit: 'days',
            start: 10,
            target: 2,
            owner: 'Anna',
            notes: 'z CRM',
          }),
        ],
      },
      {
        level: 'team',
        title: 'Sprzedawać skuteczniej',
        parent: 'O1',
        keyResults: [
          kr({ title: 'Win rate', kind: 'increase', unit: 'percent', start: 0.2, target: 0.3, owner: 'Celina' }),
          kr({
            title: 'Churn co najwyżej 4%',
            kind: 'atMost',
            unit: 'percent',
            start: null,
            target: 0.04,
            owner: 'Bartek',
            committed: true,
          }),
          kr({ title: 'Higiena CRM', kind: 'milestone', unit: 'count', start: null, target: null, owner: 'Celina' }),
          kr({
            title: 'Pipeline',
            kind: 'increase',
            unit: 'currency',
            start: 300_000,
            target: 1_200_000,
            owner: 'Anna',
          }),
        ],
      },
    ],
  };
}

/** Current values typed into the worked example, in KR order, and the scores they must give. */
export const WORKED_CURRENT: { current: number | string; score: number }[] = [
  { current: 3, score: 0.75 },
  { current: 52_000, score: 0.6 },
  { current: 4, score: 0.75 },
  { current: 0.35, score: 1 },
  { current: 0.05, score: 0.8 },
  { current: 'tak', score: 1 },
  { current: 300_000, score: 0 },
];

/** A plan of `objectives` × `keyResults`, spread over company, team and individual objectives. */
export function sizedPlan(
  objectives: number,
  keyResults: number,
  formulaStyle: 'addon' | 'portable' = 'addon',
): QuarterPlan {
  const levels: Level[] = ['company', 'team', 'individual'];
  const kinds = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const;
  const units = ['count', 'currency', 'percent', 'days', 'points'] as const;
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 2 },
    fiscalStartMonth: 1,
    team: 'Sales',
    language: 'en',
    levels,
    currency: 'PLN',
    formulaStyle,
    objectives: Array.from({ length: objectives }, (_, o) => ({
      level: levels[o % 3] as Level,
      title: `Objective ${o + 1}`,
      ...(o % 3 === 0 ? {} : { parent: 'O1' }),
      keyResults: Array.from({ length: keyResults }, (_, k) => {
        const kind = kinds[(o + k) % kinds.length] as (typeof kinds)[number];
        return kr({
          title: `Key result ${o + 1}.${k + 1}`,
          kind,
          unit: units[(o + k) % units.length] as (typeof units)[number],
          start: kind === 'increase' || kind === 'decrease' ? 10 : null,
          target: kind === 'milestone' ? null : kind === 'decrease' ? 5 : 20,
          owner: `Owner ${(o + k) % 7}`,
          committed: k % 2 === 0,
        });
      }),
    })),
  };
}
