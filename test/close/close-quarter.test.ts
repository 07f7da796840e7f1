// Closing a quarter on the fake spreadsheet: the Grades sheet written beside the OKR sheet, frozen as values,
// found by metadata; closing twice opens it again; an override without a reason flagged on the sheet and
// refused by the reader; the forecast error of each KR from History beside its grade, in both languages; the
// service calls the same for 9 and 100 key results (with 12 weeks of History and 10 or 2,000 deals).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal, createFakeServices, type FakeServices } from '../../local/spreadsheet';
import { measureClose } from '../../scripts/bench-close';
import { HISTORY_COLUMNS, type HistoryRecord, historyRowCells } from '../../src/core/check-in/history';
import { gradeColumn } from '../../src/core/close/grades-sheet';
import { closeQuarter } from '../../src/server/close-quarter';
import { closeQuarterMessage, showCloseQuarter } from '../../src/server/close-quarter-menu';
import { findGradesSheet, readGradesSheet } from '../../src/server/grades-sheet';
import { createHistorySheet } from '../../src/server/history-sheet';
import { forgetLang } from '../../src/server/language';
import { buildQuarter } from '../../src/server/quarter-builder';
import { getSidebarState } from '../../src/server/sidebar-api';
import type { CloseQuarterResult } from '../../src/shared/close-api';
import type { QuarterPlan } from '../../src/shared/plan';
import { checkInPlan, openSpreadsheet, tabEngine } from '../check-in/support';
import { sizedPlan } from '../okr-sheet/plans';
import { installGlobals } from '../support/install-globals';

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLang();
});

/** Q1 2027 with a value for every KR at the quarter's end. */
function endedPlan(language: 'en' | 'pl' = 'en'): QuarterPlan {
  const plan = checkInPlan(language);
  const currents: Record<string, number> = {
    'O1.1': 8,
    'O1.2': 840_000,
    'O1.3': 52,
    'O2.1': 0.05,
    'O2.2': 1,
    'O2.3': 20,
  };
  for (const objective of plan.objectives) {
    for (const kr of objective.keyResults) kr.current = currents[kr.id ?? ''] ?? null;
  }
  return plan;
}

function closed(result: CloseQuarterResult) {
  if (!result.ok) throw new Error(`expected a close, got ${JSON.stringify(result)}`);
  return result;
}

function rowsOf(services: FakeServices, sheetName: string) {
  const { values } = services.spreadsheet.dump(sheetName);
  const byId = new Map<string, number>();
  values.forEach((row, index) => {
    const id = row[gradeColumn('krId') - 1];
    if (typeof id === 'string' && /^O\d\.\d$/.test(id) && !byId.has(id)) byId.set(id, index + 1);
  });
  return { values, byId };
}

describe('Close quarter', () => {
  it('writes a Grades sheet beside the OKR sheet with each KR’s exact final score shown to 0.1, band and verdict', () => {
    const services = openSpreadsheet();
    const okrName = buildQuarter(endedPlan()).sheetName;
    const result = closed(closeQuarter({ asOf: '2027-04-02' }));
    expect(result).toMatchObject({ created: true, quarter: 'Q1 2027', sheetName: 'Grades Q1 2027', notes: [] });
    const names = services.spreadsheet.sheets.map((sheet) => sheet.getName());
    expect(names.indexOf('Grades Q1 2027')).toBe(names.indexOf(okrName) + 1);
    const { values, byId } = rowsOf(services, 'Grades Q1 2027');
    const row = (id: string) => values[(byId.get(id) as number) - 1] as unknown[];
    const score = (id: string) => row(id)[gradeColumn('score') - 1];
    expect(score('O1.1')).toBe(0.8);
    expect(score('O1.2')).toBeCloseTo(0.6, 10);
    expect(score('O1.3')).toBeCloseTo(8 / 15, 10); // exact, not 0.5
    expect(score('O2.1')).toBeCloseTo(0.8, 10);
    const sheet = asReal(services.spreadsheet.sheet('Grades Q1 2027'));
    expect(sheet.getRange(byId.get('O1.3') as number, gradeColumn('score')).getNumberFormat()).toBe('0.0');
    expect(row('O1.1')[gradeColumn('band') - 1]).toBe('delivered');
    expect(row('O1.3')[gradeColumn('band') - 1]).toBe('progress');
    expect(row('O1.2')[gradeColumn('verdict') - 1]).toBe('miss: explain'); // committed, 0.6
    expect(row('O1.2')[gradeColumn('band') - 1]).toBe('not delivered'); // committed: yellow only from 0.7
    // Frozen as values: only the per-KR flag cells hold formulas.
    const { formulas } = services.spreadsheet.dump('Grades Q1 2027');
    const formulaColumns = new Set(
      formulas.flatMap((line) => line.map((f, c) => (f && !f.startsWith('=DATE(') ? c + 1 : 0)).filter(Boolean)),
    );
    expect([...formulaColumns]).toEqual([gradeColumn('flags')]);
    const text = values.flat().join('\n');
    expect(text).toContain('What do we carry into the next quarter?');
    expect(text).toContain('OBJECTIVE AND TEAM GRADES');
    expect(result.grades?.distribution).toEqual({ green: 3, yellow: 2, red: 1, ungraded: 0 });
  });

  it('speaks Polish on a Polish quarter, and the menu item says what it did', () => {
    const services = openSpreadsheet({ locale: 'pl_PL' });
    buildQuarter(endedPlan('pl'));
    vi.setSystemTime(new Date('2027-04-02T10:00:00Z'));
    try {
      showCloseQuarter();
    } finally {
      vi.useRealTimers();
    }
    const dialog = services.ui.dialogs[0];
    expect(dialog?.title).toBe('Zamknij kwartał');
    expect(dialog?.prompt).toContain('Q1 2027 jest zamknięty: oceny są w arkuszu „Oceny Q1 2027”.');
    expect(dialog?.prompt).toMatch(/Ocena zespołu: 0,\d+ \(/);
    expect(services.spreadsheet.dump('Oceny Q1 2027').values.flat()).toContain('Co osiągnęliśmy?');
  });

  it('opens the existing Grades sheet when the quarter is closed twice, never a second one, never over', () => {
    const services = openSpreadsheet();
    buildQuarter(endedPlan());
    const first = closed(closeQuarter({ asOf: '2027-04-02' }));
    const sheet = asReal(services.spreadsheet.sheet(first.sheetName));
    sheet.getRange(3, 3).setValue('We learnt to qualify earlier');
    const sheetCount = services.spreadsheet.sheets.length;
    const second = closed(closeQuarter({ asOf: '2027-04-03' }));
    expect(second).toMatchObject({ created: false, sheetId: first.sheetId, grades: null });
    expect(services.spreadsheet.sheets).toHaveLength(sheetCount);
    expect(sheet.getRange(3, 3).getValue()).toBe('We learnt to qualify earlier');
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getSheetId()).toBe(first.sheetId);
    expect(closeQuarterMessage(second, 'en')).toMatch(/was closed before: its Grades sheet “Grades Q1 2027” is opened/);
  });

  it('flags an override typed without a reason on the sheet, and the reader refuses it', () => {
    const services = openSpreadsheet();
    buildQuarter(endedPlan());
    const result = closed(closeQuarter({ asOf: '2027-04-02' }));
    const { byId } = rowsOf(services, result.sheetName);
    const sheet = asReal(services.spreadsheet.sheet(result.sheetName));
    const [o12, o11] = [byId.get('O1.2') as number, byId.get('O1.1') as number];
    sheet.getRange(o12, gradeColumn('override')).setValue(0.9);
    sheet.getRange(o11, gradeColumn('override')).setValue(1);
    sheet.getRange(o11, gradeColumn('reason')).setValue('the last deal signed on 1 April');
    const engine = tabEngine(services, result.sheetName);
    const flag = (row: number) => engine.values(result.sheetName, `L${row}:L${row}`)[0]?.[0];
    expect(flag(o12)).toBe('committed KR below 1.0: explain the miss ⚠ an override needs a reason');
    expect(flag(o11)).toBe('');
    const rule = sheet.getConditionalFormatRules()[0];
    expect(rule?.getBooleanCondition()?.getCriteriaValues()[0]).toBe('=AND($I8<>"";TRIM($J8)="")');
    const reading = readGradesSheet(findGradesSheet(SpreadsheetApp.getActiveSpreadsheet(), 'Q1 2027') as never);
    expect(reading?.refused).toEqual([{ id: 'O1.2', row: o12, problem: 'noReason', value: 0.9 }]);
    expect(reading?.grades.find((g) => g.id === 'O1.1')?.override).toEqual({
      value: 1,
      reason: 'the last deal signed on 1 April',
    });
    const again = closed(closeQuarter({ asOf: '2027-04-02' }));
    expect(closeQuarterMessage(again, 'en')).toContain(
      `Row ${o12} (O1.2): the override 0.9 does not count: it has no reason.`,
    );
  });

  it.each([
    {
      lang: 'en' as const,
      locale: 'en_US',
      sheetName: 'Grades Q1 2027',
      lots: 'lots',
      flag: '⚠ an override needs a reason',
      lines: (rows: Record<string, number>) => [
        `Row ${rows['O1.1']} (O1.1): the override 1.5 does not count: a grade is between 0 and 1.`,
        `Row ${rows['O1.2']} (O1.2): the override 0.9 does not count: it has no reason.`,
        `Row ${rows['O1.3']} (O1.3): the override “lots” does not count: it is no number.`,
        `Row ${rows['O2.1']} (O2.1): the override 0.25 does not count: it has no reason.`,
      ],
    },
    {
      lang: 'pl' as const,
      locale: 'pl_PL',
      sheetName: 'Oceny Q1 2027',
      lots: 'dużo',
      flag: '⚠ korekta wymaga powodu',
      lines: (rows: Record<string, number>) => [
        `Wiersz ${rows['O1.1']} (O1.1): korekta 1,5 się nie liczy: ocena musi być między 0 a 1.`,
        `Wiersz ${rows['O1.2']} (O1.2): korekta 0,9 się nie liczy: nie ma powodu.`,
        `Wiersz ${rows['O1.3']} (O1.3): korekta „dużo” się nie liczy: to nie liczba.`,
        `Wiersz ${rows['O2.1']} (O2.1): korekta 0,25 się nie liczy: nie ma powodu.`,
      ],
    },
  ])('names each override that does not count in $lang: flagged on the sheet, refused, said in the menu', (example) => {
    const services = openSpreadsheet({ locale: example.locale });
    buildQuarter(endedPlan(example.lang));
    const result = closed(closeQuarter({ asOf: '2027-04-02' }));
    expect(result.sheetName).toBe(example.sheetName);
    expect(result.refused).toEqual([]);
    const { byId } = rowsOf(services, result.sheetName);
    const rows = Object.fromEntries(byId);
    const sheet = asReal(services.spreadsheet.sheet(result.sheetName));
    const type = (id: string, override: number | string, reason: string) => {
      sheet.getRange(rows[id] as number, gradeColumn('override')).setValue(override);
      sheet.getRange(rows[id] as number, gradeColumn('reason')).setValue(reason);
    };
    type('O1.1', 1.5, 'signed on 1 April');
    type('O1.2', 0.9, '');
    type('O1.3', example.lots, 'a good quarter');
    type('O2.1', 0.25, '   ');
    type('O2.2', 1, 'the last deal came in on 31 March');
    // The sheet flags the two without a reason as they are typed, in its language; not the others.
    const engine = tabEngine(services, result.sheetName, example.lang);
    const flag = (id: string) => {
      const at = `${String.fromCharCode(64 + gradeColumn('flags'))}${rows[id]}`;
      return String(engine.values(result.sheetName, `${at}:${at}`)[0]?.[0] ?? '');
    };
    expect(flag('O1.2')).toContain(example.flag);
    expect(flag('O2.1')).toContain(example.flag);
    for (const id of ['O1.1', 'O1.3', 'O2.2']) expect(flag(id), id).not.toContain(example.flag);
    // Closing again opens the sheet and names each override that does not count, in the sheet's language;
    // the one with a reason counts and is not named.
    const again = closed(closeQuarter({ asOf: '2027-04-03' }));
    expect(again.refused.map(({ id, problem, value }) => [id, problem, value])).toEqual([
      ['O1.1', 'outOfRange', 1.5],
      ['O1.2', 'noReason', 0.9],
      ['O1.3', 'notANumber', example.lots],
      ['O2.1', 'noReason', 0.25],
    ]);
    const message = closeQuarterMessage(again, example.lang);
    for (const line of example.lines(rows)) expect(message).toContain(line);
    expect(message).not.toContain('(O2.2)');
  });

  it('closes a running quarter early with a note, and refuses when no quarter has started', () => {
    openSpreadsheet();
    buildQuarter(endedPlan());
    expect(closeQuarter({ asOf: '2026-12-01' })).toEqual({
      ok: false,
      code: 'notStarted',
      quarter: 'Q1 2027',
      start: '2027-01-01',
    });
    const early = closed(closeQuarter({ asOf: '2027-03-01' }));
    expect(early.notes).toEqual([{ code: 'beforeEnd', quarter: 'Q1 2027', end: '2027-03-31' }]);
  });

  it('answers codes for a spreadsheet with no quarter and for a bad request', () => {
    openSpreadsheet();
    expect(closeQuarter({})).toEqual({ ok: false, code: 'noQuarter' });
    expect(closeQuarter({ asOf: 'tomorrow' })).toEqual({ ok: false, code: 'badRequest' });
    expect(closeQuarterMessage({ ok: false, code: 'noQuarter' }, 'pl')).toMatch(/^Nie ma jeszcze arkusza OKR/);
  });

  it('costs the same service calls for 9 and for 100 key results', () => {
    const measure = (objectives: number, perObjective: number) => {
      const services = createFakeServices();
      installGlobals(services);
      forgetLang();
      const plan = sizedPlan(objectives, perObjective);
      for (const objective of plan.objectives) for (const kr of objective.keyResults) kr.current = 15;
      buildQuarter(plan);
      const measured = services.calls.measure(() => closeQuarter({ asOf: '2027-07-01' }));
      expect(closed(measured.result).created).toBe(true);
      return measured;
    };
    const small = measure(3, 3);
    const large = measure(25, 4);
    console.log(`close calls: 9 KRs ${small.total}, 100 KRs ${large.total}`);
    expect(large.total).toBe(small.total);
    expect(large.counts['Range.setValues']).toBe(1);
    expect(large.counts['Range.getValues']).toBe(1);
  });
});

describe('the forecast error beside each grade', () => {
  /** History of Q1 2027: O1.1 (0 → 10) in weeks 4, 8 and 12, O1.3 (60 → 45) in weeks 8 and 12, with forecasts. */
  function withHistory(services: FakeServices): void {
    const record = (keyResultId: string, week: number, value: number, forecast: number): HistoryRecord => ({
      recordedAt: `2027-01-01T09:00:00`,
      day: Date.UTC(2026, 11, 30) / 86_400_000 + 25_569 + (week - 1) * 7,
      week,
      keyResultId,
      value,
      forecast,
      score: null,
      status: null,
      confidence: 7,
      comment: '',
      who: '',
      quarter: 'Q1 2027',
    });
    const records = [
      record('O1.1', 4, 2, 12),
      record('O1.1', 8, 5, 9),
      record('O1.1', 12, 8, 8),
      record('O1.3', 8, 56, 50),
      record('O1.3', 12, 52, 52),
    ];
    const history = createHistorySheet(SpreadsheetApp.getActiveSpreadsheet(), 'en');
    asReal(services.spreadsheet.sheet(history.getName()))
      .getRange(2, 1, records.length, HISTORY_COLUMNS.length)
      .setValues(records.map(historyRowCells));
  }

  it('writes the errors of the forecasts made 4 and 8 weeks before the last recorded week, and their mean', () => {
    for (const language of ['en', 'pl'] as const) {
      const services = openSpreadsheet({ locale: language === 'pl' ? 'pl_PL' : 'en_US' });
      buildQuarter(endedPlan(language));
      withHistory(services);
      const result = closed(closeQuarter({ asOf: '2027-04-02' }));
      const { values, byId } = rowsOf(services, result.sheetName);
      const cells = (id: string) =>
        (['forecastError4', 'forecastError8', 'forecastErrorMean'] as const).map(
          (key) => values[(byId.get(id) as number) - 1]?.[gradeColumn(key) - 1],
        );
      // O1.1 ended at 8: week 8 said 9 (0.1 of the way 0 → 10), week 4 said 12 (0.4); O1.3 ended at 52,
      // week 8 said 50 (2 of 15); O1.2 has no History.
      expect(cells('O1.1').map(Number)).toEqual([0.1, 0.4, 0.25].map((x) => expect.closeTo(x, 12)));
      expect(cells('O1.3')).toEqual([expect.closeTo(2 / 15, 12), '', expect.closeTo(2 / 15, 12)]);
      expect(cells('O1.2')).toEqual(['', '', '']);
      const titleRow = values[(byId.get('O1.1') as number) - 2] ?? [];
      const titles = (['forecastError4', 'forecastError8', 'forecastErrorMean'] as const).map(
        (key) => titleRow[gradeColumn(key) - 1],
      );
      expect(titles).toEqual(
        language === 'pl'
          ? ['Błąd prognozy sprzed 4 tygodni', 'Błąd prognozy sprzed 8 tygodni', 'Błąd prognozy (średni)']
          : ['Forecast error, 4 weeks before', 'Forecast error, 8 weeks before', 'Forecast error (mean)'],
      );
      const sheet = asReal(services.spreadsheet.sheet(result.sheetName));
      expect(sheet.getRange(byId.get('O1.1') as number, gradeColumn('forecastErrorMean')).getNumberFormat()).toBe('0%');
      expect(result.forecastErrors.find((error) => error.keyResultId === 'O1.1')?.meanAbsoluteError).toBeCloseTo(
        0.25,
        12,
      );
      vi.unstubAllGlobals();
      forgetLang();
    }
  });

  it('costs the same service calls for 9 and 100 key results with 12 weeks of History, and 10 or 2,000 deals', () => {
    const small = measureClose(9, 10);
    const manyKrs = measureClose(100, 2000);
    const manyDeals = measureClose(9, 2000);
    console.log(`close calls (12 weeks of History): 9 KRs ${small.calls}, 100 KRs ${manyKrs.calls}`);
    expect(manyKrs.calls).toBe(small.calls);
    expect(manyDeals.calls).toBe(small.calls);
    const result = closed(manyKrs.result);
    expect(result.forecastErrors).toHaveLength(100);
  });
});

describe('the next New quarter, after a close', () => {
  it('offers each KR with its grade (an override with a reason counts, one without does not) and the notes', () => {
    const services = openSpreadsheet();
    buildQuarter(endedPlan());
    expect(getSidebarState().previousQuarter?.keyResults[0]?.grade).toBeUndefined();
    const result = closed(closeQuarter({ asOf: '2027-04-02' }));
    const { byId } = rowsOf(services, result.sheetName);
    const sheet = asReal(services.spreadsheet.sheet(result.sheetName));
    const row = (id: string) => byId.get(id) as number;
    sheet.getRange(row('O1.1'), gradeColumn('override')).setValue(1);
    sheet.getRange(row('O1.1'), gradeColumn('reason')).setValue('signed on 1 April');
    sheet.getRange(row('O1.1'), gradeColumn('note')).setValue('carry the LinkedIn campaign');
    sheet.getRange(row('O1.2'), gradeColumn('override')).setValue(1);
    sheet.getRange(3, 3).setValue('Qualify earlier');
    const previous = getSidebarState().previousQuarter;
    expect(previous?.closingNote).toBe('Qualify earlier');
    const grades = new Map(previous?.keyResults.map((kr) => [kr.id, kr.grade]));
    expect(grades.get('O1.1')).toEqual({ score: 0.8, override: 1, band: 'green', note: 'carry the LinkedIn campaign' });
    expect(grades.get('O1.2')).toMatchObject({ override: null, band: 'red', note: '' });
    expect(grades.get('O1.2')?.score).toBeCloseTo(0.6, 10);
  });
});
