// Where the regions of a check-in tab are, told by developer metadata on single rows. The Sheets API says a
// row or column location "must represent a single row or column; it cannot be unbounded or span multiple rows
// or columns" (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata#DeveloperMetadataLocation),
// so a region is not one metadata over its rows but two markers: one on the row above its first row and one
// on the row below its last (on its own first or last row where the tab has no row there). The markers sit on
// titles and spacers, so rows a person inserts or deletes inside a section move the end marker and are read;
// deleting every row of a section leaves an empty region, not a missing one. Tabs made before kept one
// metadata over the region's rows; those are still read.

import { CHECK_IN_METADATA, REGIONS, type RegionName, type RegionRows } from './check-in-tab';

/** Keys of the region markers; the value is `<region>:<offset>` (see `RegionMarker`). */
export const REGION_MARKER = {
  start: 'okr.checkIn.regionStart',
  end: 'okr.checkIn.regionEnd',
} as const;

/** One marker to add: on the whole row `row`; the region's first (or last) row is `row + offset`. */
export interface RegionMarker {
  key: (typeof REGION_MARKER)[keyof typeof REGION_MARKER];
  value: string;
  row: number;
}

/** The markers of a tab's regions, a start and an end marker each, for a tab whose last row is `lastRow`. */
export function regionMarkers(regions: Record<RegionName, RegionRows>, lastRow: number): RegionMarker[] {
  const markers: RegionMarker[] = [];
  for (const name of REGIONS) {
    const { row, rows } = regions[name];
    const last = row + rows - 1;
    const startOffset = row > 1 ? 1 : 0;
    const endOffset = last < lastRow ? -1 : 0;
    markers.push({ key: REGION_MARKER.start, value: `${name}:${startOffset}`, row: row - startOffset });
    markers.push({ key: REGION_MARKER.end, value: `${name}:${endOffset}`, row: last - endOffset });
  }
  return markers;
}

/** Row metadata of a tab as found: its key and value, its first row and how many rows it spans. */
export interface FoundRowMetadata {
  key: string;
  value: string | null;
  row: number;
  rows: number;
}

function parseMarker(value: string | null): { name: RegionName; offset: number } | null {
  const match = /^([A-Za-z]+):(-?\d+)$/.exec(value ?? '');
  if (!match || !(REGIONS as readonly string[]).includes(match[1] as string)) return null;
  return { name: match[1] as RegionName, offset: Number(match[2]) };
}

/**
 * Each region's rows from the tab's row metadata (other keys are ignored). A region needs both markers, the
 * end at or after the row before the start; the first marker of a kind wins. A region with no markers but
 * the metadata of a tab made before (one metadata over its rows) has those rows.
 */
export function regionsFromMetadata(found: readonly FoundRowMetadata[]): Partial<Record<RegionName, RegionRows>> {
  const starts = new Map<RegionName, number>();
  const ends = new Map<RegionName, number>();
  const before = new Map<RegionName, RegionRows>();
  for (const { key, value, row, rows } of found) {
    if (key === CHECK_IN_METADATA.region) {
      const name = value as RegionName;
      if ((REGIONS as readonly string[]).includes(name) && !before.has(name)) before.set(name, { row, rows });
      continue;
    }
    const marks = key === REGION_MARKER.start ? starts : key === REGION_MARKER.end ? ends : null;
    const marker = marks ? parseMarker(value) : null;
    if (marks && marker && !marks.has(marker.name)) marks.set(marker.name, row + marker.offset);
  }
  const regions: Partial<Record<RegionName, RegionRows>> = {};
  for (const name of REGIONS) {
    const [first, last] = [starts.get(name), ends.get(name)];
    if (first !== undefined && last !== undefined && last >= first - 1)
      regions[name] = { row: first, rows: last - first + 1 };
    else if (first === undefined && last === undefined && before.has(name)) regions[name] = before.get(name);
  }
  return regions;
}
