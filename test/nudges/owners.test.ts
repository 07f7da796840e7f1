// The Owners table as data (src/core/nudges/owners.ts): the block the add-on writes, reading it back with its
// columns found by title, every bad e-mail named with its row and value in both languages, and whom a digest
// goes to.

import { describe, expect, it } from 'vitest';
import { isEmail, ownerProblemText, ownersBlock, readOwnersTable, recipients } from '../../src/core/nudges/owners';

describe('the Owners table', () => {
  it('is written as a title, column titles and one row per owner, names as text', () => {
    expect(ownersBlock('pl', [{ name: '=Anna', team: 'Sprzedaż' }])).toEqual([
      ['Właściciele', '', ''],
      ['Imię i nazwisko', 'E-mail', 'Zespół'],
      ["'=Anna", '', "'Sprzedaż"],
    ]);
  });

  it('reads the rows below its header up to the first blank row, its columns by title in either language', () => {
    const values = [
      ['Notes', '', ''],
      ['E-mail', 'Zespół', 'Name'],
      [' anna@example.com ', 'Sales', 'Anna'],
      ['', '', 'Bartek'],
      ['', '', ''],
      ['someone@example.com', '', 'Not in the table'],
    ];
    expect(readOwnersTable(values, 2)).toEqual({
      owners: [
        { row: 3, name: 'Anna', email: 'anna@example.com', team: 'Sales' },
        { row: 4, name: 'Bartek', email: '', team: '' },
      ],
      problems: [],
    });
  });

  it('names every bad e-mail and every e-mail without a name, with its row and value, in both languages', () => {
    const values = [
      ['Name', 'E-mail', 'Team'],
      ['Anna', 'anna@firma', ''],
      ['Bartek', 'bartek@example.com; celina@example.com', ''],
      ['', 'dawid@example.com', 'Sales'],
    ];
    const { owners, problems } = readOwnersTable(values, 1);
    expect(owners.map((owner) => [owner.name, owner.email])).toEqual([
      ['Anna', ''],
      ['Bartek', ''],
    ]);
    expect(problems.map((problem) => ownerProblemText('en', problem))).toEqual([
      'Owners table, row 2: “anna@firma” is not an e-mail address (such as anna@example.com).',
      'Owners table, row 3: “bartek@example.com; celina@example.com” is not an e-mail address (such as anna@example.com).',
      'Owners table, row 4: the e-mail “dawid@example.com” has no name beside it; type the owner’s name.',
    ]);
    expect(ownerProblemText('pl', problems[0] ?? { code: 'badEmail', row: 0, value: '' })).toBe(
      'Tabela Właściciele, wiersz 2: „anna@firma” nie jest adresem e-mail (np. anna@example.com).',
    );
  });

  it('takes ordinary addresses and refuses what a mail program would not', () => {
    for (const good of ['anna@example.com', 'a.nowak+okr@sub.example.co.uk', 'ż@przykład.pl']) {
      expect(isEmail(good), good).toBe(true);
    }
    for (const bad of ['', 'anna', 'anna@', '@example.com', 'anna@example', 'a b@example.com', 'a@b..com', 'a@b.c']) {
      expect(isEmail(bad), bad).toBe(false);
    }
  });

  it('addresses the digest to the owners it knows, each once, and names those it does not', () => {
    const table = [
      { name: 'Anna Nowak', email: 'anna@example.com' },
      { name: 'Bartek', email: '' },
    ];
    expect(recipients(['anna  nowak', 'Anna Nowak', 'Bartek', 'Celina', ''], table)).toEqual({
      to: ['anna@example.com'],
      missing: ['Bartek', 'Celina'],
    });
  });
});
