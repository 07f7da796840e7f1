// N team spreadsheets for the roll-up's tests and bench: each a workbook file in one folder, its quarter built
// through the bundle's own `submitQuarter` (as the New quarter sidebar sends it; the build adds the OKR feed
// tab and its named range OKR_FEED) and its key results' current values typed in, so that every score is a
// formula the team's spreadsheet computes. Team n's numbers and alignment are a fixed function of n and the
// KR's place, so a test knows what each one scores; the company's own plan (`companyPlan`) holds the company
// objectives C1… the team objectives support.

import { join } from 'node:path';
import { columnOf, FIRST_DATA_ROW } from '../src/core/okr-sheet/columns';
import type { QuarterPlan } from '../src/shared/plan';
import type { LocalRuntime, LocalRuntimeOptions } from './runtime';
import { WorkbookFolder } from './workbook-folder';

type KeyResult = QuarterPlan['objectives'][number]['keyResults'][number];

/** The company objectives the teams align to. */
export const COMPANY_OBJECTIVES = [
  { id: 'C1', title: 'Grow recurring revenue' },
  { id: 'C2', title: 'Win the mid-market' },
  { id: 'C3', title: 'Shorten the sales cycle' },
] as const;

/**
 * Team `n`'s objective `o` (0-based). A plan aligns only to company objectives it holds itself (the New quarter
 * sidebar refuses any other parent), so a team's first objectives are its copies of the company's C1… (level
 * company, the team's own KRs under them: the roll-up counts a copy for the company objective of its id). The
 * rest are team objectives supporting the company's in turn; each fourth team keeps its last one to itself.
 */
export function teamObjective(
  n: number,
  o: number,
  objectives: number,
): { id: string; level: 'company' | 'team'; parent: string | null } {
  const copy = COMPANY_OBJECTIVES[o];
  if (copy) return { id: copy.id, level: 'company', parent: null };
  const parent =
    n % 4 === 0 && o === objectives - 1 ? null : (COMPANY_OBJECTIVES[(n + o) % COMPANY_OBJECTIVES.length]?.id ?? null);
  return { id: `O${o + 1}`, level: 'team', parent };
}

/** The company's own quarter: its objectives C1… of level company, one KR each. */
export function companyPlan(): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'ACME',
    language: 'en',
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle: 'addon',
    objectives: COMPANY_OBJECTIVES.map(({ id, title }) => ({
      id,
      level: 'company' as const,
      title,
      keyResults: [
        {
          title: `${title}: company KR`,
          kind: 'increase',
          unit: 'count',
          start: 0,
          target: 10,
          owner: 'CEO',
          weight: 1,
          committed: false,
          notes: '',
        },
      ],
    })),
  };
}

/**
 * The quarter of team `n` (1-based): `objectives` (more than the company's) × `keyResults` increase KRs from
 * 0 to 100.
 */
export function teamPlan(n: number, objectives: number, keyResults: number): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: teamName(n),
    language: 'en',
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle: 'addon',
    objectives: Array.from({ length: objectives }, (_, o) => {
      const { id, level, parent } = teamObjective(n, o, objectives);
      return {
        id,
        level,
        title: level === 'company' ? (COMPANY_OBJECTIVES[o]?.title ?? id) : `${teamName(n)} objective ${o + 1}`,
        ...(parent ? { parent } : {}),
        keyResults: Array.from(
          { length: keyResults },
          (_, k): KeyResult => ({
            title: `KR ${o + 1}.${k + 1}`,
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 100,
            owner: `Owner ${k % 5}`,
            weight: 1,
            committed: k % 2 === 0,
            notes: '',
          }),
        ),
      };
    }),
  };
}

export function teamName(n: number): string {
  return `Team ${String(n).padStart(2, '0')}`;
}

/** Team `n`'s current value of its `index`-th key result (0-based, in sheet order): 0 to 100. */
export function teamCurrent(n: number, index: number): number {
  return (n * 7 + index * 13) % 101;
}

export interface TeamWorkbooks {
  folder: WorkbookFolder;
  teams: { name: string; path: string; runtime: LocalRuntime; sheetName: string }[];
}

/**
 * Makes `count` team workbooks `team-01.json`… in `folder` (saved), each with `objectives` × `keyResults`
 * KRs and their current values; the folder's runtimes stay open for what comes next.
 */
export function buildTeamWorkbooks(options: {
  folder: string;
  count: number;
  objectives: number;
  keyResults: number;
  runtime?: Omit<LocalRuntimeOptions, 'workbookPath' | 'directory'>;
}): TeamWorkbooks {
  const folder = new WorkbookFolder(options.folder, { locale: 'en_US', timeZone: 'UTC', ...options.runtime });
  const teams: TeamWorkbooks['teams'] = [];
  for (let n = 1; n <= options.count; n++) {
    const path = join(folder.path, `team-${String(n).padStart(2, '0')}.json`);
    const runtime = folder.openPath(path);
    runtime.services.spreadsheet.name = teamName(n);
    const result = runtime.call('submitQuarter', {
      plan: teamPlan(n, options.objectives, options.keyResults),
      previousSheetId: null,
    });
    const answer = result.ok ? (result.value as { ok?: boolean; sheetName?: string }) : null;
    if (!answer?.ok || !answer.sheetName) throw new Error(`${teamName(n)} was not built: ${JSON.stringify(result)}`);
    typeCurrentValues(runtime, answer.sheetName, n, options.objectives * options.keyResults);
    runtime.save();
    teams.push({ name: teamName(n), path, runtime, sheetName: answer.sheetName });
  }
  return { folder, teams };
}

/** Types each KR's current value into the OKR sheet's current-value column (one write for all). */
function typeCurrentValues(runtime: LocalRuntime, sheetName: string, n: number, count: number): void {
  const sheet = runtime.services.spreadsheet.sheetByName(sheetName);
  const values = Array.from({ length: count }, (_, i) => [teamCurrent(n, i)]);
  sheet?.getRange(FIRST_DATA_ROW, columnOf('current'), count, 1).setValues(values);
}
