import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import { assessKeyResult, type CheckIn, type CheckInKeyResult, planCoverage } from '../../src/core/check-in/check-in';
import { renderCheckInText } from '../../src/core/check-in/check-in-text';
import { type HistoryRecord, latestValues, replaceWeek } from '../../src/core/check-in/history';
import { formatNumber, formatValue } from '../../src/core/number-format';

const asOfDay = dayFromIso('2027-02-01');

function keyResult(overrides: Partial<CheckInKeyResult>): CheckInKeyResult {
  return {
    id: 'O1.1',
    objective: 'Build a predictable pipeline',
    title: 'New clients',
    owner: 'Anna',
    kind: 'increase',
    unit: 'count',
    start: 0,
    target: 8,
    committed: false,
    lastValue: 2,
    lastRecordedDay: asOfDay - 7,
    value: 3,
    confidence: 7,
    comment: '',
    ...overrides,
  };
}

const checkIn: CheckIn = {
  quarterLabel: 'Q1 2027',
  week: 5,
  asOfDay,
  expected: 4 / 13,
  pipeline: {
    value: 900_000,
    goal: 1_200_000,
    finalStageDeals: ['Acme', 'Beta sp. z o.o.'],
    forecastTwoWeeks: 150_000,
    currency: 'PLN',
  },
  keyResults: [
    keyResult({}),
    keyResult({
      id: 'O1.2',
      title: 'Average contract value',
      unit: 'currency',
      start: 50_000,
      target: 70_000,
      value: 52_000,
    }),
    keyResult({
      id: 'O2.1',
      objective: 'Keep clients',
      title: 'Churn',
      unit: 'percent',
      kind: 'decrease',
      start: 0.08,
      target: 0.05,
      value: 0.07,
    }),
  ],
  blockers: [{ description: 'Legal review of the Acme contract is slow', whoCanHelp: 'Kasia (legal)' }],
  plan: [
    { action: 'Close Acme', keyResultId: 'O1.1' },
    { action: 'Upsell workshop with Beta', keyResultId: 'O1.2' },
    { action: 'Clean up CRM', keyResultId: '' },
  ],
};

describe('the check-in as text', () => {
  it.each(['en', 'pl'] as const)('renders the guide template in %s', (lang) => {
    const expected = readFileSync(join(__dirname, `../fixtures/check-in-week5.${lang}.txt`), 'utf8');
    expect(renderCheckInText(checkIn, lang)).toBe(expected);
  });
});

describe('assessing a key result in the check-in', () => {
  it('flags a red result whose owner is very confident', () => {
    const assessment = assessKeyResult(keyResult({ value: 0, confidence: 9 }), 0.5, asOfDay);
    expect(assessment.status).toBe('red');
    expect(assessment.flags).toContain('confidenceMismatch');
  });

  it('flags a green result whose owner has little confidence', () => {
    expect(assessKeyResult(keyResult({ value: 8, confidence: 2 }), 0.5, asOfDay).flags).toContain('confidenceMismatch');
  });

  it('flags a result not recorded for more than 7 days, and one never recorded', () => {
    expect(assessKeyResult(keyResult({ lastRecordedDay: asOfDay - 8 }), 0.5, asOfDay).flags).toContain('stale');
    expect(assessKeyResult(keyResult({ lastRecordedDay: null }), 0.5, asOfDay).flags).toContain('stale');
    expect(assessKeyResult(keyResult({ lastRecordedDay: asOfDay - 7 }), 0.5, asOfDay).flags).not.toContain('stale');
  });

  it('reports the change since last week and the share of the target', () => {
    const assessment = assessKeyResult(keyResult({ value: 4, lastValue: 2 }), 0.5, asOfDay);
    expect(assessment.change).toBe(2);
    expect(assessment.shareOfTarget).toBe(0.5);
    expect(assessment.score).toBe(0.5);
  });

  it('uses the committed bands for a committed result', () => {
    expect(assessKeyResult(keyResult({ value: 6, committed: true }), 1, asOfDay).status).toBe('yellow');
    expect(assessKeyResult(keyResult({ value: 6, committed: false }), 1, asOfDay).status).toBe('green');
  });

  it('never shows a milestone not done as green, in the assessment and in Copy as text', () => {
    const crm = { kind: 'milestone' as const, start: null, target: null, lastValue: 0, value: 0 };
    expect(assessKeyResult(keyResult(crm), 0, asOfDay).status).toBe('yellow');
    expect(assessKeyResult(keyResult(crm), 4 / 13, asOfDay).status).toBe('red');
    expect(assessKeyResult(keyResult({ ...crm, value: 1 }), 0, asOfDay).status).toBe('green');
    const weekOne = { ...checkIn, week: 1, expected: 0, keyResults: [keyResult({ ...crm, title: 'CRM hygiene' })] };
    const line = renderCheckInText(weekOne, 'en')
      .split('\n')
      .find((text) => text.includes('CRM hygiene'));
    expect(line).toContain('🟡');
    expect(line).not.toContain('🟢');
  });

  it('gives no score and no status to a week with no value typed', () => {
    const assessment = assessKeyResult(keyResult({ value: null }), 0.5, asOfDay);
    expect(assessment).toMatchObject({ score: null, status: null, change: null, shareOfTarget: null });
  });
});

describe('the plan for the week', () => {
  it('names key results with no plan item and plan items tied to no key result', () => {
    expect(planCoverage(checkIn)).toEqual({ keyResultsWithoutPlan: ['O2.1'], planItemsWithoutKeyResult: [3] });
  });
});

describe('the History records', () => {
  const record = (week: number, keyResultId: string, value: number | null, day = week * 7): HistoryRecord => ({
    recordedAt: '2027-01-01T10:00:00',
    day,
    week,
    keyResultId,
    value,
    score: null,
    status: null,
    confidence: null,
    comment: '',
    who: '',
  });

  it('replaces only the rows of the week recorded again', () => {
    const history = [record(1, 'O1.1', 1), record(1, 'O1.2', 5), record(2, 'O1.1', 2)];
    const result = replaceWeek(history, 1, [record(1, 'O1.1', 1.5)]);
    expect(result.replaced).toBe(2);
    expect(result.history).toEqual([record(2, 'O1.1', 2), record(1, 'O1.1', 1.5)]);
  });

  it('finds the latest recorded value of each key result, skipping blanks', () => {
    const latest = latestValues([record(1, 'O1.1', 1), record(3, 'O1.1', null), record(2, 'O1.1', 2)]);
    expect(latest.get('O1.1')).toEqual({ value: 2, day: 14 });
  });
});

describe('the check-in as text keeps what was typed', () => {
  it.each([
    { lang: 'en', churn: '3.5% / 4.5%', days: '5.5 days / 2 days', money: 'PLN 1,234.50' },
    { lang: 'pl', churn: '3,5% / 4,5%', days: '5,5 dnia / 2 dni', money: '1 234,50 zł' },
  ] as const)('keeps 3.5 % and 5.5 days as typed and never shows -0, in $lang', ({ lang, churn, days, money }) => {
    const typed: CheckIn = {
      ...checkIn,
      pipeline: { ...checkIn.pipeline, forecastTwoWeeks: 1234.5 },
      keyResults: [
        keyResult({ id: 'O2.1', unit: 'percent', kind: 'atMost', start: null, target: 0.045, value: 0.035 }),
        keyResult({ id: 'O2.2', unit: 'days', kind: 'decrease', start: 10, target: 2, value: 5.5 }),
        keyResult({ id: 'O2.3', unit: 'days', kind: 'decrease', start: 10, target: 0, value: -0.0000001 }),
        keyResult({ id: 'O2.4', unit: 'percent', kind: 'decrease', start: 0.05, target: 0, value: -0.0000001 }),
      ],
    };
    const text = renderCheckInText(typed, lang);
    expect(text).toContain(churn);
    expect(text).toContain(days);
    expect(text).toContain(money);
    expect(text).not.toMatch(/-0(?![.,]?\d*[1-9])/);
  });
});

describe('numbers in text', () => {
  it('groups thousands the Polish and the English way', () => {
    expect(formatNumber(1_200_000.5, 'pl')).toBe('1 200 000,5');
    expect(formatNumber(1_200_000.5, 'en')).toBe('1,200,000.5');
    expect(formatNumber(-0.001, 'en')).toBe('0');
  });

  it('writes each unit after its number', () => {
    expect(formatValue(1_200_000, 'currency', 'pl')).toBe('1 200 000 zł');
    expect(formatValue(0.15, 'percent', 'en')).toBe('15%');
    expect(formatValue(45, 'days', 'pl')).toBe('45 dni');
    expect(formatValue(7, 'points', 'en')).toBe('7 pts');
    expect(formatValue(0.035, 'percent', 'en')).toBe('3.5%');
    expect(formatValue(0.03551, 'percent', 'pl')).toBe('3,551%');
    expect(formatValue(0.1 + 0.2, 'count', 'en')).toBe('0.3');
    expect(formatValue(-0.0000001, 'days', 'pl')).toBe('0 dni');
    expect(formatValue(-0.0000001, 'percent', 'pl')).toBe('0%');
  });
});
