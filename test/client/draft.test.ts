// The draft the New quarter view holds while the manager types (src/client/draft.ts): how it opens from the
// server's state, how it reads number fields, which ids the plan will show, and the payload it sends.

import { describe, expect, it } from 'vitest';
import {
  emptyKeyResult,
  emptyObjective,
  initialDraft,
  keyResultFromTemplate,
  lintablePlan,
  numberText,
  planLayout,
  quarterRef,
  readField,
  setUsePrevious,
  startIsCarried,
  submitPayload,
} from '../../src/client/draft';
import { KR_TEMPLATES } from '../../src/core/kr-library';
import { continuingState, freshState } from './states';

describe('the draft of a new quarter', () => {
  it('opens on the server’s defaults with one empty company objective when there is no previous quarter', () => {
    const draft = initialDraft(freshState());
    expect(quarterRef(draft)).toEqual({ kind: 'quarter', year: 2027, quarter: 2 });
    expect(draft.usePrevious).toBe(false);
    expect(draft.objectives).toHaveLength(1);
    expect(draft.objectives[0]).toMatchObject({ level: 'company', title: '', parent: 0 });
    expect(draft.objectives[0]?.keyResults[0]).toMatchObject({ kind: 'increase', unit: 'count', weight: '1' });
  });

  it('continues from the previous quarter: its objectives, the team one under its company one, each KR carried', () => {
    const draft = initialDraft(continuingState());
    expect(draft.usePrevious).toBe(true);
    const [company, team] = draft.objectives;
    expect(company?.title).toBe('Predictable pipeline');
    expect(team?.parent).toBe(company?.key);
    expect(company?.keyResults.map((keyResult) => keyResult.from?.choice)).toEqual(['carry', 'carry']);
    // A percent shows in percent points, grouped as the language writes numbers.
    expect(company?.keyResults[1]).toMatchObject({ start: '25', target: '35' });
    expect(company?.keyResults[0]).toMatchObject({ start: '300,000', target: '1,200,000' });
  });

  it('writes Polish numbers with a space between thousands and a decimal comma', () => {
    expect(numberText(1_200_000, 'currency', 'pl')).toMatch(/^1\s200\s000$/);
    expect(numberText(0.125, 'percent', 'pl')).toBe('12,5');
    expect(numberText(null, 'count', 'en')).toBe('');
  });

  it('stops continuing from the previous quarter and keeps what the manager added', () => {
    const state = continuingState();
    const draft = initialDraft(state);
    const added = emptyObjective('team');
    added.title = 'Mine';
    draft.objectives.push(added);
    setUsePrevious(draft, state.previousQuarter, false);
    expect(draft.objectives.map((objective) => objective.title)).toEqual(['Mine']);
    setUsePrevious(draft, state.previousQuarter, true);
    expect(draft.objectives.map((objective) => objective.title)).toEqual([
      'Predictable pipeline',
      'Win the SaaS segment',
      'Mine',
    ]);
  });

  it('reads a number field: blank is null, text that is no number is undefined, a bare percent is in points', () => {
    expect(readField('  ', 'count')).toBeNull();
    expect(readField('abc', 'count')).toBeUndefined();
    expect(readField('15', 'percent')).toBeCloseTo(0.15);
    expect(readField('15%', 'percent')).toBeCloseTo(0.15);
    expect(readField('1 200 000', 'currency')).toBe(1_200_000);
    expect(readField('2,5', 'count')).toBe(2.5);
  });

  it('numbers objectives and key results by position, skipping the ids the continued ones keep', () => {
    const state = continuingState();
    const draft = initialDraft(state);
    const mine = emptyObjective('team');
    draft.objectives.push(mine);
    const company = draft.objectives[0];
    if (!company) throw new Error('no objective');
    const extra = emptyKeyResult();
    company.keyResults.push(extra);
    const layout = planLayout(draft);
    expect(layout.objectives.get(mine.key)).toEqual({ index: 2, id: 'O3', shown: 'O3' });
    expect(layout.keyResults.get(extra.key)).toEqual({ index: 2, id: 'O1.3', shown: 'O1.3' });
  });

  it('shows the new quarter’s ids with no gap once a continued key result is dropped, still sending the old id', () => {
    const state = continuingState();
    const draft = initialDraft(state);
    const company = draft.objectives[0];
    const [pipeline, winRate] = company?.keyResults ?? [];
    if (!company || !pipeline?.from || !winRate?.from) throw new Error('no continued key results');
    pipeline.from.choice = 'drop';
    const extra = emptyKeyResult();
    company.keyResults.push(extra);
    const layout = planLayout(draft);
    // Win rate was O1.2 last quarter: the new sheet calls it O1.1, and the new key result O1.2, not O1.3.
    expect(layout.keyResults.get(winRate.key)).toEqual({ index: 0, id: 'O1.2', shown: 'O1.1' });
    expect(layout.keyResults.get(extra.key)).toEqual({ index: 1, id: 'O1.3', shown: 'O1.2' });
    expect(layout.keyResults.get(pipeline.key)).toEqual({ index: null, id: 'O1.1', shown: '' });
    // The carry-over choices still name last quarter's ids, which the builder matches and then renumbers.
    const payload = submitPayload(draft, state.previousQuarter) as { carryOver: Record<string, string> };
    expect(payload.carryOver).toMatchObject({ 'O1.1': 'drop', 'O1.2': 'carry' });
  });

  it('leaves a dropped key result out of the plan, and an objective whose key results are all dropped', () => {
    const state = continuingState();
    const draft = initialDraft(state);
    const team = draft.objectives[1];
    const saas = team?.keyResults[0];
    if (!team || !saas?.from) throw new Error('no continued key result');
    saas.from.choice = 'drop';
    const layout = planLayout(draft);
    expect(layout.objectives.get(team.key)?.index).toBeNull();
    expect(layout.keyResults.get(saas.key)).toEqual({ index: null, id: 'O2.1', shown: '' });
    const payload = submitPayload(draft, state.previousQuarter) as {
      plan: { objectives: unknown[] };
      carryOver: Record<string, string>;
      previousSheetId: number;
    };
    expect(payload.plan.objectives).toHaveLength(1);
    expect(payload.carryOver).toEqual({ 'O1.1': 'carry', 'O1.2': 'carry', 'O2.1': 'drop' });
    expect(payload.previousSheetId).toBe(42);
  });

  it('starts a carried-over key result at its last value, and a kept one at its typed start', () => {
    const state = continuingState();
    const draft = initialDraft(state);
    const [pipeline, winRate] = draft.objectives[0]?.keyResults ?? [];
    if (!pipeline?.from || !winRate?.from) throw new Error('no continued key results');
    winRate.from.choice = 'keep';
    expect(startIsCarried(pipeline)).toBe(true);
    expect(startIsCarried(winRate)).toBe(false);
    const plan = lintablePlan(draft);
    expect(plan.objectives[0]?.keyResults.map((keyResult) => keyResult.start)).toEqual([800_000, 0.25]);
  });

  it('sends a number it cannot read as typed, for the server to name, but lints it as blank', () => {
    const draft = initialDraft(freshState());
    const keyResult = draft.objectives[0]?.keyResults[0];
    if (!keyResult) throw new Error('no key result');
    keyResult.target = 'abc';
    keyResult.weight = '';
    const payload = submitPayload(draft, null) as { plan: ReturnType<typeof lintablePlan>; previousSheetId: null };
    expect(payload.previousSheetId).toBeNull();
    expect(payload.plan.objectives[0]?.keyResults[0]).toMatchObject({ target: 'abc', weight: 1 });
    expect(lintablePlan(draft).objectives[0]?.keyResults[0]?.target).toBeNull();
  });

  it('prefills a key result from a library template in the plan’s language', () => {
    const template = KR_TEMPLATES.find((each) => each.id === 'win-rate');
    if (!template) throw new Error('no win-rate template');
    const keyResult = keyResultFromTemplate(template, 'pl');
    expect(keyResult).toMatchObject({ title: template.title.pl, kind: template.kind, unit: 'percent' });
    expect(keyResult.target).toBe(numberText(template.target, 'percent', 'pl'));
  });
});
