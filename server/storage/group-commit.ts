// Group commit: the log's disk sync is paid once for every command appended while the previous
// sync ran (or in this event-loop turn), not once per command. The rule stays "an accepted
// command is on disk before anyone is told of it": whatever tells anyone (an ack, a broadcast, a
// view) waits here until a sync that began after its write has finished, and the waiting runs in
// the order it was asked for, so acks and broadcasts go out in the order the commands were applied.
//
// With `syncLater` (the real disk) the sync runs off the event loop: while the disk works, the
// server goes on reading presses and applying them, and their writes wait for the next sync.
// Without it (tests that count syncs, turn by turn), the sync runs at the end of the turn.

/** Runs `fn` on a later turn of the event loop, after the I/O this turn is handling. */
export type NextTurn = (fn: () => void) => void;

/** What a waiter is told: null once its writes are on disk, or the error the sync failed with. */
export type Durable = (error: unknown) => void;

/** Starts a sync of every write before it, off the event loop; `done` is called once with null or
 * the error it failed with. */
export type SyncLater = (done: (error: unknown) => void) => void;

/** Waiters released together by one sync. */
interface Batch {
  waiters: Durable[];
}

export class GroupCommit {
  /** How many writes have been made durable-pending so far: a request that moved it wrote. */
  writes = 0;
  /** How many syncs have begun (releasingSync). */
  private syncsBegun = 0;
  /** Writes since the last sync began: the next sync is for them. */
  private unsynced = false;
  /** Waiters in the order they asked, a batch per sync. The first may be syncing (`syncing`). */
  private readonly batches: Batch[] = [];
  /** The batch whose sync is on the disk now, off the event loop. */
  private syncing: Batch | null = null;
  private scheduled = false;
  /** Waiters are being told: one asked for now runs after them, never before. */
  private telling = false;

  constructor(
    /** Makes every write before it durable (an fsync of the log); throws if it could not. */
    private readonly sync: () => void,
    private readonly nextTurn: NextTurn = (fn) => void setImmediate(fn),
    private readonly log: (message: string) => void = console.error,
    private readonly syncLater?: SyncLater,
  ) {}

  /** A write went to the log but is not yet on disk: the next sync covers it. */
  written(): void {
    this.writes += 1;
    this.unsynced = true;
    this.schedule();
  }

  /** The number of the sync whose end tells a waiter asked now: the next to begin while a write
   * waits for one, else the one running (or the last, if nothing waits). Two changes with the same
   * number are shown together (app.ts joins them into one update only then). */
  releasingSync(): number {
    return this.unsynced ? this.syncsBegun + 1 : this.syncsBegun;
  }

  /** Runs `fn` once everything written so far is on disk: at once when nothing waits, else
   * after the sync that covers those writes and after everything that asked before it. */
  whenDurable(fn: Durable): void {
    if (!this.unsynced && !this.telling && this.batches.length === 0) return fn(null);
    const last = this.batches.at(-1);
    // A write since the running sync began needs the next one; with none, waiting behind the
    // last batch is enough (and keeps the order).
    if (last && !(this.unsynced && last === this.syncing)) last.waiters.push(fn);
    else this.batches.push({ waiters: [fn] });
    this.schedule();
  }

  /** Syncs now, for the rare writes whose caller answers at once (a seat claim, a logo).
   * Throws if the sync failed; what waits is still told when its own batch's turn comes. */
  syncNow(): void {
    this.syncsBegun += 1;
    this.sync();
    this.unsynced = false;
  }

  /** Syncs and tells every waiter now, e.g. before the store closes or before answering with
   * the state. A sync running off the loop is overtaken: this one covers its writes too. */
  flush(): void {
    if (this.telling) return;
    this.telling = true;
    try {
      while (this.unsynced || this.syncing || this.batches.length > 0) {
        let error: unknown = null;
        if (this.unsynced || this.syncing) {
          this.unsynced = false;
          this.syncing = null;
          try {
            this.syncsBegun += 1;
            this.sync();
          } catch (failure) {
            error = failure;
          }
        }
        for (const batch of this.batches.splice(0)) this.tell(batch, error);
      }
    } finally {
      this.telling = false;
    }
  }

  /** Starts the next sync, or tells the batches whose writes are already on disk. */
  private advance(): void {
    if (this.syncing || this.telling) return;
    if (this.unsynced && this.batches.length === 0) this.batches.push({ waiters: [] });
    this.telling = true;
    try {
      while (this.batches.length > 0) {
        const batch = this.batches[0];
        if (!this.unsynced) {
          // Its writes were covered by an earlier sync (or syncNow).
          this.tell(this.batches.shift() as Batch, null);
          continue;
        }
        this.unsynced = false;
        if (this.syncLater) return this.startSync(batch, this.syncLater);
        let error: unknown = null;
        try {
          this.syncsBegun += 1;
          this.sync();
        } catch (failure) {
          error = failure;
        }
        this.tell(this.batches.shift() as Batch, error);
      }
    } finally {
      this.telling = false;
    }
  }

  /** A sync off the loop finished: the next sync starts, then its batch is told. The disk works
   * on what was written meanwhile while this turn sends the acks and views the finished sync
   * allows: telling a busy batch takes longer than a sync, and a press written during the last
   * sync would otherwise wait for the telling and then for a whole sync of its own. */
  private synced(batch: Batch, error: unknown): void {
    // Overtaken by flush(), which told the batch already.
    if (this.syncing !== batch) return;
    this.syncing = null;
    this.batches.shift();
    this.telling = true;
    try {
      if (this.unsynced && this.syncLater) {
        this.unsynced = false;
        if (this.batches.length === 0) this.batches.push({ waiters: [] });
        this.startSync(this.batches[0], this.syncLater);
      }
      this.tell(batch, error);
    } finally {
      this.telling = false;
    }
    this.advance();
  }

  /** Syncs off the loop for `batch` (the first waiting) and every write before now. */
  private startSync(batch: Batch, syncLater: SyncLater): void {
    this.syncing = batch;
    this.syncsBegun += 1;
    // Its waiters are told on a later turn, as a finished sync's are, never from inside a telling
    // under way: also when the sync finishes at once, or cannot even start (the log would not open).
    let started = false;
    const finish = (error: unknown) => (started ? this.synced(batch, error) : this.nextTurn(() => this.synced(batch, error)));
    try {
      syncLater(finish);
      started = true;
    } catch (error) {
      finish(error);
    }
  }

  private tell(batch: Batch, error: unknown): void {
    for (const fn of batch.waiters) {
      try {
        fn(error);
      } catch (thrown) {
        this.log(`after the log sync: ${String(thrown)}`);
      }
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.nextTurn(() => {
      this.scheduled = false;
      this.advance();
    });
  }
}
