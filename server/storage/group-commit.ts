// Group commit: the log's disk sync is paid once per event-loop turn for every command appended
// in that turn, not once per command. The rule stays "an accepted command is on disk before
// anyone is told of it": whatever tells anyone (an ack, a broadcast, a view) waits here until the
// turn's sync is done, and the waiting runs in the order it was asked for, so acks and broadcasts
// go out in the order the commands were applied.

/** Runs `fn` on a later turn of the event loop, after the I/O this turn is handling. */
export type NextTurn = (fn: () => void) => void;

/** What a waiter is told: null once its writes are on disk, or the error the sync failed with. */
export type Durable = (error: unknown) => void;

export class GroupCommit {
  /** How many writes have been made durable-pending so far: a request that moved it wrote. */
  writes = 0;
  private unsynced = false;
  private readonly waiting: Durable[] = [];
  private scheduled = false;
  private flushing = false;

  constructor(
    /** Makes every write before it durable (an fsync of the log); throws if it could not. */
    private readonly sync: () => void,
    private readonly nextTurn: NextTurn = (fn) => void setImmediate(fn),
    private readonly log: (message: string) => void = console.error,
  ) {}

  /** A write went to the log but is not yet on disk: the end of this turn syncs it. */
  written(): void {
    this.writes += 1;
    this.unsynced = true;
    this.schedule();
  }

  /** Runs `fn` once everything written so far is on disk: at once when nothing waits, else
   * after this turn's sync and after everything that asked before it. */
  whenDurable(fn: Durable): void {
    if (!this.unsynced && !this.flushing && this.waiting.length === 0) return fn(null);
    this.waiting.push(fn);
    this.schedule();
  }

  /** Syncs now, for the rare writes whose caller answers at once (a seat claim, a logo).
   * Throws if the sync failed; what waits is still told at the end of the turn. */
  syncNow(): void {
    this.sync();
    this.unsynced = false;
  }

  /** Syncs and tells the waiters now, e.g. before the store closes. */
  flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.unsynced || this.waiting.length > 0) {
        let error: unknown = null;
        if (this.unsynced) {
          this.unsynced = false;
          try {
            this.sync();
          } catch (failure) {
            error = failure;
          }
        }
        for (const fn of this.waiting.splice(0)) {
          try {
            fn(error);
          } catch (thrown) {
            this.log(`after the log sync: ${String(thrown)}`);
          }
        }
      }
    } finally {
      this.flushing = false;
      this.scheduled = false;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    this.nextTurn(() => this.flush());
  }
}
