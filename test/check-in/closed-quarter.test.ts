// The weekly check-in when the quarter holding today was closed early: the next quarter was planned from it
// (New quarter with "continue from"), which freezes and protects the old sheet while its last weeks still
// run. The check-in says which quarter it records into, offers the open one, and checks in there when the
// person picks it; nothing is worded here, the server answers with a code and its parameters.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteText, startCheckIn } from '../../src/server/check-in-api';
import { generateCheckIn } from '../../src/server/check-in-generate';
import { recordCheckIn } from '../../src/server/check-in-record';
import { buildQuarter } from '../../src/server/quarter-builder';
import { checkInPlan, historyOf, openSpreadsheet, recorded, sheetIdOf, typeInto, wednesdayOfWeek } from './support';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Q1 2027 built, then Q2 2027 planned from it in Q1's week 11: Q1 is closed, Q2 open and not started. */
function closedEarly(lang: 'en' | 'pl' = 'en') {
  const services = openSpreadsheet();
  const q1 = buildQuarter(checkInPlan(lang)).sheetName;
  const next = checkInPlan(lang);
  next.quarter = { kind: 'quarter', year: 2027, quarter: 2 };
  const q2 = buildQuarter(next, { previousSheetId: sheetIdOf(q1) }).sheetName;
  return { services, q1, q2 };
}

describe('a check-in in a quarter closed by planning the next', () => {
  it('says it records into the closed quarter and offers the open one', () => {
    const { q2 } = closedEarly();
    const result = generateCheckIn({ asOf: wednesdayOfWeek(12) });
    expect(result).toMatchObject({ sheetName: 'Check-in W12', week: 12, created: true });
    expect(result.notes).toContainEqual({
      code: 'closedQuarter',
      quarter: 'Q1 2027',
      openQuarter: 'Q2 2027',
      openSheetId: sheetIdOf(q2),
    });
    // The menu words it in the spreadsheet's language.
    const note = result.notes.find((n) => n.code === 'closedQuarter');
    if (!note) throw new Error('no closedQuarter note');
    expect(noteText('en', note)).toContain('This check-in records into Q1 2027');
    expect(noteText('pl', note)).toContain('Ten check-in zapisuje się w kwartale Q1 2027');
    expect(noteText('pl', note)).toContain('Q2 2027');
  });

  it('says nothing of it in an open quarter', () => {
    openSpreadsheet();
    buildQuarter(checkInPlan());
    const result = generateCheckIn({ asOf: wednesdayOfWeek(12) });
    expect(result.notes.map((note) => note.code)).not.toContain('closedQuarter');
  });

  it('checks in to the open quarter when picked: its week 1, recorded into its sheet and History', () => {
    const { services, q2 } = closedEarly();
    // The sidebar's call carries no date: the clock is fixed at Q1's week 12, three weeks before Q2 starts.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(wednesdayOfWeek(12));
    generateCheckIn();
    const answer = startCheckIn({ quarterSheetId: sheetIdOf(q2) });
    if (!answer.ok) throw new Error(`expected a tab, got ${JSON.stringify(answer)}`);
    const sheetId = answer.boot.sheetId;
    if (sheetId === null) throw new Error('no tab');
    const tab = services.spreadsheet.getSheetById(sheetId);
    expect(tab?.getName()).toBe('Check-in W01');
    expect(answer.boot.generated?.created).toBe(true);
    // The open quarter is no closed one: no closedQuarter note there.
    expect(answer.boot.generated?.notes.map((note) => note.code)).not.toContain('closedQuarter');
    typeInto(services, tab?.getName() ?? '', { 'O1.1': { value: 1 } });
    recorded(recordCheckIn({ sheetId, replace: false }));
    expect(historyOf(services).map((r) => [r.quarter, r.week, r.keyResultId])).toContainEqual(['Q2 2027', 1, 'O1.1']);
  });

  it('refuses a payload it cannot read, with a code', () => {
    closedEarly();
    expect(startCheckIn({ quarterSheetId: 'Q2' })).toEqual({ ok: false, notice: { code: 'badRequest' } });
    expect(startCheckIn({ quarterSheetId: 987_654 })).toMatchObject({ ok: false });
  });
});
