// A team spreadsheet as the company roll-up names it: the id from a pasted link
// (https://docs.google.com/spreadsheets/d/<id>/edit#gid=0) or a bare id, and the link IMPORTRANGE is given.
// Anything else is refused with a code the sidebar words; so is a team already connected.

export type TeamLinkProblem = 'empty' | 'notALink' | 'duplicate';

/** Drive file ids are letters, digits, `-` and `_`; Sheets' are 44 long, older ones shorter. */
const ID = /^[A-Za-z0-9_-]{20,100}$/;
const URL = /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,100})(?:[/?#].*)?$/;

/**
 * The spreadsheet id of a pasted link or id.
 * @example parseTeamLink('https://docs.google.com/spreadsheets/d/1AbC…xyz/edit#gid=0') // { ok: true, id: '1AbC…xyz' }
 * @example parseTeamLink('hello') // { ok: false, problem: 'notALink' }
 */
export function parseTeamLink(text: string): { ok: true; id: string } | { ok: false; problem: TeamLinkProblem } {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'empty' };
  const fromUrl = URL.exec(value);
  if (fromUrl?.[1]) return { ok: true, id: fromUrl[1] };
  if (ID.test(value)) return { ok: true, id: value };
  return { ok: false, problem: 'notALink' };
}

/** The link IMPORTRANGE reads a team spreadsheet by. */
export function teamUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}`;
}

/**
 * Parses the links of a paste (one per line) against the teams already connected: each line's id or problem,
 * a repeated id refused as `duplicate`.
 */
export type ParsedTeamLink = { line: number; text: string } & (
  | { ok: true; id: string }
  | { ok: false; problem: TeamLinkProblem }
);

export function parseTeamLinks(lines: readonly string[], connected: readonly string[]): ParsedTeamLink[] {
  const seen = new Set(connected);
  const parsed: ParsedTeamLink[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const link = parseTeamLink(text);
    if (link.ok && seen.has(link.id)) parsed.push({ line: index + 1, text, ok: false, problem: 'duplicate' });
    else {
      if (link.ok) seen.add(link.id);
      parsed.push({ line: index + 1, text, ...link });
    }
  });
  return parsed;
}
