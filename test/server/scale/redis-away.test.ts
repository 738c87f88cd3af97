// Issue 15, scale-out: Redis goes away in the middle of a question. The stage carries on in the
// process that owns the contest; a page on the other process is refused (not left hanging)
// until Redis is back; then it is served again, and the contest stays with its owner. A viewer
// watching on the other process stays, and catches up with what it missed once Redis is back.
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../../shared/contest/views.js';
import { eventually, hasRedis, requireRedis, page, phone, scalePair, startRedis, type ScalePair, type ScaleServer } from '../../support/scale-pair.js';

const LEASE_MS = 1500;

const winner = (seatId: string) => (v: ContestView) => v.question?.kind === 'buzz-in' && v.question.winner === seatId;
const score = (v: ContestView | null, seatId: string) => v?.seats.find((s) => s.id === seatId)?.score ?? 0;

let redis: ScalePair['redis'];
let owner: ScaleServer;
let other: ScaleServer;

scalePair('qiangda-redis-away-', LEASE_MS, (pair) => void ({ a: owner, b: other, redis } = pair));

requireRedis('Redis going away');

describe.skipIf(!hasRedis)('Redis going away', () => {
  it('the stage carries on in the owning process; the other process refuses until Redis is back, then serves again', { timeout: 90_000 }, async () => {
    expect(await owner.owner()).toBe(true);
    const host = page(owner, { role: 'host', hostKey: owner.ready.hostKey });
    const screen = page(owner, { role: 'screen' });
    const farScreen = page(other, { role: 'screen' });
    const farViewer = page(other, { role: 'audience' });
    await Promise.all([host.ready(), screen.ready(), farScreen.ready(), farViewer.ready()]);
    const near = await phone(owner, 's1');
    const far = await phone(other, 's2');
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    await farScreen.until((v) => v.question?.phase === 'open');
    await farViewer.until((v) => v.question?.phase === 'open');

    const gone = new Promise((resolve) => redis.process.once('exit', resolve));
    redis.process.kill('SIGKILL');
    await gone;

    // The owner's own pages: the buzz, the ruling and the score, as if nothing had happened.
    expect(await near.request('buzz:press', { rid: 'near-press-1' })).toMatchObject({ data: { decision: 'won' } });
    await screen.until(winner('s1'));
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' })).toEqual({ data: null });
    await screen.until((v) => score(v, 's1') > 0);

    // A page on the other process is told at once that it cannot be served now.
    expect(await far.request('clock:probe', {})).toEqual({ error: 'internal-error' });
    // The viewer there keeps the last view it had: the ruling never reached its process.
    expect(score(farViewer.view, 's1')).toBe(0);

    // Redis is back (empty): the other process serves its pages again through the owner, which
    // kept the contest; the far screen catches up with the next update.
    redis = await startRedis(redis.port);
    await eventually(async () => {
      const probe = await far.request('clock:probe', {});
      return 'data' in probe ? probe : null;
    }, 30_000);
    expect(await owner.owner()).toBe(true);
    expect(await other.owner()).toBe(false);
    // With nothing new on the stage, the viewer is brought up to date: the ruling and the score it missed.
    await farViewer.until((v) => score(v, 's1') > 0);
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await farScreen.until((v) => v.question?.number === 2 && score(v, 's1') > 0);
  });
});
