// The menu item "Close quarter…": runs the close (./close-quarter.ts) and says in the spreadsheet's language
// what it did: the team grade and the distribution by band, the flags, or that the quarter was closed
// before and its Grades sheet is opened; overrides that do not count are named with their rows.

import { bandWord, flagLine, scoreText } from '../core/close/grades-texts';
import { defineTexts, type Lang } from '../core/i18n';
import { formatNumber, MAX_TYPED_DECIMALS } from '../core/number-format';
import type { CloseNote, CloseQuarterResult } from '../shared/close-api';
import { closeQuarter } from './close-quarter';
import { spreadsheetLang } from './language';

const texts = defineTexts(() => [
  {
    title: 'Close quarter',
    created: '{quarter} is closed: its grades are in the sheet “{sheet}”.',
    team: 'Team grade: {grade} ({band}). Key results: {green} delivered, {yellow} progress, {red} not delivered.',
    noTeamGrade: 'No key result had a value to grade.',
    existing:
      '{quarter} was closed before: its Grades sheet “{sheet}” is opened, unchanged (a quarter is closed once).',
    refused: 'Row {row} ({id}): the override {value} does not count: {why}.',
    why_noReason: 'it has no reason',
    why_outOfRange: 'a grade is between 0 and 1',
    why_notANumber: 'it is no number',
    beforeEnd: '{quarter} ends on {end}: it was closed early, with the values it has now.',
    nameTaken: 'A sheet named “{name}” existed already; the grades were added as “{newName}”.',
    brokenOkrRow: 'Row {row} of the OKR sheet was left out: {message}',
    noQuarter: 'There is no OKR sheet to close yet: create one with New quarter….',
    notStarted: '{quarter} starts on {start}: there is nothing to grade yet.',
    unreadable: 'The OKR sheet “{sheet}” could not be read, so nothing was graded:',
    badRequest: 'The add-on could not read the request.',
  },
  {
    title: 'Zamknij kwartał',
    created: '{quarter} jest zamknięty: oceny są w arkuszu „{sheet}”.',
    team: 'Ocena zespołu: {grade} ({band}). Kluczowe rezultaty: zrealizowane {green}, postęp {yellow}, niezrealizowane {red}.',
    noTeamGrade: 'Żaden kluczowy rezultat nie miał wartości do oceny.',
    existing: '{quarter} był już zamknięty: otwieram jego arkusz ocen „{sheet}” bez zmian (kwartał zamyka się raz).',
    refused: 'Wiersz {row} ({id}): korekta {value} się nie liczy: {why}.',
    why_noReason: 'nie ma powodu',
    why_outOfRange: 'ocena musi być między 0 a 1',
    why_notANumber: 'to nie liczba',
    beforeEnd: '{quarter} kończy się {end}: zamknięto go wcześniej, z obecnymi wartościami.',
    nameTaken: 'Arkusz „{name}” już istniał; oceny dodano jako „{newName}”.',
    brokenOkrRow: 'Pominięto wiersz {row} arkusza OKR: {message}',
    noQuarter: 'Nie ma jeszcze arkusza OKR do zamknięcia: utwórz go poleceniem Nowy kwartał….',
    notStarted: '{quarter} zaczyna się {start}: nie ma jeszcze czego oceniać.',
    unreadable: 'Nie udało się odczytać arkusza OKR „{sheet}”, więc niczego nie oceniono:',
    badRequest: 'Dodatek nie mógł odczytać żądania.',
  },
]);

function noteText(note: CloseNote, lang: Lang): string {
  switch (note.code) {
    case 'beforeEnd':
      return texts(lang, 'beforeEnd', { quarter: note.quarter, end: note.end });
    case 'nameTaken':
      return texts(lang, 'nameTaken', { name: note.name, newName: note.newName });
    case 'brokenOkrRow':
      return texts(lang, 'brokenOkrRow', { row: note.row, message: note.message });
  }
}

/** A refused override as typed: a number in the spreadsheet's language (0,9 in Polish), text in quotes. */
function overrideValue(value: number | string, lang: Lang): string {
  if (typeof value === 'number') return formatNumber(value, lang, MAX_TYPED_DECIMALS);
  return lang === 'pl' ? `„${value}”` : `“${value}”`;
}

/** What a close did, as the menu's dialog says it. */
export function closeQuarterMessage(result: CloseQuarterResult, lang: Lang): string {
  if (!result.ok) {
    if (result.code === 'notStarted')
      return texts(lang, 'notStarted', { quarter: result.quarter, start: result.start });
    if (result.code === 'unreadable') {
      const lines = result.problems.map((problem) => `• ${problem.row}: ${problem.message}`);
      return [texts(lang, 'unreadable', { sheet: result.sheetName }), ...lines].join('\n');
    }
    return texts(lang, result.code);
  }
  const lines: string[] = [];
  if (!result.created || !result.grades) {
    lines.push(texts(lang, 'existing', { quarter: result.quarter, sheet: result.sheetName }));
  } else {
    const { grades } = result;
    lines.push(texts(lang, 'created', { quarter: result.quarter, sheet: result.sheetName }));
    lines.push(
      grades.team === null
        ? texts(lang, 'noTeamGrade')
        : texts(lang, 'team', {
            grade: scoreText(grades.team, lang),
            band: bandWord(grades.teamBand, lang),
            green: grades.distribution.green,
            yellow: grades.distribution.yellow,
            red: grades.distribution.red,
          }),
    );
    for (const flag of grades.flags) lines.push(`⚠ ${flagLine(flag, lang)}`);
  }
  for (const refused of result.refused) {
    lines.push(
      texts(lang, 'refused', {
        row: refused.row,
        id: refused.id,
        value: overrideValue(refused.value, lang),
        why: texts(lang, `why_${refused.problem}`),
      }),
    );
  }
  for (const note of result.notes) lines.push(noteText(note, lang));
  return lines.join('\n\n');
}

/** Menu item Close quarter…: closes the quarter (or opens its Grades sheet) and says what happened. */
export function showCloseQuarter(): void {
  const result = closeQuarter({});
  const lang = spreadsheetLang();
  const ui = SpreadsheetApp.getUi();
  ui.alert(texts(lang, 'title'), closeQuarterMessage(result, lang), ui.ButtonSet.OK);
}
