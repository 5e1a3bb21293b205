// Time left of long work (an import, an export), for progress bars. Measured from the moment the
// first unit was done, not from the start: a thread's start and the first file's parse made the
// first estimate of a 10,000-file import read "1h18m left" for a job of five seconds. No estimate
// until enough is done to make one.

/** An estimate waits for this long after the first unit… */
const MIN_SECONDS = 1
/** …or for this share of the units, whichever comes first (and at least two units measured). */
const MIN_SHARE = 0.1

export class TimeLeft {
  private first: { at: number; done: number } | null = null

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds left at the pace since the first unit was done, or undefined while too early to say. */
  update(done: number, total: number): number | undefined {
    const at = this.now()
    if (!this.first || done < this.first.done) {
      if (done > 0) this.first = { at, done }
      return undefined
    }
    const seconds = (at - this.first.at) / 1000
    const measured = done - this.first.done
    if (measured < 2 || seconds <= 0 || (seconds < MIN_SECONDS && measured < MIN_SHARE * total)) return undefined
    return total > done ? Math.round(((total - done) * seconds) / measured) : 0
  }
}
