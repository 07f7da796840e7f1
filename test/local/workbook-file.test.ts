// The workbook file's quick check of plain cells (local/workbook-file.ts `plainCell`) vouches only for cells
// the file's schema accepts as they are: it is a second reading of that schema, so a test holds it to it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCell, storedCellSchema } from '../../local/workbook-file';

const anyField = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 3 }),
  fc.constantFrom('=A1', 'bold', 'normal', '', '0.00'),
  fc.integer({ min: -2, max: 3 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ date: fc.constant('2027-01-29T00:00:00.000Z') }),
);

const storedCell = fc.record(
  {
    row: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double(), fc.constant('1')),
    column: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(1.5)),
    value: anyField,
    formula: anyField,
    note: anyField,
    numberFormat: anyField,
    background: anyField,
    fontColor: anyField,
    fontWeight: anyField,
    horizontalAlignment: anyField,
    wrap: anyField,
    validation: anyField,
    unknown: anyField,
  },
  { requiredKeys: [] },
);

describe('plainCell, the quick check of a stored cell', () => {
  it('vouches only for cells the schema accepts, and reads them as they are', () => {
    fc.assert(
      fc.property(storedCell, (stored) => {
        if (!plainCell(stored)) return;
        const parsed = storedCellSchema.safeParse(stored);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(stored);
      }),
      { numRuns: 3000 },
    );
  });

  it('vouches for the cells a saved workbook holds', () => {
    expect(plainCell({ row: 7, column: 6, formula: '=IF(N7="";"";1)', fontWeight: 'bold' })).toBe(true);
    expect(plainCell({ row: 2, column: 2, value: 'Sales', numberFormat: '0.00', wrap: true })).toBe(true);
  });
});
