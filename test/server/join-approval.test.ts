// S6: once joining needs the host (seats locked, or the show started when the contest says so),
// a phone with a right code asks, the host console lists it, and the host approves or refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol.js';
import { definition } from '../support/definitions.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';

const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function server(approvalAfter?: 'lock' | 'start') {
  const def = { ...definition(), ...(approvalAfter && { joining: { approvalAfter } }) };
  const h = await startServer({ definition: def });
  harnesses.push(h);
  return h;
}

async function newPhone(h: Harness) {
  const phone = h.connect({ role: 'contestant' });
  await phone.ready();
  return phone;
}

type Decision = { approved: true; seatId: string; deviceToken: string } | { approved: false };
const decision = (phone: TestClient) => new Promise<Decision>((resolve) => phone.socket.once('seat:decided', resolve));
const joinLog = (h: Harness) => h.store.loadContest(h.contestId)?.commands.filter((c) => c.type === 'seat:join');

describe('joining with the host\'s approval', () => {
  it('[S6] locked: a phone asks, the host sees the request and approves; the phone holds the seat, on the record', async () => {
    const h = await server();
    const host = await h.host();
    h.clock.advance(1_000);
    expect(await host.request('host:command', { type: 'seats:lock', locked: true })).toEqual({ data: null });
    const phone = await newPhone(h);
    const decided = decision(phone);
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.AwaitingApproval });
    const asked = await host.until((v) => v.joinRequests.length === 1);
    expect(asked.joinRequests[0]).toMatchObject({ seatId: 's2', at: h.clock.now() });
    // Nobody else sees who is waiting.
    expect(phone.view?.joinRequests).toEqual([]);
    expect(h.store.loadContest(h.contestId)?.seats[1].deviceTokens).toEqual([]);

    expect(await host.request('seat:decide', { requestId: asked.joinRequests[0].id, approve: true })).toEqual({ data: null });
    const told = await decided;
    expect(told).toMatchObject({ approved: true, seatId: 's2' });
    expect((await phone.until((v) => v.me === 's2')).me).toBe('s2');
    expect((await host.until((v) => v.joinRequests.length === 0 && v.seats[1].claimed === 1)).seatsLocked).toBe(true);
    expect(joinLog(h)).toEqual([expect.objectContaining({ type: 'seat:join', seatId: 's2', approved: true })]);
    // Its token holds the seat: a reload comes back to it without asking.
    const reloaded = h.connect({ role: 'contestant', deviceToken: told.approved ? told.deviceToken : '' });
    expect((await reloaded.ready()).me).toBe('s2');
    expect(await phone.request('buzz:press', {})).not.toHaveProperty('error', ErrorCode.NoSeat);
  });

  it('[S6] the host refuses: the phone is told and holds nothing; a decided request cannot be decided again', async () => {
    const h = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'seats:lock', locked: true });
    const phone = await newPhone(h);
    const decided = decision(phone);
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s3 })).toEqual({ error: ErrorCode.AwaitingApproval });
    const { joinRequests } = await host.until((v) => v.joinRequests.length === 1);
    expect(await host.request('seat:decide', { requestId: joinRequests[0].id, approve: false })).toEqual({ data: null });
    expect(await decided).toEqual({ approved: false });
    expect(await host.request('seat:decide', { requestId: joinRequests[0].id, approve: true })).toEqual({ error: ErrorCode.UnknownRequest });
    expect((await host.until((v) => v.joinRequests.length === 0)).seats[2].claimed).toBe(0);
    expect(phone.view?.me).toBeNull();
    expect(joinLog(h)).toEqual([expect.objectContaining({ type: 'seat:join', seatId: 's3', approved: false })]);
  });

  it('[S2][S6] a wrong code never reaches the host; a phone that leaves takes its request with it; a phone cannot decide', async () => {
    const h = await server();
    const host = await h.host();
    await host.request('host:command', { type: 'seats:lock', locked: true });
    const phone = await newPhone(h);
    // Locked, a wrong code answers as every code does (S2): it says nothing about codes.
    expect(await phone.request('seat:claim', { joinCode: '0000000000' })).toEqual({ error: ErrorCode.SeatsLocked });
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.AwaitingApproval });
    // Asking again replaces the request rather than adding one.
    expect(await phone.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.AwaitingApproval });
    const { joinRequests } = await host.until((v) => v.joinRequests.length === 1);
    expect(await phone.request('seat:decide', { requestId: joinRequests[0].id, approve: true })).toEqual({ error: ErrorCode.NotAuthorised });
    phone.socket.close();
    await host.until((v) => v.joinRequests.length === 0);
    expect(await host.request('seat:decide', { requestId: joinRequests[0].id, approve: true })).toEqual({ error: ErrorCode.UnknownRequest });
    expect(h.store.loadContest(h.contestId)?.seats[0].deviceTokens).toEqual([]);
  });

  it('[S6] "approvalAfter": "start": open seats join freely in the lobby, and need the host once the show starts', async () => {
    const h = await server('start');
    const host = await h.host();
    await h.contestant('s1');
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    const late = await newPhone(h);
    const decided = decision(late);
    expect(await late.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual({ error: ErrorCode.AwaitingApproval });
    const { joinRequests } = await host.until((v) => v.joinRequests.length === 1);
    expect(await host.request('seat:decide', { requestId: joinRequests[0].id, approve: true })).toEqual({ data: null });
    expect(await decided).toMatchObject({ approved: true, seatId: 's2' });
  });

  it('[S6] by default ("lock") a started show with open seats still lets a phone join with its code', async () => {
    const h = await server();
    const host = await h.host();
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    const late = await newPhone(h);
    expect(await late.request('seat:claim', { joinCode: h.joinCodes.s2 })).toHaveProperty('data.seatId', 's2');
  });
});
