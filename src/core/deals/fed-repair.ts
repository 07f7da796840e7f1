// Repairing the key results fed by the Deals sheet once that sheet was deleted and their formulas show #REF!:
// which rows of the OKR sheet get their source's formula again, over the Deals sheet as it is now (the one
// made afresh, or one the user restored or imported). Only rows whose formula is a source's own and that show
// no value are touched; a typed value, a working formula and a formula of the user's own are left alone. A
// source's formula is the same text on every row it feeds (its references are absolute), so the writes come
// grouped by formula: one write per source, however many key results.

import type { KrSource } from '../../shared/plan';
import type { DealField } from './deal';
import { missingSourceFields, type QuarterCells, sourceFormula } from './kr-sources';
import type { DealsSource } from './pipeline-formulas';

/** A key-result row of the OKR sheet as the reader gives it (core/okr-sheet/read.ts `QuarterRow`). */
export interface FedRow {
  row: number;
  id: string;
  current: number | null;
  currentFormula: string | null;
  source: KrSource | null;
}

export interface FedRepair {
  /** Each formula to write and the rows (of the OKR sheet) it goes into, one entry per source. */
  writes: { source: KrSource; formula: string; rows: number[] }[];
  /** The ids of the key results whose formula is written again, in sheet order. */
  repaired: string[];
  /** Key results whose source needs a column the Deals sheet lacks: left as they are. */
  unfed: { id: string; fields: DealField[] }[];
}

/** The key results a repair would rewrite: fed by a source and showing no value (#REF!, or any error). */
export function brokenFedRows<R extends FedRow>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.source !== null && row.currentFormula !== null && row.current === null);
}

/**
 * The cells a fed KR's formula compares closing dates with (`">="&$F$2`), read from the formula itself: they
 * survive the Deals sheet's deletion, and follow rows the user inserted above the table. `fallback` when the
 * formula names none (the sources that read no date).
 * @example quarterCellsIn('=…;#REF!;">="&$F$3;#REF!;"<="&$F$4)…', { quarterStart: '$F$2', quarterEnd: '$F$3' })
 * // { quarterStart: '$F$3', quarterEnd: '$F$4' }
 */
export function quarterCellsIn(formula: string, fallback: QuarterCells): QuarterCells {
  const cell = (operator: string) =>
    new RegExp(`"${operator}"&(\\$?[A-Za-z]{1,3}\\$?\\d+)`).exec(formula)?.[1]?.toUpperCase() ?? null;
  return { quarterStart: cell('>=') ?? fallback.quarterStart, quarterEnd: cell('<=') ?? fallback.quarterEnd };
}

/**
 * What a repair writes: each broken fed row gets its source's formula over `deals`, grouped by formula text.
 * @example planFedRepair(reading.rows, { sheetName: 'Deals', columns }, quarterHeaderCells())
 */
export function planFedRepair(rows: readonly FedRow[], deals: DealsSource, cells: QuarterCells): FedRepair {
  const byFormula = new Map<string, { source: KrSource; formula: string; rows: number[] }>();
  const repaired: string[] = [];
  const unfed: FedRepair['unfed'] = [];
  for (const row of [...brokenFedRows(rows)].sort((a, b) => a.row - b.row)) {
    const source = row.source as KrSource;
    const formula = sourceFormula(source, deals, quarterCellsIn(row.currentFormula ?? '', cells));
    if (formula === null) {
      unfed.push({ id: row.id, fields: missingSourceFields(source, deals) });
      continue;
    }
    const write = byFormula.get(formula) ?? { source, formula, rows: [] };
    write.rows.push(row.row);
    byFormula.set(formula, write);
    repaired.push(row.id);
  }
  return { writes: [...byFormula.values()], repaired, unfed };
}
