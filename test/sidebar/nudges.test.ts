import { describe, expect, it } from 'vitest';
import { asReal } from '../../local/spreadsheet';
import { buildBundleQuarter, keyResult } from '../support/bundle-quarter';
import type { BundleGlobals } from '../support/load-bundle';
import { axeFindings, closePage, openSidebar, skipBrowserTests, useBrowser } from './browser';

/** A quarter that started three weeks ago, built through the bundle, with nothing recorded yet. */
function buildQuarter(server: BundleGlobals, language: 'en' | 'pl'): void {
  buildBundleQuarter(server, {
    language,
    startedDaysAgo: 21,
    keyResults: [
      keyResult({ title: 'New clients', owner: 'Anna' }),
      keyResult({ title: 'Meetings & demos', owner: 'Bartek' }),
      keyResult({ title: 'Referrals', owner: 'Celina' }),
    ],
  });
}

describe.skipIf(skipBrowserTests)('the check-in sidebar’s What is due card in headless Chromium', () => {
  const browser = useBrowser();

  it('says the week is due, names stale KRs, makes the Owners table, and passes the digest on by mail and chat', async () => {
    const { page, services, outside } = await openSidebar(
      browser(),
      { locale: 'en_US' },
      'showWeeklyCheckIn',
      (server) => buildQuarter(server, 'en'),
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    const week = Number(/W(\d+)$/.exec(services.spreadsheet.getActiveSheet().getName())?.[1]);

    await page.locator('#week-state').waitFor();
    expect(await page.locator('#week-state').textContent()).toBe(
      `Week ${week}: due. The check-in is not recorded yet.`,
    );
    expect(
      await page.locator('.nudges .stale li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kr'))),
    ).toEqual(['O1.1', 'O1.2', 'O1.3']);
    expect(await page.locator('.nudges .stale li').first().textContent()).toMatch(
      /^O1\.1 New clients · Anna · none this quarter$/,
    );
    expect(await axeFindings(page)).toEqual([]);

    // No Owners table yet: the card offers to make one, on a Settings sheet, with the owners' names.
    await page.getByRole('button', { name: 'Make the Owners table' }).click();
    await expect
      .poll(() => page.locator('.owners-table').textContent())
      .toMatch(/^The Owners table is on “Settings”: type each owner’s e-mail, then press Refresh\./);
    const settings = asReal(services.spreadsheet.sheet('Settings'));
    expect(settings.getRange('A3:A5').getValues()).toEqual([['Anna'], ['Bartek'], ['Celina']]);

    // The team types the addresses, one of them wrong; Refresh shows what the digest goes to.
    settings.getRange('B3:B5').setValues([['anna@example.com'], ['bartek(at)example.com'], ['celina@example.pl']]);
    await page.locator('#check-in-refresh').click();
    await expect
      .poll(() => page.locator('.owner-problems li').allTextContents())
      .toEqual(['Owners table, row 4: “bartek(at)example.com” is not an e-mail address (such as anna@example.com).']);
    expect(await page.locator('.owners-table').textContent()).toContain('No e-mail in the Owners table for: Bartek.');

    const link = page.getByRole('link', { name: 'E-mail the digest' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:anna@example.com,celina@example.pl?subject=')).toBe(true);
    const subject = decodeURIComponent(/subject=([^&]*)/.exec(href)?.[1] ?? '');
    const body = decodeURIComponent(/body=([^&]*)/.exec(href)?.[1] ?? '');
    expect(subject).toMatch(
      new RegExp(`^OKR check-in \\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2}, week ${week}: due$`),
    );
    expect(body).toContain('- O1.2 Meetings & demos (Bartek): no update this quarter');
    expect(href).not.toMatch(/[ \n]/);
    expect(href).not.toContain('& demos');

    // Copy for chat: the same text, subject first, on the clipboard.
    await page.getByRole('button', { name: 'Copy for chat' }).click();
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe('Copied: paste it into Slack or Teams.');
    const chat = await page.evaluate(() => navigator.clipboard.readText());
    expect(chat).toBe(`${subject}\n\n${body}`);
    expect(chat).toMatch(/^- O1\.1 New clients \(Anna\): no update this quarter$/m);
    expect(await axeFindings(page)).toEqual([]);
    expect(outside).toEqual([]);
    await closePage(page);
  }, 60_000);

  it('speaks Polish, and shows the chat text in a box when the browser refuses the clipboard', async () => {
    const { page } = await openSidebar(
      browser(),
      { locale: 'pl_PL' },
      'showWeeklyCheckIn',
      (server) => buildQuarter(server, 'pl'),
      { deniedPermissions: ['clipboard-write'] },
    );
    await page.locator('#week-state').waitFor();
    expect(await page.locator('#nudges-title').textContent()).toBe('Co do zrobienia');
    expect(await page.locator('#week-state').textContent()).toMatch(/^Tydzień \d+: do zapisania\./);
    await page.getByRole('button', { name: 'Kopiuj na czat' }).click();
    await page.locator('#chat-text').waitFor();
    expect(await page.locator('#chat-text').inputValue()).toMatch(/^Check-in OKR .*, tydzień \d+: do zapisania\n\n/);
    expect(await axeFindings(page)).toEqual([]);
    await closePage(page);
  }, 60_000);
});
