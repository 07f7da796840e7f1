// "New quarter": builds the OKR sheet of a quarter from a plan the sidebar sends. It never writes into an
// existing sheet: a taken name gives "OKR Q1 2027 (2)"; a confirmed replacement still builds beside and
// then only renames the earlier sheet, which keeps all its data. Starting from a previous quarter, each
// key result is carried over, kept or dropped, and the previous sheet is closed (values kept, protected
// with a warning). Key results with a `source` get their Deals sheet formula; a Deals sheet is made (empty)
// when there is none. Everything runs under the document lock.

import { dealHeader } from '../core/deals/deal-texts';
import { missingSourceFields } from '../core/deals/kr-sources';
import type { DealsSource } from '../core/deals/pipeline-formulas';
import type { Lang } from '../core/i18n';
import { initiativesOf } from '../core/initiatives/from-plan';
import { applyCarryOver, type CarryChoice } from '../core/okr-sheet/carry-over';
import type { SheetCell } from '../core/okr-sheet/cells';
import { columnOf } from '../core/okr-sheet/columns';
import { assignIds, layoutQuarter } from '../core/okr-sheet/layout';
import { sheetText } from '../core/okr-sheet/texts';
import { quarterDates } from '../core/quarter';
import { type KrSource, planSchema, type QuarterPlan } from '../shared/plan';
import { todayIn } from './as-of';
import { ensureDealsSheet } from './deals-sheet';
import { withDocumentLock } from './document-lock';
import { writeInitiativesSheet } from './initiatives-sheet';
import { writeFeedSheet } from './okr-feed';
import { readQuarter } from './okr-sheet-reader';
import { freezeQuarterSheet, nextFreeSheetName, writeQuarterLayout } from './okr-sheet-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BuildQuarterOptions {
  /** The caller asked the user and may replace a sheet of the same name (it is renamed, never deleted). */
  replaceExisting?: boolean;
  /** The sheet id of the previous quarter to start from; it is closed once the new one is built. */
  previousSheetId?: number;
  /** Per key result id of the previous quarter: carry over (new start = last current), keep, or drop. */
  carryOver?: Record<string, CarryChoice>;
}

export interface BuildQuarterResult {
  sheetName: string;
  sheetId: number;
  /** Always true: a quarter is always built into a sheet of its own. */
  created: boolean;
  /** What the user should know, in the plan's language. */
  warnings: string[];
  /** The OKR feed tab written beside (docs/okr-feed.md). */
  feedSheetName: string;
  /** The Initiatives sheet written beside, when the plan had initiatives or tasks. */
  initiativesSheetName?: string;
}

/** Builds the OKR sheet of a quarter. `plan` is validated here again: it comes from a browser. */
export function buildQuarter(plan: QuarterPlan, options: BuildQuarterOptions = {}): BuildQuarterResult {
  const parsed = planSchema().safeParse(plan);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`OKR Sheets: the plan is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  const valid = parsed.data;
  const lang = valid.language;
  const dates = quarterDates(valid.quarter, valid.fiscalStartMonth);
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const warnings: string[] = [];

    let working = valid;
    let currentCells: Record<string, SheetCell> = {};
    const previous = options.previousSheetId === undefined ? null : spreadsheet.getSheetById(options.previousSheetId);
    if (options.previousSheetId !== undefined && previous === null) {
      warnings.push(sheetText(lang, 'warnPreviousNotFound'));
    }
    let previousLabel = '';
    if (previous) {
      const reading = readQuarter(previous);
      previousLabel = reading.settings?.label ?? previous.getName();
      for (const problem of reading.problems) {
        warnings.push(sheetText(lang, 'warnPreviousProblem', { row: problem.row, message: problem.message }));
      }
      const carried = applyCarryOver(valid, reading.rows, options.carryOver ?? {}, lang);
      working = carried.plan;
      currentCells = carried.currentCells;
      warnings.push(...carried.warnings);
    }

    const deals = dealsFor(spreadsheet, working, warnings);
    const layout = layoutQuarter(working, dates, { currentCells, asOf: todayIn(spreadsheet), deals });
    const wanted = `OKR ${dates.label}`;
    const existing = spreadsheet.getSheetByName(wanted);
    const name = nextFreeSheetName(spreadsheet, wanted);
    // Beside the sheet it follows or replaces, else at the end.
    const neighbour = previous ?? existing;
    const sheet = spreadsheet.insertSheet(name, neighbour ? neighbour.getIndex() : spreadsheet.getNumSheets());
    writeQuarterLayout(spreadsheet, sheet, layout);

    if (existing && options.replaceExisting) {
      // Written in full before any rename: a failure above leaves the earlier sheet untouched.
      const keptAs = nextFreeSheetName(spreadsheet, `${wanted} (${sheetText(lang, 'replacedSuffix')})`);
      existing.setName(keptAs);
      sheet.setName(wanted);
      existing.protect().setDescription(sheetText(lang, 'replacedProtection')).setWarningOnly(true);
      warnings.push(sheetText(lang, 'warnReplaced', { name: keptAs }));
    } else if (existing) {
      warnings.push(sheetText(lang, 'warnNameTaken', { name: wanted, newName: name }));
    }

    // The OKR feed a company roll-up imports, written once the sheet has its final name.
    const feed = writeFeedSheet(spreadsheet, {
      lang,
      quarterLabel: dates.label,
      okrSheet: sheet,
      firstRow: layout.firstDataRow,
      lastRow: layout.lastRow,
    });
    warnings.push(...feed.warnings);

    let initiativesSheetName: string | undefined;
    if ((valid.initiatives?.length ?? 0) + (valid.tasks?.length ?? 0) > 0) {
      initiativesSheetName = writeInitiativesSheet(spreadsheet, {
        lang,
        style: valid.formulaStyle,
        method: valid.prioritisation ?? 'ice',
        quarterLabel: dates.label,
        team: valid.team,
        // The carried-over plan: its initiatives name the key results by the new sheet's ids.
        ...initiativesOf(working),
        keyResultIds: layout.keyResults.map((kr) => kr.id),
        okrSheet: sheet,
        okrLastRow: layout.lastRow,
        okrColumns: { krId: columnOf('krId'), initiatives: columnOf('initiatives') },
      }).getName();
    }
    // Inserting the feed (and the Initiatives sheet) made it the active one; the quarter's OKR sheet is what the user asked for.
    sheet.activate();

    if (previous) {
      freezeQuarterSheet(previous, lang, previousLabel, new Date().toISOString().slice(0, 10));
      warnings.push(sheetText(lang, 'warnPreviousFrozen', { name: previous.getName() }));
    }
    return {
      sheetName: sheet.getName(),
      sheetId: sheet.getSheetId(),
      created: true,
      warnings,
      feedSheetName: feed.sheet.getName(),
      ...(initiativesSheetName ? { initiativesSheetName } : {}),
    };
  });
}

/**
 * The Deals sheet the plan's key results with a `source` are computed from (`null` when none has one). When
 * the spreadsheet has none, an empty one is made beside the others, so their formulas name a sheet that
 * exists and show no value until deals come, rather than #REF! or a 0. A key result whose source needs a
 * column the sheet lacks is said; it is built with its value typed.
 */
function dealsFor(spreadsheet: Spreadsheet, plan: QuarterPlan, warnings: string[]): DealsSource | null {
  const lang: Lang = plan.language;
  const fed = assignIdsOfFed(plan);
  if (fed.length === 0) return null;
  const { deals, created } = ensureDealsSheet(spreadsheet, lang, plan.currency);
  if (created) warnings.push(sheetText(lang, 'warnDealsCreated', { name: deals.sheetName }));
  for (const { id, source } of fed) {
    const missing = missingSourceFields(source, deals);
    if (missing.length === 0) continue;
    const columns = missing.map((field) => `“${dealHeader(lang, field)}”`).join(', ');
    warnings.push(sheetText(lang, 'warnSourceColumns', { id, sheet: deals.sheetName, columns }));
  }
  return deals;
}

/** The key results of the plan fed by a source, with the ids the sheet gives them. */
function assignIdsOfFed(plan: QuarterPlan): { id: string; source: KrSource }[] {
  return assignIds(plan).flatMap(({ objective, krIds }) =>
    objective.keyResults.flatMap((kr, index) =>
      kr.source && kr.kind !== 'milestone' ? [{ id: krIds[index] as string, source: kr.source }] : [],
    ),
  );
}
