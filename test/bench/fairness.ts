// Fairness of the buzz in the in-memory model: 10,000 modelled races per profile and gap, judged
// by our arbiter, by arrival order and by a fixed-window arbiter on the same presses
// (test/fairness/). Good Wi-Fi at the strict default; slower links at both settings, since the
// strict credit is meant to judge them close to arrival order (see README, Fair buzzing).
import { DEFAULT_FAIRNESS, LENIENT_FAIRNESS, type Fairness } from '../../shared/contest/arbiter.js';
import { PROFILES, rngFrom } from '../fairness/model.js';
import { ARBITERS, runRaces } from '../fairness/simulate.js';
import { percentile, type BenchResult } from './stats.js';

export const RACES = 10_000;
const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;
const SETTINGS: Record<string, Fairness> = { default: DEFAULT_FAIRNESS, lenient: LENIENT_FAIRNESS };
const RUNS: [profile: string, setting: string][] = [
  ['good-wifi', 'default'],
  ['power-save', 'default'],
  ['power-save', 'lenient'],
  ['lte', 'default'],
  ['lte', 'lenient'],
];

export function fairness(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [profile, setting] of RUNS) {
    for (const gap of [20, 50]) {
      const s = runRaces(rngFrom(`bench/${profile}/${gap}`), PROFILES[profile], gap, RACES, SETTINGS[setting]);
      for (const arbiter of ARBITERS) {
        results.push({ name: 'fairness', setting, profile, min_gap_ms: gap, arbiter, races: RACES, accuracy: round(s.accuracy[arbiter]) });
      }
      if (gap === 20) {
        const delays = [...s.announceDelays.qiangda].sort((a, b) => a - b);
        results.push({ name: 'announce-delay', setting, profile, median_ms: round(percentile(delays, 50), 1), p99_ms: round(percentile(delays, 99), 1) });
        results.push({ name: 'forgery-gain', setting, profile, max_ms: round(s.maxForgeryGainMs, 1) });
      }
    }
  }
  return results;
}
