// Fencing, for scale-out (--redis): the server processes of one machine share the SQLite file,
// and one of them owns each contest at a time (a lease in Redis, scale/lease.ts). An owner that
// stalled past its lease (a long block, a paused VM) wakes still believing it owns the contest,
// and handles what queued meanwhile (presses, forwarded requests, timers) before Redis can tell
// it otherwise. Its writes must not land behind the new owner's back: the log would hold a
// command the new owner's room never applied, its ack would promise what the new owner does not
// show, and the new owner's next command would collide with its number and be refused.
//
// So a process that takes a contest over first writes its lease's epoch (the fencing number,
// which grows from holder to holder) into the file, and from then on each of its writes of that
// contest holds only while the file still names that epoch. SQLite serialises the processes'
// writes, and the check runs inside the write's own transaction, so no write of the old owner
// can come between the new owner's epoch and its reading of the log. A refused write changes
// nothing; the old owner is told, and gives the contest up at once (scale-out.ts).
//
// Without --redis nothing is fenced: one process owns every contest, and no check is made.
import type Database from 'better-sqlite3';

/** A write of a contest another process has taken over since this one fenced it. */
export class FencedOut extends Error {
  constructor(readonly contestId: string) {
    super(`contest ${contestId} is owned by another process now (a later lease epoch is in the file)`);
    this.name = 'FencedOut';
  }
}

export interface Fences {
  /** This process owns the contest in `epoch` from now on: the epoch is written to the file.
   * False, and nothing written, if a later one is already there (another process took the
   * contest since) or the file holds no such contest (another machine's, or none at all). */
  fence(contestId: string, epoch: number): boolean;
  /** The epoch the file names for the contest (0: none yet), or null: the file holds no such
   * contest. A new lease epoch is taken above it, so a takeover's epoch always passes the fence
   * even when Redis restarted empty with its clock behind the last owner's. */
  floor(contestId: string): number | null;
  /** The epoch this process fenced the contest with, while it owns the contest. */
  epochOf(contestId: string): number | undefined;
  /** This process no longer owns the contest: its writes of it go unchecked again, as on a
   * process that never owned it (the routes that write without the owner, a logo or a close). */
  drop(contestId: string): void;
  /** Runs `write` for the contest; for a fenced one, inside a transaction that first checks the
   * file still names this process's epoch (else FencedOut, and nothing is written). */
  guard<R>(contestId: string, write: () => R): R;
  /** Throws FencedOut for the contest, having told the listeners (see `onFencedOut`). */
  refuse(contestId: string): never;
  /** Told when a write of a contest was refused because another process owns it now. It is
   * called from inside the write: it must not change the contest then (defer the work). */
  onFencedOut(listener: (contestId: string) => void): void;
}

export function openFences(db: Database.Database): Fences {
  const upsertOwner = db.prepare(
    'INSERT INTO contest_owners (contest_id, epoch) SELECT id, ? FROM contests WHERE id = ? ON CONFLICT (contest_id) DO UPDATE SET epoch = excluded.epoch WHERE excluded.epoch >= contest_owners.epoch',
  );
  const selectOwner = db.prepare('SELECT epoch FROM contest_owners WHERE contest_id = ?');
  const selectFloor = db.prepare('SELECT (SELECT epoch FROM contest_owners WHERE contest_id = id) AS epoch FROM contests WHERE id = ?');
  /** The epoch each contest owned here was fenced with. */
  const epochs = new Map<string, number>();
  const listeners: ((contestId: string) => void)[] = [];

  const refuse = (contestId: string): never => {
    for (const listener of listeners) listener(contestId);
    throw new FencedOut(contestId);
  };
  // IMMEDIATE: the write lock is taken before the check, so the check and the write see the
  // same file (a deferred transaction could read an epoch that changes before it writes).
  const checked = db.transaction((contestId: string, epoch: number, write: () => unknown) => {
    if ((selectOwner.get(contestId) as { epoch: number } | undefined)?.epoch !== epoch) refuse(contestId);
    return write();
  });

  return {
    fence(contestId, epoch) {
      if (upsertOwner.run(epoch, contestId).changes !== 1) return false;
      epochs.set(contestId, epoch);
      return true;
    },
    floor(contestId) {
      const row = selectFloor.get(contestId) as { epoch: number | null } | undefined;
      return row ? (row.epoch ?? 0) : null;
    },
    epochOf: (contestId) => epochs.get(contestId),
    drop(contestId) {
      epochs.delete(contestId);
    },
    guard<R>(contestId: string, write: () => R): R {
      const epoch = epochs.get(contestId);
      return epoch === undefined ? write() : (checked.immediate(contestId, epoch, write) as R);
    },
    refuse,
    onFencedOut(listener) {
      listeners.push(listener);
    },
  };
}
