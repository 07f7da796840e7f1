// The fake `Session` and `User`: who runs the script and in which language. The active user's email may
// be '' in Apps Script (other domains, simple triggers); a test sets it with `user: { email: '' }`. The
// script's time zone is the add-on author's, not the spreadsheet's, which is why the add-on must not use it.

import { type FakeEnv, ServiceObject } from './env';
import type { Fake } from './types';

export interface SessionSettings {
  email: string;
  effectiveEmail: string;
  locale: string;
  scriptTimeZone: string;
}

type SessionMethods =
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey';

export class FakeSession extends ServiceObject implements Fake<GoogleAppsScript.Base.Session, SessionMethods> {
  constructor(
    env: FakeEnv,
    /** Test setting: change freely. */
    readonly settings: SessionSettings,
  ) {
    super(env, 'Session');
  }

  getActiveUser(): FakeUser {
    this.track('getActiveUser');
    return new FakeUser(this.env, this.settings.email);
  }

  getEffectiveUser(): FakeUser {
    this.track('getEffectiveUser');
    return new FakeUser(this.env, this.settings.effectiveEmail);
  }

  getActiveUserLocale(): string {
    this.track('getActiveUserLocale');
    return this.settings.locale;
  }

  getScriptTimeZone(): string {
    this.track('getScriptTimeZone');
    return this.settings.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    this.track('getTemporaryActiveUserKey');
    return `temporary-key-${Buffer.from(this.settings.email).toString('hex')}`;
  }
}

export class FakeUser extends ServiceObject implements Fake<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    env: FakeEnv,
    readonly email: string,
  ) {
    super(env, 'User');
  }

  getEmail(): string {
    this.track('getEmail');
    return this.email;
  }
}
