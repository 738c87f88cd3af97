// `npm run bench`: runs every benchmark and prints one JSON object per benchmark, last.
import { answerAllAtOnce } from './answer-all-at-once.js';
import { buzzToLock } from './buzz-to-lock.js';
import { durableAppend, replay100k } from './durability.js';
import { fairness } from './fairness.js';
import type { BenchResult } from './stats.js';

const benchmarks: Array<() => Promise<BenchResult>> = [() => buzzToLock('arrival'), () => buzzToLock('press-time'), answerAllAtOnce];

const results: BenchResult[] = [...fairness(), replay100k(), durableAppend()];
for (const bench of benchmarks) results.push(await bench());
for (const result of results) console.log(JSON.stringify(result));
process.exit(0);
