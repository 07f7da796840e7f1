// The week's values as a CSV file: one line per key result with its id, this week's value, the confidence
// (1–10) and a comment; a header line is optional, `;`, `,` or tab separate the fields (the first line
// decides), fields may be quoted with "…" ("" for a quote inside), and a line starting with # is a remark.
// This module only splits lines into fields: the values are read by the core's one reader of numbers
// (src/core/cell-values.ts), with the file's decimal mark as its hint (`decimalMarkOfCsv`). A `,` file
// cannot hold an unquoted Polish decimal: `O2.3,0,3,5,x` may be 0 with confidence 3 or 0,3 with
// confidence 5, so such a line is marked `splitDecimal` and refused rather than guessed.

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
  separator: ';' | ',' | '\t';
  /** Whether the first line was taken for a header. */
  header: boolean;
}

const HEADER_WORDS = /^(kr|kr[ _-]?id|id|key ?result|klucz|kluczowy rezultat|rezultat|identyfikator)$/i;

interface Field {
  text: string;
  quoted: boolean;
}

/** Splits one line into fields; quotes may hold the separator. */
function fields(line: string, separator: string): Field[] {
  const out: Field[] = [];
  let wasQuoted = false;
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === separator) {
      out.push({ text: field.trim(), quoted: wasQuoted });
      field = '';
      wasQuoted = false;
    } else field += c;
  }
  out.push({ text: quoted ? field : field.trim(), quoted: wasQuoted });
  return out;
}

/** See `CsvRow.splitDecimal`: `0,3,5,…` or `1,200,7` where the value's decimals became the next field. */
function splitDecimal(all: Field[], separator: string): boolean {
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
 * The decimal mark a file's numbers most likely use: a `;` file is what a Polish spreadsheet saves (decimal
 * comma); a `,` file cannot use commas for decimals unquoted, so it writes English; a tab says nothing and
 * the workbook's own mark is used.
 */
export function decimalMarkOfCsv(separator: ';' | ',' | '\t', workbookMark: '.' | ','): '.' | ',' {
  if (separator === ';') return ',';
  if (separator === ',') return '.';
  return workbookMark;
}

/** The separator of the file: the first line's `;` or tab, else `,`. */
function separatorOf(firstLine: string): ';' | ',' | '\t' {
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/**
 * Reads the file's lines into rows. `isHeader` decides whether the first line is a header (it is when its
 * first field is a column title such as "KR id", or when the caller says so).
 */
export function readCsv(text: string, isHeader: (first: CsvRow) => boolean = () => false): CsvReading {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const meaningful = lines
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '' && !content.trimStart().startsWith('#'));
  const separator = separatorOf(meaningful[0]?.content ?? '');
  const rows = meaningful.map(({ content, line }) => {
    const all = fields(content, separator);
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
export function splitCsv(text: string): { separator: ';' | ',' | '\t'; lines: { line: number; fields: string[] }[] } {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const meaningful = lines
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '' && !content.trimStart().startsWith('#'));
  const separator = separatorOf(meaningful[0]?.content ?? '');
  return {
    separator,
    lines: meaningful.map(({ content, line }) => ({
      line,
      fields: fields(content, separator).map((field) => field.text),
    })),
  };
}
