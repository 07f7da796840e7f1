// The generated tab's formulas, computed by HyperFormula with the add-on's functions registered, against the
// core: for a quarter in week 8 whose key results are ahead, on pace and behind, each row's score, status,
// share of target, change and flags are what `assessKeyResult` says, in both formula styles; the plan
// checks agree with `planCoverage`, and the pipeline's share and coverage are right.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal } from '../../local/spreadsheet';
import { assessKeyResult, planCoverage } from '../../src/core/check-in/check-in';
import { readCheckInTab } from '../../src/core/check-in/check-in-read';
import { tabColumn } from '../../src/core/check-in/check-in-tab';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { STATUS_EMOJI } from '../../src/core/pace';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { readCheckInSnapshot } from '../../src/server/check-in-sheets';
import {
  buildOkrSheet,
  checkInPlan,
  keyResultRows,
  openSpreadsheet,
  regionRow,
  tabEngine,
  typeInto,
  wednesdayOfWeek,
} from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

// Week 8 (as of 17 February): 6 of 13 weeks done, e = 0.46. Aspirational bands 0.32 / 0.18, committed 0.46 / 0.32.
const WEEK_8 = {
  'O1.1': { value: 8, confidence: 2 }, // 0.80: ahead, but the owner doubts it
  'O1.2': { value: 600_000, confidence: 7 }, // committed 0.33: just on the yellow side of its pace
  'O1.3': { value: 59, confidence: 9 }, // 0.07: behind, and the owner is sure anyway
  'O2.1': { value: 0.05 }, // at most 4%, at 5%: 0.80
  'O2.2': { value: 'yes' }, // milestone done
  'O2.3': { value: 10, confidence: 5 }, // 0.20: aspirational, yellow
};

function weekEight(style: 'addon' | 'portable') {
  const services = openSpreadsheet();
  buildOkrSheet(checkInPlan('en', style));
  generateCheckIn({ asOf: wednesdayOfWeek(5) });
  typeInto(services, 'Check-in W05', {
    'O1.1': { value: 3 },
    'O1.2': { value: 500_000 },
    'O1.3': { value: 58 },
    'O2.1': { value: 0.06 },
    'O2.2': { value: 'no' },
    'O2.3': { value: 5 },
  });
  recordCheckIn();
  // Week 7 records one key result only: it is the one not stale in week 8.
  generateCheckIn({ asOf: wednesdayOfWeek(7) });
  typeInto(services, 'Check-in W07', {
    'O1.2': { value: '' },
    'O1.3': { value: '' },
    'O2.1': { value: '' },
    'O2.2': { value: '' },
    'O2.3': { value: '' },
    'O1.1': { value: 6 },
  });
  recordCheckIn();
  generateCheckIn({ asOf: wednesdayOfWeek(8) });
  typeInto(services, 'Check-in W08', WEEK_8);
  const sheet = asReal(services.spreadsheet.sheet('Check-in W08'));
  const pipeline = regionRow(services, 'Check-in W08', 'pipeline');
  const plan = regionRow(services, 'Check-in W08', 'plan');
  sheet.getRange(`C${pipeline}`).setValue(900_000);
  sheet.getRange(`F${pipeline}`).setValue(1_200_000);
  sheet.getRange(`C${pipeline + 1}`).setValue(300_000);
  sheet.getRange(`A${plan}`).setValue('Close Acme');
  sheet.getRange(`B${plan}`).setValue('O1.1');
  sheet.getRange(`A${plan + 1}`).setValue('Something else');
  sheet.getRange(`B${plan + 1}`).setValue('O9.9');
  const reading = readCheckInTab(readCheckInSnapshot(sheet)!);
  const engine = tabEngine(services, 'Check-in W08');
  return { services, engine, reading, rows: keyResultRows(services, 'Check-in W08'), pipeline, plan };
}

describe.each(['addon', 'portable'] as const)('the week-1 check-in tab in the %s style, computed', (style) => {
  it('shows a milestone not done as yellow, never green, while nothing is expected yet', () => {
    const services = openSpreadsheet();
    buildOkrSheet(checkInPlan('en', style));
    generateCheckIn({ asOf: new Date('2027-01-02T09:00:00Z') });
    typeInto(services, 'Check-in W01', { 'O1.1': { value: 0 }, 'O2.2': { value: 'no' } });
    const engine = tabEngine(services, 'Check-in W01');
    const rows = keyResultRows(services, 'Check-in W01');
    const status = (id: string) => engine.value('Check-in W01', `${columnLetter(tabColumn('status'))}${rows.get(id)}`);
    expect(engine.value('Check-in W01', 'J4')).toBe(0);
    expect(status('O2.2')).toBe('🟡');
    expect(status('O1.1')).toBe('🟢');
    const reading = readCheckInTab(readCheckInSnapshot(asReal(services.spreadsheet.sheet('Check-in W01')))!);
    const milestone = reading.checkIn.keyResults.find((kr) => kr.id === 'O2.2')!;
    expect(assessKeyResult(milestone, reading.checkIn.expected, reading.checkIn.asOfDay).status).toBe('yellow');
  });
});

describe.each(['addon', 'portable'] as const)('the check-in tab in the %s style, computed', (style) => {
  const { engine, reading, rows, pipeline, plan } = weekEight(style);
  const cell = (id: string, key: Parameters<typeof tabColumn>[0]) =>
    engine.value('Check-in W08', `${columnLetter(tabColumn(key))}${rows.get(id)}`);

  it('expects 6 of 13 weeks done', () => {
    expect(engine.value('Check-in W08', 'J4')).toBeCloseTo(6 / 13, 9);
    expect(reading.checkIn.expected).toBeCloseTo(6 / 13, 12);
  });

  it('gives each key result the score and status of the core: ahead, on pace and behind', () => {
    const statuses: string[] = [];
    for (const kr of reading.checkIn.keyResults) {
      const core = assessKeyResult(kr, reading.checkIn.expected, reading.checkIn.asOfDay);
      expect(cell(kr.id, 'score')).toBeCloseTo(core.score as number, 9);
      expect(cell(kr.id, 'status')).toBe(STATUS_EMOJI[core.status!]);
      statuses.push(cell(kr.id, 'status') as string);
      if (core.shareOfTarget === null) expect(cell(kr.id, 'share') ?? '').toBe('');
      else expect(cell(kr.id, 'share')).toBeCloseTo(core.shareOfTarget, 9);
      if (core.change === null) expect(cell(kr.id, 'change') ?? '').toBe('');
      else expect(cell(kr.id, 'change')).toBeCloseTo(core.change, 9);
    }
    expect(statuses).toEqual(['🟢', '🟡', '🔴', '🟢', '🟢', '🟡']);
  });

  it('flags numbers that disagree with confidence, and values not recorded for over 7 days, as the core does', () => {
    for (const kr of reading.checkIn.keyResults) {
      const { flags } = assessKeyResult(kr, reading.checkIn.expected, reading.checkIn.asOfDay);
      const shown = String(cell(kr.id, 'flags'));
      expect(shown.includes('numbers and confidence disagree')).toBe(flags.includes('confidenceMismatch'));
      expect(shown.includes('no value recorded for over 7 days')).toBe(flags.includes('stale'));
    }
    expect(String(cell('O1.1', 'flags'))).toBe('⚠ numbers and confidence disagree');
    expect(String(cell('O1.3', 'flags'))).toBe(
      '⚠ numbers and confidence disagree ⏳ no value recorded for over 7 days',
    );
  });

  it('marks key results without a plan item and plan items tied to no key result, as planCoverage does', () => {
    const coverage = planCoverage(reading.checkIn);
    for (const kr of reading.checkIn.keyResults) {
      expect(cell(kr.id, 'plan')).toBe(coverage.keyResultsWithoutPlan.includes(kr.id) ? '⚠ no plan item' : '✓');
    }
    expect(coverage.planItemsWithoutKeyResult).toEqual([2]);
    expect(engine.value('Check-in W08', `C${plan}`)).toBe('');
    expect(engine.value('Check-in W08', `C${plan + 1}`)).toBe('⚠ tied to no KR of the quarter');
    expect(engine.value('Check-in W08', `C${plan + 2}`)).toBe('');
  });

  it('computes the pipeline against its goal and its coverage of what is left to close', () => {
    expect(engine.value('Check-in W08', `J${pipeline}`)).toBeCloseTo(0.75, 9);
    expect(engine.value('Check-in W08', `F${pipeline + 1}`)).toBeCloseTo(1, 9);
  });

  // HyperFormula does not recompute the add-on style's array literal `={"Score";…}` after an edit (Sheets
  // does), so only the portable style's per-row formulas are edited here.
  it.skipIf(style === 'addon')('recomputes as the team types: a better value turns a red key result green', () => {
    const row = rows.get('O1.3') as number;
    engine.setCell('Check-in W08', `L${row}`, 50);
    expect(engine.value('Check-in W08', `N${row}`)).toBeCloseTo(10 / 15, 9);
    expect(engine.value('Check-in W08', `P${row}`)).toBe('🟢');
    expect(engine.value('Check-in W08', `S${row}`)).toBe('⏳ no value recorded for over 7 days');
  });
});
