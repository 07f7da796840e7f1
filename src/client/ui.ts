/// <reference lib="dom" />
// Form building blocks shared by the views: a labelled field with its message slots, the messages
// themselves, the formula-style radios and the notes box of a done screen. Every control carries `data-path`, the dotted path of the payload value it edits
// (`plan.objectives.0.keyResults.1.target`); server errors and lint warnings name such paths and are shown
// in the slot of that path, or of the nearest enclosing one (an objective card, a section, the form).

import type { FormulaStyle } from '../shared/plan';
import { h, type Props } from './dom';
import { FORMULA_STYLE_CHOICES } from './draft';
import { t } from './texts';

interface Slot {
  error: HTMLElement;
  warn: HTMLElement;
  control: HTMLElement | null;
}

/** The message slots of the view on screen, by path; rebuilt with the view. */
export class Messages {
  private slots = new Map<string, Slot>();
  private errors = new Map<string, string[]>();
  private warnings = new Map<string, string[]>();

  /** Forgets the slots of the previous render (the messages stay, to be painted into the new slots). */
  reset(): void {
    this.slots.clear();
  }

  /** The error and warning elements for a path, registered for painting. */
  slot(path: string, control: HTMLElement | null, id: string): { error: HTMLElement; warn: HTMLElement } {
    const error = h('div', { class: 'msg msg-error', id: `${id}-error`, 'data-error-for': path });
    const warn = h('div', { class: 'msg msg-warn', id: `${id}-warn`, 'data-warning-for': path });
    this.slots.set(path, { error, warn, control });
    if (control) control.setAttribute('aria-describedby', `${id}-error ${id}-warn`);
    return { error, warn };
  }

  setErrors(errors: readonly { path: string; message: string }[]): void {
    this.errors = group(errors.map((error) => [this.nearest(error.path), error.message]));
    this.paint();
  }

  /** Clears the error of one field, once the user edits it. */
  clearError(path: string): void {
    if (this.errors.delete(path)) this.paint();
  }

  clearErrors(): void {
    this.errors.clear();
    this.paint();
  }

  setWarnings(warnings: readonly { path: string; message: string }[]): void {
    this.warnings = group(warnings.map((warning) => [this.nearest(warning.path), warning.message]));
    this.paint();
  }

  /** The control of the first field with an error, in page order. */
  firstInvalidControl(): HTMLElement | null {
    for (const [path, slot] of this.slots) if (this.errors.has(path) && slot.control) return slot.control;
    return null;
  }

  /** The registered path a message for `path` is shown at: itself, else the nearest enclosing one, else ''. */
  nearest(path: string): string {
    let candidate = path;
    while (candidate !== '') {
      if (this.slots.has(candidate)) return candidate;
      const cut = candidate.lastIndexOf('.');
      candidate = cut < 0 ? '' : candidate.slice(0, cut);
    }
    return '';
  }

  private paint(): void {
    for (const [path, slot] of this.slots) {
      fill(slot.error, this.errors.get(path) ?? []);
      fill(slot.warn, this.warnings.get(path) ?? []);
      if (slot.control) {
        if (this.errors.has(path)) slot.control.setAttribute('aria-invalid', 'true');
        else slot.control.removeAttribute('aria-invalid');
      }
    }
  }
}

function group(entries: [string, string][]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [path, message] of entries) {
    const list = grouped.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    grouped.set(path, list);
  }
  return grouped;
}

function fill(element: HTMLElement, messages: readonly string[]): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  for (const message of messages) element.appendChild(h('p', {}, message));
}

export interface FieldOptions {
  id: string;
  path: string;
  label: string;
  control: HTMLElement;
  hint?: string;
  className?: string;
  /** Shown after the control, inside its box ("%", "zł"). */
  suffix?: string;
}

/** A label, its control, an optional hint, and the message slots of the control's path. */
export function field(messages: Messages, options: FieldOptions): HTMLElement {
  const { id, path, label, control, hint, suffix } = options;
  control.id = id;
  control.setAttribute('data-path', path);
  const slot = messages.slot(path, control, id);
  const box = suffix
    ? h('div', { class: 'affix' }, control, h('span', { class: 'suffix', 'aria-hidden': 'true' }, suffix))
    : control;
  return h(
    'div',
    { class: `field ${options.className ?? ''}`.trim() },
    h('label', { for: id }, label),
    box,
    hint ? h('p', { class: 'hint' }, hint) : null,
    slot.error,
    slot.warn,
  );
}

/** A checkbox with its label after it, and message slots. */
export function checkField(
  messages: Messages,
  options: {
    id: string;
    path: string;
    label: string;
    checked: boolean;
    hint?: string;
    onChange: (checked: boolean) => void;
  },
): HTMLElement {
  const input = h('input', {
    type: 'checkbox',
    id: options.id,
    'data-path': options.path,
    checked: options.checked,
    onchange: (event) => options.onChange((event.target as HTMLInputElement).checked),
  });
  const slot = messages.slot(options.path, input, options.id);
  return h(
    'div',
    { class: 'field check' },
    h('label', { for: options.id, class: 'check-label' }, input, h('span', {}, options.label)),
    options.hint ? h('p', { class: 'hint' }, options.hint) : null,
    slot.error,
    slot.warn,
  );
}

/** A select of `[value, label]` pairs with `selected` chosen. */
export function select(
  pairs: readonly (readonly [string, string])[],
  selected: string,
  onChange: (value: string) => void,
  props: Props = {},
): HTMLSelectElement {
  const element = h(
    'select',
    { ...props, onchange: (event) => onChange((event.target as HTMLSelectElement).value) },
    pairs.map(([value, label]) => h('option', { value }, label)),
  );
  element.value = selected;
  return element;
}

/** A text input that reports every keystroke. */
export function textInput(value: string, onInput: (value: string) => void, props: Props = {}): HTMLInputElement {
  return h('input', {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    ...props,
    value,
    oninput: (event) => onInput((event.target as HTMLInputElement).value),
  });
}

/** One radio per formula style (add-on or portable), checked on `selected`, for the caller's fieldset. */
export function formulaStyleRadios(options: {
  name: string;
  idPrefix: string;
  path: string;
  selected: FormulaStyle;
  onChange: (style: FormulaStyle) => void;
}): HTMLLabelElement[] {
  return FORMULA_STYLE_CHOICES.map((style) => {
    const id = `${options.idPrefix}-${style}`;
    return h(
      'label',
      { for: id, class: 'check-label' },
      h('input', {
        type: 'radio',
        name: options.name,
        id,
        value: style,
        'data-path': options.path,
        checked: options.selected === style,
        onchange: () => options.onChange(style),
      }),
      h('span', {}, t(style === 'addon' ? 'formulaAddon' : 'formulaPortable')),
    );
  });
}

/** The box of things worth knowing under a done screen: a title and one item each; nothing when none. */
export function doneNotes(title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'div',
    { class: 'done-warnings' },
    h('p', {}, title),
    h(
      'ul',
      {},
      items.map((item) => h('li', {}, item)),
    ),
  );
}
