// The call log every fake object writes to. Each call of a modelled Apps Script method is recorded under
// `Class.method` (`Range.setValues`, `Sheet.getRange`, `Properties.getProperty`), so a test can assert how
// many round trips an operation costs and, above all, that the number does not grow with the number of
// rows. Helpers meant for tests (seeding, dumps) never record anything.

/** Calls counted by name, in a plain object with the names sorted. */
export type CallCounts = Record<string, number>;

export interface Measured<T> {
  result: T;
  total: number;
  counts: CallCounts;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly order: string[] = [];

  /** Records one call; `name` is `Class.method`. */
  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.order.push(name);
  }

  /** Every call since the last reset. */
  total(): number {
    return this.order.length;
  }

  /** Calls of one method (`'Range.setValues'`), or of every method of one class (`'Range'`). */
  count(name: string): number {
    if (name.includes('.')) return this.counts.get(name) ?? 0;
    let sum = 0;
    for (const [key, n] of this.counts) if (key.startsWith(`${name}.`)) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
    this.order.length = 0;
  }

  /** The counts so far, sorted by name: `{ 'Range.getValues': 1, 'Sheet.getRange': 2 }`. */
  snapshot(): CallCounts {
    const out: CallCounts = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) ?? 0;
    return out;
  }

  /** The calls in the order they were made. */
  list(): string[] {
    return [...this.order];
  }

  /** Runs `fn` and reports the calls it made (they stay in the log too). */
  measure<T>(fn: () => T): Measured<T> {
    const start = this.order.length;
    const result = fn();
    const made = this.order.slice(start);
    const counts: CallCounts = {};
    for (const name of [...made].sort()) counts[name] = (counts[name] ?? 0) + 1;
    return { result, total: made.length, counts };
  }
}
