// The Company roll-up view's check of the pasted links (src/client/rollup-view.ts), before anything is sent:
// each bad line named with its number and value, repeated and connected ones told apart, blank lines skipped,
// at most 50 links at a time, in English and Polish.

import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, MAX_LINKS_AT_ONCE } from '../../src/client/rollup-view';
import { setLang } from '../../src/client/texts';

const id = (n: number) => `1${String(n).padStart(3, '0')}${'x'.repeat(40)}`;
const link = (n: number) => `https://docs.google.com/spreadsheets/d/${id(n)}/edit#gid=0`;

afterEach(() => setLang('en'));

describe('checkLinks', () => {
  it('sends the good lines, trimmed, with the line each came from', () => {
    expect(checkLinks(`  ${link(1)}  \n\n${id(2)}\n`, [])).toEqual({
      ok: true,
      links: [link(1), id(2)],
      lines: [1, 3],
    });
  });

  it('names every bad line: not a link, repeated above, connected already', () => {
    const checked = checkLinks([link(1), 'hello', id(1), id(3)].join('\n'), [id(3)]);
    expect(checked).toEqual({
      ok: false,
      errors: [
        'Line 2: “hello” is not a Google Sheets link (https://docs.google.com/spreadsheets/d/…) nor a spreadsheet id.',
        `Line 3: “${id(1)}” repeats line 1.`,
        `Line 4: “${id(3)}” is connected already.`,
      ],
    });
  });

  it('asks for a link when nothing is pasted, and for fewer when too many are', () => {
    expect(checkLinks(' \n ', [])).toEqual({ ok: false, errors: ['Paste at least one team spreadsheet link.'] });
    const many = Array.from({ length: MAX_LINKS_AT_ONCE + 1 }, (_, n) => id(n + 1)).join('\n');
    expect(checkLinks(many, [])).toEqual({ ok: false, errors: ['At most 50 links at a time: 51 were pasted.'] });
  });

  it('refuses a line longer than the server takes, quoting only its start', () => {
    const long = `${link(1)}?${'a'.repeat(500)}`;
    const checked = checkLinks(long, []);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.errors[0]).toMatch(/^Line 1: “https:\/\/docs\.google\.com\/spreadsheets\/d\/.{60,}…” is not/);
  });

  it('speaks Polish', () => {
    setLang('pl');
    expect(checkLinks('abc', [])).toEqual({
      ok: false,
      errors: [
        'Wiersz 1: „abc” nie jest linkiem do Arkuszy Google (https://docs.google.com/spreadsheets/d/…) ani identyfikatorem arkusza.',
      ],
    });
  });
});
