// Figures of issue 11's company roll-up for `npm run bench`, on the typed fake: the service calls and time of
// connecting one more team and of refreshing the roll-up, with `teams` teams of `krs` key results each. The
// fake computes no IMPORTRANGE, so each block is given what the import would show. The calls must grow
// neither with the key results nor with the teams (test/rollup/server.test.ts holds it; growing a tab is one
// insertRowsAfter when its rows run out, counted apart). Compiled by esbuild and imported by scripts/bench.mjs.

import { createFakeServices, type FakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { FEED_COLUMNS, FEED_WINDOW_ROWS } from '../src/core/rollup/feed-schema';
import { blockRow, STACK_COLUMN } from '../src/core/rollup/rollup-sheet';
import { forgetLang } from '../src/server/language';
import { buildQuarter } from '../src/server/quarter-builder';
import { connectTeams, refreshRollup } from '../src/server/rollup';
import type { QuarterPlan } from '../src/shared/plan';
import { sizedFeed } from '../test/rollup/fixtures';

/** A spreadsheet id for team `n`. */
export const teamId = (n: number) => `1${String(n).padStart(3, '0')}${'x'.repeat(40)}`;

/** The company's own OKR sheet: objectives C1 and C2 of level company. */
export function companyPlan(): QuarterPlan {
  const kr = { kind: 'increase' as const, unit: 'count' as const, start: 0, target: 10, weight: 1 };
  const rest = { owner: '', committed: false, notes: '' };
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'ACME',
    language: 'en',
    levels: ['company'],
    currency: 'PLN',
    formulaStyle: 'addon',
    objectives: [
      { id: 'C1', level: 'company', title: 'Grow recurring revenue', keyResults: [{ ...kr, ...rest, title: 'ARR' }] },
      {
        id: 'C2',
        level: 'company',
        title: 'Shorten the sales cycle',
        keyResults: [{ ...kr, ...rest, title: 'Cycle' }],
      },
    ],
  };
}

/** Writes into team `index`'s block what its IMPORTRANGE would show. */
export function importInto(services: FakeServices, index: number, rows: unknown[][]): void {
  const sheet = services.spreadsheet.sheet('Roll-up');
  const padded = Array.from({ length: FEED_WINDOW_ROWS }, (_, r) =>
    Array.from({ length: FEED_COLUMNS.length }, (_, c) => rows[r]?.[c] ?? ''),
  );
  sheet.seed(padded, blockRow(index), STACK_COLUMN);
}

export interface RollupFigures {
  teams: number;
  krs: number;
  connectCalls: number;
  connectMs: number;
  refreshCalls: number;
  refreshMs: number;
  result: ReturnType<typeof refreshRollup>;
}

/** Connects the last of `teams` teams (the others connected and imported), then refreshes; calls and times. */
export function measureRollup(
  teams: number,
  krs: number,
  services: FakeServices = createFakeServices(),
): RollupFigures {
  return withGlobalServices(services, () => {
    forgetLang();
    const feed = (n: number) => sizedFeed(`Team ${n}`, Math.ceil(krs / 5), Math.min(5, krs));
    buildQuarter(companyPlan());
    connectTeams({ links: Array.from({ length: teams - 1 }, (_, n) => teamId(n + 1)) });
    for (let index = 0; index < teams - 1; index++) importInto(services, index, feed(index + 1));
    const grown = () => services.calls.count('Sheet.insertRowsAfter');
    services.calls.reset();
    let started = performance.now();
    connectTeams({ links: [teamId(teams)] });
    const connectMs = performance.now() - started;
    const connectCalls = services.calls.total() - grown();
    importInto(services, teams - 1, feed(teams));
    services.calls.reset();
    started = performance.now();
    const result = refreshRollup();
    const refreshMs = performance.now() - started;
    const refreshCalls = services.calls.total() - grown();
    forgetLang();
    return { teams, krs, connectCalls, connectMs, refreshCalls, refreshMs, result };
  });
}
