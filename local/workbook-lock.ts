// One writer per workbook file. The playground saves the whole workbook after every change, so two servers on
// one file would silently overwrite each other's edits, and so would a CLI command (`okr checkin`, `okr build
// --workbook`) that saves the file during a playground session; a lock file beside the workbook
// (`workbook.json.lock`, holding the pid, the start time, who holds it and the address of a playground) makes a
// second writer refuse and name the first. A lock whose process is gone (a crash, a killed terminal) is stale
// and is taken over.

import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { processRunning } from './atomic-file';
import { WorkbookFileError } from './workbook-file';

export interface LockOwner {
  pid: number;
  /** ISO time the owner started. */
  startedAt: string;
  /** The owner's address, when it listens (`http://127.0.0.1:8787/`). */
  url: string | null;
  /** Who holds it: `playground`, or the CLI command (`okr checkin`); a lock without it is a playground's. */
  by: string;
}

/** The holder name of the playground. */
export const PLAYGROUND = 'playground';

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
      by: typeof owner.by === 'string' && owner.by ? owner.by : PLAYGROUND,
    };
  } catch {
    return null;
  }
}

/** Why `by` may not write the workbook while `holder` holds it, and what to do. */
function heldMessage(holder: LockOwner, by: string, path: string): string {
  const where = holder.url ? ` at ${holder.url}` : '';
  const since = `(process ${holder.pid}, started ${holder.startedAt})`;
  const held =
    holder.by === PLAYGROUND
      ? `is open in ${by === PLAYGROUND ? 'another' : 'a'} playground${where} ${since}`
      : `is being written by ${holder.by} ${since}`;
  const advice =
    by === PLAYGROUND
      ? 'stop that one first, or start with OKR_WORKBOOK=another-file.json'
      : holder.by === PLAYGROUND
        ? `the playground saves the whole workbook after every change and would overwrite what ${by} writes: stop it first, or give ${by} another --workbook`
        : 'wait until it is done';
  return `${held}; ${advice} (lock: ${path})`;
}

/**
 * Takes the lock of `workbookPath` for `by` (the playground, or a CLI command such as `okr checkin`), or throws
 * `WorkbookFileError` naming the process that holds it. A lock whose process is gone, or that cannot be read
 * at all, is stale and is taken over.
 */
export function lockWorkbook(workbookPath: string, by: string = PLAYGROUND): WorkbookLock {
  const path = lockPathOf(workbookPath);
  const owner: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), url: null, by };
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
      if (holder && processRunning(holder.pid))
        throw new WorkbookFileError(workbookPath, heldMessage(holder, by, path));
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
