/// <reference lib="dom" />
// The sidebar's building blocks, as Preact components written with htm (tagged templates: no compile step,
// the same source runs in the browser bundle and in the Node unit tests): a labelled field with its message
// slots, a checkbox field, a select, a text input, the formula-style radios and the notes box of a done
// screen. Text always goes in as text nodes and properties, never as markup, so whatever a user types (or a
// sheet holds) is shown as typed and can never become HTML.
//
// Every control carries `data-path`, the dotted path of the payload value it edits
// (`plan.objectives.0.keyResults.1.target`); server errors and lint warnings name such paths and are shown
// in the slot of that path, or of the nearest enclosing one (an objective card, a section, the form): the
// view places them (see messages.ts) and hands them down through the `Messages` context.

import htm from 'htm';
import { cloneElement, createContext, Fragment, h, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import type { FormulaStyle } from '../shared/plan';
import { FORMULA_STYLE_CHOICES } from './draft';
import { t } from './texts';

/** Preact's `h` as tagged templates; every template of the sidebar has one root element. */
export const html = htm.bind(h) as (strings: TemplateStringsArray, ...values: unknown[]) => VNode;

/** The messages shown at each path of the view on screen. */
export interface MessageBoard {
  errors(path: string): readonly string[];
  warnings(path: string): readonly string[];
}

const NONE: readonly string[] = [];

/** A board with nothing on it. */
export const EMPTY_BOARD: MessageBoard = { errors: () => NONE, warnings: () => NONE };

/** The messages of the view, for every field and slot below it. */
export const Messages = createContext<MessageBoard>(EMPTY_BOARD);

/** The error and warning boxes of one path; `id` names them for `aria-describedby`. */
export function MessageBoxes({ id, path }: { id: string; path: string }): VNode {
  const board = useContext(Messages);
  const list = (messages: readonly string[]) => messages.map((message) => html`<p>${message}</p>`);
  return html`<${Fragment}>
    <div class="msg msg-error" id=${`${id}-error`} data-error-for=${path}>${list(board.errors(path))}</div>
    <div class="msg msg-warn" id=${`${id}-warn`} data-warning-for=${path}>${list(board.warnings(path))}</div>
  <//>`;
}

/** The messages of a path that has no control of its own (a section, a list, the form). */
export function MessageSlot({ id, path }: { id: string; path: string }): VNode {
  return html`<div class="slot"><${MessageBoxes} id=${`slot-${id}`} path=${path} /></div>`;
}

export interface FieldProps {
  id: string;
  path: string;
  label: string;
  /** The control; it gets the field's id, path, description and invalid state. */
  control: VNode;
  hint?: string | undefined;
  className?: string;
  /** Shown after the control, inside its box ("%", "zł"). */
  suffix?: string;
}

/** A label, its control, an optional hint, and the message boxes of the control's path. */
export function Field({ id, path, label, control, hint, className, suffix }: FieldProps): VNode {
  const board = useContext(Messages);
  const wired = cloneElement(control, {
    id,
    'data-path': path,
    'aria-describedby': `${id}-error ${id}-warn`,
    'aria-invalid': board.errors(path).length > 0 ? 'true' : undefined,
  });
  const box = suffix
    ? html`<div class="affix">${wired}<span class="suffix" aria-hidden="true">${suffix}</span></div>`
    : wired;
  return html`<div class=${`field ${className ?? ''}`.trim()}>
    <label for=${id}>${label}</label>
    ${box}
    ${hint ? html`<p class="hint">${hint}</p>` : null}
    <${MessageBoxes} id=${id} path=${path} />
  </div>`;
}

export interface CheckFieldProps {
  id: string;
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label after it, and message boxes. */
export function CheckField({ id, path, label, checked, onChange }: CheckFieldProps): VNode {
  const board = useContext(Messages);
  return html`<div class="field check">
    <label for=${id} class="check-label">
      <input
        type="checkbox"
        id=${id}
        data-path=${path}
        checked=${checked}
        aria-describedby=${`${id}-error ${id}-warn`}
        aria-invalid=${board.errors(path).length > 0 ? 'true' : undefined}
        onChange=${(event: Event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span>${label}</span>
    </label>
    <${MessageBoxes} id=${id} path=${path} />
  </div>`;
}

/** A select of `[value, label]` pairs with `selected` chosen; extra attributes pass through. */
export function select(
  pairs: readonly (readonly [string, string])[],
  selected: string,
  onChange: (value: string) => void,
  attributes: Record<string, string> = {},
): VNode {
  return html`<select
    ...${attributes}
    value=${selected}
    onChange=${(event: Event) => onChange((event.currentTarget as HTMLSelectElement).value)}
  >
    ${pairs.map(([value, label]) => html`<option key=${value} value=${value}>${label}</option>`)}
  </select>`;
}

/** A text input that reports every keystroke; extra attributes pass through. */
export function textInput(
  value: string,
  onInput: (value: string) => void,
  attributes: Record<string, string | ((event: Event) => void)> = {},
): VNode {
  return html`<input
    type="text"
    autocomplete="off"
    spellcheck="false"
    ...${attributes}
    value=${value}
    onInput=${(event: Event) => onInput((event.currentTarget as HTMLInputElement).value)}
  />`;
}

/** One radio per formula style (add-on or portable), checked on `selected`, for the caller's fieldset. */
export function FormulaStyleRadios(props: {
  name: string;
  idPrefix: string;
  path: string;
  selected: FormulaStyle;
  onChange: (style: FormulaStyle) => void;
}): VNode {
  return html`<${Fragment}>
    ${FORMULA_STYLE_CHOICES.map((style) => {
      const id = `${props.idPrefix}-${style}`;
      return html`<label key=${style} for=${id} class="check-label">
        <input
          type="radio"
          name=${props.name}
          id=${id}
          value=${style}
          data-path=${props.path}
          checked=${props.selected === style}
          onChange=${() => props.onChange(style)}
        />
        <span>${t(style === 'addon' ? 'formulaAddon' : 'formulaPortable')}</span>
      </label>`;
    })}
  <//>`;
}

/** The box of things worth knowing under a done screen: a title and one item each; nothing when none. */
export function DoneNotes({ title, items }: { title: string; items: readonly string[] }): VNode | null {
  if (items.length === 0) return null;
  return html`<div class="done-warnings">
    <p>${title}</p>
    <ul>
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>
  </div>`;
}
