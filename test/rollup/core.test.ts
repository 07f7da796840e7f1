// The roll-up's pure core: reading team feeds from plain values with the problems named by team, row and field;
// scoring company objectives from the aligned team objectives (domain.md's objective rule at both levels);
// team links; the alignment map's rows; and the Roll-up tab's formulas computed by HyperFormula with a
// test-only IMPORTRANGE, agreeing with the core's numbers.

import { beforeAll, describe, expect, it } from 'vitest';
import { dialectProblems } from '../../src/core/formula-text';
import { cellInput } from '../../src/core/okr-sheet/cells';
import { layoutAlignmentMap } from '../../src/core/rollup/alignment-map';
import { FEED_KEYS } from '../../src/core/rollup/feed-schema';
import { parseFeed } from '../../src/core/rollup/parse-feed';
import { rollUp, weightKey } from '../../src/core/rollup/rollup';
import { blockRow, importFormula, layoutRollupLeft, STACK_COLUMN } from '../../src/core/rollup/rollup-sheet';
import { parseTeamLink, parseTeamLinks, teamUrl } from '../../src/core/rollup/team-link';
import { rollupText } from '../../src/core/rollup/texts';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';
import { feedRows, sizedFeed } from './fixtures';
import { IMPORTS, registerTestImportRange } from './import-range';

const ID_A = '1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const ID_B = '1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const ID_C = '1CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC';

/** Sales: O1 (weights 2, 1, 1 → domain.md's 0.7125) aligned to C1; O2 aligned to C2. */
const SALES = feedRows('Sales', [
  { objective_id: 'O1', kr_id: 'O1.1', score: 0.75, weight: 2 },
  { objective_id: 'O1', kr_id: 'O1.2', score: 0.6 },
  { objective_id: 'O1', kr_id: 'O1.3', score: 0.75 },
  { objective_id: 'O2', kr_id: 'O2.1', score: 0.2, company_objective: 'C2' },
  { objective_id: 'O2', kr_id: 'O2.2', score: '', company_objective: 'C2' },
]);
/** Marketing: O1 aligned to C1 with a score of 0.3; O2 aligned to nothing. */
const MARKETING = feedRows('Marketing', [
  { objective_id: 'O1', kr_id: 'O1.1', score: 0.3 },
  { objective_id: 'O2', kr_id: 'O2.1', score: 1, company_objective: '' },
]);
const COMPANY = [
  { id: 'C1', title: 'Grow recurring revenue' },
  { id: 'C2', title: 'Shorten the sales cycle' },
];

describe('parseFeed', () => {
  it('reads key results by the header names, numbers as numbers and blanks as null', () => {
    const { keyResults, problems, truncated } = parseFeed('Sales', SALES);
    expect(problems).toEqual([]);
    expect(truncated).toBe(false);
    expect(keyResults.map((kr) => [kr.krId, kr.score, kr.weight, kr.companyObjective])).toEqual([
      ['O1.1', 0.75, 2, 'C1'],
      ['O1.2', 0.6, 1, 'C1'],
      ['O1.3', 0.75, 1, 'C1'],
      ['O2.1', 0.2, 1, 'C2'],
      ['O2.2', null, 1, 'C2'],
    ]);
  });

  it('names every problem by team, row, field and value, and keeps the rest of the feed', () => {
    const rows = feedRows('Sales', [
      { objective_id: 'O1', kr_id: 'O1.1', score: 'lots', kind: 'grow', unit: 'CHF' },
      { objective_id: 'O1', kr_id: 'O1.1', score: 0.5 },
      { objective_id: '', kr_id: 'O1.3' },
      { objective_id: 'O1', kr_id: 'O1.4', schema_version: 2 },
      { objective_id: 'O1', kr_id: 'O1.5', current: '#REF!' },
      { objective_id: 'O1', kr_id: '' },
    ]);
    const { keyResults, problems } = parseFeed('Sales', rows);
    expect(keyResults.map((kr) => kr.krId)).toEqual(['O1.1', 'O1.5']);
    expect(problems).toEqual([
      {
        code: 'unknownCode',
        team: 'Sales',
        row: 2,
        field: 'kind',
        value: 'grow',
        codes: 'increase, decrease, at_least, at_most, milestone',
      },
      { code: 'notANumber', team: 'Sales', row: 2, field: 'score', value: 'lots' },
      { code: 'duplicate', team: 'Sales', row: 3, field: 'kr_id', value: 'O1.1' },
      { code: 'missing', team: 'Sales', row: 4, field: 'objective_id' },
      { code: 'schemaVersion', team: 'Sales', row: 5, field: 'schema_version', value: '2' },
      { code: 'error', team: 'Sales', row: 6, field: 'current', value: '#REF!' },
    ]);
    const message = rollupText('pl', 'problem_notANumber', { team: 'Sales', row: 2, field: 'score', value: 'lots' });
    expect(message).toBe('Sales, wiersz 2: score „lots” nie jest liczbą');
  });

  it('says when an import is no feed: an error value or another table', () => {
    expect(parseFeed('Sales', [['#REF!']]).problems).toEqual([
      { code: 'error', team: 'Sales', row: 0, value: '#REF!' },
    ]);
    expect(parseFeed('Sales', [['Name', 'Amount']]).problems).toEqual([
      { code: 'notAFeed', team: 'Sales', row: 0, value: 'Name' },
    ]);
  });

  it('reads at most the roll-up window and marks a longer feed truncated', () => {
    const parsed = parseFeed('Big', sizedFeed('Big', 11, 10));
    expect(parsed.keyResults).toHaveLength(100);
    expect(parsed.truncated).toBe(true);
    expect(parseFeed('Big', sizedFeed('Big', 11, 10), 200).truncated).toBe(false);
  });
});

describe('rollUp', () => {
  const teams = [
    { team: 'Sales', keyResults: parseFeed('Sales', SALES).keyResults },
    { team: 'Marketing', keyResults: parseFeed('Marketing', MARKETING).keyResults },
  ];

  it("scores each company objective as the weighted mean of its team objectives' scores", () => {
    const rollup = rollUp({ companyObjectives: COMPANY, teams });
    const [c1, c2] = rollup.companyObjectives;
    expect(c1?.teamObjectives.map((o) => [o.team, o.objectiveId, o.score])).toEqual([
      ['Sales', 'O1', expect.closeTo(0.7125, 10)],
      ['Marketing', 'O1', 0.3],
    ]);
    expect(c1?.score).toBeCloseTo((0.7125 + 0.3) / 2, 10);
    // O2.2 has no score yet: O2 is 0.2 from O2.1 alone.
    expect(c2?.score).toBeCloseTo(0.2, 10);
    expect(rollup.unaligned.map((o) => [o.team, o.objectiveId])).toEqual([['Marketing', 'O2']]);
  });

  it('takes the weights the company gives its team objectives', () => {
    const weights = new Map([[weightKey('Sales', 'O1'), 3]]);
    const c1 = rollUp({ companyObjectives: COMPANY, teams, weights }).companyObjectives[0];
    expect(c1?.score).toBeCloseTo((3 * 0.7125 + 0.3) / 4, 10);
    expect(c1?.teamObjectives[0]?.weight).toBe(3);
  });

  it('lists an id teams align to that the company lacks, and gives no score where nothing is scored', () => {
    const odd = feedRows('Ops', [{ objective_id: 'O1', kr_id: 'O1.1', company_objective: 'C9', score: '' }]);
    const rollup = rollUp({
      companyObjectives: COMPANY,
      teams: [{ team: 'Ops', keyResults: parseFeed('Ops', odd).keyResults }],
    });
    expect(rollup.companyObjectives.map((o) => [o.id, o.known, o.score])).toEqual([
      ['C1', true, null],
      ['C2', true, null],
      ['C9', false, null],
    ]);
  });

  it("counts a team's copy of a company objective (level company, no parent) for that objective", () => {
    const copy = feedRows('Sales', [
      { objective_id: 'C1', kr_id: 'C1.1', level: 'company', company_objective: '', score: 0.5 },
    ]);
    const rollup = rollUp({
      companyObjectives: COMPANY,
      teams: [{ team: 'Sales', keyResults: parseFeed('Sales', copy).keyResults }],
    });
    expect(rollup.companyObjectives[0]?.score).toBe(0.5);
  });
});

describe('team links', () => {
  it('takes a spreadsheet link or a bare id, and refuses anything else', () => {
    expect(parseTeamLink(`https://docs.google.com/spreadsheets/d/${ID_A}/edit#gid=0`)).toEqual({ ok: true, id: ID_A });
    expect(parseTeamLink(`  ${ID_B} `)).toEqual({ ok: true, id: ID_B });
    expect(parseTeamLink('https://example.com/spreadsheets/d/abc')).toEqual({ ok: false, problem: 'notALink' });
    expect(parseTeamLink('')).toEqual({ ok: false, problem: 'empty' });
    expect(teamUrl(ID_A)).toBe(`https://docs.google.com/spreadsheets/d/${ID_A}`);
  });

  it('refuses a team already connected or pasted twice', () => {
    const parsed = parseTeamLinks([ID_A, `https://docs.google.com/spreadsheets/d/${ID_B}`, '', ID_B, 'x'], [ID_A]);
    expect(parsed.map((link) => [link.line, link.ok ? link.id : link.problem])).toEqual([
      [1, 'duplicate'],
      [2, ID_B],
      [4, 'duplicate'],
      [5, 'notALink'],
    ]);
  });
});

describe('the alignment map', () => {
  it('puts company objective → team objectives → key results in rows, with scores, weights and statuses', () => {
    const teams = [{ team: 'Sales', keyResults: parseFeed('Sales', SALES).keyResults }];
    const spec = layoutAlignmentMap(rollUp({ companyObjectives: COMPANY, teams }), { lang: 'en', date: '2027-02-01' });
    const rows = spec.cells.map((row) => row.map((cell) => (cell === null ? '' : cellInput(cell))));
    expect(rows[0]?.[0]).toBe("'Alignment map · 2027-02-01");
    const body = rows.slice(4).map((row) => row.filter((cell) => cell !== '').join(' | '));
    expect(body).toEqual([
      "'C1 · Grow recurring revenue | 0.7125",
      "'Sales | 'O1 · Objective O1 | 0.7125 | 1",
      "'O1.1 | 'Key result O1.1 | 'Anna | 0.75",
      "'O1.2 | 'Key result O1.2 | 'Anna | 0.6",
      "'O1.3 | 'Key result O1.3 | 'Anna | 0.75",
      "'C2 · Shorten the sales cycle | 0.2",
      "'Sales | 'O2 · Objective O2 | 0.2 | 1",
      "'O2.1 | 'Key result O2.1 | 'Anna | 0.2",
      "'O2.2 | 'Key result O2.2 | 'Anna",
    ]);
    expect(spec.conditionalRules.map((rule) => rule.ranges)).toEqual([['G5:G13'], ['G5:G13'], ['G5:G13']]);
  });
});

describe('the Roll-up tab formulas', () => {
  beforeAll(() => registerTestImportRange());

  /** The Roll-up tab of three teams (Sales, Marketing, one not allowed yet), computed. */
  function evaluateRollup(weights: number[] = [1, 1, 1]) {
    IMPORTS.set(teamUrl(ID_A), SALES);
    IMPORTS.set(teamUrl(ID_B), MARKETING);
    IMPORTS.delete(teamUrl(ID_C));
    const teamIds = [ID_A, ID_B, ID_C];
    const aligned = [
      { companyObjective: 'C1', team: 0, objectiveId: 'O1', title: 'Objective O1', weight: weights[0] ?? 1 },
      { companyObjective: 'C1', team: 1, objectiveId: 'O1', title: 'Objective O1', weight: weights[1] ?? 1 },
      { companyObjective: 'C2', team: 0, objectiveId: 'O2', title: 'Objective O2', weight: weights[2] ?? 1 },
    ];
    const left = layoutRollupLeft({ lang: 'en', teams: teamIds, companyObjectives: COMPANY, aligned });
    const lastRow = blockRow(teamIds.length);
    const rows: CellInput[][] = Array.from({ length: lastRow }, (_, r) =>
      Array.from({ length: STACK_COLUMN + 21 }, (_, c) => {
        const cell = left.cells[r]?.[c];
        return cell ? cellInput(cell) : null;
      }),
    );
    teamIds.forEach((id, index) => {
      (rows[blockRow(index) - 1] as CellInput[])[STACK_COLUMN - 1] = importFormula(id);
    });
    const engine = createFormulaEngine({ 'Roll-up': rows });
    return { left, engine, rows };
  }

  it('stack one block per team and score the company objectives live, as the core does', () => {
    const { left, engine } = evaluateRollup();
    const [salesRow, marketingRow, waitingRow] = left.teamRows;
    expect(engine.values('Roll-up', `B${salesRow}:E${salesRow}`)[0]).toEqual(['Sales', teamUrl(ID_A), 'connected', 5]);
    expect(engine.value('Roll-up', `D${marketingRow}`)).toBe('connected');
    expect(engine.value('Roll-up', `D${waitingRow}`)).toBe('waiting for access');
    expect(engine.value('Roll-up', `E${waitingRow}`)).toBe(0);
    const c1 = left.companyRows.get('c1') as number;
    const c2 = left.companyRows.get('c2') as number;
    expect(engine.value('Roll-up', `C${c1}`)).toBeCloseTo((0.7125 + 0.3) / 2, 9);
    expect(engine.value('Roll-up', `C${c2}`)).toBeCloseTo(0.2, 9);
    const [salesO1, marketingO1] = left.alignedRows;
    expect(engine.value('Roll-up', `F${salesO1}`)).toBeCloseTo(0.7125, 9);
    expect(engine.value('Roll-up', `B${marketingO1}`)).toBe('Marketing');
    expect(engine.value('Roll-up', `G${salesO1}`)).toBe(3);
  });

  it('follow a changed weight and a team that is later allowed', () => {
    const { left, engine } = evaluateRollup([3, 1, 1]);
    const c1 = left.companyRows.get('c1') as number;
    expect(engine.value('Roll-up', `C${c1}`)).toBeCloseTo((3 * 0.7125 + 0.3) / 4, 9);
    engine.setCell('Roll-up', `E${left.alignedRows[1]}`, 0);
    expect(engine.value('Roll-up', `C${c1}`)).toBeCloseTo(0.7125, 9);
  });

  it('tell a broken link (#N/A) and a feed over 100 key results', () => {
    IMPORTS.set(teamUrl(ID_A), sizedFeed('Big', 11, 10));
    IMPORTS.set(teamUrl(ID_B), { error: 'NA', message: 'Range not found' });
    const left = layoutRollupLeft({ lang: 'pl', teams: [ID_A, ID_B], companyObjectives: COMPANY, aligned: [] });
    const rows: CellInput[][] = Array.from({ length: blockRow(2) }, (_, r) =>
      Array.from({ length: STACK_COLUMN + 21 }, (_, c) => {
        const cell = left.cells[r]?.[c];
        return cell ? cellInput(cell) : null;
      }),
    );
    [ID_A, ID_B].forEach((id, index) => {
      (rows[blockRow(index) - 1] as CellInput[])[STACK_COLUMN - 1] = importFormula(id);
    });
    const engine = createFormulaEngine({ 'Roll-up': rows });
    expect(engine.value('Roll-up', `D${left.teamRows[0]}`)).toBe(
      'ponad 100 kluczowych rezultatów: liczy się pierwsze 100',
    );
    expect(engine.value('Roll-up', `E${left.teamRows[0]}`)).toBe(100);
    expect(engine.value('Roll-up', `D${left.teamRows[1]}`)).toBe('błąd');
  });

  it('are written in the dialect, with the feed named range as the range string', () => {
    const { rows } = evaluateRollup();
    const formulas = rows.flat().filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
    for (const formula of formulas)
      expect({ formula, problems: dialectProblems(formula) }).toEqual({ formula, problems: [] });
    expect(importFormula(ID_A)).toBe(`=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${ID_A}";"OKR_FEED")`);
    expect(FEED_KEYS).toHaveLength(21);
  });
});
