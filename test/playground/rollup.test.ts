// The company roll-up in the playground, in headless Chromium, end to end on local workbooks: the harness
// makes three team spreadsheets in the folder (their quarters built by the bundle, each with its OKR feed and
// values typed in) and the company's, with its objectives C1–C3. A person opens the company spreadsheet,
// picks Extensions ▸ Company roll-up…, pastes the three links, connects, allows access for each team as
// Sheets asks, refreshes, and sees every team connected, the company objectives scored as the core rolls the
// teams' feeds up, and the Alignment map tab.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_OBJECTIVES } from '../../local/team-workbooks';
import { type Playground, startPlayground } from '../../playground/server';
import { buildCompanyWorkbooks } from '../rollup/company-workbooks';
import { closePage, launchBrowser, skipBrowserTests as skip } from '../sidebar/browser';
import { activeTab, clickMenuItem, find, openPage } from './page-helpers';

const ROOT = join(__dirname, '../..');

describe.skipIf(skip)('the company roll-up in the playground', () => {
  let browser: Browser;
  let folder: string;
  let playground: Playground | null = null;
  let links: string[] = [];
  let names: string[] = [];
  let expected: Map<string, number | null>;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-rollup-'));
    const built = buildCompanyWorkbooks({
      folder,
      objectives: 4,
      keyResults: 2,
      runtime: { bundlePath: join(ROOT, 'dist/Code.js') },
    });
    links = built.teams.map((team) => team.runtime.link);
    names = built.teams.map((team) => team.name);
    expected = built.expected;
    playground = await startPlayground({ port: 0, workbookPath: join(folder, 'company.json'), build: false });
  }, 120_000);

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('connects three team spreadsheets, allows access for each, and scores the company objectives', async () => {
    const { page, outside, errors } = await openPage(browser, playground as Playground);
    try {
      await page.waitForFunction(() => document.getElementById('doc-name')?.textContent === 'ACME');

      // Extensions ▸ Company roll-up… opens the sidebar; the three links are pasted and connected.
      await clickMenuItem(page, 'Company roll-up…');
      await page.locator('#sidebar').waitFor();
      const sidebar = page.frameLocator('#sidebar-frame');
      await sidebar.locator('#rollup-connect').waitFor();
      expect(await sidebar.locator('#rollup-access').textContent()).toContain('“Allow access”');
      await sidebar.getByLabel('Team spreadsheet links').fill(links.join('\n'));
      await sidebar.getByRole('button', { name: 'Connect' }).click();
      await expect
        .poll(() => sidebar.locator('.actions .status').textContent())
        .toBe('Teams connected: 3. Now allow access for each of them (below).');
      await page.locator('#tabs').getByText('Roll-up', { exact: true }).waitFor();

      // As in Sheets, each team's import waits for "Allow access": the page names each one.
      const bar = page.locator('#access-bar');
      await expect.poll(() => bar.locator('.access-item').count()).toBe(3);
      await expect
        .poll(() => sidebar.locator('li.team .team-state').allTextContents())
        .toEqual(['waiting for access', 'waiting for access', 'waiting for access']);
      for (const name of names) {
        const item = bar.locator('.access-item', { hasText: `“${name}”` });
        await item.getByRole('button', { name: 'Allow access' }).click();
        await item.waitFor({ state: 'detached' });
      }
      expect(await bar.isHidden()).toBe(true);

      // Refresh: every team connected, the company objectives scored as the core rolls the feeds up.
      await sidebar.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => sidebar.locator('.actions .status').textContent()).toBe('Refreshed.');
      expect(await sidebar.locator('li.team .team-name').allTextContents()).toEqual(names);
      expect(await sidebar.locator('li.team .team-state').allTextContents()).toEqual([
        'connected',
        'connected',
        'connected',
      ]);
      const scores = await sidebar
        .locator('li.company-objective')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.objective-title')?.textContent,
            li.querySelector('.objective-score')?.textContent?.trim(),
          ]),
        );
      expect(scores).toEqual(
        COMPANY_OBJECTIVES.map(({ id, title }) => [
          `${id} · ${title}`,
          `score ${String(Math.round((expected.get(id) as number) * 100) / 100)}`,
        ]),
      );

      // The Alignment map tab: each company objective, its teams' objectives and their key results.
      expect(await sidebar.locator('#rollup-objectives').textContent()).toContain(
        'The Alignment map is on the tab “Alignment map”.',
      );
      await page.locator('#tabs').getByText('Alignment map', { exact: true }).click();
      await expect.poll(() => activeTab(page)).toBe('Alignment map');
      for (const { id, title } of COMPANY_OBJECTIVES) await find(page, `${id} · ${title}`);
      for (const name of names) await find(page, name);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 180_000);
});
