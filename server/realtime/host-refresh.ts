// A change that only the host's console shows, and that carries no event (a late press added
// to its press log, B14), is sent to the host a moment later, merged with the others of its
// contest in that moment, instead of once each. In a hall where every seat presses together,
// all but the first press are late: each used to cost a host view of its own. Any update that
// carries the host's view meanwhile makes the refresh needless.
import type { Clock } from '../clock.js';

/** How long a press-log entry may wait for the host's console: well under what a person notices. */
export const HOST_REFRESH_MS = 50;

export class HostRefresh {
  /** The refresh due per contest, by the cancel of its timer. */
  private readonly due = new Map<string, () => void>();

  constructor(
    private readonly clock: Clock,
    /** Sends the host of `contestId` its view as it is then. */
    private readonly send: (contestId: string) => void,
  ) {}

  /** The host's view of `contestId` is sent within HOST_REFRESH_MS, once however often asked. */
  later(contestId: string): void {
    if (this.due.has(contestId)) return;
    const cancel = this.clock.schedule(this.clock.now() + HOST_REFRESH_MS, () => {
      this.due.delete(contestId);
      this.send(contestId);
    });
    this.due.set(contestId, cancel);
  }

  /** The host's view of `contestId` just went out with an update: nothing is left to refresh. */
  sent(contestId: string): void {
    this.due.get(contestId)?.();
    this.due.delete(contestId);
  }

  close(): void {
    for (const cancel of this.due.values()) cancel();
    this.due.clear();
  }
}
