// Numbers typed into the check-in tab as a person pastes them from a CRM (`560 000 zł`, `1.200.000,50`,
// `15%`, `45 dni`…), which Sheets keeps as text: the tab's own "value / target", "change" and "% of goal"
// cells, computed by HyperFormula, show the numbers the core gives (the custom functions' reader), the same
// as Copy as text; recording writes them into History and the OKR sheet as numbers in the unit's format.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { asReal, type FakeServices } from '../../local/spreadsheet';
import { readNumber } from '../../src/core/cell-values';
import { assessKeyResult } from '../../src/core/check-in/check-in';
import { readCheckInTab } from '../../src/core/check-in/check-in-read';
import { tabColumn } from '../../src/core/check-in/check-in-tab';
import { PIPELINE_COVERAGE } from '../../src/core/formulas';
import { formatPercent } from '../../src/core/number-format';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { checkInText, recordCheckIn } from '../../src/server/check-in-record';
import { readCheckInSnapshot } from '../../src/server/check-in-sheets';
import { readQuarter } from '../../src/server/okr-sheet-reader';
import {
  buildOkrSheet,
  checkInPlan,
  historyOf,
  keyResultRows,
  openSpreadsheet,
  recorded,
  regionRow,
  sheetIdOf,
  tabEngine,
  typeInto,
  wednesdayOfWeek,
} from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A dozen spellings from the table, each typed as text into the key result of its unit. */
const SPELLINGS: { keyResult: string; typed: string; format: string }[] = [
  { keyResult: 'O1.2', typed: '560 000 zł', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '1 200 000 zł', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '1.200.000,50', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '900 000,00 zł', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '1,5 mln zł', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '2 300 zł/mies.', format: '"PLN "#,##0' },
  { keyResult: 'O1.2', typed: '1 200 000,00 PLN', format: '"PLN "#,##0' },
  { keyResult: 'O2.1', typed: '3,5%', format: '0%' },
  { keyResult: 'O2.1', typed: '0,05', format: '0%' },
  { keyResult: 'O1.3', typed: '45 dni', format: '0 "days"' },
  { keyResult: 'O1.3', typed: '52 days', format: '0 "days"' },
  { keyResult: 'O2.3', typed: '42 pkt', format: '0.0 "pts"' },
  { keyResult: 'O1.1', typed: '7,0', format: '#,##0' },
];

/** Week 4 recorded with plain numbers (so week 5 has last values), then week 5's tab made; add-on style. */
function weekFive(): { services: FakeServices; okr: string } {
  const services = openSpreadsheet();
  const okr = buildOkrSheet(checkInPlan('en', 'addon'));
  generateCheckIn({ asOf: wednesdayOfWeek(4) });
  typeInto(services, 'Check-in W04', {
    'O1.1': { value: 2 },
    'O1.2': { value: 400_000 },
    'O1.3': { value: 58 },
    'O2.1': { value: 0.06 },
    'O2.3': { value: 30 },
  });
  recordCheckIn({ sheetId: sheetIdOf('Check-in W04') });
  generateCheckIn({ asOf: wednesdayOfWeek(5) });
  return { services, okr };
}

const number = (typed: string) => readNumber(typed, { fn: 'test', arg: 'value' }) as number;

describe('a value typed as text into the check-in tab (add-on style)', () => {
  it.each(SPELLINGS)(
    '"$typed" gives the same share of target and change in the tab, the core and the text',
    (spelling) => {
      const { services } = weekFive();
      typeInto(services, 'Check-in W05', { [spelling.keyResult]: { value: `'${spelling.typed}` } });
      const sheet = asReal(services.spreadsheet.sheet('Check-in W05'));
      const row = keyResultRows(services, 'Check-in W05').get(spelling.keyResult) as number;
      expect(sheet.getRange(row, tabColumn('value')).getValue()).toBe(spelling.typed);

      const reading = readCheckInTab(readCheckInSnapshot(sheet)!);
      const keyResult = reading.checkIn.keyResults.find((kr) => kr.id === spelling.keyResult)!;
      expect(keyResult.value).toBe(number(spelling.typed));
      const core = assessKeyResult(keyResult, reading.checkIn.expected, reading.checkIn.asOfDay);
      const engine = tabEngine(services, 'Check-in W05');
      const cell = (key: 'share' | 'change') => engine.value('Check-in W05', `${columnLetter(tabColumn(key))}${row}`);

      expect(core.shareOfTarget).not.toBeNull();
      expect(cell('share')).toBeCloseTo(core.shareOfTarget as number, 9);
      expect(cell('change')).toBeCloseTo(core.change as number, 9);
      // The custom function reads it as the core does: a share of target is value / target, or its inverse.
      const [over, under] =
        keyResult.kind === 'decrease' || keyResult.kind === 'atMost'
          ? [keyResult.target, keyResult.value]
          : [keyResult.value, keyResult.target];
      expect(cell('share')).toBeCloseTo(PIPELINE_COVERAGE.evaluate([over, under]) as number, 9);
      // Copy as text shows the same share.
      const { text } = checkInText({ sheetId: sheet.getSheetId() });
      const line = text.split('\n').find((candidate) => candidate.startsWith(`- ${spelling.keyResult} `)) ?? '';
      expect(line).toContain(`= ${formatPercent(cell('share') as number, 'en')}`);
    },
  );

  it('records every spelling as a number in the unit’s format, in History and in the OKR sheet’s current column', () => {
    for (const spelling of SPELLINGS) {
      const { services, okr } = weekFive();
      typeInto(services, 'Check-in W05', { [spelling.keyResult]: { value: `'${spelling.typed}` } });
      // Someone pasted over the OKR sheet's current column, formats and all: recording puts the unit's back.
      const okrSheet = asReal(services.spreadsheet.sheet(okr));
      const { rows, columns } = readQuarter(okrSheet);
      const okrRow = rows.find((candidate) => candidate.id === spelling.keyResult)?.row as number;
      const current = okrSheet.getRange(okrRow, columns.current as number);
      current.setNumberFormat('General');
      const result = recorded(recordCheckIn({ sheetId: sheetIdOf('Check-in W05') }));
      expect(result.problems, spelling.typed).toEqual([]);
      const record = historyOf(services).find((r) => r.week === 5 && r.keyResultId === spelling.keyResult);
      expect(record?.value, spelling.typed).toBe(number(spelling.typed));

      const history = services.spreadsheet.dump('History');
      const historyRow = history.values.findIndex((line) => line[1] === 5 && line[2] === spelling.keyResult) + 1;
      const valueCell = asReal(services.spreadsheet.sheet('History')).getRange(historyRow, 4);
      expect(valueCell.getValue(), spelling.typed).toBe(number(spelling.typed));
      expect(valueCell.getNumberFormat(), spelling.typed).toBe(spelling.format);

      expect(current.getValue(), spelling.typed).toBe(number(spelling.typed));
      expect(current.getNumberFormat(), spelling.typed).toBe(spelling.format);
    }
  });
});

describe('the pipeline typed as text (add-on style)', () => {
  it('shows 75% of the goal for 900 000 zł of 1 200 000 zł, as Copy as text does', () => {
    const { services } = weekFive();
    const sheet = asReal(services.spreadsheet.sheet('Check-in W05'));
    const pipeline = regionRow(services, 'Check-in W05', 'pipeline');
    sheet.getRange(`C${pipeline}`).setValue("'900 000 zł");
    sheet.getRange(`F${pipeline}`).setValue("'1 200 000 zł");
    const engine = tabEngine(services, 'Check-in W05');
    expect(engine.value('Check-in W05', `J${pipeline}`)).toBeCloseTo(0.75, 9);
    expect(checkInText({ sheetId: sheet.getSheetId() }).text).toContain(
      '- Value: PLN 900,000 / goal PLN 1,200,000 = 75%',
    );
  });
});
