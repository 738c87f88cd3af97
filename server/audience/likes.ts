// Likes (点赞): pages count their taps and send them in batches; the server adds them to the
// contest's total and tells everyone the total at most every FLUSH_MS, one timer per contest on
// the server's clock. The total is stored on each flush, so it survives a restart.
import type { Clock } from '../clock.js';
import type { Fences } from '../storage/fencing.js';

/** The total goes out (and is stored) at most this often. */
export const FLUSH_MS = 500;

/** Likes at once, and likes a second that refill it. */
export interface LikeRate {
  burst: number;
  perSecond: number;
}

/** How many likes a socket, and an address, may add: a thumb taps ~10 a second; one address
 * may be a whole unit's Wi-Fi behind NAT. */
export interface LikeRates {
  perSocket: LikeRate;
  perAddress: LikeRate;
}

export const DEFAULT_LIKE_RATES: LikeRates = {
  perSocket: { burst: 200, perSecond: 30 },
  perAddress: { burst: 5000, perSecond: 1000 },
};

/** A token bucket counted in likes. */
export class LikeBucket {
  private tokens: number;

  constructor(
    private readonly rate: LikeRate,
    private last: number,
  ) {
    this.tokens = rate.burst;
  }

  /** The likes it would take now. */
  left(now: number): number {
    this.tokens = Math.min(this.rate.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.rate.perSecond);
    this.last = Math.max(this.last, now);
    return this.tokens;
  }

  spend(count: number): void {
    this.tokens -= count;
  }

  /** Full again: nothing to remember about it. */
  full(now: number): boolean {
    return this.left(now) >= this.rate.burst;
  }
}

/** Where totals are kept between restarts. */
export interface LikeStore {
  setting(name: string): string | null;
  saveSetting(name: string, value: string): void;
  /** Scale-out's fencing (storage/fencing.ts): a total is stored only while this process owns the contest. */
  fences?: Pick<Fences, 'guard'>;
}

/** Addresses remembered before the full (idle) ones are forgotten. */
const MAX_ADDRESSES = 50_000;

const settingName = (contestId: string) => `likes:${contestId}`;

interface Tally {
  total: number;
  cancel: (() => void) | null;
}

/** Every contest's like total, batched out to its pages. */
export class Likes {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly clock: Clock,
    private readonly store: LikeStore,
    private readonly announce: (contestId: string, total: number) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** The contest's total now, read from the store the first time. */
  total(contestId: string): number {
    return this.tally(contestId).total;
  }

  /** Adds a page's batch of taps; the total goes out with the next flush. */
  add(contestId: string, count: number): void {
    const tally = this.tally(contestId);
    tally.total += count;
    tally.cancel ??= this.clock.schedule(this.clock.now() + FLUSH_MS, () => this.flush(contestId, tally));
  }

  /** Stops the timers; totals not flushed yet are stored now. */
  close(): void {
    for (const [contestId, tally] of this.tallies) {
      if (!tally.cancel) continue;
      tally.cancel();
      this.save(contestId, tally.total);
    }
    this.tallies.clear();
  }

  private flush(contestId: string, tally: Tally): void {
    tally.cancel = null;
    this.save(contestId, tally.total);
    this.announce(contestId, tally.total);
  }

  private save(contestId: string, total: number): void {
    try {
      const write = () => this.store.saveSetting(settingName(contestId), String(total));
      // An owner that stalled past its lease must not store its total over the new owner's.
      if (this.store.fences) this.store.fences.guard(contestId, write);
      else write();
    } catch (error) {
      // A like is not an answer or a score: the show goes on, the total is stored next time.
      this.log(`likes not stored: ${String(error)}`);
    }
  }

  private tally(contestId: string): Tally {
    let tally = this.tallies.get(contestId);
    if (!tally) {
      const stored = Number(this.store.setting(settingName(contestId)) ?? 0);
      tally = { total: Number.isSafeInteger(stored) && stored > 0 ? stored : 0, cancel: null };
      this.tallies.set(contestId, tally);
    }
    return tally;
  }
}

/** Per-socket and per-address allowances for likes. */
export class LikeLimits {
  private readonly addresses = new Map<string, LikeBucket>();

  constructor(
    private readonly rates: LikeRates,
    private readonly clock: Clock,
  ) {}

  /** A socket's own allowance, kept by its handler. */
  socketBucket(): LikeBucket {
    return new LikeBucket(this.rates.perSocket, this.clock.now());
  }

  /** Whether `count` likes fit both the socket's and its address's allowance; spends them if so. */
  allow(socket: LikeBucket, address: string, count: number): boolean {
    const now = this.clock.now();
    let perAddress = this.addresses.get(address);
    if (!perAddress) {
      if (this.addresses.size >= MAX_ADDRESSES) this.forgetFull(now);
      this.addresses.set(address, (perAddress = new LikeBucket(this.rates.perAddress, now)));
    }
    if (socket.left(now) < count || perAddress.left(now) < count) return false;
    socket.spend(count);
    perAddress.spend(count);
    return true;
  }

  private forgetFull(now: number): void {
    for (const [address, bucket] of this.addresses) if (bucket.full(now)) this.addresses.delete(address);
  }
}
