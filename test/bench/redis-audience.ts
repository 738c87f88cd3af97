// Two server processes sharing one audience through Redis (issue 15's bar): the contest owned by
// process A with the stage's phones, host and screens on A, an audience spread over A and B. The
// stage's buzz-to-lock p99 with the audience over its p99 with none, on the same two processes.
// It needs Debian's `redis-server`, started here; without it, it says so in its line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import type { AudienceJob } from './audience-clients.js';
import { AUDIENCE_PATH } from '../../shared/audience-route.js';
import type { RedisStageJob } from './redis-stage-server.js';
import { clients, type Clients } from './stage.js';
import { summarise, type BenchResult } from './stats.js';
import { hasRedisServer, spawnRedis } from '../support/redis-server.js';

export const VIEWERS = 20_000;
/** Sockets per audience client process: each parses every update its sockets get. */
const PER_PROCESS = 5_000;
const RACES = 300;
const WARMUP = 10;

interface StagedContest {
  contestId: string;
  hostKey: string;
  joinCodes: string[];
}

interface Served {
  url: string;
  contests: StagedContest[];
  owner: boolean;
}

interface Loop {
  kind: 'loop';
  max_block_ms: number;
  /** CPU time (user and system) since the last reset. */
  cpu_ms: number;
  stand_ins: number;
  sockets: number;
}

/** `viewers` audience sockets of `contestId` on `server`, in client processes of PER_PROCESS. */
async function audience(server: Served, contestId: string, viewers: number): Promise<{ processes: Clients[]; connected: number }> {
  const processes: Clients[] = [];
  for (let left = viewers; left > 0; left -= PER_PROCESS) {
    processes.push(clients('./audience-clients.ts', { url: server.url, contestId, count: Math.min(PER_PROCESS, left), role: 'audience', path: AUDIENCE_PATH } satisfies AudienceJob, { elsewhere: true }));
  }
  const ready = await Promise.all(processes.map((p) => p.next<{ connected: number }>('ready')));
  return { processes, connected: ready.reduce((sum, r) => sum + r.connected, 0) };
}

/** Buzz-to-lock samples (ms) of the buzz-to-lock benchmark's phones, host and screens on `server`. */
async function race(server: Served, contest: StagedContest, races: number): Promise<number[]> {
  const phones = clients('./buzz-clients.ts', { url: server.url, ...contest, races, warmup: WARMUP });
  const { samples } = await phones.next<{ samples: number[] }>('result').finally(() => phones.kill());
  return samples;
}

/** `--scale=0.25` shrinks the audience and the races while developing on a shared machine. */
export async function redisAudience(o: { scale: number }): Promise<BenchResult> {
  const viewers = Math.max(2, Math.round(VIEWERS * o.scale));
  if (!hasRedisServer()) return { name: 'redis-audience', processes: 2, viewers, skipped: 'redis-server not found (apt-get install redis-server)' };
  const races = Math.max(1, Math.round(RACES * o.scale));
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-redis-'));
  let redis: ChildProcess | null = null;
  const started: Clients[] = [];
  try {
    const { url } = await spawnRedis(undefined, (p) => (redis = p));
    const job: RedisStageJob = { dbFile: join(dir, 'bench.db'), redisUrl: url, contests: 2, questions: races + WARMUP + 1 };
    // A first: it creates the contests (one raced without an audience, one with) and owns them;
    // then B, which serves its pages through Redis.
    const serverA = clients('./redis-stage-server.ts', job, { stage: true });
    started.push(serverA);
    const a = await serverA.next<Served>('ready');
    const serverB = clients('./redis-stage-server.ts', { ...job, contests: 0 }, { stage: true });
    started.push(serverB);
    const b = await serverB.next<Served>('ready');
    if (!a.owner) throw new Error('process A should own the contests');
    const [quiet, watchedContest] = a.contests;

    const none = summarise(await race(a, quiet, races));
    const onA = await audience(a, watchedContest.contestId, Math.floor(viewers / 2));
    const onB = await audience(b, watchedContest.contestId, viewers - Math.floor(viewers / 2));
    started.push(...onA.processes, ...onB.processes);
    await wait(1000);
    for (const p of [...onA.processes, ...onB.processes]) p.send({ kind: 'measure' });
    serverA.send({ kind: 'report' });
    const before = await serverA.next<Loop>('loop');
    serverA.send({ kind: 'reset' });
    const watched = summarise(await race(a, watchedContest, races));
    serverA.send({ kind: 'report' });
    const loopA = await serverA.next<Loop>('loop');
    // How long each update took to reach the viewers of each process, from A's stamp.
    const reach = async (processes: Clients[]) => {
      const reports = await Promise.all(processes.map((p) => (p.send({ kind: 'report' }), p.next<{ samples: number[] }>('samples'))));
      return summarise(reports.flatMap((r) => r.samples));
    };
    const [reachA, reachB] = [await reach(onA.processes), await reach(onB.processes)];
    return {
      name: 'redis-audience',
      processes: 2,
      viewers: onA.connected + onB.connected,
      ratio: Math.round((watched.p99_ms / none.p99_ms) * 100) / 100,
      p99_ms: watched.p99_ms,
      none_p99_ms: none.p99_ms,
      p50_ms: watched.p50_ms,
      max_block_ms_a: loopA.max_block_ms,
      // The owner's CPU per race while the audience watched.
      cpu_ms_per_race_a: Math.round((loopA.cpu_ms / races) * 100) / 100,
      viewers_a: onA.connected,
      viewers_b: onB.connected,
      owner_stand_ins: loopA.stand_ins,
      // A's own pages before and after the races: fewer after means viewers dropped and came back.
      owner_sockets_before: before.sockets,
      owner_sockets_after: loopA.sockets,
      reach_p99_ms_a: reachA.p99_ms,
      reach_p99_ms_b: reachB.p99_ms,
      updates_b: reachB.samples,
      races,
    };
  } finally {
    for (const p of started) p.send({ kind: 'close' });
    await wait(500);
    for (const p of started) p.kill();
    (redis as ChildProcess | null)?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
