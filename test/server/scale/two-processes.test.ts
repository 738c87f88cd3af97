// Issue 15, scale-out: a real redis-server and two server processes on one SQLite file. Pages on
// either process see the same contest; a request through the process that does not own the
// engine is forwarded to the one that does; killing the owner hands the contest to the other
// within the lease's bound, with every acknowledged buzz in the log.
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage/store.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol.js';
import type { ContestView } from '../../../shared/contest/views.js';
import { T0 } from '../../support/definitions.js';
import { TestClient } from '../../support/harness.js';
import type { ScaleServerReady } from '../../support/scale-server.js';

/** A short lease so the test is quick: the takeover bound is LEASE + LEASE / 3. */
const LEASE_MS = 1500;
const BOUND_MS = LEASE_MS + Math.floor(LEASE_MS / 3);
/** Room for a busy two-core machine to schedule the new owner's check and replay. */
const SLACK_MS = 4000;

const dir = mkdtempSync(join(tmpdir(), 'qiangda-scale-'));
const dbFile = join(dir, 'qiangda.db');
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
let redisUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function startRedis(): Promise<string> {
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(redis);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    redis.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): is it installed? .ci/run installs it`)));
  });
  return `redis://127.0.0.1:${port}`;
}

interface Server {
  child: ChildProcess;
  ready: ScaleServerReady['ready'];
  ask<T>(message: object, key: string): Promise<T>;
}

async function startServer(): Promise<Server> {
  const child = fork('test/support/scale-server.ts', [dbFile, String(T0), redisUrl, String(LEASE_MS)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const ask = <T>(message: object, key: string) =>
    new Promise<T>((resolve) => {
      const answer = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', answer);
        resolve(m[key] as T);
      };
      child.on('message', answer);
      if (Object.keys(message).length) child.send(message);
    });
  const ready = await ask<ScaleServerReady['ready']>({}, 'ready');
  return { child, ready, ask };
}

function page(server: Server, auth: Record<string, unknown>): TestClient {
  const client = new TestClient(server.ready.url, { v: PROTOCOL_VERSION, contestId: server.ready.contestId, ...auth });
  clients.push(client);
  return client;
}

async function phone(server: Server, seatId: string): Promise<TestClient> {
  const client = page(server, { role: 'contestant' });
  await client.ready();
  const ack = await client.request('seat:claim', { joinCode: server.ready.joinCodes[seatId] });
  if (!('data' in ack)) throw new Error(`claim refused: ${JSON.stringify(ack)}`);
  client.deviceToken = ack.data.deviceToken;
  await client.until((v) => v.me === seatId);
  return client;
}

/** Waits for a condition that real time must bring about (a lease expiring), checking often. */
async function eventually<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const winner = (seatId: string) => (v: ContestView) => v.question?.kind === 'buzz-in' && v.question.winner === seatId;
const score = (v: ContestView | null, seatId: string) => v?.seats.find((s) => s.id === seatId)?.score;

let a: Server;
let b: Server;

beforeAll(async () => {
  redisUrl = await startRedis();
  a = await startServer();
  b = await startServer();
}, 60_000);

afterAll(() => {
  for (const client of clients) client.socket.close();
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('two processes sharing one contest through Redis', () => {
  it('one owns the engine; a page on the other is served through it; the owner dies and the other carries on', { timeout: 90_000 }, async () => {
    expect(a.ready.owner).toBe(true);
    expect(b.ready.owner).toBe(false);
    expect(b.ready.contestId).toBe(a.ready.contestId);

    // The host and one phone on the process that does not own the engine, a screen on each.
    const host = page(b, { role: 'host', hostKey: a.ready.hostKey });
    const screenA = page(a, { role: 'screen' });
    const screenB = page(b, { role: 'screen' });
    await Promise.all([host.ready(), screenA.ready(), screenB.ready()]);
    const phoneB = await phone(b, 's1');
    const phoneA = await phone(a, 's2');

    // Host commands forwarded from b are applied by a, and every page on both sees them.
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    await screenB.until((v) => v.question?.phase === 'open');

    // The phone on b buzzes: decided on a, seen by the screens on both processes.
    const pressed = await phoneB.request('buzz:press', { rid: 'press-0001' });
    expect(pressed).toMatchObject({ data: { decision: 'won' } });
    await screenA.until(winner('s1'));
    await screenB.until(winner('s1'));
    await phoneA.until(winner('s1'));
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' })).toEqual({ data: null });
    await screenB.until((v) => (score(v, 's1') ?? 0) > 0);
    const scored = score(screenB.view, 's1');

    // The owner dies. b takes the lease once it expires, replays the log, and carries on.
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    const tookOverAfter = await eventually(async () => ((await b.ask<boolean>({ ask: 'owner' }, 'owner')) ? Date.now() - killedAt : null), BOUND_MS + SLACK_MS + 10_000);
    expect(tookOverAfter).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);

    // b's pages, served through a before, are now served by b itself, from the replayed state.
    await host.until((v) => score(v, 's1') === scored);
    expect(await host.request('host:command', { type: 'question:next' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' })).toEqual({ data: null });
    await phoneB.until((v) => v.question?.phase === 'open' && v.question.number === 2);
    expect(await phoneB.request('buzz:press', { rid: 'press-0002' })).toMatchObject({ data: { decision: 'won' } });
    await screenB.until(winner('s1'));

    // Nothing acknowledged is lost: both presses are in the shared log, each once.
    const store = openStore(dbFile);
    try {
      const stored = store.loadContest(a.ready.contestId);
      const presses = stored?.commands.filter((c) => c.type === 'buzz:press') ?? [];
      expect(presses.map((c) => (c.type === 'buzz:press' ? c.seatId : null))).toEqual(['s1', 's1']);
    } finally {
      store.close();
    }
  });
});
