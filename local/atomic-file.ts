// Writing a file atomically: the bytes go to a temporary file beside the target, are flushed to disk, and
// the temporary file is renamed over the target, so a reader (or a crash) sees the old file or the new one,
// never half of one. The workbook file and the CLI's outputs both write this way, each naming the failure
// in its own words. A crash between the write and the rename leaves a temporary file behind; a writer
// starting on the file removes those of processes that are gone.

import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary file of one write: hidden, beside the target, named by the writer's pid and the time. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** Whether a process with this id is running (EPERM: it is, as another user's). */
export function processRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files writes to `path` left behind in a crash (their process is gone); the names. */
export function removeStaleTemporaryFiles(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!match || processRunning(Number(match[1]))) continue;
    rmSync(join(dirname(path), name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Writes `data` to `path` atomically; on failure removes the temporary file and throws the error as it came. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  // In the target's own folder, since a rename is only atomic within one file system.
  const temporary = temporaryName(path);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      // Two calls, not one: writeSync's overloads take a string or bytes, not either.
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
