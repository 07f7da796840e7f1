/// <reference lib="dom" />
// The playground page: the local spreadsheet on the left (sheet tabs, a grid of computed values with their
// number formats and conditional colours, the selected cell's formula, typing into cells), the add-on's
// menu as onOpen built it, and the sidebar the add-on shows on the right, in an iframe whose
// google.script.run reaches the server. Everything the page shows comes from the server's state
// (api.ts); user and workbook text is written with textContent only, never as markup.

import type { CellSnapshot, SheetSnapshot } from '../local/snapshot';
import { columnLetters } from '../local/spreadsheet/a1';
import type { ButtonName, PageState, Question, ShownDialog } from './api';

type Lang = 'en' | 'pl';

const TEXTS = {
  en: {
    extensions: 'Extensions',
    addon: 'OKR Sheets',
    saved: 'Saved to {path}',
    close: 'Close',
    ok: 'OK',
    cancel: 'Cancel',
    yes: 'Yes',
    no: 'No',
    problem: 'There was a problem',
    failed: 'The request failed: {reason}',
    welcomeTitle: 'Welcome to the OKR Sheets playground',
    welcomeBody:
      'This is the add-on running on a local spreadsheet, no Google account needed. Start with a sample quarter (a Polish B2B sales team: 3 objectives, 9 key results and 4 weeks of check-ins), or with an empty spreadsheet and Extensions ▸ OKR Sheets ▸ New quarter….',
    welcomeSample: 'Load the sample quarter',
    welcomeEmpty: 'Start empty',
    welcomeBusy: 'Building the sample quarter through the add-on… a few seconds.',
    empty: 'Empty sheet',
    formula: 'Formula',
    formulaBar: 'Formula bar',
    menu: 'Menu',
    sheets: 'Sheets',
  },
  pl: {
    extensions: 'Rozszerzenia',
    addon: 'OKR Sheets',
    saved: 'Zapisano w {path}',
    close: 'Zamknij',
    ok: 'OK',
    cancel: 'Anuluj',
    yes: 'Tak',
    no: 'Nie',
    problem: 'Wystąpił problem',
    failed: 'Żądanie nie powiodło się: {reason}',
    welcomeTitle: 'Witaj w playgroundzie OKR Sheets',
    welcomeBody:
      'To dodatek działający na lokalnym arkuszu, bez konta Google. Zacznij od przykładowego kwartału (zespół sprzedaży B2B: 3 cele, 9 kluczowych rezultatów i 4 tygodnie check-inów) albo od pustego arkusza i Rozszerzenia ▸ OKR Sheets ▸ Nowy kwartał….',
    welcomeSample: 'Wczytaj przykładowy kwartał',
    welcomeEmpty: 'Zacznij od pustego',
    welcomeBusy: 'Dodatek buduje przykładowy kwartał… kilka sekund.',
    empty: 'Pusty arkusz',
    formula: 'Formuła',
    formulaBar: 'Pasek formuły',
    menu: 'Menu',
    sheets: 'Arkusze',
  },
} as const;

type TextKey = keyof (typeof TEXTS)['en'];

let lang: Lang = 'en';

function t(key: TextKey, params: Record<string, string> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

const ui = {
  docName: byId('doc-name'),
  menuButton: byId<HTMLButtonElement>('menu-button'),
  menu: byId('menu'),
  saved: byId('saved'),
  cellName: byId('cell-name'),
  formula: byId<HTMLInputElement>('formula'),
  formulaBar: byId('formula-bar'),
  scroll: byId('grid-scroll'),
  grid: byId<HTMLTableElement>('grid'),
  tabs: byId('tabs'),
  sidebar: byId('sidebar'),
  sidebarTitle: byId('sidebar-title'),
  sidebarClose: byId<HTMLButtonElement>('sidebar-close'),
  frame: byId<HTMLIFrameElement>('sidebar-frame'),
  toasts: byId('toasts'),
  dialog: byId<HTMLDialogElement>('dialog'),
  dialogTitle: byId('dialog-title'),
  dialogBody: byId('dialog-body'),
  dialogInput: byId<HTMLInputElement>('dialog-input'),
  dialogButtons: byId('dialog-buttons'),
  welcome: byId<HTMLDialogElement>('welcome'),
};

// The grid takes the keyboard (arrows, typing, Enter) when it has the focus.
ui.scroll.tabIndex = 0;
ui.scroll.setAttribute('aria-label', 'Sheet');

let state: PageState | null = null;
let selected = { row: 1, column: 1 };
let shownSidebar: number | null = null;
let editor: { input: HTMLInputElement; row: number; column: number; sheet: string } | null = null;
let busy = 0;

// --- Talking to the server -----------------------------------------------------------------------------------

async function request(path: string, body?: unknown): Promise<PageState> {
  busy++;
  document.body.classList.add('busy');
  try {
    const response = await fetch(
      path,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    );
    const answer = (await response.json().catch(() => null)) as (PageState & { error?: string }) | null;
    if (!response.ok || !answer || !('workbook' in answer)) {
      throw new Error(answer?.error ?? `HTTP ${response.status}`);
    }
    return answer;
  } finally {
    busy--;
    if (busy === 0) document.body.classList.remove('busy');
  }
}

/** Applies a state from the server: repaint, then show what the add-on put on screen. */
async function apply(next: PageState): Promise<void> {
  state = next;
  render();
  for (const toast of next.toasts) showToast(toast.message, toast.title);
  for (const dialog of next.dialogs) await showShownDialog(dialog);
  if (next.error) await showMessage(t('problem'), next.error);
  if (next.fresh) showWelcome();
}

async function act(path: string, body?: unknown): Promise<PageState | null> {
  try {
    const next = await request(path, body);
    await apply(next);
    return next;
  } catch (error) {
    await showMessage(t('problem'), t('failed', { reason: error instanceof Error ? error.message : String(error) }));
    return null;
  }
}

let refreshQueued = false;
/** Repaints from the server, once for a burst of sidebar calls. */
function refresh(): void {
  if (refreshQueued) return;
  refreshQueued = true;
  setTimeout(() => {
    refreshQueued = false;
    void act('/api/state');
  }, 30);
}

// --- Rendering -------------------------------------------------------------------------------------------------

function activeSheet(): SheetSnapshot | null {
  return state?.sheet ?? null;
}

function cellAt(sheet: SheetSnapshot, row: number, column: number): CellSnapshot | null {
  return sheet.cells[row - 1]?.[column - 1] ?? null;
}

function render(): void {
  if (!state) return;
  const snapshot = state.workbook;
  lang = snapshot.locale.toLowerCase().startsWith('pl') ? 'pl' : 'en';
  document.documentElement.lang = lang;
  document.title = `${snapshot.name} · OKR Sheets playground`;
  ui.docName.textContent = snapshot.name;
  ui.menuButton.textContent = t('extensions');
  ui.saved.textContent = state.fresh ? '' : t('saved', { path: state.workbookPath });
  ui.sidebarClose.setAttribute('aria-label', t('close'));
  ui.formula.setAttribute('aria-label', t('formula'));
  ui.formulaBar.setAttribute('aria-label', t('formulaBar'));
  ui.tabs.setAttribute('aria-label', t('sheets'));
  renderMenu();
  renderTabs();
  renderGrid();
  renderSidebar();
  showSelection();
}

function renderMenu(): void {
  if (!state) return;
  const items: HTMLElement[] = [el('div', { class: 'menu-caption' }, t('addon'))];
  const add = (entries: PageState['workbook']['menu']) => {
    for (const entry of entries) {
      if (entry.type === 'separator') items.push(el('div', { class: 'menu-separator', role: 'separator' }));
      else if (entry.type === 'item') {
        const item = el('button', { type: 'button', role: 'menuitem', class: 'menu-item' }, entry.caption);
        item.addEventListener('click', () => {
          closeMenu();
          void runMenuItem(entry.functionName);
        });
        items.push(item);
      } else {
        items.push(el('div', { class: 'menu-caption' }, entry.caption));
        add(entry.entries);
      }
    }
  };
  add(state.workbook.menu);
  ui.menu.replaceChildren(...items);
}

function renderTabs(): void {
  if (!state) return;
  const active = activeSheet()?.name;
  const tabs = state.workbook.sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => {
      const tab = el('button', { type: 'button', class: 'tab', role: 'tab' }, sheet.name);
      tab.setAttribute('aria-selected', String(sheet.name === active));
      if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
      tab.addEventListener('click', () => {
        if (sheet.name !== activeSheet()?.name) {
          selected = { row: 1, column: 1 };
          void act('/api/activate', { sheet: sheet.name });
        }
      });
      return tab;
    });
  ui.tabs.replaceChildren(...tabs);
}

function alignment(cell: CellSnapshot): string {
  const wanted = cell.horizontalAlignment.toLowerCase();
  if (wanted.includes('center')) return 'center';
  if (wanted.includes('right')) return 'right';
  if (wanted.includes('left')) return 'left';
  const type = cell.value.type;
  if (type === 'number' || type === 'date') return 'right';
  if (type === 'boolean' || type === 'error') return 'center';
  return 'left';
}

function renderGrid(): void {
  const sheet = activeSheet();
  if (!sheet) return;
  const rows = Math.min(sheet.maxRows, Math.max(sheet.rows + 8, 40));
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.columns + 2, 12));
  const colgroup = el('colgroup');
  const headCol = el('col');
  headCol.style.width = '46px';
  colgroup.append(headCol);
  let width = 46;
  for (let column = 1; column <= columns; column++) {
    const col = el('col');
    const columnWidth = sheet.columnWidths[column - 1] ?? 100;
    col.style.width = `${columnWidth}px`;
    width += columnWidth;
    colgroup.append(col);
  }
  ui.grid.style.width = `${width}px`;
  const head = el('thead');
  const headRow = el('tr');
  // The corner above the row numbers heads nothing: a plain cell, so no header goes without a name.
  headRow.append(el('td', { class: 'corner' }));
  for (let column = 1; column <= columns; column++) {
    headRow.append(el('th', { class: 'column-head', 'data-column': String(column) }, columnLetters(column)));
  }
  head.append(headRow);

  const body = el('tbody');
  for (let row = 1; row <= rows; row++) {
    const tr = el('tr');
    if (row <= sheet.frozenRows) tr.className = 'frozen';
    tr.append(el('th', { class: 'row-head', 'data-row': String(row) }, String(row)));
    for (let column = 1; column <= columns; column++) {
      const td = el('td');
      td.dataset.row = String(row);
      td.dataset.column = String(column);
      const cell = cellAt(sheet, row, column);
      if (cell) {
        paintCell(td, cell);
        spill(td, sheet, row, column, columns);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  ui.grid.replaceChildren(colgroup, head, body);
  ui.grid.classList.toggle('has-frozen', sheet.frozenRows > 0);
  stickFrozenRows(body, sheet.frozenRows);
}

/** The pace statuses the add-on writes; drawn as dots too, for screens without an emoji font. */
const STATUS_DOTS: Record<string, string> = { '🟢': 'green', '🟡': 'yellow', '🔴': 'red' };

function cellText(display: string): HTMLElement {
  const text = el('span', { class: 'cell-text' });
  for (const part of display.split(/(🟢|🟡|🔴)/u)) {
    const dot = STATUS_DOTS[part];
    if (dot) text.append(el('span', { class: `status-dot ${dot}`, role: 'img', 'aria-label': part }, part));
    else if (part) text.append(document.createTextNode(part));
  }
  return text;
}

function paintCell(td: HTMLTableCellElement, cell: CellSnapshot): void {
  td.append(cellText(cell.value.display));
  if (cell.background && cell.background !== '#ffffff') td.style.backgroundColor = cell.background;
  if (cell.fontColor && cell.fontColor !== '#000000') td.style.color = cell.fontColor;
  if (cell.fontWeight === 'bold') td.style.fontWeight = '600';
  td.style.textAlign = alignment(cell);
  if (cell.wrap) td.classList.add('wrap');
  if (cell.formula) td.classList.add('formula-cell');
  if (cell.value.type === 'error') {
    td.classList.add('error');
    td.title = cell.value.error ?? cell.value.display;
  }
  if (cell.note) {
    td.classList.add('has-note');
    td.title = cell.note;
  }
  if (cell.validation?.kind === 'list' && cell.validation.showDropdown && cell.value.display !== '') {
    td.classList.add('dropdown');
  }
}

function isEmpty(cell: CellSnapshot | null): boolean {
  return !cell || cell.value.display === '';
}

/** Text wider than its cell runs on over the empty cells to its right, as in Sheets. */
function spill(td: HTMLTableCellElement, sheet: SheetSnapshot, row: number, column: number, columns: number): void {
  const cell = cellAt(sheet, row, column);
  if (!cell || cell.wrap || cell.value.type !== 'text' || isEmpty(cell) || alignment(cell) !== 'left') return;
  let width = sheet.columnWidths[column - 1] ?? 100;
  let next = column + 1;
  while (next <= columns && isEmpty(cellAt(sheet, row, next))) {
    width += sheet.columnWidths[next - 1] ?? 100;
    next++;
  }
  if (next === column + 1) return;
  td.classList.add('spill');
  const text = td.querySelector<HTMLElement>('.cell-text');
  if (text) text.style.maxWidth = `${width - 9}px`;
}

/** Frozen rows stay under the column heads while the grid scrolls. */
function stickFrozenRows(body: HTMLTableSectionElement, frozen: number): void {
  const headHeight = ui.grid.tHead?.rows[0]?.getBoundingClientRect().height ?? 24;
  let top = headHeight;
  for (let index = 0; index < frozen; index++) {
    const tr = body.rows[index];
    if (!tr) break;
    for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
    top += tr.getBoundingClientRect().height;
  }
}

function renderSidebar(): void {
  if (!state) return;
  const sidebar = state.sidebar;
  if (!sidebar) {
    ui.sidebar.hidden = true;
    shownSidebar = null;
    ui.frame.removeAttribute('src');
    return;
  }
  ui.sidebarTitle.textContent = sidebar.title;
  ui.sidebar.hidden = false;
  if (shownSidebar !== sidebar.id) {
    shownSidebar = sidebar.id;
    ui.frame.src = `/sidebar/${sidebar.id}`;
  }
}

// --- Selection and the formula bar ---------------------------------------------------------------------------

function numberText(value: number): string {
  return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-US', {
    useGrouping: false,
    maximumFractionDigits: 10,
  }).format(value);
}

/** What the formula bar shows for a cell, and what editing starts from: the formula, else the value typed. */
function editText(cell: CellSnapshot | null): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  if (cell.spilled) return '';
  const { value } = cell;
  if (value.type === 'number' && typeof value.raw === 'number') {
    return cell.numberFormat.includes('%') ? `${numberText(value.raw * 100)}%` : numberText(value.raw);
  }
  if (value.type === 'text' && typeof value.raw === 'string') return value.raw;
  return value.display;
}

function tdAt(row: number, column: number): HTMLTableCellElement | null {
  return ui.grid.querySelector(`td[data-row="${row}"][data-column="${column}"]`);
}

function showSelection(): void {
  const sheet = activeSheet();
  for (const old of Array.from(ui.grid.querySelectorAll('.selected'))) old.classList.remove('selected');
  for (const old of Array.from(ui.grid.querySelectorAll('.head-selected'))) old.classList.remove('head-selected');
  const td = tdAt(selected.row, selected.column);
  td?.classList.add('selected');
  ui.grid.querySelector(`th[data-row="${selected.row}"]`)?.classList.add('head-selected');
  ui.grid.querySelector(`th[data-column="${selected.column}"]`)?.classList.add('head-selected');
  ui.cellName.textContent = `${columnLetters(selected.column)}${selected.row}`;
  if (document.activeElement !== ui.formula) {
    ui.formula.value = sheet ? editText(cellAt(sheet, selected.row, selected.column)) : '';
  }
}

function select(row: number, column: number, scroll = true): void {
  const sheet = activeSheet();
  if (!sheet) return;
  const maxRow = ui.grid.tBodies[0]?.rows.length ?? 1;
  const maxColumn = (ui.grid.tHead?.rows[0]?.cells.length ?? 2) - 1;
  selected = { row: Math.min(Math.max(row, 1), maxRow), column: Math.min(Math.max(column, 1), maxColumn) };
  showSelection();
  if (scroll) tdAt(selected.row, selected.column)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

// --- Typing into cells -------------------------------------------------------------------------------------------

function startEditing(initial?: string): void {
  const sheet = activeSheet();
  const td = tdAt(selected.row, selected.column);
  if (!sheet || !td) return;
  stopEditing();
  const input = el('input', { type: 'text', class: 'cell-editor', spellcheck: 'false', 'aria-label': t('formula') });
  const cell = cellAt(sheet, selected.row, selected.column);
  if (cell?.validation?.kind === 'list') {
    const list = el('datalist', { id: 'cell-choices' });
    for (const value of cell.validation.values) list.append(el('option', { value }));
    ui.scroll.append(list);
    input.setAttribute('list', 'cell-choices');
  }
  input.defaultValue = editText(cell);
  input.value = initial ?? input.defaultValue;
  const box = td.getBoundingClientRect();
  const outer = ui.scroll.getBoundingClientRect();
  input.style.left = `${box.left - outer.left + ui.scroll.scrollLeft}px`;
  input.style.top = `${box.top - outer.top + ui.scroll.scrollTop}px`;
  input.style.minWidth = `${box.width}px`;
  input.style.height = `${box.height}px`;
  ui.scroll.append(input);
  editor = { input, row: selected.row, column: selected.column, sheet: sheet.name };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      void commit(input.value, event.key === 'Tab' ? { row: 0, column: 1 } : { row: 1, column: 0 });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
      ui.scroll.focus();
    }
    event.stopPropagation();
  });
  input.addEventListener('input', () => {
    ui.formula.value = input.value;
  });
  input.addEventListener('blur', () => {
    if (editor?.input !== input) return;
    if (input.value !== input.defaultValue) void commit(input.value, null);
    else stopEditing();
  });
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

function stopEditing(): void {
  if (!editor) return;
  const { input } = editor;
  editor = null;
  input.remove();
  document.getElementById('cell-choices')?.remove();
}

/** Types `text` into the cell being edited (or the selected one), then moves by `move`. */
async function commit(text: string, move: { row: number; column: number } | null): Promise<void> {
  const sheet = editor?.sheet ?? activeSheet()?.name;
  const row = editor?.row ?? selected.row;
  const column = editor?.column ?? selected.column;
  stopEditing();
  if (!sheet) return;
  const next = await act('/api/cell', { sheet, a1: `${columnLetters(column)}${row}`, input: text });
  if (next && move) select(row + move.row, column + move.column);
  ui.scroll.focus();
}

// --- Menus, dialogs, the sidebar -------------------------------------------------------------------------------

function closeMenu(): void {
  ui.menu.hidden = true;
  ui.menuButton.setAttribute('aria-expanded', 'false');
}

const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};

function buttonLabel(button: ButtonName): string {
  return { OK: t('ok'), CANCEL: t('cancel'), YES: t('yes'), NO: t('no'), CLOSE: t('close') }[button];
}

/** Shows a dialog and resolves with the button pressed (CLOSE for Escape) and the text typed. */
function ask(
  title: string | null,
  body: string,
  buttons: ButtonName[],
  withInput = false,
): Promise<{ button: ButtonName; text: string }> {
  return new Promise((resolveAnswer) => {
    ui.dialogTitle.textContent = title ?? '';
    ui.dialogTitle.hidden = !title;
    ui.dialogBody.textContent = body;
    ui.dialogInput.hidden = !withInput;
    ui.dialogInput.value = '';
    const choices = buttons.map((button, index) => {
      const element = el('button', {
        type: 'submit',
        value: button,
        class: index === buttons.length - 1 ? 'primary' : '',
      });
      element.textContent = buttonLabel(button);
      return element;
    });
    ui.dialogButtons.replaceChildren(...choices);
    ui.dialog.returnValue = '';
    ui.dialog.addEventListener(
      'close',
      () => {
        const value = ui.dialog.returnValue as ButtonName;
        resolveAnswer({ button: buttons.includes(value) ? value : 'CLOSE', text: ui.dialogInput.value });
      },
      { once: true },
    );
    ui.dialog.showModal();
    (withInput ? ui.dialogInput : choices.at(-1))?.focus();
  });
}

async function showMessage(title: string, body: string): Promise<void> {
  await ask(title, body, ['OK']);
}

/** An alert the add-on showed (an OK-only alert, answered OK already): shown now, for the person to read. */
async function showShownDialog(dialog: ShownDialog): Promise<void> {
  await ask(dialog.title, dialog.prompt, ['OK']);
}

async function answer(question: Question): Promise<{ button: ButtonName; text: string }> {
  const buttons = BUTTON_SETS[question.buttons] ?? ['OK'];
  return ask(question.title, question.prompt, buttons, question.kind === 'prompt');
}

async function runMenuItem(fn: string): Promise<void> {
  const answers: { button: ButtonName; text: string }[] = [];
  for (;;) {
    const next = await act('/api/menu', { fn, answers });
    if (!next?.question) return;
    answers.push(await answer(next.question));
  }
}

function showToast(message: string, title: string | null): void {
  const toast = el('div', { class: 'toast', role: 'status' });
  if (title) toast.append(el('strong', {}, title));
  toast.append(el('span', {}, message));
  ui.toasts.append(toast);
  setTimeout(() => toast.remove(), 6000);
}

function showWelcome(): void {
  if (ui.welcome.open) return;
  byId('welcome-title').textContent = t('welcomeTitle');
  byId('welcome-body').textContent = t('welcomeBody');
  const sample = byId<HTMLButtonElement>('welcome-sample');
  const empty = byId<HTMLButtonElement>('welcome-empty');
  const busyText = byId('welcome-busy');
  sample.textContent = t('welcomeSample');
  empty.textContent = t('welcomeEmpty');
  const choose = async (withSample: boolean) => {
    sample.disabled = true;
    empty.disabled = true;
    busyText.hidden = !withSample;
    busyText.textContent = t('welcomeBusy');
    try {
      const next = await request('/api/start', { sample: withSample });
      ui.welcome.close();
      await apply(next);
    } catch (error) {
      ui.welcome.close();
      await showMessage(t('problem'), error instanceof Error ? error.message : String(error));
    } finally {
      sample.disabled = false;
      empty.disabled = false;
      busyText.hidden = true;
    }
  };
  sample.onclick = () => void choose(true);
  empty.onclick = () => void choose(false);
  ui.welcome.showModal();
  sample.focus();
}

// --- Events ----------------------------------------------------------------------------------------------------

ui.menuButton.addEventListener('click', () => {
  const open = ui.menu.hidden;
  ui.menu.hidden = !open;
  ui.menuButton.setAttribute('aria-expanded', String(open));
  if (open) (ui.menu.querySelector('[role="menuitem"]') as HTMLElement | null)?.focus();
});
document.addEventListener('click', (event) => {
  if (!ui.menu.hidden && !(event.target as Element).closest('.menu-root')) closeMenu();
});
ui.menu.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    closeMenu();
    ui.menuButton.focus();
  }
});

ui.grid.addEventListener('mousedown', (event) => {
  const td = (event.target as Element).closest('td');
  if (!td) return;
  // Clicking elsewhere ends editing as in Sheets: what was typed is entered.
  if (editor) {
    const { input } = editor;
    if (input.value !== input.defaultValue) void commit(input.value, null);
    else stopEditing();
  }
  select(Number(td.dataset.row), Number(td.dataset.column), false);
});
ui.grid.addEventListener('dblclick', (event) => {
  if ((event.target as Element).closest('td')) startEditing();
});

ui.scroll.addEventListener('keydown', (event) => {
  if (editor || event.target !== ui.scroll) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, event.shiftKey ? -1 : 1],
  };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    select(selected.row + move[0], selected.column + move[1]);
  } else if (event.key === 'Enter' || event.key === 'F2') {
    event.preventDefault();
    startEditing();
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    void commit('', null);
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    startEditing(event.key);
  }
});

ui.formula.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    const text = ui.formula.value;
    ui.formula.blur();
    void commit(text, { row: 1, column: 0 });
  } else if (event.key === 'Escape') {
    event.preventDefault();
    ui.formula.blur();
    showSelection();
    ui.scroll.focus();
  }
});

ui.sidebarClose.addEventListener('click', () => {
  shownSidebar = null;
  ui.sidebar.hidden = true;
  void act('/api/sidebar/close', {});
});

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.source !== ui.frame.contentWindow) return;
  const data = event.data as { source?: unknown; type?: unknown } | null;
  if (data?.source !== 'okr-sidebar') return;
  if (data.type === 'changed') refresh();
  if (data.type === 'close') ui.sidebarClose.click();
});

void act('/api/state').then(() => {
  ui.scroll.focus();
});
