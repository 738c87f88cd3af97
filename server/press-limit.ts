// A phone may not flood the log with presses. Every press is a logged command (B14), so a
// page or script pressing hundreds of times a second would grow the log (and the replay on
// every restart) without limit. A token bucket per seat (shared by its phones and sockets, see
// socket-handlers.ts) lets any human tapping through —
// ten presses at once, then ten a second — and refuses the rest at the edge, unlogged.
import type { Clock } from './clock.js';

export const PRESS_BURST = 10;
export const PRESSES_PER_SECOND = 10;

export class PressLimit {
  private tokens = PRESS_BURST;
  private lastAt: number;

  constructor(private readonly clock: Clock) {
    this.lastAt = clock.now();
  }

  /** Takes one press from the bucket; false if the phone is pressing faster than allowed. */
  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(PRESS_BURST, this.tokens + ((now - this.lastAt) * PRESSES_PER_SECOND) / 1000);
    this.lastAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
