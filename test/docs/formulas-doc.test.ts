// The formula reference (docs/formulas.md) checked against the code, so the page cannot drift from it: every
// example row of its tables (`| `=FORMULA(…)` | cells | `answer` | note |`) is typed into a spreadsheet
// engine with the add-on's functions registered (test/support/hyperformula.ts, the very code Sheets calls),
// with the cells the row names, in an English and a Polish spreadsheet, and must give the answer the page
// shows. The page also has to document every function of the API and every parameter of each.
//
// The cells column: `B2 = 2027-01-15` (a date), `H2:H4 = 0, 40000, 10` (a column, top to bottom), text in
// double quotes. The answer: a number compared to the decimals shown, text such as 🟢, `(blank)`, several
// answers of a spill separated by `, `, or `#ERROR! message` for the message a cell shows on hover.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../src/core/formulas';
import { registry } from '../../src/gas/registry';
import { type CellInput, createFormulaEngine } from '../support/hyperformula';

const PAGE = readFileSync(join(__dirname, '../../docs/formulas.md'), 'utf8');

interface Example {
  line: number;
  formula: string;
  cells: string;
  answer: string;
}

/** The rows of the page's tables whose first cell is a formula in backticks. */
function examplesOf(page: string): Example[] {
  const examples: Example[] = [];
  page.split('\n').forEach((text, index) => {
    const columns = text.split('|').map((column) => column.trim());
    const formula = /^`(=[^`]+)`$/.exec(columns[1] ?? '')?.[1];
    if (!formula) return;
    const answer = /`([^`]+)`/.exec(columns[3] ?? '')?.[1];
    if (answer === undefined) throw new Error(`docs/formulas.md:${index + 1}: no answer in backticks`);
    examples.push({ line: index + 1, formula, cells: columns[2] ?? '', answer });
  });
  return examples;
}

/** Sheets' serial number of an ISO day, as a date cell holds it. */
function serialOf(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellValue(text: string): CellInput {
  const value = text.trim();
  if (value === '') return null;
  if (/^".*"$/.test(value)) return value.slice(1, -1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return serialOf(value);
  if (value === 'TRUE' || value === 'FALSE') return value === 'TRUE';
  const number = Number(value);
  if (Number.isNaN(number)) throw new Error(`"${value}" is no cell value (quote text)`);
  return number;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** The sheet a row's cells column describes, as rows of cells. */
function sheetOf(cells: string, formula: string): CellInput[][] {
  const rows: CellInput[][] = [];
  const put = (a1: string, value: CellInput) => {
    const [, letters = '', digits = ''] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    const row = Number(digits) - 1;
    const column = columnIndex(letters);
    if (row < 0 || column < 0) throw new Error(`"${a1}" is no cell`);
    rows[row] ??= [];
    (rows[row] as CellInput[])[column] = value;
  };
  for (const [, target = '', values = ''] of cells.matchAll(/`([A-Z]+\d+(?::[A-Z]+\d+)?) = ([^`]*)`/g)) {
    const [from = '', to] = target.split(':');
    const list = values.split(/,\s(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(cellValue);
    const [, letters = '', first = ''] = /^([A-Z]+)(\d+)$/.exec(from) ?? [];
    const last = to ? Number(/\d+$/.exec(to)?.[0]) : Number(first);
    if (last - Number(first) + 1 !== list.length) throw new Error(`${target} needs ${last - Number(first) + 1} values`);
    for (const [offset, value] of list.entries()) put(`${letters}${Number(first) + offset}`, value);
  }
  // The formula goes into a cell of its own, far from the cells it reads (a spill goes down from it).
  put('Z1', formula);
  const width = Math.max(...Array.from(rows, (row) => row?.length ?? 0));
  return Array.from({ length: rows.length }, (_, index) =>
    Array.from({ length: width }, (_, column) => rows[index]?.[column] ?? null),
  );
}

/** Whether a computed value is the answer the page shows (a number to the decimals shown). */
function matches(actual: unknown, shown: string): boolean {
  if (shown === '(blank)') return actual === '' || actual === null;
  if (/^-?\d+(\.\d+)?$/.test(shown)) {
    const decimals = shown.split('.')[1]?.length ?? 0;
    return typeof actual === 'number' && Number(actual.toFixed(decimals)) === Number(shown);
  }
  return actual === shown;
}

const examples = examplesOf(PAGE);

describe('docs/formulas.md', () => {
  it('has an example of every formula of the API, and documents each parameter', () => {
    for (const formula of FORMULAS) {
      expect(
        examples.some((example) => example.formula.startsWith(`=${formula.name}(`)),
        `no example of ${formula.name}`,
      ).toBe(true);
      expect(PAGE, `no section on ${formula.name}`).toContain(`## ${formula.name}`);
      const section = PAGE.split(`## ${formula.name}`)[1]?.split('\n## ')[0] ?? '';
      for (const param of formula.params) expect(section, `${formula.name}: ${param}`).toContain(`\`${param}\``);
    }
    const documented = Object.entries(registry).filter(([, doc]) => doc.kind === 'custom');
    expect(documented.map(([name]) => name).sort()).toEqual(FORMULAS.map((formula) => formula.name).sort());
  });

  for (const locale of ['en_US', 'pl_PL']) {
    it(`gives the answer each example shows, typed into an ${locale} spreadsheet`, () => {
      expect(examples.length).toBeGreaterThan(20);
      const wrong: string[] = [];
      for (const example of examples) {
        const where = `docs/formulas.md:${example.line} ${example.formula}`;
        const engine = createFormulaEngine({ Sheet1: sheetOf(example.cells, example.formula) }, { locale });
        if (example.answer.startsWith('#ERROR! ')) {
          const message = engine.formulaError('Sheet1', 'Z1');
          if (message !== example.answer.slice('#ERROR! '.length)) wrong.push(`${where}: the cell says ${message}`);
          continue;
        }
        const shown = example.answer.split(', ');
        const actual = engine.values('Sheet1', `Z1:Z${shown.length}`).map((row) => row[0]);
        if (!shown.every((answer, index) => matches(actual[index], answer))) {
          wrong.push(`${where}: shows ${example.answer}, computes ${actual.map(String).join(', ')}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
