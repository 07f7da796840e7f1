// The plan's settings that have no cell of their own (quarter, fiscal start, levels, currency, formula
// style, language), kept as JSON in the sheet's developer metadata. Metadata survives renames and
// moved columns and a user never sees it, so the reader gets back exactly what the builder was given.

import * as z from 'zod/mini';
import { type LazyOutput, lazySchema, parseStoredJson } from '../../shared/lazy-schema';
import { FORMULA_STYLES, LEVELS, type QuarterPlan, quarterSchema } from '../../shared/plan';

const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const planSettingsSchema = lazySchema(() =>
  z.object({
    quarter: quarterSchema(),
    fiscalStartMonth: z.int().check(z.gte(1), z.lte(12)),
    language: z.enum(['pl', 'en']),
    levels: z.array(z.enum(LEVELS)).check(z.minLength(1)),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    formulaStyle: z.enum(FORMULA_STYLES),
    start: isoDate(),
    end: isoDate(),
    label: z.string().check(z.maxLength(100)),
  }),
);
export type PlanSettings = LazyOutput<typeof planSettingsSchema>;

export function settingsOf(plan: QuarterPlan, dates: { start: string; end: string; label: string }): PlanSettings {
  return {
    quarter: plan.quarter,
    fiscalStartMonth: plan.fiscalStartMonth,
    language: plan.language,
    levels: plan.levels,
    currency: plan.currency,
    formulaStyle: plan.formulaStyle,
    start: dates.start,
    end: dates.end,
    label: dates.label,
  };
}

/** The settings stored in metadata, or `null` when absent or not what the builder writes. */
export function parseSettings(json: string | null | undefined): PlanSettings | null {
  return parseStoredJson(planSettingsSchema, json);
}
