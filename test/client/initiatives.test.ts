// Initiatives in the New quarter planner, without a page: the store's actions (src/client/quarter-store.ts)
// and the plan they send (src/client/initiative-draft.ts), and the Initiatives section drawn to markup in
// Node (text only as text). Each initiative names a key result of the draft by the id the plan sends.

import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { submitPayload } from '../../src/client/draft';
import { InitiativesSection } from '../../src/client/initiatives-section';
import { messageBoard } from '../../src/client/messages';
import { QuarterStore } from '../../src/client/quarter-store';
import { setLang } from '../../src/client/texts';
import { html } from '../../src/client/ui';
import { renumber } from '../../src/core/okr-sheet/carry-over';
import type { QuarterPlan } from '../../src/shared/plan';
import { continuingState, freshState } from './states';

function sent(store: QuarterStore): QuarterPlan {
  return (submitPayload(store.draft, store.state.previousQuarter) as { plan: QuarterPlan }).plan;
}

describe('initiatives in the New quarter store', () => {
  it('sends none until one is added, then each with its key result, owner, status, ICE inputs and tasks', () => {
    const store = new QuarterStore(freshState({ lang: 'pl' }));
    store.setLanguage('pl');
    expect(sent(store)).not.toHaveProperty('initiatives');
    expect(store.initiativesOpen).toBe(false);

    const objective = store.draft.objectives[0];
    if (!objective) throw new Error('no objective');
    store.addKeyResult(objective);
    store.addInitiative();
    const [initiative] = store.initiatives();
    if (!initiative) throw new Error('no initiative');
    expect(store.initiativesOpen).toBe(true);
    expect(store.focus?.id).toBe(`i${initiative.key}-hypothesis`);
    // It serves the first key result until another is chosen.
    expect(initiative.keyResultKey).toBe(objective.keyResults[0]?.key);
    store.setInitiativeKeyResult(initiative, objective.keyResults[1]?.key ?? 0);
    store.editInitiative(initiative, 'hypothesis', 'Wierzymy, że webinary sprawią, że przybędzie leadów');
    store.editInitiative(initiative, 'owner', ' Anna ');
    store.setInitiativeStatus(initiative, 'running');
    store.editInitiative(initiative, 'impact', '8');
    store.editInitiative(initiative, 'confidence', '6,5');
    store.addTask(initiative);
    const [task] = initiative.tasks;
    if (!task) throw new Error('no task');
    expect(store.focus?.id).toBe(`t${task.key}-title`);
    store.editTask(task, 'title', 'Pierwszy webinar');
    store.editTask(task, 'due', '2027-01-20');

    const plan = sent(store);
    expect(plan.initiatives).toEqual([
      {
        id: 'I1',
        hypothesis: 'Wierzymy, że webinary sprawią, że przybędzie leadów',
        keyResultId: 'O1.2',
        owner: 'Anna',
        status: 'running',
        impact: 8,
        confidence: 6.5,
        ease: null,
      },
    ]);
    expect(plan.tasks).toEqual([{ title: 'Pierwszy webinar', initiativeId: 'I1', due: '2027-01-20' }]);
  });

  it('sends no key result for one that was removed, and an unreadable ICE input as typed for the server to name', () => {
    const store = new QuarterStore(freshState());
    const objective = store.draft.objectives[0];
    if (!objective) throw new Error('no objective');
    store.addKeyResult(objective);
    store.addInitiative();
    const [initiative] = store.initiatives();
    const [first] = objective.keyResults;
    if (!initiative || !first) throw new Error('no initiative');
    store.removeKeyResult(objective, first);
    store.editInitiative(initiative, 'ease', 'high');
    expect(sent(store).initiatives?.[0]).toMatchObject({ keyResultId: '', ease: 'high' });
  });

  it('opens the section for a server message about an initiative or task, shown at its field', () => {
    const store = new QuarterStore(freshState());
    store.addInitiative();
    const [initiative] = store.initiatives();
    if (!initiative) throw new Error('no initiative');
    store.addTask(initiative);
    store.toggleInitiatives();
    expect(store.initiativesOpen).toBe(false);
    store.finishSubmit({
      ok: false,
      errors: [
        { path: 'plan.initiatives.0.hypothesis', message: 'Initiative I1: the hypothesis is required' },
        { path: 'plan.tasks.0.title', message: 'Task 1: the title is required' },
      ],
    });
    expect(store.initiativesOpen).toBe(true);
    const board = messageBoard(store.errors, [], store.shownPaths());
    expect(board.errors('plan.initiatives.0.hypothesis')).toEqual(['Initiative I1: the hypothesis is required']);
    expect(board.errors('plan.tasks.0.title')).toEqual(['Task 1: the title is required']);
    store.editTask(initiative.tasks[0] ?? { key: 0, title: '', owner: '', due: '' }, 'title', 'Call');
    expect(store.errors.map((error) => error.path)).toEqual(['plan.initiatives.0.hypothesis']);
    store.removeInitiative(initiative);
    expect(sent(store).initiatives).toBeUndefined();
  });

  it('names a continued key result by its previous id, which the builder renumbers with the key result', () => {
    const store = new QuarterStore(continuingState());
    const [dropped, kept] = store.continued();
    if (!dropped || !kept) throw new Error('no continued key results');
    store.setCarried(dropped, 'drop');
    store.addInitiative();
    const [initiative] = store.initiatives();
    if (!initiative) throw new Error('no initiative');
    // The first key result is dropped: the new initiative still names it until another is chosen.
    store.setInitiativeKeyResult(initiative, kept.key);
    store.editInitiative(initiative, 'hypothesis', 'We believe that scoring leads will lift the win rate');
    const plan = sent(store);
    expect(plan.initiatives?.[0]?.keyResultId).toBe('O1.2');
    expect(store.keyResultId(kept.key)).toBe('O1.1');
    expect(renumber(plan, {}).plan.initiatives?.[0]?.keyResultId).toBe('O1.1');
  });
});

describe('the Initiatives section', () => {
  it('starts closed, and shows typed markup as text with the draft’s key results to choose from', () => {
    setLang('en');
    const store = new QuarterStore(freshState());
    const closed = render(html`<${InitiativesSection} store=${store} />`);
    expect(closed).toContain('aria-expanded="false"');
    expect(closed).toContain('Initiatives (0)');
    expect(closed).not.toContain('id="add-initiative"');

    const keyResult = store.draft.objectives[0]?.keyResults[0];
    const objective = store.draft.objectives[0];
    if (!keyResult || !objective) throw new Error('no key result');
    store.editKeyResult(objective, keyResult, 'title', 'New <b>clients</b>');
    store.addInitiative();
    const [initiative] = store.initiatives();
    if (!initiative) throw new Error('no initiative');
    store.editInitiative(initiative, 'hypothesis', '<img src=x onerror=alert(1)>');
    const open = render(html`<${InitiativesSection} store=${store} />`);
    expect(open).toContain('aria-expanded="true"');
    expect(open).toContain('Initiatives (1)');
    expect(open).toContain('O1.1 · New &lt;b>clients&lt;/b>');
    expect(open).toContain('value="&lt;img src=x onerror=alert(1)>"');
    expect(open).not.toContain('<img');
    expect(open).toContain('placeholder="We believe that … will …"');
  });
});
