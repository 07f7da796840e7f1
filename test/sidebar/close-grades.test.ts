import { describe, expect, it } from 'vitest';
import { asReal } from '../../local/spreadsheet';
import { gradeColumn } from '../../src/core/close/grades-sheet';
import { callGlobal } from '../support/load-bundle';
import { axeFindings, closePage, openSidebar, skipBrowserTests as skip, useBrowser } from './browser';

const keyResult = (title: string, start: number, target: number, current: number) => ({
  title,
  kind: 'increase',
  unit: 'count',
  start,
  target,
  current,
  weight: 1,
  owner: 'Anna',
  committed: false,
  notes: '',
});

describe.skipIf(skip)('the New quarter sidebar after a close', () => {
  const browser = useBrowser();

  it('shows each carried key result’s grade and note, and the closing note, in Polish', async () => {
    const { page } = await openSidebar(browser(), { locale: 'pl_PL' }, 'showNewQuarterSidebar', (server, services) => {
      const built = callGlobal(server, 'submitQuarter', {
        plan: {
          quarter: { kind: 'quarter', year: 2025, quarter: 1 },
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
              keyResults: [keyResult('Nowi klienci', 0, 10, 8), keyResult('Spotkania', 0, 40, 12)],
            },
          ],
        },
      });
      expect(built).toMatchObject({ ok: true });
      const closed = callGlobal(server, 'closeQuarter', { asOf: '2025-04-02' }) as { ok: boolean; sheetName: string };
      expect(closed).toMatchObject({ ok: true, sheetName: 'Oceny Q1 2025' });
      const sheet = asReal(services.spreadsheet.sheet('Oceny Q1 2025'));
      sheet.getRange(8, gradeColumn('note')).setValue('Kampania LinkedIn działa');
      sheet.getRange(3, 3).setValue('Kwalifikować leady wcześniej');
    });
    try {
      await page.locator('#use-previous').waitFor();
      const hints = page.locator('.carry .hint');
      await hints.first().waitFor();
      expect(await hints.allTextContents()).toEqual([
        'Ocena 0,8 (zrealizowany) · Kampania LinkedIn działa',
        'Ocena 0,3 (niezrealizowany)',
      ]);
      expect(await page.locator('[data-role="closing-note"]').textContent()).toBe(
        'Notatka zamknięcia: Kwalifikować leady wcześniej',
      );
      expect(await axeFindings(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 60_000);
});
