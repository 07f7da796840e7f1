import { describe, expect, it } from 'vitest';
import type { FakeServices } from '../../local/spreadsheet';
import { historyOf, typeInto } from '../check-in/support';
import { buildBundleQuarter, DAY, iso, keyResult } from '../support/bundle-quarter';
import { type BundleGlobals, callGlobal } from '../support/load-bundle';
import { axeFindings, closePage, openSidebar, skipBrowserTests, useBrowser } from './browser';

/** The calls of the check-in itself: the What is due card asks for its own (getCheckInNudges) beside them. */
const checkInCalls = (calls: string[]) => calls.filter((name) => name !== 'getCheckInNudges');

/** Builds, through the bundle, a quarter running from three weeks ago to two months ahead. */
function buildQuarter(server: BundleGlobals, language: 'en' | 'pl', title = 'New clients'): void {
  buildBundleQuarter(server, {
    language,
    keyResults: [
      keyResult({ title, owner: 'Anna' }),
      keyResult({ title: 'Pipeline value', unit: 'currency', start: 300_000, target: 1_200_000 }),
      keyResult({ title: 'Sales cycle', kind: 'decrease', unit: 'days', start: 60, target: 45 }),
    ],
  });
}

/** Puts the user's own formula into the current cell of O1.2 in the OKR sheet; returns its A1 address. */
function userFormulaInPipelineValue(services: FakeServices): string {
  const okr = services.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('OKR'));
  if (!okr) throw new Error('no OKR sheet');
  const values = okr.getDataRange().getValues();
  const row = values.findIndex((line) => line.includes('O1.2')) + 1;
  const isCurrent = (cell: unknown) => cell === 'Current' || cell === 'Wartość bieżąca';
  const column = (values.find((line) => line.some(isCurrent)) ?? []).findIndex(isCurrent) + 1;
  if (row < 1 || column < 1) throw new Error('no current cell for O1.2');
  okr.getRange(row, column).setFormula('=400000+100000');
  return okr.getRange(row, column).getA1Notation();
}

describe.skipIf(skipBrowserTests)('the check-in sidebar in headless Chromium, on the fake spreadsheet', () => {
  const browser = useBrowser();

  it('opens on this week’s tab, records it, tells what was left alone, and copies the check-in as text', async () => {
    const { page, services, outside, serverCalls } = await openSidebar(
      browser(),
      { locale: 'en_US' },
      'showWeeklyCheckIn',
      (server) => buildQuarter(server, 'en'),
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    const tabName = services.spreadsheet.getActiveSheet().getName();
    const week = Number(/W(\d+)$/.exec(tabName)?.[1]);
    expect(week).toBeGreaterThanOrEqual(3);

    await page.locator('#check-in-tab-name').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Weekly check-in');
    expect(await page.locator('#check-in-tab-name').textContent()).toBe(tabName);
    expect(await page.locator('.check-in-week').textContent()).toMatch(new RegExp(`^Week ${week} · `));
    expect(await page.locator('.check-in-generated').textContent()).toBe(`Added "${tabName}" with 3 key results.`);
    expect(await page.locator('#check-in-recorded-before').count()).toBe(0);
    expect(await axeFindings(page)).toEqual([]);

    // The team fills the tab in; one KR's current cell in the OKR sheet holds the owner's own formula.
    const cell = userFormulaInPipelineValue(services);
    typeInto(services, tabName, { 'O1.1': { value: 8, confidence: 7 }, 'O1.2': { value: 500_000 } });

    // Whoever records names themselves from the key results' owners; History's "Who" says it.
    expect(await page.locator('#recorded-by option').allTextContents()).toEqual(['(not named)', 'Anna']);
    await page.getByLabel('Who records').selectOption('Anna');
    await page.getByRole('button', { name: 'Record check-in' }).click();
    await page.locator('#check-in-result-title').waitFor();
    expect(await page.locator('.recorded-by-line').textContent()).toBe(
      'Recorded by Anna: the name is in History’s “Who” column.',
    );
    expect(historyOf(services).map((record) => record.who)).toEqual(['Anna', 'Anna']);
    expect(await page.locator('#check-in-result-title').textContent()).toBe(`Week ${week} recorded`);
    expect(await page.locator('.recorded-count').textContent()).toBe('2 key results recorded.');
    expect(await page.locator('.replaced').textContent()).toBe(
      `First recording of week ${week}: no History row replaced.`,
    );
    expect(await page.locator('.skipped li').allTextContents()).toEqual([
      `O1.2: cell ${cell}, row ${cell.replace(/^[A-Z]+/, '')} of the OKR sheet`,
    ]);
    expect(await page.locator('.blank p').textContent()).toBe('O1.3');
    expect(historyOf(services).map((record) => [record.keyResultId, record.value])).toEqual([
      ['O1.1', 8],
      ['O1.2', 500_000],
    ]);

    // Copy as text copies on the first click (the clipboard permission is granted): no box to select from.
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect
      .poll(() => page.locator('#copy-status').textContent())
      .toBe('The check-in is copied as text: paste it into an email or a chat.');
    expect(await page.locator('#check-in-text').count()).toBe(0);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[0]).toBe(`=== Sales Check-in – Week ${week} ===`);
    expect(text).toMatch(/^- O1\.1 New clients: 8 \/ 10 = 80% (🟢|🟡|🔴)$/m);
    expect(text).toMatch(/^- O1\.2 Pipeline value: PLN 500,000 \/ PLN 1,200,000 = 42% (🟢|🟡|🔴)$/m);
    expect(text).toContain('OKR STATUS:');

    await page.screenshot({ path: '/tmp/check-in.png', fullPage: true });

    // Recording the same week again asks first, in the sidebar, and then replaces that week's rows only.
    typeInto(services, tabName, { 'O1.1': { value: 9 } });
    await page.getByRole('button', { name: 'Record check-in' }).click();
    await page.locator('#confirm-title').waitFor();
    expect(await page.locator('#confirm-title').textContent()).toBe(`Record week ${week} again?`);
    expect(await axeFindings(page)).toEqual([]);
    expect(historyOf(services).map((record) => record.value)).toEqual([8, 500_000]);
    await page.getByRole('button', { name: 'Record again' }).click();
    await expect
      .poll(() => page.locator('.replaced').textContent())
      .toBe(`Week ${week} was recorded before: its History rows were replaced (2); other weeks were not touched.`);
    expect(historyOf(services).map((record) => record.value)).toEqual([9, 500_000]);

    expect(checkInCalls(serverCalls)).toEqual(['getCheckInState', 'submitCheckIn', 'submitCheckIn']);
    expect(outside).toEqual([]);
    await closePage(page);
  }, 60_000);

  it('opens on what Record check-in did, in Polish, shows the sheet’s text as text, and selects it in a box when the browser refuses the clipboard', async () => {
    const hostile = 'Nowi klienci </script><img src=x onerror="window.__pwned=1">';
    let tabName = '';
    const { page, services, serverCalls } = await openSidebar(
      browser(),
      { locale: 'pl_PL' },
      'showRecordCheckIn',
      (server, fake) => {
        buildQuarter(server, 'pl', hostile);
        callGlobal(server, 'showWeeklyCheckIn');
        tabName = fake.spreadsheet.getActiveSheet().getName();
        typeInto(fake, tabName, { 'O1.1': { value: 3 }, 'O1.3': { value: 50 } });
      },
      { deniedPermissions: ['clipboard-write'] },
    );
    const week = Number(/T(\d+)$/.exec(tabName)?.[1]);

    await page.locator('#check-in-result-title').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Cotygodniowy check-in');
    expect(await page.locator('#check-in-result-title').textContent()).toBe(`Tydzień ${week} zapisany`);
    expect(await page.locator('.recorded-count').textContent()).toBe('Zapisano 2 kluczowe rezultaty.');
    expect(historyOf(services)).toHaveLength(2);

    // The browser refuses the clipboard (its permission denied): the text is shown in a box, selected for Ctrl+C.
    await page.getByRole('button', { name: 'Kopiuj jako tekst' }).click();
    const textarea = page.locator('#check-in-text');
    await textarea.waitFor();
    expect(await page.locator('#copy-status').textContent()).toBe(
      'Tekst jest zaznaczony: naciśnij Ctrl+C (⌘C na Macu), aby go skopiować.',
    );
    expect(await textarea.getAttribute('readonly')).not.toBeNull();
    const text = await textarea.inputValue();
    expect(text.split('\n')[0]).toBe(`=== Sales Check-in – Tydzień ${week} ===`);
    expect(text).toContain(`- O1.1 ${hostile}: 3 / 10 = 30%`);
    expect(text).toContain('PLAN NA TYDZIEŃ:');
    expect(
      await textarea.evaluate((area: HTMLTextAreaElement) => [
        document.activeElement === area,
        area.selectionStart,
        area.selectionEnd,
      ]),
    ).toEqual([true, 0, text.length]);
    // The menu item's result carried the text: no server call for it.
    expect(checkInCalls(serverCalls)).toEqual(['getCheckInState']);
    expect(await axeFindings(page)).toEqual([]);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    await closePage(page);
  }, 60_000);

  it('says a check-in records into the quarter closed by planning the next, and checks in to the open one', async () => {
    const now = Date.now();
    const { page, services, serverCalls } = await openSidebar(
      browser(),
      { locale: 'pl_PL' },
      'showWeeklyCheckIn',
      (server, fake) => {
        buildQuarter(server, 'pl');
        const closed = fake.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('OKR'));
        if (!closed) throw new Error('no OKR sheet');
        // The next quarter, planned from this one before it ended: this one is closed (frozen, protected).
        buildBundleQuarter(server, {
          quarter: { kind: 'custom', start: iso(now + 61 * DAY), end: iso(now + 150 * DAY) },
          language: 'pl',
          objective: 'Next',
          keyResults: [keyResult({ title: 'New clients', target: 12 })],
          previousSheetId: closed.getSheetId(),
        });
      },
    );
    const closedLabel = `${iso(now - 20 * DAY)} – ${iso(now + 60 * DAY)}`;
    const openLabel = `${iso(now + 61 * DAY)} – ${iso(now + 150 * DAY)}`;

    await page.locator('#check-in-tab-name').waitFor();
    expect(await page.locator('.check-in-generated').textContent()).toContain(
      `Ten check-in zapisuje się w kwartale ${closedLabel}. Jego arkusz OKR zamknięto przy planowaniu kwartału ${openLabel}`,
    );
    const instead = page.locator('#check-in-instead');
    expect(await instead.textContent()).toBe(`Zrób check-in kwartału ${openLabel}`);
    expect(await axeFindings(page)).toEqual([]);

    await instead.click();
    await expect.poll(() => page.locator('.check-in-week').textContent()).toContain(openLabel);
    expect(await page.locator('#check-in-instead').count()).toBe(0);
    expect(await page.locator('.check-in-week').textContent()).toMatch(/^Tydzień 1 · /);
    expect(services.spreadsheet.getActiveSheet().getName()).toBe(
      await page.locator('#check-in-tab-name').textContent(),
    );
    expect(checkInCalls(serverCalls)).toEqual(['getCheckInState', 'startCheckIn', 'getCheckInState']);
    await closePage(page);
  }, 60_000);
});
