// Every formula the add-on writes parses on an English and on a Polish spreadsheet alike: the whole weekly
// cycle (OKR sheet in both formula styles, the Initiatives sheet, check-in tabs, History, the tracking
// columns, the as-of date kept current) runs on the fake in en_US and pl_PL, and every cell formula, conditional-format rule and
// data-validation formula found is checked against the dialect of src/core/formula-text.ts: no `,` outside
// a string, no decimal literal, no array literal joined by columns.

import { describe, expect, it } from 'vitest';
import { enumName } from '../../local/spreadsheet/enums';
import { dialectProblems } from '../../src/core/formula-text';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { onOpen, updateAsOfDate } from '../../src/server/menu';
import { buildOkrSheet, openSpreadsheet, typeInto, wednesdayOfWeek } from '../check-in/support';
import { initiativesPlan } from '../initiatives/support';

/** Every formula in the spreadsheet: cells, conditional-format rules and validations, with where it sits. */
function everyFormula(services: ReturnType<typeof openSpreadsheet>): { where: string; formula: string }[] {
  const found: { where: string; formula: string }[] = [];
  for (const sheet of services.spreadsheet.sheets) {
    const grid = sheet.grid;
    for (let row = 1; row <= grid.lastRow(); row++) {
      for (let column = 1; column <= grid.lastColumn(); column++) {
        const cell = grid.peek(row, column);
        if (cell.formula) found.push({ where: `${sheet.name} R${row}C${column}`, formula: cell.formula });
        const validation = cell.validation?.spec;
        if (validation && enumName(validation.criteria) === 'CUSTOM_FORMULA') {
          found.push({ where: `${sheet.name} R${row}C${column} validation`, formula: String(validation.values[0]) });
        }
      }
    }
    for (const rule of sheet.rules) {
      if (enumName(rule.spec.criteria) === 'CUSTOM_FORMULA') {
        found.push({ where: `${sheet.name} rule`, formula: String(rule.spec.values[0]) });
      }
    }
  }
  return found;
}

describe.each([
  ['en_US', 'en'],
  ['pl_PL', 'pl'],
] as const)('on a %s spreadsheet', (locale, lang) => {
  it.each(['addon', 'portable'] as const)('every formula of the %s style is in the locale-proof dialect', (style) => {
    const services = openSpreadsheet({ locale, timeZone: 'Europe/Warsaw' });
    // With initiatives and tasks: the Initiatives sheet, the OKR sheet's count of them, and a check-in whose
    // plan may name one.
    buildOkrSheet(initiativesPlan(lang, style));
    const week5 = generateCheckIn({ asOf: wednesdayOfWeek(5) });
    typeInto(services, week5.sheetName, { 'O1.1': { value: 3, confidence: 7 }, 'O1.2': { value: 40_000 } });
    recordCheckIn({ asOf: wednesdayOfWeek(5) });
    generateCheckIn({ asOf: wednesdayOfWeek(6) });
    onOpen({ authMode: 'FULL' });
    updateAsOfDate();

    const formulas = everyFormula(services);
    // The OKR sheet, two tabs, the tracking columns and the rules: over a hundred formulas of every kind.
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.some(({ where }) => where.endsWith('rule'))).toBe(true);
    const initiatives = lang === 'en' ? 'Initiatives Q1 2027' : 'Inicjatywy Q1 2027';
    expect(formulas.filter(({ where }) => where.startsWith(`${initiatives} `)).length).toBeGreaterThan(50);
    const broken = formulas
      .map(({ where, formula }) => ({ where, formula, problems: dialectProblems(formula) }))
      .filter(({ problems }) => problems.length > 0);
    expect(broken).toEqual([]);
  });
});

describe('the dialect check', () => {
  it('catches a comma between arguments, a decimal literal and an array joined by columns', () => {
    expect(dialectProblems('=DATE(2027,1,1)')).toEqual(['comma']);
    expect(dialectProblems('=AND(ISNUMBER($N7);$N7>=0.7*$F$5)')).toEqual(['decimal']);
    expect(dialectProblems('={1,2}')).toEqual(['columnArray']);
    expect(dialectProblems('={1\\2}')).toEqual(['columnArray']);
    expect(dialectProblems('={"Score";KR_SCORE(I7:I9;J7:J9)}')).toEqual([]);
    // Text in strings and sheet names is not formula syntax.
    expect(dialectProblems(`=IF('Sales, Q1'!A1="1,5";"a, b";(7/10))`)).toEqual([]);
  });
});
