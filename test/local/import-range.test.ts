// IMPORTRANGE between local workbooks (local/import-range.ts): a spreadsheet reads another of its folder by
// link or id once access is allowed, the allowed pair is remembered in the destination's file, the values
// spill and follow edits of the source, a named range of the source is taken as the range string, and a
// missing spreadsheet, sheet or range, a cycle or an import over 10 MB shows #REF! with its message.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Computed } from '../../local/calc';
import { CONNECT_MESSAGE, IMPORT_LIMIT_BYTES, spreadsheetIdOf } from '../../local/import-range';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { OpenSpreadsheets, WorkbookFolder } from '../../local/workbook-folder';

const BUNDLE = join(__dirname, '../../dist/Code.js');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'okr-import-'));
  folders.push(folder);
  return folder;
}

function open(directory: OpenSpreadsheets, name: string): LocalRuntime {
  const runtime = createLocalRuntime({ bundlePath: BUNDLE, locale: 'en_US', timeZone: 'UTC', directory });
  runtime.services.spreadsheet.name = name;
  return directory.add(runtime);
}

/** A team spreadsheet whose "OKR feed" tab holds a title row and two rows, one of them computed. */
function team(directory: OpenSpreadsheets, name: string): LocalRuntime {
  const runtime = open(directory, name);
  const feed = runtime.services.spreadsheet.insertSheet('OKR feed');
  feed.getRange('A1:C3').setValues([
    ['team', 'kr', 'score'],
    [name, 'KR 1', 0.5],
    [name, 'KR 2', ''],
  ]);
  runtime.setCell('OKR feed', 'C3', '=C2*2');
  return runtime;
}

const value = (computed: Computed) => (computed.kind === 'value' ? computed.value : computed.code);
function rows(runtime: LocalRuntime, sheet: string, height: number, width: number): unknown[][] {
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => value(runtime.computed(sheet, r + 1, c + 1))),
  );
}

describe('IMPORTRANGE between the workbooks of a folder', () => {
  it('reads a spreadsheet by its link or id', () => {
    expect(spreadsheetIdOf('https://docs.google.com/spreadsheets/d/abc_123-X/edit#gid=0')).toBe('abc_123-X');
    expect(spreadsheetIdOf('abc_123-X')).toBe('abc_123-X');
    expect(spreadsheetIdOf('https://example.com/spreadsheets/d/abc/edit')).toBeNull();
    expect(spreadsheetIdOf('not an id')).toBeNull();
  });

  it('shows #REF! "You need to connect these sheets." until access is allowed, then spills the computed values', () => {
    const directory = new OpenSpreadsheets();
    const source = team(directory, 'Team A');
    const company = open(directory, 'Company');
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${source.link}"; "'OKR feed'!A1:C")`);
    expect(company.computed('Sheet1', 1, 1)).toEqual({ kind: 'error', code: '#REF!', message: CONNECT_MESSAGE });
    expect(company.importsWaiting()).toEqual([source.id]);

    company.allowImport(source.id);
    // The open-ended range reaches the source sheet's last row: blanks included, as Sheets brings them.
    const sheetRows = source.services.spreadsheet.sheetByName('OKR feed')?.grid.maxRows ?? 0;
    expect(rows(company, 'Sheet1', 4, 3)).toEqual([
      ['team', 'kr', 'score'],
      ['Team A', 'KR 1', 0.5],
      ['Team A', 'KR 2', 1],
      [null, null, null],
    ]);
    expect(company.importsWaiting()).toEqual([]);
    expect(company.computed('Sheet1', sheetRows, 1)).toMatchObject({ kind: 'value' });

    // Another range of the same spreadsheet needs no new grant; the id alone and the first sheet work too.
    company.setCell('Sheet1', 'E1', `=IMPORTRANGE("${source.id}"; "OKR feed!B2")`);
    expect(value(company.computed('Sheet1', 1, 5))).toBe('KR 1');
  });

  it('follows an edit of the source and keeps the grant in the destination workbook file', () => {
    const folder = tempFolder();
    const directory = new WorkbookFolder(folder, { bundlePath: BUNDLE, locale: 'en_US', timeZone: 'UTC' });
    const source = directory.openPath(join(folder, 'team-a.json'));
    source.services.spreadsheet
      .getSheets()[0]
      ?.getRange('A1:B1')
      .setValues([['Won', 3]]);
    source.save();
    const company = directory.openPath(join(folder, 'company.json'));
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${source.link}"; "A1:B1")`);
    company.allowImport(source.id);
    expect(rows(company, 'Sheet1', 1, 2)).toEqual([['Won', 3]]);

    source.setCell('Sheet1', 'B1', '4');
    expect(rows(company, 'Sheet1', 1, 2)).toEqual([['Won', 4]]);
    source.save();
    company.save();

    // A new session over the same folder: the pair stays connected.
    const again = new WorkbookFolder(folder, { bundlePath: BUNDLE });
    expect(
      again
        .list()
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([company.id, source.id].sort());
    const reopened = again.get(company.id);
    expect(reopened && rows(reopened, 'Sheet1', 1, 2)).toEqual([['Won', 4]]);
  });

  it('names a missing spreadsheet, sheet or range, and a cycle, in a #REF!', () => {
    const directory = new OpenSpreadsheets();
    const a = team(directory, 'Team A');
    const b = open(directory, 'Team B');
    b.allowImport(a.id);
    a.allowImport(b.id);
    b.setCell('Sheet1', 'A1', '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/nope/edit"; "A1")');
    b.setCell('Sheet1', 'A2', `=IMPORTRANGE("${a.link}"; "'No such tab'!A1:B2")`);
    b.setCell('Sheet1', 'A3', `=IMPORTRANGE("${a.link}"; "A1:B2:C3")`);
    b.setCell('Sheet1', 'A4', `=IMPORTRANGE("${a.link}"; "'OKR feed'!A1")`);
    a.setCell('Sheet1', 'A1', `=IMPORTRANGE("${b.link}"; "A4")`);
    expect(b.computed('Sheet1', 1, 1)).toEqual({
      kind: 'error',
      code: '#REF!',
      message: 'Could not find the spreadsheet "nope" in this folder.',
    });
    expect(b.computed('Sheet1', 2, 1)).toMatchObject({
      code: '#REF!',
      message: "Unable to parse range: 'No such tab'!A1:B2",
    });
    expect(b.computed('Sheet1', 3, 1)).toMatchObject({ code: '#REF!', message: 'Unable to parse range: A1:B2:C3' });
    // A imports B's A4, which imports A: the pair never settles, as in Sheets.
    expect(a.computed('Sheet1', 1, 1)).toMatchObject({ kind: 'error', code: '#REF!' });
  });

  it('reads a named range of the source as its range string, following the name when it moves', () => {
    const directory = new OpenSpreadsheets();
    const source = team(directory, 'Team A');
    const book = source.services.spreadsheet;
    book.setNamedRange('OKR_FEED', book.getRange("'OKR feed'!A1:C3"));
    const company = open(directory, 'Company');
    company.allowImport(source.id);
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${source.link}"; "OKR_FEED")`);
    expect(rows(company, 'Sheet1', 3, 3)).toEqual([
      ['team', 'kr', 'score'],
      ['Team A', 'KR 1', 0.5],
      ['Team A', 'KR 2', 1],
    ]);

    // The tab renamed: the name follows it, and so does the import.
    book.sheetByName('OKR feed')?.setName('Feed (old)');
    expect(value(company.computed('Sheet1', 2, 2))).toBe('KR 1');
    // The name pointed elsewhere: the import reads the new range.
    book.setNamedRange('OKR_FEED', book.getRange("'Feed (old)'!B2:C3"));
    expect(rows(company, 'Sheet1', 2, 2)).toEqual([
      ['KR 1', 0.5],
      ['KR 2', 1],
    ]);
    // A name the source does not have is a range Sheets cannot parse.
    company.setCell('Sheet1', 'E1', `=IMPORTRANGE("${source.link}"; "NO_SUCH_NAME")`);
    expect(company.computed('Sheet1', 1, 5)).toMatchObject({
      code: '#REF!',
      message: 'Unable to parse range: NO_SUCH_NAME',
    });
  });

  it('computes again only the import whose access was allowed, without starting the engine afresh', () => {
    const directory = new OpenSpreadsheets();
    const a = team(directory, 'Team A');
    const b = team(directory, 'Team B');
    const company = open(directory, 'Company');
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${a.link}"; "'OKR feed'!A1:C3")`);
    company.setCell('Sheet1', 'E1', `=IMPORTRANGE("${b.link}"; "'OKR feed'!A1:C3")`);
    company.setCell('Sheet1', 'A5', '=SUM(C2:C3)+SUM(G2:G3)');
    expect(company.computed('Sheet1', 1, 1)).toMatchObject({ kind: 'error', code: '#REF!' });
    expect(value(company.computed('Sheet1', 5, 1))).toBe(0);
    const builds = company.calcFigures().builds;
    company.allowImport(a.id);
    expect(value(company.computed('Sheet1', 5, 1))).toBe(1.5);
    expect(company.computed('Sheet1', 1, 5)).toMatchObject({ kind: 'error', code: '#REF!' });
    company.allowImport(b.id);
    expect(value(company.computed('Sheet1', 5, 1))).toBe(3);
    b.setCell('OKR feed', 'C2', '2');
    expect(value(company.computed('Sheet1', 5, 1))).toBe(7.5);
    expect(company.calcFigures().builds).toBe(builds);
  });

  it('takes a link from a cell, as IMPORTRANGE(A2; "B2") does', () => {
    const directory = new OpenSpreadsheets();
    const source = team(directory, 'Team A');
    const company = open(directory, 'Company');
    company.allowImport(source.id);
    company.setCell('Sheet1', 'A1', source.link);
    // A leading ' would make the typed text lose it (Sheets' text prefix), so the name goes unquoted.
    company.setCell('Sheet1', 'B1', 'OKR feed!A2:C3');
    company.setCell('Sheet1', 'A3', '=IMPORTRANGE(A1; B1)');
    expect(rows(company, 'Sheet1', 4, 3).slice(2)).toEqual([
      ['Team A', 'KR 1', 0.5],
      ['Team A', 'KR 2', 1],
    ]);
  });

  it('refuses an import of more than 10 MB with "Result too large."', () => {
    const directory = new OpenSpreadsheets();
    const source = open(directory, 'Big');
    const company = open(directory, 'Company');
    company.allowImport(source.id);
    const text = 'x'.repeat(50_000);
    const height = Math.ceil(IMPORT_LIMIT_BYTES / text.length) + 1;
    source.services.spreadsheet
      .getSheets()[0]
      ?.getRange(1, 1, height, 1)
      .setValues(Array.from({ length: height }, () => [text]));
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${source.link}"; "A1:A${height}")`);
    expect(company.computed('Sheet1', 1, 1)).toEqual({ kind: 'error', code: '#REF!', message: 'Result too large.' });
    company.setCell('Sheet1', 'A1', `=IMPORTRANGE("${source.link}"; "A1:A3")`);
    expect(value(company.computed('Sheet1', 3, 1))).toBe(text);
  });
});
