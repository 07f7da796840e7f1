// The sidebar's side of self-updating key results, in Node: a library template brings its source into the
// draft, the source goes into the plan sent (never for a milestone), picking a source sets the unit its number
// is in, and the check-in view words each fed key result's value or problem from its code.

import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { fedList, fedProblemText } from '../../src/client/check-in-view';
import { keyResultFromTemplate, submitPayload } from '../../src/client/draft';
import { QuarterStore } from '../../src/client/quarter-store';
import { setLang } from '../../src/client/texts';
import { KR_TEMPLATES } from '../../src/core/kr-library';
import type { FedKeyResult } from '../../src/shared/check-in-api';
import type { QuarterPlan } from '../../src/shared/plan';
import { freshState } from '../client/states';

const template = (id: string) => {
  const found = KR_TEMPLATES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the New quarter draft', () => {
  it('takes a template’s source and sends it, except for a milestone', () => {
    const store = new QuarterStore(freshState());
    const objective = store.draft.objectives[0];
    if (!objective) throw new Error('no objective');
    store.addTemplate(objective, template('win-rate'));
    const keyResult = objective.keyResults[0];
    if (!keyResult) throw new Error('no key result');
    expect(keyResult.source).toBe('deals.winRate');
    const sent = () =>
      (submitPayload(store.draft, null) as { plan: QuarterPlan }).plan.objectives[0]?.keyResults[0]?.source;
    expect(sent()).toBe('deals.winRate');

    store.setSource(objective, keyResult, 'deals.wonRevenue');
    expect(keyResult.unit).toBe('currency');
    expect(sent()).toBe('deals.wonRevenue');
    store.setKind(objective, keyResult, 'milestone');
    expect(sent()).toBeUndefined();
    store.setKind(objective, keyResult, 'increase');
    store.setSource(objective, keyResult, '');
    expect(sent()).toBeUndefined();
  });

  it('leaves a template without a source typed', () => {
    expect(keyResultFromTemplate(template('churn'), 'en').source).toBeUndefined();
  });
});

describe('the check-in view’s fed key results', () => {
  const fed = (fields: Partial<FedKeyResult>): FedKeyResult => ({
    id: 'O1.1',
    title: 'Revenue won',
    value: 180_000,
    unit: 'currency',
    currency: 'PLN',
    deals: true,
    problem: null,
    ...fields,
  });

  it('words each problem from its code, in English and Polish', () => {
    setLang('en');
    expect(fedProblemText(fed({ problem: { code: 'formulaError', error: '#DIV/0!' } }))).toMatch(
      /^its formula shows #DIV\/0!/,
    );
    expect(fedProblemText(fed({ problem: { code: 'noDealsSheet' } }))).toMatch(/Deals sheet it reads was deleted/);
    expect(fedProblemText(fed({ problem: { code: 'noValue' } }))).toMatch(/no deal to count/);
    expect(fedProblemText(fed({ deals: false, problem: { code: 'noValue' } }))).toBe('no value yet; not recorded.');
    setLang('pl');
    expect(fedProblemText(fed({ problem: { code: 'noDealsSheet' } }))).toMatch(/usunięto arkusz transakcji/);
    setLang('en');
  });

  it('shows a value in its unit, and text from the sheet as text', () => {
    setLang('en');
    const markup = render(fedList([fed({}), fed({ id: 'O1.2', title: '<b>NPS</b>', value: null, deals: false })]));
    expect(markup).toContain('PLN 180,000');
    expect(markup).toContain('&lt;b>NPS&lt;/b>');
  });
});
