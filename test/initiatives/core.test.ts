// The initiative rules of the core: ICE and RICE scores, ranks as RANK gives them, progress from tasks or
// the initiative's own %, and the four flags as codes with parameters, put into words in both languages.

import { describe, expect, it } from 'vitest';
import {
  assessInitiatives,
  assignInitiativeIds,
  type Initiative,
  initiativeProgress,
  initiativeScore,
  rankScores,
  readInitiativeRows,
  statusOf,
  type Task,
} from '../../src/core/initiatives/initiatives';
import { initiativeFlagText } from '../../src/core/initiatives/texts';

const initiative = (fields: Partial<Initiative> & Pick<Initiative, 'id'>): Initiative => ({
  hypothesis: 'We believe that … will … because …',
  keyResultId: 'O1.1',
  owner: 'Anna',
  status: 'running',
  ...fields,
});
const task = (initiativeId: string, done: boolean): Task => ({ title: 't', initiativeId, owner: '', due: '', done });

describe('an initiative', () => {
  it('scores by ICE, impact × confidence × ease, and by RICE with confidence as a percent or a fraction', () => {
    expect(initiativeScore(initiative({ id: 'I1', impact: 8, confidence: 5, ease: 6 }), 'ice')).toBe(240);
    expect(initiativeScore(initiative({ id: 'I1', impact: 8, confidence: 5 }), 'ice')).toBeNull();
    const rice = { reach: 500, impact: 2, effort: 4 };
    expect(initiativeScore(initiative({ id: 'I1', ...rice, confidence: 80 }), 'rice')).toBeCloseTo(200);
    expect(initiativeScore(initiative({ id: 'I1', ...rice, confidence: 0.8 }), 'rice')).toBeCloseTo(200);
    expect(initiativeScore(initiative({ id: 'I1', ...rice, confidence: 80, effort: 0 }), 'rice')).toBeNull();
  });

  it('ranks the highest score first, ties sharing a rank as RANK does, no score no rank', () => {
    expect(rankScores([240, 504, null, 240, 125])).toEqual([2, 1, null, 2, 4]);
  });

  it('progresses by the share of its tasks done, or by its own % when it has none', () => {
    const tasks = [task('I1', true), task('i1', false), task('I1', true), task('I2', true)];
    expect(initiativeProgress(initiative({ id: 'I1', progress: 0.9 }), tasks)).toBeCloseTo(2 / 3);
    expect(initiativeProgress(initiative({ id: 'I3', progress: 0.4 }), tasks)).toBe(0.4);
    expect(initiativeProgress(initiative({ id: 'I3' }), tasks)).toBeNull();
  });

  it('reads its status in either language', () => {
    expect(statusOf('W realizacji')).toBe('running');
    expect(statusOf(' idea ')).toBe('idea');
    expect(statusOf('porzucone')).toBe('dropped');
    expect(statusOf('maybe')).toBeNull();
  });

  it('gets I1, I2… where the plan gives no id, never taking one given later', () => {
    expect(assignInitiativeIds([undefined, 'I1', undefined, 'X', 'x'])).toEqual(['I2', 'I1', 'I3', 'X', 'I4']);
  });
});

describe('the flags', () => {
  const keyResultIds = ['O1.1', 'O1.2', 'O2.1'];
  const initiatives = [
    initiative({ id: 'I1', keyResultId: 'O1.1', impact: 2, confidence: 2, ease: 2 }),
    initiative({ id: 'I2', keyResultId: 'O1.2', status: 'idea', owner: '', impact: 9, confidence: 9, ease: 9 }),
    initiative({ id: 'I3', keyResultId: '', status: 'running' }),
    initiative({ id: 'I4', keyResultId: 'O9.9', status: 'running' }),
    initiative({ id: 'I5', keyResultId: 'O2.1', status: 'idea', owner: '', impact: 1, confidence: 1, ease: 1 }),
    initiative({ id: 'I6', keyResultId: 'O1.1', status: 'done', impact: 5, confidence: 5, ease: 5 }),
    initiative({ id: 'I7', keyResultId: 'O1.1', status: 'dropped', impact: 4, confidence: 4, ease: 4 }),
  ];
  const assessment = assessInitiatives(
    initiatives,
    [task('I1', true), task('I9', false), task('', false)],
    keyResultIds,
    'ice',
  );

  it('name a KR with no running initiative, an initiative with no KR or a KR of another quarter, a stray task', () => {
    expect(assessment.runningByKeyResult).toEqual({ 'O1.1': 1, 'O1.2': 0, 'O2.1': 0 });
    expect(assessment.flags).toEqual(
      expect.arrayContaining([
        { code: 'keyResultWithoutRunningInitiative', keyResultId: 'O1.2' },
        { code: 'keyResultWithoutRunningInitiative', keyResultId: 'O2.1' },
        { code: 'initiativeWithoutKeyResult', initiativeId: 'I3' },
        { code: 'initiativeKeyResultNotInQuarter', initiativeId: 'I4', keyResultId: 'O9.9' },
        { code: 'taskWithoutInitiative', task: 2, initiativeId: 'I9' },
        { code: 'taskWithoutInitiative', task: 3, initiativeId: '' },
      ]),
    );
  });

  it('name a high-ranked idea nobody owns, not a low-ranked one', () => {
    const ideas = assessment.flags.filter((flag) => flag.code === 'highRankedIdeaWithoutOwner');
    expect(ideas).toEqual([{ code: 'highRankedIdeaWithoutOwner', initiativeId: 'I2', rank: 1 }]);
    expect(assessment.ranks).toEqual([4, 1, null, null, 5, 2, 3]);
  });

  it('are put into words in English and Polish at the edge', () => {
    const flag = { code: 'initiativeKeyResultNotInQuarter', initiativeId: 'I4', keyResultId: 'O9.9' } as const;
    expect(initiativeFlagText('en', flag)).toBe('Initiative I4 serves O9.9, which is no key result of this quarter.');
    expect(initiativeFlagText('pl', flag)).toBe(
      'Inicjatywa I4 służy O9.9, a to nie jest kluczowy rezultat tego kwartału.',
    );
  });
});

describe('reading the initiatives back', () => {
  it('takes the rows between the two title rows that have an id', () => {
    const values = [
      ['Id', 'Initiative', 'KR', 'Owner', 'Status'],
      ['I1', 'h', 'O1.1', 'Anna', 'w realizacji'],
      ['', '', '', '', ''],
      ['I2', 'h', '', '', 'whatever'],
      ['Task', 'Initiative'],
      ['I9', 'not an initiative'],
    ];
    expect(readInitiativeRows(values, 1, 5)).toEqual([
      { row: 2, initiative: { id: 'I1', keyResultId: 'O1.1', status: 'running' } },
      { row: 4, initiative: { id: 'I2', keyResultId: '', status: null } },
    ]);
  });
});
