// The Monthly review on the typed fake: made once beside the OKR sheet and opened, never rewritten, after;
// a month outside the quarter refused with the quarter's months; the menu item in the sheet's language; and
// the same service calls for 9 as for 100 key results with 12 weeks of History, and for 10 as for 2,000 deals.

import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../local/spreadsheet';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { measureReview } from '../../scripts/bench-review';
import { forgetLang } from '../../src/server/language';
import { findReviewSheet, generateReview } from '../../src/server/monthly-review';
import { showMonthlyReview } from '../../src/server/monthly-review-menu';
import { buildQuarter } from '../../src/server/quarter-builder';
import { sizedPlan } from '../okr-sheet/plans';

afterEach(() => forgetLang());

describe('the Monthly review tab', () => {
  it('costs the same service calls for 9 as for 100 KRs (12 weeks of History) and for 10 as for 2,000 deals', () => {
    const small = measureReview(9, 10);
    const manyKrs = measureReview(100, 10);
    const manyDeals = measureReview(9, 2000);
    console.log(`review calls: 9 KRs ${small.calls}, 100 KRs ${manyKrs.calls}, 2,000 deals ${manyDeals.calls}`);
    expect(small.result).toMatchObject({ ok: true, created: true, sheetName: 'Review 2027-05' });
    expect(manyKrs.calls).toBe(small.calls);
    expect(manyDeals.calls).toBe(small.calls);
    if (!manyDeals.result.ok) throw new Error('no review');
    expect(manyDeals.result.review.keyResults).toHaveLength(9);
    expect(manyDeals.result.review.weeks).toEqual([6, 7, 8, 9]);
    expect(manyDeals.result.review.deals?.thisMonth.won).toBeGreaterThan(0);
  });

  it('is made once, found by its metadata after a rename, and opened unchanged the next time', () => {
    const services = createFakeServices({ locale: 'en_US' });
    withGlobalServices(services, () => {
      forgetLang();
      buildQuarter(sizedPlan(2, 2));
      const first = generateReview({ month: '2027-04', asOf: '2027-04-30' });
      expect(first).toMatchObject({ ok: true, created: true, quarter: 'Q2 2027', sheetName: 'Review 2027-04' });
      const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet() as never;
      const sheet = findReviewSheet(spreadsheet, 'Q2 2027', '2027-04');
      // Trimmed to its size: no 1000 × 26 grid of empty cells.
      expect(sheet?.getMaxRows()).toBeLessThan(60);
      expect(sheet?.getMaxColumns()).toBeLessThan(10);
      sheet?.getRange(2, 1).setValue('our notes');
      sheet?.setName('April');
      const again = generateReview({ month: '2027-04', asOf: '2027-04-30' });
      expect(again).toMatchObject({ ok: true, created: false, sheetName: 'April' });
      expect(services.spreadsheet.dump('April').values[1]?.[0]).toBe('our notes');
      expect(services.spreadsheet.sheets.filter((s) => /Review|April/.test(s.getName()))).toHaveLength(1);
    });
  });

  it('refuses a month outside the quarter, naming its months, and makes nothing', () => {
    const services = createFakeServices({ locale: 'pl_PL' });
    withGlobalServices(services, () => {
      forgetLang();
      buildQuarter(sizedPlan(2, 2));
      const before = services.spreadsheet.sheets.length;
      expect(generateReview({ month: '2027-08', asOf: '2027-05-01' })).toEqual({
        ok: false,
        code: 'monthOutsideQuarter',
        month: '2027-08',
        quarter: 'Q2 2027',
        months: ['2027-04', '2027-05', '2027-06'],
      });
      expect(generateReview({ month: 'May' })).toEqual({ ok: false, code: 'badMonth', month: 'May' });
      expect(generateReview({ month: 7 })).toEqual({ ok: false, code: 'badRequest' });
      expect(services.spreadsheet.sheets.length).toBe(before);
    });
  });

  it('is made by the menu item for this month (or refused) and says so in the sheet’s language', () => {
    const services = createFakeServices({ locale: 'pl_PL' });
    withGlobalServices(services, () => {
      forgetLang();
      buildQuarter({ ...sizedPlan(2, 2), language: 'pl' });
      showMonthlyReview();
      const shown = [
        ...services.spreadsheet.toasts.map((toast) => toast.message),
        ...services.ui.dialogs.map((d) => d.prompt),
      ];
      // Today's month: inside Q2 2027 a tab is made, outside it the quarter's months are named.
      expect(shown.join('\n')).toMatch(/Przegląd 20\d\d-\d\d|jego miesiące to 2027-04, 2027-05, 2027-06/);
    });
  });
});
