// What the check-in tests share: a spreadsheet with a quarter built by the real builder, the days of its
// weeks, typing into a check-in tab the way a person does (one cell at a time, validation applies), reading
// History back as records, and loading a tab into HyperFormula to compute its formulas.

import { asReal, createFakeServices, type FakeServices, type FakeServicesOptions } from '../../local/spreadsheet';
import { type FoundRowMetadata, regionsFromMetadata } from '../../src/core/check-in/check-in-regions';
import { type RegionName, tabColumn } from '../../src/core/check-in/check-in-tab';
import { type HistoryRecord, parseHistoryRow } from '../../src/core/check-in/history';
import type { RecordCheckInResult } from '../../src/server/check-in-record';
import { HISTORY_METADATA } from '../../src/server/history-sheet';
import { forgetLang } from '../../src/server/language';
import { buildQuarter } from '../../src/server/quarter-builder';
import type { CheckInRecording } from '../../src/shared/check-in-api';
import type { KeyResultPlan, QuarterPlan } from '../../src/shared/plan';
import { type CellInput, createFormulaEngine, type FormulaEngine } from '../support/hyperformula';
import { installGlobals } from '../support/install-globals';

/** A fresh fake spreadsheet installed as the Apps Script globals. */
export function openSpreadsheet(options: FakeServicesOptions = {}): FakeServices {
  const services = createFakeServices(options);
  installGlobals(services);
  forgetLang();
  return services;
}

const kr = (fields: Partial<KeyResultPlan> & Pick<KeyResultPlan, 'id' | 'title' | 'kind' | 'unit'>): KeyResultPlan => ({
  start: null,
  target: null,
  weight: 1,
  owner: '',
  committed: false,
  notes: '',
  ...fields,
});

/**
 * Q1 2027 (Friday 1 January to Wednesday 31 March): week 1 is 28 December – 3 January, week 5 is
 * 25–31 January, the last week (14) holds 31 March. Six key results of every kind.
 */
export function checkInPlan(language: 'en' | 'pl' = 'en', formulaStyle: 'addon' | 'portable' = 'addon'): QuarterPlan {
  return {
    quarter: { kind: 'quarter', year: 2027, quarter: 1 },
    fiscalStartMonth: 1,
    team: 'Sales Poland',
    language,
    levels: ['company', 'team'],
    currency: 'PLN',
    formulaStyle,
    objectives: [
      {
        id: 'O1',
        level: 'company',
        title: 'Build a predictable pipeline',
        keyResults: [
          kr({
            id: 'O1.1',
            title: 'New clients',
            kind: 'increase',
            unit: 'count',
            start: 0,
            target: 10,
            owner: 'Anna',
          }),
          kr({
            id: 'O1.2',
            title: 'Pipeline value',
            kind: 'increase',
            unit: 'currency',
            start: 300_000,
            target: 1_200_000,
            owner: 'Bartek',
            committed: true,
          }),
          kr({
            id: 'O1.3',
            title: 'Sales cycle',
            kind: 'decrease',
            unit: 'days',
            start: 60,
            target: 45,
            owner: 'Anna',
          }),
        ],
      },
      {
        id: 'O2',
        level: 'team',
        title: 'Keep our clients',
        parent: 'O1',
        keyResults: [
          kr({ id: 'O2.1', title: 'Churn at most 4%', kind: 'atMost', unit: 'percent', target: 0.04, owner: 'Celina' }),
          kr({ id: 'O2.2', title: 'CRM hygiene', kind: 'milestone', unit: 'count', owner: 'Celina' }),
          kr({ id: 'O2.3', title: 'NPS 50+', kind: 'atLeast', unit: 'points', target: 50, owner: 'Bartek' }),
        ],
      },
    ],
  };
}

/** Builds the plan's OKR sheet with the real builder; returns the sheet's name. */
export function buildOkrSheet(plan: QuarterPlan = checkInPlan()): string {
  return buildQuarter(plan).sheetName;
}

/** A Wednesday morning in Warsaw of a week of Q1 2027 (week 1 = 28 December 2026). */
export function wednesdayOfWeek(week: number): Date {
  const monday = Date.UTC(2026, 11, 28) + (week - 1) * 7 * 86_400_000;
  return new Date(monday + 2 * 86_400_000 + 9 * 3_600_000);
}

/** The sheet id of a tab, by its name: what the sidebar and the menu pass to the recorder. */
export function sheetIdOf(name: string): number {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet named "${name}"`);
  return sheet.getSheetId();
}

/** What a recording did, when it recorded (anything else fails the test with what it was). */
export function recorded(result: RecordCheckInResult): CheckInRecording {
  if (result.outcome !== 'recorded') throw new Error(`expected a recording, got ${JSON.stringify(result)}`);
  const { outcome: _, ...recording } = result;
  return recording;
}

export interface Typed {
  value?: unknown;
  confidence?: unknown;
  comment?: unknown;
}

/** The rows of a tab's KR table by KR id (a test helper: reads the fake's cells, no service call). */
export function keyResultRows(services: FakeServices, sheetName: string): Map<string, number> {
  const { values } = services.spreadsheet.dump(sheetName);
  const rows = new Map<string, number>();
  const krTitle = values.findIndex(
    (row) => row[tabColumn('krId') - 1] === 'KR ID' || row[tabColumn('krId') - 1] === 'ID KR',
  );
  values.forEach((row, index) => {
    const id = row[tabColumn('krId') - 1];
    if (index > krTitle && krTitle >= 0 && typeof id === 'string' && /^O\d/.test(id) && !rows.has(id)) {
      rows.set(id, index + 1);
    }
  });
  return rows;
}

/** The first row of a region of a check-in tab, by its row metadata (read from the fake, no service call). */
export function regionRow(services: FakeServices, sheetName: string, region: RegionName): number {
  const sheet = services.spreadsheet.sheet(sheetName);
  const found: FoundRowMetadata[] = [];
  for (const m of services.spreadsheet.metadata) {
    if (m.location.type !== 'ROW' || m.location.sheetId !== sheet.id) continue;
    found.push({ key: m.key, value: m.value, row: m.location.span.start, rows: m.location.span.size });
  }
  const rows = regionsFromMetadata(found)[region];
  if (!rows) throw new Error(`No ${region} region in ${sheetName}`);
  return rows.row;
}

/** Types into the check-in tab as a person does: cell by cell, through Range.setValue (validation applies). */
export function typeInto(services: FakeServices, sheetName: string, typed: Record<string, Typed>): void {
  const sheet = asReal(services.spreadsheet.sheet(sheetName));
  const rows = keyResultRows(services, sheetName);
  for (const [id, fields] of Object.entries(typed)) {
    const row = rows.get(id);
    if (!row) throw new Error(`No row for ${id} in ${sheetName}`);
    for (const key of ['value', 'confidence', 'comment'] as const) {
      if (key in fields) sheet.getRange(row, tabColumn(key)).setValue(fields[key]);
    }
  }
}

/** History as records, read from the fake's cells (no service call). */
export function historyOf(services: FakeServices): HistoryRecord[] {
  const sheet = findHistorySheetName(services);
  if (!sheet) return [];
  const { values } = services.spreadsheet.dump(sheet);
  return values
    .slice(1)
    .map(parseHistoryRow)
    .filter((record): record is HistoryRecord => record !== null);
}

/** The History sheet's name, by its metadata (read from the fake's state, no service call). */
export function findHistorySheetName(services: FakeServices): string | null {
  const { spreadsheet } = services;
  const tag = spreadsheet.metadata.find(
    (m) => m.key === HISTORY_METADATA.kind && m.value === HISTORY_METADATA.kindValue && m.location.type === 'SHEET',
  );
  if (tag?.location.type !== 'SHEET') return null;
  return spreadsheet.sheetById(tag.location.sheetId)?.name ?? null;
}

/**
 * A tab as a formula engine: each cell's formula, or its value (texts keep an apostrophe, so a text is
 * never read as a formula), computed by HyperFormula with the add-on's functions registered.
 */
export function tabEngine(services: FakeServices, sheetName: string, lang: 'en' | 'pl' = 'en'): FormulaEngine {
  const { values, formulas } = services.spreadsheet.dump(sheetName);
  const rows: CellInput[][] = values.map((line, r) =>
    line.map((value, c) => {
      const formula = formulas[r]?.[c];
      if (formula) return formula;
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'string') return `'${value}`;
      if (typeof value === 'number' || typeof value === 'boolean') return value;
      return String(value);
    }),
  );
  return createFormulaEngine({ [sheetName]: rows }, { lang });
}
