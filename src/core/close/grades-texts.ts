// Every word of the close in Polish and English: the Grades sheet's labels, the bands and verdicts, the
// flags and the guide's retro questions. The grading itself (./grades.ts) answers in codes; these turn them
// into what the sheet, the menu, the sidebar and the CLI show.

import { defineTexts, type Lang } from '../i18n';
import type { GradeBand, GradeFlag, RetroQuestion } from './grades';

export const gradesText = defineTexts(() => [
  {
    sheetName: 'Grades {quarter}',
    title: 'Grades: {quarter}, {team}',
    closedOn: 'Closed on',
    okrSheet: 'OKR sheet',
    closingNote: 'Closing note',
    closingNoteHelp: 'What the quarter taught the team, in a sentence or two.',
    scale:
      'Final score = the scoring rule at the quarter’s end, exact value kept, shown to 0.1. 0.7–1.0 green (delivered), 0.4–0.69 yellow (progress), below 0.4 red; a committed KR is expected at 1.0.',
    sectionKeyResults: 'KEY RESULTS',
    col_objectiveId: 'Objective ID',
    col_krId: 'KR ID',
    col_keyResult: 'Key result',
    col_owner: 'Owner',
    col_type: 'Type',
    col_score: 'Final score',
    col_band: 'Band',
    col_verdict: 'Committed verdict',
    col_override: 'Override (0–1)',
    col_reason: 'Reason for the override',
    col_note: 'Note',
    col_flags: 'Flags',
    col_forecastError4: 'Forecast error, 4 weeks before',
    col_forecastError8: 'Forecast error, 8 weeks before',
    col_forecastErrorMean: 'Forecast error (mean)',
    forecastErrorHelp:
      'How far the standard forecasts made 4 and 8 weeks before the last recorded week were from its value, as a share of the distance from start to target, and their mean. Empty when History holds no forecast that many weeks old.',
    type_committed: 'committed',
    type_aspirational: 'aspirational',
    band_green: 'delivered',
    band_yellow: 'progress',
    band_red: 'not delivered',
    band_none: 'no value',
    verdict_met: 'met (1.0)',
    verdict_miss: 'miss: explain',
    flagCommittedMiss: 'committed KR below 1.0: explain the miss',
    flagNoValue: 'no value at the quarter’s end: not graded',
    flagOverrideNoReason: '⚠ an override needs a reason',
    overrideHelp: 'The owner’s grade, 0–1, if it differs from the final score; give the reason beside it.',
    sectionObjectives: 'OBJECTIVE AND TEAM GRADES',
    col_objective: 'Objective',
    col_grade: 'Grade',
    team: 'Team',
    sectionDistribution: 'DISTRIBUTION BY BAND',
    col_count: 'Key results',
    sectionFlags: 'FLAGS',
    noFlags: 'Nothing to flag.',
    flagAllAtOne:
      'Every key result scored 1.0: the goals were probably too safe (“sandbagging”). Aim higher next quarter.',
    flagCommittedMissLine: '{id}: committed, scored {score}: a miss to explain.',
    flagNoValueLine: '{id}: no value at the quarter’s end, not graded.',
    sectionRetro: 'RETRO',
    col_question: 'Question',
    col_answer: 'Answer',
    retro_achieved: 'What did we achieve?',
    retro_missed: 'What did we not achieve, and why?',
    retro_differently: 'What would we do differently?',
    retro_carryOn: 'What do we carry into the next quarter?',
  },
  {
    sheetName: 'Oceny {quarter}',
    title: 'Oceny: {quarter}, {team}',
    closedOn: 'Zamknięto',
    okrSheet: 'Arkusz OKR',
    closingNote: 'Notatka zamknięcia',
    closingNoteHelp: 'Czego kwartał nauczył zespół, w zdaniu lub dwóch.',
    scale:
      'Wynik końcowy = reguła oceny na koniec kwartału, dokładna wartość zachowana, pokazana z dokładnością do 0,1. 0,7–1,0 zielony (zrealizowany), 0,4–0,69 żółty (postęp), poniżej 0,4 czerwony; zobowiązujący KR ma osiągnąć 1,0.',
    sectionKeyResults: 'KLUCZOWE REZULTATY',
    col_objectiveId: 'ID celu',
    col_krId: 'ID KR',
    col_keyResult: 'Kluczowy rezultat',
    col_owner: 'Właściciel',
    col_type: 'Typ',
    col_score: 'Wynik końcowy',
    col_band: 'Przedział',
    col_verdict: 'Werdykt (zobowiązujący)',
    col_override: 'Korekta (0–1)',
    col_reason: 'Powód korekty',
    col_note: 'Notatka',
    col_flags: 'Flagi',
    col_forecastError4: 'Błąd prognozy sprzed 4 tygodni',
    col_forecastError8: 'Błąd prognozy sprzed 8 tygodni',
    col_forecastErrorMean: 'Błąd prognozy (średni)',
    forecastErrorHelp:
      'Jak daleko standardowe prognozy sprzed 4 i 8 tygodni od ostatniego zapisanego tygodnia były od jego wartości, jako część drogi od startu do celu, i ich średnia. Puste, gdy Historia nie ma prognozy sprzed tylu tygodni.',
    type_committed: 'zobowiązujący',
    type_aspirational: 'ambitny',
    band_green: 'zrealizowany',
    band_yellow: 'postęp',
    band_red: 'niezrealizowany',
    band_none: 'brak wartości',
    verdict_met: 'osiągnięty (1,0)',
    verdict_miss: 'nieosiągnięty: wyjaśnij',
    flagCommittedMiss: 'zobowiązujący KR poniżej 1,0: wyjaśnij',
    flagNoValue: 'brak wartości na koniec kwartału: bez oceny',
    flagOverrideNoReason: '⚠ korekta wymaga powodu',
    overrideHelp: 'Ocena właściciela, 0–1, jeśli różni się od wyniku końcowego; obok podaj powód.',
    sectionObjectives: 'OCENY CELÓW I ZESPOŁU',
    col_objective: 'Cel',
    col_grade: 'Ocena',
    team: 'Zespół',
    sectionDistribution: 'ROZKŁAD WEDŁUG PRZEDZIAŁÓW',
    col_count: 'Kluczowe rezultaty',
    sectionFlags: 'FLAGI',
    noFlags: 'Nic do oznaczenia.',
    flagAllAtOne:
      'Każdy kluczowy rezultat ma wynik 1,0: cele były zapewne zbyt bezpieczne („sandbagging”). W kolejnym kwartale mierz wyżej.',
    flagCommittedMissLine: '{id}: zobowiązujący, wynik {score}: do wyjaśnienia.',
    flagNoValueLine: '{id}: brak wartości na koniec kwartału, bez oceny.',
    sectionRetro: 'RETROSPEKTYWA',
    col_question: 'Pytanie',
    col_answer: 'Odpowiedź',
    retro_achieved: 'Co osiągnęliśmy?',
    retro_missed: 'Czego nie osiągnęliśmy i dlaczego?',
    retro_differently: 'Co zrobilibyśmy inaczej?',
    retro_carryOn: 'Co przenosimy do kolejnego kwartału?',
  },
]);

export type GradesTextKey = Parameters<typeof gradesText>[1];

/** The word of a band in a language: delivered / progress / not delivered. */
export function bandWord(band: GradeBand | null, lang: Lang): string {
  return gradesText(lang, band ? `band_${band}` : 'band_none');
}

export function retroQuestion(question: RetroQuestion, lang: Lang): string {
  return gradesText(lang, `retro_${question}`);
}

/** A score as a sentence shows it: 0.65 → "0.65" / "0,65". */
export function scoreText(score: number, lang: Lang): string {
  const text = String(Math.round(score * 100) / 100);
  return lang === 'pl' ? text.replace('.', ',') : text;
}

/** One flag of the quarter as a line of the sheet's FLAGS section. */
export function flagLine(flag: GradeFlag, lang: Lang): string {
  switch (flag.code) {
    case 'allAtOne':
      return gradesText(lang, 'flagAllAtOne');
    case 'committedMiss':
      return gradesText(lang, 'flagCommittedMissLine', { id: flag.id, score: scoreText(flag.score, lang) });
    case 'noValue':
      return gradesText(lang, 'flagNoValueLine', { id: flag.id });
  }
}
