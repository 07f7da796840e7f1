// The server side of the sidebar: the functions google.script.run calls. Every payload is parsed with the
// shared zod/mini schemas before anything uses it; what is wrong comes back as one message per field, in
// the user's language and naming the field, for the sidebar to show next to it (zod/mini's own message is
// only "Invalid input", so issues are mapped by path and code to the texts below).

import { isBlank, parseNumberText } from '../core/cell-values';
import { effectiveGrade, gradeBand } from '../core/close/grades';
import { defineTexts, type Lang } from '../core/i18n';
import { assignInitiativeIds } from '../core/initiatives/initiatives';
import { KR_SOURCE_INFO, sourceTitle } from '../core/kr-library';
import { unitWord } from '../core/okr-sheet/texts';
import { quarterFromLabel, quarterToPlan } from '../core/quarter';
import type { KrSource, QuarterPlan, QuarterRef } from '../shared/plan';
import {
  type CarryChoice,
  type FieldError,
  type PreviousGrade,
  type PreviousQuarter,
  type SaveSettingsResult,
  type SettingsState,
  type SidebarState,
  type SubmitPayload,
  type SubmitResult,
  settingsSchema,
  submitPayloadSchema,
} from '../shared/sidebar-api';
import { withDocumentLock } from './document-lock';
import { findGradesSheet, readGradesSheet } from './grades-sheet';
import { spreadsheetLang } from './language';
import { findQuarterSheets, type QuarterSheetInfo, readQuarter } from './okr-sheet-reader';
import { buildQuarter } from './quarter-builder';
import { readSettings, rememberTeamName, writeSettings } from './settings';

const texts = defineTexts(() => [
  {
    // Field names, as the sidebar labels them.
    team: 'Team name',
    teamName: 'Default team name',
    objectives: 'Objectives',
    objective: 'Objective {id}',
    objectiveTitle: 'Title of objective {id}',
    level: 'Level of objective {id}',
    parent: 'The company objective {id} supports',
    krTitle: 'Title of key result {id}',
    kind: 'Kind of {id}',
    unit: 'Unit of {id}',
    krCurrency: 'Currency of {id}',
    start: 'Start of {id}',
    target: 'Target of {id}',
    minTarget: 'Minimum target of {id}',
    maxTarget: 'Maximum target of {id}',
    current: 'Current value of {id}',
    weight: 'Weight of {id}',
    owner: 'Owner of {id}',
    committed: 'Committed or aspirational ({id})',
    notes: 'Notes of {id}',
    source: 'Where the current value of {id} comes from',
    quarter: 'Quarter',
    year: 'Year',
    quarterStart: 'First day of the quarter',
    quarterEnd: 'Last day of the quarter',
    fiscalStartMonth: 'Month the fiscal year starts',
    language: 'Language',
    levels: 'Levels',
    currency: 'Currency',
    formulaStyle: 'Formula style',
    carry: 'Key result {id} of the previous quarter',
    previousSheet: 'The previous quarter',
    form: 'The form',
    levelCompany: 'company',
    levelTeam: 'team',
    levelIndividual: 'individual',
    // Messages.
    notANumber: '{field}: “{value}” is not a number',
    required: '{field} is required',
    empty: '{field} must not be empty',
    tooLong: '{field} is too long: at most {max} characters',
    between: '{field} must be between {min} and {max}',
    atLeast: '{field} must be at least {min}',
    atMost: '{field} must be at most {max}',
    wholeNumber: '{field} must be a whole number',
    choose: '{field}: choose one of the options',
    chooseFrom: '{field}: “{value}” is not one of: {allowed}',
    dateOutOfRange: '{field}: {value} is outside the years 1900–2100',
    currencyCode: '{field}: use a three-letter code such as PLN or EUR',
    date: '{field}: use a date such as 2027-01-31',
    notADay: '{field}: “{value}” is not a day of the calendar',
    invalid: '{field} is not valid',
    noObjectives: 'Add at least one objective',
    tooManyObjectives: 'At most {max} objectives in one quarter',
    noKeyResults: 'Objective {id} needs at least one key result',
    tooManyKeyResults: 'Objective {id}: at most {max} key results',
    noLevels: 'Choose at least one level',
    targetRequired: '{field} is required (only a milestone has none)',
    minAboveTarget:
      '{field}: {value} is above the target {target}; for a rising result the minimum is at most the target',
    maxBelowTarget:
      '{field}: {value} is below the target {target}; for a rising result the maximum is at least the target',
    minBelowTarget:
      '{field}: {value} is below the target {target}; for a falling result the minimum scenario is at least the target',
    maxAboveTarget:
      '{field}: {value} is above the target {target}; for a falling result the maximum scenario is at most the target',
    scenarioNeedsTarget: '{field}: a milestone has no scenarios; leave it empty',
    sourceMilestone: '{field}: a milestone is done or not; it cannot be computed from deals',
    sourceUnit: '{field}: “{source}” is a number in {unit}; set the unit of {id} to {unit}',
    decreaseNeedsStart:
      '{field} is required for a decreasing result; for a ceiling with no start choose “at most” instead',
    levelNotUsed: 'Objective {id} is at the {level} level, which is not among the levels chosen',
    unknownParent: '{field}: {value} is not a company objective of this quarter',
    companyHasNoParent: 'Objective {id} is a company objective, so it supports no other objective',
    endBeforeStart: 'The last day of the quarter is before its first day',
    buildFailed: 'The OKR sheet could not be created: {reason}',
    notAQuarterSheet: '{field}: the sheet “{value}” is not a quarter sheet of OKR Sheets',
    saveFailed: 'The settings could not be saved: {reason}',
    initiative: 'Initiative {id}',
    initiativeKeyResult: 'The KR initiative {id} serves',
    task: 'Task {number}',
    taskInitiative: 'The initiative of task {number}',
    unknownKeyResult: '{field}: {value} is not a key result of this quarter',
    unknownInitiative: '{field}: {value} is not an initiative of this plan',
    duplicateInitiative: '{field}: the id {value} is used by an earlier initiative',
  },
  {
    team: 'Nazwa zespołu',
    teamName: 'Domyślna nazwa zespołu',
    objectives: 'Cele',
    objective: 'Cel {id}',
    objectiveTitle: 'Nazwa celu {id}',
    level: 'Poziom celu {id}',
    parent: 'Cel firmy, który wspiera {id}',
    krTitle: 'Nazwa kluczowego rezultatu {id}',
    kind: 'Rodzaj {id}',
    unit: 'Jednostka {id}',
    krCurrency: 'Waluta {id}',
    start: 'Wartość startowa {id}',
    target: 'Wartość docelowa {id}',
    minTarget: 'Cel minimalny {id}',
    maxTarget: 'Cel maksymalny {id}',
    current: 'Wartość bieżąca {id}',
    weight: 'Waga {id}',
    owner: 'Właściciel {id}',
    committed: 'Zobowiązanie czy ambicja ({id})',
    notes: 'Notatki {id}',
    source: 'Źródło bieżącej wartości {id}',
    quarter: 'Kwartał',
    year: 'Rok',
    quarterStart: 'Pierwszy dzień kwartału',
    quarterEnd: 'Ostatni dzień kwartału',
    fiscalStartMonth: 'Miesiąc początku roku obrotowego',
    language: 'Język',
    levels: 'Poziomy',
    currency: 'Waluta',
    formulaStyle: 'Styl formuł',
    carry: 'Kluczowy rezultat {id} poprzedniego kwartału',
    previousSheet: 'Poprzedni kwartał',
    form: 'Formularz',
    levelCompany: 'firmy',
    levelTeam: 'zespołu',
    levelIndividual: 'indywidualnym',
    notANumber: '{field}: „{value}” nie jest liczbą',
    required: '{field}: to pole jest wymagane',
    empty: '{field}: to pole nie może być puste',
    tooLong: '{field}: za długie, najwyżej {max} znaków',
    between: '{field}: wartość musi być między {min} a {max}',
    atLeast: '{field}: wartość musi wynosić co najmniej {min}',
    atMost: '{field}: wartość może wynosić najwyżej {max}',
    wholeNumber: '{field}: wartość musi być liczbą całkowitą',
    choose: '{field}: wybierz jedną z opcji',
    chooseFrom: '{field}: „{value}” nie jest jednym z: {allowed}',
    dateOutOfRange: '{field}: {value} jest poza latami 1900–2100',
    currencyCode: '{field}: użyj trzyliterowego kodu, np. PLN lub EUR',
    date: '{field}: podaj datę, np. 2027-01-31',
    notADay: '{field}: „{value}” nie jest dniem kalendarza',
    invalid: '{field}: nieprawidłowa wartość',
    noObjectives: 'Dodaj co najmniej jeden cel',
    tooManyObjectives: 'Najwyżej {max} celów w jednym kwartale',
    noKeyResults: 'Cel {id} potrzebuje co najmniej jednego kluczowego rezultatu',
    tooManyKeyResults: 'Cel {id}: najwyżej {max} kluczowych rezultatów',
    noLevels: 'Wybierz co najmniej jeden poziom',
    targetRequired: '{field}: to pole jest wymagane (nie ma go tylko kamień milowy)',
    minAboveTarget: '{field}: {value} jest powyżej celu {target}; dla wyniku rosnącego minimum nie przekracza celu',
    maxBelowTarget: '{field}: {value} jest poniżej celu {target}; dla wyniku rosnącego maksimum jest co najmniej celem',
    minBelowTarget:
      '{field}: {value} jest poniżej celu {target}; dla wyniku malejącego scenariusz minimalny jest co najmniej celem',
    maxAboveTarget:
      '{field}: {value} jest powyżej celu {target}; dla wyniku malejącego scenariusz maksymalny nie przekracza celu',
    scenarioNeedsTarget: '{field}: kamień milowy nie ma scenariuszy; zostaw to pole puste',
    sourceMilestone: '{field}: kamień milowy jest zrobiony albo nie; nie da się go liczyć z transakcji',
    sourceUnit: '{field}: „{source}” to liczba w jednostce {unit}; ustaw jednostkę {id} na {unit}',
    decreaseNeedsStart:
      '{field}: wynik malejący potrzebuje wartości startowej; dla samego limitu bez startu wybierz „co najwyżej”',
    levelNotUsed: 'Cel {id} jest na poziomie {level}, którego nie wybrano wśród poziomów',
    unknownParent: '{field}: {value} nie jest celem firmy w tym kwartale',
    companyHasNoParent: 'Cel {id} jest celem firmy, więc nie wspiera innego celu',
    endBeforeStart: 'Ostatni dzień kwartału jest przed pierwszym',
    buildFailed: 'Nie udało się utworzyć arkusza OKR: {reason}',
    notAQuarterSheet: '{field}: arkusz „{value}” nie jest arkuszem kwartału OKR Sheets',
    saveFailed: 'Nie udało się zapisać ustawień: {reason}',
    initiative: 'Inicjatywa {id}',
    initiativeKeyResult: 'KR, któremu służy inicjatywa {id}',
    task: 'Zadanie {number}',
    taskInitiative: 'Inicjatywa zadania {number}',
    unknownKeyResult: '{field}: {value} nie jest kluczowym rezultatem tego kwartału',
    unknownInitiative: '{field}: {value} nie jest inicjatywą tego planu',
    duplicateInitiative: '{field}: id {value} ma już wcześniejsza inicjatywa',
  },
]);

type TextKey = Parameters<typeof texts>[1];

const LEVEL_KEYS = { company: 'levelCompany', team: 'levelTeam', individual: 'levelIndividual' } as const;

// ---------------------------------------------------------------------------------------------------------
// The public functions (entry points).

/** Everything the New quarter sidebar needs to open: language, defaults, and the previous quarter to carry over. */
export function getSidebarState(): SidebarState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locale = spreadsheet.getSpreadsheetLocale();
  const settings = readSettings(locale);
  const today = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  const quarterSheets = findQuarterSheets(spreadsheet);
  const previous = previousQuarter(spreadsheet, quarterSheets);
  return {
    lang: spreadsheetLang(),
    locale,
    today,
    settings,
    defaults: {
      quarter: nextQuarter(quarterSheets, previous, today, settings.fiscalStartMonth),
      team: settings.teamName || previous?.team || '',
      levels: previous?.levels ?? ['company', 'team'],
      currency: previous?.currency ?? settings.currency,
      formulaStyle: previous?.formulaStyle ?? settings.formulaStyle,
    },
    previousQuarter: previous,
  };
}

/** Validates the plan, then builds the quarter's OKR sheet; field messages when anything is wrong. */
export function submitQuarter(payload: unknown): SubmitResult {
  const lang = spreadsheetLang();
  const parsed = parseSubmitPayload(payload, lang);
  if (!parsed.ok) return parsed;
  const { plan, previousSheetId, carryOver, replaceExisting } = parsed.value;
  if (typeof previousSheetId === 'number') {
    const refused = notAQuarterSheet(previousSheetId, lang);
    if (refused) return { ok: false, errors: [refused] };
  }
  let result: ReturnType<typeof buildQuarter>;
  try {
    result = buildQuarter(plan, {
      replaceExisting: replaceExisting ?? false,
      ...(typeof previousSheetId === 'number' ? { previousSheetId } : {}),
      ...(carryOver ? { carryOver: carryOver as Record<string, CarryChoice> } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: texts(lang, 'buildFailed', { reason }) }] };
  }
  rememberTeamName(plan.team);
  return {
    ok: true,
    sheetName: result.sheetName,
    sheetId: result.sheetId,
    created: result.created,
    warnings: result.warnings.map((warning: unknown) => warningText(warning)),
    ...(result.initiativesSheetName ? { initiativesSheetName: result.initiativesSheetName } : {}),
  };
}

/** The stored settings, for the Settings view. */
export function getSettings(): SettingsState {
  const locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  return { lang: spreadsheetLang(), settings: readSettings(locale) };
}

/** Validates and stores the settings; answers with the settings as now stored and the language they give. */
export function saveSettings(payload: unknown): SaveSettingsResult {
  const lang = spreadsheetLang();
  const parsed = settingsSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues, payload, 'settings', lang) };
  try {
    withDocumentLock(() => writeSettings(parsed.data));
  } catch (error) {
    // A lock timeout (another execution is writing) answers like the other write paths, not as a failure
    // the sidebar can only show in English.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: texts(lang, 'saveFailed', { reason }) }] };
  }
  return { ok: true, ...getSettings() };
}

/**
 * Carry-over closes the previous sheet (protects it): a sheet that exists but is no quarter sheet of the
 * add-on (Sheet1, a check-in tab, History) is refused before anything is written. A sheet that is gone is
 * left to the builder, which warns and builds without carry-over.
 */
function notAQuarterSheet(sheetId: number, lang: Lang): FieldError | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetById(sheetId);
  if (!sheet || findQuarterSheets(spreadsheet).some((info) => info.sheetId === sheetId)) return null;
  const field = texts(lang, 'previousSheet');
  return { path: 'previousSheetId', message: texts(lang, 'notAQuarterSheet', { field, value: sheet.getName() }) };
}

// ---------------------------------------------------------------------------------------------------------
// State.

/**
 * The quarter to plan (core/quarter.ts `quarterToPlan`): the one after the latest quarter the spreadsheet
 * has, planned or closed (read from each quarter sheet's label, and the previous plan's own quarter), unless
 * that one has ended; else today's quarter in its first three weeks, or the next one.
 */
function nextQuarter(
  quarterSheets: readonly QuarterSheetInfo[],
  previous: PreviousQuarter | null,
  today: string,
  fiscalStartMonth: number,
): QuarterRef {
  const planned = quarterSheets.flatMap((info) => quarterFromLabel(info.label) ?? []);
  return quarterToPlan(today, fiscalStartMonth, previous ? [...planned, previous.quarter] : planned);
}

/**
 * The quarter a new one continues from: the last quarter sheet (in tab order) not yet closed, else the last
 * one; `null` when there is none, or when it cannot be read into a plan (the sidebar then starts blank).
 */
function previousQuarter(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  found: readonly QuarterSheetInfo[],
): PreviousQuarter | null {
  const open = found.filter((info) => !info.frozen);
  const latest = open[open.length - 1] ?? found[found.length - 1];
  if (!latest) return null;
  const reading = readQuarter(latest.sheet);
  const plan = reading.plan;
  if (!plan) return null;
  const currentById = new Map(reading.rows.map((row) => [row.id.toLowerCase(), row.current]));
  const grades = previousGrades(spreadsheet, reading.settings?.label ?? latest.label);
  return {
    sheetName: latest.name,
    sheetId: latest.sheetId,
    label: reading.settings?.label ?? latest.label,
    quarter: plan.quarter,
    team: plan.team,
    levels: plan.levels,
    currency: plan.currency,
    formulaStyle: plan.formulaStyle,
    keyResults: plan.objectives.flatMap((objective, o) => {
      const objectiveId = objective.id ?? `O${o + 1}`;
      return objective.keyResults.map((keyResult, k) => {
        const id = keyResult.id ?? `${objectiveId}.${k + 1}`;
        return {
          id,
          title: keyResult.title,
          kind: keyResult.kind,
          unit: keyResult.unit,
          currency: keyResult.currency ?? null,
          start: keyResult.start,
          target: keyResult.target,
          current: keyResult.current ?? currentById.get(id.toLowerCase()) ?? null,
          source: keyResult.source ?? null,
          weight: keyResult.weight,
          owner: keyResult.owner,
          committed: keyResult.committed,
          objectiveId,
          objectiveTitle: objective.title,
          objectiveLevel: objective.level,
          objectiveParent: objective.parent ?? null,
          ...(grades?.byId.has(id.toLowerCase()) ? { grade: grades.byId.get(id.toLowerCase()) as PreviousGrade } : {}),
        };
      });
    }),
    ...(grades ? { closingNote: grades.closingNote } : {}),
  };
}

/** The grades of a closed quarter by KR id (lower case), from its Grades sheet; `null` when it was not closed. */
function previousGrades(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  label: string,
): { closingNote: string; byId: Map<string, PreviousGrade> } | null {
  const sheet = findGradesSheet(spreadsheet, label);
  const reading = sheet ? readGradesSheet(sheet) : null;
  if (!reading) return null;
  const byId = new Map<string, PreviousGrade>();
  for (const grade of reading.grades) {
    const override = grade.override?.value ?? null;
    const counted = effectiveGrade(grade.score, grade.override);
    byId.set(grade.id.toLowerCase(), {
      score: grade.score,
      override,
      band: counted === null ? null : gradeBand(counted, grade.committed),
      note: grade.note,
    });
  }
  return { closingNote: reading.closingNote, byId };
}

function warningText(warning: unknown): string {
  if (typeof warning === 'string') return warning;
  if (warning && typeof warning === 'object' && 'message' in warning) return String(warning.message);
  return String(warning);
}

// ---------------------------------------------------------------------------------------------------------
// Validation.

type Parsed = { ok: true; value: SubmitPayload } | { ok: false; errors: FieldError[] };

/** Parses a submitQuarter payload: the schema first, then the rules that span fields. */
export function parseSubmitPayload(payload: unknown, lang: Lang): Parsed {
  const read = withNumbersRead(payload);
  const parsed = submitPayloadSchema().safeParse(read);
  if (!parsed.success) {
    // Every problem in one answer: the rules run on what could be read, and name the fields the schema
    // did not already (a bad date is not held back until the other fields are fixed).
    const errors = fieldErrors(parsed.error.issues, payload, 'submit', lang);
    const taken = new Set(errors.map((error) => error.path));
    const plan = (read as { plan?: unknown } | null)?.plan;
    const rules = plan && typeof plan === 'object' ? planRuleErrors(plan as LoosePlan, lang) : [];
    return { ok: false, errors: [...errors, ...rules.filter((error) => !taken.has(error.path))] };
  }
  const errors = planRuleErrors(parsed.data.plan, lang);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

const NUMBER_FIELDS = ['start', 'target', 'minTarget', 'maxTarget', 'current', 'weight'] as const;

/**
 * The payload with a key result's numbers written as text (`"250 000"`, `"1,5 mln"`, `"35%"`, as a plan
 * file may hold them) read by the core's one reader, the plan language's decimal mark as the hint. Text
 * that is no number is left for the schema to name. The payload itself is not changed.
 */
function withNumbersRead(payload: unknown): unknown {
  const plan = (payload as { plan?: unknown } | null)?.plan as Record<string, unknown> | undefined;
  if (!plan || typeof plan !== 'object' || !Array.isArray(plan.objectives)) return payload;
  const decimal = plan.language === 'pl' ? ',' : plan.language === 'en' ? '.' : undefined;
  const objectives = plan.objectives.map((objective: unknown) => {
    const keyResults = (objective as { keyResults?: unknown } | null)?.keyResults;
    if (!Array.isArray(keyResults)) return objective;
    return {
      ...(objective as object),
      keyResults: keyResults.map((keyResult: unknown) => {
        if (!keyResult || typeof keyResult !== 'object') return keyResult;
        const read: Record<string, unknown> = { ...keyResult };
        for (const field of NUMBER_FIELDS) {
          const value = read[field];
          if (typeof value !== 'string') continue;
          // A blank start, target or current ("", "-") is none, as in the sidebar; a blank weight is refused.
          if (isBlank(value)) {
            if (field !== 'weight') read[field] = null;
            continue;
          }
          const number = parseNumberText(value, decimal);
          if (number !== null) read[field] = number;
        }
        return read;
      }),
    };
  });
  return { ...(payload as object), plan: { ...plan, objectives } };
}

/** A plan as the rules read it: the schema's shape, or whatever a refused payload holds. */
type LoosePlan = { [K in keyof QuarterPlan]?: unknown };

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * What the schema cannot say: targets, baselines, levels, alignment and dates that must agree. It reads the
 * plan loosely, so it also runs on a plan the schema refused, checking what can be checked.
 */
function planRuleErrors(plan: LoosePlan, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, key: TextKey, params: Record<string, string | number> = {}) =>
    errors.push({ path: `plan.${path}`, message: texts(lang, key, params) });

  const quarter = record(plan.quarter);
  if (quarter?.kind === 'custom') {
    let readable = true;
    for (const side of ['start', 'end'] as const) {
      const iso = quarter[side];
      const field = texts(lang, side === 'start' ? 'quarterStart' : 'quarterEnd');
      if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) readable = false;
      else if (!isCalendarDay(iso)) {
        add(`quarter.${side}`, 'notADay', { field, value: iso });
        readable = false;
      } else if (iso < '1900-01-01' || iso > '2100-12-31') {
        add(`quarter.${side}`, 'dateOutOfRange', { field, value: iso });
        readable = false;
      }
    }
    if (readable && (quarter.end as string) < (quarter.start as string)) add('quarter.end', 'endBeforeStart');
  }

  const objectives = Array.isArray(plan.objectives) ? plan.objectives.map(record) : [];
  const keyResultIds = new Set<string>();
  const levels = Array.isArray(plan.levels) ? plan.levels : null;
  const idOf = (objective: Record<string, unknown>, o: number) =>
    objectiveId(o, typeof objective.id === 'string' ? objective.id : undefined);
  const companyIds = new Set(
    objectives.flatMap((objective, o) => (objective?.level === 'company' ? [idOf(objective, o)] : [])),
  );
  objectives.forEach((objective, o) => {
    if (!objective) return;
    const id = idOf(objective, o);
    const at = `objectives.${o}`;
    const level = objective.level;
    if (levels && (level === 'company' || level === 'team' || level === 'individual') && !levels.includes(level)) {
      add(`${at}.level`, 'levelNotUsed', { id, level: texts(lang, LEVEL_KEYS[level]) });
    }
    const parent = typeof objective.parent === 'string' ? objective.parent.trim() : '';
    if (parent) {
      if (level === 'company') add(`${at}.parent`, 'companyHasNoParent', { id });
      else if (!companyIds.has(parent)) {
        add(`${at}.parent`, 'unknownParent', { field: texts(lang, 'parent', { id }), value: parent });
      }
    }
    const keyResults = Array.isArray(objective.keyResults) ? objective.keyResults.map(record) : [];
    keyResults.forEach((keyResult, k) => {
      if (!keyResult) return;
      const krId = (typeof keyResult.id === 'string' && keyResult.id.trim()) || `${id}.${k + 1}`;
      keyResultIds.add(krId.toLowerCase());
      if (keyResult.kind !== 'milestone' && keyResult.target === null) {
        add(`${at}.keyResults.${k}.target`, 'targetRequired', { field: texts(lang, 'target', { id: krId }) });
      }
      if (keyResult.kind === 'decrease' && keyResult.start === null) {
        add(`${at}.keyResults.${k}.start`, 'decreaseNeedsStart', { field: texts(lang, 'start', { id: krId }) });
      }
      const source = sourceError(keyResult, krId, typeof plan.currency === 'string' ? plan.currency : 'PLN', lang);
      if (source) add(`${at}.keyResults.${k}.source`, ...source);
      for (const error of scenarioErrors(keyResult, krId, lang))
        add(`${at}.keyResults.${k}.${error.field}`, ...error.message);
    });
  });
  // Initiatives name KRs of this plan, tasks name its initiatives: a reference to nothing is refused here
  // rather than written as a flag the user must find later.
  const initiatives = Array.isArray(plan.initiatives) ? plan.initiatives.map(record) : [];
  const initiativeIds = new Set<string>();
  const assigned = initiativeIdsOf(plan.initiatives);
  initiatives.forEach((initiative, i) => {
    if (!initiative) return;
    const id = assigned[i] as string;
    const given = typeof initiative.id === 'string' ? initiative.id.trim() : '';
    if (given && initiativeIds.has(given.toLowerCase())) {
      add(`initiatives.${i}.id`, 'duplicateInitiative', {
        field: texts(lang, 'initiative', { id: `#${i + 1}` }),
        value: given,
      });
    }
    initiativeIds.add(id.toLowerCase());
    const keyResult = typeof initiative.keyResultId === 'string' ? initiative.keyResultId.trim() : '';
    if (keyResult && !keyResultIds.has(keyResult.toLowerCase())) {
      add(`initiatives.${i}.keyResultId`, 'unknownKeyResult', {
        field: texts(lang, 'initiativeKeyResult', { id }),
        value: keyResult,
      });
    }
  });
  const tasks = Array.isArray(plan.tasks) ? plan.tasks.map(record) : [];
  tasks.forEach((task, t) => {
    const initiative = typeof task?.initiativeId === 'string' ? task.initiativeId.trim() : '';
    if (initiative && !initiativeIds.has(initiative.toLowerCase())) {
      add(`tasks.${t}.initiativeId`, 'unknownInitiative', {
        field: texts(lang, 'taskInitiative', { number: t + 1 }),
        value: initiative,
      });
    }
  });
  return errors;
}

/** The initiatives' ids as the builder gives them: their own, else I1, I2… (as the sheet shows them). */
function initiativeIdsOf(initiatives: unknown): string[] {
  const list = Array.isArray(initiatives) ? initiatives.map(record) : [];
  return assignInitiativeIds(
    list.map((initiative) => (typeof initiative?.id === 'string' ? initiative.id : undefined)),
  );
}

/** A source feeds a number in one unit: the KR must be in that unit, and no milestone. */
function sourceError(
  keyResult: Record<string, unknown>,
  krId: string,
  currency: string,
  lang: Lang,
): [TextKey, Record<string, string | number>] | null {
  const source = keyResult.source;
  if (typeof source !== 'string' || !(source in KR_SOURCE_INFO)) return null;
  const field = texts(lang, 'source', { id: krId });
  if (keyResult.kind === 'milestone') return ['sourceMilestone', { field }];
  const info = KR_SOURCE_INFO[source as KrSource];
  if (keyResult.unit === info.unit) return null;
  const unit = unitWord(info.unit, currency, lang);
  return ['sourceUnit', { field, source: sourceTitle(source as KrSource, lang), unit, id: krId }];
}

/**
 * The minimum and maximum scenarios must lie on either side of the target: min ≤ target ≤ max for a rising
 * KR, reversed for a falling one (decrease, at most, or a target below the start), so "minimum" is always
 * the least the team settles for. A milestone has none.
 */
function scenarioErrors(
  keyResult: Record<string, unknown>,
  krId: string,
  lang: Lang,
): { field: 'minTarget' | 'maxTarget'; message: [TextKey, Record<string, string | number>] }[] {
  const errors: { field: 'minTarget' | 'maxTarget'; message: [TextKey, Record<string, string | number>] }[] = [];
  const { target, start, kind } = keyResult;
  const falling =
    kind === 'decrease' ||
    kind === 'atMost' ||
    (kind !== 'increase' && typeof start === 'number' && typeof target === 'number' && target < start);
  for (const side of ['minTarget', 'maxTarget'] as const) {
    const value = keyResult[side];
    if (typeof value !== 'number') continue;
    const field = texts(lang, side, { id: krId });
    if (kind === 'milestone') {
      errors.push({ field: side, message: ['scenarioNeedsTarget', { field }] });
      continue;
    }
    if (typeof target !== 'number') continue;
    const params = { field, value: String(value), target: String(target) };
    if (side === 'minTarget' && !falling && value > target)
      errors.push({ field: side, message: ['minAboveTarget', params] });
    if (side === 'maxTarget' && !falling && value < target)
      errors.push({ field: side, message: ['maxBelowTarget', params] });
    if (side === 'minTarget' && falling && value < target)
      errors.push({ field: side, message: ['minBelowTarget', params] });
    if (side === 'maxTarget' && falling && value > target)
      errors.push({ field: side, message: ['maxAboveTarget', params] });
  }
  return errors;
}

function objectiveId(index: number, given: string | undefined): string {
  return given?.trim() || `O${index + 1}`;
}

function isCalendarDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** The parts of a zod issue the messages use (zod/mini's issue union, read loosely). */
interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  /** The allowed values of an enum or literal (`invalid_value`). */
  values?: readonly unknown[];
}

/** One message per field, the first issue of each path winning (a field shows one thing to fix). */
export function fieldErrors(
  issues: readonly Issue[],
  payload: unknown,
  scope: 'submit' | 'settings',
  lang: Lang,
): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of issues) {
    const error = describeIssue(issue, payload, scope, lang);
    if (!byPath.has(error.path)) byPath.set(error.path, error);
  }
  return [...byPath.values()];
}

function describeIssue(issue: Issue, payload: unknown, scope: 'submit' | 'settings', lang: Lang): FieldError {
  let path = issue.path.map(String);
  // A missing or unknown quarter kind: the message belongs to the quarter as a whole.
  if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') path = path.slice(0, -1);
  const t = (key: TextKey, params: Record<string, string | number> = {}) => texts(lang, key, params);
  const field = fieldName(path, scope, lang, payload);
  const value = valueAt(payload, path);
  const last = path[path.length - 1] ?? '';
  const min = issue.minimum === undefined ? '' : String(issue.minimum);
  const max = issue.maximum === undefined ? '' : String(issue.maximum);
  const message = (): string => {
    if (path.length === 0) return t('invalid', { field });
    switch (issue.code) {
      case 'invalid_type':
        if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
          return t('required', { field });
        }
        if (issue.expected === 'number' || issue.expected === 'int') {
          if (typeof value === 'number' && Number.isFinite(value)) return t('wholeNumber', { field });
          return t('notANumber', { field, value: shortText(value) });
        }
        return t('invalid', { field });
      case 'too_small':
        if (issue.origin === 'array') {
          if (last === 'objectives') return t('noObjectives');
          if (last === 'keyResults') return t('noKeyResults', { id: objectiveLabel(path, payload) });
          if (last === 'levels') return t('noLevels');
          return t('required', { field });
        }
        if (issue.origin === 'string') return t('empty', { field });
        return boundsMessage(path, scope, field, min, max, lang);
      case 'too_big':
        if (issue.origin === 'array') {
          if (last === 'objectives') return t('tooManyObjectives', { max });
          if (last === 'keyResults') return t('tooManyKeyResults', { id: objectiveLabel(path, payload), max });
          return t('invalid', { field });
        }
        if (issue.origin === 'string') return t('tooLong', { field, max });
        return boundsMessage(path, scope, field, min, max, lang);
      case 'invalid_format':
        if (last === 'currency') return t('currencyCode', { field });
        if (last === 'start' || last === 'end') return t('date', { field });
        return t('invalid', { field });
      case 'invalid_value':
        // A plan file's wrong word: say which words there are (the sidebar's dropdowns never send one).
        if (scope === 'submit' && issue.values && issue.values.length > 0 && typeof value === 'string') {
          return t('chooseFrom', { field, value: shortText(value), allowed: issue.values.map(String).join(', ') });
        }
        return t('choose', { field });
      case 'invalid_union':
        return t('choose', { field });
      case 'custom':
        return typeof value === 'number' ? t('notANumber', { field, value: String(value) }) : t('invalid', { field });
      default:
        return t('invalid', { field });
    }
  };
  return { path: path.join('.'), message: message() };
}

/** Range messages name both ends when the field has both. */
function boundsMessage(
  path: string[],
  scope: 'submit' | 'settings',
  field: string,
  min: string,
  max: string,
  lang: Lang,
): string {
  const bounds = knownBounds(path, scope);
  if (bounds) return texts(lang, 'between', { field, min: bounds[0], max: bounds[1] });
  if (min) return texts(lang, 'atLeast', { field, min });
  return texts(lang, 'atMost', { field, max });
}

function knownBounds(path: string[], scope: 'submit' | 'settings'): [number, number] | null {
  const last = path[path.length - 1];
  if (last === 'weight') return [0, 100];
  if (last === 'fiscalStartMonth') return [1, 12];
  if (scope === 'submit' && path[1] === 'quarter' && last === 'year') return [2000, 2100];
  if (scope === 'submit' && path[1] === 'quarter' && last === 'quarter') return [1, 4];
  return null;
}

/** The id of the objective a path is inside: its own id in the payload, else O1, O2… by position. */
function objectiveLabel(path: string[], payload: unknown): string {
  const index = path.indexOf('objectives');
  const o = Number(path[index + 1]);
  if (!Number.isInteger(o)) return '';
  const given = valueAt(payload, [...path.slice(0, index + 2), 'id']);
  return typeof given === 'string' && given.trim() ? given.trim().slice(0, 20) : `O${o + 1}`;
}

/** The id of the key result a path is inside, as objectiveLabel does for objectives. */
function keyResultLabel(path: string[], payload: unknown): string {
  const index = path.indexOf('keyResults');
  const k = Number(path[index + 1]);
  const given = valueAt(payload, [...path.slice(0, index + 2), 'id']);
  if (typeof given === 'string' && given.trim()) return given.trim().slice(0, 20);
  return `${objectiveLabel(path, payload)}.${k + 1}`;
}

/** The name of the field a path points at, as the sidebar labels it, with the objective or KR id. */
function fieldName(path: string[], scope: 'submit' | 'settings', lang: Lang, payload: unknown): string {
  const t = (key: TextKey, params: Record<string, string | number> = {}) => texts(lang, key, params);
  if (scope === 'settings') {
    const key = path[0];
    return key === 'language' ||
      key === 'fiscalStartMonth' ||
      key === 'currency' ||
      key === 'formulaStyle' ||
      key === 'teamName'
      ? t(key)
      : t('form');
  }
  const [root, section, ...rest] = path;
  if (root === 'carryOver') return t('carry', { id: section ?? '' });
  if (root === 'previousSheetId') return t('previousSheet');
  if (root !== 'plan' || section === undefined) return t('form');
  if (section === 'initiatives' || section === 'tasks') {
    const index = Number(rest[0]);
    if (!Number.isInteger(index)) return t('form');
    if (section === 'tasks') return t(rest[1] === 'initiativeId' ? 'taskInitiative' : 'task', { number: index + 1 });
    const id = initiativeIdsOf(valueAt(payload, ['plan', 'initiatives']))[index] ?? `#${index + 1}`;
    return t(rest[1] === 'keyResultId' ? 'initiativeKeyResult' : 'initiative', { id });
  }
  if (section === 'quarter') {
    const part = rest[0];
    if (part === 'year') return t('year');
    if (part === 'start') return t('quarterStart');
    if (part === 'end') return t('quarterEnd');
    return t('quarter');
  }
  if (section === 'objectives') {
    const [o, objectivePart, k, krPart] = rest;
    if (o === undefined) return t('objectives');
    const id = objectiveLabel(path, payload);
    if (objectivePart === undefined || objectivePart === 'id') return t('objective', { id });
    if (objectivePart === 'title') return t('objectiveTitle', { id });
    if (objectivePart === 'level') return t('level', { id });
    if (objectivePart === 'parent') return t('parent', { id });
    if (objectivePart !== 'keyResults' || k === undefined) return t('objective', { id });
    const krId = keyResultLabel(path, payload);
    switch (krPart) {
      case 'title':
        return t('krTitle', { id: krId });
      case 'kind':
      case 'unit':
      case 'start':
      case 'target':
      case 'minTarget':
      case 'maxTarget':
      case 'current':
      case 'weight':
      case 'owner':
      case 'committed':
      case 'notes':
      case 'source':
        return t(krPart, { id: krId });
      case 'currency':
        return t('krCurrency', { id: krId });
      default:
        return t('krTitle', { id: krId });
    }
  }
  if (
    section === 'team' ||
    section === 'fiscalStartMonth' ||
    section === 'language' ||
    section === 'levels' ||
    section === 'currency' ||
    section === 'formulaStyle'
  ) {
    return t(section);
  }
  return t('form');
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
