// Fairness of the buzz: 10,000 modelled races per profile and gap, judged by our arbiter, by
// arrival order and by a fixed-window arbiter on the same presses (test/fairness/).
import { PROFILES, rngFrom } from '../fairness/model.js';
import { ARBITERS, runRaces } from '../fairness/simulate.js';
import { percentile, type BenchResult } from './stats.js';

export const RACES = 10_000;
const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

export function fairness(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const profile of ['good-wifi', 'power-save', 'lte']) {
    for (const gap of [20, 50]) {
      const s = runRaces(rngFrom(`bench/${profile}/${gap}`), PROFILES[profile], gap, RACES);
      for (const arbiter of ARBITERS) {
        results.push({ name: 'fairness', profile, min_gap_ms: gap, arbiter, races: RACES, accuracy: round(s.accuracy[arbiter]) });
      }
      if (gap === 20) {
        const delays = [...s.announceDelays.qiangda].sort((a, b) => a - b);
        results.push({ name: 'announce-delay', profile, median_ms: round(percentile(delays, 50), 1), p99_ms: round(percentile(delays, 99), 1) });
        results.push({ name: 'forgery-gain', profile, max_ms: round(s.maxForgeryGainMs, 1) });
      }
    }
  }
  return results;
}
