// `okr close --workbook wb.json [--as-of 2027-04-02]`: closes the quarter as the menu item Close quarter…
// does, through the bundle's own `closeQuarter` (with the bundle's clock at the as-of day): the Grades sheet
// is written beside the OKR sheet and the workbook saved, then the grades are printed: each KR's final score
// (to 0.1, as Google grades, with the exact value), band and committed verdict, the objective and team
// grades, the distribution by band and the flags. Closing a quarter again opens its Grades sheet, never a
// second one: the CLI says so, saves nothing and exits 0. Overrides without a reason are listed.

import type { QuarterGrades } from '../src/core/close/grades';
import { bandWord, flagLine } from '../src/core/close/grades-texts';
import type { ForecastError } from '../src/core/forecast-error';
import { formatNumber, MAX_TYPED_DECIMALS } from '../src/core/number-format';
import type { CloseNote, CloseQuarterResult } from '../src/shared/close-api';
import { CliError, type Io, shownPath } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';

const WHY = { noReason: 'it has no reason', outOfRange: 'a grade is between 0 and 1', notANumber: 'it is no number' };

function noteLine(note: CloseNote): string {
  switch (note.code) {
    case 'beforeEnd':
      return `${note.quarter} ends on ${note.end}: it was closed early, with the values it has now`;
    case 'nameTaken':
      return `a sheet named "${note.name}" existed already; the grades were added as "${note.newName}"`;
    case 'brokenOkrRow':
      return `⚠ row ${note.row} of the OKR sheet was left out: ${note.message}`;
  }
}

const EMOJI = { green: '🟢', yellow: '🟡', red: '🔴' } as const;
const grade = (value: number | null) => (value === null ? '  – ' : value.toFixed(1));

/** The grades as the CLI prints them (in English, like the rest of its output). */
export function printGrades(grades: QuarterGrades, io: Io): void {
  io.out('\nKey results (final score to 0.1, exact in brackets):');
  for (const kr of grades.keyResults) {
    const mark = kr.band ? EMOJI[kr.band] : '⚪';
    const exact = kr.score === null ? 'no value' : kr.score.toFixed(4);
    const verdict =
      kr.verdict === 'miss' ? '  committed: a miss to explain' : kr.verdict === 'met' ? '  committed: met' : '';
    io.out(
      `  ${mark} ${kr.id.padEnd(6)} ${grade(kr.shown)} (${exact})  ${bandWord(kr.band, 'en').padEnd(13)} ${kr.title}${verdict}`,
    );
  }
  io.out('\nObjectives:');
  for (const objective of grades.objectives) {
    io.out(
      `  ${objective.id.padEnd(6)} ${grade(objective.grade)}  ${bandWord(objective.band, 'en').padEnd(13)} ${objective.title}`,
    );
  }
  io.out(`  Team   ${grade(grades.team)}  ${bandWord(grades.teamBand, 'en')}`);
  const { green, yellow, red, ungraded } = grades.distribution;
  io.out(`\nBy band: 🟢 ${green} delivered  🟡 ${yellow} progress  🔴 ${red} not delivered  ⚪ ${ungraded} no value`);
  for (const flag of grades.flags) io.out(`⚠ ${flagLine(flag, 'en')}`);
}

/** Each KR's forecast error as the Grades sheet holds it: 4 and 8 weeks before the last recorded week, mean. */
function printForecastErrors(errors: readonly ForecastError[], io: Io): void {
  const compared = errors.filter((error) => error.meanAbsoluteError !== null);
  if (compared.length === 0) {
    io.out('\nForecast error: — (no forecast recorded 4 or 8 weeks before the last recorded week)');
    return;
  }
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`;
  io.out('\nForecast error (share of start → target; made 4 and 8 weeks before the last recorded week, mean):');
  for (const error of compared) {
    const at = (weeks: number) => error.points.find((point) => point.weeksBefore === weeks)?.error;
    io.out(
      `  ${error.keyResultId.padEnd(6)} ${percent(at(4)).padStart(5)} ${percent(at(8)).padStart(5)}   mean ${percent(error.meanAbsoluteError)}`,
    );
  }
}

export function runClose(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const asOf = options['as-of'];
  checkAsOf(asOf);
  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  io.out(`• Closing the quarter as of ${asOf ?? 'today'} (closeQuarter)`);
  const called = runtime.call('closeQuarter', asOf ? { asOf } : {});
  if (!called.ok) throw new CliError(`closeQuarter failed: ${called.error.message}`);
  const result = called.value as unknown as CloseQuarterResult;
  if (!result.ok) {
    const why =
      result.code === 'noQuarter'
        ? 'there is no OKR sheet in the workbook yet'
        : result.code === 'notStarted'
          ? `${result.quarter} starts on ${result.start}: there is nothing to grade yet`
          : result.code === 'unreadable'
            ? `the OKR sheet "${result.sheetName}" could not be read:\n${result.problems.map((p) => `  row ${p.row}: ${p.message}`).join('\n')}`
            : 'the add-on could not read the request';
    io.err(`✗ ${why}. Nothing was saved.`);
    return 1;
  }
  if (!result.created || !result.grades) {
    io.out(
      `✓ ${result.quarter} was closed before: its Grades sheet "${result.sheetName}" is kept as it is (nothing saved)`,
    );
  } else {
    io.out(`✓ Closed ${result.quarter}: the grades are in "${result.sheetName}"`);
  }
  for (const note of result.notes) io.out(`  ${noteLine(note)}`);
  for (const refused of result.refused) {
    io.out(
      `  ⚠ row ${refused.row} (${refused.id}): the override ${typeof refused.value === 'number' ? formatNumber(refused.value, 'en', MAX_TYPED_DECIMALS) : `"${refused.value}"`} does not count (the final score counts): ${WHY[refused.problem]}`,
    );
  }
  if (result.created && result.grades) {
    runtime.save();
    io.out(`✓ Saved the workbook ${shownPath(workbook)}`);
    printGrades(result.grades, io);
    printForecastErrors(result.forecastErrors, io);
  }
  return 0;
}
