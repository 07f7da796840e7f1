import { describe, expect, it } from 'vitest';
import { KR_TEMPLATES } from '../../src/core/kr-library';
import { isActivityTitle, isMixedPercentScale, lintPlan, type PlanDraft } from '../../src/core/okr-lint';
import { planSchema, type QuarterPlan } from '../../src/shared/plan';

type KeyResult = QuarterPlan['objectives'][number]['keyResults'][number];

function keyResult(fields: Partial<KeyResult> & Pick<KeyResult, 'title'>): KeyResult {
  return {
    kind: 'increase',
    unit: 'count',
    start: 0,
    target: 8,
    weight: 1,
    owner: 'Anna',
    committed: false,
    notes: '',
    ...fields,
  };
}

/** A sound plan of a Polish sales team: outcomes, quality next to revenue, numbers that agree with the kinds. */
const goodPlan: QuarterPlan = {
  quarter: { kind: 'quarter', year: 2027, quarter: 1 },
  fiscalStartMonth: 1,
  team: 'Sprzedaż B2B',
  language: 'pl',
  levels: ['company', 'team'],
  currency: 'PLN',
  formulaStyle: 'addon',
  objectives: [
    {
      level: 'company',
      title: 'Zbudować przewidywalny pipeline na półrocze',
      keyResults: [
        keyResult({
          title: "Wartość pipeline'u",
          kind: 'increase',
          unit: 'currency',
          start: 300_000,
          target: 1_200_000,
        }),
        keyResult({ title: 'Win rate', unit: 'percent', start: 0.2, target: 0.3 }),
        keyResult({ title: 'Czas od leada do spotkania', kind: 'decrease', unit: 'days', start: 7, target: 3 }),
      ],
    },
    {
      level: 'team',
      title: 'Pozyskać klientów, którzy zostają',
      keyResults: [
        keyResult({ title: 'Liczba nowych klientów', start: 0, target: 8 }),
        keyResult({ title: 'Przychód z nowych klientów', unit: 'currency', start: 0, target: 400_000 }),
        keyResult({ title: 'Churn', kind: 'decrease', unit: 'percent', start: 0.08, target: 0.05 }),
        keyResult({ title: 'NPS', kind: 'atLeast', unit: 'points', start: null, target: 50 }),
        keyResult({ title: 'Net Revenue Retention', kind: 'atLeast', unit: 'percent', start: 0.95, target: 1.1 }),
        keyResult({ title: 'Higiena CRM', kind: 'milestone', unit: 'percent', start: null, target: null }),
      ],
    },
  ],
};

/** The good plan with the key results of its second objective replaced. */
function withKeyResults(keyResults: KeyResult[], language: 'pl' | 'en' = 'pl'): QuarterPlan {
  const [first, second] = goodPlan.objectives as [QuarterPlan['objectives'][number], QuarterPlan['objectives'][number]];
  return { ...goodPlan, language, objectives: [first, { ...second, keyResults }] };
}

const codes = (plan: PlanDraft, lang?: 'pl' | 'en') => lintPlan(plan, lang).map((warning) => warning.code);

describe('a good plan', () => {
  it('is a valid plan and gets no warning in either language', () => {
    expect(planSchema().safeParse(goodPlan).success).toBe(true);
    expect(lintPlan(goodPlan, 'pl')).toEqual([]);
    expect(lintPlan(goodPlan, 'en')).toEqual([]);
  });

  it('gets no warning for any title of the KR library', () => {
    for (const template of KR_TEMPLATES) {
      expect(isActivityTitle(template.title.pl), template.title.pl).toBe(false);
      expect(isActivityTitle(template.title.en), template.title.en).toBe(false);
    }
  });

  it('gets no warning while it is still empty or half typed', () => {
    expect(lintPlan({}, 'en')).toEqual([]);
    expect(
      lintPlan({ objectives: [null, { title: 'Grow' }, { keyResults: [null, {}, { title: '' }] }] }, 'pl'),
    ).toEqual([]);
    expect(lintPlan({ objectives: [{ keyResults: [{ title: 'Win rate', start: 0.2 }] }] }, 'en')).toEqual([]);
  });
});

describe('an activity written as a key result', () => {
  it.each([
    'Make 100 calls',
    'Send 50 emails',
    'Book 30 demos',
    'Hold weekly meetings with every key account',
    '100 cold calls a week',
    'Number of sales meetings',
    'Call 200 leads',
    'Visit 20 clients',
    'Wykonać 100 telefonów',
    'Wysłać 50 maili',
    'Wysłać 30 ofert',
    'Odbyć 20 spotkań',
    'Zadzwonić do 100 klientów',
    'Dzwonić do nowych leadów codziennie',
    '40 spotkania handlowe',
    'Liczba wysłanych e-maili',
    'Wykonac 100 telefonow',
  ])('flags "%s"', (title) => {
    expect(isActivityTitle(title)).toBe(true);
  });

  it.each([
    'Close 6 new projects',
    'Time to first meeting',
    'Lead-to-client conversion after demos',
    'Call-to-meeting conversion',
    'Czas od leada do spotkania',
    'Zamknąć 6 nowych projektów',
    '3 podpisane oferty w segmencie SaaS',
    'Wykonać plan sprzedaży w 100%',
  ])('does not flag the outcome "%s"', (title) => {
    expect(isActivityTitle(title)).toBe(false);
  });

  it('is pointed at the title, with the advice in the plan language', () => {
    const plan = withKeyResults([keyResult({ title: 'Wykonać 100 telefonów' }), keyResult({ title: 'Win rate' })]);
    const [warning] = lintPlan(plan, 'pl');
    expect(warning).toEqual({
      code: 'activityKeyResult',
      path: ['objectives', 1, 'keyResults', 0, 'title'],
      message: expect.stringContaining('aktywność, a nie efekt'),
    });
    expect(lintPlan(plan, 'en')[0]?.message).toContain('an activity, not an outcome');
  });

  it("speaks the plan's language when no language is given", () => {
    const plan = withKeyResults([keyResult({ title: 'Make 100 calls' })], 'en');
    expect(lintPlan(plan)[0]?.message).toMatch(/^This key result counts an activity/);
  });
});

describe('more than five objectives', () => {
  const objective = (level: 'company' | 'team' | 'individual' | undefined, index: number) => ({
    level,
    title: `Objective ${index}`,
    keyResults: [keyResult({ title: 'Win rate', unit: 'percent', start: 0.2, target: 0.3 })],
  });

  it('warns at six objectives of the team, counting those with no level yet as the team', () => {
    const plan: PlanDraft = {
      objectives: [1, 2, 3, 4, 5, 6].map((index) => objective(index === 6 ? undefined : 'team', index)),
    };
    expect(lintPlan(plan, 'en')).toEqual([
      {
        code: 'tooManyObjectives',
        path: ['objectives'],
        message: '6 team objectives: more than 5 leaves no focus. Choose the 3–5 that matter most this quarter.',
      },
    ]);
    expect(lintPlan(plan, 'pl')[0]?.message).toBe(
      '6 celów zespołu: więcej niż 5 to brak skupienia. Wybierz 3–5 najważniejszych na ten kwartał.',
    );
  });

  it('counts each level on its own: three company and three team objectives are fine', () => {
    const plan = { objectives: [1, 2, 3, 4, 5, 6].map((index) => objective(index <= 3 ? 'company' : 'team', index)) };
    expect(lintPlan(plan, 'en')).toEqual([]);
  });

  it('warns about company objectives by name, and leaves individual ones alone', () => {
    const company = [1, 2, 3, 4, 5, 6, 7].map((index) => objective('company', index));
    const individual = [1, 2, 3, 4, 5, 6].map((index) => objective('individual', index));
    const warnings = lintPlan({ objectives: [...company, ...individual] }, 'pl');
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^7 celów firmy:/)]);
  });
});

describe('an objective of revenue key results only', () => {
  it('is flagged when every key result is an amount of money or named as revenue', () => {
    const plan = withKeyResults([
      keyResult({ title: 'Przychód z nowych klientów', unit: 'currency', start: 0, target: 400_000 }),
      keyResult({ title: 'Przychód z upselli', unit: 'count', start: null, kind: 'atLeast', target: 100_000 }),
    ]);
    expect(lintPlan(plan, 'pl')).toEqual([
      {
        code: 'revenueOnlyObjective',
        path: ['objectives', 1],
        message: expect.stringContaining('Dodaj jeden o jakości'),
      },
    ]);
    expect(lintPlan(plan, 'en')[0]?.message).toContain('Add one on quality');
  });

  it('is flagged for a single revenue target written as an OKR', () => {
    const plan = withKeyResults(
      [keyResult({ title: 'Revenue 2 M zł', unit: 'currency', start: 0, target: 2e6 })],
      'en',
    );
    expect(codes(plan)).toEqual(['revenueOnlyObjective']);
  });

  it.each([
    ['deal value', 'Average contract value', 'currency'],
    ['ICP fit', 'Średni ICP score zamkniętych deali', 'points'],
    ['win rate', 'Win rate', 'percent'],
    ['conversion', 'Konwersja lead → klient', 'percent'],
    ['retention', 'Net revenue retention', 'percent'],
    ['anything that is no revenue', 'Sales cycle length', 'days'],
  ] as const)('is fine with a KR on %s next to the revenue', (_what, title, unit) => {
    const plan = withKeyResults([
      keyResult({ title: 'Revenue from new clients', unit: 'currency', start: 0, target: 400_000 }),
      keyResult({ title, unit, start: 1, target: 2 }),
    ]);
    expect(codes(plan, 'en')).toEqual([]);
  });
});

describe('start equal to target', () => {
  it('is pointed at the target, with the value in the reader’s number format', () => {
    const plan = withKeyResults([
      keyResult({ title: 'Średnia wartość kontraktu (ACV)', unit: 'currency', start: 50_000.5, target: 50_000.5 }),
    ]);
    expect(lintPlan(plan, 'pl')).toEqual([
      {
        code: 'startEqualsTarget',
        path: ['objectives', 1, 'keyResults', 0, 'target'],
        message: expect.stringContaining('Start i cel są równe (50 000,5)'),
      },
    ]);
    expect(lintPlan(plan, 'en')[0]?.message).toContain('Start and target are both 50,000.5');
  });

  it('is fine for a milestone and for a threshold with no start', () => {
    const plan = withKeyResults([
      keyResult({ title: 'Higiena CRM', kind: 'milestone', start: 1, target: 1 }),
      keyResult({ title: 'NPS', kind: 'atLeast', unit: 'points', start: null, target: 50 }),
    ]);
    expect(codes(plan, 'pl')).toEqual([]);
  });
});

describe('numbers going the wrong way for the kind', () => {
  it('flags a decrease written with the start below the target', () => {
    const plan = withKeyResults([
      keyResult({ title: 'Sales cycle length', kind: 'decrease', unit: 'days', start: 45, target: 60 }),
    ]);
    expect(lintPlan(plan, 'en')).toEqual([
      {
        code: 'decreaseGoesUp',
        path: ['objectives', 1, 'keyResults', 0, 'target'],
        message:
          'This result should decrease, but its target (60) is above its start (45). Swap them, or make it an increase.',
      },
    ]);
    expect(lintPlan(plan, 'pl')[0]?.message).toBe(
      'Ten rezultat ma maleć, ale cel (60) jest wyżej niż start (45). Zamień je albo zmień rodzaj na wzrost.',
    );
  });

  it('flags an increase written with the start above the target', () => {
    const plan = withKeyResults([keyResult({ title: 'New clients', start: 8, target: 0 })]);
    expect(codes(plan, 'en')).toEqual(['increaseGoesDown']);
    expect(lintPlan(plan, 'pl')[0]?.message).toContain('ma rosnąć, ale cel (0) jest niżej niż start (8)');
  });
});

describe('percents on mixed scales', () => {
  it('flags 5 next to 0.05, pointing at the whole-number one', () => {
    const plan = withKeyResults([
      keyResult({ title: 'Churn', kind: 'decrease', unit: 'percent', start: 8, target: 0.05 }),
    ]);
    expect(lintPlan(plan, 'en')).toEqual([
      {
        code: 'percentScaleMixed',
        path: ['objectives', 1, 'keyResults', 0, 'start'],
        message:
          'Start (8) and target (0.05) are written on different scales: as percents, 0.05 is 5% but 8 is 800%. Write both the same way, e.g. 5% (or 0.05).',
      },
    ]);
    expect(lintPlan(plan, 'pl')[0]?.message).toBe(
      'Start (8) i cel (0,05) zapisano w różnych skalach: w procentach 0,05 to 5%, a 8 to 800%. Zapisz oba tak samo, np. 5% (albo 0,05).',
    );
  });

  it('flags the target too when it is the odd one out', () => {
    const plan = withKeyResults([keyResult({ title: 'Win rate', unit: 'percent', start: 0.25, target: 35 })]);
    expect(lintPlan(plan, 'en').map((warning) => warning.path.at(-1))).toEqual(['target']);
  });

  it.each([
    [0.05, 5, true],
    [8, 0.05, true],
    [0.15, 22, true],
    [0, 8, false],
    [15, 22, false],
    [0.15, 0.22, false],
    [0.95, 1.1, false],
    [1, 5, false],
  ])('reads %s and %s as mixed: %s', (start, target, mixed) => {
    expect(isMixedPercentScale(start, target)).toBe(mixed);
  });

  it('leaves other units alone', () => {
    const plan = withKeyResults([keyResult({ title: 'ICP score', unit: 'points', start: 0.5, target: 7 })]);
    expect(codes(plan, 'en')).toEqual([]);
  });
});

describe('several mistakes at once', () => {
  it('lists each, objective warnings before those of its key results', () => {
    const plan = withKeyResults(
      [
        keyResult({ title: 'Revenue', unit: 'currency', start: 100, target: 100 }),
        keyResult({ title: 'Send 50 emails about the offer', unit: 'currency', kind: 'decrease', start: 1, target: 2 }),
      ],
      'en',
    );
    expect(lintPlan(plan).map(({ code, path }) => [code, path.join('.')])).toEqual([
      ['revenueOnlyObjective', 'objectives.1'],
      ['startEqualsTarget', 'objectives.1.keyResults.0.target'],
      ['activityKeyResult', 'objectives.1.keyResults.1.title'],
      ['decreaseGoesUp', 'objectives.1.keyResults.1.target'],
    ]);
  });
});
