// Making the fakes the Apps Script globals. `installGlobals` stubs them into the test's global scope with
// `vi.stubGlobal` (undo with `vi.unstubAllGlobals()`). `installInVmContext` puts them into a `node:vm`
// context, where the built bundle runs, and points the fakes' realm at that context, so the dates they hand
// out pass `instanceof Date` and the errors they throw pass `instanceof Error` inside the bundle.

import vm from 'node:vm';
import { vi } from 'vitest';
import type { Realm } from './env';
import type { FakeServices } from './index';
import { GLOBAL_NAMES } from './scope';

/** Stubs the six service globals for the current test file. */
export function installGlobals(services: FakeServices): void {
  for (const name of GLOBAL_NAMES) vi.stubGlobal(name, services[name]);
}

/** Defines the service globals in a vm context and makes the fakes create dates and errors of that context. */
export function installInVmContext(services: FakeServices, context: vm.Context): vm.Context {
  const realm = vm.runInContext('({ Date, Error })', context) as Realm;
  services.env.realm = realm;
  for (const name of GLOBAL_NAMES) context[name] = services[name];
  return context;
}
