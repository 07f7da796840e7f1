// The digest of what is due (src/core/nudges/digest.ts), in both languages: the toast's line, the week's
// state, stale key results, the mail and chat texts, at the quarter's edges (before it, week 1, nothing
// recorded yet, over).

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/cell-values';
import type { HistoryRecord } from '../../src/core/check-in/history';
import {
  checkInDigest,
  type DigestInput,
  digestChatText,
  digestMailto,
  digestToast,
  MAILTO_MAX_LENGTH,
} from '../../src/core/nudges/digest';

/** Q1 2027: Friday 1 January to Wednesday 31 March; week 1 is 28 December – 3 January, week 6 is 1–7 February. */
const Q1 = { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' };
const IDS = ['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2', 'O2.3', 'O3.1', 'O3.2', 'O3.3'];
const OWNERS: Record<string, string> = { O1: 'Anna', O2: 'Bartek', O3: 'Celina' };
const keyResults = IDS.map((id) => ({ id, title: `Result ${id}`, owner: OWNERS[id.slice(0, 2)] ?? '' }));

function record(keyResultId: string, week: number, day: string, value: number | null = 1): HistoryRecord {
  return {
    recordedAt: `${day}T09:00:00`,
    day: dayFromIso(day),
    week,
    keyResultId,
    value,
    score: null,
    status: null,
    confidence: null,
    comment: '',
    who: '',
    quarter: Q1.label,
  };
}

const digest = (today: string, history: HistoryRecord[] = [], more: Partial<DigestInput> = {}) =>
  checkInDigest({ quarter: Q1, today, keyResults, history, ...more });

/** Weeks 1–5 recorded; O1.2, O2.1 and O3.3 last on Tuesday 26 January (week 4, recorded late). */
function fiveWeeks(): HistoryRecord[] {
  const history: HistoryRecord[] = [];
  const stale = ['O1.2', 'O2.1', 'O3.3'];
  for (const id of IDS) {
    history.push(record(id, 4, '2027-01-26'));
    if (!stale.includes(id)) history.push(record(id, 5, '2027-01-28'));
  }
  return history;
}

describe('the toast’s line', () => {
  it('names the unrecorded week and the key results not updated for more than 7 days, in English', () => {
    expect(digestToast('en', digest('2027-02-03', fiveWeeks()))).toBe(
      'Week 6 check-in not recorded yet; 3 KRs not updated for 8 days (O1.2, O2.1, O3.3)',
    );
  });

  it('and in Polish', () => {
    expect(digestToast('pl', digest('2027-02-03', fiveWeeks()))).toBe(
      'Check-in tygodnia 6 jeszcze niezapisany; 3 KR bez aktualizacji od 8 dni (O1.2, O2.1, O3.3)',
    );
  });

  it('cuts a long list after three ids and counts the rest, and gives a span of days when they differ', () => {
    const history = [record('O1.1', 1, '2027-01-01'), record('O3.3', 4, '2027-01-20')];
    expect(digestToast('en', digest('2027-02-03', history))).toBe(
      'Week 6 check-in not recorded yet (last recorded: week 4); 9 KRs not updated for 14–33 days (O1.1, O1.2, O1.3 and 6 more)',
    );
    expect(digestToast('pl', digest('2027-02-03', history))).toBe(
      'Check-in tygodnia 6 jeszcze niezapisany (ostatnio zapisany: tydzień 4); 9 KR bez aktualizacji od 14–33 dni (O1.1, O1.2, O1.3 i 6 innych)',
    );
  });

  it('says when nothing was recorded this quarter yet, counting days from its first day', () => {
    expect(digestToast('en', digest('2027-01-13'))).toBe(
      'Week 3 check-in not recorded yet (nothing recorded this quarter yet); 9 KRs not updated for 12 days (O1.1, O1.2, O1.3 and 6 more)',
    );
  });

  it('in week 1 names only the week: no key result can be a week late yet', () => {
    for (const today of ['2026-12-29', '2027-01-01', '2027-01-03']) {
      const week1 = digest(today);
      expect(week1).toMatchObject({ phase: 'running', week: 1, weekState: 'due', stale: [] });
      expect(digestToast('en', week1)).toBe('Week 1 check-in not recorded yet');
      expect(digestToast('pl', week1)).toBe('Check-in tygodnia 1 jeszcze niezapisany');
    }
  });

  it('is null when nothing is due: the week recorded and every key result fresh, or the quarter not started', () => {
    const history = IDS.map((id) => record(id, 6, '2027-02-02'));
    expect(digestToast('en', digest('2027-02-05', history))).toBeNull();
    expect(digest('2026-12-20')).toMatchObject({ phase: 'notStarted', stale: [] });
    expect(digestToast('en', digest('2026-12-20'))).toBeNull();
  });

  it('once the quarter is over names only its last check-in, and nothing when it is recorded', () => {
    const over = digest('2027-04-06', fiveWeeks());
    expect(over).toMatchObject({ phase: 'over', week: 14, weekState: 'overdue' });
    expect(digestToast('en', over)).toBe('Q1 2027 is over and its last check-in (week 14) is not recorded');
    expect(digestToast('pl', over)).toBe(
      'Kwartał Q1 2027 się skończył, a jego ostatni check-in (tydzień 14) nie jest zapisany',
    );
    const closed = digest('2027-04-06', [...fiveWeeks(), record('O1.1', 14, '2027-03-31')]);
    expect(digestToast('en', closed)).toBeNull();
  });

  it('counts only values of this quarter: an empty value or another quarter’s row is no update', () => {
    const other = { ...record('O1.1', 5, '2027-01-28'), quarter: 'Q4 2026' };
    const empty = record('O1.2', 5, '2027-01-28', null);
    const stale = digest('2027-02-03', [other, empty]).stale.map((keyResult) => keyResult.id);
    expect(stale).toContain('O1.1');
    expect(stale).toContain('O1.2');
  });
});

describe('the week of a check-in tab', () => {
  it('is recorded when History holds it, overdue once its Sunday is past, due before', () => {
    const history = fiveWeeks();
    expect(digest('2027-02-03', history, { week: 5 }).weekState).toBe('recorded');
    expect(
      digest(
        '2027-02-03',
        history.filter((r) => r.week !== 5),
        { week: 5 },
      ),
    ).toMatchObject({
      weekState: 'overdue',
      monday: '2027-01-25',
      sunday: '2027-01-31',
    });
    expect(digest('2027-02-07', history, { week: 6 }).weekState).toBe('due');
    expect(digest('2027-02-08', history, { week: 6 }).weekState).toBe('overdue');
  });

  it('lists stale key results with their last day, or none this quarter', () => {
    const stale = digest('2027-02-03', [record('O1.1', 4, '2027-01-26')]).stale;
    expect(stale[0]).toEqual({ id: 'O1.1', title: 'Result O1.1', owner: 'Anna', lastDay: '2027-01-26', days: 8 });
    expect(stale[1]).toMatchObject({ id: 'O1.2', lastDay: null, days: 33 });
  });
});

describe('the digest as a message', () => {
  it('for chat: a subject line and the body, naming KR ids and owners, in both languages', () => {
    const week6 = digest('2027-02-03', fiveWeeks());
    expect(digestChatText('en', week6)).toBe(
      [
        'OKR check-in Q1 2027, week 6: due',
        '',
        'Week 6 (February 1, 2027 – February 7, 2027): the check-in is not recorded yet.',
        '',
        'Key results with no update for more than 7 days:',
        '- O1.2 Result O1.2 (Anna): last update January 26, 2027, 8 days ago',
        '- O2.1 Result O2.1 (Bartek): last update January 26, 2027, 8 days ago',
        '- O3.3 Result O3.3 (Celina): last update January 26, 2027, 8 days ago',
      ].join('\n'),
    );
    const polish = digestChatText('pl', week6);
    expect(polish).toMatch(/^Check-in OKR Q1 2027, tydzień 6: do zapisania\n/);
    expect(polish).toContain('- O2.1 Result O2.1 (Bartek): ostatnia aktualizacja 26 stycznia 2027, 8 dni temu');
  });

  it('for e-mail: a mailto: link with every part encoded and the addresses as written', () => {
    const week6 = digest('2027-02-03', fiveWeeks());
    const { href, cut } = digestMailto('en', week6, ['anna@example.com', 'bartek+okr@example.pl']);
    expect(cut).toBe(false);
    expect(href.startsWith('mailto:anna@example.com,bartek%2Bokr@example.pl?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('OKR check-in Q1 2027, week 6: due');
    expect(decodeURIComponent(href.split('&body=')[1] ?? '')).toBe(
      digestChatText('en', week6).split('\n').slice(2).join('\n'),
    );
    expect(href).not.toMatch(/[ \n&](?!body=)/);
  });

  it('shortens a body too long for a link and says so in its last line', () => {
    const many = Array.from({ length: 80 }, (_, index) => ({
      id: `O${index + 1}.1`,
      title: `Ein sehr langer Titel mit Umlauten äöü für ${index}`,
      owner: 'Żaneta Łukasiewicz',
    }));
    const long = checkInDigest({ quarter: Q1, today: '2027-02-03', keyResults: many, history: [] });
    for (const lang of ['en', 'pl'] as const) {
      const { href, cut } = digestMailto(lang, long, ['anna@example.com']);
      expect(cut).toBe(true);
      expect(href.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
      const body = decodeURIComponent(href.split('&body=')[1] ?? '');
      expect(body.split('\n').at(-1)).toMatch(lang === 'en' ? /^… \(shortened/ : /^… \(skrócone/);
    }
  });
});
