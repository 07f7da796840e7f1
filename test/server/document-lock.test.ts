// The document lock every write runs under: writes are applied (`SpreadsheetApp.flush()`) before the lock is
// let go, as the Lock reference's example does, so the next execution to get the lock reads them all; also
// when the work fails half way.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeServices } from '../../local/spreadsheet';
import { withDocumentLock } from '../../src/server/document-lock';
import { installGlobals } from '../support/install-globals';

function open() {
  const services = createFakeServices();
  installGlobals(services);
  return services;
}

afterEach(() => vi.unstubAllGlobals());

describe('the document lock', () => {
  it('applies the writes before letting go of the lock', () => {
    const { calls, LockService } = open();
    expect(withDocumentLock(() => 42)).toBe(42);
    expect(calls.list().slice(-2)).toEqual(['SpreadsheetApp.flush', 'Lock.releaseLock']);
    expect(LockService.isHeld('document')).toBe(false);
  });

  it('applies what was written before a failure, then lets go of the lock', () => {
    const { calls, LockService } = open();
    expect(() =>
      withDocumentLock(() => {
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(calls.list().slice(-2)).toEqual(['SpreadsheetApp.flush', 'Lock.releaseLock']);
    expect(LockService.isHeld('document')).toBe(false);
  });

  it('takes the lock once for nested work, and flushes once', () => {
    const { calls } = open();
    withDocumentLock(() => withDocumentLock(() => undefined));
    expect(calls.count('Lock.waitLock')).toBe(1);
    expect(calls.count('SpreadsheetApp.flush')).toBe(1);
  });
});
