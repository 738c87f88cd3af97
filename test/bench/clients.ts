// What the benchmark client processes share: opening a socket and claiming the seats.
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';

export interface ClientJob {
  url: string;
  contestId: string;
  hostKey: string;
  joinCodes: string[];
}

export function open(url: string, auth: object, path?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, ...(path && { path }) });
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
