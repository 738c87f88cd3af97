// A token bucket per socket for every inbound event: a real show sends a few events a second
// (a clock-sync burst of 5 on connect, then 1 a second; a team's fast presses; a host's keys),
// a flood thousands. Over the bucket, events are refused; a socket that keeps flooding after
// being refused is disconnected. Time comes from the server's clock, so tests drive it.

export interface EventRate {
  /** Events a socket may send at once before it is refused. */
  burst: number;
  /** Events per second that refill the bucket. */
  perSecond: number;
  /** Refused events (they refill at the same rate) before the socket is disconnected. */
  patience: number;
}

/** Generous for a show: 5 probes, a dozen presses and keys in one second leave most of it. */
export const DEFAULT_EVENT_RATE: EventRate = { burst: 60, perSecond: 20, patience: 100 };

export type Verdict = 'accept' | 'refuse' | 'disconnect';

/** One socket's budget. */
export class EventBucket {
  private tokens: number;
  private strikes = 0;
  private last: number;

  constructor(
    private readonly rate: EventRate,
    now: number,
  ) {
    this.tokens = rate.burst;
    this.last = now;
  }

  /** Spends one token for an event that arrived at `now`. */
  take(now: number): Verdict {
    const refill = (Math.max(0, now - this.last) / 1000) * this.rate.perSecond;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.rate.burst, this.tokens + refill);
    this.strikes = Math.max(0, this.strikes - refill);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'accept';
    }
    this.strikes += 1;
    return this.strikes > this.rate.patience ? 'disconnect' : 'refuse';
  }
}
