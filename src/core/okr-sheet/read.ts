// Turns the cells of an OKR sheet back into the quarter plan, without Sheets: the edge hands over one
// grid of values (and one of formulas) plus what the developer metadata says. Columns are found by their
// metadata first and by their title in either language second, so inserted, moved or retitled columns are
// still found; rows may be in any order (ids restore the plan's order); notes below the table are skipped.
// Every broken row is reported, in the plan's language, and reading goes on.

import {
  type KeyResultPlan,
  type KrSource,
  keyResultSchema,
  type Level,
  type ObjectivePlan,
  planSchema,
  type QuarterPlan,
} from '../../shared/plan';
import { isBlank, readNumber } from '../cell-values';
import { sourceOfFormula } from '../deals/kr-sources';
import type { Lang } from '../i18n';
import { describeValue } from '../input-error';
import { inferKind, parseKeyResultType, parseKind } from '../score';
import { COLUMN_KEYS, type ColumnKey, columnTitle, HEADER_PLACES, type HeaderField } from './columns';
import { type PlanSettings, parseSettings } from './settings';
import { LANGS, levelWord, parseLevel, parseUnit, type SheetTextKey, sheetText } from './texts';

/** What the edge read from the sheet. Rows and columns are 1-based; `values[0]` is row 1. */
export interface SheetSnapshot {
  values: readonly (readonly unknown[])[];
  /** Formulas of the same region (`''` where a cell holds a value); lets a reader tell a typed formula. */
  formulas?: readonly (readonly string[])[];
  /** Column of each key by its column metadata. */
  columnsByMetadata?: Partial<Record<ColumnKey, number>>;
  /** The header row by its row metadata. */
  headerRowByMetadata?: number | null;
  /** The JSON of the settings metadata. */
  settingsJson?: string | null;
  /** Language of the messages when the settings cannot tell. */
  fallbackLang?: Lang;
}

export interface Problem {
  row: number;
  /** The column key (`target`), or `sheet` for what concerns the whole sheet. */
  field: string;
  message: string;
}

/** One key result row as found in the sheet, broken or not. */
export interface QuarterRow {
  row: number;
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  current: number | null;
  /** The formula in the current cell, `null` when it holds a typed value. */
  currentFormula: string | null;
  /** The Deals source whose ready formula the current cell holds; `null` when typed or a formula of the user's. */
  source: KrSource | null;
  score: number | null;
  status: string;
  /** False when the row has a problem and was left out of the plan. */
  valid: boolean;
}

export interface QuarterReading {
  plan: QuarterPlan | null;
  settings: PlanSettings | null;
  rows: QuarterRow[];
  problems: Problem[];
  lang: Lang;
  headerRow: number | null;
  /** Column of each key found (1-based). */
  columns: Partial<Record<ColumnKey, number>>;
}

const REQUIRED: readonly ColumnKey[] = ['objectiveId', 'objective', 'keyResult', 'start', 'target'];

function normalize(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().slice(0, 10);
  return String(value).trim();
}

const titles = (key: ColumnKey) => LANGS.map((lang) => normalize(columnTitle(key, lang)));

/** The header row: the metadata's if it still looks like one, else the first row with most column titles. */
function findHeaderRow(snapshot: SheetSnapshot): number | null {
  const all = new Set(COLUMN_KEYS.flatMap(titles));
  const matches = (row: number) => (snapshot.values[row - 1] ?? []).filter((cell) => all.has(normalize(cell))).length;
  const byMetadata = snapshot.headerRowByMetadata;
  if (byMetadata && matches(byMetadata) >= 3) return byMetadata;
  let best: number | null = null;
  let bestCount = 3;
  const limit = Math.min(snapshot.values.length, 50);
  for (let row = 1; row <= limit; row++) {
    const count = matches(row);
    if (count > bestCount || (best === null && count >= bestCount)) {
      best = row;
      bestCount = count;
    }
  }
  return best;
}

function findColumns(snapshot: SheetSnapshot, headerRow: number): Partial<Record<ColumnKey, number>> {
  const header = snapshot.values[headerRow - 1] ?? [];
  const width = Math.max(header.length, ...snapshot.values.map((row) => row.length));
  const found: Partial<Record<ColumnKey, number>> = {};
  const taken = new Set<number>();
  for (const key of COLUMN_KEYS) {
    const column = snapshot.columnsByMetadata?.[key];
    if (column && column >= 1 && column <= width && !taken.has(column)) {
      found[key] = column;
      taken.add(column);
    }
  }
  for (const key of COLUMN_KEYS) {
    if (found[key]) continue;
    const names = titles(key);
    const index = header.findIndex((cell, i) => !taken.has(i + 1) && names.includes(normalize(cell)));
    if (index >= 0) {
      found[key] = index + 1;
      taken.add(index + 1);
    }
  }
  return found;
}

/** The team: the cell right of the "Team" label above the table, in either language. */
function findHeaderValue(snapshot: SheetSnapshot, headerRow: number, field: HeaderField): unknown {
  const labels = LANGS.map((lang) => normalize(sheetText(lang, field)));
  for (let row = 1; row < headerRow; row++) {
    const line = snapshot.values[row - 1] ?? [];
    const index = line.findIndex((cell) => labels.includes(normalize(cell)));
    if (index >= 0) return line[index + 1];
  }
  const place = HEADER_PLACES[field];
  return snapshot.values[place.row - 1]?.[place.labelColumn];
}

/** Compares ids the way a person orders them: O2 before O10, O1.2 before O1.10. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

interface ParsedRow {
  row: number;
  objectiveId: string;
  objective: { title: string; level: Level | null; parent: string };
  keyResult: KeyResultPlan;
}

/** Reads the sheet's cells into the plan, the rows and the problems found. */
export function readQuarterGrid(snapshot: SheetSnapshot): QuarterReading {
  const settings = parseSettings(snapshot.settingsJson);
  const lang: Lang = settings?.language ?? snapshot.fallbackLang ?? 'en';
  const t = (key: SheetTextKey, params?: Record<string, string | number>) => sheetText(lang, key, params);
  const problems: Problem[] = [];
  const result = (plan: QuarterPlan | null, rows: QuarterRow[], headerRow: number | null, columns = {}) => ({
    plan,
    settings,
    rows,
    problems: problems.sort((a, b) => a.row - b.row),
    lang,
    headerRow,
    columns,
  });
  if (!settings) problems.push({ row: 1, field: 'sheet', message: t('problemNoSettings') });

  const headerRow = findHeaderRow(snapshot);
  if (headerRow === null) {
    problems.push({ row: 1, field: 'sheet', message: t('problemNoHeader') });
    return result(null, [], null);
  }
  const columns = findColumns(snapshot, headerRow);
  const missing = REQUIRED.filter((key) => !columns[key]);
  for (const key of missing) {
    problems.push({
      row: headerRow,
      field: key,
      message: t('problemMissingColumn', { field: columnTitle(key, lang) }),
    });
  }
  if (missing.length > 0) return result(null, [], headerRow, columns);

  const rows: QuarterRow[] = [];
  const parsed: ParsedRow[] = [];
  const firstRowOfKr = new Map<string, number>();
  for (let row = headerRow + 1; row <= snapshot.values.length; row++) {
    const line = snapshot.values[row - 1] ?? [];
    const get = (key: ColumnKey): unknown => (columns[key] ? line[(columns[key] as number) - 1] : '');
    const formulaOf = (key: ColumnKey): string =>
      columns[key] ? (snapshot.formulas?.[row - 1]?.[(columns[key] as number) - 1] ?? '') : '';
    if (!isKeyResultRow(get)) continue;
    const rowProblems: Problem[] = [];
    const problem = (key: ColumnKey, message: string) => rowProblems.push({ row, field: key, message });
    const title = (key: ColumnKey) => columnTitle(key, lang);

    const id = textOf(get('krId'));
    const objectiveId = textOf(get('objectiveId'));
    if (!objectiveId) problem('objectiveId', t('problemMissing', { field: title('objectiveId') }));
    if (id) {
      const first = firstRowOfKr.get(id.toLowerCase());
      if (first !== undefined)
        problem('krId', t('problemDuplicateId', { field: title('krId'), value: id, row: first }));
      else firstRowOfKr.set(id.toLowerCase(), row);
    }
    const krTitle = textOf(get('keyResult'));
    if (!krTitle) problem('keyResult', t('problemMissing', { field: title('keyResult') }));
    const objectiveTitle = textOf(get('objective'));
    if (!objectiveTitle) problem('objective', t('problemMissing', { field: title('objective') }));

    const level = readWord(get('level'), parseLevel, 'level', (l) => levelWord(l, lang), problem, t, title, [
      'company',
      'team',
      'individual',
    ]);
    const kindWord = get('kind');
    const kind = isBlank(kindWord) ? null : parseKind(String(kindWord));
    if (!isBlank(kindWord) && kind === null) {
      problem(
        'kind',
        t('problemUnknownWord', {
          field: title('kind'),
          value: describeValue(kindWord),
          choices: (['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const)
            .map((k) => sheetText(lang, `kind_${k}`))
            .join(', '),
        }),
      );
    }
    const unitText = get('unit');
    const unit = isBlank(unitText) ? { unit: 'count' as const } : parseUnit(String(unitText));
    if (unit === null) {
      problem(
        'unit',
        t('problemUnknownWord', {
          field: title('unit'),
          value: describeValue(unitText),
          choices: (['count', 'percent', 'days', 'hours', 'points'] as const)
            .map((u) => sheetText(lang, `unit_${u}`))
            .concat(['zł', 'PLN', 'EUR'])
            .join(', '),
        }),
      );
    }
    const num = (key: ColumnKey): number | null => {
      try {
        return readNumber(get(key), { fn: title(key), arg: '' });
      } catch {
        problem(key, t('problemNotANumber', { field: title(key), value: describeValue(get(key)) }));
        return null;
      }
    };
    const milestone = kind === 'milestone';
    const start = milestone ? null : num('start');
    const target = milestone ? null : num('target');
    if (!milestone && target === null && isBlank(get('target'))) {
      problem('target', t('problemMissing', { field: title('target') }));
    }
    // The scenario columns are optional: a sheet built before them has none, and reads as it did.
    const minTarget = milestone || !columns.minTarget ? null : num('minTarget');
    const maxTarget = milestone || !columns.maxTarget ? null : num('maxTarget');
    // A current value fed by a formula that shows an error (#REF! once its source sheet is gone) is no value
    // yet, not a broken row: the cell shows the error, and the check-in names it.
    const fedCurrent = Boolean(formulaOf('current')) && !milestone && !isReadableNumber(get('current'));
    const current = milestone ? readMilestone(get('current'), problem, t, title) : fedCurrent ? null : num('current');
    const weightValue = num('weight');
    const weight = weightValue ?? 1;
    const typeWord = get('type');
    const type = isBlank(typeWord) ? 'aspirational' : parseKeyResultType(String(typeWord));
    if (type === null) {
      problem(
        'type',
        t('problemUnknownWord', {
          field: title('type'),
          value: describeValue(typeWord),
          choices: [t('type_committed'), t('type_aspirational')].join(', '),
        }),
      );
    }
    const score = get('score');
    const currentFormula = formulaOf('current');
    // The source is read from the formula itself, not from metadata: a value typed over it, or conditions the
    // user added, make it typed or the user's own, and the formula survives an .xlsx round trip or a copy.
    const source = currentFormula && !milestone ? sourceOfFormula(currentFormula) : null;
    const keyResult: KeyResultPlan = {
      ...(id ? { id } : {}),
      title: krTitle,
      kind: kind ?? inferKind(start, target),
      unit: unit?.unit ?? 'count',
      ...(unit?.currency && unit.currency !== settings?.currency ? { currency: unit.currency } : {}),
      start,
      target,
      ...(minTarget !== null ? { minTarget } : {}),
      ...(maxTarget !== null ? { maxTarget } : {}),
      ...(source ? { source } : {}),
      current,
      weight,
      owner: textOf(get('owner')),
      committed: type === 'committed',
      notes: textOf(get('notes')),
    };
    // The schema's own limits (lengths, weight 0–100), reported against this row's cells.
    const checked = keyResultSchema().safeParse(keyResult);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = fieldColumn(String(issue.path[0] ?? ''));
        if (rowProblems.some((p) => p.field === key)) continue;
        problem(key, t('problemInvalid', { field: title(key), message: issue.message }));
      }
    }
    rows.push({
      row,
      id,
      objectiveId,
      title: krTitle,
      owner: keyResult.owner,
      current,
      currentFormula: currentFormula ? currentFormula : null,
      source,
      score: typeof score === 'number' ? score : null,
      status: textOf(get('status')),
      valid: rowProblems.length === 0,
    });
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || level === undefined) continue;
    parsed.push({
      row,
      objectiveId,
      objective: { title: objectiveTitle, level, parent: textOf(get('parent')) },
      keyResult: checked.success ? checked.data : keyResult,
    });
  }

  const plan = settings ? assemblePlan(parsed, settings, snapshot, headerRow, problems, t, lang) : null;
  return result(plan, rows, headerRow, columns);
}

/** A row is a key result when it has a KR id, or a KR title with an objective, a kind or a target. */
function isKeyResultRow(get: (key: ColumnKey) => unknown): boolean {
  if (!isBlank(get('krId'))) return true;
  if (isBlank(get('keyResult'))) return false;
  return !isBlank(get('objectiveId')) || !isBlank(get('kind')) || !isBlank(get('target'));
}

/** The column a schema field lives in. */
function fieldColumn(field: string): ColumnKey {
  const map: Record<string, ColumnKey> = { id: 'krId', title: 'keyResult', committed: 'type', currency: 'unit' };
  return map[field] ?? ((COLUMN_KEYS as readonly string[]).includes(field) ? (field as ColumnKey) : 'keyResult');
}

type T = (key: SheetTextKey, params?: Record<string, string | number>) => string;

function readWord<W extends string>(
  value: unknown,
  parse: (text: string) => W | null,
  key: ColumnKey,
  word: (w: W) => string,
  problem: (key: ColumnKey, message: string) => void,
  t: T,
  title: (key: ColumnKey) => string,
  choices: readonly W[],
): W | undefined {
  if (isBlank(value)) {
    problem(key, t('problemMissing', { field: title(key) }));
    return undefined;
  }
  const parsed = parse(String(value));
  if (parsed === null) {
    problem(
      key,
      t('problemUnknownWord', {
        field: title(key),
        value: describeValue(value),
        choices: choices.map(word).join(', '),
      }),
    );
    return undefined;
  }
  return parsed;
}

const YES = new Set(LANGS.map((lang) => sheetText(lang, 'yes')).concat(['true', 'done', 'zrobione', 'prawda', '1']));
const NO = new Set(LANGS.map((lang) => sheetText(lang, 'no')).concat(['false', 'not done', 'fałsz', '0']));

function readMilestone(
  value: unknown,
  problem: (key: ColumnKey, message: string) => void,
  t: T,
  title: (key: ColumnKey) => string,
): number | null {
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const word = normalize(value);
  if (YES.has(word)) return 1;
  if (NO.has(word)) return 0;
  problem(
    'current',
    t('problemNotYesNo', { field: title('current'), value: describeValue(value), yes: t('yes'), no: t('no') }),
  );
  return null;
}

function assemblePlan(
  parsed: readonly ParsedRow[],
  settings: PlanSettings,
  snapshot: SheetSnapshot,
  headerRow: number,
  problems: Problem[],
  t: T,
  lang: Lang,
): QuarterPlan | null {
  const byObjective = new Map<string, { first: ParsedRow; rows: ParsedRow[] }>();
  for (const row of [...parsed].sort((a, b) => a.row - b.row)) {
    const key = row.objectiveId.toLowerCase();
    const group = byObjective.get(key);
    if (!group) {
      byObjective.set(key, { first: row, rows: [row] });
      continue;
    }
    group.rows.push(row);
    // The objective is repeated on each of its rows; the first row speaks for it, a differing copy is flagged.
    const differs = (field: ColumnKey, mine: string, theirs: string) => {
      if (normalize(mine) === normalize(theirs)) return;
      problems.push({
        row: row.row,
        field,
        message: t('problemObjectiveDiffers', { field: columnTitle(field, lang), row: group.first.row, value: theirs }),
      });
    };
    differs('objective', row.objective.title, group.first.objective.title);
    differs('level', row.objective.level ?? '', group.first.objective.level ?? '');
    differs('parent', row.objective.parent, group.first.objective.parent);
  }
  const objectives: ObjectivePlan[] = [...byObjective.values()]
    .sort((a, b) => compareIds(a.first.objectiveId, b.first.objectiveId))
    .map(({ first, rows }) => ({
      id: first.objectiveId,
      level: first.objective.level as Level,
      title: first.objective.title,
      ...(first.objective.parent ? { parent: first.objective.parent } : {}),
      keyResults: [...rows]
        .sort((a, b) => {
          const [x, y] = [a.keyResult.id, b.keyResult.id];
          if (x && y) return compareIds(x, y);
          return x ? -1 : y ? 1 : a.row - b.row;
        })
        .map((row) => row.keyResult),
    }));
  if (objectives.length === 0) {
    problems.push({ row: headerRow, field: 'sheet', message: t('problemNoKeyResults') });
    return null;
  }
  const team = textOf(findHeaderValue(snapshot, headerRow, 'team'));
  const plan = {
    quarter: settings.quarter,
    fiscalStartMonth: settings.fiscalStartMonth,
    team,
    language: settings.language,
    levels: settings.levels,
    currency: settings.currency,
    formulaStyle: settings.formulaStyle,
    objectives,
  };
  const checked = planSchema().safeParse(plan);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) {
    const [top, objectiveIndex, , krIndex] = issue.path;
    const objective = typeof objectiveIndex === 'number' ? objectives[objectiveIndex] : undefined;
    const group = objective ? byObjective.get(String(objective.id).toLowerCase()) : undefined;
    const row =
      top === 'team'
        ? HEADER_PLACES.team.row
        : ((typeof krIndex === 'number' ? group?.rows[krIndex]?.row : group?.first.row) ?? headerRow);
    const field = top === 'team' ? 'team' : top === 'objectives' ? String(issue.path[2] ?? 'objective') : String(top);
    problems.push({
      row,
      field,
      message: t('problemInvalid', { field: labelOf(field, lang), message: issue.message }),
    });
  }
  return null;
}

function labelOf(field: string, lang: Lang): string {
  if (field === 'team') return sheetText(lang, 'team');
  if (field === 'title') return columnTitle('objective', lang);
  return (COLUMN_KEYS as readonly string[]).includes(field) ? columnTitle(field as ColumnKey, lang) : field;
}

/** Whether a cell reads as a number (or is blank), without reporting anything. */
function isReadableNumber(value: unknown): boolean {
  try {
    readNumber(value, { fn: '', arg: '' });
    return true;
  } catch {
    return false;
  }
}
