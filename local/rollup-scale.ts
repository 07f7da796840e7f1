// The roll-up at scale, for the bench and the tests: N team workbooks (local/team-workbooks.ts) in a folder,
// then a cold start over that folder — as the playground or a command opens it — where a company workbook
// imports every team's key-result rows with one IMPORTRANGE per team (access allowed for each) and averages
// their scores. It measures the time from opening the folder to the company's computed average, and the
// Spreadsheet service calls the company's writes made; and it says whether every score arrived.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnOf, FIRST_DATA_ROW } from '../src/core/okr-sheet/columns';
import { columnLetters } from './spreadsheet/a1';
import { buildTeamWorkbooks, teamCurrent } from './team-workbooks';
import { WorkbookFolder } from './workbook-folder';

export interface RollupScaleFigures {
  teams: number;
  keyResultsPerTeam: number;
  /** Milliseconds to make the team workbooks (not part of the roll-up). */
  buildMs: number;
  /** Milliseconds from opening the folder to the company's computed average of every team's scores. */
  rollupMs: number;
  /** Spreadsheet service calls of writing the imports and the average (the sheet made large enough first). */
  calls: number;
  /** HyperFormula builds of the company workbook and of all team workbooks during the roll-up. */
  engineBuilds: number;
  /** The company's average score, and the one the teams' current values give. */
  average: number;
  expected: number;
}

/** Builds `teams` team workbooks of `objectives` × `keyResults` and rolls them up from a cold start. */
export function measureRollup(options: {
  teams: number;
  objectives: number;
  keyResults: number;
  bundlePath?: string;
}): RollupScaleFigures {
  const folderPath = mkdtempSync(join(tmpdir(), 'okr-rollup-scale-'));
  try {
    const runtime = {
      locale: 'en_US',
      timeZone: 'UTC',
      ...(options.bundlePath ? { bundlePath: options.bundlePath } : {}),
    };
    const perTeam = options.objectives * options.keyResults;
    let started = performance.now();
    const built = buildTeamWorkbooks({ ...options, folder: folderPath, count: options.teams, runtime });
    const buildMs = performance.now() - started;

    started = performance.now();
    const folder = new WorkbookFolder(folderPath, runtime);
    const company = folder.openPath(join(folderPath, 'company.json'));
    const sheet = company.services.spreadsheet.getSheets()[0];
    if (!sheet) throw new Error('the company workbook has no sheet');
    const score = columnLetters(columnOf('score'));
    const formulas = built.teams.map(({ runtime: team, sheetName }) => {
      company.allowImport(team.id);
      const range = `'${sheetName}'!A${FIRST_DATA_ROW}:${score}${FIRST_DATA_ROW + perTeam - 1}`;
      return [`=IMPORTRANGE("${team.link}"; "${range}")`];
    });
    // One import per team, each spilling its KR rows under the one before; the average beside them.
    const missingRows = options.teams * perTeam - sheet.getMaxRows();
    if (missingRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missingRows);
    company.services.calls.reset();
    const column = Array.from({ length: options.teams * perTeam }, (_, row) =>
      row % perTeam === 0 ? (formulas[row / perTeam] ?? ['']) : [''],
    );
    sheet.getRange(1, 1, column.length, 1).setFormulas(column);
    sheet.getRange(1, columnOf('score') + 2).setFormula(`=AVERAGE(${score}1:${score}${options.teams * perTeam})`);
    const calls = company.services.calls.total();
    const computed = company.computed(sheet.getName(), 1, columnOf('score') + 2);
    const rollupMs = performance.now() - started;

    let sum = 0;
    for (let n = 1; n <= options.teams; n++) for (let i = 0; i < perTeam; i++) sum += teamCurrent(n, i) / 100;
    const engineBuilds = [company, ...built.teams.map((team) => folder.get(team.runtime.id))].reduce(
      (total, one) => total + (one?.calcFigures().builds ?? 0),
      0,
    );
    return {
      teams: options.teams,
      keyResultsPerTeam: perTeam,
      buildMs,
      rollupMs,
      calls,
      engineBuilds,
      average: computed.kind === 'value' ? Number(computed.value) : Number.NaN,
      expected: sum / (options.teams * perTeam),
    };
  } finally {
    rmSync(folderPath, { recursive: true, force: true });
  }
}
