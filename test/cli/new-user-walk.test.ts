// A new user's quarter through the CLI, one command after another on one workbook file (issue 10's "done
// when"): `build` from examples/plan.json (initiatives and tasks), `deals` from examples/deals.csv and a second
// export, four weekly `checkin`s on successive weeks (2–5) and the last week's (13), `review` of January,
// `close`, `dashboard`, `export` to .xlsx; LibreOffice headless then recomputes the export and every figure
// the add-on's formulas compute, on every sheet (scores, statuses, initiative ICE, ranks and progress, the
// check-in's pipeline from Deals, the review's win rate, cycle and deal value, …), must be what the local
// runtime (HyperFormula) computed; the next quarter is then started from the grades (`next` writes the plan
// file with each KR carried over and prints its grade and note, the manager edits it, `build` builds it).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typeAsOf } from '../../cli/export';
import { openWorkbookAsOf } from '../../cli/local';
import type { CellSnapshot, WorkbookSnapshot } from '../../local/snapshot';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { hasSoffice, recomputeToCsv, warnWithoutSoffice } from '../support/libreoffice';
import { type CliRun, ROOT, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const workbook = join(temp.folder, 'q1.okr.json');
const xlsx = join(temp.folder, 'q1.xlsx');
warnWithoutSoffice('test/cli/new-user-walk');

/** Each KR's value by week, in examples/plan.json's order (O1.1 … O3.3), as a Polish CSV types them. */
const KR_IDS = ['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O3.1', 'O3.2', 'O3.3'];
const WEEKS: { asOf: string; week: number; values: string[] }[] = [
  { asOf: '2027-01-08', week: 2, values: ['380 000 zł', '42%', '6,5', '0', '50 000', '25%', '5,2%', '10 000', 'nie'] },
  { asOf: '2027-01-15', week: 3, values: ['430 000 zł', '44%', '6', '0', '51 000', '25%', '5,1%', '18 000', 'nie'] },
  { asOf: '2027-01-22', week: 4, values: ['470 000 zł', '46%', '6', '1', '51 000', '26%', '5%', '25 000', 'nie'] },
  { asOf: '2027-01-29', week: 5, values: ['520 000 zł', '48%', '5,5', '1', '52 000', '26%', '4,9%', '34 000', 'nie'] },
  {
    asOf: '2027-03-26',
    week: 13,
    values: ['910 000 zł', '57%', '3,5', '3', '61 000', '33%', '4,6%', '100 000', 'tak'],
  },
];
const CLOSE_DAY = '2027-04-02';

/** More deals, in an English export with `,` between fields: a won deal replaces the open D-101. */
const MORE_DEALS = [
  'Deal ID,Deal Name,Owner,Amount,Stage,Probability,Forecast category,Created,Close Date,Outcome,Loss reason',
  'D-101,Hurtownia Nowak,Anna,120000,Closed Won,100%,Closed,2027-01-04,2027-01-27,won,',
  'D-104,Serwis Wrona,Piotr,60000,Negotiation,80%,Commit,2027-01-11,2027-02-05,open,',
  'D-105,Apteka Sowa,Anna,30000,Proposal,40%,Best case,2027-01-12,2027-02-20,open,',
  'D-106,Kancelaria Żuraw,Piotr,25000,Closed Lost,0%,Omitted,2027-01-05,2027-01-26,lost,price',
].join('\n');

function ok(run: CliRun): CliRun {
  expect(run.stderr, run.stdout).toBe('');
  expect(run.code).toBe(0);
  return run;
}

describe('a new user’s quarter through the CLI', () => {
  it('builds the quarter with its initiatives and tasks', async () => {
    const run = ok(await runInProcess(['build', '--plan', join(ROOT, 'examples/plan.json'), '--workbook', workbook]));
    expect(run.stdout).toContain('✓ Built the sheet "OKR Q1 2027"');
    expect(run.stdout).toContain('✓ Wrote the sheet "Inicjatywy Q1 2027" (4 initiatives, 3 tasks)');
  });

  it('imports the deals: the example, then a second export that replaces one deal and adds three', async () => {
    const first = ok(await runInProcess(['deals', '--workbook', workbook, '--csv', join(ROOT, 'examples/deals.csv')]));
    expect(first.stdout).toContain('3 deals imported');
    const more = join(temp.folder, 'more-deals.csv');
    writeFileSync(more, MORE_DEALS);
    const second = ok(await runInProcess(['deals', '--workbook', workbook, '--csv', more]));
    expect(second.stdout).toMatch(/4 deals imported/);
  });

  it('records four weekly check-ins on successive weeks, and the last week’s', async () => {
    for (const { asOf, week, values } of WEEKS) {
      const csv = join(temp.folder, `week${week}.csv`);
      const lines = KR_IDS.map((id, index) => `${id};${values[index]};7;`);
      writeFileSync(csv, ['KR id;value;confidence;comment', ...lines].join('\n'));
      const run = ok(await runInProcess(['checkin', '--workbook', workbook, '--values', csv, '--as-of', asOf]));
      expect(run.stdout).toContain(`✓ Recorded 9 key results of week ${week} into History`);
    }
  });

  it('makes the monthly review of January', async () => {
    const run = ok(
      await runInProcess(['review', '--workbook', workbook, '--month', '2027-01', '--as-of', '2027-01-31']),
    );
    expect(run.stdout).toContain('✓ Created "Przegląd 2027-01"');
    // Won D-102 (45 000,50, 22 days) and D-101 (120 000, 23 days); lost D-103 and D-106.
    expect(run.stdout).toMatch(/Win rate +50%/);
    expect(run.stdout).toMatch(/Sales cycle \(days\) +22\.5/);
    expect(run.stdout).toMatch(/Average deal value +82500/);
  });

  it('closes the quarter, with the forecast error of week 5 against week 13', async () => {
    const run = ok(await runInProcess(['close', '--workbook', workbook, '--as-of', CLOSE_DAY]));
    expect(run.stdout).toContain('✓ Closed Q1 2027: the grades are in "Oceny Q1 2027"');
    expect(run.stdout).toMatch(/🟢 O3\.2 +1\.0 \(1\.0000\)/u);
    // Week 13 − 8 = week 5 made a forecast; week 9 recorded none.
    expect(run.stdout).toContain('Forecast error (share of start → target; made 4 and 8 weeks before');
    expect(run.stdout).toMatch(/ O1\.1 +– +\d+% +mean \d+%/);
  });

  it('builds the dashboard', async () => {
    const run = ok(await runInProcess(['dashboard', '--workbook', workbook, '--as-of', CLOSE_DAY]));
    expect(run.stdout).toContain('9 key results, 5 recorded week(s)');
  });

  it('exports the workbook', async () => {
    const run = ok(await runInProcess(['export', '--workbook', workbook, '--out', xlsx, '--as-of', CLOSE_DAY]));
    expect(run.stdout).toContain('✓ Wrote');
  });

  it.skipIf(!hasSoffice && !process.env.CI)(
    'LibreOffice recomputes every figure of the export as the local runtime computed it',
    { timeout: 180_000 },
    () => {
      const runtime = openWorkbookAsOf(ROOT, workbook, CLOSE_DAY);
      typeAsOf(runtime, CLOSE_DAY);
      const snapshot = runtime.snapshot();
      const recomputed = recomputeToCsv(xlsx, join(temp.folder, 'csv'));
      const { compared, differences } = compareFigures(snapshot, recomputed);
      expect(differences).toEqual([]);
      // Every sheet with formulas was compared, each with its figures.
      expect(Object.keys(compared).sort()).toEqual(
        [
          ...WEEKS.map(({ week }) => `Check-in T${String(week).padStart(2, '0')}`),
          'Inicjatywy Q1 2027',
          'OKR Q1 2027',
          'OKR feed',
          'Oceny Q1 2027',
          'Przegląd 2027-01',
          'Transakcje',
        ].sort(),
      );
      for (const count of Object.values(compared)) expect(count).toBeGreaterThanOrEqual(10);

      // The Grades sheet and the dashboard are frozen as values: they must say what LibreOffice computes.
      const okr = new Map(
        (recomputed.get('OKR Q1 2027') ?? [])
          .filter((row) => /^O\d\.\d$/.test(row[columnOf('krId') - 1] ?? ''))
          .map((row) => [row[columnOf('krId') - 1], row]),
      );
      expect(okr.size).toBe(9);
      const at = (id: string, key: Parameters<typeof columnOf>[0]) => okr.get(id)?.[columnOf(key) - 1] ?? '';
      const grades = recomputed.get('Oceny Q1 2027') ?? [];
      const krGrades = grades.filter((row) => /^O\d\.\d$/.test(row[1] ?? ''));
      expect(krGrades).toHaveLength(9);
      const BAND = { zrealizowany: '🟢', postęp: '🟡', niezrealizowany: '🔴' } as Record<string, string>;
      for (const row of krGrades) {
        const id = row[1] as string;
        expect(Number(row[5]), `grade of ${id}`).toBeCloseTo(Number(at(id, 'score')), 12);
        expect(BAND[row[6] as string], `band of ${id}`).toBe(at(id, 'status'));
      }
      const objectiveScore = (id: string) => Number(at(`${id}.1`, 'objectiveScore'));
      const objectiveGrades = grades.filter((row) => /^O\d$/.test(row[0] ?? '') && row[1] === '');
      expect(objectiveGrades.map((row) => row[0])).toEqual(['O1', 'O2', 'O3']);
      for (const row of objectiveGrades) expect(Number(row[5])).toBeCloseTo(objectiveScore(row[0] as string), 12);
      // The OKR feed (docs/okr-feed.md) without FILTER: one row per KR in the OKR sheet's order, each with
      // its score and History's latest day and confidence, as LibreOffice recomputes them.
      const feed = (recomputed.get('OKR feed') ?? []).filter((row) => /^O\d\.\d$/.test(row[7] ?? ''));
      expect(feed.map((row) => row[7])).toEqual(KR_IDS);
      for (const row of feed) {
        expect(Number(row[15]), `feed score of ${row[7]}`).toBeCloseTo(Number(at(row[7] as string, 'score')), 12);
        expect([row[17], row[18]], `feed confidence and day of ${row[7]}`).toEqual(['7', '2027-03-26']);
      }
      const dashboard = recomputed.get('Pulpit') ?? [];
      const bars = dashboard.filter((row) => /^O\d /.test(row[13] ?? ''));
      expect(bars).toHaveLength(3);
      for (const row of bars) expect(Number(row[14])).toBeCloseTo(objectiveScore((row[13] ?? '').slice(0, 2)), 12);
      // Initiatives by status: the dashboard's four counts against the Initiatives sheet's status column.
      const statusRow = dashboard.findIndex((row) => row[13] === 'Status');
      const counted = dashboard.slice(statusRow + 1, statusRow + 5).map((row) => Number(row[14]));
      const initiatives = (recomputed.get('Inicjatywy Q1 2027') ?? []).filter((row) => /^I\d+$/.test(row[0] ?? ''));
      const statusCount = (word: string) => initiatives.filter((row) => row[4] === word).length;
      expect(counted).toEqual(['pomysł', 'w realizacji', 'zrobione', 'porzucone'].map(statusCount));
    },
  );

  it('starts the next quarter from the grades: a plan file with each KR carried over, then built', async () => {
    const planPath = join(temp.folder, 'q2.json');
    const next = ok(await runInProcess(['next', '--workbook', workbook, '--plan', planPath, '--as-of', CLOSE_DAY]));
    // Closing Q1 on 2 April, the manager plans Q2 (begun the day before), as the sidebar offers it.
    expect(next.stdout).toContain('The next quarter, Q2 2027, continues from "OKR Q1 2027" (Q1 2027)');
    // The grade that counts and its band beside each choice, as the New quarter sidebar shows them.
    expect(next.stdout).toMatch(/carry +O1\.1 +Wartość pipeline'u +🟡 0\.9/u);
    expect(next.stdout).toMatch(/carry +O3\.2 +Przychód z upselli +🟢 1\.0/u);
    const payload = JSON.parse(readFileSync(planPath, 'utf8'));
    expect(payload.plan.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 2 });
    expect(payload.carryOver).toMatchObject({ 'O1.1': 'carry', 'O3.3': 'carry' });
    // The manager drops the KR that was met and keeps the milestone as it is.
    payload.carryOver['O3.2'] = 'drop';
    payload.carryOver['O3.3'] = 'keep';
    writeFileSync(planPath, JSON.stringify(payload, null, 2));
    const built = ok(await runInProcess(['build', '--plan', planPath, '--workbook', workbook]));
    expect(built.stdout).toMatch(/drop +O3\.2 +Przychód z upselli +🟢 1\.0/u);
    expect(built.stdout).toContain('✓ Built the sheet "OKR Q2 2027"');
    // Carried over: O1.1 starts where it ended (910 000 of 1 000 000); O3.2 is gone, so O3 has two KRs.
    expect(built.stdout).toMatch(/O3\.2 .*Higiena CRM/u);
    expect(built.stdout).toContain('3 objectives, 8 key results');
    const runtime = openWorkbookAsOf(ROOT, workbook, '2027-04-05');
    const q2 = runtime.snapshot().sheets.find((sheet) => sheet.name === 'OKR Q2 2027');
    const startOf = (id: string) =>
      q2?.cells.find((row) => row[columnOf('krId') - 1]?.value.raw === id)?.[columnOf('start') - 1]?.value.raw;
    expect(startOf('O1.1')).toBe(910_000);
  });
});

/** A CSV field as a value: a date in its yyyy-mm-dd format as a serial day, a percent as a fraction. */
function csvValue(text: string): number | string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
  const percent = /^-?\d+(\.\d+)?(E-?\d+)?%$/.exec(text);
  if (percent) return Number(text.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

function same(cell: CellSnapshot, text: string): boolean {
  const { type, raw } = cell.value;
  if (type === 'empty') return text === '';
  if (type === 'boolean') return text === (raw ? 'TRUE' : 'FALSE');
  if (type === 'number' || type === 'date') {
    const value = csvValue(text);
    return typeof value === 'number' && Math.abs(value - (raw as number)) <= 1e-9 * Math.max(1, Math.abs(value));
  }
  if (type === 'error') return false;
  return text === String(raw);
}

/**
 * Every cell a formula computes (or an array formula spills into), compared with what LibreOffice computed:
 * the number of figures compared by sheet, and each difference. A SPARKLINE is a picture, not a figure.
 */
function compareFigures(snapshot: WorkbookSnapshot, recomputed: Map<string, string[][]>) {
  const compared: Record<string, number> = {};
  const differences: string[] = [];
  for (const sheet of snapshot.sheets) {
    const rows = recomputed.get(sheet.name);
    for (const cell of sheet.cells.flat()) {
      if (!cell || (cell.formula === null && !cell.spilled) || cell.sparkline) continue;
      const [row, column] = position(cell.a1);
      const text = rows?.[row - 1]?.[column - 1] ?? '';
      compared[sheet.name] = (compared[sheet.name] ?? 0) + 1;
      if (!same(cell, text)) {
        differences.push(
          `${sheet.name}!${cell.a1}: HyperFormula ${JSON.stringify(cell.value.raw)}, LibreOffice ${JSON.stringify(text)}` +
            (cell.formula ? `  ${cell.formula.slice(0, 160)}` : ' (spilled)'),
        );
      }
    }
  }
  return { compared, differences };
}

function position(a1: string): [number, number] {
  const [, letters = '', digits = ''] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return [Number(digits), column];
}
