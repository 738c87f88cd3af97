// The edge refuses what it must, with an error code, and nothing changes when it does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, PROTOCOL_VERSION } from '../../shared/protocol.js';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { MAX_PRESSES_PER_QUESTION } from '../../shared/contest/defaults.js';
import { maySend, ROLE_SENDS } from '../../shared/role-sends.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startServer();
});

afterEach(async () => {
  await h.close();
});

/** The contest's state and log length, to prove a refusal changed nothing. */
function snapshot() {
  return { state: structuredClone(h.room.state), commands: h.store.loadContest(h.contestId)?.commands.length };
}

describe('connections are authenticated', () => {
  it.each([
    ['a wrong host key', { role: 'host', hostKey: 'guess' }, ErrorCode.NotAuthorised],
    ['no role', { hostKey: 'x' }, ErrorCode.BadHandshake],
    ['an unknown role', { role: 'referee' }, ErrorCode.BadHandshake],
    ['an unknown contest', { role: 'screen', contestId: 'nope' }, ErrorCode.UnknownContest],
    ['an old protocol version', { role: 'screen', v: PROTOCOL_VERSION - 1 }, ErrorCode.VersionMismatch],
  ])('refuses %s', async (_, auth, code) => {
    await expect(h.connect(auth).ready()).rejects.toThrow(code);
  });
});

describe('commands are authorised', () => {
  let screen: TestClient;
  let phone: TestClient;
  let unseated: TestClient;

  beforeEach(async () => {
    screen = await h.screen();
    phone = await h.contestant('s1');
    unseated = h.connect({ role: 'contestant' });
    await unseated.ready();
  });

  it('refuses host commands from the screen and from a phone, and changes nothing', async () => {
    const before = snapshot();
    expect(await screen.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await phone.request('host:command', { type: 'question:next' })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await phone.request('seat:release', { seatId: 's1' })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a buzz from a phone without a seat, and from any role that does not press', async () => {
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const before = snapshot();
    expect(await unseated.request('buzz:press', {})).toEqual({ error: ErrorCode.NoSeat });
    expect(await screen.request('buzz:press', {})).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await host.request('buzz:press', {})).toEqual({ error: ErrorCode.NotAuthorised });
    expect(snapshot()).toEqual(before);
  });

  it('refuses every event outside a role\'s entry in ROLE_SENDS, before reading its payload', async () => {
    const host = await h.host();
    const everyEvent = new Set(Object.values(ROLE_SENDS).flat());
    const before = snapshot();
    for (const [role, socket] of [['screen', screen], ['contestant', phone], ['host', host]] as const) {
      for (const event of everyEvent) {
        if (maySend(role, event)) continue;
        expect(await socket.request(event, { garbage: true } as never), `${role} ${event}`).toEqual({ error: ErrorCode.NotAuthorised });
      }
    }
    expect(maySend('screen', 'clock:probe')).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a wrong join code and a seat another phone holds', async () => {
    expect(await unseated.request('seat:claim', { joinCode: '000000' })).toEqual({ error: ErrorCode.BadJoinCode });
    expect(await unseated.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.BadJoinCode });
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.AlreadySeated });
  });
});

describe('every payload is checked against its schema', () => {
  it.each([
    ['an unknown command', 'host:command', [{ type: 'contest:delete' }]],
    ['a verdict that is not right or wrong', 'host:command', [{ type: 'answer:rule', verdict: 'maybe' }]],
    ['a leaderboard that is neither up nor down', 'host:command', [{ type: 'standings:show', show: 'yes' }]],
    ['a leaderboard without its switch', 'host:command', [{ type: 'standings:show' }]],
    ['a fractional adjustment', 'host:command', [{ type: 'score:adjust', seatId: 's1', delta: 2.5, reason: 'r' }]],
    ['a zero adjustment', 'host:command', [{ type: 'score:adjust', seatId: 's1', delta: 0, reason: 'r' }]],
    ['an adjustment without a reason', 'host:command', [{ type: 'score:adjust', seatId: 's1', delta: 5, reason: '  ' }]],
    ['a huge adjustment', 'host:command', [{ type: 'score:adjust', seatId: 's1', delta: 1e9, reason: 'r' }]],
    ['a string instead of an object', 'host:command', ['question:next']],
    ['null', 'host:command', [null]],
    ['a press with extra fields', 'buzz:press', [{ at: 0 }]],
    ['a join code with letters', 'seat:claim', [{ joinCode: 'abc123' }]],
  ])('refuses %s with bad-payload and changes nothing', async (_, event, args) => {
    const host = await h.host();
    const phone = await h.contestant('s2');
    const before = snapshot();
    const client = event === 'host:command' ? host : phone;
    expect(await client.raw(event, ...args)).toEqual({ error: ErrorCode.BadPayload });
    expect(snapshot()).toEqual(before);
  });

  it('survives events without an acknowledgement and unknown events', async () => {
    const host = await h.host();
    const emit = (host.socket as unknown as { emit: (e: string, ...a: unknown[]) => void }).emit.bind(host.socket);
    emit('host:command', { type: 'nonsense' });
    emit('no:such:event', 1, 2, 3);
    // Still serving: the next real command works.
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
  });

  it('refuses an illegal command with the engine error code', async () => {
    const host = await h.host();
    const before = snapshot();
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' })).toEqual({ error: ErrorCode.NotInQuestion });
    expect(await host.request('host:command', { type: 'score:adjust', seatId: 'ghost', delta: 5, reason: 'r' })).toEqual({
      error: ErrorCode.UnknownSeat,
    });
    expect(snapshot()).toEqual(before);
  });
});

describe('[B16] a phone cannot flood the log with presses', () => {
  it('past the presses one question allows, a seat is refused unlogged; the next question starts afresh', async () => {
    const phone = await h.contestant('s1');
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const other = await h.contestant('s2');
    for (let i = 0; i < MAX_PRESSES_PER_QUESTION; i++) expect(await phone.request('buzz:press', {})).toHaveProperty('data');
    const before = snapshot();
    expect(await phone.request('buzz:press', {})).toEqual({ error: ErrorCode.TooManyPresses });
    // A second socket on the same seat (a reload, or opened on purpose) is held to the same count.
    const twin = h.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await twin.ready()).me).toBe('s1');
    expect(await twin.request('buzz:press', {})).toEqual({ error: ErrorCode.TooManyPresses });
    expect(snapshot()).toEqual(before);
    // Another seat is not held back by this one.
    expect(await other.request('buzz:press', {})).toHaveProperty('data');
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    for (const command of [{ type: 'answer:rule', verdict: 'right' }, { type: 'question:next' }, { type: 'buzzers:open' }] as const) {
      expect(await host.request('host:command', command)).toEqual({ data: null });
    }
    expect(await phone.request('buzz:press', {})).toHaveProperty('data');
  });

  it('a retried press already in the log gets its first answer, even past the limit', async () => {
    const phone = await h.contestant('s1');
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const first = await phone.request('buzz:press', { rid: 'press-first-0001' });
    expect(first).toHaveProperty('data');
    for (let i = 1; i < MAX_PRESSES_PER_QUESTION; i++) expect(await phone.request('buzz:press', {})).toHaveProperty('data');
    expect(await phone.request('buzz:press', { rid: 'press-first-0001' })).toEqual(first);
  });
});
