// The monthly review's core: the quarter's months and the refusal of any other, each key result's month from
// History, win rate, cycle and deal value against last month from deals, loss reasons counted, the forecast
// error seam, and the tab's layout: its formulas in the portable dialect, computed by HyperFormula, and its
// regions found again from single-row markers.

import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/core/check-in/history';
import type { Deal } from '../../src/core/deals/deal';
import { dialectProblems } from '../../src/core/formula-text';
import { cellInput } from '../../src/core/okr-sheet/cells';
import {
  checkReviewMonth,
  forecastErrorRows,
  monthlyReview,
  monthSerials,
  previousMonth,
  quarterMonths,
  type ReviewKeyResult,
} from '../../src/core/review/review';
import {
  layoutReviewSheet,
  REVIEW_REGIONS,
  reviewRegionMarkers,
  reviewRegionsFromMarkers,
} from '../../src/core/review/review-sheet';
import { reviewProblemText } from '../../src/core/review/review-texts';
import { createFormulaEngine } from '../support/hyperformula';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

function record(keyResultId: string, week: number, iso: string, value: number | null): HistoryRecord {
  return {
    recordedAt: iso,
    day: day(iso),
    week,
    keyResultId,
    value,
    score: null,
    status: null,
    confidence: null,
    comment: '',
    who: '',
    quarter: 'Q1 2027',
  };
}

function deal(
  id: string,
  outcome: Deal['outcome'],
  created: string,
  closed: string | null,
  amount: number,
  lossReason = '',
): Deal {
  return {
    id,
    deal: `Deal ${id}`,
    owner: 'Ann',
    amount,
    stage: '',
    probability: null,
    category: null,
    created: day(created),
    closed: closed ? day(closed) : null,
    outcome,
    lossReason,
    extra: [],
  };
}

const keyResults = [
  { id: 'O1.1', title: 'New revenue', numberFormat: '#,##0' },
  { id: 'O1.2', title: 'Demos', numberFormat: '0' },
];
const history = [
  record('O1.1', 4, '2027-01-27', 100),
  record('O1.1', 5, '2027-02-03', 120),
  record('O1.2', 5, '2027-02-03', 7),
  record('O1.1', 6, '2027-02-10', 150),
  record('O1.1', 9, '2027-03-03', 300),
  { ...record('O1.1', 6, '2027-02-10', 999), quarter: 'Q2 2027' },
];
const deals = [
  deal('A', 'won', '2027-01-01', '2027-02-05', 1000),
  deal('B', 'won', '2027-01-21', '2027-02-11', 3000),
  deal('C', 'lost', '2027-01-05', '2027-02-20', 500, 'Price'),
  deal('D', 'lost', '2027-01-05', '2027-02-21', 800, ' price '),
  deal('E', 'lost', '2027-01-05', '2027-02-22', 800),
  deal('F', 'won', '2027-01-01', '2027-01-11', 2000),
  deal('G', 'lost', '2026-12-01', '2027-01-12', 400, 'Timing'),
  deal('H', 'open', '2027-02-01', null, 9000),
];

describe('the months of a review', () => {
  it('names the quarter’s months and refuses any other month, naming them', () => {
    expect(quarterMonths('2027-01-01', '2027-03-31')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(monthSerials('2027-02')).toEqual({ first: day('2027-02-01'), last: day('2027-02-28') });
    const quarter = { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' };
    expect(checkReviewMonth('2027-02', quarter)).toBeNull();
    const refused = checkReviewMonth('2027-04', quarter);
    expect(refused).toEqual({
      code: 'monthOutsideQuarter',
      month: '2027-04',
      quarter: 'Q1 2027',
      months: ['2027-01', '2027-02', '2027-03'],
    });
    expect(reviewProblemText(refused as never, 'pl')).toBe(
      '2027-04 nie jest miesiącem kwartału Q1 2027: jego miesiące to 2027-01, 2027-02, 2027-03.',
    );
    expect(checkReviewMonth('2027-13', quarter)).toEqual({ code: 'badMonth', month: '2027-13' });
  });
});

describe('the review of a month', () => {
  const review = monthlyReview({ quarter: 'Q1 2027', month: '2027-02', keyResults, history, deals });

  it('takes each key result’s first and last value of the month from History, with the weekly values', () => {
    expect(review.weeks).toEqual([5, 6]);
    expect(review.keyResults[0]).toMatchObject({ id: 'O1.1', first: 120, last: 150, change: 30, values: [120, 150] });
    expect(review.keyResults[1]).toMatchObject({ id: 'O1.2', first: 7, last: 7, change: 0, values: [7, null] });
  });

  it('compares win rate, sales cycle and average deal value with last month, open deals never counting', () => {
    expect(review.deals?.thisMonth).toEqual({ won: 2, lost: 3, winRate: 0.4, salesCycle: 28, averageDealValue: 2000 });
    expect(review.deals?.lastMonth).toEqual({ won: 1, lost: 1, winRate: 0.5, salesCycle: 10, averageDealValue: 2000 });
  });

  it('lists the month’s won and lost deals and counts loss reasons, spelled alike as one', () => {
    expect(review.closedDeals.map((closed) => closed.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(review.lossReasons).toEqual([
      { reason: 'Price', count: 2 },
      { reason: '', count: 1 },
    ]);
  });

  it('has no forecast error rows while History holds no forecasts', () => {
    expect(forecastErrorRows(history, keyResults, 'Q1 2027')).toEqual([]);
    expect(review.forecastErrors).toEqual([]);
  });

  it('shows the error of the forecasts made 4 and 8 weeks before the month’s last recorded week', () => {
    // KR 0 → 100 recorded weekly from 6 January, 7.5 a week; its standard forecast was 80 in week 4 and 95 in
    // week 8. The other KR has values but never a forecast: its row says so with no figures.
    const forecasts: Record<number, number> = { 4: 80, 8: 95 };
    const weekly = Array.from({ length: 12 }, (_, i) => {
      const week = i + 1;
      const iso = new Date(Date.UTC(2027, 0, 6 + 7 * i)).toISOString().slice(0, 10);
      return { ...record('O1.1', week, iso, 7.5 * week), forecast: forecasts[week] ?? null };
    });
    const withForecasts = [...weekly, record('O1.2', 12, '2027-03-24', 8), record('O1.2', 3, '2027-01-20', 5)];
    const planned: ReviewKeyResult[] = [
      { id: 'O1.1', title: 'New revenue', numberFormat: '#,##0', start: 0, target: 100 },
      { id: 'O1.2', title: 'Demos', numberFormat: '0', start: 2, target: 10 },
    ];
    // March: final week 12 (value 90); |95 − 90| ÷ 100 and |80 − 90| ÷ 100.
    const march = monthlyReview({
      quarter: 'Q1 2027',
      month: '2027-03',
      keyResults: planned,
      history: withForecasts,
      deals,
    });
    expect(march.forecastErrors).toEqual([
      { id: 'O1.1', fourWeeks: expect.closeTo(0.05, 10), eightWeeks: expect.closeTo(0.1, 10) },
      { id: 'O1.2', fourWeeks: null, eightWeeks: null },
    ]);
    // February looks back from its own last week, 8 (24 February, value 60): week 4's forecast 80 was 0.2 off.
    const february = forecastErrorRows(withForecasts, planned, 'Q1 2027', '2027-02');
    expect(february[0]).toEqual({ id: 'O1.1', fourWeeks: expect.closeTo(0.2, 10), eightWeeks: null });
    // Without a target there is no distance to measure against, so no figures.
    expect(forecastErrorRows(withForecasts, keyResults, 'Q1 2027', '2027-03')).toEqual([]);
  });

  it('says nothing of deals without a Deals sheet', () => {
    const without = monthlyReview({ quarter: 'Q1 2027', month: '2027-02', keyResults, history, deals: null });
    expect(without.deals).toBeNull();
    expect(without.closedDeals).toEqual([]);
  });
});

describe('the Monthly review tab', () => {
  const review = monthlyReview({ quarter: 'Q1 2027', month: '2027-02', keyResults, history, deals });
  const layout = layoutReviewSheet({
    lang: 'pl',
    currency: 'PLN',
    review,
    keyResultIds: ['O1.1', 'O1.2'],
    madeOn: '2027-02-28',
  });

  it('is named and titled in the sheet’s language, with a “—” forecast error section', () => {
    expect(layout.name).toBe('Przegląd 2027-02');
    const texts = layout.cells.flat().flatMap((cell) => (cell && 'text' in cell ? [cell.text] : []));
    expect(texts).toContain('Przegląd miesięczny 2027-02 · Q1 2027');
    expect(texts).toContain('4. Błąd prognoz');
    expect(texts).toContain('— nie zapisano jeszcze prognoz');
    expect(texts).toContain('(nie podano powodu)');
  });

  it('writes every formula in the portable dialect', () => {
    const formulas = layout.cells.flat().flatMap((cell) => (cell && 'formula' in cell ? [cell.formula] : []));
    expect(formulas.length).toBeGreaterThan(5);
    for (const formula of formulas) expect(dialectProblems(formula), formula).toEqual([]);
  });

  it('computes the changes, the loss-reason total and the sparklines in HyperFormula', () => {
    const engine = createFormulaEngine({ Review: layout.cells.map((row) => row.map(cellInput)) });
    const { keyResults: kr, deals: dealRows, lossReasons } = layout.regions;
    expect(engine.value('Review', `E${kr.row}`)).toBe(30);
    expect(engine.value('Review', `E${kr.row + 1}`)).toBe(0);
    expect(engine.value('Review', `F${kr.row}`)).toBe(''); // a sparkline: the cell itself shows nothing
    // Win rate 40 % against 50 %: the change is −10 points.
    expect(engine.value('Review', `D${dealRows.row + 1}`) as number).toBeCloseTo(-0.1);
    expect(engine.value('Review', `B${lossReasons.row + lossReasons.rows - 1}`)).toBe(3);
  });

  it('marks its regions on single rows, and finds them again from the markers', () => {
    const markers = reviewRegionMarkers(layout.regions, layout.lastRow);
    expect(markers).toHaveLength(REVIEW_REGIONS.length * 2);
    expect(reviewRegionsFromMarkers(markers)).toEqual(layout.regions);
  });

  it('ties each correction to a KR through a dropdown that also takes an initiative id', () => {
    const { row } = layout.regions.corrections;
    expect(layout.validations[row - 1]?.[1]).toMatchObject({
      kind: 'list',
      values: ['O1.1', 'O1.2'],
      allowInvalid: true,
    });
  });
});
