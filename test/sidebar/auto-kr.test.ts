import { describe, expect, it } from 'vitest';
import { sourceOfFormula } from '../../src/core/deals/kr-sources';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { typeInto } from '../check-in/support';
import { buildBundleQuarter, keyResult } from '../support/bundle-quarter';
import { callGlobal } from '../support/load-bundle';
import { axeFindings, closePage, openSidebar, skipBrowserTests, useBrowser } from './browser';

describe.skipIf(skipBrowserTests)('key results fed by formulas in the sidebar', () => {
  const browser = useBrowser();

  it('offers a Deals formula with a library template, refuses a unit that does not fit, and builds it', async () => {
    const { page, services, outside } = await openSidebar(browser());
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

  it('continues a fed KR with its source: a total starts at 0 and says why, a level starts at its last value', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const { page, services } = await openSidebar(
      browser(),
      { locale: 'en_US' },
      'showNewQuarterSidebar',
      (server, fake) => {
        buildBundleQuarter(server, {
          quarter: { kind: 'quarter', year, quarter: 1 },
          levels: ['company'],
          objective: 'Win more',
          keyResults: [
            keyResult({ title: 'New clients', source: 'deals.newClients', target: 8, owner: 'Anna' }),
            keyResult({
              title: 'Win rate',
              unit: 'percent',
              source: 'deals.winRate',
              start: 0.25,
              target: 0.35,
              owner: 'Anna',
            }),
            keyResult({ title: 'NPS', unit: 'points', start: 40, target: 50, owner: 'Anna' }),
          ],
        });
        // The fake computes no formula: each source's formula shows what Sheets would compute at quarter end.
        const last = { 'deals.newClients': 6, 'deals.winRate': 0.3 } as Record<string, number>;
        fake.spreadsheet.evaluator = (formula) => last[sourceOfFormula(formula) ?? ''] ?? '';
      },
    );
    await page.locator('#use-previous').waitFor();
    const kr = (index: number, field: string) =>
      page.locator(`[data-path="plan.objectives.0.keyResults.${index}.${field}"]`);
    const hintOf = (index: number, field: string) =>
      page.locator('.field', { has: kr(index, field) }).locator('p.hint');

    expect(await kr(0, 'source').inputValue()).toBe('deals.newClients');
    expect(await kr(1, 'source').inputValue()).toBe('deals.winRate');
    expect(await kr(2, 'source').inputValue()).toBe('');
    // New clients counts the quarter's own deals: it starts again at 0, and the field says why.
    expect(await kr(0, 'start').inputValue()).toBe('0');
    expect(await kr(0, 'start').getAttribute('readonly')).not.toBeNull();
    expect(await hintOf(0, 'start').textContent()).toBe(
      'starts at 0: “new clients won this quarter” counts afresh each quarter',
    );
    expect(await page.locator('[data-path="carryOver.O1.1"] option[value="carry"]').textContent()).toBe(
      'Carry over (start 0)',
    );
    // The win rate is a level: it goes on from where the last quarter left it.
    expect(await kr(1, 'start').inputValue()).toBe('30');
    expect(await hintOf(1, 'start').textContent()).toBe(`last value of OKR Q1 ${year}`);
    expect(await axeFindings(page)).toEqual([]);

    // Typing it from now on is the manager's choice: the start then is the last value, as for any typed KR.
    await kr(0, 'source').selectOption('');
    expect(await kr(0, 'start').inputValue()).toBe('6');
    await kr(0, 'source').selectOption('deals.newClients');
    await page.locator('label[for="period-2"]').click();
    await page.locator('#quarter-year').selectOption(String(year));
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();

    const next = services.spreadsheet.getSheetByName(`OKR Q2 ${year}`);
    if (!next) throw new Error('no Q2 sheet');
    const cell = (index: number, key: 'start' | 'current') => next.getRange(FIRST_DATA_ROW + index, columnOf(key));
    expect(sourceOfFormula(cell(0, 'current').getFormula())).toBe('deals.newClients');
    expect(sourceOfFormula(cell(1, 'current').getFormula())).toBe('deals.winRate');
    expect(cell(2, 'current').getFormula()).toBe('');
    expect(services.spreadsheet.dump(`OKR Q2 ${year}`).values[FIRST_DATA_ROW - 1]?.[columnOf('start') - 1]).toBe(0);
    expect(services.spreadsheet.dump(`OKR Q2 ${year}`).values[FIRST_DATA_ROW]?.[columnOf('start') - 1]).toBe(0.3);
    await closePage(page);
  }, 60_000);

  it('lists the fed key results in the check-in, read-only, each with its value or the reason it has none', async () => {
    let tabName = '';
    const { page } = await openSidebar(browser(), { locale: 'en_US' }, 'showWeeklyCheckIn', (server, fake) => {
      buildBundleQuarter(server, {
        levels: ['company'],
        objective: 'Win more',
        keyResults: [
          keyResult({ title: 'New clients', source: 'deals.newClients', owner: 'Anna' }),
          keyResult({ title: 'Revenue won', unit: 'currency', source: 'deals.wonRevenue', owner: 'Anna' }),
          keyResult({ title: 'NPS', unit: 'points', owner: 'Anna' }),
        ],
      });
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

  it('offers to repair the fed key results of a deleted Deals sheet, asks first, then says what it did', async () => {
    const { page, services } = await openSidebar(
      browser(),
      { locale: 'en_US' },
      'showWeeklyCheckIn',
      (server, fake) => {
        buildBundleQuarter(server, {
          levels: ['company'],
          objective: 'Win more',
          keyResults: [
            keyResult({ title: 'New clients', source: 'deals.newClients', owner: 'Anna' }),
            keyResult({ title: 'Win rate', unit: 'percent', source: 'deals.winRate', owner: 'Anna' }),
            keyResult({ title: 'NPS', unit: 'points', owner: 'Anna' }),
          ],
        });
        callGlobal(server, 'showWeeklyCheckIn');
        const deals = fake.spreadsheet.getSheetByName('Deals');
        if (deals) fake.spreadsheet.deleteSheet(deals);
      },
    );
    const card = page.locator('#fed-repair');
    await card.waitFor();
    expect(await card.locator('p').first().textContent()).toBe(
      'These key results read a Deals sheet that was deleted: O1.1, O1.2.',
    );
    expect(await axeFindings(page)).toEqual([]);

    // Asked first; cancelling writes nothing.
    await page.locator('#repair-offer').click();
    await page.getByRole('alertdialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('repair-confirm-title');
    expect(await page.getByRole('alertdialog').textContent()).toContain('An empty Deals sheet is made');
    expect(await axeFindings(page)).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#repair-offer').waitFor();
    expect(services.spreadsheet.getSheetByName('Deals')).toBeNull();

    await page.locator('#repair-offer').click();
    await page.locator('#repair-do').click();
    await page.locator('#fed-repair[role="status"]').waitFor();
    expect(await card.textContent()).toBe(
      'Repaired: O1.1, O1.2 read “Deals” again, made empty; import your deals with Import deals….',
    );
    expect(services.spreadsheet.getSheetByName('Deals')).not.toBeNull();
    const okr = services.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('OKR'));
    const current = (index: number) => okr?.getRange(FIRST_DATA_ROW + index, columnOf('current')).getFormula() ?? '';
    expect([sourceOfFormula(current(0)), sourceOfFormula(current(1)), current(2)]).toEqual([
      'deals.newClients',
      'deals.winRate',
      '',
    ]);
    // The check-in now says the Deals sheet has no deal yet, not that it is gone.
    expect(await page.locator('#check-in-fed li').first().textContent()).toMatch(
      /no value yet: the Deals sheet has no deal/,
    );
    expect(await axeFindings(page)).toEqual([]);
    await closePage(page);
  }, 60_000);
});
