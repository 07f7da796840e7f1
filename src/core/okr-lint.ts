// Gentle warnings on a plan while it is being typed: the common mistakes the OKR guide warns about (an
// activity written as a key result, more than five objectives, revenue with no "how") and slips in the
// numbers (start = target, a decrease whose target is higher, 5 and 0.05 in one percent result). They are
// advice, never errors: the plan can be built anyway. The plan may be half written, so every field may be
// missing, and each warning carries the path of the field it is about, for the sidebar to show it there.

import type { Level, QuarterPlan } from '../shared/plan';
import { defineTexts, type Lang } from './i18n';
import { foldText } from './kr-library';
import { formatNumber } from './number-format';

/** A partly typed value: any field may be missing or `null`, at any depth. */
type Draft<T> = T extends readonly (infer Item)[]
  ? readonly (Draft<Item> | null | undefined)[]
  : T extends object
    ? { [Key in keyof T]?: Draft<T[Key]> | null }
    : T;

/** A quarter plan as the sidebar holds it while the user types. */
export type PlanDraft = Draft<QuarterPlan>;
type ObjectiveDraft = NonNullable<NonNullable<PlanDraft['objectives']>[number]>;
type KeyResultDraft = NonNullable<NonNullable<ObjectiveDraft['keyResults']>[number]>;

export type LintCode =
  | 'activityKeyResult'
  | 'tooManyObjectives'
  | 'revenueOnlyObjective'
  | 'startEqualsTarget'
  | 'decreaseGoesUp'
  | 'increaseGoesDown'
  | 'percentScaleMixed';

export interface LintWarning {
  code: LintCode;
  /** Where in the plan, e.g. `['objectives', 0, 'keyResults', 1, 'title']`. */
  path: (string | number)[];
  message: string;
}

const text = defineTexts(() => [
  {
    activityKeyResult:
      'This key result counts an activity, not an outcome. Ask what the activity should bring: "close 6 new deals" rather than "make 100 calls".',
    tooManyObjectives:
      '{count} {level} objectives: more than 5 leaves no focus. Choose the 3–5 that matter most this quarter.',
    levelCompany: 'company',
    levelTeam: 'team',
    revenueOnlyObjective:
      'All key results of this objective are revenue. Add one on quality, the "how": deal value, ICP fit, win rate, conversion or churn.',
    startEqualsTarget:
      'Start and target are both {value}: this result only holds the level. Fine if that is the aim; otherwise set a target to reach.',
    decreaseGoesUp:
      'This result should decrease, but its target ({target}) is above its start ({start}). Swap them, or make it an increase.',
    increaseGoesDown:
      'This result should increase, but its target ({target}) is below its start ({start}). Swap them, or make it a decrease.',
    percentScaleMixed:
      'Start ({start}) and target ({target}) are written on different scales: as percents, {small} is {smallPercent} but {large} is {largePercent}. Write both the same way, e.g. 5% (or 0.05).',
  },
  {
    activityKeyResult:
      'Ten kluczowy rezultat liczy aktywność, a nie efekt. Zapytaj, co ta aktywność ma przynieść: „zamknąć 6 nowych projektów” zamiast „wykonać 100 telefonów”.',
    tooManyObjectives:
      '{count} celów {level}: więcej niż 5 to brak skupienia. Wybierz 3–5 najważniejszych na ten kwartał.',
    levelCompany: 'firmy',
    levelTeam: 'zespołu',
    revenueOnlyObjective:
      'Wszystkie kluczowe rezultaty tego celu dotyczą przychodu. Dodaj jeden o jakości, czyli o tym „jak”: wartość transakcji, dopasowanie do ICP, win rate, konwersja albo churn.',
    startEqualsTarget:
      'Start i cel są równe ({value}): ten rezultat tylko utrzymuje poziom. W porządku, jeśli o to chodzi; jeśli nie, ustaw cel do osiągnięcia.',
    decreaseGoesUp:
      'Ten rezultat ma maleć, ale cel ({target}) jest wyżej niż start ({start}). Zamień je albo zmień rodzaj na wzrost.',
    increaseGoesDown:
      'Ten rezultat ma rosnąć, ale cel ({target}) jest niżej niż start ({start}). Zamień je albo zmień rodzaj na spadek.',
    percentScaleMixed:
      'Start ({start}) i cel ({target}) zapisano w różnych skalach: w procentach {small} to {smallPercent}, a {large} to {largePercent}. Zapisz oba tak samo, np. 5% (albo 0,05).',
  },
]);

// Titles are matched folded (lower case, no Polish letters), so "spotkań" and "spotkan" are the same word.

/** Things a salesperson does, counted: calls, e-mails, meetings, demos, visits. */
const ACTIVITY_NOUN =
  '(?:calls?|dials?|e-?mails?|mails?|meetings?|demos?|visits?|presentations?|messages?|follow-?ups?|touchpoints?|' +
  'telefon(?:y|ow|u)?|rozmow(?:a|y)?|polaczen(?:ie|ia)?|e-?mail(?:e|i|a)?|maile?|maili|mejl(?:e|i)?|wiadomosci?|' +
  'spotkan(?:ie|ia)?|dema|prezentacj(?:a|e|i)|wizyt(?:a|y)?|follow-?up(?:y|ow)?)';
// Offers and proposals are an activity only when sent ("wysłać 50 ofert"); "3 signed offers" may be deals.
const SENT_NOUN = '(?:ofert(?:a|y)?|proposals?|quotes?|offers?)';

/** A number, then at most one word ("100 cold calls", "20 spotkań"), then the activity. */
const COUNTED_ACTIVITY = new RegExp(`\\d[\\d\\s.,]*\\s*(?:[a-z-]+\\s+)?${ACTIVITY_NOUN}\\b`);
/** "number of (sales) calls", "liczba (odbytych) spotkań". */
const NUMBER_OF_ACTIVITY = new RegExp(
  `\\b(?:number of|no\\. of|liczba|ilosc)\\s+(?:[a-z-]+\\s+){0,2}${ACTIVITY_NOUN}\\b`,
);
/** Doing verbs that make an activity of any of the nouns: "make calls", "wysłać oferty", "odbyć spotkania". */
const DOING_VERB =
  /\b(?:make|send|hold|conduct|book|schedule|run|wykonac|wykonaj|wyslac|wyslij|odbyc|odbadz|przeprowadzic|umowic|zrobic)\b/;
const DONE_NOUN = new RegExp(`\\b(?:${ACTIVITY_NOUN}|${SENT_NOUN})\\b`);
/** Verbs that are activities on their own: "zadzwonić do 100 klientów", "dzwonić codziennie". */
const ACTIVITY_VERB = /\b(?:zadzwonic|zadzwon|dzwonic|telefonowac|odwiedzic|odwiedzac)\b/;
/** English verbs that are activities when a number follows: "call 100 leads", "visit 20 clients". */
const COUNTED_VERB = /\b(?:call|visit|email|e-mail|dial)\s+\d/;

/**
 * Whether a key result title counts an activity instead of an outcome. Activity nouns alone do not make one
 * ("Time to first meeting" is an outcome); they must be counted, done, or be verbs of calling and visiting.
 * @example isActivityTitle('Make 100 calls') // true
 * @example isActivityTitle('Czas od leada do spotkania') // false
 */
export function isActivityTitle(title: string): boolean {
  const folded = foldText(title);
  return (
    COUNTED_ACTIVITY.test(folded) ||
    NUMBER_OF_ACTIVITY.test(folded) ||
    (DOING_VERB.test(folded) && DONE_NOUN.test(folded)) ||
    ACTIVITY_VERB.test(folded) ||
    COUNTED_VERB.test(folded)
  );
}

// Not "sales" or "sprzedaż": "Sales cycle length" is no revenue; a sales amount is in currency anyway.
const REVENUE_WORDS = /\b(?:revenue|turnover|income|bookings|arr|mrr|quota|przychod\w*|obrot\w*|utarg\w*|zl|pln)\b/;
// Quality: how the revenue is made. Checked first, so "Average contract value" and "Net revenue retention"
// count as quality even though they are amounts or name revenue.
const QUALITY_WORDS = new RegExp(
  [
    'average',
    'avg',
    'deal (?:size|value)',
    'contract value',
    'acv',
    'icp',
    'fit',
    'win ?rate',
    'conversion',
    'churn',
    'nps',
    'csat',
    'satisfaction',
    'retention',
    'nrr',
    'margin',
    'srednia',
    'sredni',
    'wartosc (?:transakcji|kontraktu|umowy|deala|zamowienia)',
    'konwersj\\w*',
    'retencj\\w*',
    'marz\\w*',
    'dopasowani\\w*',
    'zadowoleni\\w*',
    'skutecznosc\\w*',
  ]
    .map((word) => `\\b${word}\\b`)
    .join('|'),
);

/**
 * Whether a key result is about quality, the "how" of revenue: deal value, ICP fit, win rate, conversion,
 * churn, NPS, retention, margin.
 * @example isQualityKeyResult({ title: 'Average contract value', unit: 'currency' }) // true
 */
export function isQualityKeyResult(keyResult: KeyResultDraft): boolean {
  return typeof keyResult.title === 'string' && QUALITY_WORDS.test(foldText(keyResult.title));
}

/**
 * Whether a key result is a revenue amount: measured in currency or named by a revenue word.
 * @example isRevenueKeyResult({ title: 'Przychód z nowych klientów', unit: 'count' }) // true
 */
export function isRevenueKeyResult(keyResult: KeyResultDraft): boolean {
  if (isQualityKeyResult(keyResult)) return false;
  return (
    keyResult.unit === 'currency' ||
    (typeof keyResult.title === 'string' && REVENUE_WORDS.test(foldText(keyResult.title)))
  );
}

/** A number the user has typed, or `null` while the field is empty or not a number yet. */
function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether a key result has anything typed in yet; empty rows of a form are not judged. */
function isStarted(keyResult: KeyResultDraft): boolean {
  const titled = typeof keyResult.title === 'string' && keyResult.title.trim() !== '';
  return titled || keyResult.unit != null || numberOf(keyResult.start) !== null || numberOf(keyResult.target) !== null;
}

/** Warnings about the numbers of one key result: start = target, direction, percent scale. */
function numberWarnings(keyResult: KeyResultDraft, path: (string | number)[], lang: Lang): LintWarning[] {
  const start = numberOf(keyResult.start);
  const target = numberOf(keyResult.target);
  if (start === null || target === null || keyResult.kind === 'milestone') return [];
  const show = (value: number) => formatNumber(value, lang, 6);
  const warnings: LintWarning[] = [];
  if (start === target) {
    warnings.push({
      code: 'startEqualsTarget',
      path: [...path, 'target'],
      message: text(lang, 'startEqualsTarget', { value: show(start) }),
    });
  } else if (keyResult.kind === 'decrease' && start < target) {
    warnings.push({
      code: 'decreaseGoesUp',
      path: [...path, 'target'],
      message: text(lang, 'decreaseGoesUp', { start: show(start), target: show(target) }),
    });
  } else if (keyResult.kind === 'increase' && start > target) {
    warnings.push({
      code: 'increaseGoesDown',
      path: [...path, 'target'],
      message: text(lang, 'increaseGoesDown', { start: show(start), target: show(target) }),
    });
  }
  if (keyResult.unit === 'percent' && isMixedPercentScale(start, target)) {
    const [small, large] = start < target ? [start, target] : [target, start];
    warnings.push({
      code: 'percentScaleMixed',
      // The whole-number one is the odd one out: a percent cell holds 5% as 0.05.
      path: [...path, large === start ? 'start' : 'target'],
      message: text(lang, 'percentScaleMixed', {
        start: show(start),
        target: show(target),
        small: show(small),
        smallPercent: `${formatNumber(small * 100, lang, 4)}%`,
        large: show(large),
        largePercent: `${formatNumber(large * 100, lang, 4)}%`,
      }),
    });
  }
  return warnings;
}

/**
 * Whether two percent values look written on different scales, one as a fraction and one as whole percents
 * (0.05 and 5). Zero reads the same on both scales, and values near 100% (0.95 → 1.1, a retention of 110%)
 * are real, so it takes a value above 1, another between 0 and 1, and ten times between them.
 * @example isMixedPercentScale(0.05, 5) // true
 * @example isMixedPercentScale(0.95, 1.1) // false
 */
export function isMixedPercentScale(start: number, target: number): boolean {
  const [small, large] = start < target ? [start, target] : [target, start];
  return large > 1 && small > 0 && small < 1 && large >= 10 * small;
}

/** Objectives per level, the level read as `team` while it is not chosen; individual ones belong to many people. */
function tooManyObjectives(objectives: readonly (ObjectiveDraft | null | undefined)[], lang: Lang): LintWarning[] {
  const counts: Partial<Record<Level, number>> = {};
  for (const objective of objectives) {
    if (!objective) continue;
    const level = objective.level ?? 'team';
    counts[level] = (counts[level] ?? 0) + 1;
  }
  const levels: { level: Level; name: 'levelCompany' | 'levelTeam' }[] = [
    { level: 'company', name: 'levelCompany' },
    { level: 'team', name: 'levelTeam' },
  ];
  return levels
    .filter(({ level }) => (counts[level] ?? 0) > 5)
    .map(({ level, name }) => ({
      code: 'tooManyObjectives' as const,
      path: ['objectives'],
      message: text(lang, 'tooManyObjectives', { count: counts[level] ?? 0, level: text(lang, name) }),
    }));
}

/**
 * The OKR lint: gentle warnings on a plan being typed, in the given language (the plan's own by default).
 * An activity instead of an outcome, more than 5 objectives at a level, an objective with revenue key
 * results only, start = target, a direction the numbers contradict, and percents on mixed scales.
 * @example lintPlan({ objectives: [{ title: 'Grow', keyResults: [{ title: 'Make 100 calls' }] }] }, 'en')[0].code // 'activityKeyResult'
 */
export function lintPlan(plan: PlanDraft, lang: Lang = plan.language ?? 'en'): LintWarning[] {
  const objectives = plan.objectives ?? [];
  const warnings = tooManyObjectives(objectives, lang);
  objectives.forEach((objective, objectiveIndex) => {
    if (!objective) return;
    const started = (objective.keyResults ?? []).flatMap((keyResult, index) =>
      keyResult && isStarted(keyResult) ? [{ keyResult, index }] : [],
    );
    if (started.length > 0 && started.every(({ keyResult }) => isRevenueKeyResult(keyResult))) {
      warnings.push({
        code: 'revenueOnlyObjective',
        path: ['objectives', objectiveIndex],
        message: text(lang, 'revenueOnlyObjective'),
      });
    }
    for (const { keyResult, index } of started) {
      const path = ['objectives', objectiveIndex, 'keyResults', index];
      if (typeof keyResult.title === 'string' && isActivityTitle(keyResult.title)) {
        warnings.push({
          code: 'activityKeyResult',
          path: [...path, 'title'],
          message: text(lang, 'activityKeyResult'),
        });
      }
      warnings.push(...numberWarnings(keyResult, path, lang));
    }
  });
  return warnings;
}
