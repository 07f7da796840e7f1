// What a manager sees of the sheets' titles before widening a column: every title of the OKR sheet (its
// tracking columns included) and of the check-in tab, cut to what its column shows, must read whole and
// unlike any other, in both languages; and on a 1366 px laptop screen the score, objective score and status
// of each key result must show without scrolling sideways.
//
// How much a cell shows: Sheets' default font is Arial 10 pt, whose letters average 6 to 7 px, bold ones
// nearer 8, with about 3 px of padding each side; so a column shows floor((width − 6) / 7) characters of
// plain text and floor((width − 6) / 8) of bold, an emoji counting as two. The bold figure is the one that
// reproduces what the issue saw: "Progi statusu" in a 100 px column showed as "Progi statu". Text left-aligned in a cell runs on over the empty cells to its right and is cut at
// the first one that holds something (Sheets' default wrap strategy, OVERFLOW: "Overflow lines into the next
// cell, so long as that cell is empty", https://developers.google.com/apps-script/reference/spreadsheet/wrap-strategy).
//
// A 1366 px screen shows about 1,250 px of columns: Sheets' row numbers (46 px) and the vertical scrollbar
// and window edges take the rest.

import { describe, expect, it } from 'vitest';
import { type CheckInTabInput, layoutCheckInTab, TAB_COLUMN_KEYS } from '../../src/core/check-in/check-in-tab';
import { checkInText } from '../../src/core/check-in/check-in-texts';
import { layoutTracking, TRACKING_KEYS, TRACKING_WIDTHS, type TrackingKey } from '../../src/core/check-in/tracking';
import type { Lang } from '../../src/core/i18n';
import type { SheetCell } from '../../src/core/okr-sheet/cells';
import { COLUMN_KEYS, type ColumnKey, columnOf, columnTitle } from '../../src/core/okr-sheet/columns';
import { layoutQuarter, type QuarterLayout } from '../../src/core/okr-sheet/layout';
import { checkInWeek, quarterDates } from '../../src/core/quarter';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { workedExamplePlan } from './plans';

const PX_PER_CHAR = 7;
const PX_PER_BOLD_CHAR = 8;
const PADDING = 6;
/** Columns a 1366 px screen shows beside Sheets' row numbers and scrollbar. */
const VISIBLE_PX = 1250;

/** The characters of `text` a cell `width` px wide shows: emoji count as two. */
function cut(text: string, width: number, bold = false): string {
  let room = Math.floor((width - PADDING) / (bold ? PX_PER_BOLD_CHAR : PX_PER_CHAR));
  let shown = '';
  for (const char of text) {
    const cost = /\p{Extended_Pictographic}/u.test(char) ? 2 : 1;
    if (cost > room) break;
    room -= cost;
    shown += char;
  }
  return shown;
}

const textOf = (cell: SheetCell | undefined): string => (cell && 'text' in cell ? cell.text : '');

/** Width of a column of a laid-out sheet; Sheets' default (100 px) where the layout sets none. */
const widthIn = (spec: SheetSpec) => (column: number) =>
  spec.columnWidths.find((entry) => entry.column === column)?.width ?? 100;

/** What the text cell at `row`, `column` shows: its column, and the empty cells after it it runs over. */
function shownIn(
  spec: SheetSpec,
  row: number,
  column: number,
  text = textOf(spec.cells[row - 1]?.[column - 1]),
): string {
  const width = widthIn(spec);
  let room = width(column);
  for (let next = column + 1; next <= spec.lastColumn && spec.cells[row - 1]?.[next - 1] == null; next++) {
    room += width(next);
  }
  return cut(text, room, spec.fontWeights[row - 1]?.[column - 1] === 'bold');
}

interface Shown {
  where: string;
  text: string;
  shown: string;
}

/** Every title and label of a row range, as the sheet shows them; formula titles by the words they show. */
function shownRow(spec: SheetSpec, row: number, titleOf: (column: number) => string | null = () => null): Shown[] {
  const found: Shown[] = [];
  for (let column = 1; column <= spec.lastColumn; column++) {
    const text = titleOf(column) ?? textOf(spec.cells[row - 1]?.[column - 1]);
    if (text) found.push({ where: `row ${row}, column ${column}`, text, shown: shownIn(spec, row, column, text) });
  }
  return found;
}

function expectWholeAndDistinct(found: readonly Shown[]): void {
  expect(found.filter(({ text, shown }) => text !== shown)).toEqual([]);
  const shown = found.map((entry) => entry.shown.toLowerCase());
  expect(shown.filter((text, index) => shown.indexOf(text) !== index)).toEqual([]);
}

function okrLayout(lang: Lang, style: 'addon' | 'portable' = 'addon'): QuarterLayout {
  const plan = workedExamplePlan(lang, style);
  return layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
}

const trackingTitle = (key: TrackingKey, lang: Lang) => checkInText(lang, `track_${key}`);

function checkInInput(lang: Lang, style: 'addon' | 'portable'): CheckInTabInput {
  return {
    lang,
    style,
    currency: 'PLN',
    quarter: { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
    week: checkInWeek('2027-01-01', '2027-01-27'),
    asOf: '2027-01-27',
    okrSheetId: 7,
    keyResults: [
      {
        id: 'O1.1',
        kind: 'increase',
        objective: 'Build a predictable pipeline',
        title: 'New subscription customers',
        owner: 'Anna',
        unit: 'count',
        start: 0,
        target: 10,
        committed: false,
        lastValue: null,
        lastRecordedDay: null,
      },
    ],
  };
}

describe.each(['en', 'pl'] as const)('the titles of the OKR sheet (%s)', (lang) => {
  it('show whole and unlike each other in the table header, computed titles included', () => {
    for (const style of ['addon', 'portable'] as const) {
      const layout = okrLayout(lang, style);
      const found = shownRow(layout, layout.headerRow, (column) =>
        columnTitle(COLUMN_KEYS[column - 1] as ColumnKey, lang),
      );
      expect(found).toHaveLength(COLUMN_KEYS.length);
      expectWholeAndDistinct(found);
    }
  });

  it('show whole in the header block: labels, and the status legend over the empty cells beside it', () => {
    const layout = okrLayout(lang);
    for (let row = 2; row < layout.headerRow; row++) {
      const found = shownRow(layout, row);
      expect(found.filter(({ text, shown }) => text !== shown)).toEqual([]);
    }
  });

  it('show whole in the tracking columns, each unlike the others at its start', () => {
    const found = TRACKING_KEYS.map((key) => {
      const text = trackingTitle(key, lang);
      return { where: key, text, shown: cut(text, TRACKING_WIDTHS[key]) };
    });
    expectWholeAndDistinct(found);
    // Narrowed to Sheets' default 100 px, the forecasts and the scores still tell their scenario apart.
    for (const group of [
      ['forecastMin', 'forecastStandard', 'forecastMax'],
      ['scoreMin', 'scoreStandard', 'scoreMax'],
    ] as const) {
      const narrow = group.map((key) => cut(trackingTitle(key, lang), 100));
      expect(new Set(narrow).size).toBe(3);
    }
  });

  it('are what the tracking layout writes, in its title row and its formulas', () => {
    const layout = layoutTracking({
      lang,
      style: 'addon',
      quarterLabel: 'Q1 2027',
      quarterEnd: '2027-03-31',
      historySheetName: 'History',
      historyLastRow: 10,
      headerRow: 6,
      lastRow: 8,
      okrColumns: Object.fromEntries(COLUMN_KEYS.map((key) => [key, columnOf(key)])),
      columns: Object.fromEntries(TRACKING_KEYS.map((key, index) => [key, 20 + index])) as Record<TrackingKey, number>,
      asOf: '$F$4',
      rows: [],
    });
    for (const key of TRACKING_KEYS) {
      const title = layout.cells[key][0];
      const shows = title && 'formula' in title ? /^=\{"([^"]*)"/.exec(title.formula)?.[1] : textOf(title ?? undefined);
      expect(shows).toBe(trackingTitle(key, lang));
    }
  });
});

describe.each(['en', 'pl'] as const)('the titles of the check-in tab (%s)', (lang) => {
  it('show whole and unlike each other over the key results, and whole in every section', () => {
    for (const style of ['addon', 'portable'] as const) {
      const layout = layoutCheckInTab(checkInInput(lang, style));
      const krTitle = layout.regions.keyResults.row - 1;
      const found = shownRow(layout, krTitle, (column) =>
        checkInText(lang, `col_${TAB_COLUMN_KEYS[column - 1]}` as 'col_score'),
      );
      expect(found).toHaveLength(TAB_COLUMN_KEYS.length);
      expectWholeAndDistinct(found);
      // The header, the section names and the titles of the deals, blockers and plan.
      const rows = [1, 2, 3, 4, ...Object.values(layout.regions).flatMap(({ row }) => [row - 2, row - 1])];
      for (const row of new Set(rows.filter((row) => row >= 1 && row !== krTitle))) {
        expect(shownRow(layout, row).filter(({ text, shown }) => text !== shown)).toEqual([]);
      }
    }
  });
});

describe.each(['en', 'pl'] as const)('the OKR sheet on a 1366 px laptop screen (%s)', (lang) => {
  it('shows score, objective score and status beside the frozen identity columns, without scrolling', () => {
    const layout = okrLayout(lang);
    const width = widthIn(layout);
    const right = (key: ColumnKey) => {
      let x = 0;
      for (let column = 1; column <= columnOf(key); column++) x += width(column);
      return x;
    };
    for (const key of ['score', 'objectiveScore', 'status'] as const)
      expect(right(key)).toBeLessThanOrEqual(VISIBLE_PX);
    // The frozen columns are the identity ones, and they leave room for the rest to scroll.
    expect(COLUMN_KEYS.slice(0, layout.frozenColumns)).toEqual([
      'level',
      'objectiveId',
      'objective',
      'krId',
      'keyResult',
    ]);
    expect(right('keyResult')).toBeLessThan(VISIBLE_PX / 2 + 200);
  });
});
