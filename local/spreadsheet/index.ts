// The local spreadsheet: one in-memory implementation of the Spreadsheet services the add-on uses, typed
// against @types/google-apps-script and counting every call. Tests, the CLI and the playground all use this
// one, and it never ships in dist/. `createFakeServices()` builds a spreadsheet and the services of an editor
// add-on, all writing to one call log. Tests install them as globals (test/support/install-globals.ts, or
// `installInVmContext` for the built bundle in `node:vm`, as local/runtime.ts does), or hand typed pieces to
// code under test through `asGlobals`, the single place where a fake is passed off as the real type.

import { CallLog } from './calls';
import { FakeCharts } from './charts';
import { FakeEnv } from './env';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakePropertiesService } from './properties';
import type { FakeRange } from './range';
import { FakeSession } from './session';
import type { FakeSheet } from './sheet';
import { type DisplayFormatter, FakeSpreadsheet, type FormulaEvaluator, type SpillReader } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeUi } from './ui';
import { FakeUtilities } from './utilities';

export type { CallCounts, CallLog, Measured } from './calls';
export { type ChartRecord, FakeCharts, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
export { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
export * as Enums from './enums';
export type { Realm } from './env';
export { installInVmContext } from './globals';
export { FakeHtmlOutput, FakeHtmlService } from './html';
export { FakeLock, FakeLockService, type LockScope } from './lock';
export { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
export { FakeNamedRange } from './named-range';
export { FakeProperties, FakePropertiesService } from './properties';
export { FakeProtection } from './protection';
export { FakeRange } from './range';
export { FakeRangeList } from './range-list';
export { FakeBooleanCondition, FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder } from './rules';
export { FakeSession, FakeUser } from './session';
export { FakeSheet, type SheetDump } from './sheet';
export {
  type DisplayFormatter,
  FakeSpreadsheet,
  type FormulaEvaluator,
  type SpillReader,
  type Toast,
} from './spreadsheet';
export { FakeSpreadsheetApp } from './spreadsheet-app';
export { type DialogRecord, FakeMenu, FakePromptResponse, FakeUi, type MenuEntry } from './ui';
export { FakeUtilities } from './utilities';
export type { CellValue } from './values';

export interface FakeServicesOptions {
  /** The spreadsheet's locale (`getSpreadsheetLocale`), which also decides how typed numbers are read. */
  locale?: string;
  /** The spreadsheet's time zone (`getSpreadsheetTimeZone`). */
  timeZone?: string;
  /** The script project's HTML files for `HtmlService.createHtmlOutputFromFile`. */
  htmlFiles?: Record<string, string>;
  /** Who runs the script. */
  user?: { email?: string; effectiveEmail?: string; locale?: string };
  /** The script's own time zone (`Session.getScriptTimeZone`), the add-on author's. */
  scriptTimeZone?: string;
  /** Sheets to start with, by name, with their rows as user input; one empty `Sheet1` by default. */
  sheets?: Record<string, unknown[][]>;
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** Computes formula cells' values (default: every formula cell reads as ''). */
  evaluator?: FormulaEvaluator;
  /** Gives empty cells the values array formulas spill into them (default: none). */
  spill?: SpillReader;
  /** Turns values into `getDisplayValues` text (default: `String(value)`, TRUE/FALSE, ISO dates). */
  display?: DisplayFormatter;
}

export interface FakeServices {
  SpreadsheetApp: FakeSpreadsheetApp;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  HtmlService: FakeHtmlService;
  Session: FakeSession;
  Utilities: FakeUtilities;
  /** The `Charts` global: its enums (`Charts.ChartType.BAR`). */
  Charts: FakeCharts;
  /** The open spreadsheet, with the test helpers `sheet(name)`, `addSheet`, `dump(name)`, `evaluator`. */
  spreadsheet: FakeSpreadsheet;
  /** What the script showed: menus, sidebars, dialogs; `ui.reply(...)` scripts dialog answers. */
  ui: FakeUi;
  /** Every service call, by `Class.method`. */
  calls: CallLog;
  /** The realm settings shared by all the fakes (changed by installInVmContext). */
  env: FakeEnv;
}

export function createFakeServices(options: FakeServicesOptions = {}): FakeServices {
  const calls = new CallLog();
  const env = new FakeEnv(calls);
  const email = options.user?.email ?? 'owner@example.com';
  const effectiveEmail = options.user?.effectiveEmail ?? email;
  const spreadsheet = new FakeSpreadsheet(env, {
    id: options.spreadsheetId ?? 'fake-spreadsheet-id',
    name: options.spreadsheetName ?? 'OKR Sheets test',
    locale: options.locale ?? 'en_US',
    timeZone: options.timeZone ?? 'Europe/Warsaw',
    effectiveUser: effectiveEmail,
  });
  spreadsheet.evaluator = options.evaluator ?? null;
  spreadsheet.spill = options.spill ?? null;
  spreadsheet.display = options.display ?? null;
  for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) spreadsheet.addSheet(name, rows);
  const ui = new FakeUi(env);
  return {
    SpreadsheetApp: new FakeSpreadsheetApp(env, spreadsheet, ui),
    PropertiesService: new FakePropertiesService(env),
    LockService: new FakeLockService(env),
    HtmlService: new FakeHtmlService(env, options.htmlFiles ?? {}),
    Session: new FakeSession(env, {
      email,
      effectiveEmail,
      locale: options.user?.locale ?? 'en',
      scriptTimeZone: options.scriptTimeZone ?? 'America/New_York',
    }),
    Utilities: new FakeUtilities(env),
    Charts: new FakeCharts(),
    spreadsheet,
    ui,
    calls,
    env,
  };
}

/** The Apps Script globals, typed as the real services. */
export interface AppsScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
}

/**
 * The fakes as the real types, for code under test that takes a service, spreadsheet, sheet or range as a
 * parameter. This is the boundary cast: each fake implements a checked subset of its real interface
 * (see types.ts), and calling a method outside that subset fails at run time with "is not a function".
 */
export function asGlobals(services: FakeServices): AppsScriptGlobals {
  const { SpreadsheetApp, PropertiesService, LockService, HtmlService, Session, Utilities, Charts } = services;
  return {
    Charts,
    SpreadsheetApp,
    PropertiesService,
    LockService,
    HtmlService,
    Session,
    Utilities,
  } as unknown as AppsScriptGlobals;
}

/** The fake SpreadsheetApp as the real type (see asGlobals). */
export function asSpreadsheetApp(services: FakeServices): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return asGlobals(services).SpreadsheetApp;
}

/** A fake spreadsheet, sheet or range as the real type, for a function that takes one (see asGlobals). */
export function asReal(fake: FakeSpreadsheet): GoogleAppsScript.Spreadsheet.Spreadsheet;
export function asReal(fake: FakeSheet): GoogleAppsScript.Spreadsheet.Sheet;
export function asReal(fake: FakeRange): GoogleAppsScript.Spreadsheet.Range;
export function asReal(fake: object): unknown {
  return fake;
}
