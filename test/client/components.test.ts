// The sidebar's components rendered to HTML in Node (preact-render-to-string): what each view draws for a
// state, with the ids, paths and labels the Chromium tests and screen readers rely on, and user text as text.

import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { copyText, resultCard, TextCard } from '../../src/client/check-in-view';
import { submitPayload } from '../../src/client/draft';
import { messageBoard } from '../../src/client/messages';
import { QuarterStore } from '../../src/client/quarter-store';
import { QuarterView, suffixOf } from '../../src/client/quarter-view';
import { SettingsView } from '../../src/client/settings-view';
import { setLang } from '../../src/client/texts';
import { Field, html, Messages, textInput } from '../../src/client/ui';
import type { CheckInRecording } from '../../src/shared/check-in-api';
import type { QuarterPlan } from '../../src/shared/plan';
import { continuingState, freshState } from './states';

const noop = () => {};

function view(store: QuarterStore): string {
  return render(html`<${QuarterView} store=${store} openSettings=${noop} restart=${noop} />`);
}

/** The values of one attribute, in page order (an empty value is written as the bare name). */
function attributes(markup: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${name}(?:="([^"]*)")?`, 'g'))].map((match) => match[1] ?? '');
}

describe('the sidebar’s components', () => {
  it('draw the New quarter form with its field ids and payload paths', () => {
    setLang('en');
    const markup = view(new QuarterStore(freshState()));
    expect(markup).toContain('<h1>New quarter</h1>');
    expect(markup).toContain('id="team"');
    expect(attributes(markup, 'data-path')).toContain('plan.objectives.0.keyResults.0.target');
    expect(markup).toContain('Q2 2027: April 1, 2027 – June 30, 2027');
  });

  it('draw a message slot at exactly the paths the store places messages at', () => {
    setLang('pl');
    const store = new QuarterStore(continuingState('pl'));
    const objective = store.draft.objectives[0];
    if (!objective) throw new Error('no objective');
    store.toggleLibrary(objective);
    store.setPeriod('custom');
    const markup = view(store);
    const slots = new Set(attributes(markup, 'data-error-for'));
    expect(slots).toEqual(store.shownPaths());
    expect(new Set(attributes(markup, 'data-warning-for'))).toEqual(store.shownPaths());
    // With the Initiatives section open: two initiatives, one with a task.
    store.addInitiative();
    store.addInitiative();
    const [initiative] = store.initiatives();
    if (initiative) store.addTask(initiative);
    const open = view(store);
    expect(store.shownPaths()).toContain('plan.tasks.0.due');
    expect(new Set(attributes(open, 'data-error-for'))).toEqual(store.shownPaths());
  });

  it('show what the manager typed as text, never as markup', () => {
    setLang('en');
    const store = new QuarterStore(freshState());
    const objective = store.draft.objectives[0];
    if (!objective) throw new Error('no objective');
    store.setObjectiveTitle(objective, '<b>Bold</b> objective');
    store.addObjective();
    const markup = view(store);
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('O1 · &lt;b>Bold&lt;/b> objective');
  });

  it('mark a field with an error invalid and describe it by its message', () => {
    const board = messageBoard([{ path: 'plan.team', message: 'Team must not be empty' }], [], new Set(['plan.team']));
    const markup = render(
      html`<${Messages.Provider} value=${board}>
        <${Field} id="team" path="plan.team" label="Team" control=${textInput('', noop)} />
      <//>`,
    );
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain('aria-describedby="team-error team-warn"');
    expect(markup).toContain(
      '<div class="msg msg-error" id="team-error" data-error-for="plan.team"><p>Team must not be empty</p>',
    );
  });

  it('draw the done screen once the sheet is built', () => {
    setLang('en');
    const store = new QuarterStore(freshState(), { sheetName: 'OKR Q2 2027', warnings: ['Sheet renamed'] });
    const markup = view(store);
    expect(markup).toContain('Done: “OKR Q2 2027” is ready');
    expect(markup).toContain('<li>Sheet renamed</li>');
    expect(markup).not.toContain('quarter-form');
  });

  it('draw Settings with the stored choices selected', () => {
    setLang('en');
    const markup = render(
      html`<${SettingsView}
        initial=${{ lang: 'en', settings: { ...freshState().settings, fiscalStartMonth: 4, formulaStyle: 'portable' } }}
        openQuarter=${noop}
      />`,
    );
    expect(markup).toContain('<h1>Settings</h1>');
    expect(markup).toContain('<option selected value="4">April</option>');
    expect(markup).toMatch(/<input type="radio"[^>]*id="settings-formula-portable"[^>]* checked/);
  });

  it('count recorded key results in Polish plural forms', () => {
    setLang('pl');
    const recording = (recorded: number): CheckInRecording => ({
      tab: {
        sheetId: 7,
        sheetName: 'Check-in T05',
        quarter: 'Q1 2027',
        week: 5,
        monday: '2027-01-25',
        sunday: '2027-01-31',
        recordedBefore: true,
        owners: [],
      },
      week: 5,
      recorded,
      replaced: 0,
      recordedBy: '',
      skippedFormulaCells: [],
      skippedBlank: [],
      problems: [],
      notes: [],
      text: '',
    });
    expect(render(resultCard(recording(1)))).toContain('Zapisano 1 kluczowy rezultat.');
    expect(render(resultCard(recording(3)))).toContain('Zapisano 3 kluczowe rezultaty.');
    expect(render(resultCard(recording(5)))).toContain('Zapisano 5 kluczowych rezultatów.');
  });

  it('put the check-in text in a read-only box named by its title', () => {
    setLang('en');
    const markup = render(html`<${TextCard} text=${'=== Check-in ===\n<script>'} />`);
    expect(markup).toContain('aria-labelledby="check-in-text-title"');
    expect(markup).toContain('readonly');
    expect(markup).toContain('&lt;script>');
  });

  it('write the unit after a number field in the view’s language', () => {
    setLang('pl');
    expect(suffixOf('days', 'PLN')).toBe('dni');
    expect(suffixOf('currency', 'pln')).toBe('zł');
    setLang('en');
    expect(suffixOf('currency', '')).toBe('¤');
    expect(suffixOf('percent', 'EUR')).toBe('%');
  });
});

describe('Copy as text', () => {
  it('copies through the clipboard when the browser allows it', async () => {
    const written: string[] = [];
    const outcome = await copyText({ writeText: async (text) => void written.push(text) }, 'the check-in');
    expect(outcome).toEqual({ copied: true });
    expect(written).toEqual(['the check-in']);
  });

  it('asks for the selected box when the browser refuses, or has no clipboard', async () => {
    const refusing = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText(refusing, 'the check-in')).toEqual({ copied: false, text: 'the check-in' });
    expect(await copyText(undefined, 'the check-in')).toEqual({ copied: false, text: 'the check-in' });
  });
});

describe('the scenario fields of a key result', () => {
  it('draw the minimum and maximum targets beside the target, with their ids and payload paths', () => {
    setLang('pl');
    const markup = view(new QuarterStore(freshState()));
    const paths = attributes(markup, 'data-path');
    expect(paths).toContain('plan.objectives.0.keyResults.0.minTarget');
    expect(paths).toContain('plan.objectives.0.keyResults.0.maxTarget');
    expect(markup).toContain('Cel minimalny');
    expect(markup).toContain('Cel maksymalny');
    expect(attributes(markup, 'data-role')).toEqual(expect.arrayContaining(['kr-minTarget', 'kr-maxTarget']));
  });

  it('send what was typed as numbers, leave blank scenarios out, and keep none for a milestone', () => {
    setLang('en');
    const store = new QuarterStore(freshState());
    const objective = store.draft.objectives[0];
    const keyResult = objective?.keyResults[0];
    if (!objective || !keyResult) throw new Error('no key result');
    store.editKeyResult(objective, keyResult, 'target', '10');
    store.editKeyResult(objective, keyResult, 'minTarget', '8');
    const sent = () =>
      (submitPayload(store.draft, null) as { plan: QuarterPlan }).plan.objectives[0]?.keyResults[0] as
        | Record<string, unknown>
        | undefined;
    expect(sent()).toMatchObject({ target: 10, minTarget: 8 });
    expect(sent()).not.toHaveProperty('maxTarget');
    store.editKeyResult(objective, keyResult, 'maxTarget', 'abc');
    // Text no reader understands goes to the server as typed, which names the field.
    expect(sent()?.maxTarget).toBe('abc');
    store.setKind(objective, keyResult, 'milestone');
    expect(sent()).not.toHaveProperty('minTarget');
    expect(view(store)).not.toContain('kr-minTarget');
  });
});
