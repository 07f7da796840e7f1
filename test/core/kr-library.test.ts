import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  foldText,
  KR_CATEGORIES,
  KR_TEMPLATES,
  type KrTemplate,
  searchTemplates,
  wordsOf,
} from '../../src/core/kr-library';
import { scoreKeyResult } from '../../src/core/score';
import { keyResultSchema } from '../../src/shared/plan';

const ids = (templates: readonly KrTemplate[]) => templates.map((template) => template.id);
const byId = (id: string) => KR_TEMPLATES.find((template) => template.id === id) as KrTemplate;

describe('the sales KR library', () => {
  it('has the six categories of the guide, three results each, named in Polish and English', () => {
    expect(KR_CATEGORIES.map((category) => category.name)).toEqual([
      { pl: 'Pozyskanie klientów', en: 'Acquisition' },
      { pl: 'Wartość transakcji', en: 'Deal value' },
      { pl: 'Cykl sprzedaży', en: 'Sales cycle' },
      { pl: 'Kwalifikacja leadów', en: 'Lead qualification' },
      { pl: 'Retencja i upsell', en: 'Retention & upsell' },
      { pl: 'Jakość procesu', en: 'Process quality' },
    ]);
    for (const category of KR_CATEGORIES) {
      expect(KR_TEMPLATES.filter((template) => template.category === category.id)).toHaveLength(3);
    }
    expect(new Set(ids(KR_TEMPLATES)).size).toBe(18);
  });

  it('titles every result in both languages', () => {
    for (const template of KR_TEMPLATES) {
      expect(template.title.pl.trim()).not.toBe('');
      expect(template.title.en.trim()).not.toBe('');
      expect(template.example.pl.trim()).not.toBe('');
      expect(template.example.en.trim()).not.toBe('');
    }
    expect(byId('average-contract-value').title).toEqual({
      pl: 'Średnia wartość kontraktu (ACV)',
      en: 'Average contract value',
    });
  });

  it.each([
    ['new-clients', 'increase', 'count', 0, 8],
    ['lead-to-client-conversion', 'increase', 'percent', 0.15, 0.22],
    ['average-contract-value', 'increase', 'currency', 50_000, 70_000],
    ['pipeline-value', 'atLeast', 'currency', null, 1_000_000],
    ['sales-cycle-length', 'decrease', 'days', 60, 40],
    ['icp-score-of-won-deals', 'atLeast', 'points', null, 7],
    ['churn', 'decrease', 'percent', 0.08, 0.05],
    ['net-revenue-retention', 'atLeast', 'percent', null, 1.1],
    ['crm-hygiene', 'milestone', 'percent', null, null],
  ])('gives %s as %s in %s, %s → %s', (id, kind, unit, start, target) => {
    expect(byId(id)).toMatchObject({ kind, unit, start, target });
  });

  it('leaves the numbers blank where the guide gives a relative target only', () => {
    expect(byId('pipeline-velocity')).toMatchObject({ start: null, target: null, example: { en: '+25%' } });
  });

  it('gives templates that make a valid key result of a plan, once numbers are filled in', () => {
    for (const template of KR_TEMPLATES) {
      const plan = {
        title: template.title.en,
        kind: template.kind,
        unit: template.unit,
        start: template.start,
        target: template.kind === 'milestone' ? null : (template.target ?? 1),
        weight: 1,
        owner: '',
        committed: false,
        notes: '',
      };
      expect(keyResultSchema().safeParse(plan).success, template.id).toBe(true);
    }
  });

  it('scores a template at its target as 1', () => {
    for (const template of KR_TEMPLATES) {
      if (template.target === null) continue;
      const score = scoreKeyResult({
        start: template.start,
        target: template.target,
        current: template.target,
        kind: template.kind,
      });
      expect(score, template.id).toBe(1);
    }
  });

  it('knows the category of each template', () => {
    expect(categoryOf(byId('win-rate')).name.pl).toBe('Jakość procesu');
  });
});

describe('searching the library', () => {
  it('finds results by a word of the title in either language', () => {
    expect(ids(searchTemplates('churn', 'pl'))).toEqual(['churn']);
    expect(ids(searchTemplates('konwersja', 'en'))).toEqual(['lead-to-client-conversion']);
    expect(ids(searchTemplates('conversion', 'pl'))).toEqual(['lead-to-client-conversion']);
  });

  it('ignores case and Polish letters: "wartosc" finds "Wartość"', () => {
    expect(ids(searchTemplates('wartosc', 'pl'))).toEqual(ids(searchTemplates('WARTOŚĆ', 'pl')));
    expect(ids(searchTemplates('wartosc', 'pl'))).toContain('pipeline-value');
    expect(ids(searchTemplates('dlugosc cyklu', 'pl'))).toEqual(['sales-cycle-length']);
  });

  it("puts title matches in the user's language before matches by category or in the other language", () => {
    expect(ids(searchTemplates('wartość', 'pl'))).toEqual([
      'average-contract-value',
      'pipeline-value',
      'revenue-from-new-clients',
    ]);
    expect(ids(searchTemplates('revenue', 'en'))).toEqual([
      'revenue-from-new-clients',
      'upsell-revenue',
      'net-revenue-retention',
    ]);
  });

  it('finds a whole category by its name', () => {
    expect(ids(searchTemplates('cykl sprzedaży', 'pl'))).toEqual([
      'sales-cycle-length',
      'time-to-first-meeting',
      'pipeline-velocity',
    ]);
    expect(ids(searchTemplates('retention', 'en'))).toEqual(['net-revenue-retention', 'churn', 'upsell-revenue']);
  });

  it('matches the start of a word while the user types, and needs every word typed', () => {
    expect(ids(searchTemplates('pipe', 'en'))).toEqual(['pipeline-value', 'pipeline-velocity']);
    expect(ids(searchTemplates("pipeline'u", 'pl'))).toEqual(['pipeline-value', 'pipeline-velocity']);
    expect(ids(searchTemplates('new clients segment', 'en'))).toEqual(['new-clients-in-segment']);
    expect(searchTemplates('pipeline churn', 'en')).toEqual([]);
  });

  it('finds nothing for a word in no title, and everything for an empty query', () => {
    expect(searchTemplates('lejka', 'pl')).toEqual([]);
    expect(searchTemplates('  ', 'en')).toHaveLength(18);
  });
});

describe('folding text for matching', () => {
  it('drops case and Polish letters, ł included', () => {
    expect(foldText('ŁĄCZNA Wartość Źródeł')).toBe('laczna wartosc zrodel');
    expect(wordsOf('Średnia wartość kontraktu (ACV)')).toEqual(['srednia', 'wartosc', 'kontraktu', 'acv']);
  });
});
