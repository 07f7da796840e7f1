// What is due in a quarter, without asking for any new permission: whether a week's check-in is recorded
// (due while the week runs, overdue once it has ended), and which key results had no update in History for
// more than seven days. One digest feeds three readers: the toast when the spreadsheet opens (a line, or
// nothing when nothing is due: a toast on every open teaches people to ignore it), the check-in sidebar's
// card, and the text the user mails ("E-mail the digest" opens their own mail program through a mailto:
// link) or pastes into Slack or Teams. Pure: the edge reads History and the key results once and passes them.

import { dayFromIso, isoFromDay } from '../cell-values';
import type { HistoryRecord } from '../check-in/history';
import { defineTexts, type Lang } from '../i18n';
import { formatDate } from '../locale-format';
import { checkInWeek } from '../quarter';

/** A key result is stale after this many days with no value in History (the weekly rhythm, and a day). */
export const STALE_AFTER_DAYS = 7;
/** Key result ids the toast names before "and 5 more". */
export const LISTED_IN_TOAST = 3;
/**
 * Longest mailto: link offered. RFC 6068 sets no limit, but browsers and mail programs cut or refuse long
 * ones (Internet Explorer and Outlook stopped at 2,083 characters), so the body is shortened to fit 2,000.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** A key result as the digest needs it. */
export interface DigestKeyResult {
  id: string;
  title: string;
  owner: string;
}

export interface DigestInput {
  /** The quarter's label and its first and last day (ISO). */
  quarter: { label: string; start: string; end: string };
  /** Today in the spreadsheet's time zone (ISO). */
  today: string;
  /** The key results, in the order they are to be listed. */
  keyResults: readonly DigestKeyResult[];
  /** History's records (every quarter; only this quarter's count). */
  history: readonly HistoryRecord[];
  /** The week asked about (a check-in tab's); by default the week holding today, the last one when over. */
  week?: number;
}

export type WeekState = 'due' | 'recorded' | 'overdue';

/** A key result with no value in History for more than STALE_AFTER_DAYS days. */
export interface StaleKeyResult extends DigestKeyResult {
  /** The day of its last recorded value (ISO), `null` when none this quarter. */
  lastDay: string | null;
  /** Days since then (since the quarter's first day when never recorded), up to today or the quarter's end. */
  days: number;
}

/** What is due, as data (JSON-safe: the sidebar receives it as it is). */
export interface Digest {
  quarter: string;
  /** Today against the quarter: before its week 1, within it, or after its last day. */
  phase: 'notStarted' | 'running' | 'over';
  today: string;
  end: string;
  week: number;
  /** The week's Monday and Sunday (ISO). */
  monday: string;
  sunday: string;
  weekState: WeekState;
  /** The latest week of this quarter with rows in History; `null` when none. */
  lastRecordedWeek: number | null;
  /** Stale key results, in the order given; none before the quarter starts. */
  stale: StaleKeyResult[];
}

/**
 * The digest of a quarter on a day.
 * @example checkInDigest({ quarter: q1, today: '2027-02-10', keyResults, history }) // { week: 7, weekState: 'due', stale: [...] }
 */
export function checkInDigest(input: DigestInput): Digest {
  const { quarter, today } = input;
  const records = input.history.filter((record) => record.quarter === quarter.label);
  const phase = today > quarter.end ? 'over' : checkInWeek(quarter.start, today).week < 1 ? 'notStarted' : 'running';
  const week =
    input.week ??
    (phase === 'over'
      ? checkInWeek(quarter.start, quarter.end).week
      : phase === 'running'
        ? checkInWeek(quarter.start, today).week
        : 1);
  const firstMonday = dayFromIso(checkInWeek(quarter.start, quarter.start).monday);
  const monday = firstMonday + (week - 1) * 7;
  const sunday = monday + 6;
  const recordedWeeks = records.map((record) => record.week);
  const weekState: WeekState = recordedWeeks.includes(week)
    ? 'recorded'
    : dayFromIso(today) > sunday
      ? 'overdue'
      : 'due';
  return {
    quarter: quarter.label,
    phase,
    today,
    end: quarter.end,
    week,
    monday: isoFromDay(monday),
    sunday: isoFromDay(sunday),
    weekState,
    lastRecordedWeek: recordedWeeks.length > 0 ? Math.max(...recordedWeeks) : null,
    stale: phase === 'notStarted' ? [] : staleKeyResults(input.keyResults, records, quarter, today),
  };
}

function staleKeyResults(
  keyResults: readonly DigestKeyResult[],
  records: readonly HistoryRecord[],
  quarter: DigestInput['quarter'],
  today: string,
): StaleKeyResult[] {
  const last = new Map<string, number>();
  for (const record of records) {
    if (record.value === null) continue;
    const id = record.keyResultId.toLowerCase();
    last.set(id, Math.max(last.get(id) ?? record.day, record.day));
  }
  const until = dayFromIso(today < quarter.end ? today : quarter.end);
  const stale: StaleKeyResult[] = [];
  for (const keyResult of keyResults) {
    const lastDay = last.get(keyResult.id.toLowerCase()) ?? null;
    const days = until - (lastDay ?? dayFromIso(quarter.start));
    if (days > STALE_AFTER_DAYS)
      stale.push({ ...keyResult, lastDay: lastDay === null ? null : isoFromDay(lastDay), days });
  }
  return stale;
}

const texts = defineTexts(() => [
  {
    toastTitle: 'OKR Sheets: what is due',
    weekNotRecorded: 'Week {week} check-in not recorded yet',
    lastRecorded: ' (last recorded: week {week})',
    nothingRecorded: ' (nothing recorded this quarter yet)',
    quarterOverNotRecorded: '{quarter} is over and its last check-in (week {week}) is not recorded',
    staleOne: '1 KR not updated for {days} days ({list})',
    staleMany: '{count} KRs not updated for {days} days ({list})',
    andMore: '{list} and {count} more',
    subject: 'OKR check-in {quarter}, week {week}: {state}',
    state_due: 'due',
    state_recorded: 'recorded',
    state_overdue: 'overdue',
    weekLine_due: 'Week {week} ({monday} – {sunday}): the check-in is not recorded yet.',
    weekLine_recorded: 'Week {week} ({monday} – {sunday}): the check-in is recorded.',
    weekLine_overdue: 'Week {week} ({monday} – {sunday}) has ended and its check-in is not recorded.',
    staleTitle: 'Key results with no update for more than {days} days:',
    staleSince: '- {id} {title} ({owner}): last update {day}, {days} days ago',
    staleNever: '- {id} {title} ({owner}): no update this quarter',
    noOwner: 'no owner',
    allFresh: 'Every key result was updated in the last {days} days.',
    cut: '… (shortened to fit an e-mail link: “Copy for chat” gives the whole text)',
  },
  {
    toastTitle: 'OKR Sheets: do zrobienia',
    weekNotRecorded: 'Check-in tygodnia {week} jeszcze niezapisany',
    lastRecorded: ' (ostatnio zapisany: tydzień {week})',
    nothingRecorded: ' (w tym kwartale nic jeszcze nie zapisano)',
    quarterOverNotRecorded:
      'Kwartał {quarter} się skończył, a jego ostatni check-in (tydzień {week}) nie jest zapisany',
    staleOne: '1 KR bez aktualizacji od {days} dni ({list})',
    staleMany: '{count} KR bez aktualizacji od {days} dni ({list})',
    andMore: '{list} i {count} innych',
    subject: 'Check-in OKR {quarter}, tydzień {week}: {state}',
    state_due: 'do zapisania',
    state_recorded: 'zapisany',
    state_overdue: 'zaległy',
    weekLine_due: 'Tydzień {week} ({monday} – {sunday}): check-in jeszcze niezapisany.',
    weekLine_recorded: 'Tydzień {week} ({monday} – {sunday}): check-in zapisany.',
    weekLine_overdue: 'Tydzień {week} ({monday} – {sunday}) się skończył, a jego check-in nie jest zapisany.',
    staleTitle: 'Kluczowe rezultaty bez aktualizacji od ponad {days} dni:',
    staleSince: '- {id} {title} ({owner}): ostatnia aktualizacja {day}, {days} dni temu',
    staleNever: '- {id} {title} ({owner}): bez aktualizacji w tym kwartale',
    noOwner: 'bez właściciela',
    allFresh: 'Każdy kluczowy rezultat był aktualizowany w ostatnich {days} dniach.',
    cut: '… (skrócone, by zmieścić się w linku e-mail: „Kopiuj na czat” daje cały tekst)',
  },
]);

export type NudgeTextKey = Parameters<typeof texts>[1];
export { texts as nudgeText };

/** Ids joined, the first `max` named and the rest counted: "O1.2, O2.1, O3.3 and 5 more". */
export function listIds(lang: Lang, ids: readonly string[], max = LISTED_IN_TOAST): string {
  const named = ids.slice(0, max).join(', ');
  return ids.length > max ? texts(lang, 'andMore', { list: named, count: ids.length - max }) : named;
}

/** "8" when every stale key result is 8 days old, "8–15" when they differ. */
function daysSpan(stale: readonly StaleKeyResult[]): string {
  const days = stale.map((keyResult) => keyResult.days);
  const [least, most] = [Math.min(...days), Math.max(...days)];
  return least === most ? String(least) : `${least}–${most}`;
}

/**
 * The toast's line, or `null` when nothing is due (no toast then). Before the quarter starts nothing is due;
 * once it is over only its last check-in is (stale values are then a matter for Close quarter).
 * @example digestToast('en', digest) // 'Week 6 check-in not recorded yet; 3 KRs not updated for 8 days (O1.2, O2.1, O3.3)'
 */
export function digestToast(lang: Lang, digest: Digest): string | null {
  if (digest.phase === 'notStarted') return null;
  if (digest.phase === 'over') {
    return digest.weekState === 'recorded'
      ? null
      : texts(lang, 'quarterOverNotRecorded', { quarter: digest.quarter, week: digest.week });
  }
  const parts: string[] = [];
  if (digest.weekState !== 'recorded') {
    const last = digest.lastRecordedWeek;
    const since =
      last === null
        ? digest.week > 1
          ? texts(lang, 'nothingRecorded')
          : ''
        : last < digest.week - 1
          ? texts(lang, 'lastRecorded', { week: last })
          : '';
    parts.push(texts(lang, 'weekNotRecorded', { week: digest.week }) + since);
  }
  if (digest.stale.length > 0) {
    const list = listIds(
      lang,
      digest.stale.map((keyResult) => keyResult.id),
    );
    const days = daysSpan(digest.stale);
    parts.push(
      digest.stale.length === 1
        ? texts(lang, 'staleOne', { days, list })
        : texts(lang, 'staleMany', { count: digest.stale.length, days, list }),
    );
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The digest as a message: a subject and the body's lines, plain text for an e-mail or a chat. */
export function digestMessage(lang: Lang, digest: Digest): { subject: string; lines: string[] } {
  const subject = texts(lang, 'subject', {
    quarter: digest.quarter,
    week: digest.week,
    state: texts(lang, `state_${digest.weekState}`),
  });
  const week = {
    week: digest.week,
    monday: formatDate(digest.monday, lang),
    sunday: formatDate(digest.sunday, lang),
  };
  const lines = [texts(lang, `weekLine_${digest.weekState}`, week), ''];
  if (digest.stale.length === 0) lines.push(texts(lang, 'allFresh', { days: STALE_AFTER_DAYS }));
  else {
    lines.push(texts(lang, 'staleTitle', { days: STALE_AFTER_DAYS }));
    for (const keyResult of digest.stale) {
      const fields = {
        id: keyResult.id,
        title: keyResult.title,
        owner: keyResult.owner.trim() || texts(lang, 'noOwner'),
        days: keyResult.days,
      };
      lines.push(
        keyResult.lastDay === null
          ? texts(lang, 'staleNever', fields)
          : texts(lang, 'staleSince', { ...fields, day: formatDate(keyResult.lastDay, lang) }),
      );
    }
  }
  return { subject, lines };
}

/** The digest for Slack or Teams: the subject, a blank line, the body. */
export function digestChatText(lang: Lang, digest: Digest): string {
  const { subject, lines } = digestMessage(lang, digest);
  return [subject, '', ...lines].join('\n');
}

/**
 * A mailto: link (RFC 6068) to `to` with the digest as subject and body, every part encodeURIComponent'ed
 * ('@' kept, as the RFC writes addresses). A body too long for MAILTO_MAX_LENGTH loses lines from its end
 * and says so in its last line; `cut` tells the sidebar.
 * @example digestMailto('en', digest, ['anna@example.com']) // { href: 'mailto:anna@example.com?subject=OKR%20check-in…', cut: false }
 */
export function digestMailto(
  lang: Lang,
  digest: Digest,
  to: readonly string[],
  maxLength = MAILTO_MAX_LENGTH,
): { href: string; cut: boolean } {
  const { subject, lines } = digestMessage(lang, digest);
  const address = to.map((email) => encodeURIComponent(email).replace(/%40/g, '@')).join(',');
  const href = (body: readonly string[]) =>
    `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.join('\n'))}`;
  if (href(lines).length <= maxLength) return { href: href(lines), cut: false };
  const kept = [...lines];
  while (kept.length > 0 && href([...kept, texts(lang, 'cut')]).length > maxLength) kept.pop();
  return { href: href([...kept, texts(lang, 'cut')]), cut: true };
}
