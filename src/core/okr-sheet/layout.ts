// The whole OKR sheet of a quarter as data: every cell's content, number format, weight and fill, the
// dropdowns, the conditional-format rules, the protected ranges, the named ranges and the developer
// metadata. The writer turns it into a fixed number of batched calls; tests read it without Sheets and
// evaluate its formulas with HyperFormula.

import type { KeyResultPlan, Level, ObjectivePlan, QuarterPlan, Unit } from '../../shared/plan';
import { type QuarterCells, sourceFormula } from '../deals/kr-sources';
import type { DealsSource } from '../deals/pipeline-formulas';
import type { Lang } from '../i18n';
import { initiativesSheetName, runningInitiativesFormula } from '../initiatives/layout';
import { KR_SOURCE_INFO } from '../kr-library';
import { currencyPattern } from '../locale-format';
import { formatPercent, valueDecimals } from '../number-format';
import { ASPIRATIONAL, COMMITTED, STATUS_EMOJI } from '../pace';
import {
  type ConditionalRuleSpec,
  DATE_FORMAT,
  FILL,
  PERCENT_FORMAT,
  SCORE_FORMAT,
  type SheetSpec,
  sheetGrids,
  type ValidationSpec,
} from '../sheet-spec';
import { a1, a1Range, columnLetter, dateFormula, formula, number, type SheetCell, text } from './cells';
import {
  COLUMN_KEYS,
  COLUMNS,
  type ColumnKey,
  columnOf,
  columnTitle,
  FIRST_DATA_ROW,
  FORMULA_COLUMNS,
  FROZEN_COLUMNS,
  HEADER_PLACES,
  HEADER_ROW,
  type HeaderField,
  LAYOUT_VERSION,
  METADATA,
  SPARE_ROWS,
  TITLE_ROW,
} from './columns';
import { type PlanSettings, settingsOf } from './settings';
import {
  addonColumnFormulas,
  type FormulaPlaces,
  objectiveRuleFormula,
  paceFormula,
  portableRowFormulas,
  scenarioColumnFormula,
  scenarioRowFormula,
  statusRuleFormula,
} from './sheet-formulas';
import { levelWord, sheetText, unitWord } from './texts';

/** The quarter's dates (ISO) and its label ("Q1 2027"), as src/core/quarter.ts computes them. */
export interface QuarterDates {
  start: string;
  end: string;
  label: string;
}

/** One key result as laid out: its row, ids and where its objective starts. */
export interface LaidOutKeyResult {
  row: number;
  id: string;
  objectiveId: string;
  keyResult: KeyResultPlan;
  objective: ObjectivePlan;
}

/** `validations` covers the data rows only (`firstDataRow`…`lastRow`). */
export interface QuarterLayout extends SheetSpec {
  lang: Lang;
  label: string;
  settings: PlanSettings;
  headerRow: number;
  firstDataRow: number;
  /** The last row holding a key result. */
  lastDataRow: number;
  /** The last row of the table: spare rows below the key results are formatted and computed too. */
  lastRow: number;
  /** Ranges protected with a warning only: the owner may still edit them after a confirmation. */
  protections: { a1: string; description: string }[];
  /** Named ranges by suffix; the writer prefixes a name unique in the spreadsheet. */
  namedRanges: { suffix: string; a1: string }[];
  columnMetadata: { column: number; key: string; value: string }[];
  rowMetadata: { row: number; key: string; value: string }[];
  frozenRows: number;
  /** The identity columns (level … key result), kept in view while the table scrolls sideways. */
  frozenColumns: number;
  keyResults: LaidOutKeyResult[];
}

export interface LayoutExtras {
  /** What to put in a key result's `current` cell instead of its plan value, by KR id (a carried formula). */
  currentCells?: Readonly<Record<string, SheetCell>>;
  /** The as-of date to write (ISO): today in the spreadsheet's time zone; the quarter's first day by default. */
  asOf?: string;
  /** The Deals sheet that feeds the key results with a `source`; without it their current value stays typed. */
  deals?: DealsSource | null;
}

/** The OKR sheet's cells holding the quarter's first and last day, as a fed KR's formula names them (`$F$2`). */
export function quarterHeaderCells(): QuarterCells {
  return {
    quarterStart: a1(HEADER_PLACES.quarterStart.row, HEADER_PLACES.quarterStart.labelColumn + 1, true),
    quarterEnd: a1(HEADER_PLACES.quarterEnd.row, HEADER_PLACES.quarterEnd.labelColumn + 1, true),
  };
}

/**
 * An amount's number format with its currency where the language writes it: `"$"#,##0` in English,
 * `#,##0 "zł"` in Polish (Intl's placement, ../locale-format.ts). A currency Intl does not know keeps the
 * sheet's own word for it, after the number.
 */
function currencyFormat(digits: string, currency: string, lang: Lang): string {
  const word = unitWord('currency', currency, lang);
  const { symbol, before, space } = /^[A-Za-z]{3}$/.test(currency.trim())
    ? currencyPattern(currency, lang)
    : { symbol: word, before: false, space: true };
  const quoted = `"${symbol.replace(/"/g, '')}"`;
  const gap = space ? ' ' : '';
  return before ? `${quoted.slice(0, -1)}${gap}"${digits}` : `${digits}${gap}${quoted}`;
}

/**
 * Number format of a value in its unit; the spreadsheet's locale supplies the separators, so `#,##0`
 * groups `1 200 000` in a Polish sheet. `decimals` (see valueDecimals) keeps the precision the user typed:
 * 3.5 % shows as 3.5 %, not 4 %. Fixed decimals rather than optional ones (`0.##`), which may leave a bare
 * decimal point after a whole number.
 * @example unitFormat('currency', 'PLN', 'pl') // '#,##0 "zł"'
 * @example unitFormat('currency', 'USD', 'en') // '"$"#,##0'
 * @example unitFormat('percent', 'PLN', 'pl', 1) // '0.0%'
 */
export function unitFormat(unit: Unit, currency: string, lang: Lang, decimals = 0): string {
  const fraction = (least: number) => {
    const count = Math.max(least, decimals);
    return count > 0 ? `.${'0'.repeat(count)}` : '';
  };
  switch (unit) {
    case 'currency':
      // An amount with a fraction shows grosze / cents: two decimals.
      return currencyFormat(`#,##0${fraction(decimals > 0 ? 2 : 0)}`, currency, lang);
    case 'percent':
      return `0${fraction(0)}%`;
    case 'days':
      return `0${fraction(0)} "${lang === 'pl' ? 'dni' : 'days'}"`;
    case 'hours':
      return `0${fraction(1)} "${lang === 'pl' ? 'godz.' : 'h'}"`;
    case 'points':
      return `0${fraction(1)} "${lang === 'pl' ? 'pkt' : 'pts'}"`;
    default:
      return `#,##0${fraction(0)}`;
  }
}

/** Ids for objectives and key results: the plan's own where given and unique, else O1, O1.2 by order. */
export function assignIds(plan: QuarterPlan): { id: string; objective: ObjectivePlan; krIds: string[] }[] {
  const key = (id: string) => id.toLowerCase();
  // Ids the plan gives are kept free for their owners, so a generated O3 never takes the id a later
  // objective brings; a duplicate given id gets a generated one instead.
  const reserved = new Set<string>();
  for (const objective of plan.objectives) {
    if (objective.id?.trim()) reserved.add(key(objective.id.trim()));
    for (const kr of objective.keyResults) if (kr.id?.trim()) reserved.add(key(kr.id.trim()));
  }
  const used = new Set<string>();
  const take = (wanted: string | undefined, fallback: (n: number) => string, start: number): string => {
    const given = wanted?.trim();
    if (given && !used.has(key(given))) {
      used.add(key(given));
      return given;
    }
    let n = start;
    while (used.has(key(fallback(n))) || reserved.has(key(fallback(n)))) n++;
    used.add(key(fallback(n)));
    return fallback(n);
  };
  return plan.objectives.map((objective, index) => {
    const id = take(objective.id, (n) => `O${n}`, index + 1);
    const krIds = objective.keyResults.map((kr, krIndex) => take(kr.id, (n) => `${id}.${n}`, krIndex + 1));
    return { id, objective, krIds };
  });
}

/** The pace rule behind the legend's words, with its thresholds as shares of the expected progress. */
function bandsNote(lang: Lang): string {
  return sheetText(lang, 'bandsNote', {
    aGreen: formatPercent(ASPIRATIONAL.greenAt, lang),
    aYellow: formatPercent(ASPIRATIONAL.yellowAt, lang),
    cGreen: formatPercent(COMMITTED.greenAt, lang),
    cYellow: formatPercent(COMMITTED.yellowAt, lang),
  });
}

/** Lays out the OKR sheet of a quarter. */
export function layoutQuarter(plan: QuarterPlan, dates: QuarterDates, extras: LayoutExtras = {}): QuarterLayout {
  const lang = plan.language;
  const style = plan.formulaStyle;
  const objectives = assignIds(plan);
  const krCount = objectives.reduce((sum, objective) => sum + objective.krIds.length, 0);
  const lastDataRow = FIRST_DATA_ROW + krCount - 1;
  const lastRow = lastDataRow + SPARE_ROWS;
  const lastColumn = COLUMN_KEYS.length;

  const { cells, numberFormats, fontWeights, backgrounds, put, setFormat, bold, fill } = sheetGrids(
    lastRow,
    lastColumn,
  );

  // The header block.
  const valueCell = (field: HeaderField) => a1(HEADER_PLACES[field].row, HEADER_PLACES[field].labelColumn + 1);
  const places: FormulaPlaces = {
    letter: (key) => columnLetter(columnOf(key)),
    firstRow: FIRST_DATA_ROW,
    lastRow,
    quarterStart: valueCell('quarterStart'),
    quarterEnd: valueCell('quarterEnd'),
    asOf: valueCell('asOf'),
    expected: valueCell('expected'),
  };
  const label = (field: HeaderField, value: SheetCell, format = 'General') => {
    const { row, labelColumn } = HEADER_PLACES[field];
    put(row, labelColumn, text(sheetText(lang, field)));
    bold(row, labelColumn);
    put(row, labelColumn + 1, value);
    setFormat(row, labelColumn + 1, format);
  };
  // The title follows the team and quarter cells, so renaming the team there renames the title too.
  put(TITLE_ROW, 1, formula(`="OKR · "&${valueCell('quarter')}&" · "&${valueCell('team')}`));
  bold(TITLE_ROW, 1);
  label('team', text(plan.team));
  label('quarter', text(dates.label));
  // The legend says the statuses in words; the rule behind them, with its thresholds, is in the cell's note.
  label('bands', text(sheetText(lang, 'bandsLegend')));
  // Dates as DATE() formulas: no locale parses them differently and no time zone shifts them.
  label('quarterStart', formula(dateFormula(dates.start)), DATE_FORMAT);
  label('quarterEnd', formula(dateFormula(dates.end)), DATE_FORMAT);
  // A fixed date the add-on keeps current (./as-of.ts), never TODAY(): a custom function fed by a volatile
  // function may show "Loading…" forever. The user may type a date here to see the quarter as of that day.
  const asOf = extras.asOf ?? dates.start;
  label('asOf', formula(dateFormula(asOf)), DATE_FORMAT);
  fill(HEADER_PLACES.asOf.row, HEADER_PLACES.asOf.labelColumn + 1, FILL.input);
  label('expected', formula(paceFormula(places, style)), PERCENT_FORMAT);
  fill(HEADER_PLACES.expected.row, HEADER_PLACES.expected.labelColumn + 1, FILL.computed);

  // The column titles; in the add-on style the computed columns' titles are their formulas.
  const addon = addonColumnFormulas(places, lang);
  for (const { key, column } of COLUMNS) {
    const computed = key === 'score' || key === 'objectiveScore' || key === 'status';
    const title =
      key === 'scenario' && style === 'addon'
        ? formula(scenarioColumnFormula(places, lang))
        : computed && style === 'addon'
          ? formula(addon[key])
          : text(columnTitle(key, lang));
    put(HEADER_ROW, column, title);
    bold(HEADER_ROW, column);
    fill(HEADER_ROW, column, FILL.header);
  }

  // One row per key result. A KR with a source gets its formula in the current cell, over the header's dates.
  const quarterCells = quarterHeaderCells();
  const autoRows = new Map<number, ValidationSpec>();
  // One rule per source, shared by its rows: the writer builds each distinct rule once.
  const autoSpecs = new Map<string, ValidationSpec>();
  const keyResults: LaidOutKeyResult[] = [];
  let row = FIRST_DATA_ROW;
  for (const { id: objectiveId, objective, krIds } of objectives) {
    objective.keyResults.forEach((kr, index) => {
      const id = krIds[index] as string;
      const currency = kr.currency ?? plan.currency;
      const deals = extras.deals;
      const auto =
        kr.source && deals && kr.kind !== 'milestone' && !extras.currentCells?.[id]
          ? sourceFormula(kr.source, deals, quarterCells)
          : null;
      if (auto && kr.source && deals) {
        const what = KR_SOURCE_INFO[kr.source].what[lang];
        const help = sheetText(lang, 'helpAutoCurrent', { what, sheet: deals.sheetName });
        const spec = autoSpecs.get(help) ?? { kind: 'number', min: -1e15, max: 1e15, allowInvalid: true, help };
        autoSpecs.set(help, spec);
        autoRows.set(row, spec);
      }
      const values: Record<ColumnKey, SheetCell> = {
        level: text(levelWord(objective.level, lang)),
        objectiveId: text(objectiveId),
        objective: text(objective.title),
        krId: text(id),
        keyResult: text(kr.title),
        owner: kr.owner ? text(kr.owner) : null,
        kind: text(sheetText(lang, `kind_${kr.kind}`)),
        unit: text(unitWord(kr.unit, currency, lang)),
        start: kr.kind === 'milestone' || kr.start === null ? null : number(kr.start),
        target: kr.kind === 'milestone' || kr.target === null ? null : number(kr.target),
        minTarget: kr.kind === 'milestone' || kr.minTarget == null ? null : number(kr.minTarget),
        maxTarget: kr.kind === 'milestone' || kr.maxTarget == null ? null : number(kr.maxTarget),
        scenario: null,
        current: extras.currentCells?.[id] ?? (auto ? formula(auto) : currentCell(kr, lang)),
        weight: number(kr.weight),
        score: null,
        objectiveScore: null,
        status: null,
        type: text(sheetText(lang, kr.committed ? 'type_committed' : 'type_aspirational')),
        parent: objective.parent ? text(objective.parent) : null,
        notes: kr.notes ? text(kr.notes) : null,
        initiatives: null,
      };
      for (const { key, column } of COLUMNS) put(row, column, values[key]);
      if (kr.kind !== 'milestone') {
        const decimals = valueDecimals(kr.unit, [kr.start, kr.target, kr.current, kr.minTarget, kr.maxTarget]);
        const format = unitFormat(kr.unit, currency, lang, decimals);
        for (const key of ['start', 'target', 'current', 'minTarget', 'maxTarget'] as const) {
          setFormat(row, columnOf(key), format);
        }
      }
      keyResults.push({ row, id, objectiveId, keyResult: kr, objective });
      row++;
    });
  }

  const initiativesSheet = initiativesSheetName(lang, dates.label);
  // Computed columns over the key results and the spare rows alike.
  for (let r = FIRST_DATA_ROW; r <= lastRow; r++) {
    if (style === 'portable') {
      const rowFormulas = portableRowFormulas(places, r);
      for (const key of ['score', 'objectiveScore', 'status'] as const)
        put(r, columnOf(key), formula(rowFormulas[key]));
    }
    if (style === 'portable') put(r, columnOf('scenario'), formula(scenarioRowFormula(places, r, lang)));
    setFormat(r, columnOf('score'), SCORE_FORMAT);
    setFormat(r, columnOf('objectiveScore'), SCORE_FORMAT);
    // One look for what the add-on computes and one for what the owner types, column by column.
    for (const { key, column } of COLUMNS) fill(r, column, FORMULA_COLUMNS.includes(key) ? FILL.computed : FILL.input);
    // Running initiatives of the Initiatives sheet serving this row's KR (0 until that sheet exists).
    put(
      r,
      columnOf('initiatives'),
      formula(runningInitiativesFormula(initiativesSheet, `$${places.letter('krId')}${r}`)),
    );
  }

  // A current value the add-on computes looks computed: grey, with the source in the cell's help (no note per KR).
  for (const row of autoRows.keys()) fill(row, columnOf('current'), FILL.computed);
  const table = (key: ColumnKey) => a1Range(FIRST_DATA_ROW, columnOf(key), lastRow, columnOf(key));
  const settings = settingsOf(plan, dates);
  return {
    lang,
    label: dates.label,
    settings,
    lastColumn,
    headerRow: HEADER_ROW,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    lastRow,
    cells,
    numberFormats,
    fontWeights,
    backgrounds,
    validations: validationGrid(plan, lang, keyResults, lastRow, autoRows),
    conditionalRules: conditionalRules(places, table),
    protections: [
      {
        a1: a1Range(HEADER_ROW, columnOf('score'), lastRow, columnOf('status')),
        description: sheetText(lang, 'formulaProtection'),
      },
      { a1: places.expected, description: sheetText(lang, 'formulaProtection') },
    ],
    namedRanges: [
      { suffix: 'table', a1: a1Range(HEADER_ROW, 1, lastRow, lastColumn) },
      { suffix: 'as_of', a1: places.asOf },
      { suffix: 'expected', a1: places.expected },
    ],
    notes: [
      { a1: places.asOf, note: sheetText(lang, 'asOfNote') },
      { a1: valueCell('bands'), note: bandsNote(lang) },
    ],
    sheetMetadata: [
      { key: METADATA.kind, value: METADATA.kindValue },
      { key: METADATA.quarter, value: dates.label },
      { key: METADATA.layout, value: String(LAYOUT_VERSION) },
      { key: METADATA.settings, value: JSON.stringify(settings) },
      { key: METADATA.asOf, value: asOf },
    ],
    columnMetadata: COLUMNS.map(({ key, column }) => ({ column, key: METADATA.column, value: key })),
    rowMetadata: [{ row: HEADER_ROW, key: METADATA.row, value: METADATA.headerRowValue }],
    frozenRows: HEADER_ROW,
    frozenColumns: FROZEN_COLUMNS,
    columnWidths: COLUMNS.map(({ column, width }) => ({ column, width })),
    keyResults,
  };
}

/** The plan's current value; a milestone's as the yes / no word its dropdown offers. */
function currentCell(kr: KeyResultPlan, lang: Lang): SheetCell {
  if (kr.current === null || kr.current === undefined) return null;
  if (kr.kind === 'milestone') return text(sheetText(lang, kr.current >= 1 ? 'yes' : 'no'));
  return number(kr.current);
}

function validationGrid(
  plan: QuarterPlan,
  lang: Lang,
  keyResults: readonly LaidOutKeyResult[],
  lastRow: number,
  autoRows: ReadonlyMap<number, ValidationSpec>,
): (ValidationSpec | null)[][] {
  const list = (values: readonly string[], help: string, allowInvalid = true): ValidationSpec => ({
    kind: 'list',
    values,
    allowInvalid,
    help,
  });
  const kinds = (['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const).map((kind) =>
    sheetText(lang, `kind_${kind}`),
  );
  const currencies = new Set([
    plan.currency,
    ...plan.objectives.flatMap((o) => o.keyResults.map((kr) => kr.currency ?? plan.currency)),
  ]);
  const units = [
    sheetText(lang, 'unit_count'),
    ...[...currencies].map((currency) => unitWord('currency', currency, lang)),
    ...(['percent', 'days', 'hours', 'points'] as const).map((unit) => sheetText(lang, `unit_${unit}`)),
  ];
  const levels = (['company', 'team', 'individual'] as Level[]).map((level) => levelWord(level, lang));
  const types = [sheetText(lang, 'type_committed'), sheetText(lang, 'type_aspirational')];
  const owners = [...new Set(plan.objectives.flatMap((o) => o.keyResults.map((kr) => kr.owner.trim())))].filter(
    Boolean,
  );
  const parents = assignIds(plan)
    .filter(({ objective }) => objective.level === 'company')
    .map(({ id }) => id);
  const numberCheck = (help: string, min = -1e15, max = 1e15): ValidationSpec => ({
    kind: 'number',
    min,
    max,
    allowInvalid: false,
    help,
  });
  const yes = sheetText(lang, 'yes');
  const no = sheetText(lang, 'no');
  // Words typed in the other language, or a new owner, still score: a warning, not a refusal.
  const byColumn: Partial<Record<ColumnKey, ValidationSpec>> = {
    level: list(levels, sheetText(lang, 'helpLevel', { choices: levels.join(', ') })),
    kind: list(kinds, sheetText(lang, 'helpKind', { choices: kinds.join(', ') })),
    unit: list(units, sheetText(lang, 'helpUnit', { choices: units.join(', ') })),
    type: list(types, sheetText(lang, 'helpType')),
    start: numberCheck(sheetText(lang, 'helpNumber')),
    target: numberCheck(sheetText(lang, 'helpNumber')),
    minTarget: numberCheck(sheetText(lang, 'helpNumber')),
    maxTarget: numberCheck(sheetText(lang, 'helpNumber')),
    weight: numberCheck(sheetText(lang, 'helpWeight'), 0, 100),
  };
  if (owners.length > 0) byColumn.owner = list(owners, sheetText(lang, 'helpOwner'));
  if (parents.length > 0) byColumn.parent = list(parents, sheetText(lang, 'helpParent'));
  const milestoneCurrent = list([yes, no], sheetText(lang, 'helpDone', { yes, no }));
  const milestoneRows = new Set(keyResults.filter((kr) => kr.keyResult.kind === 'milestone').map((kr) => kr.row));

  const rows: (ValidationSpec | null)[][] = [];
  for (let row = FIRST_DATA_ROW; row <= lastRow; row++) {
    rows.push(
      COLUMN_KEYS.map((key) => {
        if (key === 'current') return milestoneRows.has(row) ? milestoneCurrent : (autoRows.get(row) ?? null);
        return byColumn[key] ?? null;
      }),
    );
  }
  return rows;
}

function conditionalRules(places: FormulaPlaces, table: (key: ColumnKey) => string): ConditionalRuleSpec[] {
  // Keyed on the status text and the objective score, never on fixed cells, so the colours stay right
  // after the user sorts, edits values or overwrites the as-of date.
  const statusRanges = [table('score'), table('status')];
  return [
    { formula: statusRuleFormula(places, STATUS_EMOJI.green), ranges: statusRanges, background: FILL.green },
    { formula: statusRuleFormula(places, STATUS_EMOJI.yellow), ranges: statusRanges, background: FILL.yellow },
    { formula: statusRuleFormula(places, STATUS_EMOJI.red), ranges: statusRanges, background: FILL.red },
    {
      formula: objectiveRuleFormula(places, ASPIRATIONAL.greenAt),
      ranges: [table('objectiveScore')],
      background: FILL.green,
    },
    {
      formula: objectiveRuleFormula(places, ASPIRATIONAL.yellowAt),
      ranges: [table('objectiveScore')],
      background: FILL.yellow,
    },
    {
      formula: objectiveRuleFormula(places, ASPIRATIONAL.yellowAt, true),
      ranges: [table('objectiveScore')],
      background: FILL.red,
    },
  ];
}
