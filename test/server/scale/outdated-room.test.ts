// With --redis, a process that has lost a contest's lease keeps its outdated room for a while:
// its own pages' disconnects and a claim alarm's timer still reach it. It sends no page a view of
// that room, or the host console and the screen would jump back to its state until the new
// owner's next change. Played here without Redis: the scale-out part is a stand-in whose lease
// the test takes away.
import { afterEach, describe, expect, it } from 'vitest';
import type { ScaleOut, ScaleParts } from '../../../server/scale/scale-out.js';
import type { QiangdaSocket } from '../../../server/realtime/realtime.js';
import { definition } from '../../support/definitions.js';
import { FakeClock } from '../../support/fake-clock.js';
import { startServer, type Harness } from '../../support/harness.js';
import { ioTurn } from '../../support/latency-proxy.js';

/** What the app asks of its scale-out part, with pages served here and a lease the test holds. */
class HeldLease {
  holds = true;
  private parts: ScaleParts | null = null;

  owns(): boolean {
    return this.holds;
  }
  attach(parts: ScaleParts): undefined {
    this.parts = parts;
  }
  authenticate() {
    return (socket: QiangdaSocket, next: (err?: Error) => void) => this.served().authenticate(socket, next);
  }
  connection(socket: QiangdaSocket, address: string): void {
    this.served().connect(socket, address);
  }
  private served(): ScaleParts {
    if (!this.parts) throw new Error('not attached');
    return this.parts;
  }
}

/** Turns of the event loop until the server has handled what `done` waits for. */
async function turnsUntil(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !done(); turn++) await ioTurn();
  if (!done()) throw new Error('not handled within 1,000 turns');
}

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('a process that lost the lease', () => {
  it('sends no view of its outdated room when a phone of its own leaves', async () => {
    const lease = new HeldLease();
    const h = await startServer({ clock: new FakeClock(), definition: definition({ seats: 2 }), scale: lease as unknown as ScaleOut });
    harnesses.push(h);
    const host = await h.host();
    const screen = await h.screen();
    const first = await h.contestant('s1');
    const second = await h.contestant('s2');

    // While it runs the contest, a phone leaving is news for the console and the screen.
    first.socket.disconnect();
    await host.until((v) => v.seats.find((s) => s.id === 's1')?.connected === 0);
    await screen.until((v) => v.seats.find((s) => s.id === 's1')?.connected === 0);

    // The lease is gone: the next phone leaving reaches the outdated room, and no page hears of
    // it. A probe answered after the room knew is answered after anything sent of it.
    lease.holds = false;
    const told = { host: host.received.length, screen: screen.received.length };
    second.socket.disconnect();
    await turnsUntil(() => (h.room.facts().connected.get('s2') ?? 0) === 0);
    for (const page of [host, screen]) expect(await page.request('clock:probe', {})).toHaveProperty('data');
    expect({ host: host.received.length, screen: screen.received.length }).toEqual(told);
  });
});
