// The fake `LockService`. There is one lock per scope (document, script, user), and a test can play the
// other execution: `LockService.hold('document')` takes the lock away from the script, optionally only for a
// while (`{ releaseAfterMs: 2000 }`: a `tryLock`/`waitLock` with at least that timeout gets it, as if the
// other run had finished). Nothing really waits; time spent waiting is added to `waitedMs`. Each
// `getDocumentLock()` returns a new Lock object, and two Lock objects contend even in one run, so a nested
// acquisition shows up as contention. `isHeld(scope)` lets a test check that the script released its lock.

import { type FakeEnv, ServiceObject } from './env';
import type { Fake } from './types';

export type LockScope = 'document' | 'script' | 'user';

interface LockState {
  owner: FakeLock | 'other' | null;
  releaseAfterMs: number | null;
}

type ServiceMethods = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export class FakeLockService extends ServiceObject implements Fake<GoogleAppsScript.Lock.LockService, ServiceMethods> {
  /** Test record: milliseconds the script would have spent waiting for locks. */
  waitedMs = 0;
  private readonly states: Record<LockScope, LockState> = {
    document: { owner: null, releaseAfterMs: null },
    script: { owner: null, releaseAfterMs: null },
    user: { owner: null, releaseAfterMs: null },
  };

  constructor(env: FakeEnv) {
    super(env, 'LockService');
  }

  getDocumentLock(): FakeLock {
    this.track('getDocumentLock');
    return new FakeLock(this.env, this, 'document');
  }

  getScriptLock(): FakeLock {
    this.track('getScriptLock');
    return new FakeLock(this.env, this, 'script');
  }

  getUserLock(): FakeLock {
    this.track('getUserLock');
    return new FakeLock(this.env, this, 'user');
  }

  // --- Test helpers (not Apps Script, not counted) --------------------------------------------------------

  /** Another execution takes the lock, for good or until `releaseAfterMs` of waiting. */
  hold(scope: LockScope, options: { releaseAfterMs?: number } = {}): void {
    this.states[scope] = { owner: 'other', releaseAfterMs: options.releaseAfterMs ?? null };
  }

  /** The other execution lets go. */
  release(scope: LockScope): void {
    if (this.states[scope].owner === 'other') this.states[scope] = { owner: null, releaseAfterMs: null };
  }

  /** Whether anyone holds the lock of a scope (the script, or the other execution). */
  isHeld(scope: LockScope): boolean {
    return this.states[scope].owner !== null;
  }

  /** Tries to give the lock to `lock`, waiting at most `timeoutMs`. */
  acquire(lock: FakeLock, scope: LockScope, timeoutMs: number): boolean {
    const state = this.states[scope];
    if (state.owner === lock) return true;
    if (state.owner === null) {
      state.owner = lock;
      return true;
    }
    if (state.owner === 'other' && state.releaseAfterMs !== null && timeoutMs >= state.releaseAfterMs) {
      this.waitedMs += state.releaseAfterMs;
      this.states[scope] = { owner: lock, releaseAfterMs: null };
      return true;
    }
    this.waitedMs += Math.max(0, timeoutMs);
    return false;
  }

  releaseFrom(lock: FakeLock, scope: LockScope): void {
    if (this.states[scope].owner === lock) this.states[scope] = { owner: null, releaseAfterMs: null };
  }

  owns(lock: FakeLock, scope: LockScope): boolean {
    return this.states[scope].owner === lock;
  }
}

type LockMethods = 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock';

export class FakeLock extends ServiceObject implements Fake<GoogleAppsScript.Lock.Lock, LockMethods> {
  constructor(
    env: FakeEnv,
    private readonly service: FakeLockService,
    readonly scope: LockScope,
  ) {
    super(env, 'Lock');
  }

  tryLock(timeoutInMillis: number): boolean {
    this.track('tryLock');
    return this.service.acquire(this, this.scope, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.track('waitLock');
    if (!this.service.acquire(this, this.scope, timeoutInMillis)) {
      throw this.env.exception('Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock(): void {
    this.track('releaseLock');
    this.service.releaseFrom(this, this.scope);
  }

  hasLock(): boolean {
    this.track('hasLock');
    return this.service.owns(this, this.scope);
  }
}
