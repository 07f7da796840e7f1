// A CRM export as CSV text, made into what `importDeals` reads: the header row and the rows of text cells,
// each numbered by its line in the file, split by the core's one splitter (../csv-lines.ts), and the file's
// decimal mark. Nothing is read here: the server reads every cell through the one number and date reader.

import { type CsvSeparator, csvLines, decimalMarkOfCsv } from '../csv-lines';

export interface DealsCsv {
  separator: CsvSeparator;
  /** The first meaningful line; empty when the text has none. */
  header: string[];
  rows: { row: number; cells: string[] }[];
  /** The numbers' decimal mark by the separator; absent for a tab file (the spreadsheet's is used). */
  decimal?: '.' | ',';
}

/**
 * The export's header and rows, ready for `importDeals`.
 * @example dealsOfCsv('Deal;Amount\nAcme;1 200,5') // { separator: ';', header: ['Deal', 'Amount'], rows: [{ row: 2, cells: ['Acme', '1 200,5'] }], decimal: ',' }
 */
export function dealsOfCsv(text: string): DealsCsv {
  const { separator, lines } = csvLines(text);
  const [header, ...rows] = lines.map(({ line, fields }) => ({ row: line, cells: fields.map((field) => field.text) }));
  return {
    separator,
    header: header?.cells ?? [],
    rows,
    // A tab file says nothing about its decimals; the mark passed here is never the answer then.
    ...(separator === '\t' ? {} : { decimal: decimalMarkOfCsv(separator, '.') }),
  };
}
