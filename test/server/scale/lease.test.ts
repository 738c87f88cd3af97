// The contest lease in Redis (server/scale/lease.ts): one holder at a time, and each new holder
// in a later epoch, so what an owner that has lost the contest still tells is known for older
// (shared-audience.ts). A real redis-server; nothing here waits for a lease to expire: a release
// frees it as an expiry would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { ContestLease, epochKey, leaseKey } from '../../../server/scale/lease.js';
import { spawnRedis } from '../../support/redis-server.js';
import { hasRedis, requireRedis } from '../../support/scale-pair.js';

requireRedis('the contest lease');

describe.skipIf(!hasRedis)('the contest lease', () => {
  let server: ChildProcess | undefined;
  let redis: ReturnType<typeof createClient>;

  beforeAll(async () => {
    const { url } = await spawnRedis(undefined, (p) => (server = p));
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
});
