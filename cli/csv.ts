// The week's values as a CSV file: one line per key result with its id, this week's value, the confidence
// (1–10) and a comment; a header line is optional, `;`, `,` or tab separate the fields (the first line
// decides), fields may be quoted with "…" ("" for a quote inside), and a line starting with # is a remark.
// The lines are split by the core's one splitter (src/core/csv-lines.ts); the values are read by the core's
// one reader of numbers (src/core/cell-values.ts), with the file's decimal mark as its hint. A `,` file
// cannot hold an unquoted Polish decimal: `O2.3,0,3,5,x` may be 0 with confidence 3 or 0,3 with
// confidence 5, so such a line is marked `splitDecimal` and refused rather than guessed.

import { type CsvField, type CsvSeparator, csvLines, decimalMarkOfCsv } from '../src/core/csv-lines';

export { decimalMarkOfCsv };

/** One line of the file that holds a key result. */
export interface CsvRow {
  /** 1-based line in the file. */
  line: number;
  id: string;
  value: string;
  confidence: string;
  comment: string;
  /**
   * In a `,` file: the value and the field after it are unquoted whole numbers that could be one decimal
   * split in two (`0,3` → `0` and `3`) with the rest of the line shifted, and both readings make sense.
   */
  splitDecimal: boolean;
}

export interface CsvReading {
  rows: CsvRow[];
  separator: CsvSeparator;
  /** Whether the first line was taken for a header. */
  header: boolean;
}

const HEADER_WORDS = /^(kr|kr[ _-]?id|id|key ?result|klucz|kluczowy rezultat|rezultat|identyfikator)$/i;

/** See `CsvRow.splitDecimal`: `0,3,5,…` or `1,200,7` where the value's decimals became the next field. */
function splitDecimal(all: CsvField[], separator: string): boolean {
  if (separator !== ',') return false;
  const [, value, next, after] = all;
  if (!value || !next || value.quoted || next.quoted) return false;
  if (!/^[+\-−]?\d+$/.test(value.text) || !/^\d+$/.test(next.text)) return false;
  // `1,200`: an English thousand split in two (the confidence 200 is no confidence anyway).
  if (next.text.length === 3) return true;
  // `0,3,5`: the confidence of the second reading is there too.
  return after !== undefined && !after.quoted && /^\d{1,2}$/.test(after.text);
}

/**
 * Reads the file's lines into rows. `isHeader` decides whether the first line is a header (it is when its
 * first field is a column title such as "KR id", or when the caller says so).
 */
export function readCsv(text: string, isHeader: (first: CsvRow) => boolean = () => false): CsvReading {
  const { separator, lines } = csvLines(text);
  const rows = lines.map(({ line, fields: all }) => {
    const [id = '', value = '', confidence = '', ...comment] = all.map((field) => field.text);
    // A comment with the separator in it, unquoted, keeps its pieces.
    const joined = comment.join(separator === '\t' ? ' ' : `${separator} `).trim();
    return { line, id, value, confidence, comment: joined, splitDecimal: splitDecimal(all, separator) };
  });
  const first = rows[0];
  const header = first !== undefined && (HEADER_WORDS.test(first.id) || isHeader(first));
  return { rows: header ? rows.slice(1) : rows, separator, header };
}

/** Every meaningful line of a file split into its fields (any number of them), with its line number. */
export function splitCsv(text: string): { separator: CsvSeparator; lines: { line: number; fields: string[] }[] } {
  const { separator, lines } = csvLines(text);
  return { separator, lines: lines.map(({ line, fields }) => ({ line, fields: fields.map((field) => field.text) })) };
}
