// Issue 15, scale-out: an owner that stalled past its lease wakes believing it still owns the
// contest, and handles what queued for it meanwhile before Redis tells it otherwise. Here a
// press forwarded to it while it was stopped: the new owner has already written its epoch into
// the shared file, so the old owner's write is refused (fencing.ts), the press is answered as
// during any hand-over (internal-error: send it again) and not acknowledged, and the new owner's
// log goes on whole. Without the fence the old owner acknowledged the press as won behind the new
// owner's back, and the new owner's next command collided with its number and was refused.
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage/store.js';
import type { ContestView } from '../../../shared/contest/views.js';
import { ErrorCode } from '../../../shared/protocol.js';
import { eventually, hasRedis, page, phone, requireRedis, scalePair, type ScaleServer } from '../../support/scale-pair.js';

/** A short lease so the test is quick. */
const LEASE_MS = 1500;
/** Room for a busy two-core machine to notice the lease change hands. */
const WAIT_MS = 20_000;

const winner = (seatId: string) => (v: ContestView) => v.question?.kind === 'buzz-in' && v.question.winner === seatId;

let a: ScaleServer;
let b: ScaleServer;

const { dbFile } = scalePair('qiangda-stalled-', LEASE_MS, (pair) => void ({ a, b } = pair));

requireRedis('an owner that stalled past its lease');

describe.skipIf(!hasRedis)('an owner that stalled past its lease', () => {
  it('cannot log what queued for it once the new owner took over: the press is refused, and the new owner goes on', { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    // The host and a phone on b, served through a.
    const host = page(b, { role: 'host', hostKey: a.ready.hostKey });
    await host.ready();
    const phoneB = await phone(b, 's1');
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) expect(await host.request('host:command', { type })).toEqual({ data: null });
    await phoneB.until((v) => v.question?.phase === 'open');

    // a stalls. The phone presses: b forwards the press to a, where it waits unread.
    a.child.kill('SIGSTOP');
    let answered: Awaited<ReturnType<typeof phoneB.request<'buzz:press'>>>;
    try {
      const pressed = phoneB.request('buzz:press', { rid: 'press-while-stalled' });
      // b takes the contest over (its epoch goes into the file), then a goes on and reads the press.
      await eventually(async () => ((await b.owner()) ? true : null), WAIT_MS);
      a.child.kill('SIGCONT');
      answered = await pressed;
    } finally {
      a.child.kill('SIGCONT');
    }
    // Refused by a (its write fenced out) or unanswered in time, alike: never acknowledged.
    expect('error' in answered ? answered.error : 'acknowledged').toBe(ErrorCode.Internal);
    await eventually(async () => ((await a.owner()) ? null : true), WAIT_MS);

    // b's log is whole: the phone presses again, b decides it and logs it.
    expect(await phoneB.request('buzz:press', { rid: 'press-after-takeover' })).toMatchObject({ data: { decision: 'won' } });
    await host.until(winner('s1'));
    const store = openStore(dbFile);
    try {
      const logged = store.loadContest(a.ready.contestId);
      expect(logged?.commands.map((c) => c.type)).toEqual(['question:next', 'question:next', 'buzzers:open', 'buzz:press']);
      expect([...(logged?.requestIds.keys() ?? [])]).not.toContain('press-while-stalled');
    } finally {
      store.close();
    }
  });
});
