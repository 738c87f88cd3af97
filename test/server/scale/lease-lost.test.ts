// Issue 15, scale-out: an owner that loses a contest's lease while it lives (it stalled past the
// lease and the other process took the contest over) stops serving the other process's pages:
// it holds no stand-in for them and no longer measures their links through Redis.
import { describe, expect, it } from 'vitest';
import { eventually, hasRedis, phone, requireRedis, scalePair, type ScaleServer } from '../../support/scale-pair.js';

/** A short lease so the test is quick. */
const LEASE_MS = 1500;
/** Room for a busy two-core machine to notice the lease change hands. */
const WAIT_MS = 20_000;

let a: ScaleServer;
let b: ScaleServer;

scalePair('qiangda-lease-lost-', LEASE_MS, (pair) => void ({ a, b } = pair));

requireRedis('an owner that loses its lease while it lives');

describe.skipIf(!hasRedis)('an owner that loses its lease while it lives', () => {
  it('forgets the stand-ins it held for the other process\'s phones, and their links', { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    // A phone on b, served through a: a holds a stand-in for it and measures its link.
    const phoneB = await phone(b, 's1');
    phoneB.socket.on('clock:ping', (ack) => ack());
    expect(await a.sockets()).toMatchObject({ standIns: 1, linked: 1 });

    // a stalls past its lease; b takes the contest over; a, going on, finds the lease gone.
    a.child.kill('SIGSTOP');
    try {
      await eventually(async () => ((await b.owner()) ? true : null), WAIT_MS);
    } finally {
      a.child.kill('SIGCONT');
    }
    await eventually(async () => ((await a.owner()) ? null : true), WAIT_MS);

    expect(await a.sockets()).toMatchObject({ standIns: 0, linked: 0 });
    // The phone is served by b now, which measures its link itself.
    await eventually(async () => ((await b.sockets()).linked === 1 ? true : null), WAIT_MS);
  });
});
