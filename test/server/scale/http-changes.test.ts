// Issue 15, scale-out: the two changes made over HTTP rather than the socket, a contest's logo and
// the organiser's closing it for good, run on the room of the process that owns the contest,
// whichever process the request reaches (server/http/contest-changes.ts). Written by the other
// process alone, the owner's room went on as if they had not happened: its pages kept the old
// logo, and a closed contest still took commands.
import { describe, expect, it } from 'vitest';
import { ORGANISER_KEY_HEADER } from '../../../shared/organiser.js';
import { HOST_KEY_HEADER } from '../../../server/bank/routes.js';
import { ErrorCode } from '../../../shared/protocol.js';
import { png } from '../../support/png.js';
import { hasRedis, page, phone, requireRedis, scalePair, type ScaleServer } from '../../support/scale-pair.js';

/** A lease no test here waits out. */
const LEASE_MS = 30_000;

let a: ScaleServer;
let b: ScaleServer;

scalePair('qiangda-http-changes-', LEASE_MS, (pair) => void ({ a, b } = pair));

requireRedis('changes made over HTTP on a process that does not own the contest');

describe.skipIf(!hasRedis)('changes made over HTTP on a process that does not own the contest', () => {
  it('a logo and a close sent to the other process reach the owner\'s room; one the owner reads too late is not made', { timeout: 60_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    const contest = `/api/contests/${encodeURIComponent(a.ready.contestId)}`;
    const asOrganiser = { [ORGANISER_KEY_HEADER]: a.ready.organiserKey };
    const close = (server: ScaleServer, path = contest) => fetch(`${server.ready.url}${path}/close`, { method: 'POST', headers: asOrganiser });
    const screenA = page(a, { role: 'screen' });
    await screenA.ready();

    // The host's logo, uploaded through b: the owner's pages show its address.
    const uploaded = await fetch(`${b.ready.url}${contest}/logo`, { method: 'PUT', headers: { [HOST_KEY_HEADER]: a.ready.hostKey }, body: new Uint8Array(png()) });
    expect(uploaded.status).toBe(200);
    const { logoUrl } = (await uploaded.json()) as { logoUrl: string };
    expect(logoUrl).toContain('/logo');
    await screenA.until((v) => v.branding.logoUrl === logoUrl);

    // The owner stalls within its lease: nobody answers for the contest in time, and the
    // organiser's page is told to try again. The owner reads the close when it goes on, too late
    // to make it: the next change, forwarded after it, finds the contest still open.
    a.child.kill('SIGSTOP');
    try {
      const away = await close(b);
      expect(away.status).toBe(503);
      expect(await away.json()).toMatchObject({ error: 'internal-error' });
    } finally {
      a.child.kill('SIGCONT');
    }
    const removed = await fetch(`${b.ready.url}${contest}/logo`, { method: 'DELETE', headers: asOrganiser });
    expect(removed.status).toBe(200);

    // The organiser closes the contest through b: the owner's room refuses the next command.
    const phoneA = await phone(a, 's1');
    const closed = await close(b);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { closedAt: number | null }).closedAt).not.toBeNull();
    expect(await phoneA.request('buzz:press', { rid: 'press-after-close' })).toEqual({ error: ErrorCode.ContestClosed });
    // A second close, through either process, says it is closed already; no such contest is 404.
    expect((await close(a)).status).toBe(409);
    expect((await close(b, '/api/contests/no-such-contest')).status).toBe(404);
  });
});
