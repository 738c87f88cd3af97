// Issue 5, "nothing lost": when the disk fills up or the file turns read-only mid-show, every
// change is refused (storage-failed) and nothing in memory moves; the host console is told what
// is wrong, the terminal once; the next write that is kept ends it. Failures are real SQLite
// ones: PRAGMA max_page_count makes the file "full", PRAGMA query_only makes it read-only.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DEFAULT_BUZZ_WINDOW_MS } from '../../shared/contest/defaults.js';
import { ErrorCode } from '../../shared/protocol.js';
import { TICK_RETRY_MS } from '../../server/rooms/room.js';
import { openStore } from '../../server/storage/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { fillDisk } from '../support/full-disk.js';
import { startServer } from '../support/harness.js';
import { buzzOf } from '../support/question-of.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, stores, tempDir } = closedAfterEach();

/** A server on a real file, with its log lines kept. */
async function server() {
  const dir = tempDir('qiangda-storage-');
  const file = join(dir, 'qiangda.db');
  const store = openStore(file);
  stores.push(store);
  const clock = new FakeClock();
  const logs: string[] = [];
  const h = await startServer({ store, clock, log: (m) => logs.push(m) });
  harnesses.push(h);
  const failures = () => logs.filter((l) => l.includes('【存储故障】'));
  return { h, file, store, clock, logs, failures };
}

describe('a full disk during the show', () => {
  it('refuses every change and keeps the state, tells the host console and the terminal once, and recovers with the next write', async () => {
    const { h, file, store, failures, logs } = await server();
    const host = await h.host();
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    const acknowledged: string[] = [];
    for (const command of [{ type: 'question:next' }, { type: 'score:adjust', seatId: 's2', delta: 1, reason: '补记' }, { type: 'question:next' }] as const) {
      expect(await host.request('host:command', command)).toEqual({ data: null });
      acknowledged.push(command.type);
    }

    // The disk fills up: the next command cannot be kept, so it is refused and changes nothing.
    const disk = fillDisk(store, h.contestId);
    const before = h.room.state;
    expect(await host.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 5, reason: '更正' })).toEqual({ error: ErrorCode.StorageFailed });
    expect(h.room.state).toBe(before);

    // The host console says what is wrong; phones and the screen carry no storage details.
    const told = await host.until((v) => v.storage !== null);
    expect(told.storage?.kind).toBe('disk-full');
    expect(told.storage?.since).toBe(h.clock.now());
    expect(screen.view?.storage).toBeNull();
    expect(phone.view?.storage).toBeNull();

    // Every other change is refused too, and nothing moves.
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ error: ErrorCode.StorageFailed });
    expect(await phone.request('buzz:press', {})).toEqual({ error: ErrorCode.StorageFailed });
    expect(h.room.state).toBe(before);
    expect(h.room.state.question?.phase).toBe('reading');
    // One line on the terminal for the whole failure, naming the problem and what to do.
    expect(failures()).toHaveLength(1);
    expect(failures()[0]).toContain('磁盘已满');
    expect(failures()[0]).toContain('SQLITE_FULL');

    // Space is freed: the next command is kept and the console's alarm goes away.
    disk.free();
    expect(store.loadContest(h.contestId)?.commands.map((c) => c.type)).toEqual(acknowledged);
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    acknowledged.push('buzzers:open');
    expect((await host.until((v) => v.storage === null)).question?.phase).toBe('open');
    expect(logs.filter((l) => l.includes('【存储恢复】'))).toHaveLength(1);

    // The file holds exactly what was acknowledged, and is sound.
    await h.close();
    harnesses.length = 0;
    store.close();
    const reopened = openStore(file);
    stores.push(reopened);
    expect(reopened.loadContest(h.contestId)?.commands.map((c) => c.type)).toEqual(acknowledged);
    expect(reopened.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
  it('a deadline that cannot be written is retried every second, logged once, and lands at its own time once space is freed', async () => {
    const { h, store, clock, failures } = await server();
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const deadline = h.room.state.question?.kind === 'buzz-in' ? h.room.state.question.buzzDeadline : null;
    expect(deadline).not.toBeNull();
    const disk = fillDisk(store, h.contestId);

    clock.advance(DEFAULT_BUZZ_WINDOW_MS + 5 * TICK_RETRY_MS);
    expect(h.room.state.question?.phase).toBe('open');
    expect((await host.until((v) => v.storage !== null)).storage?.kind).toBe('disk-full');
    expect(failures()).toHaveLength(1);

    // The retry each second is the probe: no command is needed to find that writes work again.
    disk.free();
    clock.advance(TICK_RETRY_MS);
    const view = await host.until((v) => v.storage === null);
    expect(buzzOf(view)?.outcome).toBe('dead');
    // D1: the question died at its deadline, not when space was freed.
    expect(store.loadContest(h.contestId)?.commands.at(-1)).toMatchObject({ type: 'clock:tick', at: deadline });
  });
});

describe('a read-only file during the show', () => {
  it('refuses changes with storage-failed and names the problem read-only on the host console', async () => {
    const { h, store, failures } = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'question:next' });
    // query_only makes every write fail as on a read-only file: SQLITE_READONLY.
    store.db.pragma('query_only = ON');
    const before = h.room.state;
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.StorageFailed });
    expect(h.room.state).toBe(before);
    expect((await host.until((v) => v.storage !== null)).storage?.kind).toBe('read-only');
    expect(failures()[0]).toContain('SQLITE_READONLY');

    store.db.pragma('query_only = OFF');
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await host.until((v) => v.storage === null);
  });

  it('a second, read-only connection as the store\'s file: the same', async () => {
    const { h, file, store } = await server();
    const host = await h.host();
    // The store's statements are prepared on its own connection: swap in one that cannot write.
    const readOnly = new Database(file, { readonly: true });
    const append = store.appendCommand;
    store.appendCommand = (contestId, seq, command) => {
      readOnly.prepare('INSERT INTO commands (contest_id, seq, command) VALUES (?, ?, ?)').run(contestId, seq, JSON.stringify(command));
    };
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.StorageFailed });
    expect((await host.until((v) => v.storage !== null)).storage?.kind).toBe('read-only');
    readOnly.close();
    store.appendCommand = append;
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    await host.until((v) => v.storage === null);
  });
});

describe('seats and settings while writes fail', () => {
  it('a claim, a release and a new definition are refused with storage-failed and change nothing', async () => {
    const { h, store } = await server();
    const host = await h.host();
    const first = await h.contestant('s1');
    store.db.pragma('query_only = ON');

    // A phone cannot take a seat that is not on disk.
    const second = h.connect({ role: 'contestant' });
    await second.ready();
    expect(await second.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.StorageFailed });
    expect(second.view?.me).toBeNull();
    const told = await host.until((v) => v.storage !== null);
    expect(told.seats.find((s) => s.id === 's2')?.claimed).toBe(0);

    // Nor can the host free one, or redefine the contest.
    expect(await host.request('seat:release', { seatId: 's1' })).toEqual({ error: ErrorCode.StorageFailed });
    expect(h.room.seatByDeviceToken(first.deviceToken ?? '')?.seatId).toBe('s1');
    const file = { format: 'qiangda-contest', version: 1, title: '改过的标题', seats: [{ name: '甲' }], stages: [{ name: '抢答', rounds: [{ kind: 'buzz-in', questions: 1 }] }] };
    expect(await host.request('contest:define', { file })).toEqual({ error: ErrorCode.StorageFailed });
    expect(h.room.state.definition.title).toBe('测试竞赛');
    expect(h.room.state.definition.seats).toHaveLength(3);

    store.db.pragma('query_only = OFF');
    const stored = store.loadContest(h.contestId);
    expect(stored?.seats.map((s) => s.deviceTokens.length)).toEqual([1, 0, 0]);
    expect(await second.request('seat:claim', { joinCode: h.joinCodes.s2 })).toHaveProperty('data');
    expect((await host.until((v) => v.storage === null)).seats.find((s) => s.id === 's2')?.claimed).toBe(1);
  });

  it("a phone offering another contest's phone token is refused as the seat is, with no storage alarm", async () => {
    const { h, failures } = await server();
    // Another contest in the same folder, where this phone token holds a seat.
    const other = h.app.contests.get(h.app.contests.create(h.room.state.definition));
    const token = 'token-of-another-contest-0001';
    expect(other?.addDevice('s1', token)).toBe('added');

    const host = await h.host();
    const phone = h.connect({ role: 'contestant' });
    await phone.ready();
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ error: ErrorCode.BadJoinCode });
    expect(host.view?.storage).toBeNull();
    expect(h.room.facts().storage).toBeNull();
    expect(failures()).toEqual([]);
    // A fresh token is fine.
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: 'a-fresh-phone-token-0001' })).toHaveProperty('data');
  });
});

describe('a damaged file during the show', () => {
  it('stops writing altogether: later changes are refused without touching the file', async () => {
    const { h, store, failures } = await server();
    const host = await h.host();
    const append = store.appendCommand;
    let attempts = 0;
    store.appendCommand = () => {
      attempts++;
      throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    };
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.StorageFailed });
    expect((await host.until((v) => v.storage !== null)).storage?.kind).toBe('corrupt');
    store.appendCommand = append;
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.StorageFailed });
    expect(attempts).toBe(1);
    expect(store.loadContest(h.contestId)?.commands).toEqual([]);
    expect(failures()).toHaveLength(1);
    expect(failures()[0]).toContain('数据文件已损坏');
  });
});
