// Where the sidebar shows a message (src/client/messages.ts): at its field, else at the nearest enclosing
// part on screen, else under the form.

import { describe, expect, it } from 'vitest';
import { nearestPath, placeMessages, withoutMessagesAt } from '../../src/client/messages';

const shown = new Set(['', 'plan.team', 'plan.objectives.0', 'plan.objectives.0.title']);

describe('placing messages', () => {
  it('shows a message at its field, else at the nearest enclosing part on screen, else under the form', () => {
    expect(nearestPath('plan.objectives.0.title', shown)).toBe('plan.objectives.0.title');
    expect(nearestPath('plan.objectives.0.keyResults.3.target', shown)).toBe('plan.objectives.0');
    expect(nearestPath('previousSheetId', shown)).toBe('');
  });

  it('shows the same message once per place, in the order given', () => {
    const placed = placeMessages(
      [
        { path: 'plan.objectives.0.keyResults.0.title', message: 'B' },
        { path: 'plan.objectives.0.keyResults.1.title', message: 'B' },
        { path: 'plan.objectives.0', message: 'A' },
      ],
      shown,
    );
    expect(placed.get('plan.objectives.0')).toEqual(['B', 'A']);
  });

  it('drops the messages shown at a field once it is edited', () => {
    const messages = [
      { path: 'plan.objectives.0.keyResults.0.title', message: 'B' },
      { path: 'plan.team', message: 'C' },
    ];
    expect(withoutMessagesAt(messages, 'plan.objectives.0', shown)).toEqual([{ path: 'plan.team', message: 'C' }]);
  });
});
