// The phone's clock sync (P1): when probes go out, what the estimate makes of their answers, and
// how a press's own time becomes server time. Fake timers and fake probe answers: nothing waits.
import { describe, expect, it } from 'vitest';
import { BURST_GAP_MS, BURST_PROBES, PROBE_EVERY_MS, PressClock, type ProbeTimers } from '../../web/lib/press-clock.js';

/** A local clock and timers that move only when the test moves them. */
class FakeTimers implements ProbeTimers {
  time = 10_000;
  private timers: { at: number; fn: () => void }[] = [];
  now = () => this.time;
  after = (ms: number, fn: () => void) => {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
  pending(): number {
    return this.timers.length;
  }
}

/** A server whose clock reads local + OFFSET; each probe is answered when the test says so. */
const OFFSET = 1_700_000_000_000;
function fakeServer(timers: FakeTimers) {
  const sentAt: number[] = [];
  const waiting: ((serverNow: number | null) => void)[] = [];
  return {
    sentAt,
    send: () => {
      sentAt.push(timers.time);
      return new Promise<number | null>((resolve) => waiting.push(resolve));
    },
    /** Moves time on to the moment the next probe leaves. */
    untilNextProbe() {
      const count = sentAt.length;
      while (sentAt.length === count) timers.advance(1);
    },
    /** Answers the newest open probe, sent just now: the server reads its clock `upMs` later, and
     * the answer takes `downMs` to come back. */
    async answer(upMs: number, downMs: number) {
      const resolve = waiting.pop();
      if (!resolve) throw new Error('no probe in flight');
      timers.advance(upMs);
      const serverNow = timers.time + OFFSET;
      timers.advance(downMs);
      resolve(serverNow);
      await Promise.resolve();
      await Promise.resolve();
    },
    async fail() {
      waiting.pop()?.(null);
      await Promise.resolve();
      await Promise.resolve();
    },
    open: () => waiting.length,
  };
}

describe('PressClock', () => {
  it('[P1] sends a burst of probes on connect, then one a second', () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    timers.advance(BURST_GAP_MS * (BURST_PROBES - 1));
    expect(server.sentAt).toEqual([0, 1, 2, 3, 4].map((i) => 10_000 + i * BURST_GAP_MS));
    timers.advance(PROBE_EVERY_MS - 1);
    expect(server.sentAt).toHaveLength(BURST_PROBES);
    timers.advance(1 + 2 * PROBE_EVERY_MS);
    expect(server.sentAt.slice(BURST_PROBES)).toEqual([1, 2, 3].map((i) => 10_000 + BURST_GAP_MS * (BURST_PROBES - 1) + i * PROBE_EVERY_MS));
  });

  it('[P1] stops on disconnect and starts a fresh burst on reconnect', () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    timers.advance(2000);
    const before = server.sentAt.length;
    clock.stop();
    expect(timers.pending()).toBe(0);
    timers.advance(5000);
    expect(server.sentAt).toHaveLength(before);
    clock.start();
    clock.start(); // a second connect event never doubles the schedule
    timers.advance(BURST_GAP_MS * (BURST_PROBES - 1));
    expect(server.sentAt.length - before).toBe(BURST_PROBES + 1);
    expect(timers.pending()).toBe(1);
  });

  it('[P1] knows nothing until a probe has come back, and nothing from a failed one', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    expect(clock.toServer(timers.time)).toBeNull();
    await server.fail();
    expect(clock.toServer(timers.time)).toBeNull();
    expect(clock.estimate()).toBeNull();
  });

  it('[P1] converts a press time with the offset of the fastest round trip', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    // Even split: the estimate is exact, off by at most half the 20 ms round trip.
    await server.answer(10, 10);
    expect(clock.estimate()).toMatchObject({ offsetMs: OFFSET, errorMs: 10, rttMs: 20, samples: 1 });
    expect(clock.toServer(12_345.5)).toBe(12_345.5 + OFFSET);
  });

  it('[P1] a probe delayed on the way up cannot move the estimate', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    await server.answer(4, 4);
    server.untilNextProbe();
    await server.answer(400, 5); // Wi-Fi hiccup: the server read its clock late
    server.untilNextProbe();
    await server.answer(2, 2);
    const e = clock.estimate();
    expect(e).toMatchObject({ offsetMs: OFFSET, rttMs: 4, samples: 3 });
    expect(clock.toServer(50_000)).toBe(50_000 + OFFSET);
  });

  it('[P1] an uneven link leaves an error of at most half the round trip', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    await server.answer(30, 0);
    const e = clock.estimate();
    expect(e?.errorMs).toBe(15);
    expect(Math.abs((clock.toServer(0) ?? NaN) - OFFSET)).toBeLessThanOrEqual(e?.errorMs ?? 0);
  });

  it('[P1] keeps answers that come back after a reconnect (the server clock did not change)', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    clock.stop();
    clock.start();
    expect(server.open()).toBe(2);
    await server.answer(3, 3);
    expect(clock.estimate()?.samples).toBe(1);
    expect(timers.pending()).toBe(1);
  });

  it('[P1] forgets probes from before a reconnect: the phone may have slept meanwhile', async () => {
    const timers = new FakeTimers();
    const server = fakeServer(timers);
    const clock = new PressClock(server.send, timers);
    clock.start();
    await server.answer(5, 5);
    expect(clock.estimate()?.samples).toBe(1);
    clock.stop();
    clock.start();
    expect(clock.estimate()).toBeNull();
  });
});
