// `okr review --workbook wb.json --month 2027-01 [--as-of 2027-01-31]`: the monthly review as the menu item
// Monthly review makes it, through the bundle's own `generateReview`: the month's tab is written beside the
// quarter's OKR sheet (or the existing one opened, never rewritten) and the workbook saved, then the summary
// is printed: each key result's month, win rate, cycle and deal value against last month, the won and lost
// deals with the loss reasons counted. A month outside the quarter is refused with the quarter's months
// named (exit 1); a --month that is no month is wrong usage (exit 2).

import { langFromLocale } from '../src/core/i18n';
import { isMonth, type MonthlyReview } from '../src/core/review/review';
import { reviewProblemText } from '../src/core/review/review-texts';
import type { GenerateReviewResult, ReviewNote } from '../src/shared/review-api';
import { CliError, type Io, shownPath } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';

function noteLine(note: ReviewNote): string {
  switch (note.code) {
    case 'nameTaken':
      return `a sheet named "${note.name}" existed already; the review was added as "${note.newName}"`;
    case 'brokenOkrRow':
      return `⚠ row ${note.row} of the OKR sheet was left out: ${note.message}`;
    case 'unreadableDeals':
      return `⚠ ${note.count} rows of the Deals sheet do not read as deals and were left out (rows ${note.rows.join(', ')})`;
  }
}

const shown = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(0)}%`);

/** The review as the CLI prints it (in English, like the rest of its output). */
export function printReview(review: MonthlyReview, io: Io): void {
  io.out(`\nKey results in ${review.month} (first → last recorded value, change):`);
  for (const kr of review.keyResults) {
    const change = kr.change === null ? '' : ` (${kr.change >= 0 ? '+' : ''}${Number(kr.change.toPrecision(12))})`;
    io.out(`  ${kr.id.padEnd(6)} ${shown(kr.first, 2)} → ${shown(kr.last, 2)}${change}  ${kr.title}`);
  }
  if (review.deals) {
    const { thisMonth: now, lastMonth: before } = review.deals;
    io.out(`\nDeals, ${review.month} against ${review.previousMonth}:`);
    io.out(`  Win rate            ${percent(now.winRate).padStart(8)}  ${percent(before.winRate).padStart(8)}`);
    io.out(`  Sales cycle (days)  ${shown(now.salesCycle, 1).padStart(8)}  ${shown(before.salesCycle, 1).padStart(8)}`);
    io.out(
      `  Average deal value  ${shown(now.averageDealValue).padStart(8)}  ${shown(before.averageDealValue).padStart(8)}`,
    );
    io.out(
      `  Won / lost          ${`${now.won} / ${now.lost}`.padStart(8)}  ${`${before.won} / ${before.lost}`.padStart(8)}`,
    );
    io.out(`\nWon and lost deals of ${review.month}: ${review.closedDeals.length}`);
    for (const { reason, count } of review.lossReasons) io.out(`  lost ${count}× ${reason || '(no reason given)'}`);
  } else {
    io.out('\nNo Deals sheet: import one with `okr deals` for win rate, cycle and deal value.');
  }
  io.out(
    review.forecastErrors.length === 0
      ? '\nForecast error: — (no forecasts recorded yet)'
      : `\nForecast error: ${review.forecastErrors.length} key results`,
  );
}

export function runReview(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const month = options.month as string;
  const asOf = options['as-of'];
  checkAsOf(asOf);
  if (!isMonth(month)) throw new CliError(`--month "${month}" is not a month such as 2027-01`, 2);
  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  io.out(`• Monthly review of ${month} (generateReview)`);
  const called = runtime.call('generateReview', { month, ...(asOf ? { asOf } : {}) });
  if (!called.ok) throw new CliError(`generateReview failed: ${called.error.message}`);
  const result = called.value as unknown as GenerateReviewResult;
  if (!result.ok) {
    const lang = langFromLocale(runtime.services.spreadsheet.locale);
    const why =
      result.code === 'badMonth' || result.code === 'monthOutsideQuarter'
        ? reviewProblemText(result, lang)
        : result.code === 'noQuarter'
          ? 'there is no OKR sheet in the workbook yet.'
          : result.code === 'unreadable'
            ? `the OKR sheet "${result.sheetName}" could not be read:\n${result.problems.map((p) => `  row ${p.row}: ${p.message}`).join('\n')}`
            : 'the add-on could not read the request.';
    io.err(`✗ ${why} Nothing was saved.`);
    return 1;
  }
  if (result.created) {
    io.out(`✓ Created "${result.sheetName}": the review of ${result.month} (${result.quarter})`);
  } else {
    io.out(`✓ The review of ${result.month} existed already: "${result.sheetName}" is kept as it is (nothing saved)`);
  }
  for (const note of result.notes) io.out(`  ${noteLine(note)}`);
  if (result.created) {
    runtime.save();
    io.out(`✓ Saved the workbook ${shownPath(workbook)}`);
  }
  printReview(result.review, io);
  return 0;
}
