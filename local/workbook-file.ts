// The local spreadsheet on disk: one JSON file holding everything the add-on can write — values, formulas,
// formats, notes, data validation, conditional-format rules, merges, frozen rows, column widths, named
// ranges, protections, developer metadata and document properties — under a header
// `{ "format": "okr-sheets-local-workbook", "version": 1 }`.
//
// Reading is strict: a file that is not JSON, not ours, of another version, or damaged (checked with zod,
// then for dangling sheet ids and cells outside their sheet) is refused with a `WorkbookFileError` that
// names the file and the problem, and is never written over. Writing is atomic: a temporary file beside
// the target, flushed, then renamed over it, so a crash leaves the old file or the new one, never half.

import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeAtomically } from './atomic-file';
import { createFakeServices, type FakeServices, type FakeServicesOptions, type FakeSheet } from './spreadsheet';
import { FakeDataValidation } from './spreadsheet/data-validation';
import * as Enums from './spreadsheet/enums';
import { BLANK, type Cell, DEFAULT_COLUMN_WIDTH, Grid, GridRange } from './spreadsheet/grid';
import { FakeDeveloperMetadata, type MetadataLocation } from './spreadsheet/metadata';
import { FakeProtection } from './spreadsheet/protection';
import { FakeRange } from './spreadsheet/range';
import { type RuleSpec, ruleFormat } from './spreadsheet/rules';
import { FakeSheet as Sheet } from './spreadsheet/sheet';
import { isDate } from './spreadsheet/values';

export const WORKBOOK_FORMAT = 'okr-sheets-local-workbook';
export const WORKBOOK_VERSION = 1;

/** A workbook file that cannot be read, or must not be written: the message names the file and why. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

// --- The file's shape ---------------------------------------------------------------------------------------

const area = z.object({
  sheetId: z.number().int(),
  row: z.number().int().min(1),
  column: z.number().int().min(1),
  numRows: z.number().int().min(1),
  numColumns: z.number().int().min(1),
});
type StoredArea = z.infer<typeof area>;

const dateValue = z.object({ date: z.iso.datetime() });
const storedValue = z.union([z.string(), z.number(), z.boolean(), dateValue]);

/** A rule argument: a value, a date, an enum member (`RelativeDate.TODAY`), a range, or a list of them. */
type StoredArg =
  | string
  | number
  | boolean
  | null
  | { date: string }
  | { enum: string; name: string }
  | { range: StoredArea }
  | StoredArg[];
const storedArg: z.ZodType<StoredArg> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    dateValue,
    z.object({ enum: z.string(), name: z.string() }),
    z.object({ range: area }),
    z.array(storedArg),
  ]),
);

const cell = z.object({
  row: z.number().int().min(1),
  column: z.number().int().min(1),
  value: storedValue.optional(),
  formula: z.string().startsWith('=').optional(),
  note: z.string().optional(),
  numberFormat: z.string().optional(),
  background: z.string().optional(),
  fontColor: z.string().optional(),
  fontWeight: z.enum(['normal', 'bold']).optional(),
  horizontalAlignment: z.string().optional(),
  wrap: z.boolean().optional(),
  /** Index into the sheet's `validations`. */
  validation: z.number().int().min(0).optional(),
});

const validation = z.object({
  criteria: z.string(),
  values: z.array(storedArg),
  allowInvalid: z.boolean(),
  helpText: z.string().nullable(),
});

const rule = z.object({
  criteria: z.string().nullable(),
  values: z.array(storedArg),
  background: z.string().nullable(),
  fontColor: z.string().nullable(),
  bold: z.boolean().nullable(),
  italic: z.boolean().nullable(),
  strikethrough: z.boolean().nullable(),
  underline: z.boolean().nullable(),
  ranges: z.array(area),
});

const sheet = z.object({
  id: z.number().int().min(0),
  name: z.string().min(1),
  hidden: z.boolean(),
  tabColor: z.string().nullable(),
  frozenRows: z.number().int().min(0),
  frozenColumns: z.number().int().min(0),
  maxRows: z.number().int().min(1),
  maxColumns: z.number().int().min(1),
  columnWidths: z.array(z.object({ column: z.number().int().min(1), width: z.number().min(0) })),
  cells: z.array(cell),
  validations: z.array(validation),
  rules: z.array(rule),
  merges: z.array(area),
  /** Embedded charts (absent in files saved before the dashboard). */
  charts: z
    .array(
      z.object({
        id: z.number().int().min(1),
        type: z.string().min(1),
        ranges: z.array(area),
        anchorRow: z.number().int().min(1),
        anchorColumn: z.number().int().min(1),
        offsetX: z.number(),
        offsetY: z.number(),
        options: z.record(z.string(), z.unknown()),
      }),
    )
    .optional(),
});

const location = z.union([
  z.object({ type: z.literal('SPREADSHEET') }),
  z.object({ type: z.literal('SHEET'), sheetId: z.number().int() }),
  z.object({
    type: z.enum(['ROW', 'COLUMN']),
    sheetId: z.number().int(),
    span: z.object({ start: z.number().int().min(1), size: z.number().int().min(1) }),
  }),
]);

const workbookSchema = z.object({
  format: z.literal(WORKBOOK_FORMAT),
  version: z.literal(WORKBOOK_VERSION),
  savedAt: z.string(),
  spreadsheet: z.object({
    id: z.string().min(1),
    name: z.string(),
    locale: z.string().min(2),
    timeZone: z.string().min(1),
    activeSheetId: z.number().int().nullable(),
    nextSheetId: z.number().int().min(0),
    nextMetadataId: z.number().int().min(1),
    /** Spreadsheets IMPORTRANGE may read ("Allow access" given); absent in files saved before it. */
    allowedImports: z.array(z.string().min(1)).optional(),
  }),
  sheets: z.array(sheet).min(1),
  namedRanges: z.array(z.object({ name: z.string().min(1), range: area })),
  protections: z.array(
    z.object({
      type: z.enum(['RANGE', 'SHEET']),
      sheetId: z.number().int(),
      range: area.nullable(),
      description: z.string(),
      warningOnly: z.boolean(),
      domainEdit: z.boolean(),
      editors: z.array(z.string()),
      unprotected: z.array(area),
    }),
  ),
  metadata: z.array(
    z.object({
      id: z.number().int(),
      key: z.string(),
      value: z.string().nullable(),
      visibility: z.enum(['DOCUMENT', 'PROJECT']),
      location,
    }),
  ),
  documentProperties: z.record(z.string(), z.string()),
});

/** A stored cell as the file's schema reads it (exported for the test that holds `plainCell` to it). */
export const storedCellSchema = cell;

const isWhole = (value: unknown, min: number) => Number.isSafeInteger(value) && (value as number) >= min;
const isText = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * Whether a stored cell is plainly one the `cell` schema accepts as it is: a strict part of what it accepts
 * (a date value, a key it does not know and anything else unusual are left to zod). A large workbook has
 * a few hundred thousand cells, which zod takes several times as long to check one by one. Its keys are
 * walked once, each checked as it comes.
 */
export function plainCell(stored: unknown): boolean {
  // A plain object, as JSON.parse makes: `for…in` walks its own keys only.
  if (typeof stored !== 'object' || stored === null || Object.getPrototypeOf(stored) !== Object.prototype) return false;
  const c = stored as Record<string, unknown>;
  let row = false;
  let column = false;
  for (const key in c) {
    const value = c[key];
    switch (key) {
      case 'row':
        row = isWhole(value, 1);
        if (!row) return false;
        break;
      case 'column':
        column = isWhole(value, 1);
        if (!column) return false;
        break;
      case 'value':
        if (
          !(
            value === undefined ||
            typeof value === 'string' ||
            typeof value === 'boolean' ||
            (typeof value === 'number' && Number.isFinite(value))
          )
        )
          return false;
        break;
      case 'formula':
        if (!(value === undefined || (typeof value === 'string' && value.startsWith('=')))) return false;
        break;
      case 'note':
      case 'numberFormat':
      case 'background':
      case 'fontColor':
      case 'horizontalAlignment':
        if (!isText(value)) return false;
        break;
      case 'fontWeight':
        if (!(value === undefined || value === 'normal' || value === 'bold')) return false;
        break;
      case 'wrap':
        if (!(value === undefined || typeof value === 'boolean')) return false;
        break;
      case 'validation':
        if (!(value === undefined || isWhole(value, 0))) return false;
        break;
      default:
        return false;
    }
  }
  return row && column;
}

/**
 * `workbookSchema.safeParse(json)`, with the cells `plainCell` vouches for set aside while zod checks the
 * rest, and put back in their places after: the same verdict and the same data (zod gives back a copy of
 * such a cell, with the same fields). A damaged file is checked again whole, so the first issue is zod's own.
 */
function parseWorkbook(json: unknown): ReturnType<typeof workbookSchema.safeParse> {
  const sheets = (json as { sheets?: unknown }).sheets;
  if (!Array.isArray(sheets)) return workbookSchema.safeParse(json);
  // By sheet, the places of the cells zod checks (`null` when it checks the sheet as it is).
  const checkedAt: (number[] | null)[] = [];
  const lighter = sheets.map((stored: unknown) => {
    const cells = (stored as { cells?: unknown } | null)?.cells;
    if (!Array.isArray(cells)) {
      checkedAt.push(null);
      return stored;
    }
    const places: number[] = [];
    for (let at = 0; at < cells.length; at++) if (!plainCell(cells[at])) places.push(at);
    checkedAt.push(places);
    return { ...(stored as object), cells: places.map((at) => cells[at]) };
  });
  const parsed = workbookSchema.safeParse({ ...(json as object), sheets: lighter });
  if (!parsed.success) return workbookSchema.safeParse(json);
  parsed.data.sheets.forEach((stored, index) => {
    const places = checkedAt[index];
    if (!places) return;
    const cells = (sheets[index] as { cells: StoredSheet['cells'] }).cells.slice();
    places.forEach((at, nth) => {
      cells[at] = stored.cells[nth] as StoredSheet['cells'][number];
    });
    stored.cells = cells;
  });
  return parsed;
}

/** The workbook file, as JSON. */
export type WorkbookFile = z.infer<typeof workbookSchema>;
type StoredSheet = z.infer<typeof sheet>;

// --- Reading and writing files ------------------------------------------------------------------------------

/** Reads and checks a workbook file; `null` when there is no file yet. Throws `WorkbookFileError`. */
export function readWorkbookFile(path: string): WorkbookFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WorkbookFileError(path, `cannot be read (${(error as Error).message})`);
  }
  return checkWorkbook(path, text);
}

/** Checks a workbook file's text; throws `WorkbookFileError` naming the first problem. */
export function checkWorkbook(path: string, text: string): WorkbookFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WorkbookFileError(path, `is not a workbook: it is not valid JSON (${(error as Error).message})`);
  }
  const header =
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (header.format !== WORKBOOK_FORMAT) {
    throw new WorkbookFileError(
      path,
      `is not an OKR Sheets workbook: it has no "format": "${WORKBOOK_FORMAT}" header, so it belongs to something else`,
    );
  }
  if (header.version !== WORKBOOK_VERSION) {
    throw new WorkbookFileError(
      path,
      `is an OKR Sheets workbook of version ${JSON.stringify(header.version)}; this runtime reads version ${WORKBOOK_VERSION}`,
    );
  }
  const parsed = parseWorkbook(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue?.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('') ?? '';
    throw new WorkbookFileError(
      path,
      `is damaged: ${where.replace(/^\./, '') || 'the file'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const problem = consistencyProblem(parsed.data);
  if (problem) throw new WorkbookFileError(path, `is damaged: ${problem}`);
  return parsed.data;
}

/**
 * Sheets' size limits: 10 million cells in a spreadsheet, 18,278 columns (ZZZ) in a sheet.
 * https://support.google.com/drive/answer/37603 (files you can store in Google Drive: spreadsheets)
 */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

/** What zod cannot see: ids that point nowhere, cells outside their sheet, duplicate names, impossible sizes. */
function consistencyProblem(file: WorkbookFile): string | null {
  const ids = new Set<number>();
  const names = new Set<string>();
  // Checked before anything is allocated: a hand-edited size Sheets could never hold is damage, not a sheet.
  let cells = 0;
  for (const [index, stored] of file.sheets.entries()) {
    if (stored.maxColumns > MAX_COLUMNS) {
      return `sheets[${index}]: ${stored.maxColumns} columns, more than the ${MAX_COLUMNS} a sheet can have`;
    }
    cells += stored.maxRows * stored.maxColumns;
    if (cells > MAX_CELLS) {
      return `sheets[${index}]: ${stored.maxRows} rows × ${stored.maxColumns} columns take the workbook over the ${MAX_CELLS.toLocaleString('en-US')} cells a spreadsheet can have`;
    }
  }
  for (const [index, stored] of file.sheets.entries()) {
    if (ids.has(stored.id)) return `sheets[${index}]: sheet id ${stored.id} is used twice`;
    if (names.has(stored.name.toLowerCase())) return `sheets[${index}]: sheet name "${stored.name}" is used twice`;
    ids.add(stored.id);
    names.add(stored.name.toLowerCase());
    const cells = stored.cells;
    for (let c = 0; c < cells.length; c++) {
      const one = cells[c] as StoredSheet['cells'][number];
      if (one.row > stored.maxRows || one.column > stored.maxColumns) {
        return `sheets[${index}].cells[${c}]: row ${one.row}, column ${one.column} is outside the sheet`;
      }
      if (one.validation !== undefined && one.validation >= stored.validations.length) {
        return `sheets[${index}].cells[${c}]: validation ${one.validation} does not exist`;
      }
    }
  }
  const areas: [string, StoredArea][] = [
    ...file.namedRanges.map((n, i) => [`namedRanges[${i}]`, n.range] as [string, StoredArea]),
    ...file.sheets.flatMap((s, i) => s.merges.map((m, j) => [`sheets[${i}].merges[${j}]`, m] as [string, StoredArea])),
    ...file.sheets.flatMap((s, i) =>
      s.rules.flatMap((r, j) =>
        r.ranges.map((g, k) => [`sheets[${i}].rules[${j}].ranges[${k}]`, g] as [string, StoredArea]),
      ),
    ),
    ...file.sheets.flatMap((s, i) =>
      (s.charts ?? []).flatMap((c, j) =>
        c.ranges.map((g, k) => [`sheets[${i}].charts[${j}].ranges[${k}]`, g] as [string, StoredArea]),
      ),
    ),
  ];
  for (const [where, stored] of areas)
    if (!ids.has(stored.sheetId)) return `${where}: sheet ${stored.sheetId} does not exist`;
  for (const [i, p] of file.protections.entries())
    if (!ids.has(p.sheetId)) return `protections[${i}]: sheet ${p.sheetId} does not exist`;
  if (file.spreadsheet.activeSheetId !== null && !ids.has(file.spreadsheet.activeSheetId)) {
    return `spreadsheet.activeSheetId: sheet ${file.spreadsheet.activeSheetId} does not exist`;
  }
  return null;
}

/**
 * Why an existing workbook file must not be written, or `null`: a read-only file is the user's way of saying
 * so (the atomic rename would replace it all the same). The owner's write bit counts, for root too.
 */
export function readOnlyProblem(path: string): string | null {
  try {
    const stats = statSync(path);
    if ((stats.mode & 0o200) === 0) return 'is read-only: make it writable, or start with another file';
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return `is not writable (${code ?? (error as Error).message}): make it writable, or start with another file`;
  }
}

/** Writes text to `path` atomically: a temporary file in the same folder, flushed, then renamed over it. */
export function writeFileAtomically(path: string, text: string): void {
  try {
    writeAtomically(path, text);
  } catch (error) {
    throw new WorkbookFileError(path, `could not be saved (${(error as Error).message})`);
  }
}

// --- From the fake to the file ----------------------------------------------------------------------------

function storeArea(g: GridRange): StoredArea {
  return {
    sheetId: g.sheetId,
    row: g.rows.start,
    column: g.columns.start,
    numRows: g.rows.size,
    numColumns: g.columns.size,
  };
}

function storeArg(value: unknown): StoredArg {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return { date: value.toISOString() };
  if (value instanceof Enums.EnumValue) return { enum: value.enumName, name: value.name };
  if (value instanceof FakeRange) {
    const { row, column, numRows, numColumns } = value.area;
    return { range: { sheetId: value.sheet.id, row, column, numRows, numColumns } };
  }
  if (Array.isArray(value)) return value.map(storeArg);
  return String(value);
}

type StoredCell = StoredSheet['cells'][number];

/** A cell's formats the file keeps when they differ from a blank cell's, in the file's order. */
const STORED_FORMATS = [
  'note',
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'horizontalAlignment',
  'wrap',
] as const satisfies readonly (keyof Cell & keyof StoredCell)[];

function storeSheet(stored: FakeSheet): StoredSheet {
  const grid = stored.grid;
  const validations: FakeDataValidation[] = [];
  const cells: StoredSheet['cells'] = [];
  for (let row = 1; row <= grid.maxRows; row++) {
    for (let column = 1; column <= grid.maxColumns; column++) {
      const c = grid.peek(row, column);
      if (c === BLANK) continue;
      const out: StoredCell = { row, column };
      if (c.formula) out.formula = c.formula;
      else if (c.value !== '') out.value = isDate(c.value) ? { date: c.value.toISOString() } : c.value;
      for (const field of STORED_FORMATS) {
        if (c[field] !== BLANK[field]) (out as Record<string, unknown>)[field] = c[field];
      }
      if (c.validation) {
        let index = validations.indexOf(c.validation);
        if (index < 0) index = validations.push(c.validation) - 1;
        out.validation = index;
      }
      if (Object.keys(out).length > 2) cells.push(out);
    }
  }
  const columnWidths: StoredSheet['columnWidths'] = [];
  for (let column = 1; column <= grid.maxColumns; column++) {
    const width = grid.columnWidth(column);
    if (width !== DEFAULT_COLUMN_WIDTH) columnWidths.push({ column, width });
  }
  return {
    id: stored.id,
    name: stored.name,
    hidden: stored.hidden,
    tabColor: stored.tabColor,
    frozenRows: stored.frozenRows,
    frozenColumns: stored.frozenColumns,
    maxRows: grid.maxRows,
    maxColumns: grid.maxColumns,
    columnWidths,
    cells,
    validations: validations.map((v) => ({
      criteria: Enums.enumName(v.spec.criteria),
      values: v.spec.values.map(storeArg),
      allowInvalid: v.spec.allowInvalid,
      helpText: v.spec.helpText,
    })),
    rules: stored.rules.map(({ spec, ranges }) => ({
      criteria: spec.criteria === null ? null : Enums.enumName(spec.criteria),
      values: spec.values.map(storeArg),
      ...ruleFormat(spec),
      ranges: ranges.map(storeArea),
    })),
    merges: stored.merges.map(storeArea),
    ...(stored.charts.length > 0
      ? {
          charts: stored.charts.map((chart) => ({
            ...chart,
            ranges: chart.ranges.map(storeArea),
            options: { ...chart.options },
          })),
        }
      : {}),
  };
}

/** Everything the fake spreadsheet holds, as the workbook file. */
export function workbookOf(services: FakeServices): WorkbookFile {
  const book = services.spreadsheet;
  return {
    format: WORKBOOK_FORMAT,
    version: WORKBOOK_VERSION,
    savedAt: new Date().toISOString(),
    spreadsheet: {
      id: book.id,
      name: book.name,
      locale: book.locale,
      timeZone: book.timeZone,
      activeSheetId: book.sheets.length > 0 ? book.activeSheet().id : null,
      nextSheetId: book.nextSheetId,
      nextMetadataId: book.nextMetadataId,
      ...(book.allowedImports.size > 0 ? { allowedImports: [...book.allowedImports].sort() } : {}),
    },
    sheets: book.sheets.map(storeSheet),
    namedRanges: [...book.namedRanges].map(([name, g]) => ({ name, range: storeArea(g) })),
    protections: book.protections.map((p) => ({
      type: Enums.enumName(p.type) as 'RANGE' | 'SHEET',
      sheetId: p.sheetId,
      range: p.range ? storeArea(p.range) : null,
      description: p.description,
      warningOnly: p.warningOnly,
      domainEdit: p.domainEdit,
      editors: [...p.editors],
      unprotected: p.unprotected.map(storeArea),
    })),
    metadata: book.metadata.map((m) => ({
      id: m.id,
      key: m.key,
      value: m.value,
      visibility: Enums.enumName(m.visibility) as 'DOCUMENT' | 'PROJECT',
      location:
        m.location.type === 'ROW' || m.location.type === 'COLUMN'
          ? { ...m.location, span: { ...m.location.span } }
          : m.location,
    })),
    documentProperties: Object.fromEntries(services.PropertiesService.document.data),
  };
}

// --- From the file to the fake ----------------------------------------------------------------------------

/**
 * An enum member by name, typed as the Apps Script enum it belongs to (at run time the fake's `EnumValue`,
 * see local/spreadsheet/enums.ts); throws for a name the enum does not have.
 */
function enumMember<E extends object>(enumObject: E | undefined, name: string, what: string): E[keyof E] {
  const member = enumObject ? (enumObject as Record<string, unknown>)[name] : undefined;
  if (!(member instanceof Enums.EnumValue)) throw new Error(`unknown ${what} "${name}"`);
  return member as E[keyof E];
}

const ENUMS: Record<string, object> = {
  ProtectionType: Enums.ProtectionType,
  DeveloperMetadataLocationType: Enums.DeveloperMetadataLocationType,
  DeveloperMetadataVisibility: Enums.DeveloperMetadataVisibility,
  Dimension: Enums.Dimension,
  RelativeDate: Enums.RelativeDate,
  BooleanCriteria: Enums.BooleanCriteria,
  DataValidationCriteria: Enums.DataValidationCriteria,
};

/** The options a fresh spreadsheet for a workbook file is created with. */
export function servicesOptionsOf(file: WorkbookFile): {
  spreadsheetId: string;
  spreadsheetName: string;
  locale: string;
  timeZone: string;
} {
  const { id, name, locale, timeZone } = file.spreadsheet;
  return { spreadsheetId: id, spreadsheetName: name, locale, timeZone };
}

/**
 * Fills fresh services (created with `servicesOptionsOf(file)` and no sheets) with the workbook. Throws
 * `WorkbookFileError` when the file holds something the fake cannot take (an unknown criteria name).
 */
export function restoreWorkbook(path: string, file: WorkbookFile, services: FakeServices): void {
  try {
    restore(file, services);
  } catch (error) {
    throw new WorkbookFileError(path, `is damaged: ${(error as Error).message}`);
  }
}

function restore(file: WorkbookFile, services: FakeServices): void {
  const book = services.spreadsheet;
  const env = services.env;
  const sheetsById = new Map<number, FakeSheet>();
  const pending: (() => void)[] = [];
  const gridRange = (g: StoredArea) => GridRange.of(g.sheetId, g.row, g.column, g.numRows, g.numColumns);
  const arg = (stored: StoredArg): unknown => {
    if (stored === null || typeof stored !== 'object') return stored;
    if (Array.isArray(stored)) return stored.map(arg);
    if ('date' in stored) return new Date(stored.date);
    if ('enum' in stored) return enumMember(ENUMS[stored.enum], stored.name, stored.enum);
    const { sheetId, row, column, numRows, numColumns } = stored.range;
    const target = sheetsById.get(sheetId);
    if (!target) throw new Error(`a range points at sheet ${sheetId}, which does not exist`);
    return target.rangeAt(row, column, numRows, numColumns);
  };

  for (const stored of file.sheets) {
    const grid = new Grid(stored.maxRows, stored.maxColumns);
    const created = new Sheet(env, book, stored.id, stored.name, grid);
    created.hidden = stored.hidden;
    created.tabColor = stored.tabColor;
    created.frozenRows = stored.frozenRows;
    created.frozenColumns = stored.frozenColumns;
    for (const { column, width } of stored.columnWidths) grid.setColumnWidth(column, width);
    book.sheets.push(created);
    sheetsById.set(created.id, created);
    // Validations may name ranges of sheets not made yet: they are built once every sheet exists.
    pending.push(() => {
      const validations = stored.validations.map(
        (v) =>
          new FakeDataValidation(env, {
            criteria: enumMember(Enums.DataValidationCriteria, v.criteria, 'validation criteria'),
            values: v.values.map(arg),
            allowInvalid: v.allowInvalid,
            helpText: v.helpText,
          }),
      );
      for (const c of stored.cells) {
        const target = grid.cell(c.row, c.column);
        if (c.formula !== undefined) target.formula = c.formula;
        else if (c.value !== undefined) target.value = typeof c.value === 'object' ? new Date(c.value.date) : c.value;
        if (c.note !== undefined) target.note = c.note;
        if (c.numberFormat !== undefined) target.numberFormat = c.numberFormat;
        if (c.background !== undefined) target.background = c.background;
        if (c.fontColor !== undefined) target.fontColor = c.fontColor;
        if (c.fontWeight !== undefined) target.fontWeight = c.fontWeight;
        if (c.horizontalAlignment !== undefined) target.horizontalAlignment = c.horizontalAlignment;
        if (c.wrap !== undefined) target.wrap = c.wrap;
        if (c.validation !== undefined) target.validation = validations[c.validation] ?? null;
      }
      created.rules = stored.rules.map((r) => ({
        spec: {
          criteria: r.criteria === null ? null : enumMember(Enums.BooleanCriteria, r.criteria, 'rule criteria'),
          values: r.values.map(arg),
          ...ruleFormat(r),
        } satisfies RuleSpec,
        ranges: r.ranges.map(gridRange),
      }));
      created.merges = stored.merges.map(gridRange);
      created.charts = (stored.charts ?? []).map((chart) => ({
        ...chart,
        ranges: chart.ranges.map(gridRange),
        options: { ...chart.options },
      }));
    });
  }
  for (const step of pending) step();

  for (const { name, range } of file.namedRanges) book.namedRanges.set(name, gridRange(range));
  for (const p of file.protections) {
    const type = enumMember(Enums.ProtectionType, p.type, 'protection type');
    const protection = new FakeProtection(env, book, type, p.sheetId, p.range ? gridRange(p.range) : null);
    protection.description = p.description;
    protection.warningOnly = p.warningOnly;
    protection.domainEdit = p.domainEdit;
    protection.editors = [...p.editors];
    protection.unprotected = p.unprotected.map(gridRange);
    book.protections.push(protection);
  }
  for (const m of file.metadata) {
    const visibility = enumMember(Enums.DeveloperMetadataVisibility, m.visibility, 'metadata visibility');
    book.metadata.push(
      new FakeDeveloperMetadata(env, book, m.id, m.key, m.value, visibility, m.location as MetadataLocation),
    );
  }
  for (const [key, value] of Object.entries(file.documentProperties))
    services.PropertiesService.document.data.set(key, value);

  const maxSheetId = Math.max(-1, ...file.sheets.map((s) => s.id));
  const maxMetadataId = Math.max(0, ...file.metadata.map((m) => m.id));
  book.nextSheetId = Math.max(file.spreadsheet.nextSheetId, maxSheetId + 1);
  book.nextMetadataId = Math.max(file.spreadsheet.nextMetadataId, maxMetadataId + 1);
  book.nextChartId = Math.max(1, ...file.sheets.flatMap((s) => (s.charts ?? []).map((c) => c.id + 1)));
  for (const id of file.spreadsheet.allowedImports ?? []) book.allowedImports.add(id);
  const active = file.spreadsheet.activeSheetId === null ? undefined : sheetsById.get(file.spreadsheet.activeSheetId);
  if (active) book.activate(active);
}

/** Fresh services for a workbook file, filled with it. */
export function servicesFromWorkbook(
  path: string,
  file: WorkbookFile,
  extra: Omit<FakeServicesOptions, 'sheets' | 'spreadsheetId' | 'spreadsheetName' | 'locale' | 'timeZone'>,
): FakeServices {
  const services = createFakeServices({ ...extra, ...servicesOptionsOf(file), sheets: {} });
  restoreWorkbook(path, file, services);
  return services;
}
