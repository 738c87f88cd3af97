// The phones of a seat (S5): the host sees each one and can remove it; freeing a seat or a phone
// gives the seat a new join code, so whoever was freed cannot take the seat back with the old one.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PRESSES_PER_QUESTION, phoneShare } from '../../shared/contest/defaults.js';
import { ErrorCode } from '../../shared/protocol.js';
import { definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** Three seats; s1 is a team of three phones. */
async function teamServer() {
  const def = definition();
  def.seats[0] = { ...def.seats[0], kind: 'team', phones: 3 };
  const h = await startServer({ definition: def });
  harnesses.push(h);
  return h;
}

const codeOf = (h: Harness, seatId: string) => h.store.loadContest(h.contestId)?.seats.find((s) => s.seatId === seatId)?.joinCode;

describe('phones of a seat', () => {
  it('[S5] the release race is lost by the intruder: the freed seat has a new code, shown to the host alone', async () => {
    const h = await teamServer();
    const host = await h.host();
    const screen = await h.screen();
    const intruder = await h.contestant('s2');
    const oldCode = h.joinCodes.s2;
    // The intruder's script takes the seat back the instant it hears it was freed.
    const retried = new Promise((resolve) => {
      intruder.socket.once('seat:released', () => resolve(intruder.request('seat:claim', { joinCode: oldCode })));
    });
    expect(await host.request('seat:release', { seatId: 's2' })).toEqual({ data: null });
    expect(await retried).toEqual({ error: ErrorCode.BadJoinCode });

    const newCode = codeOf(h, 's2');
    expect(newCode).toBeDefined();
    expect(newCode).not.toBe(oldCode);
    expect((await host.until((v) => v.seats[1].joinCode === newCode)).seats[1].claimed).toBe(0);
    // The screen projects free seats' codes in the lobby, but not a code given anew: the intruder
    // may be watching it. Restarted, the server still keeps it off the screen.
    const projected = await screen.until((v) => v.seats[1].claimed === 0);
    expect(projected.seats.map((s) => s.joinCode)).toEqual([h.joinCodes.s1, null, h.joinCodes.s3]);
    expect(h.store.loadContest(h.contestId)?.seats[1].codePrivate).toBe(true);
    // The phone never learns the new code: its own view names no code.
    expect((await intruder.until((v) => v.me === null)).seats.every((s) => s.joinCode === null)).toBe(true);

    const real = h.connect({ role: 'contestant' });
    await real.ready();
    expect(await real.request('seat:claim', { joinCode: newCode as string })).toHaveProperty('data.seatId', 's2');
  });

  it('[S5] the host sees each phone of a team with when it joined and whether it is connected', async () => {
    const h = await teamServer();
    const host = await h.host();
    const first = await h.contestant('s1');
    h.clock.advance(5_000);
    await h.contestant('s1');
    const seen = await host.until((v) => (v.seats[0].phoneList ?? []).length === 2);
    const [a, b] = seen.seats[0].phoneList ?? [];
    expect(a.joinedAt).not.toBeNull();
    expect((b.joinedAt ?? 0) - (a.joinedAt ?? 0)).toBe(5_000);
    expect(a.id).not.toBe(b.id);
    // A phone's id is not its token.
    expect(JSON.stringify(seen)).not.toContain(first.deviceToken);
    await host.until((v) => (v.seats[0].phoneList ?? []).every((p) => p.connected));
    first.socket.close();
    const after = await host.until((v) => (v.seats[0].phoneList ?? []).some((p) => !p.connected));
    expect(after.seats[0].phoneList?.map((p) => p.connected)).toEqual([false, true]);
    // Nobody but the host gets the list.
    const screen = await h.screen();
    expect(screen.view?.seats[0].phoneList).toBeUndefined();
  });

  it('[S5] the host removes one phone: it is told and unseated, its teammates stay, the seat gets a new code', async () => {
    const h = await teamServer();
    const host = await h.host();
    const honest = await h.contestant('s1');
    const intruder = await h.contestant('s1');
    const oldCode = h.joinCodes.s1;
    const listed = await host.until((v) => (v.seats[0].phoneList ?? []).length === 2);
    const intruderId = listed.seats[0].phoneList?.[1].id as string;
    const told = new Promise((resolve) => intruder.socket.once('seat:released', resolve));

    expect(await host.request('seat:remove-phone', { seatId: 's1', phoneId: intruderId })).toEqual({ data: null });
    expect(await told).toEqual({ removed: true });
    expect((await intruder.until((v) => v.me === null)).me).toBeNull();
    // Its old token no longer holds anything: a reload comes back unseated.
    const reloaded = h.connect({ role: 'contestant', deviceToken: intruder.deviceToken });
    expect((await reloaded.ready()).me).toBeNull();
    expect(await reloaded.request('seat:claim', { joinCode: oldCode })).toEqual({ error: ErrorCode.BadJoinCode });

    const after = await host.until((v) => v.seats[0].claimed === 1);
    expect(after.seats[0].phoneList?.map((p) => p.id)).not.toContain(intruderId);
    expect(after.seats[0].joinCode).not.toBe(oldCode);
    expect(after.seats[0].joinCode).toBe(h.joinCodes.s1);
    expect(honest.view?.me).toBe('s1');
    expect(await honest.request('buzz:press', {})).not.toHaveProperty('error', ErrorCode.NoSeat);
  });

  it('[S5] removing a phone the seat does not have is refused and changes nothing', async () => {
    const h = await teamServer();
    const host = await h.host();
    await h.contestant('s1');
    const before = codeOf(h, 's1');
    expect(await host.request('seat:remove-phone', { seatId: 's1', phoneId: 'nobody' })).toEqual({ error: ErrorCode.UnknownPhone });
    expect(await host.request('seat:remove-phone', { seatId: 'nope', phoneId: 'nobody' })).toEqual({ error: ErrorCode.UnknownSeat });
    expect(codeOf(h, 's1')).toBe(before);
    const phone = await h.contestant('s2');
    expect(await phone.request('seat:remove-phone', { seatId: 's2', phoneId: 'x' })).toEqual({ error: ErrorCode.NotAuthorised });
  });

  it('[B17][S5] a spare-slot intruder cannot exhaust the team\'s presses, and the host removes it', async () => {
    const h = await teamServer();
    const host = await h.host();
    const captain = await h.contestant('s1');
    const intruder = await h.contestant('s1');
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'question:next' });
    // Before the buzzers open every press is a false start: the intruder spends what it may.
    const share = phoneShare(MAX_PRESSES_PER_QUESTION, 3);
    for (let i = 0; i < share; i++) expect(await intruder.request('buzz:press', {})).toHaveProperty('data');
    expect(await intruder.request('buzz:press', {})).toEqual({ error: ErrorCode.TooManyPresses });
    // A second socket of the same phone is the same phone.
    const twin = h.connect({ role: 'contestant', deviceToken: intruder.deviceToken });
    expect((await twin.ready()).me).toBe('s1');
    expect(await twin.request('buzz:press', {})).toEqual({ error: ErrorCode.TooManyPresses });
    expect(await captain.request('buzz:press', {})).toHaveProperty('data');

    const listed = await host.until((v) => (v.seats[0].phoneList ?? []).length === 2);
    const intruderId = listed.seats[0].phoneList?.[1].id as string;
    expect(await host.request('seat:remove-phone', { seatId: 's1', phoneId: intruderId })).toEqual({ data: null });
    expect(await intruder.request('buzz:press', {})).toEqual({ error: ErrorCode.NoSeat });
    expect(await twin.request('buzz:press', {})).toEqual({ error: ErrorCode.NoSeat });
    expect(await captain.request('buzz:press', {})).toHaveProperty('data');
  });
});
