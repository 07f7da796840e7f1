// The OKR feed tab of a quarter, laid out as data: the contract's header row (./feed-schema.ts) and formulas
// that keep one row per key result current from the OKR sheet, with the latest confidence and recording day
// from History. No script run updates it, so a company spreadsheet importing it sees what the team sees.
//
// No FILTER or spilling array (LibreOffice before 24.8 and Excel before 2021 lack FILTER, and the .xlsx export
// is checked by LibreOffice): two working columns right of the contract's, outside OKR_FEED, find the rows.
// `_krs_so_far` counts, for each row of the OKR table by its position, the KR ids from the table's top down to
// it; `_okr_row` of feed row k is the first position whose count is k (MATCH), so the k-th key result. Every
// field of that feed row is then an INDEX of the table's column at that position: the table's columns are
// read as ranges (as the OKR sheet's own title-row formulas do), so sorting the table, inserting rows in it or
// moving its columns keeps every feed row whole, and blank rows are left out. Plain formulas only, the same in
// Google Sheets, HyperFormula and LibreOffice. Words the team's language writes (level, kind, unit, status,
// type) become the contract's codes. Confidence and last recorded are per-row lookups in History by the feed
// row's own KR id and quarter (a row of History for week 5 of Q1 is not one of Q2), so they follow the row
// whatever the order.
// Formula text comes from ../formula-text.ts only.

import { type HistoryColumn, historyColumn } from '../check-in/history';
import { call, quoted, sheetName } from '../formula-text';
import type { Lang } from '../i18n';
import { a1, columnLetter, formula } from '../okr-sheet/cells';
import type { ColumnKey } from '../okr-sheet/columns';
import { currencyWord, LANGS, levelWord, sheetText } from '../okr-sheet/texts';
import { STATUS_EMOJI } from '../pace';
import { DATE_FORMAT, SCORE_FORMAT, type SheetSpec, sheetGrids } from '../sheet-spec';
import {
  FEED_COLUMNS,
  FEED_METADATA,
  FEED_NAMED_RANGE,
  FEED_SCHEMA_VERSION,
  FEED_WINDOW_ROWS,
  FEED_WORK_COLUMNS,
  type FeedColumnKey,
  feedColumn,
  feedWorkColumn,
} from './feed-schema';
import { rollupText } from './texts';

/** Where the feed's formulas look: the OKR sheet's table and header cells, and History. */
export interface FeedSource {
  lang: Lang;
  /** The quarter's label ("Q1 2027"), kept in the tab's metadata. */
  quarterLabel: string;
  okrSheetName: string;
  /** The first and last rows of the OKR table (spare rows included). */
  firstRow: number;
  lastRow: number;
  /** The column letter of an OKR table column. */
  letter: (key: ColumnKey) => string;
  /** The header cells holding the team's name and the quarter's label (`B2`, `B3`). */
  teamCell: string;
  quarterCell: string;
  /** History's name now, or the name it will get at the first recording. */
  historySheetName: string;
}

export interface FeedLayout extends SheetSpec {
  /** The named range a company's IMPORTRANGE reads (FEED_NAMED_RANGE) and its A1 range in the tab. */
  namedRange: { name: string; a1: string };
  /** Rows of the feed that can hold a key result (one per row of the OKR table). */
  rows: number;
}

// The milestone answers a person types or picks, as the OKR sheet's portable formulas read them.
const DONE_WORDS = ['yes', 'tak', 'done', 'zrobione', 'true', 'prawda'];

/**
 * `((x="a")+(x="b"))>0`: true where x is one of the words; works cell by cell inside ARRAYFORMULA. A sum, so a
 * number is compared with 0 (`*1` for a single word): a bare TRUE / FALSE compared with a number ranks above
 * every number in HyperFormula (and Excel), so `(x="a")>0` would be true everywhere.
 */
function isOneOf(x: string, words: readonly string[]): string {
  const unique = [...new Set(words.map((word) => word.toLowerCase()))];
  const sum = unique.map((word) => `(${x}=${quoted(word)})`).join('+');
  return `(${unique.length === 1 ? `${sum}*1` : sum})>0`;
}

/** The contract's code where x is one of its words, else x as the team wrote it. */
function codeOf(x: string, codes: readonly (readonly [string, readonly string[]])[], otherwise = x): string {
  return codes.reduceRight<string>(
    (rest, [code, words]) => call('IF', isOneOf(x, words), quoted(code), rest),
    otherwise,
  );
}

const bothLanguages = (word: (lang: Lang) => string) => LANGS.map(word);

/** The feed tab of a quarter. */
export function layoutFeed(source: FeedSource): FeedLayout {
  const okr = sheetName(source.okrSheetName);
  const range = (key: ColumnKey) => {
    const letter = source.letter(key);
    return `${okr}!$${letter}$${source.firstRow}:$${letter}$${source.lastRow}`;
  };
  const absolute = (cell: string) => `${okr}!$${cell.replace(/\d+/, (row) => `$${row}`)}`;
  const krIds = range('krId');

  const rows = source.lastRow - source.firstRow + 1;
  const lastRow = Math.max(rows + 1, FEED_WINDOW_ROWS);
  const lastColumn = FEED_COLUMNS.length + FEED_WORK_COLUMNS.length;
  const grids = sheetGrids(lastRow, lastColumn);
  grids.titles(1, [
    ...FEED_COLUMNS.map(({ key }) => [feedColumn(key), key] as const),
    ...FEED_WORK_COLUMNS.map((key) => [feedWorkColumn(key), key] as const),
  ]);

  const letterOf = (key: FeedColumnKey) => columnLetter(feedColumn(key));
  const countLetter = columnLetter(feedWorkColumn('_krs_so_far'));
  const okrRowLetter = columnLetter(feedWorkColumn('_okr_row'));
  // Rows 2 to lastRow: positions 1 to lastRow − 1 of the table, more than it has, so rows inserted into the
  // table (which widen its ranges) are counted too; a position past the table's end counts nothing.
  const counts = `$${countLetter}$2:$${countLetter}$${lastRow}`;
  const history = sheetName(source.historySheetName);
  const hist = (key: HistoryColumn) => {
    const letter = columnLetter(historyColumn(key));
    return `${history}!$${letter}:$${letter}`;
  };

  for (let row = 2; row <= lastRow; row++) {
    const position = row - 1;
    const isKr = call('IFERROR', call('IF', `${call('INDEX', krIds, position)}<>""`, 1, 0), 0);
    grids.put(
      row,
      feedWorkColumn('_krs_so_far'),
      formula(`=${row === 2 ? isKr : `$${countLetter}${row - 1}+${isKr}`}`),
    );
    grids.put(
      row,
      feedWorkColumn('_okr_row'),
      formula(`=${call('IFERROR', call('MATCH', position, counts, 0), '""')}`),
    );

    const okrRow = `$${okrRowLetter}${row}`;
    const at = (key: ColumnKey) => call('INDEX', range(key), okrRow);
    // A reference to an empty cell is blank in Sheets but 0 in LibreOffice and Excel: say blank explicitly.
    const plain = (x: string) => call('IF', `${x}=""`, '""', x);
    const field = (key: ColumnKey) => plain(at(key));
    const kind = at('kind');
    const current = at('current');
    const weight = at('weight');
    const done = `(${isOneOf(current, DONE_WORDS)})+(${current}=TRUE)+(${current}=1)>0`;
    const expressions: Record<Exclude<FeedColumnKey, 'confidence' | 'last_recorded'>, string> = {
      schema_version: String(FEED_SCHEMA_VERSION),
      team: plain(absolute(source.teamCell)),
      quarter: plain(absolute(source.quarterCell)),
      level: codeOf(
        at('level'),
        (['company', 'team', 'individual'] as const).map((level) => [
          level,
          bothLanguages((lang) => levelWord(level, lang)),
        ]),
        field('level'),
      ),
      objective_id: field('objectiveId'),
      objective: field('objective'),
      company_objective: field('parent'),
      kr_id: at('krId'),
      key_result: field('keyResult'),
      owner: field('owner'),
      kind: codeOf(
        kind,
        [
          ['increase', bothLanguages((lang) => sheetText(lang, 'kind_increase'))],
          ['decrease', bothLanguages((lang) => sheetText(lang, 'kind_decrease'))],
          ['at_least', bothLanguages((lang) => sheetText(lang, 'kind_atLeast'))],
          ['at_most', bothLanguages((lang) => sheetText(lang, 'kind_atMost'))],
          ['milestone', bothLanguages((lang) => sheetText(lang, 'kind_milestone'))],
        ],
        field('kind'),
      ),
      unit: codeOf(
        at('unit'),
        [
          ['count', bothLanguages((lang) => sheetText(lang, 'unit_count'))],
          ['percent', bothLanguages((lang) => sheetText(lang, 'unit_percent'))],
          ['days', bothLanguages((lang) => sheetText(lang, 'unit_days'))],
          ['hours', bothLanguages((lang) => sheetText(lang, 'unit_hours'))],
          ['points', bothLanguages((lang) => sheetText(lang, 'unit_points'))],
          // A currency shows as its symbol (zł, €, $, £) or ISO code; the feed says the ISO code.
          ...(['PLN', 'EUR', 'USD', 'GBP'] as const).map((code) => [code, [currencyWord(code), code]] as const),
        ],
        field('unit'),
      ),
      start: field('start'),
      target: field('target'),
      // A milestone's yes / no as 1 / 0, so every current value is a number (or blank, or the team's own text).
      current: call(
        'IF',
        isOneOf(
          kind,
          bothLanguages((lang) => sheetText(lang, 'kind_milestone')),
        ),
        call('IF', `${current}=""`, '""', call('IF', done, 1, 0)),
        plain(current),
      ),
      score: field('score'),
      status: codeOf(
        at('status'),
        (['green', 'yellow', 'red'] as const).map((status) => [status, [STATUS_EMOJI[status]]]),
        '""',
      ),
      type: codeOf(
        at('type'),
        [
          ['committed', bothLanguages((lang) => sheetText(lang, 'type_committed'))],
          ['aspirational', bothLanguages((lang) => sheetText(lang, 'type_aspirational'))],
        ],
        field('type'),
      ),
      weight: call('IF', `${weight}=""`, 1, weight),
    };
    for (const [key, expression] of Object.entries(expressions) as [FeedColumnKey, string][]) {
      grids.put(row, feedColumn(key), formula(`=${call('IF', `${okrRow}=""`, '""', expression)}`));
    }

    // History by whole columns, so rows recorded later are read too.
    const krId = `$${letterOf('kr_id')}${row}`;
    const quarter = `$${letterOf('quarter')}${row}`;
    const day = `$${letterOf('last_recorded')}${row}`;
    const ofKr = [hist('krId'), krId, hist('quarter'), quarter] as const;
    // IFERROR: until the first recording History may not exist yet, and the cell stays blank.
    const lastRecorded = call(
      'IF',
      `${krId}=""`,
      '""',
      call('IFERROR', call('IF', `${call('COUNTIFS', ...ofKr)}=0`, '""', call('MAXIFS', hist('day'), ...ofKr)), '""'),
    );
    // The confidence recorded on that day (the mean, should a day hold two rows); blank when none was given.
    const ofDay = [...ofKr, hist('day'), day, hist('confidence'), quoted('>=0')] as const;
    const confidence = call(
      'IF',
      `${day}=""`,
      '""',
      call(
        'IFERROR',
        call(
          'IF',
          `${call('COUNTIFS', ...ofDay)}=0`,
          '""',
          `${call('SUMIFS', hist('confidence'), ...ofDay)}/${call('COUNTIFS', ...ofDay)}`,
        ),
        '""',
      ),
    );
    grids.put(row, feedColumn('last_recorded'), formula(`=${lastRecorded}`));
    grids.put(row, feedColumn('confidence'), formula(`=${confidence}`));
    grids.setFormat(row, feedColumn('last_recorded'), DATE_FORMAT);
    grids.setFormat(row, feedColumn('score'), SCORE_FORMAT);
  }

  return {
    ...grids.drawn(),
    validations: grids.grid(null),
    conditionalRules: [],
    notes: [{ a1: 'A1', note: rollupText(source.lang, 'feedNote') }],
    sheetMetadata: [
      { key: FEED_METADATA.kind, value: FEED_METADATA.kindValue },
      { key: FEED_METADATA.quarter, value: source.quarterLabel },
    ],
    columnWidths: [
      ...FEED_COLUMNS.map((_, index) => ({ column: index + 1, width: 110 })),
      ...FEED_WORK_COLUMNS.map((key) => ({ column: feedWorkColumn(key), width: 90 })),
    ],
    namedRange: { name: FEED_NAMED_RANGE, a1: `A1:${a1(FEED_WINDOW_ROWS, FEED_COLUMNS.length)}` },
    rows,
  };
}
