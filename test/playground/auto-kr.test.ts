// A key result fed by the Deals sheet, in the playground (`npm start`) in headless Chromium: a quarter built
// from the sidebar with the library's "New clients" (which brings its Deals formula), deals imported, and a
// person typing "won" into a deal's outcome in the grid: the KR's current value and score change on the OKR
// sheet as the page shows it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { axeFindings, closePage, launchBrowser, skipBrowserTests as skip } from '../sidebar/browser';
import { activeTab, cell, clickMenuItem, currentQuarter, find, typeInto } from './page-helpers';

async function showTab(page: Page, name: string): Promise<void> {
  await page.locator('#tabs .tab', { hasText: name }).click();
  await expect.poll(() => activeTab(page)).toBe(name);
}

describe.skipIf(skip)('a key result fed by the Deals sheet, in the playground', () => {
  let browser: Browser;
  let folder: string;
  let playground: Playground | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-auto-'));
  }, 60_000);

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('moves when a deal is marked won', async () => {
    playground = await startPlayground({ port: 0, workbookPath: join(folder, 'auto.json'), build: false });
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(playground.url);
    await page.locator('#welcome-empty').click();
    await page.locator('#welcome').waitFor({ state: 'hidden' });

    const { quarter, year, label } = currentQuarter();
    await clickMenuItem(page, 'New quarter…');
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#team').fill('Sales');
    await sidebar.locator(`label[for="period-${quarter}"]`).click();
    await sidebar.locator('#quarter-year').selectOption(String(year));
    await sidebar.locator('[data-path="plan.objectives.0.title"]').fill('Win more');
    await sidebar.getByRole('button', { name: /From library/ }).click();
    await sidebar.locator('input[type="search"]').fill('new clients');
    await sidebar.locator('button[data-template="new-clients"]').click();
    expect(await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.source"]').inputValue()).toBe(
      'deals.newClients',
    );
    await sidebar.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await sidebar.locator('#done-title').waitFor();
    await expect.poll(() => page.locator('#tabs .tab').allTextContents()).toContain('Deals');

    // Two deals closed on the quarter's 11th day: one won, one open.
    const closed = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-11`;
    const imported = playground.runtime().call('importDeals', {
      header: ['Deal', 'Amount', 'Close Date', 'Outcome'],
      rows: [
        { row: 2, cells: ['Open deal', '50000', closed, 'open'] },
        { row: 3, cells: ['Won deal', '30000', closed, 'won'] },
      ],
    });
    expect(imported).toMatchObject({ ok: true, value: { ok: true, imported: 2 } });
    await page.reload();
    await page.locator('#grid td').first().waitFor();

    await showTab(page, `OKR ${label}`);
    const row = (await find(page, 'New clients')).row;
    const current = await find(page, 'Current');
    const score = await find(page, 'Score');
    expect(await cell(page, row, current.column).textContent()).toBe('1');
    expect(await cell(page, row, score.column).textContent()).toBe('0.13');

    // A person marks the open deal won, in the grid.
    await showTab(page, 'Deals');
    const openDeal = await find(page, 'Open deal');
    await typeInto(page, openDeal.row, dealColumn('outcome'), 'won');

    await showTab(page, `OKR ${label}`);
    await expect.poll(() => cell(page, row, current.column).textContent()).toBe('2');
    expect(await cell(page, row, score.column).textContent()).toBe('0.25');
    expect(await axeFindings(page)).toEqual([]);
    await closePage(page);
  }, 90_000);
});
