/// <reference lib="dom" />
// The New quarter view: the quarter, the team, the previous quarter's key results to carry over, and the
// objectives with their key results (typed, or one click from the sales KR library). The OKR lint runs
// while the manager types and shows gentle warnings next to the fields; on submit the server validates the
// plan and answers with the sheet it built or with a message for each field to fix.

import { searchTemplates } from '../core/kr-library';
import { formatValue } from '../core/number-format';
import { lintPlan } from '../core/okr-lint';
import { quarterDates } from '../core/quarter';
import type { Level, Unit } from '../shared/plan';
import type { CarryChoice, SidebarState, SubmitResult } from '../shared/sidebar-api';
import { h, replaceChildren } from './dom';
import {
  type Draft,
  type DraftKeyResult,
  type DraftObjective,
  emptyKeyResult,
  emptyObjective,
  initialDraft,
  KIND_CHOICES,
  type Kind,
  keyResultFromTemplate,
  LEVEL_CHOICES as LEVELS,
  lintablePlan,
  numberText,
  type PlanLayout,
  planLayout,
  setUsePrevious,
  startIsCarried,
  submitPayload,
  UNIT_CHOICES as UNITS,
} from './draft';
import { callServer, closeSidebar } from './server';
import { formatDay, lang, monthName, type TextKey, t } from './texts';
import { checkField, doneNotes, field, formulaStyleRadios, Messages, select, textInput } from './ui';

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

export interface QuarterViewHost {
  /** Where the view draws itself. */
  root: HTMLElement;
  /** Opens the Settings view. */
  openSettings(): void;
  /** Reloads the state from the server and starts over. */
  restart(): void;
}

/** Draws the New quarter view for a state from the server, and keeps it up to date as the manager types. */
export function mountQuarterView(host: QuarterViewHost, state: SidebarState): void {
  const draft: Draft = initialDraft(state);
  const messages = new Messages();
  /** The objective whose library panel is open, and what was searched in it. */
  let library: { key: number; query: string } | null = null;
  let busy = false;
  /** Where each objective and key result goes in the plan, and its id; recomputed on every render. */
  let layout: PlanLayout = planLayout(draft);
  let lintTimer: ReturnType<typeof setTimeout> | undefined;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const summary = h('div', { class: 'summary', role: 'alert', tabindex: '-1', hidden: true });
  const submitButton = h('button', { type: 'submit', class: 'primary', form: 'quarter-form' }, t('submit'));

  render();

  // ------------------------------------------------------------------------------------------------------
  // Rendering. Structural changes (an objective or key result added or removed, a kind or level changed)
  // redraw the view, keeping focus, caret and scroll; typing only updates the draft and the lint.

  function render(): void {
    const scroller = document.scrollingElement;
    const scrollTop = scroller?.scrollTop ?? 0;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const activeId = active?.id ?? '';
    const caret =
      active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
        ? ([active.selectionStart ?? null, active.selectionEnd ?? null] as const)
        : null;

    messages.reset();
    layout = planLayout(draft);
    const form = h(
      'form',
      { id: 'quarter-form', novalidate: true, onsubmit: onSubmit, onkeydown: keepEnterFromSubmitting },
      summary,
      quarterSection(),
      previousSection(),
      objectivesSection(),
      messageSlot('', 'form'),
    );
    const footer = h('footer', { class: 'actions' }, status, submitButton);
    replaceChildren(host.root, topBar(), h('main', {}, form), footer);
    lint();

    if (activeId) {
      const again = document.getElementById(activeId);
      if (again) {
        again.focus({ preventScroll: true });
        if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
          try {
            again.setSelectionRange(caret[0], caret[1]);
          } catch {
            // Inputs without a caret (checkboxes, dates) have no selection to restore.
          }
        }
      }
    }
    if (scroller) scroller.scrollTop = scrollTop;
  }

  function topBar(): HTMLElement {
    return h(
      'header',
      { class: 'top' },
      h('h1', {}, t('newQuarter')),
      h('button', { type: 'button', class: 'link', onclick: () => host.openSettings() }, t('openSettings')),
    );
  }

  function messageSlot(path: string, id: string): HTMLElement {
    const slot = messages.slot(path, null, `slot-${id}`);
    return h('div', { class: 'slot' }, slot.error, slot.warn);
  }

  // The quarter, the team and how the sheet is built.
  function quarterSection(): HTMLElement {
    const period = h(
      'fieldset',
      { class: 'field segmented-field' },
      h('legend', {}, t('period')),
      h(
        'div',
        { class: 'segmented', role: 'radiogroup' },
        ['1', '2', '3', '4', 'custom'].map((value) => {
          const id = `period-${value}`;
          const checked =
            value === 'custom'
              ? draft.quarterMode === 'custom'
              : draft.quarterMode === 'quarter' && draft.quarter === Number(value);
          return h(
            'span',
            { class: 'segment' },
            h('input', {
              type: 'radio',
              name: 'period',
              id,
              value,
              checked,
              'data-path': value === 'custom' ? 'plan.quarter.kind' : 'plan.quarter.quarter',
              onchange: () => {
                if (value === 'custom') draft.quarterMode = 'custom';
                else {
                  draft.quarterMode = 'quarter';
                  draft.quarter = Number(value);
                }
                render();
              },
            }),
            h('label', { for: id }, value === 'custom' ? t('customDates') : `Q${value}`),
          );
        }),
      ),
      messageSlot('plan.quarter', 'quarter'),
    );

    const dates =
      draft.quarterMode === 'quarter'
        ? field(messages, {
            id: 'quarter-year',
            path: 'plan.quarter.year',
            label: t('year'),
            control: select(yearOptions(), String(draft.year), (value) => {
              draft.year = Number(value);
              render();
            }),
          })
        : h(
            'div',
            { class: 'grid2' },
            field(messages, {
              id: 'quarter-start',
              path: 'plan.quarter.start',
              label: t('firstDay'),
              control: h('input', {
                type: 'date',
                value: draft.customStart,
                onchange: (event) => {
                  draft.customStart = (event.target as HTMLInputElement).value;
                  messages.clearError('plan.quarter.start');
                  render();
                },
              }),
            }),
            field(messages, {
              id: 'quarter-end',
              path: 'plan.quarter.end',
              label: t('lastDay'),
              control: h('input', {
                type: 'date',
                value: draft.customEnd,
                onchange: (event) => {
                  draft.customEnd = (event.target as HTMLInputElement).value;
                  messages.clearError('plan.quarter.end');
                  render();
                },
              }),
            }),
          );

    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'section-quarter' },
      h('h2', { id: 'section-quarter' }, t('sectionQuarter')),
      period,
      dates,
      h('p', { class: 'preview' }, periodPreview()),
      draft.fiscalStartMonth !== 1
        ? h('p', { class: 'hint' }, t('fiscalNote', { month: monthName(draft.fiscalStartMonth) }))
        : null,
      field(messages, {
        id: 'team',
        path: 'plan.team',
        label: t('team'),
        control: textInput(draft.team, (value) => edit('plan.team', () => (draft.team = value)), {
          placeholder: t('teamPlaceholder'),
          maxlength: '300',
        }),
      }),
      h(
        'div',
        { class: 'grid2' },
        field(messages, {
          id: 'language',
          path: 'plan.language',
          label: t('language'),
          control: select(
            [
              ['pl', 'Polski'],
              ['en', 'English'],
            ],
            draft.language,
            (value) => {
              draft.language = value === 'pl' ? 'pl' : 'en';
              render();
            },
          ),
        }),
        field(messages, {
          id: 'currency',
          path: 'plan.currency',
          label: t('currency'),
          control: textInput(
            draft.currency,
            (value) => {
              edit('plan.currency', () => (draft.currency = value.toUpperCase()));
            },
            { list: 'currencies', maxlength: '3', class: 'upper', onchange: () => render() },
          ),
        }),
      ),
      h(
        'datalist',
        { id: 'currencies' },
        COMMON_CURRENCIES.map((code) => h('option', { value: code })),
      ),
      levelsField(),
      formulaStyleField(),
    );
  }

  function yearOptions(): [string, string][] {
    const thisYear = Number(state.today.slice(0, 4));
    const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, draft.year]);
    return [...years].sort().map((year) => [String(year), String(year)]);
  }

  function periodPreview(): string {
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

  function levelsField(): HTMLElement {
    return h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, t('levels')),
      h(
        'div',
        { class: 'checks' },
        LEVELS.map((level) => {
          const id = `level-${level}`;
          return h(
            'label',
            { for: id, class: 'check-label' },
            h('input', {
              type: 'checkbox',
              id,
              'data-path': 'plan.levels',
              checked: draft.levels.includes(level),
              onchange: (event) => {
                const on = (event.target as HTMLInputElement).checked;
                draft.levels = LEVELS.filter((each) => (each === level ? on : draft.levels.includes(each)));
                messages.clearError('plan.levels');
                render();
              },
            }),
            h('span', {}, t(LEVEL_TEXTS[level])),
          );
        }),
      ),
      h('p', { class: 'hint' }, t('levelsHint')),
      messageSlot('plan.levels', 'levels'),
    );
  }

  function formulaStyleField(): HTMLElement {
    return h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, t('formulaStyle')),
      formulaStyleRadios({
        name: 'formulaStyle',
        idPrefix: 'formula',
        path: 'plan.formulaStyle',
        selected: draft.formulaStyle,
        onChange: (style) => {
          draft.formulaStyle = style;
        },
      }),
      messageSlot('plan.formulaStyle', 'formula-style'),
    );
  }

  // The previous quarter: continue from it (its OKRs come into the draft, each key result to carry over,
  // keep or drop, chosen on its card), or start blank.
  function previousSection(): HTMLElement | null {
    const previous = state.previousQuarter;
    if (!previous || previous.keyResults.length === 0) return null;
    const sheet = previous.sheetName;
    const continued = draft.objectives.flatMap((objective) => objective.keyResults.filter((kr) => kr.from));
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'section-previous' },
      h('h2', { id: 'section-previous' }, t('sectionPrevious', { sheet })),
      checkField(messages, {
        id: 'use-previous',
        path: 'previousSheetId',
        label: t('usePrevious', { sheet }),
        checked: draft.usePrevious,
        onChange: (checked) => {
          setUsePrevious(draft, previous, checked);
          messages.clearErrors();
          render();
        },
      }),
      draft.usePrevious ? h('p', { class: 'hint' }, t('previousHint', { sheet })) : null,
      draft.usePrevious && continued.length > 1
        ? field(messages, {
            id: 'carry-all',
            path: 'carryOver',
            label: t('setAll'),
            className: 'inline',
            control: select(
              [
                ['', '—'],
                ['carry', t('carry')],
                ['keep', t('keep')],
                ['drop', t('drop')],
              ],
              '',
              (value) => {
                if (!value) return;
                for (const keyResult of continued) if (keyResult.from) keyResult.from.choice = value as CarryChoice;
                messages.clearErrors();
                render();
              },
            ),
          })
        : null,
    );
  }

  // Objectives and key results.
  function objectivesSection(): HTMLElement {
    return h(
      'section',
      { class: 'objectives', 'aria-labelledby': 'section-objectives' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'section-objectives' }, t('sectionObjectives')),
        h('span', { class: 'count' }, String(draft.objectives.length)),
      ),
      h('p', { class: 'hint' }, t('objectivesHint')),
      messageSlot('plan.objectives', 'objectives'),
      draft.objectives.map((objective, index) => objectiveCard(objective, index)),
      h(
        'button',
        {
          type: 'button',
          class: 'add add-objective',
          id: 'add-objective',
          onclick: () => {
            draft.objectives.push(emptyObjective(newObjectiveLevel()));
            messages.clearErrors();
            render();
            focusLast('.objective [data-role="objective-title"]');
          },
        },
        t('addObjective'),
      ),
    );
  }

  function newObjectiveLevel(): Level {
    const hasCompany = draft.objectives.some((objective) => objective.level === 'company');
    if (hasCompany && draft.levels.includes('team')) return 'team';
    return draft.levels[0] ?? 'team';
  }

  function objectiveCard(objective: DraftObjective, index: number): HTMLElement {
    const placed = layout.objectives.get(objective.key) ?? { index: null, id: '' };
    const id = placed.id;
    const path = placed.index === null ? `draft.o${objective.key}` : `plan.objectives.${placed.index}`;
    const levels = LEVELS.filter((level) => draft.levels.includes(level) || level === objective.level);
    const companyObjectives = draft.objectives.filter(
      (other) => other.level === 'company' && other.key !== objective.key,
    );
    const parentField =
      objective.level !== 'company' && companyObjectives.length > 0
        ? field(messages, {
            id: `o${objective.key}-parent`,
            path: `${path}.parent`,
            label: t('supports'),
            control: select(
              [
                ['0', t('supportsNone')],
                ...companyObjectives.map((other): [string, string] => [
                  String(other.key),
                  `${layout.objectives.get(other.key)?.id ?? ''} · ${other.title.trim() || '…'}`,
                ]),
              ],
              String(objective.parent),
              (value) => {
                objective.parent = Number(value);
                messages.clearError(`${path}.parent`);
              },
              { 'data-role': 'parent' },
            ),
          })
        : null;
    const slot = messages.slot(path, null, `o${objective.key}`);
    return h(
      'article',
      { class: `objective level-${objective.level}`, 'aria-label': t('objective', { id }) },
      h(
        'div',
        { class: 'objective-head' },
        h('span', { class: 'badge' }, id),
        field(messages, {
          id: `o${objective.key}-level`,
          path: `${path}.level`,
          label: t('level'),
          className: 'inline',
          control: select(
            levels.map((level): [string, string] => [level, t(LEVEL_TEXTS[level])]),
            objective.level,
            (value) => {
              objective.level = value as Level;
              if (objective.level === 'company') objective.parent = 0;
              messages.clearError(`${path}.level`);
              render();
            },
          ),
        }),
        draft.objectives.length > 1
          ? h(
              'button',
              {
                type: 'button',
                class: 'icon remove',
                'aria-label': t('removeObjective', { id }),
                title: t('removeObjective', { id }),
                onclick: () => {
                  draft.objectives.splice(index, 1);
                  for (const other of draft.objectives) if (other.parent === objective.key) other.parent = 0;
                  messages.clearErrors();
                  render();
                },
              },
              '×',
            )
          : null,
      ),
      field(messages, {
        id: `o${objective.key}-title`,
        path: `${path}.title`,
        label: t('objectiveTitle'),
        control: textInput(
          objective.title,
          (value) =>
            edit(`${path}.title`, () => {
              objective.title = value;
              refreshParentOptions(objective);
            }),
          { placeholder: t('objectivePlaceholder'), maxlength: '300', 'data-role': 'objective-title' },
        ),
      }),
      parentField,
      slot.error,
      slot.warn,
      h(
        'div',
        { class: 'key-results', id: `o${objective.key}-krs-list` },
        messageSlot(`${path}.keyResults`, `o${objective.key}-krs`),
        objective.keyResults.map((keyResult, k) => keyResultCard(objective, path, keyResult, k)),
      ),
      h(
        'div',
        { class: 'objective-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'add',
            id: `o${objective.key}-add-kr`,
            onclick: () => {
              objective.keyResults.push(emptyKeyResult());
              messages.clearErrors();
              render();
              focusLast(`#o${objective.key}-krs-list [data-role="kr-title"]`);
            },
          },
          t('addKeyResult'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'add',
            id: `o${objective.key}-library-toggle`,
            'aria-expanded': String(library?.key === objective.key),
            'aria-controls': `o${objective.key}-library`,
            onclick: () => {
              library = library?.key === objective.key ? null : { key: objective.key, query: '' };
              render();
              document.getElementById(`o${objective.key}-library-search`)?.focus();
            },
          },
          `${t('library')} ${library?.key === objective.key ? '▴' : '▾'}`,
        ),
      ),
      library?.key === objective.key ? libraryPanel(objective, id, library) : null,
    );
  }

  /** Keeps the "supports" dropdowns in step with a company objective's title, without a redraw. */
  function refreshParentOptions(changed: DraftObjective): void {
    if (changed.level !== 'company') return;
    const label = `${layout.objectives.get(changed.key)?.id ?? ''} · ${changed.title.trim() || '…'}`;
    for (const option of host.root.querySelectorAll<HTMLOptionElement>(
      `select[data-role="parent"] option[value="${changed.key}"]`,
    )) {
      option.textContent = label;
    }
  }

  function keyResultCard(
    objective: DraftObjective,
    objectivePath: string,
    keyResult: DraftKeyResult,
    k: number,
  ): HTMLElement {
    const placed = layout.keyResults.get(keyResult.key) ?? { index: null, id: '' };
    const id = placed.id;
    const path = placed.index === null ? `draft.k${keyResult.key}` : `${objectivePath}.keyResults.${placed.index}`;
    const key = `k${keyResult.key}`;
    const unitSuffix = suffixOf(keyResult.unit);
    const optionalStart = keyResult.kind === 'atLeast' || keyResult.kind === 'atMost';
    const numberInput = (name: 'start' | 'target' | 'weight', placeholder = '') =>
      textInput(keyResult[name], (value) => edit(`${path}.${name}`, () => (keyResult[name] = value)), {
        inputmode: 'decimal',
        placeholder,
        'data-role': `kr-${name}`,
      });
    const removable = objective.keyResults.length > 1 && !keyResult.from;
    const head = h(
      'div',
      { class: 'kr-head' },
      h('span', { class: 'badge small' }, id),
      removable
        ? h(
            'button',
            {
              type: 'button',
              class: 'icon remove',
              'aria-label': t('removeKeyResult', { id }),
              title: t('removeKeyResult', { id }),
              onclick: () => {
                objective.keyResults.splice(k, 1);
                messages.clearErrors();
                render();
              },
            },
            '×',
          )
        : null,
    );
    const carry = keyResult.from ? carryField(keyResult, path, key) : null;
    if (keyResult.from?.choice === 'drop') {
      return h(
        'div',
        { class: 'kr dropped', role: 'group', 'aria-label': t('keyResult', { id }) },
        head,
        h('p', { class: 'dropped-title' }, keyResult.title, h('span', { class: 'hint' }, ` · ${t('dropped')}`)),
        carry,
      );
    }
    const slot = messages.slot(path, null, key);
    const carriedStart = startIsCarried(keyResult);
    const sheet = state.previousQuarter?.sheetName ?? '';
    return h(
      'div',
      { class: `kr${keyResult.from ? ' continued' : ''}`, role: 'group', 'aria-label': t('keyResult', { id }) },
      head,
      carry,
      field(messages, {
        id: `${key}-title`,
        path: `${path}.title`,
        label: t('krTitle'),
        control: textInput(keyResult.title, (value) => edit(`${path}.title`, () => (keyResult.title = value)), {
          placeholder: t('krPlaceholder'),
          maxlength: '300',
          'data-role': 'kr-title',
        }),
      }),
      h(
        'div',
        { class: 'grid2' },
        field(messages, {
          id: `${key}-kind`,
          path: `${path}.kind`,
          label: t('kind'),
          control: select(
            KIND_CHOICES.map((kind): [string, string] => [kind, t(KIND_TEXTS[kind])]),
            keyResult.kind,
            (value) => {
              keyResult.kind = value as Kind;
              messages.clearError(`${path}.kind`);
              render();
            },
          ),
        }),
        field(messages, {
          id: `${key}-unit`,
          path: `${path}.unit`,
          label: t('unit'),
          control: select(
            UNITS.map((unit): [string, string] => [unit, unitLabel(unit)]),
            keyResult.unit,
            (value) => {
              keyResult.unit = value as Unit;
              messages.clearError(`${path}.unit`);
              render();
            },
          ),
        }),
      ),
      keyResult.kind === 'milestone'
        ? h('p', { class: 'hint milestone' }, t('milestoneNote'))
        : h(
            'div',
            { class: 'grid2' },
            field(messages, {
              id: `${key}-start`,
              path: `${path}.start`,
              label: t('start'),
              control: carriedStart
                ? h('input', {
                    type: 'text',
                    readonly: true,
                    'aria-readonly': 'true',
                    class: 'carried',
                    value: numberText(keyResult.from?.current, keyResult.unit, draft.language),
                  })
                : numberInput('start', optionalStart ? t('startOptional') : ''),
              hint: carriedStart ? t('lastValue', { sheet }) : undefined,
              suffix: unitSuffix,
            }),
            field(messages, {
              id: `${key}-target`,
              path: `${path}.target`,
              label: t('target'),
              control: numberInput('target'),
              suffix: unitSuffix,
            }),
          ),
      h(
        'div',
        { class: 'grid2 owner-row' },
        field(messages, {
          id: `${key}-owner`,
          path: `${path}.owner`,
          label: t('owner'),
          control: textInput(keyResult.owner, (value) => edit(`${path}.owner`, () => (keyResult.owner = value)), {
            placeholder: t('ownerPlaceholder'),
            maxlength: '120',
          }),
        }),
        field(messages, {
          id: `${key}-weight`,
          path: `${path}.weight`,
          label: t('weight'),
          className: 'narrow',
          control: numberInput('weight'),
        }),
      ),
      checkField(messages, {
        id: `${key}-committed`,
        path: `${path}.committed`,
        label: t('committed'),
        checked: keyResult.committed,
        onChange: (checked) => {
          keyResult.committed = checked;
        },
      }),
      slot.error,
      slot.warn,
    );
  }

  /** The choice for a key result continued from the previous quarter. */
  function carryField(keyResult: DraftKeyResult, path: string, key: string): HTMLElement | null {
    const from = keyResult.from;
    if (!from) return null;
    const carryLabel =
      from.current !== null && keyResult.kind !== 'milestone'
        ? t('carryWith', { value: formatValue(from.current, from.unit, lang(), draft.currency) })
        : t('carry');
    return field(messages, {
      id: `${key}-carry`,
      path: `carryOver.${from.id}`,
      label: t('continues', { sheet: state.previousQuarter?.sheetName ?? '' }),
      className: 'carry',
      control: select(
        [
          ['carry', carryLabel],
          ['keep', t('keep')],
          ['drop', t('drop')],
        ],
        from.choice,
        (value) => {
          from.choice = value as CarryChoice;
          messages.clearError(path);
          messages.clearErrors();
          render();
        },
        { 'data-role': 'carry' },
      ),
    });
  }

  function unitLabel(unit: Unit): string {
    if (unit === 'currency') return t('unitCurrency', { currency: currencySymbol() });
    return t(UNIT_TEXTS[unit]);
  }

  function currencySymbol(): string {
    const code = draft.currency.trim().toUpperCase();
    return CURRENCY_SYMBOLS[code] ?? (code || '¤');
  }

  function suffixOf(unit: Unit): string {
    switch (unit) {
      case 'percent':
        return '%';
      case 'currency':
        return currencySymbol();
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

  // The KR library: search as you type, one click adds a prefilled key result to the objective.
  function libraryPanel(objective: DraftObjective, id: string, open: { key: number; query: string }): HTMLElement {
    const results = h('ul', { class: 'templates', id: `o${objective.key}-library-results` });
    const fillResults = () => {
      const found = searchTemplates(open.query, draft.language);
      if (found.length === 0) {
        replaceChildren(results, h('li', { class: 'empty' }, t('libraryEmpty', { query: open.query })));
        return;
      }
      replaceChildren(
        results,
        found.map((template) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'template',
                id: `o${objective.key}-template-${template.id}`,
                'data-template': template.id,
                'aria-label': t('libraryAdd', { title: template.title[draft.language], id }),
                onclick: () => {
                  const added = keyResultFromTemplate(template, draft.language);
                  const only = objective.keyResults[0];
                  if (objective.keyResults.length === 1 && only && isUntouched(only)) objective.keyResults = [added];
                  else objective.keyResults.push(added);
                  messages.clearErrors();
                  render();
                },
              },
              h('span', { class: 'template-title' }, template.title[draft.language]),
              h('span', { class: 'template-example' }, template.example[draft.language]),
            ),
          ),
        ),
      );
    };
    fillResults();
    return h(
      'div',
      { class: 'library', id: `o${objective.key}-library` },
      field(messages, {
        id: `o${objective.key}-library-search`,
        path: `ui.library.${objective.key}`,
        label: t('librarySearch'),
        control: textInput(
          open.query,
          (value) => {
            open.query = value;
            fillResults();
          },
          {
            type: 'search',
            placeholder: t('libraryPlaceholder'),
            'aria-controls': `o${objective.key}-library-results`,
            onkeydown: (event) => {
              if ((event as KeyboardEvent).key === 'Enter') {
                event.preventDefault();
                results.querySelector<HTMLButtonElement>('button.template')?.click();
              }
            },
          },
        ),
      }),
      results,
    );
  }

  function isUntouched(keyResult: DraftKeyResult): boolean {
    return !keyResult.title.trim() && !keyResult.start.trim() && !keyResult.target.trim() && !keyResult.owner.trim();
  }

  function focusLast(selector: string): void {
    const all = host.root.querySelectorAll<HTMLElement>(selector);
    all[all.length - 1]?.focus();
  }

  // ------------------------------------------------------------------------------------------------------
  // Typing, lint and submit.

  /** Applies an edit to the draft, clears that field's error and lints a moment later. */
  function edit(path: string, apply: () => void): void {
    apply();
    messages.clearError(path);
    if (lintTimer !== undefined) clearTimeout(lintTimer);
    lintTimer = setTimeout(lint, 200);
  }

  function lint(): void {
    lintTimer = undefined;
    try {
      const warnings = lintPlan(lintablePlan(draft), lang()).map((warning) => ({
        path: lintPath(warning.path),
        message: warning.message,
      }));
      messages.setWarnings(warnings);
    } catch {
      // The lint is advice: a plan it cannot read yet gets no warnings rather than a broken sidebar.
      messages.setWarnings([]);
    }
  }

  function keepEnterFromSubmitting(event: Event): void {
    const key = event as KeyboardEvent;
    if (key.key === 'Enter' && key.target instanceof HTMLInputElement && key.target.type !== 'submit') {
      event.preventDefault();
    }
  }

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submitButton.disabled = true;
    submitButton.textContent = t('submitting');
    status.textContent = '';
    status.className = 'status';
    summary.hidden = true;
    let result: SubmitResult;
    try {
      result = await callServer('submitQuarter', submitPayload(draft, state.previousQuarter));
    } catch (error) {
      busy = false;
      submitButton.disabled = false;
      submitButton.textContent = t('submit');
      status.className = 'status status-error';
      status.textContent = t('failed', { reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    busy = false;
    submitButton.disabled = false;
    submitButton.textContent = t('submit');
    if (result.ok) {
      showDone(result);
      return;
    }
    messages.setErrors(result.errors);
    showSummary(result.errors);
    const first = messages.firstInvalidControl();
    if (first) first.focus();
    else summary.focus();
  }

  function showSummary(errors: readonly { path: string; message: string }[]): void {
    replaceChildren(
      summary,
      h('p', {}, t('fixErrors', { count: errors.length })),
      h(
        'ul',
        {},
        errors.map((error) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  const target = host.root.querySelector<HTMLElement>(
                    `[data-path="${CSS.escape(messages.nearest(error.path))}"]`,
                  );
                  target?.focus();
                },
              },
              error.message,
            ),
          ),
        ),
      ),
    );
    summary.hidden = false;
  }

  function showDone(result: Extract<SubmitResult, { ok: true }>): void {
    replaceChildren(
      host.root,
      topBar(),
      h(
        'main',
        {},
        h(
          'section',
          { class: 'card done', role: 'status' },
          h('div', { class: 'done-mark', 'aria-hidden': 'true' }, '✓'),
          h('h2', { id: 'done-title', tabindex: '-1' }, t('done', { sheet: result.sheetName })),
          h('p', {}, t('doneHint')),
          doneNotes(t('doneWarnings'), result.warnings),
          h(
            'div',
            { class: 'done-actions' },
            h('button', { type: 'button', class: 'primary', onclick: () => closeSidebar() }, t('close')),
            h('button', { type: 'button', onclick: () => host.restart() }, t('planAnother')),
          ),
        ),
      ),
    );
    document.getElementById('done-title')?.focus();
  }
}

/** A lint path (relative to the plan, dotted or as an array) as a payload path. */
function lintPath(path: unknown): string {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' && path ? path.split('.') : [];
  return ['plan', ...parts].join('.');
}
