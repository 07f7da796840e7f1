// History keeps the standard forecast beside each recorded value, in a column appended at its end: a History
// made before that column existed still reads, and gets the column's title at its next recording.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { buildOkrSheet, findHistorySheetName, historyOf, openSpreadsheet, typeInto, wednesdayOfWeek } from './support';

afterEach(() => {
  vi.unstubAllGlobals();
});

function record(services: ReturnType<typeof openSpreadsheet>, week: number, value: number): void {
  generateCheckIn({ asOf: wednesdayOfWeek(week) });
  typeInto(services, `Check-in W0${week}`, { 'O1.1': { value } });
  recordCheckIn();
}

describe('the forecast column of History', () => {
  it('is titled in the check-in language and holds a forecast from the second recorded week on', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    record(services, 5, 2);
    record(services, 6, 3);
    const name = findHistorySheetName(services) as string;
    const { values } = services.spreadsheet.dump(name);
    expect(values[0]?.[11]).toBe('Standard forecast');
    const forecasts = historyOf(services)
      .filter((r) => r.keyResultId === 'O1.1')
      .sort((a, b) => a.week - b.week)
      .map((r) => r.forecast ?? null);
    expect(forecasts[0]).toBeNull();
    expect(forecasts[1]).toEqual(expect.any(Number));
  });

  it('gets its title on a History made before it, whose rows still read', () => {
    const services = openSpreadsheet();
    buildOkrSheet();
    record(services, 5, 2);
    const name = findHistorySheetName(services) as string;
    // As an earlier version left History: eleven titled columns, no forecast.
    const sheet = services.spreadsheet.getSheetByName(name);
    sheet?.getRange(1, 12, 2, 1).clearContent();
    expect(historyOf(services).find((r) => r.keyResultId === 'O1.1')?.value).toBe(2);
    record(services, 6, 3);
    expect(services.spreadsheet.dump(name).values[0]?.[11]).toBe('Standard forecast');
    expect(historyOf(services).filter((r) => r.keyResultId === 'O1.1')).toHaveLength(2);
  });
});
