// The as-of date of an OKR sheet: a fixed date the add-on keeps current (never TODAY(), which custom
// functions may not depend on), on open when authorised, on every check-in and from the menu item, while a
// date the user typed to look back stays until they ask for today.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, type FakeServices } from '../../local/spreadsheet';
import { dayFromIso } from '../../src/core/cell-values';
import { asOfToWrite } from '../../src/core/okr-sheet/as-of';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { onOpen, updateAsOfDate } from '../../src/server/menu';
import { buildOkrSheet, checkInPlan, openSpreadsheet } from '../check-in/support';

const AS_OF = 'F4';

describe('which as-of date the add-on writes', () => {
  const today = '2027-01-20';
  it('follows today while the cell holds the date it wrote, is blank, or holds a TODAY() of an older sheet', () => {
    expect(asOfToWrite({ value: '', formula: '=DATE(2027;1;12)' }, '2027-01-12', today, false)).toBe(today);
    expect(asOfToWrite({ value: '', formula: '' }, null, today, false)).toBe(today);
    expect(asOfToWrite({ value: '', formula: '=today()' }, null, today, false)).toBe(today);
  });

  it('leaves a date the user typed, their own formula, and a cell already showing today', () => {
    expect(asOfToWrite({ value: dayFromIso('2027-01-05'), formula: '' }, '2027-01-12', today, false)).toBeNull();
    expect(asOfToWrite({ value: 'koniec', formula: '' }, '2027-01-12', today, false)).toBeNull();
    expect(asOfToWrite({ value: '', formula: '=Plan!B2' }, '2027-01-12', today, false)).toBeNull();
    expect(asOfToWrite({ value: '', formula: '=DATE(2027,1,20)' }, '2027-01-12', today, false)).toBeNull();
  });

  it('writes today over anything when the user asks for it', () => {
    expect(asOfToWrite({ value: dayFromIso('2027-01-05'), formula: '' }, '2027-01-12', today, true)).toBe(today);
    expect(asOfToWrite({ value: '', formula: '=Plan!B2' }, null, today, true)).toBe(today);
  });
});

describe('the as-of cell of the OKR sheet', () => {
  let services: FakeServices;
  let sheetName: string;
  const formulaOf = () => services.spreadsheet.sheet(sheetName).getRange(AS_OF).getFormula();
  const on = (iso: string) => vi.setSystemTime(new Date(`${iso}T09:00:00Z`));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    on('2027-01-12');
    services = openSpreadsheet({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    sheetName = buildOkrSheet(checkInPlan('pl'));
  });
  afterEach(() => vi.useRealTimers());

  it('is written as today’s fixed date when the quarter is built', () => {
    expect(formulaOf()).toBe('=DATE(2027;1;12)');
  });

  it('moves to today when the spreadsheet opens with the add-on authorised, in one write', () => {
    on('2027-01-20');
    const before = services.calls.count('Range.setValue');
    onOpen({ authMode: 'LIMITED' });
    expect(formulaOf()).toBe('=DATE(2027;1;20)');
    expect(services.calls.count('Range.setValue') - before).toBe(1);
    // Opened again the same day: nothing to write.
    onOpen({ authMode: 'FULL' });
    expect(services.calls.count('Range.setValue') - before).toBe(1);
  });

  it('keeps a date the user typed to look back, until the menu item asks for today', () => {
    const sheet = asReal(services.spreadsheet.sheet(sheetName));
    sheet.getRange(AS_OF).setValue(new Date('2027-01-04T23:00:00Z')); // 5 January, Warsaw
    on('2027-01-21');
    onOpen({ authMode: 'LIMITED' });
    generateCheckIn({ asOf: new Date('2027-01-21T09:00:00Z') });
    expect(formulaOf()).toBe('');
    const typed = services.spreadsheet.sheet(sheetName).getRange(AS_OF).getValue() as Date;
    expect(typed.toISOString()).toBe('2027-01-04T23:00:00.000Z');

    updateAsOfDate();
    expect(formulaOf()).toBe('=DATE(2027;1;21)');
    expect(services.spreadsheet.toasts.at(-1)?.message).toBe(`Data stanu ustawiona na 21 stycznia 2027: ${sheetName}.`);
  });

  it('follows every check-in, and turns the TODAY() of an older sheet into a fixed date', () => {
    generateCheckIn({ asOf: new Date('2027-01-27T09:00:00Z') });
    expect(formulaOf()).toBe('=DATE(2027;1;27)');
    asReal(services.spreadsheet.sheet(sheetName)).getRange(AS_OF).setFormula('=TODAY()');
    on('2027-01-28');
    onOpen({ authMode: 'LIMITED' });
    expect(formulaOf()).toBe('=DATE(2027;1;28)');
  });

  it('is left alone in AuthMode.NONE, where only the menu may be touched', () => {
    on('2027-01-20');
    onOpen({ authMode: 'NONE' });
    expect(formulaOf()).toBe('=DATE(2027;1;12)');
  });
});
