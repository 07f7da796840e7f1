// The company roll-up at scale through the add-on's own path (local/rollup-scale.ts): team workbooks built by
// the bundle, a company workbook with its objectives, a cold start over their folder where the bundle's
// connectTeams writes one IMPORTRANGE of OKR_FEED per team, access is allowed for each and refreshRollup lays
// the roll-up out. The company objectives' scores on the Roll-up tab are the core's rollUp of the same feeds,
// every team is connected with all its key results, and connecting a team or refreshing takes the same
// service calls whatever the key results per team and the teams; after a cold start over the folder the
// scores are the same, each workbook computed once. Times go to the bench.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureRollup, type RollupScaleFigures } from '../../local/rollup-scale';

const BUNDLE = join(__dirname, '../../dist/Code.js');

function expectAgreement(figures: RollupScaleFigures): void {
  expect(figures.connected).toBe(figures.teams);
  expect(figures.keyResults).toBe(figures.teams * figures.keyResultsPerTeam);
  expect(figures.scores.map((score) => score.id)).toEqual(['C1', 'C2', 'C3']);
  for (const score of figures.scores) {
    expect(score.core).not.toBeNull();
    expect(score.sheet).toBeCloseTo(score.core as number, 9);
    expect(score.afterRestart).toBeCloseTo(score.core as number, 9);
  }
}

// 50 workbooks of 100 key results are built, connected and computed twice (warm, then cold): a minute or two on a
// busy 2-core machine, so this test alone gets a wide time limit. Nothing here measures time.
const SCALE_TIMEOUT_MS = 900_000;

/** Five teams of 100 key results, measured once for both tests. */
let fiveTeams: RollupScaleFigures | undefined;
const fiveTeamsOf100 = (): RollupScaleFigures =>
  (fiveTeams ??= measureRollup({ teams: 5, objectives: 10, keyResults: 10, bundlePath: BUNDLE }));

describe('a company roll-up of team workbooks through connectTeams, IMPORTRANGE and refreshRollup', () => {
  it('scores the company objectives of 5 teams as the core does, in calls that do not grow with key results', () => {
    const small = measureRollup({ teams: 5, objectives: 5, keyResults: 2, bundlePath: BUNDLE });
    const large = fiveTeamsOf100();
    expect(small.keyResultsPerTeam).toBe(10);
    expect(large.keyResultsPerTeam).toBe(100);
    expectAgreement(small);
    expectAgreement(large);
    expect(large.connectCalls).toBe(small.connectCalls);
    expect(large.refreshCalls).toBe(small.refreshCalls);
  });

  it(
    'rolls up 50 teams of 100 key results each in the calls of 5, and a cold start computes each workbook once',
    () => {
      const five = fiveTeamsOf100();
      const fifty = measureRollup({ teams: 50, objectives: 10, keyResults: 10, bundlePath: BUNDLE });
      expectAgreement(fifty);
      // A cold start computes each team workbook once, and the company's once.
      expect(five.engineBuilds).toBe(five.teams + 1);
      expect(fifty.engineBuilds).toBe(fifty.teams + 1);
      expect(fifty.connectCalls).toBe(five.connectCalls);
      expect(fifty.refreshCalls).toBe(five.refreshCalls);
    },
    SCALE_TIMEOUT_MS,
  );
});
