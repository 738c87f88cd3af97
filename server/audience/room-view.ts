// The view every viewer in one contest's audience room holds, in the audience process. Updates to
// the room carry only what changed from it (shared/view-changes.ts): a few hundred bytes where
// the whole view is several KB, parsed by every one of ten thousand phones on every update.
// For that to fit every viewer, all in the room must hold the same view. So a viewer joining is
// sent this view whole, not the newest news: news still waiting to go out (news-queue.ts) goes
// as changes from this view, and brings the joiner up to date with everyone else. Sent the newest
// instead, a joiner would miss a field that changed and changed back between the two.
// The stage's channels (server/realtime/sent-views.ts) do the opposite: a page joining gets the
// newest view and the channel's next update goes whole to all. A channel has a page or two; a
// room has thousands, who would all get the whole view whenever anyone joined.
import type { ContestView } from '../../shared/contest/views.js';
import type { ContestUpdate, WholeUpdate } from '../../shared/protocol.js';
import { changesFrom } from '../../shared/view-changes.js';

export class RoomView {
  private held: ContestView | null = null;
  private opened = false;

  /** The stage's opening view, before any viewer joins the room: what the room holds until the
   * first update is sent to it. It replaces news that came before it, which is never newer
   * (audience-process.ts): news from before the contest was last unwatched may still have
   * been on its way. */
  open(view: ContestView): void {
    this.held = view;
    this.opened = true;
  }

  /** What a viewer joining is sent, whole; past events (a winner's flash) are not played to it.
   * Null before the opening. */
  forJoiner(serverNow: number): WholeUpdate | null {
    return this.opened && this.held ? { view: this.held, events: [], serverNow } : null;
  }

  /** What the room is sent for `update`, which it holds from then on. */
  send(update: WholeUpdate): ContestUpdate {
    const before = this.held;
    this.held = update.view;
    return before ? changesFrom(before, update) : update;
  }
}
