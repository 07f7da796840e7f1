// What generating, recording or copying a check-in has to tell, as data: a code and its parameters, never a
// sentence. The server returns these; only the edges word them (the sidebar from src/client/texts.ts, the
// menu's alerts from check-in-texts.ts, the CLI in English), so nothing is ever rendered and parsed back.

/** Something worth telling about a check-in, by code; the parameters are what the words need. */
export type CheckInNote =
  /** There is no OKR sheet yet. */
  | { code: 'noQuarter' }
  /** The quarter has not started: its first check-in is in week 1, from `monday`. */
  | { code: 'notStarted'; quarter: string; start: string; monday: string }
  /** The quarter is over: this is its last check-in. */
  | { code: 'quarterOver'; quarter: string; end: string; week: number }
  /** The quarter's OKR sheet could not be read, so no tab was made. */
  | { code: 'unreadable'; sheetName: string }
  /**
   * The check-in records into `quarter`, whose OKR sheet was closed (frozen) when the next quarter was planned
   * from it; `openQuarter` (sheet `openSheetId`) is the open quarter it may go to instead, `null` when none.
   */
  | { code: 'closedQuarter'; quarter: string; openQuarter: string | null; openSheetId: number | null }
  /** The week's tab existed: it was opened, not changed. */
  | { code: 'opened'; week: number }
  /** The week's tab was made, with `count` key-result rows. */
  | { code: 'created'; sheetName: string; count: number }
  /** A sheet had the tab's name already; the tab got `newName`. */
  | { code: 'nameTaken'; name: string; newName: string }
  /** A row of the OKR sheet (by its row number there) that could not be read; `message` is the reader's. */
  | { code: 'brokenOkrRow'; row: number; message: string }
  /** No check-in tab to work with: none active and none made for this week. */
  | { code: 'noTab' }
  /** The tab asked for by sheet id is gone, or is no check-in tab. */
  | { code: 'tabGone' }
  /** Nothing was typed in the tab: nothing was recorded. */
  | { code: 'nothingTyped' }
  /** The quarter's OKR sheet was not found: values went to History only. */
  | { code: 'noOkrSheet'; quarter: string }
  /** A key result of the tab is no longer in the OKR sheet: its value went to History only. */
  | { code: 'notInOkrSheet'; keyResultId: string }
  /** The name given as "who recorded" is none of the tab's key-result owners: nothing was recorded. */
  | { code: 'unknownOwner'; name: string }
  /** The sidebar sent a payload the server could not read. */
  | { code: 'badRequest' }
  /** Generating, recording, copying or repairing fed formulas failed unexpectedly; `reason` is the error's message. */
  | { code: 'failed'; action: 'generate' | 'record' | 'text' | 'repair'; reason: string };

export type CheckInNoteCode = CheckInNote['code'];
