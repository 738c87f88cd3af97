// Issue 15, scale-out: fencing in the shared SQLite file. An owner that stalled past its lease
// wakes believing it still owns the contest; once another process has taken the contest over
// (written its later epoch), every write of the old owner is refused and changes nothing, so the
// log holds only what the new owner's room applied. Two connections on one file stand in for
// the two processes; the Redis side is in lease-lost.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Likes } from '../../../server/audience/likes.js';
import { FencedOut } from '../../../server/storage/fencing.js';
import { openStore, type Store } from '../../../server/storage/store.js';
import type { Command } from '../../../shared/contest/commands.js';
import { ORGANISER_KEY_HEADER } from '../../../shared/organiser.js';
import { ErrorCode } from '../../../shared/protocol.js';
import { HOST_KEY_HEADER } from '../../../server/bank/routes.js';
import { png } from '../../support/png.js';
import { closedAfterEach } from '../../support/closed-after-each.js';
import { FakeClock } from '../../support/fake-clock.js';
import { definition } from '../../support/definitions.js';
import { startServer } from '../../support/harness.js';

const { harnesses, tempDir } = closedAfterEach();

const next = (at: number): Command => ({ type: 'question:next', at });

/** Two connections on one new file holding one contest, as two processes of one machine. */
function twoProcesses(): { a: Store; b: Store; contestId: string; close: () => void } {
  const file = join(tempDir('qiangda-fencing-'), 'qiangda.db');
  const a = openStore(file);
  const b = openStore(file);
  const contestId = 'c1';
  a.createContest({ id: contestId, createdAt: 0, definition: definition({ seats: 2 }), source: null, hostKey: 'host-key', seats: [{ seatId: 's1', joinCode: '111111', deviceTokens: [] }] });
  return { a, b, contestId, close: () => (a.close(), b.close()) };
}

const logOf = (store: Store, contestId: string) => store.loadContest(contestId)?.commands.map((c) => c.at);

describe('fencing: the writes of an owner another process has taken over from', () => {
  it('are refused once a later epoch is in the file, and change nothing; the new owner writes on', () => {
    const { a, b, contestId, close } = twoProcesses();
    try {
      const told: string[] = [];
      a.fences.onFencedOut((id) => told.push(id));
      expect(a.fences.fence(contestId, 10)).toBe(true);
      a.appendCommand(contestId, 1, next(1));

      // b takes the contest over: its epoch is in the file before it reads the log.
      expect(b.fences.fence(contestId, 20)).toBe(true);
      expect(logOf(b, contestId)).toEqual([1]);

      // a, still believing it owns the contest: its command and its seat claim are refused.
      expect(() => a.appendCommand(contestId, 2, next(2))).toThrow(FencedOut);
      expect(() => a.addDevice(contestId, 's1', 'device-token-a')).toThrow(FencedOut);
      expect(told).toEqual([contestId, contestId]);
      expect(logOf(b, contestId)).toEqual([1]);
      expect(b.loadContest(contestId)?.seats[0].deviceTokens).toEqual([]);

      // b's own next command takes the number a could not.
      b.appendCommand(contestId, 2, next(3));
      b.addDevice(contestId, 's1', 'device-token-b');
      expect(logOf(a, contestId)).toEqual([1, 3]);

      // An epoch below the file's never takes the contest back; a later one does (b died, a
      // took the lease again), and then b's writes are the ones refused.
      expect(a.fences.fence(contestId, 15)).toBe(false);
      expect(() => a.appendCommand(contestId, 3, next(4))).toThrow(FencedOut);
      expect(a.fences.fence(contestId, 30)).toBe(true);
      a.appendCommand(contestId, 3, next(5));
      expect(() => b.appendCommand(contestId, 4, next(6))).toThrow(FencedOut);
      expect(logOf(b, contestId)).toEqual([1, 3, 5]);
    } finally {
      close();
    }
  });

  it('a like total is stored only while this process owns the contest', () => {
    const { a, b, contestId, close } = twoProcesses();
    try {
      const clock = new FakeClock();
      const logged: string[] = [];
      const likes = new Likes(clock, a, () => {}, (line) => logged.push(line));
      expect(a.fences.fence(contestId, 10)).toBe(true);
      likes.add(contestId, 5);
      clock.advance(60_000);
      expect(b.setting(`likes:${contestId}`)).toBe('5');
      // b takes over and stores its own total; a's next flush does not overwrite it.
      expect(b.fences.fence(contestId, 20)).toBe(true);
      b.saveSetting(`likes:${contestId}`, '9');
      likes.add(contestId, 1);
      clock.advance(60_000);
      expect(b.setting(`likes:${contestId}`)).toBe('9');
      expect(logged.join('\n')).toContain('likes not stored');
    } finally {
      close();
    }
  });

  it('a contest not in the file is not fenced (nothing is written for it), and an unfenced one is not checked', () => {
    const { a, b, contestId, close } = twoProcesses();
    try {
      expect(a.fences.fence('another-machines-contest', 10)).toBe(false);
      expect(a.db.prepare('SELECT count(*) AS n FROM contest_owners').get()).toEqual({ n: 0 });
      // One process without --redis fences nothing: its writes go in as they always did.
      a.appendCommand(contestId, 1, next(1));
      expect(b.fences.fence(contestId, 20)).toBe(true);
      a.appendCommand(contestId, 2, next(2));
      expect(logOf(b, contestId)).toEqual([1, 2]);
    } finally {
      close();
    }
  });

  it('through the server: the old owner answers as during a hand-over (send again), raises no storage alarm, and moves nothing', async () => {
    const file = join(tempDir('qiangda-fencing-'), 'qiangda.db');
    const h = await startServer({ store: openStore(file) });
    harnesses.push(h);
    const host = await h.host();
    const phone = await h.contestant('s1');
    expect(h.store.fences.fence(h.contestId, 10)).toBe(true);
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) expect(await host.request('host:command', { type })).toEqual({ data: null });

    const other = openStore(file);
    try {
      expect(other.fences.fence(h.contestId, 20)).toBe(true);
      const before = h.room.state;
      expect(await phone.request('buzz:press', { rid: 'press-after-takeover' })).toEqual({ error: ErrorCode.Internal });
      expect(await host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: 5, reason: '更正' })).toEqual({ error: ErrorCode.Internal });
      // The host's logo and the organiser's close over HTTP: refused alike (503, try again), not as a disk failure.
      const logo = await fetch(`${h.url}/api/contests/${h.contestId}/logo`, { method: 'PUT', headers: { [HOST_KEY_HEADER]: h.hostKey }, body: new Uint8Array(png()) });
      expect([logo.status, await logo.json()]).toMatchObject([503, { error: ErrorCode.Internal }]);
      const close = await fetch(`${h.url}/api/contests/${h.contestId}/close`, { method: 'POST', headers: { [ORGANISER_KEY_HEADER]: h.app.contests.organiserKey() } });
      expect([close.status, await close.json()]).toMatchObject([503, { error: ErrorCode.Internal }]);
      expect(h.room.state).toBe(before);
      expect(h.room.closedAt).toBeNull();
      expect(other.loadLogo(h.contestId)).toBeNull();
      expect(other.loadContest(h.contestId)?.commands.map((c) => c.type)).toEqual(['question:next', 'question:next', 'buzzers:open']);
      // The disk is fine: the host console shows no storage problem for it.
      expect(h.room.facts().storage).toBeNull();
      expect(host.view?.storage ?? null).toBeNull();
    } finally {
      other.close();
    }
  });
});
