// The fakes as the global services of plain Node code (the bench, the call-count fixtures), where vitest's
// `vi.stubGlobal` is not available: set for the duration of one piece of work, then put back.

import type { FakeServices } from './index';

/** The Apps Script globals the fake provides. */
export const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'HtmlService',
  'Session',
  'Utilities',
  'Charts',
] as const;

/** Runs `work` with the fake services as globals, restoring whatever was there before. */
export function withGlobalServices<T>(services: FakeServices, work: () => T): T {
  const scope = globalThis as Record<string, unknown>;
  const saved = GLOBAL_NAMES.map((name) => [name, scope[name]] as const);
  for (const name of GLOBAL_NAMES) scope[name] = services[name];
  try {
    return work();
  } finally {
    for (const [name, value] of saved) scope[name] = value;
  }
}
