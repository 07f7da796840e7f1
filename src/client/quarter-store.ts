// The New quarter view's state and everything the manager can do to it, with no DOM: the draft, the server's
// field errors, the lint's warnings, the open KR library panel, the submit in flight and its outcome. The
// components of quarter-view.ts draw it and call its actions; the unit tests drive it directly.

import type { Lang } from '../core/i18n';
import { KR_SOURCE_INFO, type KrTemplate } from '../core/kr-library';
import { lintPlan } from '../core/okr-lint';
import type { FormulaStyle, KrSource, Level, Unit } from '../shared/plan';
import type { CarryChoice, SidebarState, SubmitResult } from '../shared/sidebar-api';
import {
  type Draft,
  type DraftKeyResult,
  type DraftObjective,
  emptyKeyResult,
  emptyObjective,
  initialDraft,
  type Kind,
  keyResultFromTemplate,
  LEVEL_CHOICES,
  lintablePlan,
  newKey,
  type PlanLayout,
  planLayout,
  setUsePrevious,
  submitPayload,
} from './draft';
import {
  type DraftInitiative,
  type DraftTask,
  emptyInitiative,
  emptyTask,
  type InitiativeStatus,
  type InitiativeTextField,
  initiativePath,
  initiativePaths,
  type TaskTextField,
  taskPath,
} from './initiative-draft';
import { type PathMessage, withoutMessagesAt } from './messages';
import { Store } from './store';

/** The text fields of a key result the manager types into. */
export type KeyResultTextField = 'title' | 'start' | 'target' | 'minTarget' | 'maxTarget' | 'weight' | 'owner';

/** A quarter sheet built: what the done screen shows. */
export interface QuarterDone {
  sheetName: string;
  warnings: string[];
  /** The Initiatives sheet written beside, when the plan had initiatives. */
  initiativesSheetName?: string;
}

/** Focus requests the view resolves itself rather than by id. */
export const FIRST_INVALID = ':first-invalid';

export class QuarterStore extends Store {
  readonly draft: Draft;
  errors: PathMessage[] = [];
  warnings: PathMessage[] = [];
  /** The objective whose library panel is open, and what was searched in it. */
  library: { key: number; query: string } | null = null;
  busy = false;
  /** Why the last submit failed to reach the server. */
  failure: string | null = null;
  /** The errors of the last submit, listed above the form. */
  summary: PathMessage[] | null = null;
  done: QuarterDone | null;
  /** Where each objective and key result goes in the plan, and its id; follows the draft. */
  layout: PlanLayout;
  /** Counts changes of the draft (not of messages or panels): the view lints after a pause in them. */
  draftVersion = 0;
  /** Whether the Initiatives section is open (it starts closed: initiatives are optional). */
  initiativesOpen = false;

  constructor(
    readonly state: SidebarState,
    done: QuarterDone | null = null,
  ) {
    super();
    this.draft = initialDraft(state);
    this.layout = planLayout(this.draft);
    this.done = done;
    this.lint();
  }

  // -------------------------------------------------------------------------------------------------------
  // Paths: where the plan puts each objective and key result, and which paths have a message slot on screen.

  objectivePath(objective: DraftObjective): string {
    const placed = this.layout.objectives.get(objective.key);
    return placed?.index == null ? `draft.o${objective.key}` : `plan.objectives.${placed.index}`;
  }

  keyResultPath(objective: DraftObjective, keyResult: DraftKeyResult): string {
    const placed = this.layout.keyResults.get(keyResult.key);
    return placed?.index == null
      ? `draft.k${keyResult.key}`
      : `${this.objectivePath(objective)}.keyResults.${placed.index}`;
  }

  /** The id the new sheet gives an objective; for one not sent (all its key results dropped), its previous id. */
  objectiveId(key: number): string {
    const placed = this.layout.objectives.get(key);
    return placed?.shown || placed?.id || '';
  }

  /** The id the new sheet gives a key result; for a dropped one, its id in the previous quarter. */
  keyResultId(key: number): string {
    const placed = this.layout.keyResults.get(key);
    return placed?.shown || placed?.id || '';
  }

  /** True when the key result is dropped: not in the new quarter, its badge shows last quarter's id. */
  isDropped(key: number): boolean {
    return this.layout.keyResults.get(key)?.index === null;
  }

  /** The company objectives another objective may support. */
  companyObjectives(except: number): DraftObjective[] {
    return this.draft.objectives.filter((other) => other.level === 'company' && other.key !== except);
  }

  /** Key results continued from the previous quarter. */
  continued(): DraftKeyResult[] {
    return this.draft.objectives.flatMap((objective) => objective.keyResults.filter((keyResult) => keyResult.from));
  }

  /** True when the view offers to continue from the previous quarter. */
  offersPrevious(): boolean {
    return (this.state.previousQuarter?.keyResults.length ?? 0) > 0;
  }

  /** Every path the view shows messages at, as the components draw them. */
  shownPaths(): Set<string> {
    const draft = this.draft;
    const paths = new Set(['', 'plan.quarter', 'plan.team', 'plan.language', 'plan.currency', 'plan.levels']);
    paths.add('plan.formulaStyle');
    if (draft.quarterMode === 'quarter') paths.add('plan.quarter.year');
    else for (const end of ['start', 'end']) paths.add(`plan.quarter.${end}`);
    if (this.offersPrevious()) paths.add('previousSheetId');
    if (draft.usePrevious && this.continued().length > 1) paths.add('carryOver');
    paths.add('plan.objectives');
    for (const objective of draft.objectives) {
      const path = this.objectivePath(objective);
      for (const part of ['', '.level', '.title', '.keyResults']) paths.add(`${path}${part}`);
      if (objective.level !== 'company' && this.companyObjectives(objective.key).length > 0)
        paths.add(`${path}.parent`);
      if (this.library?.key === objective.key) paths.add(`ui.library.${objective.key}`);
      for (const keyResult of objective.keyResults) {
        if (keyResult.from) paths.add(`carryOver.${keyResult.from.id}`);
        if (keyResult.from?.choice === 'drop') continue;
        const krPath = this.keyResultPath(objective, keyResult);
        const fields = ['', '.title', '.kind', '.unit', '.owner', '.weight', '.committed'];
        if (keyResult.kind !== 'milestone') fields.push('.start', '.target', '.minTarget', '.maxTarget', '.source');
        for (const part of fields) paths.add(`${krPath}${part}`);
      }
    }
    for (const path of initiativePaths(this.initiatives(), this.initiativesOpen)) paths.add(path);
    return paths;
  }

  // -------------------------------------------------------------------------------------------------------
  // Actions.

  /** Q1–Q4 of the chosen year, or custom dates. */
  setPeriod(period: 'custom' | 1 | 2 | 3 | 4): void {
    if (period === 'custom') this.draft.quarterMode = 'custom';
    else {
      this.draft.quarterMode = 'quarter';
      this.draft.quarter = period;
    }
    this.structureChanged();
  }

  setYear(year: number): void {
    this.draft.year = year;
    this.structureChanged();
  }

  setCustomDay(end: 'start' | 'end', day: string): void {
    if (end === 'start') this.draft.customStart = day;
    else this.draft.customEnd = day;
    this.edited(`plan.quarter.${end}`);
  }

  setTeam(team: string): void {
    this.draft.team = team;
    this.edited('plan.team');
  }

  setLanguage(language: Lang): void {
    this.draft.language = language;
    this.structureChanged();
  }

  setCurrency(currency: string): void {
    this.draft.currency = currency.toUpperCase();
    this.edited('plan.currency');
  }

  setLevel(level: Level, on: boolean): void {
    this.draft.levels = LEVEL_CHOICES.filter((each) => (each === level ? on : this.draft.levels.includes(each)));
    this.edited('plan.levels');
  }

  setFormulaStyle(style: FormulaStyle): void {
    this.draft.formulaStyle = style;
    this.edited('plan.formulaStyle');
  }

  /** Continues from the previous quarter, or stops doing so. */
  setUsePrevious(use: boolean): void {
    setUsePrevious(this.draft, this.state.previousQuarter, use);
    this.errors = [];
    this.structureChanged();
  }

  /** One choice for every key result continued from the previous quarter. */
  setAllCarried(choice: CarryChoice): void {
    for (const keyResult of this.continued()) if (keyResult.from) keyResult.from.choice = choice;
    this.errors = [];
    this.structureChanged();
  }

  setCarried(keyResult: DraftKeyResult, choice: CarryChoice): void {
    if (!keyResult.from) return;
    keyResult.from.choice = choice;
    this.errors = [];
    this.structureChanged();
  }

  /** A new objective (a team one under a company one, when the plan has both), its title focused. */
  addObjective(): void {
    const hasCompany = this.draft.objectives.some((objective) => objective.level === 'company');
    const level = hasCompany && this.draft.levels.includes('team') ? 'team' : (this.draft.levels[0] ?? 'team');
    const objective = emptyObjective(level);
    this.draft.objectives.push(objective);
    this.errors = [];
    this.focusOn(`o${objective.key}-title`);
    this.structureChanged();
  }

  removeObjective(objective: DraftObjective): void {
    if (this.draft.objectives.length < 2) return;
    this.draft.objectives = this.draft.objectives.filter((each) => each !== objective);
    for (const other of this.draft.objectives) if (other.parent === objective.key) other.parent = 0;
    if (this.library?.key === objective.key) this.library = null;
    this.errors = [];
    this.structureChanged();
  }

  setObjectiveLevel(objective: DraftObjective, level: Level): void {
    const path = `${this.objectivePath(objective)}.level`;
    objective.level = level;
    if (level === 'company') objective.parent = 0;
    this.edited(path);
  }

  setObjectiveTitle(objective: DraftObjective, title: string): void {
    objective.title = title;
    this.edited(`${this.objectivePath(objective)}.title`);
  }

  setParent(objective: DraftObjective, parent: number): void {
    objective.parent = parent;
    this.edited(`${this.objectivePath(objective)}.parent`);
  }

  /** A new empty key result at the end of the objective, its title focused. */
  addKeyResult(objective: DraftObjective): void {
    const keyResult = emptyKeyResult();
    objective.keyResults.push(keyResult);
    this.errors = [];
    this.focusOn(`k${keyResult.key}-title`);
    this.structureChanged();
  }

  removeKeyResult(objective: DraftObjective, keyResult: DraftKeyResult): void {
    if (objective.keyResults.length < 2 || keyResult.from) return;
    objective.keyResults = objective.keyResults.filter((each) => each !== keyResult);
    this.errors = [];
    this.structureChanged();
  }

  editKeyResult(objective: DraftObjective, keyResult: DraftKeyResult, field: KeyResultTextField, text: string): void {
    keyResult[field] = text;
    this.edited(`${this.keyResultPath(objective, keyResult)}.${field}`);
  }

  setKind(objective: DraftObjective, keyResult: DraftKeyResult, kind: Kind): void {
    const path = `${this.keyResultPath(objective, keyResult)}.kind`;
    keyResult.kind = kind;
    this.edited(path);
  }

  setUnit(objective: DraftObjective, keyResult: DraftKeyResult, unit: Unit): void {
    keyResult.unit = unit;
    this.edited(`${this.keyResultPath(objective, keyResult)}.unit`);
  }

  /** Feeds the KR's current value from a Deals sheet formula (its unit follows), or lets it be typed (`''`). */
  setSource(objective: DraftObjective, keyResult: DraftKeyResult, source: KrSource | ''): void {
    if (source === '') delete keyResult.source;
    else {
      keyResult.source = source;
      keyResult.unit = KR_SOURCE_INFO[source].unit;
    }
    this.edited(`${this.keyResultPath(objective, keyResult)}.source`);
  }

  setCommitted(objective: DraftObjective, keyResult: DraftKeyResult, committed: boolean): void {
    keyResult.committed = committed;
    this.edited(`${this.keyResultPath(objective, keyResult)}.committed`);
  }

  /** Opens the objective's KR library (its search focused), or closes it. */
  toggleLibrary(objective: DraftObjective): void {
    const opening = this.library?.key !== objective.key;
    this.library = opening ? { key: objective.key, query: '' } : null;
    if (opening) this.focusOn(`o${objective.key}-library-search`);
    this.changed();
  }

  searchLibrary(query: string): void {
    if (!this.library) return;
    this.library = { ...this.library, query };
    this.changed();
  }

  /** Adds a library template to the objective; it replaces the objective's only key result if that is untouched. */
  addTemplate(objective: DraftObjective, template: KrTemplate): void {
    const added = keyResultFromTemplate(template, this.draft.language);
    const only = objective.keyResults[0];
    if (objective.keyResults.length === 1 && only && isUntouched(only)) objective.keyResults = [added];
    else objective.keyResults.push(added);
    this.errors = [];
    this.structureChanged();
  }

  // Initiatives: hypotheses tied to a key result of the draft, with optional tasks (initiative-draft.ts).

  initiatives(): DraftInitiative[] {
    this.draft.initiatives ??= [];
    return this.draft.initiatives;
  }

  toggleInitiatives(): void {
    this.initiativesOpen = !this.initiativesOpen;
    this.changed();
  }

  /** A new initiative serving the first key result, the section open and its hypothesis focused. */
  addInitiative(): void {
    const first = this.draft.objectives.flatMap((objective) => objective.keyResults)[0];
    const initiative = emptyInitiative(newKey(), first?.key ?? 0);
    this.initiatives().push(initiative);
    this.initiativesOpen = true;
    this.errors = [];
    this.focusOn(`i${initiative.key}-hypothesis`);
    this.structureChanged();
  }

  removeInitiative(initiative: DraftInitiative): void {
    this.draft.initiatives = this.initiatives().filter((each) => each !== initiative);
    this.errors = [];
    this.structureChanged();
  }

  editInitiative(initiative: DraftInitiative, field: InitiativeTextField, text: string): void {
    initiative[field] = text;
    this.edited(`${initiativePath(this.initiatives(), initiative)}.${field}`);
  }

  setInitiativeKeyResult(initiative: DraftInitiative, keyResultKey: number): void {
    initiative.keyResultKey = keyResultKey;
    this.edited(`${initiativePath(this.initiatives(), initiative)}.keyResultId`);
  }

  setInitiativeStatus(initiative: DraftInitiative, status: InitiativeStatus): void {
    initiative.status = status;
    this.edited(`${initiativePath(this.initiatives(), initiative)}.status`);
  }

  addTask(initiative: DraftInitiative): void {
    const task = emptyTask(newKey());
    initiative.tasks.push(task);
    this.errors = [];
    this.focusOn(`t${task.key}-title`);
    this.structureChanged();
  }

  removeTask(initiative: DraftInitiative, task: DraftTask): void {
    initiative.tasks = initiative.tasks.filter((each) => each !== task);
    this.errors = [];
    this.structureChanged();
  }

  editTask(task: DraftTask, field: TaskTextField, text: string): void {
    task[field] = text;
    this.edited(`${taskPath(this.initiatives(), task)}.${field}`);
  }

  /** The lint's warnings for the draft as it reads now. */
  lint(): void {
    try {
      this.warnings = lintPlan(lintablePlan(this.draft), this.state.lang).map((warning) => ({
        path: lintPath(warning.path),
        message: warning.message,
      }));
    } catch {
      // The lint is advice: a plan it cannot read yet gets no warnings rather than a broken sidebar.
      this.warnings = [];
    }
    this.changed();
  }

  /** The submitQuarter payload, and the view waiting for it; `null` while a submit is in flight. */
  startSubmit(): unknown | null {
    if (this.busy) return null;
    this.busy = true;
    this.failure = null;
    this.summary = null;
    this.changed();
    return submitPayload(this.draft, this.state.previousQuarter);
  }

  /** What the server answered: the sheet built, or a message per field (the first field to fix focused). */
  finishSubmit(result: SubmitResult): void {
    this.busy = false;
    if (result.ok) {
      this.done = {
        sheetName: result.sheetName,
        warnings: result.warnings,
        ...(result.initiativesSheetName ? { initiativesSheetName: result.initiativesSheetName } : {}),
      };
      this.focusOn('done-title');
    } else {
      this.errors = result.errors;
      this.summary = result.errors;
      // A message for an initiative or a task is shown in its section, which must be open to take the focus.
      if (result.errors.some((error) => /^plan\.(initiatives|tasks)\b/.test(error.path))) this.initiativesOpen = true;
      this.focusOn(FIRST_INVALID);
    }
    this.changed();
  }

  /** The server could not be reached or threw. */
  failSubmit(reason: string): void {
    this.busy = false;
    this.failure = reason;
    this.changed();
  }

  /** A field was edited: the messages shown at it go, and the lint runs again a moment later. */
  private edited(path: string): void {
    this.errors = withoutMessagesAt(this.errors, path, this.shownPaths());
    this.structureChanged();
  }

  private structureChanged(): void {
    this.layout = planLayout(this.draft);
    this.draftVersion += 1;
    this.changed();
  }
}

function isUntouched(keyResult: DraftKeyResult): boolean {
  return !keyResult.title.trim() && !keyResult.start.trim() && !keyResult.target.trim() && !keyResult.owner.trim();
}

/** A lint path (relative to the plan, dotted or as an array) as a payload path. */
export function lintPath(path: unknown): string {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' && path ? path.split('.') : [];
  return ['plan', ...parts].join('.');
}
