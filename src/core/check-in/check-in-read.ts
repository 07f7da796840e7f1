// Reads a check-in tab back into the check-in, without Sheets: the edge hands over the tab's values (one
// getValues of its used range), the rows of each region as its row metadata says (so rows a person inserted
// in a section are read too) and the info the tab was made with. Every cell a person could have typed wrong
// is reported by row, in the tab's language, and reading goes on. The same reading gives the History
// records of the week and the plain-text export.

import { dayFromIso, isBlank, readDay, readDone, readNumber } from '../cell-values';
import type { Lang } from '../i18n';
import { describeValue } from '../input-error';
import { parseUnit, sheetText } from '../okr-sheet/texts';
import { expectedProgress } from '../pace';
import { inferKind, parseKeyResultType, parseKind } from '../score';
import {
  assessKeyResult,
  type Blocker,
  type CheckIn,
  type CheckInKeyResult,
  type Pipeline,
  type PlanItem,
} from './check-in';
import {
  BLOCKER_COLUMNS,
  type CheckInTabInfo,
  DEAL_COLUMNS,
  HEADER_PLACES,
  type LabelledPlace,
  PIPELINE_PLACES,
  PLAN_COLUMNS,
  type RegionName,
  type RegionRows,
  type TabColumnKey,
  tabColumn,
} from './check-in-tab';
import { type CheckInTextKey, checkInText } from './check-in-texts';
import type { HistoryRecord } from './history';

export interface CheckInTabSnapshot {
  info: CheckInTabInfo;
  /** The tab's values from row 1 (`values[0]` is row 1), as getValues gives them. */
  values: readonly (readonly unknown[])[];
  /** Each region's rows, by its row metadata; a region whose metadata is gone is absent. */
  regions: Partial<Record<RegionName, RegionRows>>;
}

export interface CheckInProblem {
  /** The row of the check-in tab (or, where the message says so, of the OKR sheet); 0 for the whole tab. */
  row: number;
  message: string;
}

/**
 * Why a KR fed by a formula has no value this week, as a code the sidebar words: the formula shows an error
 * (its code, `#DIV/0!`), the Deals sheet it reads is gone, or it gives nothing yet (no deals). Its value is
 * then left out of History, never recorded as 0.
 */
export type FedValueProblem = { code: 'formulaError'; error: string } | { code: 'noDealsSheet' } | { code: 'noValue' };

/** One key result row of the tab, as read. */
export interface CheckInRow {
  row: number;
  keyResult: CheckInKeyResult;
  /** Its value is the OKR sheet's formula, not typed (`deals`: one over the Deals sheet), and what ails it. */
  fed?: { deals: boolean; problem: FedValueProblem | null };
  /** Nothing typed this week: no value, no confidence, no comment. */
  blank: boolean;
  /** A cell of this row could not be read; the row is not recorded. */
  unreadable: boolean;
}

export interface CheckInReading {
  checkIn: CheckIn;
  rows: CheckInRow[];
  problems: CheckInProblem[];
  lang: Lang;
}

const ref = (field: string) => ({ fn: field, arg: '' });

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Reads the tab's cells into the check-in, its rows and the problems found. */
export function readCheckInTab(snapshot: CheckInTabSnapshot): CheckInReading {
  const { info, values, regions } = snapshot;
  const lang = info.lang;
  const t = (key: CheckInTextKey, params?: Record<string, string | number>) => checkInText(lang, key, params);
  const problems: CheckInProblem[] = [];
  const cell = (row: number, column: number): unknown => values[row - 1]?.[column - 1];
  const at = (region: RegionRows, place: LabelledPlace) => cell(region.row + place.offset, place.value);
  const missing = (region: RegionName) => problems.push({ row: 0, message: t('msgMissingRegion', { region }) });

  const number = (value: unknown, row: number, field: string): number | null => {
    try {
      return readNumber(value, ref(field));
    } catch {
      problems.push({ row, message: t('msgNotANumber', { row, field, value: describeValue(value) }) });
      return null;
    }
  };

  // The as-of day: the header's cell, which the team may overwrite; the day the tab was made otherwise.
  const header = regions.header;
  if (!header) missing('header');
  let asOfDay = dayFromIso(info.asOf);
  if (header) {
    try {
      asOfDay = readDay(at(header, HEADER_PLACES.asOf), ref('as of')) ?? asOfDay;
    } catch {
      // An as-of cell that holds no date: the day the tab was made still stands.
    }
  }
  const expected = expectedProgress(dayFromIso(info.start), dayFromIso(info.end), asOfDay);

  const pipeline: Pipeline = {
    value: null,
    goal: null,
    finalStageDeals: [],
    forecastTwoWeeks: null,
    currency: info.currency,
  };
  const pipelineRows = regions.pipeline;
  if (pipelineRows) {
    const read = (field: keyof typeof PIPELINE_PLACES, key: CheckInTextKey) =>
      number(at(pipelineRows, PIPELINE_PLACES[field]), pipelineRows.row + PIPELINE_PLACES[field].offset, t(key));
    pipeline.value = read('value', 'pipelineValue');
    pipeline.goal = read('goal', 'pipelineGoal');
    pipeline.forecastTwoWeeks = read('forecast', 'pipelineForecast');
  } else missing('pipeline');
  const deals = regions.deals;
  if (deals) {
    for (let row = deals.row; row < deals.row + deals.rows; row++) {
      const name = textOf(cell(row, DEAL_COLUMNS.name));
      if (name) pipeline.finalStageDeals.push(name);
    }
  } else missing('deals');

  const rows: CheckInRow[] = [];
  const keyResults = regions.keyResults;
  if (keyResults) {
    const fedIds = new Map((info.auto ?? []).map((fed) => [fed.id.toLowerCase(), fed.deals]));
    for (let row = keyResults.row; row < keyResults.row + keyResults.rows; row++) {
      const get = (key: TabColumnKey) => cell(row, tabColumn(key));
      const deals = fedIds.get(textOf(get('krId')).toLowerCase());
      const fed = deals === undefined ? undefined : { deals, problem: fedProblem(get('value')) };
      const read = readKeyResultRow(fed?.problem ? (key) => (key === 'value' ? '' : get(key)) : get, row, lang, t);
      if (!read) continue;
      problems.push(...read.problems);
      rows.push({
        row,
        keyResult: read.keyResult,
        blank: read.blank,
        unreadable: read.problems.length > 0,
        ...(fed ? { fed } : {}),
      });
    }
  } else missing('keyResults');

  const blockers: Blocker[] = [];
  const blockerRows = regions.blockers;
  if (blockerRows) {
    for (let row = blockerRows.row; row < blockerRows.row + blockerRows.rows; row++) {
      const description = textOf(cell(row, BLOCKER_COLUMNS.description));
      const whoCanHelp = textOf(cell(row, BLOCKER_COLUMNS.whoCanHelp));
      if (description || whoCanHelp) blockers.push({ description, whoCanHelp });
    }
  } else missing('blockers');

  const plan: PlanItem[] = [];
  const planRows = regions.plan;
  if (planRows) {
    for (let row = planRows.row; row < planRows.row + planRows.rows; row++) {
      const action = textOf(cell(row, PLAN_COLUMNS.action));
      const keyResultId = textOf(cell(row, PLAN_COLUMNS.keyResultId));
      if (action || keyResultId) plan.push({ action, keyResultId });
    }
  } else missing('plan');

  return {
    checkIn: {
      quarterLabel: info.quarter,
      week: info.week,
      asOfDay,
      expected,
      pipeline,
      keyResults: rows.map((row) => row.keyResult),
      blockers,
      plan,
    },
    rows,
    problems: problems.sort((a, b) => a.row - b.row),
    lang,
  };
}

/** What ails the value of a KR fed by a formula: an error or text where a number belongs, or no value. */
function fedProblem(value: unknown): FedValueProblem | null {
  if (isBlank(value)) return { code: 'noValue' };
  try {
    readNumber(value, ref(''));
    return null;
  } catch {
    return { code: 'formulaError', error: describeValue(value) };
  }
}

function readKeyResultRow(
  get: (key: TabColumnKey) => unknown,
  row: number,
  lang: Lang,
  t: (key: CheckInTextKey, params?: Record<string, string | number>) => string,
): { keyResult: CheckInKeyResult; blank: boolean; problems: CheckInProblem[] } | null {
  const id = textOf(get('krId'));
  if (!id) return null;
  const problems: CheckInProblem[] = [];
  const title = (key: TabColumnKey) => t(`col_${key}` as CheckInTextKey);
  const quiet = (value: unknown, key: TabColumnKey): number | null => {
    try {
      return readNumber(value, ref(title(key)));
    } catch {
      return null;
    }
  };
  const start = quiet(get('start'), 'start');
  const target = quiet(get('target'), 'target');
  const kindWord = textOf(get('kind'));
  const kind = (kindWord ? parseKind(kindWord) : null) ?? inferKind(start, target);
  const milestone = kind === 'milestone';
  const unit = parseUnit(textOf(get('unit'))) ?? { unit: 'count' as const };
  const yes = sheetText(lang, 'yes');
  const no = sheetText(lang, 'no');

  // This week's value is what the team typed; it decides whether the row is recorded at all.
  const typed = (key: TabColumnKey): number | null => {
    const value = get(key);
    try {
      if (milestone) {
        const done = readDone(value, ref(title(key)));
        return done === null ? null : done ? 1 : 0;
      }
      return readNumber(value, ref(title(key)));
    } catch {
      const params = { row, field: title(key), value: describeValue(value), yes, no };
      problems.push({ row, message: t(milestone ? 'msgNotYesNo' : 'msgNotANumber', params) });
      return null;
    }
  };
  const value = typed('value');
  const confidenceCell = get('confidence');
  let confidence: number | null = null;
  try {
    confidence = readNumber(confidenceCell, ref(title('confidence')));
  } catch {
    problems.push({
      row,
      message: t('msgNotANumber', { row, field: title('confidence'), value: describeValue(confidenceCell) }),
    });
  }
  let lastValue: number | null = null;
  try {
    lastValue = milestone ? toNumber(readDone(get('lastValue'), ref(''))) : readNumber(get('lastValue'), ref(''));
  } catch {
    lastValue = null;
  }
  let lastRecordedDay: number | null = null;
  try {
    lastRecordedDay = readDay(get('lastDate'), ref(''));
  } catch {
    lastRecordedDay = null;
  }
  const comment = textOf(get('comment'));
  const keyResult: CheckInKeyResult = {
    id,
    objective: textOf(get('objective')),
    title: textOf(get('keyResult')),
    owner: textOf(get('owner')),
    kind,
    unit: unit.unit,
    ...(unit.currency ? { currency: unit.currency } : {}),
    start: milestone ? null : start,
    target: milestone ? null : target,
    committed: parseKeyResultType(textOf(get('type'))) === 'committed',
    lastValue,
    lastRecordedDay,
    value,
    confidence,
    comment,
  };
  const blank = isBlank(get('value')) && isBlank(confidenceCell) && comment === '';
  return { keyResult, blank, problems };
}

function toNumber(done: boolean | null): number | null {
  return done === null ? null : done ? 1 : 0;
}

export interface RecordsOfWeek {
  records: HistoryRecord[];
  /** Key results with nothing typed this week: not recorded. */
  blank: string[];
  /** Key results whose row could not be read: not recorded, reported by row. */
  unreadable: string[];
}

/**
 * The History records of a reading: one per key result with something typed (a value, or at least a
 * confidence or a comment, which are kept with a blank value), scored as the tab's formulas score it.
 */
export function recordsOf(reading: CheckInReading, stamp: { recordedAt: string; who: string }): RecordsOfWeek {
  const { checkIn } = reading;
  const records: HistoryRecord[] = [];
  const blank: string[] = [];
  const unreadable: string[] = [];
  for (const row of reading.rows) {
    const { keyResult } = row;
    if (row.unreadable) {
      unreadable.push(keyResult.id);
      continue;
    }
    if (row.blank) {
      blank.push(keyResult.id);
      continue;
    }
    const assessment = assessKeyResult(keyResult, checkIn.expected, checkIn.asOfDay);
    records.push({
      recordedAt: stamp.recordedAt,
      day: checkIn.asOfDay,
      week: checkIn.week,
      keyResultId: keyResult.id,
      value: keyResult.value,
      score: assessment.score,
      status: assessment.status,
      confidence: keyResult.confidence,
      comment: keyResult.comment,
      who: stamp.who,
      quarter: checkIn.quarterLabel,
    });
  }
  return { records, blank, unreadable };
}
