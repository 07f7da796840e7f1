/// <reference lib="dom" />
// Figure for `npm run bench`: the time from a click in the sidebar to the grid showing its change, in the
// playground (`npm start`) in headless Chromium. Each run starts a playground on a free port with a workbook
// in a temporary folder, opens it, plans one key result in the New quarter sidebar, and clicks Create: the
// clock starts at the click (a listener in the sidebar's frame) and stops at the first frame painted after
// the grid shows the new sheet's key result (an observer in the page). Both read the same clock
// (performance.timeOrigin + now), so the figure is the user's wait, not the test driver's round trips. The
// median of the runs is printed; nothing is asserted (a shared machine's milliseconds are no test).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { startPlayground } from '../playground/server';

const CHROMIUM = '/usr/bin/chromium';
const KEY_RESULT = 'New clients';

export interface SidebarClickFigures {
  /** Milliseconds of each run, click to grid. */
  runs: number[];
  medianMs: number;
}

async function oneRun(browser: Browser, workbookPath: string): Promise<number> {
  const playground = await startPlayground({ port: 0, workbookPath, build: false });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(playground.url);
    await page.locator('#grid td').first().waitFor();
    await page.locator('#welcome-empty').click();
    await page.locator('#welcome').waitFor({ state: 'hidden' });
    await page.locator('#menu-button').click();
    await page.getByRole('menuitem', { name: 'New quarter…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#team').fill('Sales');
    await sidebar.locator('[data-path="plan.objectives.0.title"]').fill('Build a predictable pipeline');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.title"]').fill(KEY_RESULT);
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.start"]').fill('0');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('8');
    const create = sidebar.getByRole('button', { name: 'Create the OKR sheet' });
    await create.waitFor();
    // The button is gone once the sidebar shows its done view: the click's time is read from the frame.
    const frame = await (await page.locator('#sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('The sidebar frame is not there');

    await page.evaluate((wanted) => {
      const state = window as unknown as { gridShownAt?: number };
      const shows = () => Array.from(document.querySelectorAll('#grid td')).some((cell) => cell.textContent === wanted);
      const observer = new MutationObserver(() => {
        if (!shows()) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          state.gridShownAt = performance.timeOrigin + performance.now();
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, KEY_RESULT);
    await create.evaluate((button) => {
      button.addEventListener(
        'click',
        () => {
          (window as unknown as { clickedAt?: number }).clickedAt = performance.timeOrigin + performance.now();
        },
        { capture: true, once: true },
      );
    });
    await create.click();
    await page.waitForFunction(() => (window as unknown as { gridShownAt?: number }).gridShownAt !== undefined, null, {
      timeout: 60_000,
    });
    const shownAt = await page.evaluate(() => (window as unknown as { gridShownAt: number }).gridShownAt);
    const clickedAt = await frame.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
    return shownAt - clickedAt;
  } finally {
    await context.close();
    await playground.close();
  }
}

/** Click-to-grid milliseconds over `runs` fresh playgrounds; `null` when Chromium is absent. */
export async function measureSidebarToGrid(runs = 5): Promise<SidebarClickFigures | null> {
  if (!existsSync(CHROMIUM)) return null;
  const folder = mkdtempSync(join(tmpdir(), 'okr-bench-click-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await oneRun(browser, join(folder, `run-${run}.json`)));
    const sorted = [...times].sort((a, b) => a - b);
    return { runs: times, medianMs: sorted[Math.floor(sorted.length / 2)] as number };
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
