// B14 with a hall pressing together: a press that only adds to the host's press log (late, or
// from a seat already out) changes no other page's view, so no other page is sent one; the host
// hears of such presses a moment later, all of them in one update.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { HOST_REFRESH_MS } from '../../server/realtime/host-refresh.js';
import { closedAfterEach } from '../support/closed-after-each.js';
import type { TestClient } from '../support/harness.js';
import { pumpFor, pumpUntil } from '../support/latency-proxy.js';
import { pumpedStage } from '../support/pumped-stage.js';
import { buzzOf } from '../support/question-of.js';

const { harnesses } = closedAfterEach();

/** A contest of four seats whose first press has won the buzz (s1 answering). */
async function decided() {
  const { clock, host, screen, phones } = await pumpedStage(harnesses, 4, ['s1', 's2', 's3', 's4']);
  for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) {
    expect(await pumpUntil(clock, host.request('host:command', { type }))).toEqual({ data: null });
  }
  await pumpFor(clock, 1000);
  expect(await pumpUntil(clock, phones[0].request('buzz:press', {}))).toEqual({ data: { decision: 'pending' } });
  await pumpFor(clock, DEFAULT_FAIRNESS.maxCreditMs + 1);
  expect(buzzOf(screen.view)).toMatchObject({ phase: 'answering', winner: 's1' });
  return { clock, host, screen, phones };
}

/** The contest updates `client` gets from now on. */
const counted = (client: TestClient) => {
  const before = client.updates.length;
  return () => client.updates.slice(before);
};

describe('[B14] late presses', () => {
  it('are told to the host alone, once, a moment later, all in one update; the pressers learn it from their acks', async () => {
    const { clock, host, screen, phones } = await decided();
    const [, s2, s3, s4] = phones;
    const others = [screen, ...phones].map(counted);
    const hostGot = counted(host);

    for (const phone of [s2, s3, s4]) expect(await pumpUntil(clock, phone.request('buzz:press', {}))).toEqual({ data: { decision: 'late' } });
    expect(hostGot()).toEqual([]);

    await pumpFor(clock, HOST_REFRESH_MS);
    expect(hostGot()).toHaveLength(1);
    const log = buzzOf(hostGot()[0].view)?.buzzes ?? [];
    expect(log.filter((b) => b.decision === 'late').map((b) => b.seatId)).toEqual(['s2', 's3', 's4']);

    await pumpFor(clock, 1000);
    expect(hostGot()).toHaveLength(1);
    // Nobody else's view changed: no other page was sent one.
    for (const got of others) expect(got()).toEqual([]);
  });

  it('wait for no refresh when the host’s view goes out anyway with the next ruling', async () => {
    const { clock, host, phones } = await decided();
    const hostGot = counted(host);
    expect(await pumpUntil(clock, phones[1].request('buzz:press', {}))).toEqual({ data: { decision: 'late' } });
    expect(await pumpUntil(clock, host.request('host:command', { type: 'answer:rule', verdict: 'right' }))).toEqual({ data: null });
    const ruled = hostGot();
    expect(ruled.length).toBeGreaterThanOrEqual(1);
    // The ruling's update already carries the late press.
    expect(buzzOf(ruled.at(-1)?.view)?.buzzes.some((b) => b.seatId === 's2' && b.decision === 'late')).toBe(true);
    await pumpFor(clock, HOST_REFRESH_MS * 2);
    expect(hostGot()).toHaveLength(ruled.length);
  });
});
