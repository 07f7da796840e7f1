// The check-in of key results fed by formulas, through the built bundle on the local runtime (the fake with
// HyperFormula computing the cells): the week's tab shows each fed value as the OKR sheet's formula gives it
// (grey, not typed), the sidebar's state lists them read-only with their values, recording copies them into
// History like any typed value, and a formula that errs or a Deals sheet that is gone is named with a code,
// never recorded as 0. The service calls of the sidebar's state and of recording do not grow with the KRs.

import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { tabColumn } from '../../src/core/check-in/check-in-tab';
import { historyColumn } from '../../src/core/check-in/history';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { dialectProblems } from '../../src/core/formula-text';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { FILL } from '../../src/core/sheet-spec';
import type { CheckInState, FedKeyResult, SubmitCheckInResult } from '../../src/shared/check-in-api';
import { KR_SOURCES, type QuarterPlan } from '../../src/shared/plan';
import { AFTER_A_WON, AUTO_IDS, autoPlan, BEFORE, DEAL_A_ROW, DEALS } from './fixtures';

const OKR = 'OKR Q1 2027';
// Wednesday of week 9 of Q1 2027 (its week 1 starts on Monday 28 December).
const NOW = new Date('2027-02-24T12:00:00Z');

function value<T>(result: ReturnType<LocalRuntime['call']>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function startQuarter(
  plan: QuarterPlan = autoPlan('en'),
  typed?: { id: string; input: string },
  locale = 'en_US',
): LocalRuntime {
  const runtime = createLocalRuntime({ locale, timeZone: 'Europe/Warsaw', now: () => NOW });
  expect(value<{ ok: boolean }>(runtime.call('submitQuarter', { plan, previousSheetId: null })).ok).toBe(true);
  expect(value<{ ok: boolean }>(runtime.call('importDeals', DEALS)).ok).toBe(true);
  if (typed) {
    const index = plan.objectives.flatMap((o) => o.keyResults).length - 1;
    runtime.setCell(OKR, `${columnLetter(columnOf('current'))}${FIRST_DATA_ROW + index}`, typed.input);
  }
  runtime.call('showWeeklyCheckIn');
  return runtime;
}

function fedOf(runtime: LocalRuntime): FedKeyResult[] {
  return value<CheckInState>(runtime.call('getCheckInState', {})).tab?.fed ?? [];
}

function expectFed(fed: readonly FedKeyResult[], expected: Record<string, number>): void {
  for (const source of KR_SOURCES) {
    const kr = fed.find((candidate) => candidate.id === AUTO_IDS[source]);
    expect(kr?.problem ?? null, source).toBeNull();
    expect(kr?.value, source).toBeCloseTo(expected[source] as number, 6);
  }
}

describe('the check-in of key results fed by formulas', () => {
  it('shows fed values read-only, follows a deal marked won, and records them into History', () => {
    const runtime = startQuarter();
    const tab = value<CheckInState>(runtime.call('getCheckInState', {})).tab;
    const name = tab?.sheetName ?? '';
    expect(name).toBe('Check-in W09');
    const sheet = runtime.services.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error('no tab');

    // The tab: a lookup of the OKR sheet's value in each fed row, grey; the typed KR stays white and empty.
    const { formulas, values } = runtime.services.spreadsheet.dump(name);
    const valueColumn = tabColumn('value') - 1;
    const fedFormulas = formulas.map((row) => String(row[valueColumn] ?? '')).filter((f) => f.includes('INDEX('));
    expect(fedFormulas).toHaveLength(7);
    for (const formula of fedFormulas) expect(dialectProblems(formula)).toEqual([]);
    const row = (id: string) => values.findIndex((line) => line[tabColumn('krId') - 1] === id) + 1;
    expect(sheet.getRange(row('O1.1'), tabColumn('value')).getBackground()).toBe(FILL.computed);
    expect(sheet.getRange(row('O2.4'), tabColumn('value')).getBackground()).toBe(FILL.input);

    const fed = fedOf(runtime);
    expect(fed.map((kr) => kr.id)).toEqual(Object.values(AUTO_IDS));
    expect(fed.every((kr) => kr.deals)).toBe(true);
    expectFed(fed, BEFORE);

    runtime.setCell('Deals', `${columnLetter(dealColumn('outcome'))}${DEAL_A_ROW}`, 'won');
    expectFed(fedOf(runtime), AFTER_A_WON);

    const recorded = value<SubmitCheckInResult>(runtime.call('submitCheckIn', { sheetId: tab?.sheetId }));
    if (!recorded.ok) throw new Error('not recorded');
    expect(recorded.recording.recorded).toBe(7);
    expect(recorded.recording.skippedBlank).toEqual(['O2.4']);
    // The fed cells keep their formulas, and recording does not list them as left alone.
    expect(recorded.recording.skippedFormulaCells).toEqual([]);
    const history = runtime.services.spreadsheet.dump('History').values;
    const [idColumn, valueIndex] = [historyColumn('krId') - 1, historyColumn('value') - 1];
    const historyValue = (id: string) => history.find((line) => line[idColumn] === id)?.[valueIndex];
    expect(historyValue('O1.1')).toBe(3);
    expect(historyValue('O1.2')).toBe(180_000);
    expect(historyValue('O1.4')).toBeCloseTo(0.75, 6);
  });

  it('looks the fed values up in a Polish spreadsheet too', () => {
    const runtime = startQuarter(autoPlan('pl'), undefined, 'pl_PL');
    const tab = value<CheckInState>(runtime.call('getCheckInState', {})).tab;
    expect(tab?.sheetName).toBe('Check-in T09');
    const { formulas } = runtime.services.spreadsheet.dump(tab?.sheetName ?? '');
    for (const formula of formulas.flat().filter(Boolean)) expect(dialectProblems(String(formula))).toEqual([]);
    expectFed(fedOf(runtime), BEFORE);
  });

  it('names a fed KR whose formula errs, and never records it as 0', () => {
    const runtime = startQuarter(autoPlan('en'), { id: 'O2.4', input: '=10/0' });
    const nps = fedOf(runtime).find((kr) => kr.id === 'O2.4');
    expect(nps).toMatchObject({ deals: false, value: null, problem: { code: 'formulaError', error: '#DIV/0!' } });
    const recorded = value<SubmitCheckInResult>(runtime.call('submitCheckIn', {}));
    if (!recorded.ok) throw new Error('not recorded');
    expect(recorded.recording.problems).toEqual([]);
    expect(recorded.recording.skippedBlank).toContain('O2.4');
    const history = runtime.services.spreadsheet.dump('History').values;
    expect(history.some((line) => line.includes('O2.4'))).toBe(false);
  });

  it('says the Deals sheet is gone when its formulas show #REF!, and records none of them', () => {
    const runtime = startQuarter();
    const deals = runtime.services.spreadsheet.getSheetByName('Deals');
    if (!deals) throw new Error('no Deals sheet');
    runtime.services.spreadsheet.deleteSheet(deals);
    const fed = fedOf(runtime);
    expect(fed).toHaveLength(7);
    for (const kr of fed) expect(kr).toMatchObject({ value: null, problem: { code: 'noDealsSheet' } });
    const recorded = value<SubmitCheckInResult>(runtime.call('submitCheckIn', {}));
    if (!recorded.ok) throw new Error('not recorded');
    expect(recorded.recording.recorded).toBe(0);
  });

  it('reads the sidebar state and records in as many service calls for 8 fed KRs as for 32', () => {
    const measure = (plan: QuarterPlan) => {
      const runtime = startQuarter(plan);
      const { calls } = runtime.services;
      const state = calls.measure(() => runtime.call('getCheckInState', {}));
      const record = calls.measure(() => runtime.call('submitCheckIn', {}));
      return { state: state.total, record: record.total, fed: fedOf(runtime).length };
    };
    const small = measure(autoPlan('en'));
    const big = autoPlan('en');
    big.objectives = [0, 1, 2, 3].flatMap((copy) =>
      autoPlan('en').objectives.map((objective) => ({ ...objective, title: `${objective.title} ${copy}` })),
    );
    const large = measure(big);
    expect(large.fed).toBe(28);
    expect(small.fed).toBe(7);
    expect(large.state).toBe(small.state);
    expect(large.record).toBe(small.record);
  });
});
