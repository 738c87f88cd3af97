// Reconnect-1000 (issue 5's bar): after a restart, how long until 1,000 connected phones are all
// back in their seats, as the server counts them, from the moment the new server listens. A real
// server in this process (real clock, durable SQLite file store); the phones and a host in a
// child process, reconnecting by themselves with the pages' own jittered backoff.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { allAtOnceRound, choice, definition } from '../support/definitions.js';
import type { ReconnectJob, ReconnectReport } from './reconnect-clients.js';
import type { BenchResult } from './stats.js';

export const SEATS = 1000;
/** How long the server stays down: about what a process restart takes. The phones' backoff
 * grows meanwhile, as it would in the hall. */
export const DOWN_MS = 1000;

/** A server on the store; `listen` resolves once it takes connections. */
function serve(store: Store): { app: App; listen: (port: number) => Promise<void> } {
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1' });
  return { app, listen: (port) => new Promise<void>((resolve) => app.http.listen(port, '127.0.0.1', resolve)) };
}

/** Resolves once every seat of the contest has a phone connected, as the server counts them. */
function allSeated(app: App, contestId: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const connected = app.contests.get(contestId)?.facts().connected;
      if (!connected || [...connected.values()].filter((n) => n > 0).length < SEATS) return;
      app.io.off('connection', check);
      resolve();
    };
    // Runs after the app's own connection handler, which counts the phone in its seat.
    app.io.on('connection', check);
  });
}

export async function reconnect1000(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const file = join(dir, 'bench.db');
  let store = openStore(file);
  const first = serve(store);
  let app = first.app;
  await first.listen(0);
  const port = (app.http.address() as AddressInfo).port;
  const contestId = app.contests.create(definition({ seats: SEATS, rounds: [allAtOnceRound([choice(1, 'B')], { answerTimeMs: 600_000 })] }));
  const room = app.contests.get(contestId);
  if (!room) throw new Error('bench contest not found');
  // Each phone holds its seat by its device token, as after its claim; and a question is open,
  // so the views the phones come back to are a show's, not an empty lobby's.
  const deviceTokens = room.state.definition.seats.map((_, i) => `bench-phone-${String(i).padStart(4, '0')}-token`);
  store.db.transaction(() => room.state.definition.seats.forEach((seat, i) => room.addDevice(seat.id, deviceTokens[i])))();
  for (const type of ['question:next', 'question:next', 'answers:open'] as const) room.submit({ type });

  const child = fork(fileURLToPath(new URL('./reconnect-clients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const heard = (what: 'seated' | 'phonesBack' | 'hostBack') =>
    new Promise<number>((resolve, reject) => {
      const on = (m: ReconnectReport) => {
        if ('error' in m) reject(new Error(m.error));
        if (!(what in m)) return;
        child.off('message', on);
        resolve(performance.now());
      };
      child.on('message', on);
    });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`bench clients exited with ${code}`))));
  const seated = heard('seated');
  const job: ReconnectJob = { url: `http://127.0.0.1:${port}`, contestId, hostKey: room.hostKey, deviceTokens };
  child.send(job);
  await Promise.race([seated, exited]);

  // The restart: the server goes, its store is closed and reopened, the log replayed, the port
  // the same. (A benchmark measures real time, so here, unlike in tests, it waits on the clock.)
  const phonesBack = heard('phonesBack');
  const hostBack = heard('hostBack');
  await app.close();
  store.close();
  await wait(DOWN_MS);
  store = openStore(file);
  const second = serve(store);
  app = second.app;
  // As server/main.ts does: the contest is replayed before the server listens.
  app.contests.get(contestId);
  const back = allSeated(app, contestId);
  await second.listen(port);
  const listening = performance.now();
  await Promise.race([back, exited]);
  const ms = performance.now() - listening;
  const phonesMs = (await Promise.race([phonesBack, exited])) - listening;
  const hostMs = (await Promise.race([hostBack, exited])) - listening;

  child.kill();
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { name: 'reconnect-1000', seats: SEATS, down_ms: DOWN_MS, ms: Math.round(ms), phones_ms: Math.round(phonesMs), host_ms: Math.round(hostMs) };
}
