// The Import deals view (menu item Import deals…) in headless Chromium over the bundle on the fake: a CRM
// export pasted or chosen as a file goes through `importDeals` (the CLI's import) into the Deals sheet, all
// rows or none; the answer shows the deals imported and the columns matched, or every problem with its line,
// field and value, in the spreadsheet's language. axe-core finds nothing on either.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asReal } from '../../local/spreadsheet';
import { axeFindings, closePage, launchBrowser, openSidebar, skipBrowserTests as skip } from './browser';

const EXPORT_EN = [
  'Deal Name,Deal Owner,Amount,Stage,Probability (%),Create Date,Close Date,Outcome,Region',
  'Acme roll-out,Anna,"12,000",Negotiation,60,2027-01-04,2027-02-20,open,North',
  'Beta pilot,Piotr,5000,Closed won,100,2027-01-05,2027-01-25,won,South',
  'Gamma,Anna,800,Closed lost,0,2027-01-06,2027-01-20,lost,North',
].join('\n');

describe.skipIf(skip)('the Import deals sidebar', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a pasted export into a new Deals sheet and lists the columns matched', async () => {
    const { page, services, serverCalls } = await openSidebar(browser, {}, 'showImportDeals');
    try {
      expect(services.ui.sidebars.at(-1)?.title).toBe('OKR Sheets: import deals');
      await page.locator('#deals-text').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Import deals');
      expect(await axeFindings(page)).toEqual([]);
      // Nothing pasted: said at once, nothing sent.
      await page.getByRole('button', { name: 'Import deals' }).click();
      expect(await page.locator('#deals-outcome').textContent()).toBe('Paste a CSV export or choose a file first.');
      expect(serverCalls).toEqual([]);

      await page.locator('#deals-text').fill(EXPORT_EN);
      expect(await page.locator('#deals-lines').textContent()).toBe('Deals after the header row: 3');
      await page.getByRole('button', { name: 'Import deals' }).click();
      await page.locator('#deals-done-title').waitFor();
      expect(await page.locator('#deals-done-title').textContent()).toBe('Deals imported: 3, into the sheet “Deals”.');
      expect(await page.locator('#deals-outcome').textContent()).toContain('The sheet “Deals” was created.');
      expect(await page.locator('#deals-matched li').allTextContents()).toEqual(
        expect.arrayContaining(['Deal Name → Deal', 'Amount → Amount', 'Close Date → Close date']),
      );
      expect(await page.locator('#deals-extra li').allTextContents()).toEqual(['Region']);
      expect(serverCalls).toEqual(['importDeals']);
      expect(await axeFindings(page)).toEqual([]);

      // The quoted English thousands read as 12000 (a `,` file writes English numbers).
      const sheet = asReal(services.spreadsheet.sheet('Deals'));
      const values = sheet.getDataRange().getValues();
      const amount = (values[0] as unknown[]).indexOf('Amount');
      expect(values.slice(1, 4).map((row) => row[amount])).toEqual([12000, 5000, 800]);
    } finally {
      await closePage(page);
    }
  }, 60_000);

  it('reads a chosen file, and refuses an export with a bad line whole, naming line, field and value, in Polish', async () => {
    const { page, services } = await openSidebar(browser, { locale: 'pl_PL' }, 'showImportDeals');
    try {
      await page.locator('#deals-file').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Import transakcji');
      const csv = ['Transakcja;Kwota;Data utworzenia;Data zamknięcia;Wynik', 'Acme;1 200,50;2027-01-04;;otwarta'];
      csv.push('Beta;abc;2027-01-05;2027-01-03;wygrana');
      await page.locator('#deals-file').setInputFiles({
        name: 'eksport.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\ufeff${csv.join('\r\n')}`, 'utf8'),
      });
      await expect.poll(() => page.locator('#deals-file-note').textContent()).toBe('Wczytano „eksport.csv”.');
      expect(await page.locator('#deals-lines').textContent()).toBe('Transakcje pod wierszem nagłówków: 2');
      await page.getByRole('button', { name: 'Importuj transakcje' }).click();
      await page.locator('.deals-problems').waitFor();
      expect(await page.locator('#deals-outcome strong').textContent()).toBe(
        'Niczego nie zaimportowano. Popraw te wiersze i importuj ponownie:',
      );
      expect(await page.locator('.deals-problems li').allTextContents()).toEqual([
        'wiersz 3: Kwota „abc” nie jest liczbą',
        'wiersz 3: data zamknięcia 2027-01-03 jest przed datą utworzenia 2027-01-05',
      ]);
      // All or none: the good line was not written either, and no sheet was made.
      expect(services.spreadsheet.getSheets().map((sheet) => sheet.getName())).not.toContain('Transakcje');
      expect(await axeFindings(page)).toEqual([]);

      // A header with no amount column: what is missing and what was matched.
      await page.locator('#deals-text').fill('Transakcja;Region\nAcme;Północ');
      await page.getByRole('button', { name: 'Importuj transakcje' }).click();
      await page.locator('#deals-missing').waitFor();
      expect(await page.locator('#deals-missing li').allTextContents()).toEqual(['Kwota']);
      expect(await page.locator('#deals-matched li').allTextContents()).toEqual(['Transakcja → Transakcja']);
    } finally {
      await closePage(page);
    }
  }, 60_000);
});
