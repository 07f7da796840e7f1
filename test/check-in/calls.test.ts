// What a check-in costs in Apps Script service calls, on the typed fake: generating and recording the week of
// a quarter with 9 key results and of one with 100 key results and 12 weeks of History take the same
// number of calls, since every read and write is one batched call per region. Recording through the sidebar's
// submitCheckIn costs exactly what the recorder it wraps costs.

import { describe, expect, it } from 'vitest';
import { measureCheckIn } from './bench-fixtures';

describe('the service calls of a weekly check-in', () => {
  const small = measureCheckIn(9, 1);
  const large = measureCheckIn(100, 12);

  it('do not grow with the number of key results or of weeks recorded', () => {
    console.log(
      `check-in calls: 9 KRs, 1 week of History: generate ${small.generateCalls}, record ${small.recordCalls}; ` +
        `100 KRs, 12 weeks: generate ${large.generateCalls}, record ${large.recordCalls}`,
    );
    expect(large.generateCalls).toBe(small.generateCalls);
    // Nearly: History grows by a thousand rows when it runs out, one call in a week that needs it.
    expect(large.recordCalls - small.recordCalls).toBeGreaterThanOrEqual(0);
    expect(large.recordCalls - small.recordCalls).toBeLessThanOrEqual(1);
  });

  it('read and write each region once', () => {
    for (const figures of [small, large]) {
      expect(figures.generateCounts['Range.setValues']).toBe(1);
      // The tab, History, the OKR sheet, and its header block for the as-of date the recording keeps current.
      expect(figures.recordCounts['Range.getValues']).toBe(4);
      expect(figures.recordCounts['Range.setValues']).toBe(3); // History, the current values, the trend columns
    }
  });

  it('mark the six regions of the tab with two single-row metadata each, whatever the number of key results', () => {
    // A row location may not span rows (the Sheets API), so a region costs a start and an end marker: 12
    // getRange + addDeveloperMetadata calls to generate, and reading them back 5 calls each to record.
    for (const figures of [small, large]) {
      expect(figures.generateCounts['Range.addDeveloperMetadata']).toBe(12);
      // The 12 markers, and the OKR sheet's header row, which the reader finds by its row metadata.
      expect(figures.recordCounts['DeveloperMetadataLocation.getRow']).toBe(13);
    }
  });

  it('the first recording, which makes History and the trend columns, costs the same for 9 and 100 KRs', () => {
    const first = measureCheckIn(9, 0);
    const firstLarge = measureCheckIn(100, 0);
    expect(firstLarge.generateCalls).toBe(first.generateCalls);
    expect(firstLarge.recordCalls).toBe(first.recordCalls);
    expect(first.recordCounts['Spreadsheet.insertSheet']).toBe(1);
  });

  it('recording through the sidebar (submitCheckIn) costs the recorder’s calls and not one more', () => {
    for (const [keyResults, weeks] of [
      [9, 1],
      [100, 12],
    ] as const) {
      const recorder = keyResults === 9 ? small : large;
      const sidebar = measureCheckIn(keyResults, weeks, 'sidebar');
      console.log(
        `record ${keyResults} KRs: recorder ${recorder.recordCalls} calls, submitCheckIn ${sidebar.recordCalls}`,
      );
      expect(sidebar.recordCalls).toBe(recorder.recordCalls);
      expect(sidebar.recordCounts).toEqual(recorder.recordCounts);
    }
  });
});
