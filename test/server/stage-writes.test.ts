// In one process, the stage's updates are written straight to each page's WebSocket
// (room-write.ts), not through engine.io's per-packet path: that path cost the stage more than
// its views under 200 busy contests. What a phone reads must not change: every update, and the
// press's own update before its acknowledgement, as when both went through engine.io.
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../shared/contest/views.js';
import { closedAfterEach } from '../support/closed-after-each.js';
import { startServer } from '../support/harness.js';

const { harnesses } = closedAfterEach();

const won = (v: ContestView | null) => v?.question?.kind === 'buzz-in' && v.question.winner === 's1';

describe('stage updates in one process', () => {
  it('reach the phone past engine.io, the press\'s own update before its acknowledgement', async () => {
    const h = await startServer();
    harnesses.push(h);
    const host = await h.host();
    const phone = await h.contestant('s1');
    const onServer = [...h.app.io.sockets.sockets.values()].find((s) => s.data.role === 'contestant' && s.data.seatId === 's1');
    if (!onServer) throw new Error('the phone is not connected');
    // What engine.io packs for the phone from here on: socket.io packets, by their text.
    const packed: string[] = [];
    onServer.conn.on('packetCreate', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message') packed.push(String(packet.data));
    });

    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    await phone.until((v) => v.question?.phase === 'open');
    const read: string[] = [];
    // After the page's own handler (registered first), so its view is the updated one.
    phone.socket.on('contest:update', () => read.push(won(phone.view) ? 'update: won' : 'update'));
    // Recorded in the ack's own callback: awaiting it would run only after the events read with it.
    const ack = await new Promise((resolve) =>
      phone.socket.emit('buzz:press', {}, (answer) => {
        read.push('ack');
        resolve(answer);
      }),
    );
    expect(ack).toMatchObject({ data: { decision: 'won' } });
    await phone.until(won);

    expect(read.indexOf('update: won')).toBeGreaterThanOrEqual(0);
    expect(read.indexOf('update: won')).toBeLessThan(read.indexOf('ack'));
    // The updates reached the phone, none packed by engine.io; the press's acknowledgement
    // (socket.io's ack packet, type 3) went through it.
    expect(packed.filter((text) => text.includes('contest:update'))).toEqual([]);
    expect(packed.some((text) => text.startsWith('3'))).toBe(true);
  });
});
