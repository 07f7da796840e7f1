// The check-in's PIPELINE cells computed from the Deals sheet: portable native formulas (SUMIFS, COUNTIFS)
// over whole columns of the Deals sheet, so Sheets, LibreOffice and Excel recompute them and a deal pasted
// later counts at once. Columns are the ones the Deals sheet's header row names (matched like an import), so
// a sheet a person pasted an export into in another column order still works. The outcome and category words
// are the add-on's, in both languages (an import writes them); a blank outcome is open. The header row is
// text, which SUMIFS never sums and no criterion here matches as a deal.

import { call, quoted } from '../formula-text';
import { columnLetter } from '../okr-sheet/cells';
import type { DealField } from './deal';
import { categoryWord, outcomeWord } from './deal-texts';

/** Where the Deals sheet is, and the 1-based column of each field its header row names. */
export interface DealsSource {
  sheetName: string;
  columns: Partial<Record<DealField, number>>;
}

/** The cells of the check-in the formulas compare dates with (absolute A1, e.g. `$J$3`). */
export interface PipelineCells {
  quarterStart: string;
  quarterEnd: string;
  asOf: string;
}

export interface PipelineFormulas {
  /** Open pipeline value: Σ amount of the deals neither won nor lost. */
  value: string | null;
  /** Won in the quarter: Σ amount of the won deals closed between its first and last day. */
  closed: string | null;
  /** Σ weighted amount of the open deals expected to close in the next 14 days from the as-of date. */
  forecast: string | null;
  /** How many open deals are in the commit category (the final stage). */
  finalStage: string | null;
}

const BOTH = ['en', 'pl'] as const;

/** The formulas the Deals sheet makes possible; `null` for a cell whose columns the sheet lacks. */
export function pipelineFormulas(source: DealsSource, cells: PipelineCells): PipelineFormulas {
  const name = `'${source.sheetName.replace(/'/g, "''")}'`;
  const range = (field: DealField): string | null => {
    const column = source.columns[field];
    if (column === undefined) return null;
    const letter = columnLetter(column);
    return `${name}!$${letter}:$${letter}`;
  };
  const [amount, outcome, closed, weighted, category] = (
    ['amount', 'outcome', 'closed', 'weighted', 'category'] as const
  ).map(range);
  if (!amount || !outcome) return { value: null, closed: null, forecast: null, finalStage: null };
  const open = BOTH.flatMap((lang) =>
    (['won', 'lost'] as const).flatMap((word) => [outcome, quoted(`<>${outcomeWord(lang, word)}`)]),
  );
  const wonIn = (lang: 'en' | 'pl') => [outcome, quoted(outcomeWord(lang, 'won'))];
  const inQuarter = closed ? [closed, `">="&${cells.quarterStart}`, closed, `"<="&${cells.quarterEnd}`] : [];
  const wonSum = BOTH.map((lang) => call('SUMIFS', amount, ...wonIn(lang), ...inQuarter)).join('+');
  const forecast =
    weighted && closed
      ? `=${call('SUMIFS', weighted, ...open, closed, `">="&${cells.asOf}`, closed, `"<="&(${cells.asOf}+14)`)}`
      : null;
  const finalStage = category
    ? `=${BOTH.map((lang) => call('COUNTIFS', category, quoted(categoryWord(lang, 'commit')), ...open)).join('+')}`
    : null;
  return { value: `=${call('SUMIFS', amount, ...open)}`, closed: `=${wonSum}`, forecast, finalStage };
}
