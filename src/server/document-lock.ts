// Every write to the spreadsheet runs under the document lock, so two people pressing "New quarter" at once
// (or a double click) cannot interleave their writes. The lock is taken in the call, never at load time,
// and released in `finally`, also when the work throws. Nested calls in one execution reuse the lock held
// by the outer one: a second Lock object would wait for the first, that is for itself. Before the lock goes,
// `SpreadsheetApp.flush()` applies the pending writes, as the Lock reference's example does
// (https://developers.google.com/apps-script/reference/lock/lock): Sheets batches writes and may apply them
// after the script moves on, so without it the next execution to get the lock could read the sheet half written.

/** How long to wait for another execution's writes to finish before giving up. */
export const LOCK_TIMEOUT_MS = 30_000;

let held = false;

/**
 * Runs `work` while holding the document lock; waits up to `timeoutMs` for it (and throws when another
 * execution keeps it longer, so nothing is written half-locked).
 */
export function withDocumentLock<T>(work: () => T, timeoutMs = LOCK_TIMEOUT_MS): T {
  if (held) return work();
  const lock = LockService.getDocumentLock();
  // Null outside a document (a standalone script run): there is no document to protect then.
  if (!lock) throw new Error('OKR Sheets: no document lock is available; open the add-on from a spreadsheet.');
  lock.waitLock(timeoutMs);
  held = true;
  try {
    return work();
  } finally {
    held = false;
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
