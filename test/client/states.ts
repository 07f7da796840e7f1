// Server states the sidebar's unit tests start from: a spreadsheet with no quarter yet, and one whose
// previous quarter (Q1 2027, two objectives, three key results) the new quarter may continue from.

import type { PreviousKeyResult, SidebarState } from '../../src/shared/sidebar-api';

export function freshState(overrides: Partial<SidebarState> = {}): SidebarState {
  return {
    lang: 'en',
    locale: 'en_US',
    today: '2027-03-10',
    settings: { language: 'auto', fiscalStartMonth: 1, currency: 'PLN', formulaStyle: 'addon', teamName: 'Sales' },
    defaults: {
      quarter: { kind: 'quarter', year: 2027, quarter: 2 },
      team: 'Sales',
      levels: ['company', 'team'],
      currency: 'PLN',
      formulaStyle: 'addon',
    },
    previousQuarter: null,
    ...overrides,
  };
}

function previousKr(overrides: Partial<PreviousKeyResult>): PreviousKeyResult {
  return {
    id: 'O1.1',
    title: 'Pipeline value',
    kind: 'increase',
    unit: 'currency',
    currency: 'PLN',
    start: 300_000,
    target: 1_200_000,
    current: 800_000,
    source: null,
    weight: 1,
    owner: 'Anna',
    committed: false,
    objectiveId: 'O1',
    objectiveTitle: 'Predictable pipeline',
    objectiveLevel: 'company',
    objectiveParent: null,
    ...overrides,
  };
}

export function continuingState(lang: 'en' | 'pl' = 'en'): SidebarState {
  return freshState({
    lang,
    previousQuarter: {
      sheetName: 'OKR Q1 2027',
      sheetId: 42,
      label: 'Q1 2027',
      quarter: { kind: 'quarter', year: 2027, quarter: 1 },
      team: 'Sales',
      levels: ['company', 'team'],
      currency: 'PLN',
      formulaStyle: 'addon',
      keyResults: [
        previousKr({}),
        previousKr({ id: 'O1.2', title: 'Win rate', unit: 'percent', start: 0.25, target: 0.35, current: 0.3 }),
        previousKr({
          id: 'O2.1',
          title: 'New SaaS clients',
          unit: 'count',
          start: 0,
          target: 12,
          current: 5,
          objectiveId: 'O2',
          objectiveTitle: 'Win the SaaS segment',
          objectiveLevel: 'team',
          objectiveParent: 'O1',
        }),
      ],
    },
  });
}
