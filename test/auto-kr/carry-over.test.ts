// Continuing a quarter whose key results are fed by the Deals sheet. The source is read back from the current
// cell's formula (its shape: functions and text literals, whatever sheet name, columns, separators or #REF! it
// now holds), so a carried or kept KR stays fed and the next quarter's formula is written afresh for that
// quarter's dates; carried over, a source that counts the quarter's own deals starts at 0 and a level goes on
// from its last value (a table of the core rule). Then the whole path through the bundle on the local runtime,
// in English and Polish, with the service calls of the planner's state held for 8 and 32 fed KRs.

import { describe, expect, it } from 'vitest';
import { nextQuarterPayload } from '../../cli/next';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';
import type { WorkbookSnapshot } from '../../local/snapshot';
import { DEAL_FIELDS } from '../../src/core/deals/deal';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { formulaShape, sourceFormula, sourceOfFormula } from '../../src/core/deals/kr-sources';
import type { DealsSource } from '../../src/core/deals/pipeline-formulas';
import { carriedStart, KR_SOURCE_INFO } from '../../src/core/kr-library';
import { applyCarryOver, type PreviousKeyResult } from '../../src/core/okr-sheet/carry-over';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { KR_SOURCES, type KrSource, type QuarterPlan } from '../../src/shared/plan';
import type { SidebarState } from '../../src/shared/sidebar-api';
import { AUTO_IDS, autoPlan, BEFORE, DEALS } from './fixtures';

const ALL_COLUMNS: DealsSource = {
  sheetName: 'Deals',
  columns: Object.fromEntries(DEAL_FIELDS.map((field) => [field, dealColumn(field)])),
};
const CELLS = { quarterStart: '$F$2', quarterEnd: '$F$3' };
const formulaOf = (source: KrSource, deals = ALL_COLUMNS) => sourceFormula(source, deals, CELLS) ?? '';

describe('the source read back from a fed KR’s formula', () => {
  it.each(KR_SOURCES)('%s is known again under whatever Sheets makes of its references', (source) => {
    const written = formulaOf(source);
    expect(sourceOfFormula(written)).toBe(source);
    // Renamed (a quote in the name too) and moved columns: Sheets rewrites the references.
    const moved: DealsSource = {
      sheetName: 'Ania\'s "best" deals',
      columns: Object.fromEntries(DEAL_FIELDS.map((field) => [field, dealColumn(field) + 3])),
    };
    expect(sourceOfFormula(formulaOf(source, moved))).toBe(source);
    // Read back as an English spreadsheet shows it: commas, the plain name unquoted, lower case typed over.
    const english = written.replace(/;/g, ',').replace(/'Deals'!/g, 'Deals!');
    expect(sourceOfFormula(english)).toBe(source);
    expect(sourceOfFormula(english.replace(/COUNTIFS/g, 'countifs'))).toBe(source);
    // The Deals sheet deleted: every reference to it is #REF!.
    expect(sourceOfFormula(written.replace(/'Deals'!\$[A-Z]+:\$[A-Z]+/g, '#REF!'))).toBe(source);
  });

  it('tells every source from every other one', () => {
    const shapes = KR_SOURCES.map((source) => formulaShape(formulaOf(source)).join(' '));
    expect(new Set(shapes).size).toBe(KR_SOURCES.length);
  });

  it('knows no formula of the user’s own, nor a ready formula whose conditions were changed', () => {
    expect(sourceOfFormula('=SUMIFS(CRM!$D:$D;CRM!$J:$J;"won")')).toBeNull();
    expect(sourceOfFormula('=40+5')).toBeNull();
    const inSegment = formulaOf('deals.newClients').replace(/COUNTIFS\(/, 'COUNTIFS(\'Deals\'!$C:$C;"SaaS";');
    expect(sourceOfFormula(inSegment)).toBeNull();
    expect(formulaShape('=IF(COUNT(\'It\'\'s\'!$D:$D)=0;"";"say ""hi""")')).toEqual([
      'IF',
      'COUNT',
      '""',
      '"say ""hi"""',
    ]);
  });
});

describe('where a key result carried over starts', () => {
  // The core rule, source by source: a total of the quarter starts at 0 (even with no last value); a level
  // goes on from its last value; a KR typed each week too.
  it.each([
    ['deals.newClients', 6, { start: 0, why: 'restarts' }],
    ['deals.newClients', null, { start: 0, why: 'restarts' }],
    ['deals.wonRevenue', 380_000, { start: 0, why: 'restarts' }],
    ['deals.averageDealValue', 52_000, { start: 52_000, why: 'lastValue' }],
    ['deals.winRate', 0.3, { start: 0.3, why: 'lastValue' }],
    ['deals.salesCycle', 48, { start: 48, why: 'lastValue' }],
    ['deals.pipelineValue', 900_000, { start: 900_000, why: 'lastValue' }],
    ['deals.finalStage', 4, { start: 4, why: 'lastValue' }],
    ['deals.winRate', null, { start: null, why: 'noValue' }],
    [null, 12, { start: 12, why: 'lastValue' }],
    [null, null, { start: null, why: 'noValue' }],
  ] as const)('%s with last value %s', (source, last, expected) => {
    expect(carriedStart(source, last)).toEqual(expected);
  });

  it('counts as totals exactly the sources that count or sum the quarter’s won deals', () => {
    const totals = KR_SOURCES.filter((source) => KR_SOURCE_INFO[source].measure === 'total');
    expect(totals).toEqual(['deals.newClients', 'deals.wonRevenue']);
  });
});

describe('carrying fed key results over (core)', () => {
  const plan = autoPlan('en');
  const ids = Object.values(AUTO_IDS);
  // The plan as the sidebar sends it: the previous quarter's ids, each KR with the source the planner shows.
  const sent: QuarterPlan = {
    ...plan,
    objectives: plan.objectives.map((objective, o) => ({
      ...objective,
      id: `O${o + 1}`,
      keyResults: objective.keyResults.map((kr, k) => ({ ...kr, id: `O${o + 1}.${k + 1}` })),
    })),
  };
  const previous: PreviousKeyResult[] = [
    ...KR_SOURCES.map((source) => ({
      id: AUTO_IDS[source],
      current: BEFORE[source],
      currentFormula: formulaOf(source),
      source,
    })),
    { id: 'O2.4', current: 45, currentFormula: '=40+5', source: null },
  ];
  const keyResults = (result: ReturnType<typeof applyCarryOver>) =>
    result.plan.objectives.flatMap((objective) => objective.keyResults);

  it('starts the totals at 0 and the levels at their last value, writing no copy of the old formula', () => {
    const carried = applyCarryOver(sent, previous, Object.fromEntries(ids.map((id) => [id, 'carry'])), 'en');
    const starts = Object.fromEntries(keyResults(carried).map((kr) => [kr.source ?? kr.id, kr.start]));
    expect(starts).toMatchObject({
      'deals.newClients': 0,
      'deals.wonRevenue': 0,
      'deals.averageDealValue': 40_000,
      'deals.winRate': 2 / 3,
      'deals.salesCycle': 42.5,
      'deals.pipelineValue': 150_000,
      'deals.finalStage': 2,
    });
    // The builder writes each source's formula afresh; only the user's own formula (O2.4) is carried as text.
    expect(Object.keys(carried.currentCells)).toEqual([]);
    const all = applyCarryOver(sent, previous, { 'O2.4': 'carry' }, 'en');
    expect(all.currentCells['O2.4']).toEqual({ formula: '=40+5' });
    expect(carried.warnings).toEqual([]);
  });

  it('keeps a fed KR fed with its start, and makes one typed when the planner chose typing', () => {
    const typed: QuarterPlan = {
      ...sent,
      objectives: sent.objectives.map((objective) => ({
        ...objective,
        keyResults: objective.keyResults.map((kr) =>
          kr.id === 'O1.2' ? { ...kr, source: undefined } : kr.id === 'O1.3' ? { ...kr, source: undefined } : kr,
        ),
      })),
    };
    const result = applyCarryOver(typed, previous, { 'O1.1': 'keep', 'O1.2': 'carry', 'O1.3': 'keep' }, 'en');
    const [newClients, revenue, average] = keyResults(result);
    expect(newClients).toMatchObject({ source: 'deals.newClients', start: 0, current: null });
    // Typed from now on: a typed KR goes on from its last value, and keeping it keeps that value.
    expect(revenue).toMatchObject({ start: 80_000, current: null });
    expect(revenue?.source).toBeUndefined();
    expect(average).toMatchObject({ start: 40_000, current: 40_000 });
    expect(result.currentCells).toEqual({});
  });
});

// --- Through the bundle --------------------------------------------------------------------------------------

const Q1 = 'OKR Q1 2027';
const Q2 = 'OKR Q2 2027';
const ORDER = ['O1.1', 'O1.2', 'O1.3', 'O1.4', 'O2.1', 'O2.2', 'O2.3', 'O2.4'];

function value<T>(result: ReturnType<LocalRuntime['call']>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function cellOf(snapshot: WorkbookSnapshot, sheetName: string, row: number, column: number) {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return {
    value: sheet.cells[row - 1]?.[column - 1]?.value.raw ?? null,
    formula: sheet.cells[row - 1]?.[column - 1]?.formula ?? null,
  };
}

function q1WithDeals(locale: 'en_US' | 'pl_PL', plan: QuarterPlan = autoPlan(locale === 'pl_PL' ? 'pl' : 'en')) {
  let now = new Date('2027-03-24T12:00:00Z');
  const runtime = createLocalRuntime({ locale, timeZone: 'Europe/Warsaw', now: () => now });
  expect(value<{ ok: boolean }>(runtime.call('submitQuarter', { plan, previousSheetId: null })).ok).toBe(true);
  expect(value<{ ok: boolean }>(runtime.call('importDeals', DEALS)).ok).toBe(true);
  return { runtime, later: (iso: string) => (now = new Date(iso)) };
}

describe.each([
  ['en_US', 'Deals', 'won'],
  ['pl_PL', 'Transakcje', 'wygrana'],
] as const)('the next quarter of fed key results (%s)', (locale, dealsName, won) => {
  it('shows each carried KR’s source, writes its formula for the new dates, and starts totals at 0', () => {
    const { runtime, later } = q1WithDeals(locale);
    // The manager types over one fed value: from then on it is typed, and the planner says so.
    runtime.setCell(Q1, `${columnLetter(columnOf('current'))}${FIRST_DATA_ROW + ORDER.indexOf('O2.3')}`, '4');
    later('2027-04-01T09:00:00Z');
    const state = value<SidebarState>(runtime.call('getSidebarState'));
    const sources = Object.fromEntries(state.previousQuarter?.keyResults.map((kr) => [kr.id, kr.source]) ?? []);
    expect(sources).toEqual({
      'O1.1': 'deals.newClients',
      'O1.2': 'deals.wonRevenue',
      'O1.3': 'deals.averageDealValue',
      'O1.4': 'deals.winRate',
      'O2.1': 'deals.salesCycle',
      'O2.2': 'deals.pipelineValue',
      'O2.3': null,
      'O2.4': null,
    });

    const built = value<{ ok: boolean; sheetName: string }>(runtime.call('submitQuarter', nextQuarterPayload(state)));
    expect(built).toMatchObject({ ok: true, sheetName: Q2 });

    // A deal won in Q2 counts in Q2 only; the Q1 sheet keeps counting Q1.
    const row = DEALS.rows.length + 2;
    const put = (field: (typeof DEAL_FIELDS)[number], input: string) =>
      runtime.setCell(dealsName, `${columnLetter(dealColumn(field))}${row}`, input);
    put('deal', 'H');
    put('amount', '20000');
    put('created', '2027-03-01');
    put('closed', '2027-04-10');
    put('outcome', won);

    const snapshot = runtime.snapshot();
    const q2 = (id: string, key: 'start' | 'current') =>
      cellOf(snapshot, Q2, FIRST_DATA_ROW + ORDER.indexOf(id), columnOf(key));
    for (const source of KR_SOURCES.filter((s) => s !== 'deals.finalStage')) {
      expect(sourceOfFormula(q2(AUTO_IDS[source], 'current').formula ?? ''), source).toBe(source);
    }
    expect(q2('O2.3', 'current')).toEqual({ value: null, formula: null });
    expect(q2('O1.1', 'current').value).toBe(1);
    expect(q2('O1.2', 'current').value).toBe(20_000);
    expect(q2('O2.1', 'current').value).toBe(40);
    expect(cellOf(snapshot, Q1, FIRST_DATA_ROW, columnOf('current')).value).toBe(2);
    // Starts: 0 for the totals, the last value for the levels and for the KR typed over.
    expect(q2('O1.1', 'start').value).toBe(0);
    expect(q2('O1.2', 'start').value).toBe(0);
    expect(q2('O1.3', 'start').value).toBe(40_000);
    expect(q2('O1.4', 'start').value).toBeCloseTo(2 / 3, 9);
    expect(q2('O2.1', 'start').value).toBe(42.5);
    expect(q2('O2.3', 'start').value).toBe(4);
  });

  it('reads the planner’s state in as many service calls for 8 fed KRs as for 32', () => {
    const measure = (plan: QuarterPlan) => {
      const { runtime, later } = q1WithDeals(locale, plan);
      later('2027-04-01T09:00:00Z');
      const calls = runtime.services.calls.measure(() => runtime.call('getSidebarState'));
      const state = value<SidebarState>(runtime.call('getSidebarState'));
      return { calls: calls.total, fed: state.previousQuarter?.keyResults.filter((kr) => kr.source).length };
    };
    const lang = locale === 'pl_PL' ? 'pl' : 'en';
    const big = autoPlan(lang);
    big.objectives = [0, 1, 2, 3].flatMap((copy) =>
      autoPlan(lang).objectives.map((objective) => ({ ...objective, title: `${objective.title} ${copy}` })),
    );
    const [small, large] = [measure(autoPlan(lang)), measure(big)];
    expect([small.fed, large.fed]).toEqual([7, 28]);
    expect(large.calls).toBe(small.calls);
  });
});
