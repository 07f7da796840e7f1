// What the OKR feed, the company roll-up and the alignment map say, in English and Polish: tab names, labels,
// notes and the problems found in a team's feed. The feed's own column names and codes are the contract's
// (./feed-schema.ts) and never translated.

import { defineTexts, type Lang } from '../i18n';
import type { FeedProblem } from './parse-feed';

export const rollupText = defineTexts(() => [
  {
    feedNote:
      'OKR feed (schema 1): one row per key result, kept current by formulas from the OKR sheet and History. A company roll-up reads it through the named range OKR_FEED: keep the columns as they are. docs/okr-feed.md describes every column.',
    feedProtection: 'The OKR feed is computed from the OKR sheet; company roll-ups read it.',
    warnFeedNameTaken:
      'A tab named "{name}" that the add-on did not make exists, so the feed is "{newName}". The company roll-up finds it anyway (named range OKR_FEED).',
    rollupSheet: 'Roll-up',
    alignmentSheet: 'Alignment map',
    rollupTitle: 'Company roll-up',
    rollupHelp:
      'One block per team, imported with IMPORTRANGE. A new team shows #REF! until someone with access to its spreadsheet clicks the block\'s first cell and picks "Allow access" (once per team).',
    teamsSection: 'Teams',
    objectivesSection: 'Company objectives',
    alignedSection: 'Team objectives aligned to company objectives',
    stackSection: 'Team feeds (imported)',
    col_team: 'Team',
    col_link: 'Spreadsheet',
    col_state: 'State',
    col_keyResults: 'Key results',
    col_block: 'Block starts at',
    col_companyObjective: 'Company objective',
    col_title: 'Title',
    col_score: 'Score',
    col_aligned: 'Team objectives',
    col_objective: 'Team objective',
    col_weight: 'Weight',
    col_keyResult: 'Key result',
    col_owner: 'Owner',
    col_status: 'Status',
    state_connected: 'connected',
    state_waiting: 'waiting for access',
    state_broken: 'broken',
    state_loading: 'loading',
    state_truncated: 'over {max} key results: the first {max} are rolled up',
    weightNote:
      "The company objective score is the weighted mean of its team objectives' scores (weights in this column, 1 by default; change them here). A team objective's score is the weighted mean of its key results' scores.",
    unaligned: '(not aligned)',
    mapTitle: 'Alignment map · {date}',
    mapHelp:
      'Company objective → team objectives → key results. Scores update with the teams\' sheets; the list itself is refreshed by "Company roll-up… ▸ Refresh".',
    problem_notAFeed: '{team}: the import is not an OKR feed (its first cell is "{value}", expected schema_version)',
    problem_schemaVersion: '{team}, row {row}: schema version "{value}" is not one this add-on reads (1)',
    problem_notANumber: '{team}, row {row}: {field} "{value}" is not a number',
    problem_unknownCode: '{team}, row {row}: {field} "{value}" is not one of: {codes}',
    problem_missing: '{team}, row {row}: {field} is empty',
    problem_duplicate: '{team}, row {row}: key result {value} is there twice; the first one counts',
    problem_error: '{team}, row {row}: {field} shows the error {value}',
    problem_unknownParent: '{team}: objective {objective} supports "{value}", which is no company objective',
  },
  {
    feedNote:
      'Kanał OKR (schemat 1): jeden wiersz na kluczowy rezultat, aktualny dzięki formułom z arkusza OKR i Historii. Zestawienie firmowe czyta go przez zakres nazwany OKR_FEED: nie zmieniaj kolumn. docs/okr-feed.md opisuje każdą kolumnę.',
    feedProtection: 'Kanał OKR jest liczony z arkusza OKR; czytają go zestawienia firmowe.',
    warnFeedNameTaken:
      'Istnieje karta „{name}”, której nie utworzył dodatek, więc kanał to „{newName}”. Zestawienie firmowe i tak go znajdzie (zakres nazwany OKR_FEED).',
    rollupSheet: 'Zestawienie',
    alignmentSheet: 'Mapa powiązań',
    rollupTitle: 'Zestawienie firmowe',
    rollupHelp:
      'Jeden blok na zespół, importowany przez IMPORTRANGE. Nowy zespół pokazuje #REF!, dopóki ktoś z dostępem do jego arkusza nie kliknie pierwszej komórki bloku i nie wybierze „Zezwól na dostęp” (raz na zespół).',
    teamsSection: 'Zespoły',
    objectivesSection: 'Cele firmy',
    alignedSection: 'Cele zespołów powiązane z celami firmy',
    stackSection: 'Kanały zespołów (importowane)',
    col_team: 'Zespół',
    col_link: 'Arkusz',
    col_state: 'Stan',
    col_keyResults: 'Kluczowe rezultaty',
    col_block: 'Blok od wiersza',
    col_companyObjective: 'Cel firmy',
    col_title: 'Tytuł',
    col_score: 'Wynik',
    col_aligned: 'Cele zespołów',
    col_objective: 'Cel zespołu',
    col_weight: 'Waga',
    col_keyResult: 'Kluczowy rezultat',
    col_owner: 'Właściciel',
    col_status: 'Status',
    state_connected: 'połączony',
    state_waiting: 'czeka na dostęp',
    state_broken: 'błąd',
    state_loading: 'wczytywanie',
    state_truncated: 'ponad {max} kluczowych rezultatów: liczy się pierwsze {max}',
    weightNote:
      'Wynik celu firmy to średnia ważona wyników powiązanych celów zespołów (wagi w tej kolumnie, domyślnie 1; można je tu zmienić). Wynik celu zespołu to średnia ważona wyników jego kluczowych rezultatów.',
    unaligned: '(bez powiązania)',
    mapTitle: 'Mapa powiązań · {date}',
    mapHelp:
      'Cel firmy → cele zespołów → kluczowe rezultaty. Wyniki zmieniają się razem z arkuszami zespołów; samą listę odświeża „Zestawienie firmowe… ▸ Odśwież”.',
    problem_notAFeed:
      '{team}: import nie jest kanałem OKR (pierwsza komórka to „{value}”, a powinna być schema_version)',
    problem_schemaVersion: '{team}, wiersz {row}: wersja schematu „{value}” nie jest obsługiwana (1)',
    problem_notANumber: '{team}, wiersz {row}: {field} „{value}” nie jest liczbą',
    problem_unknownCode: '{team}, wiersz {row}: {field} „{value}” nie jest jednym z: {codes}',
    problem_missing: '{team}, wiersz {row}: {field} jest puste',
    problem_duplicate: '{team}, wiersz {row}: kluczowy rezultat {value} występuje dwa razy; liczy się pierwszy',
    problem_error: '{team}, wiersz {row}: {field} pokazuje błąd {value}',
    problem_unknownParent: '{team}: cel {objective} wspiera „{value}”, a to nie jest cel firmy',
  },
]);

export type RollupTextKey = Parameters<typeof rollupText>[1];

/**
 * A problem of a team's feed in words; `team` names the team (its name, or the link until the feed is read).
 * @example feedProblemText('en', { code: 'missing', team: 'Sales', row: 3, field: 'kr_id' }) // 'Sales, row 3: kr_id is empty'
 */
export function feedProblemText(lang: Lang, problem: FeedProblem, team = problem.team): string {
  return rollupText(lang, `problem_${problem.code}`, {
    team,
    row: problem.row,
    field: problem.field ?? '',
    value: problem.value ?? '',
    codes: problem.codes ?? '',
  });
}
