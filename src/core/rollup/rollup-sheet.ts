// The company spreadsheet's Roll-up tab as data. Two areas side by side, so neither moves when the other grows:
//
// - columns J to AD: the stack, one fixed block of FEED_WINDOW_ROWS (102) rows per team, in the order the teams
//   were connected. Each block's first cell holds `IMPORTRANGE("<team link>"; "OKR_FEED")`, which spills the
//   team's feed window (header, 100 key results, one sentinel row) into the block. Fixed blocks rather than one
//   array literal `{IMPORTRANGE(a); IMPORTRANGE(b)}`: one team waiting for access (#REF!) would blank every
//   team in a literal, and a block's first cell is where Sheets offers "Allow access" for that team
//   (https://support.google.com/docs/answer/3093340). 102 rows, not the plan's 1,200 KRs: 50 teams × 102 rows
//   × 21 columns is 107,100 imported cells, where 1,200-KR blocks would import 1.26 million and slow every
//   recalculation of the company file for key results no team of 1 to 10 salespeople writes.
// - columns A to H: the teams (state, name, key results), the company objectives with their scores, and the
//   team objectives aligned to each with their weights (white: the company may change them) and scores. All
//   scores are formulas over the stack, so they follow the teams' sheets; the rows themselves (which team
//   objectives exist) are laid out from the stack's values when the roll-up is refreshed.

import { call, numberLiteral, quoted, sheetName } from '../formula-text';
import type { Lang } from '../i18n';
import { a1, columnLetter, formula, number, text } from '../okr-sheet/cells';
import { ASPIRATIONAL } from '../pace';
import { type ConditionalRuleSpec, FILL, SCORE_FORMAT, type SheetSpec, sheetGrids } from '../sheet-spec';
import {
  FEED_COLUMNS,
  FEED_RANGE_STRING,
  FEED_WINDOW_ROWS,
  type FeedColumnKey,
  feedColumn,
  ROLLUP_KEY_RESULTS_PER_TEAM,
} from './feed-schema';
import type { Rollup } from './rollup';
import { teamUrl } from './team-link';
import { rollupText } from './texts';

/** Columns of the left area (A to H). */
export const LEFT_COLUMNS = 8;
/** The stack's first column (J) and the row of the first team's block. */
export const STACK_COLUMN = 10;
export const STACK_TOP = 5;
export const STACK_TITLE_ROW = STACK_TOP - 1;
export const LAST_STACK_COLUMN = STACK_COLUMN + FEED_COLUMNS.length - 1;

/** Developer metadata of the Roll-up tab: its kind, and the connected teams' ids in block order (JSON). */
export const ROLLUP_METADATA = { kind: 'okr.kind', kindValue: 'okr-rollup', teams: 'okr.rollup.teams' } as const;

/** The first row of team `index`'s block (0-based index). */
export function blockRow(index: number): number {
  return STACK_TOP + index * FEED_WINDOW_ROWS;
}

/** The stack column of a feed column. */
export function stackColumn(key: FeedColumnKey): number {
  return STACK_COLUMN + feedColumn(key) - 1;
}

/** The formula in a block's first cell: the team's feed window, through the named range OKR_FEED. */
export function importFormula(teamId: string): string {
  return `=${call('IMPORTRANGE', quoted(teamUrl(teamId)), quoted(FEED_RANGE_STRING))}`;
}

/** A feed column of team `index`'s key-result rows, absolute: `$Q$6:$Q$105`. */
export function blockRange(index: number, key: FeedColumnKey, sheet?: string): string {
  const letter = columnLetter(stackColumn(key));
  const first = blockRow(index) + 1;
  const prefix = sheet ? `${sheetName(sheet)}!` : '';
  return `${prefix}$${letter}$${first}:$${letter}$${first + ROLLUP_KEY_RESULTS_PER_TEAM - 1}`;
}

export interface RollupAligned {
  companyObjective: string;
  /** Index of the team (its block). */
  team: number;
  objectiveId: string;
  title: string;
  weight: number;
}

export interface RollupInput {
  lang: Lang;
  /** Connected teams' spreadsheet ids, in block order. */
  teams: readonly string[];
  companyObjectives: readonly { id: string; title: string }[];
  /** Team objectives aligned to the company objectives, grouped in the company objectives' order. */
  aligned: readonly RollupAligned[];
}

export interface RollupLeftLayout extends SheetSpec {
  /** Row of each team in the teams table, by block index. */
  teamRows: number[];
  /** Row of each company objective (by lower-case id) in its table. */
  companyRows: Map<string, number>;
  /** Row of each aligned team objective, in `aligned` order. */
  alignedRows: number[];
}

/**
 * The left area laid out from a roll-up: the team objectives aligned to each company objective, with each
 * team as the index of its block among `teams` (the connected teams' spreadsheet ids, in block order).
 */
export function layoutRollupFromScores(
  lang: Lang,
  teams: readonly string[],
  rollup: Pick<Rollup, 'companyObjectives'>,
): { aligned: RollupAligned[]; layout: RollupLeftLayout } {
  const indexOf = new Map(teams.map((id, index) => [id, index]));
  const aligned: RollupAligned[] = rollup.companyObjectives.flatMap((objective) =>
    objective.teamObjectives.map((team) => ({
      companyObjective: objective.id,
      team: indexOf.get(team.team) ?? 0,
      objectiveId: team.objectiveId,
      title: team.title,
      weight: team.weight,
    })),
  );
  const layout = layoutRollupLeft({
    lang,
    teams,
    companyObjectives: rollup.companyObjectives.map(({ id, title }) => ({ id, title })),
    aligned,
  });
  return { aligned, layout };
}

/** Score bands (0.7 / 0.4, domain.md's grading) as colour rules over a column of scores. */
export function scoreBandRules(ranges: readonly string[], firstCell: string): ConditionalRuleSpec[] {
  const green = numberLiteral(ASPIRATIONAL.greenAt);
  const yellow = numberLiteral(ASPIRATIONAL.yellowAt);
  const isScore = call('ISNUMBER', firstCell);
  return [
    { formula: `=${call('AND', isScore, `${firstCell}>=${green}`)}`, ranges, background: FILL.green },
    {
      formula: `=${call('AND', isScore, `${firstCell}>=${yellow}`, `${firstCell}<${green}`)}`,
      ranges,
      background: FILL.yellow,
    },
    { formula: `=${call('AND', isScore, `${firstCell}<${yellow}`)}`, ranges, background: FILL.red },
  ];
}

/** The weighted mean of `scores` with `weights` (blank weight 1), over the scored rows; blank when none. */
function weightedMean(scores: string, weights: string, match = '1'): string {
  const weight = call('IF', call('ISNUMBER', weights), weights, 1);
  const scored = `${match}*${call('ISNUMBER', scores)}*${weight}`;
  const sum = call('SUMPRODUCT', `${match}*${call('IF', call('ISNUMBER', scores), scores, 0)}*${weight}`);
  return `=${call('IFERROR', call('ARRAYFORMULA', `${sum}/${call('SUMPRODUCT', scored)}`), '""')}`;
}

/** The left area of the Roll-up tab: A1 to the last column H of its last row. */
export function layoutRollupLeft(input: RollupInput): RollupLeftLayout {
  const { lang } = input;
  const t = (key: Parameters<typeof rollupText>[1], params?: Record<string, string | number>) =>
    rollupText(lang, key, params);
  const teamsTitle = 4;
  const firstTeam = teamsTitle + 2;
  const companyTitle = firstTeam + input.teams.length + 1;
  const firstCompany = companyTitle + 2;
  const alignedTitle = firstCompany + input.companyObjectives.length + 1;
  const firstAligned = alignedTitle + 2;
  const lastRow = Math.max(firstAligned + input.aligned.length - 1, alignedTitle + 1);
  const g = sheetGrids(lastRow, LEFT_COLUMNS);

  g.put(1, 1, text(t('rollupTitle')));
  g.bold(1, 1);
  g.put(2, 1, text(t('rollupHelp')));

  g.section(teamsTitle, t('teamsSection'));
  g.titles(teamsTitle + 1, [
    [1, '#'],
    [2, t('col_team')],
    [3, t('col_link')],
    [4, t('col_state')],
    [5, t('col_keyResults')],
    [6, t('col_block')],
  ]);
  const letter = (key: FeedColumnKey) => columnLetter(stackColumn(key));
  const teamRows = input.teams.map((id, index) => {
    const row = firstTeam + index;
    const anchor = a1(blockRow(index), STACK_COLUMN);
    const sentinel = `${letter('kr_id')}${blockRow(index) + FEED_WINDOW_ROWS - 1}`;
    const connected = call(
      'IF',
      `${sentinel}<>""`,
      quoted(t('state_truncated', { max: ROLLUP_KEY_RESULTS_PER_TEAM })),
      quoted(t('state_connected')),
    );
    g.put(row, 1, number(index + 1));
    g.put(
      row,
      2,
      formula(
        `=${call('IFERROR', call('IF', `${anchor}="schema_version"`, `${letter('team')}${blockRow(index) + 1}`, '""'), '""')}`,
      ),
    );
    g.put(row, 3, text(teamUrl(id)));
    // #N/A: no feed at that link (or no named range there); any other error: Sheets waits for "Allow access".
    g.put(
      row,
      4,
      formula(
        `=${call(
          'IF',
          call('ISNA', anchor),
          quoted(t('state_broken')),
          call(
            'IFERROR',
            call(
              'IF',
              `${anchor}="schema_version"`,
              connected,
              call('IF', `${anchor}=""`, quoted(t('state_loading')), quoted(t('state_broken'))),
            ),
            quoted(t('state_waiting')),
          ),
        )}`,
      ),
    );
    g.put(
      row,
      5,
      formula(
        `=${call('IFERROR', call('ARRAYFORMULA', call('SUMPRODUCT', `(${blockRange(index, 'kr_id')}<>"")*1`)), 0)}`,
      ),
    );
    g.put(row, 6, number(blockRow(index)));
    for (let column = 1; column <= 6; column++) g.fill(row, column, FILL.computed);
    return row;
  });

  g.section(companyTitle, t('objectivesSection'));
  g.titles(companyTitle + 1, [
    [1, t('col_companyObjective')],
    [2, t('col_title')],
    [3, t('col_score')],
    [4, t('col_aligned')],
  ]);
  const groups = new Map<string, number[]>();
  const alignedRows = input.aligned.map((aligned, index) => {
    const row = firstAligned + index;
    const key = aligned.companyObjective.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), row]);
    return row;
  });
  const companyRows = new Map<string, number>();
  input.companyObjectives.forEach(({ id, title }, index) => {
    const row = firstCompany + index;
    companyRows.set(id.toLowerCase(), row);
    g.put(row, 1, text(id));
    g.put(row, 2, text(title));
    const rows = groups.get(id.toLowerCase()) ?? [];
    const first = rows[0];
    const last = rows[rows.length - 1];
    g.put(
      row,
      3,
      first === undefined || last === undefined
        ? text('')
        : formula(weightedMean(`$F$${first}:$F$${last}`, `$E$${first}:$E$${last}`)),
    );
    g.put(row, 4, number(rows.length));
    g.setFormat(row, 3, SCORE_FORMAT);
    for (const column of [3, 4]) g.fill(row, column, FILL.computed);
  });

  g.section(alignedTitle, t('alignedSection'));
  g.titles(alignedTitle + 1, [
    [1, t('col_companyObjective')],
    [2, t('col_team')],
    [3, t('col_objective')],
    [4, t('col_title')],
    [5, t('col_weight')],
    [6, t('col_score')],
    [7, t('col_keyResults')],
  ]);
  input.aligned.forEach((aligned, index) => {
    const row = alignedRows[index] as number;
    const teamRow = teamRows[aligned.team];
    g.put(row, 1, text(aligned.companyObjective));
    g.put(row, 2, teamRow === undefined ? text('') : formula(`=$B$${teamRow}`));
    g.put(row, 3, text(aligned.objectiveId));
    g.put(row, 4, text(aligned.title));
    g.put(row, 5, number(aligned.weight));
    const ofObjective = `(${blockRange(aligned.team, 'objective_id')}=$C${row})`;
    g.put(
      row,
      6,
      formula(weightedMean(blockRange(aligned.team, 'score'), blockRange(aligned.team, 'weight'), ofObjective)),
    );
    g.put(row, 7, formula(`=${call('IFERROR', call('ARRAYFORMULA', call('SUMPRODUCT', `${ofObjective}*1`)), 0)}`));
    g.setFormat(row, 6, SCORE_FORMAT);
    for (const column of [1, 2, 3, 4, 6, 7]) g.fill(row, column, FILL.computed);
    g.fill(row, 5, FILL.input);
  });

  const scoreRanges = [
    `C${firstCompany}:C${Math.max(firstCompany, alignedTitle - 1)}`,
    `F${firstAligned}:F${Math.max(firstAligned, lastRow)}`,
  ];
  return {
    lastRow,
    lastColumn: LEFT_COLUMNS,
    cells: g.cells,
    numberFormats: g.numberFormats,
    fontWeights: g.fontWeights,
    backgrounds: g.backgrounds,
    validations: g.grid(null),
    conditionalRules: [
      ...scoreBandRules([scoreRanges[0] as string], `C${firstCompany}`),
      ...scoreBandRules([scoreRanges[1] as string], `F${firstAligned}`),
    ],
    notes: [
      { a1: `C${companyTitle + 1}`, note: t('weightNote') },
      { a1: `E${alignedTitle + 1}`, note: t('weightNote') },
    ],
    sheetMetadata: [{ key: ROLLUP_METADATA.kind, value: ROLLUP_METADATA.kindValue }],
    columnWidths: [60, 160, 300, 190, 110, 110, 110, 110].map((width, index) => ({ column: index + 1, width })),
    teamRows,
    companyRows,
    alignedRows,
  };
}
