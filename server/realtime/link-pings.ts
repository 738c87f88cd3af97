// The link book's pings (links.ts: every phone, every second), written straight to the phone's
// WebSocket as the stage's updates are (room-write.ts). In the many-contests benchmark (2,000
// phones) they were 2,000 of the stage's 8,000 writes a second, and each paid socket.io's emit:
// a packet object, engine.io's per-packet events and buffers, and a timer for its answer.
//
// The phone answers with socket.io's own acknowledgement, which socket.io reads as before: the
// ping is put in the socket's table of awaited acknowledgements under the namespace's next id,
// as emit puts it. An answer counts only within PING_TIMEOUT_MS, as emit's timeout allowed;
// older pings leave the table at the next ping, in place of emit's one timer per ping.
// Any page the frame cannot go to straight (see straightStream) is pinged through emit.
import { PacketType } from 'socket.io-parser';
import type { Clock } from '../clock.js';
import { PING_TIMEOUT_MS } from './links.js';
import type { QiangdaSocket } from './realtime.js';
import { frameOf, packetText, straightStream } from './room-write.js';

/** socket.io's own fields a ping uses: the ids its namespace gives acknowledgements, and the
 * socket's table of those it awaits (both left out of socket.io's typings). */
interface AckTable {
  nsp: { _ids: number };
  acks: Map<number, (...answer: unknown[]) => void>;
}

/** Each socket's pings sent straight and not yet answered, oldest first. */
const unanswered = new WeakMap<QiangdaSocket, { id: number; sentAt: number }[]>();

/** Pings the phone; `answered` runs when it answers within PING_TIMEOUT_MS, never otherwise. */
export function pingPhone(page: QiangdaSocket, clock: Clock, answered: () => void): void {
  const stream = straightStream(page);
  if (!stream) return void page.timeout(PING_TIMEOUT_MS).emit('clock:ping', (err: Error | null) => err || answered());
  const table = page as unknown as AckTable;
  const sentAt = clock.now();
  const waiting = unanswered.get(page) ?? [];
  unanswered.set(page, waiting);
  // Oldest first: those past the timeout are at the front (at most a few, one ping a second).
  for (let oldest = waiting[0]; oldest && sentAt - oldest.sentAt >= PING_TIMEOUT_MS; oldest = waiting[0]) {
    table.acks.delete(oldest.id);
    waiting.shift();
  }
  const id = table.nsp._ids++;
  waiting.push({ id, sentAt });
  table.acks.set(id, () => {
    const at = waiting.findIndex((ping) => ping.id === id);
    if (at >= 0) waiting.splice(at, 1);
    if (clock.now() - sentAt < PING_TIMEOUT_MS) answered();
  });
  stream.write(frameOf(packetText({ type: PacketType.EVENT, nsp: '/', id, data: ['clock:ping'] })));
}
