/// <reference lib="dom" />
// The sidebar's entry point, bundled into dist/sidebar.html. The server opens it on a view (New quarter,
// Settings, the weekly check-in Import deals or the company roll-up) by writing `data-view` and `data-lang` into the page; the view then asks
// the server for its state. A menu item that already did something (generated or recorded a check-in) also
// writes what it did, as JSON, into a third attribute. After a reload of the frame the sidebar shows the view
// it showed before (session.ts).

import { type ComponentChild, render } from 'preact';
import type { CheckInBoot } from '../shared/check-in-api';
import { CHECK_IN_BOOT_ATTRIBUTE, OPENING_ATTRIBUTE } from '../shared/sidebar-page';
import { CheckInView } from './check-in-view';
import { DealsView } from './deals-view';
import { type QuarterDone, QuarterStore } from './quarter-store';
import { QuarterView } from './quarter-view';
import { RollupView } from './rollup-view';
import { callServer, insideSheets } from './server';
import { recall, remember, sessionStore, VIEWS, type View } from './session';
import { SettingsView } from './settings-view';
import { setLang, t } from './texts';
import { html } from './ui';

const root = document.getElementById('app') as HTMLElement;
const opening = document.body.getAttribute(OPENING_ATTRIBUTE) ?? '';
/** Counts the views opened, so each opening mounts afresh (a new store, no state of the last one). */
let mounted = 0;

function start(): void {
  const page = document.documentElement;
  setLang(page.getAttribute('data-lang') === 'pl' ? 'pl' : 'en');
  const asked = VIEWS.find((name) => name === page.getAttribute('data-view')) ?? 'quarter';
  const shown = recall(sessionStore(), opening);
  const view = shown?.view ?? asked;
  open(view, view === 'check-in' ? readBoot() : null, shown?.done ?? null);
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

function show(content: ComponentChild): void {
  render(content, root);
}

function open(view: View, boot: CheckInBoot | null = null, done: QuarterDone | null = null): void {
  remember(sessionStore(), done ? { opening, view, done } : { opening, view });
  show(html`<div class="loading" role="status"><span class="spinner"></span>${t('loading')}</div>`);
  if (!insideSheets()) {
    fail(t('notInSheets'), view, false);
    return;
  }
  mounted += 1;
  const key = mounted;
  const loaded =
    view === 'rollup'
      ? callServer('rollupStatus').then((status) => show(html`<${RollupView} key=${key} initial=${status} />`))
      : view === 'settings'
        ? callServer('getSettings').then((state) => {
            setLang(state.lang);
            show(html`<${SettingsView} key=${key} initial=${state} openQuarter=${() => open('quarter')} />`);
          })
        : view === 'check-in'
          ? callServer('getCheckInState', boot?.sheetId != null ? { sheetId: boot.sheetId } : {}).then((state) => {
              setLang(state.lang);
              // Reloading follows the active tab, and forgets what the menu item did: it is old news by then.
              show(
                html`<${CheckInView}
                key=${key}
                initial=${state}
                boot=${boot}
                reload=${() => open('check-in')}
                openBoot=${(next: CheckInBoot) => open('check-in', next)}
              />`,
              );
            })
          : view === 'deals'
            ? // The view needs no state: the page's language is the spreadsheet's, and importing tells the rest.
              Promise.resolve().then(() => show(html`<${DealsView} key=${key} />`))
            : callServer('getSidebarState').then((state) => {
                setLang(state.lang);
                show(
                  html`<${QuarterView}
                key=${key}
                store=${new QuarterStore(state, done)}
                openSettings=${() => open('settings')}
                restart=${() => open('quarter')}
                onDone=${(built: QuarterDone) => remember(sessionStore(), { opening, view: 'quarter', done: built })}
              />`,
                );
              });
  loaded.catch((error: unknown) => {
    fail(t('loadFailed', { reason: error instanceof Error ? error.message : String(error) }), view, true, boot, done);
  });
}

function fail(
  message: string,
  view: View,
  canRetry: boolean,
  boot: CheckInBoot | null = null,
  done: QuarterDone | null = null,
): void {
  show(
    html`<div class="card load-error" role="alert">
      <p>${message}</p>
      ${
        canRetry
          ? html`<button type="button" class="primary" onClick=${() => open(view, boot, done)}>${t('retry')}</button>`
          : null
      }
    </div>`,
  );
}

start();
