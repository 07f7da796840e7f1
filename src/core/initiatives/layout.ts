// The Initiatives sheet of a quarter as data (src/core/sheet-spec.ts): the initiatives, each a hypothesis
// tied to a KR, with ICE or RICE inputs, its score, rank, progress and flags, and below them the tasks,
// each tied to an initiative. The writer (src/server/initiatives-sheet.ts) puts it into a new sheet beside
// the OKR sheet in a fixed number of calls; the sheet and its two regions are found by developer metadata.
//
// Sorting never breaks a formula: in the add-on style the score is one ICE / RICE call in the score
// column's title cell, answering for the whole column in its row order (one server execution per column);
// in the portable style it is a native formula per row. Rank, progress and flags are per-row formulas that
// read their own row and absolute ranges only, so a sort of the rows carries each with its initiative.

import type { FormulaStyle } from '../../shared/plan';
import { call, column, quoted } from '../formula-text';
import type { Lang } from '../i18n';
import { a1, a1Range, columnLetter, dateFormula, formula, number, type SheetCell, text } from '../okr-sheet/cells';
import {
  DATE_FORMAT,
  FILL,
  type MetadataSpec,
  PERCENT_FORMAT,
  type SheetSpec,
  sheetGrids,
  type ValidationSpec,
} from '../sheet-spec';
import {
  HIGH_RANK,
  HYPOTHESIS_TEMPLATE,
  INITIATIVE_STATUSES,
  type Initiative,
  type PriorityMethod,
  STATUS_WORDS,
  type Task,
} from './initiatives';
import { type InitiativesTextKey, initiativesText } from './texts';

export const INITIATIVES_METADATA = {
  kind: 'okr.kind',
  kindValue: 'okr-initiatives',
  /** The quarter label: one key and value a finder looks for, so a quarter's sheet is found in one query. */
  key: 'okr.initiatives.key',
  method: 'okr.initiatives.method',
  /**
   * The value `initiatives` on the initiatives' title row, `tasks` on the tasks' section row (the first row
   * below the initiatives that is not one), so a reader knows where each region starts after rows are inserted.
   */
  region: 'okr.initiatives.region',
} as const;

export const INITIATIVE_COLUMN_KEYS = {
  ice: [
    'id',
    'initiative',
    'keyResult',
    'owner',
    'status',
    'impact',
    'confidence',
    'ease',
    'score',
    'rank',
    'ownProgress',
    'progress',
    'flags',
  ],
  rice: [
    'id',
    'initiative',
    'keyResult',
    'owner',
    'status',
    'reach',
    'impact',
    'confidence',
    'effort',
    'score',
    'rank',
    'ownProgress',
    'progress',
    'flags',
  ],
} as const;
export type InitiativeColumnKey = (typeof INITIATIVE_COLUMN_KEYS)[PriorityMethod][number];

export const TASK_COLUMN_KEYS = ['task', 'taskInitiative', 'taskOwner', 'due', 'done', 'taskFlags'] as const;
export type TaskColumnKey = (typeof TASK_COLUMN_KEYS)[number];

/** Rows kept empty below the initiatives and below the tasks, already formatted and computed. */
export const SPARE_INITIATIVE_ROWS = 10;
export const SPARE_TASK_ROWS = 20;

/** Where the OKR sheet of the quarter keeps its KR ids and its running-initiative counts. */
export interface OkrSheetPlaces {
  sheetName: string;
  /** `$D$7:$D$46` */
  keyResultIds: string;
  /** The count column of running initiatives, when the OKR sheet has one. */
  runningCounts: string | null;
}

export interface InitiativesInput {
  lang: Lang;
  style: FormulaStyle;
  method: PriorityMethod;
  quarterLabel: string;
  team: string;
  initiatives: readonly Initiative[];
  tasks: readonly Task[];
  /** The quarter's KR ids, for the KR dropdown and the static flag of a sheet with no count column. */
  keyResultIds: readonly string[];
  okr: OkrSheetPlaces | null;
}

export interface InitiativesLayout extends SheetSpec {
  name: string;
  frozenRows: number;
  rowMetadata: { row: number; key: string; value: string }[];
  /** Rows of the initiatives (title row, first and last row incl. spare) and of the tasks. */
  initiativeRows: { header: number; first: number; last: number };
  taskRows: { header: number; first: number; last: number };
  columns: Record<string, number>;
}

/** The sheet's name: "Initiatives Q1 2027" / "Inicjatywy Q1 2027". */
export function initiativesSheetName(lang: Lang, quarterLabel: string): string {
  return initiativesText(lang, 'sheetName', { quarter: quarterLabel });
}

/** The status words of both languages that mean "running", for formulas that count running initiatives. */
export const RUNNING_WORDS = [...new Set([STATUS_WORDS.en.running, STATUS_WORDS.pl.running])];

/** A COUNTIFS of running initiatives serving the KR in `keyResultCell`, over whole columns of another sheet. */
export function runningInitiativesFormula(sheetName: string, keyResultCell: string): string {
  const sheet = `'${sheetName.replace(/'/g, "''")}'`;
  // The KR and status columns are the third and fifth under both methods.
  const keys = INITIATIVE_COLUMN_KEYS.ice as readonly string[];
  const letter = (key: string) => columnLetter(keys.indexOf(key) + 1);
  const krs = `${sheet}!$${letter('keyResult')}:$${letter('keyResult')}`;
  const statuses = `${sheet}!$${letter('status')}:$${letter('status')}`;
  const counts = RUNNING_WORDS.map((word) => call('COUNTIFS', krs, keyResultCell, statuses, quoted(word)));
  // No Initiatives sheet yet: no running initiative, not an error.
  return `=${call('IF', `${keyResultCell}=""`, '""', call('IFERROR', counts.join('+'), 0))}`;
}

/** Lays out the Initiatives sheet of a quarter. */
export function layoutInitiatives(input: InitiativesInput): InitiativesLayout {
  const { lang, style, method } = input;
  const t = (key: InitiativesTextKey, params?: Record<string, string | number>) => initiativesText(lang, key, params);
  const keys = INITIATIVE_COLUMN_KEYS[method] as readonly InitiativeColumnKey[];
  const col = (key: InitiativeColumnKey) => keys.indexOf(key as never) + 1;
  const letter = (key: InitiativeColumnKey) => columnLetter(col(key));
  const taskCol = (key: TaskColumnKey) => TASK_COLUMN_KEYS.indexOf(key) + 1;
  const taskLetter = (key: TaskColumnKey) => columnLetter(taskCol(key));

  const titleRow = 1;
  const noteRow = 2;
  const keyResultsRow = 3;
  const initiativesSection = 5;
  const header = initiativesSection + 1;
  const first = header + 1;
  const last = first + input.initiatives.length + SPARE_INITIATIVE_ROWS - 1;
  const tasksSection = last + 2;
  const taskHeader = tasksSection + 1;
  const taskFirst = taskHeader + 1;
  const taskLast = taskFirst + input.tasks.length + SPARE_TASK_ROWS - 1;
  const lastRow = taskLast;
  const lastColumn = keys.length;

  const grids = sheetGrids(lastRow, lastColumn);
  const { put, setFormat, bold, fill } = grids;
  const validations = grids.grid<ValidationSpec | null>(null);
  const validate = (row: number, columnNumber: number, spec: ValidationSpec) => {
    (validations[row - 1] as (ValidationSpec | null)[])[columnNumber - 1] = spec;
  };

  put(titleRow, 1, text(t('title', { quarter: input.quarterLabel, team: input.team })));
  bold(titleRow, 1);
  put(noteRow, 1, text(`${t('progressNote')} ${t('hypothesisNote', { template: HYPOTHESIS_TEMPLATE[lang] })}`));

  const absolute = (key: InitiativeColumnKey) => a1Range(first, col(key), last, col(key), true);
  const taskColumn = (key: TaskColumnKey) => a1Range(taskFirst, taskCol(key), taskLast, taskCol(key), true);

  // KRs with no running initiative: from the OKR sheet's count column when it has one (it follows every
  // edit here), else the list the core computed when the sheet was made.
  // The label in B (wide) and the list in D: the OKR sheet counts over whole columns C (KR) and E (status)
  // of this sheet, so a cell there that reads those counts would be a circular reference.
  const [labelColumn, listColumn] = [2, 4];
  put(keyResultsRow, labelColumn, text(t('keyResultsWithout')));
  bold(keyResultsRow, labelColumn);
  fill(keyResultsRow, listColumn, FILL.computed);
  if (input.okr?.runningCounts) {
    const sheet = `'${input.okr.sheetName.replace(/'/g, "''")}'`;
    const ids = `${sheet}!${input.okr.keyResultIds}`;
    const counts = `${sheet}!${input.okr.runningCounts}`;
    // IF over the ranges as an array rather than FILTER, which LibreOffice before 24.8 and Excel before 2021
    // lack; the .xlsx export turns ARRAYFORMULA into an array formula.
    const notRunning = call('IF', `(${ids}<>"")*(${counts}=0)`, ids, '""');
    put(
      keyResultsRow,
      listColumn,
      formula(`=${call('IFERROR', call('ARRAYFORMULA', call('TEXTJOIN', quoted(', '), 'TRUE', notRunning)), '""')}`),
    );
  } else {
    const running = new Set(
      input.initiatives
        .filter((initiative) => initiative.status === 'running')
        .map((initiative) => initiative.keyResultId.trim().toLowerCase()),
    );
    put(keyResultsRow, listColumn, text(input.keyResultIds.filter((id) => !running.has(id.toLowerCase())).join(', ')));
  }

  // INITIATIVES
  grids.section(initiativesSection, t('initiativesSection'));
  const inputsOf: readonly InitiativeColumnKey[] =
    method === 'ice' ? ['impact', 'confidence', 'ease'] : ['reach', 'impact', 'confidence', 'effort'];
  const range = (key: InitiativeColumnKey) => a1Range(first, col(key), last, col(key));
  for (const key of keys) {
    const scoreTitle =
      style === 'addon' && key === 'score'
        ? formula(`=${column(quoted(t('col_score')), call(method === 'ice' ? 'ICE' : 'RICE', ...inputsOf.map(range)))}`)
        : text(t(`col_${key}`));
    put(header, col(key), scoreTitle);
    bold(header, col(key));
    fill(header, col(key), FILL.header);
  }

  const statusWords = INITIATIVE_STATUSES.map((status) => STATUS_WORDS[lang][status]);
  const statusSpec: ValidationSpec = {
    kind: 'list',
    values: statusWords,
    allowInvalid: true,
    help: t('helpStatus', { choices: statusWords.join(', ') }),
  };
  const keyResultSpec: ValidationSpec | null =
    input.keyResultIds.length > 0
      ? {
          kind: 'list',
          values: input.keyResultIds,
          allowInvalid: true,
          help: t('helpKeyResult', { quarter: input.quarterLabel }),
        }
      : null;
  const scaleSpec: ValidationSpec = { kind: 'number', min: 1, max: 10, allowInvalid: true, help: t('helpScale') };
  const okrIds = input.okr ? `'${input.okr.sheetName.replace(/'/g, "''")}'!${input.okr.keyResultIds}` : null;
  const ideaWords = [...new Set([STATUS_WORDS.en.idea, STATUS_WORDS.pl.idea])];

  input.initiatives.forEach((initiative, index) => {
    const row = first + index;
    const values: Partial<Record<InitiativeColumnKey, SheetCell>> = {
      id: text(initiative.id),
      initiative: text(initiative.hypothesis),
      keyResult: initiative.keyResultId ? text(initiative.keyResultId) : null,
      owner: initiative.owner ? text(initiative.owner) : null,
      status: text(STATUS_WORDS[lang][initiative.status]),
      reach: numberCell(initiative.reach),
      impact: numberCell(initiative.impact),
      confidence: numberCell(initiative.confidence),
      ease: numberCell(initiative.ease),
      effort: numberCell(initiative.effort),
      ownProgress: numberCell(initiative.progress),
    };
    for (const [key, cell] of Object.entries(values) as [InitiativeColumnKey, SheetCell][]) {
      if (keys.includes(key)) put(row, col(key), cell);
    }
  });

  const taskIds = taskColumn('taskInitiative');
  const taskDone = taskColumn('done');
  for (let row = first; row <= last; row++) {
    const at = (key: InitiativeColumnKey) => `$${letter(key)}${row}`;
    if (style === 'portable') {
      const score =
        method === 'ice'
          ? `${at('impact')}*${at('confidence')}*${at('ease')}`
          : `${at('reach')}*${at('impact')}*${call('IF', `${at('confidence')}>1`, `${at('confidence')}/100`, at('confidence'))}/${at('effort')}`;
      const ready = call('COUNT', ...inputsOf.map(at));
      put(
        row,
        col('score'),
        formula(`=${call('IF', `${ready}<${inputsOf.length}`, '""', call('IFERROR', score, '""'))}`),
      );
    }
    // RANK(score; scores) counted out: 1 + the scores above this one. The same ranks, ties shared, in every
    // application (HyperFormula, which the playground computes with, has no RANK).
    put(
      row,
      col('rank'),
      formula(
        `=${call('IF', call('ISNUMBER', at('score')), `${call('COUNTIF', absolute('score'), `">"&${at('score')}`)}+1`, '""')}`,
      ),
    );
    const tasksOf = call('COUNTIF', taskIds, at('id'));
    put(
      row,
      col('progress'),
      formula(
        `=${call(
          'IF',
          `${at('id')}=""`,
          '""',
          call(
            'IF',
            `${tasksOf}=0`,
            call('IF', call('ISNUMBER', at('ownProgress')), at('ownProgress'), '""'),
            `${call('COUNTIFS', taskIds, at('id'), taskDone, 'TRUE')}/${tasksOf}`,
          ),
        )}`,
      ),
    );
    const keyResultFlag = call(
      'IF',
      `${at('keyResult')}=""`,
      quoted(`${t('flagNoKeyResult')} `),
      okrIds
        ? call(
            'IF',
            `${call('COUNTIF', okrIds, at('keyResult'))}=0`,
            quoted(`${t('flagKeyResultNotInQuarter', { quarter: input.quarterLabel })} `),
            '""',
          )
        : '""',
    );
    const isIdea = call('OR', ...ideaWords.map((word) => `${at('status')}=${quoted(word)}`));
    const ideaFlag = call(
      'IF',
      call('AND', isIdea, `${at('owner')}=""`, call('ISNUMBER', at('rank'))),
      call('IF', `${at('rank')}<=${HIGH_RANK}`, quoted(t('flagIdeaWithoutOwner')), '""'),
      '""',
    );
    put(
      row,
      col('flags'),
      formula(`=${call('IF', `${at('initiative')}=""`, '""', call('TRIM', `${keyResultFlag}&${ideaFlag}`))}`),
    );
    setFormat(row, col('score'), method === 'ice' ? '0' : '0.0');
    setFormat(row, col('ownProgress'), PERCENT_FORMAT);
    setFormat(row, col('progress'), PERCENT_FORMAT);
    for (const key of ['id', 'initiative', 'keyResult', 'owner', 'status', 'ownProgress', ...inputsOf] as const) {
      fill(row, col(key), FILL.input);
    }
    for (const key of ['score', 'rank', 'progress', 'flags'] as const) fill(row, col(key), FILL.computed);
    if (keyResultSpec) validate(row, col('keyResult'), keyResultSpec);
    validate(row, col('status'), statusSpec);
    if (method === 'ice') for (const key of inputsOf) validate(row, col(key), scaleSpec);
  }

  // TASKS
  grids.section(tasksSection, t('tasksSection'));
  for (const key of TASK_COLUMN_KEYS) {
    put(taskHeader, taskCol(key), text(t(`col_${key}`)));
    bold(taskHeader, taskCol(key));
    fill(taskHeader, taskCol(key), FILL.header);
  }
  input.tasks.forEach((task, index) => {
    const row = taskFirst + index;
    put(row, taskCol('task'), text(task.title));
    put(row, taskCol('taskInitiative'), task.initiativeId ? text(task.initiativeId) : null);
    put(row, taskCol('taskOwner'), task.owner ? text(task.owner) : null);
    put(row, taskCol('due'), task.due ? formula(dateFormula(task.due)) : null);
    put(row, taskCol('done'), task.done ? formula('=TRUE') : null);
  });
  const initiativeIds = [...new Set(input.initiatives.map((initiative) => initiative.id))];
  const initiativeSpec: ValidationSpec | null =
    initiativeIds.length > 0
      ? { kind: 'list', values: initiativeIds, allowInvalid: true, help: t('helpInitiative') }
      : null;
  const doneSpec: ValidationSpec = { kind: 'checkbox', help: t('helpDone') };
  for (let row = taskFirst; row <= taskLast; row++) {
    const at = (key: TaskColumnKey) => `$${taskLetter(key)}${row}`;
    put(
      row,
      taskCol('taskFlags'),
      formula(
        `=${call('IF', `${at('task')}=""`, '""', call('IF', `${call('COUNTIF', absolute('id'), at('taskInitiative'))}=0`, quoted(t('flagNoInitiative')), '""'))}`,
      ),
    );
    setFormat(row, taskCol('due'), DATE_FORMAT);
    for (const key of ['task', 'taskInitiative', 'taskOwner', 'due', 'done'] as const)
      fill(row, taskCol(key), FILL.input);
    fill(row, taskCol('taskFlags'), FILL.computed);
    if (initiativeSpec) validate(row, taskCol('taskInitiative'), initiativeSpec);
    validate(row, taskCol('done'), doneSpec);
  }

  const sheetMetadata: MetadataSpec[] = [
    { key: INITIATIVES_METADATA.kind, value: INITIATIVES_METADATA.kindValue },
    { key: INITIATIVES_METADATA.key, value: input.quarterLabel },
    { key: INITIATIVES_METADATA.method, value: method },
  ];
  const widths: Partial<Record<InitiativeColumnKey, number>> = { id: 60, initiative: 360, owner: 120, flags: 260 };
  return {
    name: initiativesSheetName(lang, input.quarterLabel),
    ...grids.drawn(),
    validations,
    conditionalRules: [
      {
        formula: `=LEN($${letter('flags')}${first})>0`,
        ranges: [a1Range(first, col('flags'), last, col('flags'))],
        background: FILL.yellow,
      },
      {
        formula: `=LEN($${taskLetter('taskFlags')}${taskFirst})>0`,
        ranges: [a1Range(taskFirst, taskCol('taskFlags'), taskLast, taskCol('taskFlags'))],
        background: FILL.yellow,
      },
    ],
    notes: [{ a1: a1(header, col('progress')), note: t('progressNote') }],
    sheetMetadata,
    columnWidths: keys.map((key, index) => ({ column: index + 1, width: widths[key] ?? 90 })),
    frozenRows: 0,
    rowMetadata: [
      { row: header, key: INITIATIVES_METADATA.region, value: 'initiatives' },
      { row: tasksSection, key: INITIATIVES_METADATA.region, value: 'tasks' },
    ],
    initiativeRows: { header, first, last },
    taskRows: { header: taskHeader, first: taskFirst, last: taskLast },
    columns: Object.fromEntries(keys.map((key) => [key, col(key)])),
  };
}

function numberCell(value: number | null | undefined): SheetCell {
  return typeof value === 'number' && Number.isFinite(value) ? number(value) : null;
}
