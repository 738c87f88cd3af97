// The contest lease in Redis (server/scale/lease.ts): one holder at a time, and each new holder
// in a later epoch, so what an owner that has lost the contest still tells is known for older
// (shared-audience.ts). A real redis-server; nothing here waits for a lease to expire: a release
// frees it as an expiry would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createClient } from 'redis';
import { ContestLease, epochKey, leaseKey } from '../../../server/scale/lease.js';
import { ScaleOut } from '../../../server/scale/scale-out.js';
import { openStore } from '../../../server/storage/store.js';
import { closedAfterEach } from '../../support/closed-after-each.js';
import { startServer } from '../../support/harness.js';
import { spawnRedis } from '../../support/redis-server.js';
import { hasRedis, requireRedis } from '../../support/scale-pair.js';

const { harnesses, tempDir } = closedAfterEach();

requireRedis('the contest lease');

describe.skipIf(!hasRedis)('the contest lease', () => {
  let server: ChildProcess | undefined;
  let redis: ReturnType<typeof createClient>;
  let redisUrl: string;

  beforeAll(async () => {
    const { url } = await spawnRedis(undefined, (p) => (server = p));
    redisUrl = url;
    redis = createClient({ url });
    await redis.connect();
  });

  afterAll(async () => {
    await redis?.quit();
    server?.kill('SIGKILL');
  });

  it('gives each new holder a later epoch, the same while it renews, and 0 to a process refused', async () => {
    const a = new ContestLease(redis, 'process-a', 60_000);
    const b = new ContestLease(redis, 'process-b', 60_000);
    const first = await a.claim('c1');
    expect(first).toBeGreaterThan(0);
    expect(Number.isSafeInteger(first)).toBe(true);
    expect(await a.claim('c1')).toBe(first);
    expect(await b.claim('c1')).toBe(0);
    expect(await redis.get(leaseKey('c1'))).toBe('process-a');
    // A's lease ends (released here, as an expiry would free it): B holds it in a later epoch.
    await a.release('c1');
    const second = await b.claim('c1');
    expect(second).toBeGreaterThan(first);
    expect(await a.claim('c1')).toBe(0);
    expect(await b.claim('c1')).toBe(second);
  });

  it('after Redis lost everything (a restart that kept nothing), the holder renews in a later epoch', async () => {
    const a = new ContestLease(redis, 'process-a', 60_000);
    const before = await a.claim('c2');
    await redis.flushAll();
    expect(await redis.get(epochKey('c2'))).toBeNull();
    const after = await a.claim('c2');
    expect(after).toBeGreaterThan(before);
    expect(await a.claim('c2')).toBe(after);
    // Lost the epoch only (a holder from before epochs), or holding something else: it is given
    // one, later still.
    await redis.del(epochKey('c2'));
    const again = await a.claim('c2');
    expect(again).toBeGreaterThan(after);
    await redis.set(epochKey('c2'), 'not a number');
    expect(await a.claim('c2')).toBeGreaterThan(again);
  });

  it('a new holder\'s epoch is above the last one even if Redis\'s clock has stepped back', async () => {
    const a = new ContestLease(redis, 'process-a', 60_000);
    const b = new ContestLease(redis, 'process-b', 60_000);
    await a.claim('c4');
    // The last holder's epoch as if taken an hour ahead of Redis's clock now.
    const ahead = (await a.claim('c4')) + 3_600_000_000;
    await redis.set(epochKey('c4'), String(ahead));
    await a.release('c4');
    expect(await b.claim('c4')).toBe(ahead + 1);
  });

  it('a new epoch is above the floor the caller read from the shared file, also after Redis lost everything with its clock behind it', async () => {
    const a = new ContestLease(redis, 'process-a', 60_000);
    const b = new ContestLease(redis, 'process-b', 60_000);
    // The file names an epoch an hour ahead of this Redis's clock (the last owner's, taken from a
    // Redis whose clock was ahead, or before this one restarted empty).
    const floor = (await a.claim('c5')) + 3_600_000_000;
    await redis.flushAll();
    expect(await a.claim('c5', floor)).toBe(floor + 1);
    await a.release('c5');
    await redis.flushAll();
    expect(await b.claim('c5', floor)).toBe(floor + 1);
  });

  it('a process takes over a contest whose file names an epoch ahead of Redis\'s clock, and its writes pass the fence', async () => {
    const file = join(tempDir('qiangda-floor-'), 'qiangda.db');
    const h = await startServer({ store: openStore(file) });
    harnesses.push(h);
    // The last owner fenced the contest an hour ahead of what this Redis's clock gives now.
    const ahead = Date.now() * 1000 + 3_600_000_000;
    const lastOwner = openStore(file);
    expect(lastOwner.fences.fence(h.contestId, ahead)).toBe(true);
    lastOwner.close();

    const scale = await ScaleOut.connect(redisUrl, { log: () => {} });
    const next = await startServer({ store: openStore(file), scale });
    harnesses.push(next);
    try {
      expect(next.contestId).toBe(h.contestId);
      expect(await scale.claim(next.contestId)).toBe(true);
      expect(next.store.fences.epochOf(next.contestId)).toBeGreaterThan(ahead);
      const host = await next.host();
      expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
      // A contest the file does not hold is not claimed at all: nothing is written for it in Redis.
      expect(await scale.claim('no-such-contest')).toBe(false);
      expect(await redis.get(epochKey('no-such-contest'))).toBeNull();
    } finally {
      await scale.close();
    }
  });

  it('an owner whose write is fenced out gives the contest up at once, not at its next renewal', async () => {
    const file = join(tempDir('qiangda-fenced-'), 'qiangda.db');
    // A lease of a minute: no renewal comes during the test.
    const scale = await ScaleOut.connect(redisUrl, { leaseMs: 60_000, log: () => {} });
    const h = await startServer({ store: openStore(file), scale });
    harnesses.push(h);
    try {
      expect(await scale.claim(h.contestId)).toBe(true);
      const host = await h.host();
      expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
      // Another process took the contest over (its later epoch is in the file); this one has not heard.
      const other = openStore(file);
      expect(other.fences.fence(h.contestId, (h.store.fences.epochOf(h.contestId) ?? 0) + 1)).toBe(true);
      other.close();
      expect(scale.owns(h.contestId)).toBe(true);
      expect(await host.request('host:command', { type: 'question:next' })).toEqual({ error: 'internal-error' });
      expect(scale.owns(h.contestId)).toBe(false);
      // It keeps no fence of a contest it no longer owns.
      expect(h.store.fences.epochOf(h.contestId)).toBeUndefined();
      // Its own pages are closed, to come back through the new owner.
      if (host.socket.connected) await new Promise((resolve) => host.socket.once('disconnect', resolve));
      expect(host.socket.connected).toBe(false);
    } finally {
      await scale.close();
    }
  });
});
