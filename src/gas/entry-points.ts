// The add-on's one public surface: every function Apps Script may call by name. The build bundles this
// module into one wrapped object and writes a top-level stub for each export, documented from registry.ts;
// nothing else in the bundle becomes global.
//
// Apps Script loads the whole bundle before every custom-function call, so loading must cost next to
// nothing: the custom functions are made here from the core, and every other entry point forwards to
// server-entry-points.ts, which is `require`d on the first server call. esbuild turns a required module and
// everything only it imports into lazy initialisers (its `__esm` wrappers), so the server modules' top level
// runs on the first server call of an execution, never for a custom function. No code is evaluated at run
// time: the wrappers are plain functions of the bundle.

import * as formulas from '../core/formulas';
import { customFunction } from './custom-functions';
import type * as ServerEntryPoints from './server-entry-points';

export const KR_SCORE = customFunction(formulas.KR_SCORE);
export const KR_PACE = customFunction(formulas.KR_PACE);
export const KR_STATUS = customFunction(formulas.KR_STATUS);
export const OKR_SCORE = customFunction(formulas.OKR_SCORE);
export const KR_FORECAST = customFunction(formulas.KR_FORECAST);
export const KR_NEEDED_PER_WEEK = customFunction(formulas.KR_NEEDED_PER_WEEK);
export const PIPELINE_COVERAGE = customFunction(formulas.PIPELINE_COVERAGE);
export const ICE = customFunction(formulas.ICE);
export const RICE = customFunction(formulas.RICE);
export const SALES_VELOCITY = customFunction(formulas.SALES_VELOCITY);
export const KR_VALUE = customFunction(formulas.KR_VALUE);
export const KR_GRADE = customFunction(formulas.KR_GRADE);
export const WEIGHTED_PIPELINE = customFunction(formulas.WEIGHTED_PIPELINE);
export const FORECAST_ROLLUP = customFunction(formulas.FORECAST_ROLLUP);
export const WIN_RATE = customFunction(formulas.WIN_RATE);
export const SALES_CYCLE = customFunction(formulas.SALES_CYCLE);
export const COVERAGE_NEEDED = customFunction(formulas.COVERAGE_NEEDED);

type Server = typeof ServerEntryPoints;
let server: Server | undefined;

/** The server entry points, their modules initialised on the first call of an execution. */
function loadServer(): Server {
  // A require the bundler resolves: esbuild bundles the module lazily (see above); nothing is read at run time.
  server ??= require('./server-entry-points') as Server;
  return server;
}

/** An entry point that loads the server modules when called, then calls the server function `name`. */
function serverEntryPoint<Name extends keyof Server>(name: Name): Server[Name] {
  const forward = (...args: unknown[]) => (loadServer()[name] as (...args: unknown[]) => unknown)(...args);
  return forward as Server[Name];
}

export const getCheckInState = serverEntryPoint('getCheckInState');
export const getCheckInText = serverEntryPoint('getCheckInText');
export const submitCheckIn = serverEntryPoint('submitCheckIn');
export const startCheckIn = serverEntryPoint('startCheckIn');
export const getCheckInNudges = serverEntryPoint('getCheckInNudges');
export const makeOwnersTable = serverEntryPoint('makeOwnersTable');
export const repairDealsFormulas = serverEntryPoint('repairDealsFormulas');
// The menu and the sidebar: triggers Apps Script calls by name, menu items, and the server functions the
// sidebar calls through google.script.run.
export const onInstall = serverEntryPoint('onInstall');
export const onOpen = serverEntryPoint('onOpen');
export const showHelp = serverEntryPoint('showHelp');
export const showRecordCheckIn = serverEntryPoint('showRecordCheckIn');
export const showWeeklyCheckIn = serverEntryPoint('showWeeklyCheckIn');
export const updateAsOfDate = serverEntryPoint('updateAsOfDate');
export const hideOldCheckInTabs = serverEntryPoint('hideOldCheckInTabs');
export const showNewQuarterSidebar = serverEntryPoint('showNewQuarterSidebar');
export const showSettings = serverEntryPoint('showSettings');
export const showCompanyRollup = serverEntryPoint('showCompanyRollup');
export const getSettings = serverEntryPoint('getSettings');
export const getSidebarState = serverEntryPoint('getSidebarState');
export const saveSettings = serverEntryPoint('saveSettings');
export const submitQuarter = serverEntryPoint('submitQuarter');
// Closing the quarter: the menu item, and the server function the menu and the CLI call.
export const showCloseQuarter = serverEntryPoint('showCloseQuarter');
export const closeQuarter = serverEntryPoint('closeQuarter');
export const showDealsSheet = serverEntryPoint('showDealsSheet');
export const importDeals = serverEntryPoint('importDeals');
export const showImportDeals = serverEntryPoint('showImportDeals');
export const showInitiatives = serverEntryPoint('showInitiatives');
// The monthly review: the menu item, and the server function the menu and the CLI call.
export const showMonthlyReview = serverEntryPoint('showMonthlyReview');
export const generateReview = serverEntryPoint('generateReview');
// The dashboard: the menu item, and the server function the menu and the CLI call.
export const showDashboard = serverEntryPoint('showDashboard');
export const buildDashboard = serverEntryPoint('buildDashboard');
// The company roll-up: the server functions the roll-up's sidebar and the local runtime call.
export const connectTeams = serverEntryPoint('connectTeams');
export const refreshRollup = serverEntryPoint('refreshRollup');
export const rollupStatus = serverEntryPoint('rollupStatus');
