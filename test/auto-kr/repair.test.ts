// Repairing key results fed by a Deals sheet that was deleted: which rows get their formula again (only the
// source's own formulas showing no value; a typed value, a working formula and the user's own are left), the
// header cells read from the broken formula itself, and through the bundle on the local runtime: nothing is
// written without the user's yes, then an empty Deals sheet is made and the formulas are written again, one
// write per source, in as many service calls for 8 fed KRs as for 32; deals imported again count at once.

import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { DEAL_FIELDS } from '../../src/core/deals/deal';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { brokenFedRows, type FedRow, planFedRepair, quarterCellsIn } from '../../src/core/deals/fed-repair';
import { sourceFormula, sourceOfFormula } from '../../src/core/deals/kr-sources';
import type { DealsSource } from '../../src/core/deals/pipeline-formulas';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { quarterHeaderCells } from '../../src/core/okr-sheet/layout';
import type { CheckInState, FedKeyResult, RepairDealsResult } from '../../src/shared/check-in-api';
import { KR_SOURCES, type QuarterPlan } from '../../src/shared/plan';
import { AUTO_IDS, autoPlan, BEFORE, DEALS } from './fixtures';

const DEALS_SHEET: DealsSource = {
  sheetName: 'Deals',
  columns: Object.fromEntries(DEAL_FIELDS.map((field) => [field, dealColumn(field)])),
};
const CELLS = quarterHeaderCells();
/** A source's formula as Sheets leaves it once its Deals sheet is deleted: every reference to it is #REF!. */
const broken = (formula: string) => formula.replace(/'[^']+'!\$[A-Z]+:\$[A-Z]+/g, '#REF!');

describe('which fed key results a repair writes again', () => {
  const formula = (source: (typeof KR_SOURCES)[number]) => sourceFormula(source, DEALS_SHEET, CELLS) ?? '';
  const rows: FedRow[] = [
    {
      row: 7,
      id: 'O1.1',
      current: null,
      currentFormula: broken(formula('deals.newClients')),
      source: 'deals.newClients',
    },
    { row: 8, id: 'O1.2', current: 3, currentFormula: formula('deals.wonRevenue'), source: 'deals.wonRevenue' },
    { row: 9, id: 'O1.3', current: 12, currentFormula: null, source: null },
    { row: 10, id: 'O1.4', current: null, currentFormula: '=CRM!B2/0', source: null },
    {
      row: 12,
      id: 'O2.1',
      current: null,
      currentFormula: broken(formula('deals.newClients')),
      source: 'deals.newClients',
    },
    { row: 11, id: 'O1.5', current: null, currentFormula: broken(formula('deals.winRate')), source: 'deals.winRate' },
  ];

  it('only the source formulas that show no value, one write per source, over the Deals sheet now', () => {
    expect(brokenFedRows(rows).map((row) => row.id)).toEqual(['O1.1', 'O2.1', 'O1.5']);
    const plan = planFedRepair(rows, { ...DEALS_SHEET, sheetName: 'Deals (2)' }, CELLS);
    expect(plan.repaired).toEqual(['O1.1', 'O1.5', 'O2.1']);
    expect(plan.writes.map(({ source, rows: at }) => [source, at])).toEqual([
      ['deals.newClients', [7, 12]],
      ['deals.winRate', [11]],
    ]);
    for (const write of plan.writes) {
      expect(write.formula).toContain("'Deals (2)'!");
      expect(sourceOfFormula(write.formula)).toBe(write.source);
    }
    expect(plan.unfed).toEqual([]);
  });

  it('leaves a KR whose source needs a column the new Deals sheet lacks, and says which', () => {
    const noClosed: DealsSource = { ...DEALS_SHEET, columns: { ...DEALS_SHEET.columns, closed: undefined } };
    const plan = planFedRepair(rows, noClosed, CELLS);
    expect(plan.writes).toEqual([]);
    expect(plan.unfed).toEqual([
      { id: 'O1.1', fields: ['closed'] },
      { id: 'O1.5', fields: ['closed'] },
      { id: 'O2.1', fields: ['closed'] },
    ]);
  });

  it('reads the quarter’s cells from the broken formula (rows inserted above the table moved them)', () => {
    const moved = broken(
      sourceFormula('deals.wonRevenue', DEALS_SHEET, { quarterStart: '$F$4', quarterEnd: '$F$5' }) ?? '',
    );
    expect(quarterCellsIn(moved, CELLS)).toEqual({ quarterStart: '$F$4', quarterEnd: '$F$5' });
    expect(quarterCellsIn(broken(formula('deals.pipelineValue')), CELLS)).toEqual(CELLS);
  });
});

// --- Through the bundle --------------------------------------------------------------------------------------

const OKR = 'OKR Q1 2027';
const NOW = new Date('2027-02-24T12:00:00Z');

function value<T>(result: ReturnType<LocalRuntime['call']>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A quarter with its deals and this week's check-in tab; then the Deals sheet deleted, as Sheets leaves it. */
function quarterWithoutDeals(plan: QuarterPlan = autoPlan('en')): LocalRuntime {
  const runtime = createLocalRuntime({ locale: 'en_US', timeZone: 'Europe/Warsaw', now: () => NOW });
  expect(value<{ ok: boolean }>(runtime.call('submitQuarter', { plan, previousSheetId: null })).ok).toBe(true);
  expect(value<{ ok: boolean }>(runtime.call('importDeals', DEALS)).ok).toBe(true);
  const count = plan.objectives.flatMap((objective) => objective.keyResults).length;
  // The last KR (typed) gets a formula of the user's own, which a repair must leave alone.
  const current = columnLetter(columnOf('current'));
  runtime.setCell(OKR, `${current}${FIRST_DATA_ROW + count - 1}`, '=40+5');
  runtime.call('showWeeklyCheckIn');
  const spreadsheet = runtime.services.spreadsheet;
  const deals = spreadsheet.getSheetByName('Deals');
  if (!deals) throw new Error('no Deals sheet');
  spreadsheet.deleteSheet(deals);
  // Sheets writes #REF! where a formula named the deleted sheet (the fake keeps formula text as it is).
  const okr = spreadsheet.getSheetByName(OKR);
  if (!okr) throw new Error('no OKR sheet');
  const cells = okr.getRange(FIRST_DATA_ROW, columnOf('current'), count, 1);
  cells.setFormulas(cells.getFormulas().map(([formula]) => [broken(formula ?? '')]));
  return runtime;
}

function fedOf(runtime: LocalRuntime): FedKeyResult[] {
  return value<CheckInState>(runtime.call('getCheckInState', {})).tab?.fed ?? [];
}

describe('repairing the fed key results of a deleted Deals sheet', () => {
  it('writes nothing without the user’s yes', () => {
    const runtime = quarterWithoutDeals();
    const before = runtime.snapshot();
    expect(value<RepairDealsResult>(runtime.call('repairDealsFormulas', {}))).toEqual({
      ok: false,
      notice: { code: 'badRequest' },
    });
    expect(value<RepairDealsResult>(runtime.call('repairDealsFormulas', { confirm: false })).ok).toBe(false);
    expect(runtime.snapshot()).toEqual(before);
  });

  it('makes an empty Deals sheet, writes the formulas again, and deals imported again count at once', () => {
    const runtime = quarterWithoutDeals();
    expect(fedOf(runtime).filter((kr) => kr.problem?.code === 'noDealsSheet')).toHaveLength(7);

    const done = value<RepairDealsResult>(runtime.call('repairDealsFormulas', { confirm: true }));
    if (!done.ok) throw new Error(`not repaired: ${done.notice.code}`);
    expect(done).toMatchObject({ dealsSheet: 'Deals', dealsCreated: true, okrSheet: OKR, unfed: [] });
    expect(done.repaired).toEqual(Object.values(AUTO_IDS));
    // The tab as it now is: no value yet (no deal), never the deleted sheet.
    expect(done.tab.fed?.filter((kr) => kr.deals).every((kr) => kr.problem?.code === 'noValue')).toBe(true);

    const { formulas } = runtime.services.spreadsheet.dump(OKR);
    const currentFormula = (id: string) =>
      formulas[FIRST_DATA_ROW - 1 + Object.values(AUTO_IDS).concat('O2.4').indexOf(id)]?.[columnOf('current') - 1];
    for (const source of KR_SOURCES) {
      const formula = currentFormula(AUTO_IDS[source]) ?? '';
      expect(sourceOfFormula(formula), source).toBe(source);
      expect(formula).not.toContain('#REF!');
    }
    expect(currentFormula('O2.4')).toBe('=40+5');

    expect(value<{ ok: boolean }>(runtime.call('importDeals', DEALS)).ok).toBe(true);
    for (const kr of fedOf(runtime).filter((fed) => fed.deals)) {
      const source = KR_SOURCES.find((s) => AUTO_IDS[s] === kr.id);
      expect(kr.problem, kr.id).toBeNull();
      if (source) expect(kr.value, kr.id).toBeCloseTo(BEFORE[source], 6);
    }
    // Nothing left to repair: a second repair writes nothing and makes no sheet.
    const again = value<RepairDealsResult>(runtime.call('repairDealsFormulas', { confirm: true }));
    expect(again).toMatchObject({ ok: true, repaired: [], dealsCreated: false });
    expect(
      runtime.services.spreadsheet.getSheets().filter((sheet) => sheet.getName().startsWith('Deals')),
    ).toHaveLength(1);
  });

  it('repairs in as many service calls for 8 fed KRs as for 32, one formula write per source', () => {
    const measure = (plan: QuarterPlan) => {
      const runtime = quarterWithoutDeals(plan);
      const measured = runtime.services.calls.measure(() =>
        value<RepairDealsResult>(runtime.call('repairDealsFormulas', { confirm: true })),
      );
      const result = measured.result;
      return {
        total: measured.total,
        writes: measured.counts['RangeList.setFormula'] ?? 0,
        repaired: result.ok ? result.repaired.length : 0,
      };
    };
    const big = autoPlan('en');
    big.objectives = [0, 1, 2, 3].flatMap((copy) =>
      autoPlan('en').objectives.map((objective) => ({ ...objective, title: `${objective.title} ${copy}` })),
    );
    const [small, large] = [measure(autoPlan('en')), measure(big)];
    expect([small.repaired, large.repaired]).toEqual([7, 28]);
    expect([small.writes, large.writes]).toEqual([7, 7]);
    expect(large.total).toBe(small.total);
  });
});
