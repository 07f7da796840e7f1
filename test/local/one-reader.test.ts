// One reader of numbers: the table of spellings (test/fixtures/number-spellings.ts) read through every path
// that turns what a person wrote into a number, in a Polish and an English workbook, must give the table's
// number everywhere:
// - the custom functions: the spelling typed into a cell (as Sheets reads typing in the locale), read by
//   the bundle's OKR_SCORE computing `=OKR_SCORE(A1)` (the mean of one score is the score itself);
// - the playground's cell entry: the spelling typed into the OKR sheet's Current cell (what the playground's
//   cell editor does), read back by the add-on (getSidebarState's previous quarter, the OKR sheet's reader);
// - the CLI: `okr checkin` with the spellings in a CSV (`;` for Polish, `,` with quotes for English),
//   recorded into History;
// - the sidebar: the New quarter form's field reader, and the server's validation of a plan whose numbers
//   are text.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import type { WorkbookSnapshot } from '../../local/snapshot';
import { readField } from '../../src/client/draft';
import { historyColumn } from '../../src/core/check-in/history';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { parseSubmitPayload } from '../../src/server/sidebar-api';
import type { SidebarState } from '../../src/shared/sidebar-api';
import { ROOT, runInProcess, tempFolder } from '../cli/run-cli';
import { expectedOf, SPELLINGS } from '../fixtures/number-spellings';

const BUNDLE = join(ROOT, 'dist/Code.js');
const temp = tempFolder();
afterAll(temp.remove);

type Lang = 'pl' | 'en';
const PER_OBJECTIVE = 20;

/** A plan with one counted key result per spelling, 0 → 1000, ids O1.1 … in the table's order. */
function planOf(lang: Lang) {
  const objectives = [];
  for (let o = 0; o * PER_OBJECTIVE < SPELLINGS.length; o++) {
    const count = Math.min(PER_OBJECTIVE, SPELLINGS.length - o * PER_OBJECTIVE);
    objectives.push({
      level: 'team',
      title: `Objective ${o + 1}`,
      keyResults: Array.from({ length: count }, (_, k) => ({
        title: `Spelling ${o * PER_OBJECTIVE + k + 1}`,
        kind: 'increase',
        unit: 'count',
        start: 0,
        target: 1000,
        weight: 1,
        owner: '',
        committed: false,
        notes: '',
      })),
    });
  }
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Spellings',
    language: lang,
    levels: ['team'],
    currency: 'PLN',
    formulaStyle: 'portable',
    objectives,
  };
}

/** The KR id of the i-th spelling. */
function idOf(index: number): string {
  return `O${Math.floor(index / PER_OBJECTIVE) + 1}.${(index % PER_OBJECTIVE) + 1}`;
}

/** A CSV field as the file's convention writes it: bare in a `;` file, quoted in a `,` file. */
function csvOf(lang: Lang): string {
  const lines = SPELLINGS.map((spelling, index) =>
    lang === 'pl' ? `${idOf(index)};${spelling.text};5;` : `${idOf(index)},"${spelling.text.replace(/"/g, '""')}",5,`,
  );
  return `${lines.join('\n')}\n`;
}

function historyValues(snapshot: WorkbookSnapshot): Map<string, number | null> {
  const history = snapshot.sheets.find((sheet) => sheet.name === 'Historia' || sheet.name === 'History');
  const values = new Map<string, number | null>();
  for (const row of history?.cells.slice(1) ?? []) {
    const id = row[historyColumn('krId') - 1]?.value.raw;
    const value = row[historyColumn('value') - 1]?.value.raw;
    if (typeof id === 'string') values.set(id, typeof value === 'number' ? value : null);
  }
  return values;
}

/** What each path read, by spelling index. */
interface Readings {
  customFunction: (number | null)[];
  cellEntry: (number | null)[];
  cli: (number | null)[];
  sidebarField: (number | null | undefined)[];
  planValidation: (number | null | undefined)[];
}

async function readAll(lang: Lang): Promise<Readings> {
  const folder = join(temp.folder, lang);
  const planPath = join(temp.folder, `${lang}.plan.json`);
  writeFileSync(planPath, JSON.stringify(planOf(lang)));
  const workbook = `${folder}.wb.json`;
  const built = await runInProcess(['build', '--plan', planPath, '--workbook', workbook]);
  expect(built.stderr).toBe('');
  const entry = `${folder}.entry.json`;
  copyFileSync(workbook, entry);

  // The CLI.
  const csv = `${folder}.csv`;
  writeFileSync(csv, csvOf(lang));
  const checkin = await runInProcess(['checkin', '--workbook', workbook, '--values', csv, '--as-of', '2027-01-29']);
  expect(checkin.stderr).toBe('');
  const history = historyValues(createLocalRuntime({ workbookPath: workbook, bundlePath: BUNDLE }).snapshot());
  const cli = SPELLINGS.map((_, index) => history.get(idOf(index)) ?? null);

  // The playground's cell entry, read back by the add-on; and the custom functions on typed cells.
  const runtime = createLocalRuntime({ workbookPath: entry, bundlePath: BUNDLE });
  const okrSheet = runtime.services.spreadsheet.sheets.find((sheet) => sheet.getName().startsWith('OKR'));
  if (!okrSheet) throw new Error('no OKR sheet');
  const current = columnLetter(columnOf('current'));
  const scratch = runtime.services.spreadsheet.insertSheet('Spellings');
  SPELLINGS.forEach((spelling, index) => {
    // KR rows follow the plan's order; an objective's KRs are consecutive rows.
    runtime.setCell(okrSheet.getName(), `${current}${FIRST_DATA_ROW + index}`, spelling.text);
    runtime.setCell(scratch.getName(), `A${index + 1}`, spelling.text);
    runtime.setCell(scratch.getName(), `B${index + 1}`, `=OKR_SCORE(A${index + 1})`);
  });
  const state = runtime.call('getSidebarState');
  if (!state.ok) throw new Error(state.error.message);
  const previous = (state.value as unknown as SidebarState).previousQuarter;
  const byId = new Map(previous?.keyResults.map((keyResult) => [keyResult.id, keyResult.current]) ?? []);
  const cellEntry = SPELLINGS.map((_, index) => byId.get(idOf(index)) ?? null);
  const computed = runtime.snapshot().sheets.find((sheet) => sheet.name === 'Spellings');
  const customFunction = SPELLINGS.map((_, index) => {
    const raw = computed?.cells[index]?.[1]?.value.raw;
    return typeof raw === 'number' ? raw : raw === null || raw === '' ? null : Number.NaN;
  });

  // The sidebar: the form's field, and the server's validation of a plan holding the text.
  const decimal = lang === 'pl' ? ',' : '.';
  const sidebarField = SPELLINGS.map((spelling) => readField(spelling.text, 'count', decimal));
  const plan = planOf(lang);
  const planValidation = SPELLINGS.map((spelling) => {
    const keyResult = plan.objectives[0]?.keyResults[0] as Record<string, unknown>;
    keyResult.current = spelling.text;
    const parsed = parseSubmitPayload({ plan }, lang);
    return parsed.ok ? (parsed.value.plan.objectives[0]?.keyResults[0]?.current ?? null) : undefined;
  });
  return { customFunction, cellEntry, cli, sidebarField, planValidation };
}

describe.each(['pl', 'en'] as const)('the table of spellings in a %s workbook', (lang) => {
  let readings: Readings;
  beforeAll(async () => {
    readings = await readAll(lang);
  }, 120_000);

  it('has at least 60 spellings', () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(['customFunction', 'cellEntry', 'cli', 'sidebarField', 'planValidation'] as const)(
    'is read by the %s path as the table says',
    (path) => {
      const wrong = SPELLINGS.flatMap((spelling, index) => {
        const expected = expectedOf(spelling, lang);
        const got = readings[path][index];
        return Object.is(got, expected) || got === expected
          ? []
          : [`${JSON.stringify(spelling.text)}: ${got} ≠ ${expected}`];
      });
      expect(wrong).toEqual([]);
    },
  );
});
