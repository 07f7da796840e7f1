// What every fake object shares: the call log, and the realm its values live in. Code under test may run
// in a `node:vm` context, where `value instanceof Date` and `error instanceof Error` only hold for objects
// made by that context's constructors; the fake therefore makes the dates it hands out and the errors it
// throws through `realm`, which installInVmContext points at the context. `ServiceObject` is the base of
// every fake class: `this.track('getValues')` records `Range.getValues`, and the method name is checked
// against the class, so a counter cannot be misspelt either.

import type { CallLog } from './calls';

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export class FakeEnv {
  realm: Realm = { Date, Error };

  constructor(readonly calls: CallLog) {}

  /** An error as Apps Script throws it: named `Exception`, the message without the prefix. */
  exception(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = 'Exception';
    return error;
  }

  /** An error for something real Apps Script does but this fake does not model. */
  unsupported(what: string): Error {
    return new this.realm.Error(`The Apps Script fake does not model ${what}.`);
  }

  /** A copy of a date, made in the realm of the code under test. */
  date(value: Date): Date {
    return new this.realm.Date(value.getTime());
  }
}

export abstract class ServiceObject {
  declare protected readonly env: FakeEnv;
  declare private readonly className: string;

  protected constructor(env: FakeEnv, className: string) {
    // Not enumerable, so that a failing `expect(fake).toEqual(...)` prints the fake, not the whole call log.
    Object.defineProperty(this, 'env', { value: env });
    Object.defineProperty(this, 'className', { value: className });
  }

  protected track(method: keyof this & string): void {
    this.env.calls.record(`${this.className}.${method}`);
  }

  /** How test output prints a fake: its class and what it stands for (`Range OKRs!A1:B2`). */
  toJSON(): string {
    const label = this.label();
    return label ? `${this.className} ${label}` : this.className;
  }

  protected label(): string {
    return '';
  }
}
