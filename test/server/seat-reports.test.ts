// Who holds and who is connected to a seat reaches the host and the screen only, one report per
// room per event-loop turn however many phones came or went in it (server/realtime/seat-reports.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { ContestRoom } from '../../server/rooms/room.js';
import { SeatReports } from '../../server/realtime/seat-reports.js';
import { startServer, type Harness } from '../support/harness.js';

/** The end of the current event-loop turn: not a wait on the clock. */
const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('seat reports', () => {
  it('many changes in one turn make one report per room; none once closed', async () => {
    const reported: string[] = [];
    const reports = new SeatReports((room) => reported.push(room.id));
    const a = { id: 'a' } as ContestRoom;
    const b = { id: 'b' } as ContestRoom;
    for (let i = 0; i < 100; i++) reports.changed(i % 2 ? a : b);
    expect(reported).toEqual([]);
    await endOfTurn();
    expect(reported.sort()).toEqual(['a', 'b']);
    reports.changed(a);
    reports.close();
    await endOfTurn();
    expect(reported).toHaveLength(2);
  });

  it('a phone coming and going is news for the host and the screen, not for the other phones', async () => {
    const h = await startServer();
    harnesses.push(h);
    const host = await h.host();
    const screen = await h.screen();
    const other = await h.contestant('s1');
    const seen = other.updates.length;

    const phone = await h.contestant('s2');
    await host.until((v) => v.seats[1].claimed === 1 && v.seats[1].connected === 1);
    await screen.until((v) => v.seats[1].claimed === 1 && v.seats[1].joinCode === null);
    phone.socket.close();
    await host.until((v) => v.seats[1].connected === 0);
    await screen.until((v) => v.seats[1].connected === 0);
    // A round trip on the other phone's socket: anything sent to it before has arrived by now.
    await other.request('clock:probe', {});
    expect(other.updates.length).toBe(seen);
    // Its own view told the phone its seat, with no one's connections in it.
    expect(phone.view?.me).toBe('s2');
    expect(phone.view?.seats).toEqual([expect.objectContaining({ id: 's2', claimed: 0, connected: 0 })]);
  });
});
