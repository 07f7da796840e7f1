// Reports a manager hands out: every exported sheet prints A4 landscape, one page wide, with its header rows
// repeated on each page (print titles); the dashboard prints its page region; its charts are named in the
// export's warnings as left out. LibreOffice headless turns the exported OKR sheet into a PDF of one page,
// where without the page setup it split the columns over five. (poppler's pdftotext is not installed here, so
// the page count is read from the PDF itself; with one page, the score columns are on page 1, and
// test/xlsx/xlsx.test.ts checks LibreOffice recomputes those scores.)

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../local/spreadsheet';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { writeXlsx, xlsxWarnings } from '../../local/xlsx';
import { workbookFromFake } from '../../local/xlsx-from-fake';
import { dashboardWorkbook } from '../../scripts/bench-dashboard';
import { buildDashboard } from '../../src/server/dashboard';
import { buildQuarter } from '../../src/server/quarter-builder';
import { workedExamplePlan } from '../okr-sheet/plans';
import { hasSoffice, runSoffice } from '../support/libreoffice';

const work = mkdtempSync(join(tmpdir(), 'okr-print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The worked quarter exported alone (its OKR sheet only), and the sheet's frozen header rows. */
function okrSheetAlone() {
  const services = createFakeServices({ locale: 'pl_PL' });
  const { sheetName } = withGlobalServices(services, () => buildQuarter(workedExamplePlan('pl', 'portable')));
  const book = workbookFromFake(services.spreadsheet);
  book.sheets = book.sheets.filter((sheet) => sheet.name === sheetName);
  book.activeSheet = 0;
  return { bytes: writeXlsx(book), sheetName, frozenRows: services.spreadsheet.sheet(sheetName).frozenRows };
}

describe('the .xlsx page setup', () => {
  it('prints each sheet A4 landscape, one page wide, with its header rows repeated', () => {
    const { bytes, sheetName, frozenRows } = okrSheetAlone();
    const parts = files(bytes);
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(frozenRows).toBeGreaterThan(0);
    expect(parts['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${sheetName}'!$1:$${frozenRows}</definedName>`,
    );
  });

  it('prints the dashboard’s page region and says its charts are left out', () => {
    const services = dashboardWorkbook(9, 2);
    withGlobalServices(services, () => buildDashboard({ asOf: '2027-06-20' }));
    const book = workbookFromFake(services.spreadsheet);
    const index = book.sheets.findIndex((sheet) => sheet.name === 'Dashboard');
    expect(book.sheets[index]?.printArea).toBe('A1:L30');
    expect(files(writeXlsx(book))['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">'Dashboard'!$A$1:$L$30</definedName>`,
    );
    expect(xlsxWarnings(book)).toContain(
      'Dashboard: its 3 chart(s) (“Objective scores”, “Key results by week (score; 1.0 = target)”, “Statuses by week”) are not exported; the data they plot is, in the same cells',
    );
  });
});

describe.skipIf(!hasSoffice && !process.env.CI)('the exported OKR sheet printed by LibreOffice headless', () => {
  it('fits on one A4 landscape page, scores included', { timeout: 180_000 }, () => {
    const { bytes } = okrSheetAlone();
    const file = join(work, 'quarter.xlsx');
    writeFileSync(file, bytes);
    runSoffice(['--convert-to', 'pdf', file, '--outdir', work], work);
    const pdf = readFileSync(join(work, 'quarter.pdf'), 'latin1');
    // Page objects (not the /Pages tree); the MediaBox says which way round: wider than tall is landscape.
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
    expect(Math.round(Number(box?.[1]))).toBe(842);
  });
});
