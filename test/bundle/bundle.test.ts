import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/gas/registry';
import { callGlobal, loadBundle, readBundle, SERVICE_NAMES } from '../support/load-bundle';

const names = Object.keys(registry);
const customFunctions = Object.entries(registry).filter(([, doc]) => doc.kind === 'custom');

describe('the built bundle, loaded as Apps Script loads it', () => {
  it('loads without touching any service', () => {
    expect(() => loadBundle()).not.toThrow();
  });

  it('declares every registry entry as a global function, and no other', () => {
    const globals = loadBundle();
    const functions = Object.getOwnPropertyNames(globals).filter((name) => typeof globals[name] === 'function');
    const serviceNames: readonly string[] = SERVICE_NAMES;
    expect(functions.filter((name) => !serviceNames.includes(name)).sort()).toEqual([...names].sort());
  });

  it('declares each entry point as a top-level function with named parameters', () => {
    const code = readBundle();
    for (const [name, doc] of Object.entries(registry)) {
      const params = doc.params.map((param) => param.name).join(', ');
      expect(code).toContain(`\nfunction ${name}(${params}) {`);
    }
  });

  it.each(customFunctions)('puts the JSDoc of %s directly above its stub', (name, doc) => {
    const code = readBundle();
    const match = new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+) \\*/\\nfunction ${name}\\(`).exec(code);
    expect(match, `JSDoc block above ${name}`).not.toBeNull();
    const block = match?.[1] ?? '';
    expect(block).toContain(doc.summary);
    for (const param of doc.params) expect(block).toMatch(new RegExp(`@param \\{[^}]+\\} ${param.name} `));
    for (const param of doc.params.filter((p) => p.optional)) {
      expect(block).toMatch(new RegExp(`@param \\{[^}]+\\} ${param.name} .*[Oo]ptional`));
    }
    expect(block).toContain('@return');
    expect(block.trimEnd().endsWith('* @customfunction')).toBe(true);
  });

  it('keeps internal helpers out of the global scope', () => {
    const globals = loadBundle();
    for (const helper of ['scoreKeyResult', 'readNumber', 'mapCells', 'customFunction', 'runFormula']) {
      expect(globals[helper]).toBeUndefined();
    }
  });
});

describe('the custom functions through their stubs', () => {
  const globals = loadBundle();
  const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);

  it('scores the worked examples of the domain brief', () => {
    expect(call('KR_SCORE', 0, 4, 3)).toBe(0.75);
    expect(call('KR_SCORE', 40_000, 60_000, 52_000)).toBeCloseTo(0.6);
    expect(call('KR_SCORE', 10, 2, 4)).toBe(0.75);
    expect(call('KR_SCORE', 0.2, 0.3, 0.35)).toBe(1);
    expect(call('KR_SCORE', 0.2, 0.3, 0.35, '', true)).toBeCloseTo(1.5);
    expect(call('KR_SCORE', '', 0.04, 0.05, 'at most')).toBeCloseTo(0.8);
    expect(call('OKR_SCORE', [[0.75], [0.6], [0.75]], [[2], [1], [1]])).toBeCloseTo(0.7125);
  });

  it('answers a whole column in one call, with blanks for rows not yet measured', () => {
    const result = call('KR_SCORE', [[0], [10], ['']], [[4], [2], [8]], [[3], [4], ['']]);
    expect(result).toEqual([[0.75], [0.75], ['']]);
  });

  it('reads numbers pasted from a CRM', () => {
    expect(call('KR_SCORE', '300 000 zł', '1.200.000', '1 200 000 zł')).toBe(1);
    expect(call('PIPELINE_COVERAGE', '900 000 zł', '400 000 zł', '100 000')).toBe(3);
  });

  it('computes pace, status and the sales arithmetic', () => {
    const start = new Date('2027-01-01T00:00:00Z');
    const end = new Date('2027-03-31T00:00:00Z');
    expect(call('KR_PACE', start, end, new Date('2027-01-15T00:00:00Z'))).toBeCloseTo(2 / 13);
    expect(call('KR_STATUS', 0.5, 0.5)).toBe('🟢');
    expect(call('KR_STATUS', 0.3)).toBe('🔴');
    expect(call('KR_NEEDED_PER_WEEK', 8, 2, start, new Date('2027-02-12T00:00:00Z'))).toBe(1);
    expect(call('ICE', 8, 5, 6)).toBe(240);
    expect(call('RICE', 500, 2, '80%', 4)).toBe(200);
    expect(call('SALES_VELOCITY', 40, 50_000, 0.25, 60)).toBeCloseTo(8333.33, 1);
    const dates = [[new Date('2027-01-04T00:00:00Z')], [new Date('2027-01-11T00:00:00Z')]];
    expect(call('KR_FORECAST', [[1], [2]], dates, new Date('2027-01-25T00:00:00Z'))).toBeCloseTo(4);
  });

  it('throws a message naming the function, the argument and the value, in English without a locale', () => {
    expect(() => call('KR_SCORE', 0, 'abc', 3)).toThrow('KR_SCORE: target "abc" is not a number');
  });

  it('writes the error into its own cell of a range and computes the others', () => {
    expect(call('KR_SCORE', 0, [[4], ['abc']], 3)).toEqual([
      [0.75],
      ['KR_SCORE: target "abc" is not a number (row 2 of the range)'],
    ]);
  });

  it('speaks Polish on a Polish spreadsheet', () => {
    const polish = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'pl_PL' }) },
    });
    expect(() => callGlobal(polish, 'KR_SCORE', 0, 'abc', 3)).toThrow('KR_SCORE: target „abc” nie jest liczbą');
  });
});

describe('the menu, sidebar and settings entry points in the bundle', () => {
  const menuAndSidebar = [
    'onOpen',
    'onInstall',
    'showNewQuarterSidebar',
    'showWeeklyCheckIn',
    'showRecordCheckIn',
    'showMonthlyReview',
    'updateAsOfDate',
    'hideOldCheckInTabs',
    'showSettings',
    'showHelp',
    'getSidebarState',
    'submitQuarter',
    'getSettings',
    'saveSettings',
    'showCloseQuarter',
    'closeQuarter',
    'showDealsSheet',
    'importDeals',
    'showImportDeals',
    'showInitiatives',
    'showDashboard',
    'buildDashboard',
    'showCompanyRollup',
    'connectTeams',
    'refreshRollup',
    'rollupStatus',
  ];

  it('declares each as a global function, documented as a trigger or server function', () => {
    const globals = loadBundle();
    for (const name of menuAndSidebar) {
      expect(typeof globals[name], name).toBe('function');
      expect(registry[name as keyof typeof registry]?.kind, name).toMatch(/^(trigger|server)$/);
    }
  });

  it('keeps their helpers out of the global scope', () => {
    const globals = loadBundle();
    for (const helper of [
      'menuLang',
      'readSettings',
      'writeSettings',
      'parseSubmitPayload',
      'fieldErrors',
      'defaultQuarter',
      'buildQuarter',
      'readQuarter',
      'findQuarterSheets',
      'spreadsheetLang',
    ]) {
      expect(globals[helper], helper).toBeUndefined();
    }
  });

  it('builds the menu in AuthMode.NONE with only the Ui and the user locale, touching no other service', () => {
    const items: [string, string][] = [];
    const menu = {
      addItem: (caption: string, fn: string) => {
        items.push([caption, fn]);
        return menu;
      },
      addSeparator: () => menu,
      addToUi: () => undefined,
    };
    const globals = loadBundle({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
      Session: { getActiveUserLocale: () => 'pl_PL' },
    });
    callGlobal(globals, 'onOpen', { authMode: { toString: () => 'NONE' } });
    expect(items.map(([, fn]) => fn)).toEqual([
      'showNewQuarterSidebar',
      'showCloseQuarter',
      'showWeeklyCheckIn',
      'showRecordCheckIn',
      'showDashboard',
      'showMonthlyReview',
      'showInitiatives',
      'showDealsSheet',
      'showImportDeals',
      'showCompanyRollup',
      'updateAsOfDate',
      'hideOldCheckInTabs',
      'showSettings',
      'showHelp',
    ]);
    expect(items[0]?.[0]).toBe('Nowy kwartał…');
    for (const [, fn] of items) expect(typeof globals[fn], fn).toBe('function');
  });

  it('ships the sidebar as one self-contained page beside Code.js, not inside it', () => {
    const html = readFileSync(join(__dirname, '../../dist/sidebar.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('data-view="quarter"');
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    // No markup from strings: the only innerHTML in the page is Preact's own, behind the
    // dangerouslySetInnerHTML prop, and no sidebar source names that prop or any other way to parse markup.
    const count = (text: string, word: string) => text.split(word).length - 1;
    const preact = readFileSync(join(__dirname, '../../node_modules/preact/dist/preact.mjs'), 'utf8');
    expect(count(html, 'innerHTML')).toBe(count(preact, 'innerHTML'));
    expect(html).not.toMatch(/insertAdjacentHTML|outerHTML|document\.write|DOMParser|createContextualFragment/);
    for (const file of readdirSync(join(__dirname, '../../src/client'))) {
      const source = readFileSync(join(__dirname, '../../src/client', file), 'utf8');
      expect(source, file).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML|DOMParser/i);
    }
    const code = readBundle();
    expect(code).not.toContain('document.');
    expect(code).not.toContain('google.script');
  });
});
