// The view an audience room holds (server/audience/room-view.ts): updates to the room are the
// changes from it, and a viewer joining while news waits ends up with the same view as those
// already in the room.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../../shared/contest/views.js';
import type { ContestUpdate, WholeUpdate } from '../../../shared/protocol.js';
import { applyUpdate } from '../../../shared/view-changes.js';
import { RoomView } from '../../../server/audience/room-view.js';

const view = (fields: Record<string, unknown>) => fields as unknown as ContestView;
const whole = (v: ContestView, serverNow = 1): WholeUpdate => ({ view: v, events: [], serverNow });

/** A viewer's page: it merges what it is sent into the view it holds, as web/lib/connection does. */
class Viewer {
  held: ContestView | null = null;
  hear(update: ContestUpdate): void {
    const merged = applyUpdate(this.held, update);
    if (!merged) throw new Error('an update that does not merge into the view held');
    this.held = merged;
  }
}

describe('RoomView', () => {
  it('sends the room what changed, and a joiner the view the room holds', () => {
    const room = new RoomView();
    expect(room.forJoiner(1)).toBeNull();
    room.open(view({ stage: 'lobby', buzzed: null }));
    expect(room.forJoiner(5)).toEqual({ view: { stage: 'lobby', buzzed: null }, events: [], serverNow: 5 });
    const update = room.send({ view: view({ stage: 'round', buzzed: null }), events: [{ type: 'buzzers-opened' } as never], serverNow: 7 });
    expect(update).toEqual({ changes: { stage: 'round' }, events: [{ type: 'buzzers-opened' }], serverNow: 7 });
    expect(room.forJoiner(8)?.view).toEqual({ stage: 'round', buzzed: null });
  });

  it('the opening replaces news that came before it, and nobody joins before it', () => {
    const room = new RoomView();
    // News from before the contest was last unwatched, still on its way (audience-process.ts).
    room.send(whole(view({ stage: 'lobby', buzzed: 's2' }), 3));
    expect(room.forJoiner(4)).toBeNull();
    room.open(view({ stage: 'round', buzzed: null }));
    expect(room.forJoiner(5)?.view).toEqual({ stage: 'round', buzzed: null });
    expect(room.send(whole(view({ stage: 'round', buzzed: 's1' }), 6))).toEqual({ changes: { buzzed: 's1' }, events: [], serverNow: 6 });
  });

  it('a viewer joining while news waits holds what the room holds once it goes, also when a field changed and changed back', () => {
    const room = new RoomView();
    room.open(view({ buzzed: null, stage: 'round' }));
    const early = new Viewer();
    early.hear(room.forJoiner(1)!);
    // Two updates came while the process was busy writing: a buzz, then the lock released (the
    // waiting news is merged, news-queue.ts, so the room is sent only the latest).
    const buzz = view({ buzzed: 's3', stage: 'answering' });
    const released = view({ buzzed: null, stage: 'answering' });
    const late = new Viewer();
    late.hear(room.forJoiner(2)!);
    const update = room.send(whole(released));
    early.hear(update);
    late.hear(update);
    expect(late.held).toEqual(released);
    expect(early.held).toEqual(released);
    // Why the joiner is not sent the newest news: holding the buzz, the same changes would leave
    // it showing a buzz the room no longer has.
    expect(update).toEqual({ changes: { stage: 'answering' }, events: [], serverNow: 1 });
    expect(applyUpdate(buzz, update)).toEqual({ buzzed: 's3', stage: 'answering' });
  });

  it('every viewer holds the latest view after each send, whoever joined when (random views, seeded)', () => {
    const random = seedrandom('room-view');
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)];
    const randomView = () =>
      view({
        stage: pick(['lobby', 'round', 'final']),
        buzzed: pick([null, 's1', 's2']),
        standings: Array.from({ length: 10 }, (_, i) => ({ seatId: `s${i + 1}`, total: pick([0, 10, 20]) })),
        ...(random() < 0.8 && { question: pick([null, { id: 'q1' }, { id: 'q2' }]) }),
      });
    for (let run = 0; run < 200; run++) {
      const room = new RoomView();
      room.open(randomView());
      const viewers: Viewer[] = [];
      let latest: ContestView | null = null;
      for (let step = 0; step < 20; step++) {
        // Viewers join before, between and after updates arrive; news that waits is merged, so
        // only every so often is the latest sent.
        if (random() < 0.5) {
          const viewer = new Viewer();
          viewer.hear(room.forJoiner(step)!);
          viewers.push(viewer);
        }
        latest = randomView();
        if (random() < 0.5) {
          const update = room.send(whole(latest, step));
          for (const viewer of viewers) viewer.hear(update);
          for (const viewer of viewers) expect(viewer.held).toEqual(latest);
        }
      }
    }
  });
});
