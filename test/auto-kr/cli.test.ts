// `okr build` with a plan file whose key results name a `source`: the OKR sheet it writes has the Deals formula
// in the current cell, an empty Deals sheet beside it (said on the output), and a source whose unit does not
// fit the key result is refused by name, with the file's line.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { ROOT, runInProcess, tempFolder } from '../cli/run-cli';

const temp = tempFolder();
afterAll(temp.remove);

const plan = () => JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));

describe('okr build with key results fed by the Deals sheet', () => {
  it('writes the source’s formula and makes an empty Deals sheet', async () => {
    const fed = plan();
    fed.objectives[0].keyResults[0].source = 'deals.pipelineValue';
    const path = join(temp.folder, 'fed.json');
    writeFileSync(path, JSON.stringify(fed, null, 2));
    const workbook = join(temp.folder, 'fed-wb.json');
    const run = await runInProcess(['build', '--plan', path, '--workbook', workbook]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('„Transakcje”');
    const runtime = createLocalRuntime({ workbookPath: workbook, bundlePath: join(ROOT, 'dist/Code.js') });
    const sheets = runtime.snapshot().sheets;
    expect(sheets.map((sheet) => sheet.name)).toContain('Transakcje');
    const current = sheets.find((sheet) => sheet.name === 'OKR Q1 2027')?.cells[FIRST_DATA_ROW - 1]?.[
      columnOf('current') - 1
    ];
    expect(current?.formula).toMatch(/^=IF\(COUNT\('Transakcje'!\$D:\$D\)=0;"";SUMIFS\(/);
    expect(current?.value.raw).toBeNull();
  });

  it('refuses a source whose unit does not fit, naming the KR and the line', async () => {
    const bad = plan();
    bad.objectives[0].keyResults[0].source = 'deals.winRate';
    const path = join(temp.folder, 'bad.json');
    writeFileSync(path, JSON.stringify(bad, null, 2));
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'bad.xlsx')]);
    expect(run.code).toBe(1);
    const line =
      JSON.stringify(bad, null, 2)
        .split('\n')
        .findIndex((text) => text.includes('"source"')) + 1;
    expect(run.stderr).toContain(`bad.json:${line}  objectives[0].keyResults[0].source: Źródło bieżącej wartości O1.1`);
  });
});
