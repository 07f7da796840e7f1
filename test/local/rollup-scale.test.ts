// The roll-up at scale (local/rollup-scale.ts): team workbooks made through the bundle, then a cold start over
// their folder where a company workbook imports every team's key results with one IMPORTRANGE per team. Every
// score arrives (the company's average is the one the teams' values give), each team's engine is built once,
// and the company's writes take the same few service calls for 5 teams as for 50. Times go to the bench.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureRollup } from '../../local/rollup-scale';

const BUNDLE = join(__dirname, '../../dist/Code.js');

describe('a company roll-up of team workbooks through IMPORTRANGE', () => {
  it('rolls up 5 and 50 teams of 100 key results each, every score arriving', () => {
    const small = measureRollup({ teams: 5, objectives: 10, keyResults: 10, bundlePath: BUNDLE });
    const large = measureRollup({ teams: 50, objectives: 10, keyResults: 10, bundlePath: BUNDLE });
    for (const figures of [small, large]) {
      expect(figures.keyResultsPerTeam).toBe(100);
      expect(figures.average).toBeCloseTo(figures.expected, 9);
      expect(figures.engineBuilds).toBe(figures.teams + 1);
    }
    expect(large.calls).toBe(small.calls);
  });
});
