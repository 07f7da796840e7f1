// The add-on's one public surface: every function Apps Script may call by name. The build bundles this
// module into one wrapped object and writes a top-level stub for each export, documented from registry.ts;
// nothing else in the bundle becomes global.

import * as formulas from '../core/formulas';
import { customFunction } from './custom-functions';

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

export { getCheckInState, getCheckInText, submitCheckIn } from '../server/check-in-api';
// The menu and the sidebar: triggers Apps Script calls by name, menu items, and the server functions the
// sidebar calls through google.script.run.
export { onInstall, onOpen, showHelp, showRecordCheckIn, showWeeklyCheckIn, updateAsOfDate } from '../server/menu';
export { showNewQuarterSidebar, showSettings } from '../server/sidebar';
export { getSettings, getSidebarState, saveSettings, submitQuarter } from '../server/sidebar-api';
