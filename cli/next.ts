// `okr next --workbook wb.json --plan q2.json [--as-of 2027-04-02] [--force]`: the next quarter's plan file,
// made as the New quarter sidebar opens after a close: the bundle's own `getSidebarState` gives the quarter
// after the previous one and the previous quarter's key results with their grades; each objective and key
// result comes into the plan with the choice "carry" (the new start is where it ended), and the previous
// sheet's id for the carry-over. The grades and notes are printed beside each choice; the file is then
// edited as wanted ("keep", "drop", new targets; the quarter is the one the sidebar offers on --as-of: after
// the latest one planned, see core/quarter.ts `quarterToPlan`) and built with `okr build --plan q2.json
// --workbook wb.json`.
// Nothing in the workbook changes.

import { existsSync } from 'node:fs';
import { shownGrade } from '../src/core/close/grades';
import { carriedStart } from '../src/core/kr-library';
import type { PreviousGrade, PreviousKeyResult, SidebarState } from '../src/shared/sidebar-api';
import { CliError, checkOutputPath, type Io, shownPath, writeFileAtomically } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';

const BAND = { green: '🟢', yellow: '🟡', red: '🔴' } as const;

/** A grade as the CLI prints it: the one that counts to 0.1, the band, and the note. */
export function gradeLine(grade: PreviousGrade | undefined): string {
  if (!grade) return 'not graded (the quarter has no Grades sheet)';
  const counted = grade.override ?? grade.score;
  const shown = counted === null ? 'no value' : shownGrade(counted).toFixed(1);
  const override =
    grade.override === null || grade.score === null ? '' : ` (override of ${shownGrade(grade.score).toFixed(1)})`;
  const note = grade.note ? `  note: ${grade.note}` : '';
  return `${grade.band ? BAND[grade.band] : '⚪'} ${shown}${override}${note}`;
}

/** The submitQuarter payload continuing from the previous quarter, every key result carried over. */
export function nextQuarterPayload(state: SidebarState): Record<string, unknown> {
  const previous = state.previousQuarter;
  if (!previous) throw new CliError('the workbook has no OKR sheet to continue from');
  const objectives = new Map<string, { first: PreviousKeyResult; keyResults: PreviousKeyResult[] }>();
  for (const keyResult of previous.keyResults) {
    const objective = objectives.get(keyResult.objectiveId) ?? { first: keyResult, keyResults: [] };
    objective.keyResults.push(keyResult);
    objectives.set(keyResult.objectiveId, objective);
  }
  return {
    plan: {
      quarter: state.defaults.quarter,
      fiscalStartMonth: state.settings.fiscalStartMonth,
      team: state.defaults.team,
      language: state.lang,
      levels: state.defaults.levels,
      currency: state.defaults.currency,
      formulaStyle: 'portable',
      objectives: [...objectives.entries()].map(([id, { first, keyResults }]) => ({
        id,
        level: first.objectiveLevel,
        title: first.objectiveTitle,
        ...(first.objectiveParent ? { parent: first.objectiveParent } : {}),
        keyResults: keyResults.map((keyResult) => ({
          id: keyResult.id,
          title: keyResult.title,
          kind: keyResult.kind,
          unit: keyResult.unit,
          ...(keyResult.currency ? { currency: keyResult.currency } : {}),
          ...(keyResult.source ? { source: keyResult.source } : {}),
          start: keyResult.start,
          target: keyResult.target,
          weight: keyResult.weight,
          owner: keyResult.owner,
          committed: keyResult.committed,
          notes: '',
        })),
      })),
    },
    previousSheetId: previous.sheetId,
    carryOver: Object.fromEntries(previous.keyResults.map((keyResult) => [keyResult.id, 'carry'])),
  };
}

export function runNext(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const planPath = options.plan as string;
  if (!/\.json$/i.test(planPath)) throw new CliError(`--plan ${planPath}: the file name should end in .json`, 2);
  const asOf = options['as-of'];
  checkAsOf(asOf);
  checkOutputPath(planPath, false, options.force ? 'replace' : 'refuse');
  io.out(`• Loading the workbook ${shownPath(workbook)}${asOf ? `, as of ${asOf}` : ''}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  const called = runtime.call('getSidebarState');
  if (!called.ok) throw new CliError(`getSidebarState failed: ${called.error.message}`);
  const state = called.value as unknown as SidebarState;
  const previous = state.previousQuarter;
  if (!previous) {
    io.err('✗ The workbook has no OKR sheet to continue from. Nothing was written.');
    return 1;
  }
  const payload = nextQuarterPayload(state);
  const quarter = state.defaults.quarter;
  const label =
    quarter.kind === 'quarter' ? `Q${quarter.quarter} ${quarter.year}` : `${quarter.start} – ${quarter.end}`;
  io.out(`• The next quarter, ${label}, continues from "${previous.sheetName}" (${previous.label})`);
  if (previous.closingNote !== undefined) io.out(`  Closing note: ${previous.closingNote || '—'}`);
  io.out('  Each key result is carried over (its start is where it ended); its grade and note beside it:');
  for (const keyResult of previous.keyResults) {
    // A Deals source that counts the quarter's own deals starts the next one at 0 (core/kr-library.ts).
    const restarts = carriedStart(keyResult.source, keyResult.current).why === 'restarts' ? '  (starts at 0)' : '';
    io.out(`  carry  ${keyResult.id.padEnd(6)} ${keyResult.title}${restarts}  ${gradeLine(keyResult.grade)}`);
  }
  checkOutputPath(planPath, true, options.force ? 'replace' : 'refuse');
  const existed = existsSync(planPath);
  writeFileAtomically(planPath, new TextEncoder().encode(`${JSON.stringify(payload, null, 2)}\n`));
  io.out(`✓ ${existed ? 'Replaced' : 'Wrote'} the plan file ${shownPath(planPath)}`);
  io.out(
    `  Edit the choices in "carryOver" ("carry", "keep" or "drop") and the targets as wanted, then: ` +
      `npm run okr -- build --plan ${shownPath(planPath)} --workbook ${shownPath(workbook)}`,
  );
  return 0;
}
