// The company roll-up on the fake: connecting teams (links validated, duplicates refused, one IMPORTRANGE per
// block), the teams' states read from the blocks' first cells, company objectives scored from the imported
// feeds, the weights the company sets kept across refreshes, the Alignment map, and service calls that grow
// neither with the key results per team nor with the teams. The fake computes no IMPORTRANGE: the tests write
// what it would import into the blocks (as Sheets would show it) and refresh.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../../local/spreadsheet';
import { companyPlan, importInto as importIntoBlock, measureRollup, teamId } from '../../scripts/bench-rollup';
import { blockRow, STACK_COLUMN } from '../../src/core/rollup/rollup-sheet';
import { forgetLang } from '../../src/server/language';
import { buildQuarter } from '../../src/server/quarter-builder';
import { connectTeams, findRollupSheet, refreshRollup, rollupStatus } from '../../src/server/rollup';
import { installGlobals } from '../support/install-globals';
import { feedRows } from './fixtures';

let services: FakeServices;
const id = teamId;

function open(): void {
  services = createFakeServices({ locale: 'en_US' });
  installGlobals(services);
  forgetLang();
}
beforeEach(open);
afterEach(() => forgetLang());

const importInto = (index: number, rows: unknown[][]) => importIntoBlock(services, index, rows);

describe('connectTeams', () => {
  it('writes one IMPORTRANGE of the feed per team and refuses bad or repeated links', () => {
    const result = connectTeams({
      links: [`https://docs.google.com/spreadsheets/d/${id(1)}/edit`, id(2), 'hello', id(1)],
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.added).toEqual([id(1), id(2)]);
    expect(result.refused.map((link) => [link.line, link.problem])).toEqual([
      [3, 'notALink'],
      [4, 'duplicate'],
    ]);
    const sheet = services.spreadsheet.sheet('Roll-up');
    expect(sheet.grid.peek(blockRow(1), STACK_COLUMN).formula).toBe(
      `=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${id(2)}";"OKR_FEED")`,
    );
    expect(result.teams.map((team) => [team.state, team.cell])).toEqual([
      ['loading', 'Roll-up!J5'],
      ['loading', 'Roll-up!J107'],
    ]);
    const again = connectTeams({ links: [id(2)] });
    expect(again.ok && again.refused.map((link) => link.problem)).toEqual(['duplicate']);
    expect(connectTeams({ links: 'x' })).toEqual({ ok: false, code: 'badRequest' });
  });
});

describe('refreshRollup', () => {
  it('reads the states, scores the company objectives, keeps the weights set, and draws the map', () => {
    buildQuarter(companyPlan());
    connectTeams({ links: [id(1), id(2), id(3)] });
    importInto(
      0,
      feedRows('Sales', [
        { objective_id: 'O1', kr_id: 'O1.1', score: 0.75, weight: 2 },
        { objective_id: 'O1', kr_id: 'O1.2', score: 0.6 },
        { objective_id: 'O1', kr_id: 'O1.3', score: 0.75 },
        { objective_id: 'O2', kr_id: 'O2.1', score: 0.2, company_objective: 'C2', status: 'red' },
      ]),
    );
    importInto(1, feedRows('Marketing', [{ objective_id: 'O1', kr_id: 'O1.1', score: 0.3 }]));
    importInto(2, [['#REF!']]);
    const result = refreshRollup();
    if (!result.ok) throw new Error(result.code);
    expect(result.teams.map((team) => [team.team, team.state, team.keyResults])).toEqual([
      ['Sales', 'connected', 4],
      ['Marketing', 'connected', 1],
      ['', 'waiting', 0],
    ]);
    expect(result.companyObjectives.map((o) => [o.id, o.title, o.teamObjectives])).toEqual([
      ['C1', 'Grow recurring revenue', 2],
      ['C2', 'Shorten the sales cycle', 1],
    ]);
    expect(result.companyObjectives[0]?.score).toBeCloseTo((0.7125 + 0.3) / 2, 9);

    // The company weighs Sales' O1 three times; the next refresh keeps it.
    const sheet = services.spreadsheet.sheet('Roll-up');
    const values = sheet.dump().values;
    const salesRow = values.findIndex((row) => row[0] === 'C1' && row[2] === 'O1') + 1;
    expect(salesRow).toBeGreaterThan(0);
    expect(sheet.grid.peek(salesRow, 6).formula).toContain('SUMPRODUCT');
    sheet.seed([[3]], salesRow, 5);
    const again = refreshRollup();
    expect(again.ok && again.companyObjectives[0]?.score).toBeCloseTo((3 * 0.7125 + 0.3) / 4, 9);

    const map = services.spreadsheet.sheet('Alignment map').dump();
    const texts = map.values.map((row) => row.filter((cell) => cell !== '').join(' | '));
    expect(texts).toContain('C1 · Grow recurring revenue');
    expect(texts.some((line) => line.startsWith('Sales | O1 · Objective O1'))).toBe(true);
    expect(map.formulas.flat().some((formula) => formula.includes("INDEX('Roll-up'!$Y$"))).toBe(true);
    expect(rollupStatus().teams).toHaveLength(3);
  });

  it('says there is no roll-up yet', () => {
    expect(refreshRollup()).toEqual({ ok: false, code: 'noRollup' });
    expect(findRollupSheet(services.spreadsheet as never)).toBeNull();
  });
});

describe('service calls', () => {
  it('of connecting a team and of refreshing do not grow with the key results per team, nor with the teams', () => {
    const small = measureRollup(5, 10);
    const large = measureRollup(5, 100);
    expect(large.connectCalls).toBe(small.connectCalls);
    expect(large.refreshCalls).toBe(small.refreshCalls);
    const many = measureRollup(50, 100);
    expect(many.connectCalls).toBe(small.connectCalls);
    expect(many.refreshCalls).toBe(small.refreshCalls);
    expect(many.result.ok && many.result.teams.filter((team) => team.state === 'connected')).toHaveLength(50);
    expect(many.result.ok && many.result.companyObjectives[0]?.teamObjectives).toBe(50 * 20);
  });
});
