/// <reference lib="dom" />
// The Settings view: the add-on's language, the month the fiscal year starts, the default currency, the
// formula style and the team name the next quarter starts with. Saved into the document's properties.

import type { Settings, SettingsState } from '../shared/sidebar-api';
import { h, replaceChildren } from './dom';
import { callServer } from './server';
import { monthName, setLang, t } from './texts';
import { field, formulaStyleRadios, Messages, select, textInput } from './ui';

export interface SettingsViewHost {
  root: HTMLElement;
  /** Back to the New quarter view (which reloads its state, as settings change its defaults). */
  openQuarter(): void;
}

export function mountSettingsView(host: SettingsViewHost, initial: SettingsState): void {
  const settings: Settings = { ...initial.settings };
  const messages = new Messages();
  let busy = false;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'submit', class: 'primary', form: 'settings-form' }, t('save'));

  render();

  function render(): void {
    messages.reset();
    saveButton.textContent = t('save');
    const form = h(
      'form',
      { id: 'settings-form', novalidate: true, onsubmit: onSave },
      h(
        'section',
        { class: 'card' },
        field(messages, {
          id: 'settings-language',
          path: 'language',
          label: t('settingsLanguage'),
          control: select(
            [
              ['auto', t('languageAuto')],
              ['pl', 'Polski'],
              ['en', 'English'],
            ],
            settings.language,
            (value) => {
              settings.language = value === 'pl' || value === 'en' ? value : 'auto';
            },
          ),
        }),
        field(messages, {
          id: 'settings-fiscal',
          path: 'fiscalStartMonth',
          label: t('fiscalStartMonth'),
          control: select(
            Array.from({ length: 12 }, (_, index): [string, string] => [String(index + 1), monthName(index + 1)]),
            String(settings.fiscalStartMonth),
            (value) => {
              settings.fiscalStartMonth = Number(value);
            },
          ),
        }),
        field(messages, {
          id: 'settings-currency',
          path: 'currency',
          label: t('defaultCurrency'),
          control: textInput(
            settings.currency,
            (value) => {
              settings.currency = value.trim().toUpperCase();
              messages.clearError('currency');
            },
            { list: 'settings-currencies', maxlength: '3', class: 'upper' },
          ),
        }),
        h(
          'datalist',
          { id: 'settings-currencies' },
          ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'].map((code) => h('option', { value: code })),
        ),
        h(
          'fieldset',
          { class: 'field' },
          h('legend', {}, t('defaultFormulaStyle')),
          formulaStyleRadios({
            name: 'settings-formula',
            idPrefix: 'settings-formula',
            path: 'formulaStyle',
            selected: settings.formulaStyle,
            onChange: (style) => {
              settings.formulaStyle = style;
            },
          }),
        ),
        field(messages, {
          id: 'settings-team',
          path: 'teamName',
          label: t('defaultTeam'),
          control: textInput(
            settings.teamName,
            (value) => {
              settings.teamName = value;
              messages.clearError('teamName');
            },
            { maxlength: '300', placeholder: t('teamPlaceholder') },
          ),
        }),
      ),
      (() => {
        const slot = messages.slot('', null, 'settings-form');
        return h('div', { class: 'slot' }, slot.error, slot.warn);
      })(),
    );
    replaceChildren(
      host.root,
      h(
        'header',
        { class: 'top' },
        h('h1', {}, t('settings')),
        h('button', { type: 'button', class: 'link', onclick: () => host.openQuarter() }, t('backToQuarter')),
      ),
      h('main', {}, form),
      h('footer', { class: 'actions' }, status, saveButton),
    );
  }

  async function onSave(event: Event): Promise<void> {
    event.preventDefault();
    if (busy) return;
    busy = true;
    saveButton.disabled = true;
    saveButton.textContent = t('saving');
    status.textContent = '';
    status.className = 'status';
    try {
      const result = await callServer('saveSettings', { ...settings });
      if (result.ok) {
        Object.assign(settings, result.settings);
        setLang(result.lang);
        messages.clearErrors();
        render();
        status.className = 'status status-ok';
        status.textContent = t('saved');
      } else {
        messages.setErrors(result.errors);
        messages.firstInvalidControl()?.focus();
      }
    } catch (error) {
      status.className = 'status status-error';
      status.textContent = t('failed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      busy = false;
      saveButton.disabled = false;
      if (saveButton.textContent === t('saving')) saveButton.textContent = t('save');
    }
  }
}
