// Likes (点赞): batched totals on the server's clock, stored, and floods refused (server/audience/likes.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage/store.js';
import { FLUSH_MS } from '../../../server/audience/likes.js';
import { startServer, type Harness, type TestClient } from '../../support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** Every like total a page was told, in order. */
function totalsOf(page: TestClient): number[] {
  const totals: number[] = [];
  page.socket.on('likes:total', ({ total }) => totals.push(total));
  return totals;
}

/** A round trip on the page's socket: anything sent to it before has arrived by now. */
const settled = (page: TestClient) => page.request('clock:probe', {});

describe('likes', () => {
  it('batches arrive as one total per 500 ms to the audience, overlay, screen and host, and a page joining gets it', async () => {
    const h = await startServer();
    harnesses.push(h);
    // A phone is watched from before it connects: it is told no total, on joining or later.
    const phone = h.connect({ role: 'contestant' });
    const phoneTold = totalsOf(phone);
    const pages = [await h.host(), await h.screen(), h.connect({ role: 'overlay' }), h.connect({ role: 'audience' })];
    const viewer = h.connect({ role: 'audience' });
    await Promise.all([...pages, viewer, phone].map((p) => p.ready()));
    const told = pages.map(totalsOf);
    await Promise.all([...pages, viewer].map(settled));

    for (const count of [3, 50, 7]) expect(await viewer.request('like:add', { count })).toEqual({ data: null });
    await Promise.all(pages.map(settled));
    expect(told.flat()).toEqual([]);
    h.clock.advance(FLUSH_MS);
    await Promise.all(pages.map((p, i) => waitFor(() => told[i].length === 1)));
    expect(told).toEqual(pages.map(() => [60]));
    await settled(phone);
    expect(phoneTold).toEqual([]);
    // Nothing new, nothing sent: no timer runs for an idle contest.
    h.clock.advance(FLUSH_MS * 4);
    await Promise.all(pages.map(settled));
    expect(told.every((t) => t.length === 1)).toBe(true);

    const late = h.connect({ role: 'audience' });
    const lateTold = totalsOf(late);
    await late.ready();
    await waitFor(() => lateTold.length === 1);
    expect(lateTold).toEqual([60]);
  });

  it('the total survives a restart', async () => {
    const store = openStore(':memory:');
    const first = await startServer({ store });
    const viewer = first.connect({ role: 'audience' });
    await viewer.ready();
    await viewer.request('like:add', { count: 12 });
    first.clock.advance(FLUSH_MS);
    await first.close();
    const again = await startServer({ store });
    harnesses.push(again);
    const page = again.connect({ role: 'audience' });
    const told = totalsOf(page);
    await page.ready();
    await waitFor(() => told.length === 1);
    expect(told).toEqual([12]);
    store.close();
  });

  it('refuses floods per socket and per address with rate-limited, bad counts, and roles that may not like', async () => {
    const h = await startServer({ audience: { likeRates: { perSocket: { burst: 100, perSecond: 10 }, perAddress: { burst: 150, perSecond: 10 } } } });
    harnesses.push(h);
    const [a, b] = [h.connect({ role: 'audience' }), h.connect({ role: 'audience' })];
    const phone = await h.contestant('s1');
    await Promise.all([a.ready(), b.ready()]);
    expect(await a.request('like:add', { count: 50 })).toEqual({ data: null });
    expect(await a.request('like:add', { count: 50 })).toEqual({ data: null });
    // The socket's own allowance is spent.
    expect(await a.request('like:add', { count: 1 })).toEqual({ error: 'rate-limited' });
    // Another socket from the same address: the address's allowance runs out at 150.
    expect(await b.request('like:add', { count: 50 })).toEqual({ data: null });
    expect(await b.request('like:add', { count: 1 })).toEqual({ error: 'rate-limited' });
    expect(await b.raw('like:add', { count: 51 })).toEqual({ error: 'bad-payload' });
    expect(await b.raw('like:add', { count: 0 })).toEqual({ error: 'bad-payload' });
    expect(await b.raw('like:add', { count: 2, extra: 1 })).toEqual({ error: 'bad-payload' });
    expect(await phone.raw('like:add', { count: 1 })).toEqual({ error: 'not-authorised' });
    // A second later the allowances have refilled by 10.
    h.clock.advance(1000);
    expect(await a.request('like:add', { count: 10 })).toEqual({ data: null });
    const told = totalsOf(a);
    h.clock.advance(FLUSH_MS);
    await waitFor(() => told.length === 1);
    expect(told).toEqual([160]);
  });
});

/** Waits for a condition on what pages were told: socket events, not time. */
async function waitFor(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setImmediate(resolve));
}
