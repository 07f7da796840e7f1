// The company roll-up at the edge (menu "Company roll-up…" in the company's spreadsheet). The add-on cannot
// open a team's file (scope spreadsheets.currentonly), so it only writes formulas: one IMPORTRANGE per team in
// the first cell of the team's block on the Roll-up tab (src/core/rollup/rollup-sheet.ts), which a person
// allows once per team as Sheets asks; everything else it knows it reads from those cells' values. Sheets'
// IMPORTRANGE limits (https://support.google.com/docs/answer/3093340): the source is read when the file is
// opened or changes, results can lag behind a chain of imports, and a large import is slow; so each team
// imports only the feed's 102-row window, and a team past 100 key results is shown as such.
//
// Calls: connecting teams is one setFormulas for all new blocks plus a refresh; a refresh finds its tabs in one
// pass over their kind metadata, reads the stack in one getValues, the left area in one, the company's OKR
// sheet through its reader (about 130 calls, most of them its column metadata), and writes the left area and
// the Alignment map in a fixed number of calls. Nothing loops over key results or teams.

import { call, quoted, sheetName } from '../core/formula-text';
import { a1 } from '../core/okr-sheet/cells';
import { METADATA } from '../core/okr-sheet/columns';
import { STATUS_EMOJI } from '../core/pace';
import { ALIGNMENT_METADATA, layoutAlignmentMap } from '../core/rollup/alignment-map';
import { FEED_WINDOW_ROWS } from '../core/rollup/feed-schema';
import { type FeedProblem, isErrorValue, parseFeed } from '../core/rollup/parse-feed';
import { type CompanyObjective, rollUp, weightKey } from '../core/rollup/rollup';
import {
  blockRange,
  blockRow,
  importFormula,
  LAST_STACK_COLUMN,
  LEFT_COLUMNS,
  layoutRollupFromScores,
  ROLLUP_METADATA,
  STACK_COLUMN,
  STACK_TITLE_ROW,
  stackColumn,
} from '../core/rollup/rollup-sheet';
import { parseTeamLinks, teamUrl } from '../core/rollup/team-link';
import { rollupText } from '../core/rollup/texts';
import {
  type ConnectTeamsResult,
  connectTeamsPayloadSchema,
  type RefreshRollupResult,
  type RollupStatus,
  type TeamState,
  type TeamStatus,
} from '../shared/rollup-api';
import { isoDay } from './check-in-sheets';
import { withDocumentLock } from './document-lock';
import { spreadsheetLang } from './language';
import { readQuarter } from './okr-sheet-reader';
import { nextFreeSheetName } from './okr-sheet-writer';
import { writeSheetSpec } from './sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Teams one roll-up takes: 100 blocks of 102 rows × 21 columns is 214,200 cells, far below Sheets' 10 million. */
export const MAX_TEAMS = 100;
const ALIGNED_KEY = 'okr.rollup.aligned';

/** The tabs the roll-up works with, found by their kind. */
interface RollupTabs {
  rollup: Sheet | null;
  map: Sheet | null;
  /** The company's newest OKR quarter sheet (the last in tab order, as findQuarterSheets orders them). */
  quarter: Sheet | null;
}

/**
 * The Roll-up tab, the Alignment map and the newest quarter sheet in one pass over the `okr.kind` metadata
 * (every tab the add-on makes has one): a location is asked only of the kinds wanted, so the pass costs a
 * fixed few calls a tab, not the three finders and the quarter finder's read of every tab's metadata.
 */
function findRollupTabs(spreadsheet: Spreadsheet): RollupTabs {
  const tabs: RollupTabs = { rollup: null, map: null, quarter: null };
  let quarterIndex = -1;
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .withKey(ROLLUP_METADATA.kind)
    .find();
  for (const metadata of found) {
    const kind = metadata.getValue();
    if (kind !== ROLLUP_METADATA.kindValue && kind !== ALIGNMENT_METADATA.kindValue && kind !== METADATA.kindValue) {
      continue;
    }
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    if (kind === ROLLUP_METADATA.kindValue) tabs.rollup ??= sheet;
    else if (kind === ALIGNMENT_METADATA.kindValue) tabs.map ??= sheet;
    else {
      const index = sheet.getIndex();
      if (index > quarterIndex) [tabs.quarter, quarterIndex] = [sheet, index];
    }
  }
  return tabs;
}

/** The Roll-up tab, or `null` before the first team is connected. */
export function findRollupSheet(spreadsheet: Spreadsheet): Sheet | null {
  return findRollupTabs(spreadsheet).rollup;
}

function sheetValue(sheet: Sheet, key: string): { value: unknown; set: (value: string) => void } {
  const metadata = sheet.createDeveloperMetadataFinder().withKey(key).find()[0] ?? null;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(metadata?.getValue() ?? 'null');
  } catch {
    parsed = null;
  }
  return {
    value: parsed,
    set: (value) => (metadata ? metadata.setValue(value) : sheet.addDeveloperMetadata(key, value)),
  };
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The state of a team's block from its first cell and its sentinel row. */
export function teamStateOf(first: unknown, sentinelKrId: unknown): TeamState {
  if (first === 'schema_version') return String(sentinelKrId ?? '').trim() === '' ? 'connected' : 'truncated';
  if (first === '#REF!') return 'waiting';
  if (first === '' || first === null || first === undefined || /^loading/i.test(String(first))) return 'loading';
  return 'broken';
}

/** Connects the teams of the pasted links: refuses bad and repeated ones, writes the new blocks, refreshes. */
export function connectTeams(payload: unknown): ConnectTeamsResult {
  const parsed = connectTeamsPayloadSchema().safeParse(payload);
  if (!parsed.success) return { ok: false, code: 'badRequest' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  return withDocumentLock((): ConnectTeamsResult => {
    const tabs = findRollupTabs(spreadsheet);
    let sheet = tabs.rollup;
    const teams = sheet ? stringsOf(sheetValue(sheet, ROLLUP_METADATA.teams).value) : [];
    const links = parseTeamLinks(parsed.data.links, teams);
    const added = links.flatMap((link) => (link.ok ? [link.id] : []));
    const refused = links.filter((link): link is Extract<typeof link, { ok: false }> => !link.ok);
    if (teams.length + added.length > MAX_TEAMS) return { ok: false, code: 'tooManyTeams', max: MAX_TEAMS };
    if (!sheet) {
      sheet = spreadsheet.insertSheet(
        nextFreeSheetName(spreadsheet, rollupText(lang, 'rollupSheet')),
        spreadsheet.getNumSheets(),
      );
      sheet.addDeveloperMetadata(ROLLUP_METADATA.kind, ROLLUP_METADATA.kindValue);
      sheet.getRange(STACK_TITLE_ROW, STACK_COLUMN).setValue(`'${rollupText(lang, 'stackSection')}`);
    }
    if (added.length > 0) {
      const first = blockRow(teams.length);
      const rows = added.length * FEED_WINDOW_ROWS;
      const needed = first + rows - 1;
      const maxRows = sheet.getMaxRows();
      if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows);
      const maxColumns = sheet.getMaxColumns();
      if (maxColumns < LAST_STACK_COLUMN) sheet.insertColumnsAfter(maxColumns, LAST_STACK_COLUMN - maxColumns);
      // New blocks only: nothing has spilled there yet, so the blank cells between the anchors clear nothing.
      const anchors = Array.from({ length: rows }, (_, offset) => {
        const index = Math.floor(offset / FEED_WINDOW_ROWS);
        return [offset % FEED_WINDOW_ROWS === 0 ? importFormula(added[index] as string) : ''];
      });
      sheet.getRange(first, STACK_COLUMN, rows, 1).setFormulas(anchors);
      sheetValue(sheet, ROLLUP_METADATA.teams).set(JSON.stringify([...teams, ...added]));
    }
    const status = refreshSheet(spreadsheet, sheet, tabs, lang);
    return { ok: true, added, refused, ...status };
  });
}

/** Refresh: reads the imported feeds and lays out the company objectives, their team objectives and the map. */
export function refreshRollup(): RefreshRollupResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  return withDocumentLock((): RefreshRollupResult => {
    const tabs = findRollupTabs(spreadsheet);
    if (!tabs.rollup) return { ok: false, code: 'noRollup' };
    return { ok: true, ...refreshSheet(spreadsheet, tabs.rollup, tabs, lang) };
  });
}

/** What the sidebar shows on opening: the teams' states and the scores, without writing anything. */
export function rollupStatus(): RollupStatus {
  const tabs = findRollupTabs(SpreadsheetApp.getActiveSpreadsheet());
  if (!tabs.rollup)
    return { sheetName: null, teams: [], companyObjectives: [], problems: [], alignmentSheetName: null };
  return readRollup(tabs.rollup, tabs).status;
}

/** The company's own objectives: those of level company on its newest OKR sheet. */
function companyObjectivesOf(quarter: Sheet | null): CompanyObjective[] {
  if (!quarter) return [];
  const plan = readQuarter(quarter).plan;
  if (!plan) return [];
  const company = plan.objectives.filter((objective) => objective.level === 'company');
  return (company.length > 0 ? company : plan.objectives).map((objective, index) => ({
    id: objective.id ?? `O${index + 1}`,
    title: objective.title,
  }));
}

function readRollup(sheet: Sheet, tabs: RollupTabs) {
  const teams = stringsOf(sheetValue(sheet, ROLLUP_METADATA.teams).value);
  const stack =
    teams.length === 0
      ? []
      : sheet
          .getRange(blockRow(0), STACK_COLUMN, teams.length * FEED_WINDOW_ROWS, LAST_STACK_COLUMN - STACK_COLUMN + 1)
          .getValues();
  const problems: FeedProblem[] = [];
  const feeds = teams.map((id, index) => {
    const block = stack.slice(index * FEED_WINDOW_ROWS, (index + 1) * FEED_WINDOW_ROWS);
    const first = block[0]?.[0];
    const sentinel = block[FEED_WINDOW_ROWS - 1]?.[stackColumn('kr_id') - STACK_COLUMN];
    const state = teamStateOf(first, sentinel);
    const feed = state === 'connected' || state === 'truncated' ? parseFeed(teamUrl(id), block) : null;
    if (feed) problems.push(...feed.problems);
    const name = feed?.keyResults[0]?.team ?? '';
    return { id, index, state, first, feed, name: name || teamUrl(id) };
  });
  const companyObjectives = companyObjectivesOf(tabs.quarter);

  // The weights the company set last time, by team and objective, from the left area's Weight column.
  const alignedStore = sheetValue(sheet, ALIGNED_KEY);
  const previous = Array.isArray(alignedStore.value) ? (alignedStore.value as unknown[]) : [];
  const weights = new Map<string, number>();
  const lastLeft = Math.max(1, Math.min(sheet.getLastRow(), sheet.getMaxRows()));
  const left = sheet.getRange(1, 1, lastLeft, LEFT_COLUMNS).getValues();
  for (const entry of previous) {
    const { team, objective, row } = (entry ?? {}) as { team?: unknown; objective?: unknown; row?: unknown };
    const weight = typeof row === 'number' ? left[row - 1]?.[4] : undefined;
    if (
      typeof team === 'string' &&
      typeof objective === 'string' &&
      typeof weight === 'number' &&
      Number.isFinite(weight)
    )
      weights.set(weightKey(team, objective), weight);
  }
  const rollup = rollUp({
    companyObjectives,
    teams: feeds.flatMap(({ id, feed }) => (feed ? [{ team: id, keyResults: feed.keyResults }] : [])),
    weights,
  });

  const tabName = sheet.getName();
  const statusTeams: TeamStatus[] = feeds.map(({ id, index, state, first, feed, name }) => ({
    id,
    url: teamUrl(id),
    team: feed ? name : '',
    state,
    value: isErrorValue(first) || state === 'broken' ? String(first ?? '') : '',
    cell: `${tabName}!${a1(blockRow(index), STACK_COLUMN)}`,
    keyResults: feed?.keyResults.length ?? 0,
  }));
  const nameOf = new Map(feeds.map(({ id, name }) => [id, name]));
  const status: RollupStatus = {
    sheetName: tabName,
    teams: statusTeams,
    companyObjectives: rollup.companyObjectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      score: objective.score,
      known: objective.known,
      teamObjectives: objective.teamObjectives.length,
      aligned: objective.teamObjectives.map((team) => ({
        team: nameOf.get(team.team) ?? team.team,
        objectiveId: team.objectiveId,
        title: team.title,
        weight: team.weight,
        score: team.score,
      })),
    })),
    problems,
    alignmentSheetName: tabs.map?.getName() ?? null,
  };
  return { teams, feeds, rollup, lastLeft, alignedStore, status };
}

function refreshSheet(spreadsheet: Spreadsheet, sheet: Sheet, tabs: RollupTabs, lang: 'en' | 'pl'): RollupStatus {
  const read = readRollup(sheet, tabs);
  const { rollup, lastLeft, alignedStore } = read;
  const { aligned, layout } = layoutRollupFromScores(lang, read.teams, rollup);
  // The left area is the add-on's own: cleared to its earlier extent, then written in one batch.
  sheet.getRange(1, 1, Math.max(lastLeft, layout.lastRow), LEFT_COLUMNS).clear();
  writeSheetSpec(sheet, { ...layout, sheetMetadata: [] }, 1);
  alignedStore.set(
    JSON.stringify(
      aligned.map((entry, index) => ({
        team: read.teams[entry.team],
        objective: entry.objectiveId,
        row: layout.alignedRows[index],
      })),
    ),
  );

  // The map: live scores from the Roll-up tab, its rows as the teams' feeds are now.
  const rollupName = sheet.getName();
  const indexOf = new Map(read.teams.map((id, index) => [id, index]));
  const ref = (cell: string) => `=${sheetName(rollupName)}!${cell}`;
  const companyRow = (id: string) => layout.companyRows.get(id.toLowerCase());
  const alignedRow = new Map(
    aligned.map((entry, index) => [
      weightKey(read.teams[entry.team] ?? '', entry.objectiveId),
      layout.alignedRows[index],
    ]),
  );
  const statusOf = (status: string) =>
    call(
      'IF',
      `${status}="green"`,
      quoted(STATUS_EMOJI.green),
      call(
        'IF',
        `${status}="yellow"`,
        quoted(STATUS_EMOJI.yellow),
        call('IF', `${status}="red"`, quoted(STATUS_EMOJI.red), '""'),
      ),
    );
  const map = layoutAlignmentMap(
    {
      companyObjectives: rollup.companyObjectives,
      unaligned: rollup.unaligned.map((objective) => ({ ...objective, team: objective.team })),
    },
    {
      lang,
      date: isoDay(spreadsheet, new Date()),
      formulas: {
        companyScore: (objective) => {
          const row = companyRow(objective.id);
          return row ? ref(`$C$${row}`) : null;
        },
        teamScore: (objective) => {
          const row = alignedRow.get(weightKey(objective.team, objective.objectiveId));
          return row ? ref(`$F$${row}`) : null;
        },
        keyResult: (objective, _keyResult, idCell) => {
          const index = indexOf.get(objective.team);
          if (index === undefined) return null;
          const lookup = (key: 'score' | 'status') =>
            call(
              'INDEX',
              blockRange(index, key, rollupName),
              call('MATCH', idCell, blockRange(index, 'kr_id', rollupName), 0),
            );
          return {
            score: `=${call('IFERROR', lookup('score'), '""')}`,
            status: `=${call('IFERROR', statusOf(lookup('status')), '""')}`,
          };
        },
      },
    },
  );
  // Team names instead of links in the map's team column.
  const nameOf = new Map(read.feeds.map(({ id, name }) => [id, name]));
  for (const row of map.cells) {
    const team = row[1];
    if (team && 'text' in team && nameOf.has(team.text)) row[1] = { text: nameOf.get(team.text) as string };
  }
  let mapSheet = tabs.map;
  const created = mapSheet === null;
  if (!mapSheet) {
    mapSheet = spreadsheet.insertSheet(
      nextFreeSheetName(spreadsheet, rollupText(lang, 'alignmentSheet')),
      spreadsheet.getNumSheets(),
    );
  } else mapSheet.clear();
  writeSheetSpec(mapSheet, { ...map, sheetMetadata: [] }, 1);
  if (created) for (const { key, value } of map.sheetMetadata) mapSheet.addDeveloperMetadata(key, value);

  return { ...read.status, alignmentSheetName: mapSheet.getName() };
}
