// Developer metadata: key/value pairs pinned to the spreadsheet, a sheet, or one whole row or column, which
// survive renames and follow their rows and columns when others are inserted or deleted (deleting the rows
// deletes the metadata). Metadata objects are persistent: `setValue` on one found earlier changes the stored
// entry. The finder filters by id, key, value, location type and visibility; a range-scoped finder sees row
// and column metadata lying wholly within the range, or meeting it after `onIntersectingLocations()`.

import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, enumName, isEnum } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import { type GridRange, type Span, spansMeet, spanWithin } from './grid';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Fake } from './types';

type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type LocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; span: Span };

export function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return a.type === b.type;
  if (a.type !== b.type || a.sheetId !== b.sheetId) return false;
  if (a.type === 'SHEET' || b.type === 'SHEET') return true;
  return a.span.start === b.span.start && a.span.size === b.span.size;
}

/** Reads the overloads `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`. */
export function metadataArgs(second: unknown, third: unknown): { value: string | null; visibility: Visibility } {
  if (isEnum(second, 'DeveloperMetadataVisibility')) {
    return { value: null, visibility: second as unknown as Visibility };
  }
  const visibility = isEnum(third, 'DeveloperMetadataVisibility')
    ? (third as unknown as Visibility)
    : DeveloperMetadataVisibility.DOCUMENT;
  return { value: second === undefined || second === null ? null : String(second), visibility };
}

/**
 * Row and column metadata sit on one row or one column. The Sheets API reference of DeveloperMetadataLocation
 * says of its dimensionRange: "The specified DimensionRange must represent a single row or column; it cannot
 * be unbounded or span multiple rows or columns"
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata#DeveloperMetadataLocation).
 * Apps Script's Range.addDeveloperMetadata reference is silent, so the local spreadsheet refuses what the API
 * refuses: what works here works under every reading.
 */
export function assertSingleLine(env: FakeEnv, location: MetadataLocation): void {
  if (location.type !== 'ROW' && location.type !== 'COLUMN') return;
  if (location.span.size === 1) return;
  const what = location.type === 'ROW' ? 'rows' : 'columns';
  throw env.exception(
    `Developer metadata on a row or column must be on a single ${location.type === 'ROW' ? 'row' : 'column'}; this range spans ${location.span.size} ${what}.`,
  );
}

type MetadataMethods =
  | 'getId'
  | 'getKey'
  | 'getLocation'
  | 'getValue'
  | 'getVisibility'
  | 'moveToColumn'
  | 'moveToRow'
  | 'moveToSheet'
  | 'moveToSpreadsheet'
  | 'remove'
  | 'setKey'
  | 'setValue'
  | 'setVisibility';

export class FakeDeveloperMetadata
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.DeveloperMetadata, MetadataMethods>
{
  constructor(
    env: FakeEnv,
    private readonly book: FakeSpreadsheet,
    /** Fake internals: the stored entry. */
    readonly id: number,
    public key: string,
    public value: string | null,
    public visibility: Visibility,
    public location: MetadataLocation,
  ) {
    super(env, 'DeveloperMetadata');
  }

  protected override label(): string {
    return `${this.key}=${this.value}`;
  }

  getId(): number {
    this.track('getId');
    return this.id;
  }

  getKey(): string {
    this.track('getKey');
    return this.key;
  }

  getValue(): string | null {
    this.track('getValue');
    return this.value;
  }

  getVisibility(): Visibility {
    this.track('getVisibility');
    return this.visibility;
  }

  getLocation(): FakeDeveloperMetadataLocation {
    this.track('getLocation');
    return new FakeDeveloperMetadataLocation(this.env, this.book, this.location);
  }

  setKey(key: string): FakeDeveloperMetadata {
    this.track('setKey');
    this.key = key;
    return this;
  }

  setValue(value: string): FakeDeveloperMetadata {
    this.track('setValue');
    this.value = value;
    return this;
  }

  setVisibility(visibility: Visibility): FakeDeveloperMetadata {
    this.track('setVisibility');
    this.visibility = visibility;
    return this;
  }

  remove(): void {
    this.track('remove');
    this.book.metadata = this.book.metadata.filter((m) => m !== this);
  }

  moveToRow(row: FakeRange): FakeDeveloperMetadata {
    this.track('moveToRow');
    const location: MetadataLocation = {
      type: 'ROW',
      sheetId: row.sheet.id,
      span: { start: row.area.row, size: row.area.numRows },
    };
    assertSingleLine(this.env, location);
    this.location = location;
    return this;
  }

  moveToColumn(column: FakeRange): FakeDeveloperMetadata {
    this.track('moveToColumn');
    const span = { start: column.area.column, size: column.area.numColumns };
    const location: MetadataLocation = { type: 'COLUMN', sheetId: column.sheet.id, span };
    assertSingleLine(this.env, location);
    this.location = location;
    return this;
  }

  moveToSheet(sheet: FakeSheet): FakeDeveloperMetadata {
    this.track('moveToSheet');
    this.location = { type: 'SHEET', sheetId: sheet.id };
    return this;
  }

  moveToSpreadsheet(): FakeDeveloperMetadata {
    this.track('moveToSpreadsheet');
    this.location = { type: 'SPREADSHEET' };
    return this;
  }
}

type LocationMethods = 'getColumn' | 'getLocationType' | 'getRow' | 'getSheet' | 'getSpreadsheet';

export class FakeDeveloperMetadataLocation
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, LocationMethods>
{
  private readonly location: MetadataLocation;

  constructor(
    env: FakeEnv,
    private readonly book: FakeSpreadsheet,
    location: MetadataLocation,
  ) {
    super(env, 'DeveloperMetadataLocation');
    this.location =
      location.type === 'ROW' || location.type === 'COLUMN' ? { ...location, span: { ...location.span } } : location;
  }

  getLocationType(): LocationType {
    this.track('getLocationType');
    return DeveloperMetadataLocationType[this.location.type];
  }

  getSpreadsheet(): FakeSpreadsheet | null {
    this.track('getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.book : null;
  }

  getSheet(): FakeSheet | null {
    this.track('getSheet');
    return this.location.type === 'SPREADSHEET' ? null : this.book.sheetById(this.location.sheetId);
  }

  getRow(): FakeRange | null {
    this.track('getRow');
    if (this.location.type !== 'ROW') return null;
    const sheet = this.book.sheetById(this.location.sheetId);
    const { start, size } = this.location.span;
    return sheet ? sheet.rangeAt(start, 1, size, sheet.grid.maxColumns, 'rows') : null;
  }

  getColumn(): FakeRange | null {
    this.track('getColumn');
    if (this.location.type !== 'COLUMN') return null;
    const sheet = this.book.sheetById(this.location.sheetId);
    const { start, size } = this.location.span;
    return sheet ? sheet.rangeAt(1, start, sheet.grid.maxRows, size, 'columns') : null;
  }
}

export type FinderScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheetId: number }
  | { kind: 'range'; range: GridRange };

type FinderMethods =
  | 'find'
  | 'onIntersectingLocations'
  | 'withId'
  | 'withKey'
  | 'withLocationType'
  | 'withValue'
  | 'withVisibility';

export class FakeDeveloperMetadataFinder
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  private readonly filters: ((m: FakeDeveloperMetadata) => boolean)[] = [];
  private intersecting = false;

  constructor(
    env: FakeEnv,
    private readonly book: FakeSpreadsheet,
    private readonly scope: FinderScope,
  ) {
    super(env, 'DeveloperMetadataFinder');
  }

  find(): FakeDeveloperMetadata[] {
    this.track('find');
    return this.book.metadata.filter((m) => this.inScope(m.location) && this.filters.every((keep) => keep(m)));
  }

  onIntersectingLocations(): FakeDeveloperMetadataFinder {
    this.track('onIntersectingLocations');
    this.intersecting = true;
    return this;
  }

  withId(id: number): FakeDeveloperMetadataFinder {
    this.track('withId');
    this.filters.push((m) => m.id === id);
    return this;
  }

  withKey(key: string): FakeDeveloperMetadataFinder {
    this.track('withKey');
    this.filters.push((m) => m.key === key);
    return this;
  }

  withValue(value: string): FakeDeveloperMetadataFinder {
    this.track('withValue');
    this.filters.push((m) => m.value === value);
    return this;
  }

  withLocationType(locationType: LocationType): FakeDeveloperMetadataFinder {
    this.track('withLocationType');
    this.filters.push((m) => m.location.type === enumName(locationType));
    return this;
  }

  withVisibility(visibility: Visibility): FakeDeveloperMetadataFinder {
    this.track('withVisibility');
    this.filters.push((m) => m.visibility === visibility);
    return this;
  }

  /** A range sees the row and column locations inside it (whole rows or columns), or meeting it. */
  private inScope(location: MetadataLocation): boolean {
    const scope = this.scope;
    if (scope.kind === 'spreadsheet') return true;
    if (location.type === 'SPREADSHEET') return false;
    if (scope.kind === 'sheet') return location.sheetId === scope.sheetId;
    const sheet = this.book.sheetById(location.sheetId);
    if (!sheet || location.type === 'SHEET' || location.sheetId !== scope.range.sheetId) return false;
    const all = (size: number) => ({ start: 1, size });
    const rows = location.type === 'ROW' ? location.span : all(sheet.grid.maxRows);
    const columns = location.type === 'COLUMN' ? location.span : all(sheet.grid.maxColumns);
    const { rows: rangeRows, columns: rangeColumns } = scope.range;
    return this.intersecting
      ? spansMeet(rows, rangeRows) && spansMeet(columns, rangeColumns)
      : spanWithin(rows, rangeRows) && spanWithin(columns, rangeColumns);
  }
}
