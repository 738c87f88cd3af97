// Issue 15, the audience process with --redis: each server process serves its viewers from its own
// niced audience process, also for a contest another process owns. A viewer there sees the stage
// the owner runs, its likes add up with the owner's viewers' likes, and its comments are judged by
// the owner; neither server process holds a socket for them.
import { describe, expect, it } from 'vitest';
import { AUDIENCE_PATH } from '../../../shared/audience-route.js';
import type { CommentsUpdate } from '../../../shared/protocol.js';
import { eventually, hasRedis, page, requireRedis, scalePair, type ScaleServer } from '../../support/scale-pair.js';

const LEASE_MS = 1500;

let a: ScaleServer;
let b: ScaleServer;

scalePair('qiangda-scale-audience-process-', LEASE_MS, (pair) => void ({ a, b } = pair));

/** A viewer on `server`'s audience process, keeping the last like total and comments it was sent. */
async function viewer(server: ScaleServer, token: string) {
  const client = page(server, { role: 'audience', viewerToken: token.padEnd(16, '0') }, false, AUDIENCE_PATH);
  const heard = { likes: -1, comments: null as CommentsUpdate | null };
  client.socket.on('likes:total', ({ total }) => (heard.likes = total));
  client.socket.on('comments:update', (update) => (heard.comments = update));
  await client.ready();
  return { client, heard };
}

/** Runs the owner's clock on (its like and comment batches run on it) until `check` holds. */
const onOwnersClock = (check: () => boolean) =>
  eventually(async () => {
    await a.advance(600);
    return check() ? true : null;
  }, 20_000);

requireRedis('the audience process with --redis');

describe.skipIf(!hasRedis)('the audience process with --redis', () => {
  it("viewers on either process's audience process see the owner's stage, and their likes and comments reach it", { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    const host = page(a, { role: 'host', hostKey: a.ready.hostKey });
    await host.ready();
    const [before, otherBefore] = [await a.sockets(), await b.sockets()];
    const onA = await viewer(a, 'process-viewer-a');
    const onB = await viewer(b, 'process-viewer-b');
    // Neither server process holds a socket (or a stand-in) for them.
    expect(await a.sockets()).toEqual(before);
    expect(await b.sockets()).toEqual(otherBefore);

    const was = onB.client.view;
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await onB.client.until((v) => JSON.stringify(v) !== JSON.stringify(was));
    await onA.client.until((v) => JSON.stringify(v) === JSON.stringify(onB.client.view));

    expect(await onA.client.request('like:add', { count: 3 })).toEqual({ data: null });
    expect(await onB.client.request('like:add', { count: 4 })).toEqual({ data: null });
    await onOwnersClock(() => onA.heard.likes === 7 && onB.heard.likes === 7);

    expect(await onB.client.request('comment:send', { text: '加油' })).toEqual({ error: 'comments-off' });
    expect(await host.request('comments:moderate', { type: 'enable', on: true })).toEqual({ data: null });
    expect(await onB.client.request('comment:send', { text: '为党史学习点赞' })).toEqual({ data: null });
    await onOwnersClock(() => [onA, onB].every((v) => v.heard.comments?.comments.some((c) => c.text === '为党史学习点赞')));
  });
});
