// The fake `RangeList`: several ranges of one sheet written in one call, as Sheets does
// (https://developers.google.com/apps-script/reference/spreadsheet/range-list). `Sheet.getRangeList` takes a
// non-empty list of A1 notations of that sheet
// (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String));
// `setFormula` puts the same formula into every cell of every range, as `Range.setFormula` does for one.

import { type FakeEnv, ServiceObject } from './env';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { Fake } from './types';

type RangeListMethods = 'getRanges' | 'setFormula';

export class FakeRangeList
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.RangeList, RangeListMethods>
{
  constructor(
    env: FakeEnv,
    readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {
    super(env, 'RangeList');
  }

  getRanges(): FakeRange[] {
    this.track('getRanges');
    return [...this.ranges];
  }

  /** Writes the formula into every range, uncounted per range: it is one call of the list. */
  setFormula(formula: string): FakeRangeList {
    this.track('setFormula');
    for (const range of this.ranges) range.writeFormula(formula);
    return this;
  }

  protected override label(): string {
    return this.ranges.map((range) => range.toJSON().replace(/^Range /, '')).join(', ');
  }
}
