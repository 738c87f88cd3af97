// With --redis, a process that has lost a contest's lease keeps its outdated room for a while:
// its own pages' disconnects and a claim alarm's timer still reach it. It sends no page a view of
// that room, or the host console and the screen would jump back to its state until the new
// owner's next change. Played here without Redis: the scale-out part is a stand-in whose lease
// the test takes away.
import { describe, expect, it } from 'vitest';
import type { ScaleOut, ScaleParts } from '../../../server/scale/scale-out.js';
import type { QiangdaSocket } from '../../../server/realtime/realtime.js';
import { definition } from '../../support/definitions.js';
import { FakeClock } from '../../support/fake-clock.js';
import { HOST_REFRESH_MS } from '../../../server/realtime/host-refresh.js';
import { DEFAULT_FAIRNESS } from '../../../shared/contest/arbiter.js';
import { closedAfterEach } from '../../support/closed-after-each.js';
import { startServer } from '../../support/harness.js';
import { ioTurn, pumpFor, pumpUntil } from '../../support/latency-proxy.js';

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

const { harnesses } = closedAfterEach();

/** A server whose lease the test holds, with a host console and a screen. */
async function leasedStage(clock = new FakeClock()) {
  const lease = new HeldLease();
  // Judged by arrival: a press is decided as it arrives.
  const h = await startServer({ clock, definition: definition({ seats: 2, rules: { fairness: { ...DEFAULT_FAIRNESS, mode: 'arrival' } } }), scale: lease as unknown as ScaleOut });
  harnesses.push(h);
  return { lease, h, host: await h.host(), screen: await h.screen() };
}

describe('a process that lost the lease', () => {
  it('sends no view of its outdated room when a phone of its own leaves', async () => {
    const { lease, h, host, screen } = await leasedStage();
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

  it('sends no host refresh of its outdated room, though one was due when it lost the lease', async () => {
    const clock = new FakeClock();
    const { lease, h, host } = await leasedStage(clock);
    const [first, second] = [await h.contestant('s1'), await h.contestant('s2')];
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) {
      expect(await pumpUntil(clock, host.request('host:command', { type }))).toEqual({ data: null });
    }
    expect(await pumpUntil(clock, first.request('buzz:press', {}))).toMatchObject({ data: { decision: 'won' } });
    // A late press goes to the host's press log only, with the host's next refresh (B14).
    expect(await pumpUntil(clock, second.request('buzz:press', {}))).toHaveProperty('data');
    const told = host.received.length;
    lease.holds = false;
    await pumpFor(clock, HOST_REFRESH_MS);
    expect(await host.request('clock:probe', {})).toHaveProperty('data');
    expect(host.received.length).toBe(told);
  });
});
