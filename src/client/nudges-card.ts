/// <reference lib="dom" />
// The check-in view's "What is due" card: the week as due, recorded or overdue, the key results with no update
// in History for more than seven days, and the digest to pass on. "E-mail the digest" is a mailto: link the
// user's own mail program opens (to the owners of those key results, from the Owners table on the Settings
// sheet), so the add-on sends nothing and needs no mail scope; "Copy for chat" puts the same text on the
// clipboard for Slack or Teams. The words of the digest are the core's (src/core/nudges/digest.ts), which the
// toast shares; the server answers with data only.

import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { defineTexts } from '../core/i18n';
import { digestChatText, digestMailto, STALE_AFTER_DAYS, type StaleKeyResult } from '../core/nudges/digest';
import { ownerProblemText, recipients } from '../core/nudges/owners';
import type { CheckInNudgesResult } from '../shared/nudges-api';
import { callServer } from './server';
import { formatDay, lang, t } from './texts';
import { html } from './ui';

const texts = defineTexts(() => [
  {
    title: 'What is due',
    loading: 'Looking at History…',
    week_due: 'Week {week}: due. The check-in is not recorded yet.',
    week_recorded: 'Week {week}: recorded.',
    week_overdue: 'Week {week}: overdue. It ended on {sunday} and is not recorded.',
    staleTitle: 'No update for more than {days} days',
    staleSince: '{id} {title} · {owner} · last {day} ({days} days)',
    staleNever: '{id} {title} · {owner} · none this quarter',
    noOwner: 'no owner',
    allFresh: 'Every key result was updated in the last {days} days.',
    noTable: 'To address the e-mail, type the owners’ addresses into an Owners table on the Settings sheet.',
    makeTable: 'Make the Owners table',
    making: 'Making…',
    tableMade: 'The Owners table is on “{sheet}”: type each owner’s e-mail, then press Refresh.',
    tableThere: 'The Owners table is on “{sheet}”.',
    missing: 'No e-mail in the Owners table for: {names}.',
    email: 'E-mail the digest',
    emailHint: 'Opens your own mail program; the add-on sends nothing.',
    cut: 'The e-mail is shortened to fit a mail link; “Copy for chat” gives the whole text.',
    copyChat: 'Copy for chat',
    copiedChat: 'Copied: paste it into Slack or Teams.',
    copyManually: 'The browser did not allow copying: select the text below and press Ctrl+C.',
    chatText: 'The digest as text',
  },
  {
    title: 'Co do zrobienia',
    loading: 'Sprawdzam Historię…',
    week_due: 'Tydzień {week}: do zapisania. Check-in nie jest jeszcze zapisany.',
    week_recorded: 'Tydzień {week}: zapisany.',
    week_overdue: 'Tydzień {week}: zaległy. Skończył się {sunday} i nie jest zapisany.',
    staleTitle: 'Bez aktualizacji od ponad {days} dni',
    staleSince: '{id} {title} · {owner} · ostatnio {day} ({days} dni)',
    staleNever: '{id} {title} · {owner} · brak w tym kwartale',
    noOwner: 'bez właściciela',
    allFresh: 'Każdy kluczowy rezultat był aktualizowany w ostatnich {days} dniach.',
    noTable: 'Aby zaadresować e-mail, wpisz adresy właścicieli w tabeli Właściciele w arkuszu Ustawienia.',
    makeTable: 'Utwórz tabelę Właściciele',
    making: 'Tworzę…',
    tableMade: 'Tabela Właściciele jest w arkuszu „{sheet}”: wpisz e-mail każdego właściciela i naciśnij Odśwież.',
    tableThere: 'Tabela Właściciele jest w arkuszu „{sheet}”.',
    missing: 'Brak e-maila w tabeli Właściciele dla: {names}.',
    email: 'Wyślij podsumowanie e-mailem',
    emailHint: 'Otwiera Twój program pocztowy; dodatek niczego nie wysyła.',
    cut: 'E-mail jest skrócony, by zmieścić się w linku; „Kopiuj na czat” daje cały tekst.',
    copyChat: 'Kopiuj na czat',
    copiedChat: 'Skopiowane: wklej na Slacku albo w Teams.',
    copyManually: 'Przeglądarka nie pozwoliła skopiować: zaznacz tekst poniżej i naciśnij Ctrl+C.',
    chatText: 'Podsumowanie jako tekst',
  },
]);

type Key = Parameters<typeof texts>[1];
const say = (key: Key, params?: Record<string, string | number>) => texts(lang(), key, params);

export interface NudgesCardProps {
  sheetId: number;
  /** Changes when the tab was recorded: the card asks again. */
  refresh: unknown;
  /** Puts text on the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
}

/** The card, asking the server for the tab's digest when shown and after each recording. */
export function NudgesCard({ sheetId, refresh, copy }: NudgesCardProps): VNode {
  const [answer, setAnswer] = useState<CheckInNudgesResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    callServer('getCheckInNudges', { sheetId })
      .then((result) => current && setAnswer(result))
      .catch((failure: unknown) => current && setError(t('failed', { reason: reason(failure) })));
    return () => {
      current = false;
    };
  }, [sheetId, refresh, asked]);

  async function makeTable(): Promise<void> {
    setMaking(true);
    setError(null);
    try {
      const result = await callServer('makeOwnersTable');
      setMade(result.sheetName);
      setAsked((n) => n + 1);
    } catch (failure) {
      setError(t('failed', { reason: reason(failure) }));
    } finally {
      setMaking(false);
    }
  }

  const body = (): VNode | VNode[] | null => {
    if (!answer) return error ? null : html`<p class="hint">${say('loading')}</p>`;
    if (!answer.ok) return html`<p class="hint">${t(`note_${answer.notice.code}` as Parameters<typeof t>[0])}</p>`;
    const { digest, owners } = answer;
    const chatText = digestChatText(lang(), digest);
    const { to, missing } = recipients(
      digest.stale.map((keyResult) => keyResult.owner),
      owners.entries,
    );
    const mail = digestMailto(lang(), digest, to);
    return [
      html`<p class=${`week-state week-${digest.weekState}`} id="week-state">
        ${say(`week_${digest.weekState}`, { week: digest.week, sunday: formatDay(digest.sunday) })}
      </p>`,
      digest.stale.length === 0
        ? html`<p class="hint stale-none">${say('allFresh', { days: STALE_AFTER_DAYS })}</p>`
        : html`<div class="result-list stale">
            <h3>${say('staleTitle', { days: STALE_AFTER_DAYS })}</h3>
            <ul>
              ${digest.stale.map((keyResult) => html`<li data-kr=${keyResult.id}>${staleLine(keyResult)}</li>`)}
            </ul>
          </div>`,
      owners.problems.length > 0
        ? html`<ul class="owner-problems note-warn">
            ${owners.problems.map((problem) => html`<li data-row=${problem.row}>${ownerProblemText(lang(), problem)}</li>`)}
          </ul>`
        : html`<span hidden></span>`,
      owners.sheetName === null
        ? html`<div class="owners-table">
            <p class="hint">${say('noTable')}</p>
            <button type="button" id="make-owners-table" disabled=${making} onClick=${makeTable}>
              ${making ? say('making') : say('makeTable')}
            </button>
          </div>`
        : html`<p class="hint owners-table">
            ${made ? say('tableMade', { sheet: made }) : say('tableThere', { sheet: owners.sheetName })}
            ${missing.length > 0 ? ` ${say('missing', { names: missing.join(', ') })}` : ''}
          </p>`,
      html`<div class="nudge-actions">
        <a class="button" id="email-digest" href=${mail.href} target="_blank" rel="noopener noreferrer" aria-describedby="email-hint">
          ${say('email')}
        </a>
        <button
          type="button"
          id="copy-for-chat"
          onClick=${async () => setCopied({ ok: await copy(chatText), text: chatText })}
        >
          ${say('copyChat')}
        </button>
      </div>`,
      html`<p class="hint" id="email-hint">${say('emailHint')}${mail.cut ? ` ${say('cut')}` : ''}</p>`,
    ];
  };

  return html`<section class="card nudges" aria-labelledby="nudges-title">
    <h2 id="nudges-title">${say('title')}</h2>
    ${body()}
    <p class=${copied ? `chat-status ${copied.ok ? 'status-ok' : 'status-error'}` : 'chat-status'} id="chat-status" role="status" aria-live="polite">
      ${error ?? (copied ? say(copied.ok ? 'copiedChat' : 'copyManually') : '')}
    </p>
    ${
      copied && !copied.ok
        ? html`<textarea id="chat-text" aria-label=${say('chatText')} readonly rows="8" value=${copied.text}></textarea>`
        : null
    }
  </section>`;
}

function staleLine(keyResult: StaleKeyResult): string {
  const fields = {
    id: keyResult.id,
    title: keyResult.title,
    owner: keyResult.owner.trim() || say('noOwner'),
    days: keyResult.days,
    day: keyResult.lastDay ? formatDay(keyResult.lastDay) : '',
  };
  return say(keyResult.lastDay === null ? 'staleNever' : 'staleSince', fields);
}

function reason(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
