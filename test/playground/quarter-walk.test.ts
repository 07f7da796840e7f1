// A new user's quarter in the playground (`npm start`), in headless Chromium, through the page and the real
// sidebar only: a new workbook; New quarter with one initiative; a CRM export through Import deals…; four
// weekly check-ins, one a week (the playground's clock moves from Friday to Friday); the Monthly review;
// Close quarter…; the Dashboard with its charts; and the next New quarter offering each key result to carry
// over with its grade and note. Every check is on what the user sees: cells, tabs, sidebar texts, dialogs.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server';
import { axeFindings, closePage, launchBrowser, skipBrowserTests as skip } from '../sidebar/browser';
import { activeTab, cell, clickMenuItem, find, openPage, typeInto } from './page-helpers';

/** Waits are generous: on a loaded 2-core machine one server answer may take seconds. */
const WAIT = { timeout: 60_000 };

const DEALS_CSV = [
  'Deal Name,Deal Owner,Amount,Stage,Probability (%),Create Date,Close Date,Outcome,Loss Reason',
  'Acme roll-out,Anna,12000,Negotiation,60,2026-12-10,2027-02-20,open,',
  'Beta pilot,Anna,5000,Closed won,100,2026-12-15,2027-01-20,won,',
  'Gamma,Piotr,800,Closed lost,0,2027-01-04,2027-01-18,lost,Price',
].join('\n');

/** The playground's clock: the tests move it; the add-on's `new Date()` reads it. */
let now = Date.UTC(2027, 0, 4, 10);

/** Waits until the page shows the sidebar a menu item just opened (a new frame), then gives its frame. */
async function sidebarAfter(page: Page, menuItem: string): Promise<FrameLocator> {
  const before = await page.locator('#sidebar-frame').getAttribute('src');
  await clickMenuItem(page, menuItem);
  await expect.poll(() => page.locator('#sidebar-frame').getAttribute('src'), WAIT).not.toBe(before);
  return page.frameLocator('#sidebar-frame');
}

/** Waits for the page's dialog, checks its text, and presses OK. */
async function answerDialog(page: Page, body: RegExp): Promise<void> {
  const dialog = page.locator('#dialog');
  await dialog.waitFor(WAIT);
  expect(await page.locator('#dialog-body').textContent()).toMatch(body);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.locator('#tabs .tab', { hasText: name }).first().click();
  await expect.poll(() => activeTab(page), WAIT).toBe(name);
}

/** Every text the grid of the active sheet shows. */
const gridTexts = (page: Page) => page.locator('#grid td').allTextContents();

describe.skipIf(skip)('a new user’s quarter in the playground', () => {
  let browser: Browser;
  let folder: string;
  let playground: Playground | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-walk-'));
  }, 60_000);

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('plans, imports deals, checks in four weeks, reviews the month, closes, sees the dashboard and starts again', async () => {
    playground = await startPlayground({
      port: 0,
      workbookPath: join(folder, 'walk.json'),
      build: false,
      locale: 'en_US',
      timeZone: 'UTC',
      now: () => new Date(now),
    });
    const { page, outside, errors } = await openPage(browser, playground);
    try {
      await page.locator('#welcome-empty').click();
      await page.locator('#welcome').waitFor({ state: 'hidden', ...WAIT });

      // New quarter: Q1 2027, one key result, one initiative serving it.
      let sidebar = await sidebarAfter(page, 'New quarter…');
      await sidebar.locator('#team').waitFor(WAIT);
      await sidebar.locator('#team').fill('Sales Poland');
      await sidebar.locator('label[for="period-1"]').click();
      await sidebar.locator('#quarter-year').selectOption('2027');
      await sidebar.locator('[data-path="plan.objectives.0.title"]').fill('Build a predictable pipeline');
      await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.title"]').fill('New clients');
      await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.start"]').fill('0');
      await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('8');
      await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.owner"]').fill('Anna');
      await sidebar.locator('#initiatives-toggle').click();
      await sidebar.getByRole('button', { name: '+ Add an initiative' }).click();
      await sidebar
        .locator('[data-path="plan.initiatives.0.hypothesis"]')
        .fill('We believe that monthly webinars will bring new clients');
      await sidebar.locator('[data-path="plan.initiatives.0.owner"]').fill('Anna');
      await sidebar.locator('[data-path="plan.initiatives.0.status"]').selectOption({ label: 'Running' });
      await sidebar.locator('[data-path="plan.initiatives.0.impact"]').fill('8');
      await sidebar.locator('[data-path="plan.initiatives.0.confidence"]').fill('6');
      await sidebar.locator('[data-path="plan.initiatives.0.ease"]').fill('7');
      await sidebar.getByRole('button', { name: 'Create the OKR sheet' }).click();
      await sidebar.locator('#done-title').waitFor(WAIT);
      expect(await sidebar.locator('#done-title').textContent()).toBe('Done: “OKR Q1 2027” is ready');
      expect(await sidebar.locator('#done-initiatives').textContent()).toBe(
        'Its initiatives and tasks are in the sheet “Initiatives Q1 2027”.',
      );
      await expect.poll(() => activeTab(page), WAIT).toBe('OKR Q1 2027');
      await openTab(page, 'Initiatives Q1 2027');
      expect(await gridTexts(page)).toEqual(
        expect.arrayContaining(['We believe that monthly webinars will bring new clients', 'O1.1', 'Anna']),
      );

      // Import deals…: a CRM export pasted into the sidebar.
      sidebar = await sidebarAfter(page, 'Import deals…');
      await sidebar.locator('#deals-text').waitFor(WAIT);
      await sidebar.locator('#deals-text').fill(DEALS_CSV);
      expect(await sidebar.locator('#deals-lines').textContent()).toBe('Deals after the header row: 3');
      await sidebar.getByRole('button', { name: 'Import deals' }).click();
      await sidebar.locator('#deals-done-title').waitFor(WAIT);
      expect(await sidebar.locator('#deals-done-title').textContent()).toBe(
        'Deals imported: 3, into the sheet “Deals”.',
      );
      expect(await sidebar.locator('#deals-matched li').allTextContents()).toContain('Loss Reason → Loss reason');
      await expect.poll(() => page.locator('#tabs .tab').allTextContents(), WAIT).toContain('Deals');
      await openTab(page, 'Deals');
      expect(await gridTexts(page)).toEqual(expect.arrayContaining(['Acme roll-out', 'Beta pilot', 'Gamma']));

      // Four weekly check-ins, each on its Friday: the tab of the week, its value typed, recorded.
      const weeks: number[] = [];
      const values = ['2', '3', '5', '6'];
      for (const [index, value] of values.entries()) {
        now = Date.UTC(2027, 0, 8 + 7 * index, 12);
        const seen = await page.locator('#tabs .tab').allTextContents();
        sidebar = await sidebarAfter(page, 'Weekly check-in');
        await expect
          .poll(async () => {
            const tab = await activeTab(page);
            return /^Check-in W\d\d$/.test(tab) && !seen.includes(tab);
          }, WAIT)
          .toBe(true);
        const week = Number((await activeTab(page)).slice(-2));
        weeks.push(week);
        // The new sidebar is about this week's tab (the last one, still loading, was about last week's).
        await sidebar.locator('.check-in-week', { hasText: `Week ${week} · Q1 2027` }).waitFor(WAIT);
        const keyResult = await find(page, 'New clients');
        const thisWeek = await find(page, 'This week');
        await typeInto(page, keyResult.row, thisWeek.column, value);
        await sidebar.getByRole('button', { name: 'Record check-in' }).click();
        await expect
          .poll(() => sidebar.locator('#check-in-result-title').textContent(), WAIT)
          .toBe(`Week ${week} recorded`);
      }
      expect(weeks.map((week) => week - (weeks[0] ?? 0))).toEqual([0, 1, 2, 3]);
      await openTab(page, 'OKR Q1 2027');
      const current = await find(page, 'Current');
      await expect
        .poll(async () => cell(page, (await find(page, 'New clients')).row, current.column).textContent(), WAIT)
        .toBe('6');
      await openTab(page, 'History');
      expect((await gridTexts(page)).filter((text) => text === 'O1.1')).toHaveLength(4);

      // The monthly review of January: the key result's month and the deals won and lost in it.
      await clickMenuItem(page, 'Monthly review');
      await expect.poll(() => activeTab(page), WAIT).toBe('Review 2027-01');
      // The review is made with nothing to warn about: no dialog over it (a toast says where it is).
      expect(await page.locator('#dialog').isVisible()).toBe(false);
      const review = await gridTexts(page);
      expect(review).toEqual(expect.arrayContaining(['New clients', 'Beta pilot', 'Gamma', 'Price']));
      expect(review.some((text) => text.startsWith('Monthly review 2027-01'))).toBe(true);

      // Close quarter…: a Grades sheet; a note typed beside the key result's grade.
      await clickMenuItem(page, 'Close quarter…');
      await answerDialog(page, /Q1 2027 is closed: its grades are in the sheet “Grades Q1 2027”/);
      await expect.poll(() => page.locator('#tabs .tab').allTextContents(), WAIT).toContain('Grades Q1 2027');
      await openTab(page, 'Grades Q1 2027');
      const note = await find(page, 'Note');
      const graded = await find(page, 'New clients');
      await typeInto(page, graded.row, note.column, 'Webinars worked');
      expect(await cell(page, graded.row, note.column).textContent()).toBe('Webinars worked');

      // The dashboard: its charts drawn over the tab as SVG.
      await clickMenuItem(page, 'Dashboard');
      await expect.poll(() => activeTab(page), WAIT).toBe('Dashboard');
      const charts = page.locator('.chart-layer figure.sheet-chart');
      await expect.poll(() => charts.count(), WAIT).toBe(4);
      expect(await charts.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart-type')))).toEqual([
        'BAR',
        'LINE',
        'COLUMN',
        'COLUMN',
      ]);
      expect(await charts.locator('figcaption').allTextContents()).toContain('Objective scores');
      expect(await charts.locator('svg').count()).toBe(4);
      // The key result and its target as lines over the four recorded weeks.
      const lines = charts.nth(1).locator('polyline');
      expect(await lines.count()).toBe(2);
      expect((await lines.first().getAttribute('points'))?.split(' ')).toHaveLength(4);
      expect(await axeFindings(page)).toEqual([]);

      // The next New quarter: the key result offered to carry over, with its grade and the note.
      now = Date.UTC(2027, 2, 29, 10);
      sidebar = await sidebarAfter(page, 'New quarter…');
      await sidebar.locator('#use-previous').waitFor(WAIT);
      expect(await sidebar.locator('#use-previous').isChecked()).toBe(true);
      expect(await sidebar.locator('[data-role="carry"] option').first().textContent()).toBe('Carry over (start 6)');
      expect(await sidebar.locator('.carry .hint').allTextContents()).toEqual([
        expect.stringMatching(/^Grade 0\.8 \(.+\) · Webinars worked$/),
      ]);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 600_000);
});
