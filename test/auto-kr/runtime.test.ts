// "A KR fed by Deals moves when a deal is marked won", on the local runtime: the built bundle builds a quarter
// whose key results are fed by the Deals sheet (making an empty one, so they show no value rather than 0),
// deals are imported, and typing "won" into a deal's outcome changes the KRs' current values and scores as
// HyperFormula recomputes the sheet, in an English and a Polish spreadsheet.

import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';
import type { WorkbookSnapshot } from '../../local/snapshot';
import { dealColumn } from '../../src/core/deals/deals-sheet';
import { dialectProblems } from '../../src/core/formula-text';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { KR_SOURCES, type KrSource } from '../../src/shared/plan';
import { AFTER_A_WON, AUTO_IDS, autoPlan, BEFORE, DEAL_A_ROW, DEALS } from './fixtures';

const SHEET = 'OKR Q1 2027';
const ORDER = ['O1.1', 'O1.2', 'O1.3', 'O1.4', 'O2.1', 'O2.2', 'O2.3', 'O2.4'];

function raw(snapshot: WorkbookSnapshot, sheetName: string, row: number, column: number): unknown {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet.cells[row - 1]?.[column - 1]?.value.raw ?? null;
}

function column(runtime: LocalRuntime, key: 'current' | 'score'): Record<KrSource, unknown> {
  const snapshot = runtime.snapshot();
  return Object.fromEntries(
    KR_SOURCES.map((source) => [
      source,
      raw(snapshot, SHEET, FIRST_DATA_ROW + ORDER.indexOf(AUTO_IDS[source]), columnOf(key)),
    ]),
  ) as Record<KrSource, unknown>;
}

function expectValues(actual: Record<KrSource, unknown>, expected: Record<KrSource, number>): void {
  for (const source of KR_SOURCES) expect(actual[source], source).toBeCloseTo(expected[source], 6);
}

describe.each([
  ['en_US', 'en', 'Deals', 'won', 'addon'],
  ['pl_PL', 'pl', 'Transakcje', 'wygrana', 'addon'],
  ['en_US', 'en', 'Deals', 'won', 'portable'],
  ['pl_PL', 'pl', 'Transakcje', 'wygrana', 'portable'],
] as const)('key results fed by the Deals sheet (%s, %s sheet, %s formulas)', (locale, lang, dealsName, won, style) => {
  it('show no value before there are deals, then move when a deal is marked won', () => {
    const runtime = createLocalRuntime({
      locale,
      timeZone: 'Europe/Warsaw',
      now: () => new Date('2027-02-24T12:00:00Z'),
    });
    const built = runtime.call('submitQuarter', { plan: autoPlan(lang, style), previousSheetId: null });
    expect(built).toMatchObject({ ok: true, value: { ok: true, sheetName: SHEET } });
    const warnings = (built as unknown as { value: { warnings: string[] } }).value.warnings;
    expect(warnings.some((warning) => warning.includes(dealsName))).toBe(true);

    // An empty Deals sheet: no value and no score, never a 0 that reads as a real result.
    for (const value of Object.values(column(runtime, 'current'))) expect(value).toBeNull();
    for (const value of Object.values(column(runtime, 'score'))) expect(value).toBeNull();

    expect(runtime.call('importDeals', DEALS)).toMatchObject({ ok: true, value: { ok: true, imported: 7 } });
    expectValues(column(runtime, 'current'), BEFORE);
    const scoresBefore = column(runtime, 'score');
    expect(scoresBefore['deals.newClients']).toBeCloseTo(2 / 8, 6);

    runtime.setCell(dealsName, `${columnLetter(dealColumn('outcome'))}${DEAL_A_ROW}`, won);
    expectValues(column(runtime, 'current'), AFTER_A_WON);
    const scoresAfter = column(runtime, 'score');
    expect(scoresAfter['deals.newClients']).toBeCloseTo(3 / 8, 6);
    expect(scoresAfter['deals.wonRevenue']).toBeCloseTo(180_000 / 400_000, 6);
    expect(scoresAfter['deals.averageDealValue']).toBeCloseTo(1, 6);
    // Every formula of the OKR sheet and the Deals sheet is in the dialect that parses in both locales.
    const snapshot = runtime.snapshot();
    for (const sheet of snapshot.sheets) {
      for (const cell of sheet.cells.flat()) if (cell?.formula) expect(dialectProblems(cell.formula)).toEqual([]);
    }
    // The typed KR is left for typing.
    const typed = snapshot.sheets.find((s) => s.name === SHEET)?.cells[FIRST_DATA_ROW + 7 - 1]?.[
      columnOf('current') - 1
    ];
    expect(typed?.formula ?? null).toBeNull();
  });
});
