// The company roll-up between the sidebar and the server: the links a person pastes (validated on arrival,
// like every google.script.run payload) and the answers as codes and parameters, never sentences.

import * as z from 'zod/mini';
import type { FeedProblem } from '../core/rollup/parse-feed';
import type { ParsedTeamLink } from '../core/rollup/team-link';
import { type LazyOutput, lazySchema } from './lazy-schema';

export const connectTeamsPayloadSchema = lazySchema(() =>
  z.object({
    /** What was pasted, one link or id a line; at most 50 lines at a time. */
    links: z.array(z.string().check(z.maxLength(500))).check(z.minLength(1), z.maxLength(50)),
  }),
);
export type ConnectTeamsPayload = LazyOutput<typeof connectTeamsPayloadSchema>;

/** A team's state, read from its block's first cell: the feed's header, an error, or nothing yet. */
export type TeamState = 'connected' | 'truncated' | 'waiting' | 'broken' | 'loading';

export interface TeamStatus {
  id: string;
  url: string;
  /** The team's name from its feed, '' until it is connected. */
  team: string;
  state: TeamState;
  /** The error a #REF! / #N/A cell shows ('#REF!'), or the first cell's text when it is no feed. */
  value: string;
  /** The cell a person clicks to allow access (`Roll-up!J5`). */
  cell: string;
  keyResults: number;
}

/** A team objective aligned to a company objective, with the weight it counts with there. */
export interface AlignedObjective {
  /** The team's name from its feed (its link until the feed is read). */
  team: string;
  objectiveId: string;
  title: string;
  weight: number;
  score: number | null;
}

export interface CompanyObjectiveStatus {
  id: string;
  title: string;
  /** The weighted mean of the aligned team objectives' scores; `null` when none has a score. */
  score: number | null;
  /** False for an id teams align to that is not among the company's objectives. */
  known: boolean;
  teamObjectives: number;
  aligned: AlignedObjective[];
}

export interface RollupStatus {
  sheetName: string | null;
  teams: TeamStatus[];
  companyObjectives: CompanyObjectiveStatus[];
  problems: FeedProblem[];
  alignmentSheetName: string | null;
}

export type ConnectTeamsResult =
  | ({ ok: true; added: string[]; refused: Extract<ParsedTeamLink, { ok: false }>[] } & RollupStatus)
  | { ok: false; code: 'badRequest' | 'tooManyTeams'; max?: number };

export type RefreshRollupResult = ({ ok: true } & RollupStatus) | { ok: false; code: 'noRollup' };
