// The roll-up's world as workbook files, for the CLI and playground tests: three team workbooks built by the
// bundle (local/team-workbooks.ts) and the company's, company.json, named ACME with its quarter (C1–C3) built,
// and the scores the core rolls the teams' feeds up to, which every view of the roll-up must show.

import { join } from 'node:path';
import type { LocalRuntime, LocalRuntimeOptions } from '../../local/runtime';
import { readFeedWindow } from '../../local/team-feed';
import { buildTeamWorkbooks, COMPANY_OBJECTIVES, companyPlan, type TeamWorkbooks } from '../../local/team-workbooks';
import { parseFeed } from '../../src/core/rollup/parse-feed';
import { rollUp } from '../../src/core/rollup/rollup';

export interface CompanyWorkbooks extends TeamWorkbooks {
  /** The company's workbook file (saved) and its runtime. */
  companyPath: string;
  company: LocalRuntime;
  /** Each company objective's score (by id) as the core rolls the teams' feeds up. */
  expected: Map<string, number | null>;
}

/** Builds three teams of `objectives` × `keyResults` KRs and the company's workbook in `folder`. */
export function buildCompanyWorkbooks(options: {
  folder: string;
  objectives: number;
  keyResults: number;
  runtime?: Omit<LocalRuntimeOptions, 'workbookPath' | 'directory'>;
}): CompanyWorkbooks {
  const built = buildTeamWorkbooks({ ...options, count: 3 });
  const companyPath = join(options.folder, 'company.json');
  const company = built.folder.openPath(companyPath);
  company.services.spreadsheet.name = 'ACME';
  const made = company.call('submitQuarter', { plan: companyPlan(), previousSheetId: null });
  if (!made.ok) throw new Error(made.error.message);
  company.save();
  const rollup = rollUp({
    companyObjectives: COMPANY_OBJECTIVES,
    teams: built.teams.map((team) => ({
      team: team.runtime.id,
      keyResults: parseFeed(team.name, readFeedWindow(team.runtime) ?? []).keyResults,
    })),
  });
  const expected = new Map(rollup.companyObjectives.map((objective) => [objective.id, objective.score]));
  return { ...built, companyPath, company, expected };
}
