// 弹幕: the host switches comments on and moderates them; hidden comments never reach the screen,
// the overlay or the audience; floods, slow mode and blocked words are refused with a clear code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, type CommentsUpdate, type CommentsModeration } from '../../shared/protocol.js';
import { FLOOD_LIMITS, UPDATE_EVERY_MS, foldForMatch, holdsBlockedWord } from '../../server/audience/comments.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startServer();
});

afterEach(async () => {
  await h.close();
});

/** A page's comment updates as they arrive, and a way to wait for one that passes a test. */
class Updates {
  all: CommentsUpdate[] = [];
  private waiters: { test: (u: CommentsUpdate) => boolean; resolve: (u: CommentsUpdate) => void }[] = [];
  constructor(readonly client: TestClient) {
    client.socket.on('comments:update', (update) => {
      this.all.push(update);
      this.waiters = this.waiters.filter((w) => !(w.test(update) && (w.resolve(update), true)));
    });
  }
  get latest(): CommentsUpdate | undefined {
    return this.all.at(-1);
  }
  until(test: (u: CommentsUpdate) => boolean): Promise<CommentsUpdate> {
    const latest = this.latest;
    if (latest && test(latest)) return Promise.resolve(latest);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

let tokens = 0;
async function page(auth: Record<string, unknown>): Promise<Updates> {
  const client = h.connect(auth);
  const updates = new Updates(client);
  await client.ready();
  await updates.until(() => true);
  return updates;
}
const viewer = (token = `viewer-token-${String(++tokens).padStart(6, '0')}`) => page({ role: 'audience', viewerToken: token });
const host = () => page({ role: 'host', hostKey: h.hostKey });
const texts = (u: CommentsUpdate | undefined) => (u?.comments ?? []).map((c) => c.text);
const send = (v: Updates, text: string) => v.client.request('comment:send', { text });
const moderate = (hostPage: Updates, change: CommentsModeration) => hostPage.client.request('comments:moderate', change);

/** Moves past the batching window, so the next change is sent at once. */
const settle = () => h.clock.advance(UPDATE_EVERY_MS);

describe('comments (弹幕)', () => {
  it('are off until the host switches them on, and every page that joins gets the current list', async () => {
    const hostPage = await host();
    expect(hostPage.latest?.settings).toEqual({ on: false, paused: false, slowSeconds: 0, projected: false });
    const v = await viewer();
    expect(await send(v, '加油')).toEqual({ error: ErrorCode.CommentsOff });

    expect(await moderate(hostPage, { type: 'enable', on: true })).toEqual({ data: null });
    settle();
    expect(await send(v, '加油')).toEqual({ data: null });
    await hostPage.until((u) => texts(u).includes('加油'));
    const late = await viewer();
    expect(texts(late.latest)).toEqual(['加油']);

    settle();
    await moderate(hostPage, { type: 'pause', paused: true });
    expect(await send(v, '再来')).toEqual({ error: ErrorCode.CommentsOff });
  });

  it('reach the screen only while projected, and the overlay and audience always', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    const screen = await page({ role: 'screen' });
    const overlay = await page({ role: 'overlay' });
    const v = await viewer();
    settle();
    await send(v, '第一条');
    await overlay.until((u) => texts(u).includes('第一条'));
    await v.until((u) => texts(u).includes('第一条'));
    await screen.until((u) => u.comments.length === 0 && u.settings.on);
    expect(screen.all.every((u) => u.comments.length === 0)).toBe(true);

    settle();
    await moderate(hostPage, { type: 'project', on: true });
    await screen.until((u) => texts(u).includes('第一条'));
  });

  it('hidden comments never reach the screen, the overlay or the audience again, and leave the pages that showed them', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    settle();
    await moderate(hostPage, { type: 'project', on: true });
    const screen = await page({ role: 'screen' });
    const overlay = await page({ role: 'overlay' });
    const v = await viewer();
    settle();
    await send(v, '不当言论');
    settle();
    await send(await viewer(), '好题');
    const shown = await hostPage.until((u) => texts(u).includes('好题'));
    const bad = shown.comments.find((c) => c.text === '不当言论');
    await screen.until((u) => texts(u).includes('不当言论'));

    const marks = { screen: screen.all.length, overlay: overlay.all.length, audience: v.all.length };
    settle();
    expect(await moderate(hostPage, { type: 'hide', commentId: bad!.id })).toEqual({ data: null });
    for (const p of [screen, overlay, v]) await p.until((u) => !texts(u).includes('不当言论') && texts(u).includes('好题'));
    const hostNow = await hostPage.until((u) => u.comments.some((c) => c.id === bad!.id && c.hidden));
    expect(hostNow.comments.map((c) => c.text)).toEqual(['不当言论', '好题']);

    // Later updates and pages that join later never carry it either.
    settle();
    await send(await viewer(), '继续');
    for (const p of [screen, overlay, v]) await p.until((u) => texts(u).includes('继续'));
    const after = [...screen.all.slice(marks.screen), ...overlay.all.slice(marks.overlay), ...v.all.slice(marks.audience)];
    const lastOfEach = [screen.latest, overlay.latest, v.latest, (await page({ role: 'screen' })).latest, (await page({ role: 'overlay' })).latest, (await viewer()).latest];
    for (const u of lastOfEach) expect(texts(u)).toEqual(['好题', '继续']);
    // The first update after the hide may be the one the hide caused; none after it shows the comment.
    const firstAfterHide = (list: CommentsUpdate[]) => list.findIndex((u) => !texts(u).includes('不当言论'));
    for (const list of [screen.all.slice(marks.screen), overlay.all.slice(marks.overlay), v.all.slice(marks.audience)]) {
      expect(list.slice(firstAfterHide(list)).every((u) => !texts(u).includes('不当言论') && u.comments.every((c) => c.hidden === undefined))).toBe(true);
    }
    expect(after.length).toBeGreaterThan(0);
  });

  it('a comment holding a blocked word is refused, whatever its width, case or spacing', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    await moderate(hostPage, { type: 'words', words: ['坏词', 'Spam'] });
    const blocked = ['这是坏词', '这 是 坏 词', 'buy ＳＰＡＭ now', 's p a m'];
    for (const text of blocked) expect(await send(await viewer(), text), text).toEqual({ error: ErrorCode.CommentBlocked });
    expect(await send(await viewer(), '好词')).toEqual({ data: null });
    settle();
    const u = await hostPage.until((x) => texts(x).includes('好词'));
    expect(texts(u)).toEqual(['好词']);
    expect(u.blockedWords).toEqual(['坏词', 'Spam']);
    expect(foldForMatch('ＡＢ Ｃ')).toBe('abc');
    expect(holdsBlockedWord('ok', [])).toBe(false);
  });

  it('a flood from one socket is refused with the wait, and the wait is right', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    const v = await viewer();
    for (let i = 0; i < FLOOD_LIMITS.socket.count; i++) {
      expect(await send(v, `第${i}条`)).toEqual({ data: null });
      h.clock.advance(1000);
    }
    const refused = await send(v, '再一条');
    expect(refused).toEqual({ error: ErrorCode.CommentTooFast, retryAfterMs: FLOOD_LIMITS.socket.windowMs - FLOOD_LIMITS.socket.count * 1000 });
    h.clock.advance(refused && 'retryAfterMs' in refused ? (refused.retryAfterMs ?? 0) : 0);
    expect(await send(v, '再一条')).toEqual({ data: null });
  });

  it('a flood from one address over many sockets is refused', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    let accepted = 0;
    let refusal: unknown = null;
    while (refusal === null && accepted <= FLOOD_LIMITS.address.count) {
      const v = await viewer();
      for (let i = 0; i < FLOOD_LIMITS.socket.count && refusal === null; i++) {
        const ack = await send(v, `来自同一地址 ${accepted}`);
        if ('error' in ack) refusal = ack;
        else accepted++;
      }
    }
    expect(accepted).toBe(FLOOD_LIMITS.address.count);
    expect(refusal).toMatchObject({ error: ErrorCode.CommentTooFast });
    expect((refusal as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('slow mode: one comment per viewer per N seconds, also across a reload', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    await moderate(hostPage, { type: 'slow', seconds: 10 });
    const token = 'slow-viewer-token-0001';
    const v = await viewer(token);
    expect(await send(v, '一')).toEqual({ data: null });
    h.clock.advance(4000);
    expect(await send(v, '二')).toEqual({ error: ErrorCode.CommentTooFast, retryAfterMs: 6000 });
    v.client.socket.close();
    const reloaded = await viewer(token);
    expect(await send(reloaded, '二')).toEqual({ error: ErrorCode.CommentTooFast, retryAfterMs: 6000 });
    expect(await send(await viewer(), '别人')).toEqual({ data: null });
    h.clock.advance(6000);
    expect(await send(reloaded, '二')).toEqual({ data: null });
  });

  it('only the host moderates, and only the audience comments', async () => {
    const hostPage = await host();
    const others = [await viewer(), await page({ role: 'overlay' }), await page({ role: 'screen' })];
    const phone = await h.contestant(h.room.state.definition.seats[0].id);
    for (const p of [...others.map((o) => o.client), phone]) {
      expect(await p.request('comments:moderate', { type: 'enable', on: true })).toEqual({ error: ErrorCode.NotAuthorised });
    }
    expect(hostPage.latest?.settings.on).toBe(false);
    await moderate(hostPage, { type: 'enable', on: true });
    for (const p of [hostPage.client, others[1].client, others[2].client, phone]) {
      expect(await p.request('comment:send', { text: '冒充观众' })).toEqual({ error: ErrorCode.NotAuthorised });
    }
    expect(await hostPage.client.raw('comments:moderate', { type: 'slow', seconds: -1 })).toEqual({ error: ErrorCode.BadPayload });
    expect(await others[0].client.raw('comment:send', { text: 'x'.repeat(41) })).toEqual({ error: ErrorCode.BadPayload });
    expect(await others[0].client.raw('comment:send', { text: '\u0000\u202e ' })).toEqual({ error: ErrorCode.BadPayload });
  });

  it('a burst of comments reaches the pages in batches, at most one update per window', async () => {
    const hostPage = await host();
    await moderate(hostPage, { type: 'enable', on: true });
    settle();
    const v = await viewer();
    const senders = await Promise.all(Array.from({ length: 8 }, () => viewer()));
    const before = v.all.length;
    for (const [i, s] of senders.entries()) expect(await send(s, `批量${i}`)).toEqual({ data: null });
    // The first went at once; the other seven wait for the window to pass, then go as one.
    await v.until((u) => texts(u).includes('批量0'));
    expect(v.all.length - before).toBe(1);
    h.clock.advance(UPDATE_EVERY_MS);
    const batch = await v.until((u) => texts(u).includes('批量7'));
    expect(texts(batch)).toEqual(senders.map((_, i) => `批量${i}`));
    expect(v.all.length - before).toBe(2);
  });
});
