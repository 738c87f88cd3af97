// Scale-out test parts: a real redis-server on a free port, server processes (scale-server.ts)
// on one SQLite file, and pages connected to either. Everything started is killed by stopAll().
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import { T0 } from './definitions.js';
import { TestClient } from './harness.js';
import type { ScaleServerReady } from './scale-server.js';
import { hasRedisServer, spawnRedis } from './redis-server.js';


/** Whether `redis-server` is installed: without it the scale-out tests skip, unless CI (or
 * REQUIRE_REDIS) says they must run, as the browser tests do without Chromium. */
export const hasRedis = hasRedisServer();
const redisRequired = Boolean(process.env.CI || process.env.REQUIRE_REDIS);

/** Fails the run instead of skipping when Redis is required but missing. */
export function requireRedis(name: string): void {
  if (!hasRedis && redisRequired) {
    describe(name, () => {
      it('needs redis-server', () => {
        expect.fail('redis-server not found, and CI or REQUIRE_REDIS is set (apt-get install redis-server)');
      });
    });
  } else if (!hasRedis) {
    console.log('scale-out tests skipped: redis-server not found (apt-get install redis-server)');
  }
}


const children: ChildProcess[] = [];
const clients: TestClient[] = [];

/** A server process's sockets: its own pages', the stand-ins it holds for other processes'
 * pages, and the phones whose links it measures. */
export interface SocketCounts {
  local: number;
  standIns: number;
  linked: number;
}

export interface ScaleServer {
  child: ChildProcess;
  ready: ScaleServerReady['ready'];
  /** Whether this process holds the contest's lease now. */
  owner(): Promise<boolean>;
  sockets(): Promise<SocketCounts>;
  /** Moves its clock on (the likes' and comments' batches run on it). */
  advance(ms: number): Promise<number>;
}

/** A throwaway redis-server (nothing saved), on `port` (a restart) or a free one; resolves once
 * it accepts connections. */
export function startRedis(port?: number): Promise<{ url: string; port: number; process: ChildProcess }> {
  return spawnRedis(port, (redis) => children.push(redis));
}

export interface ScalePair {
  a: ScaleServer;
  b: ScaleServer;
  redis: Awaited<ReturnType<typeof startRedis>>;
}

/** A test file's two server processes on one new SQLite file and one redis-server, started before
 * its tests (handed to `started`) and stopped after them; nothing when redis-server is missing. */
export function scalePair(prefix: string, leaseMs: number, started: (pair: ScalePair) => void): { dbFile: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbFile = join(dir, 'qiangda.db');
  beforeAll(async () => {
    if (!hasRedis) return;
    const redis = await startRedis();
    const a = await startScaleServer(dbFile, redis.url, leaseMs);
    const b = await startScaleServer(dbFile, redis.url, leaseMs);
    started({ a, b, redis });
  }, 60_000);
  afterAll(() => {
    stopAll();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dbFile };
}

/** A server process on `dbFile` with `--redis`; the first one started on a new file creates the contest. */
export async function startScaleServer(dbFile: string, redisUrl: string, leaseMs: number): Promise<ScaleServer> {
  const child = fork('test/support/scale-server.ts', [dbFile, String(T0), redisUrl, String(leaseMs)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const ask = <T>(message: object | null, key: string) =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`server process exited (${code})`));
      const answer = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', answer);
        child.off('exit', exited);
        resolve(m[key] as T);
      };
      child.on('message', answer);
      child.once('exit', exited);
      if (message) child.send(message);
    });
  const ready = await ask<ScaleServerReady['ready']>(null, 'ready');
  return {
    child,
    ready,
    owner: () => ask<boolean>({ ask: 'owner' }, 'owner'),
    sockets: () => ask<SocketCounts>({ ask: 'sockets' }, 'sockets'),
    advance: (ms) => ask<number>({ advance: ms }, 'advanced'),
  };
}

/** A page of the contest connected to `server`; with `reconnect`, it comes back by itself as a page
 * does; `path`: the audience's own (AUDIENCE_PATH), served by the server's audience process. */
export function page(server: ScaleServer, auth: Record<string, unknown>, reconnect = false, path?: string): TestClient {
  const client = new TestClient(server.ready.url, { v: PROTOCOL_VERSION, contestId: server.ready.contestId, ...auth }, reconnect, path);
  clients.push(client);
  return client;
}

/** A phone on `server` that has claimed `seatId` with its join code. */
export async function phone(server: ScaleServer, seatId: string): Promise<TestClient> {
  const client = page(server, { role: 'contestant' });
  await client.ready();
  const ack = await client.request('seat:claim', { joinCode: server.ready.joinCodes[seatId] });
  if (!('data' in ack)) throw new Error(`claim refused: ${JSON.stringify(ack)}`);
  client.deviceToken = ack.data.deviceToken;
  await client.until((v) => v.me === seatId);
  return client;
}

/** Waits for what only real time brings about (a lease expiring), checking often; gives the value. */
export async function eventually<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function stopAll(): void {
  for (const client of clients.splice(0)) client.socket.close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
}
