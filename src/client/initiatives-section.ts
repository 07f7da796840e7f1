/// <reference lib="dom" />
// The New quarter view's Initiatives section: closed until opened (initiatives are optional), then one card
// per initiative (the hypothesis, the key result it serves from the draft's own, owner, status, the ICE
// inputs) with its optional tasks. Small components over the QuarterStore, keyed by the draft's keys; text
// goes in as text nodes and properties (ui.ts), never as markup.

import type { VNode } from 'preact';
import {
  type DraftInitiative,
  type DraftTask,
  ICE_FIELDS,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  initiativeId,
  initiativePath,
  taskPath,
} from './initiative-draft';
import type { QuarterStore } from './quarter-store';
import { t } from './texts';
import { Field, html, MessageBoxes, MessageSlot, select, textInput } from './ui';

export function InitiativesSection({ store }: { store: QuarterStore }): VNode {
  const initiatives = store.initiatives();
  const open = store.initiativesOpen;
  return html`<section class="card initiatives" aria-labelledby="initiatives-toggle">
    <h2 class="toggle-head">
      <button
        type="button"
        class="link toggle"
        id="initiatives-toggle"
        aria-expanded=${String(open)}
        aria-controls="initiatives-body"
        onClick=${() => store.toggleInitiatives()}
      >
        ${`${t('sectionInitiatives', { count: initiatives.length })} ${open ? '▴' : '▾'}`}
      </button>
    </h2>
    <${MessageSlot} id="initiatives" path="plan.initiatives" />
    <${MessageSlot} id="tasks" path="plan.tasks" />
    <div id="initiatives-body" hidden=${!open}>
      ${
        open
          ? html`<p class="hint">${t('initiativesHint')}</p>
            ${initiatives.map(
              (initiative, index) =>
                html`<${InitiativeCard} key=${initiative.key} store=${store} initiative=${initiative} index=${index} />`,
            )}
            <button type="button" class="add" id="add-initiative" onClick=${() => store.addInitiative()}>
              ${t('addInitiative')}
            </button>`
          : null
      }
    </div>
  </section>`;
}

/** The draft's key results an initiative may serve: "O1.2 · title", dropped ones left out. */
function keyResultChoices(store: QuarterStore): [string, string][] {
  return store.draft.objectives.flatMap((objective) =>
    objective.keyResults
      .filter((keyResult) => !store.isDropped(keyResult.key))
      .map((keyResult): [string, string] => [
        String(keyResult.key),
        `${store.keyResultId(keyResult.key)} · ${keyResult.title.trim() || '…'}`,
      ]),
  );
}

export function InitiativeCard(props: { store: QuarterStore; initiative: DraftInitiative; index: number }): VNode {
  const { store, initiative, index } = props;
  const id = initiativeId(index);
  const path = initiativePath(store.initiatives(), initiative);
  const key = `i${initiative.key}`;
  const choices = keyResultChoices(store);
  const chosen = choices.some(([value]) => value === String(initiative.keyResultKey))
    ? String(initiative.keyResultKey)
    : '0';
  return html`<article class="initiative" aria-label=${t('initiative', { id })}>
    <div class="kr-head">
      <span class="badge small">${id}</span>
      <button
        type="button"
        class="icon remove"
        aria-label=${t('removeInitiative', { id })}
        title=${t('removeInitiative', { id })}
        onClick=${() => store.removeInitiative(initiative)}
      >
        ×
      </button>
    </div>
    <${Field}
      id=${`${key}-hypothesis`}
      path=${`${path}.hypothesis`}
      label=${t('hypothesis')}
      control=${textInput(initiative.hypothesis, (value) => store.editInitiative(initiative, 'hypothesis', value), {
        placeholder: t('hypothesisPlaceholder'),
        maxlength: '300',
        'data-role': 'hypothesis',
      })}
    />
    <${Field}
      id=${`${key}-kr`}
      path=${`${path}.keyResultId`}
      label=${t('servesKeyResult')}
      control=${select([['0', t('chooseKeyResult')], ...choices], chosen, (value) =>
        store.setInitiativeKeyResult(initiative, Number(value)),
      )}
    />
    <div class="grid2">
      <${Field}
        id=${`${key}-owner`}
        path=${`${path}.owner`}
        label=${t('owner')}
        control=${textInput(initiative.owner, (value) => store.editInitiative(initiative, 'owner', value), {
          placeholder: t('ownerPlaceholder'),
          maxlength: '120',
        })}
      />
      <${Field}
        id=${`${key}-status`}
        path=${`${path}.status`}
        label=${t('initiativeStatus')}
        control=${select(
          INITIATIVE_STATUSES.map((status): [string, string] => [status, t(`status_${status}`)]),
          initiative.status,
          (value) => store.setInitiativeStatus(initiative, value as InitiativeStatus),
        )}
      />
    </div>
    <div class="grid3">
      ${ICE_FIELDS.map(
        (field) => html`<${Field}
          key=${field}
          id=${`${key}-${field}`}
          path=${`${path}.${field}`}
          label=${t(field)}
          control=${textInput(initiative[field], (value) => store.editInitiative(initiative, field, value), {
            inputmode: 'decimal',
            placeholder: '1–10',
          })}
        />`,
      )}
    </div>
    <${MessageBoxes} id=${key} path=${path} />
    <div class="tasks" role="group" aria-label=${t('tasksOf', { id })}>
      <p class="hint">${t('tasksOf', { id })}</p>
      ${initiative.tasks.map(
        (task, number) =>
          html`<${TaskRow}
            key=${task.key}
            store=${store}
            initiative=${initiative}
            task=${task}
            number=${number + 1}
            id=${id}
          />`,
      )}
      <button type="button" class="add" id=${`${key}-add-task`} onClick=${() => store.addTask(initiative)}>
        ${t('addTask')}
      </button>
    </div>
  </article>`;
}

function TaskRow(props: {
  store: QuarterStore;
  initiative: DraftInitiative;
  task: DraftTask;
  number: number;
  id: string;
}): VNode {
  const { store, initiative, task, number, id } = props;
  const path = taskPath(store.initiatives(), task);
  const key = `t${task.key}`;
  return html`<div class="task" role="group" aria-label=${t('task', { number })}>
    <div class="kr-head">
      <span class="badge small">${`${id}.${number}`}</span>
      <button
        type="button"
        class="icon remove"
        aria-label=${t('removeTask', { number, id })}
        title=${t('removeTask', { number, id })}
        onClick=${() => store.removeTask(initiative, task)}
      >
        ×
      </button>
    </div>
    <${Field}
      id=${`${key}-title`}
      path=${`${path}.title`}
      label=${t('taskTitle')}
      control=${textInput(task.title, (value) => store.editTask(task, 'title', value), { maxlength: '300' })}
    />
    <div class="grid2">
      <${Field}
        id=${`${key}-owner`}
        path=${`${path}.owner`}
        label=${t('owner')}
        control=${textInput(task.owner, (value) => store.editTask(task, 'owner', value), { maxlength: '120' })}
      />
      <${Field}
        id=${`${key}-due`}
        path=${`${path}.due`}
        label=${t('taskDue')}
        control=${html`<input
          type="date"
          value=${task.due}
          onChange=${(event: Event) => store.editTask(task, 'due', (event.currentTarget as HTMLInputElement).value)}
        />`}
      />
    </div>
    <${MessageBoxes} id=${key} path=${path} />
  </div>`;
}
