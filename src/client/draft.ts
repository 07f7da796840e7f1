// The plan as the sidebar holds it while the manager types: numbers as the text in their fields, objectives
// and key results with keys that survive reordering. Turned into the submitQuarter payload on submit (text
// that is no number is sent as typed, so the server names it in its message) and into a best-effort plan
// for the lint while typing.

import { type DecimalMark, isBlank, parseNumberText } from '../core/cell-values';
import type { Lang } from '../core/i18n';
import { type CarriedStart, carriedStart, type KrTemplate } from '../core/kr-library';
import { formatNumber } from '../core/number-format';
import type { FormulaStyle, KeyResultPlan, KrSource, Level, QuarterPlan, QuarterRef, Unit } from '../shared/plan';
import type { Kind } from '../shared/plan-choices';
import type { CarryChoice, PreviousQuarter, SidebarState } from '../shared/sidebar-api';
import { type DraftInitiative, initiativesPlan } from './initiative-draft';

// The plan's choices, from the zod-free module (shared/plan.ts's schemas would add 25 KB to the page).
export {
  FORMULA_STYLES as FORMULA_STYLE_CHOICES,
  KINDS as KIND_CHOICES,
  KR_SOURCES as SOURCE_CHOICES,
  LEVELS as LEVEL_CHOICES,
  UNITS as UNIT_CHOICES,
} from '../shared/plan-choices';
export type { Kind };

export interface DraftKeyResult {
  key: number;
  title: string;
  kind: Kind;
  unit: Unit;
  /** Field texts as typed; a percent is typed in percent points ("15" or "15%"). */
  start: string;
  target: string;
  /** The minimum and maximum scenarios, as typed; optional, so a draft saved before them still loads. */
  minTarget?: string;
  maxTarget?: string;
  weight: string;
  owner: string;
  committed: boolean;
  /** The Deals sheet formula that feeds its current value; absent when the value is typed each week. */
  source?: KrSource;
  /** The previous quarter's key result this one continues, and what to do with it. */
  from?: { id: string; current: number | null; unit: Unit; choice: CarryChoice };
}

export interface DraftObjective {
  key: number;
  level: Level;
  title: string;
  /** Key of the company objective this one supports; 0 for none. */
  parent: number;
  keyResults: DraftKeyResult[];
  /** The id of the previous quarter's objective this one continues. */
  fromId?: string;
}

export interface Draft {
  quarterMode: 'quarter' | 'custom';
  year: number;
  quarter: number;
  customStart: string;
  customEnd: string;
  fiscalStartMonth: number;
  team: string;
  language: Lang;
  levels: Level[];
  currency: string;
  formulaStyle: FormulaStyle;
  objectives: DraftObjective[];
  /**
   * Continue from the previous quarter: its objectives and key results are in the draft, each key result
   * carried over, kept or dropped, and its sheet is closed once the new one is built.
   */
  usePrevious: boolean;
  /** Initiatives and their tasks (optional; see initiative-draft.ts). */
  initiatives?: DraftInitiative[];
}

let nextKey = 1;

/** A key no other objective or key result of this page has. */
export function newKey(): number {
  nextKey += 1;
  return nextKey;
}

export function emptyKeyResult(): DraftKeyResult {
  return {
    key: newKey(),
    title: '',
    kind: 'increase',
    unit: 'count',
    start: '',
    target: '',
    minTarget: '',
    maxTarget: '',
    weight: '1',
    owner: '',
    committed: false,
  };
}

export function emptyObjective(level: Level): DraftObjective {
  return { key: newKey(), level, title: '', parent: 0, keyResults: [emptyKeyResult()] };
}

/** The draft the sidebar opens with: the server's defaults, and the previous quarter's OKRs or one empty objective. */
export function initialDraft(state: SidebarState): Draft {
  const { quarter } = state.defaults;
  const thisYear = Number(state.today.slice(0, 4));
  const draft: Draft = {
    quarterMode: quarter.kind,
    year: quarter.kind === 'quarter' ? quarter.year : thisYear,
    quarter: quarter.kind === 'quarter' ? quarter.quarter : 1,
    customStart: quarter.kind === 'custom' ? quarter.start : '',
    customEnd: quarter.kind === 'custom' ? quarter.end : '',
    fiscalStartMonth: state.settings.fiscalStartMonth,
    team: state.defaults.team,
    language: state.lang,
    levels: [...state.defaults.levels],
    currency: state.defaults.currency,
    formulaStyle: state.defaults.formulaStyle,
    objectives: [],
    usePrevious: false,
  };
  setUsePrevious(draft, state.previousQuarter, state.previousQuarter !== null);
  return draft;
}

/**
 * Continues from the previous quarter (its objectives and key results come first, each key result to carry
 * over), or stops doing so (they leave the draft; what the manager added stays).
 */
export function setUsePrevious(draft: Draft, previous: PreviousQuarter | null, use: boolean): void {
  draft.objectives = draft.objectives.filter((objective) => objective.fromId === undefined);
  for (const objective of draft.objectives) {
    objective.keyResults = objective.keyResults.filter((keyResult) => keyResult.from === undefined);
  }
  draft.usePrevious = use && previous !== null && previous.keyResults.length > 0;
  if (draft.usePrevious && previous) {
    const imported = importPrevious(previous, draft.language);
    for (const objective of imported) {
      if (!draft.levels.includes(objective.level)) draft.levels = [...draft.levels, objective.level];
    }
    draft.objectives = [...imported, ...draft.objectives];
  }
  draft.objectives = draft.objectives.filter((objective) => objective.keyResults.length > 0 || !objective.fromId);
  if (draft.objectives.length === 0) draft.objectives.push(emptyObjective('company'));
}

function importPrevious(previous: PreviousQuarter, lang: Lang): DraftObjective[] {
  const objectives = new Map<string, DraftObjective & { parentId: string | null }>();
  for (const keyResult of previous.keyResults) {
    let objective = objectives.get(keyResult.objectiveId);
    if (!objective) {
      objective = {
        key: newKey(),
        level: keyResult.objectiveLevel,
        title: keyResult.objectiveTitle,
        parent: 0,
        keyResults: [],
        fromId: keyResult.objectiveId,
        parentId: keyResult.objectiveParent,
      };
      objectives.set(keyResult.objectiveId, objective);
    }
    objective.keyResults.push({
      key: newKey(),
      title: keyResult.title,
      kind: keyResult.kind,
      unit: keyResult.unit,
      start: numberText(keyResult.start, keyResult.unit, lang),
      target: numberText(keyResult.target, keyResult.unit, lang),
      weight: numberText(keyResult.weight, 'count', lang),
      owner: keyResult.owner,
      committed: keyResult.committed,
      // A KR fed by the Deals sheet stays fed: the next quarter's formula is written for its own dates.
      ...(keyResult.source && keyResult.kind !== 'milestone' ? { source: keyResult.source } : {}),
      from: { id: keyResult.id, current: keyResult.current, unit: keyResult.unit, choice: 'carry' },
    });
  }
  const all = [...objectives.values()];
  return all.map(({ parentId, ...objective }) => ({
    ...objective,
    parent: (parentId && objectives.get(parentId)?.key) || 0,
  }));
}

/** A key result prefilled from a library template, titled in the plan's language. */
export function keyResultFromTemplate(template: KrTemplate, lang: Lang): DraftKeyResult {
  return {
    ...emptyKeyResult(),
    title: template.title[lang],
    kind: template.kind,
    unit: template.unit,
    start: numberText(template.start, template.unit, lang),
    target: numberText(template.target, template.unit, lang),
    ...(template.source ? { source: template.source } : {}),
  };
}

/** The text a number field shows: a percent in percent points, grouped as the language writes numbers. */
export function numberText(value: number | null | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined) return '';
  return formatNumber(unit === 'percent' ? value * 100 : value, lang, 2);
}

/**
 * Reads a number field through the core's one reader: `null` when blank, `undefined` when the text is no
 * number. `decimal` is the sheet language's decimal mark (`1.200` is 1.2 in English, 1200 in Polish). A
 * percent typed without a % sign is in percent points ("15" is 15%); with the sign it is read as written.
 */
export function readField(text: string, unit: Unit, decimal?: DecimalMark): number | null | undefined {
  if (isBlank(text)) return null;
  const value = parseNumberText(text, decimal);
  if (value === null) return undefined;
  return unit === 'percent' && !text.includes('%') ? value / 100 : value;
}

/** The quarter reference the draft names. */
export function quarterRef(draft: Draft): QuarterRef {
  return draft.quarterMode === 'custom'
    ? { kind: 'custom', start: draft.customStart, end: draft.customEnd }
    : { kind: 'quarter', year: draft.year, quarter: draft.quarter };
}

/**
 * Where a draft objective or key result goes in the plan sent: its index there (null: not sent), the id it
 * is sent with (a continued one keeps the previous quarter's, which the carry-over choices name), and the id
 * the new sheet gives it: by position, with no gap where a key result was dropped or removed ('' when not sent).
 */
export interface Placed {
  index: number | null;
  id: string;
  shown: string;
}

export interface PlanLayout {
  objectives: Map<number, Placed>;
  keyResults: Map<number, Placed>;
}

/**
 * The plan's ids. Sent: the previous quarter's id for what continues from it (the carry-over choices name
 * it), else O1, O1.2… by position, skipping ids taken by the continued ones (as the builder's `assignIds`
 * does). Shown: O1, O1.1… by position among what is sent, as the builder renumbers a continued quarter
 * (src/core/okr-sheet/carry-over.ts), so the sidebar shows the sheet's ids. A dropped key result is not
 * sent; an objective continued from the previous quarter whose key results are all dropped is not sent either.
 */
export function planLayout(draft: Draft): PlanLayout {
  const layout: PlanLayout = { objectives: new Map(), keyResults: new Map() };
  const key = (id: string) => id.toLowerCase();
  const reserved = new Set<string>();
  const sent = (keyResult: DraftKeyResult) => keyResult.from?.choice !== 'drop';
  for (const objective of draft.objectives) {
    if (objective.fromId) reserved.add(key(objective.fromId));
    for (const keyResult of objective.keyResults) if (keyResult.from) reserved.add(key(keyResult.from.id));
  }
  const used = new Set<string>();
  const take = (wanted: string | undefined, fallback: (n: number) => string, start: number): string => {
    if (wanted && !used.has(key(wanted))) {
      used.add(key(wanted));
      return wanted;
    }
    let n = start;
    while (used.has(key(fallback(n))) || reserved.has(key(fallback(n)))) n++;
    used.add(key(fallback(n)));
    return fallback(n);
  };
  let objectiveIndex = 0;
  for (const objective of draft.objectives) {
    const keyResults = objective.keyResults.filter(sent);
    const isSent = keyResults.length > 0 || objective.fromId === undefined;
    const id = take(objective.fromId, (n) => `O${n}`, objectiveIndex + 1);
    const shown = isSent ? `O${objectiveIndex + 1}` : '';
    layout.objectives.set(objective.key, { index: isSent ? objectiveIndex : null, id, shown });
    let krIndex = 0;
    for (const keyResult of objective.keyResults) {
      if (!sent(keyResult)) {
        layout.keyResults.set(keyResult.key, { index: null, id: keyResult.from?.id ?? '', shown: '' });
        continue;
      }
      const krId = take(keyResult.from?.id, (n) => `${id}.${n}`, krIndex + 1);
      layout.keyResults.set(keyResult.key, { index: krIndex, id: krId, shown: `${shown}.${krIndex + 1}` });
      krIndex += 1;
    }
    if (isSent) objectiveIndex += 1;
  }
  return layout;
}

/**
 * The plan the draft describes. `strict` sends unreadable numbers as typed (for the server to name);
 * otherwise they become `null` (for the lint, which must not trip over a half-typed field).
 */
function planOf(draft: Draft, strict: boolean): QuarterPlan {
  const layout = planLayout(draft);
  const number = (text: string, unit: Unit): number | null => {
    const value = readField(text, unit, draft.language === 'pl' ? ',' : '.');
    if (value !== undefined) return value;
    return strict ? (text as unknown as number) : null;
  };
  const objectives = draft.objectives.filter((objective) => layout.objectives.get(objective.key)?.index !== null);
  return {
    quarter: quarterRef(draft),
    fiscalStartMonth: draft.fiscalStartMonth,
    team: draft.team,
    language: draft.language,
    levels: [...draft.levels],
    currency: draft.currency.trim().toUpperCase(),
    formulaStyle: draft.formulaStyle,
    objectives: objectives.map((objective) => {
      const parentKey = objective.level !== 'company' ? objective.parent : 0;
      const parent = parentKey ? layout.objectives.get(parentKey)?.id : undefined;
      return {
        id: layout.objectives.get(objective.key)?.id ?? '',
        level: objective.level,
        title: objective.title,
        ...(parent ? { parent } : {}),
        keyResults: objective.keyResults
          .filter((keyResult) => layout.keyResults.get(keyResult.key)?.index !== null)
          .map(
            (keyResult): KeyResultPlan => ({
              id: layout.keyResults.get(keyResult.key)?.id ?? '',
              title: keyResult.title,
              kind: keyResult.kind,
              unit: keyResult.unit,
              start: keyResult.kind === 'milestone' ? null : startOf(keyResult, number),
              target: keyResult.kind === 'milestone' ? null : number(keyResult.target, keyResult.unit),
              ...scenariosOf(keyResult, number),
              weight: keyResult.weight.trim() === '' ? 1 : (number(keyResult.weight, 'count') ?? 1),
              owner: keyResult.owner.trim(),
              committed: keyResult.committed,
              ...(keyResult.source && keyResult.kind !== 'milestone' ? { source: keyResult.source } : {}),
              notes: '',
            }),
          ),
      };
    }),
    // The lint reads no initiative; a half-typed one must not trip it either.
    ...(strict ? initiativesPlan(draft.initiatives ?? [], layout, number) : {}),
  };
}

/** The minimum and maximum targets typed for a key result; a blank field (or a milestone) gives none. */
function scenariosOf(
  keyResult: DraftKeyResult,
  number: (text: string, unit: Unit) => number | null,
): Pick<KeyResultPlan, 'minTarget' | 'maxTarget'> {
  if (keyResult.kind === 'milestone') return {};
  const scenarios: Pick<KeyResultPlan, 'minTarget' | 'maxTarget'> = {};
  for (const field of ['minTarget', 'maxTarget'] as const) {
    const typed = keyResult[field] ?? '';
    if (typed.trim() !== '') scenarios[field] = number(typed, keyResult.unit);
  }
  return scenarios;
}

/**
 * Carried over, a key result starts where it ended, or at 0 when its source counts the quarter's own deals
 * (core/kr-library.ts `carriedStart`, which the builder asks too).
 */
function startOf(keyResult: DraftKeyResult, number: (text: string, unit: Unit) => number | null): number | null {
  return carriedStartOf(keyResult)?.start ?? number(keyResult.start, keyResult.unit);
}

/**
 * The start a carried-over key result gets instead of what was typed, and why; `null` when the start field is
 * the manager's (not carried, a milestone, or no last value to carry).
 */
export function carriedStartOf(keyResult: DraftKeyResult): Exclude<CarriedStart, { why: 'noValue' }> | null {
  const from = keyResult.from;
  if (from?.choice !== 'carry' || keyResult.kind === 'milestone') return null;
  const carried = carriedStart(keyResult.source, from.current);
  return carried.why === 'noValue' ? null : carried;
}

/** True when the start field shows the start carried over rather than what was typed. */
export function startIsCarried(keyResult: DraftKeyResult): boolean {
  return carriedStartOf(keyResult) !== null;
}

/** The submitQuarter payload: what the manager typed, unvalidated (the server validates it). */
export function submitPayload(draft: Draft, previous: PreviousQuarter | null): unknown {
  if (!draft.usePrevious || !previous) return { plan: planOf(draft, true), previousSheetId: null };
  const carryOver: Record<string, CarryChoice> = {};
  for (const objective of draft.objectives) {
    for (const keyResult of objective.keyResults)
      if (keyResult.from) carryOver[keyResult.from.id] = keyResult.from.choice;
  }
  return { plan: planOf(draft, true), previousSheetId: previous.sheetId, carryOver };
}

/** The plan as far as it can be read now, for the lint. */
export function lintablePlan(draft: Draft): QuarterPlan {
  return planOf(draft, false);
}
