// The New quarter view's store (src/client/quarter-store.ts) driven as the components drive it: what each
// action does to the draft, where messages go, and what the view is asked to focus.

import { describe, expect, it } from 'vitest';
import { messageBoard } from '../../src/client/messages';
import { FIRST_INVALID, lintPath, QuarterStore } from '../../src/client/quarter-store';
import { KR_TEMPLATES } from '../../src/core/kr-library';
import { continuingState, freshState } from './states';

function firstOf(store: QuarterStore) {
  const objective = store.draft.objectives[0];
  const keyResult = objective?.keyResults[0];
  if (!objective || !keyResult) throw new Error('no first key result');
  return { objective, keyResult };
}

describe('the New quarter store', () => {
  it('adds a team objective under a company one and asks for its title to be focused', () => {
    const store = new QuarterStore(freshState());
    store.addObjective();
    const added = store.draft.objectives[1];
    expect(added?.level).toBe('team');
    expect(store.focus?.id).toBe(`o${added?.key}-title`);
    expect(store.objectivePath(added ?? firstOf(store).objective)).toBe('plan.objectives.1');
  });

  it('clears only the message of the field being edited', () => {
    const store = new QuarterStore(freshState());
    store.finishSubmit({
      ok: false,
      errors: [
        { path: 'plan.objectives.0.keyResults.0.target', message: 'Target of O1.1: “abc” is not a number' },
        { path: 'plan.team', message: 'Team must not be empty' },
      ],
    });
    expect(store.focus?.id).toBe(FIRST_INVALID);
    expect(store.summary).toHaveLength(2);
    const { objective, keyResult } = firstOf(store);
    store.editKeyResult(objective, keyResult, 'target', '8');
    expect(store.errors.map((error) => error.path)).toEqual(['plan.team']);
  });

  it('shows the error of a field the view no longer draws on its key result card', () => {
    const store = new QuarterStore(freshState());
    const { objective, keyResult } = firstOf(store);
    store.setKind(objective, keyResult, 'milestone');
    store.finishSubmit({ ok: false, errors: [{ path: 'plan.objectives.0.keyResults.0.target', message: 'No' }] });
    const board = messageBoard(store.errors, [], store.shownPaths());
    expect(board.errors('plan.objectives.0.keyResults.0')).toEqual(['No']);
    expect(board.errors('plan.objectives.0.keyResults.0.target')).toEqual([]);
  });

  it('lets a template replace the untouched only key result, and adds it after a typed one', () => {
    const store = new QuarterStore(freshState());
    const { objective } = firstOf(store);
    const [first, second] = KR_TEMPLATES;
    if (!first || !second) throw new Error('no templates');
    store.addTemplate(objective, first);
    expect(objective.keyResults.map((keyResult) => keyResult.title)).toEqual([first.title.en]);
    store.addTemplate(objective, second);
    expect(objective.keyResults.map((keyResult) => keyResult.title)).toEqual([first.title.en, second.title.en]);
  });

  it('opens one library panel at a time, its search focused, and keeps what was searched', () => {
    const store = new QuarterStore(freshState());
    const { objective } = firstOf(store);
    store.toggleLibrary(objective);
    expect(store.focus?.id).toBe(`o${objective.key}-library-search`);
    store.searchLibrary('win');
    expect(store.library).toEqual({ key: objective.key, query: 'win' });
    expect(store.shownPaths().has(`ui.library.${objective.key}`)).toBe(true);
    store.toggleLibrary(objective);
    expect(store.library).toBeNull();
  });

  it('warns about an activity written as a key result, at that key result’s title', () => {
    const store = new QuarterStore(freshState());
    const { objective, keyResult } = firstOf(store);
    store.editKeyResult(objective, keyResult, 'title', 'Make 100 calls');
    store.lint();
    const board = messageBoard([], store.warnings, store.shownPaths());
    expect(board.warnings('plan.objectives.0.keyResults.0.title').join(' ')).toMatch(/activit/i);
  });

  it('forgets a removed company objective in the objectives that supported it', () => {
    const store = new QuarterStore(continuingState());
    const [company, team] = store.draft.objectives;
    if (!company || !team) throw new Error('no objectives');
    expect(team.parent).toBe(company.key);
    store.removeObjective(company);
    expect(team.parent).toBe(0);
  });

  it('sets every continued key result at once, and drops them from the plan', () => {
    const store = new QuarterStore(continuingState());
    expect(store.shownPaths().has('carryOver')).toBe(true);
    store.setAllCarried('drop');
    expect(store.continued().every((keyResult) => keyResult.from?.choice === 'drop')).toBe(true);
    expect(store.shownPaths().has('plan.objectives.0')).toBe(false);
    expect(store.shownPaths().has('carryOver.O1.1')).toBe(true);
  });

  it('sends one submit at a time, and shows the sheet built', () => {
    const store = new QuarterStore(freshState());
    expect(store.startSubmit()).toMatchObject({ plan: { team: 'Sales' }, previousSheetId: null });
    expect(store.startSubmit()).toBeNull();
    store.finishSubmit({ ok: true, sheetName: 'OKR Q2 2027', sheetId: 7, created: true, warnings: [] });
    expect(store.busy).toBe(false);
    expect(store.done).toEqual({ sheetName: 'OKR Q2 2027', warnings: [] });
    expect(store.focus?.id).toBe('done-title');
  });

  it('tells the view about every change', () => {
    const store = new QuarterStore(freshState());
    let told = 0;
    const stop = store.subscribe(() => {
      told += 1;
    });
    store.setTeam('Sales Poland');
    store.setPeriod('custom');
    stop();
    store.setYear(2028);
    expect(told).toBe(2);
    expect(store.draft).toMatchObject({ team: 'Sales Poland', quarterMode: 'custom', year: 2028 });
  });

  it('reads a lint path given as a list or as dots', () => {
    expect(lintPath(['objectives', 0, 'title'])).toBe('plan.objectives.0.title');
    expect(lintPath('objectives.1')).toBe('plan.objectives.1');
    expect(lintPath(undefined)).toBe('plan');
  });
});
