// Tests of the Apps Script fake itself: if the fake drifts from Apps Script, every edge test built on it
// lies. Each block pins one behaviour the add-on relies on (A1 notation, batch shapes, formulas, sheet
// structure, rules, metadata, call counts, locks, properties, UI, HTML, dates, vm globals).

import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseA1 } from '../../local/spreadsheet/a1';
import { asGlobals, createFakeServices, Enums, installInVmContext } from '../../local/spreadsheet/index';
import { installGlobals } from '../support/install-globals';

const { Button, ButtonSet, DeveloperMetadataLocationType, DeveloperMetadataVisibility, ProtectionType } = Enums;

function setup(rows: unknown[][] = []) {
  const services = createFakeServices({ sheets: { OKRs: rows } });
  const sheet = services.spreadsheet.sheet('OKRs');
  return { ...services, sheet };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('A1 notation', () => {
  it('reads cells, rectangles, whole columns and rows, anchors and sheet prefixes', () => {
    expect(parseA1('B3')).toEqual({ sheetName: null, startRow: 3, startColumn: 2, endRow: 3, endColumn: 2 });
    expect(parseA1('$A$1:c10')).toMatchObject({ startRow: 1, startColumn: 1, endRow: 10, endColumn: 3 });
    expect(parseA1('A:C')).toMatchObject({ startRow: null, startColumn: 1, endRow: null, endColumn: 3 });
    expect(parseA1('2:5')).toMatchObject({ startRow: 2, startColumn: null, endRow: 5, endColumn: null });
    expect(parseA1('A2:B')).toMatchObject({ startRow: 2, endRow: null });
    expect(parseA1("'Key ''results'''!AA1")).toMatchObject({ sheetName: "Key 'results'", startColumn: 27 });
    expect(parseA1('C3:A1')).toMatchObject({ startRow: 1, startColumn: 1, endRow: 3, endColumn: 3 });
    for (const bad of ['', 'A0', '1A', 'A1:2', 'A1:B2:C3', 'R1C1']) expect(parseA1(bad)).toBeNull();
  });

  it('resolves ranges on sheets and writes A1 back', () => {
    const { sheet, spreadsheet, SpreadsheetApp } = setup();
    expect(sheet.getRange('B2:D4').getA1Notation()).toBe('B2:D4');
    expect(sheet.getRange(2, 2).getA1Notation()).toBe('B2');
    expect(sheet.getRange(1, 25, 2, 2).getA1Notation()).toBe('Y1:Z2');
    const column = sheet.getRange('C:C');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 3, 1000, 1]);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26);
    spreadsheet.addSheet('Key results');
    const prefixed = SpreadsheetApp.getActive().getRange("'Key results'!A1:B2");
    expect(prefixed.getSheet().getName()).toBe('Key results');
    expect(thrown(() => sheet.getRange('nonsense')).message).toBe('Range not found');
    expect(thrown(() => SpreadsheetApp.getActive().getRange('Missing!A1')).message).toBe('Range not found');
  });

  it('rejects out-of-bounds and empty ranges with Apps Script messages', () => {
    const { sheet } = setup();
    const messages = [
      () => sheet.getRange(0, 1),
      () => sheet.getRange(1, 0),
      () => sheet.getRange(1, 1, 0),
      () => sheet.getRange(1, 1, 1, 0),
      () => sheet.getRange(1000, 1, 2),
      () => sheet.getRange('AA1'),
    ].map((fn) => thrown(fn));
    expect(messages.map((e) => e.message)).toEqual([
      'The starting row of the range is too small.',
      'The starting column of the range is too small.',
      'The number of rows in the range must be at least 1.',
      'The number of columns in the range must be at least 1.',
      'The coordinates of the range are outside the dimensions of the sheet.',
      'The coordinates of the range are outside the dimensions of the sheet.',
    ]);
    expect(messages[0]?.name).toBe('Exception');
  });
});

describe('reading and writing ranges', () => {
  it('writes and reads a block, and sizes the data range by content', () => {
    const { sheet } = setup();
    sheet.getRange(2, 2, 2, 3).setValues([
      ['Objective', 0.5, true],
      ['Revenue', 1200, false],
    ]);
    expect(sheet.getRange('B2:D3').getValues()).toEqual([
      ['Objective', 0.5, true],
      ['Revenue', 1200, false],
    ]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', 'Objective'],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
    expect(sheet.getRange('B2').getValue()).toBe('Objective');
  });

  it('setValue fills every cell of the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('throws on a shape mismatch with the wording of Apps Script, and writes nothing', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setBackgrounds([['#fff', '#fff']])).toThrow('The data has 1 but the range has 3.');
    expect(() => range.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('reads typed text the way Sheets does, per locale, unless the cell is plain text', () => {
    const { sheet, spreadsheet } = setup();
    sheet.getRange('A1:E1').setValues([['42', '15%', 'true', "'007", '1,5']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[42, 0.15, true, '007', '1,5']]);
    spreadsheet.setSpreadsheetLocale('pl_PL');
    sheet.getRange('A2:B2').setValues([['1,5', '1.5']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[1.5, '1.5']]);
    sheet.getRange('A3').setNumberFormat('@').setValue('0042');
    expect(sheet.getRange('A3').getValue()).toBe('0042');
    expect(sheet.getRange('A3').getNumberFormat()).toBe('@');
  });

  it('hands out copies of dates, never the stored object', () => {
    const { sheet } = setup();
    const date = new Date('2025-01-15T00:00:00Z');
    sheet.getRange('A1').setValue(date);
    date.setUTCFullYear(1999);
    const read = sheet.getRange('A1').getValue() as Date;
    expect(read).toBeInstanceOf(Date);
    expect(read.toISOString()).toBe('2025-01-15T00:00:00.000Z');
    read.setUTCFullYear(2000);
    expect(sheet.getRange('A1').getValues()).toEqual([[new Date('2025-01-15T00:00:00Z')]]);
  });

  it('keeps formats, notes and display values per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([[true, 0.5]])
      .setBackground('#F00')
      .setFontWeight('bold')
      .setNotes([['a', null]]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(range.getDisplayValues()).toEqual([['TRUE', '0.5']]);
    expect(range.getNotes()).toEqual([['a', '']]);
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    range.clear();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getNotes()).toEqual([['a', '']]);
  });

  it('offsets and picks cells relative to a range', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => range.getCell(3, 1)).toThrow('Cell reference out of range');
  });
});

describe('formulas', () => {
  it('stores a text starting with = as a formula, and reads its value from the evaluator hook', () => {
    const { sheet, spreadsheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*2']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1*2']]);
    expect(sheet.getRange('B1').getValue()).toBe('');
    spreadsheet.evaluator = (formula, at) => (formula === '=A1*2' && at.row === 1 ? 4 : null);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, 4]]);
    expect(spreadsheet.dump('OKRs')).toEqual({ values: [[2, 4]], formulas: [['', '=A1*2']] });
  });

  it('setFormula writes one formula to every cell; an empty formula clears; a value replaces a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setFormula('=NOW()');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=NOW()'], ['=NOW()']]);
    sheet.getRange('A1').setFormula('');
    sheet.getRange('A2').setValue('plain');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([[''], ['']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], ['plain']]);
    sheet.getRange('B1:B2').setFormulas([['=1'], ['=2']]);
    expect(sheet.getRange('B1:B2').getFormula()).toBe('=1');
  });

  it('RangeList.setFormula writes one formula into ranges apart, in one call; other cells stay', () => {
    const { sheet, calls } = setup([[1], [2], [3], [4]]);
    const written = calls.measure(() => sheet.getRangeList(['A1', 'A3:A4']).setFormula('=7'));
    expect(written.counts).toEqual({ 'RangeList.setFormula': 1, 'Sheet.getRangeList': 1 });
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([['=7'], [''], ['=7'], ['=7']]);
    expect(sheet.getRange('A2').getValue()).toBe(2);
    expect(
      sheet
        .getRangeList(["'OKRs'!B2"])
        .getRanges()
        .map((range) => range.getA1Notation()),
    ).toEqual(['B2']);
    expect(thrown(() => sheet.getRangeList([])).name).toBe('Exception');
    expect(thrown(() => sheet.getRangeList(['Other!A1'])).message).toBe('Range not found');
  });
});

describe('sheets', () => {
  it('inserts sheets by name and index, activates them, and refuses a name in use', () => {
    const { spreadsheet, SpreadsheetApp } = setup();
    const first = spreadsheet.insertSheet('Check-ins', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Check-ins', 'OKRs']);
    expect(first.getIndex()).toBe(1);
    expect(SpreadsheetApp.getActiveSheet()).toBe(first);
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet3');
    const clash = thrown(() => spreadsheet.insertSheet('okrs'));
    expect(clash.message).toBe('A sheet with the name "okrs" already exists. Please enter another name.');
    expect(() => first.setName('OKRs')).toThrow('already exists');
    expect(spreadsheet.getSheetById(first.getSheetId())).toBe(first);
    spreadsheet.deleteSheet(first);
    expect(spreadsheet.getSheetByName('Check-ins')).toBeNull();
  });

  it('inserting a column shifts values and formulas; formula text stays as written', () => {
    const { sheet } = setup([['Objective', 'Target', '=B1*2']]);
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['Objective', '', 'Target', '']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['', '', '', '=B1*2']]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '=B1*2']]);
  });

  it('moves named ranges, rule ranges and protections with inserted and deleted rows', () => {
    const { sheet, spreadsheet, SpreadsheetApp } = setup();
    spreadsheet.setNamedRange('Targets', sheet.getRange('B2:B5'));
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setFontColor('#cc0000')
      .setRanges([sheet.getRange('C2:C5')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.getRange('D2:D5').protect().setWarningOnly(true);
    sheet.insertRowsAfter(1, 2);
    expect(spreadsheet.getRangeByName('Targets')?.getA1Notation()).toBe('B4:B7');
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('C4:C7');
    expect(sheet.getProtections(ProtectionType.RANGE)[0]?.getRange().getA1Notation()).toBe('D4:D7');
    sheet.insertRows(5);
    expect(spreadsheet.getRangeByName('Targets')?.getA1Notation()).toBe('B4:B8');
    sheet.deleteRows(4, 5);
    expect(spreadsheet.getRangeByName('Targets')).toBeNull();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('moves unprotected ranges, merges and frozen rows too', () => {
    const { sheet } = setup();
    sheet.protect().setUnprotectedRanges([sheet.getRange('B2:B5')]);
    sheet.getRange('D1:E2').merge();
    sheet.setFrozenRows(2);
    sheet.insertColumnsBefore(1, 1);
    sheet.insertRowAfter(1);
    const protection = sheet.getProtections(ProtectionType.SHEET)[0];
    expect(protection?.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C3:C6']);
    expect(
      sheet
        .getRange('F1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['E1:F3']);
    expect(sheet.getFrozenRows()).toBe(3);
  });

  it('sorts the rows below the frozen header, formulas moving with their rows, blanks last', () => {
    const { sheet } = setup([
      ['KR', 'Score', 'Link'],
      ['b', 0.7, '=B2'],
      ['a', '', '=B3'],
      ['c', 0.2, '=B4'],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(2);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['KR', 'c', 'b', 'a']);
    expect(sheet.getRange('C2:C4').getFormulas().flat()).toEqual(['=B4', '=B2', '=B3']);
    sheet.sort(2, false);
    expect(sheet.getRange('A2:A4').getValues().flat()).toEqual(['b', 'c', 'a']);
  });

  it('appends rows after the last row with content, growing the sheet', () => {
    const { sheet } = setup([['Header']]);
    sheet.appendRow(['x', '=A2']);
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['', '=A2']]);
    sheet.getRange(1000, 1).setValue('bottom');
    sheet.appendRow(['below']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('below');
  });

  it('records a sheet protection once and range protections as many times as asked', () => {
    const { sheet, spreadsheet } = setup();
    const protection = sheet.protect().setDescription('formulas');
    expect(sheet.protect()).toBe(protection);
    expect(protection.getProtectionType()).toBe(ProtectionType.SHEET);
    expect(protection.getRange().getA1Notation()).toBe('A1:Z1000');
    sheet.getRange('A1').protect();
    expect(spreadsheet.getProtections(ProtectionType.RANGE)).toHaveLength(1);
    protection.remove();
    expect(sheet.getProtections(ProtectionType.SHEET)).toEqual([]);
  });
});

describe('conditional format rules', () => {
  it('setConditionalFormatRules replaces every rule, so adding one means read, merge, write', () => {
    const { sheet, SpreadsheetApp } = setup();
    const build = (formula: string, color: string) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(color)
        .setRanges([sheet.getRange('A2:A10')])
        .build();
    sheet.setConditionalFormatRules([build('=A2>1', '#00ff00'), build('=A2<0', '#ff0000')]);
    sheet.setConditionalFormatRules([build('=A2=0', '#cccccc')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const condition = rules[0]?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition?.getCriteriaValues()).toEqual(['=A2=0']);
    expect(condition?.getBackground()).toBe('#cccccc');
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), build('=A2>9', '#0000ff')]);
    expect(sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getBackground())).toEqual([
      '#cccccc',
      '#0000ff',
    ]);
  });

  it('round-trips the number and text conditions through copy()', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberBetween(0.3, 0.7)
      .setFontColor('#996600')
      .setRanges([sheet.getRange('B:B')])
      .build();
    const copy = rule.copy().whenTextEqualTo('done').build();
    expect(copy.getBooleanCondition()?.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
    expect(copy.getBooleanCondition()?.getFontColor()).toBe('#996600');
    expect(copy.getRanges()[0]?.getA1Notation()).toBe('B1:B1000');
    expect(rule.getBooleanCondition()?.getCriteriaValues()).toEqual([0.3, 0.7]);
    expect(() => SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build()).toThrow();
    const other = SpreadsheetApp.getActive().insertSheet('Other');
    expect(() => other.setConditionalFormatRules([rule])).toThrow('different sheet');
  });
});

describe('data validation', () => {
  it('stores rules per cell and rejects invalid input only when asked to', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['on track', 'at risk'])
      .setAllowInvalid(false)
      .setHelpText('Pick a status')
      .build();
    sheet.getRange('C2:C3').setDataValidation(rule);
    expect(
      sheet
        .getRange('C2:C4')
        .getDataValidations()
        .map((line) => line[0] === null),
    ).toEqual([false, false, true]);
    expect(rule.getCriteriaValues()).toEqual([['on track', 'at risk'], true]);
    sheet.getRange('C2').setValue('at risk');
    expect(() => sheet.getRange('C2:C3').setValues([['on track'], ['late']])).toThrow(
      'The data you entered in cell C3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('C2').getValue()).toBe('at risk');
    const lenient = rule.copy().setAllowInvalid(true).build();
    sheet.getRange('C3').setDataValidation(lenient).setValue('late');
    expect(sheet.getRange('C3').getValue()).toBe('late');
    const numbers = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).setAllowInvalid(false).build();
    sheet.getRange('D2').setDataValidation(numbers);
    expect(() => sheet.getRange('D2').setValue(1.5)).toThrow('violates');
    sheet.getRange('D2').setValue('=1/0');
    expect(sheet.getRange('D2').getFormula()).toBe('=1/0');
  });
});

describe('developer metadata', () => {
  it('finds metadata by key and value at spreadsheet, sheet and column level', () => {
    const { sheet, spreadsheet } = setup();
    spreadsheet.addDeveloperMetadata('okr.version', '3');
    sheet.addDeveloperMetadata('okr.sheet', 'objectives', DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'score');
    sheet.getRange('D:D').addDeveloperMetadata('okr.column', 'pace');
    const finder = () => spreadsheet.createDeveloperMetadataFinder();
    expect(
      finder()
        .withKey('okr.column')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['score', 'pace']);
    const [pace] = finder().withKey('okr.column').withValue('pace').find();
    expect(pace?.getLocation().getLocationType()).toBe(DeveloperMetadataLocationType.COLUMN);
    expect(pace?.getLocation().getColumn()?.getA1Notation()).toBe('D1:D1000');
    expect(finder().withVisibility(DeveloperMetadataVisibility.PROJECT).find()[0]?.getKey()).toBe('okr.sheet');
    expect(spreadsheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['okr.version']);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(3);
    expect(sheet.getRange('A1:C10').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(sheet.getRange('A1:C10').createDeveloperMetadataFinder().onIntersectingLocations().find()).toHaveLength(1);
  });

  it('follows its column when columns are inserted, and dies with it', () => {
    const { sheet, spreadsheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'score');
    sheet.insertColumnsBefore(1, 2);
    const [score] = spreadsheet.createDeveloperMetadataFinder().withValue('score').find();
    expect(score?.getLocation().getColumn()?.getColumn()).toBe(5);
    score?.setValue('score.v2');
    expect(sheet.getRange('E:E').getDeveloperMetadata()[0]?.getValue()).toBe('score.v2');
    sheet.deleteColumn(5);
    expect(spreadsheet.createDeveloperMetadataFinder().find()).toEqual([]);
  });

  it('refuses metadata on a range that is not whole rows or columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).toThrow('arbitrary ranges');
    sheet.getRange('3:3').addDeveloperMetadata('row', 'kr-7');
    expect(sheet.getRange('3:3').getDeveloperMetadata()[0]?.getLocation().getRow()?.getA1Notation()).toBe('A3:Z3');
  });

  it('refuses row and column metadata spanning more than one row or column, as the Sheets API does', () => {
    const { sheet, spreadsheet } = setup();
    expect(() => sheet.getRange('12:20').addDeveloperMetadata('okr.region', 'keyResults')).toThrow('single row');
    expect(() => sheet.getRange('C:E').addDeveloperMetadata('okr.column', 'score')).toThrow('single column');
    sheet.getRange('12:12').addDeveloperMetadata('okr.region', 'keyResults');
    const [marker] = spreadsheet.createDeveloperMetadataFinder().withKey('okr.region').find();
    expect(() => marker?.moveToRow(sheet.getRange('3:4'))).toThrow('single row');
    expect(() => marker?.moveToColumn(sheet.getRange('A:B'))).toThrow('single column');
    marker?.moveToRow(sheet.getRange('3:3'));
    expect(marker?.getLocation().getRow()?.getRow()).toBe(3);
    expect(spreadsheet.createDeveloperMetadataFinder().find()).toHaveLength(1);
  });

  it('refuses row and column metadata on a rectangle by numbers, even one as tall or wide as the sheet', () => {
    const { sheet } = setup();
    const column = sheet.getRange(1, 3, sheet.getMaxRows(), 1);
    expect(column.getA1Notation()).toBe(sheet.getRange('C:C').getA1Notation());
    expect(() => column.addDeveloperMetadata('okr.column', 'score')).toThrow('arbitrary ranges');
    expect(() => sheet.getRange(6, 1, 1, sheet.getMaxColumns()).addDeveloperMetadata('row')).toThrow(
      'arbitrary ranges',
    );
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'score');
    sheet.getRange('6:6').addDeveloperMetadata('row', 'kr-1');
    const [score, row] = [sheet.getRange('C:C'), sheet.getRange('6:6')].map((r) => r.getDeveloperMetadata()[0]);
    expect(score?.getLocation().getColumn()?.getA1Notation()).toBe('C1:C1000');
    expect(row?.getLocation().getRow()?.getA1Notation()).toBe('A6:Z6');
    // A range Sheets gives back for a row or column location is that whole row or column again.
    row?.getLocation().getRow()?.addDeveloperMetadata('row', 'kr-1b');
    expect(sheet.getRange('6:6').getDeveloperMetadata()).toHaveLength(2);
  });
});

describe('call counting', () => {
  it('counts every service call by Class.method', () => {
    const { calls, SpreadsheetApp } = setup();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OKRs');
    sheet?.getRange('A1').getValue();
    expect(calls.snapshot()).toEqual({
      'Range.getValue': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(calls.total()).toBe(4);
    expect(calls.count('Sheet')).toBe(1);
    expect(calls.list()[0]).toBe('SpreadsheetApp.getActiveSpreadsheet');
    calls.reset();
    expect(calls.total()).toBe(0);
  });

  it('a batch write of 100 rows is one Range.setValues, and the cost does not grow with the rows', () => {
    const { calls, SpreadsheetApp } = setup();
    const write = (n: number) => {
      const sheet = SpreadsheetApp.getActive().getSheetByName('OKRs');
      const rows = Array.from({ length: n }, (_, i) => [`KR ${i}`, i / n, `=B${i + 1}*100`]);
      sheet?.getRange(1, 1, n, 3).setValues(rows);
    };
    const ten = calls.measure(() => write(10));
    const hundred = calls.measure(() => write(100));
    expect(hundred.counts['Range.setValues']).toBe(1);
    expect(hundred.total).toBe(ten.total);
    expect(calls.count('Range.setValues')).toBe(2);
  });

  it('counts getters of plain objects and test helpers count nothing', () => {
    const { calls, Session, spreadsheet, PropertiesService } = setup();
    Session.getActiveUser().getEmail();
    expect(calls.count('User.getEmail')).toBe(1);
    calls.reset();
    spreadsheet.sheet('OKRs').seed([[1, 2]]);
    spreadsheet.dump('OKRs');
    PropertiesService.document.data.set('k', 'v');
    expect(calls.total()).toBe(0);
  });
});

describe('LockService', () => {
  it('models contention with another execution', () => {
    const { LockService } = setup();
    LockService.hold('document');
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    LockService.release('document');
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(false);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(LockService.isHeld('document')).toBe(false);
  });

  it('lets the lock go to a script that waits long enough', () => {
    const { LockService } = setup();
    LockService.hold('document', { releaseAfterMs: 5000 });
    expect(LockService.getDocumentLock().tryLock(1000)).toBe(false);
    const patient = LockService.getDocumentLock();
    expect(patient.tryLock(10000)).toBe(true);
    expect(LockService.waitedMs).toBe(6000);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store, returns null for missing keys, and copies on read', () => {
    const { PropertiesService } = setup();
    const doc = PropertiesService.getDocumentProperties();
    expect(doc.getProperty('quarter')).toBeNull();
    doc.setProperty('quarter', '2025-Q1').setProperties({ a: '1', b: '2' });
    expect(doc.getProperties()).toEqual({ quarter: '2025-Q1', a: '1', b: '2' });
    doc.getProperties().a = 'changed';
    expect(doc.getProperty('a')).toBe('1');
    doc.setProperties({ only: 'me' }, true);
    expect(doc.getKeys()).toEqual(['only']);
    doc.deleteProperty('only');
    expect(doc.getProperties()).toEqual({});
    expect(PropertiesService.getDocumentProperties()).toBe(doc);
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
  });

  it('enforces the 9 KB value quota', () => {
    const { PropertiesService } = setup();
    expect(() => PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
  });
});

describe('Ui, HtmlService, Session, Utilities', () => {
  it('records menus and answers dialogs from the queue', () => {
    const { SpreadsheetApp, ui } = setup();
    const appUi = SpreadsheetApp.getUi();
    appUi
      .createAddonMenu()
      .addItem('Open sidebar', 'showSidebar')
      .addSeparator()
      .addSubMenu(appUi.createMenu('Setup').addItem('New quarter', 'newQuarter'))
      .addToUi();
    expect(ui.menuItems()).toEqual([
      { path: [null], caption: 'Open sidebar', functionName: 'showSidebar' },
      { path: [null, 'Setup'], caption: 'New quarter', functionName: 'newQuarter' },
    ]);
    expect(appUi.alert('Saved')).toBe(Button.OK);
    expect(() => appUi.alert('Sure?', ButtonSet.YES_NO)).toThrow('no scripted answer');
    ui.reply(Button.YES).reply(Button.OK, 'Q2');
    expect(appUi.alert('Title', 'Sure?', appUi.ButtonSet.YES_NO)).toBe(appUi.Button.YES);
    const response = appUi.prompt('Quarter?', ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([Button.OK, 'Q2']);
    expect(ui.dialogs.map((d) => [d.kind, d.title, d.buttons, d.answer])).toEqual([
      ['alert', null, 'OK', 'OK'],
      ['alert', 'Title', 'YES_NO', 'YES'],
      ['prompt', null, 'OK_CANCEL', 'OK'],
    ]);
  });

  it('builds sidebars from the provided files', () => {
    const services = createFakeServices({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    const { HtmlService, SpreadsheetApp, ui } = services;
    const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKRs').setWidth(300);
    SpreadsheetApp.getUi().showSidebar(output);
    expect(ui.sidebars[0]?.getContent()).toBe('<p>hi</p>');
    expect(ui.sidebars[0]?.getTitle()).toBe('OKRs');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(HtmlService.createHtmlOutput('<b>x</b>').appendUntrusted('<i>').getContent()).toBe('<b>x</b>&#60;i&#62;');
  });

  it('reports the user, locale and time zones', () => {
    const { Session, spreadsheet } = createFakeServices({
      user: { email: 'ana@example.pl', locale: 'pl' },
      timeZone: 'Europe/Warsaw',
    });
    expect(Session.getActiveUser().getEmail()).toBe('ana@example.pl');
    expect(Session.getActiveUserLocale()).toBe('pl');
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Warsaw');
  });

  it('formats dates in a time zone with Java patterns', () => {
    const { Utilities } = setup();
    const instant = new Date('2025-03-30T22:30:00Z');
    expect(Utilities.formatDate(instant, 'Europe/Warsaw', 'yyyy-MM-dd HH:mm EEE')).toBe('2025-03-31 00:30 Mon');
    expect(Utilities.formatDate(instant, 'America/Los_Angeles', "EEEE, d MMM yy 'at' h:mm a XXX")).toBe(
      'Sunday, 30 Mar 25 at 3:30 PM -07:00',
    );
    expect(Utilities.formatDate(instant, 'UTC', 'yyyyMMdd-HHmmss.SSS Z')).toBe('20250330-223000.000 +0000');
    expect(() => Utilities.formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('globals', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('installs the services as globals typed as the real ones', () => {
    const services = setup([['a']]);
    installGlobals(services);
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OKRs')?.getRange('A1').getValue()).toBe('a');
    expect(asGlobals(services).PropertiesService).toBe(services.PropertiesService);
    expect(services.calls.count('Range.getValue')).toBe(1);
  });

  it('runs code in a vm context with dates and errors of that context', () => {
    const services = setup();
    services.sheet.getRange('A1').setValue(new Date('2025-01-01T00:00:00Z'));
    const context = installInVmContext(services, vm.createContext({}));
    const result = vm.runInContext(
      `(() => {
        const range = SpreadsheetApp.getActive().getRange('OKRs!A1');
        const isDate = range.getValue() instanceof Date;
        let isError = false;
        try { range.setValues([[1, 2]]); } catch (e) { isError = e instanceof Error && e.name === 'Exception'; }
        range.setValue(new Date('2030-01-01T00:00:00Z'));
        return { isDate, isError };
      })()`,
      context,
    );
    expect(result).toEqual({ isDate: true, isError: true });
    expect(services.spreadsheet.dump('OKRs').values).toEqual([[new Date('2030-01-01T00:00:00Z')]]);
  });
});
