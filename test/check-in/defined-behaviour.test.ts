// What the check-in does at the edges of a quarter and of the data, each decided and shown here: a quarter
// not started or already over, no OKR sheet, two quarters, a key result added mid-quarter or deleted after
// being recorded, a week with nothing typed, a broken row in the OKR sheet, a value that is no number, user
// text that looks like a formula, and an OKR sheet or a tab edited by hand.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal, type FakeServices } from '../../local/spreadsheet';
import { dayFromIso } from '../../src/core/cell-values';
import { assessKeyResult } from '../../src/core/check-in/check-in';
import { readCheckInTab } from '../../src/core/check-in/check-in-read';
import { TRACKING_METADATA } from '../../src/core/check-in/tracking';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { checkInText, recordCheckIn } from '../../src/server/check-in-record';
import { readCheckInSnapshot } from '../../src/server/check-in-sheets';
import {
  buildOkrSheet,
  checkInPlan,
  findHistorySheetName,
  historyOf,
  keyResultRows,
  openSpreadsheet,
  recorded,
  regionRow,
  sheetIdOf,
  tabEngine,
  typeInto,
  wednesdayOfWeek,
} from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ALL_TYPED = {
  'O1.1': { value: 2 },
  'O1.2': { value: 450_000 },
  'O1.3': { value: 58 },
  'O2.1': { value: 0.05 },
  'O2.2': { value: 'no' },
  'O2.3': { value: 35 },
};

/** The OKR sheet's row of a key result, and its cells, from the fake (no service call). */
function okrRow(services: FakeServices, sheetName: string, id: string, krIdColumn = columnOf('krId')) {
  const { values, formulas } = services.spreadsheet.dump(sheetName);
  const index = values.findIndex((line) => line[krIdColumn - 1] === id);
  return { row: index + 1, values: values[index] ?? [], formulas: formulas[index] ?? [] };
}

function readTab(sheetName: string, services: FakeServices) {
  return readCheckInTab(readCheckInSnapshot(asReal(services.spreadsheet.sheet(sheetName)))!);
}

describe('the calendar', () => {
  it('says when the quarter has not started yet, and creates nothing', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    const sheets = services.spreadsheet.sheets.length;
    const result = generateCheckIn({ asOf: new Date('2026-12-15T10:00:00Z') });
    expect(result).toEqual({
      sheetId: null,
      sheetName: '',
      week: 0,
      created: false,
      notes: [{ code: 'notStarted', quarter: 'Q1 2027', start: '2027-01-01', monday: '2026-12-28' }],
    });
    expect(services.spreadsheet.sheets.length).toBe(sheets);
  });

  it('counts the Monday before a quarter starting on a Friday as week 1', () => {
    openSpreadsheet();
    buildOkrSheet();
    expect(generateCheckIn({ asOf: new Date('2026-12-29T10:00:00Z') })).toMatchObject({
      sheetName: 'Check-in W01',
      week: 1,
      created: true,
    });
  });

  it("gives the last week's check-in, as of the last day, once the quarter is over", () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    const result = generateCheckIn({ asOf: new Date('2027-04-14T10:00:00Z') });
    expect(result).toMatchObject({ sheetName: 'Check-in W14', week: 14, created: true });
    expect(result.notes).toContainEqual({ code: 'quarterOver', quarter: 'Q1 2027', end: '2027-03-31', week: 14 });
    expect(services.spreadsheet.dump('Check-in W14').formulas[2]?.[9]).toBe('=DATE(2027;3;31)');
    expect(readTab('Check-in W14', services).checkIn.expected).toBe(1);
    expect(generateCheckIn({ asOf: new Date('2027-05-01T10:00:00Z') })).toMatchObject({
      sheetName: 'Check-in W14',
      created: false,
    });
  });

  it('asks for an OKR sheet when there is none, for generating and for recording', () => {
    openSpreadsheet();
    expect(generateCheckIn({ asOf: wednesdayOfWeek(5) }).notes).toEqual([{ code: 'noQuarter' }]);
    expect(recordCheckIn({ asOf: wednesdayOfWeek(5) })).toEqual({
      outcome: 'refused',
      notice: { code: 'noTab' },
      tab: null,
    });
  });

  it("keeps each quarter's History apart: the same KR id in the next quarter starts blank", () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', ALL_TYPED);
    recordCheckIn();
    buildOkrSheet({ ...checkInPlan(), quarter: { kind: 'quarter', year: 2027, quarter: 2 } });
    // Q2 2027 starts on Thursday 1 April; its week 5 holds 28 April.
    const q2 = generateCheckIn({ asOf: new Date('2027-04-28T10:00:00Z') });
    expect(q2).toMatchObject({ sheetName: 'Check-in W05 (2)', week: 5, created: true });
    expect(q2.notes).toContainEqual({ code: 'nameTaken', name: 'Check-in W05', newName: 'Check-in W05 (2)' });
    const tab = readTab('Check-in W05 (2)', services);
    expect(tab.checkIn.quarterLabel).toBe('Q2 2027');
    expect(tab.checkIn.keyResults.every((kr) => kr.lastValue === null && kr.value === null)).toBe(true);
    typeInto(services, 'Check-in W05 (2)', { 'O1.1': { value: 1 } });
    recordCheckIn();
    expect(historyOf(services).map((r) => [r.quarter, r.week, r.keyResultId])).toContainEqual(['Q2 2027', 5, 'O1.1']);
    expect(historyOf(services).filter((r) => r.quarter === 'Q1 2027')).toHaveLength(6);
  });
});

describe('key results coming and going', () => {
  it('a key result added mid-quarter appears in the next tab, blank and flagged stale, and records once typed', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', ALL_TYPED);
    recordCheckIn();
    // The manager types a new key result into the first spare row of the OKR table.
    const spare = okrRow(services, okr, 'O2.3').row + 1;
    const row: Record<string, unknown> = {
      level: 'team',
      objectiveId: 'O2',
      objective: 'Keep our clients',
      krId: 'O2.4',
      keyResult: 'Upsell revenue',
      owner: 'Anna',
      kind: 'increase',
      unit: 'zł',
      start: 0,
      target: 100_000,
      weight: 1,
      type: 'aspirational',
    };
    const sheet = asReal(services.spreadsheet.sheet(okr));
    for (const [key, value] of Object.entries(row)) {
      sheet.getRange(spare, columnOf(key as Parameters<typeof columnOf>[0])).setValue(value);
    }

    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    const tab = readTab('Check-in W06', services);
    const added = tab.checkIn.keyResults.find((kr) => kr.id === 'O2.4');
    expect(added).toMatchObject({ title: 'Upsell revenue', value: null, lastValue: null, lastRecordedDay: null });
    expect(assessKeyResult(added!, tab.checkIn.expected, tab.checkIn.asOfDay).flags).toEqual(['stale']);
    const engine = tabEngine(services, 'Check-in W06');
    const at = keyResultRows(services, 'Check-in W06').get('O2.4');
    expect(engine.value('Check-in W06', `S${at}`)).toBe('⏳ no value recorded for over 7 days');

    expect(recorded(recordCheckIn()).skippedBlank).toEqual(['O2.4']);
    typeInto(services, 'Check-in W06', { 'O2.4': { value: 20_000 } });
    expect(recordCheckIn()).toMatchObject({ recorded: 7, replaced: 6, skippedBlank: [] });
    expect(okrRow(services, okr, 'O2.4').values[columnOf('current') - 1]).toBe(20_000);
  });

  it('a key result deleted after being recorded keeps its History rows and leaves the next tabs', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', ALL_TYPED);
    recordCheckIn();
    asReal(services.spreadsheet.sheet(okr)).deleteRow(okrRow(services, okr, 'O1.3').row);

    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    expect([...keyResultRows(services, 'Check-in W06').keys()]).not.toContain('O1.3');
    recordCheckIn();
    expect(
      historyOf(services)
        .filter((r) => r.keyResultId === 'O1.3')
        .map((r) => [r.week, r.value]),
    ).toEqual([[5, 58]]);
    // Week 5's tab still has it: recorded again, its value goes to History only, and the sidebar says so.
    const again = recorded(recordCheckIn({ sheetId: sheetIdOf('Check-in W05') }));
    expect(again.notes).toContainEqual({ code: 'notInOkrSheet', keyResultId: 'O1.3' });
    expect(historyOf(services).filter((r) => r.keyResultId === 'O1.3')).toHaveLength(1);
  });
});

describe('what the team typed, or did not', () => {
  it('records nothing from a week with no values typed, and says so', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(1) });
    const result = recorded(recordCheckIn());
    expect(result).toMatchObject({
      tab: { sheetName: 'Check-in W01', recordedBefore: false },
      recorded: 0,
      replaced: 0,
      skippedBlank: ['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3'],
      notes: [{ code: 'nothingTyped' }],
    });
    expect(findHistorySheetName(services)).toBeNull();
  });

  it('skips key results left blank, keeps a comment typed without a value, and never writes a blank current', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(2) });
    typeInto(services, 'Check-in W02', {
      'O1.1': { value: 1 },
      'O1.2': { comment: 'CRM export late, number next week', confidence: 6 },
    });
    const result = recorded(recordCheckIn());
    expect(result).toMatchObject({ recorded: 2, skippedBlank: ['O1.3', 'O2.1', 'O2.2', 'O2.3'] });
    expect(historyOf(services).map((r) => [r.keyResultId, r.value, r.confidence, r.comment])).toEqual([
      ['O1.1', 1, null, ''],
      ['O1.2', null, 6, 'CRM export late, number next week'],
    ]);
    expect(okrRow(services, okr, 'O1.2').values[columnOf('current') - 1]).toBe('');
  });

  it('reports a value that is no number by its row and records the others', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', { ...ALL_TYPED, 'O1.3': { value: 'about two months' } });
    const row = keyResultRows(services, 'Check-in W05').get('O1.3');
    const result = recorded(recordCheckIn());
    expect(result.problems).toEqual([
      { row, message: `Row ${row}, This week: "about two months" is not a number; not recorded.` },
    ]);
    expect(result.recorded).toBe(5);
    expect(historyOf(services).map((r) => r.keyResultId)).not.toContain('O1.3');
  });

  it('reads amounts pasted as text the way a person does', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', { 'O1.2': { value: '1 200 000 zł' }, 'O2.1': { value: "'5%" } });
    recordCheckIn();
    expect(historyOf(services).map((r) => [r.keyResultId, r.value])).toEqual([
      ['O1.2', 1_200_000],
      ['O2.1', 0.05],
    ]);
  });

  it('keeps user text as text: a comment or a title that looks like a formula never becomes one', () => {
    const services = openSpreadsheet();
    const plan = checkInPlan();
    plan.objectives[0]!.keyResults[0]!.title = '=IMPORTXML("http://example.com","//a")';
    buildOkrSheet(plan);
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    const comment = '=HYPERLINK("http://example.com","see CRM")';
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 2, comment: `'${comment}` } });
    recordCheckIn();
    const tab = services.spreadsheet.dump('Check-in W05');
    const row = keyResultRows(services, 'Check-in W05').get('O1.1')! - 1;
    expect(tab.values[row]?.[2]).toBe('=IMPORTXML("http://example.com","//a")');
    expect(tab.formulas[row]?.[2]).toBe('');
    const history = services.spreadsheet.dump(findHistorySheetName(services)!);
    expect(history.values[1]?.[7]).toBe(comment);
    expect(history.formulas[1]?.[7]).toBe('');
  });
});

describe('sheets edited by hand', () => {
  it('reports a broken row of the OKR sheet by its row, shows it unscored, and still records its value', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    const broken = okrRow(services, okr, 'O1.2').row;
    asReal(services.spreadsheet.sheet(okr)).getRange(broken, columnOf('kind')).setValue('sideways');
    const generated = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    expect(generated.notes.filter((note) => note.code === 'brokenOkrRow')).toEqual([
      {
        code: 'brokenOkrRow',
        row: broken,
        message: 'Kind: "sideways" is not one of: increase, decrease, at least, at most, milestone',
      },
    ]);
    const tabRow = keyResultRows(services, 'Check-in W05').get('O1.2')! - 1;
    expect(services.spreadsheet.dump('Check-in W05').values[tabRow]?.[18]).toBe(
      `⚠ row ${broken} of the OKR sheet: Kind: "sideways" is not one of: increase, decrease, at least, at most, milestone`,
    );
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 2 }, 'O1.2': { value: 500_000 } });
    const result = recorded(recordCheckIn());
    expect(result.notes).toContainEqual(expect.objectContaining({ code: 'brokenOkrRow', row: broken }));
    expect(historyOf(services).find((r) => r.keyResultId === 'O1.2')).toMatchObject({ value: 500_000, score: null });
    expect(okrRow(services, okr, 'O1.2').values[columnOf('current') - 1]).toBe(500_000);
  });

  it('writes into the right rows and columns after the OKR sheet was sorted and a column inserted', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', ALL_TYPED);
    recordCheckIn();
    const sheet = asReal(services.spreadsheet.sheet(okr));
    sheet.insertColumnBefore(1);
    sheet.sort(columnOf('krId') + 1, false);
    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    typeInto(services, 'Check-in W06', { 'O1.1': { value: 3 }, 'O2.3': { value: 40 } });
    recordCheckIn();
    const current = columnOf('current') + 1;
    expect(okrRow(services, okr, 'O1.1', columnOf('krId') + 1).values[current - 1]).toBe(3);
    expect(okrRow(services, okr, 'O2.3', columnOf('krId') + 1).values[current - 1]).toBe(40);
    expect(okrRow(services, okr, 'O1.3', columnOf('krId') + 1).values[current - 1]).toBe(58);
    // The trend columns moved right with the insert and were found there, not added again.
    const tracking = services.spreadsheet.metadata.filter(
      (m) => m.key === TRACKING_METADATA && m.location.type === 'COLUMN' && m.location.sheetId === sheet.getSheetId(),
    );
    expect(tracking.map((m) => (m.location.type === 'COLUMN' ? m.location.span.start : 0))).toEqual([
      25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
    ]);
  });

  it("reads a date a person typed over the as-of cell as that day, in the spreadsheet's time zone", () => {
    // Kiritimati is UTC+14: its midnight of 17 February is 10:00 UTC on the 16th.
    const services = openSpreadsheet({ timeZone: 'Pacific/Kiritimati' });
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(8) });
    const header = regionRow(services, 'Check-in W08', 'header');
    asReal(services.spreadsheet.sheet('Check-in W08'))
      .getRange(`J${header + 2}`)
      .setValue(new Date('2027-02-23T10:00:00Z'));
    expect(readTab('Check-in W08', services).checkIn.asOfDay).toBe(dayFromIso('2027-02-24'));
  });

  it('reads rows a person inserted into a section of the tab', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    const sheet = asReal(services.spreadsheet.sheet('Check-in W05'));
    const blockers = regionRow(services, 'Check-in W05', 'blockers');
    sheet.insertRowsAfter(blockers + 2, 3);
    sheet.getRange(`A${blockers + 4}`).setValue('Budget freeze at Acme');
    sheet.getRange(`D${blockers + 4}`).setValue('Our CEO');
    const { text } = checkInText();
    expect(text).toContain('BLOCKERS:\n- Budget freeze at Acme — Our CEO\n');
  });
});
