// The Redis adapter's parser (server/scale/adapter-parser.ts): broadcasts go to Redis as JSON; a
// process's own, which the adapter drops by their id, are not decoded; MessagePack from a process
// of an earlier release is still read. Then two socket.io servers on a real redis-server: each
// page gets each broadcast once, whichever process sent it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode as encodeMessagePack } from 'notepack.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { AdapterParser } from '../../../server/scale/adapter-parser.js';
import { jsonParser } from '../../../server/realtime/json-parser.js';
import { spawnRedis } from '../../support/redis-server.js';
import { hasRedis, requireRedis } from '../../support/scale-pair.js';

/** A broadcast as the adapter encodes it: its id, the packet, the options. */
const broadcast = (id: string, title = '“百年党史”知识竞赛决赛 <b>\n') => [id, { type: 2, nsp: '/', data: ['contest:update', { view: { title, seats: [{ id: 's1', score: 12.5 }] } }] }, { rooms: ['c1:host'], except: [], flags: {} }];

describe('the Redis adapter’s parser', () => {
  it('writes a broadcast as JSON and reads another process’s back as it was', () => {
    const message = broadcast('aB3dE9');
    const text = new AdapterParser().encode(message);
    expect(JSON.parse(text)).toEqual(message);
    expect(new AdapterParser().decode(Buffer.from(text))).toEqual(message);
  });

  it('hands back its own broadcast as its id alone, without reading the rest', () => {
    const parser = new AdapterParser();
    const text = parser.encode(broadcast('aB3dE9'));
    // Spoilt after the id: parsing it whole would fail.
    const spoilt = Buffer.from(`${text.slice(0, '["aB3dE9",'.length)}{{{`);
    expect(() => JSON.parse(spoilt.toString()) as unknown).toThrow();
    expect(parser.decode(spoilt)).toEqual(['aB3dE9']);
    expect(parser.decode(Buffer.from(text))).toEqual(['aB3dE9']);
  });

  it('reads in full a broadcast of another process, also one whose id begins like its own', () => {
    const parser = new AdapterParser();
    parser.encode(broadcast('aB3dE9'));
    for (const id of ['zz9Y8x', 'aB3dE', 'aB3dE9x', 'aB3dE8']) {
      const message = broadcast(id);
      expect(parser.decode(Buffer.from(new AdapterParser().encode(message)))).toEqual(message);
    }
  });

  it('reads MessagePack, as a process of an earlier release writes it', () => {
    const parser = new AdapterParser();
    parser.encode(broadcast('aB3dE9'));
    const message = broadcast('zz9Y8x');
    expect(parser.decode(encodeMessagePack(message) as Buffer)).toEqual(message);
  });
});

requireRedis('broadcasts between processes');

describe.skipIf(!hasRedis)('broadcasts between processes, through a real Redis', () => {
  let redis: ChildProcess | undefined;
  const closing: Array<() => Promise<unknown> | void> = [];
  let servers: Server[] = [];
  let url: string[] = [];

  beforeAll(async () => {
    const started = await spawnRedis(undefined, (p) => (redis = p));
    for (let i = 0; i < 2; i++) {
      const pub = createClient({ url: started.url });
      const sub = pub.duplicate();
      await Promise.all([pub.connect(), sub.connect()]);
      const http = createServer();
      const io = new Server(http, { parser: jsonParser, adapter: createAdapter(pub, sub, { parser: new AdapterParser() }) });
      io.on('connection', (socket) => void socket.join('c1:host'));
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      servers.push(io);
      url.push(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
      closing.push(() => new Promise((resolve) => void io.close(resolve)), () => pub.quit(), () => sub.quit());
    }
  });

  afterAll(async () => {
    for (const close of closing) await close();
    redis?.kill('SIGKILL');
    servers = [];
    url = [];
  });

  it('gives each page every broadcast once, from its own process and from the other', async () => {
    const pages: ClientSocket[] = url.map((u) => connect(u, { transports: ['websocket'], reconnection: false, forceNew: true }));
    closing.unshift(() => pages.forEach((p) => p.close()));
    const read: string[][] = pages.map(() => []);
    pages.forEach((p, i) => p.onAny((event: string, payload: { view: { title: string } }) => read[i].push(payload.view.title)));
    await Promise.all(pages.map((p) => new Promise<void>((resolve) => p.once('connect', () => resolve()))));
    // Both servers hear each other on Redis once a broadcast crosses.
    const [a, b] = servers;
    a.to('c1:host').emit('contest:update', { view: { title: 'A 一' } });
    b.to('c1:host').emit('contest:update', { view: { title: 'B 一' } });
    a.to('c1:host').emit('contest:update', { view: { title: 'A 二' } });
    await Promise.all(pages.map((p, i) => new Promise<void>((resolve) => {
      const check = () => read[i].length >= 3 && resolve();
      p.onAny(check);
      check();
    })));
    // The last one, sent after everything above, marks the end: nothing came twice before it.
    b.to('c1:host').emit('contest:update', { view: { title: 'end' } });
    await Promise.all(pages.map((p, i) => new Promise<void>((resolve) => {
      const check = () => read[i].includes('end') && resolve();
      p.onAny(check);
      check();
    })));
    for (const titles of read) expect([...titles].sort()).toEqual(['A 一', 'A 二', 'B 一', 'end'].sort());
  });
});
