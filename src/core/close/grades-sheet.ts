// The Grades sheet a quarter's close writes beside its OKR sheet, as data (src/core/sheet-spec.ts), and its
// reader. Everything the close computed is frozen as values: each KR's final score (exact, shown to 0.1 by
// its number format), band, committed verdict and flags; objective and team grades; the distribution by
// band; the quarter's flags; how far the standard forecasts made 4 and 8 weeks before the last recorded week
// were from its value (../forecast-error.ts, the same figure the monthly review shows). What people type afterwards sits in input cells: the owner's override with its
// reason, a note per KR, the closing note and the answers to the guide's retro questions. An override with
// no reason is flagged by a formula and a colour rule as it is typed, and refused by the reader, which is
// what the next New quarter reads the grades through.

import * as z from 'zod/mini';
import { type LazyOutput, lazySchema, parseStoredJson } from '../../shared/lazy-schema';
import { isBlank, readNumber } from '../cell-values';
import type { ForecastError } from '../forecast-error';
import { call } from '../formula-text';
import type { Lang } from '../i18n';
import { describeValue } from '../input-error';
import { a1, a1Range, columnLetter, dateFormula, number, quoted, type SheetCell, text } from '../okr-sheet/cells';
import { parseKeyResultType } from '../score';
import { DATE_FORMAT, FILL, PERCENT_FORMAT, type SheetSpec, sheetGrids, type ValidationSpec } from '../sheet-spec';
import {
  GRADE_BANDS,
  type GradeBand,
  type GradeOverride,
  type OverrideProblem,
  overrideProblem,
  type QuarterGrades,
  RETRO_QUESTIONS,
} from './grades';
import { bandWord, flagLine, type GradesTextKey, gradesText, retroQuestion } from './grades-texts';

/** Bumped when the places of the sections or the meaning of a column change. */
export const GRADES_LAYOUT_VERSION = 1;

/** The columns of the key-result table, in order. */
export const GRADE_COLUMN_KEYS = [
  'objectiveId',
  'krId',
  'keyResult',
  'owner',
  'type',
  'score',
  'band',
  'verdict',
  'override',
  'reason',
  'note',
  'flags',
  'forecastError4',
  'forecastError8',
  'forecastErrorMean',
] as const;
export type GradeColumnKey = (typeof GRADE_COLUMN_KEYS)[number];

export function gradeColumn(key: GradeColumnKey): number {
  return GRADE_COLUMN_KEYS.indexOf(key) + 1;
}

const WIDTHS: Record<GradeColumnKey, number> = {
  objectiveId: 90,
  krId: 70,
  keyResult: 280,
  owner: 110,
  type: 110,
  score: 90,
  band: 110,
  verdict: 150,
  override: 100,
  reason: 220,
  note: 220,
  flags: 260,
  forecastError4: 110,
  forecastError8: 110,
  forecastErrorMean: 110,
};

/** The format of a final score: the exact value is kept, and shown to one decimal as Google grades are. */
export const GRADE_FORMAT = '0.0';

/** Developer metadata of a Grades sheet. */
export const GRADES_METADATA = {
  kind: 'okr.kind',
  kindValue: 'okr-grades',
  /** The quarter's label: the one key a finder asks for, so a quarter's Grades sheet is found in one query. */
  key: 'okr.grades.key',
  info: 'okr.grades.info',
  /**
   * The KR table's first and last rows, each marked on its own single whole row (row metadata may not span
   * rows: see local/spreadsheet/metadata.ts); the markers move with rows a person inserts.
   */
  regionStart: 'okr.grades.regionStart',
  regionEnd: 'okr.grades.regionEnd',
  regionValue: 'keyResults',
} as const;

export const gradesInfoSchema = lazySchema(() =>
  z.object({
    version: z.number(),
    quarter: z.string(),
    okrSheetId: z.number(),
    lang: z.enum(['en', 'pl']),
    closedOn: z.string(),
  }),
);
export type GradesInfo = LazyOutput<typeof gradesInfoSchema>;

export function parseGradesInfo(json: string | null | undefined): GradesInfo | null {
  return parseStoredJson(gradesInfoSchema, json);
}

/** The places the reader finds again: the closing note's cell and the KR table's rows. */
export const CLOSING_NOTE_CELL = { row: 3, column: 3 } as const;

export interface GradesSheetInput {
  lang: Lang;
  quarter: string;
  team: string;
  okrSheetId: number;
  okrSheetName: string;
  /** The day of the close (ISO). */
  closedOn: string;
  grades: QuarterGrades;
  /** Per KR, the forecast error from History (`forecastErrors`); a KR missing here has blank error cells. */
  forecastErrors?: readonly ForecastError[];
}

export interface GradesSheetLayout extends SheetSpec {
  name: string;
  info: GradesInfo;
  keyResultRegion: { row: number; rows: number };
}

const BAND_FILL: Record<GradeBand, string> = { green: FILL.green, yellow: FILL.yellow, red: FILL.red };

/** Lays out the Grades sheet of a closed quarter. */
export function layoutGradesSheet(input: GradesSheetInput): GradesSheetLayout {
  const { lang, grades } = input;
  const t = (key: GradesTextKey, params?: Record<string, string | number>) => gradesText(lang, key, params);
  const krCount = grades.keyResults.length;
  const quarterFlags = grades.flags.filter((flag) => flag.code === 'allAtOne' || flag.code === 'committedMiss');
  const flagLines = quarterFlags.length > 0 ? quarterFlags.map((flag) => flagLine(flag, lang)) : [t('noFlags')];

  const krSection = 6;
  const krTitle = krSection + 1;
  const krRow = krTitle + 1;
  const krLast = krRow + Math.max(krCount, 1) - 1;
  const objectivesSection = krLast + 2;
  const objectivesTitle = objectivesSection + 1;
  const objectivesRow = objectivesTitle + 1;
  const teamRow = objectivesRow + grades.objectives.length;
  const distributionSection = teamRow + 2;
  const distributionTitle = distributionSection + 1;
  const distributionRow = distributionTitle + 1;
  const flagsSection = distributionRow + GRADE_BANDS.length + 2;
  const flagsRow = flagsSection + 1;
  const retroSection = flagsRow + flagLines.length + 1;
  const retroTitle = retroSection + 1;
  const retroRow = retroTitle + 1;
  const lastRow = retroRow + RETRO_QUESTIONS.length - 1;
  const lastColumn = GRADE_COLUMN_KEYS.length;

  const grids = sheetGrids(lastRow, lastColumn);
  const { put, setFormat, bold, fill, titles } = grids;
  const validations = grids.grid<ValidationSpec | null>(null);
  const section = (row: number, key: GradesTextKey) => grids.section(row, t(key));
  const labelled = (row: number, column: number, label: string, value: SheetCell, format?: string) => {
    put(row, column, text(label));
    bold(row, column);
    put(row, column + 2, value);
    if (format) setFormat(row, column + 2, format);
  };

  // The header: what was closed, when, and the closing note to write.
  put(1, 1, text(t('title', { quarter: input.quarter, team: input.team })));
  bold(1, 1);
  labelled(2, 1, t('closedOn'), { formula: dateFormula(input.closedOn) }, DATE_FORMAT);
  labelled(2, 4, t('okrSheet'), text(input.okrSheetName));
  labelled(CLOSING_NOTE_CELL.row, 1, t('closingNote'), null);
  fill(CLOSING_NOTE_CELL.row, CLOSING_NOTE_CELL.column, FILL.input);
  put(4, 1, text(t('scale')));

  // KEY RESULTS: one row per KR, frozen as values, with the override, its reason and a note to type.
  section(krSection, 'sectionKeyResults');
  titles(
    krTitle,
    GRADE_COLUMN_KEYS.map((key) => [gradeColumn(key), t(`col_${key}`)] as const),
  );
  const overrideSpec: ValidationSpec = {
    kind: 'number',
    min: 0,
    max: 1,
    allowInvalid: true,
    help: t('overrideHelp'),
  };
  const byId = new Map(grades.objectives.map((objective) => [objective.id, objective]));
  const errorsById = new Map((input.forecastErrors ?? []).map((error) => [error.keyResultId.toLowerCase(), error]));
  const errorCell = (value: number | null | undefined): SheetCell =>
    value === null || value === undefined ? null : number(value);
  grades.keyResults.forEach((grade, index) => {
    const row = krRow + index;
    const column = gradeColumn;
    const staticFlags = [
      grade.score === null ? t('flagNoValue') : '',
      grade.verdict === 'miss' ? t('flagCommittedMiss') : '',
    ].filter(Boolean);
    const [override, reason] = [a1(row, column('override')), a1(row, column('reason'))];
    const noReason = call(
      'IF',
      call('AND', `${override}<>""`, `${call('TRIM', reason)}=""`),
      quoted(t('flagOverrideNoReason')),
      '""',
    );
    const flags =
      staticFlags.length > 0 ? `=${call('TRIM', `${quoted(staticFlags.join('; '))}&" "&${noReason}`)}` : `=${noReason}`;
    const values: Record<GradeColumnKey, SheetCell> = {
      objectiveId: text(grade.objectiveId),
      krId: text(grade.id),
      keyResult: text(grade.title),
      owner: grade.owner ? text(grade.owner) : null,
      type: text(t(grade.committed ? 'type_committed' : 'type_aspirational')),
      score: grade.score === null ? null : number(grade.score),
      band: text(bandWord(grade.band, lang)),
      verdict: grade.verdict ? text(t(grade.verdict === 'met' ? 'verdict_met' : 'verdict_miss')) : null,
      override: null,
      reason: null,
      note: null,
      flags: { formula: flags },
      forecastError4: errorCell(pointError(errorsById.get(grade.id.toLowerCase()), 4)),
      forecastError8: errorCell(pointError(errorsById.get(grade.id.toLowerCase()), 8)),
      forecastErrorMean: errorCell(errorsById.get(grade.id.toLowerCase())?.meanAbsoluteError),
    };
    for (const key of GRADE_COLUMN_KEYS) put(row, column(key), values[key]);
    setFormat(row, column('score'), GRADE_FORMAT);
    setFormat(row, column('override'), GRADE_FORMAT);
    for (const key of ['forecastError4', 'forecastError8', 'forecastErrorMean'] as const) {
      setFormat(row, column(key), PERCENT_FORMAT);
      fill(row, column(key), FILL.computed);
    }
    if (grade.band) {
      fill(row, column('score'), BAND_FILL[grade.band]);
      fill(row, column('band'), BAND_FILL[grade.band]);
    }
    if (grade.verdict === 'miss') fill(row, column('verdict'), FILL.red);
    for (const key of ['override', 'reason', 'note'] as const) fill(row, column(key), FILL.input);
    fill(row, column('flags'), FILL.computed);
    (validations[row - 1] as (ValidationSpec | null)[])[column('override') - 1] = overrideSpec;
  });

  // OBJECTIVE AND TEAM GRADES.
  section(objectivesSection, 'sectionObjectives');
  titles(objectivesTitle, [
    [1, t('col_objectiveId')],
    [3, t('col_objective')],
    [6, t('col_grade')],
    [7, t('col_band')],
  ]);
  const gradeRow = (row: number, id: string, title: string, grade: number | null, band: GradeBand | null) => {
    put(row, 1, text(id));
    put(row, 3, text(title));
    put(row, 6, grade === null ? null : number(grade));
    setFormat(row, 6, GRADE_FORMAT);
    put(row, 7, text(bandWord(band, lang)));
    if (band) for (const column of [6, 7]) fill(row, column, BAND_FILL[band]);
  };
  grades.objectives.forEach((objective, index) => {
    gradeRow(objectivesRow + index, objective.id, byId.get(objective.id)?.title ?? '', objective.grade, objective.band);
  });
  gradeRow(teamRow, t('team'), input.team, grades.team, grades.teamBand);
  bold(teamRow, 1);

  // DISTRIBUTION BY BAND.
  section(distributionSection, 'sectionDistribution');
  titles(distributionTitle, [
    [1, t('col_band')],
    [3, t('col_count')],
  ]);
  GRADE_BANDS.forEach((band, index) => {
    const row = distributionRow + index;
    put(row, 1, text(bandWord(band, lang)));
    fill(row, 1, BAND_FILL[band]);
    put(row, 3, number(grades.distribution[band]));
  });
  put(distributionRow + GRADE_BANDS.length, 1, text(bandWord(null, lang)));
  put(distributionRow + GRADE_BANDS.length, 3, number(grades.distribution.ungraded));

  // FLAGS of the quarter.
  section(flagsSection, 'sectionFlags');
  flagLines.forEach((line, index) => {
    put(flagsRow + index, 1, text(line));
    if (quarterFlags.length > 0) fill(flagsRow + index, 1, FILL.yellow);
  });

  // RETRO: the guide's questions, each with its answer cell.
  section(retroSection, 'sectionRetro');
  titles(retroTitle, [
    [1, t('col_question')],
    [3, t('col_answer')],
  ]);
  RETRO_QUESTIONS.forEach((question, index) => {
    const row = retroRow + index;
    put(row, 1, text(retroQuestion(question, lang)));
    bold(row, 1);
    fill(row, 3, FILL.input);
  });

  const info: GradesInfo = {
    version: GRADES_LAYOUT_VERSION,
    quarter: input.quarter,
    okrSheetId: input.okrSheetId,
    lang,
    closedOn: input.closedOn,
  };
  const letter = (key: GradeColumnKey) => columnLetter(gradeColumn(key));
  return {
    name: t('sheetName', { quarter: input.quarter }),
    ...grids.drawn(),
    validations,
    conditionalRules:
      krCount === 0
        ? []
        : [
            {
              formula: `=${call('AND', `$${letter('override')}${krRow}<>""`, `${call('TRIM', `$${letter('reason')}${krRow}`)}=""`)}`,
              ranges: [
                a1Range(krRow, gradeColumn('reason'), krLast, gradeColumn('reason')),
                a1Range(krRow, gradeColumn('flags'), krLast, gradeColumn('flags')),
              ],
              background: FILL.red,
            },
          ],
    notes: [
      { a1: a1(CLOSING_NOTE_CELL.row, CLOSING_NOTE_CELL.column), note: t('closingNoteHelp') },
      ...(krCount > 0 ? [{ a1: a1(krTitle, gradeColumn('override')), note: t('overrideHelp') }] : []),
      ...(krCount > 0 ? [{ a1: a1(krTitle, gradeColumn('forecastErrorMean')), note: t('forecastErrorHelp') }] : []),
    ],
    sheetMetadata: [
      { key: GRADES_METADATA.kind, value: GRADES_METADATA.kindValue },
      { key: GRADES_METADATA.key, value: input.quarter },
      { key: GRADES_METADATA.info, value: JSON.stringify(info) },
    ],
    columnWidths: GRADE_COLUMN_KEYS.map((key) => ({ column: gradeColumn(key), width: WIDTHS[key] })),
    info,
    keyResultRegion: { row: krRow, rows: krCount },
  };
}

/** The error of the forecast made `weeksBefore` weeks before the final week; `null` when none was compared. */
function pointError(error: ForecastError | undefined, weeksBefore: number): number | null {
  return error?.points.find((point) => point.weeksBefore === weeksBefore)?.error ?? null;
}

/** One KR's grade as read back from a Grades sheet. */
export interface ReadGrade {
  id: string;
  row: number;
  /** The exact final score; `null` when the KR had no value. */
  score: number | null;
  band: string;
  committed: boolean;
  /** The override as typed and read; `null` when none. */
  override: GradeOverride | null;
  note: string;
}

/** An override the reader refuses: it does not count, and the sheet flags it. */
export interface RefusedOverride {
  id: string;
  row: number;
  problem: OverrideProblem | 'notANumber';
  /** The override as read: its number (the renderer writes it in the reader's language), else the text typed. */
  value: number | string;
}

export interface GradesReading {
  closingNote: string;
  grades: ReadGrade[];
  refused: RefusedOverride[];
}

export interface GradesSnapshot {
  values: readonly (readonly unknown[])[];
  /** The KR table's rows, by their metadata. */
  keyResultRegion: { row: number; rows: number } | null;
}

const normalize = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();
const textOf = (value: unknown) => (isBlank(value) ? '' : String(value).trim());

/**
 * Reads a Grades sheet back: each KR's final score, override and note, and the closing note. Columns are
 * found by their title in either language (a person may move them), else where the layout put them.
 * An override with no reason, out of 0–1 or no number is refused: the final score counts.
 */
export function readGradesGrid(snapshot: GradesSnapshot): GradesReading {
  const { values } = snapshot;
  const closingNote = textOf(values[CLOSING_NOTE_CELL.row - 1]?.[CLOSING_NOTE_CELL.column - 1]);
  const krTitles = (['en', 'pl'] as const).map((lang) => normalize(gradesText(lang, 'col_krId')));
  let firstRow = snapshot.keyResultRegion?.row ?? null;
  let rowCount = snapshot.keyResultRegion?.rows ?? 0;
  if (firstRow === null) {
    const header = values.findIndex((row) => row.some((cell) => krTitles.includes(normalize(cell))));
    if (header < 0) return { closingNote, grades: [], refused: [] };
    firstRow = header + 2;
    rowCount = -1;
  }
  const header = values[firstRow - 2] ?? [];
  const columnOf = (key: GradeColumnKey) => {
    const names = (['en', 'pl'] as const).map((lang) => normalize(gradesText(lang, `col_${key}`)));
    const found = header.findIndex((cell) => names.includes(normalize(cell)));
    return found >= 0 ? found : gradeColumn(key) - 1;
  };
  const at = Object.fromEntries(GRADE_COLUMN_KEYS.map((key) => [key, columnOf(key)])) as Record<GradeColumnKey, number>;
  // With no region metadata, the table runs from its header down to the first row with no KR id.
  if (rowCount < 0) {
    rowCount = 0;
    while (!isBlank(values[firstRow - 1 + rowCount]?.[at.krId])) rowCount++;
  }
  const grades: ReadGrade[] = [];
  const refused: RefusedOverride[] = [];
  for (let row = firstRow; row < firstRow + rowCount; row++) {
    const line = values[row - 1] ?? [];
    const id = textOf(line[at.krId]);
    if (!id) continue;
    const scoreCell = line[at.score];
    const overrideCell = line[at.override];
    const reason = textOf(line[at.reason]);
    let override: GradeOverride | null = null;
    if (!isBlank(overrideCell)) {
      let value: number | null = null;
      try {
        value = readNumber(overrideCell, { fn: gradesText('en', 'col_override'), arg: '' });
      } catch {
        refused.push({ id, row, problem: 'notANumber', value: describeValue(overrideCell) });
      }
      if (value !== null) {
        const candidate = { value, reason };
        const problem = overrideProblem(candidate);
        if (problem) refused.push({ id, row, problem, value });
        else override = candidate;
      }
    }
    grades.push({
      id,
      row,
      score: typeof scoreCell === 'number' ? scoreCell : null,
      band: textOf(line[at.band]),
      committed: parseKeyResultType(textOf(line[at.type])) === 'committed',
      override,
      note: textOf(line[at.note]),
    });
  }
  return { closingNote, grades, refused };
}
