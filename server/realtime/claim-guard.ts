// Throttles failed seat claims, so that guessing a join code takes longer than a show lasts:
// each phone (socket), each address and each contest may fail only so often (README, 加入码).
// A claim is tried only when all three allow it, so a refusal for throttling reveals nothing.
import type { ClaimAlarm } from '../../shared/claim-alarm.js';
import type { Clock } from '../clock.js';

/** A token bucket: `burst` failures at once, then one more every `60 / perMinute` seconds. */
export interface FailureLimit {
  burst: number;
  perMinute: number;
}

/** Failures allowed per phone, per address and per contest. The contest's limit is what bounds
 * a guesser with many phones and addresses; the README shows the arithmetic. */
export const CLAIM_LIMITS = {
  socket: { burst: 5, perMinute: 6 },
  address: { burst: 10, perMinute: 12 },
  contest: { burst: 30, perMinute: 30 },
} as const satisfies Record<string, FailureLimit>;

/** The host console's alarm: this many failed claims inside the window (or joining held back). */
export const CLAIM_ALARM_FAILURES = 10;
export const CLAIM_ALARM_WINDOW_MS = 5 * 60_000;

/** Who is claiming: the socket, its address (client-address.ts) and the contest. */
export interface Claimant {
  socketId: string;
  address: string;
  contestId: string;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets that have refilled are dropped; this many of a kind triggers a sweep. */
const SWEEP_AT = 1000;

export class ClaimGuard {
  private readonly buckets = { socket: new Map<string, Bucket>(), address: new Map<string, Bucket>(), contest: new Map<string, Bucket>() };
  /** Per contest: when each recent failure happened, oldest first, for the alarm. */
  private readonly failures = new Map<string, number[]>();
  private readonly timers = new Set<() => void>();
  /** The alarm each contest's host console was last told of, so it is pushed only when it changes. */
  private readonly told = new Map<string, string>();

  /** `onAlarm` is told a contest's alarm may have changed, to push it to its host console. */
  constructor(
    private readonly clock: Clock,
    private readonly onAlarm: (contestId: string) => void = () => {},
  ) {}

  /** Null if this claimant may try a code now, else how long until it may. */
  waitFor(who: Claimant): number | null {
    const now = this.clock.now();
    const wait = Math.max(...this.keys(who).map(([kind, key]) => untilToken(this.level(kind, key, now), CLAIM_LIMITS[kind], now)));
    return wait > 0 ? wait : null;
  }

  /** Counts one failed claim (a wrong code, a full seat, a locked one) against all three limits. */
  failed(who: Claimant): void {
    const now = this.clock.now();
    for (const [kind, key] of this.keys(who)) {
      const bucket = this.level(kind, key, now);
      this.buckets[kind].set(key, { tokens: bucket.tokens - 1, at: now });
      if (this.buckets[kind].size > SWEEP_AT) this.sweep(kind, now);
    }
    const recent = this.recentFailures(who.contestId, now);
    recent.push(now);
    this.failures.set(who.contestId, recent);
    this.notify(who.contestId);
    // The alarm may end when this failure leaves the window, or when joining is allowed again.
    this.later(now + CLAIM_ALARM_WINDOW_MS, who.contestId);
    const throttled = this.contestThrottledUntil(who.contestId, now);
    if (throttled !== null) this.later(throttled, who.contestId);
  }

  /** A phone went away: its own limit goes with it. */
  forgetSocket(socketId: string): void {
    this.buckets.socket.delete(socketId);
  }

  /** The host console's alarm for a contest, or null while all is quiet. */
  alarm(contestId: string): ClaimAlarm | null {
    const now = this.clock.now();
    const failures = this.recentFailures(contestId, now).length;
    const throttledUntil = this.contestThrottledUntil(contestId, now);
    if (failures < CLAIM_ALARM_FAILURES && throttledUntil === null) return null;
    return { failures, windowMs: CLAIM_ALARM_WINDOW_MS, throttledUntil };
  }

  close(): void {
    for (const cancel of this.timers) cancel();
    this.timers.clear();
  }

  private keys(who: Claimant): [keyof typeof CLAIM_LIMITS, string][] {
    return [
      ['socket', who.socketId],
      ['address', who.address],
      ['contest', who.contestId],
    ];
  }

  /** The bucket as of `now`, refilled for the time since it was last drawn on. */
  private level(kind: keyof typeof CLAIM_LIMITS, key: string, now: number): Bucket {
    const limit = CLAIM_LIMITS[kind];
    const bucket = this.buckets[kind].get(key);
    if (!bucket) return { tokens: limit.burst, at: now };
    return { tokens: Math.min(limit.burst, bucket.tokens + ((now - bucket.at) * limit.perMinute) / 60_000), at: now };
  }

  private contestThrottledUntil(contestId: string, now: number): number | null {
    const wait = untilToken(this.level('contest', contestId, now), CLAIM_LIMITS.contest, now);
    return wait > 0 ? now + wait : null;
  }

  private recentFailures(contestId: string, now: number): number[] {
    const times = this.failures.get(contestId) ?? [];
    const from = times.findIndex((at) => at > now - CLAIM_ALARM_WINDOW_MS);
    const recent = from < 0 ? [] : times.slice(from);
    if (recent.length) this.failures.set(contestId, recent);
    else this.failures.delete(contestId);
    return recent;
  }

  private later(at: number, contestId: string): void {
    const cancel = this.clock.schedule(at + 1, () => {
      this.timers.delete(cancel);
      this.notify(contestId);
    });
    this.timers.add(cancel);
  }

  private notify(contestId: string): void {
    const alarm = JSON.stringify(this.alarm(contestId));
    if (this.told.get(contestId) === alarm) return;
    this.told.set(contestId, alarm);
    this.onAlarm(contestId);
  }

  private sweep(kind: keyof typeof CLAIM_LIMITS, now: number): void {
    for (const [key] of this.buckets[kind]) {
      if (this.level(kind, key, now).tokens >= CLAIM_LIMITS[kind].burst) this.buckets[kind].delete(key);
    }
  }
}

/** Milliseconds until the bucket holds a whole token again (0: it does). */
function untilToken(bucket: Bucket, limit: FailureLimit, now: number): number {
  return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / limit.perMinute) + (bucket.at - now);
}
