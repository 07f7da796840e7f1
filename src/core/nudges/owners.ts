// The Owners table on the Settings sheet: who owns key results (name, e-mail, team), so "E-mail the digest"
// can address the owners of stale key results. The table is the user's: the add-on generates it once (titles
// and the owners' names from the OKR sheet), finds it again by the row metadata of its header row, and
// reads it in one getValues; it never writes into it again. Columns are found by their titles in either
// language, so a moved column still reads. A bad e-mail is reported with its row and value, and skipped.

import { defineTexts, type Lang } from '../i18n';
import { literalText } from '../okr-sheet/cells';

export const OWNER_FIELDS = ['name', 'email', 'team'] as const;
export type OwnerField = (typeof OWNER_FIELDS)[number];

/** One row of the Owners table. */
export interface OwnerEntry {
  /** The sheet row (1-based). */
  row: number;
  name: string;
  /** '' when none was typed. */
  email: string;
  team: string;
}

/** A row the digest cannot use as it stands, with its row and the value at fault. */
export interface OwnerProblem {
  code: 'badEmail' | 'noName';
  row: number;
  value: string;
}

const texts = defineTexts(() => [
  {
    sheetName: 'Settings',
    tableTitle: 'Owners',
    name: 'Name',
    email: 'E-mail',
    team: 'Team',
    badEmail: 'Owners table, row {row}: “{value}” is not an e-mail address (such as anna@example.com).',
    noName: 'Owners table, row {row}: the e-mail “{value}” has no name beside it; type the owner’s name.',
  },
  {
    sheetName: 'Ustawienia',
    tableTitle: 'Właściciele',
    name: 'Imię i nazwisko',
    email: 'E-mail',
    team: 'Zespół',
    badEmail: 'Tabela Właściciele, wiersz {row}: „{value}” nie jest adresem e-mail (np. anna@example.com).',
    noName: 'Tabela Właściciele, wiersz {row}: przy adresie „{value}” brak imienia i nazwiska; wpisz właściciela.',
  },
]);

export { texts as ownersText };

/** An address a mail program takes: one @, no spaces or list separators, a dotted domain. */
export function isEmail(text: string): boolean {
  return /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/.test(text) && !text.includes('..');
}

/** The message of a problem, in the user's language. */
export function ownerProblemText(lang: Lang, problem: OwnerProblem): string {
  return texts(lang, problem.code, { row: problem.row, value: problem.value });
}

/**
 * The table's first cells, as setValues takes them: its title, the column titles, and one row per owner
 * (name and team; the e-mail left for the user). Names go in as text, never as a formula.
 */
export function ownersBlock(lang: Lang, owners: readonly { name: string; team: string }[]): string[][] {
  return [
    [texts(lang, 'tableTitle'), '', ''],
    OWNER_FIELDS.map((field) => texts(lang, field)),
    ...owners.map((owner) => [literalText(owner.name), '', literalText(owner.team)]),
  ];
}

/**
 * Reads the table from the sheet's values (`values[0]` is row 1) below its header row: rows up to the first
 * blank one. Columns by their titles in either language, else name, e-mail, team from column A.
 */
export function readOwnersTable(
  values: readonly (readonly unknown[])[],
  headerRow: number,
): { owners: OwnerEntry[]; problems: OwnerProblem[] } {
  const header = (values[headerRow - 1] ?? []).map((cell) =>
    String(cell ?? '')
      .trim()
      .toLowerCase(),
  );
  const columns = OWNER_FIELDS.map((field, index) => {
    const titles = (['en', 'pl'] as const).map((lang) => texts(lang, field).toLowerCase());
    const found = header.findIndex((cell) => titles.includes(cell));
    return found >= 0 ? found : index;
  });
  const owners: OwnerEntry[] = [];
  const problems: OwnerProblem[] = [];
  for (let index = headerRow; index < values.length; index++) {
    const line = values[index] ?? [];
    const [name, email, team] = columns.map((column) => String(line[column] ?? '').trim()) as [string, string, string];
    if (!name && !email && !team) break;
    const row = index + 1;
    if (email && !isEmail(email)) problems.push({ code: 'badEmail', row, value: email });
    else if (email && !name) problems.push({ code: 'noName', row, value: email });
    if (name) owners.push({ row, name, email: email && isEmail(email) ? email : '', team });
  }
  return { owners, problems };
}

/**
 * Whom to mail about key results: the e-mails of their owners found in the table (matched by name, case and
 * spaces aside; each address once), and the owners with no usable e-mail there.
 * @example recipients(['Anna', 'Bartek'], [{ name: 'anna', email: 'anna@example.com', … }]) // { to: ['anna@example.com'], missing: ['Bartek'] }
 */
export function recipients(
  ownerNames: readonly string[],
  table: readonly Pick<OwnerEntry, 'name' | 'email'>[],
): { to: string[]; missing: string[] } {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  const emails = new Map<string, string>();
  for (const entry of table) if (entry.email && !emails.has(key(entry.name))) emails.set(key(entry.name), entry.email);
  const to: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const name of ownerNames) {
    if (!name.trim() || seen.has(key(name))) continue;
    seen.add(key(name));
    const email = emails.get(key(name));
    if (!email) missing.push(name.trim());
    else if (!to.includes(email)) to.push(email);
  }
  return { to, missing };
}
