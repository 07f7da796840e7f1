// The local spreadsheet's services as the globals of a vitest test file, through `vi.stubGlobal` (undo with
// `vi.unstubAllGlobals()`). Kept out of local/spreadsheet so the CLI and the playground never load vitest.

import { vi } from 'vitest';
import type { FakeServices } from '../../local/spreadsheet';
import { GLOBAL_NAMES } from '../../local/spreadsheet/scope';

/** Stubs the six service globals for the current test file. */
export function installGlobals(services: FakeServices): void {
  for (const name of GLOBAL_NAMES) vi.stubGlobal(name, services[name]);
}
