// The deal as the add-on understands it, and how a CRM export becomes deals: its header row is matched by name
// in Polish or English with the aliases CRM exports use ("Deal Name", "Nazwa", "Close Date", "Data
// zamknięcia"…), columns it does not know are kept as they are, and every cell is read through the core's one
// reader (cell-values.ts) with the file's decimal mark as a hint. What cannot be read is a problem located at
// its row, as a code with parameters; the words live in deal-texts.ts. Nothing here touches Sheets.

import { type DecimalMark, isBlank, readDay, readNumber } from '../cell-values';
import { describeValue, InputError } from '../input-error';

/** The columns of a deal, in the order the Deals sheet shows them. `weighted` is computed, never imported. */
export const DEAL_FIELDS = [
  'id',
  'deal',
  'owner',
  'amount',
  'stage',
  'probability',
  'category',
  'created',
  'closed',
  'outcome',
  'lossReason',
  'weighted',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/** Without these an export says nothing a pipeline can use. */
export const REQUIRED_FIELDS: readonly DealField[] = ['deal', 'amount'];

export type Outcome = 'won' | 'lost' | 'open';
/** Salesforce's forecast categories; `closed` is closed won. */
export type ForecastCategory = 'pipeline' | 'bestCase' | 'commit' | 'closed' | 'omitted';

export interface Deal {
  /** The CRM's id; the deal's name when the export has no id column. */
  id: string;
  deal: string;
  owner: string;
  amount: number | null;
  stage: string;
  /** A fraction 0…1. */
  probability: number | null;
  category: ForecastCategory | null;
  /** Serial day numbers (1970-01-01 is 25569). */
  created: number | null;
  closed: number | null;
  outcome: Outcome;
  lossReason: string;
  /** The cells of the columns the add-on does not know, in the order of `DealColumns.extra`. */
  extra: unknown[];
}

/** How an export's header row was understood. Columns are 0-based positions in the export. */
export interface DealColumns {
  matched: { field: DealField; column: number; header: string }[];
  /** Required fields no header named. */
  missing: DealField[];
  extra: { column: number; header: string }[];
}

/** What is wrong with an export, as a code and parameters; `row` is the line or row the caller numbered. */
export type DealProblem =
  | { code: 'missingColumns'; missing: DealField[]; matched: string[] }
  | { code: 'noDealName'; row: number }
  | { code: 'duplicateId'; row: number; id: string; earlier: number }
  | { code: 'notANumber'; row: number; field: DealField; value: string }
  | { code: 'notADate'; row: number; field: DealField; value: string }
  | { code: 'closedBeforeCreated'; row: number; created: string; closed: string }
  | { code: 'probabilityOutOfRange'; row: number; value: string }
  | { code: 'unknownOutcome'; row: number; value: string }
  | { code: 'unknownCategory'; row: number; value: string }
  | { code: 'noRows' };

// Header words, folded (lowercase, no diacritics, no punctuation or "(%)"), per field, PL and EN and the
// names HubSpot, Salesforce and Pipedrive exports use.
const ALIASES: Record<DealField, readonly string[]> = {
  id: ['id', 'deal id', 'record id', 'opportunity id', 'id transakcji', 'id szansy', 'identyfikator', 'nr transakcji'],
  deal: [
    'deal',
    'deal name',
    'name',
    'title',
    'deal title',
    'opportunity',
    'opportunity name',
    'transakcja',
    'nazwa',
    'nazwa transakcji',
    'tytul',
    'szansa',
    'okazja',
    'nazwa szansy',
  ],
  owner: [
    'owner',
    'deal owner',
    'opportunity owner',
    'sales rep',
    'salesperson',
    'wlasciciel',
    'opiekun',
    'handlowiec',
  ],
  amount: ['amount', 'value', 'deal value', 'deal amount', 'kwota', 'wartosc', 'wartosc transakcji'],
  stage: ['stage', 'deal stage', 'pipeline stage', 'etap', 'etap transakcji', 'faza', 'etap lejka'],
  probability: [
    'probability',
    'deal probability',
    'win probability',
    'prawdopodobienstwo',
    'szansa wygranej',
    'prawdopodobienstwo wygranej',
  ],
  category: ['forecast category', 'forecast', 'kategoria prognozy', 'prognoza'],
  created: ['created', 'create date', 'created date', 'date created', 'utworzono', 'data utworzenia'],
  closed: [
    'closed',
    'close date',
    'closed date',
    'expected close date',
    'zamknieto',
    'data zamkniecia',
    'planowana data zamkniecia',
  ],
  outcome: ['outcome', 'result', 'won lost', 'status', 'wynik', 'rezultat'],
  lossReason: [
    'loss reason',
    'lost reason',
    'closed lost reason',
    'reason lost',
    'powod przegranej',
    'przyczyna przegranej',
    'powod utraty',
  ],
  weighted: ['weighted', 'weighted amount', 'kwota wazona', 'wartosc wazona'],
};

/** A header or word as compared: lowercase, no diacritics, no "(%)", punctuation as spaces. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Matches an export's header row to the deal's fields; the first column a field's name matches wins, and a
 * column no field names is kept as an extra column.
 * @example matchDealColumns(['Deal Name', 'Kwota', 'Notes']).extra // [{ column: 2, header: 'Notes' }]
 */
export function matchDealColumns(header: readonly unknown[]): DealColumns {
  const matched: DealColumns['matched'] = [];
  const extra: DealColumns['extra'] = [];
  header.forEach((cell, column) => {
    const title = isBlank(cell) ? '' : String(cell).trim();
    const folded = fold(title);
    const field = DEAL_FIELDS.find(
      (candidate) => ALIASES[candidate].includes(folded) && !matched.some((m) => m.field === candidate),
    );
    if (field && folded !== '') matched.push({ field, column, header: title });
    else if (title !== '') extra.push({ column, header: title });
  });
  const missing = REQUIRED_FIELDS.filter((field) => !matched.some((m) => m.field === field));
  return { matched, missing, extra };
}

const OUTCOMES: Record<Outcome, readonly string[]> = {
  won: ['won', 'win', 'closed won', 'wygrana', 'wygrany', 'wygrane', 'zamknieta wygrana', 'sukces'],
  lost: ['lost', 'loss', 'closed lost', 'przegrana', 'przegrany', 'przegrane', 'utracona', 'zamknieta przegrana'],
  open: ['open', 'in progress', 'otwarta', 'otwarty', 'otwarte', 'w toku', 'w trakcie'],
};

const CATEGORIES: Record<ForecastCategory, readonly string[]> = {
  pipeline: ['pipeline', 'lejek'],
  bestCase: ['best case', 'bestcase', 'best', 'najlepszy scenariusz', 'najlepszy przypadek'],
  commit: ['commit', 'pewne', 'pewna', 'zobowiazanie'],
  closed: ['closed', 'closed won', 'zamkniete', 'zamknieta', 'wygrane'],
  omitted: ['omitted', 'pominiete', 'pominieta'],
};

/** An outcome word in either language (blank is open); `null` when it is none. */
export function parseOutcome(value: unknown): Outcome | null {
  if (isBlank(value)) return 'open';
  const word = fold(String(value));
  return (Object.keys(OUTCOMES) as Outcome[]).find((outcome) => OUTCOMES[outcome].includes(word)) ?? null;
}

/** A forecast category in either language; `null` when it is none (blank included). */
export function parseCategory(value: unknown): ForecastCategory | null {
  if (isBlank(value)) return null;
  const word = fold(String(value));
  return (Object.keys(CATEGORIES) as ForecastCategory[]).find((c) => CATEGORIES[c].includes(word)) ?? null;
}

/**
 * A probability as a fraction: `60%` and `0.6` are 0.6; a plain number above 1 is a percent (`60` → 0.6).
 * @example probabilityOf(60) // 0.6
 */
export function probabilityOf(read: number, written: unknown): number {
  const percentSign = typeof written === 'string' && written.includes('%');
  return !percentSign && read > 1 ? read / 100 : read;
}

/** One row of an export: its cells, and the number the messages give it (a CSV line, a sheet row). */
export interface DealRowInput {
  row: number;
  cells: readonly unknown[];
}

export interface DealReading {
  columns: DealColumns;
  deals: Deal[];
  /** Every problem found, in row order; an import with any of them writes nothing. */
  problems: DealProblem[];
}

/**
 * Reads an export's rows into deals. Each cell goes through the one reader (`decimal` is the file's or the
 * sheet's decimal mark); every problem of every row is listed, so one run shows all there is to fix.
 */
export function readDeals(
  header: readonly unknown[],
  rows: readonly DealRowInput[],
  decimal?: DecimalMark,
): DealReading {
  const columns = matchDealColumns(header);
  const problems: DealProblem[] = [];
  if (columns.missing.length > 0) {
    problems.push({ code: 'missingColumns', missing: columns.missing, matched: columns.matched.map((m) => m.header) });
    return { columns, deals: [], problems };
  }
  const at = new Map(columns.matched.map((m) => [m.field, m.column]));
  const seen = new Map<string, number>();
  const deals: Deal[] = [];
  for (const { row, cells } of rows) {
    if (cells.every(isBlank)) continue;
    const cell = (field: DealField): unknown => {
      const column = at.get(field);
      return column === undefined ? '' : cells[column];
    };
    const textOf = (field: DealField) => (isBlank(cell(field)) ? '' : String(cell(field)).trim());
    const before = problems.length;
    const number = (field: DealField): number | null => {
      const value = cell(field);
      try {
        return readNumber(value, { fn: 'deal', arg: field }, decimal);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push({ code: 'notANumber', row, field, value: describeValue(value) });
        return null;
      }
    };
    const day = (field: DealField): number | null => {
      const value = cell(field);
      try {
        return readDay(value, { fn: 'deal', arg: field });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push({ code: 'notADate', row, field, value: describeValue(value) });
        return null;
      }
    };
    const name = textOf('deal');
    if (name === '') problems.push({ code: 'noDealName', row });
    const id = textOf('id') || name;
    const key = id.toLowerCase();
    const earlier = seen.get(key);
    if (id !== '' && earlier !== undefined) problems.push({ code: 'duplicateId', row, id, earlier });
    else if (id !== '') seen.set(key, row);
    const amount = number('amount');
    const rawProbability = number('probability');
    const probability = rawProbability === null ? null : probabilityOf(rawProbability, cell('probability'));
    if (probability !== null && (probability < 0 || probability > 1)) {
      problems.push({ code: 'probabilityOutOfRange', row, value: describeValue(cell('probability')) });
    }
    const categoryCell = cell('category');
    const category = parseCategory(categoryCell);
    if (category === null && !isBlank(categoryCell)) {
      problems.push({ code: 'unknownCategory', row, value: describeValue(categoryCell) });
    }
    const created = day('created');
    const closed = day('closed');
    if (created !== null && closed !== null && closed < created) {
      problems.push({
        code: 'closedBeforeCreated',
        row,
        created: describeValue(cell('created')),
        closed: describeValue(cell('closed')),
      });
    }
    const outcomeCell = at.has('outcome') ? cell('outcome') : stageOutcome(cell('stage'));
    const outcome = parseOutcome(outcomeCell);
    if (outcome === null) problems.push({ code: 'unknownOutcome', row, value: describeValue(outcomeCell) });
    if (problems.length > before) continue;
    deals.push({
      id,
      deal: name,
      owner: textOf('owner'),
      amount,
      stage: textOf('stage'),
      probability,
      category,
      created,
      closed,
      outcome: outcome ?? 'open',
      lossReason: textOf('lossReason'),
      extra: columns.extra.map((column) => cells[column.column] ?? ''),
    });
  }
  if (rows.every((input) => input.cells.every(isBlank))) problems.push({ code: 'noRows' });
  return { columns, deals, problems };
}

/** Without an outcome column, a stage such as "Closed Won" / "Wygrana" says it; any other stage is open. */
function stageOutcome(stage: unknown): unknown {
  const outcome = parseOutcome(stage);
  return outcome === 'won' || outcome === 'lost' ? outcome : '';
}
