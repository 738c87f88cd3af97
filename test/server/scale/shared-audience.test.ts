// Issue 15, the audience across processes: viewers on the process that does not own the contest
// are served there (the owner holds no socket for them), see what the owner decides, and their
// likes and comments reach the owner: likes from both processes add up to one total, a comment is
// judged by the owner's rules and reaches viewers on both processes. When the owner dies, the
// process with the viewers takes the contest over and serves them as its own.
import { describe, expect, it } from 'vitest';
import { ErrorCode, type CommentsUpdate } from '../../../shared/protocol.js';
import type { TestClient } from '../../support/harness.js';
import { eventually, hasRedis, page, requireRedis, scalePair, type ScaleServer } from '../../support/scale-pair.js';

/** A short lease so the takeover is quick: its bound is LEASE + LEASE / 3. */
const LEASE_MS = 1500;

let a: ScaleServer;
let b: ScaleServer;

scalePair('qiangda-scale-audience-', LEASE_MS, (pair) => void ({ a, b } = pair));

/** A viewer on `server`, keeping the last like total and comment list it was sent. */
async function viewer(server: ScaleServer, token: string) {
  const client = page(server, { role: 'audience', viewerToken: token.padEnd(16, '0') }, true);
  const heard = { likes: -1, comments: null as CommentsUpdate | null, reconnects: 0 };
  client.socket.on('likes:total', ({ total }) => (heard.likes = total));
  client.socket.io.on('reconnect', () => (heard.reconnects += 1));
  client.socket.on('comments:update', (update) => (heard.comments = update));
  await client.ready();
  return { client, heard };
}

/** Runs the owner's clock on (its like and comment batches run on it) until `check` holds. */
const onOwnersClock = (check: () => boolean, owner = a) =>
  eventually(async () => {
    await owner.advance(600);
    return check() ? true : null;
  }, 20_000);

const texts = (heard: { comments: CommentsUpdate | null }) => heard.comments?.comments.map((c) => c.text) ?? [];

requireRedis('the audience across processes');

describe.skipIf(!hasRedis)('the audience across processes', () => {
  it('viewers on the other process cost the owner no socket, see the stage, their likes and comments count, and it takes them over when the owner dies', { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    const host: TestClient = page(a, { role: 'host', hostKey: a.ready.hostKey });
    await host.ready();
    const onA = await viewer(a, 'viewer-a');
    const owner = await a.sockets();

    const onB = await Promise.all(['viewer-b1', 'viewer-b2', 'viewer-b3'].map((token) => viewer(b, token)));
    // Served by b from what a told it once: a holds no socket and no stand-in for them.
    expect(await a.sockets()).toEqual(owner);
    expect(owner.standIns).toBe(0);
    expect((await b.sockets()).local).toBe(3);

    // The stage moves on a; b's viewers see it.
    const before = onB[0].client.view;
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await onB[0].client.until((v) => JSON.stringify(v) !== JSON.stringify(before));
    await onA.client.until((v) => JSON.stringify(v) === JSON.stringify(onB[0].client.view));

    // Likes on both processes add up to one total, which every viewer on both is told.
    for (const [who, count] of [[onA, 7], [onB[0], 5], [onB[1], 11]] as const) {
      expect(await who.client.request('like:add', { count })).toEqual({ data: null });
    }
    // b applies the per-socket limit itself: a burst of 200, then refused.
    for (let i = 0; i < 4; i++) expect(await onB[2].client.request('like:add', { count: 50 })).toEqual({ data: null });
    expect(await onB[2].client.request('like:add', { count: 50 })).toEqual({ error: ErrorCode.RateLimited });
    const sum = 7 + 5 + 11 + 200;
    await onOwnersClock(() => [onA, ...onB].every((v) => v.heard.likes === sum));

    // Comments from b are judged on a: off until the host opens them, a blocked word refused.
    expect(await onB[0].client.request('comment:send', { text: '加油' })).toEqual({ error: ErrorCode.CommentsOff });
    expect(await host.request('comments:moderate', { type: 'enable', on: true })).toEqual({ data: null });
    expect(await host.request('comments:moderate', { type: 'words', words: ['坏词'] })).toEqual({ data: null });
    expect(await onB[0].client.request('comment:send', { text: '这是坏 词' })).toEqual({ error: ErrorCode.CommentBlocked });
    expect(await onB[0].client.request('comment:send', { text: '一等奖加油' })).toEqual({ data: null });
    await onOwnersClock(() => [onA, ...onB].every((v) => texts(v.heard).join() === '一等奖加油'));
    expect(onB[1].heard.comments?.settings.on).toBe(true);

    // The host hides it: gone from every viewer on both processes.
    const [comment] = onA.heard.comments?.comments ?? [];
    expect(await host.request('comments:moderate', { type: 'hide', commentId: comment.id })).toEqual({ data: null });
    await onOwnersClock(() => [onA, ...onB].every((v) => texts(v.heard).length === 0));

    // Still no socket on a for b's viewers.
    expect(await a.sockets()).toEqual(owner);

    // The host console moves to b (served through a): it hears of new comments too, hidden ones marked.
    host.socket.close();
    const hostB = page(b, { role: 'host', hostKey: a.ready.hostKey });
    const forHost = { comments: null as CommentsUpdate | null };
    hostB.socket.on('comments:update', (update) => (forHost.comments = update));
    await hostB.ready();
    expect(await onB[1].client.request('comment:send', { text: '为党旗增辉' })).toEqual({ data: null });
    await onOwnersClock(() => texts(forHost).join() === '一等奖加油,为党旗增辉' && texts(onB[2].heard).join() === '为党旗增辉');
    expect(forHost.comments?.comments.map((c) => c.hidden)).toEqual([true, false]);

    // The owner dies: b, which has viewers of the contest, takes it over; they come back to b,
    // served as its own, and the like total carries on from the stored one.
    a.child.kill('SIGKILL');
    await eventually(async () => ((await b.owner()) ? true : null), 30_000);
    await eventually(async () => (onB.every((v) => v.heard.reconnects === 1 && v.client.socket.connected) ? true : null), 30_000);
    expect((await b.sockets()).local).toBe(4);
    expect(await onB[0].client.request('like:add', { count: 3 })).toEqual({ data: null });
    await onOwnersClock(() => onB.every((v) => v.heard.likes === sum + 3), b);
  });
});
