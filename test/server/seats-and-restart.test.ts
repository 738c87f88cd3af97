// A phone keeps its seat across reloads; the host can free a seat; a restarted server replays
// its log and carries on where it was, deadlines included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS, DEFAULT_BUZZ_WINDOW_MS } from '../../shared/contest/defaults.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore } from '../../server/storage/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';
import { buzzOf } from '../support/question-of.js';

const harnesses: Harness[] = [];
const dirs: string[] = [];

async function server(options: Parameters<typeof startServer>[0] = {}) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('seats', () => {
  it('a reloaded phone returns to its seat with its device token, without the join code', async () => {
    const h = await server();
    const phone = await h.contestant('s2');
    phone.socket.close();
    const host = await h.host();
    await host.until((v) => v.seats.find((s) => s.id === 's2')?.connected === 0);

    const reloaded = h.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    const view = await reloaded.ready();
    expect(view.me).toBe('s2');
    const seen = await host.until((v) => v.seats.find((s) => s.id === 's2')?.connected === 1);
    expect(seen.seats.find((s) => s.id === 's2')?.claimed).toBe(1);
  });

  it('a made-up device token gets no seat', async () => {
    const h = await server();
    await h.contestant('s1');
    const intruder = h.connect({ role: 'contestant', deviceToken: 'made-up' });
    expect((await intruder.ready()).me).toBeNull();
    expect(await intruder.request('buzz:press', {})).toEqual({ error: ErrorCode.NoSeat });
  });

  it('the host frees a seat: the old phone is told and unseated, and a new phone can claim it', async () => {
    const h = await server();
    const host = await h.host();
    const phone = await h.contestant('s1');
    const told = new Promise<void>((resolve) => phone.socket.once('seat:released', () => resolve()));
    expect(await host.request('seat:release', { seatId: 's1' })).toEqual({ data: null });
    await told;
    expect(await phone.request('buzz:press', {})).toEqual({ error: ErrorCode.NoSeat });
    const replacement = await h.contestant('s1');
    expect(replacement.view?.me).toBe('s1');
    // The old token no longer opens the seat.
    const stale = h.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await stale.ready()).me).toBeNull();
  });

  it('the screen shows join codes only for unclaimed seats; phones never see them', async () => {
    const h = await server();
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    const v = await screen.until((x) => x.seats[0].claimed === 1);
    expect(v.seats.map((s) => s.joinCode)).toEqual([null, h.joinCodes.s2, h.joinCodes.s3]);
    expect(phone.view?.seats.every((s) => s.joinCode === null)).toBe(true);
  });
});

describe('restart', () => {
  it('a restarted server replays the log: scores, the question, seats and deadlines come back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    dirs.push(dir);
    const file = join(dir, 'qiangda.db');
    const clock = new FakeClock();

    const first = await server({ store: openStore(file), clock });
    const host = await first.host();
    const phone = await first.contestant('s1');
    const other = await first.contestant('s2');
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    await phone.request('buzz:press', {});
    clock.advance(DEFAULT_GRACE_CAP_MS);
    await host.until((v) => v.question?.phase === 'answering');
    await host.request('host:command', { type: 'answer:rule', verdict: 'right' });
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'buzzers:open' });
    clock.advance(1000);
    await other.request('buzz:press', {});
    const before = structuredClone(first.room.state);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // The process is gone; a new one opens the same file.
    clock.advance(2000);
    const second = await server({ store: openStore(file), clock });
    expect(second.contestId).toBe(first.contestId);
    expect(second.room.state).toEqual(before);
    const phoneAgain = second.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await phoneAgain.ready()).me).toBe('s1');

    // s2's press was decided after the grace window; its countdown, set before the restart,
    // runs out at its recorded deadline.
    const screen = await second.screen();
    clock.advance(DEFAULT_ANSWER_TIME_MS + DEFAULT_GRACE_CAP_MS - 2000);
    const timedOut = await screen.until((v) => v.question?.phase === 'wrong');
    expect(timedOut.seats.map((s) => s.score)).toEqual([10, -10, 0]);
    second.store.close();
  });
});

describe('deadline timers', () => {
  it('a timer that fires a millisecond early still applies the deadline on time', async () => {
    const clock = new FakeClock(1_700_000_000_000, 1);
    const h = await server({ clock });
    const host = await h.host();
    const screen = await h.screen();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    clock.advance(DEFAULT_BUZZ_WINDOW_MS);
    const dead = await screen.until((v) => v.question?.phase === 'revealed');
    expect(buzzOf(dead)?.outcome).toBe('dead');
  });
});

describe('review findings', () => {
  it('once the show starts the screen no longer shows any join code', async () => {
    const h = await server();
    const host = await h.host();
    const screen = await h.screen();
    expect((await screen.until((v) => v.stage === 'lobby')).seats.every((s) => s.joinCode !== null)).toBe(true);
    await host.request('host:command', { type: 'question:next' });
    const started = await screen.until((v) => v.stage === 'round');
    expect(started.seats.map((s) => s.joinCode)).toEqual([null, null, null]);
    expect((await host.until((v) => v.stage === 'round')).seats.every((s) => s.joinCode !== null)).toBe(true);
  });

  it('a deadline that cannot be written is retried every second, not in a tight loop', async () => {
    const clock = new FakeClock();
    const store = openStore(':memory:');
    const h = await server({ clock, store });
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    // The disk fills up.
    let attempts = 0;
    store.appendCommand = () => {
      attempts++;
      throw new Error('SQLITE_FULL');
    };
    clock.advance(DEFAULT_BUZZ_WINDOW_MS + 5_000);
    expect(attempts).toBeGreaterThanOrEqual(5);
    expect(attempts).toBeLessThanOrEqual(7);
    expect(h.room.state.question?.phase).toBe('open');
    store.close();
  });

  it('a team whose phone count goes down keeps only as many phones, also after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    dirs.push(dir);
    const file = join(dir, 'qiangda.db');
    const h = await server({ store: openStore(file) });
    const host = await h.host();
    const teams = (phones: number) => ({
      format: 'qiangda-contest',
      version: 1,
      title: '测试',
      seats: [{ name: '甲队', kind: 'team', phones }],
      stages: [{ name: '抢答', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
      seed: 's',
    });
    expect(await host.request('contest:define', { file: teams(3) })).toEqual({ data: null });
    const code = h.store.loadContest(h.contestId)?.seats[0].joinCode;
    for (let i = 0; i < 3; i++) {
      const phone = h.connect({ role: 'contestant' });
      await phone.ready();
      expect(await phone.request('seat:claim', { joinCode: code ?? '' })).toHaveProperty('data');
    }
    expect(await host.request('contest:define', { file: teams(2) })).toEqual({ data: null });
    expect(h.store.loadContest(h.contestId)?.seats[0].deviceTokens).toHaveLength(2);
    h.store.close();
  });
});

describe('claiming a seat is safe to repeat', () => {
  it('a claim repeated with the phone-made token (its answer was lost) gets the same answer, and the seat counts one phone', async () => {
    const h = await server();
    const host = await h.host();
    const token = 'phone-made-token-0123456789';
    const phone = h.connect({ role: 'contestant' });
    await phone.ready();
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ data: { seatId: 's1', deviceToken: token } });
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ data: { seatId: 's1', deviceToken: token } });
    // After a reload before the answer came, the same token claims again from a new socket.
    const reloaded = h.connect({ role: 'contestant' });
    await reloaded.ready();
    expect(await reloaded.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ data: { seatId: 's1', deviceToken: token } });
    const seen = await host.until((v) => v.seats[0].connected === 2);
    expect(seen.seats[0].claimed).toBe(1);
    // The token cannot be used for another seat, and a different phone still finds s1 taken.
    expect(await reloaded.request('seat:claim', { joinCode: h.joinCodes.s2, deviceToken: token })).toEqual({ error: ErrorCode.AlreadySeated });
    const other = h.connect({ role: 'contestant' });
    await other.ready();
    expect(await other.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.BadJoinCode });
    expect(await other.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: 'short' })).toEqual({ error: ErrorCode.BadPayload });
  });

  it('a phone seated at one seat cannot take another with that seat\'s token: a socket holds one seat', async () => {
    const h = await server();
    const host = await h.host();
    const [first, second] = ['first-phone-token-0123456789', 'second-phone-token-012345678'];
    const s1 = h.connect({ role: 'contestant' });
    const s2 = h.connect({ role: 'contestant' });
    await Promise.all([s1.ready(), s2.ready()]);
    expect(await s1.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: first })).toEqual({ data: { seatId: 's1', deviceToken: first } });
    expect(await s2.request('seat:claim', { joinCode: h.joinCodes.s2, deviceToken: second })).toEqual({ data: { seatId: 's2', deviceToken: second } });
    expect(await s1.request('seat:claim', { joinCode: h.joinCodes.s2, deviceToken: second })).toEqual({ error: ErrorCode.AlreadySeated });
    expect(s1.view?.me).toBe('s1');
    const seen = await host.until((v) => v.seats[0].connected === 1 && v.seats[1].connected === 1);
    expect(seen.seats.filter((seat) => seat.connected > 0).map((seat) => [seat.id, seat.connected])).toEqual([['s1', 1], ['s2', 1]]);
  });
});
