// Opening the local runtime for a command: the built bundle of the repository, a workbook file when given,
// and the locale and time zone of a new spreadsheet, or an existing workbook with the add-on's clock set to
// an --as-of day; and the lock of a workbook the command saves.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { instantFromSerial, serialOfDay } from '../local/dates';
import { createLocalRuntime, type LocalRuntime } from '../local/runtime';
import { lockWorkbook, type WorkbookLock } from '../local/workbook-lock';
import { CliError, shownPath } from './io';

export interface OpenOptions {
  root: string;
  workbookPath?: string;
  /** A workbook that must exist (checkin, export) rather than one that may be created (build). */
  mustExist?: boolean;
  locale?: string;
  timeZone?: string;
  now?: () => Date;
}

/** The bundle the commands run: the repository's dist/Code.js, as `npm run build` made it. */
export function bundlePathOf(root: string): string {
  const path = join(root, 'dist/Code.js');
  if (!existsSync(path)) throw new CliError(`${path} does not exist: run \`npm run build\` first`);
  return path;
}

/**
 * Takes the lock of the workbook a command saves (`okr checkin`), or throws the refusal naming the playground
 * or command that holds it. `null` when the workbook's folder does not exist yet: no playground can hold a
 * workbook there, and the command's own save says why the folder cannot be made, if it cannot.
 */
export function lockForCommand(workbookPath: string, command: string): WorkbookLock | null {
  if (!existsSync(dirname(resolve(workbookPath)))) return null;
  return lockWorkbook(workbookPath, `okr ${command}`);
}

export function openRuntime(options: OpenOptions): LocalRuntime {
  const bundlePath = bundlePathOf(options.root);
  if (options.mustExist && options.workbookPath) requireWorkbook(options.workbookPath);
  return createLocalRuntime({
    bundlePath,
    ...(options.workbookPath ? { workbookPath: options.workbookPath } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Refuses a workbook file that is not there, saying how to make one. */
export function requireWorkbook(workbook: string): void {
  if (existsSync(workbook)) return;
  const shown = shownPath(workbook);
  throw new CliError(
    `${shown} does not exist: make it first with \`npm run okr -- build --plan plan.json --workbook ${shown}\``,
  );
}

/** The instant the bundle's clock shows for an as-of day: its noon in the workbook's time zone. */
export function noonOf(iso: string, timeZone: string): Date {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return new Date(instantFromSerial(serialOfDay(year, month, day) + 0.5, timeZone));
}

/** Refuses an --as-of that is no day (exit 2). */
export function checkAsOf(asOf: string | undefined): void {
  if (asOf === undefined) return;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) === asOf;
  if (!valid) throw new CliError(`--as-of "${asOf}" is not a day such as 2027-01-29`, 2);
}

/**
 * An existing workbook with the add-on's clock at noon of `asOf` in the spreadsheet's own time zone, or the
 * machine's clock without one. The zone is known only once the workbook is loaded, so the clock reads it late.
 */
export function openWorkbookAsOf(root: string, workbook: string, asOf: string | undefined): LocalRuntime {
  requireWorkbook(workbook);
  let zone = 'UTC';
  const runtime = openRuntime({ root, workbookPath: workbook, ...(asOf ? { now: () => noonOf(asOf, zone) } : {}) });
  zone = runtime.services.spreadsheet.timeZone;
  return runtime;
}
