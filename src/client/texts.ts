// Every text of the sidebar, in English and Polish. The English catalog defines the keys; a key missing in
// Polish is a compile error.

import { defineTexts, type Lang, type MessageParams } from '../core/i18n';

const translate = defineTexts(
  {
    loading: 'Loading…',
    loadFailed: 'The sidebar could not load: {reason}',
    notInSheets: 'This page talks to Google Sheets; open it from the add-on menu.',
    retry: 'Try again',
    newQuarter: 'New quarter',
    settings: 'Settings',
    backToQuarter: '← New quarter',
    openSettings: 'Settings',
    // The quarter.
    sectionQuarter: 'Quarter',
    period: 'Period',
    customDates: 'Custom dates',
    year: 'Year',
    quarterNumber: 'Quarter',
    firstDay: 'First day',
    lastDay: 'Last day',
    periodPreview: '{label}: {start} – {end}',
    fiscalNote: 'Fiscal year from {month} (change in Settings).',
    team: 'Team name',
    teamPlaceholder: 'e.g. Sales Poland',
    language: 'Sheet language',
    currency: 'Currency',
    levels: 'Levels',
    levelsHint: 'Individual OKRs are optional: for teams of 3–5 people team OKRs are enough.',
    levelCompany: 'Company',
    levelTeam: 'Team',
    levelIndividual: 'Individual',
    formulaStyle: 'Formulas',
    formulaAddon: 'Add-on functions (KR_SCORE…)',
    formulaPortable: 'Portable formulas (work without the add-on)',
    // The previous quarter.
    sectionPrevious: 'Start from {sheet}',
    usePrevious: 'Continue from “{sheet}”: its objectives and key results come along',
    previousHint:
      'For each key result choose: carry over (the new start is its last value), keep as is, or drop. “{sheet}” is then closed: values kept, sheet protected.',
    setAll: 'Set all',
    carry: 'Carry over',
    carryWith: 'Carry over (start {value})',
    keep: 'Keep as is',
    drop: 'Drop',
    continues: 'From {sheet}',
    lastValue: 'last value of {sheet}',
    dropped: 'dropped',
    // Objectives.
    sectionObjectives: 'Objectives',
    objectivesHint: '3–5 objectives, each with 2–5 key results: outcomes, not activities.',
    objective: 'Objective {id}',
    objectiveTitle: 'Objective',
    objectivePlaceholder: 'e.g. Build a predictable pipeline',
    level: 'Level',
    supports: 'Supports company objective',
    supportsNone: '— none —',
    removeObjective: 'Remove objective {id}',
    addObjective: '+ Add objective',
    keyResult: 'Key result {id}',
    krTitle: 'Key result',
    krPlaceholder: 'e.g. Win 8 new clients',
    removeKeyResult: 'Remove key result {id}',
    addKeyResult: '+ Key result',
    library: 'From library',
    librarySearch: 'Search the sales KR library',
    libraryPlaceholder: 'e.g. pipeline, churn, win rate',
    libraryEmpty: 'No template matches “{query}”.',
    libraryAdd: 'Add “{title}” to {id}',
    kind: 'Kind',
    kindIncrease: 'Increase ↑',
    kindDecrease: 'Decrease ↓',
    kindAtLeast: 'At least ≥',
    kindAtMost: 'At most ≤',
    kindMilestone: 'Milestone ✓',
    unit: 'Unit',
    unitCount: 'Count',
    unitCurrency: 'Amount ({currency})',
    unitPercent: 'Percent %',
    unitDays: 'Days',
    unitHours: 'Hours',
    unitPoints: 'Points',
    start: 'Start',
    target: 'Target',
    startOptional: 'optional',
    milestoneNote: 'Scored done / not done: type yes or no in the sheet.',
    weight: 'Weight',
    owner: 'Owner',
    ownerPlaceholder: 'Name',
    committed: 'Committed: we promise 100%',
    committedHint: 'Green only at full pace; leave unticked for aspirational (70% is a success).',
    // Submitting.
    submit: 'Create the OKR sheet',
    submitting: 'Creating the sheet…',
    fixErrors: 'Please fix {count} field(s) before creating the sheet:',
    failed: 'Something went wrong: {reason}',
    done: 'Done: “{sheet}” is ready',
    doneHint: 'Type the latest values into its current-value column; scores, statuses and colours follow.',
    doneWarnings: 'Worth a look:',
    close: 'Close',
    planAnother: 'Plan another quarter',
    // Settings.
    settingsLanguage: 'Add-on language',
    languageAuto: 'Automatic (spreadsheet locale)',
    fiscalStartMonth: 'Fiscal year starts in',
    defaultCurrency: 'Default currency',
    defaultFormulaStyle: 'Formula style',
    defaultTeam: 'Default team name',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved.',
    // The weekly check-in.
    checkInTitle: 'Weekly check-in',
    checkInWeek: 'Week {week} · {quarter}',
    checkInDates: '{monday} – {sunday}',
    checkInHint:
      'Type this week’s values, confidence and comments into the tab, then record: each value goes into the OKR sheet, and one row per key result into History.',
    checkInNotes: 'Worth a look:',
    checkInRecordedBefore: 'Week {week} is already in History: recording again replaces its rows; other weeks stay.',
    refresh: 'Refresh',
    record: 'Record check-in',
    recording: 'Recording…',
    confirmTitle: 'Record week {week} again?',
    recordAgain: 'Record again',
    cancel: 'Cancel',
    recordedTitle: 'Week {week} recorded',
    recordedOne: '1 key result recorded.',
    recordedFew: '{count} key results recorded.',
    recordedMany: '{count} key results recorded.',
    recordedNone: 'No key result recorded: nothing was typed this week.',
    replacedRows:
      'Week {week} was recorded before: its History rows were replaced ({count}); other weeks were not touched.',
    firstRecording: 'First recording of week {week}: no History row replaced.',
    skippedTitle: 'Left alone: these current-value cells hold your own formula',
    skippedItem: '{id}: cell {cell}, row {row} of the OKR sheet',
    skippedHint: 'Their values are in History; the formulas in the OKR sheet were not overwritten.',
    problemsTitle: 'Not recorded: rows with a problem',
    blankTitle: 'Nothing typed this week, not recorded',
    copyAsText: 'Copy as text',
    preparingText: 'Preparing the text…',
    textTitle: 'The check-in as text',
    textHint: 'Ready to paste into an email or a chat.',
    copiedText: 'The check-in is copied as text: paste it into an email or a chat.',
    copyManually: 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    recordedBy: 'Who records',
    recordedByNobody: '(not named)',
    recordedByLine: 'Recorded by {name}: the name is in History’s “Who” column.',
    // What the server tells about a check-in, by code (src/core/check-in/check-in-notes.ts).
    note_noQuarter: 'There is no OKR sheet yet: start one with OKR Sheets ▸ New quarter…',
    note_notStarted:
      '{quarter} starts on {start}; its first check-in is in week 1, from {monday}. Nothing was created.',
    note_quarterOver:
      '{quarter} ended on {end}: this is its last check-in (week {week}). Start the next quarter with OKR Sheets ▸ New quarter…',
    note_unreadable: 'The OKR sheet “{name}” could not be read; fix its rows and try again.',
    note_opened: 'The check-in of week {week} exists already: it was opened, not changed.',
    note_created: 'Added "{name}" with {count} key results.',
    note_nameTaken: 'A sheet named “{name}” exists already; the check-in was added as “{newName}”.',
    note_brokenOkrRow: 'Row {row} of the OKR sheet: {message}',
    note_noTab:
      'There is no check-in tab to work with: open one (such as “Check-in W05”), or create this week’s with OKR Sheets ▸ Weekly check-in.',
    note_tabGone: 'The check-in tab this sidebar was showing is gone; open a check-in tab and press Refresh.',
    note_nothingTyped: 'No values were typed in this check-in; nothing was recorded.',
    note_noOkrSheet:
      'The OKR sheet of {quarter} was not found; values went to History only, no current value was updated.',
    note_notInOkrSheet: 'Key result {id} is no longer in the OKR sheet: its value went to History only.',
    note_unknownOwner: '“{name}” is none of the key results’ owners in this check-in; nothing was recorded.',
    note_badRequest: 'The sidebar sent a request the add-on cannot read; close the sidebar and open it again.',
    note_failed_generate: 'The check-in tab could not be made: {reason}',
    note_failed_record: 'The check-in could not be recorded: {reason}',
    note_failed_text: 'The check-in could not be turned into text: {reason}',
  },
  {
    loading: 'Wczytywanie…',
    loadFailed: 'Nie udało się wczytać panelu: {reason}',
    notInSheets: 'Ta strona współpracuje z Arkuszami Google; otwórz ją z menu dodatku.',
    retry: 'Spróbuj ponownie',
    newQuarter: 'Nowy kwartał',
    settings: 'Ustawienia',
    backToQuarter: '← Nowy kwartał',
    openSettings: 'Ustawienia',
    sectionQuarter: 'Kwartał',
    period: 'Okres',
    customDates: 'Własne daty',
    year: 'Rok',
    quarterNumber: 'Kwartał',
    firstDay: 'Pierwszy dzień',
    lastDay: 'Ostatni dzień',
    periodPreview: '{label}: {start} – {end}',
    fiscalNote: 'Rok obrotowy od: {month} (zmiana w Ustawieniach).',
    team: 'Nazwa zespołu',
    teamPlaceholder: 'np. Sprzedaż Polska',
    language: 'Język arkusza',
    currency: 'Waluta',
    levels: 'Poziomy',
    levelsHint: 'OKR indywidualne są opcjonalne: w zespołach 3–5 osób wystarczą OKR zespołu.',
    levelCompany: 'Firma',
    levelTeam: 'Zespół',
    levelIndividual: 'Indywidualne',
    formulaStyle: 'Formuły',
    formulaAddon: 'Funkcje dodatku (KR_SCORE…)',
    formulaPortable: 'Przenośne formuły (działają bez dodatku)',
    sectionPrevious: 'Kontynuacja: {sheet}',
    usePrevious: 'Kontynuuj „{sheet}”: jego cele i kluczowe rezultaty przejdą dalej',
    previousHint:
      'Dla każdego kluczowego rezultatu wybierz: przenieś (nowy start = ostatnia wartość), zostaw bez zmian albo pomiń. „{sheet}” zostanie potem zamknięty: wartości zostają, arkusz chroniony.',
    setAll: 'Ustaw wszystkie',
    carry: 'Przenieś',
    carryWith: 'Przenieś (start {value})',
    keep: 'Zostaw bez zmian',
    drop: 'Pomiń',
    continues: 'Z arkusza {sheet}',
    lastValue: 'ostatnia wartość z {sheet}',
    dropped: 'pominięty',
    sectionObjectives: 'Cele',
    objectivesHint: '3–5 celów, każdy z 2–5 kluczowymi rezultatami: efekty, nie czynności.',
    objective: 'Cel {id}',
    objectiveTitle: 'Cel',
    objectivePlaceholder: 'np. Zbudować przewidywalny pipeline',
    level: 'Poziom',
    supports: 'Wspiera cel firmy',
    supportsNone: '— brak —',
    removeObjective: 'Usuń cel {id}',
    addObjective: '+ Dodaj cel',
    keyResult: 'Kluczowy rezultat {id}',
    krTitle: 'Kluczowy rezultat',
    krPlaceholder: 'np. Pozyskać 8 nowych klientów',
    removeKeyResult: 'Usuń kluczowy rezultat {id}',
    addKeyResult: '+ Kluczowy rezultat',
    library: 'Z biblioteki',
    librarySearch: 'Szukaj w bibliotece KR dla sprzedaży',
    libraryPlaceholder: 'np. pipeline, churn, win rate',
    libraryEmpty: 'Żaden szablon nie pasuje do „{query}”.',
    libraryAdd: 'Dodaj „{title}” do {id}',
    kind: 'Rodzaj',
    kindIncrease: 'Wzrost ↑',
    kindDecrease: 'Spadek ↓',
    kindAtLeast: 'Co najmniej ≥',
    kindAtMost: 'Co najwyżej ≤',
    kindMilestone: 'Kamień milowy ✓',
    unit: 'Jednostka',
    unitCount: 'Liczba',
    unitCurrency: 'Kwota ({currency})',
    unitPercent: 'Procent %',
    unitDays: 'Dni',
    unitHours: 'Godziny',
    unitPoints: 'Punkty',
    start: 'Start',
    target: 'Cel',
    startOptional: 'opcjonalnie',
    milestoneNote: 'Oceniany zrobione / niezrobione: w arkuszu wpisz tak albo nie.',
    weight: 'Waga',
    owner: 'Właściciel',
    ownerPlaceholder: 'Imię',
    committed: 'Zobowiązanie: obiecujemy 100%',
    committedHint: 'Zielony tylko przy pełnym tempie; bez zaznaczenia to ambicja (70% to sukces).',
    submit: 'Utwórz arkusz OKR',
    submitting: 'Tworzę arkusz…',
    fixErrors: 'Popraw pola ({count}) przed utworzeniem arkusza:',
    failed: 'Coś poszło nie tak: {reason}',
    done: 'Gotowe: arkusz „{sheet}” czeka',
    doneHint: 'Wpisuj najnowsze wartości w kolumnie wartości bieżącej; wyniki, statusy i kolory liczą się same.',
    doneWarnings: 'Warto sprawdzić:',
    close: 'Zamknij',
    planAnother: 'Zaplanuj kolejny kwartał',
    settingsLanguage: 'Język dodatku',
    languageAuto: 'Automatycznie (ustawienia regionalne arkusza)',
    fiscalStartMonth: 'Rok obrotowy zaczyna się w',
    defaultCurrency: 'Domyślna waluta',
    defaultFormulaStyle: 'Styl formuł',
    defaultTeam: 'Domyślna nazwa zespołu',
    save: 'Zapisz ustawienia',
    saving: 'Zapisuję…',
    saved: 'Ustawienia zapisane.',
    checkInTitle: 'Cotygodniowy check-in',
    checkInWeek: 'Tydzień {week} · {quarter}',
    checkInDates: '{monday} – {sunday}',
    checkInHint:
      'Wpisz w zakładce wartości z tego tygodnia, pewność i komentarze, potem zapisz: każda wartość trafi do arkusza OKR, a po jednym wierszu na kluczowy rezultat do Historii.',
    checkInNotes: 'Warto sprawdzić:',
    checkInRecordedBefore:
      'Tydzień {week} jest już w Historii: ponowny zapis zastąpi jego wiersze; inne tygodnie zostają.',
    refresh: 'Odśwież',
    record: 'Zapisz check-in',
    recording: 'Zapisuję…',
    confirmTitle: 'Zapisać tydzień {week} ponownie?',
    recordAgain: 'Zapisz ponownie',
    cancel: 'Anuluj',
    recordedTitle: 'Tydzień {week} zapisany',
    recordedOne: 'Zapisano 1 kluczowy rezultat.',
    recordedFew: 'Zapisano {count} kluczowe rezultaty.',
    recordedMany: 'Zapisano {count} kluczowych rezultatów.',
    recordedNone: 'Nie zapisano żadnego kluczowego rezultatu: w tym tygodniu nic nie wpisano.',
    replacedRows:
      'Tydzień {week} był już zapisany: jego wiersze w Historii zastąpiono ({count}); innych tygodni nie ruszano.',
    firstRecording: 'Pierwszy zapis tygodnia {week}: żadnego wiersza Historii nie zastąpiono.',
    skippedTitle: 'Pominięte: te komórki wartości bieżącej mają Twoją formułę',
    skippedItem: '{id}: komórka {cell}, wiersz {row} arkusza OKR',
    skippedHint: 'Ich wartości są w Historii; formuł w arkuszu OKR nie nadpisano.',
    problemsTitle: 'Niezapisane: wiersze z problemem',
    blankTitle: 'Nic nie wpisano w tym tygodniu, nie zapisano',
    copyAsText: 'Kopiuj jako tekst',
    preparingText: 'Przygotowuję tekst…',
    textTitle: 'Check-in jako tekst',
    textHint: 'Gotowy do wklejenia w e-mail lub czat.',
    copiedText: 'Check-in skopiowany jako tekst: wklej go do e-maila lub czatu.',
    copyManually: 'Tekst jest zaznaczony: naciśnij Ctrl+C (⌘C na Macu), aby go skopiować.',
    recordedBy: 'Kto zapisuje',
    recordedByNobody: '(bez nazwiska)',
    recordedByLine: 'Zapisał(a): {name}; nazwisko jest w kolumnie „Kto” w Historii.',
    note_noQuarter: 'Nie ma jeszcze arkusza OKR: utwórz go przez OKR Sheets ▸ Nowy kwartał…',
    note_notStarted:
      '{quarter} zaczyna się {start}; pierwszy check-in jest w tygodniu 1, od {monday}. Niczego nie utworzono.',
    note_quarterOver:
      '{quarter} skończył się {end}: to jego ostatni check-in (tydzień {week}). Następny kwartał zacznij przez OKR Sheets ▸ Nowy kwartał…',
    note_unreadable: 'Nie udało się odczytać arkusza OKR „{name}”; popraw jego wiersze i spróbuj ponownie.',
    note_opened: 'Check-in tygodnia {week} już istnieje: został otwarty, nie zmieniony.',
    note_created: 'Dodano „{name}” z {count} kluczowymi rezultatami.',
    note_nameTaken: 'Arkusz „{name}” już istnieje; check-in dodano jako „{newName}”.',
    note_brokenOkrRow: 'Wiersz {row} arkusza OKR: {message}',
    note_noTab:
      'Nie ma zakładki check-inu do pracy: otwórz taką zakładkę (np. „Check-in T05”) albo utwórz zakładkę tego tygodnia przez OKR Sheets ▸ Cotygodniowy check-in.',
    note_tabGone: 'Zakładki check-inu pokazywanej w panelu już nie ma; otwórz zakładkę check-inu i naciśnij Odśwież.',
    note_nothingTyped: 'W tym check-inie nie wpisano żadnych wartości; niczego nie zapisano.',
    note_noOkrSheet:
      'Nie znaleziono arkusza OKR kwartału {quarter}; wartości trafiły tylko do historii, wartości bieżące nie zmieniły się.',
    note_notInOkrSheet: 'Kluczowego rezultatu {id} nie ma już w arkuszu OKR: jego wartość trafiła tylko do historii.',
    note_unknownOwner:
      '„{name}” nie jest właścicielem żadnego kluczowego rezultatu w tym check-inie; niczego nie zapisano.',
    note_badRequest: 'Panel wysłał żądanie, którego dodatek nie umie odczytać; zamknij panel i otwórz go ponownie.',
    note_failed_generate: 'Nie udało się utworzyć zakładki check-inu: {reason}',
    note_failed_record: 'Nie udało się zapisać check-inu: {reason}',
    note_failed_text: 'Nie udało się zamienić check-inu na tekst: {reason}',
  },
);

export type TextKey = Parameters<typeof translate>[1];

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  pl: [
    'styczeń',
    'luty',
    'marzec',
    'kwiecień',
    'maj',
    'czerwiec',
    'lipiec',
    'sierpień',
    'wrzesień',
    'październik',
    'listopad',
    'grudzień',
  ],
};

let current: Lang = 'en';

/** Switches the language every later `t()` speaks. */
export function setLang(lang: Lang): void {
  current = lang;
  // The unit tests run the views in Node, where there is no page.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** A text of the sidebar in the current language. */
export function t(key: TextKey, params?: MessageParams): string {
  return translate(current, key, params);
}

/** The plural form a count takes in the current language: Polish has three (1, 2–4, 5+), English two. */
export function pluralForm(count: number): 'one' | 'few' | 'many' {
  if (count === 1) return 'one';
  if (current === 'en') return 'many';
  const tens = count % 100;
  const units = count % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? 'few' : 'many';
}

/** The name of a month (1–12). */
export function monthName(month: number): string {
  return MONTHS[current][month - 1] ?? String(month);
}

/** An ISO date as a person reads it: `1 Apr 2027` / `1 kwi 2027`. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  const short = current === 'pl' ? SHORT_PL : SHORT_EN;
  return `${day} ${short[month - 1]} ${year}`;
}

const SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHORT_PL = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];
