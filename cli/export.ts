// `okr export --workbook wb.json --out q1.xlsx [--as-of 2027-01-29] [--force]`: the local workbook as an
// .xlsx, with a summary of its OKR sheets and what the file leaves out or will show differently outside
// Google Sheets. With --as-of, each OKR sheet's as-of cell (the date the add-on keeps current) is typed over with that day, as a
// person looking back does (the README's "type a date to look back"), so the statuses printed and exported
// are those of the check-in made that day, not of the machine's today; the workbook file is not changed.
// An existing --out needs --force.

import type { LocalRuntime } from '../local/runtime';
import { writeXlsx, xlsxWarnings } from '../local/xlsx';
import { workbookFromFake } from '../local/xlsx-from-fake';
import { columnLetter } from '../src/core/okr-sheet/cells';
import { HEADER_PLACES } from '../src/core/okr-sheet/columns';
import { CliError, checkOutputPath, type Io, shownPath, size, writeFileAtomically } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';
import { printQuarter } from './summary';
import { quarterSheetIds, readQuarterView } from './workbook-view';

/**
 * Types `asOf` into the as-of cell of every OKR sheet, as a person looking back does (the workbook file is not
 * changed until saved); the walk test computes the same state to compare with LibreOffice.
 */
export function typeAsOf(runtime: LocalRuntime, asOf: string): void {
  const ids = quarterSheetIds(runtime);
  const cell = `${columnLetter(HEADER_PLACES.asOf.labelColumn + 1)}${HEADER_PLACES.asOf.row}`;
  for (const sheet of runtime.services.spreadsheet.sheets.filter((candidate) => ids.includes(candidate.id))) {
    runtime.setCell(sheet.getName(), cell, asOf);
  }
}

export function runExport(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const out = options.out as string;
  if (!/\.xlsx$/i.test(out)) throw new CliError(`--out ${out}: the file name should end in .xlsx`, 2);
  const asOf = options['as-of'];
  checkAsOf(asOf);
  checkOutputPath(out, false, options.force ? 'replace' : 'refuse');
  io.out(`• Loading the workbook ${shownPath(workbook)}${asOf ? `, as of ${asOf}` : ''}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  const ids = quarterSheetIds(runtime);
  if (asOf) typeAsOf(runtime, asOf);
  if (ids.length > 0) {
    const snapshot = runtime.snapshot();
    for (const id of ids) {
      const view = readQuarterView(runtime, snapshot, id);
      if (view) printQuarter(view, io);
    }
    io.out('');
  } else {
    io.out('  The workbook has no OKR sheet yet.');
  }
  const model = workbookFromFake(runtime.services.spreadsheet);
  const bytes = writeXlsx(model);
  checkOutputPath(out, true, options.force ? 'replace' : 'refuse');
  writeFileAtomically(out, bytes);
  io.out(`✓ Wrote ${shownPath(out)} (${size(bytes.length)}, ${model.sheets.length} sheets)`);
  for (const warning of xlsxWarnings(model)) io.out(`  ⚠ ${warning}`);
  return 0;
}
