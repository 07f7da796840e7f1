// A CRM export as CSV text made into what importDeals reads: the one splitter's lines, numbered by their line
// in the file, and the decimal mark the separator says.

import { describe, expect, it } from 'vitest';
import { dealsOfCsv } from '../../src/core/deals/deals-csv';

describe('dealsOfCsv', () => {
  it('numbers each row by its line in the file, past remarks and blank lines, and reads a `;` file as Polish', () => {
    const text = '\ufeffTransakcja;Kwota\r\n# z CRM\r\n\r\n"Acme; Sp. z o.o.";1 200,50\r\nBeta;"7,5"';
    expect(dealsOfCsv(text)).toEqual({
      separator: ';',
      header: ['Transakcja', 'Kwota'],
      rows: [
        { row: 4, cells: ['Acme; Sp. z o.o.', '1 200,50'] },
        { row: 5, cells: ['Beta', '7,5'] },
      ],
      decimal: ',',
    });
  });

  it('reads a `,` file as English, and leaves a tab file’s decimal mark to the spreadsheet', () => {
    expect(dealsOfCsv('Deal,Amount\nAcme,"1,200.5"')).toMatchObject({ decimal: '.', rows: [{ row: 2 }] });
    const tab = dealsOfCsv('Deal\tAmount\nAcme\t1200');
    expect(tab.separator).toBe('\t');
    expect(tab).not.toHaveProperty('decimal');
  });

  it('gives an empty header and no rows for empty text', () => {
    expect(dealsOfCsv(' \n')).toMatchObject({ header: [], rows: [] });
  });
});
