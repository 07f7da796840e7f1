// The pure pieces of key results that update themselves: the Deals formulas of every source (in the dialect,
// over the named sheet and the header's dates, refused when a column is missing), the plan's `source` field,
// the library templates that bring one, and the OKR layout putting the formula into the current cell with the
// computed look and its source in the cell's help.

import { describe, expect, it } from 'vitest';
import { DEAL_FIELDS } from '../../src/core/deals/deal';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { missingSourceFields, SOURCE_FIELDS, sourceFormula } from '../../src/core/deals/kr-sources';
import type { DealsSource } from '../../src/core/deals/pipeline-formulas';
import { dialectProblems } from '../../src/core/formula-text';
import { KR_SOURCE_INFO, KR_TEMPLATES } from '../../src/core/kr-library';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { quarterDates } from '../../src/core/quarter';
import { FILL } from '../../src/core/sheet-spec';
import { KR_SOURCES, keyResultSchema } from '../../src/shared/plan';
import { AUTO_IDS, autoPlan } from './fixtures';

const DEALS: DealsSource = {
  sheetName: "Ania's deals",
  columns: Object.fromEntries(DEAL_FIELDS.map((field) => [field, dealColumn(field)])),
};
const CELLS = { quarterStart: '$F$2', quarterEnd: '$F$3' };

describe('the Deals formulas of key results', () => {
  it.each(KR_SOURCES)('%s is one formula in the dialect, over the quoted sheet name, blank without deals', (source) => {
    const formula = sourceFormula(source, DEALS, CELLS) ?? '';
    expect(formula.startsWith('=IF(COUNT(')).toBe(true);
    expect(formula).toContain("'Ania''s deals'!$D:$D");
    expect(dialectProblems(formula)).toEqual([]);
    // Quarter-bound sources read the OKR sheet's own first and last day.
    const dated = SOURCE_FIELDS[source].includes('closed');
    expect(formula.includes('">="&$F$2') && formula.includes('"<="&$F$3')).toBe(dated);
  });

  it('counts the outcome words of both languages', () => {
    const formula = sourceFormula('deals.newClients', DEALS, CELLS) ?? '';
    expect(formula).toContain('"won"');
    expect(formula).toContain('"wygrana"');
  });

  it('writes no formula when the Deals sheet lacks a column the source needs', () => {
    const noCreated: DealsSource = { ...DEALS, columns: { ...DEALS.columns, created: undefined } };
    expect(missingSourceFields('deals.salesCycle', noCreated)).toEqual(['created']);
    expect(sourceFormula('deals.salesCycle', noCreated, CELLS)).toBeNull();
    expect(sourceFormula('deals.wonRevenue', noCreated, CELLS)).not.toBeNull();
  });
});

describe('the plan and the library', () => {
  it('accepts a known source and refuses any other', () => {
    const kr = { title: 'Win rate', kind: 'increase', unit: 'percent', start: 0.25, target: 0.35, weight: 1 };
    const base = { ...kr, owner: '', committed: false, notes: '' };
    expect(keyResultSchema().safeParse({ ...base, source: 'deals.winRate' }).success).toBe(true);
    expect(keyResultSchema().safeParse({ ...base, source: 'crm.magic' }).success).toBe(false);
    expect(keyResultSchema().safeParse(base).success).toBe(true);
  });

  it('offers sources with the library templates whose unit fits them', () => {
    const fed = KR_TEMPLATES.filter((template) => template.source);
    expect(fed.map((template) => template.id).sort()).toEqual(
      [
        'average-contract-value',
        'new-clients',
        'pipeline-value',
        'revenue-from-new-clients',
        'sales-cycle-length',
        'win-rate',
      ].sort(),
    );
    for (const template of fed) expect(template.unit).toBe(KR_SOURCE_INFO[template.source ?? 'deals.winRate'].unit);
  });
});

describe('the OKR sheet of a quarter with fed key results', () => {
  const plan = autoPlan('pl');
  const dates = quarterDates(plan.quarter, plan.fiscalStartMonth);

  it('puts each source’s formula into its current cell, grey, with the source in the cell’s help', () => {
    const layout = layoutQuarter(plan, dates, { deals: DEALS });
    const current = columnOf('current') - 1;
    for (const source of KR_SOURCES) {
      const row = layout.keyResults.find((kr) => kr.id === AUTO_IDS[source])?.row ?? 0;
      expect(layout.cells[row - 1]?.[current]).toEqual({ formula: sourceFormula(source, DEALS, CELLS) });
      expect(layout.backgrounds[row - 1]?.[current]).toBe(FILL.computed);
      const help = layout.validations[row - layout.firstDataRow]?.[current];
      expect(help?.help).toContain(KR_SOURCE_INFO[source].what.pl);
    }
    // The typed KR stays white and empty.
    const typed = layout.keyResults.find((kr) => kr.id === 'O2.4')?.row ?? 0;
    expect(layout.cells[typed - 1]?.[current]).toBeNull();
    expect(layout.backgrounds[typed - 1]?.[current]).toBe(FILL.input);
  });

  it('leaves the current values typed when there is no Deals sheet to read', () => {
    const layout = layoutQuarter(plan, dates);
    const current = columnOf('current') - 1;
    for (const kr of layout.keyResults) expect(layout.cells[kr.row - 1]?.[current]).toBeNull();
  });
});
