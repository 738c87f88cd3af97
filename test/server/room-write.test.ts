// writeToRoom (server/realtime/room-write.ts) writes an event's WebSocket frame straight to each
// socket of a room. What a page reads must be what socket.io's own emit would have given it, in
// the same order as everything else sent to it, on every transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { CommentsUpdate } from '../../shared/protocol.js';
import { jsonParser } from '../../server/realtime/json-parser.js';
import type { QiangdaServer, QiangdaSocket } from '../../server/realtime/realtime.js';
import { framed, writeToRoom } from '../../server/realtime/room-write.js';

const ROOM = 'c1:audience';
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A server whose sockets join the room their handshake names. */
async function serve(perMessageDeflate = false): Promise<{ io: QiangdaServer; url: string }> {
  const http = createServer();
  const io: QiangdaServer = new Server(http, { parser: jsonParser, perMessageDeflate });
  io.on('connection', (socket) => {
    const { room } = socket.handshake.auth as { room?: string };
    if (room) void socket.join(room);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

/** A page, connected, with every event it reads kept in order; and its socket on the server. */
async function page(io: QiangdaServer, url: string, room: string | null, transport: 'websocket' | 'polling' = 'websocket') {
  const client: ClientSocket = connect(url, { transports: [transport], auth: room ? { room } : {}, reconnection: false, forceNew: true });
  closers.push(() => void client.close());
  const read: Array<[string, unknown]> = [];
  client.onAny((event: string, payload: unknown) => read.push([event, payload]));
  await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('connect_error', reject));
  const socket = io.sockets.sockets.get(client.id ?? '') as QiangdaSocket;
  return { client, socket, read };
}

/** Resolves once `read` holds `count` events. */
const readCount = (client: ClientSocket, read: unknown[], count: number) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (read.length < count) return;
      client.offAny(check);
      resolve();
    };
    client.onAny(check);
    check();
  });

/** Resolves once engine.io holds nothing for the socket and no write is in flight. */
async function idle(socket: QiangdaSocket): Promise<void> {
  // engine.io's queue, which its typings keep private.
  const conn = socket.conn as unknown as { transport: QiangdaSocket['conn']['transport']; writeBuffer: unknown[] };
  while (!conn.transport.writable || conn.writeBuffer.length) await new Promise((resolve) => conn.transport.once('ready', resolve));
}

const comments: CommentsUpdate = {
  settings: { on: true, paused: false, slowSeconds: 0, projected: true },
  comments: [{ id: 'm1', text: '“百年党史”\n<b>学党史</b> \\ 🇨🇳 \u2028', at: 1764480000000 }],
};

describe('writeToRoom', () => {
  it('gives every socket of the room the event, written straight, as socket.io would, and no other socket', async () => {
    const { io, url } = await serve();
    const viewers = await Promise.all([1, 2, 3].map(() => page(io, url, ROOM)));
    const outsider = await page(io, url, 'c2:audience');

    expect(writeToRoom(io, ROOM, 'comments:update', comments)).toBe(3);
    // The same event the ordinary way, to compare what each page reads.
    io.to(ROOM).emit('comments:update', comments);
    io.emit('likes:total', { total: 7 });
    for (const v of viewers) {
      await readCount(v.client, v.read, 3);
      expect(v.read).toEqual([['comments:update', comments], ['comments:update', comments], ['likes:total', { total: 7 }]]);
    }
    await readCount(outsider.client, outsider.read, 1);
    expect(outsider.read).toEqual([['likes:total', { total: 7 }]]);
  });

  it('frames the event as socket.io’s own broadcast does', async () => {
    const { io } = await serve();
    const { text, frame } = framed('comments:update', comments);
    // The adapter's own encoding, with the frame it computes for WebSocket sockets.
    const options: { wsPreEncodedFrame?: Buffer[] } = {};
    const adapter = io.sockets.adapter as unknown as { _encode(packet: object, options: object): string[] };
    expect(adapter._encode({ type: 2, nsp: '/', data: ['comments:update', comments] }, options)).toEqual([text]);
    expect(frame).toEqual(Buffer.concat(options.wsPreEncodedFrame ?? []));
  });

  it('sends a socket with a packet still waiting in engine.io the event behind it', async () => {
    const { io, url } = await serve();
    const waiting = await page(io, url, ROOM);
    const free = await page(io, url, ROOM);
    // A write in flight: engine.io keeps what is sent meanwhile until the transport is ready.
    const { transport } = waiting.socket.conn;
    transport.writable = false;
    waiting.socket.emit('likes:total', { total: 1 });
    expect(writeToRoom(io, ROOM, 'likes:total', { total: 2 })).toBe(1);
    // The write done but the transport not yet told to send what waits: still behind it.
    transport.writable = true;
    expect(writeToRoom(io, ROOM, 'likes:total', { total: 3 })).toBe(1);
    transport.emit('ready');
    await readCount(waiting.client, waiting.read, 3);
    expect(waiting.read).toEqual([['likes:total', { total: 1 }], ['likes:total', { total: 2 }], ['likes:total', { total: 3 }]]);
    await readCount(free.client, free.read, 2);
    expect(free.read).toEqual([['likes:total', { total: 2 }], ['likes:total', { total: 3 }]]);
  });

  it('goes the ordinary way while a write is in flight', async () => {
    const { io, url } = await serve();
    const viewer = await page(io, url, ROOM);
    viewer.socket.conn.transport.writable = false;
    expect(writeToRoom(io, ROOM, 'likes:total', { total: 1 })).toBe(0);
    viewer.socket.conn.transport.writable = true;
    viewer.socket.conn.transport.emit('ready');
    await readCount(viewer.client, viewer.read, 1);
    expect(viewer.read).toEqual([['likes:total', { total: 1 }]]);
  });

  it('keeps its place among the ordinary sends to a socket, straight or not', async () => {
    const { io, url } = await serve();
    const viewer = await page(io, url, ROOM);
    let straight = 0;
    for (let total = 1; total <= 30; total++) {
      // Every third is written straight once the socket is idle; the others are sent the ordinary
      // way, the next ones while the last is still in flight.
      if (total % 3 === 0) {
        await idle(viewer.socket);
        straight += writeToRoom(io, ROOM, 'likes:total', { total });
      } else if (total % 3 === 2) straight += writeToRoom(io, ROOM, 'likes:total', { total });
      else viewer.socket.emit('likes:total', { total });
    }
    await readCount(viewer.client, viewer.read, 30);
    expect(viewer.read.map(([, payload]) => (payload as { total: number }).total)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(straight).toBe(10);
  });

  it('sends a compressed WebSocket the event through engine.io', async () => {
    const { io, url } = await serve(true);
    const viewer = await page(io, url, ROOM);
    expect(writeToRoom(io, ROOM, 'comments:update', comments)).toBe(0);
    await readCount(viewer.client, viewer.read, 1);
    expect(viewer.read).toEqual([['comments:update', comments]]);
  });

  it('sends a long-polling socket the event the ordinary way', async () => {
    const { io, url } = await serve();
    const polling = await page(io, url, ROOM, 'polling');

    expect(writeToRoom(io, ROOM, 'comments:update', comments)).toBe(0);
    await readCount(polling.client, polling.read, 1);
    expect(polling.read).toEqual([['comments:update', comments]]);
  });

  it('writes nothing to a room nobody is in', async () => {
    const { io } = await serve();
    expect(writeToRoom(io, ROOM, 'likes:total', { total: 1 })).toBe(0);
  });
});
