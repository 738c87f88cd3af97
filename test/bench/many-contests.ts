// Many contests on one process (issue 15's bar): 200 contests of 10 seats, each buzzing every
// 2 s; the figure is the phones' buzz acknowledgement, press to ack, p99. Before the link book
// kept figures per contest, half the CPU went to scanning every phone of every contest.
import type { ManyContestsJob } from './many-contests-clients.js';
import { clients, maxBlockMs, openStage, watchLoad } from './stage.js';
import { summarise, type BenchResult } from './stats.js';

export const CONTESTS = 200;
export const SEATS = 10;
const CYCLES = 25;
const WARMUP = 3;
const CYCLE_MS = 2000;
const PROCESSES = 2;

export async function manyContests(o: { scale: number }): Promise<BenchResult> {
  const count = Math.max(1, Math.round(CONTESTS * o.scale));
  // Judged by press time, the default: every press reads the links of its contest's phones.
  const stage = await openStage({ contests: count, seats: SEATS, questions: CYCLES + WARMUP + 2 });
  try {
    const share = Math.ceil(count / PROCESSES);
    const processes = Array.from({ length: PROCESSES }, (_, i) => stage.contests.slice(i * share, (i + 1) * share))
      .filter((contests) => contests.length)
      .map((contests) => clients('./many-contests-clients.ts', { url: stage.url, contests, cycles: CYCLES, warmup: WARMUP, cycleMs: CYCLE_MS } satisfies ManyContestsJob));
    stage.loop.reset();
    const load = watchLoad();
    const reports = await Promise.all(processes.map((p) => p.next<{ acks: number[]; lost: number; dropped: number }>('acks')));
    const block = maxBlockMs(stage.loop);
    const spent = load.stop();
    for (const p of processes) p.kill();
    const acks = summarise(reports.flatMap((r) => r.acks));
    return { name: 'many-contests', contests: count, seats: SEATS, ack_p99_ms: acks.p99_ms, ack_p50_ms: acks.p50_ms, presses: acks.samples, lost: reports.reduce((n, r) => n + r.lost, 0), dropped: reports.reduce((n, r) => n + r.dropped, 0), max_block_ms: block, stage_cpu_pct: spent.cpu_pct, major_gcs: spent.major_gcs, gc_pause_max_ms: spent.gc_pause_max_ms };
  } finally {
    await stage.close();
  }
}
