// Child process of the reconnect benchmark: a host and one phone per seat, each holding its seat
// by its device token, reconnecting by themselves with the pages' own backoff (RECONNECTION).
import { io, type Socket } from 'socket.io-client';
import type { ContestView } from '../../shared/contest/views.js';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import { nextView, trackViews } from './clients.js';
import { RECONNECTION, TRANSPORTS } from '../../shared/reconnection.js';

export interface ReconnectJob {
  url: string;
  contestId: string;
  hostKey: string;
  /** One device token per seat, in seat order. */
  deviceTokens: string[];
}

/** What the parent hears: all seated, then (after the restart) when the phones and the host saw it. */
export type ReconnectReport = { seated: true } | { phonesBack: true } | { hostBack: true } | { error: string };

const report = (message: ReconnectReport) => process.send?.(message);

function page(url: string, auth: object): Socket {
  // As a page (re)connects: the same transports and backoff.
  const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, forceNew: true, ...TRANSPORTS, ...RECONNECTION });
  trackViews(socket);
  return socket;
}

async function run(job: ReconnectJob): Promise<void> {
  const allConnected = (v: ContestView) => v.seats.every((s) => s.connected > 0);
  const host = page(job.url, { role: 'host', contestId: job.contestId, hostKey: job.hostKey });
  const hostSeated = nextView(host, allConnected);
  const phones = job.deviceTokens.map((deviceToken) => page(job.url, { role: 'contestant', contestId: job.contestId, deviceToken }));
  // The server times round trips to each phone (P2): answer as a page would.
  for (const phone of phones) phone.on('clock:ping', (ack: () => void) => ack());
  const seated = (phone: Socket, i: number) => nextView(phone, (v) => v.me === `s${i + 1}`);
  await Promise.all(phones.map(seated));
  await hostSeated;
  report({ seated: true });

  // The server goes away and comes back; every page returns by itself. The first view after the
  // restart is the new server's own view of the phone's seat.
  await new Promise<void>((resolve) => host.once('disconnect', () => resolve()));
  const hostBack = nextView(host, allConnected).then(() => report({ hostBack: true }));
  await Promise.all(phones.map(seated));
  report({ phonesBack: true });
  await hostBack;
  for (const s of [host, ...phones]) s.close();
}

process.once('message', (job: ReconnectJob) => {
  run(job).catch((error: unknown) => report({ error: String(error) }));
});
