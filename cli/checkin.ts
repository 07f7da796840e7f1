import type { LocalRuntime } from '../local/runtime';
import { LocalRuntimeError } from '../local/runtime';
import type { WorkbookSnapshot } from '../local/snapshot';
import { type DecimalMark, decimalMarkOf, isBlank, parseNumberText, readDone } from '../src/core/cell-values';
import type { CheckInNote } from '../src/core/check-in/check-in-notes';
import { tabColumn } from '../src/core/check-in/check-in-tab';
import { defineTexts, type Lang, langFromLocale } from '../src/core/i18n';
import { columnLetter } from '../src/core/okr-sheet/cells';
import {
  CHECK_IN_BOOT_ATTRIBUTE,
  type CheckInState,
  type CheckInTabState,
  type SubmitCheckInResult,
} from '../src/shared/check-in-api';
import { type CsvRow, decimalMarkOfCsv, readCsv } from './csv';
import { CliError, type Io, readText, shownPath } from './io';
import { checkAsOf, openWorkbookAsOf } from './local';
import type { Options } from './main';
import { printCheckIn } from './summary';
import { type CheckInRow, quarterSettings, quarterSheetIds, readCheckInRows } from './workbook-view';

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
    case 'closedQuarter':
      return `${note.quarter} was closed when the next quarter was planned: this check-in still records into it${note.openQuarter ? ` (to check in to ${note.openQuarter}, use the sidebar)` : ''}`;
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

/** A number as a person would type it in the workbook's locale, without grouping: `0,35` in pl_PL. */
function typedNumber(value: number, locale: string): string {
  const text = String(value);
  return decimalMarkOf(locale) === ',' ? text.replace('.', ',') : text;
}

/** A late check-in is fine for a week after the quarter; later than that, --as-of is a typo. */
const LATE_DAYS = 7;

/**
 * Refuses an --as-of day long after the quarter of the tab Weekly check-in opened (9999-12-31 would
 * record the last week with that date), naming the quarter's dates as the add-on does for a day before it.
 */
function refuseFarAfter(asOf: string | undefined, tab: CheckInTabState, runtime: LocalRuntime): void {
  if (asOf === undefined) return;
  const book = runtime.services.spreadsheet;
  const quarter = quarterSheetIds(runtime)
    .map((id) => quarterSettings(runtime, id, book.sheetById(id)?.name ?? ''))
    .find((settings) => settings.label === tab.quarter);
  if (!quarter?.end) return;
  const latest = new Date(Date.parse(`${quarter.end}T00:00:00Z`) + LATE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (asOf <= latest) return;
  const lang = langFromLocale(runtime.services.spreadsheet.locale);
  throw new CliError(
    lang === 'pl'
      ? `--as-of ${asOf} jest długo po kwartale ${quarter.label} (${quarter.start} – ${quarter.end}): podaj dzień ` +
          `kwartału albo najpóźniej ${latest} dla spóźnionego check-inu. Niczego nie zapisano.`
      : `--as-of ${asOf} is long after ${quarter.label} (${quarter.start} – ${quarter.end}): give a day of the ` +
          `quarter, or ${latest} at the latest for a late check-in. Nothing was saved.`,
  );
}

/**
 * What `readCheckInRows` reads: the tab's cells with their values, formats and validations. A snapshot of
 * the tab alone, without conditional formatting (not read here, and a formula computed per rule and cell).
 */
function tabSnapshot(runtime: LocalRuntime, sheetId: number): WorkbookSnapshot {
  return runtime.snapshot([sheetId], { conditionalFormats: false });
}

/** What a CSV line's problem says, in the workbook's language. */
const lineTexts = defineTexts(() => [
  {
    noId: 'line {line}: no KR id in the first column',
    unknownId: 'line {line}: unknown KR id “{id}” (the tab has {ids})',
    repeated: 'line {line}: {id} was already given on line {earlier}',
    notChoice: 'line {line}: {id} is a milestone; “{value}” is not {choices} (nor yes/no)',
    notANumber: 'line {line}: {id}: “{value}” is not a number',
    splitDecimal:
      'line {line}: {id}: “{fields}” is ambiguous in a comma-separated file: {whole} with confidence {next}, or ' +
      '{whole},{next} split in two? Separate the fields with “;” or put the value in quotes ("{whole},{next}")',
    confidence: 'line {line}: {id}: confidence “{value}” is not a whole number from 1 to 10',
    empty: 'line {line}: {id}: no value, confidence or comment',
    typing: 'line {line}: {id}: {reason}',
  },
  {
    noId: 'wiersz {line}: brak identyfikatora KR w pierwszej kolumnie',
    unknownId: 'wiersz {line}: nieznany identyfikator KR „{id}” (w zakładce są {ids})',
    repeated: 'wiersz {line}: {id} podano już w wierszu {earlier}',
    notChoice: 'wiersz {line}: {id} to kamień milowy; „{value}” to nie {choices} (ani tak/nie)',
    notANumber: 'wiersz {line}: {id}: „{value}” nie jest liczbą',
    splitDecimal:
      'wiersz {line}: {id}: „{fields}” jest niejednoznaczne w pliku rozdzielanym przecinkami: {whole} z pewnością ' +
      '{next} czy {whole},{next} rozdzielone na dwa pola? Rozdziel pola średnikiem „;” albo ujmij wartość w ' +
      'cudzysłów ("{whole},{next}")',
    confidence: 'wiersz {line}: {id}: pewność „{value}” nie jest liczbą całkowitą od 1 do 10',
    empty: 'wiersz {line}: {id}: brak wartości, pewności i komentarza',
    typing: 'wiersz {line}: {id}: {reason}',
  },
]);

interface Typing {
  row: CheckInRow;
  line: number;
  value: string | null;
  confidence: string | null;
  comment: string | null;
}

/** How the CSV's lines are read: the tab's rows by id, the file's decimal mark, the workbook's locale. */
interface LineReading {
  byId: Map<string, CheckInRow>;
  decimal: DecimalMark;
  locale: string;
  lang: Lang;
}

/** What one CSV line asks to type, or the reason it cannot be used. */
function planLine(csv: CsvRow, reading: LineReading, seen: Map<string, number>): Typing | string {
  const { byId, decimal, locale, lang } = reading;
  const say = (key: Parameters<typeof lineTexts>[1], params: Record<string, string | number> = {}) =>
    lineTexts(lang, key, { line: csv.line, ...params });
  const id = csv.id.trim();
  if (!id) return say('noId');
  const row = byId.get(id.toLowerCase());
  if (!row) return say('unknownId', { id, ids: [...byId.values()].map((r) => r.id).join(', ') });
  const earlier = seen.get(row.id);
  if (earlier !== undefined) return say('repeated', { id: row.id, earlier });
  seen.set(row.id, csv.line);
  if (csv.splitDecimal) {
    const fields = [csv.value, csv.confidence, csv.comment].filter(Boolean).join(',');
    return say('splitDecimal', { id: row.id, fields, whole: csv.value, next: csv.confidence });
  }
  let value: string | null = null;
  const written = csv.value.trim();
  // A dash or a no-break space is a blank, as the core reader says: no value this week.
  if (!isBlank(written)) {
    if (row.choices && row.choices.length >= 2) {
      const exact = row.choices.find((choice) => choice.toLowerCase() === written.toLowerCase());
      const done = exact ? null : doneOf(written);
      if (exact) value = exact;
      else if (done !== null) value = done ? (row.choices[0] as string) : (row.choices[1] as string);
      else return say('notChoice', { id: row.id, value: csv.value, choices: row.choices.join(' / ') });
    } else {
      const read = readCsvNumber(written, decimal);
      if (read === undefined || read === null) return say('notANumber', { id: row.id, value: csv.value });
      let number = read;
      // A percentage written without its sign (35 for 35%): the cell holds a fraction.
      if (row.numberFormat.includes('%') && !written.includes('%') && Math.abs(number) > 1) number = number / 100;
      value = typedNumber(Number(number.toPrecision(12)), locale);
    }
  }
  let confidence: string | null = null;
  if (csv.confidence.trim()) {
    const match = /^(\d{1,2})(?:\s*\/\s*10)?$/.exec(csv.confidence.trim());
    const level = match ? Number(match[1]) : Number.NaN;
    if (!(level >= 1 && level <= 10)) return say('confidence', { id: row.id, value: csv.confidence });
    confidence = String(level);
  }
  const comment = csv.comment.trim() ? `'${csv.comment.trim()}` : null;
  if (value === null && confidence === null && comment === null) return say('empty', { id: row.id });
  return { row, line: csv.line, value, confidence, comment };
}

/**
 * A CSV value field as a number, through the core's one reader with the file's decimal mark: `null` when
 * blank (`""`, `-`, a no-break space), `undefined` when it is no number.
 */
export function readCsvNumber(written: string, decimal: DecimalMark): number | null | undefined {
  if (isBlank(written)) return null;
  return parseNumberText(written, decimal) ?? undefined;
}

/** A milestone's answer through the core's reader (tak/nie, yes/no, done, 1/0, ✓); `null` when it is none. */
function doneOf(written: string): boolean | null {
  try {
    return readDone(written, { fn: 'okr checkin', arg: 'value' });
  } catch {
    return null;
  }
}

export function runCheckIn(options: Options, root: string, io: Io): number {
  const workbook = options.workbook as string;
  const valuesPath = options.values as string;
  const asOf = options['as-of'];
  checkAsOf(asOf);
  const csvText = readText(valuesPath, 'a CSV of KR id, value, confidence, comment');

  io.out(`• Loading the workbook ${shownPath(workbook)}`);
  const runtime = openWorkbookAsOf(root, workbook, asOf);
  const book = runtime.services.spreadsheet;
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

  refuseFarAfter(asOf, tab, runtime);

  const rows = readCheckInRows(runtime, tabSnapshot(runtime, tab.sheetId), tab.sheetId);
  if (rows.length === 0) throw new CliError(`"${tab.sheetName}" has no key-result rows to fill in`);
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const locale = book.locale;
  const workbookMark = decimalMarkOf(locale);
  const csv = readCsv(
    csvText,
    (first) => !byId.has(first.id.trim().toLowerCase()) && parseNumberText(first.value, workbookMark) === null,
  );
  const reading: LineReading = {
    byId,
    decimal: decimalMarkOfCsv(csv.separator, workbookMark),
    locale,
    lang: langFromLocale(locale),
  };
  io.out(
    `• Typing ${shownPath(valuesPath)} into "${tab.sheetName}" (${csv.rows.length} line${csv.rows.length === 1 ? '' : 's'}` +
      `${csv.header ? ' after the header' : ''}, separated by “${csv.separator === '\t' ? 'tab' : csv.separator}”)`,
  );

  // Every line is checked before anything is recorded: one refused line means nothing is recorded, so a
  // week is never half in History with the rest to be guessed.
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const typings: Typing[] = [];
  for (const line of csv.rows) {
    const planned = planLine(line, reading, seen);
    if (typeof planned === 'string') problems.push(planned);
    else typings.push(planned);
  }
  const sheetName = tab.sheetName;
  const cellOf = (row: CheckInRow, key: 'value' | 'confidence' | 'comment') =>
    `${columnLetter(tabColumn(key))}${row.row}`;
  for (const typing of problems.length > 0 ? [] : typings) {
    try {
      if (typing.value !== null) runtime.setCell(sheetName, cellOf(typing.row, 'value'), typing.value);
      if (typing.confidence !== null) runtime.setCell(sheetName, cellOf(typing.row, 'confidence'), typing.confidence);
      if (typing.comment !== null) runtime.setCell(sheetName, cellOf(typing.row, 'comment'), typing.comment);
    } catch (error) {
      if (!(error instanceof LocalRuntimeError)) throw error;
      problems.push(lineTexts(reading.lang, 'typing', { line: typing.line, id: typing.row.id, reason: error.message }));
    }
  }
  if (typings.length === 0 && problems.length === 0) {
    problems.push(`${shownPath(valuesPath)} holds no key-result lines`);
  }
  if (problems.length > 0) {
    for (const problem of problems) io.err(`  ✗ ${shownPath(valuesPath)} ${problem}`);
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    io.err(`✗ ${shownPath(valuesPath)}: ${count}; nothing was recorded or saved. Fix the lines and run again.`);
    return 1;
  }
  const given = new Set(typings.map((typing) => typing.row));
  const untouched = rows.filter((row) => !given.has(row));
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
    readCheckInRows(runtime, tabSnapshot(runtime, tab.sheetId), tab.sheetId),
    io,
  );
  io.out('\nThe check-in as text:\n');
  io.out(recording.text.trimEnd());
  return 0;
}
