// The smallest store a view needs: state changed by the store's own actions, and listeners told after each
// change. A view's components read the state and call actions; `useStore` redraws them on every change, and
// Preact's keyed diff keeps focus, caret and scroll where the user left them.

import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

export class Store {
  private listeners = new Set<() => void>();
  /** Counts changes; a view effect can depend on it. */
  version = 0;
  /** Where the focus should go after the next redraw: an element id, asked for once (`seq` tells requests apart). */
  focus: { id: string; seq: number } | null = null;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves the focus to the element with this id once the view has redrawn. */
  protected focusOn(id: string): void {
    this.focus = { id, seq: (this.focus?.seq ?? 0) + 1 };
  }

  protected changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/** Redraws the calling component whenever the store changes. */
export function useStore(store: Store): void {
  const [, setVersion] = useState(store.version);
  useEffect(() => store.subscribe(() => setVersion(store.version)), [store]);
}

/**
 * Focuses what the store asked for, right after the redraw that shows it (a layout effect: in the same
 * task as the redraw, before the next paint, so the next keystroke lands in it).
 */
export function useRequestedFocus(store: Store, find: (id: string) => HTMLElement | null): void {
  const request = store.focus;
  useLayoutEffect(() => {
    if (request) find(request.id)?.focus();
  }, [request?.seq]);
}
