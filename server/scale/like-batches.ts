// Likes taken on one process for a contest owned by another go to the owner in batches
// (shared-audience.ts), and reach its tally once. Each batch carries its process's id and a
// number; a contest has one batch on its way at a time, sent again unchanged until the owner
// answers, while newer likes wait for the next batch. The owner counts each (process, contest)
// number once, so a batch whose answer was lost on the way, and which is therefore sent again,
// is not counted twice. The owner keeps those numbers in memory only: a batch sent again after the
// contest changed owners (its owner died and another process took it over) may be counted twice.

export interface LikeBatch {
  /** The sending process, for as long as it runs. */
  from: string;
  contestId: string;
  /** Grows with every new batch of the sender: a number the owner has counted is never new. */
  seq: number;
  count: number;
}

/** The sender's side: likes waiting, and each contest's batch on its way. */
export class OutgoingLikes {
  private readonly pending = new Map<string, number>();
  private readonly unanswered = new Map<string, { batch: LikeBatch; asking: boolean }>();
  private seq = 0;

  constructor(private readonly from: string) {}

  add(contestId: string, count: number): void {
    this.pending.set(contestId, (this.pending.get(contestId) ?? 0) + count);
  }

  /** The batches to send now: each contest's unanswered batch again, else a new one of its
   * waiting likes. A batch whose question is still out is not sent twice at once. */
  due(): LikeBatch[] {
    const out: LikeBatch[] = [];
    for (const entry of this.unanswered.values()) {
      if (entry.asking) continue;
      entry.asking = true;
      out.push(entry.batch);
    }
    for (const [contestId, count] of this.pending) {
      if (this.unanswered.has(contestId)) continue;
      this.pending.delete(contestId);
      const batch: LikeBatch = { from: this.from, contestId, seq: ++this.seq, count };
      this.unanswered.set(contestId, { batch, asking: true });
      out.push(batch);
    }
    return out;
  }

  /** The owner counted `batch` (`counted`), or nobody answered: then it is sent again, unchanged. */
  answered(batch: LikeBatch, counted: boolean): void {
    const entry = this.unanswered.get(batch.contestId);
    if (entry?.batch !== batch) return;
    if (counted) this.unanswered.delete(batch.contestId);
    else entry.asking = false;
  }

  /** Whether the next due() has something to send: a batch to send again, or waiting likes of a
   * contest with no batch on its way (those of one with a batch on its way wait for its answer). */
  get waiting(): boolean {
    for (const entry of this.unanswered.values()) if (!entry.asking) return true;
    for (const contestId of this.pending.keys()) if (!this.unanswered.has(contestId)) return true;
    return false;
  }
}

/** The owner's side: the last batch number counted from each process for each contest. */
export class LikeReceipts {
  private readonly last = new Map<string, number>();

  /** True the first time a batch arrives (count it); false for a batch sent again. */
  first(batch: Pick<LikeBatch, 'from' | 'contestId' | 'seq'>): boolean {
    const key = `${batch.from}\n${batch.contestId}`;
    if ((this.last.get(key) ?? 0) >= batch.seq) return false;
    this.last.set(key, batch.seq);
    return true;
  }
}
