// The add-on's clock in the playground: what `new Date()` gives inside the bundle (the runtime's `now`
// option). It is the machine's clock (or the playground's `now`, which tests move from week to week), except
// while the sample quarter is built: the add-on's check-in
// functions take "now" from `new Date()`, as they must in Apps Script, and the sample's four weekly
// check-ins happen on four past Fridays. Formulas' TODAY() is not affected.

export class ScriptClock {
  private fixed: number | null = null;

  /** `base` is the time when the clock is not stopped: the machine's unless given. */
  constructor(private readonly base: () => Date = () => new Date()) {}

  /** For `createLocalRuntime({ now })`. */
  readonly now = (): Date => (this.fixed === null ? this.base() : new Date(this.fixed));

  /** Runs `work` (synchronous) with the clock stopped at `instant`. */
  at<T>(instant: Date, work: () => T): T {
    const previous = this.fixed;
    this.fixed = instant.getTime();
    try {
      return work();
    } finally {
      this.fixed = previous;
    }
  }
}
