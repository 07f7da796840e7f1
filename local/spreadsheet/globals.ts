// Making the local services the Apps Script globals of a `node:vm` context, where the built bundle runs.
// `installInVmContext` also points the fakes' realm at that context, so the dates they hand out pass
// `instanceof Date` and the errors they throw pass `instanceof Error` inside the bundle.

import vm from 'node:vm';
import type { Realm } from './env';
import type { FakeServices } from './index';
import { GLOBAL_NAMES } from './scope';

/** Defines the service globals in a vm context and makes the fakes create dates and errors of that context. */
export function installInVmContext(services: FakeServices, context: vm.Context): vm.Context {
  const realm = vm.runInContext('({ Date, Error })', context) as Realm;
  services.env.realm = realm;
  for (const name of GLOBAL_NAMES) context[name] = services[name];
  return context;
}
