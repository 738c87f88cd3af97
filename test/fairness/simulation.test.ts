// The arbiter in a deterministic model of a hall's network: thousands of races with known true
// press times (RULES.md P1-P9). Seeded, so every run sees the same races.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS, FALSE_START_SLACK_MS, LENIENT_FAIRNESS, MAX_NOISE_MS, decisionTime, isFalseStart, judgePress, pickWinner, type Fairness } from '../../shared/contest/arbiter.js';
import { ClockSync } from '../../shared/fairness/clock-sync.js';
import { LinkMeter } from '../../shared/fairness/link-meter.js';
import { PROFILES, rngFrom } from './model.js';
import { runRaces, type Summary } from './simulate.js';

const RACES = 1500;
const cache = new Map<string, Summary>();
// Good Wi-Fi is judged at the strict default; links slower than its credit (power-saving phones,
// mobile data) need the lenient setting, as the lobby's link check tells the host (P8).
const SETTING: Record<string, Fairness> = { 'good-wifi': DEFAULT_FAIRNESS, 'power-save': LENIENT_FAIRNESS, lte: LENIENT_FAIRNESS, asymmetric: LENIENT_FAIRNESS };
function races(profile: string, gap: number): Summary {
  const key = `${profile}/${gap}`;
  if (!cache.has(key)) cache.set(key, runRaces(rngFrom(key), PROFILES[profile], gap, RACES, SETTING[profile]));
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

describe('[P2] a claimed press time earns at most the credit', () => {
  const link = { oneWayMs: 20, errorMs: 1, syncErrorMs: 10 };
  const credit = DEFAULT_FAIRNESS.maxCreditMs;
  it.each([
    ['an honest claim inside the credit is kept', 990, 990, 0],
    ['a claim later than arrival is arrival', 1010, 1000, 0],
    ['a claim earlier than the credit allows is held to it', 0, 1000 - credit, 1000 - credit],
  ])('[P2][P8] %s', (_, claimedAt, at, heldMs) => {
    expect(judgePress({ arrivalAt: 1000, claimedAt, link }, DEFAULT_FAIRNESS)).toMatchObject({ at, heldMs });
  });
  it('[P2] a slow-looking link buys no more credit: the bound does not come from the pings', () => {
    const slowPings = { oneWayMs: 250, errorMs: 40, syncErrorMs: 125 };
    expect(judgePress({ arrivalAt: 1000, claimedAt: 700, link: slowPings }, DEFAULT_FAIRNESS).at).toBe(1000 - credit);
    // Nor a wide noise: a stamp's noise is capped, so it cannot turn every race into a tie.
    expect(judgePress({ arrivalAt: 1000, claimedAt: 990, link: slowPings }, DEFAULT_FAIRNESS).errorMs).toBe(MAX_NOISE_MS);
  });
  it('[P2] in arrival mode, or with no claim, arrival decides', () => {
    expect(judgePress({ arrivalAt: 1000, claimedAt: 990, link }, { ...DEFAULT_FAIRNESS, mode: 'arrival' }).at).toBe(1000);
    expect(judgePress({ arrivalAt: 1000, claimedAt: null, link }, DEFAULT_FAIRNESS).at).toBe(1000);
  });
  it('[P2] contests recorded under rules v1 are still judged within their measured link plus margin', () => {
    const v1 = { mode: 'press-time' as const, marginMs: 2, graceCapMs: 300 };
    expect(judgePress({ arrivalAt: 1000, claimedAt: 0, link }, v1).at).toBe(1000 - 20 - 2);
    expect(decisionTime(1000, 985, [link], v1)).toBe(985 + 20 + 2);
  });
});

describe('[P4][P5] when to decide, and ties', () => {
  it('[P4] decides once a press on its way could only be judged later than the best; never past the cap; arrival mode does not wait', () => {
    const links = [{ oneWayMs: 10, errorMs: 1, syncErrorMs: 5 }, null];
    expect(decisionTime(1000, 985, links, DEFAULT_FAIRNESS)).toBe(985 + DEFAULT_FAIRNESS.maxCreditMs);
    expect(decisionTime(1000, 985, links, { ...DEFAULT_FAIRNESS, maxCreditMs: 400 })).toBe(1000 + DEFAULT_FAIRNESS.graceCapMs);
    expect(decisionTime(1000, 985, links, { ...DEFAULT_FAIRNESS, mode: 'arrival' })).toBe(1000);
  });
  const c = (seatId: string, arrivalAt: number, at: number, errorMs = 1) => ({ seatId, arrivalAt, judged: { at, errorMs, worstErrorMs: 5 } });
  it('[P5] the earliest stamp wins even when its buzz arrived later', () => {
    expect(pickWinner([c('a', 1030, 1000), c('b', 1010, 1003)], DEFAULT_FAIRNESS)).toMatchObject({ winner: { seatId: 'a' }, runnerUp: { seatId: 'b' }, tied: [], decidedBy: 'stamp' });
  });
  it.each([
    ['arrival', 'tie-arrival'],
    ['rebuzz', 'tie-rebuzz'],
    ['host', 'tie-host'],
  ] as const)('[P5] stamps within both noises are a true tie, settled by the tie rule %s', (tieRule, decidedBy) => {
    const picked = pickWinner([c('a', 1030, 1000, 2), c('b', 1010, 1003, 2), c('c', 1005, 1010)], { ...DEFAULT_FAIRNESS, tieRule });
    expect(picked?.tied.map((t) => t.seatId)).toEqual(['a', 'b']);
    expect(picked?.decidedBy).toBe(decidedBy);
    // By arrival, the tie goes to the earlier buzz of the two tied, never to an untied seat.
    expect(picked?.winner.seatId).toBe('b');
  });
});

describe('[P6] false starts on press time', () => {
  it('[P6] a press clearly before opening is a false start; one inside its error is not', () => {
    const judged = (at: number) => ({ at, errorMs: 1, worstErrorMs: 10, heldMs: 0 });
    expect(isFalseStart(judged(1000 - 10 - FALSE_START_SLACK_MS - 1), 1000, DEFAULT_FAIRNESS)).toBe(true);
    expect(isFalseStart(judged(995), 1000, DEFAULT_FAIRNESS)).toBe(false);
  });
});

describe('[P1-P8] thousands of modelled races', () => {
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

  it('[P2] a phone lying about its press time gains less than the credit, however large the lie', () => {
    expect(races('good-wifi', 20).maxForgeryGainMs).toBeLessThan(DEFAULT_FAIRNESS.maxCreditMs);
    expect(races('power-save', 50).maxForgeryGainMs).toBeLessThan(LENIENT_FAIRNESS.maxCreditMs);
  });

  it('[P4] on links within the credit every press earlier than the winner arrives before the decision', () => {
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
