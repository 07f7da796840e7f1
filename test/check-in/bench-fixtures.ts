// How many Apps Script service calls the weekly check-in costs, measured on the fake, and how long it takes
// in Node. Shared by the call-count test and by `npm run bench`: it sets the service globals itself (no
// vitest), so a plain Node script can call it.
//
// `measureCheckIn(krCount, weeks)` builds a quarter of `krCount` key results, runs `weeks` check-ins (generate,
// type a value for every key result, record), and then measures the next week's generate and record: the
// steady state of a quarter under way, with History holding `weeks` weeks of every key result. `via: 'sidebar'`
// records that week through `submitCheckIn`, as the sidebar sends it, instead of calling the recorder.

import { asReal, type CallCounts, createFakeServices, type FakeServices } from '../../local/spreadsheet/index';
import { withGlobalServices } from '../../local/spreadsheet/scope';
import { tabColumn } from '../../src/core/check-in/check-in-tab';
import { submitCheckIn } from '../../src/server/check-in-api';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { type RecordCheckInResult, recordCheckIn } from '../../src/server/check-in-record';
import { forgetLang } from '../../src/server/language';
import { buildQuarter } from '../../src/server/quarter-builder';
import { sizedPlan } from '../okr-sheet/plans';

export interface CheckInFigures {
  krCount: number;
  weeks: number;
  generateCalls: number;
  recordCalls: number;
  generateMs: number;
  recordMs: number;
  generateCounts: CallCounts;
  recordCounts: CallCounts;
}

/** A Wednesday of a week of Q2 2027 (week 1 starts on Monday 29 March). */
function wednesday(week: number): Date {
  return new Date(Date.UTC(2027, 2, 29) + ((week - 1) * 7 + 2) * 86_400_000 + 9 * 3_600_000);
}

/** A plausible value for each key result in a week, by its kind word, typed in one setValues. */
function typeWeek(services: FakeServices, sheetName: string, week: number): void {
  const { values } = services.spreadsheet.dump(sheetName);
  const krColumn = tabColumn('krId') - 1;
  const rows = values
    .map((line, index) => ({ line, row: index + 1 }))
    .filter(({ line }) => typeof line[krColumn] === 'string' && /^O\d+\.\d+$/.test(line[krColumn] as string));
  if (rows.length === 0) return;
  const typed = rows.map(({ line }) => {
    switch (line[tabColumn('kind') - 1]) {
      case 'milestone':
        return [week > 6 ? 'yes' : 'no'];
      case 'decrease':
        return [10 - week * 0.35];
      case 'at least':
        return [week * 1.5];
      case 'at most':
        return [30 - week];
      default:
        return [10 + week * 0.7];
    }
  });
  const first = rows[0]?.row as number;
  asReal(services.spreadsheet.sheet(sheetName)).getRange(first, tabColumn('value'), typed.length, 1).setValues(typed);
}

/** Builds a quarter of `krCount` key results, records `weeks` weeks, then measures the next week's check-in. */
export function measureCheckIn(
  krCount: number,
  weeks: number,
  via: 'recorder' | 'sidebar' = 'recorder',
): CheckInFigures {
  const perObjective = krCount % 4 === 0 ? 4 : 3;
  const services = createFakeServices();
  return withGlobalServices(services, () => {
    forgetLang();
    buildQuarter(sizedPlan(Math.ceil(krCount / perObjective), perObjective));
    for (let week = 1; week <= weeks; week++) {
      const { sheetName, sheetId } = generateCheckIn({ asOf: wednesday(week) });
      typeWeek(services, sheetName, week);
      recordCheckIn({ sheetId: sheetId ?? -1 });
    }
    const week = weeks + 1;
    let started = performance.now();
    const generated = services.calls.measure(() => generateCheckIn({ asOf: wednesday(week) }));
    const generateMs = performance.now() - started;
    typeWeek(services, generated.result.sheetName, week);
    started = performance.now();
    const sheetId = generated.result.sheetId ?? -1;
    const recorded = services.calls.measure((): number => {
      if (via === 'recorder') return count(recordCheckIn({ sheetId, replace: false }));
      const answer = submitCheckIn({ sheetId, replace: false });
      return answer.ok ? answer.recording.recorded : 0;
    });
    const recordMs = performance.now() - started;
    if (recorded.result !== krCount) {
      throw new Error(`measureCheckIn: recorded ${recorded.result} of ${krCount} key results`);
    }
    forgetLang();
    return {
      krCount,
      weeks,
      generateCalls: generated.total,
      recordCalls: recorded.total,
      generateMs,
      recordMs,
      generateCounts: generated.counts,
      recordCounts: recorded.counts,
    };
  });
}

function count(result: RecordCheckInResult): number {
  return result.outcome === 'recorded' ? result.recorded : 0;
}
