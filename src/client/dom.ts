/// <reference lib="dom" />
// A small element builder. Text always goes in as text nodes and properties, never as markup, so whatever a
// user types (or a sheet holds) is shown as typed and can never become HTML.

type Child = Node | string | number | null | undefined | false;

export type Props = {
  [name: string]: string | number | boolean | null | undefined | ((event: Event) => void);
};

/**
 * Creates an element. `on…` props add listeners; `value`, `checked`, `disabled`, `hidden` and `selected`
 * are set as properties; `false`, `null` and `undefined` leave an attribute out; everything else is an
 * attribute. Children that are strings become text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(name)) {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected']);

function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Options of a select: `[value, label]` pairs, one selected. */
export function options(pairs: readonly (readonly [string, string])[], selected: string): HTMLOptionElement[] {
  return pairs.map(([value, label]) => h('option', { value, selected: value === selected }, label));
}
