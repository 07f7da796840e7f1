// One writer per workbook file. The playground saves the whole workbook after every change, so two servers on
// one file would silently overwrite each other's edits; a lock file beside the workbook (`workbook.json.lock`,
// holding the pid, the start time and the address of its server) makes a second start refuse and name the
// first. A lock whose process is gone (a crash, a killed terminal) is stale and is taken over.

import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { processRunning } from './atomic-file';
import { WorkbookFileError } from './workbook-file';

export interface LockOwner {
  pid: number;
  /** ISO time the owner started. */
  startedAt: string;
  /** The owner's address, when it listens (`http://127.0.0.1:8787/`). */
  url: string | null;
}

export interface WorkbookLock {
  readonly path: string;
  /** Records the address the owner listens on, for the message a second start shows. */
  setUrl(url: string): void;
  /** Removes the lock (only while it is still ours). */
  release(): void;
}

/** The lock file of a workbook file. */
export function lockPathOf(workbookPath: string): string {
  return `${workbookPath}.lock`;
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number') return null;
    return {
      pid: owner.pid,
      startedAt: typeof owner.startedAt === 'string' ? owner.startedAt : '?',
      url: typeof owner.url === 'string' ? owner.url : null,
    };
  } catch {
    return null;
  }
}

/**
 * Takes the lock of `workbookPath`, or throws `WorkbookFileError` naming the process that holds it. A lock
 * whose process is gone, or that cannot be read at all, is stale and is taken over.
 */
export function lockWorkbook(workbookPath: string): WorkbookLock {
  const path = lockPathOf(workbookPath);
  const owner: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), url: null };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(owner)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) {
        throw new WorkbookFileError(workbookPath, `cannot be locked (${(error as Error).message})`);
      }
      const holder = readOwner(path);
      if (holder && processRunning(holder.pid)) {
        const where = holder.url ? ` at ${holder.url}` : '';
        throw new WorkbookFileError(
          workbookPath,
          `is open in another playground${where} (process ${holder.pid}, started ${holder.startedAt}); ` +
            `stop that one first, or start with OKR_WORKBOOK=another-file.json (lock: ${path})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  const ours = () => readOwner(path)?.pid === owner.pid && readOwner(path)?.startedAt === owner.startedAt;
  return {
    path,
    setUrl(url) {
      owner.url = url;
      if (ours()) writeFileSync(path, `${JSON.stringify(owner)}\n`);
    },
    release() {
      if (ours()) rmSync(path, { force: true });
    },
  };
}
