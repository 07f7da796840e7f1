// `okr checkin --workbook wb.json --values week5.csv [--as-of 2027-01-29] [--replace]`: a week's check-in
// as a person makes it in the add-on. The menu item Weekly check-in (`showWeeklyCheckIn`, with the bundle's
// clock at the as-of day) opens or creates the week's tab; each CSV line's value, confidence and comment
// are typed into that tab's row of the key result; then `submitCheckIn`, as the check-in sidebar sends it,
// records the week into History and the OKR sheet. The workbook is saved, and the tab's scores and the
// check-in as plain text are printed.
//
// A CSV line that cannot be used (an unknown KR id, a value that is no number, a confidence outside 1–10)
// is reported with its line and value and left out: that key result's value cell is emptied, so it is not
// recorded with last week's value. Exit code 1 when nothing could be recorded (nothing is saved then).

import { existsSync } from 'node:fs';
import { instantFromSerial, serialOfDay } from '../local/dates';
import type { LocalRuntime } from '../local/runtime';
import { LocalRuntimeError } from '../local/runtime';
import type { CheckInNote } from '../src/core/check-in/check-in-notes';
import { tabColumn } from '../src/core/check-in/check-in-tab';
import { columnLetter } from '../src/core/okr-sheet/cells';
import {
  CHECK_IN_BOOT_ATTRIBUTE,
  type CheckInState,
  type CheckInTabState,
  type SubmitCheckInResult,
} from '../src/shared/check-in-api';
import { type CsvRow, readCsv, readDone, readNumber } from './csv';
import { CliError, type Io, readText, shownPath } from './io';
import { openRuntime } from './local';
import type { Options } from './main';
import { printCheckIn } from './summary';
import { type CheckInRow, readCheckInRows } from './workbook-view';

/** The instant the bundle's clock shows for an as-of day: its noon in the workbook's time zone. */
function noonOf(iso: string, timeZone: string): Date {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return new Date(instantFromSerial(serialOfDay(year, month, day) + 0.5, timeZone));
}

function checkAsOf(asOf: string | undefined): void {
  if (asOf === undefined) return;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) === asOf;
  if (!valid) throw new CliError(`--as-of "${asOf}" is not a day such as 2027-01-29`, 2);
}

/** The JSON of the boot attribute in the sidebar's HTML: what Weekly check-in did. */
function bootOf(html: string): { generated?: { created: boolean; notes: CheckInNote[] } } | null {
  const match = new RegExp(`${CHECK_IN_BOOT_ATTRIBUTE}="([^"]*)"`).exec(html);
  if (!match) return null;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  try {
    return JSON.parse(
      (match[1] as string).replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? ''),
    );
  } catch {
    return null;
  }
}

/** What the add-on told, as the CLI says it (in English, like the rest of its output); `null` when the CLI says it otherwise. */
export function noteLine(note: CheckInNote): string | null {
  switch (note.code) {
    case 'created':
      return null; // The CLI's own "✓ Created" line says it.
    case 'opened':
      return `the check-in of week ${note.week} existed already: opened, not changed`;
    case 'nameTaken':
      return `a sheet named "${note.name}" existed already; the check-in was added as "${note.newName}"`;
    case 'quarterOver':
      return `${note.quarter} ended on ${note.end}: this is its last check-in (week ${note.week})`;
    case 'notStarted':
      return `${note.quarter} starts on ${note.start}; its first check-in is in week 1, from ${note.monday}`;
    case 'noQuarter':
      return 'there is no OKR sheet in the workbook yet';
    case 'unreadable':
      return `the OKR sheet "${note.sheetName}" could not be read`;
    case 'brokenOkrRow':
      return `⚠ row ${note.row} of the OKR sheet: ${note.message}`;
    case 'noTab':
      return 'there is no check-in tab for this week';
    case 'tabGone':
      return 'the check-in tab is gone';
    case 'nothingTyped':
      return 'no values were typed in the check-in; nothing was recorded';
    case 'noOkrSheet':
      return `the OKR sheet of ${note.quarter} was not found: values went to History only`;
    case 'notInOkrSheet':
      return `${note.keyResultId} is no longer in the OKR sheet: its value went to History only`;
    case 'unknownOwner':
      return `"${note.name}" is none of the key results' owners`;
    case 'badRequest':
      return 'the add-on could not read the request';
    case 'failed':
      return `${note.action} failed: ${note.reason}`;
  }
}

function answer<T>(runtime: LocalRuntime, name: string, ...args: unknown[]): T {
  const result = runtime.call(name, ...args);
  if (!result.ok) throw new CliError(`${name} failed: ${result.error.message}`);
  return result.value as unknown as T;
}

/** The decimal separator of a locale (`,` in pl_PL). */
function decimalOf(locale: string): string {
  try {
    const part = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value ?? '.';
  } catch {
    return '.';
  }
}

/** A number as a person would type it in the workbook's locale, without grouping: `0,35` in pl_PL. */
function typedNumber(value: number, locale: string): string {
  const text = String(value);
  return decimalOf(locale) === ',' ? text.replace('.', ',') : text;
}

interface Typing {
  row: CheckInRow;
  line: number;
  value: string | null;
  confidence: string | null;
  comment: string | null;
}

/** What one CSV line asks to type, or the reason it cannot be used. */
function planLine(
  csv: CsvRow,
  byId: Map<string, CheckInRow>,
  seen: Map<string, number>,
  decimalComma: boolean,
  locale: string,
): Typing | string {
  const id = csv.id.trim();
  if (!id) return `line ${csv.line}: no KR id in the first column`;
  const row = byId.get(id.toLowerCase());
  if (!row)
    return `line ${csv.line}: unknown KR id “${id}” (the tab has ${[...byId.values()].map((r) => r.id).join(', ')})`;
  const earlier = seen.get(row.id);
  if (earlier !== undefined)
    return `line ${csv.line}: ${row.id} was already given on line ${earlier}; this line is left out`;
  seen.set(row.id, csv.line);
  let value: string | null = null;
  if (csv.value.trim()) {
    if (row.choices && row.choices.length >= 2) {
      const exact = row.choices.find((choice) => choice.toLowerCase() === csv.value.trim().toLowerCase());
      const done = readDone(csv.value);
      if (exact) value = exact;
      else if (done !== null) value = done ? (row.choices[0] as string) : (row.choices[1] as string);
      else {
        return `line ${csv.line}: ${row.id} is a milestone; “${csv.value}” is not ${row.choices.join(' or ')} (nor yes/no)`;
      }
    } else {
      const read = readNumber(csv.value, decimalComma);
      if (!read) return `line ${csv.line}: ${row.id}: “${csv.value}” is not a number`;
      let number = read.value;
      // A percentage written without its sign (35 for 35%): the cell holds a fraction.
      if (row.numberFormat.includes('%') && !read.percent && Math.abs(number) > 1) number = number / 100;
      value = typedNumber(Number(number.toPrecision(12)), locale);
    }
  }
  let confidence: string | null = null;
  if (csv.confidence.trim()) {
    const match = /^(\d{1,2})(?:\s*\/\s*10)?$/.exec(csv.confidence.trim());
    const level = match ? Number(match[1]) : Number.NaN;
    if (!(level >= 1 && level <= 10)) {
      return `line ${csv.line}: ${row.id}: confidence “${csv.confidence}” is not a whole number from 1 to 10`;
    }
    confidence = String(level);
  }
  const comment = csv.comment.trim() ? `'${csv.comment.trim()}` : null;
  if (value === null && confidence === null && comment === null) {
    return `line ${csv.line}: ${row.id}: no value, confidence or comment`;
  }
  return { row, line: csv.line, value, confidence, comment };
}

export function runCheckIn(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const valuesPath = options.values as string;
  const asOf = options['as-of'];
  checkAsOf(asOf);
  const csvText = readText(valuesPath, 'a CSV of KR id, value, confidence, comment');
  if (!existsSync(workbook)) {
    throw new CliError(
      `${shownPath(workbook)} does not exist: make it first with \`npm run okr -- build --plan plan.json --workbook ${shownPath(workbook)}\``,
    );
  }

  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  let clockZone = 'UTC';
  const runtime = openRuntime({
    root,
    workbookPath: workbook,
    ...(asOf ? { now: () => noonOf(asOf, clockZone) } : {}),
  });
  const book = runtime.services.spreadsheet;
  clockZone = book.timeZone;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: book.timeZone }).format(new Date());
  io.out(`• Weekly check-in as of ${asOf ?? `today, ${today}`} (showWeeklyCheckIn)`);
  const namesBefore = new Set(book.sheets.map((sheet) => sheet.getName()));
  answer(runtime, 'showWeeklyCheckIn');
  const shown = runtime.takeUi();
  const alert = shown.dialogs.find((dialog) => dialog.kind === 'alert');
  if (alert) {
    const hint = asOf ? '' : ' Give the day of the check-in with --as-of YYYY-MM-DD.';
    throw new CliError(`Weekly check-in: ${alert.prompt.replace(/\n+/g, ' ')}${hint}`);
  }
  const boot = bootOf(shown.sidebars[0]?.html ?? '');
  const state = answer<CheckInState>(runtime, 'getCheckInState', {});
  if (!state.tab) throw new CliError(`Weekly check-in: ${state.notice || 'no check-in tab was opened'}`);
  const tab: CheckInTabState = state.tab;
  const created = !namesBefore.has(tab.sheetName);
  io.out(
    `✓ ${created ? 'Created' : 'Opened'} "${tab.sheetName}": week ${tab.week} of ${tab.quarter} (${tab.monday} – ${tab.sunday})`,
  );
  for (const note of boot?.generated?.notes ?? []) {
    const line = noteLine(note);
    if (line) io.out(`  ${line}`);
  }
  if (tab.recordedBefore && !options.replace) {
    throw new CliError(
      `Week ${tab.week} of ${tab.quarter} is already in History: run again with --replace to record it again ` +
        '(that week’s History rows are replaced; other weeks are not touched). Nothing was saved.',
    );
  }

  const rows = readCheckInRows(runtime, runtime.snapshot(), tab.sheetId);
  if (rows.length === 0) throw new CliError(`"${tab.sheetName}" has no key-result rows to fill in`);
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const locale = book.locale;
  const decimalComma = decimalOf(locale) === ',';
  const csv = readCsv(
    csvText,
    (first) => !byId.has(first.id.trim().toLowerCase()) && !readNumber(first.value, decimalComma),
  );
  io.out(
    `• Typing ${shownPath(valuesPath)} into "${tab.sheetName}" (${csv.rows.length} line${csv.rows.length === 1 ? '' : 's'}` +
      `${csv.header ? ' after the header' : ''}, separated by “${csv.separator === '\t' ? 'tab' : csv.separator}”)`,
  );

  const problems: string[] = [];
  const seen = new Map<string, number>();
  const typings: Typing[] = [];
  const refused = new Set<CheckInRow>();
  for (const line of csv.rows) {
    const planned = planLine(line, byId, seen, decimalComma, locale);
    if (typeof planned === 'string') {
      problems.push(planned);
      const row = byId.get(line.id.trim().toLowerCase());
      if (row && seen.get(row.id) === line.line) refused.add(row);
    } else typings.push(planned);
  }
  const sheetName = tab.sheetName;
  const cellOf = (row: CheckInRow, key: 'value' | 'confidence' | 'comment') =>
    `${columnLetter(tabColumn(key))}${row.row}`;
  let typed = 0;
  for (const typing of typings) {
    try {
      if (typing.value !== null) runtime.setCell(sheetName, cellOf(typing.row, 'value'), typing.value);
      if (typing.confidence !== null) runtime.setCell(sheetName, cellOf(typing.row, 'confidence'), typing.confidence);
      if (typing.comment !== null) runtime.setCell(sheetName, cellOf(typing.row, 'comment'), typing.comment);
      typed++;
    } catch (error) {
      if (!(error instanceof LocalRuntimeError)) throw error;
      problems.push(`line ${typing.line}: ${typing.row.id}: ${error.message}`);
      refused.add(typing.row);
    }
  }
  // A key result whose line could not be used is not recorded with the value the tab was prefilled with.
  for (const row of refused) runtime.setCell(sheetName, cellOf(row, 'value'), '');
  for (const problem of problems) io.err(`  ✗ ${shownPath(valuesPath)} ${problem}`);
  if (typed === 0) {
    io.err(`✗ Nothing could be typed from ${shownPath(valuesPath)}: nothing was recorded or saved.`);
    return 1;
  }
  const given = new Set(typings.map((typing) => typing.row));
  const untouched = rows.filter((row) => !given.has(row) && !refused.has(row));
  if (untouched.length > 0) {
    io.out(`  Not in the CSV, left as the tab had them: ${untouched.map((row) => row.id).join(', ')}`);
  }

  io.out(`• Recording week ${tab.week} (submitCheckIn)`);
  const submitted = answer<SubmitCheckInResult>(runtime, 'submitCheckIn', {
    sheetId: tab.sheetId,
    replace: options.replace === true,
  });
  if (!submitted.ok) {
    io.err(`✗ ${submitted.confirm ? `week ${tab.week} is already in History` : noteLine(submitted.notice)}`);
    io.err('Nothing was saved.');
    return 1;
  }
  const { recording } = submitted;
  const replaced =
    recording.replaced > 0 ? `, replacing ${recording.replaced} earlier row${recording.replaced === 1 ? '' : 's'}` : '';
  io.out(
    `✓ Recorded ${recording.recorded} key result${recording.recorded === 1 ? '' : 's'} of week ${recording.week} into History${replaced}`,
  );
  if (recording.skippedBlank.length > 0)
    io.out(`  Not recorded (no value this week): ${recording.skippedBlank.join(', ')}`);
  for (const cell of recording.skippedFormulaCells) {
    const address = `${columnLetter(cell.column)}${cell.row}`;
    io.out(`  ${cell.keyResultId}: the OKR sheet's cell ${address} holds a formula of its own and was left alone`);
  }
  for (const problem of recording.problems) io.out(`  ⚠ row ${problem.row}: ${problem.message}`);
  for (const note of recording.notes) {
    const line = noteLine(note);
    if (line) io.out(`  ${line}`);
  }
  if (recording.recorded === 0) {
    io.err('✗ No key result was recorded: nothing was saved.');
    return 1;
  }
  runtime.save();
  io.out(`✓ Saved the workbook ${shownPath(workbook)}`);

  printCheckIn(
    `${sheetName} · week ${tab.week} of ${tab.quarter}`,
    readCheckInRows(runtime, runtime.snapshot(), tab.sheetId),
    io,
  );
  io.out('\nThe check-in as text:\n');
  io.out(recording.text.trimEnd());
  return 0;
}
