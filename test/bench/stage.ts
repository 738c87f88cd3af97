// What the audience and many-contest benchmarks share: a real server in this process (real
// clock, durable SQLite file store) whose event loop is watched, and client processes to drive it.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, performance, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../server/app.js';
import type { LikeRates } from '../../server/audience/likes.js';
import { DEFAULT_AUDIENCE_PROCESSES } from '../../server/audience/audience-process.js';
import { idleClass } from '../../server/audience/idle-class.js';
import { realClock } from '../../server/clock.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { DEFAULT_FAIRNESS, type Fairness } from '../../shared/contest/arbiter.js';
import { definition } from '../support/definitions.js';
import { HEAP_FLAGS } from '../../server/setup/heap.js';

export interface StagedContest {
  contestId: string;
  hostKey: string;
  joinCodes: string[];
}

export interface Stage {
  url: string;
  app: App;
  contests: StagedContest[];
  /** The stage process's event loop, sampled every few milliseconds; reset it to measure a span. */
  loop: IntervalHistogram;
  close(): Promise<void>;
}

/** Starts a server with `contests` contests of `seats` seats and `questions` buzz questions. */
export async function openStage(options: { contests?: number; seats: number; questions: number; mode?: Fairness['mode']; audienceProcess?: boolean; likeRates?: LikeRates }): Promise<Stage> {
  // As many audience processes as `npm start` runs on this machine.
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store: Store = openStore(join(dir, 'bench.db'));
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1', log: () => {}, audienceProcess: options.audienceProcess ?? false, audienceProcesses: DEFAULT_AUDIENCE_PROCESSES, ...(options.likeRates && { likeRates: options.likeRates }) });
  await app.audience?.started;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', 50_000, resolve));
  const url = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
  const rules = { fairness: { ...DEFAULT_FAIRNESS, mode: options.mode ?? DEFAULT_FAIRNESS.mode } };
  const contests = Array.from({ length: options.contests ?? 1 }, () => {
    const contestId = app.contests.create(definition({ seats: options.seats, questions: options.questions, rules }));
    const joinCodes = store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [];
    return { contestId, hostKey: app.contests.get(contestId)?.hostKey ?? '', joinCodes };
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  return {
    url,
    app,
    contests,
    loop,
    async close() {
      loop.disable();
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the stage process spent over a span: its CPU (all its threads: the event loop, V8's
 * collector threads, the log's syncs) as a share of one core, and its full garbage collections
 * (the pause at the end of each; their marking also runs beside the loop). A tail that follows
 * the collections or a process near 100% is load, not a wait in the code. */
export function watchLoad(): { stop(): { cpu_pct: number; major_gcs: number; gc_pause_max_ms: number } } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.push(entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      const used = process.cpuUsage(cpu);
      const wallUs = (performance.now() - started) * 1000;
      return {
        cpu_pct: Math.round(((used.user + used.system) / wallUs) * 100),
        major_gcs: pauses.length,
        gc_pause_max_ms: Math.round(Math.max(0, ...pauses) * 10) / 10,
      };
    },
  };
}

/** The longest event-loop block the histogram saw, in ms (it records delays in ns). */
export const maxBlockMs = (loop: IntervalHistogram) => Math.round(loop.max / 1e4) / 100;

/** A benchmark client process, talking by messages: `next` resolves at its next message of a kind. */
export interface Clients {
  send(message: object): void;
  next<T extends object>(kind: string): Promise<T>;
  kill(): void;
}

/** The lowest niceness. */
const ELSEWHERE_NICENESS = 19;

/** `elsewhere`: the clients stand for people on other machines (viewers): at nice 19 and, on
 * Linux, in the idle class (server/audience/idle-class.ts), so that on this one 2-core box their
 * parsing takes only CPU the servers and the phones leave. At nice 19 alone, the kernel let them
 * finish their time slice before the stage, woken by a press, got the CPU.
 * `stage`: the process is a server, run as `npm start` runs one. */

export function clients(file: string, job: object, options: { elsewhere?: boolean; stage?: boolean } = {}): Clients {
  const child: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096', ...(options.stage ? HEAP_FLAGS : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, Array<(m: object) => void>>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const [, list] of waiting) for (const resolve of list) resolve({ error: String(error) });
    waiting.clear();
  };
  // A message without a kind is a client's one result (as buzz-clients.ts sends it).
  child.on('message', (m: { kind?: string; error?: string }) => {
    if (m.error) return fail(new Error(m.error));
    const list = waiting.get(m.kind ?? 'result');
    list?.shift()?.(m);
  });
  child.on('exit', (code) => code && fail(new Error(`bench clients ${file} exited with ${code}`)));
  if (options.elsewhere && child.pid) {
    setPriority(child.pid, ELSEWHERE_NICENESS);
    // Said, not hidden: without it the figures are not comparable with those in the README.
    void idleClass(child.pid).then((why) => why && console.error(`bench: viewers' clients at nice 19 only, not in the idle class: ${why}`));
  }
  child.send(job);
  return {
    send: (message) => child.send(message),
    next<T extends object>(kind: string): Promise<T> {
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const list = waiting.get(kind) ?? [];
        list.push((m) => ('error' in m ? reject(new Error(String(m.error))) : resolve(m as T)));
        waiting.set(kind, list);
      });
    },
    kill: () => child.kill(),
  };
}
