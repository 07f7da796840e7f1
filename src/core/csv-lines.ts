// The one splitter of CSV text: lines into fields. A file's separator is its first meaningful line's `;` or
// tab, else `,`; fields may be quoted with "…" ("" for a quote inside, the separator allowed); blank lines and
// lines starting with # are remarks. It reads no values: numbers and dates go through the core's one reader
// (cell-values.ts) with the file's decimal mark (`decimalMarkOfCsv`). The CLI (`okr checkin`, `okr deals`)
// and the sidebar's Import deals view both split with it.

export type CsvSeparator = ';' | ',' | '\t';

/** One field of a line, and whether it was quoted. */
export interface CsvField {
  text: string;
  quoted: boolean;
}

/** A meaningful line of the text: its 1-based number in the file, and its fields. */
export interface CsvLine {
  line: number;
  fields: CsvField[];
}

/** Splits one line into fields; quotes may hold the separator. */
export function csvFields(line: string, separator: string): CsvField[] {
  const out: CsvField[] = [];
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

/** The separator of a file: the first line's `;` or tab, else `,`. */
function separatorOf(firstLine: string): CsvSeparator {
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/**
 * Every meaningful line of a CSV text split into its fields, with its line number and the file's separator.
 * @example csvLines('Deal;Amount\nAcme;1 200,50').lines[1].fields[1].text // '1 200,50'
 */
export function csvLines(text: string): { separator: CsvSeparator; lines: CsvLine[] } {
  const meaningful = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '' && !content.trimStart().startsWith('#'));
  const separator = separatorOf(meaningful[0]?.content ?? '');
  return {
    separator,
    lines: meaningful.map(({ content, line }) => ({ line, fields: csvFields(content, separator) })),
  };
}

/**
 * The decimal mark a file's numbers most likely use: a `;` file is what a Polish spreadsheet saves (decimal
 * comma); a `,` file cannot use commas for decimals unquoted, so it writes English; a tab says nothing and
 * the workbook's own mark is used.
 */
export function decimalMarkOfCsv(separator: CsvSeparator, workbookMark: '.' | ','): '.' | ',' {
  if (separator === ';') return ',';
  if (separator === ',') return '.';
  return workbookMark;
}
