// A clock that only moves when a test moves it. Timers fire in time order during advance().
import type { Clock } from '../../server/clock.js';

interface Timer {
  at: number;
  order: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private order = 0;

  /** `earlyMs`: timers fire this much before their time, as Node's sometimes do. */
  constructor(
    private time = 1_700_000_000_000,
    private readonly earlyMs = 0,
  ) {}

  now(): number {
    return this.time;
  }

  schedule(at: number, fn: () => void): () => void {
    // Early only while that is still ahead: a timer set for the next millisecond waits for it.
    const fireAt = at - this.earlyMs > this.time ? at - this.earlyMs : at;
    const timer = { at: fireAt, order: this.order++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing each due timer at its own instant. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }

  /** When the next timer is due, or null if none is waiting. */
  nextDue(): number | null {
    return this.timers.length ? Math.min(...this.timers.map((t) => t.at)) : null;
  }

  pending(): number {
    return this.timers.length;
  }
}
