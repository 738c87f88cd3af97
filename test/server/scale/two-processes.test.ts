// Issue 15, scale-out: a real redis-server and two server processes on one SQLite file. Pages on
// either process see the same contest; a request through the process that does not own the
// engine is forwarded to the one that does; killing the owner hands the contest to the other
// within the lease's bound, with every acknowledged buzz in the log.
import { describe, expect, it } from 'vitest';
import { LINK_REPORT_MS } from '../../../server/app.js';
import { openStore } from '../../../server/storage/store.js';
import type { ContestView } from '../../../shared/contest/views.js';
import type { SeatLink } from '../../../shared/protocol.js';
import { eventually, hasRedis, requireRedis, page, phone, scalePair, type ScaleServer } from '../../support/scale-pair.js';

/** A short lease so the test is quick: the takeover bound is LEASE + LEASE / 3. */
const LEASE_MS = 1500;
const BOUND_MS = LEASE_MS + Math.floor(LEASE_MS / 3);
/** Room for a busy two-core machine to schedule the new owner's check and replay. */
const SLACK_MS = 4000;

const winner = (seatId: string) => (v: ContestView) => v.question?.kind === 'buzz-in' && v.question.winner === seatId;
const score = (v: ContestView | null, seatId: string) => v?.seats.find((s) => s.id === seatId)?.score;

let a: ScaleServer;
let b: ScaleServer;

const { dbFile } = scalePair('qiangda-scale-', LEASE_MS, (pair) => void ({ a, b } = pair));

requireRedis('two processes sharing one contest through Redis');

describe.skipIf(!hasRedis)('two processes sharing one contest through Redis', () => {
  it('one owns the engine; a page on the other is served through it; the owner dies and the other carries on', { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    expect(b.ready.owner).toBe(false);
    expect(b.ready.contestId).toBe(a.ready.contestId);

    // The host and one phone on the process that does not own the engine, a screen on each.
    const host = page(b, { role: 'host', hostKey: a.ready.hostKey });
    const screenA = page(a, { role: 'screen' });
    const screenB = page(b, { role: 'screen' });
    await Promise.all([host.ready(), screenA.ready(), screenB.ready()]);
    const phoneB = await phone(b, 's1');
    const phoneA = await phone(a, 's2');

    // The owner times both phones' links (P2), the one on b through Redis: both answer its pings
    // as a page does, and its console report (every two seconds of a's clock) shows both.
    for (const p of [phoneA, phoneB]) p.socket.on('clock:ping', (ack) => ack());
    let links: Record<string, SeatLink> = {};
    host.socket.on('seat:links', (reported) => (links = reported));
    await eventually(async () => (await a.advance(LINK_REPORT_MS), links.s1?.rttMs != null && links.s2?.rttMs != null ? true : null), 15_000);

    // Host commands forwarded from b are applied by a, and every page on both sees them.
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    await screenB.until((v) => v.question?.phase === 'open');

    // The phone on b buzzes: decided on a, seen by the screens on both processes.
    const pressed = await phoneB.request('buzz:press', { rid: 'press-0001' });
    expect(pressed).toMatchObject({ data: { decision: 'won' } });
    await screenA.until(winner('s1'));
    await screenB.until(winner('s1'));
    await phoneA.until(winner('s1'));
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' })).toEqual({ data: null });
    await screenB.until((v) => (score(v, 's1') ?? 0) > 0);
    const scored = score(screenB.view, 's1');

    // The owner dies. b takes the lease once it expires, replays the log, and carries on.
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    const tookOverAfter = await eventually(async () => ((await b.owner()) ? Date.now() - killedAt : null), BOUND_MS + SLACK_MS + 10_000);
    expect(tookOverAfter).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);

    // b's pages, served through a before, are now served by b itself, from the replayed state.
    await host.until((v) => score(v, 's1') === scored);
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    await phoneB.until((v) => v.question?.phase === 'open' && v.question.number === 2);
    expect(await phoneB.request('buzz:press', { rid: 'press-0002' })).toMatchObject({ data: { decision: 'won' } });
    await screenB.until(winner('s1'));

    // Nothing acknowledged is lost: both presses are in the shared log, each once.
    const store = openStore(dbFile);
    try {
      const stored = store.loadContest(a.ready.contestId);
      const presses = stored?.commands.filter((c) => c.type === 'buzz:press') ?? [];
      expect(presses.map((c) => (c.type === 'buzz:press' ? c.seatId : null))).toEqual(['s1', 's1']);
    } finally {
      store.close();
    }
  });
});
