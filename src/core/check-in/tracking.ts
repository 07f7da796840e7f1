// What the OKR sheet gains beside its table once check-ins are recorded, per key result: a sparkline of its
// History, the last recorded date, what each remaining week must bring (KR_NEEDED_PER_WEEK), and the
// end-of-quarter forecast in the pessimistic / standard / optimistic scenarios (KR_FORECAST) with the score
// each would give. The scenarios are named by meaning: KR_FORECAST is given each row's start, target, unit and
// kind, so a decreasing KR's pessimistic forecast is its higher value and no forecast leaves the KR's bounds. Laid out here as columns of cells for the OKR table's rows; the edge writes each group of
// columns with one setValues and finds them again by their column metadata.
//
// Every per-row formula reads the KR id in its own row, so a sort of the table's rows, or of these columns
// with them, keeps each row's trend with its key result. In the add-on style the needed-per-week, forecast
// and score columns are one formula each, in the title cell, answering for the whole table in its row
// order: every custom-function call is a server execution, so a column costs one call, not one per row.
// The portable style (for people without the add-on) has no KR_FORECAST: its forecasts are the numbers
// the core computes at each recording.

import type { FormulaStyle, Unit } from '../../shared/plan';
import type { Scenario } from '../forecast';
import { call, column, dateCall, quoted } from '../formula-text';
import type { Lang } from '../i18n';
import { columnLetter, formula, number, type SheetCell, text } from '../okr-sheet/cells';
import type { ColumnKey } from '../okr-sheet/columns';
import { unitFormat } from '../okr-sheet/layout';
import { type FormulaPlaces, portableRowFormulas, scenarioExpression } from '../okr-sheet/sheet-formulas';
import { FILL } from '../sheet-spec';
import { type CheckInTextKey, checkInText } from './check-in-texts';
import { historyColumn } from './history';

export const TRACKING_KEYS = [
  'trend',
  'lastDate',
  'needed',
  'forecastMin',
  'forecastStandard',
  'forecastMax',
  'scoreMin',
  'scoreStandard',
  'scoreMax',
  // The scenario (below minimum / minimum / standard / maximum) the standard forecast reaches: last, so a
  // sheet tracked before it gains it after its other columns.
  'scenarioStandard',
] as const;
export type TrackingKey = (typeof TRACKING_KEYS)[number];

/**
 * Widths in pixels, set when a column is first placed: each shows its title whole in both languages
 * (test/okr-sheet/header-fit.test.ts, and the playground's Chromium test in a wider fallback font). A width the user sets later is kept.
 */
export const TRACKING_WIDTHS: Record<TrackingKey, number> = {
  trend: 110,
  lastDate: 110,
  needed: 140,
  forecastMin: 170,
  forecastStandard: 170,
  forecastMax: 170,
  scoreMin: 150,
  scoreStandard: 150,
  scoreMax: 150,
  scenarioStandard: 250,
};

/** Column metadata key of the tracking columns; the value is the TrackingKey. */
export const TRACKING_METADATA = 'okr.tracking';

// The keys are the columns' metadata values of earlier versions (min / max), kept so existing sheets find
// their columns again; the pessimistic column comes first.
const SCENARIOS: Record<'forecastMin' | 'forecastStandard' | 'forecastMax', Scenario> = {
  forecastMin: 'pessimistic',
  forecastStandard: 'standard',
  forecastMax: 'optimistic',
};
const SCORE_OF = {
  scoreMin: 'forecastMin',
  scoreStandard: 'forecastStandard',
  scoreMax: 'forecastMax',
} as const;

/** One row of the OKR table, as far as the tracking columns need it. */
export interface TrackedRow {
  row: number;
  milestone: boolean;
  unit: Unit;
  currency: string;
  /**
   * The decimals the KR's values have (start, target, what was recorded; see valueDecimals), so a forecast
   * of 3.5 % shows as 3.5 %, not 4 %; 0 when not given.
   */
  decimals?: number;
  /** Portable style only: the forecasts the core computed, by scenario. */
  forecast?: Partial<Record<Scenario, number | null>>;
}

export interface TrackingInput {
  lang: Lang;
  style: FormulaStyle;
  quarterLabel: string;
  /** The quarter's last day (ISO). */
  quarterEnd: string;
  historySheetName: string;
  /**
   * The last row of History the forecasts read (its row count): KR_FORECAST takes bounded ranges, which
   * HyperFormula can compute too; the edge rewrites the columns, and so the bound, at every recording.
   */
  historyLastRow: number;
  /** The OKR table: its title row and the rows the tracking columns cover. */
  headerRow: number;
  lastRow: number;
  /** Where the OKR table's own columns are now (1-based). */
  okrColumns: Partial<Record<ColumnKey, number>>;
  /** Where each tracking column is (1-based). */
  columns: Record<TrackingKey, number>;
  /** The OKR sheet's as-of cell, absolute or by its name (`OKR_Q1_2027_as_of`). */
  asOf: string;
  rows: readonly TrackedRow[];
}

export interface TrackingLayout {
  /** Cells of each column from the title row to `lastRow`. */
  cells: Record<TrackingKey, SheetCell[]>;
  numberFormats: Record<TrackingKey, string[]>;
  /** The title in the header fill, every row below in the computed look: none of these cells is typed. */
  backgrounds: Record<TrackingKey, string[]>;
}

/**
 * `'History'!$D:$D`: a whole History column, the sheet name always quoted so any name works; with `lastRow`,
 * its records only: `'History'!$D$2:$D$1000`.
 */
function historyRange(sheet: string, key: Parameters<typeof historyColumn>[0], lastRow?: number): string {
  const letter = columnLetter(historyColumn(key));
  const name = `'${sheet.replace(/'/g, "''")}'`;
  return lastRow === undefined
    ? `${name}!$${letter}:$${letter}`
    : `${name}!$${letter}$2:$${letter}$${Math.max(2, lastRow)}`;
}

/** Lays out the tracking columns for the OKR table's rows. */
export function layoutTracking(input: TrackingInput): TrackingLayout {
  const { lang, style, headerRow, lastRow } = input;
  const t = (key: CheckInTextKey) => checkInText(lang, key);
  const okrLetter = (key: ColumnKey) => columnLetter(input.okrColumns[key] ?? 1);
  const letter = (key: TrackingKey) => columnLetter(input.columns[key]);
  const firstRow = headerRow + 1;
  const size = lastRow - headerRow + 1;
  const cells = Object.fromEntries(TRACKING_KEYS.map((key) => [key, new Array<SheetCell>(size).fill(null)])) as Record<
    TrackingKey,
    SheetCell[]
  >;
  const numberFormats = Object.fromEntries(
    TRACKING_KEYS.map((key) => [key, new Array<string>(size).fill('General')]),
  ) as Record<TrackingKey, string[]>;
  const put = (key: TrackingKey, row: number, cell: SheetCell, format?: string) => {
    cells[key][row - headerRow] = cell;
    if (format) numberFormats[key][row - headerRow] = format;
  };

  const [values, ids, quarters, days] = (['value', 'krId', 'quarter', 'day'] as const).map((key) =>
    historyRange(input.historySheetName, key),
  ) as [string, string, string, string];
  const quarter = quoted(input.quarterLabel);
  const end = dateCall(input.quarterEnd);
  const ownRange = (column: string) => `${column}${firstRow}:${column}${lastRow}`;
  const okrRange = (key: ColumnKey) => ownRange(okrLetter(key));

  // The OKR sheet's scenario columns; a sheet built before them has none, and its forecasts name no scenario.
  const scenarioBounds = (at: (key: ColumnKey) => string) => ({
    minTarget: input.okrColumns.minTarget ? at('minTarget') : null,
    maxTarget: input.okrColumns.maxTarget ? at('maxTarget') : null,
  });
  for (const key of TRACKING_KEYS) put(key, headerRow, text(t(`track_${key}`)));
  if (style === 'addon') {
    // A milestone has no target and a yes / no current: its current is blanked so its row stays blank
    // instead of showing "not a number".
    const current = call('ARRAYFORMULA', call('IF', `${okrRange('target')}=""`, '""', okrRange('current')));
    put(
      'needed',
      headerRow,
      formula(
        `=${column(quoted(t('track_needed')), call('KR_NEEDED_PER_WEEK', okrRange('target'), current, input.asOf, end))}`,
      ),
    );
    // One KR_FORECAST call per scenario for the whole table: History's rows keyed quarter|KR id, the table's
    // rows keyed the same way; a row with no KR id or no target (a milestone) gets a blank key, so a blank.
    const bounded = (key: Parameters<typeof historyColumn>[0]) =>
      historyRange(input.historySheetName, key, input.historyLastRow);
    const historyKeys = call('ARRAYFORMULA', `${bounded('quarter')}&"|"&${bounded('krId')}`);
    const krKeys = call(
      'ARRAYFORMULA',
      call(
        'IF',
        `${okrRange('krId')}=""`,
        '""',
        call('IF', `${okrRange('target')}=""`, '""', `${quoted(`${input.quarterLabel}|`)}&${okrRange('krId')}`),
      ),
    );
    for (const [forecastKey, scenario] of Object.entries(SCENARIOS) as [TrackingKey, Scenario][]) {
      put(
        forecastKey,
        headerRow,
        formula(
          `=${column(
            quoted(t(`track_${forecastKey}`)),
            call(
              'KR_FORECAST',
              bounded('value'),
              bounded('day'),
              end,
              quoted(scenario),
              historyKeys,
              krKeys,
              okrRange('start'),
              okrRange('target'),
              okrRange('unit'),
              okrRange('kind'),
            ),
          )}`,
        ),
      );
    }
    put(
      'scenarioStandard',
      headerRow,
      formula(
        `=${column(quoted(t('track_scenarioStandard')), call('ARRAYFORMULA', scenarioExpression(okrRange, ownRange(letter('forecastStandard')), lang, scenarioBounds(okrRange))))}`,
      ),
    );
    for (const [scoreKey, forecastKey] of Object.entries(SCORE_OF) as [keyof typeof SCORE_OF, TrackingKey][]) {
      put(
        scoreKey,
        headerRow,
        formula(
          `=${column(quoted(t(`track_${scoreKey}`)), call('KR_SCORE', okrRange('start'), okrRange('target'), ownRange(letter(forecastKey)), okrRange('kind')))}`,
        ),
      );
    }
  }

  const tracked = new Map(input.rows.map((row) => [row.row, row]));
  for (let row = firstRow; row <= lastRow; row++) {
    const id = `$${okrLetter('krId')}${row}`;
    const mine = [`${ids}=${id}`, `${quarters}=${quarter}`, call('ISNUMBER', values)];
    const sorted = call('SORT', call('FILTER', values, ...mine), call('FILTER', days, ...mine), 'TRUE');
    put('trend', row, formula(`=${call('IF', `${id}=""`, '""', call('IFERROR', call('SPARKLINE', sorted), '""'))}`));
    const criteria = [ids, id, quarters, quarter, values, '"<>"'];
    put(
      'lastDate',
      row,
      formula(
        `=${call('IF', `${id}=""`, '""', call('IF', `${call('COUNTIFS', ...criteria)}=0`, '""', call('MAXIFS', days, ...criteria)))}`,
      ),
      'yyyy-mm-dd',
    );
    if (style === 'portable') {
      const at = (key: ColumnKey) => `${okrLetter(key)}${row}`;
      const forecast = `${letter('forecastStandard')}${row}`;
      put('scenarioStandard', row, formula(`=${scenarioExpression(at, forecast, lang, scenarioBounds(at))}`));
    }
    const kr = tracked.get(row);
    if (!kr || kr.milestone) continue;
    const format = unitFormat(kr.unit, kr.currency, lang, kr.decimals ?? 0);
    // Needed per week is a change spread over up to 14 weeks: one decimal more than the values have keeps a
    // small step from showing as "0" (or "-0" when the value must fall).
    const neededFormat = unitFormat(kr.unit, kr.currency, lang, (kr.decimals ?? 0) + 1);
    const [target, current] = [`${okrLetter('target')}${row}`, `${okrLetter('current')}${row}`];
    if (style === 'portable') {
      put(
        'needed',
        row,
        formula(
          `=${call(
            'IF',
            call(
              'OR',
              call('NOT', call('ISNUMBER', target)),
              call('NOT', call('ISNUMBER', current)),
              `${input.asOf}>${end}`,
            ),
            '""',
            `(${target}-${current})/${call('MAX', 1, call('ROUNDUP', `(${end}-${input.asOf})/7`, 0))}`,
          )}`,
        ),
        neededFormat,
      );
    } else numberFormats.needed[row - headerRow] = neededFormat;
    for (const [forecastKey, scenario] of Object.entries(SCENARIOS) as [TrackingKey, Scenario][]) {
      if (style === 'addon') numberFormats[forecastKey][row - headerRow] = format;
      else {
        const value = kr.forecast?.[scenario];
        put(forecastKey, row, value === null || value === undefined ? null : number(value), format);
      }
    }
    if (style === 'portable') {
      for (const [scoreKey, forecastKey] of Object.entries(SCORE_OF) as [keyof typeof SCORE_OF, TrackingKey][]) {
        const places: FormulaPlaces = {
          letter: (key) => (key === 'current' ? letter(forecastKey) : okrLetter(key)),
          firstRow,
          lastRow,
          quarterStart: input.asOf,
          quarterEnd: input.asOf,
          asOf: input.asOf,
          expected: input.asOf,
        };
        put(scoreKey, row, formula(portableRowFormulas(places, row).score), '0.00');
      }
    }
  }
  if (style === 'addon') {
    for (const scoreKey of Object.keys(SCORE_OF) as (keyof typeof SCORE_OF)[]) {
      numberFormats[scoreKey] = numberFormats[scoreKey].map((format, index) => (index === 0 ? format : '0.00'));
    }
  }
  const backgrounds = Object.fromEntries(
    TRACKING_KEYS.map((key) => [
      key,
      Array.from({ length: size }, (_, index) => (index === 0 ? FILL.header : FILL.computed)),
    ]),
  ) as Record<TrackingKey, string[]>;
  return { cells, numberFormats, backgrounds };
}
