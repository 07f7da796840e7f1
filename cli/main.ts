// `npm run okr -- <command>`: the add-on without a browser. Every command drives the very bundle `clasp push`
// sends (dist/Code.js) in the local runtime, as the sidebar and the menu would: `build` sends a plan file to
// `submitQuarter`, `checkin` runs Weekly check-in, types a CSV's values into the week's tab and records it
// with `submitCheckIn`, `export` writes the workbook as .xlsx, `close` closes the quarter with `closeQuarter`,
// `rollup` rolls team workbooks up to a company one.
// Run by cli/okr.mjs, or in-process by `run`.
//
// `checkin` and `build --workbook` take the workbook's lock for their run (local/workbook-lock.ts): a workbook
// open in a playground is refused, naming it.
//
// Exit codes: 0 done; 1 refused or failed (a bad plan, a missing file, nothing recorded, the workbook held by a
// playground); 2 wrong usage.

import { parseArgs } from 'node:util';
import type { WorkbookLock } from '../local/workbook-lock';
import { runBuild } from './build';
import { runCheckIn } from './checkin';
import { runClose } from './close';
import { runDashboard } from './dashboard';
import { runDeals } from './deals';
import { runExport } from './export';
import { type Io, processIo, reportFailure } from './io';
import { lockForCommand } from './local';
import { runNext } from './next';
import { runReview } from './review';
import { runRollup } from './rollup';

export const USAGE = `OKR Sheets without a browser: the add-on's own code (dist/Code.js) on a local spreadsheet.

Usage: npm run okr -- <command> [options]

Commands:
  build    --plan plan.json --out q1.xlsx [--workbook wb.json] [--locale pl_PL] [--time-zone Europe/Warsaw]
           [--force]
           Builds the quarter of a plan file (the request the New quarter sidebar sends, see
           examples/plan.json) with portable formulas, prints the scores, writes the .xlsx and, with
           --workbook, the local workbook (created, or the quarter added to it): both files or neither.
           An existing .xlsx is replaced only with --force.
  checkin  --workbook wb.json --values week5.csv [--as-of 2027-01-29] [--replace]
           Opens or creates the week's check-in tab (the week holding --as-of, default today), types the
           CSV's values (KR id, value, confidence 1-10, comment) and records the week into History.
           --replace records a week again that History already holds.
  export   --workbook wb.json --out q1.xlsx [--as-of 2027-01-29] [--force]
           Writes the local workbook as an .xlsx for Excel, LibreOffice or Google Sheets (File > Import).
           --as-of puts that day into the OKR sheets' as-of cells (default: the date the sheets hold), so the
           statuses are those of that day's check-in. An existing .xlsx is replaced only with --force.
  close    --workbook wb.json [--as-of 2027-04-02]
           Closes the quarter (the latest ended one not closed yet, else the running one) as Close quarter…
           does: writes its Grades sheet beside the OKR sheet, saves the workbook and prints the grades.
           A quarter closed before keeps its Grades sheet: it is named, and nothing is saved.
  dashboard --workbook wb.json [--as-of 2027-01-29]
           Builds the Dashboard tab as the menu item Dashboard does (objective scores, key results by week,
           statuses by week, initiatives by status), or rebuilds it in place, saves the workbook and lists
           the charts. npm start draws them; an .xlsx export keeps their data and names them as left out.
  deals    --workbook wb.json --csv deals.csv
           Imports a CRM export (a header row, one line per deal) into the workbook's Deals sheet: headers
           are matched by name in Polish or English, extra columns are kept, a deal of the same id is
           replaced. All rows or none: any problem is listed with its line and nothing is saved.
  review   --workbook wb.json --month 2027-01 [--as-of 2027-01-31]
           Opens or creates the Monthly review tab of a month of the quarter as Monthly review does (an
           existing one is kept as it is), saves the workbook and prints the summary: each KR's month,
           win rate, cycle and deal value against last month, won and lost deals, loss reasons.
           A month outside the quarter is refused, naming the quarter's months.
  next     --workbook wb.json --plan q2.json [--as-of 2027-04-02] [--force]
           Writes the next quarter's plan file as the New quarter sidebar opens after a close: the quarter
           after the last one, its objectives and key results each carried over, their grades and notes
           printed beside them. Edit it, then build it with build --plan q2.json --workbook wb.json.
  rollup   --company company.json --teams team-a.json team-b.json … --out company.xlsx [--force]
           The company roll-up from workbook files: each team's OKR feed as its cells compute, the company
           objectives scored from the team objectives aligned to them, written into company.xlsx as the
           company workbook with a Roll-up tab and an Alignment map, as values (IMPORTRANGE exists only in
           Sheets). A problem in a team's feed is named by file, row and field, and nothing is written.
           The workbook files are only read. An existing .xlsx is replaced only with --force.
  help     This text.

checkin and build --workbook refuse a workbook open in a playground (npm start), naming it: the playground
saves the whole workbook after every change and would overwrite what they write.

Exit codes: 0 done, 1 refused or failed (nothing written), 2 wrong usage.
OKR_DEBUG=1 prints the stack of an unexpected error.`;

const OPTIONS = {
  plan: { type: 'string' },
  out: { type: 'string' },
  workbook: { type: 'string' },
  locale: { type: 'string' },
  'time-zone': { type: 'string' },
  values: { type: 'string' },
  'as-of': { type: 'string' },
  replace: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  csv: { type: 'string' },
  month: { type: 'string' },
  company: { type: 'string' },
  teams: { type: 'string', multiple: true },
} as const;

/** Which options each command takes, and which it needs. */
const COMMANDS: Record<string, { takes: (keyof Options)[]; needs: (keyof Options)[] }> = {
  build: { takes: ['plan', 'out', 'workbook', 'locale', 'time-zone', 'force'], needs: ['plan'] },
  checkin: { takes: ['workbook', 'values', 'as-of', 'replace'], needs: ['workbook', 'values'] },
  export: { takes: ['workbook', 'out', 'as-of', 'force'], needs: ['workbook', 'out'] },
  close: { takes: ['workbook', 'as-of'], needs: ['workbook'] },
  dashboard: { takes: ['workbook', 'as-of'], needs: ['workbook'] },
  deals: { takes: ['workbook', 'csv'], needs: ['workbook', 'csv'] },
  review: { takes: ['workbook', 'month', 'as-of'], needs: ['workbook', 'month'] },
  next: { takes: ['workbook', 'plan', 'as-of', 'force'], needs: ['workbook', 'plan'] },
  rollup: { takes: ['company', 'teams', 'out', 'force'], needs: ['company', 'teams', 'out'] },
};

export type Options = {
  plan?: string;
  out?: string;
  workbook?: string;
  locale?: string;
  'time-zone'?: string;
  values?: string;
  'as-of'?: string;
  replace?: boolean;
  force?: boolean;
  csv?: string;
  month?: string;
  company?: string;
  /** `rollup`'s team workbooks: --teams a.json b.json … (the files after the first arrive as positionals). */
  teams?: string[];
};

export interface RunContext {
  /** The repository: dist/Code.js is found there. */
  root: string;
  io?: Io;
}

/** Runs one command line; answers the exit code. */
export async function main(argv: string[], context: RunContext): Promise<number> {
  const io = context.io ?? processIo();
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`okr: ${(error as Error).message.replace(/\. To specify .*$/s, '')}`);
    io.err('Run `npm run okr -- help` for the commands and their options.');
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (command === 'help' || (parsed.values.help && command === undefined)) {
    io.out(USAGE);
    return 0;
  }
  if (command === undefined) {
    io.err(USAGE);
    return 2;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    io.err(`okr: unknown command "${command}"\n`);
    io.err(USAGE);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const values = parsed.values as Options;
  // `--teams a.json b.json`: the files after the first are positionals, and belong to --teams.
  if (command === 'rollup' && values.teams !== undefined) values.teams = [...values.teams, ...extra.splice(0)];
  const problems: string[] = [];
  if (extra.length > 0) problems.push(`unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(' ')}`);
  for (const name of Object.keys(values) as (keyof Options)[]) {
    if (!spec.takes.includes(name)) problems.push(`\`${command}\` takes no --${name}`);
  }
  for (const name of spec.needs) if (values[name] === undefined) problems.push(`\`${command}\` needs --${name}`);
  if (command === 'build' && values.out === undefined && values.workbook === undefined) {
    problems.push('`build` needs --out (the .xlsx), --workbook (the local workbook), or both');
  }
  for (const name of ['plan', 'out', 'workbook', 'values', 'csv', 'company'] as const) {
    if (values[name] === '') problems.push(`--${name} needs a file name`);
  }
  if (values.teams?.some((file) => file === '')) problems.push('--teams needs file names');
  if (problems.length > 0) {
    for (const problem of problems) io.err(`okr: ${problem}`);
    io.err('Run `npm run okr -- help` for the commands and their options.');
    return 2;
  }

  // A command that saves the workbook holds its lock for the whole run, as a playground does, so neither
  // silently overwrites the other's edits; export only reads it.
  let lock: WorkbookLock | null = null;
  try {
    if (command !== 'export' && command !== 'next' && command !== 'rollup' && values.workbook !== undefined)
      lock = lockForCommand(values.workbook, command);
    if (command === 'build') return runBuild(values, context.root, io);
    if (command === 'checkin') return runCheckIn(values, context.root, io);
    if (command === 'close') return runClose(values, context.root, io);
    if (command === 'dashboard') return runDashboard(values, context.root, io);
    if (command === 'deals') return runDeals(values, context.root, io);
    if (command === 'review') return runReview(values, context.root, io);
    if (command === 'next') return runNext(values, context.root, io);
    if (command === 'rollup') return runRollup(values, context.root, io);
    return runExport(values, context.root, io);
  } catch (error) {
    return reportFailure(error, command, io);
  } finally {
    lock?.release();
  }
}
