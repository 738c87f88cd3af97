// The audience's share of an update, sent after the stage and spread over event-loop turns: its
// sockets are split into shards of at most SHARD_SIZE (a socket.io room each), and one shard is
// written per turn, so a buzz arriving meanwhile waits for one shard's writes, not the whole
// audience's. A newer update before a pass is done replaces the older for the shards still to go,
// and the shards already served are queued again: the audience gets the latest, not every step.
import type { QiangdaSocket } from '../realtime/realtime.js';

/** About 5 ms of writes at 10 us a socket (room-write.ts): short enough for a buzz to wait behind. */
export const SHARD_SIZE = 500;

/** What the audience is sent, by kind: a newer one of a kind replaces the older. */
export type FanoutKind = 'update' | 'likes';

/** Runs a function on a later event-loop turn; tests pass one they run by hand. */
export type Defer = (fn: () => void) => void;

export const nextTurn: Defer = (fn) => void setImmediate(fn);

interface Pass {
  /** Emits the latest message of its kind to one shard's room. */
  emit: (room: string) => void;
  /** Shards still to be sent this message. */
  todo: Set<number>;
}

interface ContestShards {
  /** Sockets in each shard, by shard number. */
  sizes: number[];
  passes: Map<FanoutKind, Pass>;
  scheduled: boolean;
}

/** A socket.io room name for one shard of a contest's audience. */
export const shardRoom = (contestId: string, shard: number) => `${contestId}:audience:${shard}`;

/** Shards of each contest's audience, and the sends going through them. */
export class AudienceFanout {
  private readonly contests = new Map<string, ContestShards>();
  private closed = false;

  constructor(
    private readonly defer: Defer = nextTurn,
    private readonly shardSize = SHARD_SIZE,
    /** The room of a shard: another process's relay (server/scale/) names its own. */
    private readonly roomOf: (contestId: string, shard: number) => string = shardRoom,
  ) {}

  /** Puts an audience socket into the first shard of its contest with room; leaves on disconnect. */
  join(socket: QiangdaSocket): void {
    const shards = this.shardsOf(socket.data.contestId);
    let shard = shards.sizes.findIndex((size) => size < this.shardSize);
    if (shard < 0) shard = shards.sizes.push(0) - 1;
    shards.sizes[shard] += 1;
    void socket.join(this.roomOf(socket.data.contestId, shard));
    socket.once('disconnect', () => {
      shards.sizes[shard] -= 1;
    });
  }

  /** Whether a contest has anyone in its audience now. */
  watched(contestId: string): boolean {
    return (this.contests.get(contestId)?.sizes.some((size) => size > 0)) ?? false;
  }

  /** Sends a message to every shard of a contest's audience, one shard per later turn. */
  send(contestId: string, kind: FanoutKind, emit: (room: string) => void): void {
    const shards = this.contests.get(contestId);
    if (!shards || this.closed) return;
    const todo = new Set(shards.sizes.keys());
    shards.passes.set(kind, { emit, todo });
    this.schedule(contestId, shards);
  }

  /** Stops every pass still under way. */
  close(): void {
    this.closed = true;
    this.contests.clear();
  }

  private shardsOf(contestId: string): ContestShards {
    let shards = this.contests.get(contestId);
    if (!shards) this.contests.set(contestId, (shards = { sizes: [], passes: new Map(), scheduled: false }));
    return shards;
  }

  private schedule(contestId: string, shards: ContestShards): void {
    if (shards.scheduled) return;
    shards.scheduled = true;
    this.defer(() => this.step(contestId, shards));
  }

  /** One turn: one shard gets every message it still lacks. */
  private step(contestId: string, shards: ContestShards): void {
    shards.scheduled = false;
    if (this.closed) return;
    const shard = this.nextShard(shards);
    if (shard === null) return;
    for (const [kind, pass] of shards.passes) {
      if (!pass.todo.delete(shard)) continue;
      if (shards.sizes[shard] > 0) pass.emit(this.roomOf(contestId, shard));
      if (pass.todo.size === 0) shards.passes.delete(kind);
    }
    if (shards.passes.size) this.schedule(contestId, shards);
  }

  private nextShard(shards: ContestShards): number | null {
    let first: number | null = null;
    for (const pass of shards.passes.values()) {
      for (const shard of pass.todo) {
        if (first === null || shard < first) first = shard;
        break;
      }
    }
    return first;
  }
}
