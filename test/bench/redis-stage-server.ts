// Child process of the redis-audience benchmark: one server process with --redis on the shared
// SQLite file, on the real clock, its event loop watched. The one told to creates the contests
// and owns them; another serves its pages through Redis.
//
//   clients('./redis-stage-server.ts', { dbFile, redisUrl, contests, questions })   (stage.ts)
//
// Messages: child → parent { kind: 'ready', url, contests: [{ contestId, hostKey, joinCodes }], owner };
// parent → child { kind: 'reset' } (the loop's figures and CPU time) and { kind: 'report' } →
// { kind: 'loop', max_block_ms, cpu_ms, stand_ins, sockets }.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { ScaleOut } from '../../server/scale/scale-out.js';
import { openStore } from '../../server/storage/store.js';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { definition } from '../support/definitions.js';
import { maxBlockMs } from './stage.js';

export interface RedisStageJob {
  dbFile: string;
  redisUrl: string;
  /** Contests this process creates and owns (none: it serves the others' through Redis). */
  contests: number;
  questions: number;
}

// The process went away: so does this server.
process.on('disconnect', () => process.exit(0));

async function serve(job: RedisStageJob): Promise<void> {
  const store = openStore(job.dbFile);
  const scale = await ScaleOut.connect(job.redisUrl, { log: () => {} });
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1', log: () => {}, scale, audienceProcess: true });
  await app.audience?.started;
  // Judged by arrival, as the single-process audience benchmarks are.
  const rules = { fairness: { ...DEFAULT_FAIRNESS, mode: 'arrival' as const } };
  const ids = Array.from({ length: job.contests }, () => app.contests.create(definition({ seats: 10, questions: job.questions, rules })));
  const owned = await Promise.all(ids.map((id) => scale.claim(id)));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();

  let cpuSince = process.cpuUsage();
  process.on('message', (message: { kind?: 'reset' | 'report' }) => {
    if (message.kind === 'reset') {
      cpuSince = process.cpuUsage();
      return loop.reset();
    }
    if (message.kind !== 'report') return;
    const cpu = process.cpuUsage(cpuSince);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    process.send?.({ kind: 'loop', max_block_ms: maxBlockMs(loop), cpu_ms: cpuMs, stand_ins: scale.standIns, sockets: app.io.sockets.sockets.size, owns: ids.every((id) => scale.owns(id)) });
  });

  app.http.listen(0, '127.0.0.1', 50_000, () => {
    const contests = ids.map((contestId) => ({
      contestId,
      hostKey: app.contests.get(contestId)?.hostKey ?? '',
      joinCodes: store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [],
    }));
    process.send?.({ kind: 'ready', url: `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`, contests, owner: owned.every(Boolean) });
  });
}

process.once('message', (job: RedisStageJob) => {
  serve(job).catch((error: unknown) => process.send?.({ error: String(error) }));
});
