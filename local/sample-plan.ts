// A sample quarter to look at without typing one: a Polish B2B sales team's 3 objectives and 9 key results
// from domain.md's sales KR library, as the plan the sidebar sends to `submitQuarter`. The bench builds it;
// the playground may offer it on a first start.

import type { QuarterPlan } from '../src/shared/plan';

type KeyResult = QuarterPlan['objectives'][number]['keyResults'][number];

const kr = (fields: Pick<KeyResult, 'title' | 'kind' | 'unit' | 'start' | 'target' | 'owner'> & Partial<KeyResult>) =>
  ({ weight: 1, committed: false, notes: '', ...fields }) satisfies KeyResult;

/** Q1 2027 of "Sprzedaż B2B": 3 objectives × 3 key results, in Polish, with the add-on's formulas. */
export function samplePlan(): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Sprzedaż B2B',
    language: 'pl',
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle: 'addon',
    objectives: [
      {
        level: 'company',
        title: 'Zbudować przewidywalny lejek na półrocze',
        keyResults: [
          kr({
            title: "Wartość pipeline'u",
            kind: 'increase',
            unit: 'currency',
            start: 300_000,
            target: 1_000_000,
            // The scenario plan: the least the team settles for and the stretch beside the standard target.
            minTarget: 800_000,
            maxTarget: 1_200_000,
            owner: 'Anna',
            weight: 2,
            committed: true,
          }),
          kr({
            title: 'Odsetek kwalifikowanych leadów',
            kind: 'increase',
            unit: 'percent',
            start: 0.4,
            target: 0.6,
            owner: 'Bartek',
          }),
          kr({
            title: 'Czas od leada do spotkania',
            kind: 'decrease',
            unit: 'days',
            start: 7,
            target: 3,
            minTarget: 4,
            maxTarget: 2,
            owner: 'Anna',
          }),
        ],
      },
      {
        level: 'team',
        title: 'Wygrać segment SaaS',
        parent: 'O1',
        keyResults: [
          kr({
            title: 'Nowi klienci w segmencie SaaS',
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 4,
            owner: 'Celina',
            committed: true,
          }),
          kr({
            title: 'Średnia wartość kontraktu (ACV)',
            kind: 'increase',
            unit: 'currency',
            start: 50_000,
            target: 70_000,
            owner: 'Bartek',
          }),
          kr({ title: 'Win rate', kind: 'increase', unit: 'percent', start: 0.25, target: 0.35, owner: 'Celina' }),
        ],
      },
      {
        level: 'team',
        title: 'Zatrzymać i rozwinąć obecnych klientów',
        parent: 'O1',
        keyResults: [
          kr({
            title: 'Churn co najwyżej 5%',
            kind: 'atMost',
            unit: 'percent',
            start: null,
            target: 0.05,
            owner: 'Dorota',
            committed: true,
          }),
          kr({
            title: 'Przychód z upselli',
            kind: 'increase',
            unit: 'currency',
            start: 0,
            target: 100_000,
            owner: 'Dorota',
          }),
          kr({
            title: 'Higiena CRM',
            kind: 'milestone',
            unit: 'count',
            start: null,
            target: null,
            owner: 'Anna',
            notes: '100% szans aktualizowanych co tydzień',
          }),
        ],
      },
    ],
  };
}

/**
 * The plan file's own maximum by default, 60 objectives × 20 key results (1,200 KRs), in English with
 * portable formulas, as `okr build` builds it: every kind and unit in turn, objectives on three levels
 * (the team and individual ones supporting O1). The bench and the scale tests build it.
 */
export function largePlan(objectives = 60, keyResults = 20): QuarterPlan {
  const levels = ['company', 'team', 'individual'] as const;
  const kinds = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const;
  const units = ['count', 'currency', 'days', 'points'] as const;
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Sales',
    language: 'en',
    levels: [...levels],
    currency: 'PLN',
    formulaStyle: 'portable',
    objectives: Array.from({ length: objectives }, (_, o) => ({
      level: levels[o % 3] as (typeof levels)[number],
      title: `Objective ${o + 1}`,
      ...(o % 3 === 0 ? {} : { parent: 'O1' }),
      keyResults: Array.from({ length: keyResults }, (_, k) => {
        const kind = kinds[(o + k) % kinds.length] as (typeof kinds)[number];
        const unit = kind === 'milestone' ? 'count' : (units[(o + k) % units.length] as (typeof units)[number]);
        const [start, target] =
          kind === 'milestone' ? [null, null] : kind === 'decrease' ? [20, 5] : kind === 'atMost' ? [null, 5] : [0, 20];
        return kr({
          title: `Key result ${o + 1}.${k + 1}`,
          kind,
          unit,
          start: kind === 'atLeast' ? null : start,
          target,
          owner: `Owner ${(o + k) % 7}`,
          committed: k % 2 === 0,
        });
      }),
    })),
  };
}

/**
 * The check-in CSV of `largePlan`: one line per key result (`O12.3;14;7;note`), a value for every one (yes
 * or no for a milestone), `;`-separated with a header, as `okr checkin --values` reads it.
 */
export function largeCheckInCsv(objectives = 60, keyResults = 20): string {
  const kinds = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const;
  const lines = ['KR id;value;confidence;comment'];
  for (let o = 0; o < objectives; o++) {
    for (let k = 0; k < keyResults; k++) {
      const kind = kinds[(o + k) % kinds.length];
      const value = kind === 'milestone' ? (k % 2 === 0 ? 'yes' : 'no') : String((o * 7 + k * 3) % 21);
      lines.push(`O${o + 1}.${k + 1};${value};${1 + ((o + k) % 10)};week note ${o + 1}.${k + 1}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
