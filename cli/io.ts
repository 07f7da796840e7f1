// The CLI's terminal and files: where lines go (stdout for progress and results, stderr for what went
// wrong), the refusal every command may end with, and reading and writing files with messages that name
// the file.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { writeAtomically } from '../local/atomic-file';
import { LocalRuntimeError, WorkbookFileError } from '../local/runtime';

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

/** Why a file operation failed, in words: the system's reason without its code and path. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words: Record<string, string> = {
    EEXIST: 'a file is in the way where a folder should be',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A file that could not be written, said as "could not write …: reason". */
export function couldNotWrite(path: string, error: unknown): CliError {
  return new CliError(`could not write ${shownPath(path)}: ${reasonOf(error)}`);
}

/**
 * Refuses an output path that is a folder, or (for an .xlsx out) an existing file unless `force`; creates
 * its missing parent folders only when `create`.
 */
export function checkOutputPath(path: string, create: boolean, existing: 'replace' | 'refuse' = 'replace'): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError(`${shownPath(path)} is a folder; give a file name such as ${join(shownPath(path), 'q1.xlsx')}`);
  }
  if (existing === 'refuse' && existsSync(path)) {
    throw new CliError(`${shownPath(path)} already exists: give another name, or add --force to replace it`);
  }
  if (create) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
    } catch (error) {
      throw couldNotWrite(path, error);
    }
  }
}

/** Writes bytes atomically: a temporary file beside the target, flushed, then renamed over it. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  try {
    writeAtomically(resolve(path), bytes);
  } catch (error) {
    throw couldNotWrite(path, error);
  }
}

/**
 * A file written in two steps, for writing two files together: `stage` writes the bytes to a temporary
 * file beside the target (flushed, nothing at the target yet); `commit` renames it over the target;
 * `abandon` removes it. The target is never half written, and is not touched until `commit`.
 */
export interface StagedFile {
  commit(): void;
  abandon(): void;
}

export function stageFile(path: string, bytes: Uint8Array): StagedFile {
  const target = resolve(path);
  const staged = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.staged`);
  try {
    writeAtomically(staged, bytes);
  } catch (error) {
    rmSync(staged, { force: true });
    throw couldNotWrite(path, error);
  }
  return {
    commit() {
      try {
        renameSync(staged, target);
      } catch (error) {
        rmSync(staged, { force: true });
        throw couldNotWrite(path, error);
      }
    },
    abandon() {
      rmSync(staged, { force: true });
    },
  };
}

/** `23.4 KB`. */
export function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * What reaches the terminal when a command throws: never a stack (unless OKR_DEBUG=1). A refusal says
 * itself; a file the system would not write becomes "could not write …: reason"; anything else is a bug,
 * said as one, on one line, so it is not mistaken for a mistake of the user's.
 */
export function reportFailure(error: unknown, command: string, io: Io): number {
  if (error instanceof CliError || error instanceof WorkbookFileError || error instanceof LocalRuntimeError) {
    io.err(`✗ ${error.message}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
  const system = error as NodeJS.ErrnoException | null;
  if (system && typeof system.code === 'string' && typeof system.syscall === 'string') {
    const path = typeof system.path === 'string' ? system.path : '';
    const verb = /^(open|read|stat|lstat|scandir|access)$/.test(system.syscall) ? 'read' : 'write';
    io.err(`✗ could not ${verb}${path ? ` ${shownPath(path)}` : ''}: ${reasonOf(error)}`);
    if (process.env.OKR_DEBUG === '1' && system.stack) io.err(system.stack);
    return 1;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.err(`✗ okr ${command} stopped on an unexpected error (a bug in OKR Sheets, please report it): ${what}`);
  if (process.env.OKR_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('  OKR_DEBUG=1 shows where it happened.');
  return 1;
}
