/// <reference lib="dom" />
// The New quarter view: the quarter, the team, the previous quarter's key results to carry over, and the
// objectives with their key results (typed, or one click from the sales KR library). The OKR lint runs
// while the manager types and shows gentle warnings next to the fields; on submit the server validates the
// plan and answers with the sheet it built or with a message for each field to fix.
//
// Small components over one QuarterStore (quarter-store.ts): each draws its part of the state and calls the
// store's actions. Lists are keyed by the draft's keys, so a redraw keeps focus, caret and scroll as they are.

import { Fragment, type VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { shownGrade } from '../core/close/grades';
import { bandWord, gradesText, scoreText } from '../core/close/grades-texts';
import { KR_SOURCE_INFO, searchTemplates, sourceTitle } from '../core/kr-library';
import { formatValue } from '../core/number-format';
import { quarterDates } from '../core/quarter';
import type { KrSource, Level, Unit } from '../shared/plan';
import type { CarryChoice, PreviousGrade } from '../shared/sidebar-api';
import {
  carriedStartOf,
  type DraftKeyResult,
  type DraftObjective,
  KIND_CHOICES,
  type Kind,
  LEVEL_CHOICES,
  numberText,
  SOURCE_CHOICES,
  UNIT_CHOICES,
} from './draft';
import { InitiativesSection } from './initiatives-section';
import { messageBoard, nearestPath } from './messages';
import { FIRST_INVALID, type QuarterDone, type QuarterStore } from './quarter-store';
import { callServer, closeSidebar } from './server';
import { useRequestedFocus, useStore } from './store';
import { formatDay, lang, monthName, type TextKey, t } from './texts';
import {
  CheckField,
  DoneNotes,
  Field,
  FormulaStyleRadios,
  html,
  MessageBoxes,
  MessageSlot,
  Messages,
  select,
  textInput,
} from './ui';

const KIND_TEXTS: Record<Kind, TextKey> = {
  increase: 'kindIncrease',
  decrease: 'kindDecrease',
  atLeast: 'kindAtLeast',
  atMost: 'kindAtMost',
  milestone: 'kindMilestone',
};

const UNIT_TEXTS: Record<Exclude<Unit, 'currency'>, TextKey> = {
  count: 'unitCount',
  percent: 'unitPercent',
  days: 'unitDays',
  hours: 'unitHours',
  points: 'unitPoints',
};

const LEVEL_TEXTS: Record<Level, TextKey> = {
  company: 'levelCompany',
  team: 'levelTeam',
  individual: 'levelIndividual',
};

const CURRENCY_SYMBOLS: Record<string, string> = { PLN: 'zł', EUR: '€', USD: '$', GBP: '£', CHF: 'CHF' };
const COMMON_CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'];
const CARRY_CHOICES: readonly CarryChoice[] = ['carry', 'keep', 'drop'];

/** How long typing pauses before the lint runs again. */
const LINT_PAUSE_MS = 200;

export interface QuarterViewProps {
  store: QuarterStore;
  /** Opens the Settings view. */
  openSettings(): void;
  /** Reloads the state from the server and starts over. */
  restart(): void;
  /** A quarter sheet was built (the sidebar remembers it, to show it again after a reload). */
  onDone?(done: QuarterDone): void;
}

/** The New quarter view for a store over the server's state. */
export function QuarterView({ store, openSettings, restart, onDone }: QuarterViewProps): VNode {
  useStore(store);
  useEffect(() => {
    const timer = setTimeout(() => store.lint(), LINT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [store.draftVersion]);
  useRequestedFocus(store, (id) =>
    id === FIRST_INVALID
      ? (document.querySelector<HTMLElement>('#quarter-form [aria-invalid="true"]') ??
        document.getElementById('quarter-summary'))
      : document.getElementById(id),
  );

  const top = html`<header class="top">
    <h1>${t('newQuarter')}</h1>
    <button type="button" class="link" onClick=${openSettings}>${t('openSettings')}</button>
  </header>`;
  if (store.done) {
    return html`<${Fragment}>${top}<main><${QuarterDoneCard} done=${store.done} restart=${restart} /></main><//>`;
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const payload = store.startSubmit();
    if (payload === null) return;
    try {
      store.finishSubmit(await callServer('submitQuarter', payload));
    } catch (error) {
      store.failSubmit(t('failed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (store.done) onDone?.(store.done);
  };
  const board = messageBoard(store.errors, store.warnings, store.shownPaths());
  return html`<${Messages.Provider} value=${board}>
    ${top}
    <main>
      <form id="quarter-form" novalidate onSubmit=${submit} onKeyDown=${keepEnterFromSubmitting}>
        <${ErrorSummary} store=${store} />
        <${QuarterSection} store=${store} />
        <${PreviousSection} store=${store} />
        <${ObjectivesSection} store=${store} />
        <${InitiativesSection} store=${store} />
        <${MessageSlot} id="form" path="" />
      </form>
    </main>
    <footer class="actions">
      <p class=${store.failure ? 'status status-error' : 'status'} role="status" aria-live="polite">
        ${store.failure ?? ''}
      </p>
      <button type="submit" class="primary" form="quarter-form" disabled=${store.busy}>
        ${store.busy ? t('submitting') : t('submit')}
      </button>
    </footer>
  <//>`;
}

function keepEnterFromSubmitting(event: KeyboardEvent): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type !== 'submit') {
    event.preventDefault();
  }
}

/** The errors of the last submit, each a link to its field. */
export function ErrorSummary({ store }: { store: QuarterStore }): VNode {
  const errors = store.summary ?? [];
  const goTo = (path: string) => {
    const at = nearestPath(path, store.shownPaths());
    document.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"]`)?.focus();
  };
  return html`<div class="summary" id="quarter-summary" role="alert" tabindex="-1" hidden=${errors.length === 0}>
    ${
      errors.length > 0
        ? html`<div>
          <p>${t(errors.length === 1 ? 'fixErrorsOne' : 'fixErrors', { count: errors.length })}</p>
          <ul>
            ${errors.map(
              (error) =>
                html`<li><button type="button" class="link" onClick=${() => goTo(error.path)}>${error.message}</button></li>`,
            )}
          </ul>
        </div>`
        : null
    }
  </div>`;
}

// The quarter, the team and how the sheet is built.
export function QuarterSection({ store }: { store: QuarterStore }): VNode {
  const draft = store.draft;
  const periods = ['1', '2', '3', '4', 'custom'] as const;
  const dates =
    draft.quarterMode === 'quarter'
      ? html`<${Field}
          id="quarter-year"
          path="plan.quarter.year"
          label=${t('year')}
          control=${select(yearOptions(store), String(draft.year), (value) => store.setYear(Number(value)))}
        />`
      : html`<div class="grid2">
          ${(['start', 'end'] as const).map(
            (end) => html`<${Field}
              key=${end}
              id=${`quarter-${end}`}
              path=${`plan.quarter.${end}`}
              label=${t(end === 'start' ? 'firstDay' : 'lastDay')}
              control=${html`<input
                type="date"
                value=${end === 'start' ? draft.customStart : draft.customEnd}
                onChange=${(event: Event) => store.setCustomDay(end, (event.currentTarget as HTMLInputElement).value)}
              />`}
            />`,
          )}
        </div>`;
  return html`<section class="card" aria-labelledby="section-quarter">
    <h2 id="section-quarter">${t('sectionQuarter')}</h2>
    <fieldset class="field segmented-field">
      <legend>${t('period')}</legend>
      <div class="segmented" role="radiogroup">
        ${periods.map((value) => {
          const id = `period-${value}`;
          const checked =
            value === 'custom'
              ? draft.quarterMode === 'custom'
              : draft.quarterMode === 'quarter' && draft.quarter === Number(value);
          return html`<span class="segment" key=${value}>
            <input
              type="radio"
              name="period"
              id=${id}
              value=${value}
              checked=${checked}
              data-path=${value === 'custom' ? 'plan.quarter.kind' : 'plan.quarter.quarter'}
              onChange=${() => store.setPeriod(value === 'custom' ? 'custom' : (Number(value) as 1 | 2 | 3 | 4))}
            />
            <label for=${id}>${value === 'custom' ? t('customDates') : `Q${value}`}</label>
          </span>`;
        })}
      </div>
      <${MessageSlot} id="quarter" path="plan.quarter" />
    </fieldset>
    ${dates}
    <p class="preview">${periodPreview(store)}</p>
    ${
      draft.fiscalStartMonth !== 1
        ? html`<p class="hint">${t('fiscalNote', { month: monthName(draft.fiscalStartMonth) })}</p>`
        : null
    }
    <${Field}
      id="team"
      path="plan.team"
      label=${t('team')}
      control=${textInput(draft.team, (value) => store.setTeam(value), {
        placeholder: t('teamPlaceholder'),
        maxlength: '300',
      })}
    />
    <div class="grid2">
      <${Field}
        id="language"
        path="plan.language"
        label=${t('language')}
        control=${select(
          [
            ['pl', 'Polski'],
            ['en', 'English'],
          ],
          draft.language,
          (value) => store.setLanguage(value === 'pl' ? 'pl' : 'en'),
        )}
      />
      <${Field}
        id="currency"
        path="plan.currency"
        label=${t('currency')}
        control=${textInput(draft.currency, (value) => store.setCurrency(value), {
          list: 'currencies',
          maxlength: '3',
          class: 'upper',
        })}
      />
    </div>
    <datalist id="currencies">${COMMON_CURRENCIES.map((code) => html`<option key=${code} value=${code} />`)}</datalist>
    <fieldset class="field">
      <legend>${t('levels')}</legend>
      <div class="checks">
        ${LEVEL_CHOICES.map((level) => {
          const id = `level-${level}`;
          return html`<label for=${id} class="check-label" key=${level}>
            <input
              type="checkbox"
              id=${id}
              data-path="plan.levels"
              checked=${draft.levels.includes(level)}
              onChange=${(event: Event) => store.setLevel(level, (event.currentTarget as HTMLInputElement).checked)}
            />
            <span>${t(LEVEL_TEXTS[level])}</span>
          </label>`;
        })}
      </div>
      <p class="hint">${t('levelsHint')}</p>
      <${MessageSlot} id="levels" path="plan.levels" />
    </fieldset>
    <fieldset class="field">
      <legend>${t('formulaStyle')}</legend>
      <${FormulaStyleRadios}
        name="formulaStyle"
        idPrefix="formula"
        path="plan.formulaStyle"
        selected=${draft.formulaStyle}
        onChange=${(style: typeof draft.formulaStyle) => store.setFormulaStyle(style)}
      />
      <${MessageSlot} id="formula-style" path="plan.formulaStyle" />
    </fieldset>
  </section>`;
}

function yearOptions(store: QuarterStore): [string, string][] {
  const thisYear = Number(store.state.today.slice(0, 4));
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, store.draft.year]);
  return [...years].sort().map((year) => [String(year), String(year)]);
}

/** "Q2 2027: 1 Apr 2027 – 30 Jun 2027"; empty while the dates cannot be read. */
export function periodPreview(store: QuarterStore): string {
  const draft = store.draft;
  try {
    const ref =
      draft.quarterMode === 'custom'
        ? { kind: 'custom' as const, start: draft.customStart, end: draft.customEnd }
        : { kind: 'quarter' as const, year: draft.year, quarter: draft.quarter };
    const { start, end, label } = quarterDates(ref, draft.fiscalStartMonth);
    return t('periodPreview', { label, start: formatDay(start), end: formatDay(end) });
  } catch {
    return '';
  }
}

// The previous quarter: continue from it (its OKRs come into the draft, each key result to carry over,
// keep or drop, chosen on its card), or start blank.
export function PreviousSection({ store }: { store: QuarterStore }): VNode | null {
  const previous = store.state.previousQuarter;
  if (!previous || !store.offersPrevious()) return null;
  const sheet = previous.sheetName;
  const draft = store.draft;
  return html`<section class="card" aria-labelledby="section-previous">
    <h2 id="section-previous">${t('sectionPrevious', { sheet })}</h2>
    <${CheckField}
      id="use-previous"
      path="previousSheetId"
      label=${t('usePrevious', { sheet })}
      checked=${draft.usePrevious}
      onChange=${(checked: boolean) => store.setUsePrevious(checked)}
    />
    ${draft.usePrevious ? html`<p class="hint">${t('previousHint', { sheet })}</p>` : null}
    ${
      previous.closingNote
        ? html`<p class="hint" data-role="closing-note">${gradesText(lang(), 'closingNote')}: ${previous.closingNote}</p>`
        : null
    }
    ${
      draft.usePrevious && store.continued().length > 1
        ? html`<${Field}
            id="carry-all"
            path="carryOver"
            label=${t('setAll')}
            className="inline"
            control=${select(
              [['', '—'], ...CARRY_CHOICES.map((choice): [string, string] => [choice, t(choice)])],
              '',
              (value) => {
                if (value) store.setAllCarried(value as CarryChoice);
              },
            )}
          />`
        : null
    }
  </section>`;
}

// Objectives and key results.
export function ObjectivesSection({ store }: { store: QuarterStore }): VNode {
  const objectives = store.draft.objectives;
  return html`<section class="objectives" aria-labelledby="section-objectives">
    <div class="section-head">
      <h2 id="section-objectives">${t('sectionObjectives')}</h2>
      <span class="count">${String(objectives.length)}</span>
    </div>
    <p class="hint">${t('objectivesHint')}</p>
    <${MessageSlot} id="objectives" path="plan.objectives" />
    ${objectives.map((objective) => html`<${ObjectiveCard} key=${objective.key} store=${store} objective=${objective} />`)}
    <button type="button" class="add add-objective" id="add-objective" onClick=${() => store.addObjective()}>
      ${t('addObjective')}
    </button>
  </section>`;
}

export function ObjectiveCard({ store, objective }: { store: QuarterStore; objective: DraftObjective }): VNode {
  const id = store.objectiveId(objective.key);
  const path = store.objectivePath(objective);
  const key = `o${objective.key}`;
  const levels = LEVEL_CHOICES.filter((level) => store.draft.levels.includes(level) || level === objective.level);
  const companyObjectives = store.companyObjectives(objective.key);
  const libraryOpen = store.library?.key === objective.key;
  return html`<article class=${`objective level-${objective.level}`} aria-label=${t('objective', { id })}>
    <div class="objective-head">
      <span class="badge">${id}</span>
      <${Field}
        id=${`${key}-level`}
        path=${`${path}.level`}
        label=${t('level')}
        className="inline"
        control=${select(
          levels.map((level): [string, string] => [level, t(LEVEL_TEXTS[level])]),
          objective.level,
          (value) => store.setObjectiveLevel(objective, value as Level),
        )}
      />
      ${
        store.draft.objectives.length > 1
          ? html`<button
              type="button"
              class="icon remove"
              aria-label=${t('removeObjective', { id })}
              title=${t('removeObjective', { id })}
              onClick=${() => store.removeObjective(objective)}
            >
              ×
            </button>`
          : null
      }
    </div>
    <${Field}
      id=${`${key}-title`}
      path=${`${path}.title`}
      label=${t('objectiveTitle')}
      control=${textInput(objective.title, (value) => store.setObjectiveTitle(objective, value), {
        placeholder: t('objectivePlaceholder'),
        maxlength: '300',
        'data-role': 'objective-title',
      })}
    />
    ${
      objective.level !== 'company' && companyObjectives.length > 0
        ? html`<${Field}
            id=${`${key}-parent`}
            path=${`${path}.parent`}
            label=${t('supports')}
            control=${select(
              [
                ['0', t('supportsNone')],
                ...companyObjectives.map((other): [string, string] => [
                  String(other.key),
                  `${store.objectiveId(other.key)} · ${other.title.trim() || '…'}`,
                ]),
              ],
              String(objective.parent),
              (value) => store.setParent(objective, Number(value)),
              { 'data-role': 'parent' },
            )}
          />`
        : null
    }
    <${MessageBoxes} id=${key} path=${path} />
    <div class="key-results" id=${`${key}-krs-list`}>
      <${MessageSlot} id=${`${key}-krs`} path=${`${path}.keyResults`} />
      ${objective.keyResults.map(
        (keyResult) =>
          html`<${KeyResultCard} key=${keyResult.key} store=${store} objective=${objective} keyResult=${keyResult} />`,
      )}
    </div>
    <div class="objective-actions">
      <button type="button" class="add" id=${`${key}-add-kr`} onClick=${() => store.addKeyResult(objective)}>
        ${t('addKeyResult')}
      </button>
      <button
        type="button"
        class="add"
        id=${`${key}-library-toggle`}
        aria-expanded=${String(libraryOpen)}
        aria-controls=${`${key}-library`}
        onClick=${() => store.toggleLibrary(objective)}
      >
        ${`${t('library')} ${libraryOpen ? '▴' : '▾'}`}
      </button>
    </div>
    ${libraryOpen ? html`<${LibraryPanel} store=${store} objective=${objective} />` : null}
  </article>`;
}

export function KeyResultCard(props: {
  store: QuarterStore;
  objective: DraftObjective;
  keyResult: DraftKeyResult;
}): VNode {
  const { store, objective, keyResult } = props;
  const draft = store.draft;
  const id = store.keyResultId(keyResult.key);
  const path = store.keyResultPath(objective, keyResult);
  const key = `k${keyResult.key}`;
  const unitSuffix = suffixOf(keyResult.unit, draft.currency);
  const optionalStart = keyResult.kind === 'atLeast' || keyResult.kind === 'atMost';
  const numberInput = (name: 'start' | 'target' | 'minTarget' | 'maxTarget' | 'weight', placeholder = '') =>
    textInput(keyResult[name] ?? '', (value) => store.editKeyResult(objective, keyResult, name, value), {
      inputmode: 'decimal',
      placeholder,
      'data-role': `kr-${name}`,
    });
  const removable = objective.keyResults.length > 1 && !keyResult.from;
  const head = html`<div class="kr-head">
    ${
      store.isDropped(keyResult.key)
        ? html`<span class="badge small dropped"><s>${id}</s></span>`
        : html`<span class="badge small">${id}</span>`
    }
    ${
      removable
        ? html`<button
            type="button"
            class="icon remove"
            aria-label=${t('removeKeyResult', { id })}
            title=${t('removeKeyResult', { id })}
            onClick=${() => store.removeKeyResult(objective, keyResult)}
          >
            ×
          </button>`
        : null
    }
  </div>`;
  const carry = keyResult.from ? html`<${CarryField} store=${store} keyResult=${keyResult} />` : null;
  if (keyResult.from?.choice === 'drop') {
    return html`<div class="kr dropped" role="group" aria-label=${t('keyResult', { id })}>
      ${head}
      <p class="dropped-title">${keyResult.title}<span class="hint">${` · ${t('dropped')}`}</span></p>
      ${carry}
    </div>`;
  }
  const carriedStart = carriedStartOf(keyResult);
  const sheet = store.state.previousQuarter?.sheetName ?? '';
  return html`<div class=${`kr${keyResult.from ? ' continued' : ''}`} role="group" aria-label=${t('keyResult', { id })}>
    ${head}
    ${carry}
    <${Field}
      id=${`${key}-title`}
      path=${`${path}.title`}
      label=${t('krTitle')}
      control=${textInput(keyResult.title, (value) => store.editKeyResult(objective, keyResult, 'title', value), {
        placeholder: t('krPlaceholder'),
        maxlength: '300',
        'data-role': 'kr-title',
      })}
    />
    <div class="grid2">
      <${Field}
        id=${`${key}-kind`}
        path=${`${path}.kind`}
        label=${t('kind')}
        control=${select(
          KIND_CHOICES.map((kind): [string, string] => [kind, t(KIND_TEXTS[kind])]),
          keyResult.kind,
          (value) => store.setKind(objective, keyResult, value as Kind),
        )}
      />
      <${Field}
        id=${`${key}-unit`}
        path=${`${path}.unit`}
        label=${t('unit')}
        control=${select(
          UNIT_CHOICES.map((unit): [string, string] => [unit, unitLabel(unit, draft.currency)]),
          keyResult.unit,
          (value) => store.setUnit(objective, keyResult, value as Unit),
        )}
      />
    </div>
    ${keyResult.kind === 'milestone' ? null : html`<${SourceField} store=${store} objective=${objective} keyResult=${keyResult} />`}
    ${
      keyResult.kind === 'milestone'
        ? html`<p class="hint milestone">${t('milestoneNote')}</p>`
        : html`<div class="grid2">
            <${Field}
              id=${`${key}-start`}
              path=${`${path}.start`}
              label=${t('start')}
              control=${
                carriedStart
                  ? html`<input
                      type="text"
                      readonly
                      aria-readonly="true"
                      class="carried"
                      value=${numberText(carriedStart.start, keyResult.unit, draft.language)}
                    />`
                  : numberInput('start', optionalStart ? t('startOptional') : '')
              }
              hint=${
                carriedStart?.why === 'restarts' && keyResult.source
                  ? t('startRestarts', { what: KR_SOURCE_INFO[keyResult.source].what[draft.language] })
                  : carriedStart
                    ? t('lastValue', { sheet })
                    : undefined
              }
              suffix=${unitSuffix}
            />
            <${Field}
              id=${`${key}-target`}
              path=${`${path}.target`}
              label=${t('target')}
              control=${numberInput('target')}
              suffix=${unitSuffix}
            />
            <${Field}
              id=${`${key}-minTarget`}
              path=${`${path}.minTarget`}
              label=${t('minTarget')}
              control=${numberInput('minTarget', t('scenarioOptional'))}
              suffix=${unitSuffix}
            />
            <${Field}
              id=${`${key}-maxTarget`}
              path=${`${path}.maxTarget`}
              label=${t('maxTarget')}
              control=${numberInput('maxTarget', t('scenarioOptional'))}
              suffix=${unitSuffix}
            />
          </div>`
    }
    <div class="grid2 owner-row">
      <${Field}
        id=${`${key}-owner`}
        path=${`${path}.owner`}
        label=${t('owner')}
        control=${textInput(keyResult.owner, (value) => store.editKeyResult(objective, keyResult, 'owner', value), {
          placeholder: t('ownerPlaceholder'),
          maxlength: '120',
        })}
      />
      <${Field}
        id=${`${key}-weight`}
        path=${`${path}.weight`}
        label=${t('weight')}
        className="narrow"
        control=${numberInput('weight')}
      />
    </div>
    <${CheckField}
      id=${`${key}-committed`}
      path=${`${path}.committed`}
      label=${t('committed')}
      checked=${keyResult.committed}
      onChange=${(checked: boolean) => store.setCommitted(objective, keyResult, checked)}
    />
    <${MessageBoxes} id=${key} path=${path} />
  </div>`;
}

/** Where the current value comes from: typed each week, or a ready formula over the Deals sheet. */
export function SourceField(props: {
  store: QuarterStore;
  objective: DraftObjective;
  keyResult: DraftKeyResult;
}): VNode {
  const { store, objective, keyResult } = props;
  const language = store.draft.language;
  const choices: [string, string][] = [
    ['', t('sourceTyped')],
    ...SOURCE_CHOICES.map((source): [string, string] => [source, sourceTitle(source, language)]),
  ];
  return html`<${Field}
    id=${`k${keyResult.key}-source`}
    path=${`${store.keyResultPath(objective, keyResult)}.source`}
    label=${t('source')}
    control=${select(choices, keyResult.source ?? '', (value) => store.setSource(objective, keyResult, value as KrSource | ''))}
    hint=${keyResult.source ? t('sourceHint') : undefined}
  />`;
}

/** The choice for a key result continued from the previous quarter: carry over, keep or drop. */
export function CarryField({ store, keyResult }: { store: QuarterStore; keyResult: DraftKeyResult }): VNode | null {
  const from = keyResult.from;
  if (!from) return null;
  const carried = carriedStartOf({ ...keyResult, from: { ...from, choice: 'carry' } });
  const carryLabel = carried
    ? t('carryWith', { value: formatValue(carried.start, from.unit, lang(), store.draft.currency) })
    : t('carry');
  const grade = store.state.previousQuarter?.keyResults.find((previous) => previous.id === from.id)?.grade;
  return html`<${Field}
    id=${`k${keyResult.key}-carry`}
    path=${`carryOver.${from.id}`}
    label=${t('continues', { sheet: store.state.previousQuarter?.sheetName ?? '' })}
    hint=${grade ? gradeHint(grade) : undefined}
    className="carry"
    control=${select(
      [
        ['carry', carryLabel],
        ['keep', t('keep')],
        ['drop', t('drop')],
      ],
      from.choice,
      (value) => store.setCarried(keyResult, value as CarryChoice),
      { 'data-role': 'carry' },
    )}
  />`;
}

/**
 * A KR's grade from the closed quarter, beside the carry-over choice: "Grade 0.6 (progress) · note". Words
 * come from the close's own texts, so the sheet and the sidebar name a band alike.
 */
function gradeHint(grade: PreviousGrade): string {
  const language = lang();
  const counted = grade.override ?? grade.score;
  const shown = counted === null ? '–' : scoreText(shownGrade(counted), language);
  const parts = [`${gradesText(language, 'col_grade')} ${shown} (${bandWord(grade.band, language)})`];
  if (grade.note) parts.push(grade.note);
  return parts.join(' · ');
}

// The KR library: search as you type, one click adds a prefilled key result to the objective.
export function LibraryPanel({ store, objective }: { store: QuarterStore; objective: DraftObjective }): VNode {
  const key = `o${objective.key}`;
  const query = store.library?.query ?? '';
  const language = store.draft.language;
  const id = store.objectiveId(objective.key);
  const found = searchTemplates(query, language);
  const onKeyDown = (event: Event) => {
    if ((event as KeyboardEvent).key !== 'Enter') return;
    event.preventDefault();
    const first = found[0];
    if (first) store.addTemplate(objective, first);
  };
  return html`<div class="library" id=${`${key}-library`}>
    <${Field}
      id=${`${key}-library-search`}
      path=${`ui.library.${objective.key}`}
      label=${t('librarySearch')}
      control=${textInput(query, (value) => store.searchLibrary(value), {
        type: 'search',
        placeholder: t('libraryPlaceholder'),
        'aria-controls': `${key}-library-results`,
        onKeyDown,
      })}
    />
    <ul class="templates" id=${`${key}-library-results`}>
      ${
        found.length === 0
          ? html`<li class="empty">${t('libraryEmpty', { query })}</li>`
          : found.map(
              (template) => html`<li key=${template.id}>
                <button
                  type="button"
                  class="template"
                  id=${`${key}-template-${template.id}`}
                  data-template=${template.id}
                  title=${t('libraryAdd', { title: template.title[language], id })}
                  onClick=${() => store.addTemplate(objective, template)}
                >
                  <span class="template-title">${template.title[language]}</span>
                  <span class="template-example">${template.example[language]}</span>
                </button>
              </li>`,
            )
      }
    </ul>
  </div>`;
}

/** The done screen: the sheet built, what is worth knowing about it, and what next. */
export function QuarterDoneCard({ done, restart }: { done: QuarterDone; restart(): void }): VNode {
  return html`<section class="card done" role="status">
    <div class="done-mark" aria-hidden="true">✓</div>
    <h2 id="done-title" tabindex="-1">${t('done', { sheet: done.sheetName })}</h2>
    <p>${t('doneHint')}</p>
    ${done.initiativesSheetName ? html`<p id="done-initiatives">${t('doneInitiatives', { sheet: done.initiativesSheetName })}</p>` : null}
    <${DoneNotes} title=${t('doneWarnings')} items=${done.warnings} />
    <div class="done-actions">
      <button type="button" class="primary" onClick=${() => closeSidebar()}>${t('close')}</button>
      <button type="button" onClick=${restart}>${t('planAnother')}</button>
    </div>
  </section>`;
}

function unitLabel(unit: Unit, currency: string): string {
  if (unit === 'currency') return t('unitCurrency', { currency: currencySymbol(currency) });
  return t(UNIT_TEXTS[unit]);
}

function currencySymbol(currency: string): string {
  const code = currency.trim().toUpperCase();
  return CURRENCY_SYMBOLS[code] ?? (code || '¤');
}

/** What follows a number field of the unit ("%", "zł", "days"). */
export function suffixOf(unit: Unit, currency: string): string {
  switch (unit) {
    case 'percent':
      return '%';
    case 'currency':
      return currencySymbol(currency);
    case 'days':
      return lang() === 'pl' ? 'dni' : 'days';
    case 'hours':
      return lang() === 'pl' ? 'godz.' : 'h';
    case 'points':
      return lang() === 'pl' ? 'pkt' : 'pts';
    default:
      return '';
  }
}
