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
import { writeToRoom } from '../../server/realtime/room-write.js';

const ROOM = 'c1:audience';
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A server whose sockets join the room their handshake names. */
async function serve(): Promise<{ io: QiangdaServer; url: string }> {
  const http = createServer();
  const io: QiangdaServer = new Server(http, { parser: jsonParser });
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

  it('sends a socket with a packet still waiting in engine.io the event behind it', async () => {
    const { io, url } = await serve();
    const waiting = await page(io, url, ROOM);
    const free = await page(io, url, ROOM);
    // A write still in flight: engine.io keeps what is sent meanwhile until it drains.
    const { transport } = waiting.socket.conn;
    transport.writable = false;
    waiting.socket.emit('likes:total', { total: 1 });

    expect(writeToRoom(io, ROOM, 'likes:total', { total: 2 })).toBe(1);
    // The write done, as the WebSocket transport tells it: engine.io sends what it kept.
    transport.writable = true;
    transport.emit('ready');
    await readCount(waiting.client, waiting.read, 2);
    expect(waiting.read).toEqual([['likes:total', { total: 1 }], ['likes:total', { total: 2 }]]);
    await readCount(free.client, free.read, 1);
    expect(free.read).toEqual([['likes:total', { total: 2 }]]);
  });

  it('keeps its place among the ordinary sends to a socket', async () => {
    const { io, url } = await serve();
    const viewer = await page(io, url, ROOM);
    for (let total = 1; total <= 30; total++) {
      if (total % 3 === 0) writeToRoom(io, ROOM, 'likes:total', { total });
      else viewer.socket.emit('likes:total', { total });
    }
    await readCount(viewer.client, viewer.read, 30);
    expect(viewer.read.map(([, payload]) => (payload as { total: number }).total)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
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
