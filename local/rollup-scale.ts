// The company roll-up at scale, the add-on's own path end to end, for the bench and the tests: N team
// workbooks built by the bundle (local/team-workbooks.ts; each has its OKR feed tab and OKR_FEED) and a company
// workbook whose quarter holds the company objectives, open in one folder as in a playground session. The
// company connects every team through the bundle's `connectTeams` (one IMPORTRANGE of OKR_FEED per team on
// the Roll-up tab), access is allowed for each, `refreshRollup` lays out the company objectives, and their
// scores are read from the Roll-up tab's formulas. The same feeds, read from the team workbooks, go through
// the core's `rollUp`: the two must agree. Then a cold start over the folder (the playground started again)
// reads the same scores, each team workbook loaded and computed once.
//
// Figures: the time and the company's Spreadsheet service calls of connecting one more team and of
// refreshing, the roll-up's time with the teams open, and the cold start's.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '../src/core/rollup/parse-feed';
import { rollUp } from '../src/core/rollup/rollup';
import type { LocalRuntime } from './runtime';
import { readFeedWindow } from './team-feed';
import { buildTeamWorkbooks, COMPANY_OBJECTIVES, companyPlan } from './team-workbooks';
import { WorkbookFolder } from './workbook-folder';

export interface CompanyScore {
  id: string;
  /** The score the Roll-up tab computes (its formula over the imported feeds); `null` when blank. */
  sheet: number | null;
  /** The same, read after a cold start over the folder (the playground started again). */
  afterRestart: number | null;
  /** The score the core's `rollUp` gives on the same feeds. */
  core: number | null;
}

export interface RollupScaleFigures {
  teams: number;
  keyResultsPerTeam: number;
  /** Milliseconds to make the team and company workbooks and compute the teams (not part of the roll-up). */
  buildMs: number;
  /** Connecting the last team (the others connected and allowed): milliseconds and service calls (tabs grown apart). */
  connectMs: number;
  connectCalls: number;
  /** Refreshing the roll-up once every team is allowed: milliseconds and service calls (tabs grown apart). */
  refreshMs: number;
  refreshCalls: number;
  /** Milliseconds of the roll-up with the teams' spreadsheets open: connect, allow, refresh, scores read. */
  rollupMs: number;
  /**
   * Milliseconds of a cold start over the folder to the scores read: every team workbook loaded and computed
   * from its file (in Sheets, Google's servers keep the teams computed; locally, HyperFormula does it here).
   */
  coldMs: number;
  /** HyperFormula builds in that cold start, the company's and every team's. */
  engineBuilds: number;
  /** Teams the refresh saw connected, and the key results it read. */
  connected: number;
  keyResults: number;
  scores: CompanyScore[];
}

const runtimeOf = (folder: WorkbookFolder, id: string): LocalRuntime => {
  const runtime = folder.get(id);
  if (!runtime) throw new Error(`no workbook ${id} in ${folder.path}`);
  return runtime;
};

function callOk<T>(runtime: LocalRuntime, name: string, ...args: unknown[]): T {
  const result = runtime.call(name, ...args);
  const value = result.ok ? (result.value as { ok?: boolean } | null) : null;
  if (!value?.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
  return value as T;
}

interface RollupAnswer {
  sheetName: string;
  teams: { state: string; keyResults: number }[];
}

/** The company objectives' scores on the Roll-up tab: column C of the first row whose column A holds the id. */
function sheetScores(company: LocalRuntime, sheetName: string): Map<string, number | null> {
  const scores = new Map<string, number | null>();
  const sheet = company.services.spreadsheet.sheetByName(sheetName);
  const rows = sheet?.grid.maxRows ?? 0;
  for (let row = 1; row <= rows && scores.size < COMPANY_OBJECTIVES.length; row++) {
    const id = company.computed(sheetName, row, 1);
    if (id.kind !== 'value' || typeof id.value !== 'string' || scores.has(id.value)) continue;
    if (!COMPANY_OBJECTIVES.some((objective) => objective.id === id.value)) continue;
    const score = company.computed(sheetName, row, 3);
    scores.set(id.value, score.kind === 'value' && typeof score.value === 'number' ? score.value : null);
  }
  return scores;
}

/** Builds `teams` team workbooks of `objectives` × `keyResults` and a company one, and rolls them up cold. */
export function measureRollup(options: {
  teams: number;
  objectives: number;
  keyResults: number;
  bundlePath?: string;
}): RollupScaleFigures {
  const folderPath = mkdtempSync(join(tmpdir(), 'okr-rollup-scale-'));
  try {
    const runtimeOptions = {
      locale: 'en_US',
      timeZone: 'UTC',
      ...(options.bundlePath ? { bundlePath: options.bundlePath } : {}),
    };
    let started = performance.now();
    const built = buildTeamWorkbooks({ ...options, folder: folderPath, count: options.teams, runtime: runtimeOptions });
    const companyPath = join(folderPath, 'company.json');
    const company = built.folder.openPath(companyPath);
    company.services.spreadsheet.name = 'ACME company';
    callOk(company, 'submitQuarter', { plan: companyPlan(), previousSheetId: null });
    // Each team's feed as its spreadsheet computes it: what the teams show, and what the core rolls up.
    const feeds = built.teams.map(({ runtime }) => ({
      team: runtime.id,
      keyResults: parseFeed(runtime.id, readFeedWindow(runtime) ?? []).keyResults,
    }));
    const buildMs = performance.now() - started;
    const ids = built.teams.map((team) => team.runtime.id);
    const core = rollUp({ companyObjectives: COMPANY_OBJECTIVES, teams: feeds });

    // The roll-up, as a person makes it in the playground with the team spreadsheets open in the folder.
    started = performance.now();
    const calls = company.services.calls;
    const links = built.teams.map((team) => team.runtime.link);
    if (links.length > 1) callOk(company, 'connectTeams', { links: links.slice(0, -1) });
    for (const id of ids.slice(0, -1)) company.allowImport(id);

    calls.reset();
    let step = performance.now();
    callOk(company, 'connectTeams', { links: links.slice(-1) });
    const connectMs = performance.now() - step;
    // Growing a tab (the Roll-up's blocks, the Alignment map's rows) is one insertRowsAfter when its rows run
    // out: counted apart, as the fake's tests of the server count it.
    const connectCalls = calls.total() - calls.count('Sheet.insertRowsAfter');
    company.allowImport(ids[ids.length - 1] as string);

    calls.reset();
    step = performance.now();
    const refreshed = callOk<RollupAnswer>(company, 'refreshRollup');
    const refreshMs = performance.now() - step;
    const refreshCalls = calls.total() - calls.count('Sheet.insertRowsAfter');
    const fromSheet = sheetScores(company, refreshed.sheetName);
    const rollupMs = performance.now() - started;
    company.save();

    // A cold start over the folder (a playground started again): the company's imports open each team.
    started = performance.now();
    const folder = new WorkbookFolder(folderPath, runtimeOptions);
    const reopened = folder.openPath(companyPath);
    const afterRestart = sheetScores(reopened, refreshed.sheetName);
    const coldMs = performance.now() - started;
    const engineBuilds = [reopened, ...ids.map((id) => runtimeOf(folder, id))].reduce(
      (total, one) => total + one.calcFigures().builds,
      0,
    );
    const scores = COMPANY_OBJECTIVES.map(({ id }) => ({
      id,
      sheet: fromSheet.get(id) ?? null,
      afterRestart: afterRestart.get(id) ?? null,
      core: core.companyObjectives.find((objective) => objective.id === id)?.score ?? null,
    }));
    return {
      teams: options.teams,
      keyResultsPerTeam: options.objectives * options.keyResults,
      buildMs,
      connectMs,
      connectCalls,
      refreshMs,
      refreshCalls,
      rollupMs,
      coldMs,
      engineBuilds,
      connected: refreshed.teams.filter((team) => team.state === 'connected').length,
      keyResults: refreshed.teams.reduce((sum, team) => sum + team.keyResults, 0),
      scores,
    };
  } finally {
    rmSync(folderPath, { recursive: true, force: true });
  }
}
