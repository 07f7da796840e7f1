/// <reference lib="dom" />
// The playground page: the local spreadsheet on the left (sheet tabs, a grid of computed values with their
// number formats and conditional colours, the selected cell's formula, typing into cells), the add-on's
// menu as onOpen built it, and the sidebar the add-on shows on the right, in an iframe whose
// google.script.run reaches the server. Everything the page shows comes from the server's state
// (api.ts); user and workbook text is written with textContent only, never as markup.

import type { CellSnapshot, ChartSnapshot, SheetSnapshot } from '../local/snapshot';
import { columnLetters, parseA1 } from '../local/spreadsheet/a1';
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
      'This is the add-on running on a local spreadsheet, no Google account needed. Start with a sample quarter (a Polish B2B sales team: 3 objectives, 9 key results and 4 weeks of check-ins), or with an empty spreadsheet: the add-on is in the menu Extensions ▸ OKR Sheets.',
    welcomeSample: 'Load the sample quarter',
    welcomeEmpty: 'Start empty',
    welcomeBusy: 'Building the sample quarter through the add-on… a few seconds.',
    empty: 'Empty sheet',
    formula: 'Formula',
    formulaBar: 'Formula bar',
    menu: 'Menu',
    sheets: 'Sheets',
    protectedTitle: 'Heads up!',
    protectedBody: "You're trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?",
    protectedSnooze: "Don't show this again for 5 minutes",
    trend: 'Trend: {values}',
    chart: 'Chart: {title}',
    chartData: '{title}. {summary}',
    spreadsheet: 'Spreadsheet',
    newSpreadsheet: 'New spreadsheet',
    newSpreadsheetName: 'Name of the new spreadsheet',
    link: 'Link (paste it where another spreadsheet imports this one)',
    connect: '“{name}”: You need to connect these sheets.',
    allowAccess: 'Allow access',
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
    welcomeTitle: 'Witaj w OKR Sheets na lokalnym arkuszu',
    welcomeBody:
      'To dodatek działający na lokalnym arkuszu, bez konta Google. Zacznij od przykładowego kwartału (zespół sprzedaży B2B: 3 cele, 9 kluczowych rezultatów i 4 tygodnie check-inów) albo od pustego arkusza: dodatek jest w menu Rozszerzenia ▸ OKR Sheets.',
    welcomeSample: 'Wczytaj przykładowy kwartał',
    welcomeEmpty: 'Zacznij od pustego',
    welcomeBusy: 'Dodatek buduje przykładowy kwartał… kilka sekund.',
    empty: 'Pusty arkusz',
    formula: 'Formuła',
    formulaBar: 'Pasek formuły',
    menu: 'Menu',
    sheets: 'Arkusze',
    protectedTitle: 'Uwaga!',
    protectedBody:
      'Próbujesz edytować część arkusza, której nie należy zmieniać przypadkowo. Czy mimo to chcesz ją edytować?',
    protectedSnooze: 'Nie pokazuj ponownie przez 5 minut',
    trend: 'Trend: {values}',
    chart: 'Wykres: {title}',
    chartData: '{title}. {summary}',
    spreadsheet: 'Arkusz',
    newSpreadsheet: 'Nowy arkusz',
    newSpreadsheetName: 'Nazwa nowego arkusza',
    link: 'Link (wklej go tam, gdzie inny arkusz importuje ten)',
    connect: '„{name}”: Musisz połączyć te arkusze.',
    allowAccess: 'Zezwól na dostęp',
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
  spreadsheetLabel: byId('spreadsheet-label'),
  spreadsheetSelect: byId<HTMLSelectElement>('spreadsheet-select'),
  spreadsheetNew: byId<HTMLButtonElement>('spreadsheet-new'),
  spreadsheetLink: byId<HTMLInputElement>('spreadsheet-link'),
  accessBar: byId('access-bar'),
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

/**
 * Applies a state from the server: repaint, then show what the add-on put on screen. An answer older than the
 * state shown (answers may cross) is not painted; what it carries to show still is. Never moves the selection.
 */
async function apply(next: PageState): Promise<void> {
  if (!state || next.version >= state.version || next.instance !== state.instance) {
    state = next;
    render();
  }
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
  if (ui.welcome.open) wordWelcome();
  renderSpreadsheets();
  renderMenu();
  renderTabs();
  renderGrid();
  paintPendingEdits();
  renderSidebar();
  showSelection();
}

/** The folder's spreadsheets, the link of the one shown, and the imports waiting for "Allow access". */
function renderSpreadsheets(): void {
  if (!state) return;
  const current = state.spreadsheet.id;
  ui.spreadsheetLabel.textContent = t('spreadsheet');
  ui.spreadsheetNew.textContent = t('newSpreadsheet');
  ui.spreadsheetLink.setAttribute('aria-label', t('link'));
  ui.spreadsheetLink.title = t('link');
  ui.spreadsheetLink.value = state.spreadsheet.link;
  ui.spreadsheetSelect.replaceChildren(
    ...state.spreadsheets.map((entry) => {
      const option = el('option', { value: entry.id }, entry.name);
      option.selected = entry.id === current;
      return option;
    }),
  );
  // The address names the spreadsheet shown, so a reload (or a bookmark) opens it again.
  const wanted = `?id=${encodeURIComponent(current)}`;
  if (window.location.search !== wanted) window.history.replaceState(null, '', `/${wanted}`);
  ui.accessBar.hidden = state.access.length === 0;
  ui.accessBar.replaceChildren(
    ...state.access.map((source) => {
      const button = el('button', { type: 'button', class: 'primary access-allow' }, t('allowAccess'));
      button.addEventListener('click', () => {
        void act('/api/access', { id: source.id });
      });
      const item = el('div', { class: 'access-item' });
      item.append(el('span', {}, t('connect', { name: source.name })), button);
      return item;
    }),
  );
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
  // Frozen columns stay at the left while the grid scrolls sideways: each sticks at the width of the row
  // numbers and the frozen columns before it, and what scrolls passes under them (style.css), as Sheets keeps
  // them (https://support.google.com/docs/answer/9060449, Sheet.setFrozenColumns in the Apps Script reference).
  const frozenColumns = Math.min(sheet.frozenColumns, columns);
  const frozenLeft: number[] = [];
  for (let column = 1, left = 46; column <= frozenColumns; column++) {
    frozenLeft[column] = left;
    left += sheet.columnWidths[column - 1] ?? 100;
  }
  const freeze = (cell: HTMLElement, column: number) => {
    const left = frozenLeft[column];
    if (left === undefined) return;
    cell.classList.add('frozen-column');
    if (column === frozenColumns) cell.classList.add('frozen-edge');
    cell.style.left = `${left}px`;
  };
  for (let column = 1; column <= columns; column++) {
    const th = el('th', { class: 'column-head', 'data-column': String(column) }, columnLetters(column));
    freeze(th, column);
    headRow.append(th);
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
      freeze(td, column);
      const cell = cellAt(sheet, row, column);
      if (cell) {
        paintCell(td, cell, sheet.columnWidths[column - 1] ?? 100);
        spill(td, sheet, row, column, columns);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  ui.grid.replaceChildren(colgroup, head, body);
  ui.grid.classList.toggle('has-frozen', sheet.frozenRows > 0);
  stickFrozenRows(body, sheet.frozenRows);
  renderCharts(sheet);
}

// --- Embedded charts -------------------------------------------------------------------------------------------

/** The layer the sheet's charts float in, over the grid, as Sheets floats them over the cells. */
const chartLayer = el('div', { class: 'chart-layer' });
ui.scroll.append(chartLayer);

/** Google Charts' default series colours, for a chart that sets none. */
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24', '#5c6bc0'];

/** Each chart at its anchor cell plus offsets (found in the drawn grid), or below the grid when not drawn. */
function renderCharts(sheet: SheetSnapshot): void {
  const figures = (sheet.charts ?? []).map((chart) => {
    const figure = el('figure', { class: 'sheet-chart', 'data-chart-type': chart.type });
    figure.style.width = `${chart.width}px`;
    figure.append(el('figcaption', {}, chart.title), chartSvg(chart));
    const anchor = ui.grid.querySelector<HTMLElement>(
      `td[data-row="${chart.anchorRow}"][data-column="${chart.anchorColumn}"]`,
    );
    const top = anchor ? anchor.offsetTop + chart.offsetY : ui.grid.offsetHeight;
    const left = anchor ? anchor.offsetLeft + chart.offsetX : 46;
    figure.style.top = `${top}px`;
    figure.style.left = `${left}px`;
    return figure;
  });
  chartLayer.replaceChildren(...figures);
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * A bar (horizontal), column (vertical, stacked when the chart says so) or line chart of a chart's data,
 * drawn with DOM methods: an axis from 0 to the largest value, gridlines at its half and top, the categories
 * under (or beside) the plot. Any other type is drawn as columns. The words come from the data as text.
 */
function chartSvg(chart: ChartSnapshot): SVGSVGElement {
  const width = chart.width;
  const height = Math.max(80, chart.height - 28);
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const summary = chart.series
    .slice(0, 12)
    .map((series) => `${series.name}: ${series.values.map((v) => (v === null ? '–' : numberText(v))).join(', ')}`)
    .join('; ');
  svg.setAttribute('aria-label', t('chartData', { title: chart.title, summary }));
  const color = (index: number) => chart.colors[index] ?? PALETTE[index % PALETTE.length] ?? '#4285f4';
  const horizontal = chart.type === 'BAR';
  const plot = { left: horizontal ? 140 : 36, top: 8, right: width - 12, bottom: height - 22 };
  const count = chart.categories.length;
  const totals = chart.categories.map((_, c) =>
    chart.stacked
      ? chart.series.reduce((sum, series) => sum + Math.max(0, series.values[c] ?? 0), 0)
      : Math.max(0, ...chart.series.map((series) => series.values[c] ?? 0)),
  );
  const top = Math.max(1, ...totals);
  const span = horizontal ? plot.right - plot.left : plot.bottom - plot.top;
  const scale = (value: number) => (Math.max(0, value) / top) * span;
  const label = (x: number, y: number, words: string, anchor: 'start' | 'middle' | 'end') => {
    const text = svgEl('text', { x, y, 'font-size': 10, 'text-anchor': anchor, fill: '#5f6368' });
    text.textContent = words;
    svg.append(text);
  };
  for (const fraction of [0, 0.5, 1]) {
    const at = fraction * span;
    const [x1, y1, x2, y2] = horizontal
      ? [plot.left + at, plot.top, plot.left + at, plot.bottom]
      : [plot.left, plot.bottom - at, plot.right, plot.bottom - at];
    svg.append(svgEl('line', { x1, y1, x2, y2, stroke: '#dadce0', 'stroke-width': 1 }));
    if (horizontal) label(x1, plot.bottom + 12, numberText(fraction * top), 'middle');
    else label(plot.left - 4, y1 + 3, numberText(fraction * top), 'end');
  }
  if (count === 0) return svg;
  const band = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / count;
  chart.categories.forEach((category, c) => {
    const middle = (horizontal ? plot.top : plot.left) + band * (c + 0.5);
    const words = category.length > 22 ? `${category.slice(0, 21)}…` : category;
    if (horizontal) label(plot.left - 4, middle + 3, words, 'end');
    else if (count <= 16 || c % Math.ceil(count / 16) === 0) label(middle, plot.bottom + 12, words, 'middle');
  });
  if (chart.type === 'LINE') {
    chart.series.forEach((series, s) => {
      const points = series.values.flatMap((value, c) =>
        value === null
          ? []
          : [`${(plot.left + band * (c + 0.5)).toFixed(1)},${(plot.bottom - scale(value)).toFixed(1)}`],
      );
      if (points.length === 0) return;
      const style = chart.seriesStyles[String(s)] ?? {};
      const line = svgEl('polyline', {
        points: points.join(' '),
        fill: 'none',
        stroke: style.color ?? color(s),
        'stroke-width': 1.5,
        ...(style.dash && style.dash.length > 0 ? { 'stroke-dasharray': style.dash.join(' ') } : {}),
      });
      svg.append(line);
    });
    return svg;
  }
  const bars = chart.stacked ? 1 : Math.max(1, chart.series.length);
  const thickness = (band * 0.7) / bars;
  chart.categories.forEach((_, c) => {
    let stackedSoFar = 0;
    chart.series.forEach((series, s) => {
      const value = Math.max(0, series.values[c] ?? 0);
      const length = scale(value);
      const offset = band * (c + 0.15) + (chart.stacked ? 0 : s * thickness);
      const rect = horizontal
        ? { x: plot.left + stackedSoFar, y: plot.top + offset, width: length, height: thickness }
        : { x: plot.left + offset, y: plot.bottom - stackedSoFar - length, width: thickness, height: length };
      svg.append(svgEl('rect', { ...rect, fill: color(s) }));
      if (chart.stacked) stackedSoFar += length;
    });
  });
  return svg;
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

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A SPARKLINE cell: a small line chart of its data across the cell, as Sheets draws it (a line, scaled from
 * the lowest value to the highest). Built with DOM methods; the numbers are the only input.
 * https://support.google.com/docs/answer/3093289 (SPARKLINE)
 */
function sparklineSvg(values: readonly number[], width: number): SVGSVGElement {
  const height = 17;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('trend', { values: values.map(numberText).join(', ') }));
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  const points = values.map((value, index) => {
    const x = values.length > 1 ? 1 + index * step : width / 2;
    const y = height - 2 - ((value - low) / span) * (height - 4);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  return svg;
}

function paintCell(td: HTMLTableCellElement, cell: CellSnapshot, width = 100): void {
  if (cell.sparkline && cell.sparkline.length > 0) td.append(sparklineSvg(cell.sparkline, Math.max(20, width - 10)));
  else td.append(cellText(cell.value.display));
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

/**
 * Text wider than its cell runs on over the empty cells to its right, as in Sheets; text in a frozen column
 * stops at the last frozen one, since the frozen pane is drawn apart from what scrolls beside it. (Google's
 * help does not say; the add-on's sheets read the same either way: no frozen-column text needs more room.)
 */
function spill(td: HTMLTableCellElement, sheet: SheetSnapshot, row: number, column: number, columns: number): void {
  const cell = cellAt(sheet, row, column);
  if (!cell || cell.wrap || cell.value.type !== 'text' || isEmpty(cell) || alignment(cell) !== 'left') return;
  let width = sheet.columnWidths[column - 1] ?? 100;
  let next = column + 1;
  const last = column <= sheet.frozenColumns ? Math.min(sheet.frozenColumns, columns) : columns;
  while (next <= last && isEmpty(cellAt(sheet, row, next))) {
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
  if (editor) ui.formula.value = editor.input.value;
  else if (document.activeElement !== ui.formula) {
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
      commit(input.value, event.key === 'Tab' ? { row: 0, column: 1 } : { row: 1, column: 0 });
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
    if (input.value !== input.defaultValue) commit(input.value, null, false);
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

// Typing is Sheets-fast whatever the server's pace: an edit takes its cell when it is made (Enter, Tab,
// a click elsewhere), the selection moves at once, and the edits go to the server one after another, in
// order. Until its answer comes, the cell shows what was typed; no answer moves the selection or the focus.

interface Edit {
  sheet: string;
  row: number;
  column: number;
  input: string;
}

const pendingEdits: Edit[] = [];
let sendingEdits = false;

/** What was typed, shown in cells whose edit the server has not answered yet. */
function paintPendingEdits(): void {
  const sheet = activeSheet();
  if (!sheet) return;
  for (const edit of pendingEdits) {
    if (edit.sheet !== sheet.name) continue;
    const td = tdAt(edit.row, edit.column);
    if (!td) continue;
    td.replaceChildren(cellText(edit.input));
    td.classList.add('pending');
  }
}

async function sendEdits(): Promise<void> {
  if (sendingEdits) return;
  sendingEdits = true;
  try {
    for (let edit = pendingEdits[0]; edit; edit = pendingEdits[0]) {
      const body = { sheet: edit.sheet, a1: `${columnLetters(edit.column)}${edit.row}`, input: edit.input };
      let next: PageState | null = null;
      let failure: unknown = null;
      try {
        next = await request('/api/cell', body);
      } catch (error) {
        failure = error;
      }
      pendingEdits.shift();
      if (next) await apply(next);
      else {
        render();
        const reason = failure instanceof Error ? failure.message : String(failure);
        await showMessage(t('problem'), t('failed', { reason }));
      }
    }
  } finally {
    sendingEdits = false;
  }
}

/** Until this time (ms), a warning-only protection does not ask again ("Don't show this again for 5 minutes"). */
let protectionWarningsOffUntil = 0;

function inArea(a1: string, row: number, column: number): boolean {
  const area = parseA1(a1);
  if (!area) return false;
  const top = area.startRow ?? 1;
  const bottom = area.endRow ?? Number.POSITIVE_INFINITY;
  const left = area.startColumn ?? 1;
  const right = area.endColumn ?? Number.POSITIVE_INFINITY;
  return row >= top && row <= bottom && column >= left && column <= right;
}

/** Whether a warning-only protection covers the cell (a range protection, or a sheet's outside its exceptions). */
function warnsBeforeEditing(sheet: SheetSnapshot, row: number, column: number): boolean {
  return sheet.protections.some(
    (protection) =>
      protection.warningOnly &&
      (protection.range === null
        ? !protection.unprotected.some((a1) => inArea(a1, row, column))
        : inArea(protection.range, row, column)),
  );
}

/**
 * Sheets asks before an edit of a range protected with a warning only: "Heads up! You're trying to edit part
 * of this sheet that shouldn't be changed accidentally. Edit anyway?", Cancel or OK, and a box not to ask
 * again for 5 minutes. Cancel leaves the cell as it was.
 * https://support.google.com/docs/answer/1218656 (protect, hide and edit sheets: "Show a warning when
 * editing this range")
 */
async function confirmProtectedEdit(): Promise<boolean> {
  if (Date.now() < protectionWarningsOffUntil) return true;
  const answer = await ask(t('protectedTitle'), t('protectedBody'), ['CANCEL', 'OK'], false, t('protectedSnooze'));
  if (answer.button !== 'OK') return false;
  if (answer.checked) protectionWarningsOffUntil = Date.now() + 5 * 60_000;
  return true;
}

/**
 * Types `text` into the cell being edited (or the selected one), then moves by `move`. The cell is taken now,
 * not when the server answers; `refocus` gives the keyboard back to the grid (Enter, Tab, Delete).
 */
function commit(text: string, move: { row: number; column: number } | null, refocus = true): void {
  const sheet = editor?.sheet ?? activeSheet()?.name;
  const row = editor?.row ?? selected.row;
  const column = editor?.column ?? selected.column;
  stopEditing();
  if (!sheet) return;
  const go = () => {
    pendingEdits.push({ sheet, row, column, input: text });
    paintPendingEdits();
    void sendEdits();
    if (move && activeSheet()?.name === sheet) select(row + move.row, column + move.column);
    else showSelection();
  };
  const shown = activeSheet();
  if (shown?.name === sheet && warnsBeforeEditing(shown, row, column) && Date.now() >= protectionWarningsOffUntil) {
    void confirmProtectedEdit().then((ok) => {
      if (ok) go();
      else showSelection();
      if (refocus) ui.scroll.focus();
    });
    return;
  }
  go();
  if (refocus) ui.scroll.focus();
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
  checkboxLabel?: string,
): Promise<{ button: ButtonName; text: string; checked: boolean }> {
  return new Promise((resolveAnswer) => {
    ui.dialogTitle.textContent = title ?? '';
    ui.dialogTitle.hidden = !title;
    ui.dialogBody.textContent = body;
    ui.dialogInput.hidden = !withInput;
    ui.dialogInput.value = '';
    const box = el('input', { type: 'checkbox', id: 'dialog-check' });
    const option = el('label', { class: 'dialog-check', for: 'dialog-check' });
    option.append(box, document.createTextNode(` ${checkboxLabel ?? ''}`));
    if (checkboxLabel) ui.dialogInput.after(option);
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
        option.remove();
        resolveAnswer({
          button: buttons.includes(value) ? value : 'CLOSE',
          text: ui.dialogInput.value,
          checked: box.checked,
        });
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
  const { button, text } = await ask(question.title, question.prompt, buttons, question.kind === 'prompt');
  return { button, text };
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

/** The welcome's words in the workbook's language; again on every render, so they follow the workbook. */
function wordWelcome(): void {
  ui.welcome.lang = lang;
  byId('welcome-title').textContent = t('welcomeTitle');
  byId('welcome-body').textContent = t('welcomeBody');
  byId('welcome-sample').textContent = t('welcomeSample');
  byId('welcome-empty').textContent = t('welcomeEmpty');
  byId('welcome-busy').textContent = t('welcomeBusy');
}

function showWelcome(): void {
  if (ui.welcome.open) return;
  wordWelcome();
  const sample = byId<HTMLButtonElement>('welcome-sample');
  const empty = byId<HTMLButtonElement>('welcome-empty');
  const busyText = byId('welcome-busy');
  const choose = async (withSample: boolean) => {
    sample.disabled = true;
    empty.disabled = true;
    busyText.hidden = !withSample;
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
    if (input.value !== input.defaultValue) commit(input.value, null, false);
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
    commit('', null);
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
    commit(text, { row: 1, column: 0 });
  } else if (event.key === 'Escape') {
    event.preventDefault();
    ui.formula.blur();
    showSelection();
    ui.scroll.focus();
  }
});

ui.spreadsheetSelect.addEventListener('change', () => {
  selected = { row: 1, column: 1 };
  void act('/api/spreadsheet', { id: ui.spreadsheetSelect.value });
});

ui.spreadsheetNew.addEventListener('click', () => {
  void (async () => {
    const answered = await ask(t('newSpreadsheet'), t('newSpreadsheetName'), ['CANCEL', 'OK'], true);
    const name = answered.text.trim();
    if (answered.button !== 'OK' || name === '') return;
    selected = { row: 1, column: 1 };
    await act('/api/spreadsheet/new', { name });
  })();
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
