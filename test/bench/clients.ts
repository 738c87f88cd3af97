// What the benchmark client processes share: opening a socket and claiming the seats.
import { io, type Socket } from 'socket.io-client';
import { performance } from 'node:perf_hooks';
import type { ContestView } from '../../shared/contest/views.js';
import { PROTOCOL_VERSION, type ContestUpdate } from '../../shared/protocol.js';
import { applyUpdate } from '../../shared/view-changes.js';

export interface ClientJob {
  url: string;
  contestId: string;
  hostKey: string;
  joinCodes: string[];
}

export function open(url: string, auth: object, path?: string, options: { keepViews?: boolean } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, ...(path && { path }) });
    if (options.keepViews ?? true) trackViews(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** One phone per join code, each holding its seat. */
export async function seatPhones(job: ClientJob): Promise<Socket[]> {
  const phones: Socket[] = [];
  for (const joinCode of job.joinCodes) {
    const phone = await open(job.url, { role: 'contestant', contestId: job.contestId });
    // The server times round trips to each phone (P2): answer as a page would.
    phone.on('clock:ping', (ack: () => void) => ack());
    const ack = await phone.emitWithAck('seat:claim', { joinCode });
    if (!ack.data) throw new Error(`claim refused: ${ack.error}`);
    phones.push(phone);
  }
  return phones;
}

const held = new WeakMap<Socket, ContestView>();

/** Keeps the view a socket holds, as a page does: updates carry only what changed
 * (shared/view-changes.ts). Called before anything else listens, so they read the merged view. */
export function trackViews(socket: Socket): void {
  socket.on('contest:update', (update: ContestUpdate) => {
    const view = applyUpdate(held.get(socket) ?? null, update);
    if (view) held.set(socket, view);
  });
}

/** Resolves at the socket's next update after which its view passes `test`: when it came, and the view. */
export function nextView(socket: Socket, test: (view: ContestView) => boolean): Promise<[number, ContestView]> {
  return new Promise((resolve) => {
    const on = () => {
      const view = held.get(socket);
      if (!view || !test(view)) return;
      socket.off('contest:update', on);
      resolve([performance.now(), view]);
    };
    socket.on('contest:update', on);
  });
}
