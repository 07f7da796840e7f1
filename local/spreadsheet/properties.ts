// The fake `PropertiesService`: three string stores (document, user, script), each the same object on
// every `get…Properties()` call, as the stores themselves are shared. Values are stored as strings, reads of
// a missing key give `null`, and Google's quotas are enforced: 9 KB a value, 500 KB a store. A test reads
// or seeds a store directly through `PropertiesService.document.data` (uncounted).

import { type FakeEnv, ServiceObject } from './env';
import type { Fake } from './types';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

type ServiceMethods = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export class FakePropertiesService
  extends ServiceObject
  implements Fake<GoogleAppsScript.Properties.PropertiesService, ServiceMethods>
{
  readonly document: FakeProperties;
  readonly user: FakeProperties;
  readonly script: FakeProperties;

  constructor(env: FakeEnv) {
    super(env, 'PropertiesService');
    this.document = new FakeProperties(env);
    this.user = new FakeProperties(env);
    this.script = new FakeProperties(env);
  }

  getDocumentProperties(): FakeProperties {
    this.track('getDocumentProperties');
    return this.document;
  }

  getUserProperties(): FakeProperties {
    this.track('getUserProperties');
    return this.user;
  }

  getScriptProperties(): FakeProperties {
    this.track('getScriptProperties');
    return this.script;
  }
}

type PropertiesMethods =
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty';

export class FakeProperties
  extends ServiceObject
  implements Fake<GoogleAppsScript.Properties.Properties, PropertiesMethods>
{
  /** Test access: the stored pairs. */
  readonly data = new Map<string, string>();

  constructor(env: FakeEnv) {
    super(env, 'Properties');
  }

  getProperty(key: string): string | null {
    this.track('getProperty');
    return this.data.get(key) ?? null;
  }

  setProperty(key: string, value: string): FakeProperties {
    this.track('setProperty');
    this.store({ [key]: value }, false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): FakeProperties {
    this.track('setProperties');
    this.store(properties, deleteAllOthers);
    return this;
  }

  getProperties(): { [key: string]: string } {
    this.track('getProperties');
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.track('getKeys');
    return [...this.data.keys()];
  }

  deleteProperty(key: string): FakeProperties {
    this.track('deleteProperty');
    this.data.delete(key);
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.track('deleteAllProperties');
    this.data.clear();
    return this;
  }

  /** Writes all pairs or none, checking the quotas first. */
  private store(pairs: { [key: string]: unknown }, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.data);
    for (const [key, value] of Object.entries(pairs)) {
      const text = String(value);
      if (bytes(text) > VALUE_LIMIT) throw this.env.exception('Argument too large: value');
      next.set(key, text);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > STORE_LIMIT) {
      throw this.env.exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
