/// <reference lib="dom" />
// The check-in view: the week's tab (which quarter, which week, its dates), a Record button, what recording
// did (how many key results went into History, which `current` cells of the OKR sheet were left alone because
// they hold the user's own formula, which rows had a problem, whether the week replaced an earlier recording),
// and "Copy as text": the check-in in the guide's plain-text form, copied on the first click through the
// Clipboard API; only when the browser refuses is it shown in a read-only box, selected, for Ctrl+C.
// The server answers with data and codes (CheckInNote); `noteText` words each code here. Whoever records may
// name themselves from the tab's key-result owners; the name goes into History's "Who" column. A check-in
// into a quarter closed early by planning the next says so and offers the open quarter; the "What is due"
// card (nudges-card.ts) says whether the week is recorded and passes the digest on. Every text
// from the sheet is shown through text nodes and `value`, never as markup.
//
// One component with its state in hooks; each card is a function of what it shows.

import { Fragment, type VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CheckInNote } from '../core/check-in/check-in-notes';
import { formatValue } from '../core/number-format';
import { columnLetter } from '../core/okr-sheet/cells';
import type {
  CheckInBoot,
  CheckInRecording,
  CheckInState,
  CheckInTabState,
  FedKeyResult,
} from '../shared/check-in-api';
import { FedRepairCard } from './fed-repair-card';
import { NudgesCard } from './nudges-card';
import { callServer } from './server';
import { formatDay, lang, pluralForm, type TextKey, t } from './texts';
import { DoneNotes, html } from './ui';

export interface CheckInViewProps {
  initial: CheckInState;
  /** What the menu item already did. */
  boot: CheckInBoot | null;
  /** Asks the server for the state again, of the tab now active (else this week's). */
  reload(): void;
  /** Shows another tab as a menu item would have opened it (the open quarter's, made by `startCheckIn`). */
  openBoot(boot: CheckInBoot): void;
}

const RECORDED_TEXTS: Record<ReturnType<typeof pluralForm>, TextKey> = {
  one: 'recordedOne',
  few: 'recordedFew',
  many: 'recordedMany',
};

/** What "Copy as text" did: copied, or shown selected in a box because the browser refused the clipboard. */
export type CopyOutcome = { copied: true } | { copied: false; text: string };

/** The clipboard the view writes to: the browser's, or a stand-in in the unit tests. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}

/** Copies through the Clipboard API; a missing API or a refusal (no permission, no focus) asks for the box. */
export async function copyText(clipboard: Clipboard | undefined, text: string): Promise<CopyOutcome> {
  if (!clipboard?.writeText) return { copied: false, text };
  try {
    await clipboard.writeText(text);
    return { copied: true };
  } catch {
    return { copied: false, text };
  }
}

/** The check-in view for a state from the server and what the menu item already did (`boot`). */
export function CheckInView({ initial, boot, reload, openBoot }: CheckInViewProps): VNode {
  const [state, setState] = useState(initial);
  /** What the last recording did, shown until the view is reloaded. */
  const [recording, setRecording] = useState<CheckInRecording | null>(boot?.recording ?? null);
  /** What Weekly check-in did; shown until the tab is recorded. */
  const generated = boot?.generated ?? null;
  /** What the last "Copy as text" did. */
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  /** The week was recorded before and the user is asked whether to record it again. */
  const [confirming, setConfirming] = useState(false);
  /** What the view waits for from the server, if anything. */
  const [busy, setBusy] = useState<'record' | 'text' | 'switch' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The owner picked as the one who records ('' for nobody). */
  const [recordedBy, setRecordedBy] = useState('');
  /** Where the focus goes after the next redraw, asked for once. */
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const focusOn = (id: string) => setFocus((last) => ({ id, seq: (last?.seq ?? 0) + 1 }));
  useLayoutEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus?.seq]);

  const tab = state.tab;

  async function record(replace: boolean): Promise<void> {
    if (busy || !tab) return;
    if (tab.recordedBefore && !replace) {
      setConfirming(true);
      focusOn('confirm-title');
      return;
    }
    setConfirming(false);
    setBusy('record');
    setError(null);
    try {
      const picked = tab.owners.includes(recordedBy) ? recordedBy : '';
      const result = await callServer('submitCheckIn', {
        sheetId: tab.sheetId,
        ...(replace ? { replace: true } : {}),
        ...(picked ? { recordedBy: picked } : {}),
      });
      if (result.ok) {
        setState({ ...state, tab: result.recording.tab, notice: null });
        setRecording(result.recording);
        setCopied(null);
        focusOn('check-in-result-title');
      } else {
        if (result.tab) setState({ ...state, tab: result.tab, notice: null });
        setConfirming(result.confirm);
        if (result.confirm) focusOn('confirm-title');
        else setError(noteText(result.notice));
      }
    } catch (failure) {
      setError(t('failed', { reason: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(null);
    }
  }

  /** Checks in to the open quarter offered instead of a closed one: its tab is made or opened, then shown. */
  async function switchQuarter(quarterSheetId: number): Promise<void> {
    if (busy) return;
    setBusy('switch');
    setError(null);
    try {
      const result = await callServer('startCheckIn', { quarterSheetId });
      if (result.ok) openBoot(result.boot);
      else setError(noteText(result.notice));
    } catch (failure) {
      setError(t('failed', { reason: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(null);
    }
  }

  /** Copies the check-in as text: the one the recording carried, else the server's for the tab. */
  async function copyAsText(): Promise<void> {
    if (busy || !tab) return;
    setError(null);
    setCopied(null);
    let text = recording?.text ?? null;
    if (text === null) {
      setBusy('text');
      try {
        const result = await callServer('getCheckInText', { sheetId: tab.sheetId });
        if (!result.ok) {
          setError(noteText(result.notice));
          return;
        }
        text = result.text;
      } catch (failure) {
        setError(t('failed', { reason: failure instanceof Error ? failure.message : String(failure) }));
        return;
      } finally {
        setBusy(null);
      }
    }
    setCopied(await copyText(navigator.clipboard, text));
  }

  return html`<${Fragment}>
    <header class="top">
      <h1>${t('checkInTitle')}</h1>
      <button type="button" class="link" id="check-in-refresh" onClick=${reload}>${t('refresh')}</button>
    </header>
    <main class="check-in">
      ${
        tab
          ? tabCard(tab, {
              generated,
              recording,
              confirming,
              recordedBy,
              pick: setRecordedBy,
              switchQuarter: busy === null ? switchQuarter : null,
            })
          : noticeCard(state.notice, reload)
      }
      ${
        tab && confirming
          ? confirmCard(
              tab,
              () => record(true),
              () => {
                setConfirming(false);
                focusOn('record-check-in');
              },
            )
          : null
      }
      ${
        tab
          ? html`<${FedRepairCard}
              tab=${tab}
              repaired=${(next: CheckInTabState) => setState({ ...state, tab: next, notice: null })}
              failure=${noteText}
            />`
          : null
      }
      ${recording ? resultCard(recording) : null}
      ${copied && !copied.copied ? html`<${TextCard} text=${copied.text} />` : null}
      ${
        tab
          ? html`<${NudgesCard}
              sheetId=${tab.sheetId}
              refresh=${recording}
              copy=${async (text: string) => (await copyText(navigator.clipboard, text)).copied}
            />`
          : null
      }
    </main>
    <footer class="actions check-in-actions">
      <p class=${error ? 'status status-error' : 'status'} role="status" aria-live="polite">${error ?? ''}</p>
      <p
        class=${copied ? `copy-status ${copied.copied ? 'status-ok' : 'status-error'}` : 'copy-status'}
        id="copy-status"
        role="status"
        aria-live="polite"
      >
        ${copied ? t(copied.copied ? 'copiedText' : 'copyManually') : ''}
      </p>
      <button
        type="button"
        class="primary"
        id="record-check-in"
        disabled=${busy !== null || !tab}
        onClick=${() => record(false)}
      >
        ${busy === 'record' ? t('recording') : t('record')}
      </button>
      <button type="button" id="copy-as-text" disabled=${busy !== null || !tab} onClick=${copyAsText}>
        ${busy === 'text' ? t('preparingText') : t('copyAsText')}
      </button>
    </footer>
  <//>`;
}

function noticeCard(notice: CheckInNote | null, reload: () => void): VNode {
  return html`<section class="card check-in-notice" role="note">
    <p id="check-in-notice">${notice ? noteText(notice) : ''}</p>
    <button type="button" onClick=${reload}>${t('refresh')}</button>
  </section>`;
}

function tabCard(
  tab: CheckInTabState,
  shown: {
    generated: CheckInBoot['generated'] | null;
    recording: CheckInRecording | null;
    confirming: boolean;
    recordedBy: string;
    pick(owner: string): void;
    /** Checks in to another quarter instead; `null` while the view waits for the server. */
    switchQuarter: ((quarterSheetId: number) => void) | null;
  },
): VNode {
  const { generated, recording, confirming, switchQuarter } = shown;
  const notes = generated?.notes ?? [];
  const closed = notes.find((note) => note.code === 'closedQuarter');
  const instead = closed?.openSheetId != null && closed.openQuarter ? closed : null;
  return html`<section class="card check-in-tab" aria-labelledby="check-in-tab-name">
    <h2 id="check-in-tab-name">${tab.sheetName}</h2>
    <p class="check-in-week">${t('checkInWeek', { week: tab.week, quarter: tab.quarter })}</p>
    <p class="hint check-in-dates">
      ${t('checkInDates', { monday: formatDay(tab.monday), sunday: formatDay(tab.sunday) })}
    </p>
    ${
      generated && !recording
        ? html`<div class=${`check-in-generated ${generated.created ? 'created' : 'opened'}`}>
            ${notes.filter((note) => note.code !== 'brokenOkrRow').map((note) => html`<p>${noteText(note)}</p>`)}
          </div>`
        : null
    }
    ${
      generated && !recording
        ? html`<${DoneNotes}
            title=${t('checkInNotes')}
            items=${notes.filter((note) => note.code === 'brokenOkrRow').map(noteText)}
          />`
        : null
    }
    ${
      instead && !recording
        ? html`<p class="check-in-instead">
            <button
              type="button"
              id="check-in-instead"
              disabled=${switchQuarter === null}
              onClick=${() => instead.openSheetId != null && switchQuarter?.(instead.openSheetId)}
            >
              ${t('checkInInstead', { quarter: instead.openQuarter ?? '' })}
            </button>
          </p>`
        : null
    }
    ${recording ? null : html`<p class="hint">${t('checkInHint')}</p>`}
    ${tab.fed && tab.fed.length > 0 ? fedList(tab.fed) : null}
    ${recording || tab.owners.length === 0 ? null : ownerPicker(tab.owners, shown.recordedBy, shown.pick)}
    ${
      tab.recordedBefore && !recording && !confirming
        ? html`<p class="note-warn" id="check-in-recorded-before">
            ${t('checkInRecordedBefore', { week: tab.week })}
          </p>`
        : null
    }
  </section>`;
}

/** The key results a formula feeds: read-only, each with its value now, or why it has none and is not recorded. */
export function fedList(fed: readonly FedKeyResult[]): VNode {
  return html`<div class="result-list fed" id="check-in-fed">
    <h3>${t('fedTitle')}</h3>
    <ul>
      ${fed.map(
        (kr) =>
          html`<li key=${kr.id} data-kr=${kr.id} class=${kr.problem ? 'fed-problem' : 'fed-value'}>
            <strong>${kr.id}</strong> ${kr.title}: ${
              kr.problem
                ? html`<span class="note-warn">⚠ ${fedProblemText(kr)}</span>`
                : html`<output>${kr.value === null ? '—' : formatValue(kr.value, kr.unit, lang(), kr.currency)}</output>
                    <span class="hint"> (${t(kr.deals ? 'fedDeals' : 'fedFormula')})</span>`
            }
          </li>`,
      )}
    </ul>
    <p class="hint">${t('fedHint')}</p>
  </div>`;
}

/** Why a fed key result has no value this week, in the sidebar's language. */
export function fedProblemText(kr: FedKeyResult): string {
  const problem = kr.problem;
  if (!problem) return '';
  if (problem.code === 'formulaError') return t('fed_formulaError', { error: problem.error });
  if (problem.code === 'noValue' && kr.deals) return t('fed_noDealsYet');
  return t(`fed_${problem.code}`);
}

/** Who records: nobody, or one of the tab's key-result owners. */
function ownerPicker(owners: readonly string[], picked: string, pick: (owner: string) => void): VNode {
  const value = owners.includes(picked) ? picked : '';
  return html`<p class="field recorded-by">
    <label for="recorded-by">${t('recordedBy')}</label>
    <select id="recorded-by" value=${value} onChange=${(event: Event) => pick((event.target as HTMLSelectElement).value)}>
      <option value="">${t('recordedByNobody')}</option>
      ${owners.map((owner) => html`<option key=${owner} value=${owner}>${owner}</option>`)}
    </select>
  </p>`;
}

function confirmCard(tab: CheckInTabState, recordAgain: () => void, cancel: () => void): VNode {
  return html`<section class="card check-in-confirm" role="alertdialog" aria-labelledby="confirm-title">
    <h2 id="confirm-title" tabindex="-1">${t('confirmTitle', { week: tab.week })}</h2>
    <p>${t('checkInRecordedBefore', { week: tab.week })}</p>
    <div class="confirm-actions">
      <button type="button" class="primary" onClick=${recordAgain}>${t('recordAgain')}</button>
      <button type="button" onClick=${cancel}>${t('cancel')}</button>
    </div>
  </section>`;
}

/** What recording did: the count, whether it replaced an earlier recording, and what was left alone. */
export function resultCard(result: CheckInRecording): VNode {
  return html`<section class="card check-in-result" id="check-in-result" role="status">
    <div class="result-head">
      <div class="done-mark" aria-hidden="true">✓</div>
      <h2 id="check-in-result-title" tabindex="-1">${t('recordedTitle', { week: result.week })}</h2>
    </div>
    <p class="recorded-count">
      ${
        result.recorded === 0
          ? t('recordedNone')
          : t(RECORDED_TEXTS[pluralForm(result.recorded)], { count: result.recorded })
      }
    </p>
    <p class=${result.replaced > 0 ? 'replaced note-warn' : 'replaced hint'}>
      ${
        result.replaced > 0
          ? t('replacedRows', { week: result.week, count: result.replaced })
          : t('firstRecording', { week: result.week })
      }
    </p>
    ${
      result.skippedFormulaCells.length > 0
        ? html`<div class="result-list skipped">
            <h3>${t('skippedTitle')}</h3>
            <ul>
              ${result.skippedFormulaCells.map(
                (cell) =>
                  html`<li data-kr=${cell.keyResultId} data-row=${cell.row}>
                    ${t('skippedItem', {
                      id: cell.keyResultId,
                      cell: `${columnLetter(cell.column)}${cell.row}`,
                      row: cell.row,
                    })}
                  </li>`,
              )}
            </ul>
            <p class="hint">${t('skippedHint')}</p>
          </div>`
        : null
    }
    ${
      result.problems.length > 0
        ? html`<div class="result-list problems">
            <h3>${t('problemsTitle')}</h3>
            <ul>
              ${result.problems.map((problem) => html`<li data-row=${problem.row}>${problem.message}</li>`)}
            </ul>
          </div>`
        : null
    }
    ${
      result.skippedBlank.length > 0
        ? html`<div class="result-list blank">
            <h3>${t('blankTitle')}</h3>
            <p>${result.skippedBlank.join(', ')}</p>
          </div>`
        : null
    }
    ${
      result.recordedBy
        ? html`<p class="hint recorded-by-line">${t('recordedByLine', { name: result.recordedBy })}</p>`
        : null
    }
    <${DoneNotes} title=${t('checkInNotes')} items=${result.notes.map(noteText)} />
  </section>`;
}

/** The check-in as text in a read-only box, selected for Ctrl+C: shown only when the clipboard refused it. */
export function TextCard({ text }: { text: string }): VNode {
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, [text]);
  return html`<section class="card check-in-text" aria-labelledby="check-in-text-title">
    <h2 id="check-in-text-title">${t('textTitle')}</h2>
    <p class="hint" id="check-in-text-hint">${t('textHint')}</p>
    <textarea
      ref=${area}
      id="check-in-text"
      aria-labelledby="check-in-text-title"
      readonly
      rows=${Math.min(24, Math.max(8, text.split('\n').length))}
      spellcheck="false"
      aria-describedby="check-in-text-hint copy-status"
      value=${text}
    ></textarea>
  </section>`;
}

/** What the server told, in the sidebar's language. */
export function noteText(note: CheckInNote): string {
  switch (note.code) {
    case 'notStarted':
      return t('note_notStarted', {
        quarter: note.quarter,
        start: formatDay(note.start),
        monday: formatDay(note.monday),
      });
    case 'quarterOver':
      return t('note_quarterOver', { quarter: note.quarter, end: formatDay(note.end), week: note.week });
    case 'unreadable':
      return t('note_unreadable', { name: note.sheetName });
    case 'closedQuarter':
      return note.openQuarter
        ? t('note_closedQuarterOpen', { quarter: note.quarter, open: note.openQuarter })
        : t('note_closedQuarter', { quarter: note.quarter });
    case 'opened':
      return t('note_opened', { week: note.week });
    case 'created':
      return t(note.count === 1 ? 'note_createdOne' : 'note_created', { name: note.sheetName, count: note.count });
    case 'nameTaken':
      return t('note_nameTaken', { name: note.name, newName: note.newName });
    case 'brokenOkrRow':
      return t('note_brokenOkrRow', { row: note.row, message: note.message });
    case 'noOkrSheet':
      return t('note_noOkrSheet', { quarter: note.quarter });
    case 'notInOkrSheet':
      return t('note_notInOkrSheet', { id: note.keyResultId });
    case 'unknownOwner':
      return t('note_unknownOwner', { name: note.name });
    case 'failed':
      return t(`note_failed_${note.action}`, { reason: note.reason });
    default:
      return t(`note_${note.code}`);
  }
}
