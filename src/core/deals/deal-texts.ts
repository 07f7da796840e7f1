// The words of the Deals sheet and of the problems an export can have, in Polish and English: the sheet's
// column headers, the outcome and forecast-category words it writes, and `dealProblemText`, which the menu,
// the server's answers' readers and the CLI use to say a DealProblem in the user's language.

import { defineTexts, type Lang } from '../i18n';
import type { DealField, DealProblem, ForecastCategory, Outcome } from './deal';

export const dealText = defineTexts(() => [
  {
    sheetName: 'Deals',
    col_id: 'Deal ID',
    col_deal: 'Deal',
    col_owner: 'Owner',
    col_amount: 'Amount',
    col_stage: 'Stage',
    col_probability: 'Probability',
    col_category: 'Forecast category',
    col_created: 'Created',
    col_closed: 'Close date',
    col_outcome: 'Outcome',
    col_lossReason: 'Loss reason',
    col_weighted: 'Weighted amount',
    outcome_won: 'won',
    outcome_lost: 'lost',
    outcome_open: 'open',
    category_pipeline: 'pipeline',
    category_bestCase: 'best case',
    category_commit: 'commit',
    category_closed: 'closed',
    category_omitted: 'omitted',
    helpOutcome: 'won, lost or open',
    helpCategory: 'pipeline, best case, commit, closed or omitted',
    headerNote:
      'Paste a CRM export here (from row 1, its header row included) or use okr deals. Headers are matched by name in Polish or English; extra columns are kept.',
    missingColumns: 'the header row has no column for {missing} (matched: {matched})',
    noDealName: 'row {row}: no deal name',
    duplicateId: 'row {row}: deal “{id}” is already on row {earlier}',
    notANumber: 'row {row}: {field} “{value}” is not a number',
    notADate: 'row {row}: {field} “{value}” is not a date (use 2027-01-15 or 15.01.2027)',
    closedBeforeCreated: 'row {row}: the close date {closed} is before the created date {created}',
    probabilityOutOfRange: 'row {row}: probability “{value}” is not between 0 and 100%',
    unknownOutcome: 'row {row}: outcome “{value}” is not won, lost or open',
    unknownCategory: 'row {row}: forecast category “{value}” is not pipeline, best case, commit, closed or omitted',
    noRows: 'the export has a header row but no deals',
    nothing: '(nothing)',
    menuItem: 'Deals sheet',
    importMenuItem: 'Import deals…',
    finalStage: 'Deals in the final stage (commit)',
    fromDeals:
      'Computed from the sheet “{name}”: value = open deals, closed = won this quarter, forecast = weighted amounts of open deals closing in the next 14 days.',
    opened: 'Opened the sheet “{name}”.',
    created: 'Created the sheet “{name}”: paste a CRM export into it from row 1, or type deals below the header.',
  },
  {
    sheetName: 'Transakcje',
    col_id: 'ID transakcji',
    col_deal: 'Transakcja',
    col_owner: 'Właściciel',
    col_amount: 'Kwota',
    col_stage: 'Etap',
    col_probability: 'Prawdopodobieństwo',
    col_category: 'Kategoria prognozy',
    col_created: 'Data utworzenia',
    col_closed: 'Data zamknięcia',
    col_outcome: 'Wynik',
    col_lossReason: 'Powód przegranej',
    col_weighted: 'Kwota ważona',
    outcome_won: 'wygrana',
    outcome_lost: 'przegrana',
    outcome_open: 'otwarta',
    category_pipeline: 'lejek',
    category_bestCase: 'najlepszy scenariusz',
    category_commit: 'pewne',
    category_closed: 'zamknięte',
    category_omitted: 'pominięte',
    helpOutcome: 'wygrana, przegrana albo otwarta',
    helpCategory: 'lejek, najlepszy scenariusz, pewne, zamknięte albo pominięte',
    headerNote:
      'Wklej tu eksport z CRM (od wiersza 1, z wierszem nagłówków) albo użyj okr deals. Nagłówki są rozpoznawane po nazwie, po polsku lub angielsku; dodatkowe kolumny zostają.',
    missingColumns: 'w wierszu nagłówków brak kolumny {missing} (rozpoznane: {matched})',
    noDealName: 'wiersz {row}: brak nazwy transakcji',
    duplicateId: 'wiersz {row}: transakcja „{id}” jest już w wierszu {earlier}',
    notANumber: 'wiersz {row}: {field} „{value}” nie jest liczbą',
    notADate: 'wiersz {row}: {field} „{value}” nie jest datą (użyj 2027-01-15 albo 15.01.2027)',
    closedBeforeCreated: 'wiersz {row}: data zamknięcia {closed} jest przed datą utworzenia {created}',
    probabilityOutOfRange: 'wiersz {row}: prawdopodobieństwo „{value}” nie mieści się między 0 a 100%',
    unknownOutcome: 'wiersz {row}: wynik „{value}” to nie wygrana, przegrana ani otwarta',
    unknownCategory:
      'wiersz {row}: kategoria prognozy „{value}” to nie lejek, najlepszy scenariusz, pewne, zamknięte ani pominięte',
    noRows: 'eksport ma wiersz nagłówków, ale żadnej transakcji',
    nothing: '(nic)',
    menuItem: 'Arkusz transakcji',
    importMenuItem: 'Importuj transakcje…',
    finalStage: 'Okazje w final stage (pewne)',
    fromDeals:
      'Liczone z arkusza „{name}”: wartość = otwarte transakcje, zamknięte = wygrane w tym kwartale, prognoza = kwoty ważone otwartych transakcji z datą zamknięcia w ciągu 14 dni.',
    opened: 'Otwarto arkusz „{name}”.',
    created:
      'Utworzono arkusz „{name}”: wklej do niego eksport z CRM od wiersza 1 albo wpisuj transakcje pod nagłówkiem.',
  },
]);

/** The header of a deal field in a language. */
export function dealHeader(lang: Lang, field: DealField): string {
  return dealText(lang, `col_${field}`);
}

export function outcomeWord(lang: Lang, outcome: Outcome): string {
  return dealText(lang, `outcome_${outcome}`);
}

export function categoryWord(lang: Lang, category: ForecastCategory): string {
  return dealText(lang, `category_${category}`);
}

/** A problem of an export in the user's language. */
export function dealProblemText(lang: Lang, problem: DealProblem): string {
  switch (problem.code) {
    case 'missingColumns':
      return dealText(lang, 'missingColumns', {
        missing: problem.missing.map((field) => dealHeader(lang, field)).join(', '),
        matched: problem.matched.length > 0 ? problem.matched.join(', ') : dealText(lang, 'nothing'),
      });
    case 'notANumber':
    case 'notADate':
      return dealText(lang, problem.code, { ...problem, field: dealHeader(lang, problem.field) });
    case 'noRows':
      return dealText(lang, 'noRows');
    default:
      return dealText(lang, problem.code, { ...problem });
  }
}
