// Child process of the reconnect benchmark: a host and one phone per seat, each holding its seat
// by its device token, reconnecting by themselves with the pages' own backoff (RECONNECTION).
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ContestUpdate } from '../../shared/protocol.js';
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
  return io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, forceNew: true, ...TRANSPORTS, ...RECONNECTION });
}

/** Resolves at the next update passing `test`. */
function nextUpdate(socket: Socket, test: (u: ContestUpdate) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (u: ContestUpdate) => {
      if (!test(u)) return;
      socket.off('contest:update', on);
      resolve();
    };
    socket.on('contest:update', on);
  });
}

async function run(job: ReconnectJob): Promise<void> {
  const allConnected = (u: ContestUpdate) => u.view.seats.every((s) => s.connected > 0);
  const host = page(job.url, { role: 'host', contestId: job.contestId, hostKey: job.hostKey });
  const hostSeated = nextUpdate(host, allConnected);
  const phones = job.deviceTokens.map((deviceToken) => page(job.url, { role: 'contestant', contestId: job.contestId, deviceToken }));
  // The server times round trips to each phone (P2): answer as a page would.
  for (const phone of phones) phone.on('clock:ping', (ack: () => void) => ack());
  const seated = (phone: Socket, i: number) => nextUpdate(phone, (u) => u.view.me === `s${i + 1}`);
  await Promise.all(phones.map(seated));
  await hostSeated;
  report({ seated: true });

  // The server goes away and comes back; every page returns by itself. The first view after the
  // restart is the new server's own view of the phone's seat.
  await new Promise<void>((resolve) => host.once('disconnect', () => resolve()));
  const hostBack = nextUpdate(host, allConnected).then(() => report({ hostBack: true }));
  await Promise.all(phones.map(seated));
  report({ phonesBack: true });
  await hostBack;
  for (const s of [host, ...phones]) s.close();
}

process.once('message', (job: ReconnectJob) => {
  run(job).catch((error: unknown) => report({ error: String(error) }));
});
