// Which `current` cells of the OKR sheet a recording writes, and which it must leave alone. The current column
// is the user's: a cell holding their own formula (a SUMIFS over a CRM export, say) is never written, and
// neither is a cell an array formula above it fills (ARRAYFORMULA, FILTER, `={…}` in the title cell or in a
// row), since a value there would break the whole array. Cells to write are grouped into runs of adjacent
// rows, so the edge writes them with one setValues per run: one in the usual case. A value is written as a
// number with its unit's number format (`#,##0 "zł"`), as the OKR sheet's builder formats the column, so
// Sheets' own arithmetic works on it and the sheet stays portable.

import { literalText } from '../okr-sheet/cells';
import { unitFormat } from '../okr-sheet/layout';
import type { QuarterReading } from '../okr-sheet/read';
import { sheetText } from '../okr-sheet/texts';
import type { HistoryRecord } from './history';

export interface CurrentRun {
  /** The first row of the run. */
  row: number;
  /** What setValues receives, row by row. */
  inputs: (string | number)[];
  /** What setNumberFormats receives, row by row: the unit's format; General for a milestone's word. */
  formats: string[];
}

export interface SkippedFormulaCell {
  keyResultId: string;
  row: number;
  formula: string;
}

export interface CurrentWrites {
  runs: CurrentRun[];
  /** Key results whose current cell is the user's formula (or filled by one): left as they are. */
  skipped: SkippedFormulaCell[];
  /** Key results recorded in the check-in that the OKR sheet no longer has. */
  missing: string[];
}

// Formulas that fill cells below their own (an array literal, or an array function around the whole
// formula): a value typed into those cells breaks the array. A FILTER inside a SUMIFS fills nothing.
const SPILLING =
  /^=\s*(\{|(IFERROR\s*\(\s*)?(ARRAYFORMULA|FILTER|QUERY|SORT|SORTN|UNIQUE|SEQUENCE|IMPORTRANGE|FLATTEN|MAP|BYROW)\s*\()/i;

/**
 * Plans the writes of this week's values into the OKR sheet's current column. `headerFormula` is the
 * formula in the column's title cell ('' when it holds the title text).
 */
export function planCurrentWrites(
  reading: QuarterReading,
  headerFormula: string,
  records: readonly HistoryRecord[],
): CurrentWrites {
  const byId = new Map<string, QuarterReading['rows'][number]>();
  for (const row of reading.rows) {
    const key = row.id.toLowerCase();
    if (row.id && !byId.has(key)) byId.set(key, row);
  }
  const plan = reading.plan;
  const keyResults = new Map(
    (plan?.objectives ?? []).flatMap((o) => o.keyResults.map((kr) => [(kr.id ?? '').toLowerCase(), kr] as const)),
  );
  // The first row an array formula fills from: the title cell's, or the highest spilling formula's.
  let arrayFrom = Number.POSITIVE_INFINITY;
  let arrayFormula = '';
  if (headerFormula && SPILLING.test(headerFormula) && reading.headerRow !== null) {
    arrayFrom = reading.headerRow;
    arrayFormula = headerFormula;
  }
  for (const row of reading.rows) {
    if (row.currentFormula && SPILLING.test(row.currentFormula) && row.row < arrayFrom) {
      arrayFrom = row.row;
      arrayFormula = row.currentFormula;
    }
  }

  const writes: { row: number; input: string | number; format: string }[] = [];
  const skipped: SkippedFormulaCell[] = [];
  const missing: string[] = [];
  for (const record of records) {
    if (record.value === null) continue;
    const row = byId.get(record.keyResultId.toLowerCase());
    if (!row) {
      missing.push(record.keyResultId);
      continue;
    }
    if (row.currentFormula || row.row > arrayFrom) {
      skipped.push({ keyResultId: record.keyResultId, row: row.row, formula: row.currentFormula || arrayFormula });
      continue;
    }
    const keyResult = keyResults.get(record.keyResultId.toLowerCase());
    const milestone = keyResult?.kind === 'milestone';
    // A milestone gets the yes / no word of its dropdown; a word is written as text so no locale reads it.
    const input = milestone ? literalText(sheetText(reading.lang, record.value >= 1 ? 'yes' : 'no')) : record.value;
    const format =
      milestone || !keyResult || !plan
        ? 'General'
        : unitFormat(keyResult.unit, keyResult.currency ?? plan.currency, reading.lang);
    writes.push({ row: row.row, input, format });
  }

  writes.sort((a, b) => a.row - b.row);
  const runs: CurrentRun[] = [];
  for (const write of writes) {
    const run = runs[runs.length - 1];
    if (run && run.row + run.inputs.length === write.row) {
      run.inputs.push(write.input);
      run.formats.push(write.format);
    } else runs.push({ row: write.row, inputs: [write.input], formats: [write.format] });
  }
  return { runs, skipped, missing };
}
