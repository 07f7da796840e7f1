// `okr build --plan plan.json --out q1.xlsx [--workbook wb.json] [--locale pl_PL] [--time-zone …]`: sends
// the plan file to the bundle's `submitQuarter` in the local runtime, exactly as the New quarter sidebar
// does, prints what the OKR sheet computes, and writes the .xlsx (and the local workbook). The quarter is
// built with portable formulas, which every spreadsheet application computes; a plan asking for the
// add-on's own functions is told so. A refused plan prints the sidebar's own messages, each with the line
// of the file and the field's path, and writes nothing. With both --out and --workbook, both files are
// written or neither: the .xlsx is staged beside its target, the workbook saved, and only then the .xlsx
// put in place (it is removed when the workbook cannot be saved). An existing --out needs --force.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalRuntime } from '../local/runtime';
import { writeXlsx, xlsxWarnings } from '../local/xlsx';
import { workbookFromFake } from '../local/xlsx-from-fake';
import { initiativesOf } from '../src/core/initiatives/from-plan';
import { assessInitiatives } from '../src/core/initiatives/initiatives';
import { initiativeFlagText } from '../src/core/initiatives/texts';
import { assignIds } from '../src/core/okr-sheet/layout';
import type { QuarterPlan } from '../src/shared/plan';
import type { SidebarState, SubmitResult } from '../src/shared/sidebar-api';
import { CliError, checkOutputPath, type Io, reportFailure, type StagedFile, shownPath, size, stageFile } from './io';
import { openRuntime } from './local';
import type { Options } from './main';
import { gradeLine } from './next';
import { describeFieldError, readPlanFile } from './plan-file';
import { printQuarter } from './summary';
import { readQuarterView } from './workbook-view';

/** The locale and time zone of a new spreadsheet for a plan in `language`, unless given. */
function placeOf(
  language: unknown,
  locale: string | undefined,
  timeZone: string | undefined,
): { locale: string; timeZone?: string } {
  const chosen = locale ?? (language === 'pl' ? 'pl_PL' : 'en_US');
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(chosen)) {
    throw new CliError(`--locale "${chosen}" is not a locale such as pl_PL or en_US`, 2);
  }
  const zone = timeZone ?? (chosen === 'pl_PL' ? 'Europe/Warsaw' : undefined);
  return zone ? { locale: chosen, timeZone: zone } : { locale: chosen };
}

export function runBuild(options: Options, root: string, io: Io): number {
  const planPath = options.plan as string;
  const { out, workbook } = options;
  if (out && workbook && resolve(out) === resolve(workbook)) {
    throw new CliError('--out and --workbook name the same file: the .xlsx and the local workbook are two files', 2);
  }
  if (out && !/\.xlsx$/i.test(out)) throw new CliError(`--out ${out}: the file name should end in .xlsx`, 2);
  if (out) checkOutputPath(out, false, options.force ? 'replace' : 'refuse');
  if (workbook) checkOutputPath(workbook, false);

  io.out(`• Reading the plan ${shownPath(planPath)}`);
  const file = readPlanFile(planPath);
  if (file.plan?.formulaStyle === 'addon') {
    file.plan.formulaStyle = 'portable';
    io.out(
      '  The plan asks for the add-on’s own formulas (formulaStyle "addon"); the quarter is built with portable ' +
        'formulas instead, which Excel, LibreOffice and Google Sheets without the add-on compute alike.',
    );
  }
  const place = placeOf(file.plan?.language, options.locale, options['time-zone']);
  const started = performance.now();
  const existing = workbook !== undefined && existsSync(workbook);
  const runtime = openRuntime({ root, ...(workbook ? { workbookPath: workbook } : {}), ...place });
  const book = runtime.services.spreadsheet;
  const into = existing ? ` into the workbook ${shownPath(workbook)}` : '';
  if (existing && (options.locale || options['time-zone'])) {
    io.out('  --locale and --time-zone set up a new workbook; this one keeps its own.');
  }
  io.out(`• Building the quarter through dist/Code.js (submitQuarter, ${book.locale}, ${book.timeZone})${into}`);

  printCarryOver(runtime, file.payload, io);
  const answer = runtime.call('submitQuarter', file.payload);
  if (!answer.ok) throw new CliError(`submitQuarter failed: ${answer.error.message}`);
  const result = answer.value as unknown as SubmitResult;
  if (!result.ok) {
    const count = result.errors.length;
    io.err(`✗ ${shownPath(planPath)}: the plan was refused (${count} problem${count === 1 ? '' : 's'}):`);
    for (const error of result.errors) io.err(`  ${describeFieldError(file, error)}`);
    io.err('Nothing was written.');
    return 1;
  }
  io.out(`✓ Built the sheet "${result.sheetName}" in ${Math.round(performance.now() - started)} ms`);
  for (const warning of result.warnings) io.out(`  ⚠ ${warning}`);

  if (result.initiativesSheetName)
    printInitiatives(file.plan as unknown as QuarterPlan, result.initiativesSheetName, io);

  const view = readQuarterView(
    runtime,
    runtime.snapshot([result.sheetId], { conditionalFormats: false }),
    result.sheetId,
  );
  if (view) printQuarter(view, io);
  io.out('');

  let staged: StagedFile | null = null;
  let written = '';
  let warnings: string[] = [];
  if (out) {
    const model = workbookFromFake(book);
    const bytes = writeXlsx(model);
    checkOutputPath(out, true, options.force ? 'replace' : 'refuse');
    staged = stageFile(out, bytes);
    written = `✓ Wrote ${shownPath(out)} (${size(bytes.length)}, ${model.sheets.length} sheets)`;
    warnings = xlsxWarnings(model);
  }
  if (workbook) {
    try {
      checkOutputPath(workbook, true);
      runtime.save();
    } catch (error) {
      if (!staged) throw error;
      staged.abandon();
      const code = reportFailure(error, 'build', io);
      io.err(`  ${shownPath(out as string)} was not written either: the two files go together.`);
      return code;
    }
  }
  staged?.commit();
  if (out) {
    io.out(written);
    for (const warning of warnings) io.out(`  ⚠ ${warning}`);
  }
  if (workbook) io.out(`✓ Saved the local workbook ${shownPath(workbook)}`);
  return 0;
}

/**
 * For a plan continuing a quarter (`carryOver`), each choice with the key result's grade and note from the
 * previous quarter's Grades sheet, as the New quarter sidebar shows them; read before the build freezes it.
 */
function printCarryOver(runtime: LocalRuntime, payload: Record<string, unknown>, io: Io): void {
  const choices = payload.carryOver;
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) return;
  const state = runtime.call('getSidebarState');
  const previous = state.ok ? (state.value as unknown as SidebarState).previousQuarter : null;
  const byId = new Map(previous?.keyResults.map((keyResult) => [keyResult.id.toLowerCase(), keyResult]));
  io.out(`• Continuing from "${previous?.sheetName ?? '?'}": the choice for each key result, its grade and note`);
  for (const [id, choice] of Object.entries(choices as Record<string, unknown>)) {
    const keyResult = byId.get(id.toLowerCase());
    io.out(
      `  ${String(choice).padEnd(6)} ${id.padEnd(6)} ${keyResult ? `${keyResult.title}  ${gradeLine(keyResult.grade)}` : ''}`,
    );
  }
}

/** The Initiatives sheet written, and the flags of its initiatives and tasks in the plan's language. */
function printInitiatives(plan: QuarterPlan, sheetName: string, io: Io): void {
  const { initiatives, tasks } = initiativesOf(plan);
  io.out(`✓ Wrote the sheet "${sheetName}" (${initiatives.length} initiatives, ${tasks.length} tasks)`);
  const keyResultIds = assignIds(plan).flatMap((objective) => objective.krIds);
  const { flags } = assessInitiatives(initiatives, tasks, keyResultIds, plan.prioritisation ?? 'ice');
  for (const flag of flags) io.out(`  ⚠ ${initiativeFlagText(plan.language, flag)}`);
}
