// Builds `WorkbookSnapshot` (local/snapshot.ts) from the fake spreadsheet and its formula engine: each
// cell's computed value, display text and effective colours after conditional formatting, and the rules,
// validations, protections and menu the viewer and the exporter need. Reads only the fake's internals, so
// taking a snapshot records no service calls.

import type { Computed, WorkbookCalc } from './calc';
import { conditionalFormats } from './conditional-format';
import { isDateFormat, serialFromDate } from './dates';
import { type DisplaySettings, displayValue, formatNumber } from './number-format';
import type {
  CellSnapshot,
  CellValueSnapshot,
  ChartSnapshot,
  ConditionalRuleSnapshot,
  JsonValue,
  MenuEntrySnapshot,
  SheetSnapshot,
  ValidationSnapshot,
  WorkbookSnapshot,
} from './snapshot';
import type { FakeServices, FakeSheet, FakeSpreadsheet, MenuEntry } from './spreadsheet';
import { formatA1 } from './spreadsheet/a1';
import type { FakeDataValidation } from './spreadsheet/data-validation';
import { EnumValue, enumName } from './spreadsheet/enums';
import { BLANK, type GridRange } from './spreadsheet/grid';
import { FakeRange } from './spreadsheet/range';
import { ruleFormat } from './spreadsheet/rules';
import { isDate } from './spreadsheet/values';

function areaA1(g: GridRange): string {
  return formatA1({ row: g.rows.start, column: g.columns.start, numRows: g.rows.size, numColumns: g.columns.size });
}

/** A rule or validation argument as JSON: dates as serial numbers, enums and ranges by name. */
function jsonArg(value: unknown, timeZone: string): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return serialFromDate(value, timeZone);
  if (value instanceof EnumValue) return value.name;
  if (value instanceof FakeRange) return `${value.sheet.name}!${formatA1(value.area)}`;
  if (Array.isArray(value)) return value.map((item) => jsonArg(item, timeZone));
  return String(value);
}

function validationOf(rule: FakeDataValidation, timeZone: string): ValidationSnapshot {
  const { criteria, values, allowInvalid, helpText } = rule.spec;
  const name = enumName(criteria);
  const help = helpText ?? '';
  if (name === 'VALUE_IN_LIST') {
    const list = Array.isArray(values[0]) ? (values[0] as unknown[]).map(String) : [];
    return { kind: 'list', values: list, showDropdown: values[1] !== false, allowInvalid, help };
  }
  if (name === 'VALUE_IN_RANGE') {
    return {
      kind: 'range',
      range: String(jsonArg(values[0], timeZone)),
      showDropdown: values[1] !== false,
      allowInvalid,
      help,
    };
  }
  if (name.startsWith('NUMBER_'))
    return { kind: 'number', criteria: name, values: values.map(Number), allowInvalid, help };
  return { kind: 'other', criteria: name, values: values.map((v) => jsonArg(v, timeZone)), allowInvalid, help };
}

function menuOf(entries: readonly MenuEntry[]): MenuEntrySnapshot[] {
  return entries.map((entry) => {
    if (entry.type === 'item') return { type: 'item', caption: entry.caption, functionName: entry.functionName };
    if (entry.type === 'separator') return { type: 'separator' };
    return { type: 'submenu', caption: entry.menu.caption ?? '', entries: menuOf(entry.menu.entries) };
  });
}

/** The add-on menu the last `onOpen` added, then any custom menus (the last of each caption). */
function menuSnapshot(services: FakeServices): MenuEntrySnapshot[] {
  const last = new Map<string | null, readonly MenuEntry[]>();
  for (const menu of services.ui.menus) last.set(menu.caption, menu.entries);
  const out: MenuEntrySnapshot[] = menuOf(last.get(null) ?? []);
  for (const [caption, entries] of last) {
    if (caption !== null) out.push({ type: 'submenu', caption, entries: menuOf(entries) });
  }
  return out;
}

function valueSnapshot(computed: Computed, numberFormat: string, settings: DisplaySettings): CellValueSnapshot {
  if (computed.kind === 'error') {
    return { type: 'error', raw: computed.code, display: computed.code, error: computed.message };
  }
  const { value } = computed;
  if (value === null || value === '') return { type: 'empty', raw: null, display: '' };
  if (typeof value === 'number') {
    const date = computed.date || isDateFormat(numberFormat);
    const format = date && !isDateFormat(numberFormat) ? 'yyyy-mm-dd' : numberFormat;
    return { type: date ? 'date' : 'number', raw: value, display: formatNumber(value, format, settings) };
  }
  if (typeof value === 'boolean')
    return { type: 'boolean', raw: value, display: displayValue(value, numberFormat, settings) };
  return { type: 'text', raw: value, display: displayValue(value, numberFormat, settings) };
}

/** A stored (not computed) value as the conditions and the snapshot read it. */
function storedComputed(value: unknown, timeZone: string): Computed {
  if (isDate(value)) return { kind: 'value', value: serialFromDate(value, timeZone), date: true };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return { kind: 'value', value, date: false };
  }
  return { kind: 'value', value: null, date: false };
}

function sheetSnapshot(
  book: FakeSpreadsheet,
  sheet: FakeSheet,
  index: number,
  calc: WorkbookCalc,
  settings: DisplaySettings,
  withRules: boolean,
): SheetSnapshot {
  const grid = sheet.grid;
  // By row × 2^15 + column (a sheet has at most 18,278 columns): a number, not a string made per cell.
  const computedCache = new Map<number, Computed>();
  const read = (row: number, column: number): Computed => {
    const at = row * 32_768 + column;
    let found = computedCache.get(at);
    if (!found) {
      const stored = grid.peek(row, column);
      found =
        stored.formula !== '' || stored.value === ''
          ? calc.computed(sheet.name, row, column)
          : storedComputed(stored.value, settings.timeZone);
      computedCache.set(at, found);
    }
    return found;
  };

  // The extent: anything stored (formats too), or computed (spills).
  let rows = 0;
  let columns = 0;
  for (let row = 1; row <= grid.maxRows; row++) {
    for (let column = 1; column <= grid.maxColumns; column++) {
      if (grid.peek(row, column) !== BLANK) {
        rows = Math.max(rows, row);
        columns = Math.max(columns, column);
      }
    }
  }
  const computedSize = calc.dimensions(sheet.name);
  rows = Math.min(grid.maxRows, Math.max(rows, computedSize.rows));
  columns = Math.min(grid.maxColumns, Math.max(columns, computedSize.columns));

  const ruleFormats = withRules ? conditionalFormats(sheet, calc, read, settings.timeZone) : new Map<string, never>();
  const cells: (CellSnapshot | null)[][] = [];
  for (let row = 1; row <= rows; row++) {
    const line: (CellSnapshot | null)[] = [];
    for (let column = 1; column <= columns; column++) {
      const stored = grid.peek(row, column);
      const computed = read(row, column);
      const rule = ruleFormats.size > 0 ? ruleFormats.get(`${row},${column}`) : undefined;
      const value = valueSnapshot(computed, stored.numberFormat, settings);
      if (stored === BLANK && value.type === 'empty' && !rule) {
        line.push(null);
        continue;
      }
      const sparkline = /SPARKLINE\s*\(/i.test(stored.formula) ? calc.sparkline(sheet.name, row, column) : null;
      line.push({
        a1: formatA1({ row, column, numRows: 1, numColumns: 1 }),
        value,
        formula: stored.formula || null,
        spilled: stored.formula === '' && stored.value === '' && value.type !== 'empty',
        numberFormat: stored.numberFormat,
        background: rule?.background ?? stored.background,
        ownBackground: stored.background,
        fontColor: rule?.fontColor ?? stored.fontColor,
        fontWeight: rule?.bold === true ? 'bold' : rule?.bold === false ? 'normal' : stored.fontWeight,
        horizontalAlignment: stored.horizontalAlignment,
        wrap: stored.wrap,
        note: stored.note,
        validation: stored.validation ? validationOf(stored.validation, settings.timeZone) : null,
        ...(sparkline ? { sparkline } : {}),
      });
    }
    cells.push(line);
  }

  const conditionalRules: ConditionalRuleSnapshot[] = sheet.rules.map(({ spec, ranges }) => ({
    ranges: ranges.map(areaA1),
    criteria: spec.criteria === null ? '' : enumName(spec.criteria),
    values: spec.values.map((v) => jsonArg(v, settings.timeZone)),
    ...ruleFormat(spec),
  }));

  const charts = chartsOf(book, sheet, calc, settings);
  return {
    ...(charts.length > 0 ? { charts } : {}),
    id: sheet.id,
    name: sheet.name,
    index,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: grid.maxRows,
    maxColumns: grid.maxColumns,
    rows,
    columns,
    cells,
    columnWidths: Array.from({ length: grid.maxColumns }, (_, i) => grid.columnWidth(i + 1)),
    merges: sheet.merges.map(areaA1),
    conditionalRules,
    protections: book.protections
      .filter((p) => p.sheetId === sheet.id)
      .map((p) => ({
        range: p.range ? areaA1(p.range) : null,
        description: p.description,
        warningOnly: p.warningOnly,
        unprotected: p.unprotected.map(areaA1),
      })),
  };
}

/** A chart's data as the viewer plots it: categories down the first column, a series per further column. */
function chartsOf(
  book: FakeSpreadsheet,
  sheet: FakeSheet,
  calc: WorkbookCalc,
  settings: DisplaySettings,
): ChartSnapshot[] {
  return sheet.charts.map((chart) => {
    const g = chart.ranges[0];
    const source = g ? book.sheetById(g.sheetId) : null;
    const categories: string[] = [];
    const series: ChartSnapshot['series'] = [];
    if (g && source) {
      const value = (row: number, column: number) => {
        const stored = source.grid.peek(row, column);
        const computed =
          stored.formula !== '' || stored.value === ''
            ? calc.computed(source.name, row, column)
            : storedComputed(stored.value, settings.timeZone);
        return valueSnapshot(computed, stored.numberFormat, settings);
      };
      const top = g.rows.start;
      const left = g.columns.start;
      for (let row = top + 1; row < top + g.rows.size; row++) categories.push(value(row, left).display);
      for (let column = left + 1; column < left + g.columns.size; column++) {
        const values: (number | null)[] = [];
        for (let row = top + 1; row < top + g.rows.size; row++) {
          const cell = value(row, column);
          values.push(cell.type === 'number' && typeof cell.raw === 'number' ? cell.raw : null);
        }
        series.push({ name: value(top, column).display, values });
      }
    }
    const option = (name: string) => chart.options[name];
    const colors = option('colors');
    return {
      id: chart.id,
      type: chart.type,
      title: typeof option('title') === 'string' ? (option('title') as string) : '',
      anchorRow: chart.anchorRow,
      anchorColumn: chart.anchorColumn,
      offsetX: chart.offsetX,
      offsetY: chart.offsetY,
      // Sheets draws a chart 600 × 371 pixels when no size is set.
      width: typeof option('width') === 'number' ? (option('width') as number) : 600,
      height: typeof option('height') === 'number' ? (option('height') as number) : 371,
      range: g ? areaA1(g) : '',
      stacked: option('isStacked') === true,
      colors: Array.isArray(colors) ? colors.map(String) : [],
      seriesStyles: seriesStyles(option('series')),
      categories,
      series,
    };
  });
}

/** The `series` chart option (`{ 3: { color, lineDashStyle } }`) as the viewer's per-series styles. */
function seriesStyles(option: unknown): ChartSnapshot['seriesStyles'] {
  const out: ChartSnapshot['seriesStyles'] = {};
  if (!option || typeof option !== 'object') return out;
  for (const [index, style] of Object.entries(option as Record<string, unknown>)) {
    if (!style || typeof style !== 'object') continue;
    const { color, lineDashStyle } = style as { color?: unknown; lineDashStyle?: unknown };
    out[index] = {
      ...(typeof color === 'string' ? { color } : {}),
      ...(Array.isArray(lineDashStyle) ? { dash: lineDashStyle.map(Number).filter(Number.isFinite) } : {}),
    };
  }
  return out;
}

/** What a snapshot may leave out, for a reader that needs less than a viewer. */
export interface SnapshotOptions {
  /**
   * `false`: conditional formatting is not applied, so colours and weight are the cells' own (and a blank
   * cell only a rule paints is `null`). Values, formats and validations are the same; no rule's custom
   * formula is computed, which is most of a snapshot's time on a large sheet. Default `true`.
   */
  conditionalFormats?: boolean;
}

/** The whole workbook as a viewer sees it; with `sheetIds`, only those sheets (each keeps its tab index). */
export function buildSnapshot(
  services: FakeServices,
  calc: WorkbookCalc,
  sheetIds?: readonly number[],
  options: SnapshotOptions = {},
): WorkbookSnapshot {
  const book = services.spreadsheet;
  const settings: DisplaySettings = { locale: book.locale, timeZone: book.timeZone };
  const withRules = options.conditionalFormats !== false;
  // The whole workbook computed at once; a few sheets bring only what they need into the engine.
  if (sheetIds === undefined) calc.sync();
  const shown = (sheet: FakeSheet) => sheetIds === undefined || sheetIds.includes(sheet.id);
  return {
    locale: book.locale,
    timeZone: book.timeZone,
    name: book.name,
    activeSheet: book.sheets.length > 0 ? book.activeSheet().name : '',
    sheets: book.sheets.flatMap((sheet, index) =>
      shown(sheet) ? [sheetSnapshot(book, sheet, index, calc, settings, withRules)] : [],
    ),
    namedRanges: [...book.namedRanges].flatMap(([name, g]) => {
      const sheet = book.sheetById(g.sheetId);
      return sheet ? [{ name, sheet: sheet.name, range: areaA1(g) }] : [];
    }),
    menu: menuSnapshot(services),
  };
}
