// Portable all the way: a quarter whose key results are fed by the Deals sheet, exported to .xlsx and read
// back by LibreOffice headless, computes the same current values from the Deals sheet as Sheets and
// HyperFormula do (whole-column SUMIFS / COUNTIFS, "<>" criteria, the header's DATE cells). Skipped without
// `soffice`, except on CI.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { splitCsv } from '../../cli/csv';
import { createFakeServices } from '../../local/spreadsheet';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { writeXlsx } from '../../local/xlsx';
import { workbookFromFake } from '../../local/xlsx-from-fake';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { importDeals } from '../../src/server/deals-api';
import { buildQuarter } from '../../src/server/quarter-builder';
import { KR_SOURCES } from '../../src/shared/plan';
import { AUTO_IDS, autoPlan, BEFORE, DEALS } from './fixtures';

const SOFFICE = process.env.SOFFICE ?? 'soffice';
const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'okr-auto-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasSoffice && !process.env.CI)('fed key results in the .xlsx, recomputed by LibreOffice', () => {
  it('give the values the Deals sheet makes', { timeout: 180_000 }, () => {
    const services = createFakeServices({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    const { sheetName } = withGlobalServices(services, () => {
      const built = buildQuarter(autoPlan('en', 'portable'));
      expect(importDeals(DEALS)).toMatchObject({ ok: true });
      return built;
    });
    const file = join(work, 'fed.xlsx');
    writeFileSync(file, writeXlsx(workbookFromFake(services.spreadsheet)));
    const profile = mkdtempSync(join(work, 'profile-'));
    const run = spawnSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1',
        file,
        '--outdir',
        work,
      ],
      { encoding: 'utf8', env: { ...process.env, HOME: profile }, timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const csv = readdirSync(work).find((name) => name.endsWith(`-${sheetName}.csv`));
    const lines = splitCsv(readFileSync(join(work, csv ?? ''), 'utf8')).lines;
    const row = (index: number) => lines.find((line) => line.line === FIRST_DATA_ROW + index)?.fields ?? [];
    const order = ['O1.1', 'O1.2', 'O1.3', 'O1.4', 'O2.1', 'O2.2', 'O2.3'];
    for (const source of KR_SOURCES) {
      const fields = row(order.indexOf(AUTO_IDS[source]));
      expect(fields[columnOf('krId') - 1]).toBe(AUTO_IDS[source]);
      const text = fields[columnOf('current') - 1] ?? '';
      const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      expect(value, `${source}: ${text}`).toBeCloseTo(BEFORE[source], 6);
    }
  });
});
