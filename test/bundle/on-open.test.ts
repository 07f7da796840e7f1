// onOpen of the built bundle over the fake spreadsheet, as Apps Script runs it: in AuthMode.NONE it builds
// the menu and reads nothing (the add-on may not read the document then); with LIMITED or FULL it also says
// what is due in a toast. The bundle runs with the real clock, so the quarter is a custom period around today.

import type vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeServices, Enums, type FakeServices, installInVmContext } from '../../local/spreadsheet';
import { buildBundleQuarter, keyResult } from '../support/bundle-quarter';
import { type BundleGlobals, callGlobal, loadBundle } from '../support/load-bundle';

/** The bundle over a fake holding a quarter that started three weeks ago, with nothing recorded yet. */
function spreadsheetWithAQuarter(): { server: BundleGlobals; services: FakeServices } {
  const services = createFakeServices({ locale: 'en_US' });
  const { SpreadsheetApp, PropertiesService, LockService, HtmlService, Session, Utilities } = services;
  const server = loadBundle({ SpreadsheetApp, PropertiesService, LockService, HtmlService, Session, Utilities });
  installInVmContext(services, server as vm.Context);
  buildBundleQuarter(server, {
    startedDaysAgo: 21,
    keyResults: [
      keyResult({ title: 'New clients', owner: 'Anna' }),
      keyResult({ title: 'Meetings held', owner: 'Bartek' }),
    ],
  });
  services.calls.reset();
  return { server, services };
}

describe('onOpen of the built bundle', () => {
  it('in AuthMode.NONE builds only the menu: no toast and no read of the spreadsheet', () => {
    const { server, services } = spreadsheetWithAQuarter();
    callGlobal(server, 'onOpen', { authMode: new Enums.EnumValue('AuthMode', 'NONE') });
    expect(services.ui.menuItems().length).toBeGreaterThan(0);
    expect(services.spreadsheet.toasts).toEqual([]);
    expect(services.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(services.calls.count('Spreadsheet')).toBe(0);
    expect(services.calls.count('Sheet')).toBe(0);
    expect(services.calls.count('Range')).toBe(0);
    expect(services.calls.count('Properties')).toBe(0);
  });

  it.each(['LIMITED', 'FULL'])('with AuthMode.%s also says in a toast what is due', (mode) => {
    const { server, services } = spreadsheetWithAQuarter();
    callGlobal(server, 'onOpen', { authMode: new Enums.EnumValue('AuthMode', mode) });
    expect(services.ui.menuItems().length).toBeGreaterThan(0);
    expect(services.spreadsheet.toasts).toHaveLength(1);
    const [toast] = services.spreadsheet.toasts;
    expect(toast?.title).toBe('OKR Sheets: what is due');
    expect(toast?.message).toMatch(
      /^Week \d+ check-in not recorded yet \(nothing recorded this quarter yet\); 2 KRs not updated for (20|21|22) days \(O1\.1, O1\.2\)$/,
    );
    // The OKR sheet's header block for the as-of date, and its values for the toast (History is not made yet).
    expect(services.calls.count('Range.getValues')).toBe(2);
  });
});
