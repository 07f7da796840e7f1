// The built sidebar (dist/sidebar.html) in real headless Chromium, opened from a menu item of the built
// dist/Code.js over the fake Spreadsheet services (see browser.ts), so a click in the sidebar changes the
// fake spreadsheet exactly as it would change a real one, and the sidebar must need no network.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServices, FakeServicesOptions } from '../../local/spreadsheet';
import type { EntryPointName } from '../../src/gas/registry';
import { type BundleGlobals, callGlobal } from '../support/load-bundle';
import {
  axeFindings,
  closePage,
  type Harness,
  launchBrowser,
  openSidebar as openSidebarIn,
  skipBrowserTests as skip,
} from './browser';

describe.skipIf(skip)('the sidebar in headless Chromium, against the built bundle on the fake spreadsheet', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A fake spreadsheet with the built bundle over it, and the sidebar opened from its menu item. */
  function openSidebar(
    options: FakeServicesOptions = {},
    entryPoint: EntryPointName = 'showNewQuarterSidebar',
    prepare: (server: BundleGlobals, services: FakeServices) => void = () => {},
  ): Promise<Harness> {
    return openSidebarIn(browser, options, entryPoint, prepare);
  }

  /** Adds a template from the library to the objective card `index`. */
  async function addTemplate(page: Page, index: number, query: string, templateId: string): Promise<void> {
    const card = page.locator('article.objective').nth(index);
    if ((await card.locator('.library').count()) === 0) {
      await card.getByRole('button', { name: /From library|Z biblioteki/ }).click();
    }
    await card.locator('input[type="search"]').fill(query);
    await card.locator(`button[data-template="${templateId}"]`).click();
  }

  it('builds a quarter of two objectives from templates, and the fake spreadsheet holds its OKR sheet', async () => {
    const { page, services, outside, serverCalls } = await openSidebar();
    const year = new Date().getUTCFullYear() + 1;

    await page.locator('#team').waitFor();
    expect(await page.locator('h1').textContent()).toBe('New quarter');
    expect(await axeFindings(page)).toEqual([]);
    await page.locator('#team').fill('Sales Poland');
    await page.locator('label[for="period-2"]').click();
    await page.locator('#quarter-year').selectOption(String(year));
    expect(await page.locator('.preview').textContent()).toBe(`Q2 ${year}: April 1, ${year} – June 30, ${year}`);

    await page.locator('[data-path="plan.objectives.0.title"]').fill('Build a predictable pipeline');
    await addTemplate(page, 0, 'pipeline', 'pipeline-value');
    await addTemplate(page, 0, 'win', 'win-rate');
    // The template replaced the empty key result, then a second one was added, prefilled.
    expect(await page.locator('[data-path="plan.objectives.0.keyResults.0.title"]').inputValue()).toBe(
      'Pipeline value',
    );
    expect(await page.locator('[data-path="plan.objectives.0.keyResults.1.title"]').inputValue()).toBe('Win rate');
    expect(await page.locator('[data-path="plan.objectives.0.keyResults.1.start"]').inputValue()).toBe('25');
    expect(await page.locator('[data-path="plan.objectives.0.keyResults.1.target"]').inputValue()).toBe('35');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.owner"]').fill('Anna');

    await page.getByRole('button', { name: '+ Add objective' }).click();
    const second = page.locator('[data-path="plan.objectives.1.title"]');
    // The new objective's title has the focus, ready to type.
    expect(await second.evaluate((element) => element === document.activeElement)).toBe(true);
    await second.fill('Win the SaaS segment');
    expect(await page.locator('[data-path="plan.objectives.1.level"]').inputValue()).toBe('team');
    await page
      .locator('[data-path="plan.objectives.1.parent"]')
      .selectOption({ label: 'O1 · Build a predictable pipeline' });
    await addTemplate(page, 1, 'new clients', 'new-clients');
    await addTemplate(page, 1, 'cycle', 'sales-cycle-length');
    expect(await page.locator('[data-path="plan.objectives.1.keyResults.1.target"]').inputValue()).toBe('40');

    await page.screenshot({ path: '/tmp/sidebar.png', fullPage: true });
    // Two objectives, four key results, a library panel open: still nothing for axe-core to find.
    expect(await axeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();
    expect(await page.locator('#done-title').textContent()).toBe(`Done: “OKR Q2 ${year}” is ready`);
    expect(await axeFindings(page)).toEqual([]);

    const sheet = services.spreadsheet.getSheetByName(`OKR Q2 ${year}`);
    expect(sheet, 'the OKR sheet in the fake spreadsheet').not.toBeNull();
    const cells = JSON.stringify(sheet?.getDataRange().getValues());
    for (const text of [
      'Sales Poland',
      'Build a predictable pipeline',
      'Pipeline value',
      'Win rate',
      'Win the SaaS segment',
      'New clients',
      'Sales cycle length',
      'Anna',
    ]) {
      expect(cells).toContain(text);
    }
    expect(serverCalls).toEqual(['getSidebarState', 'submitQuarter']);
    expect(outside).toEqual([]);
    await closePage(page);
  }, 60_000);

  it('shows a bad value’s message next to its field, and builds nothing until it is fixed', async () => {
    const { page, services } = await openSidebar();
    await page.locator('#team').fill('Sales');
    await page.locator('[data-path="plan.objectives.0.title"]').fill('Grow');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.start"]').fill('0');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('abc');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();

    const targetError = page.locator('[data-error-for="plan.objectives.0.keyResults.0.target"]');
    await targetError.locator('p').waitFor();
    expect(await targetError.textContent()).toBe('Target of O1.1: “abc” is not a number');
    expect(await page.locator('[data-error-for="plan.objectives.0.keyResults.0.title"]').textContent()).toBe(
      'Title of key result O1.1 must not be empty',
    );
    const target = page.locator('[data-path="plan.objectives.0.keyResults.0.target"]');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    // The message sits right under its field, and the field is described by it for screen readers.
    const describedBy = (await target.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await targetError.getAttribute('id'));
    // The first field to fix has the focus; the summary lists both.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe(
      'plan.objectives.0.keyResults.0.title',
    );
    expect(await page.locator('.summary li').count()).toBe(2);
    expect(await axeFindings(page)).toEqual([]);
    expect(services.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(['Sheet1']);

    // Editing the field clears its message; fixing both builds the sheet.
    await target.fill('8');
    expect(await targetError.textContent()).toBe('');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.title"]').fill('New clients');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();
    // Sheet1, the OKR sheet and its OKR feed tab.
    expect(services.spreadsheet.getSheets()).toHaveLength(3);
    await closePage(page);
  }, 60_000);

  it('takes a minimum and a maximum target, refuses one on the wrong side of the target, and writes them', async () => {
    const { page, services } = await openSidebar();
    const field = (name: string) => page.locator(`[data-path="plan.objectives.0.keyResults.0.${name}"]`);
    await page.locator('#team').fill('Sales');
    await page.locator('[data-path="plan.objectives.0.title"]').fill('Grow');
    await field('title').fill('New clients');
    await field('start').fill('0');
    await field('target').fill('8');
    await field('minTarget').fill('6');
    await field('maxTarget').fill('5');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();

    const maxError = page.locator('[data-error-for="plan.objectives.0.keyResults.0.maxTarget"]');
    await maxError.locator('p').waitFor();
    expect(await maxError.textContent()).toBe(
      'Maximum target of O1.1: 5 is below the target 8; for a rising result the maximum is at least the target',
    );
    expect(await field('maxTarget').getAttribute('aria-invalid')).toBe('true');
    expect(await axeFindings(page)).toEqual([]);
    expect(services.spreadsheet.getSheets()).toHaveLength(1);

    await field('maxTarget').fill('12');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();
    const sheet = services.spreadsheet.getSheets()[1];
    const header = sheet?.getRange(6, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const row = sheet?.getRange(7, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    expect(row[header.indexOf('Minimum target')]).toBe(6);
    expect(row[header.indexOf('Maximum target')]).toBe(12);
    await closePage(page);
  }, 60_000);

  it('shows the OKR lint as gentle warnings while typing, and shows user text as text', async () => {
    const { page } = await openSidebar();
    const title = page.locator('[data-path="plan.objectives.0.keyResults.0.title"]');
    await title.fill('Make 100 calls <img src=x onerror="window.__pwned=1">');
    const warning = page.locator('[data-warning-for="plan.objectives.0.keyResults.0.title"] p');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/activit/i);
    await page.locator('[data-path="plan.objectives.0.title"]').fill('<b>Bold</b> objective');
    await page.getByRole('button', { name: '+ Add objective' }).click();
    // The company objective's title appears in the new objective's "supports" list as typed, not as markup.
    const option = page.locator('[data-path="plan.objectives.1.parent"] option').nth(1);
    expect(await option.textContent()).toBe('O1 · <b>Bold</b> objective');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    await closePage(page);
  }, 60_000);

  it('continues from the previous quarter in Polish: carry over, keep or drop per key result, the old sheet closed', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const { page, services } = await openSidebar({ locale: 'pl_PL' }, 'showNewQuarterSidebar', (server) => {
      const built = callGlobal(server, 'submitQuarter', {
        plan: {
          quarter: { kind: 'quarter', year, quarter: 1 },
          fiscalStartMonth: 1,
          team: 'Sprzedaż',
          language: 'pl',
          levels: ['company', 'team'],
          currency: 'PLN',
          formulaStyle: 'addon',
          objectives: [
            {
              level: 'company',
              title: 'Przewidywalny pipeline',
              keyResults: [
                {
                  title: 'Wartość pipeline’u',
                  kind: 'increase',
                  unit: 'currency',
                  start: 300000,
                  target: 1200000,
                  weight: 1,
                  owner: 'Anna',
                  committed: false,
                  notes: '',
                },
                {
                  title: 'Zrobić 100 telefonów',
                  kind: 'increase',
                  unit: 'count',
                  start: 0,
                  target: 100,
                  weight: 1,
                  owner: '',
                  committed: false,
                  notes: '',
                },
              ],
            },
          ],
        },
      });
      expect(built).toMatchObject({ ok: true, sheetName: `OKR Q1 ${year}` });
    });
    const old = services.spreadsheet.getSheetByName(`OKR Q1 ${year}`);
    if (!old) throw new Error('no previous sheet');

    await page.locator('#use-previous').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Nowy kwartał');
    expect(await page.locator('#use-previous').isChecked()).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    // The previous quarter's objective and key results are in the form, each to carry over.
    expect(await page.locator('[data-path="plan.objectives.0.title"]').inputValue()).toBe('Przewidywalny pipeline');
    expect(await page.locator('[data-path="carryOver.O1.1"]').inputValue()).toBe('carry');
    await page.locator('[data-path="carryOver.O1.2"]').selectOption('drop');
    expect(await page.locator('.kr.dropped .dropped-title').textContent()).toContain('Zrobić 100 telefonów');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('1 500 000');
    await page.locator('label[for="period-2"]').click();
    await page.locator('#quarter-year').selectOption(String(year));
    await page.getByRole('button', { name: 'Utwórz arkusz OKR' }).click();
    await page.locator('#done-title').waitFor();
    expect(await page.locator('#done-title').textContent()).toBe(`Gotowe: arkusz „OKR Q2 ${year}” czeka`);

    const next = services.spreadsheet.getSheetByName(`OKR Q2 ${year}`);
    const cells = JSON.stringify(next?.getDataRange().getValues());
    expect(cells).toContain('Wartość pipeline’u');
    expect(cells).toContain('1500000');
    expect(cells).not.toContain('Zrobić 100 telefonów');
    // The old quarter is closed: protected with a warning, its values kept.
    expect(old.getProtections(services.SpreadsheetApp.ProtectionType.SHEET).length).toBeGreaterThan(0);
    expect(JSON.stringify(old.getDataRange().getValues())).toContain('Zrobić 100 telefonów');
    await closePage(page);
  }, 60_000);

  it('opens Settings from the menu, saves them into the document, and the quarter view follows', async () => {
    const { page, services } = await openSidebar({ locale: 'en_US' }, 'showSettings');
    await page.locator('#settings-fiscal').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Settings');
    await page.locator('#settings-fiscal').selectOption('4');
    await page.locator('#settings-currency').fill('eur');
    await page.locator('#settings-language').selectOption('pl');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.status-ok').waitFor();
    expect(await axeFindings(page)).toEqual([]);
    // Saved in Polish now, as the language was switched.
    expect(await page.locator('.status-ok').textContent()).toBe('Ustawienia zapisane.');
    const stored = services.PropertiesService.document.data;
    expect(stored.get('okr.fiscalStartMonth')).toBe('4');
    expect(stored.get('okr.currency')).toBe('EUR');
    expect(stored.get('okr.language')).toBe('pl');

    await page.getByRole('button', { name: '← Nowy kwartał' }).click();
    await page.locator('#team').waitFor();
    expect(await page.locator('.card .hint').first().textContent()).toBe(
      'Rok obrotowy od: kwiecień (zmiana w Ustawieniach).',
    );
    expect(await page.locator('#currency').inputValue()).toBe('EUR');
    await closePage(page);
  }, 60_000);

  it('keeps focus, caret and what was typed while the form redraws around the field', async () => {
    const { page } = await openSidebar();
    const title = page.locator('[data-path="plan.objectives.0.title"]');
    await title.click();
    await page.keyboard.type('pipeline');
    await page.keyboard.press('Home');
    await page.keyboard.type('Predictable ');
    expect(await title.inputValue()).toBe('Predictable pipeline');
    // Typing redraws the view on every key (ids, lint, the supports list); the field keeps focus and caret.
    expect(
      await title.evaluate((input: HTMLInputElement) => [document.activeElement === input, input.selectionStart]),
    ).toEqual([true, 'Predictable '.length]);

    // Objectives are keyed: removing the first leaves the second's text in the second's fields.
    await page.getByRole('button', { name: '+ Add objective' }).click();
    await page.keyboard.type('Win SaaS');
    await page.getByRole('button', { name: 'Remove objective O1' }).click();
    expect(await page.locator('[data-path="plan.objectives.0.title"]').inputValue()).toBe('Win SaaS');
    expect(await page.locator('article.objective').count()).toBe(1);
    await closePage(page);
  }, 60_000);

  it('reopens the view it showed after a reload of its frame, and the done screen rather than an empty form', async () => {
    const { page, services, serverCalls, reopen } = await openSidebar();
    await page.locator('#team').waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('#settings-fiscal').waitFor();
    await page.reload();
    await page.locator('#settings-fiscal').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Settings');

    await page.getByRole('button', { name: '← New quarter' }).click();
    await page.locator('#team').fill('Sales');
    await page.locator('[data-path="plan.objectives.0.title"]').fill('Grow');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.title"]').fill('New clients');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.start"]').fill('0');
    await page.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('10');
    await page.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await page.locator('#done-title').waitFor();
    const done = await page.locator('#done-title').textContent();

    // A reload shows the sheet just built, not a blank form inviting the same quarter twice.
    await page.reload();
    await page.locator('#done-title').waitFor();
    expect(await page.locator('#done-title').textContent()).toBe(done);
    expect(await page.locator('#quarter-form').count()).toBe(0);
    // Sheet1, the OKR sheet and its OKR feed tab.
    expect(services.spreadsheet.getSheets()).toHaveLength(3);
    expect(serverCalls.filter((name) => name === 'submitQuarter')).toHaveLength(1);

    // Plan another starts a form, and a reload keeps it a form.
    await page.getByRole('button', { name: 'Plan another quarter' }).click();
    await page.locator('#team').waitFor();
    await page.reload();
    await page.locator('#team').waitFor();
    expect(await page.locator('#done-title').count()).toBe(0);

    // A new menu click in the same tab is a new opening: it shows what it asks for.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('#settings-fiscal').waitFor();
    await reopen('showNewQuarterSidebar');
    await page.locator('#team').waitFor();
    expect(await page.locator('h1').textContent()).toBe('New quarter');
    await closePage(page);
  }, 60_000);
});
