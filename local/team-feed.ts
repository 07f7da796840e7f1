// A team workbook's OKR feed as plain values, read from the local runtime's computed cells: the window the
// named range OKR_FEED points at (header, 100 key results, the sentinel row), exactly what IMPORTRANGE of
// "OKR_FEED" brings into a company's Roll-up tab (an error cell as its code, an empty cell as ''). `okr rollup`
// reads team files this way, and the scale tests compare the Roll-up tab's formulas with the core's
// `rollUp` over these rows.

import { FEED_NAMED_RANGE } from '../src/core/rollup/feed-schema';
import type { LocalRuntime } from './runtime';

export type FeedWindowValue = string | number | boolean;

/** The computed rows of the team's OKR_FEED window, or `null` when the workbook has no such named range. */
export function readFeedWindow(runtime: LocalRuntime): FeedWindowValue[][] | null {
  const area = runtime.importSource.namedRange(FEED_NAMED_RANGE);
  if (!area) return null;
  const rows: FeedWindowValue[][] = [];
  for (let row = area.startRow; row <= area.endRow; row++) {
    const line: FeedWindowValue[] = [];
    for (let column = area.startColumn; column <= area.endColumn; column++) {
      const computed = runtime.computed(area.sheetName, row, column);
      line.push(computed.kind === 'error' ? computed.code : (computed.value ?? ''));
    }
    rows.push(line);
  }
  return rows;
}
