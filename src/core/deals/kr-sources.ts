// Key results that update themselves: the ready formula over the Deals sheet that feeds a KR's current value
// (plan.ts's `source`). Native SUMIFS / COUNTIFS only, so Sheets, LibreOffice and Excel recompute them and no
// custom function is handed whole columns. They reference the Deals sheet by the name it has when the
// formula is written, over whole columns (a deal pasted later counts at once); Sheets rewrites such
// references itself when the sheet is renamed or a column is inserted before them. The quarter's first and
// last day are the OKR sheet's own header cells, so a formula carried into the next quarter measures that one.
// The outcome and category words are the add-on's, in both languages (an import writes them); a blank
// outcome is open. A Deals sheet with no deal at all gives a blank value (no score), never a 0 that looks real;
// a deleted Deals sheet leaves #REF!, which the check-in names.

import type { KrSource } from '../../shared/plan';
import { call, quoted } from '../formula-text';
import { columnLetter } from '../okr-sheet/cells';
import type { DealField } from './deal';
import { categoryWord, outcomeWord } from './deal-texts';
import type { DealsSource } from './pipeline-formulas';

/** The columns of the Deals sheet each source reads; a sheet lacking one cannot feed that source. */
export const SOURCE_FIELDS: Record<KrSource, readonly DealField[]> = {
  'deals.newClients': ['amount', 'outcome', 'closed'],
  'deals.wonRevenue': ['amount', 'outcome', 'closed'],
  'deals.averageDealValue': ['amount', 'outcome', 'closed'],
  'deals.winRate': ['amount', 'outcome', 'closed'],
  'deals.salesCycle': ['amount', 'outcome', 'closed', 'created'],
  'deals.pipelineValue': ['amount', 'outcome'],
  'deals.finalStage': ['amount', 'outcome', 'category'],
};

/** The OKR sheet's cells holding the quarter's first and last day, absolute (`$F$2`). */
export interface QuarterCells {
  quarterStart: string;
  quarterEnd: string;
}

const BOTH = ['en', 'pl'] as const;

/** The fields `source` needs that the Deals sheet's header row does not name (empty when it can be fed). */
export function missingSourceFields(source: KrSource, deals: DealsSource): DealField[] {
  return SOURCE_FIELDS[source].filter((field) => deals.columns[field] === undefined);
}

/**
 * The formula (with its `=`) that computes a KR's current value from the Deals sheet; `null` when the sheet
 * lacks a column the source needs.
 * @example sourceFormula('deals.wonRevenue', { sheetName: 'Deals', columns: { amount: 4, outcome: 10, closed: 9 } }, { quarterStart: '$F$2', quarterEnd: '$F$3' })
 * // '=IF(COUNT(\'Deals\'!$D:$D)=0;"";SUMIFS(\'Deals\'!$D:$D;\'Deals\'!$J:$J;"won";…)+SUMIFS(…;"wygrana";…))'
 */
export function sourceFormula(source: KrSource, deals: DealsSource, cells: QuarterCells): string | null {
  if (missingSourceFields(source, deals).length > 0) return null;
  const name = `'${deals.sheetName.replace(/'/g, "''")}'`;
  const range = (field: DealField) => {
    const letter = columnLetter(deals.columns[field] as number);
    return `${name}!$${letter}:$${letter}`;
  };
  const [amount, outcome] = [range('amount'), range('outcome')];
  const closedIn = () => {
    const closed = range('closed');
    return [closed, `">="&${cells.quarterStart}`, closed, `"<="&${cells.quarterEnd}`];
  };
  /** Σ over both languages of a SUMIFS or COUNTIFS of deals with `outcome`, closed in the quarter. */
  const closedAs = (fn: 'SUMIFS' | 'COUNTIFS', kind: 'won' | 'lost', ...first: string[]) =>
    `(${BOTH.map((lang) => call(fn, ...first, outcome, quoted(outcomeWord(lang, kind)), ...closedIn())).join('+')})`;
  const open = BOTH.flatMap((lang) =>
    (['won', 'lost'] as const).flatMap((kind) => [outcome, quoted(`<>${outcomeWord(lang, kind)}`)]),
  );
  const blankWhenNone = (count: string, value: string) => call('IF', `${count}=0`, '""', value);

  let value: string;
  switch (source) {
    case 'deals.newClients':
      value = closedAs('COUNTIFS', 'won');
      break;
    case 'deals.wonRevenue':
      value = closedAs('SUMIFS', 'won', amount);
      break;
    case 'deals.averageDealValue': {
      // Deals won with an amount: a won deal with a blank amount is no deal value of 0.
      const count = `(${BOTH.map((lang) =>
        call('COUNTIFS', amount, '"<>"', outcome, quoted(outcomeWord(lang, 'won')), ...closedIn()),
      ).join('+')})`;
      value = blankWhenNone(count, `${closedAs('SUMIFS', 'won', amount)}/${count}`);
      break;
    }
    case 'deals.winRate': {
      const won = closedAs('COUNTIFS', 'won');
      const decided = `(${won}+${closedAs('COUNTIFS', 'lost')})`;
      value = blankWhenNone(decided, `${won}/${decided}`);
      break;
    }
    case 'deals.salesCycle': {
      // Mean of (closed − created) = (Σ closed − Σ created) ÷ count, over won deals with both dates.
      const created = range('created');
      const withCreated = [created, '"<>"'];
      const sum = (field: DealField) =>
        `(${BOTH.map((lang) =>
          call('SUMIFS', range(field), outcome, quoted(outcomeWord(lang, 'won')), ...closedIn(), ...withCreated),
        ).join('+')})`;
      const count = `(${BOTH.map((lang) =>
        call('COUNTIFS', outcome, quoted(outcomeWord(lang, 'won')), ...closedIn(), ...withCreated),
      ).join('+')})`;
      value = blankWhenNone(count, `(${sum('closed')}-${sum('created')})/${count}`);
      break;
    }
    case 'deals.pipelineValue':
      value = call('SUMIFS', amount, ...open);
      break;
    case 'deals.finalStage': {
      const category = range('category');
      value = BOTH.map((lang) => call('COUNTIFS', category, quoted(categoryWord(lang, 'commit')), ...open)).join('+');
      break;
    }
  }
  // No deal with an amount yet: no value, so no score, rather than a 0 that reads as a real result.
  return `=${call('IF', `${call('COUNT', amount)}=0`, '""', value)}`;
}

/**
 * What a formula is made of once its references are set aside: its function names and its text literals, in
 * order. Sheets rewrites a formula's references when the Deals sheet is renamed, a column moves or the sheet
 * is deleted (#REF!), and may write `,` or `;` between arguments, but leaves these alone.
 * @example formulaShape('=IF(COUNT(Deals!$D:$D)=0,"",SUM(x))') // ['IF', 'COUNT', '""', 'SUM']
 */
export function formulaShape(formula: string): string[] {
  const shape: string[] = [];
  let at = 0;
  while (at < formula.length) {
    const char = formula[at] as string;
    if (char === '"' || char === "'") {
      // A text literal, or a quoted sheet name (which may hold a `"`); a doubled quote stays inside.
      let end = at + 1;
      while (end < formula.length && !(formula[end] === char && formula[end + 1] !== char)) {
        end += formula[end] === char ? 2 : 1;
      }
      if (char === '"') shape.push(formula.slice(at, end + 1));
      at = end + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(formula.slice(at, at + 64));
    if (name && !/[A-Za-z0-9_.$!]/.test(formula[at - 1] ?? '')) {
      shape.push(name[0].toUpperCase());
      at += name[0].length;
      continue;
    }
    at += 1;
  }
  return shape;
}

/** A Deals sheet with every column, and header cells, only to learn the shape of each source's formula. */
const PROBE_DEALS: DealsSource = {
  sheetName: 'Deals',
  columns: { amount: 1, outcome: 2, closed: 3, created: 4, category: 5 },
};
const PROBE_CELLS: QuarterCells = { quarterStart: '$A$1', quarterEnd: '$A$2' };
/** Each source by its formula's shape; made on the first call of sourceOfFormula, never at the bundle's top level. */
let shapes: Map<string, KrSource> | undefined;

/**
 * The source whose ready formula this is (the add-on's formula of a fed KR's current cell, whatever sheet name
 * and columns it now names, or #REF! where they were); `null` for any other formula, a user's own included,
 * and for one whose conditions the user changed.
 * @example sourceOfFormula(sourceFormula('deals.winRate', deals, cells) ?? '') // 'deals.winRate'
 */
export function sourceOfFormula(formula: string): KrSource | null {
  shapes ??= new Map(
    (Object.keys(SOURCE_FIELDS) as KrSource[]).map((source) => [
      formulaShape(sourceFormula(source, PROBE_DEALS, PROBE_CELLS) ?? '').join('\u0000'),
      source,
    ]),
  );
  return shapes.get(formulaShape(formula).join('\u0000')) ?? null;
}
