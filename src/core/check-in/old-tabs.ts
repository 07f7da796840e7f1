// Which check-in tabs to offer to hide. A tab a week piles up, 13 a quarter; once a week is recorded its
// values live in History, and after four more weeks nobody reads the tab. Such a tab is offered for hiding,
// never for deleting: the team's comments, blockers and plan stay in it, and View ▸ Hidden sheets brings
// it back.

import { dayFromIso } from '../cell-values';
import { checkInKey } from './check-in-tab';

/** A tab is old when its week ended more than this many days before today: four whole weeks. */
export const OLD_TAB_AFTER_DAYS = 28;

/** A check-in tab as the rule sees it. */
export interface CheckInTabAge {
  quarter: string;
  week: number;
  /** ISO date of the week's Sunday. */
  sunday: string;
  hidden: boolean;
}

/** The `checkInKey`s of the weeks History holds rows of. */
export function recordedWeeks(records: readonly { quarter?: string; week: number }[]): Set<string> {
  const weeks = new Set<string>();
  for (const record of records) if (record.quarter) weeks.add(checkInKey(record.quarter, record.week));
  return weeks;
}

/**
 * A tab to offer for hiding: still visible, its week recorded in History, and its week ended more than four
 * weeks before `today` (ISO date). The current week and the four before it stay in view.
 */
export function isOldRecordedTab(tab: CheckInTabAge, recorded: ReadonlySet<string>, today: string): boolean {
  if (tab.hidden || !recorded.has(checkInKey(tab.quarter, tab.week))) return false;
  return dayFromIso(today) - dayFromIso(tab.sunday) > OLD_TAB_AFTER_DAYS;
}
