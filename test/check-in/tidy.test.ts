// A check-in tab a week piles up, 13 a quarter: each generated tab is cut to the rows and columns it uses,
// and "Hide old check-in tabs…" offers to hide the recorded tabs older than four weeks (History keeps their
// values). A tab is never deleted.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeServices } from '../../local/spreadsheet';
import { Button } from '../../local/spreadsheet/enums';
import { PLAN_ROWS, TAB_COLUMN_KEYS } from '../../src/core/check-in/check-in-tab';
import { isOldRecordedTab, OLD_TAB_AFTER_DAYS } from '../../src/core/check-in/old-tabs';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { hideOldCheckInTabs } from '../../src/server/check-in-tidy';
import {
  buildOkrSheet,
  historyOf,
  openSpreadsheet,
  recorded,
  regionRow,
  sheetIdOf,
  typeInto,
  wednesdayOfWeek,
} from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Generates and records weeks `1..recorded`, then generates (without recording) the weeks up to `last`. */
function weeksOfCheckIns(services: FakeServices, recorded: number, last: number): string[] {
  const names: string[] = [];
  for (let week = 1; week <= last; week++) {
    const { sheetName } = generateCheckIn({ asOf: wednesdayOfWeek(week) });
    names.push(sheetName);
    if (week > recorded) continue;
    typeInto(services, sheetName, { 'O1.1': { value: week } });
    recordCheckIn({ sheetId: sheetIdOf(sheetName) });
  }
  return names;
}

const hidden = (services: FakeServices) =>
  services.spreadsheet.sheets.filter((sheet) => sheet.isSheetHidden()).map((sheet) => sheet.name);

describe('a generated check-in tab', () => {
  it('is cut to the rows and columns it uses, in one call each, and still records', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    services.calls.reset();
    const { sheetName } = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    const sheet = services.spreadsheet.sheet(sheetName);
    expect(sheet.grid.maxRows).toBe(regionRow(services, sheetName, 'plan') + PLAN_ROWS - 1);
    expect(sheet.grid.maxColumns).toBe(TAB_COLUMN_KEYS.length);
    expect(sheet.grid.maxRows * sheet.grid.maxColumns).toBeLessThan(2_000); // a new sheet has 26,000 cells
    expect(services.calls.count('Sheet.deleteRows')).toBe(1);
    expect(services.calls.count('Sheet.deleteColumns')).toBe(1);
    typeInto(services, sheetName, { 'O1.1': { value: 3 } });
    expect(recorded(recordCheckIn({ sheetId: sheetIdOf(sheetName) })).recorded).toBe(1);
    expect(historyOf(services).map((record) => [record.week, record.keyResultId, record.value])).toEqual([
      [5, 'O1.1', 3],
    ]);
  });
});

describe('hiding old check-in tabs', () => {
  it('offers the recorded tabs whose week ended over four weeks ago, and hides them when the user agrees', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    const names = weeksOfCheckIns(services, 7, 8);
    services.ui.reply(Button.YES);
    hideOldCheckInTabs({ asOf: wednesdayOfWeek(8) });
    const [dialog] = services.ui.dialogs;
    expect(dialog).toMatchObject({ kind: 'alert', title: 'Hide old check-in tabs', buttons: 'YES_NO' });
    // Week 3 ended on Sunday 17 January, 32 days before Wednesday 17 February; week 4, 25 days before.
    expect(dialog?.prompt).toContain('• Check-in W01\n• Check-in W02\n• Check-in W03\n\n');
    expect(dialog?.prompt).not.toContain('W04');
    expect(hidden(services).sort()).toEqual(['Check-in W01', 'Check-in W02', 'Check-in W03']);
    // Nothing is deleted: every tab is still there, and History still holds every recorded week.
    for (const name of names) expect(services.spreadsheet.sheet(name)).toBeDefined();
    expect(new Set(historyOf(services).map((record) => record.week))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
  });

  it('hides nothing when the user says no', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    weeksOfCheckIns(services, 6, 6);
    services.ui.reply(Button.NO);
    hideOldCheckInTabs({ asOf: wednesdayOfWeek(8) });
    expect(services.ui.dialogs).toHaveLength(1);
    expect(hidden(services)).toEqual([]);
  });

  it('keeps a tab that was never recorded in view, however old, and says there is nothing to hide', () => {
    const services = openSpreadsheet({ locale: 'pl_PL' });
    buildOkrSheet();
    weeksOfCheckIns(services, 0, 2);
    hideOldCheckInTabs({ asOf: wednesdayOfWeek(12) });
    expect(services.ui.dialogs).toMatchObject([{ kind: 'alert', buttons: 'OK' }]);
    expect(services.ui.dialogs[0]?.prompt).toContain('nie ma czego ukryć');
    expect(hidden(services)).toEqual([]);
  });

  it('counts four whole weeks from the Sunday that ends the week', () => {
    const tab = { quarter: 'Q1 2027', week: 3, sunday: '2027-01-17', hidden: false };
    const recorded = new Set(['Q1 2027#3']);
    expect(OLD_TAB_AFTER_DAYS).toBe(28);
    expect(isOldRecordedTab(tab, recorded, '2027-02-14')).toBe(false); // 28 days after
    expect(isOldRecordedTab(tab, recorded, '2027-02-15')).toBe(true); // 29 days after
    expect(isOldRecordedTab({ ...tab, hidden: true }, recorded, '2027-03-01')).toBe(false);
    expect(isOldRecordedTab(tab, new Set(['Q2 2027#3']), '2027-03-01')).toBe(false);
  });
});
