// The quarter plan: what the sidebar sends to build an OKR sheet, what the CLI reads from a plan file, and
// what the reader gives back from a sheet. JSON-safe (dates as ISO strings), validated with zod/mini on the
// server, since every google.script.run payload comes from a browser and is untrusted.

import * as z from 'zod/mini';
import { INITIATIVE_STATUSES } from '../core/initiatives/initiatives';
import { type LazyOutput, lazySchema } from './lazy-schema';
import { FORMULA_STYLES, KINDS, KR_SOURCES, LEVELS, UNITS } from './plan-choices';

export {
  FORMULA_STYLES,
  type FormulaStyle,
  KINDS,
  KR_SOURCES,
  type KrSource,
  LEVELS,
  type Level,
  UNITS,
  type Unit,
} from './plan-choices';

// Pieces of the schemas below, made fresh for each (they are only ever called while a schema is built).
const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = (max: number) => z.string().check(z.maxLength(max));
const title = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
const finite = () => z.number().check(z.refine(Number.isFinite));

/** A calendar or fiscal quarter (Q1–Q4 of a year, counted from the fiscal start month), or custom dates. */
export const quarterSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('quarter'),
      year: z.int().check(z.gte(2000), z.lte(2100)),
      quarter: z.int().check(z.gte(1), z.lte(4)),
    }),
    z.object({ kind: z.literal('custom'), start: isoDate(), end: isoDate() }),
  ]),
);
export type QuarterRef = LazyOutput<typeof quarterSchema>;

export const keyResultSchema = lazySchema(() =>
  z.object({
    /** "O1.2"; given by the builder from the order, read back from the sheet. */
    id: z.optional(text(20)),
    title: title(),
    kind: z.enum(KINDS),
    unit: z.enum(UNITS),
    /** ISO 4217 code for `currency` units; the plan's currency when absent. */
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    /** Baseline; `null` for a threshold ("at least"/"at most" with no start) and for milestones. */
    start: z.nullable(finite()),
    /** The value to reach; `null` only for milestones. */
    target: z.nullable(finite()),
    /**
     * The minimum and maximum scenarios beside the target (the standard one): optional, `null` when none.
     * The score is always measured against `target`; these say which range a value or forecast reaches.
     * For an increasing KR minTarget ≤ target ≤ maxTarget; for a decreasing (or "at most") one the reverse.
     */
    minTarget: z.optional(z.nullable(finite())),
    maxTarget: z.optional(z.nullable(finite())),
    /** A formula over the Deals sheet feeds the current value (the unit must fit it; never a milestone). */
    source: z.optional(z.enum(KR_SOURCES)),
    /** The latest value, when carried over or read back; the builder leaves the cell for the user. */
    current: z.optional(z.nullable(finite())),
    weight: finite().check(z.gte(0), z.lte(100)),
    owner: text(120),
    /** Committed results are promised in full: green only at 100% of pace. */
    committed: z.boolean(),
    notes: text(2000),
  }),
);
export type KeyResultPlan = LazyOutput<typeof keyResultSchema>;

export const objectiveSchema = lazySchema(() =>
  z.object({
    /** "O1"; given by the builder from the order, read back from the sheet. */
    id: z.optional(text(20)),
    level: z.enum(LEVELS),
    title: title(),
    /** Id of the company objective a team or individual objective supports (alignment). */
    parent: z.optional(text(20)),
    keyResults: z.array(keyResultSchema()).check(z.minLength(1), z.maxLength(20)),
  }),
);
export type ObjectivePlan = LazyOutput<typeof objectiveSchema>;

/** An initiative: a hypothesis ("We believe that … will … because …") serving one KR of the quarter. */
export const initiativeSchema = lazySchema(() => {
  const score = () => z.optional(z.nullable(finite()));
  return z.object({
    /** "I1"; given by the builder from the order when absent. */
    id: z.optional(text(20)),
    hypothesis: title(),
    /** The id of the KR it serves ("O1.2"); must be a KR of this plan. */
    keyResultId: text(20),
    owner: z.optional(text(120)),
    status: z.enum(INITIATIVE_STATUSES),
    reach: score(),
    impact: score(),
    confidence: score(),
    ease: score(),
    effort: score(),
    /** Its own progress in % (0–100), shown while it has no task. */
    progress: z.optional(z.nullable(finite().check(z.gte(0), z.lte(100)))),
  });
});
export type InitiativePlan = LazyOutput<typeof initiativeSchema>;

/** A task carrying out one initiative. */
export const taskSchema = lazySchema(() =>
  z.object({
    title: title(),
    /** The id of the initiative it carries out; must be an initiative of this plan. */
    initiativeId: text(20),
    owner: z.optional(text(120)),
    due: z.optional(isoDate()),
    done: z.optional(z.boolean()),
  }),
);
export type TaskPlan = LazyOutput<typeof taskSchema>;

export const planSchema = lazySchema(() =>
  z.object({
    quarter: quarterSchema(),
    /** Month (1–12) the fiscal year starts in; 1 for calendar quarters. */
    fiscalStartMonth: z.int().check(z.gte(1), z.lte(12)),
    team: title(),
    language: z.enum(['pl', 'en']),
    /** Levels in use; individual OKRs are optional. */
    levels: z.array(z.enum(LEVELS)).check(z.minLength(1)),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    /** `addon`: the add-on's own functions; `portable`: plain Sheets formulas for sharing and export. */
    formulaStyle: z.enum(FORMULA_STYLES),
    objectives: z.array(objectiveSchema()).check(z.minLength(1), z.maxLength(60)),
    /** How initiatives are ranked: ICE (impact × confidence × ease) by default, or RICE. */
    prioritisation: z.optional(z.enum(['ice', 'rice'])),
    /** Initiatives and their tasks, written into the quarter's Initiatives sheet when given. */
    initiatives: z.optional(z.array(initiativeSchema()).check(z.maxLength(200))),
    tasks: z.optional(z.array(taskSchema()).check(z.maxLength(1000))),
  }),
);
export type QuarterPlan = LazyOutput<typeof planSchema>;
