// Issue 10, "hostile hall": a join code cannot be guessed in the time a contest lasts, even by a
// script with many phones on many addresses; a full seat's code answers as a wrong code does;
// the host console raises an alarm; nothing the server logs carries a secret in full.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { ErrorCode, PROTOCOL_VERSION, type Ack, type SeatClaimed } from '../../shared/protocol.js';
import { CLAIM_ALARM_FAILURES, CLAIM_ALARM_WINDOW_MS, CLAIM_LIMITS } from '../../server/realtime/claim-guard.js';
import { machineKey } from '../../server/edge/client-address.js';
import { redactSecrets } from '../../server/setup/redact.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { JOIN_CODE_DIGITS, formatJoinCode } from '../../shared/join-code.js';
import { definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const h of harnesses.splice(0)) await h.close();
});

async function server(options: Parameters<typeof startServer>[0] = {}) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

/** A phone's socket from its own loopback address (127.0.0.x), as a guesser's many machines. */
async function phoneAt(h: Harness, address: string): Promise<Socket> {
  const socket = connect(h.url, {
    auth: { v: PROTOCOL_VERSION, role: 'contestant', contestId: h.contestId },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    localAddress: address,
  } as Parameters<typeof connect>[1]);
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const claim = (socket: Socket, joinCode: string): Promise<Ack<SeatClaimed>> => socket.emitWithAck('seat:claim', { joinCode });

/** Ten-digit codes that are not any seat's, in a fixed order. */
function wrongCodes(count: number, taken: string[]): string[] {
  const codes: string[] = [];
  for (let n = 1_000_000_007; codes.length < count; n += 7_919) if (!taken.includes(String(n))) codes.push(String(n));
  return codes;
}

describe('guessing join codes', () => {
  it('[G1] a guesser with 10 phones on 5 addresses, trying codes as fast as it is answered for two hours, gets nowhere', async () => {
    const h = await server();
    const minutes = 120;
    // The guesser knows far more than a real one: the free seat's code is its 4,000th guess.
    // Unthrottled (the server before this change), it took a seat within seconds.
    const secret = h.joinCodes.s3;
    const guesses = [...wrongCodes(3_999, Object.values(h.joinCodes)), secret];
    const phones = await Promise.all(Array.from({ length: 10 }, (_, i) => phoneAt(h, `127.0.0.${10 + (i % 5)}`)));
    let next = 0;
    let tried = 0;
    let throttled = 0;
    let seated: string | null = null;
    for (let minute = 0; minute < minutes && !seated; minute++) {
      // Every phone claims at once, again and again, until each is told to wait (at most 100 rounds).
      for (let round = 0; round < 100 && !seated; round++) {
        const batch = phones.map(() => guesses[next++ % guesses.length]);
        const answers = await Promise.all(phones.map((p, i) => claim(p, batch[i])));
        answers.forEach((a, i) => {
          if ('data' in a) seated = a.data.seatId;
          else if (a.error === ErrorCode.ClaimsThrottled) {
            throttled += 1;
            expect(a.retryAfterMs).toBeGreaterThan(0);
            // A throttled guess was not tried: the guesser has to send it again.
            guesses.splice(next, 0, batch[i]);
          } else {
            expect(a).toEqual({ error: ErrorCode.BadJoinCode });
            tried += 1;
          }
        });
        if (answers.every((a) => 'error' in a && a.error === ErrorCode.ClaimsThrottled)) break;
      }
      h.clock.advance(60_000);
    }
    expect(seated).toBeNull();
    expect(h.store.loadContest(h.contestId)?.seats.every((s) => s.deviceTokens.length === 0)).toBe(true);
    // Codes tried in two hours: the contest's burst, then its rate per minute.
    expect(tried).toBeLessThanOrEqual(CLAIM_LIMITS.contest.burst + CLAIM_LIMITS.contest.perMinute * minutes);
    expect(throttled).toBeGreaterThan(0);

    // The attack over, a contestant who reads the code right joins within a minute.
    h.clock.advance(60_000);
    const honest = await phoneAt(h, '127.0.0.99');
    expect(await claim(honest, formatJoinCode(secret))).toHaveProperty('data.seatId', 's3');
  }, 90_000);

  it('[G1] one phone is held back after a few wrong codes, told how long to wait, and may try again after that', async () => {
    const h = await server();
    const phone = await phoneAt(h, '127.0.0.2');
    for (const code of wrongCodes(CLAIM_LIMITS.socket.burst, [])) expect(await claim(phone, code)).toEqual({ error: ErrorCode.BadJoinCode });
    const held = await claim(phone, h.joinCodes.s1);
    expect(held).toMatchObject({ error: ErrorCode.ClaimsThrottled });
    const wait = 'error' in held ? (held.retryAfterMs ?? 0) : 0;
    expect(wait).toBe(60_000 / CLAIM_LIMITS.socket.perMinute);
    h.clock.advance(wait - 1);
    expect(await claim(phone, h.joinCodes.s1)).toMatchObject({ error: ErrorCode.ClaimsThrottled, retryAfterMs: 1 });
    h.clock.advance(1);
    expect(await claim(phone, h.joinCodes.s1)).toHaveProperty('data.seatId', 's1');
  });

  it('[G1] new phones from one address share its limit; phones elsewhere still join', async () => {
    const h = await server();
    let refused = 0;
    for (let i = 0; refused < CLAIM_LIMITS.address.burst; i++) {
      const phone = await phoneAt(h, '127.0.0.3');
      for (const code of wrongCodes(2, [])) if ('error' in (await claim(phone, code))) refused += 1;
    }
    const fresh = await phoneAt(h, '127.0.0.3');
    expect(await claim(fresh, h.joinCodes.s1)).toMatchObject({ error: ErrorCode.ClaimsThrottled });
    const neighbour = await phoneAt(h, '127.0.0.4');
    expect(await claim(neighbour, h.joinCodes.s1)).toHaveProperty('data.seatId', 's1');
  });

  it(`[G1] new codes have ${JOIN_CODE_DIGITS} digits; a six-digit code from an older data file still joins`, async () => {
    const store = openStore(':memory:');
    store.createContest({ id: 'old', createdAt: 0, definition: definition(), source: null, hostKey: 'old-host-key-0123456789', seats: [{ seatId: 's1', joinCode: '123456', deviceTokens: [] }, { seatId: 's2', joinCode: '654321', deviceTokens: [] }, { seatId: 's3', joinCode: '111222', deviceTokens: [] }] });
    const h = await server({ store });
    expect(Object.values(h.joinCodes)).toEqual(['123456', '654321', '111222']);
    const phone = await phoneAt(h, '127.0.0.5');
    expect(await claim(phone, '123 456')).toHaveProperty('data.seatId', 's1');
    const created = h.app.contests.get(h.app.contests.create(definition()));
    expect(Object.values(created?.facts().joinCodes ?? {}).every((c) => new RegExp(`^[1-9]\\d{${JOIN_CODE_DIGITS - 1}}$`).test(c))).toBe(true);
    store.close();
  });
});

describe('a full seat tells a stranger nothing', () => {
  it("[G2] a full seat's code and a wrong code get the same answer, touch the store alike and count alike", async () => {
    const calls: string[] = [];
    const inner = openStore(':memory:');
    const store = new Proxy(inner, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Store;
    const h = await server({ store });
    await h.contestant('s1');
    const stranger = await phoneAt(h, '127.0.0.6');
    calls.length = 0;
    const full = await claim(stranger, h.joinCodes.s1);
    const fullCalls = calls.splice(0);
    const wrong = await claim(stranger, wrongCodes(1, Object.values(h.joinCodes))[0]);
    expect(full).toEqual({ error: ErrorCode.BadJoinCode });
    expect(wrong).toEqual(full);
    expect(calls).toEqual(fullCalls);
    expect(fullCalls).toEqual([]);
    // Both count against the guesser's limits.
    for (const code of wrongCodes(CLAIM_LIMITS.socket.burst - 2, [])) await claim(stranger, code);
    expect(await claim(stranger, h.joinCodes.s2)).toMatchObject({ error: ErrorCode.ClaimsThrottled });
    inner.close();
  });
});

describe('the host sees it', () => {
  it('[G3] repeated failed claims raise an alarm on the host console only, which ends once they are old', async () => {
    const h = await server();
    const host = await h.host();
    const screen = await h.screen();
    expect(host.view?.claimAlarm).toBeNull();
    const phones = await Promise.all([1, 2, 3].map((n) => phoneAt(h, `127.0.0.${20 + n}`)));
    const codes = wrongCodes(CLAIM_ALARM_FAILURES, []);
    for (const [i, code] of codes.entries()) await claim(phones[i % phones.length], code);
    const alarmed = await host.until((v) => v.claimAlarm !== null);
    expect(alarmed.claimAlarm).toEqual({ failures: CLAIM_ALARM_FAILURES, windowMs: CLAIM_ALARM_WINDOW_MS, throttledUntil: null });
    expect(screen.view?.claimAlarm).toBeNull();

    h.clock.advance(CLAIM_ALARM_WINDOW_MS + 1_000);
    expect((await host.until((v) => v.claimAlarm === null)).claimAlarm).toBeNull();
  });

  it('[G3] while joining is held back for the whole contest, the alarm says until when', async () => {
    const h = await server();
    const host = await h.host();
    const phones = await Promise.all(Array.from({ length: 8 }, (_, i) => phoneAt(h, `127.0.0.${30 + i}`)));
    const codes = wrongCodes(CLAIM_LIMITS.contest.burst, []);
    await Promise.all(phones.map(async (p, i) => {
      for (let k = i; k < codes.length; k += phones.length) await claim(p, codes[k]);
    }));
    const alarm = (await host.until((v) => v.claimAlarm?.throttledUntil != null)).claimAlarm;
    expect(alarm?.failures).toBe(CLAIM_LIMITS.contest.burst);
    expect(alarm?.throttledUntil).toBe(h.clock.now() + 60_000 / CLAIM_LIMITS.contest.perMinute);
  });
});

describe('logs', () => {
  it('[G4] redact host keys, device tokens and join codes, and keep times and addresses', () => {
    const line = redactSecrets('contest Xy12ab: key=Q1w2E3r4T5y6U7i8O9p0AsDf token a_Fresh-phone-token-0001 code 1234567890 at 1700000000000 from 192.168.1.20:3000');
    expect(line).not.toMatch(/Q1w2E3r4T5y6U7i8O9p0AsDf|a_Fresh-phone-token-0001|1234567890/);
    expect(line).toContain('1700000000000');
    expect(line).toContain('192.168.1.20:3000');
    expect(line).toContain('Q1…');
  });

  it('[G4] a failed seat claim whose error names the phone token and the code is logged without them', async () => {
    const logs: string[] = [];
    const store = openStore(':memory:');
    store.addDevice = (contestId, seatId, deviceToken) => {
      throw Object.assign(new Error(`disk I/O error writing ${deviceToken} for ${contestId}/${seatId}`), { code: 'SQLITE_IOERR' });
    };
    const h = await server({ store, log: (m) => logs.push(m) });
    const token = 'Phone-Token-Of-A-Contestant-42';
    const phone = await phoneAt(h, '127.0.0.7');
    expect(await phone.emitWithAck('seat:claim', { joinCode: h.joinCodes.s1, deviceToken: token })).toEqual({ error: ErrorCode.StorageFailed });
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(h.hostKey);
      for (const code of Object.values(h.joinCodes)) expect(line).not.toContain(code);
    }
    store.close();
  });
});

describe('client addresses', () => {
  it('[G1] one key per IPv4 address, and per /64 for IPv6', () => {
    expect(machineKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(machineKey('10.0.0.7')).toBe('10.0.0.7');
    expect(machineKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(machineKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(machineKey('::1')).toBe('0:0:0:0::/64');
  });
});
