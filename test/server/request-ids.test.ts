// D1 and D2: a request sent again with its id (its answer was lost, the server restarted) is
// applied once and answered as the first time; a deadline takes effect at its own instant,
// also one that passed while the server was down.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS } from '../../shared/contest/defaults.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore } from '../../server/storage/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, tempDir } = closedAfterEach();

async function server(options: Parameters<typeof startServer>[0] = {}) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

function dbFile(): string {
  const dir = tempDir('qiangda-rid-');
  return join(dir, 'qiangda.db');
}

/** A server on a file whose s1 has buzzed in and is answering: a restart's starting point. */
async function buzzedOnFile(rid?: string) {
  const file = dbFile();
  const clock = new FakeClock();
  const first = await server({ store: openStore(file), clock });
  const host = await first.host();
  const phone = await first.contestant('s1');
  for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
  const pressed = await phone.request('buzz:press', rid ? { rid } : {});
  clock.advance(DEFAULT_GRACE_CAP_MS);
  await host.until((v) => v.question?.phase === 'answering');
  return { file, clock, first, host, phone, pressed };
}

const logLength = (h: Harness) => h.store.loadContest(h.contestId)?.commands.length;

describe('[D2] a repeated request is applied once', () => {
  it('the host sends next twice with one id: one question forward, the same answer twice', async () => {
    const h = await server();
    const host = await h.host();
    const rid = 'host-request-0001';
    expect(await host.request('host:command', { type: 'question:next', rid })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'question:next', rid })).toEqual({ data: null });
    expect(logLength(h)).toBe(1);
    // One next from the lobby: the first round's title card, not its first question.
    expect(h.room.state.roundIndex).toBe(0);
    expect(h.room.state.question).toBeNull();
    // A new id is a new request.
    expect(await host.request('host:command', { type: 'question:next', rid: 'host-request-0002' })).toEqual({ data: null });
    expect(logLength(h)).toBe(2);
  });

  it('a repeated buzz gets the outcome of the first, and the log keeps one press', async () => {
    const h = await server();
    const host = await h.host();
    const phone = await h.contestant('s1');
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const first = await phone.request('buzz:press', { rid: 'press-000000001' });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    const again = await phone.request('buzz:press', { rid: 'press-000000001' });
    expect(again).toEqual(first);
    expect(h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes).toHaveLength(1);
  });

  it('after a restart the retry is answered from the log, not applied again', async () => {
    const { file, clock, first, host, phone, pressed } = await buzzedOnFile('press-before-crash');
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right', rid: 'ruling-before-crash' })).toEqual({ data: null });
    const before = structuredClone(first.room.state);
    const commands = logLength(first);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await server({ store: openStore(file), clock });
    const hostAgain = await second.host();
    const phoneAgain = second.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    await phoneAgain.ready();
    expect(await hostAgain.request('host:command', { type: 'answer:rule', verdict: 'right', rid: 'ruling-before-crash' })).toEqual({ data: null });
    expect(await phoneAgain.request('buzz:press', { rid: 'press-before-crash' })).toEqual(pressed);
    expect(second.room.state).toEqual(before);
    expect(logLength(second)).toBe(commands);
    second.store.close();
  });

  it('a retried swap does not draw a second replacement', async () => {
    const h = await server();
    const host = await h.host();
    for (const type of ['question:next', 'question:next'] as const) await host.request('host:command', { type });
    expect(await host.request('question:swap', { rid: 'swap-request-01' })).toEqual({ data: null });
    const swapped = h.room.state.swaps[0].addedId;
    expect(await host.request('question:swap', { rid: 'swap-request-01' })).toEqual({ data: null });
    expect(h.room.state.swaps.map((s) => s.addedId)).toEqual([swapped]);
    // A new swap request would draw another one.
    expect(await host.request('question:swap', { rid: 'swap-request-02' })).toEqual({ data: null });
    expect(h.room.state.swaps).toHaveLength(2);
  });

  it("ids are the sender's own: a phone reusing the host's id is not answered for the host", async () => {
    const h = await server();
    const host = await h.host();
    const phone = await h.contestant('s1');
    const steps = ['question:next', 'question:next', 'buzzers:open'] as const;
    for (const [i, type] of steps.entries()) expect(await host.request('host:command', { type, rid: `host-request-${i}` })).toEqual({ data: null });
    const press = await phone.request('buzz:press', { rid: 'host-request-2' });
    expect(press).toHaveProperty('data');
    expect(h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes).toHaveLength(1);
  });

  it('a malformed id is refused as a bad payload and changes nothing', async () => {
    const h = await server();
    const host = await h.host();
    for (const rid of ['short', 'has spaces in it', 42, 'x'.repeat(65)]) {
      expect(await host.request('host:command', { type: 'question:next', rid } as never)).toEqual({ error: ErrorCode.BadPayload });
    }
    expect(logLength(h)).toBe(0);
  });

  it('a refused request is not remembered: sent again once it is allowed, it is applied', async () => {
    const h = await server();
    const host = await h.host();
    expect(await host.request('host:command', { type: 'buzzers:open', rid: 'open-too-early' })).toHaveProperty('error');
    for (const type of ['question:next', 'question:next'] as const) await host.request('host:command', { type });
    expect(await host.request('host:command', { type: 'buzzers:open', rid: 'open-too-early' })).toEqual({ data: null });
    expect(h.room.state.question?.phase).toBe('open');
  });
});

describe('[D1] deadlines take effect at their own instant', () => {
  it('a countdown that ran out while the server was down is closed at its recorded deadline', async () => {
    const { file, clock, first } = await buzzedOnFile();
    const deadline = first.room.state.question?.kind === 'buzz-in' ? first.room.state.question.answerDeadline : null;
    expect(deadline).toEqual(expect.any(Number));
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // Down for longer than the whole countdown.
    clock.advance(DEFAULT_ANSWER_TIME_MS * 3);
    const second = await server({ store: openStore(file), clock });
    clock.advance(0);
    expect(second.room.state.question?.phase).toBe('wrong');
    const log = second.store.loadContest(second.contestId)?.commands ?? [];
    expect(log.at(-1)).toEqual({ type: 'clock:tick', at: deadline });
    expect(second.room.state.scores.s1).toBe(-10);
    second.store.close();
  });
});

describe('store migrations', () => {
  it('a data file from before request ids opens, keeps its log, and takes new requests', async () => {
    const file = dbFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE contests (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, definition TEXT NOT NULL, source TEXT, host_key TEXT NOT NULL);
      CREATE TABLE commands (contest_id TEXT NOT NULL REFERENCES contests(id), seq INTEGER NOT NULL, command TEXT NOT NULL, PRIMARY KEY (contest_id, seq)) WITHOUT ROWID;`);
    old.close();
    const store = openStore(file);
    const h = await server({ store });
    const host = await h.host();
    expect(await host.request('host:command', { type: 'question:next', rid: 'after-migration' })).toEqual({ data: null });
    expect(store.loadContest(h.contestId)?.requestIds.get('host/after-migration')).toBe(0);
    store.close();
  });

  it('a data file with the index of request ids opens without it; a retry after a restart is still known from the log', async () => {
    const { file, clock, first, phone, pressed } = await buzzedOnFile('press-before-upgrade');
    const commands = logLength(first);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    // As files written before the index was dropped hold it.
    const old = new Database(file);
    old.exec('CREATE UNIQUE INDEX commands_request ON commands (contest_id, request_id) WHERE request_id IS NOT NULL');
    old.pragma('user_version = 4');
    old.close();

    const store = openStore(file);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'commands'").all()).toEqual([]);
    const second = await server({ store, clock });
    const phoneAgain = second.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    await phoneAgain.ready();
    expect(await phoneAgain.request('buzz:press', { rid: 'press-before-upgrade' })).toEqual(pressed);
    expect(logLength(second)).toBe(commands);
    store.close();
  });
});
