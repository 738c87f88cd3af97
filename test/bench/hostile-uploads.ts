// Hostile uploads (issue 10): buzz-to-lock latency in a server that is, at the same time, refusing
// a 467 MB zip-bomb XLSX and a million-row CSV over and over, against the same server idle.
// Phones (buzz-clients.ts) and uploader (upload-clients.ts) run in child processes; the uploads
// come over HTTP with a host key. Also the server thread's event-loop delay, and its peak RSS.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { openStore } from '../../server/storage/store.js';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { definition } from '../support/definitions.js';
import { summarise, type BenchResult } from './stats.js';

const SEATS = 10;
const RACES = 200;
const WARMUP = 20;

interface Server {
  url: string;
  contestId: string;
  hostKey: string;
  joinCodes: string[];
  close(): Promise<void>;
}

async function serve(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1' });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const contestId = app.contests.create(
    definition({ seats: SEATS, questions: RACES + WARMUP + 1, rules: { fairness: { ...DEFAULT_FAIRNESS, mode: 'arrival' } } }),
  );
  return {
    url: `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`,
    contestId,
    hostKey: app.contests.get(contestId)?.hostKey ?? '',
    joinCodes: store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [],
    async close() {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function race(server: Server): Promise<number[]> {
  const child = fork(fileURLToPath(new URL('./buzz-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<number[]>((resolve, reject) => {
    child.on('message', (m: { samples?: number[]; error?: string }) => (m.samples ? resolve(m.samples) : reject(new Error(m.error))));
    child.on('exit', (code) => code !== 0 && reject(new Error(`bench clients exited with ${code}`)));
    child.send({ url: server.url, contestId: server.contestId, hostKey: server.hostKey, joinCodes: server.joinCodes, races: RACES, warmup: WARMUP });
  }).finally(() => child.kill());
}

/** The uploader in its own process, so the figures show the server's work alone. */
function uploader(server: Server) {
  const child = fork(fileURLToPath(new URL('./upload-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  child.on('message', (m: Record<string, unknown>) => {
    messages.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (!messages.length) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages.shift()!;
  };
  child.send({ url: server.url, contestId: server.contestId, hostKey: server.hostKey });
  return {
    ready: next,
    async stop(): Promise<Record<string, number>> {
      child.send('stop');
      const { refusals } = (await next()) as { refusals: Record<string, number> };
      child.kill();
      return refusals;
    },
  };
}

/** Buzz latency and the server thread's stalls, idle and while refusing hostile uploads. */
export async function hostileUploads(): Promise<BenchResult[]> {
  const idle = await serve();
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const quiet = summarise(await race(idle));
  stalls.disable();
  const quietStall = { loop_delay_p99_ms: Math.round(stalls.percentile(99) / 1e4) / 100, loop_delay_max_ms: Math.round(stalls.max / 1e4) / 100 };
  await idle.close();

  const busy = await serve();
  const uploads = uploader(busy);
  const sizes = (await uploads.ready()) as { bombBytes: number; csvBytes: number };
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1024 / 1024)), 50);
  stalls.reset();
  stalls.enable();
  const loaded = summarise(await race(busy));
  stalls.disable();
  const refusals = await uploads.stop();
  clearInterval(sampler);
  await busy.close();

  return [
    { name: 'hostile-uploads', uploads: 'none', seats: SEATS, ...quiet, ...quietStall },
    {
      name: 'hostile-uploads',
      uploads: `bomb ${(sizes.bombBytes / 1024 / 1024).toFixed(1)} MB -> 467 MB, csv ${(sizes.csvBytes / 1024 / 1024).toFixed(1)} MB 1e6 rows`,
      seats: SEATS,
      ...loaded,
      loop_delay_p99_ms: Math.round(stalls.percentile(99) / 1e4) / 100,
      loop_delay_max_ms: Math.round(stalls.max / 1e4) / 100,
      refused: Object.entries(refusals).map(([code, n]) => `${code} x${n}`).join(' '),
      peak_rss_mb: Math.round(peakRssMb),
    },
  ];
}
