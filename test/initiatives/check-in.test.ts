// The weekly check-in of a quarter with initiatives: a priority of the plan for the week may name an
// initiative as well as a KR. The dropdown offers both, the tab's check accepts both, and planCoverage counts
// an initiative's KR as planned.

import { describe, expect, it } from 'vitest';
import { planCoverage } from '../../src/core/check-in/check-in';
import { PLAN_COLUMNS } from '../../src/core/check-in/check-in-tab';
import { a1 } from '../../src/core/okr-sheet/cells';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { buildOkrSheet, checkInPlan, openSpreadsheet, regionRow, wednesdayOfWeek } from '../check-in/support';
import type { CellInput } from '../support/hyperformula';
import { initiativesPlan, sheetsEngine } from './support';

describe('the plan for the week with initiatives', () => {
  it('offers the KR ids and the initiative ids, and flags only a priority that names neither', () => {
    const services = openSpreadsheet({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    buildOkrSheet(initiativesPlan('pl'));
    const week = generateCheckIn({ asOf: wednesdayOfWeek(3) });
    const planRow = regionRow(services, week.sheetName, 'plan');
    const dropdown = services.spreadsheet.sheet(week.sheetName).grid.peek(planRow, PLAN_COLUMNS.keyResultId).validation;
    expect(dropdown?.spec.values[0]).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'I1', 'I2', 'I3', 'I4']);
    const engine = sheetsEngine(services, [week.sheetName, 'Inicjatywy Q1 2027'], {
      lang: 'pl',
      locale: 'pl_PL',
      edit: (name, rows) => {
        if (name !== week.sheetName) return;
        const typed: [string, string][] = [
          ['Zadzwonić do klientów', 'I1'],
          ['Webinar', 'O1.2'],
          ['Coś innego', 'I9'],
        ];
        typed.forEach(([action, id], offset) => {
          const line = rows[planRow - 1 + offset] as CellInput[];
          line[PLAN_COLUMNS.action - 1] = `'${action}`;
          line[PLAN_COLUMNS.keyResultId - 1] = `'${id}`;
        });
      },
    });
    const flags = [0, 1, 2].map((offset) => engine.value(week.sheetName, a1(planRow + offset, PLAN_COLUMNS.flag)));
    expect(flags).toEqual(['', '', '⚠ nie wspiera żadnego KR kwartału']);
  });

  it('is checked as before in a quarter with no Initiatives sheet', () => {
    const services = openSpreadsheet({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    buildOkrSheet(checkInPlan('en'));
    const week = generateCheckIn({ asOf: wednesdayOfWeek(3) });
    const planRow = regionRow(services, week.sheetName, 'plan');
    const dropdown = services.spreadsheet.sheet(week.sheetName).grid.peek(planRow, PLAN_COLUMNS.keyResultId).validation;
    expect(dropdown?.spec.values[0]).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3']);
  });

  it('counts the KR an initiative serves as planned, and an unknown name as tied to nothing', () => {
    const keyResults = [{ id: 'O1.1' }, { id: 'O1.2' }] as Parameters<typeof planCoverage>[0]['keyResults'];
    const plan = [
      { action: 'Call', keyResultId: 'i1' },
      { action: 'Other', keyResultId: 'I9' },
    ];
    expect(planCoverage({ keyResults, plan }, [{ id: 'I1', keyResultId: 'O1.2' }])).toEqual({
      keyResultsWithoutPlan: ['O1.1'],
      planItemsWithoutKeyResult: [2],
    });
    expect(planCoverage({ keyResults, plan })).toEqual({
      keyResultsWithoutPlan: ['O1.1', 'O1.2'],
      planItemsWithoutKeyResult: [1, 2],
    });
  });
});
