// A test-only IMPORTRANGE for HyperFormula, so the Roll-up tab's formulas are computed in tests: it answers
// the 2-D array a test gives for a spreadsheet link, or an error as Sheets shows one (#REF! while access is
// not allowed). Always the feed window's size, as a named range of fixed size spills. The local runtime's own
// IMPORTRANGE (between workbook files, with the allow-access step) is not this; this stays in test/.

import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { FEED_COLUMNS, FEED_WINDOW_ROWS } from '../../src/core/rollup/feed-schema';

/** What each link imports: rows (padded to the window), or an error type with its message. */
export const IMPORTS = new Map<string, unknown[][] | { error: 'REF' | 'NA'; message: string }>();

class ImportRangePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    IMPORTRANGE: {
      method: 'importRange',
      sizeOfResultArrayMethod: 'importRangeSize',
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }],
      vectorizationForbidden: true,
    },
  };

  importRange(call: { args: never[] }, state: never): unknown {
    return this.runFunction(call.args, state, this.metadata('IMPORTRANGE'), (url: string) => {
      const found = IMPORTS.get(url);
      if (!found) return new CellError(ErrorType.REF, 'You need to connect these sheets.');
      if (!Array.isArray(found)) return new CellError(ErrorType[found.error], found.message);
      const rows = Array.from({ length: FEED_WINDOW_ROWS }, (_, r) =>
        Array.from({ length: FEED_COLUMNS.length }, (_, c) => (found[r]?.[c] ?? '') as never),
      );
      return SimpleRangeValue.onlyValues(rows);
    });
  }

  importRangeSize(): ArraySize {
    return new ArraySize(FEED_COLUMNS.length, FEED_WINDOW_ROWS);
  }
}

/** Registers the test IMPORTRANGE once per process. */
export function registerTestImportRange(): void {
  if (HyperFormula.getFunctionPlugin('IMPORTRANGE') === undefined) {
    HyperFormula.registerFunction('IMPORTRANGE', ImportRangePlugin, { enGB: { IMPORTRANGE: 'IMPORTRANGE' } });
  }
}
