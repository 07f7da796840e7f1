// Where a message is shown. Server errors and lint warnings name a dotted payload path
// (`plan.objectives.0.keyResults.1.target`); the view shows each at the slot of that path, or of the nearest
// enclosing path that has a slot on screen (a key result card, an objective, a section), else at the form's
// own slot (''). Pure: the views hand in the paths they draw.

import type { MessageBoard } from './ui';

/** A message about one path of the payload. */
export interface PathMessage {
  path: string;
  message: string;
}

/** The path among `shown` a message about `path` is shown at: itself, else the nearest enclosing one, else ''. */
export function nearestPath(path: string, shown: ReadonlySet<string>): string {
  let candidate = path;
  while (candidate !== '') {
    if (shown.has(candidate)) return candidate;
    const cut = candidate.lastIndexOf('.');
    candidate = cut < 0 ? '' : candidate.slice(0, cut);
  }
  return '';
}

/** The messages by the path they are shown at, each message once per path, in the order given. */
export function placeMessages(messages: readonly PathMessage[], shown: ReadonlySet<string>): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const { path, message } of messages) {
    const at = nearestPath(path, shown);
    const list = placed.get(at) ?? [];
    if (!list.includes(message)) list.push(message);
    placed.set(at, list);
  }
  return placed;
}

/** The board the components read: errors and warnings placed on the paths on screen. */
export function messageBoard(
  errors: readonly PathMessage[],
  warnings: readonly PathMessage[],
  shown: ReadonlySet<string>,
): MessageBoard {
  const placedErrors = placeMessages(errors, shown);
  const placedWarnings = placeMessages(warnings, shown);
  return {
    errors: (path) => placedErrors.get(path) ?? [],
    warnings: (path) => placedWarnings.get(path) ?? [],
  };
}

/** The messages left once the user edits the field at `path`: those shown there go. */
export function withoutMessagesAt(
  messages: readonly PathMessage[],
  path: string,
  shown: ReadonlySet<string>,
): PathMessage[] {
  return messages.filter((message) => nearestPath(message.path, shown) !== path);
}
