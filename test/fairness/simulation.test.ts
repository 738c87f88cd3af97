// The arbiter in a deterministic model of a hall's network: thousands of races with known true
// press times (RULES.md P1-P6). Seeded, so every run sees the same races.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS, decisionTime, isFalseStart, judgePress, pickWinner } from '../../shared/contest/arbiter.js';
import { ClockSync } from '../../shared/fairness/clock-sync.js';
import { LinkMeter } from '../../shared/fairness/link-meter.js';
import { PROFILES, rngFrom } from './model.js';
import { runRaces, type Summary } from './simulate.js';

const RACES = 1500;
const cache = new Map<string, Summary>();
function races(profile: string, gap: number): Summary {
  const key = `${profile}/${gap}`;
  if (!cache.has(key)) cache.set(key, runRaces(rngFrom(key), PROFILES[profile], gap, RACES));
  return cache.get(key) as Summary;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

describe('[P1] clock sync keeps the fastest round trips', () => {
  it('[P1] a delayed probe does not move the estimate', () => {
    const sync = new ClockSync();
    // Phone clock is 5000 ms ahead of the server... so server = local - 5000.
    sync.add({ sentLocal: 10_000, receivedLocal: 10_020, serverAt: 5_010 });
    expect(sync.estimate()).toEqual({ offsetMs: -5000, errorMs: 10, rttMs: 20, samples: 1 });
    sync.add({ sentLocal: 11_000, receivedLocal: 11_300, serverAt: 6_280 }); // 280 ms stuck on the way back
    expect(sync.estimate()?.offsetMs).toBe(-5000);
    expect(sync.toServer(12_000)).toBe(7_000);
  });
});

describe('[P2] claimed press times are trusted only within the link', () => {
  const link = { oneWayMs: 20, errorMs: 1, syncErrorMs: 10 };
  it.each([
    ['an honest claim inside the bound is kept', 990, 990],
    ['a claim later than arrival is arrival', 1010, 1000],
    ['a claim earlier than the link allows is clamped to bound + margin', 0, 1000 - 20 - DEFAULT_FAIRNESS.marginMs],
  ])('[P2] %s', (_, claimedAt, at) => {
    expect(judgePress({ arrivalAt: 1000, claimedAt, link }, DEFAULT_FAIRNESS).at).toBe(at);
  });
  it('[P2] in arrival mode, or with no measured link, arrival decides', () => {
    expect(judgePress({ arrivalAt: 1000, claimedAt: 900, link }, { ...DEFAULT_FAIRNESS, mode: 'arrival' }).at).toBe(1000);
    expect(judgePress({ arrivalAt: 1000, claimedAt: 900, link: null }, DEFAULT_FAIRNESS).at).toBe(1000);
  });
});

describe('[P4][P5] grace window and near-ties', () => {
  it('[P4] waits for the slowest armed link, never past the cap; arrival mode does not wait', () => {
    const links = [{ oneWayMs: 10, errorMs: 1, syncErrorMs: 5 }, { oneWayMs: 40, errorMs: 1, syncErrorMs: 20 }];
    expect(decisionTime(1000, 985, links, DEFAULT_FAIRNESS)).toBe(985 + 40 + DEFAULT_FAIRNESS.marginMs);
    expect(decisionTime(1000, 985, [null], DEFAULT_FAIRNESS)).toBe(1000 + DEFAULT_FAIRNESS.graceCapMs);
    expect(decisionTime(1000, 985, links, { ...DEFAULT_FAIRNESS, mode: 'arrival' })).toBe(1000);
  });
  it('[P5] the earliest press wins; inside the error a near-tie goes to the earlier arrival', () => {
    const c = (seatId: string, arrivalAt: number, at: number, errorMs = 1) => ({ seatId, arrivalAt, judged: { at, errorMs, worstErrorMs: 5 } });
    expect(pickWinner([c('a', 1030, 1000), c('b', 1010, 1005)])?.winner.seatId).toBe('a');
    expect(pickWinner([c('a', 1030, 1000, 4), c('b', 1010, 1003)])?.winner.seatId).toBe('b');
    expect(pickWinner([c('a', 1030, 1000), c('b', 1010, 1005)])).toMatchObject({ runnerUp: { seatId: 'b' }, nearTie: false });
    expect(pickWinner([c('a', 1030, 1000, 4), c('b', 1010, 1003)])?.nearTie).toBe(true);
  });
});

describe('[P6] false starts on press time', () => {
  it('[P6] a press clearly before opening is a false start; one inside its error is not', () => {
    const judged = (at: number) => ({ at, errorMs: 1, worstErrorMs: 10 });
    expect(isFalseStart(judged(1000 - 10 - DEFAULT_FAIRNESS.marginMs - 1), 1000, DEFAULT_FAIRNESS)).toBe(true);
    expect(isFalseStart(judged(995), 1000, DEFAULT_FAIRNESS)).toBe(false);
  });
});

describe('[P1-P6] thousands of modelled races', () => {
  it.each([
    ['good-wifi', 20, 0.995],
    ['power-save', 50, 0.99],
    ['lte', 50, 0.99],
  ] as const)('%s, presses >= %i ms apart: the right winner in at least %f of races, above arrival order', (profile, gap, bar) => {
    const s = races(profile, gap);
    expect(s.accuracy.qiangda).toBeGreaterThanOrEqual(bar);
    expect(s.accuracy.qiangda).toBeGreaterThanOrEqual(s.accuracy.arrival);
  });

  it('good Wi-Fi: announced within 60 ms of the first buzz (median), never later than the cap', () => {
    const s = races('good-wifi', 20);
    expect(median(s.announceDelays.qiangda)).toBeLessThanOrEqual(60);
    expect(Math.max(...s.announceDelays.qiangda)).toBeLessThanOrEqual(DEFAULT_FAIRNESS.graceCapMs);
  });

  it.each(['good-wifi', 'power-save', 'lte', 'asymmetric'])('%s: false starts only for true early presses', (profile) => {
    expect(races(profile, 50).falseStartsOnHonest).toBe(0);
  });

  it('good Wi-Fi: on a steady link a phone lying about its press time gains at most the margin beyond its jitter (< 10 ms)', () => {
    expect(races('good-wifi', 20).maxForgeryGainMs).toBeLessThan(10);
  });

  it('[P4] on steady links every press earlier than the winner arrives before the decision', () => {
    expect(races('good-wifi', 20).lateEarlierPresses.qiangda).toBe(0);
    expect(races('lte', 50).lateEarlierPresses.qiangda).toBe(0);
  });

  it('[P3] a link meter that saw only steady trips trusts a tight window; a spiky one a wide window', () => {
    const steady = new LinkMeter();
    const spiky = new LinkMeter();
    for (let i = 0; i < 20; i++) {
      steady.add(40 + (i % 3));
      spiky.add(i % 4 === 0 ? 340 : 40);
    }
    expect(steady.bound()?.oneWayMs).toBeLessThan(25);
    expect(spiky.bound()?.oneWayMs).toBeGreaterThanOrEqual(300);
  });
});
