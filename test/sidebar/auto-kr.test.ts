// Key results that update themselves, in the built sidebar in headless Chromium on the fake spreadsheet: the
// New quarter planner offers a Deals sheet formula for a library template (and refuses one whose unit does not
// fit), and the check-in view lists the key results fed by formulas, read-only, with their value or why there
// is none. axe-core finds nothing in either.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { typeInto } from '../check-in/support';
import { callGlobal } from '../support/load-bundle';
import { axeFindings, closePage, launchBrowser, openSidebar, skipBrowserTests } from './browser';

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

describe.skipIf(skipBrowserTests)('key results fed by formulas in the sidebar', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('offers a Deals formula with a library template, refuses a unit that does not fit, and builds it', async () => {
    const { page, services, outside } = await openSidebar(browser);
    await page.locator('#team').waitFor();
    await page.locator('#team').fill('Sales');
    await page.locator('[data-path="plan.objectives.0.title"]').fill('Win more');
    const card = page.locator('article.objective').first();
    await card.getByRole('button', { name: /From library/ }).click();
    await card.locator('input[type="search"]').fill('win');
    await card.locator('button[data-template="win-rate"]').click();

    const source = page.locator('[data-path="plan.objectives.0.keyResults.0.source"]');
    expect(await source.inputValue()).toBe('deals.winRate');
    expect(await page.locator('[data-path="plan.objectives.0.keyResults.0.unit"]').inputValue()).toBe('percent');
    expect(await axeFindings(page)).toEqual([]);

    // A count cannot hold a win rate: the server names the field, next to it.
    await page.locator('[data-path="plan.objectives.0.keyResults.0.unit"]').selectOption('count');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();

    const error = page.locator('[data-error-for="plan.objectives.0.keyResults.0.source"]');
    await error.locator('p').waitFor();
    expect(await error.textContent()).toMatch(/^Where the current value of O1\.1 comes from: .*win rate.* %/);
    expect(await axeFindings(page)).toEqual([]);

    // Picking the source again brings its unit back.
    await source.selectOption('');
    await source.selectOption('deals.winRate');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();

    const okr = services.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('OKR'));
    const formula = okr?.getRange(7, columnOf('current')).getFormula() ?? '';
    expect(formula).toContain("COUNTIFS('Deals'!");
    expect(services.spreadsheet.getSheetByName('Deals')).not.toBeNull();
    expect(outside).toEqual([]);
    await closePage(page);
  }, 60_000);

  it('lists the fed key results in the check-in, read-only, each with its value or the reason it has none', async () => {
    let tabName = '';
    const { page } = await openSidebar(browser, { locale: 'en_US' }, 'showWeeklyCheckIn', (server, fake) => {
      const now = Date.now();
      const built = callGlobal(server, 'submitQuarter', {
        plan: {
          quarter: { kind: 'custom', start: iso(now - 20 * DAY), end: iso(now + 60 * DAY) },
          fiscalStartMonth: 1,
          team: 'Sales',
          language: 'en',
          levels: ['company'],
          currency: 'PLN',
          formulaStyle: 'addon',
          objectives: [
            {
              level: 'company',
              title: 'Win more',
              keyResults: [
                ['New clients', 'count', 'deals.newClients'],
                ['Revenue won', 'currency', 'deals.wonRevenue'],
                ['NPS', 'points', undefined],
              ].map(([title, unit, source]) => ({
                title,
                kind: 'increase',
                unit,
                start: 0,
                target: 10,
                weight: 1,
                owner: 'Anna',
                committed: false,
                notes: '',
                ...(source ? { source } : {}),
              })),
            },
          ],
        },
      });
      expect(built).toMatchObject({ ok: true });
      callGlobal(server, 'showWeeklyCheckIn');
      tabName = fake.spreadsheet.getActiveSheet().getName();
      // The fake computes no formula: the value Sheets would compute for O1.2 is put into its cell.
      typeInto(fake, tabName, { 'O1.2': { value: 180_000 } });
    });
    await page.locator('#check-in-fed').waitFor();
    expect(tabName).toMatch(/^Check-in W/);
    expect(await page.locator('#check-in-fed h3').textContent()).toBe('Updated by formulas (not typed)');
    const items = page.locator('#check-in-fed li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toMatch(/^O1\.1 New clients: ⚠ no value yet: the Deals sheet has no deal/);
    expect(await items.nth(1).textContent()).toMatch(/^O1\.2 Revenue won: PLN 180,000 \(from the Deals sheet\)/);
    expect(await axeFindings(page)).toEqual([]);
    await closePage(page);
  }, 60_000);
});
