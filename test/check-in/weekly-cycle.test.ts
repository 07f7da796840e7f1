// The weekly ritual on the typed fake, from the first check-in to the next: generate this week's tab, type
// values, record, and find next week's tab prefilled from History; what History and the OKR sheet hold after
// two weeks; a user's formula in the current column surviving; a week recorded again; and two people
// recording at once.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal, type FakeServices } from '../../local/spreadsheet';
import { dayFromIso } from '../../src/core/cell-values';
import { CHECK_IN_METADATA, tabColumn } from '../../src/core/check-in/check-in-tab';
import { TRACKING_METADATA } from '../../src/core/check-in/tracking';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { checkInText, recordCheckIn, startRecording } from '../../src/server/check-in-record';
import {
  buildOkrSheet,
  checkInPlan,
  historyOf,
  keyResultRows,
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

const WEEK_5 = {
  'O1.1': { value: 2, confidence: 7 },
  'O1.2': { value: 450_000, confidence: 8, comment: 'Two big deals in negotiation' },
  'O1.3': { value: 58 },
  'O2.1': { value: 0.05, confidence: 6 },
  'O2.2': { value: 'no' },
  'O2.3': { value: 35, confidence: 5 },
};

/** The OKR sheet's cell of a key result's column, read from the fake. */
function okrCell(services: FakeServices, sheetName: string, id: string, key: 'current' | 'krId') {
  const { values, formulas } = services.spreadsheet.dump(sheetName);
  const row = values.findIndex((line) => line[columnOf('krId') - 1] === id);
  return { value: values[row]?.[columnOf(key) - 1], formula: formulas[row]?.[columnOf(key) - 1] ?? '', row: row + 1 };
}

function tabCell(services: FakeServices, sheetName: string, id: string, key: Parameters<typeof tabColumn>[0]) {
  const row = keyResultRows(services, sheetName).get(id) as number;
  const { values, formulas } = services.spreadsheet.dump(sheetName);
  return formulas[row - 1]?.[tabColumn(key) - 1] || values[row - 1]?.[tabColumn(key) - 1];
}

describe('generating the weekly check-in', () => {
  it("finds the quarter's OKR sheet by its metadata, after a rename, and adds this week's tab beside it", () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    services.spreadsheet.sheet(okr).setName('Our OKRs');
    const result = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    expect(result).toMatchObject({ sheetName: 'Check-in W05', week: 5, created: true });
    expect(result.notes).toEqual([{ code: 'created', sheetName: 'Check-in W05', count: 6 }]);
    const names = services.spreadsheet.sheets.map((sheet) => sheet.name);
    expect(names.indexOf('Check-in W05')).toBe(names.indexOf('Our OKRs') + 1);
    const { values, formulas } = services.spreadsheet.dump('Check-in W05');
    expect(values[0]?.[0]).toBe('Sales Check-in – Week 5');
    expect(formulas[2]?.[5]).toBe('=DATE(2027;1;25)'); // Monday
    expect(formulas[3]?.[5]).toBe('=DATE(2027;1;31)'); // Sunday
    expect(values[1]?.[9]).toBe('2027-W04'); // ISO week of 25 January 2027
    expect(formulas[2]?.[9]).toBe('=DATE(2027;1;27)'); // as of
    expect([...keyResultRows(services, 'Check-in W05').keys()]).toEqual([
      'O1.1',
      'O1.2',
      'O1.3',
      'O2.1',
      'O2.2',
      'O2.3',
    ]);
    const tags = services.spreadsheet.metadata
      .filter((m) => m.location.type === 'SHEET' && m.key.startsWith('okr.') && m.key !== CHECK_IN_METADATA.info)
      .filter(
        (m) => m.location.type === 'SHEET' && m.location.sheetId === services.spreadsheet.sheet('Check-in W05').id,
      )
      .map((m) => [m.key, m.value]);
    expect(tags).toEqual([
      ['okr.kind', 'okr-check-in'],
      ['okr.quarter', 'Q1 2027'],
      ['okr.week', '5'],
      ['okr.checkIn.key', 'Q1 2027#5'],
    ]);
    expect(services.spreadsheet.activeSheet().name).toBe('Check-in W05');
  });

  it("counts the week in the spreadsheet's time zone, never the script's", () => {
    // 23:30 UTC on Sunday 24 January is already Monday in Warsaw, still Sunday in Los Angeles.
    const instant = new Date('2027-01-24T23:30:00Z');
    openSpreadsheet({ timeZone: 'Europe/Warsaw', scriptTimeZone: 'America/Los_Angeles' });
    buildOkrSheet();
    expect(generateCheckIn({ asOf: instant })).toMatchObject({ week: 5, sheetName: 'Check-in W05' });
    vi.unstubAllGlobals();
    openSpreadsheet({ timeZone: 'America/Los_Angeles', scriptTimeZone: 'Europe/Warsaw' });
    buildOkrSheet();
    expect(generateCheckIn({ asOf: instant })).toMatchObject({ week: 4, sheetName: 'Check-in W04' });
  });

  it('speaks Polish in a Polish quarter: "Check-in T05", the guide\'s Polish sections, "Historia"', () => {
    const services = openSpreadsheet({ locale: 'pl_PL' });
    buildOkrSheet(checkInPlan('pl'));
    const result = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    expect(result.sheetName).toBe('Check-in T05');
    const first = services.spreadsheet.dump('Check-in T05').values.map((row) => row[0]);
    expect(first).toContain('Sales Check-in – Tydzień 5');
    expect(first).toContain('BLOKERY');
    expect(first).toContain('PLAN NA TYDZIEŃ');
    typeInto(services, 'Check-in T05', { 'O1.1': { value: 2 }, 'O2.2': { value: 'tak' } });
    const { text } = recorded(recordCheckIn());
    expect(text.split('\n').filter((line) => !line.startsWith('- ') && !/^\d\./.test(line))).toEqual([
      '=== Sales Check-in – Tydzień 5 ===',
      'PIPELINE:',
      'OKR STATUS:',
      'BLOKERY:',
      'PLAN NA TYDZIEŃ:',
      '',
    ]);
    expect(text).toContain('- O1.1 New clients: 2 / 10 = 20% 🟢');
    expect(services.spreadsheet.dump('Historia').values[0]?.slice(0, 3)).toEqual(['Zapisano', 'Tydzień', 'ID KR']);
  });

  it('opens the tab of a week that has one and changes nothing in it', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 4, comment: 'typed before the second click' } });
    const before = services.spreadsheet.dump('Check-in W05');
    const sheets = services.spreadsheet.sheets.length;
    services.spreadsheet.activate(services.spreadsheet.sheets[0]!);
    const again = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    expect(again).toMatchObject({ sheetName: 'Check-in W05', created: false, week: 5 });
    expect(again.notes).toEqual([{ code: 'opened', week: 5 }]);
    expect(services.spreadsheet.sheets.length).toBe(sheets);
    expect(services.spreadsheet.dump('Check-in W05')).toEqual(before);
    expect(services.spreadsheet.activeSheet().name).toBe('Check-in W05');
  });
});

describe('recording and the next week', () => {
  it("writes History, puts the values into the OKR sheet, and prefills next week's tab from History", () => {
    const services = openSpreadsheet({ user: { email: 'anna@example.com' } });
    const okr = buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    // Who records is the owner picked in the sidebar (any case), never the Session's email.
    const result = recorded(recordCheckIn({ recordedBy: ' anna ' }));
    expect(result).toMatchObject({ tab: { sheetName: 'Check-in W05' }, week: 5, recorded: 6, replaced: 0 });
    expect(result.recordedBy).toBe('Anna');
    expect(result.skippedFormulaCells).toEqual([]);
    expect(result.text).toContain('=== Sales Check-in – Week 5 ===');
    expect(result.text).toContain('- O1.1 New clients: 2 / 10 = 20% 🟢');

    const history = historyOf(services);
    expect(history.map((r) => [r.week, r.keyResultId, r.value, r.confidence, r.who, r.quarter])).toEqual([
      [5, 'O1.1', 2, 7, 'Anna', 'Q1 2027'],
      [5, 'O1.2', 450_000, 8, 'Anna', 'Q1 2027'],
      [5, 'O1.3', 58, null, 'Anna', 'Q1 2027'],
      [5, 'O2.1', 0.05, 6, 'Anna', 'Q1 2027'],
      [5, 'O2.2', 0, null, 'Anna', 'Q1 2027'],
      [5, 'O2.3', 35, 5, 'Anna', 'Q1 2027'],
    ]);
    expect(history.every((r) => r.day === dayFromIso('2027-01-27'))).toBe(true);
    // A committed KR at 0.17 with 3 of 13 weeks done: yellow (green needs 0.23, yellow 0.16).
    expect(history[1]).toMatchObject({ comment: 'Two big deals in negotiation', status: 'yellow' });
    expect(history[0]?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    expect(okrCell(services, okr, 'O1.1', 'current').value).toBe(2);
    expect(okrCell(services, okr, 'O1.2', 'current').value).toBe(450_000);
    expect(okrCell(services, okr, 'O2.2', 'current').value).toBe('no');

    const next = generateCheckIn({ asOf: wednesdayOfWeek(6) });
    expect(next).toMatchObject({ sheetName: 'Check-in W06', created: true });
    for (const [id, typed] of Object.entries(WEEK_5)) {
      expect(tabCell(services, 'Check-in W06', id, 'value')).toBe(typed.value);
      expect(tabCell(services, 'Check-in W06', id, 'lastValue')).toBe(typed.value);
      expect(tabCell(services, 'Check-in W06', id, 'lastDate')).toBe(dayFromIso('2027-01-27'));
    }
    // Confidence and comments are this week's, not carried over.
    expect(tabCell(services, 'Check-in W06', 'O1.2', 'comment')).toBe('');
  });

  it('after two weeks: History holds both, the OKR sheet the latest values, its formulas and the trend columns', () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    const formulasBefore = services.spreadsheet.dump(okr).formulas.map((row) => row.slice(0, 18));
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    recordCheckIn();
    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    typeInto(services, 'Check-in W06', { 'O1.1': { value: 3 }, 'O1.2': { value: 520_000 } });
    const second = recordCheckIn();
    expect(second).toMatchObject({ week: 6, recorded: 6, replaced: 0 });

    const history = historyOf(services);
    expect(history.filter((r) => r.week === 5)).toHaveLength(6);
    expect(history.filter((r) => r.week === 6).map((r) => [r.keyResultId, r.value])).toEqual([
      ['O1.1', 3],
      ['O1.2', 520_000],
      ['O1.3', 58],
      ['O2.1', 0.05],
      ['O2.2', 0],
      ['O2.3', 35],
    ]);
    expect(okrCell(services, okr, 'O1.1', 'current').value).toBe(3);
    expect(okrCell(services, okr, 'O1.2', 'current').value).toBe(520_000);
    expect(okrCell(services, okr, 'O1.3', 'current').value).toBe(58);

    // The OKR table's own formulas are exactly as built; the trend columns sit beside it, tagged.
    const after = services.spreadsheet.dump(okr).formulas;
    expect(after.map((row) => row.slice(0, 18)).slice(0, formulasBefore.length)).toEqual(formulasBefore);
    const sheet = services.spreadsheet.sheet(okr);
    const tracking = services.spreadsheet.metadata
      .filter((m) => m.key === TRACKING_METADATA && m.location.type === 'COLUMN' && m.location.sheetId === sheet.id)
      .map((m) => [m.value, m.location.type === 'COLUMN' ? m.location.span.start : 0]);
    expect(tracking).toEqual([
      ['trend', 24],
      ['lastDate', 25],
      ['needed', 26],
      ['forecastMin', 27],
      ['forecastStandard', 28],
      ['forecastMax', 29],
      ['scoreMin', 30],
      ['scoreStandard', 31],
      ['scoreMax', 32],
      ['scenarioStandard', 33],
    ]);
    const row = okrCell(services, okr, 'O1.2', 'krId').row;
    expect(after[row - 1]?.[23]).toBe(
      `=IF($D${row}="";"";IFERROR(SPARKLINE(SORT(FILTER('History'!$D:$D;'History'!$C:$C=$D${row};'History'!$K:$K="Q1 2027";ISNUMBER('History'!$D:$D));FILTER('History'!$J:$J;'History'!$C:$C=$D${row};'History'!$K:$K="Q1 2027";ISNUMBER('History'!$D:$D));TRUE));""))`,
    );
    expect(after[5]?.[25]).toBe(
      '={"Needed per week";KR_NEEDED_PER_WEEK(M7:M12;ARRAYFORMULA(IF(M7:M12="";"";N7:N12));OKR_Q1_2027_as_of;DATE(2027;3;31))}',
    );
    // The forecasts are one call per column, in the title cell; the rows below are left for its answer.
    expect(after[5]?.[26]).toBe(
      `={"Pessimistic forecast";KR_FORECAST('History'!$D$2:$D$1000;'History'!$J$2:$J$1000;DATE(2027;3;31);"pessimistic";ARRAYFORMULA('History'!$K$2:$K$1000&"|"&'History'!$C$2:$C$1000);ARRAYFORMULA(IF(D7:D12="";"";IF(M7:M12="";"";"Q1 2027|"&D7:D12)));L7:L12;M7:M12;K7:K12;J7:J12)}`,
    );
    expect(after[row - 1]?.[26]).toBe('');
    expect(after[5]?.[29]).toBe('={"Pessimistic score";KR_SCORE(L7:L12;M7:M12;AA7:AA12;J7:J12)}');
  });

  it("leaves a formula in a user's current cell as it is, and says so", () => {
    const services = openSpreadsheet();
    const okr = buildOkrSheet();
    const { row } = okrCell(services, okr, 'O1.2', 'current');
    asReal(services.spreadsheet.sheet(okr)).getRange(row, columnOf('current')).setFormula('=SUM(CRM!C2:C40)');
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    const result = recorded(recordCheckIn());
    expect(result.skippedFormulaCells).toEqual([{ keyResultId: 'O1.2', row, column: columnOf('current') }]);
    expect(okrCell(services, okr, 'O1.2', 'current').formula).toBe('=SUM(CRM!C2:C40)');
    // Its rows around are written, and History keeps the week's value of O1.2 all the same.
    expect(okrCell(services, okr, 'O1.1', 'current').value).toBe(2);
    expect(okrCell(services, okr, 'O1.3', 'current').value).toBe(58);
    expect(historyOf(services).find((r) => r.keyResultId === 'O1.2')?.value).toBe(450_000);
  });

  it('recording a week again replaces only that week, and says so', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    recordCheckIn({ sheetId: sheetIdOf('Check-in W05') });
    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    typeInto(services, 'Check-in W06', { 'O1.1': { value: 3 } });
    recordCheckIn({ sheetId: sheetIdOf('Check-in W06') });
    const week6Before = historyOf(services).filter((r) => r.week === 6);

    typeInto(services, 'Check-in W05', { 'O1.1': { value: 2.5 }, 'O2.3': { value: '', confidence: '' } });
    const again = recordCheckIn({ sheetId: sheetIdOf('Check-in W05') });
    expect(again).toMatchObject({ outcome: 'recorded', week: 5, recorded: 5, replaced: 6, skippedBlank: ['O2.3'] });

    const history = historyOf(services);
    expect(history.filter((r) => r.week === 6)).toEqual(week6Before);
    expect(history.filter((r) => r.week === 5).map((r) => [r.keyResultId, r.value])).toEqual([
      ['O1.1', 2.5],
      ['O1.2', 450_000],
      ['O1.3', 58],
      ['O2.1', 0.05],
      ['O2.2', 0],
    ]);
  });

  it('"Copy as text" gives the active check-in in the guide\'s form', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    const sheet = asReal(services.spreadsheet.sheet('Check-in W05'));
    const row = (region: Parameters<typeof regionRow>[2]) => regionRow(services, 'Check-in W05', region);
    // Pipeline value and goal, a deal in the final stage, a blocker, and the plan.
    sheet.getRange(`C${row('pipeline')}`).setValue(900_000);
    sheet.getRange(`F${row('pipeline')}`).setValue(1_200_000);
    sheet.getRange(`J${row('pipeline') + 1}`).setValue(150_000);
    sheet.getRange(`A${row('deals')}`).setValue('Acme');
    sheet.getRange(`A${row('blockers') + 1}`).setValue('Legal review is slow');
    sheet.getRange(`D${row('blockers') + 1}`).setValue('Kasia');
    sheet.getRange(`A${row('plan')}`).setValue('Close Acme');
    sheet.getRange(`B${row('plan')}`).setValue('O1.1');
    sheet.getRange(`A${row('plan') + 1}`).setValue('Clean up the CRM');
    const { text, sheetName } = checkInText();
    expect(sheetName).toBe('Check-in W05');
    expect(text).toBe(
      [
        '=== Sales Check-in – Week 5 ===',
        'PIPELINE:',
        '- Value: PLN 900,000 / goal PLN 1,200,000 = 75%',
        '- Deals in the final stage: Acme',
        '- Forecast for the next 2 weeks: PLN 150,000',
        'OKR STATUS:',
        '- O1.1 New clients: 2 / 10 = 20% 🟢',
        '- O1.2 Pipeline value: PLN 450,000 / PLN 1,200,000 = 38% 🟡',
        '- O1.3 Sales cycle: 58 days / 45 days = 78% 🟡',
        '- O2.1 Churn at most 4%: 5% / 4% = 80% 🟢',
        '- O2.2 CRM hygiene: no / yes = — 🔴',
        '- O2.3 NPS 50+: 35 pts / 50 pts = 70% 🟢',
        'BLOCKERS:',
        '- Legal review is slow — Kasia',
        'PLAN FOR THE WEEK:',
        '1. Close Acme → supports KR O1.1',
        '2. Clean up the CRM',
        '',
      ].join('\n'),
    );
  });
});

describe('two people recording at once', () => {
  it('lose nothing: the second to take the lock re-reads the tab and History inside it', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(4) });
    typeInto(services, 'Check-in W04', { 'O1.1': { value: 1 }, 'O1.2': { value: 400_000 } });
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);

    // Anna presses Record on week 5: her tab is found and read, the lock not yet taken.
    const anna = startRecording({ sheetId: sheetIdOf('Check-in W05'), recordedBy: 'Anna' });
    expect(anna.preview?.rows.find((row) => row.keyResult.id === 'O2.3')?.keyResult.comment).toBe('');

    // Meanwhile Bartek adds a comment to week 5 and records the late week 4 in full.
    typeInto(services, 'Check-in W05', { 'O2.3': { comment: 'NPS survey sent' } });
    const bartek = recordCheckIn({ sheetId: sheetIdOf('Check-in W04'), recordedBy: 'Bartek' });
    expect(bartek).toMatchObject({ week: 4, recorded: 2 });

    // Anna's recording goes on: inside the lock it reads the tab and History again.
    const result = anna.commit();
    expect(result).toMatchObject({ week: 5, recorded: 6, replaced: 0 });
    const history = historyOf(services);
    expect(history.filter((r) => r.week === 4).map((r) => [r.keyResultId, r.who])).toEqual([
      ['O1.1', 'Bartek'],
      ['O1.2', 'Bartek'],
    ]);
    expect(history.filter((r) => r.week === 5).map((r) => r.who)).toEqual(Array(6).fill('Anna'));
    expect(history.find((r) => r.week === 5 && r.keyResultId === 'O2.3')?.comment).toBe('NPS survey sent');
    expect(services.LockService.isHeld('document')).toBe(false);
  });

  it('of the same week: the later recording replaces the earlier and reports how many rows', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    const anna = startRecording({ sheetId: sheetIdOf('Check-in W05'), recordedBy: 'Anna' });
    typeInto(services, 'Check-in W05', { 'O1.1': { value: 3 } });
    expect(recordCheckIn({ sheetId: sheetIdOf('Check-in W05') })).toMatchObject({ recorded: 6, replaced: 0 });
    const result = anna.commit();
    expect(result).toMatchObject({ recorded: 6, replaced: 6 });
    const week5 = historyOf(services).filter((r) => r.week === 5);
    expect(week5).toHaveLength(6);
    expect(week5.find((r) => r.keyResultId === 'O1.1')?.value).toBe(3);
  });

  it('wait for another execution holding the lock, and write nothing when it never lets go', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, 'Check-in W05', WEEK_5);
    services.LockService.hold('document');
    expect(() => recordCheckIn()).toThrow(/lock/i);
    expect(historyOf(services)).toEqual([]);
    services.LockService.hold('document', { releaseAfterMs: 2_000 });
    expect(recorded(recordCheckIn()).recorded).toBe(6);
    expect(services.LockService.waitedMs).toBeGreaterThanOrEqual(2_000);
    expect(services.LockService.isHeld('document')).toBe(false);
  });
});
