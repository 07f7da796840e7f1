// The sample quarter a first start offers, built through the bundle's own functions on a local runtime: its
// dates put this week in week 5, and its four weekly check-ins are recorded on their own Fridays.

import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../local/runtime';
import { ScriptClock } from '../../playground/clock';
import { buildSampleQuarter, SAMPLE_LOCALE, SAMPLE_TIME_ZONE, sampleQuarterDates } from '../../playground/sample';

describe('the sample quarter', () => {
  it('is a 13-week period starting on the Monday four weeks before this week’s', () => {
    // Wednesday 25 November 2026 in Warsaw.
    expect(sampleQuarterDates(new Date('2026-11-25T12:00:00Z'))).toEqual({ start: '2026-10-26', end: '2027-01-24' });
    // A Monday is the first day of its own week 5; late Sunday evening UTC is already Monday in Warsaw.
    expect(sampleQuarterDates(new Date('2026-11-23T08:00:00Z')).start).toBe('2026-10-26');
    expect(sampleQuarterDates(new Date('2026-11-22T23:30:00Z')).start).toBe('2026-10-26');
    expect(sampleQuarterDates(new Date('2026-11-22T20:00:00Z')).start).toBe('2026-10-19');
  });

  it('builds the quarter and records weeks 1–4 on their Fridays, through the bundle', () => {
    const clock = new ScriptClock();
    const runtime = createLocalRuntime({ locale: SAMPLE_LOCALE, timeZone: SAMPLE_TIME_ZONE, now: clock.now });
    const now = new Date('2026-11-25T12:00:00Z');
    const figures = buildSampleQuarter(runtime, clock, now);
    expect(figures.sheetName).toBe('OKR 2026-10-26 – 2027-01-24');

    const snapshot = runtime.snapshot();
    expect(snapshot.name).toBe('OKR · Sprzedaż B2B');
    expect(snapshot.activeSheet).toBe(figures.sheetName);
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Check-in T01', 'Check-in T02', 'Check-in T03', 'Check-in T04', 'Historia']),
    );
    const history = snapshot.sheets.find((sheet) => sheet.name === 'Historia');
    const rows = (history?.cells ?? []).filter((row) =>
      row.some((cell) => /^O\d\.\d$/.test(cell?.value.display ?? '')),
    );
    expect(rows).toHaveLength(36);
    // Each week recorded on its Friday afternoon (the script's clock), never on the real day.
    const stamps = new Set(rows.map((row) => row[0]?.value.display.slice(0, 10)));
    expect(stamps).toEqual(new Set(['2026-10-30', '2026-11-06', '2026-11-13', '2026-11-20']));

    // The Trend column: each key result's SPARKLINE plots its four recorded weeks (the cell itself is empty).
    const okr = snapshot.sheets.find((sheet) => sheet.name === figures.sheetName);
    const trendColumn = okr?.cells
      .flat()
      .find((cell) => cell?.value.display === 'Trend')
      ?.a1.replace(/\d+$/, '');
    expect(trendColumn).toBeDefined();
    const trends = (okr?.cells ?? [])
      .map((row) => row.find((cell) => cell?.a1.replace(/\d+$/, '') === trendColumn))
      .filter((cell) => cell?.formula?.includes('SPARKLINE'));
    expect(trends).toHaveLength(9);
    for (const trend of trends) {
      expect(trend?.value.display).toBe('');
      expect(trend?.sparkline).toHaveLength(4);
    }

    // After the sample, the script's clock is the machine's again.
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
  }, 60_000);
});
