// The audience's own process (server/audience/audience-process.ts, audience-worker.ts): viewers on
// AUDIENCE_PATH are served by a niced child process, not by the stage's. They see what the in-process
// audience sees, their likes and comments reach the contest's one tally and board, the stage's
// process holds no socket for them, and a crashed audience process is started again.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIENCE_PATH } from '../../../shared/audience-route.js';
import { FLUSH_MS } from '../../../server/audience/likes.js';
import { AUDIENCE_NICENESS } from '../../../server/audience/audience-process.js';
import { MAX_LIKES_PER_BATCH } from '../../../server/audience/audience-messages.js';
import { MAX_COMMENT_LENGTH, type CommentsUpdate, type ContestUpdate } from '../../../shared/protocol.js';
import type { ContestView } from '../../../shared/contest/views.js';
import { startServer, type Harness, type TestClient } from '../../support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function stage(): Promise<Harness> {
  const h = await startServer({ audience: { audienceProcess: true } });
  harnesses.push(h);
  return h;
}

const viewer = (h: Harness, auth: Record<string, unknown> = {}, reconnect = false) => h.connect({ role: 'audience', ...auth }, { path: AUDIENCE_PATH, reconnect });

/** Linux's number for the idle scheduling class. */
const SCHED_IDLE = 5;

/** Linux with util-linux's chrt (Debian always has it), which puts the process in the idle class. */
const hasChrt = process.platform === 'linux' && spawnSync('chrt', ['--help']).status === 0;

/** The scheduling policy of each thread of a process: field 41 of /proc/<pid>/task/<tid>/stat. */
function schedulingPolicies(pid: number): number[] {
  const policies: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended meanwhile
    }
    // The fields after the command's name, which is in brackets and may hold spaces, start at the third.
    policies.push(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[41 - 3]));
  }
  return policies;
}

/** On Linux lower still than its niceness, once started: every thread of the audience process in
 * the idle class, which gives way at once to any other. */
async function expectIdleClass(h: Harness): Promise<void> {
  if (!hasChrt) return;
  const process = h.app.audience?.process(0);
  expect(await process?.lowered).toBe(true);
  const policies = schedulingPolicies((process as unknown as { child: { pid: number } }).child.pid);
  expect(policies.length).toBeGreaterThan(1);
  expect(new Set(policies)).toEqual(new Set([SCHED_IDLE]));
}

/** Waits for a condition on what pages were told: socket events, not time. */
async function waitFor(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setImmediate(resolve));
}

/** Kills the audience process and waits for the page, which reconnects by itself, to be back on
 * the one started in its place (the restart's delay runs on the test's clock). */
async function crash(h: Harness, page: TestClient): Promise<void> {
  const child = (h.app.audience?.process(0) as unknown as { child: { kill(signal: string): void; once(e: string, f: () => void): void } }).child;
  const gone = new Promise<void>((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
  const back = new Promise((resolve) => page.socket.once('connect', () => resolve(null)));
  h.clock.advance(1000);
  await back;
}

function heard<T>(page: TestClient, event: 'likes:total' | 'comments:update'): T[] {
  const told: T[] = [];
  (page.socket as unknown as { on(e: string, f: (p: T) => void): void }).on(event, (p) => told.push(p));
  return told;
}

/** Holds the stage's news to the audience process in the pipe until that process next asks for a
 * contest: it then arrives there after the 'watch', before the opening. The stage hears that the
 * pipe took it only once the opening is on its way too (a slow reader), so news that waited on
 * the stage behind it goes after the opening. `held`: how many pieces are held now. */
function holdNews(h: Harness): { readonly held: number } {
  type Piped = { t: string };
  const child = (h.app.audience?.process(0) as unknown as { child: { send(message: Piped, ...rest: unknown[]): boolean; emit(event: string, ...args: unknown[]): boolean } }).child;
  const send = child.send.bind(child);
  const emit = child.emit.bind(child);
  const inPipe: Array<() => void> = [];
  const taken: Array<() => void> = [];
  let openingSent = false;
  const whenOpeningSent = (done: () => void) => (openingSent ? done() : taken.push(done));
  child.send = (message, ...rest) => (message.t === 'news' ? (inPipe.push(() => send(message, () => whenOpeningSent(rest[0] as () => void))), true) : send(message, ...rest));
  child.emit = (event, ...args) => {
    if (event === 'message' && (args[0] as Piped).t === 'watch') {
      child.send = (message, ...rest) => {
        const sent = send(message, ...rest);
        if (message.t === 'opening') {
          openingSent = true;
          for (const done of taken.splice(0)) done();
        }
        return sent;
      };
      for (const release of inPipe.splice(0)) release();
    }
    return emit(event, ...args);
  };
  return {
    get held() {
      return inPipe.length;
    },
  };
}

describe('the audience process', () => {
  it('serves viewers the audience view and every update, with no socket on the stage process', async () => {
    const h = await stage();
    const host = await h.host();
    const onStage = h.app.io.engine.clientsCount;
    const pages = [viewer(h), viewer(h)];
    const [first] = await Promise.all(pages.map((p) => p.ready()));
    expect(first.role).toBe('audience');
    expect(h.app.io.engine.clientsCount).toBe(onStage);
    expect((await h.app.audience?.stats())?.sockets).toBe(2);
    // It runs below the stage: when both want the CPU, the kernel serves the stage first.
    const { pid } = (h.app.audience?.process(0) as unknown as { child: { pid: number } }).child;
    expect(getPriority(pid)).toBe(AUDIENCE_NICENESS);
    await expectIdleClass(h);

    // The round's title, then its first question.
    for (let i = 0; i < 2; i++) expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    const views = await Promise.all(pages.map((p) => p.until((v) => v.question !== null)));
    for (const view of views) {
      expect(view.role).toBe('audience');
      // Nothing a screen would not show: no join codes, no links, no key.
      expect(JSON.stringify(view)).not.toContain(h.hostKey);
      for (const code of Object.values(h.joinCodes)) expect(JSON.stringify(view)).not.toContain(code);
    }
    // A viewer joining later gets the view its room holds, not the opening the process was first sent.
    const late = viewer(h);
    expect((await late.ready()).question).toEqual(views[0].question);
  });

  it('after its first whole view a viewer is sent only what changed, and holds what a viewer joining later is sent whole', async () => {
    const h = await stage();
    const host = await h.host();
    const page = viewer(h);
    const sent: ContestUpdate[] = [];
    page.socket.on('contest:update', (update) => sent.push(update));
    await page.ready();
    for (let i = 0; i < 2; i++) expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    // Heard first, so that the score change goes out on its own (news waiting is merged).
    await page.until((v) => v.question !== null);
    expect(await host.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 5, reason: '加分' })).toEqual({ data: null });
    const merged = await page.until((v) => v.standings.some((row) => row.seatId === 's1' && row.total === 5));
    expect('view' in sent[0]).toBe(true);
    expect(sent.length).toBeGreaterThan(1);
    for (const update of sent.slice(1)) expect('changes' in update).toBe(true);
    // Changes are a fraction of the view they change.
    expect(JSON.stringify(sent.at(-1)).length).toBeLessThan(JSON.stringify(merged).length / 2);
    expect(await viewer(h).ready()).toEqual(merged);
  });

  it('likes from its viewers add up in the contest total that the stage stores and announces', async () => {
    const h = await stage();
    const host = await h.host();
    const pages = [viewer(h), viewer(h)];
    await Promise.all(pages.map((p) => p.ready()));
    const hostTold = heard<{ total: number }>(host, 'likes:total');
    const viewerTold = heard<{ total: number }>(pages[1], 'likes:total');
    expect(await pages[0].request('like:add', { count: 40 })).toEqual({ data: null });
    expect(await pages[1].request('like:add', { count: 2 })).toEqual({ data: null });
    expect(await pages[1].raw('like:add', { count: 0 })).toEqual({ error: 'bad-payload' });
    // The likes travel to the stage in a batch; the total goes out on the stage's clock.
    await waitFor(() => {
      h.clock.advance(FLUSH_MS);
      return hostTold.some((t) => t.total === 42);
    });
    await waitFor(() => viewerTold.some((t) => t.total === 42));
    expect(h.store.setting(`likes:${h.contestId}`)).toBe('42');
  });

  it('news waits on the stage, merged, while the audience process is not reading, and goes in one message once it is', async () => {
    const h = await stage();
    const host = await h.host();
    const page = viewer(h);
    await page.ready();
    type News = { t: string; event?: string; payload?: { view: { question: { number: number; phase: string } | null }; events: unknown[] } };
    const child = (h.app.audience?.process(0) as unknown as { child: { send(message: News, callback?: () => void): boolean } }).child;
    const send = child.send.bind(child);
    // The pipe takes each piece of news, but the stage hears that it did only when the test says.
    const news: News[] = [];
    const held: Array<() => void> = [];
    child.send = (message, callback) => {
      if (message.t !== 'news') return send(message, callback);
      news.push(message);
      return send(message, () => held.push(() => callback?.()));
    };
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) expect(await host.request('host:command', { type })).toEqual({ data: null });
    // The first went; the two after it wait on the stage.
    expect(news).toHaveLength(1);
    await waitFor(() => held.length === 1);
    held.shift()?.();
    // Both in one update, with the latest view (events are merged as news-queue.ts does).
    expect(news).toHaveLength(2);
    const [first, merged] = news.map((n) => n.payload);
    expect(merged?.view.question).toMatchObject({ number: 1, phase: 'open' });
    expect(first?.view.question).toBeNull();
    await page.until((v) => v.question?.phase === 'open');
  });

  it('a contest watched again shows its latest view, not news from before its viewers left that was still on its way', async () => {
    const h = await stage();
    const host = await h.host();
    const first = viewer(h);
    await first.ready();
    const score = async (delta: number) => expect(await host.request('host:command', { type: 'score:adjust', seatId: 's1', delta, reason: '加分' })).toEqual({ data: null });
    const pipe = holdNews(h);
    await score(5);
    expect(pipe.held).toBe(1);
    // Behind it, waiting on the stage (the pipe has not taken the first).
    await score(5);
    expect(pipe.held).toBe(1);
    first.socket.close();
    await waitFor(() => !h.app.audience?.watches(h.contestId));
    // While nobody watches, no news is built.
    await score(5);
    const again = viewer(h);
    const total = (v: ContestView) => v.standings.find((row) => row.seatId === 's1')?.total;
    expect(total(await again.ready())).toBe(15);
    // Neither the news from the pipe nor that which waited comes after it and undoes it.
    expect(await host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: 1, reason: '加分' })).toEqual({ data: null });
    const after = await again.until((v) => v.standings.some((row) => row.seatId === 's2' && row.total === 1));
    expect(again.updates.map((u) => total(u.view))).toEqual(again.updates.map(() => 15));
    expect(await viewer(h).ready()).toEqual(after);
  });

  it('a comment hidden while nobody watched stays hidden from the next viewer, whatever news was still on its way', async () => {
    const h = await stage();
    const host = await h.host();
    const hostSaw = heard<CommentsUpdate>(host, 'comments:update');
    const first = viewer(h, { viewerToken: 'viewer-token-0001' });
    await first.ready();
    await host.request('comments:moderate', { type: 'enable', on: true });
    expect(await first.request('comment:send', { text: '第一条' })).toEqual({ data: null });
    const firstSaw = heard<CommentsUpdate>(first, 'comments:update');
    await waitFor(() => {
      h.clock.advance(250);
      return firstSaw.some((u) => u.comments.length === 1);
    });
    const pipe = holdNews(h);
    expect(await first.request('comment:send', { text: '不该再出现' })).toEqual({ data: null });
    await waitFor(() => {
      h.clock.advance(250);
      return pipe.held > 0;
    });
    first.socket.close();
    await waitFor(() => !h.app.audience?.watches(h.contestId));
    await waitFor(() => hostSaw.some((u) => u.comments.length === 2));
    const hidden = hostSaw.at(-1)?.comments.find((c) => c.text === '不该再出现');
    if (!hidden) throw new Error('the host was not told of the comment');
    expect(await host.request('comments:moderate', { type: 'hide', commentId: hidden.id })).toEqual({ data: null });
    h.clock.advance(250);
    const again = viewer(h);
    const againSaw = heard<CommentsUpdate>(again, 'comments:update');
    await again.ready();
    await waitFor(() => againSaw.length > 0);
    // Whatever it was sent, in order: the hidden comment is in none of it.
    expect(againSaw.flatMap((u) => u.comments.map((c) => c.text))).not.toContain('不该再出现');
    expect(againSaw.at(-1)?.comments.map((c) => c.text)).toEqual(['第一条']);
  });

  it('an opening answers only the watch it names: one for another watch of the contest is not taken for it', async () => {
    const h = await stage();
    type Opening = { t: string; ask: number; opening: { update: { view: ContestView } } };
    const child = (h.app.audience?.process(0) as unknown as { child: { send(message: Opening, ...rest: unknown[]): boolean } }).child;
    const send = child.send.bind(child);
    const answers: Opening[] = [];
    child.send = (message, ...rest) => (message.t === 'opening' ? (answers.push(message), true) : send(message, ...rest));
    const page = viewer(h);
    const ready = page.ready();
    await waitFor(() => answers.length === 1);
    const [real] = answers;
    child.send = send;
    // An answer numbered for some other watch comes first, then the real one.
    send({ ...real, ask: real.ask + 1000, opening: { ...real.opening, update: { ...real.opening.update, view: { ...real.opening.update.view, title: '别的答复' } } } });
    send(real);
    expect((await ready).title).toBe(real.opening.update.view.title);
    expect(real.opening.update.view.title).not.toBe('别的答复');
  });

  it('on the stage, an answer to a watch a newer one overtook leaves the news waiting for the newer one', async () => {
    const h = await stage();
    const host = await h.host();
    await viewer(h).ready();
    const process = h.app.audience?.process(0) as unknown as {
      backlog: { size: number };
      child: { send(message: { t: string; ask?: number }, ...rest: unknown[]): boolean; emit(event: string, ...args: unknown[]): boolean };
    };
    const { child } = process;
    const send = child.send.bind(child);
    // The pipe does not take the next news, so what follows it waits on the stage.
    const inPipe: unknown[] = [];
    const waitingAt = new Map<number, number>();
    child.send = (message, ...rest) => {
      if (message.t === 'news') return (inPipe.push(message), true);
      if (message.t === 'opening' && message.ask !== undefined) waitingAt.set(message.ask, process.backlog.size);
      return send(message, ...rest);
    };
    for (const delta of [5, 5]) expect(await host.request('host:command', { type: 'score:adjust', seatId: 's1', delta, reason: '加分' })).toEqual({ data: null });
    expect(inPipe).toHaveLength(1);
    expect(process.backlog.size).toBe(1);
    // Two watches of the contest, the second before the first's answer.
    child.emit('message', { t: 'watch', contestId: h.contestId, ask: 901 });
    child.emit('message', { t: 'watch', contestId: h.contestId, ask: 902 });
    await waitFor(() => waitingAt.size === 2);
    expect(Object.fromEntries(waitingAt)).toEqual({ 901: 1, 902: 0 });
    expect(h.app.audience?.watches(h.contestId)).toBe(true);
  });

  it('a malformed message from the audience process is logged and ignored; the tally counts only well-formed batches', async () => {
    const logged: string[] = [];
    const h = await startServer({ audience: { audienceProcess: true }, log: (line) => logged.push(line) });
    harnesses.push(h);
    const host = await h.host();
    const page = viewer(h);
    await page.ready();
    const hostTold = heard<{ total: number }>(host, 'likes:total');
    // As if the process had a fault: what it says reaches the stage as it is.
    const child = (h.app.audience?.process(0) as unknown as { child: { emit(event: 'message', message: unknown): void; send(message: unknown): boolean } }).child;
    const told: unknown[] = [];
    const send = child.send.bind(child);
    child.send = (message) => (told.push(message), send(message));
    const bad: unknown[] = [
      { t: 'likes', counts: [[h.contestId, -5]] },
      { t: 'likes', counts: [[h.contestId, 1.5]] },
      { t: 'likes', counts: [[h.contestId, MAX_LIKES_PER_BATCH + 1]] },
      { t: 'likes', counts: 'all of them' },
      { t: 'comment', id: 1, commenter: { contestId: h.contestId }, text: '好' },
      { t: 'comment', id: 2, commenter: { contestId: h.contestId, socketId: 'x', viewer: 'v', address: 'a' }, text: '长'.repeat(MAX_COMMENT_LENGTH + 1) },
      { t: 'watch' },
      { t: 'format-disk' },
      'likes',
      null,
    ];
    for (const message of bad) child.emit('message', message);
    expect(logged.filter((line) => line.includes('malformed message'))).toHaveLength(bad.length);
    // The malformed comments' senders are answered, not left waiting.
    expect(told).toEqual([1, 2].map((id) => ({ t: 'answer', id, ack: { error: 'bad-payload' } })));
    child.emit('message', { t: 'likes', counts: [[h.contestId, 3]] });
    await waitFor(() => {
      h.clock.advance(FLUSH_MS);
      return hostTold.length > 0;
    });
    expect(hostTold.at(-1)).toEqual({ total: 3 });
    expect(h.store.setting(`likes:${h.contestId}`)).toBe('3');
  });

  it('comments go to the stage to be judged; blocked and hidden ones never reach a viewer', async () => {
    const h = await stage();
    const host = await h.host();
    const page = viewer(h, { viewerToken: 'viewer-token-0001' });
    await page.ready();
    const seen = heard<CommentsUpdate>(page, 'comments:update');
    expect(await page.request('comment:send', { text: '加油' })).toEqual({ error: 'comments-off' });
    await host.request('comments:moderate', { type: 'enable', on: true });
    await host.request('comments:moderate', { type: 'words', words: ['坏词'] });
    expect(await page.request('comment:send', { text: '这是坏词' })).toEqual({ error: 'comment-blocked' });
    expect(await page.request('comment:send', { text: '<img src=x onerror=alert(1)>' })).toEqual({ data: null });
    await waitFor(() => {
      h.clock.advance(250);
      return seen.some((u) => u.comments.length === 1);
    });
    const [shown] = seen.at(-1)?.comments ?? [];
    expect(shown.text).toBe('<img src=x onerror=alert(1)>');
    await host.request('comments:moderate', { type: 'hide', commentId: shown.id });
    await waitFor(() => {
      h.clock.advance(250);
      return seen.at(-1)?.comments.length === 0;
    });
    expect(JSON.stringify(seen.at(-1))).not.toContain('坏词');
  });

  it('refuses other roles, unknown contests and every request a viewer may not make', async () => {
    const h = await stage();
    await expect(h.connect({ role: 'host', hostKey: h.hostKey }, { path: AUDIENCE_PATH }).ready()).rejects.toThrow('not-authorised');
    await expect(viewer(h, { contestId: 'no-such-contest' }).ready()).rejects.toThrow('unknown-contest');
    await expect(viewer(h, { v: 0 }).ready()).rejects.toThrow('version-mismatch');
    const page = viewer(h);
    await page.ready();
    expect(await page.raw('host:command', { type: 'question:next' })).toEqual({ error: 'not-authorised' });
    expect(await page.raw('buzz:press', {})).toEqual({ error: 'not-authorised' });
    expect(await page.raw('comment:send', { text: 5 })).toEqual({ error: 'bad-payload' });
    expect(h.room.state.question).toBeNull();
  });

  it('starts again after a crash, and its viewers come back', async () => {
    const h = await stage();
    const host = await h.host();
    const page = viewer(h, {}, true);
    await page.ready();
    await crash(h, page);
    // The one started in its place goes into the idle class too.
    await expectIdleClass(h);
    for (let i = 0; i < 2; i++) await host.request('host:command', { type: 'question:next' });
    expect((await page.until((v) => v.question !== null)).role).toBe('audience');
  });

  it('news still on its way when the process dies does not hold back the news for the next one', async () => {
    const h = await stage();
    const host = await h.host();
    const page = viewer(h, {}, true);
    await page.ready();
    type Child = { send(message: { t: string }, callback?: () => void): boolean };
    const child = (h.app.audience?.process(0) as unknown as { child: Child }).child;
    const send = child.send.bind(child);
    // The pipe never says it took the news: it is on its way when the process dies.
    let unconfirmed = 0;
    child.send = (message, callback) => (message.t === 'news' ? (unconfirmed++, send(message)) : send(message, callback));
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await waitFor(() => unconfirmed === 1);
    await crash(h, page);
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect((await page.until((v) => v.question?.number === 1)).role).toBe('audience');
  });

  it('with two audience processes, viewers are spread over both, hear every update, and their likes add up', async () => {
    const h = await startServer({ audience: { audienceProcess: true, audienceProcesses: 2 } });
    harnesses.push(h);
    const host = await h.host();
    const pages = Array.from({ length: 4 }, () => viewer(h));
    await Promise.all(pages.map((p) => p.ready()));
    const each = await Promise.all([0, 1].map((i) => h.app.audience?.process(i)?.stats()));
    expect(each.map((s) => s?.sockets)).toEqual([2, 2]);
    for (let i = 0; i < 2; i++) await host.request('host:command', { type: 'question:next' });
    const views = await Promise.all(pages.map((p) => p.until((v) => v.question !== null)));
    expect(new Set(views.map((v) => JSON.stringify(v.question))).size).toBe(1);
    const hostTold = heard<{ total: number }>(host, 'likes:total');
    await Promise.all(pages.map((p, i) => p.request('like:add', { count: i + 1 })));
    await waitFor(() => {
      h.clock.advance(FLUSH_MS);
      return hostTold.some((t) => t.total === 10);
    });
  });

  it('without an audience process the path is refused at once, so a page falls back to the stage', async () => {
    const h = await startServer();
    harnesses.push(h);
    await expect(viewer(h).ready()).rejects.toThrow();
    // The same page on the stage's path is served in-process.
    expect((await h.connect({ role: 'audience' }).ready()).role).toBe('audience');
  });
});
