// The sample quarter a first start offers: the Polish B2B sales team of local/sample-plan.ts (3 objectives,
// 9 key results) and four weeks of check-ins, made THROUGH the bundle's own functions as a person would
// make them: `submitQuarter` as the New quarter sidebar sends it, then for each week the menu item
// Weekly check-in (which creates the week's tab), values typed into that tab's cells, and `submitCheckIn`
// as the check-in sidebar sends it.
//
// So that the sample is alive today, its quarter is a 13-week period whose week 5 is this week: weeks 1–4
// are checked in on their Fridays (the bundle's clock is stopped there, see clock.ts), and the user's own
// Weekly check-in makes week 5. The OKR sheet's as-of cell holds the date the add-on keeps current (the runtime's clock). The runtime must have been
// made with the clock: `createLocalRuntime({ now: clock.now })`.

import type { LocalRuntime } from '../local/runtime';
import { samplePlan } from '../local/sample-plan';
import type { WorkbookSnapshot } from '../local/snapshot';
import { tabColumn } from '../src/core/check-in/check-in-tab';
import type { ScriptClock } from './clock';

/** The sample's locale and time zone: a team in Poland. */
export const SAMPLE_LOCALE = 'pl_PL';
export const SAMPLE_TIME_ZONE = 'Europe/Warsaw';

const DAY_MS = 86_400_000;

/** What the team types each week, by KR id: values for weeks 1–4, then a confidence and a comment. */
const WEEKS: Record<string, { values: string[]; confidence: string[]; comment: string[] }> = {
  'O1.1': {
    values: ['340000', '395000', '430000', '495000'],
    confidence: ['7', '7', '6', '7'],
    comment: ['Dwa duże leady z targów', '', 'Jeden lead odpadł', 'Nowe zapytania z kampanii LinkedIn'],
  },
  'O1.2': {
    values: ['41%', '43%', '44%', '47%'],
    confidence: ['6', '7', '7', '8'],
    comment: ['', 'Nowy scoring leadów', '', ''],
  },
  'O1.3': {
    values: ['7', '6,5', '6', '5,5'],
    confidence: ['5', '5', '6', '6'],
    comment: ['', '', 'Automatyczne przypomnienia w CRM', ''],
  },
  'O2.1': {
    values: ['0', '0', '1', '1'],
    confidence: ['6', '5', '6', '6'],
    comment: ['', 'Negocjacje z dwoma firmami', 'Pierwszy klient SaaS podpisany', ''],
  },
  'O2.2': {
    values: ['50000', '51000', '51000', '52000'],
    confidence: ['5', '4', '4', '4'],
    comment: ['', '', 'Klienci naciskają na rabaty', 'Potrzebny pakiet premium'],
  },
  'O2.3': {
    values: ['24%', '25%', '25%', '26%'],
    confidence: ['5', '5', '4', '4'],
    comment: ['', '', '', 'Za mało demo z decydentami'],
  },
  'O3.1': {
    values: ['6%', '5,8%', '5,2%', '4,9%'],
    confidence: ['6', '6', '7', '8'],
    comment: ['Dwóch klientów wypowiedziało umowy', '', '', 'Program onboardingu działa'],
  },
  'O3.2': {
    values: ['5000', '12000', '21000', '34000'],
    confidence: ['7', '7', '8', '8'],
    comment: ['', '', 'Upsell u trzech klientów', ''],
  },
  'O3.3': {
    values: ['nie', 'nie', 'nie', 'nie'],
    confidence: ['8', '8', '7', '7'],
    comment: ['', '', '', 'Zostały dwa zespoły'],
  },
};

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
function dayIn(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant at which a wall-clock time of a day occurs in a time zone (to the minute). */
function instantAt(iso: string, hour: number, timeZone: string): Date {
  const wall = Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);
  // The offset at a guess, corrected once.
  const offset = (at: number) => {
    const text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format(new Date(at));
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
  };
  return new Date(wall - offset(wall - offset(wall)));
}

/** The sample quarter's dates: 13 weeks from the Monday four weeks before this week's. */
export function sampleQuarterDates(now: Date, timeZone = SAMPLE_TIME_ZONE): { start: string; end: string } {
  const today = dayIn(now.getTime(), timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(today, -weekday - 28);
  return { start, end: addDays(start, 13 * 7 - 1) };
}

function answerOf<T>(result: ReturnType<LocalRuntime['call']>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
  return result.value as T;
}

/** The rows of a check-in tab's OKR STATUS table, by KR id. */
function keyResultRows(snapshot: WorkbookSnapshot, sheetName: string): Map<string, number> {
  const sheet = snapshot.sheets.find((candidate) => candidate.name === sheetName);
  if (!sheet) throw new Error(`The check-in tab "${sheetName}" is not there`);
  const rows = new Map<string, number>();
  const idColumn = tabColumn('krId') - 1;
  sheet.cells.forEach((cells, index) => {
    const id = cells[idColumn]?.value.display ?? '';
    if (id in WEEKS && !rows.has(id)) rows.set(id, index + 1);
  });
  return rows;
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface SampleFigures {
  /** The OKR sheet's name. */
  sheetName: string;
  weeks: number;
  ms: number;
}

/**
 * Builds the sample quarter in `runtime` (a new, empty pl_PL spreadsheet whose script clock is `clock`):
 * the quarter, then four weekly check-ins. `now` decides which days those are.
 */
export function buildSampleQuarter(runtime: LocalRuntime, clock: ScriptClock, now = new Date()): SampleFigures {
  const started = performance.now();
  const timeZone = runtime.services.spreadsheet.timeZone;
  const dates = sampleQuarterDates(now, timeZone);
  const plan = { ...samplePlan(), quarter: { kind: 'custom' as const, ...dates } };

  // Planned on the Friday before the quarter starts.
  const built = clock.at(instantAt(addDays(dates.start, -3), 10, timeZone), () =>
    answerOf<{ ok: boolean; sheetName?: string; errors?: unknown }>(
      runtime.call('submitQuarter', { plan, previousSheetId: null }),
      'submitQuarter',
    ),
  );
  if (!built.ok || !built.sheetName) throw new Error(`The sample quarter was refused: ${JSON.stringify(built.errors)}`);
  const okrSheet = built.sheetName;

  const valueColumn = columnLetter(tabColumn('value'));
  const confidenceColumn = columnLetter(tabColumn('confidence'));
  const commentColumn = columnLetter(tabColumn('comment'));
  for (let week = 1; week <= 4; week++) {
    const friday = addDays(dates.start, (week - 1) * 7 + 4);
    clock.at(instantAt(friday, 15, timeZone), () => {
      const opened = runtime.call('showWeeklyCheckIn');
      if (!opened.ok) throw new Error(`Weekly check-in (week ${week}) failed: ${opened.error.message}`);
      const shown = runtime.takeUi();
      const problem = shown.dialogs.find((dialog) => dialog.kind === 'alert');
      if (problem) throw new Error(`Weekly check-in (week ${week}) said: ${problem.prompt}`);
      const state = answerOf<{
        tab: { sheetId: number; sheetName: string; week: number; owners: string[] } | null;
        notice: { code: string } | null;
      }>(runtime.call('getCheckInState', {}), 'getCheckInState');
      if (!state.tab || state.tab.week !== week) {
        throw new Error(`Week ${week}: the check-in tab is not there (${state.notice?.code ?? 'another week'})`);
      }
      const tab = state.tab;
      const rows = keyResultRows(runtime.snapshot(), tab.sheetName);
      for (const [id, typed] of Object.entries(WEEKS)) {
        const row = rows.get(id);
        if (row === undefined) throw new Error(`Week ${week}: ${id} has no row in ${tab.sheetName}`);
        runtime.setCell(tab.sheetName, `${valueColumn}${row}`, typed.values[week - 1] ?? '');
        runtime.setCell(tab.sheetName, `${confidenceColumn}${row}`, typed.confidence[week - 1] ?? '');
        const comment = typed.comment[week - 1] ?? '';
        if (comment) runtime.setCell(tab.sheetName, `${commentColumn}${row}`, comment);
      }
      // The first owner records, as a team lead would, so History's "Who" column shows a name.
      const recorded = answerOf<{ ok: boolean; notice?: { code: string } }>(
        runtime.call('submitCheckIn', { sheetId: tab.sheetId, recordedBy: tab.owners[0] ?? '' }),
        'submitCheckIn',
      );
      if (!recorded.ok) throw new Error(`Week ${week} was not recorded: ${JSON.stringify(recorded.notice ?? {})}`);
    });
  }
  runtime.takeUi();
  const book = runtime.services.spreadsheet;
  book.rename(`OKR · ${samplePlan().team}`);
  const sheet = book.sheetByName(okrSheet);
  if (sheet) book.activate(sheet);
  return { sheetName: okrSheet, weeks: 4, ms: performance.now() - started };
}
