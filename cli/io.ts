// The CLI's terminal and files: where lines go (stdout for progress and results, stderr for what went
// wrong), the refusal every command may end with, and reading and writing files with messages that name
// the file.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeAtomically } from '../local/atomic-file';

/** Where the CLI writes: one call per line (or block of lines). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

/** What a command refuses to do, said for a person; the exit code is 1 unless given. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function shownPath(path: string): string {
  const absolute = resolve(path);
  const inside = relative(process.cwd(), absolute);
  return inside && !inside.startsWith('..') ? inside : absolute;
}

/** A text file's contents; a `CliError` naming the file and `what` it should be when it cannot be read. */
export function readText(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${shownPath(path)} is a folder, not ${what}`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${shownPath(path)} does not exist (expected ${what})`);
    throw new CliError(`${shownPath(path)} cannot be read: ${(error as Error).message}`);
  }
}

/** Refuses an output path that is a folder; creates its missing parent folders only when `create`. */
export function checkOutputPath(path: string, create: boolean): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError(`${shownPath(path)} is a folder; give a file name such as ${join(shownPath(path), 'q1.xlsx')}`);
  }
  if (create) mkdirSync(dirname(resolve(path)), { recursive: true });
}

/** Writes bytes atomically: a temporary file beside the target, flushed, then renamed over it. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  try {
    writeAtomically(resolve(path), bytes);
  } catch (error) {
    throw new CliError(`${shownPath(path)} could not be written: ${(error as Error).message}`);
  }
}

/** `23.4 KB`. */
export function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
