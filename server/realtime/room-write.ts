// One event to every socket of a room: for rooms of thousands (the audience), and for the stage's
// own channels when one process serves them all (each phone's updates, app.ts). socket.io's own
// broadcast encodes the packet and frames it for WebSocket once, but then hands it to each socket
// through engine.io's per-socket path: a packet object, four events, a buffer swap and a write
// callback per socket. On the audience process that path cost more CPU than the writes
// themselves: for 10,000 viewers, about 160 ms of CPU per update with it, about 100 ms with
// the frame written straight to each connection (the audience-fanout benchmark).
//
// A socket gets the frame straight only while engine.io holds nothing for it, on an open,
// uncompressed WebSocket: everything sent to it before is then already in the connection's
// stream, and this frame goes after it. Every other socket (a packet waiting in engine.io, an
// engine.io write in flight, compression, long polling, a connection closing) is given the same encoded
// packet and frame through engine.io, as socket.io's broadcast gives them, behind what it holds.
//
// Only this process's sockets are written to: an audience page is always served by the process
// it is connected to (a stand-in for another process's page, scale/remote-socket.ts, is never in
// an audience room), and the stage's channels are written here only without --redis (app.ts
// sends them through the adapter then, which reaches every process's pages).
import type { Writable } from 'node:stream';
import { PacketType, type Packet } from 'socket.io-parser';
import * as ws from 'ws';
import type { ServerToClientEvents } from '../../shared/protocol.js';
import { jsonParser } from './json-parser.js';
import type { QiangdaServer, QiangdaSocket } from './realtime.js';

/** What is read of an engine.io connection: its own fields, which socket.io's typings leave out. */
interface EngineConnection {
  readyState: string;
  writeBuffer: readonly unknown[];
  transport: { name: string; writable: boolean; perMessageDeflate?: unknown; socket?: { readyState: number; _socket?: Writable | null } };
  /** engine.io's own write: `wsPreEncodedFrame` is the option socket.io's broadcast passes too. */
  write(data: string, options: { wsPreEncodedFrame: Buffer[] }): void;
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
  if (conn.readyState !== 'open' || transport.name !== 'websocket' || !transport.writable || conn.writeBuffer.length || transport.perMessageDeflate) return null;
  const socket = transport.socket;
  return socket?.readyState === ws.WebSocket.OPEN && socket._socket ? socket._socket : null;
}

/** The page's WebSocket stream, when a frame may go to it straight now; null for any other (and
 * for a stand-in for another process's page, which has no connection here). */
export function straightStream(page: QiangdaSocket): Writable | null {
  const conn = (page as { conn?: unknown }).conn as EngineConnection | undefined;
  return conn ? straightTo(conn) : null;
}

/** A socket.io packet's text as one WebSocket frame: header and message in one buffer, so one
 * write per socket, not a corked pair. */
export function frameOf(text: string): Buffer {
  return Buffer.concat(frame(Buffer.from(ENGINE_MESSAGE + text), { readOnly: false, mask: false, rsv1: false, opcode: TEXT_FRAME, fin: true }));
}

/** A packet's text as socket.io's parser (json-parser.ts) writes it. */
export const packetText = (packet: Packet): string => encoder.encode(packet)[0];

/** An event as a page reads it: socket.io's packet text, and that text as one WebSocket frame. */
export function framed<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): { text: string; frame: Buffer } {
  const text = packetText({ type: PacketType.EVENT, nsp: '/', data: [event, ...args] });
  return { text, frame: frameOf(text) };
}

/** Sends `event` to every socket of `room` on this process (never through an adapter to others);
 * returns how many were written straight. */
export function writeToRoom<E extends keyof ServerToClientEvents>(io: QiangdaServer, room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): number {
  const ids = io.sockets.adapter.rooms.get(room);
  if (!ids?.size) return 0;
  const packet = framed(event, ...args);
  const wsPreEncodedFrame = [packet.frame];
  let straight = 0;
  for (const id of ids) {
    const conn = io.sockets.sockets.get(id)?.conn as unknown as EngineConnection | undefined;
    if (!conn) continue;
    const stream = straightTo(conn);
    if (stream) {
      stream.write(packet.frame);
      straight++;
    } else conn.write(packet.text, { wsPreEncodedFrame });
  }
  return straight;
}
