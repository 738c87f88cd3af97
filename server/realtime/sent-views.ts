// The last view sent on each stage channel, so that the next update there carries only the
// fields, and list entries, that changed (shared/view-changes.ts). A channel is forgotten
// whenever a page joins it or is sent a view of its own: that page holds a newer view than the
// channel's last, so the next update on the channel is whole, for everyone on it, and from then
// on all hold the same.
import type { ContestEvent } from '../../shared/contest/commands.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { ContestUpdate } from '../../shared/protocol.js';
import { changesFrom } from '../../shared/view-changes.js';

export class SentViews {
  private readonly last = new Map<string, ContestView>();

  /** `changesOnly` false (scale-out: pages on other processes join their channels later than
   * this process sends) sends every view whole. */
  constructor(private readonly changesOnly = true) {}

  /** The update to send on `channel`, and it is remembered as the channel's last. */
  update(channel: string, view: ContestView, events: ContestEvent[], serverNow: number): ContestUpdate {
    const before = this.changesOnly ? this.last.get(channel) : undefined;
    if (this.changesOnly) this.last.set(channel, view);
    return before ? changesFrom(before, { view, events, serverNow }) : { view, events, serverNow };
  }

  /** A page joined `channel`, or was sent its own view: the channel's next update is whole. */
  forget(channel: string): void {
    this.last.delete(channel);
  }
}
