// The add-on's clock in the playground: what `new Date()` gives inside the bundle (the runtime's `now`
// option). It is the machine's clock, except while the sample quarter is built: the add-on's check-in
// functions take "now" from `new Date()`, as they must in Apps Script, and the sample's four weekly
// check-ins happen on four past Fridays. Formulas' TODAY() is not affected.

export class ScriptClock {
  private fixed: number | null = null;

  /** For `createLocalRuntime({ now })`. */
  readonly now = (): Date => new Date(this.fixed ?? Date.now());

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
