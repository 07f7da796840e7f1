// Writing a file atomically: the bytes go to a temporary file beside the target, are flushed to disk, and
// the temporary file is renamed over the target, so a reader (or a crash) sees the old file or the new one,
// never half of one. The workbook file and the CLI's outputs both write this way, each naming the failure
// in its own words.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `path` atomically; on failure removes the temporary file and throws the error as it came. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  // In the target's own folder, since a rename is only atomic within one file system.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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
