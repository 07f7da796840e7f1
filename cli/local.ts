// Opening the local runtime for a command: the built bundle of the repository, a workbook file when given,
// and the locale and time zone of a new spreadsheet; and the lock of a workbook the command saves.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createLocalRuntime, type LocalRuntime } from '../local/runtime';
import { lockWorkbook, type WorkbookLock } from '../local/workbook-lock';
import { CliError } from './io';

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
  if (options.mustExist && options.workbookPath && !existsSync(options.workbookPath)) {
    throw new CliError(
      `${options.workbookPath} does not exist: make it with \`npm run okr -- build --plan plan.json --workbook ${options.workbookPath}\``,
    );
  }
  return createLocalRuntime({
    bundlePath,
    ...(options.workbookPath ? { workbookPath: options.workbookPath } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
