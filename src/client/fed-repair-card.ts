/// <reference lib="dom" />
// The check-in's offer to repair key results fed by a Deals sheet that was deleted (their formulas show
// #REF!): it names them, asks before anything is written (an empty Deals sheet is made and their formulas on
// the OKR sheet are written again; the deleted deals do not come back), then says what was done. Nothing is
// repaired silently: the server refuses a repair without the user's yes. Sheet texts go in as text nodes.

import type { VNode } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { dealHeader } from '../core/deals/deal-texts';
import type { CheckInTabState, RepairDealsResult } from '../shared/check-in-api';
import { callServer } from './server';
import { lang, t } from './texts';
import { html } from './ui';

export interface FedRepairCardProps {
  tab: CheckInTabState;
  /** The tab as the server shows it after the repair. */
  repaired(tab: CheckInTabState): void;
  /** Words a failure the server answered with (the check-in view's own words for its codes). */
  failure(notice: Extract<RepairDealsResult, { ok: false }>['notice']): string;
}

type Done = Extract<RepairDealsResult, { ok: true }>;

/** The ids of the tab's key results that read the deleted Deals sheet. */
export function idsToRepair(tab: CheckInTabState): string[] {
  return (tab.fed ?? []).filter((kr) => kr.problem?.code === 'noDealsSheet').map((kr) => kr.id);
}

/** What a repair did, in the sidebar's language. */
export function repairDoneText(done: Done): string[] {
  if (done.repaired.length === 0) return [t('repairNothing')];
  const ids = done.repaired.join(', ');
  const lines = [t(done.dealsCreated ? 'repairDoneCreated' : 'repairDone', { ids, sheet: done.dealsSheet })];
  for (const { id, fields } of done.unfed) {
    const columns = fields.map((field) => `“${dealHeader(lang(), field)}”`).join(', ');
    lines.push(t('repairUnfed', { id, sheet: done.dealsSheet, columns }));
  }
  return lines;
}

export function FedRepairCard({ tab, repaired, failure }: FedRepairCardProps): VNode | null {
  const [step, setStep] = useState<'offer' | 'confirm' | 'busy'>('offer');
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = idsToRepair(tab);
  useLayoutEffect(() => {
    if (step === 'confirm') document.getElementById('repair-confirm-title')?.focus();
  }, [step]);

  async function repair(): Promise<void> {
    setStep('busy');
    setError(null);
    try {
      const result = await callServer('repairDealsFormulas', { sheetId: tab.sheetId, confirm: true });
      if (result.ok) {
        setDone(result);
        repaired(result.tab);
      } else setError(failure(result.notice));
    } catch (thrown) {
      setError(t('failed', { reason: thrown instanceof Error ? thrown.message : String(thrown) }));
    } finally {
      setStep('offer');
    }
  }

  if (done) {
    return html`<section class="card fed-repair" id="fed-repair" role="status">
      ${repairDoneText(done).map((line) => html`<p>${line}</p>`)}
    </section>`;
  }
  if (ids.length === 0) return null;
  if (step === 'confirm') {
    return html`<section class="card fed-repair" id="fed-repair" role="alertdialog" aria-labelledby="repair-confirm-title">
      <h2 id="repair-confirm-title" tabindex="-1">${t('repairConfirmTitle')}</h2>
      <p>${t('repairConfirmText', { ids: ids.join(', '), quarter: tab.quarter })}</p>
      <div class="confirm-actions">
        <button type="button" class="primary" id="repair-do" onClick=${repair}>${t('repairDo')}</button>
        <button type="button" onClick=${() => setStep('offer')}>${t('cancel')}</button>
      </div>
    </section>`;
  }
  return html`<section class="card fed-repair" id="fed-repair" aria-labelledby="repair-title">
    <h2 id="repair-title">${t('repairTitle')}</h2>
    <p>${t('repairLead', { ids: ids.join(', ') })}</p>
    <button type="button" id="repair-offer" disabled=${step === 'busy'} onClick=${() => setStep('confirm')}>
      ${step === 'busy' ? t('repairing') : t('repairOffer')}
    </button>
    ${error ? html`<p class="status status-error" role="alert">${error}</p>` : null}
  </section>`;
}
