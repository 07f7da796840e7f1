// The Company roll-up sidebar in headless Chromium (see browser.ts), on the fake spreadsheet through the built
// bundle: bad and repeated links named by line before anything is sent (a pasted tag shown as text), three
// teams connected with one IMPORTRANGE each, the Allow access step explained, each team's state after Refresh
// (connected, waiting for access, broken), the company objectives scored with the weights shown, a weight the
// company changes on the Roll-up tab kept, and Polish throughout; axe-core finds nothing. The fake computes no
// IMPORTRANGE: the test writes what Sheets would show into each team's block (as test/rollup/server.test.ts).

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServices } from '../../local/spreadsheet';
import { companyPlan, teamId } from '../../scripts/bench-rollup';
import { FEED_COLUMNS, FEED_WINDOW_ROWS } from '../../src/core/rollup/feed-schema';
import { blockRow, STACK_COLUMN } from '../../src/core/rollup/rollup-sheet';
import { feedRows } from '../rollup/fixtures';
import { type BundleGlobals, callGlobal } from '../support/load-bundle';
import { axeFindings, closePage, launchBrowser, openSidebar, skipBrowserTests } from './browser';

const link = (n: number) => `https://docs.google.com/spreadsheets/d/${teamId(n)}/edit#gid=0`;

function buildCompany(server: BundleGlobals, language: 'en' | 'pl'): void {
  expect(callGlobal(server, 'submitQuarter', { plan: { ...companyPlan(), language } })).toMatchObject({ ok: true });
}

/** Writes into team `index`'s block of the Roll-up tab (`Zestawienie` in Polish) what its IMPORTRANGE shows. */
function importInto(services: FakeServices, index: number, rows: unknown[][], tab: string): void {
  const padded = Array.from({ length: FEED_WINDOW_ROWS }, (_, r) =>
    Array.from({ length: FEED_COLUMNS.length }, (_, c) => rows[r]?.[c] ?? ''),
  );
  services.spreadsheet.sheet(tab).seed(padded, blockRow(index), STACK_COLUMN);
}

/** What Sheets shows in the blocks after access: Sales and Marketing allowed, team 3 waiting, team 4 broken. */
function importFeeds(services: FakeServices, tab = 'Roll-up'): void {
  importInto(
    services,
    0,
    feedRows('Sales', [
      { objective_id: 'O1', kr_id: 'O1.1', score: 0.75, weight: 2 },
      { objective_id: 'O1', kr_id: 'O1.2', score: 0.6 },
      { objective_id: 'O1', kr_id: 'O1.3', score: 0.75 },
      { objective_id: 'O2', kr_id: 'O2.1', score: 0.2, company_objective: 'C2', status: 'red' },
    ]),
    tab,
  );
  importInto(services, 1, feedRows('Marketing', [{ objective_id: 'O1', kr_id: 'O1.1', score: 0.3 }]), tab);
  importInto(services, 2, [['#REF!']], tab);
  importInto(services, 3, [['#N/A']], tab);
}

describe.skipIf(skipBrowserTests)('the Company roll-up sidebar in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('names bad links by line, connects the teams, explains Allow access, and shows states and scores', async () => {
    const { page, services, outside } = await openSidebar(browser, { locale: 'en_US' }, 'showCompanyRollup', (server) =>
      buildCompany(server, 'en'),
    );
    await page.locator('#rollup-connect').waitFor();
    expect(services.ui.sidebars.at(-1)?.title).toBe('OKR Sheets: company roll-up');
    expect(await page.locator('#rollup-teams').textContent()).toContain('No team is connected yet.');
    expect(await page.locator('#rollup-access').textContent()).toContain('“Allow access”');
    expect(await axeFindings(page)).toEqual([]);

    // Bad input: every bad line named with its value; nothing sent, the box focused; a tag stays text.
    const box = page.getByLabel('Team spreadsheet links');
    await box.fill([link(1), 'hello', '', link(1), '<b>bold</b>'].join('\n'));
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => page.locator('#rollup-links-error p').allTextContents())
      .toEqual([
        'Line 2: “hello” is not a Google Sheets link (https://docs.google.com/spreadsheets/d/…) nor a spreadsheet id.',
        `Line 4: “${link(1)}” repeats line 1.`,
        'Line 5: “<b>bold</b>” is not a Google Sheets link (https://docs.google.com/spreadsheets/d/…) nor a spreadsheet id.',
      ]);
    expect(await page.locator('#rollup-links-error b').count()).toBe(0);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rollup-links');
    expect(services.spreadsheet.getSheets().map((sheet) => sheet.name)).not.toContain('Roll-up');
    expect(await axeFindings(page)).toEqual([]);

    // Four good links: one IMPORTRANGE of OKR_FEED per team, in its block's first cell.
    await box.fill([link(1), teamId(2), link(3), link(4)].join('\n'));
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => page.locator('.actions .status').textContent())
      .toBe('Teams connected: 4. Now allow access for each of them (below).');
    expect(await box.inputValue()).toBe('');
    const rollup = services.spreadsheet.sheet('Roll-up');
    expect(rollup.grid.peek(blockRow(1), STACK_COLUMN).formula).toBe(
      `=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${teamId(2)}";"OKR_FEED")`,
    );
    expect(await page.locator('li.team').count()).toBe(4);
    expect(await page.locator('li.team').first().textContent()).toContain('Sheets is still loading Roll-up!J5');
    // The same team again is refused before it is sent.
    await box.fill(teamId(3));
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => page.locator('#rollup-links-error p').allTextContents())
      .toEqual([`Line 1: “${teamId(3)}” is connected already.`]);
    await box.fill('');

    // Sheets imports two feeds; team 3 waits for access; team 4's link is wrong. Refresh shows it all.
    importFeeds(services);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.locator('.actions .status').textContent()).toBe('Refreshed.');
    const teams = await page
      .locator('li.team')
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('.team-name')?.textContent,
          li.querySelector('.team-state')?.textContent,
          li.querySelector('.hint')?.textContent,
        ]),
      );
    expect(teams).toEqual([
      ['Sales', 'connected', 'key results: 4'],
      ['Marketing', 'connected', 'key results: 1'],
      [
        `https://docs.google.com/spreadsheets/d/${teamId(3)}`,
        'waiting for access',
        'Click Roll-up!J209, then “Allow access”.',
      ],
      [
        `https://docs.google.com/spreadsheets/d/${teamId(4)}`,
        'broken',
        'The cell Roll-up!J311 shows #N/A: check the link, and that the team’s spreadsheet has its OKR feed (named range OKR_FEED).',
      ],
    ]);
    // C1: Sales' O1 (0.75×2 + 0.6 + 0.75) / 4 = 0.7125 and Marketing's O1 0.3, each weight 1: 0.51.
    const objectives = () =>
      page
        .locator('li.company-objective')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.objective-title')?.textContent,
            li.querySelector('.objective-score')?.textContent?.trim(),
            [...li.querySelectorAll('.aligned li')].map((item) => item.textContent?.trim()),
          ]),
        );
    expect(await objectives()).toEqual([
      [
        'C1 · Grow recurring revenue',
        'score 0.51',
        ['Sales · O1 Objective O1: 0.71 · weight 1', 'Marketing · O1 Objective O1: 0.3 · weight 1'],
      ],
      ['C2 · Shorten the sales cycle', 'score 0.2', ['Sales · O2 Objective O2: 0.2 · weight 1']],
    ]);
    expect(await page.locator('#rollup-objectives').textContent()).toContain(
      'The Alignment map is on the tab “Alignment map”.',
    );

    // The company weighs Sales' O1 three times on the Roll-up tab; Refresh shows the weight and the new score.
    const values = rollup.dump().values;
    const salesRow = values.findIndex((row) => row[0] === 'C1' && row[2] === 'O1') + 1;
    rollup.seed([[3]], salesRow, 5);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(objectives).toEqual([
      [
        'C1 · Grow recurring revenue',
        'score 0.61',
        ['Sales · O1 Objective O1: 0.71 · weight 3', 'Marketing · O1 Objective O1: 0.3 · weight 1'],
      ],
      ['C2 · Shorten the sales cycle', 'score 0.2', ['Sales · O2 Objective O2: 0.2 · weight 1']],
    ]);
    expect(await axeFindings(page)).toEqual([]);
    expect(outside).toEqual([]);
    await closePage(page);
  }, 90_000);

  it('speaks Polish, and shows what is already connected when it opens again', async () => {
    const { page, services } = await openSidebar(browser, { locale: 'pl_PL' }, 'showCompanyRollup', (server) => {
      buildCompany(server, 'pl');
      callGlobal(server, 'connectTeams', { links: [teamId(1), teamId(2), teamId(3), teamId(4)] });
    });
    expect(services.ui.sidebars.at(-1)?.title).toBe('OKR Sheets: zestawienie firmowe');
    await page.locator('#rollup-connect').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Zestawienie firmowe');
    expect(await page.locator('li.team').count()).toBe(4);
    await page.getByLabel('Linki do arkuszy zespołów').fill(`${teamId(1)}\nabc`);
    await page.getByRole('button', { name: 'Połącz' }).click();
    await expect
      .poll(() => page.locator('#rollup-links-error p').allTextContents())
      .toEqual([
        `Wiersz 1: „${teamId(1)}” jest już połączony.`,
        'Wiersz 2: „abc” nie jest linkiem do Arkuszy Google (https://docs.google.com/spreadsheets/d/…) ani identyfikatorem arkusza.',
      ]);
    importFeeds(services, 'Zestawienie');
    await page.getByRole('button', { name: 'Odśwież' }).click();
    await expect
      .poll(() => page.locator('li.team .team-state').allTextContents())
      .toEqual(['połączony', 'połączony', 'czeka na dostęp', 'błąd']);
    expect(await page.locator('li.company-objective .objective-score').first().textContent()).toContain('wynik 0,51');
    expect(await axeFindings(page)).toEqual([]);
    await closePage(page);
  }, 90_000);
});
