// The server's link pings (P2) are written straight to each phone's WebSocket (link-pings.ts),
// past socket.io's emit and its timer. What the link book learns must not change: an answer
// within PING_TIMEOUT_MS counts, a later one never does, a phone that never answers leaves no
// pile of awaited acknowledgements, and a page the frame cannot go to straight is pinged through
// emit as before.
import { describe, expect, it } from 'vitest';
import { pingPhone } from '../../server/realtime/link-pings.js';
import { PING_EVERY_MS, PING_TIMEOUT_MS } from '../../server/realtime/links.js';
import type { QiangdaSocket } from '../../server/realtime/realtime.js';
import type { SeatLink } from '../../shared/protocol.js';
import { closedAfterEach } from '../support/closed-after-each.js';
import { definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';
import { pumpFor, pumpUntil } from '../support/latency-proxy.js';

const { harnesses } = closedAfterEach();

/** The server's socket of the phone holding `seatId`. */
function serverSocket(h: Harness, seatId: string): QiangdaSocket {
  const found = [...h.app.io.sockets.sockets.values()].find((s) => s.data.role === 'contestant' && s.data.seatId === seatId);
  if (!found) throw new Error(`no phone holds ${seatId}`);
  return found;
}

/** socket.io's table of the acknowledgements a socket awaits (private in its typings). */
const awaited = (socket: QiangdaSocket) => (socket as unknown as { acks: Map<number, unknown> }).acks;

describe('link pings', () => {
  it('[P2] go straight to the phone; an answer counts within the timeout only, and an unanswered phone leaves no pile', async () => {
    const clock = new FakeClock();
    const h = await startServer({ clock, definition: definition({ seats: 4 }) });
    harnesses.push(h);
    // How late each seat's phone answers; s4's never does.
    const lateness: Record<string, number | null> = { s1: 0, s2: PING_TIMEOUT_MS - 500, s3: PING_TIMEOUT_MS + 500, s4: null };
    const pingsRead: Record<string, number> = {};
    for (const [seatId, late] of Object.entries(lateness)) {
      const phone = h.connect({ role: 'contestant', contestId: h.contestId });
      await pumpUntil(clock, phone.ready());
      expect(await pumpUntil(clock, phone.request('seat:claim', { joinCode: h.joinCodes[seatId] }))).toHaveProperty('data');
      // Answered from here on. The ping on connecting may have gone through emit (engine.io was
      // still sending the handshake), whose timeout runs on the real clock, not this fake one.
      phone.socket.on('clock:ping', (ack) => {
        pingsRead[seatId] = (pingsRead[seatId] ?? 0) + 1;
        if (late !== null) clock.schedule(clock.now() + late, ack);
      });
    }
    // What engine.io packs for the phones from here on, by text: pings would show here if they went through emit.
    const packed: string[] = [];
    for (const seatId of Object.keys(lateness)) {
      serverSocket(h, seatId).conn.on('packetCreate', (packet: { type: string; data?: unknown }) => packet.type === 'message' && packed.push(String(packet.data)));
    }
    const host = await pumpUntil(clock, h.host());
    let links: Record<string, SeatLink> = {};
    host.socket.on('seat:links', (l) => (links = l));

    await pumpFor(clock, 10 * PING_EVERY_MS);

    for (const seatId of Object.keys(lateness)) expect(pingsRead[seatId]).toBeGreaterThanOrEqual(10);
    expect(packed.filter((text) => text.includes('clock:ping'))).toEqual([]);
    expect(links.s1).toMatchObject({ rttMs: 0, quality: 'good' });
    expect(links.s2).toMatchObject({ rttMs: PING_TIMEOUT_MS - 500 });
    // Answered, but too late: as if it never answered.
    expect(links.s3).toMatchObject({ rttMs: null, quality: 'unknown' });
    expect(links.s4).toMatchObject({ rttMs: null, quality: 'unknown' });
    // The pings awaiting an answer are those younger than the timeout, however long it goes on
    // (and the one on connecting, if it went through emit: its timer runs on the real clock).
    const kept = Math.ceil(PING_TIMEOUT_MS / PING_EVERY_MS) + 1;
    const silent = awaited(serverSocket(h, 's4'));
    expect(silent.size).toBeGreaterThan(0);
    expect(silent.size).toBeLessThanOrEqual(kept);
    await pumpFor(clock, 10 * PING_EVERY_MS);
    expect(pingsRead.s4).toBeGreaterThanOrEqual(20);
    expect(silent.size).toBeLessThanOrEqual(kept);
    expect(awaited(serverSocket(h, 's1')).size).toBeLessThanOrEqual(2);
  }, 30_000);

  it('[P2] reach a page that cannot take the frame straight through emit, with its timeout', () => {
    // A stand-in for another process's page (scale/remote-socket.ts), or a page on long polling:
    // no WebSocket stream here to write to.
    const emitted: { ms: number; event: string; answer: (err: Error | null) => void }[] = [];
    const page = {
      timeout: (ms: number) => ({ emit: (event: string, answer: (err: Error | null) => void) => emitted.push({ ms, event, answer }) }),
    } as unknown as QiangdaSocket;
    let answers = 0;
    pingPhone(page, new FakeClock(), () => answers++);
    pingPhone(page, new FakeClock(), () => answers++);
    expect(emitted.map(({ ms, event }) => [ms, event])).toEqual([
      [PING_TIMEOUT_MS, 'clock:ping'],
      [PING_TIMEOUT_MS, 'clock:ping'],
    ]);
    emitted[0].answer(null);
    emitted[1].answer(new Error('operation has timed out'));
    expect(answers).toBe(1);
  });
});
