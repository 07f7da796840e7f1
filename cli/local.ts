// Opening the local runtime for a command: the built bundle of the repository, a workbook file when given,
// and the locale and time zone of a new spreadsheet.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalRuntime, type LocalRuntime } from '../local/runtime';
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
