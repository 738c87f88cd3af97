// Tells the host console and the screen who holds and who is connected to each seat, cheaply
// enough for a whole hall of phones reconnecting at once after a restart.
import type { ContestRoom } from '../rooms/room.js';

/**
 * Phones come and go all the time, and after a restart all of them come back within a second or
 * two. Only the host console (each seat's phones) and the screen's lobby show who holds and who is
 * connected to a seat, so such a change rebuilds just those two views, never every phone's: 1,000
 * phones reconnecting would otherwise be a million view builds. (A phone whose own seat changes
 * is sent its own view by the socket handlers.) Changes are also coalesced to one report per room
 * per event-loop turn, however many phones came or went in that turn, so the busier the server
 * is, the more of them each report covers. A turn is not a delay, so this needs no clock: the
 * host still sees a phone arrive at once, on the tests' fake clock too.
 */
export class SeatReports {
  private readonly pending = new Set<ContestRoom>();
  private turn: ReturnType<typeof setImmediate> | null = null;
  private closed = false;

  /** `report` sends one room's host and screen views. */
  constructor(private readonly report: (room: ContestRoom) => void) {}

  changed(room: ContestRoom): void {
    if (this.closed) return;
    this.pending.add(room);
    this.turn ??= setImmediate(() => this.flush());
  }

  /** Drops what is pending: the server is shutting down, and its pages will reconnect. */
  close(): void {
    this.closed = true;
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
    this.pending.clear();
  }

  private flush(): void {
    this.turn = null;
    const rooms = [...this.pending];
    this.pending.clear();
    for (const room of rooms) this.report(room);
  }
}
