// `okr build` with a plan file whose key results name a `source`: the OKR sheet it writes has the Deals formula
// in the current cell, an empty Deals sheet beside it (said on the output), and a source whose unit does not
// fit the key result is refused by name, with the file's line.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { buildPlanFile, examplePlan, tempFolder, workbookSheets } from '../cli/run-cli';

const temp = tempFolder();
afterAll(temp.remove);

describe('okr build with key results fed by the Deals sheet', () => {
  it('writes the source’s formula and makes an empty Deals sheet', async () => {
    const fed = examplePlan();
    fed.objectives[0].keyResults[0].source = 'deals.pipelineValue';
    const workbook = join(temp.folder, 'fed-wb.json');
    const run = await buildPlanFile(temp.folder, 'fed.json', fed, ['--workbook', workbook]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('„Transakcje”');
    const sheets = workbookSheets(workbook);
    expect(sheets.map((sheet) => sheet.name)).toContain('Transakcje');
    const current = sheets.find((sheet) => sheet.name === 'OKR Q1 2027')?.cells[FIRST_DATA_ROW - 1]?.[
      columnOf('current') - 1
    ];
    expect(current?.formula).toMatch(/^=IF\(COUNT\('Transakcje'!\$D:\$D\)=0;"";SUMIFS\(/);
    expect(current?.value.raw).toBeNull();
  });

  it('refuses a source whose unit does not fit, naming the KR and the line', async () => {
    const bad = examplePlan();
    bad.objectives[0].keyResults[0].source = 'deals.winRate';
    const run = await buildPlanFile(temp.folder, 'bad.json', bad, ['--out', join(temp.folder, 'bad.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `bad.json:${run.lineOf('"source"')}  objectives[0].keyResults[0].source: Źródło bieżącej wartości O1.1`,
    );
  });
});
