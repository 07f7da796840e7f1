// `okr rollup --company company.json --teams team-a.json team-b.json … --out company.xlsx [--force]`: the
// company roll-up from workbook files. Each team workbook's OKR feed is read as its cells compute in the local
// runtime (the OKR_FEED window, what IMPORTRANGE would bring), the company's objectives from the company
// workbook's own feed (its objectives of level company), and the core scores them (`rollUp`) and lays out the
// Alignment map (`layoutAlignmentMap`). company.xlsx is the company workbook with a Roll-up tab (the add-on's
// layout, the teams' feeds stacked as values where Sheets would import them, every formula then replaced by
// its value: IMPORTRANGE does not exist outside Sheets) and the Alignment map, as values.
//
// The company workbook file itself is only read, never written: in Sheets the Roll-up tab holds live imports
// that the add-on refreshes, and values typed over them here would be stale the next day. So the command runs
// beside a playground that has the workbooks open. Any problem in a team's feed (by team file, row and
// field), a file given twice or a workbook with no feed stops it with exit code 1 before anything is written.

import { type LocalRuntime, WorkbookFileError } from '../local/runtime';
import { columnNumber } from '../local/spreadsheet/a1';
import { withGlobalServices } from '../local/spreadsheet/scope';
import type { FakeSheet } from '../local/spreadsheet/sheet';
import { readFeedWindow } from '../local/team-feed';
import { writeXlsx, xlsxWarnings } from '../local/xlsx';
import { workbookFromFake } from '../local/xlsx-from-fake';
import { cellInput, text } from '../src/core/okr-sheet/cells';
import { ALIGNMENT_METADATA, layoutAlignmentMap } from '../src/core/rollup/alignment-map';
import { FEED_COLUMNS, FEED_WINDOW_ROWS } from '../src/core/rollup/feed-schema';
import { type FeedKeyResult, type FeedProblem, parseFeed } from '../src/core/rollup/parse-feed';
import { type CompanyObjective, type Rollup, rollUp } from '../src/core/rollup/rollup';
import {
  blockRow,
  LAST_STACK_COLUMN,
  LEFT_COLUMNS,
  layoutRollupFromScores,
  ROLLUP_METADATA,
  STACK_COLUMN,
  STACK_TITLE_ROW,
} from '../src/core/rollup/rollup-sheet';
import { rollupText } from '../src/core/rollup/texts';
import { writeSheetSpec } from '../src/server/sheet-writer';
import { CliError, checkOutputPath, type Io, shownPath, size, writeFileAtomically } from './io';
import { openWorkbookAsOf } from './local';
import type { Options } from './main';

type Lang = 'en' | 'pl';

/** One team workbook, read. */
interface TeamRead {
  file: string;
  id: string;
  name: string;
  rows: unknown[][];
  truncated: boolean;
  /** The feed's key results, as parsed when it was read. */
  keyResults: FeedKeyResult[];
}

/** A problem of one team file, in the company workbook's language. */
function problemLine(lang: Lang, problem: FeedProblem): string {
  const key = `problem_${problem.code}` as Parameters<typeof rollupText>[1];
  return rollupText(lang, key, {
    team: problem.team,
    row: problem.row,
    field: problem.field ?? '',
    value: problem.value ?? '',
    codes: problem.codes ?? '',
    objective: '',
  });
}

const FILE_TEXTS = {
  en: {
    noFeed: '{team}: the workbook has no OKR feed (named range OKR_FEED): build its quarter with OKR Sheets first',
    twice: '{team}: the same spreadsheet as {other}',
    noCompany: '{team}: the company workbook has no OKR sheet with objectives, so there is nothing to roll up to',
  },
  pl: {
    noFeed: '{team}: skoroszyt nie ma kanału OKR (zakres nazwany OKR_FEED): najpierw zbuduj w nim kwartał w OKR Sheets',
    twice: '{team}: ten sam arkusz co {other}',
    noCompany: '{team}: skoroszyt firmy nie ma arkusza OKR z celami, więc nie ma do czego zbierać',
  },
} as const;

function fileText(lang: Lang, key: keyof (typeof FILE_TEXTS)['en'], params: Record<string, string>): string {
  return FILE_TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** The company's objectives: those of level company in its own feed, else all its objectives. */
function companyObjectivesOf(runtime: LocalRuntime, file: string): CompanyObjective[] {
  const rows = readFeedWindow(runtime);
  const keyResults = rows ? parseFeed(file, rows).keyResults : [];
  const company = keyResults.filter((keyResult) => keyResult.level === 'company');
  const objectives = new Map<string, CompanyObjective>();
  for (const keyResult of company.length > 0 ? company : keyResults) {
    const key = keyResult.objectiveId.toLowerCase();
    if (!objectives.has(key)) objectives.set(key, { id: keyResult.objectiveId, title: keyResult.objective });
  }
  return [...objectives.values()];
}

/** Removes the tabs the add-on's roll-up made in the company workbook (live imports), from this copy only. */
function dropAddonTabs(runtime: LocalRuntime): string[] {
  const book = runtime.services.spreadsheet;
  const kinds = new Set<string>([ROLLUP_METADATA.kindValue, ALIGNMENT_METADATA.kindValue]);
  const dropped: FakeSheet[] = [];
  for (const sheet of book.sheets) {
    const found = sheet.createDeveloperMetadataFinder().withKey(ROLLUP_METADATA.kind).find();
    if (found.some((metadata) => kinds.has(metadata.getValue() ?? ''))) dropped.push(sheet);
  }
  for (const sheet of dropped) book.deleteSheet(sheet);
  return dropped.map((sheet) => sheet.getName());
}

/** The fake's sheet where the add-on's writer wants Apps Script's (the fake implements what it calls). */
const asSheet = (sheet: FakeSheet) => sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;

/** A value as setValues must get it to stay what it is (a text starting with = stays text). */
const asInput = (value: unknown): string | number | boolean => {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return cellInput(text(value === null || value === undefined ? '' : String(value)));
};

/**
 * The columns of their own sheet that formulas can read: those their cell references and ranges cover (any
 * word that may be a column counts, so never fewer), or `null` for every column when one names another
 * sheet, a name or whole rows, or calls OFFSET or INDIRECT. Texts in quotes read nothing.
 * @example columnsRead(['=SUMPRODUCT(($Q$6:$S$105<>"A1")*1)', '=B2']) // Q to S and B: 17, 18, 19, 2
 */
export function columnsRead(formulas: readonly string[]): Set<number> | null {
  const columns = new Set<number>();
  for (const formula of formulas) {
    const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
    if (code.includes('!') || /\d\s*:\s*\$?\d/.test(code.replace(/[A-Za-z_][\w.]*\$?\d*/g, ''))) return null;
    for (const match of code.matchAll(/([A-Za-z_][\w.]*\$?\d*)(\s*\()?/g)) {
      // OFFSET and INDIRECT read cells their arguments do not name.
      if (match[2]) {
        if (/^(OFFSET|INDIRECT)$/i.test(match[1] as string)) return null;
        continue;
      }
      const cell = /^([A-Za-z]{1,3})\$?\d*$/.exec(match[1] as string);
      if (!cell) return null;
      columns.add(columnNumber(cell[1] as string));
    }
    for (const [, from, to] of code.matchAll(/([A-Za-z]{1,3})\$?\d*\s*:\s*\$?([A-Za-z]{1,3})\$?\d*/g)) {
      const ends = [columnNumber(from as string), columnNumber(to as string)];
      for (let column = Math.min(...ends); column <= Math.max(...ends); column++) columns.add(column);
    }
  }
  return columns;
}

/** Writes the stack's columns that `wanted` picks, one setValues per run of side-by-side columns. */
function writeStack(sheet: FakeSheet, stack: (string | number | boolean)[][], wanted: (column: number) => boolean) {
  if (stack.length === 0) return;
  for (let start = 0; start < FEED_COLUMNS.length; start++) {
    if (!wanted(STACK_COLUMN + start)) continue;
    let end = start + 1;
    while (end < FEED_COLUMNS.length && wanted(STACK_COLUMN + end)) end++;
    const values = end - start === FEED_COLUMNS.length ? stack : stack.map((row) => row.slice(start, end));
    sheet.getRange(blockRow(0), STACK_COLUMN + start, stack.length, end - start).setValues(values);
    start = end;
  }
}

/** Writes the Roll-up tab: the add-on's layout over the stacked feeds, then each formula as its value. */
function writeRollupTab(runtime: LocalRuntime, lang: Lang, teams: TeamRead[], rollup: Rollup): string {
  const book = runtime.services.spreadsheet;
  const { layout } = layoutRollupFromScores(
    lang,
    teams.map((team) => team.id),
    rollup,
  );
  const stack = teams.flatMap((team) =>
    Array.from({ length: FEED_WINDOW_ROWS }, (_, r) =>
      Array.from({ length: FEED_COLUMNS.length }, (_, c) => asInput(team.rows[r]?.[c] ?? '')),
    ),
  );
  const name = rollupText(lang, 'rollupSheet');
  const sheet = book.insertSheet(name, book.getNumSheets());
  const lastRow = Math.max(layout.lastRow, blockRow(teams.length) - 1);
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (sheet.getMaxColumns() < LAST_STACK_COLUMN) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), LAST_STACK_COLUMN - sheet.getMaxColumns());
  }
  sheet.getRange(STACK_TITLE_ROW, STACK_COLUMN).setValue(asInput(rollupText(lang, 'stackSection')));
  // The stack's columns the formulas read go in first, the others once their values are pasted: the local
  // engine then computes the formulas without taking in the two thirds of the stack they never read.
  const read = columnsRead(layout.cells.flat().flatMap((cell) => (cell && 'formula' in cell ? [cell.formula] : [])));
  const isRead = (column: number) => read === null || read.has(column);
  writeStack(sheet, stack, isRead);
  writeSheetSpec(asSheet(sheet), { ...layout, sheetMetadata: [] }, 1);
  sheet.addDeveloperMetadata(ROLLUP_METADATA.kind, ROLLUP_METADATA.kindValue);
  // Paste values: what each formula computes over the stacked feeds.
  const values = Array.from({ length: layout.lastRow }, (_, r) =>
    Array.from({ length: LEFT_COLUMNS }, (_, c) => {
      const computed = runtime.computed(name, r + 1, c + 1);
      return computed.kind === 'error' ? '' : asInput(computed.value);
    }),
  );
  sheet.getRange(1, 1, layout.lastRow, LEFT_COLUMNS).setValues(values);
  writeStack(sheet, stack, (column) => !isRead(column));
  // The sheet's scores are the core's: a disagreement is a bug of this command, never a result.
  for (const objective of rollup.companyObjectives) {
    const row = layout.companyRows.get(objective.id.toLowerCase());
    const shown = row === undefined ? null : values[row - 1]?.[2];
    const agree =
      objective.score === null
        ? shown === '' || shown === undefined
        : typeof shown === 'number' && Math.abs(shown - objective.score) < 1e-9;
    if (!agree) throw new Error(`the Roll-up tab scores ${objective.id} ${String(shown)}, the core ${objective.score}`);
  }
  return sheet.getName();
}

/** Writes the Alignment map as values, teams named as their feeds name them. */
function writeAlignmentMap(runtime: LocalRuntime, lang: Lang, teams: TeamRead[], rollup: Rollup): string {
  const book = runtime.services.spreadsheet;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: book.timeZone }).format(new Date());
  const map = layoutAlignmentMap(rollup, { lang, date: today });
  const nameOf = new Map(teams.map((team) => [team.id, team.name]));
  for (const row of map.cells) {
    const team = row[1];
    if (team && 'text' in team && nameOf.has(team.text)) row[1] = text(nameOf.get(team.text) as string);
  }
  const sheet = book.insertSheet(rollupText(lang, 'alignmentSheet'), book.getNumSheets());
  writeSheetSpec(asSheet(sheet), { ...map, sheetMetadata: [] }, 1);
  for (const { key, value } of map.sheetMetadata) sheet.addDeveloperMetadata(key, value);
  return sheet.getName();
}

const scoreText = (score: number | null) => (score === null ? '–' : `${Math.round(score * 100)}%`);

export function runRollup(options: Options, root: string, io: Io): number {
  const companyFile = options.company as string;
  const teamFiles = options.teams ?? [];
  const out = options.out as string;
  if (!/\.xlsx$/i.test(out)) throw new CliError(`--out ${out}: the file name should end in .xlsx`, 2);
  if (teamFiles.length === 0) throw new CliError('`rollup` needs --teams with at least one team workbook', 2);
  checkOutputPath(out, false, options.force ? 'replace' : 'refuse');

  io.out(`• Loading the company workbook ${shownPath(companyFile)}`);
  const company = openWorkbookAsOf(root, companyFile, undefined);
  const lang: Lang = company.services.spreadsheet.locale.toLowerCase().startsWith('pl') ? 'pl' : 'en';
  const companyObjectives = companyObjectivesOf(company, shownPath(companyFile));

  const problems: string[] = [];
  const warnings: string[] = [];
  if (companyObjectives.length === 0) problems.push(fileText(lang, 'noCompany', { team: shownPath(companyFile) }));
  const teams: TeamRead[] = [];
  const fileOf = new Map<string, string>([[company.id, shownPath(companyFile)]]);
  for (const teamFile of teamFiles) {
    const file = shownPath(teamFile);
    io.out(`• Reading the OKR feed of ${file}`);
    let runtime: LocalRuntime;
    try {
      runtime = openWorkbookAsOf(root, teamFile, undefined);
    } catch (error) {
      // A missing or unreadable file is one more problem: every team file is checked in one run.
      if (!(error instanceof CliError || error instanceof WorkbookFileError)) throw error;
      problems.push(error.message);
      continue;
    }
    const other = fileOf.get(runtime.id);
    if (other !== undefined) {
      problems.push(fileText(lang, 'twice', { team: file, other }));
      continue;
    }
    fileOf.set(runtime.id, file);
    const rows = readFeedWindow(runtime);
    if (!rows) {
      problems.push(fileText(lang, 'noFeed', { team: file }));
      continue;
    }
    const feed = parseFeed(file, rows);
    problems.push(...feed.problems.map((problem) => problemLine(lang, problem)));
    if (feed.truncated) {
      warnings.push(`${file}: ${rollupText(lang, 'state_truncated', { max: FEED_WINDOW_ROWS - 2 })}`);
    }
    const name = feed.keyResults[0]?.team || runtime.services.spreadsheet.name;
    teams.push({ file, id: runtime.id, name, rows, truncated: feed.truncated, keyResults: feed.keyResults });
  }
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✗ ${problem}`);
    io.err(`✗ Nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}).`);
    return 1;
  }

  const rollup = rollUp({
    companyObjectives,
    teams: teams.map((team) => ({ team: team.id, keyResults: team.keyResults })),
  });
  for (const objective of rollup.companyObjectives.filter((candidate) => !candidate.known)) {
    const names = [...new Set(objective.teamObjectives.map((team) => fileOf.get(team.team) ?? team.team))];
    warnings.push(
      `${names.join(', ')}: ${rollupText(lang, 'problem_unknownParent', { team: '', objective: objective.teamObjectives.map((team) => team.objectiveId).join(', '), value: objective.id }).replace(/^: /, '')}`,
    );
  }

  const { rollupSheet, mapSheet, dropped } = withGlobalServices(company.services, () => {
    const dropped = dropAddonTabs(company);
    return {
      dropped,
      rollupSheet: writeRollupTab(company, lang, teams, rollup),
      mapSheet: writeAlignmentMap(company, lang, teams, rollup),
    };
  });

  const nameOfTeam = new Map(teams.map((team) => [team.id, team.name]));
  io.out('');
  io.out(`Company objectives (${teams.length} team${teams.length === 1 ? '' : 's'}):`);
  for (const objective of rollup.companyObjectives) {
    io.out(`  ${objective.id} ${objective.title}: ${scoreText(objective.score)}`);
    for (const team of objective.teamObjectives) {
      io.out(
        `    ${nameOfTeam.get(team.team) ?? team.team} · ${team.objectiveId} ${team.title}: ${scoreText(team.score)} (weight ${team.weight})`,
      );
    }
  }
  if (rollup.unaligned.length > 0) {
    io.out(`  ${rollupText(lang, 'unaligned')}: ${rollup.unaligned.length} team objective(s)`);
  }
  for (const warning of warnings) io.out(`  ⚠ ${warning}`);
  io.out('');

  const model = workbookFromFake(company.services.spreadsheet);
  const bytes = writeXlsx(model);
  checkOutputPath(out, true, options.force ? 'replace' : 'refuse');
  writeFileAtomically(out, bytes);
  io.out(
    `✓ Wrote ${shownPath(out)} (${size(bytes.length)}, ${model.sheets.length} sheets): "${rollupSheet}" with the ` +
      `teams' feeds and the scores as values, and "${mapSheet}"`,
  );
  if (dropped.length > 0) {
    io.out(
      `  The company workbook's own ${dropped.map((name) => `"${name}"`).join(', ')} (live imports) are replaced in the file.`,
    );
  }
  for (const warning of xlsxWarnings(model)) io.out(`  ⚠ ${warning}`);
  io.out(`  ${shownPath(companyFile)} is not changed.`);
  return 0;
}
