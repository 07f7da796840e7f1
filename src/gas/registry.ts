// The documentation of every public entry point, read by the build (never bundled): it writes each
// custom function's JSDoc block from here, so Sheets' formula helper shows it. Typed by the exports of
// entry-points.ts, so an entry point without documentation, or documentation without an entry point,
// fails to compile. Texts are English, then Polish, because the helper cannot switch language.

import { FORMULAS } from '../core/formulas';
import type * as entryPoints from './entry-points';

export type EntryPointName = keyof typeof entryPoints;

export interface ParamDoc {
  name: string;
  /** JSDoc type, e.g. `number|Array<Array<number>>`. */
  type: string;
  description: string;
  optional?: boolean;
}

export interface EntryPointDoc {
  /** `custom`: a formula typed into cells; `trigger`: called by Apps Script; `server`: called by the sidebar. */
  kind: 'custom' | 'trigger' | 'server';
  summary: string;
  params: ParamDoc[];
  returns?: { type: string; description: string };
}

const NUMBERS = 'number|string|Array<Array<number|string>>';
const DATES = 'Date|Array<Array<Date>>';
const ANY = 'number|string|boolean|Array<Array<number|string|boolean>>';

const param = (name: string, type: string, description: string, optional = false): ParamDoc => ({
  name,
  type,
  description,
  optional,
});

export const registry: Record<EntryPointName, EntryPointDoc> = {
  KR_SCORE: {
    kind: 'custom',
    summary:
      'Score of a key result from 0 to 1: (current − start) / (target − start). Accepts ranges (one call per column). / Wynik kluczowego rezultatu od 0 do 1.',
    params: [
      param(
        'start',
        NUMBERS,
        'Baseline at the start of the quarter; blank for an "at least"/"at most" threshold. / Wartość na start kwartału.',
      ),
      param('target', NUMBERS, 'The value to reach. / Wartość docelowa.'),
      param(
        'current',
        ANY,
        'The latest value; TRUE/FALSE (tak/nie) for a milestone. Blank gives a blank score. / Wartość bieżąca.',
      ),
      param(
        'kind',
        'string',
        'Optional: increase, decrease, at least, at most, milestone (wzrost, spadek, co najmniej, co najwyżej, kamień milowy); blank infers it. / Opcjonalnie: rodzaj.',
        true,
      ),
      param(
        'allow_over',
        'boolean',
        'Optional: TRUE lets an overachieved result score above 1. / Opcjonalnie: PRAWDA pozwala przekroczyć 1.',
        true,
      ),
    ],
    returns: {
      type: 'number|Array<Array<number>>',
      description: 'The score 0…1, blank when there is no current value.',
    },
  },
  KR_PACE: {
    kind: 'custom',
    summary:
      'Expected progress of the quarter at a date: whole weeks completed / weeks in the quarter, 0…1. / Oczekiwany postęp kwartału.',
    params: [
      param('quarter_start', DATES, "The quarter's first day. / Pierwszy dzień kwartału."),
      param('quarter_end', DATES, "The quarter's last day. / Ostatni dzień kwartału."),
      param(
        'as_of',
        DATES,
        "The as-of date: a cell holding a date, such as the OKR sheet's as-of cell, which the add-on keeps current (TODAY() cannot be an argument, nor a cell computed from it). / Data stanu: komórka z datą, np. data stanu arkusza OKR.",
      ),
    ],
    returns: { type: 'number', description: 'Expected progress 0…1.' },
  },
  KR_STATUS: {
    kind: 'custom',
    summary:
      'Status by the pace rule: 🟢 when score ≥ green_at·expected, 🟡 when ≥ yellow_at·expected, 🔴 below. / Status według tempa.',
    params: [
      param('score', NUMBERS, 'The score 0…1 (KR_SCORE or OKR_SCORE). / Wynik 0…1.'),
      param(
        'expected',
        NUMBERS,
        'Optional: expected progress from KR_PACE; blank means 1 (end-of-quarter grading). / Opcjonalnie: oczekiwany postęp.',
        true,
      ),
      param(
        'green_at',
        NUMBERS,
        'Optional: green threshold, 0.7 by default; or the KR type, committed (1.0 / 0.7) or aspirational (0.7 / 0.4), also zobowiązujący / ambitny. / Opcjonalnie: próg zielony albo typ KR.',
        true,
      ),
      param(
        'yellow_at',
        NUMBERS,
        'Optional: yellow threshold, 0.4 by default (0.7 for a committed KR). / Opcjonalnie: próg żółty.',
        true,
      ),
      param(
        'kind',
        'string|Array<Array<string>>',
        'Optional: the KR kind (increase, decrease, at least, at most, milestone; wzrost, spadek, co najmniej, co najwyżej, kamień milowy); a milestone not done is never green, only yellow while nothing is expected yet. / Opcjonalnie: rodzaj KR; kamień milowy niezrobiony nigdy nie jest zielony, tylko żółty, póki nic nie jest jeszcze oczekiwane.',
        true,
      ),
    ],
    returns: { type: 'string|Array<Array<string>>', description: '🟢, 🟡 or 🔴; blank for a blank score.' },
  },
  OKR_SCORE: {
    kind: 'custom',
    summary: "Objective score: the weighted mean of its key results' scores, over those that have one. / Wynik celu.",
    params: [
      param('scores', NUMBERS, "The key results' scores. / Wyniki kluczowych rezultatów."),
      param('weights', NUMBERS, 'Optional: weights of the same size, 1 by default. / Opcjonalnie: wagi.', true),
      param(
        'objective_ids',
        'string|Array<Array<string>>',
        'Optional: the objective id of each row (O1, O2…); then every row gets the score of its own objective, for a table with one row per key result. / Opcjonalnie: identyfikator celu w każdym wierszu; wtedy każdy wiersz dostaje wynik swojego celu.',
        true,
      ),
    ],
    returns: {
      type: 'number|Array<Array<number>>',
      description:
        'The weighted mean 0…1, blank when no key result has a score; with objective_ids, one per row (blank for a blank id).',
    },
  },
  KR_FORECAST: {
    kind: 'custom',
    summary:
      "Projected value at quarter end from the check-in history: standard = trend, pessimistic / optimistic = the slowest / fastest weekly pace (for a decreasing KR the pessimistic forecast is the higher value), kept within the KR's natural bounds. With history_ids and kr_ids, one call per column. / Prognoza na koniec kwartału: standardowa (trend), pesymistyczna, optymistyczna.",
    params: [
      param('values', NUMBERS, 'Recorded values. / Zapisane wartości.'),
      param('dates', DATES, 'Their dates, a range of the same size. / Ich daty.'),
      param('quarter_end', DATES, "The quarter's last day. / Ostatni dzień kwartału."),
      param(
        'scenario',
        'string',
        'Optional: pessimistic, standard or optimistic (min and max also work, as pessimistic and optimistic); standard by default. / Opcjonalnie: pesymistyczny, standardowy albo optymistyczny (także min, max).',
        true,
      ),
      param(
        'history_ids',
        'string|Array<Array<string>>',
        'Optional: the key of each history row (the KR id, or quarter|KR id), a range the size of values; with kr_ids, one call forecasts every key result. / Opcjonalnie: klucz każdego wiersza historii (identyfikator KR albo kwartał|KR).',
        true,
      ),
      param(
        'kr_ids',
        'string|Array<Array<string>>',
        'Optional: the column of KR keys to forecast (as in history_ids); then every row gets the forecast of its own key, blank for a blank key. / Opcjonalnie: kolumna kluczy KR; wtedy każdy wiersz dostaje prognozę swojego KR.',
        true,
      ),
      param(
        'start',
        NUMBERS,
        "Optional: the KR's start (one cell, or one per row of kr_ids); with target it tells a decreasing KR and a share of a whole. / Opcjonalnie: wartość początkowa KR.",
        true,
      ),
      param('target', NUMBERS, "Optional: the KR's target, like start. / Opcjonalnie: wartość docelowa KR.", true),
      param(
        'unit',
        'string|Array<Array<string>>',
        'Optional: the unit (count, zł, %, days, hours, points; Polish words too): counts, amounts, days and percentages are never forecast below 0, a percentage whose start and target lie within 0–100% never above 100%. / Opcjonalnie: jednostka; prognoza nie schodzi poniżej 0 ani, dla udziału procentowego, powyżej 100%.',
        true,
      ),
      param(
        'kind',
        'string|Array<Array<string>>',
        'Optional: increase, decrease, at least or at most; blank = by start and target. / Opcjonalnie: rodzaj KR (wzrost, spadek, co najmniej, co najwyżej).',
        true,
      ),
    ],
    returns: {
      type: 'number|Array<Array<number>>',
      description: 'The projected value; blank with fewer than two recorded dates. With kr_ids, one per row of kr_ids.',
    },
  },
  KR_NEEDED_PER_WEEK: {
    kind: 'custom',
    summary:
      'What must change each remaining week to reach the target (negative for a decreasing KR). / Ile trzeba zmienić w każdym pozostałym tygodniu.',
    params: [
      param('target', NUMBERS, 'The value to reach. / Wartość docelowa.'),
      param('current', NUMBERS, 'The latest value. / Wartość bieżąca.'),
      param('as_of', DATES, 'The as-of date: a cell holding a date, never TODAY(). / Data stanu: komórka z datą.'),
      param('quarter_end', DATES, "The quarter's last day. / Ostatni dzień kwartału."),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'Change per week; blank after the quarter ends.' },
  },
  PIPELINE_COVERAGE: {
    kind: 'custom',
    summary: 'Pipeline coverage: pipeline ÷ (quota − closed). / Pokrycie planu lejkiem.',
    params: [
      param('pipeline', NUMBERS, 'Open pipeline value. / Wartość otwartego lejka.'),
      param('quota', NUMBERS, 'The quota (sales goal). / Plan sprzedaży.'),
      param('closed', NUMBERS, 'Optional: already closed, 0 by default. / Opcjonalnie: już zamknięte.', true),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'Coverage ratio; blank once the quota is met.' },
  },
  ICE: {
    kind: 'custom',
    summary: 'ICE priority of an initiative: impact × confidence × ease, each 1–10. / Priorytet ICE inicjatywy.',
    params: [
      param('impact', NUMBERS, 'Impact 1–10. / Wpływ 1–10.'),
      param('confidence', NUMBERS, 'Confidence 1–10. / Pewność 1–10.'),
      param('ease', NUMBERS, 'Ease 1–10. / Łatwość 1–10.'),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'ICE score 1…1000.' },
  },
  RICE: {
    kind: 'custom',
    summary: 'RICE priority of an initiative: reach × impact × confidence ÷ effort. / Priorytet RICE inicjatywy.',
    params: [
      param('reach', NUMBERS, 'People or deals reached in the period. / Zasięg.'),
      param('impact', NUMBERS, 'Impact (e.g. 0.25–3). / Wpływ.'),
      param('confidence', NUMBERS, 'Confidence as a fraction (0.8) or a percent (80%). / Pewność.'),
      param('effort', NUMBERS, 'Effort, e.g. person-weeks (> 0). / Nakład pracy.'),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'RICE score.' },
  },
  SALES_VELOCITY: {
    kind: 'custom',
    summary:
      'Pipeline velocity, value per day: opportunities × deal value × win rate ÷ cycle length in days. / Prędkość lejka na dzień.',
    params: [
      param('opportunities', NUMBERS, 'Open opportunities. / Otwarte okazje.'),
      param('deal_value', NUMBERS, 'Average deal value. / Średnia wartość transakcji.'),
      param('win_rate', NUMBERS, 'Win rate as a fraction (0.25) or a percent (25%). / Skuteczność.'),
      param('cycle_days', NUMBERS, 'Sales cycle length in days. / Długość cyklu w dniach.'),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'Value per day.' },
  },
  KR_VALUE: {
    kind: 'custom',
    summary:
      'A number as the other functions read it: 560 000 zł, 0,72, 15%, 1,5 mln. / Liczba odczytana jak w pozostałych funkcjach.',
    params: [param('value', NUMBERS, 'A number or text holding one. / Liczba albo tekst z liczbą.')],
    returns: { type: 'number|Array<Array<number>>', description: 'The number; blank for a blank cell.' },
  },
  KR_GRADE: {
    kind: 'custom',
    summary:
      "The band of a final score at the quarter's end, in the sheet's language: delivered (from 0.7), progress (from 0.4), not delivered; a committed KR is delivered only at 1.0. / Przedział oceny końcowej: zrealizowany, postęp, niezrealizowany.",
    params: [
      param('score', NUMBERS, 'The final score 0…1 (KR_SCORE at the quarter’s end). / Wynik końcowy 0…1.'),
      param(
        'type',
        'string|Array<Array<string>>',
        'Optional: committed or aspirational (zobowiązujący, ambitny); a committed KR is green only at 1.0 and yellow from 0.7. Blank = aspirational. / Opcjonalnie: typ KR.',
        true,
      ),
    ],
    returns: {
      type: 'string|Array<Array<string>>',
      description:
        'delivered, progress or not delivered (zrealizowany, postęp, niezrealizowany); blank for a blank score.',
    },
  },
  WEIGHTED_PIPELINE: {
    kind: 'custom',
    summary:
      'Weighted pipeline: Σ amount × probability over the rows. / Lejek ważony: suma kwota × prawdopodobieństwo.',
    params: [
      param('amounts', NUMBERS, "The deals' amounts. / Kwoty transakcji."),
      param(
        'probabilities',
        NUMBERS,
        'Their probabilities: 60%, 0.6 or 60 (a range of the same size, or one cell for all). / Ich prawdopodobieństwa: 60%, 0,6 albo 60.',
      ),
    ],
    returns: { type: 'number', description: 'The weighted amount.' },
  },
  FORECAST_ROLLUP: {
    kind: 'custom',
    summary:
      'Forecast by category, cumulative: commit = commit + closed won; best case = best case + commit + closed won; pipeline = every open deal. / Prognoza według kategorii, narastająco.',
    params: [
      param('amounts', NUMBERS, "The deals' amounts. / Kwoty transakcji."),
      param(
        'categories',
        'string|Array<Array<string>>',
        'Their forecast categories: pipeline, best case, commit, closed, omitted (lejek, najlepszy scenariusz, pewne, zamknięte, pominięte). / Ich kategorie prognozy.',
      ),
      param(
        'category',
        'string',
        'Optional: commit, best case, pipeline or closed (pewne, najlepszy scenariusz, lejek, zamknięte); blank gives the three in a column: commit, best case, pipeline. / Opcjonalnie: kategoria; puste daje trzy w kolumnie.',
        true,
      ),
    ],
    returns: { type: 'number|Array<Array<number>>', description: 'The amount of the category (or the three).' },
  },
  WIN_RATE: {
    kind: 'custom',
    summary:
      'Win rate: won ÷ (won + lost) among the deals closed in the period; open deals never count. / Skuteczność: wygrane ÷ (wygrane + przegrane).',
    params: [
      param('outcomes', 'string|Array<Array<string>>', 'won, lost or open (wygrana, przegrana, otwarta). / Wyniki.'),
      param(
        'closed_dates',
        DATES,
        'Optional: the close dates, a range the size of outcomes; needed with from or to. / Opcjonalnie: daty zamknięcia.',
        true,
      ),
      param('from', DATES, 'Optional: the first day of the period. / Opcjonalnie: pierwszy dzień okresu.', true),
      param('to', DATES, 'Optional: the last day of the period. / Opcjonalnie: ostatni dzień okresu.', true),
    ],
    returns: { type: 'number', description: 'The win rate 0…1; blank when nothing was won or lost.' },
  },
  SALES_CYCLE: {
    kind: 'custom',
    summary: 'Sales cycle: the mean days from created to closed of the won deals. / Długość cyklu sprzedaży w dniach.',
    params: [
      param('created', DATES, 'The created dates. / Daty utworzenia.'),
      param('closed', DATES, 'The close dates, a range of the same size. / Daty zamknięcia.'),
      param(
        'outcomes',
        'string|Array<Array<string>>',
        'Optional: won, lost or open; only won deals count (every row when left out). / Opcjonalnie: wyniki; liczą się tylko wygrane.',
        true,
      ),
    ],
    returns: { type: 'number', description: 'Mean days; blank when no deal counts.' },
  },
  COVERAGE_NEEDED: {
    kind: 'custom',
    summary:
      'Pipeline coverage a win rate needs: 1 ÷ win rate (compare with PIPELINE_COVERAGE). / Potrzebne pokrycie: 1 ÷ skuteczność.',
    params: [param('win_rate', NUMBERS, 'The win rate: 25%, 0.25 or 25. / Skuteczność.')],
    returns: { type: 'number|Array<Array<number>>', description: 'The coverage needed, e.g. 4 for 25%.' },
  },
  // The menu: simple triggers and menu items.
  onOpen: {
    kind: 'trigger',
    summary: 'Adds the OKR Sheets menu (Polish or English) when the spreadsheet opens.',
    params: [param('e', 'Object', 'The open event; in AuthMode.NONE only the user locale is read.')],
  },
  onInstall: {
    kind: 'trigger',
    summary: 'Adds the menu right after the add-on is installed.',
    params: [param('e', 'Object', 'The install event.')],
  },
  showNewQuarterSidebar: {
    kind: 'server',
    summary: 'Menu item New quarter…: opens the planner sidebar.',
    params: [],
  },
  showWeeklyCheckIn: {
    kind: 'server',
    summary: "Menu item Weekly check-in: opens or creates this week's check-in tab and the check-in sidebar.",
    params: [],
  },
  showRecordCheckIn: {
    kind: 'server',
    summary:
      'Menu item Record check-in: records the check-in tab (asking first when its week is in History) and shows the result.',
    params: [],
  },
  hideOldCheckInTabs: {
    kind: 'server',
    summary:
      'Menu item Hide old check-in tabs…: names the check-in tabs recorded in History whose week ended over four weeks ago, and hides them when the user agrees (never deletes).',
    params: [],
  },
  showSettings: {
    kind: 'server',
    summary: 'Menu item Settings: opens the sidebar on its Settings view.',
    params: [],
  },
  showCompanyRollup: {
    kind: 'server',
    summary:
      "Menu item Company roll-up…: opens the sidebar on its roll-up view (team links, each team's state, the company objectives' scores).",
    params: [],
  },
  updateAsOfDate: {
    kind: 'server',
    summary:
      "Menu item Update as-of date: today's date (the spreadsheet's time zone) into the as-of cell of every open OKR sheet, replacing a typed date too.",
    params: [],
  },
  showHelp: {
    kind: 'server',
    summary: 'Menu item Help: how to plan a quarter and use the formulas.',
    params: [],
  },
  // The sidebar's server functions (google.script.run); every payload is validated before use.
  getSidebarState: {
    kind: 'server',
    summary: 'The New quarter sidebar state: language, defaults and the previous quarter to carry over.',
    params: [],
    returns: { type: 'Object', description: 'SidebarState (src/shared/sidebar-api.ts).' },
  },
  submitQuarter: {
    kind: 'server',
    summary: 'Validates a quarter plan and builds its OKR sheet, or answers with a message per field to fix.',
    params: [param('payload', 'Object', 'The plan and the carry-over choices, validated on arrival.')],
    returns: { type: 'Object', description: '{ ok: true, sheetName, warnings } or { ok: false, errors }.' },
  },
  getSettings: {
    kind: 'server',
    summary: "The document's settings and the language they give.",
    params: [],
    returns: { type: 'Object', description: 'SettingsState (src/shared/sidebar-api.ts).' },
  },
  saveSettings: {
    kind: 'server',
    summary: "Validates and stores the document's settings.",
    params: [param('payload', 'Object', 'Language, fiscal-year start month, currency, formula style, team name.')],
    returns: { type: 'Object', description: '{ ok: true, lang, settings } or { ok: false, errors }.' },
  },
  getCheckInState: {
    kind: 'server',
    summary: 'The check-in sidebar state: the check-in tab (by id, else the active one, else this week’s), its week.',
    params: [param('payload', 'Object', '{ sheetId? }, validated on arrival.')],
    returns: { type: 'Object', description: 'CheckInState (src/shared/check-in-api.ts).' },
  },
  submitCheckIn: {
    kind: 'server',
    summary: 'Records a check-in tab into History and the OKR sheet; asks first when its week was recorded before.',
    params: [param('payload', 'Object', '{ sheetId?, replace? }, validated on arrival.')],
    returns: {
      type: 'Object',
      description: '{ ok: true, state, recording } or { ok: false, confirm, message, state }.',
    },
  },
  startCheckIn: {
    kind: 'server',
    summary: 'Opens or makes the check-in tab of a quarter the person picked (the open one, when today’s was closed).',
    params: [param('payload', 'Object', '{ quarterSheetId }, validated on arrival.')],
    returns: { type: 'Object', description: '{ ok: true, boot } or { ok: false, notice }.' },
  },
  getCheckInText: {
    kind: 'server',
    summary: 'A check-in tab as plain text, ready to paste into an email or a chat.',
    params: [param('payload', 'Object', '{ sheetId? }, validated on arrival.')],
    returns: { type: 'Object', description: '{ ok: true, text } or { ok: false, message }.' },
  },
  repairDealsFormulas: {
    kind: 'server',
    summary:
      'After the Deals sheet was deleted, and only with the user’s yes: an empty Deals sheet when none, and the fed key results’ formulas of the tab’s quarter written again.',
    params: [param('payload', 'Object', '{ sheetId?, confirm: true }, validated on arrival.')],
    returns: {
      type: 'Object',
      description: '{ ok: true, dealsSheet, dealsCreated, okrSheet, repaired, unfed, tab } or { ok: false, notice }.',
    },
  },
  getCheckInNudges: {
    kind: 'server',
    summary: 'What is due for a check-in tab: its week’s state, key results not updated for 7 days, the Owners table.',
    params: [param('payload', 'Object', '{ sheetId? }, validated on arrival.')],
    returns: { type: 'Object', description: '{ ok: true, digest, owners } or { ok: false, notice }.' },
  },
  makeOwnersTable: {
    kind: 'server',
    summary: 'Makes the Owners table (name, e-mail, team) on the Settings sheet, or opens the existing one.',
    params: [],
    returns: { type: 'Object', description: '{ ok: true, created, sheetName, owners }.' },
  },
  showCloseQuarter: {
    kind: 'server',
    summary:
      'Menu item Close quarter…: writes the open quarter’s Grades sheet (or opens the existing one) and says what it holds.',
    params: [],
  },
  closeQuarter: {
    kind: 'server',
    summary:
      'Closes the open quarter: a Grades sheet frozen as values beside its OKR sheet, or the existing one opened, never a second.',
    params: [param('payload', 'Object', '{ asOf? } (an ISO day), validated on arrival.')],
    returns: { type: 'Object', description: 'CloseQuarterResult (src/server/close-quarter.ts).' },
  },
  showDealsSheet: {
    kind: 'server',
    summary:
      'Menu item Deals sheet: opens the Deals sheet, or creates it (headers in the spreadsheet’s language) when missing.',
    params: [],
  },
  showMonthlyReview: {
    kind: 'server',
    summary:
      "Menu item Monthly review: opens this month's review tab, or creates it from History and the Deals sheet; a month outside the quarter is refused, naming its months.",
    params: [],
  },
  generateReview: {
    kind: 'server',
    summary:
      'Opens or creates the Monthly review tab of a month (never rewritten): each KR’s month from History with a sparkline, win rate, cycle and deal value against last month, won and lost deals, corrections and feedback.',
    params: [param('payload', 'Object', '{ month?: "YYYY-MM", asOf? } (ISO), validated on arrival.')],
    returns: { type: 'Object', description: 'GenerateReviewResult (src/shared/review-api.ts).' },
  },
  showDashboard: {
    kind: 'server',
    summary:
      'Menu item Dashboard: builds the running quarter’s Dashboard tab with its charts, or rebuilds it in place.',
    params: [],
  },
  buildDashboard: {
    kind: 'server',
    summary:
      'Builds or rebuilds (never duplicates) the Dashboard tab: objective scores, KRs by week, statuses by week, initiatives.',
    params: [param('payload', 'Object', '{ asOf? } (an ISO day), validated on arrival.')],
    returns: { type: 'Object', description: 'DashboardResult (src/shared/dashboard-api.ts).' },
  },
  importDeals: {
    kind: 'server',
    summary:
      'Imports a CRM export (header row and rows of text) into the Deals sheet: all rows or none, every problem listed by row.',
    params: [param('payload', 'Object', '{ header, rows: [{ row, cells }], decimal }, validated on arrival.')],
    returns: {
      type: 'Object',
      description:
        '{ ok: true, sheetName, created, imported, replaced, kept, columns } or { ok: false, problems, columns }.',
    },
  },
  showImportDeals: {
    kind: 'server',
    summary: 'Menu item Import deals…: the sidebar view where a CRM export is pasted or chosen as a file.',
    params: [],
  },
  showInitiatives: {
    kind: 'server',
    summary:
      "Menu item Initiatives: opens the open quarter's Initiatives sheet, creating it beside the OKR sheet when missing.",
    params: [],
  },
  connectTeams: {
    kind: 'server',
    summary:
      'Company roll-up: connects the teams of the pasted links (one IMPORTRANGE of OKR_FEED per team on the Roll-up tab), then refreshes.',
    params: [param('payload', 'Object', '{ links: string[] }, validated on arrival.')],
    returns: { type: 'Object', description: 'ConnectTeamsResult (src/shared/rollup-api.ts).' },
  },
  refreshRollup: {
    kind: 'server',
    summary: 'Company roll-up: lays out the company objectives, their team objectives and the Alignment map anew.',
    params: [],
    returns: { type: 'Object', description: 'RefreshRollupResult (src/shared/rollup-api.ts).' },
  },
  rollupStatus: {
    kind: 'server',
    summary: 'Company roll-up: the teams’ states and the company objectives’ scores, writing nothing.',
    params: [],
    returns: { type: 'Object', description: 'RollupStatus (src/shared/rollup-api.ts).' },
  },
};

/** Parameter names each formula uses in its error messages, for the build to check against the docs. */
export const formulaParams: Record<string, readonly string[]> = Object.fromEntries(
  FORMULAS.map((formula) => [formula.name, formula.params]),
);
