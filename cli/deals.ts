// `okr deals --workbook wb.json --csv deals.csv`: imports a CRM export into the workbook's Deals sheet, as the
// add-on does it: the file's lines are split here (cli/csv.ts), and the bundle's `importDeals` matches the
// header row by name, reads every cell through the core's one reader with the file's decimal mark as a hint,
// and writes all rows or none. Any problem: nothing is written or saved, every problem is listed with its
// line, and the exit code is 1. The columns matched are printed either way.

import { decimalMarkOf } from '../src/core/cell-values';
import { dealHeader, dealProblemText } from '../src/core/deals/deal-texts';
import type { ImportDealsResult } from '../src/shared/deals-api';
import { decimalMarkOfCsv, splitCsv } from './csv';
import { CliError, type Io, readText, shownPath } from './io';
import { openRuntime, requireWorkbook } from './local';
import type { Options } from './main';

export function runDeals(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const csvPath = options.csv as string;
  const csvText = readText(csvPath, 'a CSV export of deals with a header row');
  requireWorkbook(workbook);
  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openRuntime({ root, workbookPath: workbook });
  const { separator, lines } = splitCsv(csvText);
  const [header, ...rows] = lines;
  if (!header) throw new CliError(`${shownPath(csvPath)} is empty: expected a header row and one line per deal`);
  const decimal = decimalMarkOfCsv(separator, decimalMarkOf(runtime.services.spreadsheet.locale));
  io.out(
    `• Importing ${shownPath(csvPath)} (${rows.length} line${rows.length === 1 ? '' : 's'} after the header, ` +
      `separated by “${separator === '\t' ? 'tab' : separator}”, decimal mark “${decimal}”) (importDeals)`,
  );
  const called = runtime.call('importDeals', {
    header: header.fields,
    rows: rows.map(({ line, fields }) => ({ row: line, cells: fields })),
    decimal,
  });
  if (!called.ok) throw new CliError(`importDeals failed: ${called.error.message}`);
  const result = called.value as unknown as ImportDealsResult;
  const lang = result.lang;
  if (result.columns) {
    const matched = result.columns.matched.map(({ field, header: title }) => `${title} → ${dealHeader(lang, field)}`);
    io.out(`  Columns matched: ${matched.length > 0 ? matched.join(', ') : 'none'}`);
    if (result.columns.extra.length > 0)
      io.out(`  Extra columns, kept as they are: ${result.columns.extra.join(', ')}`);
  }
  if (!result.ok) {
    for (const problem of result.problems) io.err(`  ✗ ${shownPath(csvPath)} ${dealProblemText(lang, problem)}`);
    const count = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
    io.err(`✗ ${shownPath(csvPath)}: ${count}; nothing was imported or saved. Fix the lines and run again.`);
    return 1;
  }
  io.out(
    `✓ ${result.created ? 'Created' : 'Updated'} the sheet "${result.sheetName}": ${result.imported} deal${result.imported === 1 ? '' : 's'} imported` +
      `${result.replaced > 0 ? ` (${result.replaced} replacing rows of the same id)` : ''}` +
      `${result.kept > 0 ? `, ${result.kept} earlier row${result.kept === 1 ? '' : 's'} kept` : ''}`,
  );
  runtime.save();
  io.out(`✓ Saved the workbook ${shownPath(workbook)}`);
  return 0;
}
