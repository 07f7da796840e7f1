/// <reference lib="dom" />
// The check-in view: the week's tab (which quarter, which week, its dates), a Record button, what recording
// did (how many key results went into History, which `current` cells of the OKR sheet were left alone because
// they hold the user's own formula, which rows had a problem, whether the week replaced an earlier recording),
// and "Copy as text": the check-in in the guide's plain-text form in a read-only textarea with a Copy button.
// The server answers with data and codes (CheckInNote); `noteText` words each code here. Whoever records may
// name themselves from the tab's key-result owners; the name goes into History's "Who" column. Every text
// from the sheet is shown through text nodes and `value`, never as markup.

import type { CheckInNote } from '../core/check-in/check-in-notes';
import { columnLetter } from '../core/okr-sheet/cells';
import type { CheckInBoot, CheckInRecording, CheckInState, CheckInTabState } from '../shared/check-in-api';
import { h, replaceChildren } from './dom';
import { callServer } from './server';
import { formatDay, pluralForm, type TextKey, t } from './texts';
import { doneNotes } from './ui';

export interface CheckInViewHost {
  /** Where the view draws itself. */
  root: HTMLElement;
  /** Asks the server for the state again, of the tab now active (else this week's). */
  reload(): void;
}

const RECORDED_TEXTS: Record<ReturnType<typeof pluralForm>, TextKey> = {
  one: 'recordedOne',
  few: 'recordedFew',
  many: 'recordedMany',
};

/** Draws the check-in view for a state from the server and what the menu item already did (`boot`). */
export function mountCheckInView(host: CheckInViewHost, initial: CheckInState, boot: CheckInBoot | null): void {
  let state = initial;
  /** What the last recording did, shown until the view is reloaded. */
  let recording: CheckInRecording | null = boot?.recording ?? null;
  /** What Weekly check-in did; shown until the tab is recorded. */
  const generated = boot?.generated ?? null;
  /** The plain text, once asked for; shown in the textarea. */
  let text: string | null = null;
  /** The week was recorded before and the user is asked whether to record it again. */
  let confirming = false;
  /** What the view waits for from the server, if anything. */
  let busy: 'record' | 'text' | null = null;
  /** The owner picked as the one who records ('' for nobody). */
  let recordedBy = '';

  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const recordButton = h('button', {
    type: 'button',
    class: 'primary',
    id: 'record-check-in',
    onclick: () => record(false),
  });
  const textButton = h('button', { type: 'button', id: 'copy-as-text', onclick: () => openText() });

  render();

  function render(focus?: string): void {
    const tab = state.tab;
    recordButton.textContent = busy === 'record' ? t('recording') : t('record');
    textButton.textContent = busy === 'text' ? t('preparingText') : t('copyAsText');
    recordButton.disabled = busy !== null || !tab;
    textButton.disabled = busy !== null || !tab;
    replaceChildren(
      host.root,
      h(
        'header',
        { class: 'top' },
        h('h1', {}, t('checkInTitle')),
        h(
          'button',
          { type: 'button', class: 'link', id: 'check-in-refresh', onclick: () => host.reload() },
          t('refresh'),
        ),
      ),
      h(
        'main',
        { class: 'check-in' },
        tab ? tabCard(tab) : noticeCard(),
        tab && confirming ? confirmCard(tab) : null,
        recording ? resultCard(recording) : null,
        text !== null ? textCard(text) : null,
      ),
      h('footer', { class: 'actions check-in-actions' }, status, recordButton, textButton),
    );
    if (focus) document.getElementById(focus)?.focus();
  }

  function noticeCard(): HTMLElement {
    return h(
      'section',
      { class: 'card check-in-notice', role: 'note' },
      h('p', { id: 'check-in-notice' }, state.notice ? noteText(state.notice) : ''),
      h('button', { type: 'button', onclick: () => host.reload() }, t('refresh')),
    );
  }

  function tabCard(tab: CheckInTabState): HTMLElement {
    return h(
      'section',
      { class: 'card check-in-tab', 'aria-labelledby': 'check-in-tab-name' },
      h('h2', { id: 'check-in-tab-name' }, tab.sheetName),
      h('p', { class: 'check-in-week' }, t('checkInWeek', { week: tab.week, quarter: tab.quarter })),
      h(
        'p',
        { class: 'hint check-in-dates' },
        t('checkInDates', { monday: formatDay(tab.monday), sunday: formatDay(tab.sunday) }),
      ),
      generated && !recording
        ? h(
            'div',
            { class: `check-in-generated ${generated.created ? 'created' : 'opened'}` },
            generated.notes.filter((note) => note.code !== 'brokenOkrRow').map((note) => h('p', {}, noteText(note))),
          )
        : null,
      generated && !recording
        ? doneNotes(t('checkInNotes'), generated.notes.filter((note) => note.code === 'brokenOkrRow').map(noteText))
        : null,
      recording ? null : h('p', { class: 'hint' }, t('checkInHint')),
      recording || tab.owners.length === 0 ? null : ownerPicker(tab.owners),
      tab.recordedBefore && !recording && !confirming
        ? h('p', { class: 'note-warn', id: 'check-in-recorded-before' }, t('checkInRecordedBefore', { week: tab.week }))
        : null,
    );
  }

  /** Who records: nobody, or one of the tab's key-result owners. */
  function ownerPicker(owners: readonly string[]): HTMLElement {
    if (!owners.includes(recordedBy)) recordedBy = '';
    const select = h(
      'select',
      {
        id: 'recorded-by',
        onchange: (event: Event) => {
          recordedBy = (event.target as HTMLSelectElement).value;
        },
      },
      h('option', { value: '' }, t('recordedByNobody')),
      owners.map((owner) => h('option', { value: owner }, owner)),
    );
    select.value = recordedBy;
    return h('p', { class: 'field recorded-by' }, h('label', { for: 'recorded-by' }, t('recordedBy')), select);
  }

  function confirmCard(tab: CheckInTabState): HTMLElement {
    return h(
      'section',
      { class: 'card check-in-confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title', tabindex: '-1' }, t('confirmTitle', { week: tab.week })),
      h('p', {}, t('checkInRecordedBefore', { week: tab.week })),
      h(
        'div',
        { class: 'confirm-actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => record(true) }, t('recordAgain')),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              confirming = false;
              render('record-check-in');
            },
          },
          t('cancel'),
        ),
      ),
    );
  }

  function resultCard(result: CheckInRecording): HTMLElement {
    return h(
      'section',
      { class: 'card check-in-result', id: 'check-in-result', role: 'status' },
      h(
        'div',
        { class: 'result-head' },
        h('div', { class: 'done-mark', 'aria-hidden': 'true' }, '✓'),
        h('h2', { id: 'check-in-result-title', tabindex: '-1' }, t('recordedTitle', { week: result.week })),
      ),
      h(
        'p',
        { class: 'recorded-count' },
        result.recorded === 0
          ? t('recordedNone')
          : t(RECORDED_TEXTS[pluralForm(result.recorded)], { count: result.recorded }),
      ),
      h(
        'p',
        { class: result.replaced > 0 ? 'replaced note-warn' : 'replaced hint' },
        result.replaced > 0
          ? t('replacedRows', { week: result.week, count: result.replaced })
          : t('firstRecording', { week: result.week }),
      ),
      result.skippedFormulaCells.length > 0
        ? h(
            'div',
            { class: 'result-list skipped' },
            h('h3', {}, t('skippedTitle')),
            h(
              'ul',
              {},
              result.skippedFormulaCells.map((cell) =>
                h(
                  'li',
                  { 'data-kr': cell.keyResultId, 'data-row': cell.row },
                  t('skippedItem', {
                    id: cell.keyResultId,
                    cell: `${columnLetter(cell.column)}${cell.row}`,
                    row: cell.row,
                  }),
                ),
              ),
            ),
            h('p', { class: 'hint' }, t('skippedHint')),
          )
        : null,
      result.problems.length > 0
        ? h(
            'div',
            { class: 'result-list problems' },
            h('h3', {}, t('problemsTitle')),
            h(
              'ul',
              {},
              result.problems.map((problem) => h('li', { 'data-row': problem.row }, problem.message)),
            ),
          )
        : null,
      result.skippedBlank.length > 0
        ? h(
            'div',
            { class: 'result-list blank' },
            h('h3', {}, t('blankTitle')),
            h('p', {}, result.skippedBlank.join(', ')),
          )
        : null,
      result.recordedBy
        ? h('p', { class: 'hint recorded-by-line' }, t('recordedByLine', { name: result.recordedBy }))
        : null,
      doneNotes(t('checkInNotes'), result.notes.map(noteText)),
    );
  }

  function textCard(value: string): HTMLElement {
    const copyStatus = h('span', { class: 'copy-status', id: 'copy-status', role: 'status', 'aria-live': 'polite' });
    const area = h('textarea', {
      id: 'check-in-text',
      readonly: true,
      rows: Math.min(24, Math.max(8, value.split('\n').length)),
      spellcheck: 'false',
      'aria-describedby': 'check-in-text-hint',
    });
    area.value = value;
    return h(
      'section',
      { class: 'card check-in-text', 'aria-labelledby': 'check-in-text-title' },
      h('h2', { id: 'check-in-text-title', tabindex: '-1' }, t('textTitle')),
      h('p', { class: 'hint', id: 'check-in-text-hint' }, t('textHint')),
      area,
      h(
        'div',
        { class: 'copy-row' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'copy-text', onclick: () => copy(area, copyStatus) },
          t('copy'),
        ),
        copyStatus,
      ),
    );
  }

  // ------------------------------------------------------------------------------------------------------
  // Actions.

  async function record(replace: boolean): Promise<void> {
    const tab = state.tab;
    if (busy || !tab) return;
    if (tab.recordedBefore && !replace) {
      confirming = true;
      render('confirm-title');
      return;
    }
    confirming = false;
    setBusy('record');
    try {
      const result = await callServer('submitCheckIn', {
        sheetId: tab.sheetId,
        ...(replace ? { replace: true } : {}),
        ...(recordedBy ? { recordedBy } : {}),
      });
      if (result.ok) {
        state = { ...state, tab: result.recording.tab, notice: null };
        recording = result.recording;
        text = null;
        busy = null;
        render('check-in-result-title');
      } else {
        if (result.tab) state = { ...state, tab: result.tab, notice: null };
        busy = null;
        confirming = result.confirm;
        render(result.confirm ? 'confirm-title' : undefined);
        if (!result.confirm) showError(noteText(result.notice));
      }
    } catch (error) {
      busy = null;
      render();
      showError(t('failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function openText(): Promise<void> {
    const tab = state.tab;
    if (busy || !tab) return;
    if (recording?.text) {
      text = recording.text;
      render('check-in-text-title');
      return;
    }
    setBusy('text');
    try {
      const result = await callServer('getCheckInText', { sheetId: tab.sheetId });
      busy = null;
      if (result.ok) {
        text = result.text;
        render('check-in-text-title');
      } else {
        render();
        showError(noteText(result.notice));
      }
    } catch (error) {
      busy = null;
      render();
      showError(t('failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Disables both buttons while the server works, and says on the pressed one what it waits for. */
  function setBusy(what: 'record' | 'text'): void {
    busy = what;
    recordButton.disabled = true;
    textButton.disabled = true;
    recordButton.textContent = what === 'record' ? t('recording') : t('record');
    textButton.textContent = what === 'text' ? t('preparingText') : t('copyAsText');
    status.className = 'status';
    status.textContent = '';
  }

  function showError(message: string): void {
    status.className = 'status status-error';
    status.textContent = message;
  }
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
    case 'opened':
      return t('note_opened', { week: note.week });
    case 'created':
      return t('note_created', { name: note.sheetName, count: note.count });
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

/**
 * Copies the textarea's text: the asynchronous clipboard first, then the older select-and-copy (the
 * clipboard API may be refused inside the sidebar's frame); if both fail, the text stays selected for Ctrl+C.
 */
async function copy(area: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  let copied = false;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(area.value);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (!copied) {
    area.focus();
    area.select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
  }
  status.className = copied ? 'copy-status status-ok' : 'copy-status status-error';
  status.textContent = copied ? t('copied') : t('copyManually');
}
