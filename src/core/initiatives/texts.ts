// The words of the Initiatives sheet and of the initiative flags, in Polish and English. The sheet is laid
// out in its plan's language; the flags (codes with parameters) are put into words here for the CLI, the
// menu and the sheet's own flag formulas.

import { defineTexts, type Lang } from '../i18n';
import { HYPOTHESIS_TEMPLATE, type InitiativeFlag } from './initiatives';

const texts = defineTexts(() => [
  {
    sheetName: 'Initiatives {quarter}',
    title: 'Initiatives · {quarter} · {team}',
    progressNote:
      'Progress = the share of the initiative’s tasks done (done ÷ all its tasks); an initiative with no task shows its own %.',
    hypothesisNote: 'Write each initiative as a hypothesis: {template}',
    keyResultsWithout: 'KRs with no running initiative',
    initiativesSection: 'INITIATIVES',
    tasksSection: 'TASKS',
    col_id: 'Id',
    col_initiative: 'Initiative (hypothesis)',
    col_keyResult: 'KR',
    col_owner: 'Owner',
    col_status: 'Status',
    col_reach: 'Reach',
    col_impact: 'Impact',
    col_confidence: 'Confidence',
    col_ease: 'Ease',
    col_effort: 'Effort',
    col_score: 'Score',
    col_rank: 'Rank',
    col_ownProgress: 'Own %',
    col_progress: 'Progress',
    col_flags: 'Flags',
    col_task: 'Task',
    col_taskInitiative: 'Initiative',
    col_taskOwner: 'Owner',
    col_due: 'Due',
    col_done: 'Done',
    col_taskFlags: 'Flags',
    flagNoKeyResult: '⚠ no KR',
    flagKeyResultNotInQuarter: '⚠ KR not in {quarter}',
    flagIdeaWithoutOwner: '⚠ high-ranked idea, no owner',
    flagNoInitiative: '⚠ no such initiative',
    helpKeyResult: 'The KR of {quarter} this initiative serves.',
    helpStatus: 'One of: {choices}.',
    helpInitiative: 'The id of the initiative this task carries out.',
    helpScale: 'A whole number from 1 to 10.',
    helpDone: 'Tick when the task is done.',
    okrColumn: 'Running initiatives',
    // Flags as the CLI and the menu say them.
    keyResultWithoutRunningInitiative: 'Key result {keyResultId} has no running initiative.',
    initiativeWithoutKeyResult: 'Initiative {initiativeId} serves no key result.',
    initiativeKeyResultNotInQuarter:
      'Initiative {initiativeId} serves {keyResultId}, which is no key result of this quarter.',
    taskWithoutInitiative: 'Task {task} names no initiative of this quarter (“{initiativeId}”).',
    highRankedIdeaWithoutOwner: 'Initiative {initiativeId} is ranked {rank} but is an idea nobody owns.',
    menuCreated: 'Created the sheet “{name}” for {quarter}.',
    menuOpened: 'Opened the sheet “{name}”.',
    menuNoQuarter: 'There is no open OKR sheet yet: create one with New quarter….',
  },
  {
    sheetName: 'Inicjatywy {quarter}',
    title: 'Inicjatywy · {quarter} · {team}',
    progressNote:
      'Postęp = odsetek zrobionych zadań inicjatywy (zrobione ÷ wszystkie jej zadania); inicjatywa bez zadań pokazuje własny %.',
    hypothesisNote: 'Zapisz każdą inicjatywę jako hipotezę: {template}',
    keyResultsWithout: 'KR bez inicjatywy w realizacji',
    initiativesSection: 'INICJATYWY',
    tasksSection: 'ZADANIA',
    col_id: 'Id',
    col_initiative: 'Inicjatywa (hipoteza)',
    col_keyResult: 'KR',
    col_owner: 'Właściciel',
    col_status: 'Status',
    col_reach: 'Zasięg',
    col_impact: 'Wpływ',
    col_confidence: 'Pewność',
    col_ease: 'Łatwość',
    col_effort: 'Nakład',
    col_score: 'Wynik',
    col_rank: 'Miejsce',
    col_ownProgress: 'Własny %',
    col_progress: 'Postęp',
    col_flags: 'Uwagi',
    col_task: 'Zadanie',
    col_taskInitiative: 'Inicjatywa',
    col_taskOwner: 'Właściciel',
    col_due: 'Termin',
    col_done: 'Zrobione',
    col_taskFlags: 'Uwagi',
    flagNoKeyResult: '⚠ brak KR',
    flagKeyResultNotInQuarter: '⚠ KR spoza {quarter}',
    flagIdeaWithoutOwner: '⚠ wysoko oceniony pomysł bez właściciela',
    flagNoInitiative: '⚠ nie ma takiej inicjatywy',
    helpKeyResult: 'KR kwartału {quarter}, któremu służy ta inicjatywa.',
    helpStatus: 'Jedno z: {choices}.',
    helpInitiative: 'Id inicjatywy, którą realizuje to zadanie.',
    helpScale: 'Liczba całkowita od 1 do 10.',
    helpDone: 'Zaznacz, gdy zadanie jest zrobione.',
    okrColumn: 'Inicjatywy w realizacji',
    keyResultWithoutRunningInitiative: 'Kluczowy rezultat {keyResultId} nie ma inicjatywy w realizacji.',
    initiativeWithoutKeyResult: 'Inicjatywa {initiativeId} nie służy żadnemu kluczowemu rezultatowi.',
    initiativeKeyResultNotInQuarter:
      'Inicjatywa {initiativeId} służy {keyResultId}, a to nie jest kluczowy rezultat tego kwartału.',
    taskWithoutInitiative: 'Zadanie {task} nie wskazuje inicjatywy tego kwartału („{initiativeId}”).',
    highRankedIdeaWithoutOwner: 'Inicjatywa {initiativeId} jest na miejscu {rank}, ale to pomysł bez właściciela.',
    menuCreated: 'Utworzono arkusz „{name}” dla {quarter}.',
    menuOpened: 'Otwarto arkusz „{name}”.',
    menuNoQuarter: 'Nie ma jeszcze otwartego arkusza OKR: utwórz go poleceniem Nowy kwartał….',
  },
]);

export type InitiativesTextKey = Parameters<typeof texts>[1];

export function initiativesText(lang: Lang, key: InitiativesTextKey, params?: Record<string, string | number>): string {
  return texts(lang, key, params);
}

/** A flag in words. */
export function initiativeFlagText(lang: Lang, flag: InitiativeFlag): string {
  const { code, ...params } = flag;
  return texts(lang, code, params);
}

export function hypothesisTemplate(lang: Lang): string {
  return HYPOTHESIS_TEMPLATE[lang];
}
