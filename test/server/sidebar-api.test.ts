import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeServices, type FakeServicesOptions } from '../../local/spreadsheet';
import { forgetLang } from '../../src/server/language';
import { SETTINGS_PROPERTIES } from '../../src/server/settings';
import { getSidebarState, submitQuarter } from '../../src/server/sidebar-api';
import type { QuarterPlan } from '../../src/shared/plan';
import { installGlobals } from '../support/install-globals';

function open(options: FakeServicesOptions = {}) {
  const services = createFakeServices(options);
  installGlobals(services);
  forgetLang();
  return services;
}

function goodPlan(overrides: Partial<QuarterPlan> = {}): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 2 },
    fiscalStartMonth: 1,
    team: 'Sales Poland',
    language: 'en',
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle: 'addon',
    objectives: [
      {
        id: 'O1',
        level: 'company',
        title: 'Build a predictable pipeline',
        keyResults: [
          {
            id: 'O1.1',
            title: 'Pipeline value',
            kind: 'increase',
            unit: 'currency',
            start: 300_000,
            target: 1_200_000,
            weight: 2,
            owner: 'Anna',
            committed: true,
            notes: '',
          },
          {
            id: 'O1.2',
            title: 'Win rate',
            kind: 'increase',
            unit: 'percent',
            start: 0.25,
            target: 0.35,
            weight: 1,
            owner: '',
            committed: false,
            notes: '',
          },
        ],
      },
      {
        id: 'O2',
        level: 'team',
        title: 'Win the SaaS segment',
        parent: 'O1',
        keyResults: [
          {
            id: 'O2.1',
            title: 'New clients in SaaS',
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 4,
            weight: 1,
            owner: 'Piotr',
            committed: false,
            notes: '',
          },
        ],
      },
    ],
    ...overrides,
  };
}

beforeEach(() => forgetLang());
afterEach(() => {
  forgetLang();
  vi.useRealTimers();
});

describe('getSidebarState', () => {
  it('gives the language, the defaults from settings and locale, and no previous quarter on a new spreadsheet', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-20T10:00:00Z'));
    const services = open({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    services.PropertiesService.document.data.set(SETTINGS_PROPERTIES.teamName, 'Sprzedaż');
    const state = getSidebarState();
    expect(state).toMatchObject({
      lang: 'pl',
      locale: 'pl_PL',
      today: '2027-02-20',
      defaults: {
        quarter: { kind: 'quarter', year: 2027, quarter: 2 },
        team: 'Sprzedaż',
        currency: 'PLN',
        formulaStyle: 'addon',
      },
      previousQuarter: null,
    });
    // JSON-safe: google.script.run refuses a Date.
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('proposes the quarter after the latest one planned until it has ended, on a fixed clock (rule in core/quarter)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-20T10:00:00Z'));
    open({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    const plan = goodPlan({ quarter: { kind: 'quarter', year: 2027, quarter: 1 } });
    expect(submitQuarter({ plan, previousSheetId: null })).toMatchObject({ ok: true });
    // Q1 2027 planned and under way: Q2 2027 is next.
    expect(getSidebarState().defaults.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 2 });
    // Closing Q1 on 2 April, the manager plans Q2, which began the day before.
    vi.setSystemTime(new Date('2027-04-02T10:00:00Z'));
    expect(getSidebarState().defaults.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 2 });
    // Q2 has ended with nothing planned since: Q3 in its first three weeks, then Q4.
    vi.setSystemTime(new Date('2027-07-05T10:00:00Z'));
    expect(getSidebarState().defaults.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 3 });
    vi.setSystemTime(new Date('2027-08-15T10:00:00Z'));
    expect(getSidebarState().defaults.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 4 });
  });

  it('proposes the quarter after the latest one by date, whichever tab the sheets are in', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-20T10:00:00Z'));
    open({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    // Q3 planned ahead, then Q1 built after it (its tab last): the previous quarter is Q1, the latest is Q3.
    for (const quarter of [3, 1]) {
      const plan = goodPlan({ quarter: { kind: 'quarter', year: 2027, quarter } });
      expect(submitQuarter({ plan, previousSheetId: null })).toMatchObject({ ok: true });
    }
    const state = getSidebarState();
    expect(state.previousQuarter?.label).toBe('Q1 2027');
    expect(state.defaults.quarter).toEqual({ kind: 'quarter', year: 2027, quarter: 4 });
  });
});

describe('submitQuarter', () => {
  it('rejects a bad payload with a message per field, naming the field, and builds nothing', () => {
    const services = open({ locale: 'en_US' });
    const plan = goodPlan();
    const bad = JSON.parse(JSON.stringify(plan));
    bad.team = '   ';
    bad.objectives[0].keyResults[0].target = 'abc';
    bad.objectives[0].keyResults[1].title = '';
    bad.objectives[0].keyResults[1].weight = 500;
    bad.objectives[1].keyResults[0].unit = 'bananas';
    bad.currency = 'zł';
    const sheetsBefore = services.spreadsheet.getSheets().length;
    const result = submitQuarter({ plan: bad, previousSheetId: null });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'plan.team', message: 'Team name must not be empty' },
        { path: 'plan.currency', message: 'Currency: use a three-letter code such as PLN or EUR' },
        { path: 'plan.objectives.0.keyResults.0.target', message: 'Target of O1.1: “abc” is not a number' },
        { path: 'plan.objectives.0.keyResults.1.title', message: 'Title of key result O1.2 must not be empty' },
        { path: 'plan.objectives.0.keyResults.1.weight', message: 'Weight of O1.2 must be between 0 and 100' },
        {
          path: 'plan.objectives.1.keyResults.0.unit',
          message: 'Unit of O2.1: “bananas” is not one of: count, currency, percent, days, hours, points',
        },
      ],
    });
    expect(services.spreadsheet.getSheets()).toHaveLength(sheetsBefore);
    expect(services.calls.count('Spreadsheet.insertSheet')).toBe(0);
  });

  it('speaks the spreadsheet language in its messages', () => {
    open({ locale: 'pl_PL' });
    const bad = JSON.parse(JSON.stringify(goodPlan()));
    bad.objectives[0].keyResults[0].target = 'dużo';
    bad.objectives = [...bad.objectives, { level: 'team', title: 'Pusty cel', keyResults: [] }];
    const result = submitQuarter({ plan: bad });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'plan.objectives.0.keyResults.0.target', message: 'Wartość docelowa O1.1: „dużo” nie jest liczbą' },
        { path: 'plan.objectives.2.keyResults', message: 'Cel O3 potrzebuje co najmniej jednego kluczowego rezultatu' },
      ],
    });
  });

  it('rejects what is not a plan at all, and rules across fields the schema cannot check', () => {
    open({ locale: 'en_US' });
    expect(submitQuarter(null)).toEqual({ ok: false, errors: [{ path: '', message: 'The form is not valid' }] });
    expect(submitQuarter({ plan: { ...goodPlan(), objectives: [] } })).toEqual({
      ok: false,
      errors: [{ path: 'plan.objectives', message: 'Add at least one objective' }],
    });
    expect(submitQuarter({ plan: { ...goodPlan(), quarter: { kind: 'quarter', year: 2027, quarter: 5 } } })).toEqual({
      ok: false,
      errors: [{ path: 'plan.quarter.quarter', message: 'Quarter must be between 1 and 4' }],
    });

    const plan = goodPlan({ levels: ['company'] });
    const [first, second] = plan.objectives;
    if (!first || !second) throw new Error('plan');
    const milestoneless = first.keyResults[1];
    if (!milestoneless) throw new Error('plan');
    milestoneless.target = null;
    first.keyResults.push({ ...milestoneless, id: 'O1.3', kind: 'decrease', start: null, target: 45 });
    second.parent = 'O7';
    expect(submitQuarter({ plan })).toEqual({
      ok: false,
      errors: [
        {
          path: 'plan.objectives.0.keyResults.1.target',
          message: 'Target of O1.2 is required (only a milestone has none)',
        },
        {
          path: 'plan.objectives.0.keyResults.2.start',
          message:
            'Start of O1.3 is required for a decreasing result; for a ceiling with no start choose “at most” instead',
        },
        {
          path: 'plan.objectives.1.level',
          message: 'Objective O2 is at the team level, which is not among the levels chosen',
        },
        {
          path: 'plan.objectives.1.parent',
          message: 'The company objective O2 supports: O7 is not a company objective of this quarter',
        },
      ],
    });

    const custom = goodPlan({ quarter: { kind: 'custom', start: '2027-04-01', end: '2027-02-30' } });
    expect(submitQuarter({ plan: custom })).toEqual({
      ok: false,
      errors: [
        { path: 'plan.quarter.end', message: 'Last day of the quarter: “2027-02-30” is not a day of the calendar' },
      ],
    });
  });

  it('names every problem in one answer: a bad date beside the schema’s own messages', () => {
    open({ locale: 'en_US' });
    const bad = JSON.parse(
      JSON.stringify(goodPlan({ quarter: { kind: 'custom', start: '2027-04-01', end: '2027-02-30' } })),
    );
    bad.team = '';
    bad.objectives[0].keyResults[0].target = 'abc';
    const result = submitQuarter({ plan: bad });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'plan.team',
      'plan.objectives.0.keyResults.0.target',
      'plan.quarter.end',
    ]);
  });

  it('lists the allowed words of a wrong kind, and reads numbers written as text with the one reader', () => {
    open({ locale: 'en_US' });
    const bad = JSON.parse(JSON.stringify(goodPlan()));
    bad.objectives[0].keyResults[0].kind = 'grow';
    expect(submitQuarter({ plan: bad })).toEqual({
      ok: false,
      errors: [
        {
          path: 'plan.objectives.0.keyResults.0.kind',
          message: 'Kind of O1.1: “grow” is not one of: increase, decrease, atLeast, atMost, milestone',
        },
      ],
    });
    const polish = JSON.parse(JSON.stringify(goodPlan({ language: 'pl' })));
    polish.objectives[0].keyResults[0].start = '250 000';
    polish.objectives[0].keyResults[0].target = '1,2 mln zł';
    polish.objectives[0].keyResults[1].target = '35%';
    const built = submitQuarter({ plan: polish });
    expect(built.ok).toBe(true);
  });

  it('custom quarter dates outside 1900–2100 get one message, in the spreadsheet’s language', () => {
    open({ locale: 'pl_PL' });
    const early = goodPlan({ quarter: { kind: 'custom', start: '1800-01-01', end: '1800-03-31' } });
    expect(submitQuarter({ plan: early })).toEqual({
      ok: false,
      errors: [
        { path: 'plan.quarter.start', message: 'Pierwszy dzień kwartału: 1800-01-01 jest poza latami 1900–2100' },
        { path: 'plan.quarter.end', message: 'Ostatni dzień kwartału: 1800-03-31 jest poza latami 1900–2100' },
      ],
    });
  });

  it('accepts a good plan: the fake spreadsheet holds the quarter sheet, and the team name is remembered', () => {
    const services = open({ locale: 'en_US' });
    const result = submitQuarter({ plan: goodPlan(), previousSheetId: null });
    expect(result).toMatchObject({ ok: true, sheetName: 'OKR Q2 2027', created: true });
    const sheet = services.spreadsheet.getSheetByName('OKR Q2 2027');
    expect(sheet).not.toBeNull();
    const text = JSON.stringify(sheet?.getDataRange().getValues());
    for (const title of ['Build a predictable pipeline', 'Pipeline value', 'Win rate', 'New clients in SaaS']) {
      expect(text).toContain(title);
    }
    expect(services.PropertiesService.document.data.get(SETTINGS_PROPERTIES.teamName)).toBe('Sales Poland');
    expect(services.calls.count('Lock.waitLock')).toBeGreaterThan(0);
  });

  it('offers the built quarter as the previous one, and continues from it with carry over, keep and drop', () => {
    const services = open({ locale: 'en_US' });
    expect(submitQuarter({ plan: goodPlan() })).toMatchObject({ ok: true });
    const sheet = services.spreadsheet.getSheetByName('OKR Q2 2027');
    if (!sheet) throw new Error('no sheet');

    const state = getSidebarState();
    expect(state.previousQuarter).toMatchObject({
      sheetName: 'OKR Q2 2027',
      sheetId: sheet.getSheetId(),
      label: 'Q2 2027',
      quarter: { kind: 'quarter', year: 2027, quarter: 2 },
      team: 'Sales Poland',
      levels: ['company', 'team'],
    });
    // The new quarter starts as the one after it (unless that one is already over).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-05-20T10:00:00Z'));
    expect(getSidebarState().defaults).toMatchObject({
      quarter: { kind: 'quarter', year: 2027, quarter: 3 },
      team: 'Sales Poland',
    });
    vi.setSystemTime(new Date('2028-05-20T10:00:00Z'));
    expect(getSidebarState().defaults.quarter).toEqual({ kind: 'quarter', year: 2028, quarter: 3 });
    vi.useRealTimers();
    expect(state.previousQuarter?.keyResults.map((kr) => [kr.id, kr.title, kr.objectiveId, kr.objectiveLevel])).toEqual(
      [
        ['O1.1', 'Pipeline value', 'O1', 'company'],
        ['O1.2', 'Win rate', 'O1', 'company'],
        ['O2.1', 'New clients in SaaS', 'O2', 'team'],
      ],
    );
    expect(state.previousQuarter?.keyResults[2]).toMatchObject({
      objectiveParent: 'O1',
      start: 0,
      target: 4,
      weight: 1,
    });

    const next = goodPlan({ quarter: { kind: 'quarter', year: 2027, quarter: 3 } });
    const result = submitQuarter({
      plan: next,
      previousSheetId: sheet.getSheetId(),
      carryOver: { 'O1.1': 'carry', 'O1.2': 'keep', 'O2.1': 'drop' },
    });
    expect(result).toMatchObject({ ok: true, sheetName: 'OKR Q3 2027' });
    const after = getSidebarState();
    // The old quarter is closed; the new one is what a later quarter continues from.
    expect(after.previousQuarter?.sheetName).toBe('OKR Q3 2027');
    expect(after.previousQuarter?.keyResults.map((kr) => kr.id)).toEqual(['O1.1', 'O1.2']);
  });

  it('refuses to continue from a sheet that is not a quarter sheet, and leaves that sheet unprotected', () => {
    const services = open({ locale: 'pl_PL' });
    const sheet1 = services.spreadsheet.getSheets()[0];
    if (!sheet1) throw new Error('no sheet');
    const result = submitQuarter({
      plan: goodPlan({ language: 'pl' }),
      previousSheetId: sheet1.getSheetId(),
      carryOver: { 'O1.1': 'carry' },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'previousSheetId',
          message: `Poprzedni kwartał: arkusz „${sheet1.getName()}” nie jest arkuszem kwartału OKR Sheets`,
        },
      ],
    });
    expect(sheet1.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
    expect(services.spreadsheet.getSheets()).toHaveLength(1);
  });

  it('rejects carry-over choices that are not carry, keep or drop', () => {
    open({ locale: 'en_US' });
    expect(submitQuarter({ plan: goodPlan(), previousSheetId: 3, carryOver: { 'O1.1': 'steal' } })).toEqual({
      ok: false,
      errors: [
        {
          path: 'carryOver.O1.1',
          message: 'Key result O1.1 of the previous quarter: “steal” is not one of: carry, keep, drop',
        },
      ],
    });
  });
});

describe('submitQuarter with scenario plans', () => {
  /** The good plan with scenarios on O1.1 (rising) and a falling KR O1.3: 60 → 45 days. */
  function scenarioPlan(language: 'en' | 'pl', o11: object, o13: object): QuarterPlan {
    const plan = goodPlan({ language });
    const first = plan.objectives[0];
    if (!first?.keyResults[0]) throw new Error('plan');
    Object.assign(first.keyResults[0], o11);
    first.keyResults.push({
      id: 'O1.3',
      title: 'Sales cycle',
      kind: 'decrease',
      unit: 'days',
      start: 60,
      target: 45,
      weight: 1,
      owner: '',
      committed: false,
      notes: '',
      ...o13,
    });
    return plan;
  }

  it('builds a plan whose minimum and maximum lie on either side of the target, numbers typed as text too', () => {
    open();
    const plan = scenarioPlan('en', { minTarget: '1,000,000', maxTarget: 1_500_000 }, { minTarget: 50, maxTarget: 40 });
    expect(submitQuarter({ plan })).toMatchObject({ ok: true });
  });

  it('refuses a minimum or maximum on the wrong side of the target, naming the KR and the value', () => {
    open();
    const plan = scenarioPlan('en', { minTarget: 1_300_000, maxTarget: 1_000_000 }, { minTarget: 40, maxTarget: 50 });
    expect(submitQuarter({ plan })).toEqual({
      ok: false,
      errors: [
        {
          path: 'plan.objectives.0.keyResults.0.minTarget',
          message:
            'Minimum target of O1.1: 1300000 is above the target 1200000; for a rising result the minimum is at most the target',
        },
        {
          path: 'plan.objectives.0.keyResults.0.maxTarget',
          message:
            'Maximum target of O1.1: 1000000 is below the target 1200000; for a rising result the maximum is at least the target',
        },
        {
          path: 'plan.objectives.0.keyResults.2.minTarget',
          message:
            'Minimum target of O1.3: 40 is below the target 45; for a falling result the minimum scenario is at least the target',
        },
        {
          path: 'plan.objectives.0.keyResults.2.maxTarget',
          message:
            'Maximum target of O1.3: 50 is above the target 45; for a falling result the maximum scenario is at most the target',
        },
      ],
    });
  });

  it('names a scenario that is no number, in the user’s language', () => {
    open({ locale: 'pl_PL' });
    const plan = scenarioPlan('pl', { minTarget: 'dużo' }, {});
    expect(submitQuarter({ plan })).toEqual({
      ok: false,
      errors: [
        { path: 'plan.objectives.0.keyResults.0.minTarget', message: 'Cel minimalny O1.1: „dużo” nie jest liczbą' },
      ],
    });
  });
});
