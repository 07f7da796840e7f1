// Plans with initiatives and tasks for the Initiatives tests, and the fake spreadsheet's sheets as one
// HyperFormula engine, so the formulas written across the OKR sheet and the Initiatives sheet compute together.

import type { FakeServices } from '../../local/spreadsheet';
import type { InitiativePlan, QuarterPlan, TaskPlan } from '../../src/shared/plan';
import { checkInPlan } from '../check-in/support';
import { type CellInput, createFormulaEngine, type FormulaEngine } from '../support/hyperformula';

export const INITIATIVES: InitiativePlan[] = [
  {
    id: 'I1',
    hypothesis: 'We believe that a referral bonus will bring new clients because two came that way last quarter',
    keyResultId: 'O1.1',
    owner: 'Anna',
    status: 'running',
    impact: 8,
    confidence: 5,
    ease: 6,
  },
  {
    id: 'I2',
    hypothesis: 'We believe that a webinar series will grow the pipeline because leads ask for demos',
    keyResultId: 'O1.2',
    owner: '',
    status: 'idea',
    impact: 9,
    confidence: 8,
    ease: 7,
  },
  {
    id: 'I3',
    hypothesis: 'We believe that faster quotes will shorten the cycle because deals wait for them',
    keyResultId: 'O1.3',
    owner: 'Bartek',
    status: 'running',
    impact: 5,
    confidence: 5,
    ease: 5,
    progress: 40,
  },
  {
    id: 'I4',
    hypothesis: 'We believe that a churn survey will keep clients because we do not know why they leave',
    keyResultId: 'O2.1',
    owner: 'Celina',
    status: 'done',
    impact: 3,
    confidence: 4,
    ease: 9,
  },
];

export const TASKS: TaskPlan[] = [
  { title: 'Write the referral terms', initiativeId: 'I1', owner: 'Anna', due: '2027-01-15', done: true },
  { title: 'Tell the clients', initiativeId: 'I1', owner: 'Anna', due: '2027-01-29', done: false },
  { title: 'Send the survey', initiativeId: 'I4', owner: 'Celina', done: true },
];

/** The check-in plan (six KRs of Q1 2027) with four initiatives and three tasks. */
export function initiativesPlan(
  language: 'en' | 'pl' = 'en',
  formulaStyle: 'addon' | 'portable' = 'addon',
  extra: Partial<QuarterPlan> = {},
): QuarterPlan {
  return { ...checkInPlan(language, formulaStyle), initiatives: INITIATIVES, tasks: TASKS, ...extra };
}

/** The given sheets of the fake as one engine: formulas as written, texts as texts, in the sheet's locale syntax. */
export function sheetsEngine(
  services: FakeServices,
  names: readonly string[],
  options: { lang?: 'en' | 'pl'; locale?: string; edit?: (name: string, rows: CellInput[][]) => void } = {},
): FormulaEngine {
  const sheets: Record<string, CellInput[][]> = {};
  for (const name of names) {
    const { values, formulas } = services.spreadsheet.dump(name);
    const rows: CellInput[][] = values.map((line, r) =>
      line.map((value, c) => {
        const formula = formulas[r]?.[c];
        if (formula) return formula;
        if (value === '' || value === null || value === undefined) return null;
        if (typeof value === 'string') return `'${value}`;
        if (typeof value === 'number' || typeof value === 'boolean') return value;
        return String(value);
      }),
    );
    options.edit?.(name, rows);
    sheets[name] = rows;
  }
  return createFormulaEngine(sheets, {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
}
