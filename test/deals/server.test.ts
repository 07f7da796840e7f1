// The Deals sheet on the typed fake: the menu item makes it once and opens it after, found by its metadata;
// an import writes every row or none, merges by deal id without losing a row, and costs the same number of
// service calls for 10 deals as for 2,000.

import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../local/spreadsheet';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { measureDeals, sampleExport } from '../../scripts/bench-deals';
import { importDeals, showDealsSheet } from '../../src/server/deals-api';
import { findDealsSheet } from '../../src/server/deals-sheet';
import { forgetLang } from '../../src/server/language';

afterEach(() => forgetLang());

function withBook<T>(locale: string, work: (services: ReturnType<typeof createFakeServices>) => T): T {
  const services = createFakeServices({ locale });
  return withGlobalServices(services, () => {
    forgetLang();
    return work(services);
  });
}

describe('the Deals sheet', () => {
  it('is made by the menu item once, in the spreadsheet’s language, and opened the next time', () => {
    withBook('pl_PL', (services) => {
      showDealsSheet();
      const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet() as never;
      const sheet = findDealsSheet(spreadsheet);
      expect(sheet?.getName()).toBe('Transakcje');
      const { values } = services.spreadsheet.dump('Transakcje');
      expect(values[0]?.slice(0, 4)).toEqual(['ID transakcji', 'Transakcja', 'Właściciel', 'Kwota']);
      sheet?.setName('Moje transakcje');
      showDealsSheet();
      expect(services.spreadsheet.sheets.length).toBe(2);
      expect(services.spreadsheet.toasts.at(-1)?.message).toBe('Otwarto arkusz „Moje transakcje”.');
    });
  });

  it('takes an import of every row, keeping extra columns, and writes nothing when a row has a problem', () => {
    withBook('en_US', (services) => {
      const bad = sampleExport(3);
      (bad.rows[1] as { cells: string[] }).cells[3] = 'a lot';
      const refused = importDeals(bad);
      expect(refused).toMatchObject({
        ok: false,
        problems: [{ code: 'notANumber', row: 3, field: 'amount', value: 'a lot' }],
      });
      expect(services.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1']);

      const done = importDeals(sampleExport(3));
      expect(done).toMatchObject({ ok: true, created: true, imported: 3, replaced: 0, kept: 0 });
      const { values } = services.spreadsheet.dump('Deals');
      expect(values[0]?.at(12)).toBe('Notes');
      expect(values[1]?.slice(0, 4)).toEqual(['D-1', 'Deal 1', 'Rep 0', 10000]);
      expect(values[1]?.[9]).toBe('open');
      expect(values[2]?.[9]).toBe('won');
    });
  });

  it('merges a second export by deal id: same id replaced, new added, others kept', () => {
    withBook('en_US', (services) => {
      importDeals(sampleExport(3));
      const again = sampleExport(5);
      const second = { ...again, rows: again.rows.slice(2) };
      expect(importDeals(second)).toMatchObject({ ok: true, created: false, imported: 3, replaced: 1, kept: 2 });
      const ids = services.spreadsheet
        .dump('Deals')
        .values.slice(1)
        .map((row) => row[0])
        .filter((id) => id !== '');
      expect(ids).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-5']);
    });
  });

  it('costs the same service calls for 10 deals as for 2,000, to create, import and generate a check-in', () => {
    const small = measureDeals(10);
    const large = measureDeals(2000);
    console.log(
      `deals calls: create ${small.createCalls}; import 10 ${small.importCalls}, 2000 ${large.importCalls}; ` +
        `check-in 10 ${small.checkInCalls}, 2000 ${large.checkInCalls}`,
    );
    expect(large.createCalls).toBe(small.createCalls);
    // Nearly: a new sheet has 1,000 rows, and 2,000 deals add rows in one more call.
    expect(large.importCalls - small.importCalls).toBeGreaterThanOrEqual(0);
    expect(large.importCalls - small.importCalls).toBeLessThanOrEqual(1);
    expect(large.checkInCalls).toBe(small.checkInCalls);
  });
});
