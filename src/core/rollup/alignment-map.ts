// The Alignment map tab as data: each company objective, under it the team objectives aligned to it (team,
// weight, score), under each its key results (owner, score, status), then the team objectives aligned to no
// company objective. One row per node, indented by column, so 50 teams × 100 KRs is one tall sheet written in
// one batch. Scores are coloured by domain.md's bands (0.7 / 0.4) with colour rules, so they are right whether a
// score cell holds a value (the CLI's company workbook) or a formula over the Roll-up tab (the add-on's, which
// `formulas` supplies); a KR's status is its feed's pace status as 🟢 🟡 🔴.

import type { Lang } from '../i18n';
import { formula, number, type SheetCell, text } from '../okr-sheet/cells';
import { STATUS_EMOJI } from '../pace';
import { FILL, SCORE_FORMAT, type SheetSpec, sheetGrids } from '../sheet-spec';
import type { FeedKeyResult } from './parse-feed';
import type { CompanyObjectiveScore, Rollup, TeamObjectiveScore } from './rollup';
import { scoreBandRules } from './rollup-sheet';
import { rollupText } from './texts';

export const MAP_COLUMNS = 9;
export const MAP_HEADER_ROW = 4;
export const ALIGNMENT_METADATA = { kind: 'okr.kind', kindValue: 'okr-alignment-map' } as const;

/** Formula text (with `=`) for the map's live cells; a `null` answer keeps the value. */
export interface MapFormulas {
  companyScore?: (objective: CompanyObjectiveScore) => string | null;
  teamScore?: (objective: TeamObjectiveScore) => string | null;
  /** `idCell` is the map's own cell holding the KR id (`$D12`). */
  keyResult?: (
    objective: TeamObjectiveScore,
    keyResult: FeedKeyResult,
    idCell: string,
  ) => { score: string; status: string } | null;
}

const scoreCell = (score: number | null): SheetCell => (score === null ? null : number(score));

/** Lays out the map of a roll-up; `date` (ISO) goes into the title. */
export function layoutAlignmentMap(
  rollup: Rollup,
  options: { lang: Lang; date: string; formulas?: MapFormulas },
): SheetSpec {
  const { lang, formulas = {} } = options;
  const t = (key: Parameters<typeof rollupText>[1], params?: Record<string, string>) => rollupText(lang, key, params);
  const groups: { head: CompanyObjectiveScore | null; teamObjectives: TeamObjectiveScore[] }[] = [
    ...rollup.companyObjectives.map((objective) => ({ head: objective, teamObjectives: objective.teamObjectives })),
    ...(rollup.unaligned.length > 0 ? [{ head: null, teamObjectives: rollup.unaligned }] : []),
  ];
  const rows = groups.reduce(
    (sum, group) => sum + 1 + group.teamObjectives.reduce((n, objective) => n + 1 + objective.keyResults.length, 0),
    0,
  );
  const lastRow = MAP_HEADER_ROW + Math.max(rows, 1);
  const g = sheetGrids(lastRow, MAP_COLUMNS);
  g.put(1, 1, text(t('mapTitle', { date: options.date })));
  g.bold(1, 1);
  g.put(2, 1, text(t('mapHelp')));
  g.titles(MAP_HEADER_ROW, [
    [1, t('col_companyObjective')],
    [2, t('col_team')],
    [3, t('col_objective')],
    [4, 'KR'],
    [5, t('col_keyResult')],
    [6, t('col_owner')],
    [7, t('col_score')],
    [8, t('col_status')],
    [9, t('col_weight')],
  ]);
  const live = (made: string | null | undefined, value: number | null): SheetCell =>
    made ? formula(made) : scoreCell(value);
  let row = MAP_HEADER_ROW + 1;
  for (const { head, teamObjectives } of groups) {
    const label = head ? [head.id, head.title].filter(Boolean).join(' · ') : t('unaligned');
    g.section(row, label);
    if (head) g.put(row, 7, live(formulas.companyScore?.(head), head.score));
    g.setFormat(row, 7, SCORE_FORMAT);
    row++;
    for (const objective of teamObjectives) {
      g.put(row, 2, text(objective.team));
      g.put(row, 3, text([objective.objectiveId, objective.title].filter(Boolean).join(' · ')));
      g.bold(row, 3);
      g.put(row, 7, live(formulas.teamScore?.(objective), objective.score));
      g.put(row, 9, number(objective.weight));
      g.setFormat(row, 7, SCORE_FORMAT);
      row++;
      for (const keyResult of objective.keyResults) {
        g.put(row, 4, text(keyResult.krId));
        g.put(row, 5, text(keyResult.keyResult));
        g.put(row, 6, keyResult.owner ? text(keyResult.owner) : null);
        const made = formulas.keyResult?.(objective, keyResult, `$D${row}`);
        g.put(row, 7, made ? formula(made.score) : scoreCell(keyResult.score));
        g.put(row, 8, made ? formula(made.status) : keyResult.status ? text(STATUS_EMOJI[keyResult.status]) : null);
        g.setFormat(row, 7, SCORE_FORMAT);
        g.fill(row, 7, FILL.computed);
        row++;
      }
    }
  }
  return {
    lastRow,
    lastColumn: MAP_COLUMNS,
    cells: g.cells,
    numberFormats: g.numberFormats,
    fontWeights: g.fontWeights,
    backgrounds: g.backgrounds,
    validations: g.grid(null),
    conditionalRules: scoreBandRules([`G${MAP_HEADER_ROW + 1}:G${lastRow}`], `G${MAP_HEADER_ROW + 1}`),
    notes: [],
    sheetMetadata: [{ key: ALIGNMENT_METADATA.kind, value: ALIGNMENT_METADATA.kindValue }],
    columnWidths: [260, 140, 260, 70, 280, 120, 80, 60, 70].map((width, index) => ({ column: index + 1, width })),
  };
}
