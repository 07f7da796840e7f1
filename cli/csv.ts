// The week's values as a CSV file: one line per key result with its id, this week's value, the confidence
// (1–10) and a comment; a header line is optional, `;`, `,` or tab separate the fields (the first line
// decides), fields may be quoted with "…" ("" for a quote inside), and a line starting with # is a remark.
// Values are read in Polish or English writing alike: `1 200 000 zł`, `1.200.000,50`, `1,200,000.50`,
// `35%`, `0,35`, `1,2 mln`; a milestone takes yes/no (tak/nie, done, ✓…).

/** One line of the file that holds a key result. */
export interface CsvRow {
  /** 1-based line in the file. */
  line: number;
  id: string;
  value: string;
  confidence: string;
  comment: string;
}

export interface CsvReading {
  rows: CsvRow[];
  separator: ';' | ',' | '\t';
  /** Whether the first line was taken for a header. */
  header: boolean;
}

const HEADER_WORDS = /^(kr|kr[ _-]?id|id|key ?result|klucz|kluczowy rezultat|rezultat|identyfikator)$/i;

/** Splits one line into fields; quotes may hold the separator. */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
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
      field = '';
    } else if (c === separator) {
      out.push(field.trim());
      field = '';
    } else field += c;
  }
  out.push(quoted ? field : field.trim());
  return out;
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
    const [id = '', value = '', confidence = '', ...comment] = fields(content, separator);
    // A comment with the separator in it, unquoted, keeps its pieces.
    return { line, id, value, confidence, comment: comment.join(separator === '\t' ? ' ' : `${separator} `).trim() };
  });
  const first = rows[0];
  const header = first !== undefined && (HEADER_WORDS.test(first.id) || isHeader(first));
  return { rows: header ? rows.slice(1) : rows, separator, header };
}

/** A number read from what a person wrote, and whether it was written as a percentage. */
export interface ReadNumber {
  value: number;
  percent: boolean;
}

const MULTIPLIERS: Record<string, number> = { mld: 1e9, bn: 1e9, mln: 1e6, mio: 1e6, tys: 1e3, k: 1e3 };

/** Currency or unit before the digits, the digits, a multiplier, `%`, and a currency or unit after them. */
const WRITTEN_NUMBER =
  /^([\p{L}\p{Sc}\s]*?)([+-]?)\s*(\d[\d\s.,'’]*?)\s*(?:(mld|bn|mln|mio|tys|k)\.?(?![\p{L}]))?\s*(%)?\s*([\p{L}\p{Sc}.\s]*)$/iu;

/**
 * Reads a number written in Polish or English: spaces (also no-break) and the other separator group
 * thousands, a currency or unit around it is ignored, `%` divides by 100, `tys`/`k`, `mln`, `mld` multiply.
 * A lone `,` or `.` followed by exactly three digits (`1,200`) is ambiguous: `decimalComma` decides
 * (a Polish workbook reads it as 1,2; an English one as 1200). `null` when it is not a number.
 */
export function readNumber(written: string, decimalComma: boolean): ReadNumber | null {
  const match = WRITTEN_NUMBER.exec(written.trim().replace(/[\u2212\u2013]/g, '-'));
  if (!match) return null;
  const [, , sign = '', digits = '', multiplierWord, percentSign] = match;
  // Spaces and apostrophes only ever group thousands.
  if (/[\s'’]/.test(digits) && !/^\d{1,3}([\s'’]\d{3})*([.,]\d+)?$/.test(digits)) return null;
  const text = digits.replace(/[\s'’]/g, '');
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let normal: string;
  if (commas > 0 && dots > 0) {
    // The later one is the decimal mark: 1.200.000,50 or 1,200,000.50.
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const cut = text.lastIndexOf(decimal);
    if (text.indexOf(decimal) !== cut || !groupedRight(text.slice(0, cut), group)) return null;
    normal = `${text.slice(0, cut).split(group).join('')}.${text.slice(cut + 1)}`;
  } else if (commas + dots > 1) {
    // 1,200,000 or 1.200.000: only a grouping mark repeats.
    const group = commas > 0 ? ',' : '.';
    if (!groupedRight(text, group)) return null;
    normal = text.split(group).join('');
  } else if (commas + dots === 1) {
    const mark = commas > 0 ? ',' : '.';
    const [whole = '', fraction = ''] = text.split(mark);
    const looksGrouped = /^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(fraction);
    normal = looksGrouped && (mark === ',') !== decimalComma ? `${whole}${fraction}` : `${whole}.${fraction}`;
  } else {
    normal = text;
  }
  if (!/^\d+(\.\d*)?$/.test(normal)) return null;
  const multiplier = multiplierWord ? (MULTIPLIERS[multiplierWord.toLowerCase()] ?? 1) : 1;
  const value = (sign === '-' ? -1 : 1) * Number(normal) * multiplier * (percentSign ? 0.01 : 1);
  if (!Number.isFinite(value)) return null;
  // Rounded to 12 significant digits: 35% stays 0.35, 1,2 mln stays 1200000.
  return { value: Number(value.toPrecision(12)), percent: percentSign !== undefined };
}

/** `1.200.000`: groups of three after the first group of one to three digits. */
function groupedRight(text: string, group: string): boolean {
  const [first = '', ...rest] = text.split(group);
  return /^\d{1,3}$/.test(first) && rest.every((part) => /^\d{3}$/.test(part));
}

const YES = /^(yes|y|tak|t|true|prawda|1|done|zrobione|gotowe|ok|✓|✔|x)$/i;
const NO = /^(no|n|nie|false|fałsz|0|not done|niezrobione|-|✗)$/i;

/** A milestone's state from what was written: `true` done, `false` not done, `null` unreadable. */
export function readDone(written: string): boolean | null {
  const text = written.trim();
  if (YES.test(text)) return true;
  if (NO.test(text)) return false;
  return null;
}
