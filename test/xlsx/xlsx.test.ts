// The .xlsx export. A quarter of domain.md's worked examples is built with portable formulas on the local
// spreadsheet, its current values typed in, and exported; then:
// - LibreOffice headless opens the file, recomputes every formula and writes one CSV per sheet: each key
//   result's score, objective score and status, and the expected progress, must be what the core computes;
// - LibreOffice converts it to .ods too, whose XML shows that it read the conditional formats with their
//   colours and the dropdowns;
// - the file's own XML holds what Excel needs (frozen header, widths, formats, rules, validation, text that
//   begins with "=" kept as text, ARRAYFORMULA turned into an array formula), and equal workbooks give
//   equal bytes.
// Without `soffice` the LibreOffice part is skipped with a message, except on CI (`CI` set), where it fails.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices, type FakeSpreadsheet } from '../../local/spreadsheet';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { dateSerial, writeXlsx, type XlsxSheet, type XlsxWorkbook, xlsxWarnings } from '../../local/xlsx';
import { measureXlsxExport } from '../../local/xlsx-bench';
import { formulaProblems, functionNames, toXlsxFormula } from '../../local/xlsx-formulas';
import { workbookFromFake } from '../../local/xlsx-from-fake';
import { columnOf, FIRST_DATA_ROW } from '../../src/core/okr-sheet/columns';
import { ASPIRATIONAL, COMMITTED, expectedProgress, STATUS_EMOJI, statusOf } from '../../src/core/pace';
import { objectiveScore, scoreKeyResult } from '../../src/core/score';
import { buildQuarter } from '../../src/server/quarter-builder';
import type { QuarterPlan } from '../../src/shared/plan';
import { WORKED_CURRENT, workedExamplePlan } from '../okr-sheet/plans';
import { hasSoffice, parseCsv, runSoffice, warnWithoutSoffice } from '../support/libreoffice';

type Key = Parameters<typeof columnOf>[0];

// The as-of day: 15 March 2027, ten whole weeks into a 13-week quarter (e = 10/13), so the pace rule
// matters: the committed 0.75 is yellow there, the aspirational 0.6 green.
// Typed as on a Polish spreadsheet; the file holds it with `,` (en_US syntax), which Excel and LibreOffice read.
const AS_OF = '=DATE(2027;3;15)';
const day = (month: number, date: number) => Date.UTC(2027, month - 1, date) / 86_400_000;
const EXPECTED = expectedProgress(day(1, 1), day(3, 31), day(3, 15));
const FORMULA_LOOKING_NOTE = '=SUM(1,2)';

/** The worked examples with a note that looks like a formula, in the portable style. */
function workedPlan(style: 'addon' | 'portable' = 'portable'): QuarterPlan {
  const plan = workedExamplePlan('pl', style);
  const [first, ...rest] = plan.objectives;
  if (!first) throw new Error('the worked plan has objectives');
  const keyResults = first.keyResults.map((kr, index) => (index === 2 ? { ...kr, notes: FORMULA_LOOKING_NOTE } : kr));
  return { ...plan, objectives: [{ ...first, keyResults }, ...rest] };
}

/** Builds the quarter on a fresh local spreadsheet and types the worked current values and the as-of date. */
function builtQuarter(style: 'addon' | 'portable' = 'portable'): {
  services: FakeServices;
  spreadsheet: FakeSpreadsheet;
  sheetName: string;
} {
  const services = createFakeServices({ locale: 'pl_PL' });
  const { sheetName } = withGlobalServices(services, () => buildQuarter(workedPlan(style)));
  const sheet = services.spreadsheet.sheet(sheetName);
  WORKED_CURRENT.forEach(({ current }, index) => {
    sheet.getRange(FIRST_DATA_ROW + index, columnOf('current')).setValue(current);
  });
  sheet.getRange('F4').setValue(AS_OF);
  return { services, spreadsheet: services.spreadsheet, sheetName };
}

/** What the core says for each key result of the worked plan, in row order. */
function coreExpectations() {
  const plan = workedPlan();
  const rows = plan.objectives.flatMap((objective, o) =>
    objective.keyResults.map((kr, k) => {
      const typed = WORKED_CURRENT[plan.objectives.slice(0, o).reduce((n, x) => n + x.keyResults.length, 0) + k];
      const current = typeof typed?.current === 'number' ? typed.current : typed?.current === 'tak' ? 1 : null;
      const score = scoreKeyResult({ start: kr.start, target: kr.target, current, kind: kr.kind }) as number;
      const status = statusOf(score, EXPECTED, kr.committed ? COMMITTED : ASPIRATIONAL, kr.kind);
      return { objective: o, id: `O${o + 1}.${k + 1}`, score, weight: kr.weight, status: STATUS_EMOJI[status] };
    }),
  );
  return rows.map((row) => {
    const same = rows.filter((other) => other.objective === row.objective);
    const objective = objectiveScore(
      same.map((other) => other.score),
      same.map((other) => other.weight),
    );
    return { ...row, objectiveScore: objective as number };
  });
}

const work = mkdtempSync(join(tmpdir(), 'okr-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A sheet of the cases a writer gets wrong: a name Excel refuses, text that looks like a formula or like
// OOXML's own escape, a date, a boolean, and a dropdown whose values cannot be written inline.
const EDGE_SHEET = 'Extras / edge';
const EDGE_LIST = ['a, b', 'say "hi"', 'c'];

function addEdgeSheet(services: FakeServices): void {
  const sheet = services.spreadsheet.addSheet(EDGE_SHEET);
  sheet.getRange('A1:A4').setValues([["'=1+1"], ['_x0041_'], [new Date('2027-01-04T00:00:00+01:00')], [true]]);
  sheet
    .getRange('B1')
    .setDataValidation(services.SpreadsheetApp.newDataValidation().requireValueInList(EDGE_LIST).build());
}

/**
 * Builds, types and exports the quarter. With `edgeCases`, also the edge sheet, and words typed in another
 * case than the dropdown's (Sheets and Excel compare text ignoring case; LibreOffice must too).
 */
function exportQuarter(style: 'addon' | 'portable' = 'portable', edgeCases = false) {
  const { spreadsheet, sheetName, services } = builtQuarter(style);
  if (edgeCases) {
    addEdgeSheet(services);
    const sheet = spreadsheet.sheet(sheetName);
    sheet.getRange(FIRST_DATA_ROW + 5, columnOf('current')).setValue('TAK');
    sheet.getRange(FIRST_DATA_ROW + 4, columnOf('kind')).setValue('Co Najwyżej');
  }
  const book = workbookFromFake(spreadsheet);
  const bytes = writeXlsx(book);
  return { spreadsheet, sheetName, book, bytes, files: unzipSync(bytes) };
}

function part(files: Record<string, Uint8Array>, path: string): string {
  const data = files[path];
  if (!data) throw new Error(`The .xlsx has no part ${path}`);
  return strFromU8(data);
}

/** The XML of the worksheet called `name`, found through workbook.xml and its relationships. */
function sheetXml(files: Record<string, Uint8Array>, name: string): string {
  const workbook = part(files, 'xl/workbook.xml');
  const escaped = name.replace(/&/g, '&amp;');
  const id = new RegExp(`<sheet name="${escaped}" sheetId="\\d+"(?: state="hidden")? r:id="(rId\\d+)"`).exec(
    workbook,
  )?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(part(files, 'xl/_rels/workbook.xml.rels'))?.[1];
  return part(files, `xl/${target}`);
}

const letter = (key: Key) => String.fromCharCode(64 + columnOf(key));

describe('the .xlsx file itself', () => {
  const { book, bytes, files, sheetName } = exportQuarter();
  const xml = sheetXml(files, sheetName);
  const lastRow = FIRST_DATA_ROW + 7 - 1 + 20;

  it('is a complete OOXML package', () => {
    for (const path of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]) {
      expect(files[path], path).toBeDefined();
    }
    expect(part(files, 'xl/workbook.xml')).toContain(`<sheet name="${sheetName}"`);
    expect(part(files, 'xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });

  it('gives the same bytes for the same workbook', () => {
    expect(writeXlsx(workbookFromFake(builtQuarter().spreadsheet))).toEqual(bytes);
  });

  it('freezes the header rows and the identity columns, sets the column widths and names the table', () => {
    expect(xml).toMatch(/<pane xSplit="5" ySplit="6" topLeftCell="F7" activePane="bottomRight" state="frozen"\/>/);
    // The objective title column: 260 pixels.
    expect(xml).toContain('<col min="3" max="3" width="36.43" customWidth="1"/>');
    expect(part(files, 'xl/workbook.xml')).toMatch(
      new RegExp(`<definedName name="OKR_Q1_2027_table">'${sheetName}'!\\$A\\$6:\\$V\\$${lastRow}</definedName>`),
    );
  });

  it('writes the portable formulas, ARRAYFORMULA as an array formula, and no cached results', () => {
    const blank = '=&quot;&quot;,&quot;&quot;';
    expect(xml).toMatch(new RegExp(`<c r="${letter('score')}7" s="\\d+"><f>IF\\(N7${blank}`));
    expect(xml).toMatch(
      new RegExp(`<c r="${letter('objectiveScore')}7" s="\\d+"><f t="array" ref="G7">IF\\(B7${blank}`),
    );
    expect(xml).not.toContain('ARRAYFORMULA');
    expect(xml).not.toMatch(/<\/f><v>/);
    expect(xml).toContain('<f>DATE(2027,3,15)</f>');
    expect(xlsxWarnings(book)).toEqual([
      `${sheetName}: 2 cell note(s) are not exported`,
      // The OKR feed (docs/okr-feed.md) is plain formulas, portable: only its note stays behind.
      'OKR feed: 1 cell note(s) are not exported',
    ]);
  });

  it('keeps a text that begins with "=" as text', () => {
    expect(part(files, 'xl/sharedStrings.xml')).toContain(`<t>${FORMULA_LOOKING_NOTE}</t>`);
    expect(xml).not.toContain('<f>SUM(1,2)</f>');
  });

  it('carries number formats, bold titles and fills', () => {
    const styles = part(files, 'xl/styles.xml');
    expect(styles).toContain('formatCode="#,##0 &quot;zł&quot;"');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('<b/>');
    expect(styles).toContain('<fgColor rgb="FFE8EAED"/>');
  });

  it('holds the status colours as conditional formats', () => {
    const range = `F7:F${lastRow} H7:H${lastRow}`;
    expect(xml).toContain(`<conditionalFormatting sqref="${range}">`);
    for (const emoji of ['🟢', '🟡', '🔴']) expect(xml).toContain(`<formula>$H7=&quot;${emoji}&quot;</formula>`);
    expect(xml).toContain(`<conditionalFormatting sqref="G7:G${lastRow}">`);
    const dxfs = /<dxfs count="3">(.*)<\/dxfs>/.exec(part(files, 'xl/styles.xml'))?.[1] ?? '';
    for (const color of ['FFB7E1CD', 'FFFCE8B2', 'FFF4C7C3']) expect(dxfs).toContain(`<bgColor rgb="${color}"/>`);
  });

  it('holds the dropdowns and number checks', () => {
    expect(xml).toMatch(
      new RegExp(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" showInputMessage="1" prompt="[^"]+" sqref="J7:J${lastRow}"><formula1>&quot;wzrost,spadek,co najmniej,co najwyżej,kamień milowy&quot;</formula1>`,
      ),
    );
    expect(xml).toMatch(
      new RegExp(
        `<dataValidation type="decimal" operator="between" errorStyle="stop"[^>]*sqref="O7:O${lastRow}"><formula1>0</formula1><formula2>100</formula2>`,
      ),
    );
    // The milestone's own yes / no dropdown on its `current` cell only.
    expect(xml).toMatch(/sqref="N12"><formula1>&quot;tak,nie&quot;<\/formula1>/);
  });
});

describe('the neutral workbook model', () => {
  const sheet = (name: string, cells: XlsxSheet['cells'] = []): XlsxSheet => ({
    name,
    cells,
    columnWidths: [],
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    tabColor: null,
    merges: [],
    conditionalFormats: [],
    validations: [],
  });
  const book = (sheets: XlsxSheet[]): XlsxWorkbook => ({ sheets, activeSheet: 0, definedNames: [], notices: [] });

  it('escapes what XML cannot hold and what OOXML would decode', () => {
    const files = unzipSync(
      writeXlsx(book([sheet('S', [{ row: 1, column: 1, content: { text: ' a\u0001<b>&_x0041_ ' } }])])),
    );
    expect(part(files, 'xl/sharedStrings.xml')).toContain(
      '<t xml:space="preserve"> a_x0001_&lt;b&gt;&amp;_x005F_x0041_ </t>',
    );
  });

  it('gives sheets names Excel accepts, and says so', () => {
    const model = book([sheet('a/b'), sheet('A_B'), sheet('x'.repeat(40))]);
    const workbook = part(unzipSync(writeXlsx(model)), 'xl/workbook.xml');
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'a_b',
      'A_B (2)',
      'x'.repeat(31),
    ]);
    expect(xlsxWarnings(model)).toEqual([
      'Sheet "a/b" is called "a_b" in the file',
      'Sheet "A_B" is called "A_B (2)" in the file',
      `Sheet "${'x'.repeat(40)}" is called "${'x'.repeat(31)}" in the file`,
    ]);
  });

  it('moves a list Excel cannot hold inline into a hidden sheet', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Owner ${i}`);
    const model = book([sheet('S')]);
    (model.sheets[0] as XlsxSheet).validations = [
      { ranges: ['A1:A9'], rule: { kind: 'list', values: long, showDropdown: true }, allowInvalid: true, help: '' },
    ];
    const files = unzipSync(writeXlsx(model));
    expect(part(files, 'xl/workbook.xml')).toContain('<sheet name="Lists" sheetId="2" state="hidden" r:id="rId2"/>');
    expect(part(files, 'xl/worksheets/sheet1.xml')).toContain("<formula1>'Lists'!$A$1:$A$60</formula1>");
    expect(part(files, 'xl/sharedStrings.xml')).toContain('<t>Owner 59</t>');
  });

  it('stamps a given date into the document properties', () => {
    const files = unzipSync(writeXlsx(book([sheet('S')]), { modified: new Date('2027-01-04T10:00:00Z') }));
    expect(part(files, 'docProps/core.xml')).toContain('>2027-01-04T10:00:00Z</dcterms:modified>');
  });
});

describe('formulas for .xlsx', () => {
  it('unwraps ARRAYFORMULA into an array formula, ignoring lookalikes in text', () => {
    expect(toXlsxFormula('=ARRAYFORMULA(SUM(A1:A3*2))')).toEqual({ text: 'SUM(A1:A3*2)', array: true });
    expect(toXlsxFormula('=IF(A1="ARRAYFORMULA(",1,2)')).toEqual({ text: 'IF(A1="ARRAYFORMULA(",1,2)', array: false });
  });

  it('prefixes functions newer than Excel 2007, also a call right inside another', () => {
    expect(toXlsxFormula('=IFERROR(TEXTJOIN(", ",TRUE,A1:A3),"")').text).toBe(
      'IFERROR(_xlfn.TEXTJOIN(", ",TRUE,A1:A3),"")',
    );
    expect(toXlsxFormula('=IFS(A1>1,"a",TRUE,textjoin(",",TRUE,B1:B2))').text).toBe(
      '_xlfn.IFS(A1>1,"a",TRUE,_xlfn.textjoin(",",TRUE,B1:B2))',
    );
  });

  it('names what will not compute outside Sheets', () => {
    expect(functionNames('=SUM(\'My (sheet)\'!A1,"MAX(")')).toEqual(['SUM']);
    expect(formulaProblems('={"Score";KR_SCORE(I7:I46,J7:J46)}')).toEqual([
      'KR_SCORE (a custom function)',
      'an array literal {…} with references',
    ]);
    expect(formulaProblems('=REGEXMATCH(A1,"x")')).toEqual(['REGEXMATCH (Google Sheets only)']);
    expect(formulaProblems('=IF(A1={1,2},1,0)')).toEqual([]);
  });

  it('warns when a sheet is built with the add-on formulas', () => {
    const { book, sheetName } = exportQuarter('addon');
    expect(xlsxWarnings(book)).toContain(`${sheetName}!F6: KR_SCORE (a custom function) shows #NAME? outside Sheets`);
  });

  it('turns dates into serials of the spreadsheet time zone', () => {
    expect(dateSerial(new Date('2027-01-01T00:00:00+01:00'), 'Europe/Warsaw')).toBe(46388);
    expect(dateSerial(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe(46388.5);
  });
});

// --- LibreOffice ---------------------------------------------------------------------------------------------

warnWithoutSoffice('test/xlsx');
const soffice = (args: string[]) => runSoffice(args, work);

describe.skipIf(!hasSoffice && !process.env.CI)('the .xlsx read back by LibreOffice headless', () => {
  it('shows the same scores, objective scores, statuses and pace as the core', { timeout: 180_000 }, () => {
    const { bytes, sheetName } = exportQuarter('portable', true);
    const dir = join(work, 'csv');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'quarter.xlsx');
    writeFileSync(file, bytes);
    // engineering.md's command: recompute every formula, one CSV per sheet (the last option, -1).
    soffice([
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1',
      file,
      '--outdir',
      dir,
    ]);
    const csvName = readdirSync(dir).find((name) => name.endsWith(`-${sheetName}.csv`));
    expect(csvName, readdirSync(dir).join(', ')).toBeDefined();
    const rows = parseCsv(readFileSync(join(dir, csvName as string), 'utf8'));
    const cell = (row: number, key: Key) => rows[row - 1]?.[columnOf(key) - 1] ?? '';
    // Raw values, except that LibreOffice keeps the % of a percent-formatted number.
    const numberIn = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

    expect(numberIn(rows[4]?.[5] ?? '')).toBeCloseTo(EXPECTED, 12);
    const expected = coreExpectations();
    expected.forEach((kr, index) => {
      const row = FIRST_DATA_ROW + index;
      expect(cell(row, 'krId')).toBe(kr.id);
      expect(Math.abs(Number(cell(row, 'score')) - kr.score), `score of ${kr.id}`).toBeLessThan(1e-9);
      expect(Math.abs(Number(cell(row, 'objectiveScore')) - kr.objectiveScore), `objective of ${kr.id}`).toBeLessThan(
        1e-9,
      );
      expect(cell(row, 'status'), `status of ${kr.id}`).toBe(kr.status);
    });
    // The worked examples' own numbers, so a core and a sheet wrong the same way still fail.
    expect(expected.map((kr) => kr.status).join('')).toBe('🟡🟢🟢🟢🟢🟢🔴');
    expect(expected.slice(0, 5).map((kr) => kr.score)).toEqual(
      [0.75, 0.6, 0.75, 1, 0.8].map((x) => expect.closeTo(x, 9)),
    );
    // Spare rows compute to blank, and the note that looks like a formula stays text.
    expect(cell(FIRST_DATA_ROW + expected.length, 'score')).toBe('');
    expect(cell(FIRST_DATA_ROW + 2, 'notes')).toBe(FORMULA_LOOKING_NOTE);

    const csv = (sheet: string) => parseCsv(readFileSync(join(dir, `quarter-${sheet}.csv`), 'utf8'));
    expect(csv('Extras _ edge').map((row) => row[0])).toEqual(['=1+1', '_x0041_', '2027-01-04', 'TRUE']);
    expect(csv('Lists').map((row) => row[0])).toEqual(EDGE_LIST);
  });

  it('reads the status colours and the dropdowns', { timeout: 180_000 }, () => {
    const { bytes } = exportQuarter();
    const dir = join(work, 'ods');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'quarter.xlsx');
    writeFileSync(file, bytes);
    soffice(['--convert-to', 'ods', file, '--outdir', dir]);
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'quarter.ods')))['content.xml'] as Uint8Array);
    const styles = strFromU8(unzipSync(readFileSync(join(dir, 'quarter.ods')))['styles.xml'] as Uint8Array);
    // Each rule applies a style; each style must paint the rule's colour.
    const conditions = [
      ...content.matchAll(/<calcext:condition calcext:apply-style-name="([^"]+)" calcext:value="([^"]+)"/g),
    ];
    const colourOf = (style: string) => {
      const named = new RegExp(`<style:style [^>]*style:(?:display-)?name="${style}"[^>]*>(.*?)</style:style>`, 's');
      return /fo:background-color="(#[0-9a-f]{6})"/.exec(named.exec(styles)?.[1] ?? '')?.[1];
    };
    const byEmoji = (emoji: string) => conditions.find(([, , value]) => value?.includes(emoji))?.[1] ?? '';
    expect(colourOf(byEmoji('🟢'))).toBe('#b7e1cd');
    expect(colourOf(byEmoji('🟡'))).toBe('#fce8b2');
    expect(colourOf(byEmoji('🔴'))).toBe('#f4c7c3');
    expect(content).toContain('table:content-validation ');
    expect(content).toMatch(/table:condition="of:cell-content-is-in-list\(&quot;wzrost&quot;;/);
  });
});

describe('export figures', () => {
  it('measures a 100-KR quarter', () => {
    const { ms, bytes } = measureXlsxExport(100);
    expect(bytes).toBeGreaterThan(10_000);
    expect(ms).toBeGreaterThan(0);
  });
});
