// The audience at scale (issue 15's bars): buzz-to-lock beside 10,000 audience sockets, the heap
// an audience socket costs, a scoreboard update reaching all of them, and likes absorbed while
// phones race. The server runs in this process and its event loop is watched; audiences and
// phones run in child processes, on loopback.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { setTimeout as wait } from 'node:timers/promises';
import { AUDIENCE_PATH } from '../../shared/audience-route.js';
import type { AudienceJob } from './audience-clients.js';
import { DEFAULT_LIKE_RATES, type LikeRates } from '../../server/audience/likes.js';
import { DEFAULT_AUDIENCE_PROCESSES } from '../../server/audience/audience-process.js';
import { clients, maxBlockMs, openStage, type Clients, type Stage, type StagedContest } from './stage.js';
import { summarise, type BenchResult } from './stats.js';

export const VIEWERS = 10_000;
export const MEMORY_SOCKETS = 20_000;
/** Sockets per audience process: a client process parses every update each of its sockets gets. */
const PER_PROCESS = 5_000;
const RACES = 300;
const WARMUP = 10;
const FANOUT_UPDATES = 10;
const LIKES_PER_S = 50_000;
/** Viewers tapping: 2,000 at 25 likes a second each, inside the per-socket limit (30 a second). */
const LIKE_SENDERS = 2000;
/** They all come from 127.0.0.1 here, where in the field they come from thousands of addresses:
 * the per-address limit is lifted for this benchmark, the per-socket one kept. */
const LIKE_RATES: LikeRates = { ...DEFAULT_LIKE_RATES, perAddress: { burst: 1e9, perSecond: 1e9 } };

/** Scaled down with `--scale=0.1` while developing; the audience role can be stood in for by the
 * screen's (`--audience-role=screen`), as the first figures were; `--audience=in-process`
 * serves it from the stage's process (as with --redis) instead of the audience process. */
export interface AudienceOptions {
  scale: number;
  role: AudienceJob['role'];
  inProcess: boolean;
}

/** The audience has its own process unless told otherwise (the screen stand-in never does). */
const ownProcess = (o: AudienceOptions) => o.role === 'audience' && !o.inProcess;

const scaled = (n: number, o: AudienceOptions) => Math.max(1, Math.round(n * o.scale));

/** Connects `count` audience sockets to the contest, spread over processes of PER_PROCESS. */
async function audience(stage: Stage, contest: StagedContest, count: number, o: AudienceOptions): Promise<{ processes: Clients[]; connected: number }> {
  const processes: Clients[] = [];
  const job = { url: stage.url, contestId: contest.contestId, role: o.role, ...(ownProcess(o) && { path: AUDIENCE_PATH }) };
  for (let left = count; left > 0; left -= PER_PROCESS) {
    processes.push(clients('./audience-clients.ts', { ...job, count: Math.min(PER_PROCESS, left) } satisfies AudienceJob, { elsewhere: true }));
  }
  const ready = await Promise.all(processes.map((p) => p.next<{ connected: number; failed: number }>('ready')));
  return { processes, connected: ready.reduce((sum, r) => sum + r.connected, 0) };
}

const closeAll = async (processes: Clients[]) => {
  for (const p of processes) p.send({ kind: 'close' });
  await wait(500);
  for (const p of processes) p.kill();
};

/** Buzz-to-lock samples (ms) of `races` races on `contest`, by the buzz-to-lock benchmark's clients. */
async function race(stage: Stage, contest: StagedContest, races: number): Promise<number[]> {
  const phones = clients('./buzz-clients.ts', { url: stage.url, ...contest, races, warmup: WARMUP });
  const { samples } = await phones.next<{ samples: number[] }>('result').finally(() => phones.kill());
  return samples;
}

function stageFor(contests: number, o: AudienceOptions, likeRates?: LikeRates): Promise<Stage> {
  // Judged by arrival, as the figures were: the lock follows the press at once.
  return openStage({ contests, seats: 10, questions: RACES + WARMUP + 1, mode: 'arrival', audienceProcess: ownProcess(o), ...(likeRates && { likeRates }) });
}

export async function audienceBuzz(o: AudienceOptions): Promise<BenchResult> {
  const stage = await stageFor(2, o);
  const races = scaled(RACES, o);
  try {
    const none = summarise(await race(stage, stage.contests[0], races));
    const { processes, connected } = await audience(stage, stage.contests[1], scaled(VIEWERS, o), o);
    stage.loop.reset();
    const watched = summarise(await race(stage, stage.contests[1], races));
    const block = maxBlockMs(stage.loop);
    await closeAll(processes);
    return { name: 'audience-buzz', viewers: connected, p99_ms: watched.p99_ms, ratio: Math.round((watched.p99_ms / none.p99_ms) * 100) / 100, max_block_ms: block, p50_ms: watched.p50_ms, none_p99_ms: none.p99_ms, role: o.role, audience: ownProcess(o) ? 'own-process' : 'in-process' };
  } finally {
    await stage.close();
  }
}

/** A full collection, so heap figures count what is held, not garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function audienceMemory(o: AudienceOptions): Promise<BenchResult> {
  const stage = await stageFor(1, o);
  try {
    // The heap of the process that holds the viewers: the audience process, or this one.
    const heap = async () => {
      if (stage.app.audience) return (await stage.app.audience.stats(true)).heapUsed;
      collect();
      return process.memoryUsage().heapUsed;
    };
    const before = await heap();
    const { processes, connected } = await audience(stage, stage.contests[0], scaled(MEMORY_SOCKETS, o), o);
    await wait(1000);
    const after = await heap();
    await closeAll(processes);
    return { name: 'audience-memory', sockets: connected, kib_per_socket: Math.round(((after - before) / 1024 / connected) * 10) / 10, processes: stage.app.audience ? DEFAULT_AUDIENCE_PROCESSES : 1, role: o.role, audience: ownProcess(o) ? 'own-process' : 'in-process' };
  } finally {
    await stage.close();
  }
}

export async function audienceFanout(o: AudienceOptions): Promise<BenchResult> {
  const stage = await stageFor(1, o);
  try {
    const contest = stage.contests[0];
    const { processes, connected } = await audience(stage, contest, scaled(VIEWERS, o), o);
    const room = stage.app.contests.get(contest.contestId);
    for (const p of processes) p.send({ kind: 'measure' });
    // A scoreboard update each second: the host corrects a score, every page hears of it.
    for (let i = 0; i < FANOUT_UPDATES; i++) {
      const done = room?.submit({ type: 'score:adjust', seatId: 's1', delta: 1, reason: 'bench' });
      if (!done?.ok) throw new Error(`score:adjust refused: ${done && !done.ok ? done.error : 'no room'}`);
      await wait(1000);
    }
    const reports = await Promise.all(processes.map((p) => (p.send({ kind: 'report' }), p.next<{ samples: number[] }>('samples'))));
    await closeAll(processes);
    const samples = reports.flatMap((r) => r.samples);
    const reached = summarise(samples);
    return { name: 'audience-fanout', viewers: connected, p99_ms: reached.p99_ms, p50_ms: reached.p50_ms, updates: FANOUT_UPDATES, received: samples.length, expected: FANOUT_UPDATES * connected, role: o.role, audience: ownProcess(o) ? 'own-process' : 'in-process' };
  } finally {
    await stage.close();
  }
}

export async function likes(o: AudienceOptions): Promise<BenchResult> {
  const stage = await stageFor(2, o, LIKE_RATES);
  const races = scaled(RACES, o);
  try {
    const quiet = summarise(await race(stage, stage.contests[0], races));
    // The likers watch the other contest of the same process: two thousand simulated viewers parsing
    // every update of the racing one would take this box's CPU from the phones (in the field they
    // are other people's phones). Their likes cost the process the same.
    const { processes } = await audience(stage, stage.contests[0], LIKE_SENDERS, { ...o, role: 'audience' });
    const [likers] = processes;
    const racing = race(stage, stage.contests[1], races);
    // Likes for as long as the phones race.
    let stop = false;
    const liked: Array<{ likes: number; seconds: number; total: number }> = [];
    const liking = (async () => {
      while (!stop) {
        likers.send({ kind: 'likes', perSecond: LIKES_PER_S, seconds: 5, senders: LIKE_SENDERS });
        liked.push(await likers.next('liked'));
      }
    })();
    const busy = summarise(await racing);
    stop = true;
    await liking;
    await closeAll(processes);
    const sent = liked.reduce((s, l) => s + l.likes, 0);
    const seconds = liked.reduce((s, l) => s + l.seconds, 0);
    return { name: 'likes', per_s: Math.round(sent / seconds), buzz_p99_delta_ms: Math.round((busy.p99_ms - quiet.p99_ms) * 1000) / 1000, buzz_p99_ms: busy.p99_ms, quiet_p99_ms: quiet.p99_ms, sent, total_seen: liked.at(-1)?.total ?? 0 };
  } finally {
    await stage.close();
  }
}
