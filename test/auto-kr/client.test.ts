// The sidebar's side of self-updating key results, in Node: a library template brings its source into the
// draft, the source goes into the plan sent (never for a milestone), picking a source sets the unit its number
// is in, a continued fed KR keeps its source and starts at 0 or its last value by the source, and the check-in
// view words each fed key result's value or problem from its code, and what a repair did, in both languages.

import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { fedList, fedProblemText } from '../../src/client/check-in-view';
import { carriedStartOf, keyResultFromTemplate, submitPayload } from '../../src/client/draft';
import { repairDoneText } from '../../src/client/fed-repair-card';
import { QuarterStore } from '../../src/client/quarter-store';
import { setLang } from '../../src/client/texts';
import { KR_TEMPLATES } from '../../src/core/kr-library';
import type { FedKeyResult } from '../../src/shared/check-in-api';
import type { QuarterPlan } from '../../src/shared/plan';
import { continuingState, freshState } from '../client/states';

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

describe('a fed key result continued from the previous quarter', () => {
  it('keeps its source, and starts at 0 for a total, at the last value for a level or when typed', () => {
    const state = continuingState();
    const [pipeline, winRate] = state.previousQuarter?.keyResults ?? [];
    if (!pipeline || !winRate) throw new Error('no previous key results');
    pipeline.source = 'deals.wonRevenue';
    winRate.source = 'deals.winRate';
    const store = new QuarterStore(state);
    const objective = store.draft.objectives[0];
    const [first, second] = objective?.keyResults ?? [];
    if (!objective || !first || !second) throw new Error('no key results');
    expect([first.source, second.source]).toEqual(['deals.wonRevenue', 'deals.winRate']);
    expect(carriedStartOf(first)).toEqual({ start: 0, why: 'restarts' });
    expect(carriedStartOf(second)).toEqual({ start: 0.3, why: 'lastValue' });
    const sent = () => (submitPayload(store.draft, state.previousQuarter) as { plan: QuarterPlan }).plan;
    expect(sent().objectives[0]?.keyResults[0]).toMatchObject({ source: 'deals.wonRevenue', start: 0 });
    // Typed from now on: the last value, as any typed KR carried over.
    store.setSource(objective, first, '');
    expect(carriedStartOf(first)).toEqual({ start: 800_000, why: 'lastValue' });
    store.setCarried(first, 'keep');
    expect(carriedStartOf(first)).toBeNull();
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

describe('what a repair of fed key results did, in words', () => {
  const done = {
    ok: true as const,
    dealsSheet: 'Transakcje',
    dealsCreated: true,
    okrSheet: 'OKR Q1 2027',
    repaired: ['O1.1', 'O1.2'],
    unfed: [{ id: 'O2.1', fields: ['created' as const] }],
    tab: {} as never,
  };

  it('says which KRs read which sheet again, and which were left for a missing column', () => {
    setLang('pl');
    expect(repairDoneText(done)).toEqual([
      'Naprawione: O1.1, O1.2 znów czytają arkusz „Transakcje”, utworzony pusty; zaimportuj transakcje przez Importuj transakcje….',
      expect.stringMatching(/^O2\.1 zostaje bez zmian: w arkuszu „Transakcje” brakuje kolumny “.+”\.$/),
    ]);
    setLang('en');
    expect(repairDoneText({ ...done, dealsSheet: 'Deals', dealsCreated: false, unfed: [] })).toEqual([
      'Repaired: O1.1, O1.2 read “Deals” again.',
    ]);
    expect(repairDoneText({ ...done, repaired: [], unfed: [] })).toEqual([
      'Nothing to repair: every key result fed by Deals has its formula.',
    ]);
  });
});
