// Locked seats (S2, S3): once the host locks them no new phone joins without the host, the screen
// shows no code, phones that hold their seats come back, and the lock is in the log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol.js';
import { archiveOf, readArchive } from '../../server/storage/archive.js';
import { openStore } from '../../server/storage/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';

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

async function newPhone(h: Harness) {
  const phone = h.connect({ role: 'contestant' });
  await phone.ready();
  return phone;
}

describe('locked seats', () => {
  it('[S2] a new phone is refused with seats-locked and nothing changes; the screen shows no code', async () => {
    const h = await server();
    const host = await h.host();
    const screen = await h.screen();
    await h.contestant('s1');
    expect(await host.request('host:command', { type: 'seats:lock', locked: true })).toEqual({ data: null });
    const locked = await screen.until((v) => v.seatsLocked);
    expect(locked.seats.map((s) => s.joinCode)).toEqual([null, null, null]);
    expect(locked.stage).toBe('lobby');

    const stranger = await newPhone(h);
    expect((await stranger.until((v) => v.seatsLocked)).me).toBeNull();
    expect(await stranger.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.AwaitingApproval });
    expect(h.store.loadContest(h.contestId)?.seats.find((s) => s.seatId === 's2')?.deviceTokens).toEqual([]);
    // The host still sees every code, to read one out or print it.
    expect((await host.until((v) => v.seatsLocked)).seats.every((s) => s.joinCode !== null)).toBe(true);

    // Unlocked, the same phone joins with the same code, and the screen shows free seats' codes again.
    expect(await host.request('host:command', { type: 'seats:lock', locked: false })).toEqual({ data: null });
    const open = await screen.until((v) => !v.seatsLocked);
    expect(open.seats.map((s) => s.joinCode)).toEqual([null, h.joinCodes.s2, h.joinCodes.s3]);
    expect(await stranger.request('seat:claim', { joinCode: h.joinCodes.s2 })).toHaveProperty('data.seatId', 's2');
  });

  it('[S2] a phone holding its seat comes back after a reload, and its repeated claim still answers', async () => {
    const h = await server();
    const host = await h.host();
    const phone = await h.contestant('s1');
    await host.request('host:command', { type: 'seats:lock', locked: true });
    phone.socket.close();
    const reloaded = h.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await reloaded.ready()).me).toBe('s1');
    // A claim repeated with the token that holds the seat (its answer was lost) is the same claim.
    expect(await reloaded.request('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: phone.deviceToken })).toEqual({
      data: { seatId: 's1', deviceToken: phone.deviceToken },
    });
  });

  it('[S2] only the host locks; a bad payload is refused', async () => {
    const h = await server();
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    expect(await phone.request('host:command', { type: 'seats:lock', locked: true })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await screen.request('host:command', { type: 'seats:lock', locked: true })).toEqual({ error: ErrorCode.NotAuthorised });
    const host = await h.host();
    expect(await host.raw('host:command', { type: 'seats:lock', locked: 'yes' })).toEqual({ error: ErrorCode.BadPayload });
    expect(h.room.state.seatsLocked).toBe(false);
  });

  it('[S3] the host admits one seat: a new phone joins it, the admission ends when it is full, other seats stay locked', async () => {
    const h = await server();
    const host = await h.host();
    const old = await h.contestant('s1');
    await host.request('host:command', { type: 'seats:lock', locked: true });
    // The contestant changes phone: the host frees the seat and lets it in.
    expect(await host.request('seat:release', { seatId: 's1' })).toEqual({ data: null });
    const replacement = await newPhone(h);
    expect(await replacement.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.AwaitingApproval });
    expect(await host.request('host:command', { type: 'seat:admit', seatId: 's1' })).toEqual({ data: null });
    expect((await host.until((v) => v.admitted === 's1')).seatsLocked).toBe(true);

    const other = await newPhone(h);
    expect(await other.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.AwaitingApproval });
    expect(await replacement.request('seat:claim', { joinCode: h.joinCodes.s1 })).toHaveProperty('data.seatId', 's1');
    const after = await host.until((v) => v.admitted === null && v.seats[0].claimed === 1);
    expect(after.seatsLocked).toBe(true);
    // Full again: the old phone cannot come back, and nobody else can take the seat. While
    // locked, every code answers as a wrong one does: seats-locked.
    const stale = h.connect({ role: 'contestant', deviceToken: old.deviceToken });
    expect((await stale.ready()).me).toBeNull();
    expect(await other.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.SeatsLocked });
    expect(await other.request('seat:claim', { joinCode: '1234567890' })).toEqual({ error: ErrorCode.SeatsLocked });
  });

  it('[S3] admitting is refused while seats are open, and for an unknown seat', async () => {
    const h = await server();
    const host = await h.host();
    expect(await host.request('host:command', { type: 'seat:admit', seatId: 's1' })).toEqual({ error: ErrorCode.SeatsNotLocked });
    await host.request('host:command', { type: 'seats:lock', locked: true });
    expect(await host.request('host:command', { type: 'seat:admit', seatId: 'nobody' })).toEqual({ error: ErrorCode.UnknownSeat });
    expect(h.room.state.admitted).toBeNull();
  });

  it('[S2] locking is in the log and survives a restart; it does not fix the definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    dirs.push(dir);
    const file = join(dir, 'qiangda.db');
    const clock = new FakeClock();
    const first = await server({ store: openStore(file), clock });
    const host = await first.host();
    const phone = await first.contestant('s1');
    await host.request('host:command', { type: 'seats:lock', locked: true });
    await host.request('host:command', { type: 'seat:admit', seatId: 's3' });
    expect(first.store.loadContest(first.contestId)?.commands.map((c) => c.type)).toEqual(['seats:lock', 'seat:admit']);
    // Still before the show: the host may edit the contest file.
    expect((await host.until((v) => v.admitted === 's3')).started).toBe(false);
    expect(first.room.notStarted()).toBe(true);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await server({ store: openStore(file), clock });
    expect(second.room.state.seatsLocked).toBe(true);
    expect(second.room.state.admitted).toBe('s3');
    const back = second.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await back.ready()).me).toBe('s1');
    const stranger = await newPhone(second);
    expect(await stranger.request('seat:claim', { joinCode: second.joinCodes.s2 })).toEqual({ error: ErrorCode.AwaitingApproval });
    expect(await stranger.request('seat:claim', { joinCode: second.joinCodes.s3 })).toHaveProperty('data.seatId', 's3');
    second.store.close();
  });

  it('[S2] a contest redefined after locking keeps its seats locked', async () => {
    const h = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'seats:lock', locked: true });
    const file = {
      format: 'qiangda-contest',
      version: 1,
      title: '改过的比赛',
      seats: [{ name: '甲' }, { name: '乙' }],
      stages: [{ name: '抢答', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
      seed: 's',
    };
    expect(await host.request('contest:define', { file })).toEqual({ data: null });
    expect(h.room.state.seatsLocked).toBe(true);
    const code = h.store.loadContest(h.contestId)?.seats[0].joinCode ?? '';
    const stranger = await newPhone(h);
    expect(await stranger.request('seat:claim', { joinCode: code })).toEqual({ error: ErrorCode.AwaitingApproval });
  });

  it('[S3] redefined without the admitted seat: the admission ends on the record, and the log still replays whole', async () => {
    const h = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'seats:lock', locked: true });
    await host.request('host:command', { type: 'seat:admit', seatId: 's3' });
    const file = {
      format: 'qiangda-contest',
      version: 1,
      title: '少了一席',
      seats: [{ name: '甲' }],
      stages: [{ name: '抢答', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
      seed: 's',
    };
    expect(await host.request('contest:define', { file })).toEqual({ data: null });
    expect(h.room.state).toMatchObject({ seatsLocked: true, admitted: null });
    const stored = h.store.loadContest(h.contestId);
    expect(stored?.commands.map((c) => c.type)).toEqual(['seats:lock', 'seat:admit', 'seat:admit']);
    // An archive of it restores: every logged command replays against the new seats.
    const archived = readArchive(archiveOf(stored as NonNullable<typeof stored>, h.clock.now()));
    expect(archived.ok).toBe(true);
  });
});

describe('locked seats on the organiser page', () => {
  it('[S2] a contest whose seats are locked in the lobby is still listed as not started', async () => {
    const h = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'seats:lock', locked: true });
    expect(h.app.contests.list().find((c) => c.id === h.contestId)).toMatchObject({ status: 'not-started', commands: 1 });
    await host.request('host:command', { type: 'question:next' });
    expect(h.app.contests.list().find((c) => c.id === h.contestId)?.status).toBe('running');
  });
});
