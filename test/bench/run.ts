// `npm run bench`: runs every benchmark and prints one JSON object per result, last.
// `npm run bench -- reconnect-1000 durable-append`: runs only the benchmarks named.
// `--scale=0.1` shrinks the audience and many-contest benchmarks while developing;
// `--audience-role=screen` lets the screen's sockets stand in for an audience;
// `--audience=in-process` serves the audience from the stage's process, as with --redis.
import { audienceBuzz, audienceFanout, audienceMemory, likes, type AudienceOptions } from './audience.js';
import { manyContests } from './many-contests.js';
import { redisAudience } from './redis-audience.js';
import { answerAllAtOnce } from './answer-all-at-once.js';
import { buzzToLock } from './buzz-to-lock.js';
import { durableAppend, replay100k } from './durability.js';
import { fairness } from './fairness.js';
import { fairnessE2e } from './fairness-e2e.js';
import { hostileUploads } from './hostile-uploads.js';
import { deadPhone } from './dead-phone.js';
import { reconnect1000 } from './reconnect.js';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from './stats.js';
import { HEAP_FLAGS } from '../../server/setup/heap.js';

// The stage of most benchmarks runs in this process: with the server's own heap settings.
const nodeFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
if (!HEAP_FLAGS.every((flag) => nodeFlags.includes(flag))) {
  console.error(`bench: run as npm run bench does (node ${HEAP_FLAGS.join(' ')}), or the stage's figures are not the server's`);
}
const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const role = option('audience-role') ?? 'audience';
if (role !== 'audience' && role !== 'screen') throw new Error('--audience-role is audience or screen');
const scale = Number(option('scale') ?? 1);
if (!(scale > 0)) throw new Error('--scale is a number above 0');
const audience: AudienceOptions = { scale, role, inProcess: option('audience') === 'in-process' };

const benchmarks: Array<[string, () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>]> = [
  ['fairness', fairness],
  ['fairness-e2e', fairnessE2e],
  ['replay-100k', replay100k],
  ['durable-append', durableAppend],
  ['buzz-to-lock', () => buzzToLock('arrival')],
  ['buzz-to-lock', () => buzzToLock('press-time')],
  ['answer-all-at-once', answerAllAtOnce],
  ['reconnect-1000', reconnect1000],
  ['dead-phone', deadPhone],
  ['hostile-uploads', hostileUploads],
  ['audience-buzz', () => audienceBuzz(audience)],
  ['audience-memory', () => audienceMemory(audience)],
  ['audience-fanout', () => audienceFanout(audience)],
  ['likes', () => likes(audience)],
  ['many-contests', () => manyContests({ scale })],
  ['redis-audience', () => redisAudience({ scale })],
];

const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((name) => !benchmarks.some(([n]) => n === name));
if (unknown.length) throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${[...new Set(benchmarks.map(([n]) => n))].join(', ')}`);

const results: BenchResult[] = [];
for (const [name, bench] of benchmarks) {
  if (only.length && !only.includes(name)) continue;
  // One benchmark failing (a client process dropped by a blocked server) leaves the others' lines.
  const started = performance.now();
  try {
    results.push(...[await bench()].flat());
  } catch (error) {
    results.push({ name, error: String(error) });
  }
  console.error(`${name}: ${Math.round((performance.now() - started) / 1000)} s`);
}
for (const result of results) console.log(JSON.stringify(result));
process.exit(0);
