// `okr build` with a scenario plan: a KR's minimum and maximum targets from the plan file (numbers, or text
// read by the one reader in the plan's language) land in the OKR sheet's scenario columns, the scenario the
// current value reaches is computed, and a minimum on the wrong side of the target is refused by name.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { buildPlanFile, examplePlan, tempFolder, workbookSheets } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);

describe('okr build with minimum and maximum targets', () => {
  it('writes them beside the target and names the scenario the current value reaches', async () => {
    const withScenarios = examplePlan();
    // Pipeline value 300 000 → 1 000 000 zł: minimum "800 000", maximum "1,2 mln" (Polish text).
    const first = withScenarios.objectives[0].keyResults[0];
    Object.assign(first, { minTarget: '800 000', maxTarget: '1,2 mln', current: 900_000 });
    const workbook = join(temp.folder, 'wb.json');
    const run = await buildPlanFile(temp.folder, 'scenarios.json', withScenarios, ['--workbook', workbook]);
    expect(run.code, run.stderr).toBe(0);
    const sheet = workbookSheets(workbook).find((candidate) => candidate.name === 'OKR Q1 2027');
    const raw = (key: Parameters<typeof columnOf>[0]) =>
      sheet?.cells[FIRST_DATA_ROW - 1]?.[columnOf(key) - 1]?.value.raw ?? null;
    expect(raw('minTarget')).toBe(800_000);
    expect(raw('maxTarget')).toBe(1_200_000);
    expect(raw('scenario')).toBe('minimalny');
  });

  it('refuses a minimum above the target of a rising KR, naming the KR, the value and the line', async () => {
    const bad = examplePlan();
    bad.objectives[0].keyResults[0].minTarget = 2_000_000;
    const run = await buildPlanFile(temp.folder, 'bad.json', bad, ['--out', join(temp.folder, 'bad.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `bad.json:${run.lineOf('"minTarget"')}  objectives[0].keyResults[0].minTarget: Cel minimalny O1.1: 2000000 jest powyżej celu 1000000`,
    );
  });
});
