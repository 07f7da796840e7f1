// `okr export --workbook wb.json --out q1.xlsx`: the local workbook as an .xlsx, with a summary of its
// OKR sheets and what the file leaves out or will show differently outside Google Sheets.

import { writeXlsx, xlsxWarnings } from '../local/xlsx';
import { workbookFromFake } from '../local/xlsx-from-fake';
import { CliError, checkOutputPath, type Io, shownPath, size, writeFileAtomically } from './io';
import { openRuntime } from './local';
import type { Options } from './main';
import { printQuarter } from './summary';
import { quarterSheetIds, readQuarterView } from './workbook-view';

export function runExport(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const out = options.out as string;
  if (!/\.xlsx$/i.test(out)) throw new CliError(`--out ${out}: the file name should end in .xlsx`, 2);
  checkOutputPath(out, false);
  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openRuntime({ root, workbookPath: workbook, mustExist: true });
  const ids = quarterSheetIds(runtime);
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
  checkOutputPath(out, true);
  writeFileAtomically(out, bytes);
  io.out(`✓ Wrote ${shownPath(out)} (${size(bytes.length)}, ${model.sheets.length} sheets)`);
  for (const warning of xlsxWarnings(model)) io.out(`  ⚠ ${warning}`);
  return 0;
}
