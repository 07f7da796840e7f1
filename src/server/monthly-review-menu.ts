// The menu item "Monthly review": runs ./monthly-review.ts for this month and says in the spreadsheet's
// language what it did (the tab made or opened), or why not (a month outside the quarter names its months).

import { defineTexts, type Lang } from '../core/i18n';
import { reviewProblemText, reviewText } from '../core/review/review-texts';
import type { GenerateReviewResult, ReviewNote } from '../shared/review-api';
import { spreadsheetLang } from './language';
import { generateReview } from './monthly-review';

const texts = defineTexts(() => [
  {
    created: 'The review of {month} ({quarter}) is in the tab “{sheet}”.',
    opened: 'The review of {month} existed already: “{sheet}” is opened, unchanged.',
    nameTaken: 'A sheet named “{name}” existed already; the review was added as “{newName}”.',
    brokenOkrRow: 'Row {row} of the OKR sheet was left out: {message}',
    unreadableDeals: '{count} rows of the Deals sheet do not read as deals and were left out (rows {rows}).',
    noQuarter: 'There is no OKR sheet yet: create one with New quarter….',
    unreadable: 'The OKR sheet “{sheet}” could not be read, so no review was made:',
    badRequest: 'The add-on could not read the request.',
  },
  {
    created: 'Przegląd {month} ({quarter}) jest w zakładce „{sheet}”.',
    opened: 'Przegląd {month} już istniał: otwieram „{sheet}” bez zmian.',
    nameTaken: 'Arkusz „{name}” już istniał; przegląd dodano jako „{newName}”.',
    brokenOkrRow: 'Pominięto wiersz {row} arkusza OKR: {message}',
    unreadableDeals:
      '{count} wierszy arkusza Transakcje nie da się odczytać jako transakcji; pominięto je (wiersze {rows}).',
    noQuarter: 'Nie ma jeszcze arkusza OKR: utwórz go poleceniem Nowy kwartał….',
    unreadable: 'Nie udało się odczytać arkusza OKR „{sheet}”, więc nie utworzono przeglądu:',
    badRequest: 'Dodatek nie mógł odczytać żądania.',
  },
]);

function noteText(note: ReviewNote, lang: Lang): string {
  switch (note.code) {
    case 'nameTaken':
      return texts(lang, 'nameTaken', { name: note.name, newName: note.newName });
    case 'brokenOkrRow':
      return texts(lang, 'brokenOkrRow', { row: note.row, message: note.message });
    case 'unreadableDeals':
      return texts(lang, 'unreadableDeals', { count: note.count, rows: note.rows.join(', ') });
  }
}

/** What a review did, as the menu says it. */
export function reviewMessage(result: GenerateReviewResult, lang: Lang): string {
  if (!result.ok) {
    if (result.code === 'badMonth' || result.code === 'monthOutsideQuarter') return reviewProblemText(result, lang);
    if (result.code === 'unreadable') {
      const lines = result.problems.map((problem) => `• ${problem.row}: ${problem.message}`);
      return [texts(lang, 'unreadable', { sheet: result.sheetName }), ...lines].join('\n');
    }
    return texts(lang, result.code);
  }
  const params = { month: result.month, quarter: result.quarter, sheet: result.sheetName };
  return [
    texts(lang, result.created ? 'created' : 'opened', params),
    ...result.notes.map((n) => noteText(n, lang)),
  ].join('\n\n');
}

/** Menu item Monthly review: opens or creates this month's review tab; a refusal is shown in a dialog. */
export function showMonthlyReview(): void {
  const result = generateReview({});
  const lang = spreadsheetLang();
  const title = reviewText(lang, 'menuItem');
  if (result.ok && result.notes.length === 0) {
    SpreadsheetApp.getActiveSpreadsheet().toast(reviewMessage(result, lang), title);
    return;
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, reviewMessage(result, lang), ui.ButtonSet.OK);
}
