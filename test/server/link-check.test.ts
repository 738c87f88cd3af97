// The lobby's link check (P8) and what a press tells the other pages (P9), on the server.
import { afterEach, describe, expect, it } from 'vitest';
import { LinkBook } from '../../server/realtime/links.js';
import { FakeClock } from '../support/fake-clock.js';
import type { Harness, TestClient } from '../support/harness.js';
import { pumpFor, pumpUntil } from '../support/latency-proxy.js';
import { pumpedStage } from '../support/pumped-stage.js';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { buzzOf } from '../support/question-of.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('[P8] the link check flags links the credit cannot judge fairly', () => {
  /** A link book with one phone per entry, each answering pings after the round trips given in turn. */
  function book(phones: Record<string, { seatId: string; rtts: number[] }>) {
    const clock = new FakeClock();
    const links = new LinkBook(clock);
    for (const [id, { seatId, rtts }] of Object.entries(phones)) {
      let n = 0;
      links.add({ id, contestId: 'c', seatId: () => seatId, ping: (answered) => clock.schedule(clock.now() + rtts[n++ % rtts.length], answered) });
    }
    // Twenty seconds of the lobby: twenty round trips each.
    clock.advance(20_000);
    return links;
  }

  it('[P8] steady hall Wi-Fi passes; a phone saving power is spiky; a slow fastest trip is uneven', () => {
    const links = book({
      // One spike in twenty trips is good Wi-Fi; one in ten is not.
      good: { seatId: 's1', rtts: [3, 4, 5, 4, 3, 70, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4] },
      saving: { seatId: 's2', rtts: [4, 60, 100, 20, 80, 45, 5, 95] },
      far: { seatId: 's3', rtts: [46, 47, 48] },
    });
    const seats = links.seatLinks('c', ['s1', 's2', 's3']);
    expect(seats.s1.warning).toBeNull();
    expect(seats.s2.warning).toBe('spiky');
    expect(seats.s3.warning).toBe('uneven');
  });

  it('[P8] two good-Wi-Fi spikes in the window are no warning; two congestion spikes of 150 ms are', () => {
    const calm = Array.from({ length: 20 }, (_, i) => 4 + (i % 3));
    const withSpikes = (spike: number) => calm.map((rtt, i) => (i === 5 || i === 15 ? spike : rtt));
    const links = book({ wifi: { seatId: 's1', rtts: withSpikes(60) }, busy: { seatId: 's2', rtts: withSpikes(150) }, once: { seatId: 's3', rtts: calm.map((rtt, i) => (i === 5 ? 150 : rtt)) } });
    const seats = links.seatLinks('c', ['s1', 's2', 's3']);
    expect([seats.s1.warning, seats.s2.warning, seats.s3.warning]).toEqual([null, 'spiky', null]);
  });

  it('[P8] a phone whose presses keep arriving later than the credit allows is flagged; its seat shows its worst phone', () => {
    const links = book({ one: { seatId: 's1', rtts: [4] }, two: { seatId: 's1', rtts: [4] } });
    links.notePress('two', true);
    expect(links.seatLinks('c', ['s1']).s1.warning).toBeNull();
    links.notePress('two', true);
    expect(links.seatLinks('c', ['s1']).s1.warning).toBe('late-presses');
    // Presses on time push the held ones out of its recent window.
    for (let i = 0; i < 5; i++) links.notePress('two', false);
    expect(links.seatLinks('c', ['s1']).s1.warning).toBeNull();
  });
});

describe('[P9] a press waiting for its decision is told to nobody but the host and its seat', () => {
  it('[P9] the other phone and the screen hear nothing until the winner is announced', async () => {
    const {
      clock,
      host,
      screen,
      phones: [presser, rival],
    } = await pumpedStage(harnesses, 2, ['s1', 's2']);
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) {
      expect(await pumpUntil(clock, host.request('host:command', { type }))).toEqual({ data: null });
    }
    await pumpFor(clock, 1000);
    const heard = (c: TestClient) => {
      const events: string[] = [];
      c.socket.onAny((event: string) => event !== 'clock:ping' && events.push(event));
      return events;
    };
    const rivalHeard = heard(rival);
    const screenHeard = heard(screen);

    expect(await pumpUntil(clock, presser.request('buzz:press', {}))).toEqual({ data: { decision: 'pending' } });
    await pumpFor(clock, DEFAULT_FAIRNESS.maxCreditMs - 1);
    expect(buzzOf(host.view)?.deciding).toBe(true);
    expect(buzzOf(presser.view)?.deciding).toBe(true);
    expect(rivalHeard).toEqual([]);
    expect(screenHeard).toEqual([]);

    await pumpFor(clock, 2);
    expect(rival.view?.question).toMatchObject({ phase: 'answering', winner: 's1', deciding: false });
    expect(screen.view?.question).toMatchObject({ phase: 'answering', winner: 's1' });
  }, 30_000);
});
