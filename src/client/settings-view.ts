/// <reference lib="dom" />
// The Settings view: the add-on's language, the month the fiscal year starts, the default currency, the
// formula style and the team name the next quarter starts with. Saved into the document's properties.
// One component with its state in hooks; the fields are the shared ones of ui.ts.

import type { VNode } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Settings, SettingsState } from '../shared/sidebar-api';
import { messageBoard, type PathMessage, withoutMessagesAt } from './messages';
import { callServer } from './server';
import { monthName, setLang, t } from './texts';
import { Field, FormulaStyleRadios, html, MessageSlot, Messages, select, textInput } from './ui';

/** The paths of Settings that show messages; any other path's message is shown under the form. */
export const SETTINGS_PATHS: ReadonlySet<string> = new Set([
  '',
  'language',
  'fiscalStartMonth',
  'currency',
  'teamName',
]);

export interface SettingsViewProps {
  initial: SettingsState;
  /** Back to the New quarter view (which reloads its state, as settings change its defaults). */
  openQuarter(): void;
}

export function SettingsView({ initial, openQuarter }: SettingsViewProps): VNode {
  const [settings, setSettings] = useState<Settings>({ ...initial.settings });
  const [errors, setErrors] = useState<PathMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  /** Counts failed saves: after each, the first field to fix gets the focus. */
  const [failedSaves, setFailedSaves] = useState(0);
  useLayoutEffect(() => {
    if (failedSaves > 0) document.querySelector<HTMLElement>('#settings-form [aria-invalid="true"]')?.focus();
  }, [failedSaves]);

  const change = (path: keyof Settings, patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setErrors((current) => withoutMessagesAt(current, path, SETTINGS_PATHS));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const result = await callServer('saveSettings', { ...settings });
      if (result.ok) {
        setLang(result.lang);
        setSettings({ ...result.settings });
        setErrors([]);
        setStatus({ ok: true, text: t('saved') });
      } else {
        setErrors(result.errors);
        setFailedSaves((count) => count + 1);
      }
    } catch (error) {
      setStatus({ ok: false, text: t('failed', { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return html`<${Messages.Provider} value=${messageBoard(errors, [], SETTINGS_PATHS)}>
    <header class="top">
      <h1>${t('settings')}</h1>
      <button type="button" class="link" onClick=${openQuarter}>${t('backToQuarter')}</button>
    </header>
    <main>
      <form id="settings-form" novalidate onSubmit=${save}>
        <section class="card">
          <${Field}
            id="settings-language"
            path="language"
            label=${t('settingsLanguage')}
            control=${select(
              [
                ['auto', t('languageAuto')],
                ['pl', 'Polski'],
                ['en', 'English'],
              ],
              settings.language,
              (value) => change('language', { language: value === 'pl' || value === 'en' ? value : 'auto' }),
            )}
          />
          <${Field}
            id="settings-fiscal"
            path="fiscalStartMonth"
            label=${t('fiscalStartMonth')}
            control=${select(
              Array.from({ length: 12 }, (_, index): [string, string] => [String(index + 1), monthName(index + 1)]),
              String(settings.fiscalStartMonth),
              (value) => change('fiscalStartMonth', { fiscalStartMonth: Number(value) }),
            )}
          />
          <${Field}
            id="settings-currency"
            path="currency"
            label=${t('defaultCurrency')}
            control=${textInput(
              settings.currency,
              (value) => change('currency', { currency: value.trim().toUpperCase() }),
              { list: 'settings-currencies', maxlength: '3', class: 'upper' },
            )}
          />
          <datalist id="settings-currencies">
            ${['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'].map((code) => html`<option key=${code} value=${code} />`)}
          </datalist>
          <fieldset class="field">
            <legend>${t('defaultFormulaStyle')}</legend>
            <${FormulaStyleRadios}
              name="settings-formula"
              idPrefix="settings-formula"
              path="formulaStyle"
              selected=${settings.formulaStyle}
              onChange=${(formulaStyle: Settings['formulaStyle']) => change('formulaStyle', { formulaStyle })}
            />
          </fieldset>
          <${Field}
            id="settings-team"
            path="teamName"
            label=${t('defaultTeam')}
            control=${textInput(settings.teamName, (teamName) => change('teamName', { teamName }), {
              maxlength: '300',
              placeholder: t('teamPlaceholder'),
            })}
          />
        </section>
        <${MessageSlot} id="settings-form" path="" />
      </form>
    </main>
    <footer class="actions">
      <p class=${status ? `status ${status.ok ? 'status-ok' : 'status-error'}` : 'status'} role="status" aria-live="polite">
        ${status?.text ?? ''}
      </p>
      <button type="submit" class="primary" form="settings-form" disabled=${busy}>
        ${busy ? t('saving') : t('save')}
      </button>
    </footer>
  <//>`;
}
