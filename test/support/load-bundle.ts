// Loads the built dist/Code.js the way Apps Script does: one bare global scope, no require, no modules.
// Services are Proxies that throw when touched unless a test passes its own, so a service call at load
// time, or in a code path that must not need one, fails loudly.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'ScriptApp',
  'Logger',
  'UrlFetchApp',
  'DriveApp',
] as const;

/** A service that fails on any use, naming what was touched. */
export function untouchable(name: string): unknown {
  const fail = (what: string) => {
    throw new Error(`${name}.${what} was touched`);
  };
  return new Proxy(function service() {}, {
    get: (_target, property) => fail(String(property)),
    apply: () => fail('()'),
    construct: () => fail('new'),
    has: () => fail('in'),
  });
}

export type BundleGlobals = Record<string, unknown> & { [name: string]: unknown };

export function readBundle(): string {
  return readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
}

/**
 * Runs dist/Code.js in a fresh context and returns that context's global object. `extraGlobals` are set in
 * the scope before the bundle runs (instruments a test watches the bundle with).
 */
export function loadBundle(
  services: Partial<Record<(typeof SERVICE_NAMES)[number], unknown>> = {},
  extraGlobals: Record<string, unknown> = {},
): BundleGlobals {
  const globals: Record<string, unknown> = { ...extraGlobals };
  for (const name of SERVICE_NAMES) globals[name] = services[name] ?? untouchable(name);
  const context = vm.createContext(globals);
  vm.runInContext(readBundle(), context, { filename: 'Code.js' });
  return context as BundleGlobals;
}

/** Calls a global function of the loaded bundle by name. */
export function callGlobal(globals: BundleGlobals, name: string, ...args: unknown[]): unknown {
  const fn = globals[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a global function of the bundle`);
  return fn(...args);
}
