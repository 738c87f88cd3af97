// One event to every socket of a room, for rooms of thousands (the audience). socket.io's own
// broadcast encodes the packet and frames it for WebSocket once, but then hands it to each socket
// through engine.io's per-socket path: a packet object, four events, a buffer swap and a write
// callback per socket. On the audience process that path cost more CPU than the writes
// themselves: for 10,000 viewers, about 160 ms of CPU per update with it, about 100 ms with
// the frame written straight to each connection (the audience-fanout benchmark).
//
// A socket gets the frame straight only while engine.io holds nothing for it, on an open
// WebSocket: nothing sent to it before can then arrive after. Every other socket (a packet still
// waiting in engine.io, a write in flight, a long-polling transport, a connection closing) is
// sent the event the ordinary way, behind what it already has.
import type { Writable } from 'node:stream';
import { PacketType } from 'socket.io-parser';
import * as ws from 'ws';
import type { ServerToClientEvents } from '../../shared/protocol.js';
import { jsonParser } from './json-parser.js';
import type { QiangdaServer } from './realtime.js';

/** What is read of an engine.io connection: its own fields, which socket.io's typings leave out. */
interface EngineConnection {
  readyState: string;
  writeBuffer: readonly unknown[];
  transport: { name: string; writable: boolean; socket?: { readyState: number; _socket?: Writable | null } };
}

/** ws's frame builder (`Sender.frame`, which socket.io's adapter uses too), untyped in @types/ws.
 * Taken from the module's own exports: the `WebSocket.Sender` socket.io's adapter reads is set
 * only once something has loaded ws as CommonJS. */
type FrameBuilder = (data: Buffer, options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }) => Buffer[];
const frame = (ws as unknown as { Sender: { frame: FrameBuilder } }).Sender.frame;
const TEXT_FRAME = 1;
/** engine.io's "message" packet, which carries every socket.io packet. */
const ENGINE_MESSAGE = '4';
const encoder = new jsonParser.Encoder();

/** The socket's connection's WebSocket stream, when the frame may go to it straight. */
function straightTo(conn: EngineConnection): Writable | null {
  const { transport } = conn;
  if (conn.readyState !== 'open' || transport.name !== 'websocket' || !transport.writable || conn.writeBuffer.length) return null;
  const socket = transport.socket;
  return socket?.readyState === ws.WebSocket.OPEN && socket._socket ? socket._socket : null;
}

/** Sends `event` to every socket of `room` on this process (never through an adapter to others);
 * returns how many were written straight. */
export function writeToRoom<E extends keyof ServerToClientEvents>(io: QiangdaServer, room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): number {
  const ids = io.sockets.adapter.rooms.get(room);
  if (!ids?.size) return 0;
  const [text] = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...args] });
  // One buffer, header and message together: one write per socket, not a corked pair.
  const bytes = Buffer.concat(frame(Buffer.from(ENGINE_MESSAGE + text), { readOnly: false, mask: false, rsv1: false, opcode: TEXT_FRAME, fin: true }));
  let straight = 0;
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id);
    if (!socket) continue;
    const stream = straightTo(socket.conn as unknown as EngineConnection);
    if (stream) {
      stream.write(bytes);
      straight++;
    } else socket.emit(event, ...args);
  }
  return straight;
}
