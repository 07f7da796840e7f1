// Every word the OKR sheet shows, in Polish and English: header labels, column titles, the words of the
// dropdowns (level, kind, unit, type) and the reader's problem messages. The dropdown words are also what the
// formulas read back, so each language's words are accepted whatever language the sheet was built in.

import type { Level, Unit } from '../../shared/plan';
import { defineTexts, type Lang } from '../i18n';

export const sheetText = defineTexts(() => [
  {
    title: 'OKR · {quarter} · {team}',
    team: 'Team',
    quarter: 'Quarter',
    quarterStart: 'Quarter start',
    quarterEnd: 'Quarter end',
    asOf: 'As of',
    asOfNote:
      'Today, kept current by the add-on (on opening, on every check-in, and from Extensions ▸ OKR Sheets ▸ Update as-of date). Type a date here to see scores and statuses as of that day.',
    expected: 'Expected progress',
    bands: 'Legend',
    bandsLegend: '🟢 on pace · 🟡 behind · 🔴 far behind',
    bandsNote:
      "Status compares a score with the expected progress (the share of the quarter's weeks gone by the as-of date). 🟢 on pace: score at least {aGreen} of the expected progress. 🟡 behind: at least {aYellow}. 🔴 far behind: less. A committed key result, promised in full, needs {cGreen} for 🟢 and {cYellow} for 🟡.",
    formulaProtection: 'OKR Sheets computes these cells; editing them breaks the scores.',
    frozenProtection: 'Quarter {quarter} is closed: its values are kept as they were.',
    helpKind: 'How the key result is measured: {choices}.',
    helpUnit: 'Unit of start, target and current: {choices}.',
    helpLevel: 'Company, team or individual objective: {choices}.',
    helpType: 'Committed (promised in full: green at 100% of pace) or aspirational (green at 70%).',
    helpOwner: 'Who is responsible for the key result.',
    helpParent: 'The company objective this objective supports.',
    helpNumber: 'A number (a percent as 20% or 0.2).',
    helpWeight: 'Weight of the key result in its objective, 0–100 (1 by default).',
    helpDone: 'Done or not: {yes} / {no}.',
    helpAutoCurrent:
      '⚙ Updates itself: {what}, computed by a formula over the "{sheet}" sheet. Type a number over it to enter the value by hand instead.',
    warnDealsCreated:
      'Key results are fed by the Deals sheet, and there was none: an empty "{name}" sheet was made. Paste or import deals there (Extensions ▸ OKR Sheets ▸ Deals sheet); until then those key results have no value.',
    warnSourceColumns:
      'Key result {id} cannot be computed from the "{sheet}" sheet: it has no {columns} column. Its value stays typed.',
    col_level: 'Level',
    col_objectiveId: 'Objective ID',
    col_objective: 'Objective',
    col_krId: 'KR ID',
    col_keyResult: 'Key result',
    col_owner: 'Owner',
    col_kind: 'Kind',
    col_unit: 'Unit',
    col_start: 'Start',
    col_target: 'Target',
    col_current: 'Current',
    col_weight: 'Weight',
    col_score: 'Score',
    col_objectiveScore: 'Objective score',
    col_status: 'Status',
    col_type: 'Type',
    col_parent: 'Supports',
    col_notes: 'Notes',
    col_initiatives: 'Running initiatives',
    col_minTarget: 'Minimum target',
    col_maxTarget: 'Maximum target',
    col_scenario: 'Scenario reached',
    scenario_belowMinimum: 'below minimum',
    scenario_minimum: 'minimum',
    scenario_standard: 'standard',
    scenario_maximum: 'maximum',
    level_company: 'company',
    level_team: 'team',
    level_individual: 'individual',
    kind_increase: 'increase',
    kind_decrease: 'decrease',
    kind_atLeast: 'at least',
    kind_atMost: 'at most',
    kind_milestone: 'milestone',
    unit_count: 'count',
    unit_percent: '%',
    unit_days: 'days',
    unit_hours: 'hours',
    unit_points: 'points',
    type_committed: 'committed',
    type_aspirational: 'aspirational',
    yes: 'yes',
    no: 'no',
    problemNotANumber: '{field}: "{value}" is not a number',
    problemNotYesNo: '{field}: "{value}" is not {yes} / {no}',
    problemUnknownWord: '{field}: "{value}" is not one of: {choices}',
    problemMissing: '{field} is empty',
    problemMissingColumn: 'column "{field}" was not found (neither by its title nor by the add-on\'s tag)',
    problemDuplicateId: '{field} {value} appears again (first in row {row})',
    problemObjectiveDiffers: '{field} differs from row {row} of the same objective ("{value}")',
    problemNoSettings: 'the sheet carries no OKR settings; was it built by OKR Sheets?',
    problemNoHeader: 'the table header row was not found',
    problemInvalid: '{field}: {message}',
    problemNoKeyResults: 'no key result could be read from the sheet',
    replacedSuffix: 'earlier',
    replacedProtection: 'An earlier version of this quarter, replaced by a new sheet; kept so no data is lost.',
    warnNameTaken: 'A sheet named "{name}" exists already; the quarter was built in "{newName}".',
    warnReplaced: 'The earlier sheet was kept, renamed to "{name}" and protected with a warning.',
    warnPreviousNotFound: "The previous quarter's sheet was not found; nothing was carried over.",
    warnPreviousProblem: 'Previous quarter, row {row}: {message}',
    warnCarryMissing: 'Key result {id} is not in the previous quarter; it was built as planned.',
    warnCarryNoValue: 'Key result {id} had no current value last quarter; its start stays as planned.',
    warnCarryNotInPlan: 'Key result {id} of the previous quarter is marked "{choice}" but is not in the new plan.',
    warnObjectiveDropped: 'Objective {id} has no key results left and was left out.',
    warnPreviousFrozen: 'The previous quarter\'s sheet "{name}" is now closed: values kept, protected with a warning.',
  },
  {
    title: 'OKR · {quarter} · {team}',
    team: 'Zespół',
    quarter: 'Kwartał',
    quarterStart: 'Początek kwartału',
    quarterEnd: 'Koniec kwartału',
    asOf: 'Stan na dzień',
    asOfNote:
      'Dzisiejsza data, aktualizowana przez dodatek (przy otwarciu, przy każdym check-inie i z menu Rozszerzenia ▸ OKR Sheets ▸ Aktualizuj datę stanu). Wpisz tu datę, by zobaczyć wyniki i statusy na ten dzień.',
    expected: 'Oczekiwany postęp',
    bands: 'Legenda',
    bandsLegend: '🟢 zgodnie z tempem · 🟡 opóźnienie · 🔴 duże opóźnienie',
    bandsNote:
      'Status porównuje wynik z oczekiwanym postępem (częścią tygodni kwartału, które minęły do dnia stanu). 🟢 zgodnie z tempem: wynik co najmniej {aGreen} oczekiwanego postępu. 🟡 opóźnienie: co najmniej {aYellow}. 🔴 duże opóźnienie: mniej. Zobowiązujący kluczowy rezultat, obiecany w całości, potrzebuje {cGreen} do 🟢 i {cYellow} do 🟡.',
    formulaProtection: 'Te komórki liczy OKR Sheets; ich edycja psuje wyniki.',
    frozenProtection: 'Kwartał {quarter} jest zamknięty: jego wartości zostają takie, jakie były.',
    helpKind: 'Jak mierzony jest kluczowy rezultat: {choices}.',
    helpUnit: 'Jednostka startu, celu i wartości bieżącej: {choices}.',
    helpLevel: 'Cel firmy, zespołu czy indywidualny: {choices}.',
    helpType: 'Zobowiązujący (obiecany w całości: zielony przy 100% tempa) albo ambitny (zielony przy 70%).',
    helpOwner: 'Kto odpowiada za kluczowy rezultat.',
    helpParent: 'Cel firmy, który ten cel wspiera.',
    helpNumber: 'Liczba (procent jako 20% albo 0,2).',
    helpWeight: 'Waga kluczowego rezultatu w celu, 0–100 (domyślnie 1).',
    helpDone: 'Zrobione czy nie: {yes} / {no}.',
    helpAutoCurrent:
      '⚙ Aktualizuje się sam: {what}, liczone formułą z arkusza „{sheet}”. Wpisz liczbę w to miejsce, aby podawać wartość ręcznie.',
    warnDealsCreated:
      'Kluczowe rezultaty są liczone z arkusza transakcji, a takiego nie było: utworzono pusty arkusz „{name}”. Wklej lub zaimportuj tam transakcje (Rozszerzenia ▸ OKR Sheets ▸ Arkusz transakcji); do tego czasu te rezultaty nie mają wartości.',
    warnSourceColumns:
      'Kluczowego rezultatu {id} nie da się liczyć z arkusza „{sheet}”: brak kolumny {columns}. Jego wartość pozostaje wpisywana.',
    col_level: 'Poziom',
    col_objectiveId: 'ID celu',
    col_objective: 'Cel',
    col_krId: 'ID KR',
    col_keyResult: 'Kluczowy rezultat',
    col_owner: 'Właściciel',
    col_kind: 'Rodzaj',
    col_unit: 'Jednostka',
    col_start: 'Start',
    col_target: 'Wartość docelowa',
    col_current: 'Wartość bieżąca',
    col_weight: 'Waga',
    col_score: 'Wynik',
    col_objectiveScore: 'Wynik celu',
    col_status: 'Status',
    col_type: 'Typ',
    col_parent: 'Wspiera',
    col_notes: 'Notatki',
    col_initiatives: 'Inicjatywy w realizacji',
    col_minTarget: 'Cel minimalny',
    col_maxTarget: 'Cel maksymalny',
    col_scenario: 'Osiągnięty scenariusz',
    scenario_belowMinimum: 'poniżej minimum',
    scenario_minimum: 'minimalny',
    scenario_standard: 'standardowy',
    scenario_maximum: 'maksymalny',
    level_company: 'firma',
    level_team: 'zespół',
    level_individual: 'indywidualny',
    kind_increase: 'wzrost',
    kind_decrease: 'spadek',
    kind_atLeast: 'co najmniej',
    kind_atMost: 'co najwyżej',
    kind_milestone: 'kamień milowy',
    unit_count: 'liczba',
    unit_percent: '%',
    unit_days: 'dni',
    unit_hours: 'godziny',
    unit_points: 'punkty',
    type_committed: 'zobowiązujący',
    type_aspirational: 'ambitny',
    yes: 'tak',
    no: 'nie',
    problemNotANumber: '{field}: „{value}” nie jest liczbą',
    problemNotYesNo: '{field}: „{value}” to nie {yes} / {no}',
    problemUnknownWord: '{field}: „{value}” nie jest jednym z: {choices}',
    problemMissing: 'brak: {field}',
    problemMissingColumn: 'nie znaleziono kolumny „{field}” (ani po tytule, ani po znaczniku dodatku)',
    problemDuplicateId: '{field} {value} występuje ponownie (pierwszy raz w wierszu {row})',
    problemObjectiveDiffers: '{field} różni się od wiersza {row} tego samego celu („{value}”)',
    problemNoSettings: 'arkusz nie ma ustawień OKR; czy zbudował go OKR Sheets?',
    problemNoHeader: 'nie znaleziono wiersza nagłówków tabeli',
    problemInvalid: '{field}: {message}',
    problemNoKeyResults: 'nie udało się odczytać z arkusza żadnego kluczowego rezultatu',
    replacedSuffix: 'wcześniejszy',
    replacedProtection:
      'Wcześniejsza wersja tego kwartału, zastąpiona nowym arkuszem; zachowana, by nie stracić danych.',
    warnNameTaken: 'Arkusz „{name}” już istnieje; kwartał zbudowano w „{newName}”.',
    warnReplaced: 'Wcześniejszy arkusz zachowano pod nazwą „{name}” i objęto ochroną z ostrzeżeniem.',
    warnPreviousNotFound: 'Nie znaleziono arkusza poprzedniego kwartału; niczego nie przeniesiono.',
    warnPreviousProblem: 'Poprzedni kwartał, wiersz {row}: {message}',
    warnCarryMissing: 'Kluczowego rezultatu {id} nie ma w poprzednim kwartale; zbudowano go według planu.',
    warnCarryNoValue: 'Kluczowy rezultat {id} nie miał wartości bieżącej w poprzednim kwartale; start zostaje z planu.',
    warnCarryNotInPlan:
      'Kluczowy rezultat {id} z poprzedniego kwartału ma wybór „{choice}”, ale nie ma go w nowym planie.',
    warnObjectiveDropped: 'Cel {id} nie ma już kluczowych rezultatów i został pominięty.',
    warnPreviousFrozen:
      'Arkusz poprzedniego kwartału „{name}” jest zamknięty: wartości zachowane, ochrona z ostrzeżeniem.',
  },
]);

export type SheetTextKey = Parameters<typeof sheetText>[1];

export const LANGS: readonly Lang[] = ['en', 'pl'];

const CURRENCY_SYMBOLS: Record<string, string> = { PLN: 'zł', EUR: '€', USD: '$', GBP: '£' };

/** The word a currency is shown with in the unit column: `zł` for PLN, the symbol or else the ISO code. */
export function currencyWord(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? currency;
}

/** The unit word of a key result, as the unit column shows it. */
export function unitWord(unit: Unit, currency: string, lang: Lang): string {
  return unit === 'currency' ? currencyWord(currency) : sheetText(lang, `unit_${unit}`);
}

/** The level word of an objective, as the level column shows it. */
export function levelWord(level: Level, lang: Lang): string {
  return sheetText(lang, `level_${level}`);
}

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Reads a level word in either language ("team", "zespół", "zespol"); `null` when it is none. */
export function parseLevel(text: string): Level | null {
  const word = normalize(text);
  for (const lang of LANGS) {
    for (const level of ['company', 'team', 'individual'] as const) {
      if (normalize(levelWord(level, lang)) === word) return level;
    }
  }
  const extra: Record<string, Level> = {
    firmowy: 'company',
    zespol: 'team',
    zespołowy: 'team',
    osobisty: 'individual',
  };
  return extra[word] ?? null;
}

/**
 * Reads a unit word in either language, or a currency symbol or code ("zł", "PLN", "€"); `null` when unknown.
 * @example parseUnit('dni') // { unit: 'days' }
 * @example parseUnit('€') // { unit: 'currency', currency: 'EUR' }
 */
export function parseUnit(text: string): { unit: Unit; currency?: string } | null {
  const word = normalize(text);
  if (word === '') return null;
  for (const [code, symbol] of Object.entries(CURRENCY_SYMBOLS)) {
    if (word === symbol.toLowerCase() || word === code.toLowerCase()) return { unit: 'currency', currency: code };
  }
  for (const lang of LANGS) {
    for (const unit of ['count', 'percent', 'days', 'hours', 'points'] as const) {
      if (normalize(sheetText(lang, `unit_${unit}`)) === word) return { unit };
    }
  }
  const extra: Record<string, Unit> = {
    'szt.': 'count',
    szt: 'count',
    number: 'count',
    percent: 'percent',
    procent: 'percent',
    day: 'days',
    h: 'hours',
    'godz.': 'hours',
    godz: 'hours',
    pts: 'points',
    pkt: 'points',
    'pkt.': 'points',
    punkty: 'points',
  };
  const unit = extra[word];
  if (unit) return { unit };
  // Any other ISO code written in capitals ("CHF") is a currency.
  return /^[A-Z]{3}$/.test(text.trim()) ? { unit: 'currency', currency: text.trim() } : null;
}
