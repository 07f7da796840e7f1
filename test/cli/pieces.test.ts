// The CLI's small pieces: reading numbers as Poles and English speakers write them (through the core's one
// reader, with the CSV's decimal mark as the hint), the CSV's separators,
// quotes and optional header, the lines of a JSON file's fields, and the usage and exit codes.

import { describe, expect, it } from 'vitest';
import { readCsv } from '../../cli/csv';
import { jsonLines, lineOf, readablePath } from '../../cli/json-lines';
import { parseNumberText, readDone } from '../../src/core/cell-values';
import { ROOT, runCli, runInProcess } from './run-cli';

describe('the core reader as the CLI uses it', () => {
  const readNumber = (written: string, decimalComma: boolean) => parseNumberText(written, decimalComma ? ',' : '.');
  it.each([
    ['1 200 000 zł', true, 1_200_000],
    ['1\u00a0200\u00a0000 zł', true, 1_200_000],
    ['1.200.000,50', true, 1_200_000.5],
    ['1,200,000.50', false, 1_200_000.5],
    ['PLN 52 000', true, 52_000],
    ['€ 1,5', true, 1.5],
    ['0,35', true, 0.35],
    ['0.35', true, 0.35],
    ['35%', true, 0.35],
    ['4,9 %', true, 0.049],
    ['5,5 dni', true, 5.5],
    ['-2,5', true, -2.5],
    ['−3', false, -3],
    ['1,2 mln zł', true, 1_200_000],
    ['250 tys.', true, 250_000],
    ['12k', false, 12_000],
    ['7', true, 7],
    // A lone separator before three digits: the workbook's language decides.
    ['1,200', true, 1.2],
    ['1,200', false, 1200],
    ['1.200', true, 1200],
    ['1.200', false, 1.2],
    // In an English setting the comma groups, as an en_US sheet reads typing.
    ['0,500', false, 500],
    ['0,500', true, 0.5],
  ])('%s (decimal comma %s) → %d', (written, decimalComma, value) => {
    expect(readNumber(written, decimalComma)).toBe(value);
  });

  it.each(['abc', '', '12abc3', '1,2,3', '1.20.000', '1 20 000', '--5', '5 kg 3'])(
    '“%s” is not a number',
    (written) => {
      expect(readNumber(written, true)).toBeNull();
    },
  );

  it('reads a milestone’s yes and no in both languages', () => {
    const ref = { fn: 'okr checkin', arg: 'value' };
    expect(['tak', 'Yes', 'done', '✓', '1'].map((word) => readDone(word, ref))).toEqual([true, true, true, true, true]);
    expect(['nie', 'No', '0', 'false'].map((word) => readDone(word, ref))).toEqual([false, false, false, false]);
    expect(() => readDone('maybe', ref)).toThrow();
  });
});

describe('readCsv', () => {
  it('takes ; from the first line, skips a header, blank lines and # remarks, and keeps line numbers', () => {
    const reading = readCsv(
      '\ufeffKR id;value;confidence;comment\n\n# week 5\nO1.1;1 200;7;ok\r\nO1.2;"48;5%";;"a ""quoted"" word"\n',
    );
    expect(reading.separator).toBe(';');
    expect(reading.header).toBe(true);
    expect(reading.rows).toEqual([
      { line: 4, id: 'O1.1', value: '1 200', confidence: '7', comment: 'ok', splitDecimal: false },
      { line: 5, id: 'O1.2', value: '48;5%', confidence: '', comment: 'a "quoted" word', splitDecimal: false },
    ]);
  });

  it('reads , and tab separated files, with no header, and an unquoted comment holding commas', () => {
    const comma = readCsv('O1.1,"1,5",7,Good week, two deals\nO1.2,3');
    expect(comma.separator).toBe(',');
    expect(comma.header).toBe(false);
    expect(comma.rows[0]).toMatchObject({ value: '1,5', comment: 'Good week, two deals' });
    expect(comma.rows[1]).toMatchObject({ id: 'O1.2', value: '3', confidence: '', comment: '' });
    expect(readCsv('O1.1\t5\t6\tfine').rows[0]).toMatchObject({ value: '5', confidence: '6', comment: 'fine' });
  });

  it('marks a , line whose unquoted value may be a Polish decimal split in two, and only such lines', () => {
    const rows = readCsv('O2.3,0,3,5,another\nO1.1,1,200,7\nO1.2,"0,3",5,x\nO1.3,5,7\nO1.4,120,7,on track').rows;
    expect(rows.map((row) => row.splitDecimal)).toEqual([true, true, false, false, false]);
    expect(readCsv('O2.3;0;3;5;another').rows[0]?.splitDecimal).toBe(false);
  });

  it('asks the caller about a first line that is neither a known header nor a key result', () => {
    expect(readCsv('Klucz;Wartość\nO1.1;5').header).toBe(true);
    expect(readCsv('Identifier;Number\nO1.1;5', (first) => first.value === 'Number').header).toBe(true);
    expect(readCsv('O1.1;5\nO1.2;6', () => false).rows).toHaveLength(2);
  });
});

describe('the lines of a JSON file', () => {
  const text = '{\n  "team": "",\n  "objectives": [\n    {\n      "keyResults": [{ "target": "abc" }]\n    }\n  ]\n}';
  const lines = jsonLines(text);
  it('finds each value’s line, and a missing field at its nearest parent', () => {
    expect(lineOf(lines, 'team')).toBe(2);
    expect(lineOf(lines, 'objectives.0')).toBe(4);
    expect(lineOf(lines, 'objectives.0.keyResults.0.target')).toBe(5);
    expect(lineOf(lines, 'objectives.0.title')).toBe(4);
    expect(lineOf(lines, 'currency')).toBe(1);
    expect(readablePath('objectives.0.keyResults.12.target')).toBe('objectives[0].keyResults[12].target');
  });
});

describe('usage and exit codes', () => {
  it('help prints the commands and exits 0, through the launcher', async () => {
    const run = await runCli(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run okr -- <command> [options]');
    for (const command of ['build', 'checkin', 'export'])
      expect(run.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
  }, 30_000);

  it('no command, an unknown command, an unknown or missing option: the usage on stderr, exit 2', async () => {
    expect((await runInProcess([])).code).toBe(2);
    const unknown = await runInProcess(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('okr: unknown command "frobnicate"');
    const option = await runInProcess(['build', '--plan', 'p.json', '--out', 'q.xlsx', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--colour'");
    const missing = await runInProcess(['checkin', '--workbook', 'wb.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`checkin` needs --values');
    const wrong = await runInProcess(['export', '--workbook', 'wb.json', '--out', 'q.xlsx', '--plan', 'p.json']);
    expect(wrong.stderr).toContain('`export` takes no --plan');
    expect(
      (await runInProcess(['checkin', '--workbook', 'w.json', '--values', 'v.csv', '--as-of', '2027-02-30'])).code,
    ).toBe(2);
  });

  it('a missing file is named, exit 1', async () => {
    const run = await runInProcess(['export', '--workbook', `${ROOT}/nope.json`, '--out', 'q.xlsx']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nope\.json does not exist/);
  });
});
