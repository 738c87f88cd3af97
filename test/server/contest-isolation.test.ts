// Contests in one server share nothing of their phones' links (P7): every contest names its seats
// s1, s2, ..., and a slow phone of one contest must not widen another's grace window (P4) nor
// show on its host console.
import { afterEach, describe, expect, it } from 'vitest';
import { LinkBook } from '../../server/realtime/links.js';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import type { SeatLink } from '../../shared/protocol.js';
import { definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { pumpFor, pumpUntil } from '../support/latency-proxy.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const SLOW_PING_MS = 250;

describe('contests are isolated', () => {
  it('[P7][P4] a slow phone in one contest leaves another contest\'s grace window and console unchanged', async () => {
    const clock = new FakeClock();
    const h = await startServer({ clock, definition: definition({ seats: 2 }) });
    harnesses.push(h);
    const other = h.app.contests.create(definition({ seats: 2 }));
    const otherCodes = Object.fromEntries(h.store.loadContest(other)?.seats.map((s) => [s.seatId, s.joinCode]) ?? []);

    /** A phone of `contestId` on seat `seatId` that answers the server's pings after `delayMs`. */
    const phone = async (contestId: string, joinCode: string, delayMs: number): Promise<TestClient> => {
      const c = h.connect({ role: 'contestant', contestId });
      c.socket.on('clock:ping', (ack) => (delayMs ? clock.schedule(clock.now() + delayMs, ack) : ack()));
      await pumpUntil(clock, c.ready());
      const claimed = await pumpUntil(clock, c.request('seat:claim', { joinCode }));
      expect(claimed).toHaveProperty('data');
      return c;
    };
    const near = await phone(h.contestId, h.joinCodes.s1, 0);
    await phone(h.contestId, h.joinCodes.s2, 0);
    // The other contest's s1 answers every ping 250 ms late.
    await phone(other, otherCodes.s1, SLOW_PING_MS);

    const host = await pumpUntil(clock, h.host());
    let links: Record<string, SeatLink> = {};
    host.socket.on('seat:links', (l) => (links = l));
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) {
      expect(await pumpUntil(clock, host.request('host:command', { type }))).toEqual({ data: null });
    }
    await pumpFor(clock, 5000);

    // The console shows this contest's own phones: both answer at once.
    expect(links.s1).toMatchObject({ rttMs: 0, quality: 'good' });
    expect(links.s2).toMatchObject({ rttMs: 0, quality: 'good' });

    // The decision waits the credit, whatever any phone's pings look like (P2, P4).
    const pressedAt = clock.now();
    const ack = await pumpUntil(clock, near.request('buzz:press', {}));
    expect(ack).toEqual({ data: { decision: 'pending' } });
    const question = h.room.state.question;
    expect(question?.kind === 'buzz-in' ? question.decideAt : null).toBe(pressedAt + DEFAULT_FAIRNESS.maxCreditMs);
  }, 30_000);

  it('[P7] a press or a console report reads only its own contest\'s phones', () => {
    const clock = new FakeClock();
    const book = new LinkBook(clock);
    const asked: string[] = [];
    const add = (id: string, contestId: string, rttMs: number) =>
      book.add({ id, contestId, seatId: () => (asked.push(contestId), 's1'), ping: (answered) => clock.schedule(clock.now() + rttMs, answered) });
    add('a-phone', 'a', 4);
    for (let i = 0; i < 500; i++) add(`b-phone-${i}`, 'b', 250);
    clock.advance(300);

    asked.length = 0;
    expect(book.armed('a', ['s1', 's2'])).toEqual({ s1: { oneWayMs: 2, errorMs: 1, syncErrorMs: 2 } });
    expect(book.seatLinks('a', ['s1'])).toEqual({ s1: { rttMs: 4, oneWayMs: 2, quality: 'good', warning: null } });
    expect(asked.every((c) => c === 'a')).toBe(true);
    expect(asked).toHaveLength(2);
    expect(book.seatLinks('b', ['s1']).s1).toMatchObject({ rttMs: 250, quality: 'fair' });

    book.remove('a-phone');
    expect(book.armed('a', ['s1'])).toEqual({});
    expect(book.evidence('a-phone')).toBeNull();
    book.close();
    expect(clock.pending()).toBe(0);
  });
});
