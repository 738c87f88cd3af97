// A hostile hall, in the suite: over 10,000 seeded random payloads on every inbound event, from
// every role (host, screen, phones with and without a seat, judges signed in or not, another
// contest's pages) and
// connections with wrong keys. The server must stay up, refuse each with an error code, and keep
// both contests' logs and states exactly as they were. A failure names the seed and the send:
// QIANGDA_FUZZ_SEED=<seed> npx vitest run test/server/fuzz.test.ts replays it.
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContestFile } from '../../server/setup/contest-file.js';
import type { ContestRoom } from '../../server/rooms/room.js';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState } from '../../shared/contest/types.js';
import {
  ErrorCode,
  PROTOCOL_VERSION,
  contestDefineSchema,
  emptySchema,
  answerSubmitSchema,
  stakeChooseSchema,
  buzzPressSchema,
  hostCommandSchema,
  judgeScoreSchema,
  requestIdSchema,
  seatReleaseSchema,
} from '../../shared/protocol.js';
import { definition } from '../support/definitions.js';
import { INBOUND_EVENTS, Random, UNKNOWN_EVENTS, hostileHandshake, hostileSend, type Send } from '../support/fuzz-payloads.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';

const SEED = process.env.QIANGDA_FUZZ_SEED ?? 'qiangda-hostile-hall';
/** Per socket, so the run stays within a per-socket rate limit's burst of a real page's traffic. */
const SENDS_PER_SOCKET = 300;
const BURST = 25;
/** Server time between a page's bursts: within the edge's event budget (server/edge/event-rate.ts). */
const BURST_EVERY_MS = 2000;
const HANDSHAKES = 300;
/** socket.io drops a connection whose message passes 64 KiB; the fuzz keeps each send below. */
const MAX_SEND_BYTES = 48 * 1024;
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

type Role = 'host' | 'screen' | 'seated' | 'unseated' | 'judge' | 'unsigned-judge';
interface Page {
  client: TestClient;
  role: Role;
  contest: 'A' | 'B';
  seatId?: string;
  judgeId?: string;
}

/** Two team seats of four phones: every phone slot is filled, so no claim can succeed; and two
 * judges, whose codes the fuzz never learns. */
function teams(): ContestDefinition {
  const d = definition({ seats: 2 });
  return { ...d, seats: d.seats.map((s) => ({ ...s, kind: 'team', phones: 4 })), judges: [{ id: 'j1', name: '评委一' }, { id: 'j2', name: '评委二' }] };
}

/** What the server receives: the send after its trip through JSON. */
function received(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

/** Whether this send, from this page in the contest as it stands, may change something (the
 * fuzz never sends those) or is a read answered with data; anything else must be refused. The
 * pure engine says which well-formed commands are in order now. */
function expectation(page: Page, send: Send, room: ContestRoom, now: number): 'may-change' | 'read' | 'refused' {
  if (!(INBOUND_EVENTS as readonly string[]).includes(send.event)) return 'refused';
  const payload = received(send.args[0]);
  let body: unknown = payload;
  if (typeof payload === 'object' && payload !== null && 'rid' in payload) {
    const { rid, ...rest } = payload as { rid: unknown };
    if (!requestIdSchema.safeParse(rid).success) return 'refused';
    body = rest;
  }
  const inOrder = (command: object) => (apply(room.state, { ...command, at: now } as Command).ok ? 'may-change' : 'refused');
  if (send.event === 'clock:probe') return emptySchema.safeParse(body).success ? 'read' : 'refused';
  if (page.role === 'seated' && page.seatId) {
    const press = buzzPressSchema.safeParse(body);
    if (send.event === 'buzz:press' && press.success) {
      return inOrder({ type: 'buzz:press', seatId: page.seatId, claimedAt: press.data.pressedAt ?? null, link: null, armed: {} });
    }
    const answer = answerSubmitSchema.safeParse(body);
    if (send.event === 'answer:submit' && answer.success) return inOrder({ type: 'answer:submit', seatId: page.seatId, choice: answer.data.choice });
    const stake = stakeChooseSchema.safeParse(body);
    if (send.event === 'stake:choose' && stake.success) return inOrder({ type: 'stake:choose', seatId: page.seatId, stake: stake.data.stake });
  }
  if (page.role === 'judge' && page.judgeId) {
    const scored = judgeScoreSchema.safeParse(body);
    if (send.event === 'judge:score' && scored.success) return inOrder({ type: 'judge:score', judgeId: page.judgeId, ...scored.data });
  }
  if (page.role !== 'host') return 'refused';
  if (send.event === 'judges:access') return emptySchema.safeParse(body).success ? 'read' : 'refused';
  if (send.event === 'contest:source') return emptySchema.safeParse(body).success ? 'read' : 'refused';
  if (send.event === 'question:swap') return emptySchema.safeParse(body).success && room.state.question ? 'may-change' : 'refused';
  if (send.event === 'host:command') {
    const command = hostCommandSchema.safeParse(body);
    return command.success ? inOrder(command.data) : 'refused';
  }
  if (send.event === 'seat:release') {
    const release = seatReleaseSchema.safeParse(body);
    return release.success && room.hasSeat(release.data.seatId) ? 'may-change' : 'refused';
  }
  if (send.event === 'contest:define') {
    const define = contestDefineSchema.safeParse(body);
    return define.success && parseContestFile(define.data.file).ok ? 'may-change' : 'refused';
  }
  return 'refused';
}

/** A contest as kept and as lived: the stored record (log, seats, phones) and the room's state. */
function snapshot(h: Harness, room: ContestRoom) {
  return { stored: JSON.stringify(h.store.loadContest(room.id)), state: structuredClone(room.state) };
}

/** The state the stored log replays to. */
function replayed(h: Harness, id: string): ContestState {
  const stored = h.store.loadContest(id);
  if (!stored) throw new Error(`no contest ${id}`);
  return stored.commands.reduce((state, command) => {
    const result = apply(state, command);
    if (!result.ok) throw new Error(`log of ${id} does not replay: ${result.error}`);
    return result.state;
  }, initialState(stored.definition));
}

/** Sends and, if it carries an acknowledgement, resolves with the answer. */
function emit(client: TestClient, send: Send): Promise<unknown> {
  const socket = client.socket as unknown as { emit(event: string, ...args: unknown[]): void; timeout(ms: number): { emit(event: string, ...args: unknown[]): void } };
  if (!send.acked) {
    socket.emit(send.event, ...send.args);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => socket.timeout(20_000).emit(send.event, ...send.args, (err: Error | null, answer: unknown) => resolve(err ? { timeout: true } : answer)));
}

describe('a hostile hall (fuzz)', () => {
  let h: Harness;
  let roomB: ContestRoom;
  let hostKeyB: string;
  const pages: Page[] = [];
  const serverLog: string[] = [];
  const r = new Random(seedrandom(SEED));

  beforeAll(async () => {
    h = await startServer({ definition: teams(), log: (line) => serverLog.push(line) });
    const idB = h.app.contests.create(teams());
    roomB = h.app.contests.get(idB) as ContestRoom;
    hostKeyB = roomB.hostKey;
    const codesB = Object.fromEntries(h.store.loadContest(idB)?.seats.map((s) => [s.seatId, s.joinCode]) ?? []);

    const page = async (contest: 'A' | 'B', role: Role, seatId?: string, judgeId?: string) => {
      const contestId = contest === 'A' ? h.contestId : idB;
      const judgeKey = h.store.loadContest(contestId)?.judges.find((j) => j.judgeId === judgeId)?.key;
      const auth =
        role === 'host'
          ? { role, contestId, hostKey: contest === 'A' ? h.hostKey : hostKeyB }
          : role === 'judge' || role === 'unsigned-judge'
            ? { role: 'judge', contestId, ...(judgeKey && { key: judgeKey }) }
            : { role: role === 'screen' ? 'screen' : 'contestant', contestId };
      const client = h.connect(auth);
      await client.ready();
      pages.push({ client, role, contest, seatId, judgeId });
      return client;
    };
    for (const contest of ['A', 'B'] as const) {
      for (const seatId of ['s1', 's2']) {
        for (let phone = 0; phone < 4; phone++) {
          const client = await page(contest, 'seated', seatId);
          const code = contest === 'A' ? h.joinCodes[seatId] : codesB[seatId];
          expect(await client.request('seat:claim', { joinCode: code })).toHaveProperty('data');
        }
      }
    }
    for (let i = 0; i < 6; i++) await page('A', 'host');
    for (let i = 0; i < 4; i++) await page('A', 'screen');
    for (let i = 0; i < 6; i++) await page('A', 'unseated');
    for (const judgeId of ['j1', 'j1', 'j2']) await page('A', 'judge', undefined, judgeId);
    for (let i = 0; i < 2; i++) await page('A', 'unsigned-judge');
    await page('B', 'judge', undefined, 'j2');
    for (let i = 0; i < 2; i++) await page('B', 'host');
    for (let i = 0; i < 2; i++) await page('B', 'screen');
    for (let i = 0; i < 2; i++) await page('B', 'unseated');

    // Something in A's log, so its replay has work to do; B has not begun, so its host's
    // contest files are checked field by field.
    const hostA = pages.find((p) => p.role === 'host' && p.contest === 'A');
    expect(await hostA?.client.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 5, reason: '热身' })).toEqual({ data: null });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it(`refuses over 10,000 hostile payloads from every role and changes nothing (seed ${SEED})`, async () => {
    const codes = [...Object.values(h.joinCodes), ...(h.store.loadContest(roomB.id)?.seats.map((s) => s.joinCode) ?? [])];
    const problems: string[] = [];
    let sent = 0;

    /** One burst of hostile sends from one page, checking each answer. Generated in page
     * order before anything is awaited, so a seed always makes the same sends. */
    const burst = (page: Page, p: number, from: number): Promise<unknown> => {
      const answers: Promise<void>[] = [];
      for (let i = from; i < from + BURST; i++) {
        const event = r.chance(0.07) ? r.pick(UNKNOWN_EVENTS) : r.pick(INBOUND_EVENTS);
        let send = hostileSend(r, event, codes);
        const room = page.contest === 'A' ? h.room : roomB;
        let expected = expectation(page, send, room, h.clock.now());
        while (expected === 'may-change' || Buffer.byteLength(JSON.stringify(send.args) ?? '') > MAX_SEND_BYTES) {
          send = hostileSend(r, event, codes);
          expected = expectation(page, send, room, h.clock.now());
        }
        // Unknown events have no handler, so nothing answers them: they go without one.
        if (!(INBOUND_EVENTS as readonly string[]).includes(send.event)) send = { ...send, acked: false };
        sent++;
        const where = () => `socket ${p} (${page.contest} ${page.role}) send ${i}: ${send.event} ${JSON.stringify(send.args)?.slice(0, 300)}`;
        answers.push(
          emit(page.client, send).then((answer) => {
            if (!send.acked) return;
            const a = answer as { error?: unknown; data?: unknown } | undefined;
            if (expected === 'read' && !(a && 'data' in a)) problems.push(`${where()}: a read answered ${JSON.stringify(answer)}`);
            if (expected === 'refused' && !(a && typeof a.error === 'string' && ERROR_CODES.has(a.error) && !('data' in a))) {
              problems.push(`${where()}: answered ${JSON.stringify(answer)?.slice(0, 300)}`);
            }
          }),
        );
      }
      return Promise.all(answers);
    };

    pages.forEach((page, p) =>
      page.client.socket.on('disconnect', (reason) => problems.push(`socket ${p} (${page.contest} ${page.role}) disconnected (${reason}) after ${sent} sends`)),
    );
    /** Every page sends bursts, each answered before the next, with two seconds of the server's
     * clock between them, as a page's own traffic comes; then both contests are as they were. */
    const fuzz = async (from: number, to: number) => {
      const before = { A: snapshot(h, h.room), B: snapshot(h, roomB) };
      for (let at = from; at < to; at += BURST) {
        // A turn of the event loop between pages: on a starved machine one long stretch of
        // work would hold up the heartbeats past their timeout.
        const answers: Promise<unknown>[] = [];
        for (const [p, page] of pages.entries()) {
          answers.push(burst(page, p, at));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(answers);
        h.clock.advance(BURST_EVERY_MS);
      }
      expect(problems.slice(0, 20), `seed ${SEED}`).toEqual([]);
      expect({ A: snapshot(h, h.room), B: snapshot(h, roomB) }).toEqual(before);
    };

    // Contest A in the lobby (B has not begun), then in a buzz-in question whose buzzers are
    // open, paused so that no countdown moves while the clock does.
    await fuzz(0, SENDS_PER_SOCKET / 2);
    const hostA = pages.find((p) => p.role === 'host' && p.contest === 'A') as Page;
    for (const type of ['question:next', 'question:next', 'buzzers:open', 'show:pause'] as const) {
      expect(await hostA.client.request('host:command', { type })).toEqual({ data: null });
    }
    await fuzz(SENDS_PER_SOCKET / 2, SENDS_PER_SOCKET);
    // Every page is still connected and answered after all that.
    for (const [p, page] of pages.entries()) {
      const probe = (await emit(page.client, { event: 'clock:probe', args: [{}], acked: true })) as { data?: unknown };
      if (!probe || !('data' in probe)) problems.push(`socket ${p} (${page.contest} ${page.role}) no longer answers: ${JSON.stringify(probe)}`);
    }

    // Connections with wrong keys, contests, versions and shapes are refused before any event.
    for (let i = 0; i < HANDSHAKES; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const auth = hostileHandshake(r, h.contestId, roomB.id, hostKeyB, PROTOCOL_VERSION);
          sent++;
          const client = h.connect(auth);
          const outcome = await client.ready().then(
            () => 'connected',
            (err: Error) => err.message,
          );
          client.socket.close();
          if (!ERROR_CODES.has(outcome)) problems.push(`handshake ${JSON.stringify(auth).slice(0, 300)}: ${outcome}`);
        }),
      );
    }

    expect(problems.slice(0, 20), `seed ${SEED}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(serverLog.filter((line) => line.includes('failed')), 'handlers that threw').toEqual([]);

    // The server is up, and each contest's log replays to the state it lives in.
    const screen = h.connect({ role: 'screen' });
    await screen.ready();
    expect(replayed(h, h.contestId)).toEqual(h.room.state);
    expect(replayed(h, roomB.id)).toEqual(roomB.state);
  }, 120_000);

  it('drops a socket whose message passes 64 KiB, and serves everyone else', async () => {
    const before = { A: snapshot(h, h.room), B: snapshot(h, roomB) };
    const flooder = h.connect({ role: 'contestant' });
    await flooder.ready();
    const dropped = new Promise((resolve) => flooder.socket.once('disconnect', resolve));
    void flooder.raw('seat:claim', { joinCode: '1'.repeat(100_000) }).catch(() => {});
    expect(await dropped).toBe('transport close');
    const host = pages.find((p) => p.role === 'host' && p.contest === 'A') as Page;
    expect(await host.client.request('clock:probe', {})).toHaveProperty('data');
    expect({ A: snapshot(h, h.room), B: snapshot(h, roomB) }).toEqual(before);
  });
});
