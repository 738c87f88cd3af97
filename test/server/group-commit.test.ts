// Issue 15, group commit: the log's disk sync is paid once per event-loop turn, and nobody hears of
// a command (its ack, the broadcast, a view) before that sync. The tests run the turns by hand
// and count the syncs; a failed sync answers storage-failed and raises the storage alarm.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../shared/protocol.js';
import { z } from 'zod';
import { GroupCommit } from '../../server/storage/group-commit.js';
import { handle } from '../../server/realtime/socket-handlers.js';
import { openStore } from '../../server/storage/store.js';
import { startServer, type TestClient } from '../support/harness.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, stores, tempDir } = closedAfterEach();

/** A server on a real file whose end-of-turn syncs run only when the test says. `holdSyncs`:
 * each sync runs off the loop, as on the real disk, and ends only at `finish()`. */
async function server({ holdSyncs = false } = {}) {
  const dir = tempDir('qiangda-commit-');
  const turns: (() => void)[] = [];
  const running: ((error: unknown) => void)[] = [];
  const syncs = { count: 0, fail: null as Error | null };
  const store = openStore(join(dir, 'qiangda.db'), {
    nextTurn: (fn) => turns.push(fn),
    fsync: () => {
      syncs.count += 1;
      if (syncs.fail) throw syncs.fail;
    },
    ...(holdSyncs && { syncLater: (done: (error: unknown) => void) => void running.push(done) }),
  });
  stores.push(store);
  const logs: string[] = [];
  const h = await startServer({ store, log: (m) => logs.push(m) });
  harnesses.push(h);
  /** Runs the end of the turn: the sync, then everything that waited for it. */
  const endTurn = () => turns.splice(0).forEach((fn) => fn());
  /** Resolves once the server has applied (and written) `n` more commands. */
  const applied = async (n: number, before: number) => vi.waitFor(() => expect(store.durability.writes).toBe(before + n));
  /** A host command sent and applied, and its turn ended; its answer still to come. */
  const send = async (host: TestClient, payload: Parameters<TestClient['request']>[1]) => {
    const writes = store.durability.writes;
    const answer = host.request('host:command', payload as never);
    await applied(1, writes);
    endTurn();
    return { answer };
  };
  /** A host command sent, applied, synced and answered. */
  const command = async (host: TestClient, payload: Parameters<TestClient['request']>[1]) => (await send(host, payload)).answer;
  /** Ends the oldest sync held off the loop. */
  const finish = () => (running.shift() as (error: unknown) => void)(null);
  return { h, store, syncs, logs, endTurn, applied, send, command, running, finish };
}

/** A round trip on the page's own socket that does not wait for the sync: whatever the server
 * sent that page before answering it has arrived by the time it resolves. */
async function roundTrip(page: TestClient): Promise<void> {
  expect(await page.request('clock:probe', {})).toMatchObject({ data: { serverNow: expect.any(Number) } });
}

describe('group commit', () => {
  it('tells nobody of a command, neither its ack nor the broadcast, before the sync of its turn', async () => {
    const { h, store, syncs, endTurn, applied } = await server();
    const host = await h.host();
    const screen = await h.screen();
    const before = { syncs: syncs.count, writes: store.durability.writes, hostUpdates: host.updates.length, screenUpdates: screen.updates.length };
    const stateBefore = h.room.state;

    let acked: unknown = null;
    const ack = host.request('host:command', { type: 'question:next' }).then((a) => (acked = a));
    await applied(1, before.writes);
    await roundTrip(host);
    await roundTrip(screen);
    // Applied and in the log, but not synced: nobody has been told.
    expect(h.room.state).not.toBe(stateBefore);
    expect(syncs.count).toBe(before.syncs);
    expect(acked).toBeNull();
    expect(host.updates).toHaveLength(before.hostUpdates);
    expect(screen.updates).toHaveLength(before.screenUpdates);

    const hostTold = host.next();
    const screenTold = screen.next();
    endTurn();
    expect(syncs.count).toBe(before.syncs + 1);
    expect(await ack).toEqual({ data: null });
    await hostTold;
    await screenTold;
  });

  it('pays one sync for every command of a turn, and sends one update per contest with their events in order', async () => {
    const { h, store, syncs, endTurn, applied, command } = await server();
    const host = await h.host();
    const phone = await h.contestant('s1');
    await command(host, { type: 'question:next' });
    const before = { syncs: syncs.count, writes: store.durability.writes, updates: host.updates.length };

    const answers = [
      host.request('host:command', { type: 'question:next' }),
      host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: 3, reason: '补记' }),
      host.request('host:command', { type: 'score:adjust', seatId: 's3', delta: 4, reason: '补记' }),
      host.request('host:command', { type: 'buzzers:open' }),
    ];
    await applied(4, before.writes);
    endTurn();
    expect(syncs.count).toBe(before.syncs + 1);
    expect(await Promise.all(answers)).toEqual([{ data: null }, { data: null }, { data: null }, { data: null }]);
    await roundTrip(host);
    const updates = host.updates.slice(before.updates);
    expect(updates).toHaveLength(1);
    expect(updates[0].view.question?.phase).toBe('open');
    expect(updates[0].events).toEqual([
      { type: 'score-adjusted', seatId: 's2', delta: 3, reason: '补记' },
      { type: 'score-adjusted', seatId: 's3', delta: 4, reason: '补记' },
    ]);
    await phone.until((v) => v.question?.phase === 'open');
  });

  it('answers storage-failed when the sync fails, raises the storage alarm once, and ends it with the next sync that succeeds', async () => {
    const { h, store, syncs, logs, endTurn, applied } = await server();
    const host = await h.host();
    const failures = () => logs.filter((l) => l.includes('【存储故障】'));

    syncs.fail = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    let writes = store.durability.writes;
    const first = host.request('host:command', { type: 'question:next' });
    await applied(1, writes);
    endTurn();
    expect(await first).toEqual({ error: ErrorCode.StorageFailed });
    endTurn();
    expect((await host.until((v) => v.storage !== null)).storage?.kind).toBe('io-error');
    expect(failures()).toHaveLength(1);

    // A write that SQLite takes does not end it: only a sync that succeeds does.
    writes = store.durability.writes;
    const second = host.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 1, reason: '补记' });
    await applied(1, writes);
    endTurn();
    expect(await second).toEqual({ error: ErrorCode.StorageFailed });
    expect(failures()).toHaveLength(1);
    expect(host.view?.storage?.kind).toBe('io-error');

    syncs.fail = null;
    writes = store.durability.writes;
    const third = host.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 1, reason: '补记' });
    await applied(1, writes);
    endTurn();
    expect(await third).toEqual({ data: null });
    endTurn();
    await host.until((v) => v.storage === null);
    expect(logs.filter((l) => l.includes('【存储恢复】'))).toHaveLength(1);
  });

  it('a deadline that fires is synced before its update goes out', async () => {
    const { h, store, syncs, endTurn, command } = await server();
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) expect(await command(host, { type })).toEqual({ data: null });
    const before = { syncs: syncs.count, writes: store.durability.writes, updates: host.updates.length };
    h.clock.advance(60_000);
    expect(store.durability.writes).toBe(before.writes + 1);
    await roundTrip(host);
    expect(host.updates).toHaveLength(before.updates);
    const told = host.next();
    endTurn();
    expect(syncs.count).toBe(before.syncs + 1);
    await told;
  });

  it('shows no page a command written after the running sync began: not in an update, nor in a first view', async () => {
    const { h, send, running, finish } = await server({ holdSyncs: true });
    const host = await h.host();
    const step = (type: 'question:next' | 'buzzers:open') => send(host, { type });
    const first = await step('question:next');
    expect(running).toHaveLength(1);
    finish();
    expect(await first.answer).toEqual({ data: null });

    // The next question's sync begins, and a screen joins: its first view waits for that sync.
    const next = (await step('question:next')).answer;
    expect(running).toHaveLength(1);
    const screen = h.screen();
    await vi.waitFor(() => expect(h.app.io.sockets.sockets.size).toBe(2));
    // The buzzers open while that sync runs: theirs is the next one.
    const open = (await step('buzzers:open')).answer;
    expect(running).toHaveLength(1);
    await roundTrip(host);
    finish();
    expect(await next).toEqual({ data: null });
    expect(running).toHaveLength(1);
    await roundTrip(host);
    // The next question, and not the buzzers that opened on it after its sync began.
    expect(host.view?.question?.phase).toBe('reading');
    const joined = await screen;
    expect(joined.view?.question?.phase).toBe('reading');
    finish();
    expect(await open).toEqual({ data: null });
    await host.until((v) => v.question?.phase === 'open');
    await joined.until((v) => v.question?.phase === 'open');
  });

  it('an update made while a sync runs, with nothing of its own to write, takes in no command written after that sync began', async () => {
    const { h, send, running, finish } = await server({ holdSyncs: true });
    const host = await h.host();
    const phone = await h.contestant('s1');
    const held = (type: 'question:next' | 'buzzers:open') => send(host, { type });
    const first = await held('question:next');
    finish();
    expect(await first.answer).toEqual({ data: null });
    // The next question's sync runs; the phone leaves meanwhile, and the seat report made for the
    // host and the screen (no write of its own) waits for that sync.
    const next = (await held('question:next')).answer;
    phone.socket.disconnect();
    await vi.waitFor(() => expect(h.app.io.sockets.sockets.size).toBe(1));
    await roundTrip(host);
    // The buzzers open while that sync still runs: the report must not carry them.
    const open = (await held('buzzers:open')).answer;
    expect(running).toHaveLength(1);
    finish();
    expect(await next).toEqual({ data: null });
    await roundTrip(host);
    expect(host.view?.question?.phase).toBe('reading');
    finish();
    expect(await open).toEqual({ data: null });
    await host.until((v) => v.question?.phase === 'open');
  });

  it("a page's first view, told after an update of the same sync, shows that update's state, not an older one", async () => {
    const { h, store, endTurn, command } = await server();
    const host = await h.host();
    for (const type of ['question:next', 'question:next'] as const) expect(await command(host, { type })).toEqual({ data: null });
    // In one turn: a command (its update waits for the sync), a screen joins (its first view waits
    // behind that update), and the buzzers open (joining the update, as the same sync covers it).
    const writes = store.durability.writes;
    const reveal = host.request('host:command', { type: 'question:next' });
    await vi.waitFor(() => expect(store.durability.writes).toBe(writes + 1));
    const screen = h.connect({ role: 'screen' });
    await vi.waitFor(() => expect(h.app.io.sockets.sockets.size).toBe(2));
    const open = host.request('host:command', { type: 'buzzers:open' });
    await vi.waitFor(() => expect(store.durability.writes).toBe(writes + 2));
    endTurn();
    expect(await reveal).toEqual({ data: null });
    expect(await open).toEqual({ data: null });
    await roundTrip(screen);
    expect(screen.view?.question?.phase).toBe('open');
  });
});

describe('GroupCommit', () => {
  describe('a request that writes (handle)', () => {
    /** A request handler over a commit whose sync fails while `failing` is set. */
    function request(syncNow: boolean) {
      const turns: (() => void)[] = [];
      const state = { failing: false, syncs: 0 };
      const commit = new GroupCommit(() => {
        state.syncs += 1;
        if (state.failing) throw new Error('EIO');
      }, (fn) => turns.push(fn));
      const answers: unknown[] = [];
      const run = handle(z.object({}), () => {
        commit.written();
        return { data: 'applied' };
      }, () => {}, commit, syncNow);
      const send = () => run({}, (answer: unknown) => answers.push(answer));
      return { state, answers, send, endTurn: () => turns.splice(0).forEach((fn) => fn()) };
    }

    it('forwarded (syncNow): answered before the handler returns, storage-failed when that sync fails', () => {
      const { state, answers, send } = request(true);
      send();
      expect(state.syncs).toBe(1);
      expect(answers).toEqual([{ data: 'applied' }]);
      state.failing = true;
      send();
      expect(state.syncs).toBe(2);
      expect(answers).toEqual([{ data: 'applied' }, { error: ErrorCode.StorageFailed }]);
    });

    it('from a page: answered after the sync of its turn, storage-failed when it fails', () => {
      const { state, answers, send, endTurn } = request(false);
      state.failing = true;
      send();
      expect(answers).toEqual([]);
      endTurn();
      expect(answers).toEqual([{ error: ErrorCode.StorageFailed }]);
    });
  });

  it('runs a waiter at once when nothing waits, and otherwise after the sync, in the order asked', () => {
    const turns: (() => void)[] = [];
    const order: string[] = [];
    const commit = new GroupCommit(() => order.push('sync'), (fn) => turns.push(fn));
    commit.whenDurable(() => order.push('idle'));
    commit.written();
    commit.whenDurable(() => order.push('a'));
    commit.written();
    commit.whenDurable(() => order.push('b'));
    expect(order).toEqual(['idle']);
    expect(turns).toHaveLength(1);
    turns.splice(0).forEach((fn) => fn());
    expect(order).toEqual(['idle', 'sync', 'a', 'b']);
  });

  it('keeps a waiter asked for while the others run behind them, and tells every waiter of a failed sync', () => {
    const turns: (() => void)[] = [];
    const told: unknown[] = [];
    const failure = new Error('EIO');
    const commit = new GroupCommit(() => {
      throw failure;
    }, (fn) => turns.push(fn));
    commit.written();
    commit.whenDurable((error) => {
      told.push(error);
      commit.whenDurable((later) => told.push(['later', later]));
    });
    commit.whenDurable((error) => told.push(error));
    turns.splice(0).forEach((fn) => fn());
    expect(told).toEqual([failure, failure, ['later', null]]);
  });

  describe('with the sync off the event loop (the real disk)', () => {
    /** A commit whose syncs finish only when the test says, in the order they started. */
    function offLoop() {
      const turns: (() => void)[] = [];
      const running: ((error: unknown) => void)[] = [];
      const order: string[] = [];
      const commit = new GroupCommit(
        () => order.push('sync now'),
        (fn) => turns.push(fn),
        undefined,
        (done) => {
          order.push('sync started');
          running.push(done);
        },
      );
      const endTurn = () => turns.splice(0).forEach((fn) => fn());
      const finish = (error: unknown = null) => (running.shift() as (error: unknown) => void)(error);
      return { commit, order, running, endTurn, finish };
    }

    it('keeps one sync running at a time; what is written meanwhile waits for the next, behind what asked before', () => {
      const { commit, order, running, endTurn, finish } = offLoop();
      commit.written();
      commit.whenDurable(() => order.push('a'));
      endTurn();
      expect(order).toEqual(['sync started']);
      // Asked while the sync runs, with nothing new written: it needs only that sync.
      commit.whenDurable(() => order.push('b'));
      // Written while it runs: the running sync may not cover it.
      commit.written();
      commit.whenDurable(() => order.push('c'));
      commit.written();
      commit.whenDurable(() => order.push('d'));
      endTurn();
      expect(running).toHaveLength(1);
      finish();
      // The next sync starts before the first one's waiters are told: the disk works while they are.
      expect(order).toEqual(['sync started', 'sync started', 'a', 'b']);
      finish();
      expect(order).toEqual(['sync started', 'sync started', 'a', 'b', 'c', 'd']);
      // Nothing waits now: the next is told at once.
      commit.whenDurable(() => order.push('e'));
      expect(order.at(-1)).toBe('e');
    });

    it('names the sync whose end tells a waiter asked now: the one running, or the next once a write waits', () => {
      const { commit, endTurn, finish } = offLoop();
      expect(commit.releasingSync()).toBe(0);
      commit.written();
      expect(commit.releasingSync()).toBe(1);
      endTurn();
      // Sync 1 runs and nothing new waits for a sync: a waiter asked now is told by its end.
      expect(commit.releasingSync()).toBe(1);
      commit.written();
      expect(commit.releasingSync()).toBe(2);
      finish();
      expect(commit.releasingSync()).toBe(2);
      finish();
      expect(commit.releasingSync()).toBe(2);
    });

    it('what a told waiter writes waits for a sync after the one running, behind what asked before it', () => {
      const { commit, order, running, endTurn, finish } = offLoop();
      commit.written();
      commit.whenDurable(() => {
        order.push('a');
        // An ack that leads to a new command (a deadline's ruling, say) while the next sync runs.
        commit.written();
        commit.whenDurable(() => order.push('after a'));
      });
      endTurn();
      commit.written();
      commit.whenDurable(() => order.push('b'));
      finish();
      endTurn();
      expect(order).toEqual(['sync started', 'sync started', 'a']);
      expect(running).toHaveLength(1);
      finish();
      expect(order).toEqual(['sync started', 'sync started', 'a', 'sync started', 'b']);
      finish();
      expect(order.at(-1)).toBe('after a');
    });

    it('a sync that cannot start tells its waiters the error on a later turn, and the next sync is tried again', () => {
      const turns: (() => void)[] = [];
      const told: unknown[] = [];
      const failure = new Error('EMFILE');
      let starts = 0;
      const commit = new GroupCommit(
        () => {},
        (fn) => turns.push(fn),
        undefined,
        (done) => {
          starts += 1;
          if (starts === 1) throw failure;
          done(null);
        },
      );
      const endTurn = () => turns.splice(0).forEach((fn) => fn());
      commit.written();
      commit.whenDurable((error) => told.push(['first', error]));
      endTurn();
      expect(told).toEqual([]);
      commit.written();
      commit.whenDurable((error) => told.push(['second', error]));
      endTurn();
      endTurn();
      expect(told).toEqual([
        ['first', failure],
        ['second', null],
      ]);
    });

    it('tells the waiters of a failed sync its error, and those of the next sync theirs', () => {
      const { commit, endTurn, finish } = offLoop();
      const told: unknown[] = [];
      const failure = new Error('EIO');
      commit.written();
      commit.whenDurable((error) => told.push(['first', error]));
      endTurn();
      commit.written();
      commit.whenDurable((error) => told.push(['second', error]));
      finish(failure);
      finish(null);
      expect(told).toEqual([
        ['first', failure],
        ['second', null],
      ]);
    });

    it('flush() overtakes a running sync: it syncs at once and tells everyone, and the late finish changes nothing', () => {
      const { commit, order, endTurn, finish } = offLoop();
      commit.written();
      commit.whenDurable(() => order.push('a'));
      endTurn();
      commit.written();
      commit.whenDurable(() => order.push('b'));
      commit.flush();
      expect(order).toEqual(['sync started', 'sync now', 'a', 'b']);
      finish();
      endTurn();
      expect(order).toEqual(['sync started', 'sync now', 'a', 'b']);
    });
  });
});
