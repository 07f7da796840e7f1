// Compile-time tests of the fake's typing (checked by `tsc`, never run): each `@ts-expect-error` marks a
// mistake that `Fake<Real, Keys>` must reject. If the construction ever stops catching one, tsc reports
// the directive as unused and the build fails.

import type { FakeRange } from '../../local/spreadsheet/range';
import type { Fake } from '../../local/spreadsheet/types';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// @ts-expect-error a misspelt method name
export type Misspelt = Fake<Range, 'getValuez'>;

// @ts-expect-error a listed method left out
export class Missing implements Fake<Range, 'getValues'> {}

export class RealReturnType implements Fake<Sheet, 'getDataRange'> {
  // @ts-expect-error returns the real Range where the fake must return FakeRange
  getDataRange(): Range {
    return null as unknown as Range;
  }
}

export class WrongReturnType implements Fake<Range, 'getRow'> {
  // @ts-expect-error a string where Apps Script returns a number
  getRow(): string {
    return '';
  }
}

export class TooManyArguments implements Fake<Range, 'offset'> {
  // @ts-expect-error offset(rowOffset, columnOffset) must work with two arguments
  offset(_rowOffset: number, _columnOffset: number, _numRows: number): FakeRange {
    return null as unknown as FakeRange;
  }
}

export class OverloadMissed implements Fake<Sheet, 'getRange'> {
  // @ts-expect-error getRange('A1') is one of the overloads
  getRange(_row: number, _column: number): FakeRange {
    return null as unknown as FakeRange;
  }
}

export class AllOverloads implements Fake<Sheet, 'getRange'> {
  getRange(_rowOrA1: number | string, _column?: number, _numRows?: number, _numColumns?: number): FakeRange {
    return null as unknown as FakeRange;
  }
}
