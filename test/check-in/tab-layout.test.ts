// The check-in tab as data, without Sheets: the guide's sections in its order and wording in both
// languages, formulas wherever the team types, user text kept as text, the checks on what can be typed,
// and the metadata and regions the reader finds again. Also the pure pieces around it: which quarter and
// week a day belongs to, and which current cells a recording may write.

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { chooseCheckIn, type QuarterCandidate } from '../../src/core/check-in/check-in-source';
import {
  type CheckInTabInput,
  type CheckInTabLayout,
  checkInTabName,
  layoutCheckInTab,
  parseCheckInTabInfo,
  type TabKeyResult,
  tabColumn,
} from '../../src/core/check-in/check-in-tab';
import { planCurrentWrites } from '../../src/core/check-in/current-values';
import type { HistoryRecord } from '../../src/core/check-in/history';
import type { SheetCell } from '../../src/core/okr-sheet/cells';
import type { QuarterReading } from '../../src/core/okr-sheet/read';
import { checkInWeek } from '../../src/core/quarter';

const kr = (fields: Partial<TabKeyResult> & Pick<TabKeyResult, 'id' | 'kind'>): TabKeyResult => ({
  objective: 'Build a predictable pipeline',
  title: `Key result ${fields.id}`,
  owner: 'Anna',
  unit: 'count',
  start: 0,
  target: 10,
  committed: false,
  lastValue: null,
  lastRecordedDay: null,
  ...fields,
});

function input(overrides: Partial<CheckInTabInput> = {}): CheckInTabInput {
  return {
    lang: 'en',
    style: 'addon',
    currency: 'PLN',
    quarter: { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
    week: checkInWeek('2027-01-01', '2027-01-27'),
    asOf: '2027-01-27',
    okrSheetId: 7,
    keyResults: [
      kr({ id: 'O1.1', kind: 'increase', lastValue: 2, lastRecordedDay: dayFromIso('2027-01-20') }),
      kr({ id: 'O1.2', kind: 'milestone', start: null, target: null, lastValue: 1, lastRecordedDay: 46400 }),
      kr({ id: 'O2.1', kind: 'decrease', start: 60, target: 45, title: '=HYPERLINK("x")', unit: 'days' }),
    ],
    ...overrides,
  };
}

const textOf = (cell: SheetCell | undefined) => (cell && 'text' in cell ? cell.text : '');
const column = (layout: CheckInTabLayout, n: number) => layout.cells.map((row) => row[n - 1] ?? null);

describe('the check-in tab', () => {
  it.each([
    [
      'en',
      'Check-in W05',
      [
        'Sales Check-in – Week 5',
        'PIPELINE',
        'Deals in the final stage',
        'OKR STATUS',
        'BLOCKERS',
        'PLAN FOR THE WEEK',
      ],
    ],
    [
      'pl',
      'Check-in T05',
      [
        'Sales Check-in – Tydzień 5',
        'PIPELINE',
        'Okazje w końcowym etapie',
        'OKR STATUS',
        'BLOKERY',
        'PLAN NA TYDZIEŃ',
      ],
    ],
  ] as const)('follows the guide in %s: name, sections in order and wording', (lang, name, sections) => {
    const layout = layoutCheckInTab(input({ lang }));
    expect(layout.name).toBe(name);
    expect(checkInTabName(12, lang)).toBe(name.replace('05', '12'));
    const firstColumn = column(layout, 1).map(textOf);
    const positions = sections.map((section) => firstColumn.indexOf(section));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    ['en', 'Pipeline coverage'],
    ['pl', 'Pokrycie celu przez pipeline'],
  ] as const)('labels the pipeline coverage in words, not with the function name, in %s', (lang, label) => {
    const texts = layoutCheckInTab(input({ lang })).cells.flat().map(textOf);
    expect(texts).toContain(label);
    expect(texts.filter((text) => text.includes('PIPELINE_COVERAGE'))).toEqual([]);
  });

  it('puts formulas, not numbers, beside every cell the team types, and prefills this week with the last value', () => {
    const layout = layoutCheckInTab(input());
    const row = layout.keyResultRows[0]!.row;
    const at = (key: Parameters<typeof tabColumn>[0]) => layout.cells[row - 1]?.[tabColumn(key) - 1];
    expect(at('value')).toEqual({ number: 2 });
    expect(at('lastValue')).toEqual({ number: 2 });
    expect(at('lastDate')).toEqual({ number: dayFromIso('2027-01-20') });
    for (const key of ['share', 'change', 'flags', 'plan'] as const) expect(at(key)).toHaveProperty('formula');
    // Add-on style: one custom-function call per column, in the title cell.
    const title = layout.regions.keyResults.row - 1;
    expect(layout.cells[title - 1]?.[tabColumn('score') - 1]).toEqual({
      formula: `={"Score";KR_SCORE(H${row}:H${row + 2};I${row}:I${row + 2};L${row}:L${row + 2};E${row}:E${row + 2})}`,
    });
    expect(layout.cells[title - 1]?.[tabColumn('status') - 1]).toEqual({
      formula: `={"Status";KR_STATUS(N${row}:N${row + 2};$J$4;F${row}:F${row + 2};;E${row}:E${row + 2})}`,
    });
    // A milestone shows done / not done in the sheet's words.
    expect(layout.cells[row]?.[tabColumn('value') - 1]).toEqual({ text: 'yes' });
  });

  it('uses only plain Sheets functions in the portable style', () => {
    const layout = layoutCheckInTab(input({ style: 'portable' }));
    const formulas = layout.cells.flat().flatMap((cell) => (cell && 'formula' in cell ? [cell.formula] : []));
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.filter((f) => /KR_|OKR_|PIPELINE_COVERAGE/.test(f))).toEqual([]);
  });

  it('keeps user text as text, whatever it looks like', () => {
    const layout = layoutCheckInTab(input());
    const row = layout.keyResultRows[2]!.row;
    expect(layout.cells[row - 1]?.[tabColumn('keyResult') - 1]).toEqual({ text: '=HYPERLINK("x")' });
  });

  it('checks what can be typed: confidence 1–10 strictly, values with a warning, plan items from the KR ids', () => {
    const layout = layoutCheckInTab(input());
    const row = layout.keyResultRows[0]!.row;
    expect(layout.validations[row - 1]?.[tabColumn('confidence') - 1]).toMatchObject({
      kind: 'number',
      min: 1,
      max: 10,
      allowInvalid: false,
    });
    expect(layout.validations[row - 1]?.[tabColumn('value') - 1]).toMatchObject({ kind: 'number', allowInvalid: true });
    expect(layout.validations[row]?.[tabColumn('value') - 1]).toMatchObject({ kind: 'list', values: ['yes', 'no'] });
    const plan = layout.regions.plan.row;
    expect(layout.validations[plan - 1]?.[1]).toMatchObject({ kind: 'list', values: ['O1.1', 'O1.2', 'O2.1'] });
  });

  it('tags the tab with its quarter, week and info, and its regions with their rows', () => {
    const layout = layoutCheckInTab(input());
    const info = layout.sheetMetadata.find((m) => m.key === 'okr.checkIn.info')?.value;
    expect(parseCheckInTabInfo(info)).toMatchObject({ quarter: 'Q1 2027', week: 5, asOf: '2027-01-27', okrSheetId: 7 });
    expect(layout.regions.keyResults).toEqual({ row: layout.keyResultRows[0]!.row, rows: 3 });
    expect(layout.regions.plan.rows).toBe(3);
    expect(layout.regions.plan.row + 2).toBe(layout.lastRow);
  });
});

describe('the quarter and week of a check-in', () => {
  const q1: QuarterCandidate = {
    sheetId: 1,
    label: 'Q1 2027',
    start: '2027-01-01',
    end: '2027-03-31',
    frozen: true,
    index: 1,
  };
  const q2: QuarterCandidate = {
    sheetId: 2,
    label: 'Q2 2027',
    start: '2027-04-01',
    end: '2027-06-30',
    frozen: false,
    index: 2,
  };

  it('is the quarter whose weeks hold the day, else the latest, which may be over or not started', () => {
    expect(chooseCheckIn([q1, q2], '2027-02-10')).toMatchObject({ kind: 'running', quarter: q1, week: { week: 7 } });
    // Monday 29 March is in week 14 of Q1 and week 1 of Q2: Q1 while it is open, Q2 once Q1 is closed.
    expect(chooseCheckIn([{ ...q1, frozen: false }, q2], '2027-03-29')).toMatchObject({
      kind: 'running',
      quarter: { label: 'Q1 2027' },
      week: { week: 14 },
    });
    expect(chooseCheckIn([q1, q2], '2027-03-29')).toMatchObject({ kind: 'running', quarter: q2, week: { week: 1 } });
    expect(chooseCheckIn([q1, q2], '2027-07-10')).toMatchObject({ kind: 'over', quarter: q2, asOf: '2027-06-30' });
    expect(chooseCheckIn([q1], '2026-12-01')).toMatchObject({ kind: 'notStarted', quarter: q1 });
    expect(chooseCheckIn([], '2027-02-10')).toEqual({ kind: 'noQuarter' });
  });
});

describe('the current cells a recording writes', () => {
  const reading = (rows: { row: number; id: string; formula?: string }[]): QuarterReading => ({
    plan: null,
    settings: null,
    rows: rows.map(({ row, id, formula }) => ({
      row,
      id,
      objectiveId: 'O1',
      title: id,
      owner: '',
      current: null,
      currentFormula: formula ?? null,
      source: null,
      score: null,
      status: '',
      valid: true,
    })),
    problems: [],
    lang: 'en',
    headerRow: 6,
    columns: {},
  });
  const record = (keyResultId: string, value: number | null): HistoryRecord => ({
    recordedAt: '',
    day: 0,
    week: 5,
    keyResultId,
    value,
    score: null,
    status: null,
    confidence: null,
    comment: '',
    who: '',
  });

  it('are written in runs of adjacent rows, around formulas and blanks, never into them', () => {
    const writes = planCurrentWrites(
      reading([
        { row: 7, id: 'O1.1' },
        { row: 8, id: 'O1.2' },
        { row: 9, id: 'O1.3', formula: '=SUM(CRM!C:C)' },
        { row: 10, id: 'O2.1' },
        { row: 11, id: 'O2.2' },
      ]),
      '',
      [
        record('O1.1', 1),
        record('O1.2', 2),
        record('O1.3', 3),
        record('O2.1', 4),
        record('O2.2', null),
        record('O9.9', 5),
      ],
    );
    // With no plan read, the unit is unknown: the cells get General, which shows the number as it is.
    expect(writes.runs).toEqual([
      { row: 7, inputs: [1, 2], formats: ['General', 'General'] },
      { row: 10, inputs: [4], formats: ['General'] },
    ]);
    expect(writes.skipped).toEqual([{ keyResultId: 'O1.3', row: 9, formula: '=SUM(CRM!C:C)' }]);
    expect(writes.missing).toEqual(['O9.9']);
  });

  it('leave alone every cell an array formula fills, from the title cell or from a row', () => {
    const rows = [
      { row: 7, id: 'O1.1' },
      { row: 8, id: 'O1.2', formula: '=ARRAYFORMULA(SUMIFS(CRM!C:C,CRM!A:A,D8:D9))' },
      { row: 9, id: 'O1.3' },
    ];
    const records = [record('O1.1', 1), record('O1.2', 2), record('O1.3', 3)];
    expect(planCurrentWrites(reading(rows), '', records).runs).toEqual([{ row: 7, inputs: [1], formats: ['General'] }]);
    const fromTitle = planCurrentWrites(reading(rows.slice(0, 1)), '={"Current";ARRAYFORMULA(X7:X9)}', records);
    expect(fromTitle.runs).toEqual([]);
    expect(fromTitle.skipped.map((s) => s.keyResultId)).toEqual(['O1.1']);
  });
});
