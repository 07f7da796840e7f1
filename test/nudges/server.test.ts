// The nudges on the fake spreadsheet: the toast on open (its service calls held at 9 and 100 key results,
// none in AuthMode.NONE, none when nothing is due), the check-in sidebar's What is due answer, and the
// Owners table on the Settings sheet (made beside, never over; found again by metadata; e-mails checked).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, Enums, type FakeServices } from '../../local/spreadsheet';
import { measureNudges, measureToast, WEEK_6 } from '../../scripts/bench-nudges';
import { ownerProblemText } from '../../src/core/nudges/owners';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { forgetLang } from '../../src/server/language';
import { onOpen } from '../../src/server/menu';
import { getCheckInNudges, makeOwnersTable, OWNERS_METADATA, readOwners } from '../../src/server/nudges';
import { buildOkrSheet, checkInPlan, openSpreadsheet, typeInto, wednesdayOfWeek } from '../check-in/support';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  forgetLang();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  forgetLang();
});

describe('the toast on open', () => {
  it('reads the same few regions for 9 and for 100 key results: the OKR sheet once, History once', () => {
    const small = measureToast(9);
    const large = measureToast(100);
    console.log(`toast on open: 9 KRs ${small.calls} service calls, 100 KRs ${large.calls}`);
    expect(large.calls).toBe(small.calls);
    // Held: the quarters' metadata, the OKR sheet's values, History's values, the time zone and the toast.
    expect(small.calls).toBe(27);
    for (const figures of [small, large]) {
      expect(figures.counts['Range.getValues']).toBe(2);
      expect(figures.counts['Sheet.getDataRange']).toBe(2);
      expect(figures.counts['Spreadsheet.toast']).toBe(1);
      expect(Object.keys(figures.counts).filter((name) => /\.(set|insert|delete|add)/.test(name))).toEqual([]);
    }
    expect(small.line).toBe(
      'Week 6 check-in not recorded yet (last recorded: week 4); 9 KRs not updated for 14 days (O1.1, O1.2, O1.3 and 6 more)',
    );
    expect(large.line).toMatch(
      /^Week 6 check-in not recorded yet .*; 100 KRs not updated for 14 days \(O1\.1, O1\.2, O1\.3 and 97 more\)$/,
    );
  });

  function openedOn(week: number, authMode: unknown, locale = 'en_US'): FakeServices {
    vi.setSystemTime(wednesdayOfWeek(1));
    const services = openSpreadsheet({ locale, timeZone: 'Europe/Warsaw' });
    buildOkrSheet(checkInPlan(locale === 'pl_PL' ? 'pl' : 'en'));
    vi.setSystemTime(wednesdayOfWeek(week));
    forgetLang();
    onOpen({ authMode });
    return services;
  }

  it.each(['LIMITED', 'FULL'])('shows what is due when the add-on may read the spreadsheet (%s)', (mode) => {
    const services = openedOn(3, new Enums.EnumValue('AuthMode', mode));
    expect(services.spreadsheet.toasts).toEqual([
      {
        title: 'OKR Sheets: what is due',
        message:
          'Week 3 check-in not recorded yet (nothing recorded this quarter yet); 6 KRs not updated for 12 days (O1.1, O1.2, O1.3 and 3 more)',
        timeoutSeconds: 10,
      },
    ]);
  });

  it('speaks Polish on a Polish spreadsheet', () => {
    const services = openedOn(1, 'LIMITED', 'pl_PL');
    expect(services.spreadsheet.toasts.map((toast) => [toast.title, toast.message])).toEqual([
      ['OKR Sheets: do zrobienia', 'Check-in tygodnia 1 jeszcze niezapisany'],
    ]);
  });

  it('in AuthMode.NONE builds only the menu: no toast, no read of the spreadsheet', () => {
    const services = openedOn(3, new Enums.EnumValue('AuthMode', 'NONE'));
    expect(services.spreadsheet.toasts).toEqual([]);
    expect(services.ui.menuItems().length).toBeGreaterThan(0);
    services.calls.reset();
    onOpen({ authMode: new Enums.EnumValue('AuthMode', 'NONE') });
    expect(services.calls.count('Spreadsheet')).toBe(0);
    expect(services.calls.count('Range')).toBe(0);
    expect(services.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('stays away when nothing is due: the week recorded and every key result updated', () => {
    vi.setSystemTime(wednesdayOfWeek(2));
    const services = openSpreadsheet({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    buildOkrSheet(checkInPlan());
    const tab = generateCheckIn();
    const all = { value: 1, confidence: 5 };
    typeInto(services, tab.sheetName, {
      'O1.1': all,
      'O1.2': { value: 400_000 },
      'O1.3': { value: 55 },
      'O2.1': { value: 0.05 },
      'O2.2': { value: 'no' },
      'O2.3': { value: 30 },
    });
    expect(recordCheckIn({ sheetId: tab.sheetId ?? -1 })).toMatchObject({ outcome: 'recorded', recorded: 6 });
    onOpen({ authMode: 'LIMITED' });
    expect(services.spreadsheet.toasts).toEqual([]);
  });

  it('costs no region read in a spreadsheet with no quarter', () => {
    const services = openSpreadsheet({ locale: 'en_US' });
    services.calls.reset();
    onOpen({ authMode: 'FULL' });
    expect(services.spreadsheet.toasts).toEqual([]);
    expect(services.calls.count('Range.getValues')).toBe(0);
  });
});

describe('the check-in sidebar’s What is due', () => {
  function weekFive(): { services: FakeServices; sheetId: number } {
    vi.setSystemTime(wednesdayOfWeek(4));
    const services = openSpreadsheet({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    buildOkrSheet(checkInPlan());
    const week4 = generateCheckIn();
    typeInto(services, week4.sheetName, { 'O1.1': { value: 3 }, 'O1.2': { value: 500_000 } });
    recordCheckIn({ sheetId: week4.sheetId ?? -1 });
    vi.setSystemTime(wednesdayOfWeek(5));
    const week5 = generateCheckIn();
    return { services, sheetId: week5.sheetId ?? -1 };
  }

  it('answers the tab’s week state and its key results with no update for more than 7 days', () => {
    const { sheetId } = weekFive();
    vi.setSystemTime(wednesdayOfWeek(6));
    const answer = getCheckInNudges({ sheetId });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.digest).toMatchObject({ week: 5, weekState: 'overdue', lastRecordedWeek: 4 });
    expect(answer.digest.stale.map((keyResult) => [keyResult.id, keyResult.owner, keyResult.days])).toEqual([
      ['O1.1', 'Anna', 14],
      ['O1.2', 'Bartek', 14],
      ['O1.3', 'Anna', 33],
      ['O2.1', 'Celina', 33],
      ['O2.2', 'Celina', 33],
      ['O2.3', 'Bartek', 33],
    ]);
    expect(answer.owners).toEqual({ sheetName: null, entries: [], problems: [] });
    expect(getCheckInNudges({ sheetId: 'x' })).toEqual({ ok: false, notice: { code: 'badRequest' } });
    expect(getCheckInNudges({ sheetId: 999 })).toEqual({ ok: false, notice: { code: 'tabGone' } });
  });

  it('makes the Owners table once, on a Settings sheet, prefilled with the owners, and reads it back', () => {
    const { services, sheetId } = weekFive();
    const made = makeOwnersTable();
    expect(made).toEqual({ ok: true, created: true, sheetName: 'Settings', owners: 3 });
    expect(services.spreadsheet.dump('Settings').values.slice(0, 5)).toEqual([
      ['Owners', '', ''],
      ['Name', 'E-mail', 'Team'],
      ['Anna', '', 'Sales Poland'],
      ['Bartek', '', 'Sales Poland'],
      ['Celina', '', 'Sales Poland'],
    ]);
    expect(services.spreadsheet.getActiveSheet().getName()).toBe('Settings');
    // Made again: the table is found by its metadata and opened, never rewritten.
    const settings = asReal(services.spreadsheet.sheet('Settings'));
    settings.getRange('B3:B5').setValues([['anna@example.com'], ['bartek@'], ['']]);
    expect(makeOwnersTable()).toEqual({ ok: true, created: false, sheetName: 'Settings', owners: 0 });
    const answer = getCheckInNudges({ sheetId });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.owners.sheetName).toBe('Settings');
    expect(answer.owners.entries).toEqual([
      { name: 'Anna', email: 'anna@example.com' },
      { name: 'Bartek', email: '' },
      { name: 'Celina', email: '' },
    ]);
    expect(answer.owners.problems.map((problem) => ownerProblemText('en', problem))).toEqual([
      'Owners table, row 4: “bartek@” is not an e-mail address (such as anna@example.com).',
    ]);
    expect(answer.owners.problems.map((problem) => ownerProblemText('pl', problem))).toEqual([
      'Tabela Właściciele, wiersz 4: „bartek@” nie jest adresem e-mail (np. anna@example.com).',
    ]);
  });

  it('puts the table below what a Settings sheet already holds, and finds it after rows are inserted above', () => {
    const { services } = weekFive();
    makeOwnersTable();
    const settings = asReal(services.spreadsheet.sheet('Settings'));
    // The table is the user's: a row inserted above it moves its metadata with it.
    settings.insertRowsBefore(1, 2);
    settings.getRange('A1').setValue('Notes of the team');
    settings.getRange('B6').setValue('bartek@example.pl');
    const owners = readOwners(SpreadsheetApp.getActiveSpreadsheet());
    expect(owners.entries.find((entry) => entry.name === 'Bartek')?.email).toBe('bartek@example.pl');
    const tagged = services.spreadsheet.metadata.filter((m) => m.key === OWNERS_METADATA.key);
    expect(tagged).toHaveLength(1);
  });

  it('reads the same regions for the What is due answer whatever the number of key results', () => {
    vi.setSystemTime(WEEK_6);
    const small = measureNudges(9);
    const large = measureNudges(100);
    console.log(`What is due (check-in sidebar): 9 KRs ${small.calls} service calls, 100 KRs ${large.calls}`);
    expect([small.stale, large.stale]).toEqual([9, 100]);
    expect(large.calls).toBe(small.calls);
    for (const { counts } of [small, large]) {
      // The tab, History and the Owners table: one getValues each.
      expect(counts['Range.getValues']).toBe(3);
      expect(Object.keys(counts).filter((name) => /\.(set|insert|delete|add)/.test(name))).toEqual([]);
    }
  });
});
