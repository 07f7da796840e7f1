// Named ranges. The spreadsheet keeps a name → anchored range map (the range follows inserted and deleted
// rows and columns; deleting all of it, or its sheet, removes the name). A `FakeNamedRange` is a handle on
// one name: renaming or re-pointing it changes the map.

import { type FakeEnv, ServiceObject } from './env';
import { touchRevisions } from './grid';
import type { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Fake } from './types';

type NamedRangeMethods = 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange';

export class FakeNamedRange
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.NamedRange, NamedRangeMethods>
{
  constructor(
    env: FakeEnv,
    private readonly book: FakeSpreadsheet,
    private name: string,
  ) {
    super(env, 'NamedRange');
  }

  getName(): string {
    this.track('getName');
    return this.name;
  }

  getRange(): FakeRange {
    this.track('getRange');
    const range = this.book.namedRange(this.name);
    if (!range) throw this.env.exception(`The named range ${this.name} no longer exists.`);
    return range;
  }

  setName(name: string): FakeNamedRange {
    this.track('setName');
    touchRevisions();
    const anchor = this.book.namedRanges.get(this.name);
    this.book.checkRangeName(name);
    if (anchor) {
      this.book.namedRanges.delete(this.name);
      this.book.namedRanges.set(name, anchor);
    }
    this.name = name;
    return this;
  }

  setRange(range: FakeRange): FakeNamedRange {
    this.track('setRange');
    touchRevisions();
    this.book.namedRanges.set(this.name, range.sheet.anchor(range.area));
    return this;
  }

  remove(): void {
    this.track('remove');
    touchRevisions();
    this.book.namedRanges.delete(this.name);
  }
}
