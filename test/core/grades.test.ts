import { describe, expect, it } from 'vitest';
import {
  type ClosingKeyResult,
  committedVerdict,
  effectiveGrade,
  gradeBand,
  gradeQuarter,
  overrideProblem,
  RETRO_QUESTIONS,
  shownGrade,
} from '../../src/core/close/grades';
import { readGradesGrid } from '../../src/core/close/grades-sheet';
import { bandWord, flagLine, retroQuestion } from '../../src/core/close/grades-texts';

const kr = (fields: Partial<ClosingKeyResult> & Pick<ClosingKeyResult, 'id' | 'current'>): ClosingKeyResult => ({
  title: `KR ${fields.id}`,
  owner: 'Anna',
  objectiveId: fields.id.split('.')[0] ?? 'O1',
  objectiveTitle: 'Objective',
  kind: 'increase',
  start: 0,
  target: 4,
  weight: 1,
  committed: false,
  ...fields,
});

describe('a final grade', () => {
  it('is shown rounded to one decimal, as Google grades are', () => {
    expect(shownGrade(0.6666)).toBe(0.7);
    expect(shownGrade(0.65)).toBe(0.7);
    expect(shownGrade(0.04)).toBe(0);
    expect(shownGrade(1)).toBe(1);
  });

  it('bands by the exact score: 0.7–1.0 green, 0.4–0.69 yellow, below red', () => {
    expect(gradeBand(0.7)).toBe('green');
    expect(gradeBand(0.6999999999999998)).toBe('green');
    expect(gradeBand(0.69)).toBe('yellow');
    expect(gradeBand(0.4)).toBe('yellow');
    expect(gradeBand(0.39)).toBe('red');
    expect(gradeBand(0)).toBe('red');
  });

  it('bands a committed KR as delivered only at 1.0, and calls anything below a miss', () => {
    expect(gradeBand(0.9, true)).toBe('yellow');
    expect(gradeBand(1, true)).toBe('green');
    expect(gradeBand(0.6, true)).toBe('red');
    expect(committedVerdict(0.9, true)).toBe('miss');
    expect(committedVerdict(0.9999999999999999, true)).toBe('met');
    expect(committedVerdict(0.5, false)).toBeNull();
    expect(committedVerdict(null, true)).toBeNull();
  });
});

describe('an override', () => {
  it('needs a reason and a grade between 0 and 1; both values are kept', () => {
    expect(overrideProblem({ value: 0.8, reason: '' })).toBe('noReason');
    expect(overrideProblem({ value: 0.8, reason: '   ' })).toBe('noReason');
    expect(overrideProblem({ value: 1.5, reason: 'market fell' })).toBe('outOfRange');
    expect(overrideProblem({ value: 0.8, reason: 'market fell' })).toBeNull();
    expect(overrideProblem({ value: null, reason: '' })).toBeNull();
    expect(effectiveGrade(0.5, { value: 0.8, reason: 'market fell' })).toBe(0.8);
    expect(effectiveGrade(0.5, { value: 0.8, reason: '' })).toBe(0.5);
    expect(effectiveGrade(0.5, null)).toBe(0.5);
  });
});

describe('grading a quarter', () => {
  it('grades each KR at the quarter end, objectives by weighted mean and the team by the mean of objectives', () => {
    const grades = gradeQuarter([
      kr({ id: 'O1.1', current: 3, weight: 2 }), // 0.75
      kr({ id: 'O1.2', start: 40_000, target: 60_000, current: 52_000 }), // 0.6
      kr({ id: 'O1.3', kind: 'decrease', start: 10, target: 2, current: 4 }), // 0.75
      kr({ id: 'O2.1', current: 1, committed: true }), // 0.25, committed
    ]);
    expect(grades.keyResults.map((g) => g.score)).toEqual([0.75, 0.6, 0.75, 0.25]);
    expect(grades.keyResults.map((g) => g.shown)).toEqual([0.8, 0.6, 0.8, 0.3]);
    expect(grades.keyResults.map((g) => g.band)).toEqual(['green', 'yellow', 'green', 'red']);
    expect(grades.objectives[0]?.grade).toBeCloseTo(0.7125);
    expect(grades.objectives[1]?.grade).toBe(0.25);
    expect(grades.team).toBeCloseTo((0.7125 + 0.25) / 2);
    expect(grades.teamBand).toBe('yellow');
    expect(grades.distribution).toEqual({ green: 2, yellow: 1, red: 1, ungraded: 0 });
    expect(grades.flags).toEqual([{ code: 'committedMiss', id: 'O2.1', score: 0.25 }]);
  });

  it('flags a quarter where every KR scored 1.0 as goals too safe', () => {
    const grades = gradeQuarter([kr({ id: 'O1.1', current: 4 }), kr({ id: 'O1.2', current: 9 })]);
    expect(grades.flags).toEqual([{ code: 'allAtOne', count: 2 }]);
    expect(flagLine(grades.flags[0] as never, 'en')).toMatch(/too safe/);
    expect(flagLine(grades.flags[0] as never, 'pl')).toMatch(/zbyt bezpieczne/);
  });

  it('leaves a KR with no value ungraded (never 0) and says so', () => {
    const grades = gradeQuarter([kr({ id: 'O1.1', current: null }), kr({ id: 'O1.2', current: 4 })]);
    expect(grades.keyResults[0]).toMatchObject({ score: null, shown: null, band: null });
    expect(grades.distribution.ungraded).toBe(1);
    expect(grades.objectives[0]?.grade).toBe(1);
    expect(grades.flags).toEqual([{ code: 'noValue', id: 'O1.1' }]);
  });

  it('grades a quarter with no value at all as no grade, not 0', () => {
    const grades = gradeQuarter([kr({ id: 'O1.1', current: null })]);
    expect(grades.team).toBeNull();
    expect(grades.teamBand).toBeNull();
  });

  it('grades a milestone 1 or 0', () => {
    const grades = gradeQuarter([
      kr({ id: 'O1.1', kind: 'milestone', start: null, target: null, current: 1 }),
      kr({ id: 'O1.2', kind: 'milestone', start: null, target: null, current: 0 }),
    ]);
    expect(grades.keyResults.map((g) => g.score)).toEqual([1, 0]);
  });
});

describe('the words of the close', () => {
  it('name the bands and ask the guide’s four retro questions in both languages', () => {
    expect(['green', 'yellow', 'red'].map((band) => bandWord(band as never, 'en'))).toEqual([
      'delivered',
      'progress',
      'not delivered',
    ]);
    expect(bandWord('green', 'pl')).toBe('zrealizowany');
    expect(RETRO_QUESTIONS.map((q) => retroQuestion(q, 'en'))).toEqual([
      'What did we achieve?',
      'What did we not achieve, and why?',
      'What would we do differently?',
      'What do we carry into the next quarter?',
    ]);
    expect(retroQuestion('carryOn', 'pl')).toBe('Co przenosimy do kolejnego kwartału?');
  });
});

describe('reading a Grades sheet back', () => {
  const header = ['Objective ID', 'KR ID', 'Key result', 'Owner', 'Type', 'Final score', 'Band', 'Committed verdict'];
  const values = [
    ['Grades'],
    [],
    ['Closing note', '', 'A good quarter'],
    [],
    [],
    ['KEY RESULTS'],
    [...header, 'Override (0–1)', 'Reason for the override', 'Note', 'Flags'],
    [
      'O1',
      'O1.1',
      'New clients',
      'Anna',
      'aspirational',
      0.75,
      'delivered',
      '',
      0.9,
      'two deals slipped a week',
      'ok',
      '',
    ],
    ['O1', 'O1.2', 'Pipeline', 'Bartek', 'committed', 0.6, 'progress', 'miss', '0,8', '', '', ''],
    ['O1', 'O1.3', 'Cycle', 'Anna', 'aspirational', '', 'no value', '', 'lots', 'why not', '', ''],
  ];

  it('keeps an override with a reason, refuses one without, and names the row and value', () => {
    const reading = readGradesGrid({ values, keyResultRegion: { row: 8, rows: 3 } });
    expect(reading.closingNote).toBe('A good quarter');
    expect(reading.grades.map((g) => [g.id, g.score, g.override])).toEqual([
      ['O1.1', 0.75, { value: 0.9, reason: 'two deals slipped a week' }],
      ['O1.2', 0.6, null],
      ['O1.3', null, null],
    ]);
    expect(reading.refused).toEqual([
      { id: 'O1.2', row: 9, problem: 'noReason', value: 0.8 },
      { id: 'O1.3', row: 10, problem: 'notANumber', value: 'lots' },
    ]);
    expect(reading.grades[0]?.note).toBe('ok');
  });

  it('finds the table by its header when the row metadata is gone, and columns a person moved', () => {
    const moved = values.map((row) => (row.length > 8 ? [row[1], row[0], ...row.slice(2)] : row));
    const reading = readGradesGrid({ values: moved, keyResultRegion: null });
    expect(reading.grades.map((g) => g.id)).toEqual(['O1.1', 'O1.2', 'O1.3']);
  });
});
