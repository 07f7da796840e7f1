// Reading an OKR sheet back, on plain grids: the plan comes back whatever the user did that a manager
// does (inserted columns, sorted rows, notes below, titles in the other language), and every broken row
// is reported with its row, its column and what is wrong, in the plan's language.

import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS, type ColumnKey, columnOf, METADATA } from '../../src/core/okr-sheet/columns';
import { layoutQuarter } from '../../src/core/okr-sheet/layout';
import { readQuarterGrid, type SheetSnapshot } from '../../src/core/okr-sheet/read';
import { quarterDates } from '../../src/core/quarter';
import type { QuarterPlan } from '../../src/shared/plan';
import { workedExamplePlan } from './plans';

/** The values Sheets would show for a freshly built sheet (formulas show their title or nothing). */
type Grid = Omit<SheetSnapshot, 'values' | 'formulas'> & { values: unknown[][]; formulas: string[][] };

function snapshotOf(plan: QuarterPlan): Grid {
  const layout = layoutQuarter(plan, quarterDates(plan.quarter, plan.fiscalStartMonth));
  const values = layout.cells.map((row) =>
    row.map((cell) => {
      if (cell === null) return '';
      if ('text' in cell) return cell.text;
      if ('number' in cell) return cell.number;
      return /^=\{"([^"]*)"/.exec(cell.formula)?.[1] ?? '';
    }),
  );
  const formulas = layout.cells.map((row) => row.map((cell) => (cell && 'formula' in cell ? cell.formula : '')));
  return {
    values,
    formulas,
    columnsByMetadata: Object.fromEntries(COLUMN_KEYS.map((key) => [key, columnOf(key)])),
    headerRowByMetadata: layout.headerRow,
    settingsJson: layout.sheetMetadata.find((m) => m.key === METADATA.settings)?.value ?? null,
  };
}

/** The plan as the builder understood it: ids given, no current values yet. */
function expectedPlan(plan: QuarterPlan): QuarterPlan {
  return {
    ...plan,
    objectives: plan.objectives.map((objective, o) => ({
      ...objective,
      id: `O${o + 1}`,
      keyResults: objective.keyResults.map((kr, k) => ({ ...kr, id: `O${o + 1}.${k + 1}`, current: null })),
    })),
  };
}

const cell = (snapshot: Grid, row: number, key: ColumnKey, value: unknown) => {
  const column = snapshot.columnsByMetadata?.[key] ?? columnOf(key);
  (snapshot.values[row - 1] as unknown[])[column - 1] = value;
};

/** The column order sheets were built in before the score, objective score and status moved beside the key result. */
const FIRST_ORDER: readonly ColumnKey[] = [
  'level',
  'objectiveId',
  'objective',
  'krId',
  'keyResult',
  'owner',
  'kind',
  'unit',
  'start',
  'target',
  'current',
  'weight',
  'score',
  'objectiveScore',
  'status',
  'type',
  'parent',
  'notes',
];

/** `snapshot` with its columns in `order`, its column metadata following them (or dropped). */
function reordered(snapshot: Grid, order: readonly ColumnKey[], withMetadata: boolean): Grid {
  const from = order.map((key) => columnOf(key) - 1);
  const move = <T>(rows: T[][]) => rows.map((row) => from.map((index) => row[index] as T));
  return {
    ...snapshot,
    values: move(snapshot.values),
    formulas: move(snapshot.formulas),
    columnsByMetadata: withMetadata ? Object.fromEntries(order.map((key, index) => [key, index + 1])) : {},
  };
}

describe('readQuarterGrid', () => {
  it('reads a sheet built with the earlier column order, by its column metadata or by its titles', () => {
    // The earlier sheets had neither the later count of running initiatives nor the scenario columns: such a
    // sheet still reads, with none.
    const laterKeys: readonly ColumnKey[] = ['initiatives', 'minTarget', 'maxTarget', 'scenario'];
    expect([...FIRST_ORDER].sort()).toEqual(COLUMN_KEYS.filter((key) => !laterKeys.includes(key)).sort());
    for (const lang of ['en', 'pl'] as const) {
      const plan = workedExamplePlan(lang);
      for (const withMetadata of [true, false]) {
        const snapshot = reordered(snapshotOf(plan), FIRST_ORDER, withMetadata);
        (snapshot.values[6] as unknown[])[FIRST_ORDER.indexOf('current')] = 3;
        const reading = readQuarterGrid(snapshot);
        expect(reading.problems).toEqual([]);
        expect(reading.columns.score).toBe(13);
        expect(reading.columns.current).toBe(11);
        const expected = expectedPlan(plan);
        (expected.objectives[0]?.keyResults[0] as { current: number | null }).current = 3;
        expect(reading.plan).toEqual(expected);
      }
    }
  });

  it('reads a freshly built sheet back into the same plan', () => {
    for (const style of ['addon', 'portable'] as const) {
      const plan = workedExamplePlan('pl', style);
      const reading = readQuarterGrid(snapshotOf(plan));
      expect(reading.problems).toEqual([]);
      expect(reading.plan).toEqual(expectedPlan(plan));
      expect(reading.rows.map((row) => [row.row, row.id])).toEqual([
        [7, 'O1.1'],
        [8, 'O1.2'],
        [9, 'O1.3'],
        [10, 'O2.1'],
        [11, 'O2.2'],
        [12, 'O2.3'],
        [13, 'O2.4'],
      ]);
    }
  });

  it('reads typed current values: numbers, text from a CRM, a milestone word, a formula', () => {
    const snapshot = snapshotOf(workedExamplePlan('pl'));
    cell(snapshot, 7, 'current', 3);
    cell(snapshot, 8, 'current', '52 000 zł');
    cell(snapshot, 12, 'current', 'tak');
    cell(snapshot, 13, 'current', 450_000);
    (snapshot.formulas[12] as string[])[columnOf('current') - 1] = '=SUMIFS(CRM!C:C,CRM!A:A,"won")';
    const reading = readQuarterGrid(snapshot);
    expect(reading.problems).toEqual([]);
    const currents = reading.plan?.objectives.flatMap((o) => o.keyResults.map((kr) => kr.current));
    expect(currents).toEqual([3, 52_000, null, null, null, 1, 450_000]);
    expect(reading.rows[6]).toMatchObject({
      id: 'O2.4',
      current: 450_000,
      currentFormula: '=SUMIFS(CRM!C:C,CRM!A:A,"won")',
    });
    expect(reading.rows[0]?.currentFormula).toBeNull();
  });

  it('finds columns after one is inserted, rows after a sort, and skips notes below the table', () => {
    const plan = workedExamplePlan('en');
    const snapshot = snapshotOf(plan);
    // A column inserted before "Key result": cells move right, and so does the column metadata.
    const inserted = columnOf('keyResult');
    snapshot.values = snapshot.values.map((row, index) => [
      ...row.slice(0, inserted - 1),
      index === 5 ? 'Region' : 'PL',
      ...row.slice(inserted - 1),
    ]);
    snapshot.columnsByMetadata = Object.fromEntries(
      COLUMN_KEYS.map((key) => [key, columnOf(key) >= inserted ? columnOf(key) + 1 : columnOf(key)]),
    );
    // Sorted by owner, descending.
    const data = snapshot.values.slice(6, 13);
    const owner = (snapshot.columnsByMetadata.owner as number) - 1;
    data.sort((a, b) => String(b[owner]).localeCompare(String(a[owner])));
    snapshot.values.splice(6, 7, ...data);
    // A note below the table.
    (snapshot.values[30] as unknown[])[2] = 'Remember: review on Fridays';
    (snapshot.values[31] as unknown[])[0] = 'Note';
    const reading = readQuarterGrid(snapshot);
    expect(reading.problems).toEqual([]);
    expect(reading.plan).toEqual(expectedPlan(plan));
  });

  it('finds the columns by their titles, in either language, when the metadata is gone', () => {
    const plan = workedExamplePlan('pl');
    const snapshot = snapshotOf(plan);
    snapshot.columnsByMetadata = {};
    snapshot.headerRowByMetadata = null;
    // Someone retitled two columns in English and swapped "Start" and "Target".
    const header = snapshot.values[5] as unknown[];
    header[columnOf('keyResult') - 1] = 'Key result';
    header[columnOf('owner') - 1] = ' owner ';
    snapshot.values = snapshot.values.map((row) => {
      const copy = [...row];
      [copy[columnOf('start') - 1], copy[columnOf('target') - 1]] = [
        row[columnOf('target') - 1],
        row[columnOf('start') - 1],
      ];
      return copy;
    });
    const reading = readQuarterGrid(snapshot);
    expect(reading.problems).toEqual([]);
    expect(reading.plan).toEqual(expectedPlan(plan));
  });

  it('reports every broken row, in Polish for a Polish plan, and reads the others', () => {
    const snapshot = snapshotOf(workedExamplePlan('pl'));
    cell(snapshot, 7, 'target', 'dużo');
    cell(snapshot, 8, 'kind', 'rośnie');
    cell(snapshot, 9, 'objectiveId', '');
    cell(snapshot, 10, 'krId', 'O1.1');
    cell(snapshot, 11, 'level', 'dział');
    cell(snapshot, 12, 'current', 'może');
    cell(snapshot, 13, 'weight', 500);
    const reading = readQuarterGrid(snapshot);
    // Nothing is left for a plan, which is a problem of its own.
    expect(reading.problems.shift()).toEqual({
      row: 6,
      field: 'sheet',
      message: 'nie udało się odczytać z arkusza żadnego kluczowego rezultatu',
    });
    expect(reading.problems.map(({ row, field }) => [row, field])).toEqual([
      [7, 'target'],
      [8, 'kind'],
      [9, 'objectiveId'],
      [10, 'krId'],
      [11, 'level'],
      [12, 'current'],
      [13, 'weight'],
    ]);
    expect(reading.problems[0]?.message).toBe('Wartość docelowa: „dużo” nie jest liczbą');
    expect(reading.problems[1]?.message).toMatch(/^Rodzaj: „rośnie” nie jest jednym z: wzrost, spadek/);
    expect(reading.problems[2]?.message).toBe('brak: ID celu');
    expect(reading.problems[3]?.message).toBe('ID KR O1.1 występuje ponownie (pierwszy raz w wierszu 7)');
    expect(reading.problems[5]?.message).toBe('Wartość bieżąca: „może” to nie tak / nie');
    expect(reading.rows.filter((row) => !row.valid).map((row) => row.row)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(reading.plan).toBeNull();
  });

  it('keeps the good rows in the plan when only some are broken', () => {
    const snapshot = snapshotOf(workedExamplePlan('en'));
    cell(snapshot, 8, 'target', 'a lot');
    cell(snapshot, 12, 'type', 'maybe');
    const reading = readQuarterGrid(snapshot);
    expect(reading.problems.map((p) => p.row)).toEqual([8, 12]);
    expect(reading.problems[0]?.message).toBe('Target: "a lot" is not a number');
    expect(reading.plan?.objectives.map((o) => o.keyResults.map((kr) => kr.id))).toEqual([
      ['O1.1', 'O1.3'],
      ['O2.1', 'O2.2', 'O2.4'],
    ]);
  });

  it('flags an objective whose copies differ, and a sheet without settings or columns', () => {
    const snapshot = snapshotOf(workedExamplePlan('en'));
    cell(snapshot, 8, 'objective', 'Another title');
    expect(readQuarterGrid(snapshot).problems).toEqual([
      {
        row: 8,
        field: 'objective',
        message: 'Objective differs from row 7 of the same objective ("Zbudować przewidywalny lejek na półrocze")',
      },
    ]);

    const bare = snapshotOf(workedExamplePlan('en'));
    bare.settingsJson = null;
    bare.fallbackLang = 'pl';
    const noSettings = readQuarterGrid(bare);
    expect(noSettings.plan).toBeNull();
    expect(noSettings.problems[0]?.message).toBe('arkusz nie ma ustawień OKR; czy zbudował go OKR Sheets?');

    const noTarget = snapshotOf(workedExamplePlan('en'));
    noTarget.columnsByMetadata = {};
    (noTarget.values[5] as unknown[])[columnOf('target') - 1] = 'Goal';
    const missing = readQuarterGrid(noTarget);
    expect(missing.problems).toEqual([
      {
        row: 6,
        field: 'target',
        message: 'column "Target" was not found (neither by its title nor by the add-on\'s tag)',
      },
    ]);
  });
});
