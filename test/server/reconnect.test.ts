// Reconnection (issue 5): pages come back by themselves, with the same jittered backoff the
// pages use, to the same seat and the same state: after a server restart, and after a phone
// drops off Wi-Fi mid-countdown. Nothing here sleeps: every wait is for a socket event.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { viewFor, type ContestView } from '../../shared/contest/views.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { Connection } from '../../web/lib/connection.svelte.js';
import { allAtOnceRound, choice, definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { answersOf, askedOf } from '../support/question-of.js';

const SEATS = 200;
const ANSWER_MS = 20_000;

const harnesses: Harness[] = [];
const stores: Store[] = [];
const dirs: string[] = [];
const connections: Connection[] = [];

afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  for (const h of harnesses.splice(0)) await h.close();
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startServer>[0]) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

/** A durable store in a fresh folder, as the server keeps on disk. */
function fileStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
  dirs.push(dir);
  const store = openStore(join(dir, 'qiangda.db'));
  stores.push(store);
  return store;
}

/** Stops the server and starts a new one on the same port and store, as after a crash: the
 * pages are not told anything, they find the server gone and come back by themselves. */
async function restart(h: Harness, beforeListening: () => void = () => {}): Promise<Harness> {
  await h.app.close();
  beforeListening();
  return server({ store: h.store, clock: h.clock, port: Number(new URL(h.url).port) });
}

async function hostDoes(host: TestClient, ...types: ('question:next' | 'answers:open')[]) {
  for (const type of types) expect(await host.request('host:command', { type })).toEqual({ data: null });
}

const contest = (seats: number) => definition({ seats, rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'C')], { answerTimeMs: ANSWER_MS })] });

describe('a restart', () => {
  it(`${SEATS} phones and the host come back by themselves, each to its own seat, to the same question and deadline`, { timeout: 60_000 }, async () => {
    const clock = new FakeClock();
    const first = await server({ store: fileStore(), clock, definition: contest(SEATS) });
    const seatIds = first.room.state.definition.seats.map((s) => s.id);
    const host = await first.host({ reconnect: true });
    const phones = await Promise.all(seatIds.map((id) => first.contestant(id, { reconnect: true })));
    await host.until((v) => v.seats.every((s) => s.connected === 1));

    // Mid-countdown: every other phone has answered, 5 s of 20 have gone.
    await hostDoes(host, 'question:next', 'question:next', 'answers:open');
    const answered = phones.filter((_, i) => i % 2 === 0);
    const acks = await Promise.all(answered.map((p, i) => p.request('answer:submit', { choice: [i % 4] })));
    expect(acks.every((a) => 'data' in a && a.data.status === 'recorded')).toBe(true);
    clock.advance(5_000);
    const before = structuredClone(first.room.state);
    const deadline = answersOf(await host.until((v) => answersOf(v)?.answered.length === answered.length))?.answerDeadline;
    expect(deadline).toBe(clock.now() + ANSWER_MS - 5_000);

    // The next view each page gets is the new server's, sent when it has reconnected.
    let hostBack: Promise<ContestView> | undefined;
    let phonesBack: Promise<ContestView>[] = [];
    const second = await restart(first, () => {
      hostBack = host.next((v) => v.seats.every((s) => s.connected === 1));
      phonesBack = phones.map((p) => p.next());
    });
    const views = await Promise.all(phonesBack);
    expect(views.map((v) => v.me)).toEqual(seatIds);
    const seen = await hostBack;
    expect(seen?.seats.map((s) => s.connected)).toEqual(seatIds.map(() => 1));

    // The same state, the same deadline on every phone, each with its own answer.
    expect(second.room.state).toEqual(before);
    expect(views.every((v) => v.question?.phase === 'answering' && askedOf(v)?.answerDeadline === deadline)).toBe(true);
    expect(views.map((v) => answersOf(v)?.myAnswer ?? null)).toEqual(phones.map((_, i) => (i % 2 === 0 ? [(i / 2) % 4] : null)));

    // The phones that had not answered still can; at the deadline, all are graded.
    expect(await phones[1].request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'recorded' } });
    clock.advance(ANSWER_MS - 5_000);
    const revealed = await phones[1].until((v) => v.question?.phase === 'revealed');
    expect(answersOf(revealed)?.results?.s2?.grade).toBe('right');
  });
});

describe('a phone dropping off Wi-Fi', () => {
  /** The page's own connection class, on the server's address. */
  function page(h: Harness, deviceToken: string): Connection {
    const conn = new Connection(() => ({ role: 'contestant', contestId: h.contestId, deviceToken }), h.url);
    connections.push(conn);
    return conn;
  }
  /** The page's socket: only to learn the moment it noticed the drop. */
  const socketOf = (conn: Connection) => (conn as unknown as { socket: Socket }).socket;

  function nextView(conn: Connection, test: (v: ContestView) => boolean = () => true): Promise<ContestView> {
    return new Promise((resolve) => {
      const off = conn.onEvents((_, view) => {
        if (!test(view)) return;
        off();
        resolve(view);
      });
    });
  }

  it('comes back mid-countdown to the same deadline and can still answer; what it sends while away is refused on the phone', async () => {
    const h = await server({ definition: contest(3) });
    const host = await h.host();
    const token = 'phone-made-token-0123456789';
    const phone = page(h, token);
    await nextView(phone);
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ data: { seatId: 's1', deviceToken: token } });
    await hostDoes(host, 'question:next', 'question:next');
    const opened = nextView(phone, (v) => v.question?.phase === 'answering');
    await hostDoes(host, 'answers:open');
    const deadline = askedOf(await opened)?.answerDeadline;
    h.clock.advance(5_000);

    // The Wi-Fi drops: the link closes under the page, which was told nothing.
    const away = new Promise<Awaited<ReturnType<Connection['request']>>>((resolve) =>
      socketOf(phone).once('disconnect', () => resolve(phone.request('answer:submit', { choice: [1] }))),
    );
    const back = nextView(phone);
    const hostSawDrop = host.next((v) => v.seats[0].connected === 0);
    [...h.app.io.sockets.sockets.values()].find((s) => s.data.seatId === 's1')?.conn.close();
    expect(await away).toEqual({ error: ErrorCode.Offline });
    expect(phone.status).toBe('offline');
    await hostSawDrop;

    // Back by itself: its seat, the countdown still running to the same deadline.
    const view = await back;
    expect(phone.status).toBe('online');
    expect(view.me).toBe('s1');
    expect(view.question).toMatchObject({ phase: 'answering', answerDeadline: deadline, myAnswer: null });
    await host.until((v) => v.seats[0].connected === 1);
    expect(await phone.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'recorded' } });
    expect(answersOf(await host.until((v) => answersOf(v)?.answered.includes('s1') ?? false))?.answered).toEqual(['s1']);
  });
});

describe('[D2] a request whose answer is lost with the link', () => {
  it("the host page's next question is sent again after it reconnects, and happens once", async () => {
    const h = await server({ definition: contest(3) });
    const conn = new Connection(() => ({ role: 'host', contestId: h.contestId, hostKey: h.hostKey }), h.url);
    connections.push(conn);
    await new Promise<void>((resolve) => conn.onEvents(() => resolve()));
    // The server applies and logs the command, then the link dies before the answer leaves.
    const submit = h.room.submit.bind(h.room);
    let dropped = false;
    h.room.submit = (command, requestId) => {
      const result = submit(command, requestId);
      if (!dropped) {
        dropped = true;
        for (const s of h.app.io.sockets.sockets.values()) if (s.data.role === 'host') s.conn.close();
      }
      return result;
    };
    expect(await conn.command({ type: 'question:next' })).toEqual({ data: null });
    expect(dropped).toBe(true);
    const log = h.store.loadContest(h.contestId)?.commands ?? [];
    expect(log.map((c) => c.type)).toEqual(['question:next']);
    expect(h.room.state.roundIndex).toBe(0);
    expect(h.room.state.question).toBeNull();
  });
});

describe('an update a page cannot merge', () => {
  it('the page connects again and is sent its whole view', async () => {
    const h = await server({ definition: contest(3) });
    const hosts: string[] = [];
    h.app.io.on('connection', (socket) => socket.data.role === 'host' && hosts.push(socket.id));
    const conn = new Connection(() => ({ role: 'host', contestId: h.contestId, hostKey: h.hostKey }), h.url);
    connections.push(conn);
    await new Promise<void>((resolve) => conn.onEvents(() => resolve()));
    expect(hosts).toHaveLength(1);
    // Five seats where the page holds three, and none of the two more given: it cannot have held
    // the channel's last view.
    const again = new Promise<void>((resolve) => h.app.io.once('connection', () => resolve()));
    h.app.io.to(hosts[0]).emit('contest:update', { changes: {}, entries: { seats: { length: 5, at: {} } }, events: [], serverNow: Date.now() });
    await again;
    await new Promise<void>((resolve) => conn.onEvents(() => resolve()));
    expect(hosts).toHaveLength(2);
    expect(conn.view).toEqual(viewFor('host', h.room.state, h.room.facts()));
  });
});
