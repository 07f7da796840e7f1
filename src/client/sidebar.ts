/// <reference lib="dom" />
// The sidebar's entry point, bundled into dist/sidebar.html. The server opens it on a view (New quarter or
// Settings) by writing `data-view` and `data-lang` into the page; the view then asks the server for its state.

import { h, replaceChildren } from './dom';
import { mountQuarterView } from './quarter-view';
import { callServer, insideSheets } from './server';
import { mountSettingsView } from './settings-view';
import { setLang, t } from './texts';

type View = 'quarter' | 'settings';

const root = document.getElementById('app') as HTMLElement;

function start(): void {
  const page = document.documentElement;
  setLang(page.getAttribute('data-lang') === 'pl' ? 'pl' : 'en');
  open(page.getAttribute('data-view') === 'settings' ? 'settings' : 'quarter');
}

function open(view: View): void {
  replaceChildren(root, h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner' }), t('loading')));
  if (!insideSheets()) {
    fail(t('notInSheets'), view, false);
    return;
  }
  const loaded =
    view === 'settings'
      ? callServer('getSettings').then((state) => {
          setLang(state.lang);
          mountSettingsView({ root, openQuarter: () => open('quarter') }, state);
        })
      : callServer('getSidebarState').then((state) => {
          setLang(state.lang);
          mountQuarterView({ root, openSettings: () => open('settings'), restart: () => open('quarter') }, state);
        });
  loaded.catch((error: unknown) => {
    fail(t('loadFailed', { reason: error instanceof Error ? error.message : String(error) }), view, true);
  });
}

function fail(message: string, view: View, canRetry: boolean): void {
  replaceChildren(
    root,
    h(
      'div',
      { class: 'card load-error', role: 'alert' },
      h('p', {}, message),
      canRetry ? h('button', { type: 'button', class: 'primary', onclick: () => open(view) }, t('retry')) : null,
    ),
  );
}

start();
