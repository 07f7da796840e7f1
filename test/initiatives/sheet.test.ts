// The Initiatives sheet on the fake spreadsheet: written by submitQuarter beside the OKR sheet in a fixed
// number of calls, found by its metadata, opened (never rewritten) by the menu item, refused plans naming
// ids that do not exist, and its formulas computed by HyperFormula with the OKR sheet's running-initiative
// count, in both styles and locales, before and after a sort by rank.

import { describe, expect, it } from 'vitest';
import { INITIATIVE_COLUMN_KEYS, INITIATIVES_METADATA, TASK_COLUMN_KEYS } from '../../src/core/initiatives/layout';
import { columnLetter } from '../../src/core/okr-sheet/cells';
import { columnOf } from '../../src/core/okr-sheet/columns';
import { findInitiativesSheet, openInitiatives, showInitiatives } from '../../src/server/initiatives-sheet';
import { buildQuarter } from '../../src/server/quarter-builder';
import { submitQuarter } from '../../src/server/sidebar-api';
import type { InitiativePlan, QuarterPlan } from '../../src/shared/plan';
import { buildOkrSheet, checkInPlan, openSpreadsheet } from '../check-in/support';
import type { CellInput } from '../support/hyperformula';
import { INITIATIVES, initiativesPlan, sheetsEngine, TASKS } from './support';

const ICE_KEYS = INITIATIVE_COLUMN_KEYS.ice as readonly string[];
const letter = (key: string) => columnLetter(ICE_KEYS.indexOf(key) + 1);
const taskLetter = (key: (typeof TASK_COLUMN_KEYS)[number]) => columnLetter(TASK_COLUMN_KEYS.indexOf(key) + 1);
// Rows of the sheet as laid out: title row 6, initiatives from 7; four initiatives and 10 spare rows.
const FIRST = 7;
const TASK_FIRST = FIRST + INITIATIVES.length + 10 + 3;

function manyInitiatives(count: number): InitiativePlan[] {
  const krs = ['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3'];
  return Array.from({ length: count }, (_, i) => ({
    hypothesis: `We believe that change ${i + 1} will move the KR because of evidence ${i + 1}`,
    keyResultId: krs[i % krs.length] as string,
    owner: 'Anna',
    status: 'running',
    impact: 1 + (i % 10),
    confidence: 5,
    ease: 5,
  }));
}

describe('submitQuarter with initiatives and tasks', () => {
  it('writes the Initiatives sheet beside the OKR sheet, found by its metadata whatever its name', () => {
    const services = openSpreadsheet({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
    const result = submitQuarter({ plan: initiativesPlan('en') });
    expect(result).toMatchObject({ ok: true, sheetName: 'OKR Q1 2027', initiativesSheetName: 'Initiatives Q1 2027' });
    const names = services.spreadsheet.sheets.map((sheet) => sheet.name);
    expect(names.indexOf('Initiatives Q1 2027')).toBe(names.indexOf('OKR Q1 2027') + 1);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.getSheetByName('Initiatives Q1 2027')?.setName('Our bets');
    expect(findInitiativesSheet(spreadsheet, 'Q1 2027')?.getName()).toBe('Our bets');
    expect(findInitiativesSheet(spreadsheet, 'Q2 2027')).toBeNull();
    const { values } = services.spreadsheet.dump('Our bets');
    expect(values[FIRST - 2]?.slice(0, 5)).toEqual(['Id', 'Initiative (hypothesis)', 'KR', 'Owner', 'Status']);
    expect(values[FIRST - 1]?.slice(0, 5)).toEqual(['I1', INITIATIVES[0]?.hypothesis, 'O1.1', 'Anna', 'running']);
    expect(values[TASK_FIRST - 1]?.slice(0, 3)).toEqual(['Write the referral terms', 'I1', 'Anna']);
  });

  it('writes it in Polish for a Polish plan, with the status and KR dropdowns and a checkbox per task', () => {
    const services = openSpreadsheet({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    expect(submitQuarter({ plan: initiativesPlan('pl') })).toMatchObject({
      initiativesSheetName: 'Inicjatywy Q1 2027',
    });
    const sheet = services.spreadsheet.sheet('Inicjatywy Q1 2027');
    expect(services.spreadsheet.dump('Inicjatywy Q1 2027').values[FIRST - 1]?.[4]).toBe('w realizacji');
    const status = sheet.grid.peek(FIRST, 5).validation?.spec;
    expect(status?.values[0]).toEqual(['pomysł', 'w realizacji', 'zrobione', 'porzucone']);
    const kr = sheet.grid.peek(FIRST, 3).validation?.spec;
    expect(kr?.values[0]).toEqual(['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3']);
    const initiative = sheet.grid.peek(TASK_FIRST, 2).validation?.spec;
    expect(initiative?.values[0]).toEqual(['I1', 'I2', 'I3', 'I4']);
    expect(String(sheet.grid.peek(TASK_FIRST, 5).validation?.spec.criteria)).toMatch(/CHECKBOX/);
  });

  it('costs the same service calls for 4 initiatives as for 120 with 300 tasks', () => {
    const count = (plan: QuarterPlan) => {
      const services = openSpreadsheet({ locale: 'en_US', timeZone: 'Europe/Warsaw' });
      return services.calls.measure(() => buildQuarter(plan)).total;
    };
    const without = count(checkInPlan('en'));
    const small = count(initiativesPlan('en'));
    const tasks = Array.from({ length: 300 }, (_, i) => ({ title: `Task ${i}`, initiativeId: `I${1 + (i % 120)}` }));
    const large = count(initiativesPlan('en', 'addon', { initiatives: manyInitiatives(120), tasks }));
    expect(large).toBe(small);
    // The Initiatives sheet itself: a fixed handful of calls on top of the OKR sheet's.
    expect(small - without).toBeLessThan(80);
  });

  it('refuses initiatives and tasks naming ids that do not exist, naming the field, in the plan language', () => {
    openSpreadsheet({ locale: 'en_US' });
    const plan = initiativesPlan('en', 'addon', {
      initiatives: [...INITIATIVES, { hypothesis: 'We believe that…', keyResultId: 'O9.9', status: 'idea' }],
      tasks: [...TASKS, { title: 'Call', initiativeId: 'I42' }],
    });
    const result = submitQuarter({ plan });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'plan.initiatives.4.keyResultId',
          message: 'The KR initiative I5 serves: O9.9 is not a key result of this quarter',
        },
        {
          path: 'plan.tasks.3.initiativeId',
          message: 'The initiative of task 4: I42 is not an initiative of this plan',
        },
      ],
    });
    openSpreadsheet({ locale: 'pl_PL' });
    const polish = submitQuarter({ plan: { ...plan, language: 'pl' } });
    expect(polish.ok === false && polish.errors.map((error) => error.message)).toEqual([
      'KR, któremu służy inicjatywa I5: O9.9 nie jest kluczowym rezultatem tego kwartału',
      'Inicjatywa zadania 4: I42 nie jest inicjatywą tego planu',
    ]);
  });

  it('refuses a duplicate initiative id and names a bad field of an initiative', () => {
    openSpreadsheet({ locale: 'en_US' });
    const result = submitQuarter({
      plan: initiativesPlan('en', 'addon', {
        initiatives: [
          INITIATIVES[0] as InitiativePlan,
          { ...(INITIATIVES[1] as InitiativePlan), id: 'I1', status: 'maybe' as 'idea' },
        ],
        tasks: [],
      }),
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
    expect(messages).toEqual([
      'plan.initiatives.1.status: Initiative I2: “maybe” is not one of: idea, running, done, dropped',
      'plan.initiatives.1.id: Initiative #2: the id I1 is used by an earlier initiative',
    ]);
  });
});

describe('the Initiatives menu item', () => {
  it('creates the empty sheet for the open quarter, then opens it without writing over it', () => {
    const services = openSpreadsheet({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    buildOkrSheet(checkInPlan('pl'));
    const first = openInitiatives();
    expect(first).toMatchObject({ code: 'created', sheetName: 'Inicjatywy Q1 2027', quarter: 'Q1 2027' });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Inicjatywy Q1 2027');
    sheet?.getRange(FIRST, 2).setValue('Wierzymy, że …');
    showInitiatives();
    expect(services.spreadsheet.toasts.at(-1)?.message).toBe('Otwarto arkusz „Inicjatywy Q1 2027”.');
    expect(services.spreadsheet.dump('Inicjatywy Q1 2027').values[FIRST - 1]?.[1]).toBe('Wierzymy, że …');
    expect(services.spreadsheet.sheets.filter((s) => s.name.startsWith('Inicjatywy'))).toHaveLength(1);
    const kinds = services.spreadsheet.metadata.filter((m) => m.key === INITIATIVES_METADATA.key);
    expect(kinds.map((m) => m.value)).toEqual(['Q1 2027']);
  });

  it('says there is no quarter yet', () => {
    const services = openSpreadsheet({ locale: 'en_US' });
    showInitiatives();
    expect(services.spreadsheet.toasts.at(-1)?.message).toBe(
      'There is no open OKR sheet yet: create one with New quarter….',
    );
  });
});

describe.each([
  ['en_US', 'en'],
  ['pl_PL', 'pl'],
] as const)('the written formulas on a %s spreadsheet', (locale, lang) => {
  describe.each(['addon', 'portable'] as const)('in the %s style', (style) => {
    const build = () => {
      const services = openSpreadsheet({ locale, timeZone: 'Europe/Warsaw' });
      const result = submitQuarter({ plan: initiativesPlan(lang, style) });
      if (!result.ok || !result.initiativesSheetName) throw new Error('not built');
      return { services, okr: result.sheetName, initiatives: result.initiativesSheetName };
    };

    it('score, rank, progress and flag each initiative, and count running ones per KR in the OKR sheet', () => {
      const { services, okr, initiatives } = build();
      const engine = sheetsEngine(services, [okr, initiatives], { lang, locale });
      const column = (key: string) =>
        engine.values(initiatives, `${letter(key)}${FIRST}:${letter(key)}${FIRST + 3}`).map((row) => row[0]);
      expect(column('score')).toEqual([240, 504, 125, 108]);
      expect(column('rank')).toEqual([2, 1, 3, 4]);
      // I1: 1 of 2 tasks done; I2: no task, no own %; I3: own 40 %; I4: its one task done.
      expect(column('progress')).toEqual([0.5, '', 0.4, 1]);
      const idea = lang === 'en' ? '⚠ high-ranked idea, no owner' : '⚠ wysoko oceniony pomysł bez właściciela';
      expect(column('flags')).toEqual(['', idea, '', '']);
      const counts = engine
        .values(okr, `${columnLetter(columnOf('initiatives'))}7:${columnLetter(columnOf('initiatives'))}12`)
        .map((row) => row[0]);
      expect(counts).toEqual([1, 0, 1, 0, 0, 0]);
      expect(engine.value(initiatives, 'D3')).toBe('O1.2, O2.1, O2.2, O2.3');
      expect(engine.value(initiatives, `${taskLetter('taskFlags')}${TASK_FIRST}`)).toBe('');
    });

    it('follow edits: a task ticked, a KR changed to one of another quarter, a task for no initiative', () => {
      const { services, okr, initiatives } = build();
      const engine = sheetsEngine(services, [okr, initiatives], {
        lang,
        locale,
        edit: (name, rows) => {
          if (name !== initiatives) return;
          const line = (row: number) => rows[row - 1] as CellInput[];
          // The second task (I1's) ticked, I2 moved to a KR of no quarter, a fourth task for no initiative.
          line(TASK_FIRST + 1)[TASK_COLUMN_KEYS.indexOf('done')] = true;
          line(FIRST + 1)[ICE_KEYS.indexOf('keyResult')] = "'O7.1";
          line(TASK_FIRST + 3)[0] = "'A stray task";
          line(TASK_FIRST + 3)[1] = "'I9";
        },
      });
      expect(engine.value(initiatives, `${letter('progress')}${FIRST}`)).toBe(1);
      const notInQuarter = lang === 'en' ? '⚠ KR not in Q1 2027' : '⚠ KR spoza Q1 2027';
      expect(String(engine.value(initiatives, `${letter('flags')}${FIRST + 1}`))).toContain(notInQuarter);
      const stray = lang === 'en' ? '⚠ no such initiative' : '⚠ nie ma takiej inicjatywy';
      expect(engine.value(initiatives, `${taskLetter('taskFlags')}${TASK_FIRST + 3}`)).toBe(stray);
    });

    it('keep every initiative its score, rank and progress after the rows are sorted by rank', () => {
      const { services, okr, initiatives } = build();
      const inputs = new Set([
        'id',
        'initiative',
        'keyResult',
        'owner',
        'status',
        'impact',
        'confidence',
        'ease',
        'ownProgress',
      ]);
      // A sort moves the typed cells of whole rows; the computed cells are one pattern per row (portable) or
      // the title cell's answer (add-on), so they stay where they are, as Sheets' sort leaves them.
      const order = [1, 0, 2, 3];
      const engine = sheetsEngine(services, [okr, initiatives], {
        lang,
        locale,
        edit: (name, rows) => {
          if (name !== initiatives) return;
          const moved = order.map((from) => [...(rows[FIRST - 1 + from] as CellInput[])]);
          moved.forEach((line, offset) => {
            const target = rows[FIRST - 1 + offset] as CellInput[];
            ICE_KEYS.forEach((key, c) => {
              if (inputs.has(key)) target[c] = line[c] ?? null;
            });
          });
        },
      });
      const row = (r: number) => engine.values(initiatives, `A${r}:${letter('progress')}${r}`)[0] ?? [];
      const byId = Object.fromEntries(
        [0, 1, 2, 3].map((offset) => {
          const line = row(FIRST + offset);
          return [
            line[0],
            [line[ICE_KEYS.indexOf('score')], line[ICE_KEYS.indexOf('rank')], line[ICE_KEYS.indexOf('progress')]],
          ];
        }),
      );
      expect(byId).toEqual({ I1: [240, 2, 0.5], I2: [504, 1, ''], I3: [125, 3, 0.4], I4: [108, 4, 1] });
      expect(engine.value(initiatives, `${letter('rank')}${FIRST}`)).toBe(1);
    });
  });
});
