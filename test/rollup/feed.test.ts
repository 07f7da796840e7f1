// The OKR feed tab: its formulas computed by HyperFormula over a built OKR sheet and a History (codes in both
// languages and both formula styles, milestones as 1 / 0, the latest confidence and day of each KR, whole rows
// after a sort), every formula in the dialect, and the tab on the fake: found by metadata, named range OKR_FEED,
// an earlier quarter's feed kept under its quarter's name, a user's tab of the same name never touched.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asReal, createFakeServices, type FakeServices } from '../../local/spreadsheet';
import { dialectProblems } from '../../src/core/formula-text';
import { cellInput } from '../../src/core/okr-sheet/cells';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { quarterDates } from '../../src/core/quarter';
import {
  FEED_KEYS,
  FEED_NAMED_RANGE,
  FEED_WORK_COLUMNS,
  feedColumn,
  feedWorkColumn,
} from '../../src/core/rollup/feed-schema';
import { layoutFeed } from '../../src/core/rollup/feed-sheet';
import { forgetLang } from '../../src/server/language';
import { findFeedSheets } from '../../src/server/okr-feed';
import { buildQuarter } from '../../src/server/quarter-builder';
import type { QuarterPlan } from '../../src/shared/plan';
import { WORKED_CURRENT, workedExamplePlan } from '../okr-sheet/plans';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import { installGlobals } from '../support/install-globals';

const OKR = 'OKR Q1 2027';

/** The OKR sheet with the worked example's values typed (rows in `order`), History, and the feed, computed. */
function evaluateFeed(plan: QuarterPlan, options: { order?: number[]; locale?: string } = {}) {
  const dates = quarterDates(plan.quarter, plan.fiscalStartMonth);
  const layout = layoutQuarter(plan, dates);
  const rows: CellInput[][] = layout.cells.map((row) => row.map((cell) => (cell === null ? null : cellInput(cell))));
  rows[3]![5] = '=DATE(2027;3;31)';
  WORKED_CURRENT.forEach(({ current }, index) => {
    rows[layout.firstDataRow - 1 + index]![columnOf('current') - 1] = current;
  });
  if (options.order) {
    // A sort moves the typed columns of whole rows; the add-on style's computed columns are empty there.
    const style = plan.formulaStyle;
    const fixed = style === 'portable' ? ['score', 'objectiveScore', 'status', 'initiatives', 'scenario'] : [];
    const data = options.order.map((from) => [...rows[layout.firstDataRow - 1 + from]!]);
    data.forEach((line, offset) => {
      const target = rows[layout.firstDataRow - 1 + offset]!;
      line.forEach((cell, c) => {
        if (!fixed.some((key) => columnOf(key as 'score') - 1 === c)) target[c] = cell;
      });
    });
  }
  const feed = layoutFeed({
    lang: plan.language,
    quarterLabel: dates.label,
    okrSheetName: OKR,
    firstRow: layout.firstDataRow,
    lastRow: layout.lastRow,
    letter: (key) => String.fromCharCode(64 + columnOf(key)),
    teamCell: 'B2',
    quarterCell: 'B3',
    historySheetName: 'History',
  });
  const history: CellInput[][] = [
    ['recorded', 'week', 'kr', 'value', 'score', 'status', 'confidence', 'comment', 'who', 'day', 'quarter'],
    ['2027-01-08', 1, 'O1.1', 1, 0.25, '🟢', 6, '', '', 46396, 'Q1 2027'],
    ['2027-01-15', 2, 'O1.1', 2, 0.5, '🟢', 8, '', '', 46403, 'Q1 2027'],
    ['2027-01-15', 2, 'O2.1', 0.25, 0.5, '🟢', null, '', '', 46403, 'Q1 2027'],
    // Another quarter's row of the same KR id does not count.
    ['2027-04-09', 1, 'O1.1', 9, 1, '🟢', 2, '', '', 46486, 'Q2 2027'],
  ];
  const engine = createFormulaEngine(
    {
      [OKR]: rows,
      History: history,
      'OKR feed': feed.cells.map((row) => row.map((cell) => (cell === null ? null : cellInput(cell)))),
    },
    { lang: plan.language, locale: options.locale ?? 'en_US' },
  );
  const records = () => {
    const values = engine.values('OKR feed', `A1:U${feed.lastRow}`);
    const header = values[0] as string[];
    return values
      .slice(1)
      .filter((row) => row[feedColumn('kr_id') - 1] !== '' && row[feedColumn('kr_id') - 1] !== null)
      .map((row) => Object.fromEntries(header.map((key, c) => [key, row[c] ?? ''])));
  };
  return { feed, engine, records };
}

describe('the OKR feed formulas', () => {
  for (const style of ['addon', 'portable'] as const) {
    for (const lang of ['en', 'pl'] as const) {
      it(`give one row per KR in the contract's codes (${style}, ${lang})`, () => {
        const { records } = evaluateFeed(workedExamplePlan(lang, style));
        const rows = records();
        expect(rows.map((row) => row.kr_id)).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O2.4']);
        expect(rows[0]).toMatchObject({
          schema_version: 1,
          team: 'Sprzedaż B2B',
          quarter: 'Q1 2027',
          level: 'company',
          objective_id: 'O1',
          kr_id: 'O1.1',
          owner: 'Anna',
          kind: 'increase',
          unit: 'count',
          start: 0,
          target: 4,
          current: 3,
          // Committed at 0.75 by the quarter's end: yellow (green needs 1.0).
          status: 'yellow',
          type: 'committed',
          weight: 2,
          // The latest recording of this quarter: week 2's day and confidence, not Q2's.
          last_recorded: 46403,
          confidence: 8,
        });
        expect(rows[0]?.score).toBeCloseTo(0.75);
        expect(rows.map((row) => row.kind)).toEqual([
          'increase',
          'increase',
          'decrease',
          'increase',
          'at_most',
          'milestone',
          'increase',
        ]);
        expect(rows.map((row) => row.unit)).toEqual(['count', 'PLN', 'days', 'percent', 'percent', 'count', 'PLN']);
        expect(rows.map((row) => row.level)).toEqual(['company', 'company', 'company', 'team', 'team', 'team', 'team']);
        expect(rows.map((row) => row.company_objective)).toEqual(['', '', '', 'O1', 'O1', 'O1', 'O1']);
        // The milestone "tak" is 1; its score too.
        expect(rows[5]).toMatchObject({ current: 1, score: 1 });
        // Recorded without a confidence: the day, and a blank confidence.
        expect(rows[3]).toMatchObject({ last_recorded: 46403, confidence: '' });
        // Never recorded: both blank.
        expect(rows[1]).toMatchObject({ last_recorded: '', confidence: '' });
        for (const row of rows) expect(['green', 'yellow', 'red']).toContain(row.status);
      });
    }
  }

  it('keeps every row whole after the OKR table is sorted', () => {
    const { records } = evaluateFeed(workedExamplePlan('en', 'portable'), { order: [6, 5, 4, 3, 2, 1, 0] });
    const rows = records();
    expect(rows.map((row) => row.kr_id)).toEqual(['O2.4', 'O2.3', 'O2.2', 'O2.1', 'O1.3', 'O1.2', 'O1.1']);
    const byId = Object.fromEntries(rows.map((row) => [row.kr_id, row]));
    expect(byId['O1.1']).toMatchObject({ current: 3, weight: 2, confidence: 8, last_recorded: 46403 });
    expect(byId['O1.1']?.score).toBeCloseTo(0.75);
    expect(byId['O2.4']).toMatchObject({ current: 300_000, score: 0, key_result: 'Pipeline' });
  });

  it('leaves out a blank row between key results, with no gap in the feed', () => {
    // Position 7 is a spare row of the table: after this "sort" it sits between O1.1 and O1.2.
    const { engine, feed, records } = evaluateFeed(workedExamplePlan('pl', 'portable'), {
      order: [0, 7, 1, 2, 3, 4, 5, 6],
    });
    expect(records().map((row) => row.kr_id)).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O2.4']);
    const krIds = engine.values('OKR feed', `H2:H${feed.lastRow}`).map(([id]) => id);
    expect(krIds.slice(0, 8)).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O2.4', '']);
    expect(new Set(krIds.slice(7))).toEqual(new Set(['']));
  });

  it('computes the same in a Polish spreadsheet', () => {
    const { records } = evaluateFeed(workedExamplePlan('pl', 'addon'), { locale: 'pl_PL' });
    expect(records().map((row) => row.kind)).toContain('milestone');
    expect(records()[0]?.score).toBeCloseTo(0.75);
  });

  it('writes every formula in the dialect that parses in every locale, and the header as the contract', () => {
    const { feed } = evaluateFeed(workedExamplePlan('pl', 'addon'));
    const formulas = feed.cells.flat().flatMap((cell) => (cell && 'formula' in cell ? [cell.formula] : []));
    expect(formulas.length).toBeGreaterThan(19);
    for (const formula of formulas)
      expect({ formula, problems: dialectProblems(formula) }).toEqual({ formula, problems: [] });
    expect(feed.cells[0]?.map((cell) => (cell && 'text' in cell ? cell.text : null))).toEqual([
      ...FEED_KEYS,
      ...FEED_WORK_COLUMNS,
    ]);
    expect(feed.namedRange).toEqual({ name: FEED_NAMED_RANGE, a1: 'A1:U102' });
  });
});

describe('the OKR feed tab', () => {
  let services: FakeServices;
  const open = (sheets?: Record<string, unknown[][]>) => {
    services = createFakeServices({ locale: 'en_US', ...(sheets ? { sheets } : {}) });
    installGlobals(services);
    forgetLang();
  };
  beforeEach(() => open());
  afterEach(() => forgetLang());

  it('is built beside the OKR sheet, found by metadata, with the named range a roll-up imports', () => {
    const result = buildQuarter(workedExamplePlan('pl'));
    expect(result.feedSheetName).toBe('OKR feed');
    const names = services.spreadsheet.getSheets().map((sheet) => sheet.name);
    expect(names.indexOf('OKR feed')).toBe(names.indexOf('OKR Q1 2027') + 1);
    const feeds = findFeedSheets(asReal(services.spreadsheet));
    expect(feeds.map(({ sheet, quarter }) => [sheet.getName(), quarter])).toEqual([['OKR feed', 'Q1 2027']]);
    const named = services.spreadsheet.getRangeByName(FEED_NAMED_RANGE);
    expect(named?.getSheet().getName()).toBe('OKR feed');
    expect(named?.getA1Notation()).toBe('A1:U102');
    const feed = services.spreadsheet.sheet('OKR feed');
    expect(feed.grid.peek(1, 1)).toMatchObject({ value: 'schema_version' });
    expect(feed.grid.peek(2, feedColumn('kr_id')).formula).toContain("INDEX('OKR Q1 2027'!$D$7:$D$");
    expect(feed.grid.peek(1, feedWorkColumn('_okr_row'))).toMatchObject({ value: '_okr_row' });
    expect(feed.grid.peek(2, feedColumn('confidence')).formula).toContain("'Historia'!$G:$G");
  });

  it("keeps an earlier quarter's feed under its quarter's name and moves the named range to the new one", () => {
    buildQuarter(workedExamplePlan('en'));
    const next = { ...workedExamplePlan('en'), quarter: { kind: 'quarter' as const, year: 2027, quarter: 2 } };
    buildQuarter(next);
    const feeds = findFeedSheets(asReal(services.spreadsheet)).map(({ sheet, quarter }) => [sheet.getName(), quarter]);
    expect(feeds).toEqual(
      expect.arrayContaining([
        ['OKR feed Q1 2027', 'Q1 2027'],
        ['OKR feed', 'Q2 2027'],
      ]),
    );
    expect(services.spreadsheet.getRangeByName(FEED_NAMED_RANGE)?.getSheet().getName()).toBe('OKR feed');
    expect(services.spreadsheet.sheet('OKR feed').grid.peek(2, feedColumn('kr_id')).formula).toContain('OKR Q2 2027');
  });

  it("never touches a user's tab named OKR feed: the feed takes the next free name and says so", () => {
    open({ 'OKR feed': [['my notes']] });
    const result = buildQuarter(workedExamplePlan('en'));
    expect(result.feedSheetName).toBe('OKR feed (2)');
    expect(result.warnings.join(' ')).toContain('OKR feed (2)');
    expect(services.spreadsheet.sheet('OKR feed').dump().values).toEqual([['my notes']]);
    expect(services.spreadsheet.getRangeByName(FEED_NAMED_RANGE)?.getSheet().getName()).toBe('OKR feed (2)');
  });
});
