// Several spreadsheets in the playground, in headless Chromium: a folder of workbook files, a switcher that
// makes and opens them (the page's address names the one shown), each one's link, and IMPORTRANGE from one
// to another with Sheets' "You need to connect these sheets. Allow access" step, remembered after a restart.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server';
import { closePage, launchBrowser, skipBrowserTests as skip } from '../sidebar/browser';

const cell = (page: Page, row: number, column: number) =>
  page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);

const idle = (page: Page) =>
  page.waitForFunction(
    () => !document.body.classList.contains('busy') && document.querySelectorAll('#grid td.pending').length === 0,
  );

async function typeInto(page: Page, row: number, column: number, text: string): Promise<void> {
  await cell(page, row, column).click();
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  expect((await answered).status()).toBe(200);
  await idle(page);
}

async function switchTo(page: Page, name: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/spreadsheet'));
  await page.locator('#spreadsheet-select').selectOption({ label: name });
  expect((await answered).status()).toBe(200);
  await page.waitForFunction((wanted) => document.getElementById('doc-name')?.textContent === wanted, name);
  await idle(page);
}

describe.skipIf(skip)('several spreadsheets in the playground', () => {
  let browser: Browser;
  let folder: string;
  const started: Playground[] = [];

  async function start(): Promise<Playground> {
    const playground = await startPlayground({ port: 0, workbookPath: join(folder, 'company.json'), build: false });
    started.push(playground);
    return playground;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-spreadsheets-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(started.map((playground) => playground.close()));
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('makes a second spreadsheet, switches by the list and the address, and imports it once access is allowed', async () => {
    const playground = await start();
    const chosen = await fetch(new URL('/api/start', playground.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sample: false }),
    });
    expect(chosen.status).toBe(200);
    const companyId = playground.runtime().id;
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(playground.url);
      await cell(page, 1, 1).waitFor();
      expect(new URL(page.url()).searchParams.get('id')).toBe(companyId);
      await page.locator('#spreadsheet-select').selectOption({ label: 'company' });

      // A new spreadsheet, named in the dialog, is made in the folder and shown.
      await page.locator('#spreadsheet-new').click();
      await page.locator('#dialog-input').fill('Team A');
      await page.locator('#dialog-buttons button[value="OK"]').click();
      await page.waitForFunction(() => document.getElementById('doc-name')?.textContent === 'Team A');
      await idle(page);
      const teamLink = await page.locator('#spreadsheet-link').inputValue();
      const teamId = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)\/edit$/.exec(teamLink)?.[1];
      expect(teamId).toMatch(/^[A-Za-z0-9_-]{44}$/);
      expect(new URL(page.url()).searchParams.get('id')).toBe(teamId);
      expect(
        readdirSync(folder)
          .filter((name) => name.endsWith('.json'))
          .sort(),
      ).toEqual(['company.json', 'team-a.json']);
      await typeInto(page, 1, 1, 'Won');
      await typeInto(page, 1, 2, '3');

      // The company imports it: #REF! and the "Allow access" bar until allowed, then the values.
      await switchTo(page, 'company');
      await typeInto(page, 1, 1, `=IMPORTRANGE("${teamLink}"; "A1:B1")`);
      await expect.poll(() => cell(page, 1, 1).textContent()).toBe('#REF!');
      expect(await cell(page, 1, 1).getAttribute('title')).toBe('You need to connect these sheets.');
      const bar = page.locator('#access-bar');
      await expect.poll(() => bar.isVisible()).toBe(true);
      expect(await bar.textContent()).toContain('“Team A”: You need to connect these sheets.');
      await bar.getByRole('button', { name: 'Allow access' }).click();
      await expect.poll(() => cell(page, 1, 2).textContent()).toBe('3');
      expect(await cell(page, 1, 1).textContent()).toBe('Won');
      expect(await bar.isHidden()).toBe(true);

      // An edit in the team's spreadsheet shows in the company's.
      await switchTo(page, 'Team A');
      await typeInto(page, 1, 2, '5');
      await switchTo(page, 'company');
      await expect.poll(() => cell(page, 1, 2).textContent()).toBe('5');

      // The address opens the spreadsheet it names.
      await page.goto(`${playground.url}?id=${teamId}`);
      await page.waitForFunction(() => document.getElementById('doc-name')?.textContent === 'Team A');
      expect(errors).toEqual([]);
    } finally {
      await closePage(page);
    }

    // A restart remembers the grant: the company shows the values at once.
    await playground.close();
    started.splice(started.indexOf(playground), 1);
    const again = await start();
    const second = await (await browser.newContext()).newPage();
    try {
      await second.goto(`${again.url}?id=${companyId}`);
      await second.waitForFunction(() => document.getElementById('doc-name')?.textContent === 'company');
      await expect.poll(() => cell(second, 1, 2).textContent()).toBe('5');
      expect(await second.locator('#access-bar').isHidden()).toBe(true);
    } finally {
      await closePage(second);
    }
  });
});
