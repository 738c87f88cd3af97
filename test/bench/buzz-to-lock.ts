// Buzz-to-lock: from a winning press leaving a phone's socket to the lock (the winner) reaching
// every other phone, the host and two screens. 10 phones, loopback, durable SQLite file store,
// real clock; the clients run in a child process so they do not share the server's event loop.
// Judged by arrival the lock is immediate; judged by press time (P4) the server first waits a
// grace window for slower phones, so there the figure is the overhead beyond that window.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { openStore } from '../../server/storage/store.js';
import { DEFAULT_FAIRNESS, type Fairness } from '../../shared/contest/arbiter.js';
import { definition } from '../support/definitions.js';
import { summarise, type BenchResult } from './stats.js';

export const SEATS = 10;
export const RACES = 300;
export const WARMUP = 20;

export async function buzzToLock(mode: Fairness['mode']): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1' });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const port = (app.http.address() as AddressInfo).port;
  const contestId = app.contests.create(definition({ seats: SEATS, questions: RACES + WARMUP + 1, rules: { fairness: { ...DEFAULT_FAIRNESS, mode } } }));
  const room = app.contests.get(contestId);
  const joinCodes = store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [];

  const child = fork(fileURLToPath(new URL('./buzz-clients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { samples, graces } = await new Promise<{ samples: number[]; graces: number[] }>((resolve, reject) => {
    child.on('message', (m: { samples?: number[]; graces?: number[]; error?: string }) =>
      m.samples && m.graces ? resolve({ samples: m.samples, graces: m.graces }) : reject(new Error(m.error)),
    );
    child.on('exit', (code) => code !== 0 && reject(new Error(`bench clients exited with ${code}`)));
    child.send({ url: `http://127.0.0.1:${port}`, contestId, hostKey: room?.hostKey, joinCodes, races: RACES, warmup: WARMUP });
  });
  child.kill();
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  const overhead = summarise(samples.map((total, i) => total - graces[i]));
  const grace = summarise(graces);
  return { name: 'buzz-to-lock', arbiter: mode === 'arrival' ? 'arrival' : 'qiangda', seats: SEATS, ...overhead, grace_p50_ms: grace.p50_ms, grace_p99_ms: grace.p99_ms };
}
