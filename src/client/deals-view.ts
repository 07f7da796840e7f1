/// <reference lib="dom" />
// The Import deals view: a CRM export pasted as CSV text or chosen as a file (read here, in the page, with
// FileReader), split by the core's one CSV splitter and sent to the server's `importDeals`, the function the
// CLI's `okr deals` calls: it matches the header row by name, reads every cell through the one number and
// date reader, and writes every row into the Deals sheet or none. Its answer is codes and parameters; the
// words here come from the Deals sheet's own texts, so the sidebar, the menu and the CLI say a problem alike.

import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { dealHeader, dealProblemText } from '../core/deals/deal-texts';
import { dealsOfCsv } from '../core/deals/deals-csv';
import type { ImportColumns, ImportDealsResult } from '../shared/deals-api';
import { callServer } from './server';
import { lang, t } from './texts';
import { html } from './ui';

/** A file above this many megabytes is refused before reading: far above a team's CRM export. */
export const MAX_FILE_MB = 8;

/** What the view says under its form: a local problem, the server's answer, or a failed call. */
type Outcome =
  | { kind: 'local'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'answer'; result: ImportDealsResult };

/** The number of deals after the header row the pasted text holds, as the splitter reads it. */
export function dealLineCount(text: string): number {
  return text.trim() === '' ? 0 : dealsOfCsv(text).rows.length;
}

/** Reads a chosen file as text (UTF-8, a byte-order mark dropped by the splitter). */
function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsText(file);
  });
}

export function DealsView(): VNode {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileNote, setFileNote] = useState('');

  const choose = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setOutcome(null);
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setFileNote('');
      setOutcome({ kind: 'local', text: t('dealsTooLarge', { name: file.name, size: MAX_FILE_MB }) });
      return;
    }
    try {
      setText(await readFile(file));
      setFileNote(t('dealsFileRead', { name: file.name }));
    } catch (error) {
      setFileNote('');
      setOutcome({ kind: 'local', text: t('dealsFileFailed', { reason: reasonOf(error) }) });
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setOutcome({ kind: 'local', text: t('dealsEmpty') });
      document.getElementById('deals-text')?.focus();
      return;
    }
    const { header, rows, decimal } = dealsOfCsv(text);
    setBusy(true);
    setOutcome(null);
    try {
      const result = await callServer('importDeals', { header, rows, ...(decimal ? { decimal } : {}) });
      setOutcome({ kind: 'answer', result });
    } catch (error) {
      setOutcome({ kind: 'failed', text: t('failed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="deals-view">
    <header class="top">
      <h1>${t('importDeals')}</h1>
    </header>
    <main>
      <form id="deals-form" novalidate onSubmit=${submit}>
        <section class="card">
          <p class="hint">${t('dealsIntro')}</p>
          <div class="field">
            <label for="deals-file">${t('dealsFile')}</label>
            <input type="file" id="deals-file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange=${choose} />
            <p class="hint" id="deals-file-note">${fileNote}</p>
          </div>
          <div class="field">
            <label for="deals-text">${t('dealsText')}</label>
            <textarea
              id="deals-text"
              rows="10"
              spellcheck="false"
              aria-describedby="deals-lines"
              value=${text}
              onInput=${(event: Event) => {
                setText((event.currentTarget as HTMLTextAreaElement).value);
                setFileNote('');
              }}
            ></textarea>
            <p class="hint" id="deals-lines">${t('dealsLines', { count: dealLineCount(text) })}</p>
          </div>
        </section>
        ${outcome ? html`<${OutcomeCard} outcome=${outcome} />` : null}
      </form>
    </main>
    <footer class="actions">
      <p class="status" role="status" aria-live="polite">${busy ? t('dealsImporting') : ''}</p>
      <button type="submit" class="primary" form="deals-form" disabled=${busy}>
        ${busy ? t('dealsImporting') : t('dealsImport')}
      </button>
    </footer>
  </div>`;
}

/** What came of the import: the deals written and how the columns were read, or every problem, nothing written. */
export function OutcomeCard({ outcome }: { outcome: Outcome }): VNode {
  if (outcome.kind !== 'answer') {
    return html`<section class="card load-error" id="deals-outcome" role="alert"><p>${outcome.text}</p></section>`;
  }
  const { result } = outcome;
  if (!result.ok) {
    return html`<section class="card deals-refused" id="deals-outcome" role="alert">
      <p><strong>${t('dealsRefused')}</strong></p>
      <ul class="deals-problems">
        ${result.problems.map((problem) => html`<li>${dealProblemText(result.lang, problem)}</li>`)}
      </ul>
      ${result.columns ? html`<${ColumnsList} columns=${result.columns} />` : null}
    </section>`;
  }
  const lines = [t('dealsImported', { count: result.imported, sheet: result.sheetName })];
  if (result.created) lines.push(t('dealsCreated', { sheet: result.sheetName }));
  if (result.replaced > 0) lines.push(t('dealsReplaced', { count: result.replaced }));
  if (result.kept > 0) lines.push(t('dealsKept', { count: result.kept }));
  return html`<section class="card done" id="deals-outcome" role="status">
    ${lines.map((line, index) => (index === 0 ? html`<h2 id="deals-done-title">${line}</h2>` : html`<p>${line}</p>`))}
    <${ColumnsList} columns=${result.columns} />
  </section>`;
}

/** The columns as the server read the header row: matched (export title → field), missing, extra. */
export function ColumnsList({ columns }: { columns: ImportColumns }): VNode {
  const language = lang();
  const list = (id: string, title: string, items: string[]) =>
    items.length === 0
      ? null
      : html`<div class="deals-columns" id=${id}>
          <p>${title}</p>
          <ul>
            ${items.map((item) => html`<li>${item}</li>`)}
          </ul>
        </div>`;
  return html`<div>
    ${list(
      'deals-matched',
      t('dealsMatched'),
      columns.matched.map(({ field, header }) => `${header} → ${dealHeader(language, field)}`),
    )}
    ${list(
      'deals-missing',
      t('dealsMissing'),
      columns.missing.map((field) => dealHeader(language, field)),
    )}
    ${list('deals-extra', t('dealsExtra'), columns.extra)}
  </div>`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
