/// <reference lib="dom" />
// The sidebar's entry point, bundled into dist/sidebar.html. The server opens it on a view (New quarter,
// Settings or the weekly check-in) by writing `data-view` and `data-lang` into the page; the view then asks
// the server for its state. A menu item that already did something (generated or recorded a check-in) also
// writes what it did, as JSON, into a third attribute.

import { CHECK_IN_BOOT_ATTRIBUTE, type CheckInBoot } from '../shared/check-in-api';
import { mountCheckInView } from './check-in-view';
import { h, replaceChildren } from './dom';
import { mountQuarterView } from './quarter-view';
import { callServer, insideSheets } from './server';
import { mountSettingsView } from './settings-view';
import { setLang, t } from './texts';

type View = 'quarter' | 'settings' | 'check-in';

const VIEWS: readonly View[] = ['quarter', 'settings', 'check-in'];

const root = document.getElementById('app') as HTMLElement;

function start(): void {
  const page = document.documentElement;
  setLang(page.getAttribute('data-lang') === 'pl' ? 'pl' : 'en');
  const view = VIEWS.find((name) => name === page.getAttribute('data-view')) ?? 'quarter';
  open(view, view === 'check-in' ? readBoot() : null);
}

/** What the menu item wrote into the page for the check-in view; `null` when nothing (or nothing readable). */
function readBoot(): CheckInBoot | null {
  const text = document.documentElement.getAttribute(CHECK_IN_BOOT_ATTRIBUTE) ?? '';
  try {
    const boot: unknown = JSON.parse(text);
    return boot && typeof boot === 'object' ? (boot as CheckInBoot) : null;
  } catch {
    return null;
  }
}

function open(view: View, boot: CheckInBoot | null = null): void {
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
      : view === 'check-in'
        ? callServer('getCheckInState', boot?.sheetId != null ? { sheetId: boot.sheetId } : {}).then((state) => {
            setLang(state.lang);
            // Reloading follows the active tab, and forgets what the menu item did: it is old news by then.
            mountCheckInView({ root, reload: () => open('check-in') }, state, boot);
          })
        : callServer('getSidebarState').then((state) => {
            setLang(state.lang);
            mountQuarterView({ root, openSettings: () => open('settings'), restart: () => open('quarter') }, state);
          });
  loaded.catch((error: unknown) => {
    fail(t('loadFailed', { reason: error instanceof Error ? error.message : String(error) }), view, true, boot);
  });
}

function fail(message: string, view: View, canRetry: boolean, boot: CheckInBoot | null = null): void {
  replaceChildren(
    root,
    h(
      'div',
      { class: 'card load-error', role: 'alert' },
      h('p', {}, message),
      canRetry ? h('button', { type: 'button', class: 'primary', onclick: () => open(view, boot) }, t('retry')) : null,
    ),
  );
}

start();
