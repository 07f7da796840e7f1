// The formulas the OKR sheet holds, in two styles that give the same numbers.
//
// Add-on style: one custom-function call per column, written in the column's title cell as
// `={"Score";KR_SCORE(I7:I46;…)}`. The title row is outside the rows a user sorts, so the formula
// survives any sort, and one call per column keeps Sheets far from "invoked too many times".
//
// Portable style: plain Sheets formulas in every row, for sheets shared with people who do not have the
// add-on and for export. They read the dropdown words of both languages; the add-on's functions also read
// numbers pasted as text ("52 000 zł"), which plain formulas cannot.
//
// Both follow src/core/score.ts and src/core/pace.ts; the tests evaluate both with HyperFormula. Every
// formula is written through src/core/formula-text.ts, so it parses on a Polish spreadsheet too.

import { call, column, numberLiteral, quoted } from '../formula-text';
import { ASPIRATIONAL, COMMITTED } from '../pace';
import type { ColumnKey } from './columns';
import { LANGS, sheetText } from './texts';

/** Where the formulas look: column letters by key, the table's data rows, and the header block cells. */
export interface FormulaPlaces {
  letter: (key: ColumnKey) => string;
  firstRow: number;
  lastRow: number;
  quarterStart: string;
  quarterEnd: string;
  asOf: string;
  expected: string;
}

/** An absolute column range over the table's data rows: `$I$7:$I$46`. */
function fixedRange(places: FormulaPlaces, key: ColumnKey): string {
  const letter = places.letter(key);
  return `$${letter}$${places.firstRow}:$${letter}$${places.lastRow}`;
}

/** A relative column range over the data rows: `I7:I46` (moves with inserted columns like any reference). */
function range(places: FormulaPlaces, key: ColumnKey): string {
  const letter = places.letter(key);
  return `${letter}${places.firstRow}:${letter}${places.lastRow}`;
}

/** The expected progress e at the as-of date (whole weeks completed / weeks in the quarter). */
export function paceFormula(places: FormulaPlaces, style: 'addon' | 'portable'): string {
  const { quarterStart: s, quarterEnd: e, asOf: d } = places;
  if (style === 'addon') return `=${call('KR_PACE', s, e, d)}`;
  // Same as expectedProgress(): weeks = round((end − start + 1) / 7), at least 1; completed = whole weeks
  // since the start, 0…weeks; from the last day on, 1.
  const weeks = call('MAX', 1, call('ROUND', `(${e}-${s}+1)/7`, 0));
  const completed = call('MIN', weeks, call('MAX', 0, call('INT', `(${d}-${s})/7`)));
  return `=${call('IF', call('OR', `${s}=""`, `${e}=""`, `${d}=""`), '""', call('IF', `${d}>=${e}`, 1, `${completed}/${weeks}`))}`;
}

/** The title-cell formulas of the add-on style, one per computed column. */
export function addonColumnFormulas(
  places: FormulaPlaces,
  lang: 'en' | 'pl',
): Record<'score' | 'objectiveScore' | 'status', string> {
  const title = (key: ColumnKey) => quoted(sheetText(lang, `col_${key}` as 'col_score'));
  const r = (key: ColumnKey) => range(places, key);
  const expected = absolute(places.expected);
  return {
    score: `=${column(title('score'), call('KR_SCORE', r('start'), r('target'), r('current'), r('kind')))}`,
    objectiveScore: `=${column(title('objectiveScore'), call('OKR_SCORE', r('score'), r('weight'), r('objectiveId')))}`,
    // The kind, so a milestone not done is never green (KR_STATUS's trailing argument; yellow_at left blank).
    status: `=${column(title('status'), call('KR_STATUS', r('score'), expected, r('type'), '', r('kind')))}`,
  };
}

function absolute(cell: string): string {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell);
  return match ? `$${match[1]}$${match[2]}` : cell;
}

// statusOf()'s tolerance, so 0.7 computed as 0.6999999999999998 is still green. A ratio: a decimal literal
// would not parse on a decimal-comma spreadsheet, and HyperFormula (our test engine) does not read 1E-9.
// Written out rather than computed, so loading the bundle does no work: numberLiteral(1e-9).
const TOLERANCE = '(1/1000000000)';

/** `OR(G7="at most";G7="co najwyżej")`: the cell holds one of the words, in either language. */
function isOneOf(cell: string, words: readonly string[]): string {
  const unique = [...new Set(words.map((word) => word.toLowerCase()))];
  return call('OR', ...unique.map((word) => `${cell}=${quoted(word)}`));
}

const kindWords = (kind: 'milestone' | 'atMost' | 'decrease') => LANGS.map((lang) => sheetText(lang, `kind_${kind}`));
const committedWords = () => LANGS.map((lang) => sheetText(lang, 'type_committed'));
// The milestone answers a person types or picks; comparisons in Sheets ignore case.
const DONE_WORDS = ['yes', 'tak', 'done', 'zrobione', 'true', 'prawda'];

/** The portable formulas of one data row. */
export function portableRowFormulas(
  places: FormulaPlaces,
  row: number,
): Record<'score' | 'objectiveScore' | 'status', string> {
  const cell = (key: ColumnKey) => `${places.letter(key)}${row}`;
  const [I, J, K, G] = [cell('start'), cell('target'), cell('current'), cell('kind')];
  const milestone = isOneOf(G, kindWords('milestone'));
  // Lower is better for "at most" and "decrease", and for a blank kind whose target is below its start.
  const lower = call(
    'OR',
    isOneOf(G, kindWords('atMost')),
    isOneOf(G, kindWords('decrease')),
    call('AND', `${G}=""`, `${I}<>""`, `${J}<${I}`),
  );
  const done = call('OR', `${K}=TRUE`, `${K}=1`, ...DONE_WORDS.map((word) => `${K}=${quoted(word)}`));
  const threshold = call(
    'IF',
    lower,
    call('IF', `${K}<=${J}`, 1, call('IF', `${J}>0`, call('MIN', 1, `${J}/${K}`), 0)),
    call('IF', `${J}>0`, call('MAX', 0, call('MIN', 1, `${K}/${J}`)), call('IF', `${K}>=${J}`, 1, 0)),
  );
  const hold = call('IF', call('IF', lower, `${K}<=${J}`, `${K}>=${J}`), 1, 0);
  const progress = call('MAX', 0, call('MIN', 1, `(${K}-${I})/(${J}-${I})`));
  const score = `=${call(
    'IF',
    `${K}=""`,
    '""',
    call(
      'IF',
      milestone,
      call('IF', done, 1, 0),
      call('IF', `${J}=""`, '""', call('IF', `${I}=""`, threshold, call('IF', `${I}=${J}`, hold, progress))),
    ),
  )}`;

  // The weighted mean over the rows of the same objective that have a score; a blank weight counts as 1.
  // ARRAYFORMULA makes the array arithmetic explicit (Sheets would do it inside SUMPRODUCT anyway).
  const [ids, scores, weights] = [
    fixedRange(places, 'objectiveId'),
    fixedRange(places, 'score'),
    fixedRange(places, 'weight'),
  ];
  const B = cell('objectiveId');
  const weight = call('IF', `${weights}=""`, 1, weights);
  const total = call('SUMPRODUCT', `(${ids}=${B})*${call('ISNUMBER', scores)}*${weight}`);
  const weighted = call('SUMPRODUCT', `(${ids}=${B})*${call('IF', call('ISNUMBER', scores), scores, 0)}*${weight}`);
  const objectiveScore = `=${call('ARRAYFORMULA', call('IF', `${B}=""`, '""', call('IF', `${total}=0`, '""', `${weighted}/${total}`)))}`;

  // The pace rule with the bands of the KR's type; a milestone not done (below 1) is yellow where the rule
  // says green, which happens only while nothing is expected yet (statusOf does the same).
  const M = cell('score');
  const committed = isOneOf(cell('type'), committedWords());
  const e = absolute(places.expected);
  const green = `${call('IF', committed, COMMITTED.greenAt, ASPIRATIONAL.greenAt)}*${e}`;
  const yellow = `${call('IF', committed, COMMITTED.yellowAt, ASPIRATIONAL.yellowAt)}*${e}`;
  const undoneMilestone = call('AND', milestone, `${M}+${TOLERANCE}<1`);
  const status = `=${call(
    'IF',
    call('ISNUMBER', M),
    call(
      'IF',
      `${M}+${TOLERANCE}>=${green}`,
      call('IF', undoneMilestone, '"🟡"', '"🟢"'),
      call('IF', `${M}+${TOLERANCE}>=${yellow}`, '"🟡"', '"🔴"'),
    ),
    '""',
  )}`;
  return { score, objectiveScore, status };
}

/** The scenario words, in the order a value climbs through them. */
export const SCENARIO_LEVELS = ['belowMinimum', 'minimum', 'standard', 'maximum'] as const;
export type ScenarioLevel = (typeof SCENARIO_LEVELS)[number];

/**
 * Which scenario `value` reaches, in the sheet's language: maximum when it reaches the maximum target,
 * standard when it reaches the target, minimum when it reaches the minimum target, else below minimum.
 * "Reaches" is ≥ for a rising KR, ≤ for a falling one (decrease, at most, or a blank kind whose target is
 * below its start), the direction the score reads. Blank for a milestone, a blank or non-numeric value
 * (text a custom function would read is not read here), a missing target, or a KR with neither minimum nor
 * maximum; with no minimum, a value short of the target is blank too (no scenario is named for it).
 *
 * `at(key)` gives the operand of a column: a cell of one row (`N7`), or a range of the table (`N7:N33`)
 * inside ARRAYFORMULA. So the expression uses no OR / AND / NOT, which fold a range into one value: `+`, `*`
 * and comparisons work cell by cell. `minTarget` / `maxTarget` are `null` when the sheet has no such column.
 * The answer has no leading `=`.
 */
export function scenarioExpression(
  at: (key: ColumnKey) => string,
  value: string,
  lang: 'en' | 'pl',
  bounds: { minTarget: string | null; maxTarget: string | null } = {
    minTarget: at('minTarget'),
    maxTarget: at('maxTarget'),
  },
): string {
  const [I, J, G] = [at('start'), at('target'), at('kind')];
  const word = (level: ScenarioLevel) => quoted(sheetText(lang, `scenario_${level}`));
  const oneOf = (cell: string, words: readonly string[]) =>
    `(${[...new Set(words.map((w) => w.toLowerCase()))].map((w) => `(${cell}=${quoted(w)})`).join('+')}>0)`;
  const lower = `(${oneOf(G, kindWords('atMost'))}+${oneOf(G, kindWords('decrease'))}+(${G}="")*(${I}<>"")*(${J}<${I})>0)`;
  const reaches = (bound: string) => call('IF', lower, `${value}<=${bound}`, `${value}>=${bound}`);
  const has = (bound: string | null) => (bound === null ? '0' : `${call('ISNUMBER', bound)}*1`);
  const { minTarget, maxTarget } = bounds;
  const belowTarget =
    minTarget === null
      ? '""'
      : call(
          'IF',
          call('ISNUMBER', minTarget),
          call('IF', reaches(minTarget), word('minimum'), word('belowMinimum')),
          '""',
        );
  const standard = call('IF', reaches(J), word('standard'), belowTarget);
  const ladder =
    maxTarget === null
      ? standard
      : call('IF', call('ISNUMBER', maxTarget), call('IF', reaches(maxTarget), word('maximum'), standard), standard);
  const blank = `((${call('ISNUMBER', value)}*${call('ISNUMBER', J)}=0)+${oneOf(G, kindWords('milestone'))}+(${has(minTarget)}+${has(maxTarget)}=0)>0)`;
  return call('IF', blank, '""', ladder);
}

/** The scenario column of one row (portable style, and every row's formula in the add-on style's sheets). */
export function scenarioRowFormula(places: FormulaPlaces, row: number, lang: 'en' | 'pl'): string {
  const at = (key: ColumnKey) => `${places.letter(key)}${row}`;
  return `=${scenarioExpression(at, at('current'), lang)}`;
}

/**
 * The scenario column's title cell in the add-on style: the title and one ARRAYFORMULA answering for the
 * whole table in its row order, like the other computed columns (out of reach of a sort, no call per row).
 */
export function scenarioColumnFormula(places: FormulaPlaces, lang: 'en' | 'pl'): string {
  const title = quoted(sheetText(lang, 'col_scenario'));
  return `=${column(
    title,
    call(
      'ARRAYFORMULA',
      scenarioExpression((key) => range(places, key), range(places, 'current'), lang),
    ),
  )}`;
}

/** Conditional-format formulas on the first data row (Sheets shifts them row by row). */
export function statusRuleFormula(places: FormulaPlaces, emoji: string): string {
  return `=$${places.letter('status')}${places.firstRow}=${quoted(emoji)}`;
}

/** Objective score at least `band`·e (green, yellow) or below it (red), blank scores excluded. */
export function objectiveRuleFormula(places: FormulaPlaces, band: number, below = false): string {
  const N = `$${places.letter('objectiveScore')}${places.firstRow}`;
  const e = absolute(places.expected);
  const threshold = `${numberLiteral(band)}*${e}`;
  return `=${call('AND', call('ISNUMBER', N), below ? `${N}+${TOLERANCE}<${threshold}` : `${N}+${TOLERANCE}>=${threshold}`)}`;
}
