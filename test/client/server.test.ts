// The sidebar's typed google.script.run (src/client/server.ts): a promise per call, the server's exception
// as a rejection with its message, and a clear rejection outside Google Sheets.

import { afterEach, describe, expect, it } from 'vitest';
import { callServer, insideSheets, ServerError } from '../../src/client/server';

type Handlers = { ok?: (value: unknown) => void; fail?: (error: unknown) => void };

/** google.script.run as Apps Script injects it, over server functions given here. */
function installRun(functions: Record<string, (...args: unknown[]) => unknown>): void {
  const runner = (handlers: Handlers): unknown =>
    new Proxy(
      {},
      {
        get(_target, property) {
          if (property === 'withSuccessHandler') return (ok: Handlers['ok']) => runner({ ...handlers, ok });
          if (property === 'withFailureHandler') return (fail: Handlers['fail']) => runner({ ...handlers, fail });
          const fn = functions[String(property)];
          if (!fn) return undefined;
          return (...args: unknown[]) =>
            queueMicrotask(() => {
              try {
                handlers.ok?.(fn(...args));
              } catch (error) {
                handlers.fail?.(error);
              }
            });
        },
      },
    );
  (globalThis as { window?: unknown }).window = { google: { script: { run: runner({}) } } };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('calling the server from the sidebar', () => {
  it('resolves with the server function’s answer', async () => {
    installRun({ getCheckInText: (payload) => ({ ok: true, text: `text of ${JSON.stringify(payload)}` }) });
    expect(insideSheets()).toBe(true);
    await expect(callServer('getCheckInText', { sheetId: 7 })).resolves.toEqual({
      ok: true,
      text: 'text of {"sheetId":7}',
    });
  });

  it('rejects with the server’s message when the server function throws', async () => {
    installRun({
      getSettings: () => {
        throw { message: 'Exception: no access' };
      },
    });
    const call = callServer('getSettings');
    await expect(call).rejects.toBeInstanceOf(ServerError);
    await expect(call).rejects.toThrow('Exception: no access');
  });

  it('rejects a function the server does not have, and every call outside Google Sheets', async () => {
    installRun({});
    await expect(callServer('getSidebarState')).rejects.toThrow('getSidebarState is not a server function');
    delete (globalThis as { window?: unknown }).window;
    await expect(callServer('getSidebarState')).rejects.toThrow('google.script.run is not available');
  });
});
