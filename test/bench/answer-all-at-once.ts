// Answer-all-at-once: 200 seats answer one all-at-once question within the same second; every
// answer in time must be recorded, and the acknowledgement time is measured at each phone.
// Loopback, durable SQLite file store, real clock, phones in a child process.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { openStore } from '../../server/storage/store.js';
import { allAtOnceRound, choice, definition } from '../support/definitions.js';
import { summarise, type BenchResult } from './stats.js';

export const SEATS = 200;
/** Answers are spread evenly over this window: "within the same second". */
export const SPREAD_MS = 1000;

export async function answerAllAtOnce(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1' });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const port = (app.http.address() as AddressInfo).port;
  // A long answer time: the bar is about acknowledgement, not the deadline.
  const contestId = app.contests.create(definition({ seats: SEATS, rounds: [allAtOnceRound([choice(1, 'B')], { answerTimeMs: 60_000 })] }));
  const room = app.contests.get(contestId);
  const joinCodes = store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [];

  const child = fork(fileURLToPath(new URL('./answer-clients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const samples = await new Promise<number[]>((resolve, reject) => {
    child.on('message', (m: { samples?: number[]; error?: string }) => (m.samples ? resolve(m.samples) : reject(new Error(m.error))));
    child.on('exit', (code) => code !== 0 && reject(new Error(`bench clients exited with ${code}`)));
    child.send({ url: `http://127.0.0.1:${port}`, contestId, hostKey: room?.hostKey, joinCodes, spreadMs: SPREAD_MS });
  });
  child.kill();
  const question = room?.state.question;
  const recorded = question?.kind === 'all-at-once' ? Object.keys(question.answers).length : 0;
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  const { p50_ms, p99_ms, max_ms } = summarise(samples);
  return { name: 'answer-all-at-once', seats: SEATS, recorded, p50_ms, p99_ms, max_ms };
}
