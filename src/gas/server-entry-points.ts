// The menu, the triggers and the sidebar's server functions: every entry point that is not a custom
// function. entry-points.ts forwards to them and loads this module only on the first server call, so a
// custom function, which Apps Script runs after loading the whole bundle, never runs their modules' top level.

export {
  getCheckInState,
  getCheckInText,
  repairDealsFormulas,
  startCheckIn,
  submitCheckIn,
} from '../server/check-in-api';
export { hideOldCheckInTabs } from '../server/check-in-tidy';
export { closeQuarter } from '../server/close-quarter';
export { showCloseQuarter } from '../server/close-quarter-menu';
export { buildDashboard, showDashboard } from '../server/dashboard';
export { importDeals, showDealsSheet } from '../server/deals-api';
export { showInitiatives } from '../server/initiatives-sheet';
// The menu and the sidebar: triggers Apps Script calls by name, menu items, and the server functions the
// sidebar calls through google.script.run.
export { onInstall, onOpen, showHelp, showRecordCheckIn, showWeeklyCheckIn, updateAsOfDate } from '../server/menu';
export { generateReview } from '../server/monthly-review';
export { showMonthlyReview } from '../server/monthly-review-menu';
export { getCheckInNudges, makeOwnersTable } from '../server/nudges';
export { connectTeams, refreshRollup, rollupStatus } from '../server/rollup';
export { showCompanyRollup, showImportDeals, showNewQuarterSidebar, showSettings } from '../server/sidebar';
export { getSettings, getSidebarState, saveSettings, submitQuarter } from '../server/sidebar-api';
