// A quarter built through the built bundle's submitQuarter, as the bundle and sidebar tests need one: team
// Sales, PLN, the add-on's formulas, one company objective. The bundle runs with the real clock, so the quarter
// is a custom period around today unless a test names one.

import { expect } from 'vitest';
import type { KeyResultPlan, Level, QuarterRef } from '../../src/shared/plan';
import { type BundleGlobals, callGlobal } from './load-bundle';

export const DAY = 86_400_000;
export const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A key result as the sidebar sends it: a count rising from 0 to 10 unless `fields` say otherwise. */
export const keyResult = (fields: Partial<KeyResultPlan> & Pick<KeyResultPlan, 'title'>): KeyResultPlan => ({
  kind: 'increase',
  unit: 'count',
  start: 0,
  target: 10,
  weight: 1,
  owner: '',
  committed: false,
  notes: '',
  ...fields,
});

export interface BundleQuarter {
  keyResults: KeyResultPlan[];
  language?: 'en' | 'pl';
  levels?: Level[];
  /** Title of the one company objective. */
  objective?: string;
  /** Days since the quarter started; it ends 60 days from today. */
  startedDaysAgo?: number;
  /** A quarter of its own instead of the period around today. */
  quarter?: QuarterRef;
  /** The OKR sheet this quarter is planned from (closed by the build). */
  previousSheetId?: number;
}

/** Builds the quarter through the bundle and expects it built. */
export function buildBundleQuarter(server: BundleGlobals, plan: BundleQuarter): void {
  const now = Date.now();
  const built = callGlobal(server, 'submitQuarter', {
    plan: {
      quarter: plan.quarter ?? {
        kind: 'custom',
        start: iso(now - (plan.startedDaysAgo ?? 20) * DAY),
        end: iso(now + 60 * DAY),
      },
      fiscalStartMonth: 1,
      team: 'Sales',
      language: plan.language ?? 'en',
      levels: plan.levels ?? ['company', 'team'],
      currency: 'PLN',
      formulaStyle: 'addon',
      objectives: [
        {
          level: 'company',
          title: plan.objective ?? 'Build a predictable pipeline',
          keyResults: plan.keyResults,
        },
      ],
    },
    ...(plan.previousSheetId === undefined ? {} : { previousSheetId: plan.previousSheetId }),
  });
  expect(built).toMatchObject({ ok: true });
}
