// The library of sales key results from the domain brief, offered as templates when a manager writes a
// plan: six categories of three results each, in Polish and English, each with the kind and unit that
// score it right and the example numbers the guide gives. A manager picks one and changes the numbers, so
// a start or target the guide does not give ("→ 1 000 000 zł" has no start) stays `null` here rather than
// an invented number. Search matches either language and forgives missing Polish letters, since people
// often type "wartosc" for "wartość".

import type { KrSource, Unit } from '../shared/plan';
import type { Lang } from './i18n';
import type { KeyResultKind } from './score';

/** A text a user reads, in both languages of the add-on. */
export type BilingualText = Record<Lang, string>;

export type KrCategoryId = 'acquisition' | 'dealValue' | 'salesCycle' | 'leadQualification' | 'retention' | 'process';

export interface KrCategory {
  id: KrCategoryId;
  name: BilingualText;
}

export interface KrTemplate {
  /** Stable id, e.g. `win-rate`, for telemetry-free references from the sidebar. */
  id: string;
  category: KrCategoryId;
  title: BilingualText;
  kind: KeyResultKind;
  unit: Unit;
  /** Example baseline (percent as a fraction: 15% is 0.15); `null` when the guide gives none. */
  start: number | null;
  /** Example target; `null` when the guide gives no number (a milestone, or a relative target). */
  target: number | null;
  /** The guide's example as a person reads it, e.g. "0 → 4 deals in SaaS". */
  example: BilingualText;
  /** The Deals sheet formula that can feed its current value (src/core/deals/kr-sources.ts), when one fits. */
  source?: KrSource;
}

/** What a source measures, in the unit its number is in, and whether it is a total that restarts each quarter. */
export interface KrSourceInfo {
  unit: Unit;
  /** What it measures: "revenue won this quarter". */
  what: BilingualText;
  /**
   * `total`: a count or sum of what happens within the quarter (deals won, revenue won), which is 0 again on
   * the quarter's first day; `level`: where something stands (a rate, a mean, the open pipeline), which goes
   * on from where the last quarter left it.
   */
  measure: 'total' | 'level';
}

/** What each source of a current value measures ("revenue won this quarter"). */
export const KR_SOURCE_INFO: Record<KrSource, KrSourceInfo> = {
  'deals.newClients': {
    unit: 'count',
    what: { pl: 'nowi klienci wygrani w kwartale', en: 'new clients won this quarter' },
    measure: 'total',
  },
  'deals.wonRevenue': {
    unit: 'currency',
    what: { pl: 'przychód z wygranych w kwartale', en: 'revenue won this quarter' },
    measure: 'total',
  },
  'deals.averageDealValue': {
    unit: 'currency',
    what: {
      pl: 'średnia wartość wygranej transakcji w kwartale',
      en: 'average value of deals won this quarter',
    },
    measure: 'level',
  },
  'deals.winRate': {
    unit: 'percent',
    what: { pl: 'win rate zamkniętych w kwartale', en: 'win rate of deals closed this quarter' },
    measure: 'level',
  },
  'deals.salesCycle': {
    unit: 'days',
    what: {
      pl: 'cykl sprzedaży wygranych w kwartale',
      en: 'sales cycle of deals won this quarter',
    },
    measure: 'level',
  },
  'deals.pipelineValue': {
    unit: 'currency',
    what: { pl: "wartość otwartego pipeline'u", en: 'value of the open pipeline' },
    measure: 'level',
  },
  'deals.finalStage': {
    unit: 'count',
    what: { pl: 'okazje w final stage (pewne)', en: 'open deals in the final stage (commit)' },
    measure: 'level',
  },
};

/**
 * A source as the planner lists it: the Deals sheet, then what it measures.
 * @example sourceTitle('deals.winRate', 'en') // 'Deals: win rate of deals closed this quarter'
 */
export function sourceTitle(source: KrSource, lang: Lang): string {
  return `${lang === 'pl' ? 'Transakcje' : 'Deals'}: ${KR_SOURCE_INFO[source].what[lang]}`;
}

/** Where a key result carried into the next quarter starts, and why (the builder and the planner both ask). */
export type CarriedStart =
  | { start: number; why: 'restarts' }
  | { start: number; why: 'lastValue' }
  | { start: null; why: 'noValue' };

/**
 * The start of a key result carried over: 0 for a source that is a total of the quarter (the new quarter's
 * deals won begin at none, whatever the last one reached); otherwise the last value, when there is one. A key
 * result typed each week (`source` absent) goes on from its last value too.
 * @example carriedStart('deals.newClients', 6) // { start: 0, why: 'restarts' }
 * @example carriedStart('deals.winRate', 0.3) // { start: 0.3, why: 'lastValue' }
 */
export function carriedStart(source: KrSource | null | undefined, last: number | null): CarriedStart {
  if (source && KR_SOURCE_INFO[source].measure === 'total') return { start: 0, why: 'restarts' };
  return last === null ? { start: null, why: 'noValue' } : { start: last, why: 'lastValue' };
}

/** The six categories, in the order of the guide. */
export const KR_CATEGORIES: readonly KrCategory[] = [
  { id: 'acquisition', name: { pl: 'Pozyskanie klientów', en: 'Acquisition' } },
  { id: 'dealValue', name: { pl: 'Wartość transakcji', en: 'Deal value' } },
  { id: 'salesCycle', name: { pl: 'Cykl sprzedaży', en: 'Sales cycle' } },
  { id: 'leadQualification', name: { pl: 'Kwalifikacja leadów', en: 'Lead qualification' } },
  { id: 'retention', name: { pl: 'Retencja i upsell', en: 'Retention & upsell' } },
  { id: 'process', name: { pl: 'Jakość procesu', en: 'Process quality' } },
];

/** The templates, three per category, in the order of the guide. */
export const KR_TEMPLATES: readonly KrTemplate[] = [
  {
    id: 'new-clients',
    category: 'acquisition',
    title: { pl: 'Liczba nowych klientów', en: 'New clients' },
    kind: 'increase',
    unit: 'count',
    start: 0,
    target: 8,
    example: { pl: '0 → 8', en: '0 → 8' },
    source: 'deals.newClients',
  },
  {
    id: 'new-clients-in-segment',
    category: 'acquisition',
    title: { pl: 'Nowi klienci w segmencie', en: 'New clients in a segment' },
    kind: 'increase',
    unit: 'count',
    start: 0,
    target: 4,
    example: { pl: '0 → 4 umowy w SaaS', en: '0 → 4 deals in SaaS' },
  },
  {
    id: 'lead-to-client-conversion',
    category: 'acquisition',
    title: { pl: 'Konwersja lead → klient', en: 'Lead-to-client conversion' },
    kind: 'increase',
    unit: 'percent',
    start: 0.15,
    target: 0.22,
    example: { pl: '15% → 22%', en: '15% → 22%' },
  },
  {
    id: 'average-contract-value',
    category: 'dealValue',
    title: { pl: 'Średnia wartość kontraktu (ACV)', en: 'Average contract value' },
    kind: 'increase',
    unit: 'currency',
    start: 50_000,
    target: 70_000,
    example: { pl: '50 000 → 70 000 zł', en: '50,000 → 70,000 zł' },
    source: 'deals.averageDealValue',
  },
  {
    id: 'revenue-from-new-clients',
    category: 'dealValue',
    title: { pl: 'Przychód z nowych klientów', en: 'Revenue from new clients' },
    kind: 'increase',
    unit: 'currency',
    start: 0,
    target: 400_000,
    example: { pl: '0 → 400 000 zł', en: '0 → 400,000 zł' },
    source: 'deals.wonRevenue',
  },
  {
    id: 'pipeline-value',
    category: 'dealValue',
    title: { pl: "Wartość pipeline'u", en: 'Pipeline value' },
    kind: 'atLeast',
    unit: 'currency',
    start: null,
    target: 1_000_000,
    example: { pl: '→ 1 000 000 zł', en: '→ 1,000,000 zł' },
    source: 'deals.pipelineValue',
  },
  {
    id: 'sales-cycle-length',
    category: 'salesCycle',
    title: { pl: 'Długość cyklu sprzedaży', en: 'Sales cycle length' },
    kind: 'decrease',
    unit: 'days',
    start: 60,
    target: 40,
    example: { pl: '60 → 40 dni', en: '60 → 40 days' },
    source: 'deals.salesCycle',
  },
  {
    id: 'time-to-first-meeting',
    category: 'salesCycle',
    title: { pl: 'Czas od leada do spotkania', en: 'Time to first meeting' },
    kind: 'decrease',
    unit: 'days',
    start: 7,
    target: 3,
    example: { pl: '7 → 3 dni', en: '7 → 3 days' },
  },
  {
    // The guide's target is relative (+25%); velocity is money per day, so both numbers depend on the team.
    id: 'pipeline-velocity',
    category: 'salesCycle',
    title: { pl: "Prędkość pipeline'u", en: 'Pipeline velocity' },
    kind: 'increase',
    unit: 'currency',
    start: null,
    target: null,
    example: { pl: '+25%', en: '+25%' },
  },
  {
    id: 'share-of-qualified-leads',
    category: 'leadQualification',
    title: { pl: 'Odsetek kwalifikowanych leadów', en: 'Share of qualified leads' },
    kind: 'increase',
    unit: 'percent',
    start: 0.4,
    target: 0.6,
    example: { pl: '40% → 60%', en: '40% → 60%' },
  },
  {
    id: 'disqualified-in-week-one',
    category: 'leadQualification',
    title: { pl: 'Dyskwalifikacja w 1. tygodniu', en: 'Disqualified in week one' },
    kind: 'atLeast',
    unit: 'percent',
    start: null,
    target: 0.3,
    example: { pl: '→ 30%', en: '→ 30%' },
  },
  {
    id: 'icp-score-of-won-deals',
    category: 'leadQualification',
    title: { pl: 'Średni ICP score zamkniętych deali', en: 'Average ICP score of won deals' },
    kind: 'atLeast',
    unit: 'points',
    start: null,
    target: 7,
    example: { pl: '→ 7/10', en: '→ 7/10' },
  },
  {
    id: 'churn',
    category: 'retention',
    title: { pl: 'Churn', en: 'Churn' },
    kind: 'decrease',
    unit: 'percent',
    start: 0.08,
    target: 0.05,
    example: { pl: '8% → 5% kwartalnie', en: '8% → 5% a quarter' },
  },
  {
    id: 'upsell-revenue',
    category: 'retention',
    title: { pl: 'Przychód z upselli', en: 'Upsell revenue' },
    kind: 'atLeast',
    unit: 'currency',
    start: null,
    target: 100_000,
    example: { pl: '→ 100 000 zł', en: '→ 100,000 zł' },
  },
  {
    id: 'net-revenue-retention',
    category: 'retention',
    title: { pl: 'Net Revenue Retention', en: 'Net revenue retention' },
    kind: 'atLeast',
    unit: 'percent',
    start: null,
    target: 1.1,
    example: { pl: '→ 110%', en: '→ 110%' },
  },
  {
    id: 'win-rate',
    category: 'process',
    title: { pl: 'Win rate', en: 'Win rate' },
    kind: 'increase',
    unit: 'percent',
    start: 0.25,
    target: 0.35,
    example: { pl: '25% → 35%', en: '25% → 35%' },
    source: 'deals.winRate',
  },
  {
    id: 'forecast-accuracy',
    category: 'process',
    title: { pl: 'Trafność prognozy', en: 'Forecast accuracy' },
    kind: 'atLeast',
    unit: 'percent',
    start: null,
    target: 0.85,
    example: { pl: '→ 85%+', en: '→ 85%+' },
  },
  {
    // Done or not done each week; the unit only matters if the team tracks the share instead.
    id: 'crm-hygiene',
    category: 'process',
    title: { pl: 'Higiena CRM', en: 'CRM hygiene' },
    kind: 'milestone',
    unit: 'percent',
    start: null,
    target: null,
    example: { pl: '100% okazji aktualizowanych co tydzień', en: '100% of deals updated weekly' },
  },
];

/**
 * Text folded for matching: lower case, Polish and other diacritics removed (ł has no decomposition, so it
 * is mapped by hand). Shared with the OKR lint, which reads titles typed with or without Polish letters.
 * @example foldText('Wartość Pipeline’u') // "wartosc pipeline'u"
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[’‘`]/g, "'");
}

/**
 * The words of a text, folded: split on anything that is not a letter or digit.
 * @example wordsOf("Wartość pipeline'u") // ['wartosc', 'pipeline', 'u']
 */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The category of a template. */
export function categoryOf(template: KrTemplate): KrCategory {
  return KR_CATEGORIES.find((category) => category.id === template.category) as KrCategory;
}

/** Whether every query word starts a word of `words` (so "konw" finds "Konwersja" while typing). */
function matchesAll(queryWords: readonly string[], words: readonly string[]): boolean {
  return queryWords.every((query) => words.some((word) => word.startsWith(query)));
}

/**
 * How well a template matches the query words, best first: 0 when its title in the user's language has
 * them all, 1 with its category in that language too, 2 with both languages; `null` when it does not match.
 */
function matchTier(template: KrTemplate, queryWords: readonly string[], lang: Lang): number | null {
  const other: Lang = lang === 'pl' ? 'en' : 'pl';
  const category = categoryOf(template).name;
  const title = wordsOf(template.title[lang]);
  const inLanguage = [...title, ...wordsOf(category[lang])];
  const tiers = [title, inLanguage, [...inLanguage, ...wordsOf(template.title[other]), ...wordsOf(category[other])]];
  const tier = tiers.findIndex((words) => matchesAll(queryWords, words));
  return tier < 0 ? null : tier;
}

/**
 * Templates whose title or category, in either language, holds every word of the query (a word matches the
 * start of a word, ignoring case and Polish letters). Title matches in the user's language come first, then
 * category matches, then matches in the other language, each in library order; an empty query lists the
 * whole library.
 * @example searchTemplates('wartosc', 'pl').map((t) => t.id) // ['average-contract-value', 'pipeline-value', 'revenue-from-new-clients']
 * @example searchTemplates('win rate', 'en').map((t) => t.id) // ['win-rate']
 */
export function searchTemplates(query: string, lang: Lang): KrTemplate[] {
  const queryWords = wordsOf(query);
  if (queryWords.length === 0) return [...KR_TEMPLATES];
  return KR_TEMPLATES.map((template) => ({ template, tier: matchTier(template, queryWords, lang) }))
    .filter((match): match is { template: KrTemplate; tier: number } => match.tier !== null)
    .sort((a, b) => a.tier - b.tier)
    .map((match) => match.template);
}
