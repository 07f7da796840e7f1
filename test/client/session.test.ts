// What the sidebar remembers across a reload of its frame (src/client/session.ts), and that it trusts
// nothing it reads back.

import { describe, expect, it } from 'vitest';
import { recall, remember, SESSION_KEY } from '../../src/client/session';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('the sidebar’s memory of its view', () => {
  it('gives the same opening its view back after a reload', () => {
    const storage = memoryStorage();
    remember(storage, { opening: 'a1', view: 'settings' });
    expect(recall(storage, 'a1')).toEqual({ opening: 'a1', view: 'settings' });
  });

  it('keeps the done screen of a quarter just built', () => {
    const storage = memoryStorage();
    const done = { sheetName: 'OKR Q2 2027', warnings: ['Renamed'] };
    remember(storage, { opening: 'a1', view: 'quarter', done });
    expect(recall(storage, 'a1')).toEqual({ opening: 'a1', view: 'quarter', done });
  });

  it('lets a new menu click open the view it asks for', () => {
    const storage = memoryStorage();
    remember(storage, { opening: 'a1', view: 'settings' });
    expect(recall(storage, 'b2')).toBeNull();
    expect(recall(storage, '')).toBeNull();
  });

  it('ignores what it cannot read or does not know', () => {
    for (const stored of ['{', '"settings"', '{"opening":"a1","view":"admin"}', 'null']) {
      expect(recall(memoryStorage({ [SESSION_KEY]: stored }), 'a1')).toBeNull();
    }
    const badDone = JSON.stringify({ opening: 'a1', view: 'quarter', done: { sheetName: 3, warnings: [] } });
    expect(recall(memoryStorage({ [SESSION_KEY]: badDone }), 'a1')).toEqual({ opening: 'a1', view: 'quarter' });
  });

  it('works without memory where the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => remember(refusing, { opening: 'a1', view: 'settings' })).not.toThrow();
    expect(recall(refusing, 'a1')).toBeNull();
    expect(recall(null, 'a1')).toBeNull();
  });
});
