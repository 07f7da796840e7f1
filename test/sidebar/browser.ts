// What the browser tests of the sidebar share: headless Chromium launched one way, and the built sidebar
// (dist/sidebar.html) opened from a menu item of the built dist/Code.js, loaded in a node:vm context over the
// fake Spreadsheet services. `google.script.run` is defined by an init script and wired, through
// page.exposeFunction, to the server entry points of that bundle, so a click in the sidebar changes the fake
// spreadsheet exactly as it would change a real one. Every request other than the page itself is refused
// and recorded: the sidebar must need no network.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type vm from 'node:vm';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  createFakeServices,
  type FakeServices,
  type FakeServicesOptions,
  installInVmContext,
} from '../../local/spreadsheet';
import { type EntryPointName, registry } from '../../src/gas/registry';
import { type BundleGlobals, callGlobal, loadBundle } from '../support/load-bundle';

export const CHROMIUM = '/usr/bin/chromium';
const SIDEBAR_URL = 'https://okr-sheets.sidebar.test/';

/** Skip the browser tests where Chromium is absent, except in CI, where they must run. */
export const skipBrowserTests = !existsSync(CHROMIUM) && !process.env.CI;
if (skipBrowserTests) {
  console.warn(
    `Skipping the sidebar browser tests: ${CHROMIUM} is absent (apt-get install chromium). In CI they always run.`,
  );
}

/** The functions google.script.run may call: the registry's server entry points. */
const SERVER_FUNCTIONS = Object.entries(registry)
  .filter(([, doc]) => doc.kind === 'server')
  .map(([name]) => name);

// google.script.run as Apps Script injects it: a runner whose with…Handler calls return a new runner and
// whose other properties are the server functions, answering through the handlers, never a return value.
const GOOGLE_SCRIPT_RUN = `(() => {
  const runner = (handlers) => new Proxy({}, {
    get(_target, property) {
      if (property === 'withSuccessHandler') return (fn) => runner({ ...handlers, ok: fn });
      if (property === 'withFailureHandler') return (fn) => runner({ ...handlers, fail: fn });
      if (property === 'withUserObject') return (object) => runner({ ...handlers, user: object });
      if (typeof property !== 'string') return undefined;
      return (...args) => {
        window.__okrServer(property, JSON.parse(JSON.stringify(args))).then(
          (value) => handlers.ok && handlers.ok(value, handlers.user),
          (error) => handlers.fail && handlers.fail(error instanceof Error ? error : new Error(String(error)), handlers.user),
        );
      };
    },
  });
  window.google = { script: { run: runner({}), host: { close() { window.__sidebarClosed = true; } } } };
})();`;

/** Headless Chromium with the flags every sidebar test uses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One browser for the tests of a `describe`: launched before them, closed after them. Call it in the
 * describe's body; the getter gives the browser inside a test.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet: call it inside a test');
    return browser;
  };
}

/**
 * Sets permissions of the page's browser context to `denied` (Playwright itself can only grant). Chromium
 * drops the override when the session that set it detaches, so the session stays attached; it ends with the
 * browser.
 */
async function denyPermissions(browser: Browser, page: Page, names: string[]): Promise<void> {
  const pageSession = await page.context().newCDPSession(page);
  const { targetInfo } = await pageSession.send('Target.getTargetInfo');
  await pageSession.detach();
  const session = await browser.newBrowserCDPSession();
  for (const name of names) {
    await session.send('Browser.setPermission', {
      permission: { name },
      setting: 'denied',
      origin: new URL(SIDEBAR_URL).origin,
      browserContextId: targetInfo.browserContextId,
    });
  }
}

const AXE = join(__dirname, '../../node_modules/axe-core/axe.min.js');

/** One accessibility finding of axe-core: the rule, its impact and the elements it found. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core (the WCAG 2 A/AA rules and best practices) over the page as it is now and returns what it
 * found. The script is evaluated in the page rather than loaded: the pages refuse every request but their
 * own, and the playground's Content-Security-Policy refuses inline scripts (evaluation is the test's own).
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      nodes: { target: unknown[] }[];
    }
    const { violations } = await axe.run();
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

export interface Harness {
  page: Page;
  services: FakeServices;
  server: BundleGlobals;
  /** Requests the page made other than for itself. */
  outside: string[];
  /** Calls that reached the server, by name. */
  serverCalls: string[];
  /** Calls the menu item `entryPoint` again and loads the sidebar it shows into the same page (same tab). */
  reopen(entryPoint: EntryPointName): Promise<void>;
}

export interface OpenSidebarOptions {
  /** Browser permissions of the page's origin, e.g. `clipboard-read`. */
  permissions?: string[];
  /** Browser permissions the page's origin is refused, as a user or a frame policy may refuse them. */
  deniedPermissions?: string[];
}

/**
 * A fake spreadsheet with the built bundle over it, `prepare` run on both, then the menu item `entryPoint`
 * called and the sidebar it showed opened in a new page.
 */
export async function openSidebar(
  browser: Browser,
  options: FakeServicesOptions = {},
  entryPoint: EntryPointName = 'showNewQuarterSidebar',
  prepare: (server: BundleGlobals, services: FakeServices) => void = () => {},
  { permissions, deniedPermissions }: OpenSidebarOptions = {},
): Promise<Harness> {
  const html = readFileSync(join(__dirname, '../../dist/sidebar.html'), 'utf8');
  const services = createFakeServices({ locale: 'en_US', htmlFiles: { sidebar: html }, ...options });
  const { SpreadsheetApp, PropertiesService, LockService, HtmlService, Session, Utilities } = services;
  const server = loadBundle({ SpreadsheetApp, PropertiesService, LockService, HtmlService, Session, Utilities });
  installInVmContext(services, server as vm.Context);
  prepare(server, services);
  callGlobal(server, entryPoint);
  const shown = () => {
    const sidebar = services.ui.sidebars.at(-1);
    if (!sidebar) throw new Error(`${entryPoint} showed no sidebar`);
    return sidebar.content;
  };
  /** The page the sidebar URL serves: the last sidebar a menu item showed. */
  let served = shown();

  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  if (permissions) await context.grantPermissions(permissions, { origin: SIDEBAR_URL });
  // The context lives until the test closes it with closePage (or afterAll closes the browser). Closing it from
  // a page 'close' listener started a promise nobody awaited, which lost the race with browser.close() and
  // failed the run with an unhandled "Target page, context or browser has been closed".
  const page = await context.newPage();
  const outside: string[] = [];
  const serverCalls: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) await route.fulfill({ contentType: 'text/html; charset=utf-8', body: served });
    else {
      outside.push(url);
      await route.abort();
    }
  });
  await page.exposeFunction('__okrServer', (name: string, args: unknown[]) => {
    if (!SERVER_FUNCTIONS.includes(name)) throw new Error(`${name} is not a server function`);
    serverCalls.push(name);
    return JSON.parse(JSON.stringify(callGlobal(server, name, ...args) ?? null));
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN);
  await page.goto(SIDEBAR_URL);
  // After the first navigation: Playwright settles the context's permissions on it.
  if (deniedPermissions) await denyPermissions(browser, page, deniedPermissions);
  const reopen = async (again: EntryPointName) => {
    callGlobal(server, again);
    served = shown();
    await page.reload();
  };
  return { page, services, server, outside, serverCalls, reopen };
}

/**
 * Closes a sidebar page and its browser context, waiting for both. Routes are removed first, ignoring the
 * errors of handlers still running, so no request handled after the close rejects unobserved.
 */
export async function closePage(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.context().close();
}
