// `okr rollup`: the company roll-up from workbook files. Three team workbooks built by the bundle and a company
// workbook with its objectives C1–C3 (local/team-workbooks.ts). The command prints the company objectives
// scored as the core rolls the teams' feeds up, writes company.xlsx with the Roll-up tab and the Alignment map
// as values (LibreOffice opens it and reads the scores back), never changes the workbook files, refuses bad
// feeds by team file, row and field with exit code 1 and nothing written, and replaces an .xlsx only with
// --force.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsRead } from '../../cli/rollup';
import { createLocalRuntime } from '../../local/runtime';
import { COMPANY_OBJECTIVES } from '../../local/team-workbooks';
import { FEED_KEYS } from '../../src/core/rollup/feed-schema';
import { layoutRollupFromScores, STACK_COLUMN, stackColumn } from '../../src/core/rollup/rollup-sheet';
import { buildCompanyWorkbooks } from '../rollup/company-workbooks';
import { hasSoffice, recomputeToCsv } from '../support/libreoffice';
import { type CliRun, ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const BUNDLE = join(ROOT, 'dist/Code.js');
const temp = tempFolder();
afterAll(temp.remove);

const company = join(temp.folder, 'company.json');
let teams: string[] = [];
let expected: Map<string, number | null>;

beforeAll(() => {
  const built = buildCompanyWorkbooks({
    folder: temp.folder,
    objectives: 5,
    keyResults: 2,
    runtime: { bundlePath: BUNDLE },
  });
  teams = built.teams.map((team) => team.path);
  expected = built.expected;
}, 120_000);

const percent = (score: number | null | undefined) => `${Math.round((score ?? 0) * 100)}%`;

describe('okr rollup --company --teams --out', () => {
  const out = join(temp.folder, 'out/company.xlsx');
  let run: CliRun;
  let companyBefore: string;
  beforeAll(async () => {
    companyBefore = readFileSync(company, 'utf8');
    run = await runCli(['rollup', '--company', company, '--teams', ...teams, '--out', out]);
  }, 120_000);

  it('prints the company objectives scored as the core rolls the teams up, and leaves the workbooks as they were', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Company objectives (3 teams):');
    for (const { id, title } of COMPANY_OBJECTIVES) {
      expect(expected.get(id)).not.toBeNull();
      expect(run.stdout).toContain(`  ${id} ${title}: ${percent(expected.get(id))}`);
    }
    expect(run.stdout).toMatch(/Team 01 · O4 Team 01 objective 4: \d+% \(weight 1\)/);
    expect(run.stdout).toContain('✓ Wrote');
    expect(readFileSync(company, 'utf8')).toBe(companyBefore);
  });

  it.skipIf(!hasSoffice && !process.env.CI)(
    'writes an .xlsx LibreOffice opens, with the Roll-up scores and the Alignment map as values',
    () => {
      const sheets = recomputeToCsv(out, join(temp.folder, 'csv'));
      const rollupTab = sheets.get('Roll-up') ?? [];
      const map = sheets.get('Alignment map') ?? [];
      expect(rollupTab.length).toBeGreaterThan(0);
      expect(map.length).toBeGreaterThan(0);
      for (const { id } of COMPANY_OBJECTIVES) {
        const row = rollupTab.find((cells) => cells[0] === id);
        expect(Number(row?.[2])).toBeCloseTo(expected.get(id) as number, 2);
        const section = map.find((cells) => cells[0]?.startsWith(`${id} · `));
        expect(Number(section?.[6])).toBeCloseTo(expected.get(id) as number, 2);
      }
      // The teams' feeds stacked where Sheets would import them (J5, J107, …), as values.
      expect(rollupTab[4]?.slice(9, 12)).toEqual(['schema_version', 'team', 'quarter']);
      expect(rollupTab[5]?.[10]).toBe('Team 01');
      expect(rollupTab[106]?.[9]).toBe('schema_version');
      expect(rollupTab[107]?.[10]).toBe('Team 02');
      // No formula is left to compute: nothing reads #NAME? or an error in the two tabs.
      for (const cells of [...rollupTab, ...map])
        for (const cell of cells) expect(cell).not.toMatch(/^(#(NAME\?|REF!|N\/A|VALUE!|DIV\/0!|NUM!)|Err:)/);
    },
    120_000,
  );

  it('replaces an existing .xlsx only with --force', async () => {
    const refused = await runInProcess(['rollup', '--company', company, '--teams', ...teams, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists: give another name, or add --force to replace it');
    const before = statSync(out).mtimeMs;
    const forced = await runInProcess([
      'rollup',
      '--company',
      company,
      '--teams',
      teams[0] as string,
      '--out',
      out,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Company objectives (1 team):');
    expect(statSync(out).mtimeMs).toBeGreaterThanOrEqual(before);
  }, 120_000);
});

describe('okr rollup with problems', () => {
  /** A workbook whose OKR_FEED holds the given rows (a feed damaged by hand). */
  function feedWorkbook(name: string, rows: unknown[][]): string {
    const path = join(temp.folder, `${name}.json`);
    const runtime = createLocalRuntime({ bundlePath: BUNDLE, workbookPath: path, locale: 'en_US', timeZone: 'UTC' });
    const book = runtime.services.spreadsheet;
    const sheet = book.insertSheet('OKR feed');
    sheet.getRange(1, 1, rows.length, FEED_KEYS.length).setValues(rows);
    book.setNamedRange('OKR_FEED', sheet.getRange(1, 1, 102, FEED_KEYS.length));
    runtime.save();
    return path;
  }

  it('names every problem by team file, row and field, exits 1 and writes nothing', async () => {
    const row = (overrides: Record<string, unknown>) =>
      FEED_KEYS.map((key) => {
        const base: Record<string, unknown> = {
          schema_version: 1,
          team: 'Bad team',
          quarter: 'Q1 2027',
          level: 'team',
          objective_id: 'O1',
          objective: 'Objective',
          company_objective: 'C1',
          kr_id: 'O1.1',
          key_result: 'KR',
          owner: 'Ann',
          kind: 'increase',
          unit: 'count',
          start: 0,
          target: 10,
          current: 5,
          score: 0.5,
          status: 'green',
          confidence: '',
          last_recorded: '',
          type: 'committed',
          weight: 1,
        };
        return { ...base, ...overrides }[key];
      });
    const bad = feedWorkbook('bad-team', [
      [...FEED_KEYS],
      row({}),
      row({ kr_id: 'O1.2', score: 'abc' }),
      row({ kr_id: 'O1.3', kind: 'grow' }),
    ]);
    const blank = join(temp.folder, 'blank.json');
    const runtime = createLocalRuntime({ bundlePath: BUNDLE, workbookPath: blank, locale: 'en_US', timeZone: 'UTC' });
    runtime.save();
    const out = join(temp.folder, 'refused.xlsx');
    const run = await runInProcess([
      'rollup',
      '--company',
      company,
      '--teams',
      teams[0] as string,
      bad,
      blank,
      teams[0] as string,
      join(temp.folder, 'missing.json'),
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/✗ .*bad-team\.json, row 3: score "abc" is not a number/);
    expect(run.stderr).toMatch(/✗ .*bad-team\.json, row 4: kind "grow" is not one of: /);
    expect(run.stderr).toMatch(/✗ .*blank\.json: the workbook has no OKR feed \(named range OKR_FEED\)/);
    expect(run.stderr).toMatch(/✗ .*team-01\.json: the same spreadsheet as .*team-01\.json/);
    expect(run.stderr).toMatch(/✗ .*missing\.json does not exist: make it first with/);
    expect(run.stderr).toContain('Nothing was written (5 problems).');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('refuses wrong usage with exit code 2', async () => {
    const noTeams = await runInProcess(['rollup', '--company', company, '--out', 'x.xlsx']);
    expect(noTeams.code).toBe(2);
    expect(noTeams.stderr).toContain('`rollup` needs --teams');
    const notXlsx = await runInProcess([
      'rollup',
      '--company',
      company,
      '--teams',
      teams[0] as string,
      '--out',
      'x.csv',
    ]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain('--out x.csv: the file name should end in .xlsx');
  });
});

describe('columnsRead: the columns of their own sheet formulas can read', () => {
  it('covers every cell and range, never a text in quotes or a function, and gives up on what it cannot place', () => {
    expect(columnsRead(['=SUMPRODUCT(($Q$6:$S$105<>"A1:Z9")*1)', '=IF(ISNA(b2);"";$C$3)'])).toEqual(
      new Set([17, 18, 19, 2, 3]),
    );
    expect(columnsRead(['=SUM(D:B)'])).toEqual(new Set([2, 3, 4]));
    expect(columnsRead(['=1+2', '="x"'])).toEqual(new Set());
    expect(columnsRead(['=SUM(A1)', "=SUM('Other'!A1)"])).toBeNull();
    expect(columnsRead(['=SUM(Total)'])).toBeNull();
    expect(columnsRead(['=SUM(2:3)'])).toBeNull();
    expect(columnsRead(['=SUM(OFFSET(A1;0;3))'])).toBeNull();
    expect(columnsRead(['=indirect("D1")'])).toBeNull();
  });

  it("places every formula of the Roll-up tab's layout: the stack columns they read and no others", () => {
    const objective = (team: string) => ({
      team,
      objectiveId: 'O1',
      title: 'Sell',
      companyObjective: 'C1',
      weight: 1,
      score: 0.5,
      keyResults: [],
    });
    const rollup = {
      companyObjectives: [
        { id: 'C1', title: 'Grow', score: 0.5, known: true, teamObjectives: [objective('sales'), objective('ops')] },
      ],
    };
    const { layout } = layoutRollupFromScores('pl', ['sales', 'ops'], rollup);
    const formulas = layout.cells.flat().flatMap((cell) => (cell && 'formula' in cell ? [cell.formula] : []));
    const read = columnsRead(formulas);
    expect(read).not.toBeNull();
    const stack = [...(read ?? [])].filter((column) => column >= STACK_COLUMN).sort((a, b) => a - b);
    const keys = ['schema_version', 'team', 'objective_id', 'kr_id', 'score', 'weight'] as const;
    expect(stack).toEqual(keys.map((key) => stackColumn(key)));
  });
});
