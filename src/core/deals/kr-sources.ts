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
