// The stage first, the audience after, in shards over later turns (server/audience/fanout.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../../shared/contest/arbiter.js';
import { AudienceFanout, shardRoom } from '../../../server/audience/fanout.js';
import type { QiangdaSocket } from '../../../server/realtime/realtime.js';
import { startServer, type Harness } from '../../support/harness.js';

/** Turns run by hand: nothing waits on real time. */
function manualTurns() {
  const queue: (() => void)[] = [];
  return {
    defer: (fn: () => void) => void queue.push(fn),
    pending: () => queue.length,
    /** Runs the turns queued now (not the ones they queue). */
    runOne: () => queue.shift()?.(),
    runAll: () => {
      while (queue.length) queue.shift()?.();
    },
  };
}

function fakeSocket(contestId: string) {
  const handlers: (() => void)[] = [];
  const rooms: string[] = [];
  const socket = {
    data: { contestId },
    join: (room: string) => void rooms.push(room),
    once: (_event: string, fn: () => void) => void handlers.push(fn),
  };
  return { socket: socket as unknown as QiangdaSocket, rooms, leave: () => handlers.forEach((fn) => fn()) };
}

describe('audience fan-out', () => {
  it('splits the audience into shards and sends one shard per turn', () => {
    const turns = manualTurns();
    const fanout = new AudienceFanout(turns.defer, 2);
    const sockets = Array.from({ length: 5 }, () => fakeSocket('c1'));
    for (const s of sockets) fanout.join(s.socket);
    expect(sockets.map((s) => s.rooms[0])).toEqual([0, 0, 1, 1, 2].map((k) => shardRoom('c1', k)));
    // A socket that leaves makes room in its shard for the next one.
    sockets[0].leave();
    const late = fakeSocket('c1');
    fanout.join(late.socket);
    expect(late.rooms).toEqual([shardRoom('c1', 0)]);

    const sent: string[] = [];
    fanout.send('c1', 'update', (room) => sent.push(`v1 ${room}`));
    expect(sent).toEqual([]);
    turns.runOne();
    expect(sent).toEqual(['v1 c1:audience:0']);
    turns.runOne();
    expect(sent).toEqual(['v1 c1:audience:0', 'v1 c1:audience:1']);
    turns.runAll();
    expect(sent).toHaveLength(3);
    expect(fanout.watched('c1')).toBe(true);
    expect(fanout.watched('c2')).toBe(false);
  });

  it('a newer update replaces the older for the shards still to go, and reaches those already served', () => {
    const turns = manualTurns();
    const fanout = new AudienceFanout(turns.defer, 1);
    for (let i = 0; i < 3; i++) fanout.join(fakeSocket('c1').socket);
    const sent: string[] = [];
    fanout.send('c1', 'update', (room) => sent.push(`v1 ${room.slice(-1)}`));
    turns.runOne();
    fanout.send('c1', 'update', (room) => sent.push(`v2 ${room.slice(-1)}`));
    fanout.send('c1', 'likes', (room) => sent.push(`likes ${room.slice(-1)}`));
    turns.runAll();
    expect(sent).toEqual(['v1 0', 'v2 0', 'likes 0', 'v2 1', 'likes 1', 'v2 2', 'likes 2']);
    expect(turns.pending()).toBe(0);
  });

  describe('over sockets', () => {
    let h: Harness;
    afterEach(async () => {
      await h.close();
    });

    it('[B3] the phones, host, screen and judges get a buzz before any audience socket', async () => {
      const turns = manualTurns();
      h = await startServer({ audience: { audienceTurn: turns.defer } });
      const host = await h.host();
      const screen = await h.screen();
      const phone = await h.contestant('s1');
      const audience = Array.from({ length: 3 }, () => h.connect({ role: 'audience' }));
      await Promise.all(audience.map((a) => a.ready()));
      await host.request('host:command', { type: 'question:next' });
      await host.request('host:command', { type: 'question:next' });
      await host.request('host:command', { type: 'buzzers:open' });
      turns.runAll();
      const open = (v: { question: { phase: string } | null }) => v.question?.phase === 'open';
      await Promise.all(audience.map((a) => a.until(open as never)));

      await phone.request('buzz:press', {});
      h.clock.advance(DEFAULT_GRACE_CAP_MS);
      const answering = (v: { question: { phase: string } | null }) => v.question?.phase === 'answering';
      await Promise.all([host.until(answering as never), screen.until(answering as never), phone.until(answering as never)]);
      // A round trip on each audience socket: anything sent to it before has arrived by now.
      for (const a of audience) await a.request('clock:probe', {});
      expect(audience.every((a) => a.view?.question?.phase === 'open')).toBe(true);
      expect(turns.pending()).toBe(1);
      turns.runAll();
      await Promise.all(audience.map((a) => a.until(answering as never)));
    });
  });
});
