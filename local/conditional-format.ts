// Conditional formatting applied, cell by cell, so a viewer can paint what Sheets would paint. The rules
// are the fake's own records; each is tested on every cell of its ranges in order, and for each property
// (background, font colour, bold) the first matching rule that sets it wins, as in Sheets. A custom formula
// is written for the first cell of the rule's first range and moved to each cell like a copied formula
// (`=$O7="🟢"` tests O8 on row 8); it matches when it gives TRUE or a non-zero number. Text conditions
// ignore case; number conditions match numbers only; date conditions compare whole days.

import type { Computed, WorkbookCalc } from './calc';
import { serialFromDate } from './dates';
import { shiftFormula } from './sheets-syntax';
import type { FakeSheet } from './spreadsheet';
import { enumName } from './spreadsheet/enums';

/** What the matching rules give a cell; `null` where no rule sets the property. */
export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** A cell's computed value as the conditions read it. */
export type ReadCell = (row: number, column: number) => Computed;

const cellKey = (row: number, column: number) => `${row},${column}`;

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The serial day of today in the spreadsheet's time zone, shifted by `days`. */
function todaySerial(timeZone: string, days = 0): number {
  return Math.floor(serialFromDate(new Date(), timeZone)) + days;
}

function relativeDay(name: string, timeZone: string): { from: number; to: number } {
  const today = todaySerial(timeZone);
  switch (name) {
    case 'TOMORROW':
      return { from: today + 1, to: today + 1 };
    case 'YESTERDAY':
      return { from: today - 1, to: today - 1 };
    case 'PAST_WEEK':
      return { from: today - 7, to: today };
    case 'PAST_MONTH':
      return { from: today - 30, to: today };
    case 'PAST_YEAR':
      return { from: today - 365, to: today };
    default:
      return { from: today, to: today };
  }
}

/** The formats conditional rules give the cells of a sheet, by `row,column`. */
export function conditionalFormats(
  sheet: FakeSheet,
  calc: WorkbookCalc,
  read: ReadCell,
  timeZone: string,
): Map<string, RuleFormat> {
  const out = new Map<string, RuleFormat>();
  const formulaCache = new Map<string, boolean>();
  const formulaHolds = (formula: string): boolean => {
    let found = formulaCache.get(formula);
    if (found === undefined) {
      const result = calc.calculate(formula, sheet.name);
      found =
        result.kind === 'value' && (result.value === true || (typeof result.value === 'number' && result.value !== 0));
      formulaCache.set(formula, found);
    }
    return found;
  };
  const dayOf = (value: unknown): number | null => {
    if (isDateValue(value)) return Math.floor(serialFromDate(value, timeZone));
    return typeof value === 'number' ? Math.floor(value) : null;
  };

  for (const { spec, ranges } of sheet.rules) {
    if (spec.criteria === null || ranges.length === 0) continue;
    const criteria = enumName(spec.criteria);
    const [a, b] = spec.values;
    const first = ranges[0];
    if (!first) continue;
    const anchorRow = first.rows.start;
    const anchorColumn = first.columns.start;
    const sets = { background: spec.background, fontColor: spec.fontColor, bold: spec.bold };

    const matches = (row: number, column: number): boolean => {
      if (criteria === 'CUSTOM_FORMULA') {
        return formulaHolds(shiftFormula(String(a ?? ''), row - anchorRow, column - anchorColumn));
      }
      const computed = read(row, column);
      if (computed.kind === 'error') return criteria === 'CELL_NOT_EMPTY';
      const value = computed.value;
      const empty = value === null || value === '';
      const number = typeof value === 'number' ? value : null;
      const text = empty ? '' : String(value).toLowerCase();
      const day = computed.date ? dayOf(value) : null;
      const target = (arg: unknown) => {
        if (isDateValue(arg)) return { from: dayOf(arg) ?? Number.NaN, to: dayOf(arg) ?? Number.NaN };
        return relativeDay(enumName(arg), timeZone);
      };
      switch (criteria) {
        case 'CELL_EMPTY':
          return empty;
        case 'CELL_NOT_EMPTY':
          return !empty;
        case 'TEXT_EQUAL_TO':
          return !empty && text === String(a ?? '').toLowerCase();
        case 'TEXT_CONTAINS':
          return !empty && text.includes(String(a ?? '').toLowerCase());
        case 'TEXT_DOES_NOT_CONTAIN':
          return !text.includes(String(a ?? '').toLowerCase());
        case 'TEXT_STARTS_WITH':
          return !empty && text.startsWith(String(a ?? '').toLowerCase());
        case 'TEXT_ENDS_WITH':
          return !empty && text.endsWith(String(a ?? '').toLowerCase());
        case 'NUMBER_EQUAL_TO':
          return number !== null && number === Number(a);
        case 'NUMBER_NOT_EQUAL_TO':
          return number !== null && number !== Number(a);
        case 'NUMBER_GREATER_THAN':
          return number !== null && number > Number(a);
        case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
          return number !== null && number >= Number(a);
        case 'NUMBER_LESS_THAN':
          return number !== null && number < Number(a);
        case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
          return number !== null && number <= Number(a);
        case 'NUMBER_BETWEEN':
          return (
            number !== null && number >= Math.min(Number(a), Number(b)) && number <= Math.max(Number(a), Number(b))
          );
        case 'NUMBER_NOT_BETWEEN':
          return (
            number !== null && (number < Math.min(Number(a), Number(b)) || number > Math.max(Number(a), Number(b)))
          );
        case 'DATE_EQUAL_TO':
        case 'DATE_EQUAL_TO_RELATIVE': {
          const { from, to } = target(a);
          return day !== null && day >= from && day <= to;
        }
        case 'DATE_BEFORE':
        case 'DATE_BEFORE_RELATIVE':
          return day !== null && day < target(a).from;
        case 'DATE_AFTER':
        case 'DATE_AFTER_RELATIVE':
          return day !== null && day > target(a).to;
        default:
          return false;
      }
    };

    for (const range of ranges) {
      for (let row = range.rows.start; row < range.rows.start + range.rows.size; row++) {
        for (let column = range.columns.start; column < range.columns.start + range.columns.size; column++) {
          const at = cellKey(row, column);
          const current = out.get(at) ?? { background: null, fontColor: null, bold: null };
          // Nothing left for this rule to set here: earlier rules set it all.
          const open =
            (sets.background !== null && current.background === null) ||
            (sets.fontColor !== null && current.fontColor === null) ||
            (sets.bold !== null && current.bold === null);
          if (!open || !matches(row, column)) continue;
          out.set(at, {
            background: current.background ?? sets.background,
            fontColor: current.fontColor ?? sets.fontColor,
            bold: current.bold ?? sets.bold,
          });
        }
      }
    }
  }
  return out;
}
