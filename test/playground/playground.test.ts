// The playground (`npm start`) in headless Chromium: the page, the real sidebar in its iframe with the
// google.script.run shim, and the add-on running on the local spreadsheet behind an HTTP server on a free
// port, with a workbook file in a temporary folder. A person's path through it: build a quarter from the
// sidebar, type into the grid and see scores and colours follow, make and record a weekly check-in
// (answering the add-on's own Yes/No question), reload, restart, and find everything still there.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server';
import { axeFindings, closePage, launchBrowser, skipBrowserTests as skip } from '../sidebar/browser';
import { activeTab, cell, clickMenuItem, currentQuarter, find, openPage, typeInto } from './page-helpers';

/** Whether what the page shows at several points of a cell (its middle and near its edges) is that cell. */
async function topmostIsInside(locator: ReturnType<typeof cell>): Promise<boolean> {
  return locator.evaluate((td) => {
    const box = td.getBoundingClientRect();
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + 3, box.top + 3],
      [box.right - 3, box.bottom - 3],
      [box.left + 3, box.bottom - 3],
    ] as const;
    return points.every(([x, y]) => {
      const shown = document.elementFromPoint(x, y);
      return shown !== null && (shown === td || td.contains(shown));
    });
  });
}

/**
 * Scrolls the grid down a few pixels at a time, over the first rows' height, and at each step looks along
 * the frozen rows: the places where something other than the frozen cell there is drawn on top.
 */
async function overdrawnFrozenRows(page: Page): Promise<string[]> {
  return page.locator('#grid-scroll').evaluate((scroller) => {
    const found: string[] = [];
    const frozen = Array.from(scroller.querySelectorAll<HTMLElement>('tr.frozen td'));
    const view = scroller.getBoundingClientRect();
    for (let top = 0; top <= Math.min(200, scroller.scrollHeight - scroller.clientHeight); top += 10) {
      scroller.scrollTop = top;
      for (const td of frozen) {
        const box = td.getBoundingClientRect();
        for (let x = Math.max(box.left, view.left) + 2; x < Math.min(box.right, view.right) - 2; x += 12) {
          for (const y of [box.top + 2, box.top + box.height / 2, box.bottom - 2]) {
            // On top may be the frozen cell, or a frozen neighbour's text running on over it; nothing that scrolls.
            const shown = document.elementFromPoint(x, y);
            if (shown && !shown.closest('tr.frozen')) {
              found.push(
                `scrolled ${top}px: ${td.dataset.row}:${td.dataset.column} under ${shown.tagName} ${shown.className} "${shown.textContent?.slice(0, 20)}"`,
              );
              break;
            }
          }
        }
      }
    }
    return [...new Set(found)].slice(0, 10);
  });
}

describe.skipIf(skip)('the playground in headless Chromium', () => {
  let browser: Browser;
  let folder: string;
  const started: Playground[] = [];

  async function start(name: string, options: Parameters<typeof startPlayground>[0] = {}): Promise<Playground> {
    const playground = await startPlayground({ port: 0, workbookPath: join(folder, name), build: false, ...options });
    started.push(playground);
    return playground;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-test-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(started.map((playground) => playground.close()));
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('builds a quarter from the sidebar, recalculates what is typed into the grid, records a check-in, and keeps it all', async () => {
    const playground = await start('quarter.json');
    const { page, outside, errors } = await openPage(browser, playground);
    const { quarter, year, label } = currentQuarter();

    // A first start offers the sample; this time, an empty spreadsheet.
    expect(await axeFindings(page)).toEqual([]);
    await page.locator('#welcome-empty').click();
    await page.locator('#welcome').waitFor({ state: 'hidden' });
    expect(await page.locator('#menu-button').textContent()).toBe('Extensions');
    await page.locator('#menu-button').click();
    await page.getByRole('menuitem', { name: 'New quarter…' }).waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // Extensions ▸ New quarter… opens the real sidebar, whose google.script.run reaches the bundle.
    await clickMenuItem(page, 'New quarter…');
    await page.locator('#sidebar').waitFor();
    expect(await page.locator('#sidebar-title').textContent()).toBe('OKR Sheets: new quarter');
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#team').fill('Sales Poland');
    await sidebar.locator(`label[for="period-${quarter}"]`).click();
    await sidebar.locator('#quarter-year').selectOption(String(year));
    await sidebar.locator('[data-path="plan.objectives.0.title"]').fill('Build a predictable pipeline');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.title"]').fill('New clients');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.start"]').fill('0');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.target"]').fill('8');
    await sidebar.locator('[data-path="plan.objectives.0.keyResults.0.owner"]').fill('Anna');
    await sidebar.getByRole('button', { name: 'Create the OKR sheet' }).click();
    await sidebar.locator('#done-title').waitFor();
    expect(await sidebar.locator('#done-title').textContent()).toBe(`Done: “OKR ${label}” is ready`);

    // The grid follows the sidebar's change: the new sheet is active, with its rows and formulas.
    await expect.poll(() => activeTab(page)).toBe(`OKR ${label}`);
    // The page around the sidebar (grid, tabs, menu, formula bar) gives axe-core nothing to report.
    expect(await axeFindings(page)).toEqual([]);
    const title = await find(page, 'New clients');
    const current = await find(page, 'Current');
    const score = await find(page, 'Score');
    const status = await find(page, 'Status');
    const row = title.row;
    expect(await cell(page, row, score.column).textContent()).toBe('');
    await cell(page, current.row, score.column).click();
    // One KR_SCORE call per column, in the column's title cell.
    expect(await page.locator('#formula').inputValue()).toMatch(/^=\{"Score";KR_SCORE\(/);
    expect(await page.locator('#cell-name').textContent()).toBe(
      `${String.fromCharCode(64 + score.column)}${current.row}`,
    );

    // Typing a value recalculates: the score appears, and the status cell takes a pace colour.
    const before = await cell(page, row, status.column).evaluate((td) => getComputedStyle(td).backgroundColor);
    await typeInto(page, row, current.column, '6');
    expect(await cell(page, row, current.column).textContent()).toBe('6');
    expect(await cell(page, row, score.column).textContent()).toBe('0.75');
    const scored = await cell(page, row, status.column).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(scored).not.toBe(before);
    await typeInto(page, row, current.column, '1');
    expect(await cell(page, row, score.column).textContent()).toBe('0.13');
    const behind = await cell(page, row, status.column).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(behind).not.toBe(scored);
    // The formula bar shows what the cell holds; Escape drops what was typed.
    await cell(page, row, current.column).click();
    expect(await page.locator('#formula').inputValue()).toBe('1');
    await page.keyboard.type('5');
    await page.keyboard.press('Escape');
    expect(await cell(page, row, current.column).textContent()).toBe('1');

    // Weekly check-in: the add-on makes this week's tab and opens the check-in sidebar on it.
    await clickMenuItem(page, 'Weekly check-in');
    await expect.poll(() => activeTab(page)).toMatch(/^Check-in W\d\d$/);
    const tabName = await activeTab(page);
    await sidebar
      .locator('#check-in-record')
      .or(sidebar.getByRole('button', { name: 'Record check-in' }))
      .first()
      .waitFor();
    const krRow = (await find(page, 'New clients')).row;
    const thisWeek = await find(page, 'This week');
    await typeInto(page, krRow, thisWeek.column, '7');
    await sidebar.getByRole('button', { name: 'Record check-in' }).click();
    await sidebar.locator('#check-in-result-title').waitFor();
    expect(await sidebar.locator('#check-in-result-title').textContent()).toMatch(/^Week \d+ recorded$/);
    await expect.poll(() => page.locator('#tabs .tab').allTextContents()).toContain('History');

    // Record check-in from the menu: the week is in History already, so the add-on asks first (Yes/No).
    await clickMenuItem(page, 'Record check-in');
    const dialog = page.locator('#dialog');
    await dialog.waitFor();
    expect(await page.locator('#dialog-body').textContent()).toMatch(/already in History/);
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => sidebar.locator('#check-in-result-title').count()).toBe(1);
    await expect
      .poll(async () => (await sidebar.locator('body').textContent()) ?? '')
      .toMatch(/History rows were replaced \(1\)/);

    // The OKR sheet took the recorded value.
    await page.locator('#tabs .tab', { hasText: `OKR ${label}` }).click();
    await expect.poll(() => activeTab(page)).toBe(`OKR ${label}`);
    await expect.poll(() => cell(page, row, current.column).textContent()).toBe('7');
    expect(await cell(page, row, score.column).textContent()).toBe('0.88');

    // A reload shows the same spreadsheet; so does a new server on the same workbook file.
    await page.reload();
    await page.locator('#grid td').first().waitFor();
    expect(await page.locator('#welcome').isVisible()).toBe(false);
    expect(await activeTab(page)).toBe(`OKR ${label}`);
    expect(await cell(page, row, score.column).textContent()).toBe('0.88');
    expect(await page.locator('#tabs .tab').allTextContents()).toEqual(
      expect.arrayContaining([`OKR ${label}`, tabName, 'History']),
    );
    await closePage(page);
    await playground.close();

    const again = await start('quarter.json');
    const reopened = await openPage(browser, again);
    expect(await activeTab(reopened.page)).toBe(`OKR ${label}`);
    expect(await cell(reopened.page, row, current.column).textContent()).toBe('7');
    expect(await cell(reopened.page, row, score.column).textContent()).toBe('0.88');
    await reopened.page.locator('#tabs .tab', { hasText: 'History' }).click();
    await expect.poll(() => activeTab(reopened.page)).toBe('History');
    // One History row for the week: recording it again replaced the row instead of adding one.
    expect(await reopened.page.locator('#grid td', { hasText: /^O1\.1$/ }).count()).toBe(1);
    await closePage(reopened.page);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it.each([
    ['pl_PL', 'pl', 'Witaj w OKR Sheets na lokalnym arkuszu', 'Wczytaj przykładowy kwartał', 'Zacznij od pustego'],
    ['en_US', 'en', 'Welcome to the OKR Sheets playground', 'Load the sample quarter', 'Start empty'],
  ])(
    'welcomes a first start on a %s workbook in its language',
    async (locale, lang, title, sample, empty) => {
      const playground = await start(`welcome-${locale}.json`, { locale });
      const { page, errors } = await openPage(browser, playground);
      await page.locator('#welcome').waitFor();
      expect(await page.locator('#welcome').getAttribute('lang')).toBe(lang);
      expect(await page.locator('#welcome-title').textContent()).toBe(title);
      expect(await page.locator('#welcome-sample').textContent()).toBe(sample);
      expect(await page.locator('#welcome-empty').textContent()).toBe(empty);
      const body = (await page.locator('#welcome-body').textContent()) ?? '';
      expect(body).not.toMatch(/…\.|playgroundzie/);
      if (lang === 'pl') expect(body).toMatch(/^To dodatek działający na lokalnym arkuszu/);
      expect(errors).toEqual([]);
      await closePage(page);
    },
    60_000,
  );

  it('offers the sample quarter on a first start: a Polish team, 9 key results, 4 recorded weeks, in colour', async () => {
    const playground = await start('sample.json');
    const { page, outside, errors } = await openPage(browser, playground);
    await page.locator('#welcome-sample').click();
    await page.locator('#welcome').waitFor({ state: 'hidden', timeout: 30_000 });

    expect(await page.locator('#menu-button').textContent()).toBe('Rozszerzenia');
    const tabs = await page.locator('#tabs .tab').allTextContents();
    expect(tabs).toEqual(
      expect.arrayContaining(['Check-in T01', 'Check-in T02', 'Check-in T03', 'Check-in T04', 'Historia']),
    );
    expect(await activeTab(page)).toMatch(/^OKR \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
    // Nine key results, each with a value recorded in week 4 and a pace status.
    const ids = await page.locator('#grid td').allTextContents();
    expect(ids.filter((text) => /^O\d\.\d$/.test(text))).toHaveLength(9);
    expect(await page.locator('#grid td', { hasText: '495 000 zł' }).count()).toBeGreaterThan(0);
    const dots = await page
      .locator('#grid td .status-dot')
      .evaluateAll((spans) => spans.map((span) => span.getAttribute('aria-label')));
    expect(new Set(dots)).toEqual(new Set(['🟢', '🟡', '🔴']));
    const fills = await page
      .locator('#grid td')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).style.backgroundColor).filter(Boolean));
    expect(fills).toEqual(expect.arrayContaining(['rgb(183, 225, 205)', 'rgb(252, 232, 178)', 'rgb(244, 199, 195)']));
    // Four weeks in History: 9 rows each.
    const history = playground
      .runtime()
      .snapshot()
      .sheets.find((sheet) => sheet.name === 'Historia');
    const recorded = (history?.cells ?? []).filter((cells) =>
      cells.some((one) => /^O\d\.\d$/.test(one?.value.display ?? '')),
    );
    expect(recorded).toHaveLength(36);

    // This week is week 5: the user's own Weekly check-in makes it, with the sidebar beside the grid.
    await clickMenuItem(page, 'Cotygodniowy check-in');
    await expect.poll(() => activeTab(page)).toBe('Check-in T05');
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.getByRole('button', { name: 'Zapisz check-in' }).waitFor();
    await page.locator('#tabs .tab', { hasText: /^OKR (?!feed)/ }).click();
    await expect.poll(() => activeTab(page)).toMatch(/^OKR /);
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    // The key results with their scores and statuses beside them, unscrolled, for the picture.
    await page.screenshot({ path: '/tmp/playground.png' });

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await closePage(page);
  }, 120_000);

  it('shows typed markup as text, and hands server errors and the user object to the failure handler', async () => {
    const playground = await start('safety.json');
    const { page, errors } = await openPage(browser, playground);
    await page.locator('#welcome-empty').click();
    await page.locator('#welcome').waitFor({ state: 'hidden' });

    await typeInto(page, 2, 2, '<img src=x onerror="window.__pwned=1">');
    expect(await cell(page, 2, 2).textContent()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('#grid img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // An alert (Help, OK only) shows as a dialog over the page.
    await clickMenuItem(page, 'Help');
    await page.locator('#dialog').waitFor();
    expect(await page.locator('#dialog-title').textContent()).toBe('OKR Sheets: help');
    expect(await page.locator('#dialog-body').textContent()).toMatch(/^1\. Extensions ▸ OKR Sheets ▸ New quarter…/);
    await page.locator('#dialog').getByRole('button', { name: 'OK' }).click();
    await page.locator('#dialog').waitFor({ state: 'hidden' });

    await clickMenuItem(page, 'Settings');
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    await expect.poll(() => page.frame({ url: /\/sidebar\/\d+$/ }) !== null).toBe(true);
    const sidebarFrame = frame ?? page.frame({ url: /\/sidebar\/\d+$/ });
    if (!sidebarFrame) throw new Error('no sidebar frame');
    await sidebarFrame.waitForLoadState();
    const failure = await sidebarFrame.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          type Runner = Record<string, (...args: unknown[]) => Runner>;
          const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
          const runner = run.withSuccessHandler?.(() => resolve('succeeded'));
          runner
            ?.withFailureHandler?.((error: unknown, user: unknown) =>
              resolve({ message: (error as Error).message, isError: error instanceof Error, user }),
            )
            .withUserObject?.({ from: 'test' })
            .notAFunction?.(1, 'two');
        }),
    );
    expect(failure).toEqual({
      message: 'Script function not found: notAFunction',
      isError: true,
      user: { from: 'test' },
    });
    const answered = await sidebarFrame.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          type Runner = Record<string, (...args: unknown[]) => Runner>;
          const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
          run
            .withSuccessHandler?.((value: unknown) => resolve(value))
            .withFailureHandler?.((error: unknown) => reject(error))
            .getSettings?.();
        }),
    );
    expect(answered).toMatchObject({ lang: 'en', settings: { formulaStyle: 'addon' } });
    expect(errors).toEqual([]);
    await closePage(page);
  }, 60_000);
});

describe.skipIf(skip)('the playground behaves like Sheets in everyday edits', () => {
  let browser: Browser;
  let folder: string;
  const started: Playground[] = [];

  /** A playground past its first start: the sample quarter, or an empty spreadsheet. */
  async function startWith(
    name: string,
    sample: boolean,
    options: Parameters<typeof startPlayground>[0] = {},
  ): Promise<Playground> {
    const playground = await startPlayground({ port: 0, workbookPath: join(folder, name), build: false, ...options });
    started.push(playground);
    const chosen = await fetch(new URL('/api/start', playground.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sample }),
    });
    expect(chosen.status).toBe(200);
    return playground;
  }

  const idle = (page: Page) =>
    page.waitForFunction(
      () => !document.body.classList.contains('busy') && document.querySelectorAll('#grid td.pending').length === 0,
    );

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-everyday-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(started.map((playground) => playground.close()));
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts each keystroke in the cell where it was typed, however slowly the server answers', async () => {
    const playground = await startWith('slow.json', false, { answerDelayMs: 400 });
    const { page, errors } = await openPage(browser, playground);
    await cell(page, 2, 1).click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    // The selection moves at once, as in Sheets, while the server is still answering.
    expect(await page.locator('#cell-name').textContent()).toBe('A3');
    await cell(page, 2, 3).click();
    await page.keyboard.type('abcdefghijklmnopqrstuvwxyz');
    await page.keyboard.press('Enter');
    expect(await page.locator('#cell-name').textContent()).toBe('C3');
    await idle(page);
    expect(await cell(page, 2, 1).textContent()).toBe('1');
    expect(await cell(page, 2, 3).textContent()).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(await cell(page, 3, 1).textContent()).toBe('');
    expect(await cell(page, 3, 3).textContent()).toBe('');
    expect(await page.locator('#cell-name').textContent()).toBe('C3');
    const sheet = playground.runtime().snapshot().sheets[0];
    expect(sheet?.cells[1]?.[2]?.value.display).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(errors).toEqual([]);
    await closePage(page);
  }, 60_000);

  it('shows the scores on a 1366 px screen and keeps the frozen identity columns over what scrolls sideways', async () => {
    const playground = await startWith('frozen.json', true);
    const { page, errors } = await openPage(browser, playground, { width: 1366, height: 768 });
    const scroller = page.locator('#grid-scroll');
    const box = await scroller.boundingBox();
    if (!box) throw new Error('no grid');

    // The OKR sheet: score, objective score and status show beside the key results without scrolling.
    for (const title of ['Wynik', 'Wynik celu', 'Status']) {
      const at = await find(page, title);
      const head = await cell(page, at.row, at.column).boundingBox();
      expect(head && head.x + head.width).toBeLessThanOrEqual(box.x + box.width);
    }
    // Every title of the table and its tracking columns shows whole, in whatever font this Chromium has.
    const cutTitles = await page
      .locator('#grid td[data-row="6"]:not(.spill)')
      .evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent));
    expect(cutTitles).toEqual([]);
    // Scrolled sideways, the identity columns stay where they were and the scrolled cells pass under them.
    const keyResult = await find(page, 'Kluczowy rezultat');
    const frozenCell = cell(page, keyResult.row + 1, keyResult.column);
    const before = await frozenCell.boundingBox();
    await scroller.evaluate((element) => {
      element.scrollLeft = 600;
    });
    expect(await frozenCell.boundingBox()).toEqual(before);
    expect(await topmostIsInside(frozenCell)).toBe(true);
    // Scrolled down too, the header block and the column titles stay over the rows passing under them.
    expect(await overdrawnFrozenRows(page)).toEqual([]);

    expect(errors).toEqual([]);
    await closePage(page);
  }, 120_000);

  it('draws the dashboard’s charts over its tab as SVG, with nothing for axe to find', async () => {
    const playground = await startWith('dashboard.json', true);
    const { page, errors } = await openPage(browser, playground);
    await clickMenuItem(page, 'Pulpit');
    await expect.poll(() => activeTab(page)).toBe('Pulpit');
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    const charts = page.locator('.chart-layer figure.sheet-chart');
    await expect.poll(() => charts.count()).toBe(3);
    expect(await charts.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart-type')))).toEqual([
      'BAR',
      'LINE',
      'COLUMN',
    ]);
    expect(await charts.locator('figcaption').allTextContents()).toContain('Wyniki celów');
    // Three objectives as bars; nine key results, the target and (two sample KRs have a scenario plan) the
    // minimum and maximum scenarios as lines over four weeks.
    expect(await charts.nth(0).locator('rect').count()).toBe(3);
    const lines = charts.nth(1).locator('polyline');
    expect(await lines.count()).toBe(12);
    expect((await lines.first().getAttribute('points'))?.split(' ')).toHaveLength(4);
    // The target, after the nine key results, is the dashed line; the scenarios after it are dotted.
    expect(await lines.nth(9).getAttribute('stroke-dasharray')).toBe('6 4');
    expect(await lines.nth(10).getAttribute('stroke-dasharray')).toBe('2 2');
    expect(await lines.nth(11).getAttribute('stroke-dasharray')).toBe('2 2');
    expect(await charts.nth(2).locator('rect').count()).toBeGreaterThan(0);
    expect(await axeFindings(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/dashboard.png' });
    // A second run rebuilds the same tab: still one Pulpit, still three charts.
    await clickMenuItem(page, 'Pulpit');
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    expect((await page.locator('#tabs .tab').allTextContents()).filter((name) => name.startsWith('Pulpit'))).toEqual([
      'Pulpit',
    ]);
    await expect.poll(() => charts.count()).toBe(3);
    expect(errors).toEqual([]);
    await closePage(page);
  }, 120_000);

  it("keeps History's frozen titles over every record scrolled under them", async () => {
    const playground = await startWith('history.json', true);
    const { page, errors } = await openPage(browser, playground, { width: 1366, height: 768 });
    await page.locator('#tabs .tab', { hasText: 'Historia' }).click();
    await expect.poll(() => activeTab(page)).toBe('Historia');
    expect(await overdrawnFrozenRows(page)).toEqual([]);
    expect(errors).toEqual([]);
    await closePage(page);
  }, 120_000);

  it('asks before editing a warning-only protected range, restores a blocked column at once, and draws the trends', async () => {
    const playground = await startWith('sample.json', true);
    const { page, errors } = await openPage(browser, playground);
    const dialog = page.locator('#dialog');

    // The Trend column: a small line chart per key result, one point per recorded week.
    const trend = await find(page, 'Trend');
    const line = cell(page, trend.row + 1, trend.column).locator('svg.sparkline polyline');
    expect((await line.getAttribute('points'))?.split(' ')).toHaveLength(4);

    const score = await find(page, 'Wynik');
    const header = cell(page, score.row, score.column);
    const blocked = { row: score.row + 2, column: score.column };
    const a1 = `${String.fromCharCode(64 + blocked.column)}${blocked.row}`;
    const before = await cell(page, blocked.row, blocked.column).textContent();

    // The score column is protected with a warning: Sheets asks first, and Cancel leaves the cell alone.
    let posted = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/cell')) posted++;
    });
    await cell(page, blocked.row, blocked.column).click();
    await page.keyboard.type('0,9');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await page.locator('#dialog-title').textContent()).toBe('Uwaga!');
    expect(await page.locator('#dialog-body').textContent()).toMatch(/^Próbujesz edytować część arkusza/);
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cell(page, blocked.row, blocked.column).textContent()).toBe(before);
    expect(posted).toBe(0);

    // OK types the value; the column formula cannot expand over it and shows #REF!, as Sheets does.
    await cell(page, blocked.row, blocked.column).click();
    await page.keyboard.type('0,9');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.getByLabel('Nie pokazuj ponownie przez 5 minut').check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await idle(page);
    expect(await header.textContent()).toBe('#REF!');
    expect(await header.getAttribute('title')).toBe(
      `Array result was not expanded because it would overwrite data in ${a1}.`,
    );

    // Clearing it restores the column at once (no second question within 5 minutes), and after a reload.
    await cell(page, blocked.row, blocked.column).click();
    await page.keyboard.press('Delete');
    await idle(page);
    expect(await dialog.isVisible()).toBe(false);
    expect(await header.textContent()).toBe('Wynik');
    expect(await cell(page, blocked.row, blocked.column).textContent()).toBe(before);
    await page.reload();
    await page.locator('#grid td').first().waitFor();
    expect(await cell(page, score.row, score.column).textContent()).toBe('Wynik');
    expect(await cell(page, blocked.row, blocked.column).textContent()).toBe(before);

    // A sheet protected as a whole with a warning (History; a closed quarter is the same) asks too.
    await page.locator('#tabs .tab', { hasText: 'Historia' }).click();
    await expect.poll(() => activeTab(page)).toBe('Historia');
    await cell(page, 3, 2).dblclick();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await page.locator('#dialog-title').textContent()).toBe('Uwaga!');
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    expect(posted).toBe(2);
    expect(errors).toEqual([]);
    await closePage(page);
  }, 120_000);
});
