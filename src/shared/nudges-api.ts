// What the check-in sidebar's nudges card asks the server and what it answers: the digest of the tab's week
// (its state, stale key results) and the Owners table (e-mails, problems), as data the card words. The
// payload is the check-in's own `{ sheetId? }` (checkInRefSchema); answers are plain JSON.

import type { CheckInNote } from '../core/check-in/check-in-notes';
import type { Digest } from '../core/nudges/digest';
import type { OwnerEntry, OwnerProblem } from '../core/nudges/owners';

/** The Owners table as the card needs it. */
export interface OwnersState {
  /** The sheet holding the table; `null` when there is no Owners table yet. */
  sheetName: string | null;
  entries: Pick<OwnerEntry, 'name' | 'email'>[];
  problems: OwnerProblem[];
}

export type CheckInNudgesResult =
  | { ok: true; digest: Digest; owners: OwnersState }
  | { ok: false; notice: CheckInNote };

/** What "Make the Owners table" did: made it (with how many owners' names), or found it and opened it. */
export interface MakeOwnersTableResult {
  ok: true;
  created: boolean;
  sheetName: string;
  owners: number;
}
