// The check-in as the sidebar and the menu reach it, on the typed fake: payloads validated before use, the
// tab found by id or as the active one, a week recorded again only when the user agrees, the sidebar opened
// on what the menu item did. The functions answer with data and codes; the menu's alerts are in the user's
// language.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReal, Enums, type FakeServices, type FakeServicesOptions } from '../../local/spreadsheet';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { getCheckInState, getCheckInText, submitCheckIn } from '../../src/server/check-in-api';
import { forgetLang } from '../../src/server/language';
import { showRecordCheckIn, showWeeklyCheckIn } from '../../src/server/menu';
import { readQuarter } from '../../src/server/okr-sheet-reader';
import { attributeJson } from '../../src/server/sidebar';
import type { CheckInBoot, CheckInState } from '../../src/shared/check-in-api';
import { buildOkrSheet, checkInPlan, historyOf, openSpreadsheet, typeInto, wednesdayOfWeek } from '../check-in/support';

const SIDEBAR = '<!doctype html>\n<html lang="en" data-lang="en" data-view="quarter"><body>sidebar</body></html>';

function open(options: FakeServicesOptions = {}): FakeServices {
  return openSpreadsheet({ htmlFiles: { sidebar: SIDEBAR }, ...options });
}

/** The JSON the server wrote into the sidebar page it showed last, read back as the browser reads it. */
function bootOf(services: FakeServices): CheckInBoot {
  const content = services.ui.sidebars.at(-1)?.content ?? '';
  const attribute = /<html [^>]*data-boot="([^"]*)"/.exec(content)?.[1];
  if (attribute === undefined) throw new Error('no boot attribute in the sidebar');
  return JSON.parse(unescapeAttribute(attribute)) as CheckInBoot;
}

function unescapeAttribute(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => named[name] ?? '');
}

/** Q1 2027's OKR sheet and its week-5 check-in tab, opened as the menu item does; the tab's state. */
function weekFive(options: FakeServicesOptions = {}): { services: FakeServices; okr: string; state: CheckInState } {
  const services = open(options);
  const okr = buildOkrSheet(checkInPlan(options.locale === 'pl_PL' ? 'pl' : 'en'));
  showWeeklyCheckIn();
  const state = getCheckInState({});
  if (!state.tab) throw new Error(`no check-in tab: ${JSON.stringify(state.notice)}`);
  return { services, okr, state };
}

/** Puts the user's own formula into the OKR sheet's current cell of a key result; returns its row. */
function userFormula(services: FakeServices, okr: string, id: string, formula: string): number {
  const reading = readQuarter(asReal(services.spreadsheet.sheet(okr)));
  const row = reading.rows.find((candidate) => candidate.id === id)?.row;
  const column = reading.columns.current;
  if (!row || !column) throw new Error(`no current cell for ${id}`);
  services.spreadsheet.sheet(okr).getRange(row, column).setFormula(formula);
  return row;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(wednesdayOfWeek(5));
  forgetLang();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  forgetLang();
});

describe('Weekly check-in (menu)', () => {
  it('creates this week’s tab and opens the sidebar on the check-in view, with what it did', () => {
    const services = open();
    buildOkrSheet(checkInPlan());
    showWeeklyCheckIn();
    expect(services.ui.dialogs).toEqual([]);
    const sidebar = services.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('OKR Sheets: weekly check-in');
    expect(sidebar?.content).toContain('data-view="check-in"');
    const tab = services.spreadsheet.getActiveSheet();
    expect(tab.getName()).toBe('Check-in W05');
    expect(bootOf(services)).toEqual({
      sheetId: tab.getSheetId(),
      generated: { created: true, notes: [{ code: 'created', sheetName: 'Check-in W05', count: 6 }] },
    });

    // A second time the tab is opened as it is, and the sidebar says so.
    showWeeklyCheckIn();
    expect(bootOf(services).generated).toMatchObject({ created: false });
    expect(services.spreadsheet.getSheets().filter((sheet) => sheet.getName().startsWith('Check-in'))).toHaveLength(1);
  });

  it('without an OKR sheet says how to start one, in Polish on a Polish spreadsheet, and opens no sidebar', () => {
    const services = open({ locale: 'pl_PL' });
    showWeeklyCheckIn();
    expect(services.ui.sidebars).toHaveLength(0);
    expect(services.ui.dialogs).toHaveLength(1);
    expect(services.ui.dialogs[0]).toMatchObject({ title: 'Cotygodniowy check-in', buttons: 'OK' });
    expect(services.ui.dialogs[0]?.prompt).toMatch(/^Nie ma jeszcze arkusza OKR/);
  });
});

describe('the check-in state', () => {
  it('is the active check-in tab: its week, quarter and dates, not yet recorded', () => {
    const { services, state } = weekFive();
    expect(state).toEqual({
      lang: 'en',
      tab: {
        sheetId: services.spreadsheet.getActiveSheet().getSheetId(),
        sheetName: 'Check-in W05',
        quarter: 'Q1 2027',
        week: 5,
        monday: '2027-01-25',
        sunday: '2027-01-31',
        recordedBefore: false,
        owners: ['Anna', 'Bartek', 'Celina'],
      },
      notice: null,
    });
  });

  it('finds the tab by its id whichever sheet is active, and this week’s tab from any other sheet', () => {
    const { services, okr, state } = weekFive();
    services.spreadsheet.sheet(okr).activate();
    expect(getCheckInState({ sheetId: state.tab?.sheetId }).tab?.sheetName).toBe('Check-in W05');
    expect(getCheckInState({}).tab?.sheetName).toBe('Check-in W05');
    expect(getCheckInState(undefined).tab?.sheetName).toBe('Check-in W05');
  });

  it('says what to do when there is no tab, or the tab asked for is no check-in', () => {
    const services = open();
    const okr = buildOkrSheet(checkInPlan());
    expect(getCheckInState({})).toEqual({ lang: 'en', tab: null, notice: { code: 'noTab' } });
    const okrId = services.spreadsheet.sheet(okr).getSheetId();
    expect(getCheckInState({ sheetId: okrId }).notice).toEqual({ code: 'tabGone' });
    expect(getCheckInState({ sheetId: 9999 }).tab).toBeNull();
  });

  it('refuses payloads that are not what the sidebar sends', () => {
    open();
    for (const payload of [{ sheetId: 'abc' }, { sheetId: 1.5 }, 'sheet', 42, [2]]) {
      const state = getCheckInState(payload);
      expect(state.tab, JSON.stringify(payload)).toBeNull();
      expect(state.notice).toEqual({ code: 'badRequest' });
    }
  });
});

describe('recording from the sidebar', () => {
  it('records, tells which current cells keep the user’s formula and which rows had problems, and gives the text', () => {
    const { services, okr, state } = weekFive();
    const sheetId = state.tab?.sheetId;
    const formulaRow = userFormula(services, okr, 'O1.2', '=SUM(400000,100000)');
    typeInto(services, 'Check-in W05', {
      'O1.1': { value: 3, confidence: 7 },
      'O1.2': { value: 500_000 },
      'O2.1': { value: 'abc' },
    });

    const result = submitCheckIn({ sheetId });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.recording).toMatchObject({
      tab: { sheetName: 'Check-in W05', sheetId },
      week: 5,
      recorded: 2,
      replaced: 0,
      skippedFormulaCells: [{ keyResultId: 'O1.2', row: formulaRow, column: columnOf('current') }],
      skippedBlank: ['O1.3', 'O2.2', 'O2.3'],
      notes: [],
    });
    expect(result.recording.problems).toEqual([
      { row: expect.any(Number), message: expect.stringMatching(/"abc" is not a number; not recorded\.$/) },
    ]);
    expect(result.recording.text).toMatch(/^=== Sales Check-in – Week 5 ===\n/);
    expect(result.recording.text).toContain('- O1.1 New clients: 3 / 10 = 30% 🟢');
    expect(result.recording.tab.recordedBefore).toBe(true);
    // The user's formula is still there; History has both values.
    expect(services.spreadsheet.sheet(okr).getRange(formulaRow, columnOf('current')).getFormula()).toBe(
      '=SUM(400000,100000)',
    );
    expect(historyOf(services).map((record) => [record.keyResultId, record.value])).toEqual([
      ['O1.1', 3],
      ['O1.2', 500_000],
    ]);
  });

  it('asks before recording a week again, writes nothing until agreed, then replaces only that week', () => {
    const { services, state } = weekFive();
    const sheetId = state.tab?.sheetId;
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 } });
    expect(submitCheckIn({ sheetId })).toMatchObject({ ok: true });

    typeInto(services, 'Check-in W05', { 'O1.1': { value: 4 } });
    const asked = submitCheckIn({ sheetId });
    expect(asked).toMatchObject({
      ok: false,
      confirm: true,
      tab: { week: 5, quarter: 'Q1 2027', recordedBefore: true },
    });
    expect(historyOf(services).map((record) => record.value)).toEqual([3]);
    expect(submitCheckIn({ sheetId, replace: false })).toMatchObject({ ok: false, confirm: true });

    const again = submitCheckIn({ sheetId, replace: true });
    expect(again).toMatchObject({ ok: true, recording: { recorded: 1, replaced: 1 } });
    expect(historyOf(services).map((record) => record.value)).toEqual([4]);
  });

  it('refuses payloads that are not what the sidebar sends, and tabs that are no check-in, writing nothing', () => {
    const { services, okr } = weekFive();
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 } });
    const payloads = [
      null,
      'record',
      { sheetId: '2' },
      { replace: 'yes' },
      { sheetId: 2, replace: 1 },
      { sheetId: 2, recordedBy: 7 },
      { sheetId: 2, recordedBy: 'A'.repeat(121) },
    ];
    for (const payload of payloads) {
      expect(submitCheckIn(payload), JSON.stringify(payload)).toEqual({
        ok: false,
        confirm: false,
        notice: { code: 'badRequest' },
        tab: null,
      });
    }
    const okrId = services.spreadsheet.sheet(okr).getSheetId();
    expect(submitCheckIn({ sheetId: okrId })).toEqual({
      ok: false,
      confirm: false,
      notice: { code: 'tabGone' },
      tab: null,
    });
    expect(historyOf(services)).toEqual([]);
  });

  it('gives a Polish spreadsheet its language and the tab’s text in Polish', () => {
    const { services, state } = weekFive({ locale: 'pl_PL' });
    expect(state.lang).toBe('pl');
    expect(state.tab?.sheetName).toBe('Check-in T05');
    typeInto(services, 'Check-in T05', { 'O1.1': { value: 3 } });
    const result = submitCheckIn({ sheetId: state.tab?.sheetId });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.recording.text).toMatch(/^=== Sales Check-in – Tydzień 5 ===\n/);
    expect(submitCheckIn({ sheetId: state.tab?.sheetId })).toMatchObject({ confirm: true, tab: { week: 5 } });
  });

  it('records who recorded as the owner picked in the sidebar, and refuses a name that is no owner', () => {
    const { services, state } = weekFive({ user: { email: 'someone@example.com' } });
    const sheetId = state.tab?.sheetId;
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 } });
    expect(submitCheckIn({ sheetId, recordedBy: 'Mallory' })).toEqual({
      ok: false,
      confirm: false,
      notice: { code: 'unknownOwner', name: 'Mallory' },
      tab: expect.objectContaining({ sheetId, recordedBefore: false }),
    });
    expect(historyOf(services)).toEqual([]);
    expect(submitCheckIn({ sheetId, recordedBy: 'bartek' })).toMatchObject({
      ok: true,
      recording: { recordedBy: 'Bartek' },
    });
    expect(historyOf(services).map((record) => record.who)).toEqual(['Bartek']);
    // Nobody picked: the column says nothing rather than an address Apps Script cannot give without a scope.
    expect(submitCheckIn({ sheetId, replace: true })).toMatchObject({ ok: true, recording: { recordedBy: '' } });
    expect(historyOf(services).map((record) => record.who)).toEqual(['']);
  });

  it('answers with data: codes with parameters, rows and columns as numbers, the tab by sheet id, no sentence', () => {
    const { services, okr, state } = weekFive();
    const sheetId = state.tab?.sheetId;
    userFormula(services, okr, 'O1.2', '=SUM(400000,100000)');
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 }, 'O1.2': { value: 500_000 } });
    const result = submitCheckIn({ sheetId });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(Object.keys(result.recording).sort()).toEqual(
      [
        'tab',
        'week',
        'recorded',
        'replaced',
        'recordedBy',
        'skippedFormulaCells',
        'skippedBlank',
        'problems',
        'notes',
        'text',
      ].sort(),
    );
    // Every string but the plain-text export and names taken from the sheet is a code, an id or a date.
    const prose: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        const named = ['recording.text', 'recording.tab.sheetName', 'recording.tab.quarter'].includes(path);
        if (!named && /\s/.test(value)) prose.push(path);
      } else if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`);
      } else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
      }
    };
    walk(result.recording, 'recording');
    expect(prose).toEqual([]);
    expect(result.recording.skippedFormulaCells).toEqual([
      { keyResultId: 'O1.2', row: expect.any(Number), column: expect.any(Number) },
    ]);
    const { notes } = submitCheckIn({ sheetId: services.spreadsheet.sheet(okr).getSheetId() }) as { notes?: unknown };
    expect(notes).toBeUndefined();
  });
});

describe('copy as text', () => {
  it('gives the tab’s plain text, and a message when there is no tab or the payload is wrong', () => {
    const { services, okr, state } = weekFive();
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 8 } });
    const result = getCheckInText({ sheetId: state.tab?.sheetId });
    expect(result).toEqual({ ok: true, text: expect.stringMatching(/^=== Sales Check-in – Week 5 ===\n/) });
    if (result.ok) expect(result.text).toMatch(/- O1\.1 New clients: 8 \/ 10 = 80% 🟢\n/);
    const okrId = services.spreadsheet.sheet(okr).getSheetId();
    expect(getCheckInText({ sheetId: okrId })).toEqual({ ok: false, notice: { code: 'tabGone' } });
    expect(getCheckInText({ sheetId: [] })).toEqual({ ok: false, notice: { code: 'badRequest' } });
  });
});

describe('Record check-in (menu)', () => {
  it('records the active tab without asking the first time, and opens the sidebar on the result', () => {
    const { services, state } = weekFive();
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 }, 'O2.3': { value: 41 } });
    showRecordCheckIn();
    expect(services.ui.dialogs).toEqual([]);
    const boot = bootOf(services);
    expect(boot.sheetId).toBe(state.tab?.sheetId);
    expect(boot.recording).toMatchObject({ week: 5, recorded: 2, replaced: 0 });
    expect(boot.recording?.text).toMatch(/^=== Sales Check-in – Week 5 ===/);
    expect(historyOf(services)).toHaveLength(2);
  });

  it('asks Yes/No before recording a week again: No leaves History alone, Yes replaces the week', () => {
    const { services } = weekFive();
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 } });
    showRecordCheckIn();
    const sidebars = services.ui.sidebars.length;
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 5 } });

    services.ui.reply(Enums.Button.NO);
    showRecordCheckIn();
    expect(services.ui.dialogs.at(-1)).toMatchObject({ title: 'Record check-in', buttons: 'YES_NO', answer: 'NO' });
    expect(services.ui.dialogs.at(-1)?.prompt).toMatch(/already in History[\s\S]*\n\nRecord week 5 again\?$/);
    expect(services.ui.sidebars).toHaveLength(sidebars);
    expect(historyOf(services).map((record) => record.value)).toEqual([3]);

    services.ui.reply(Enums.Button.YES);
    showRecordCheckIn();
    expect(services.ui.sidebars).toHaveLength(sidebars + 1);
    expect(bootOf(services).recording).toMatchObject({ recorded: 1, replaced: 1 });
    expect(historyOf(services).map((record) => record.value)).toEqual([5]);
  });

  it('without a check-in tab says how to make one, in the user language', () => {
    const services = open({ locale: 'pl_PL' });
    buildOkrSheet(checkInPlan('pl'));
    showRecordCheckIn();
    expect(services.ui.sidebars).toHaveLength(0);
    expect(services.ui.dialogs[0]).toMatchObject({ title: 'Zapisz check-in', buttons: 'OK' });
    expect(services.ui.dialogs[0]?.prompt).toMatch(/^Nie ma zakładki check-inu do pracy/);
  });
});

describe('what the server hands the sidebar', () => {
  it('writes the boot JSON so that no text of the sheet can leave the attribute', () => {
    const boot = {
      sheetId: 1,
      generated: {
        created: true,
        notes: [{ code: 'created', sheetName: "\"><img src=x onerror=alert(1)> & 'x'", count: 1 }],
      },
    };
    const escaped = attributeJson(boot);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(JSON.parse(unescapeAttribute(escaped))).toEqual(boot);
  });
});
