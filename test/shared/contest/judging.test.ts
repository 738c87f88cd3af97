// The arithmetic of judged turns (RULES.md J3, J6), with every figure worked by hand.
import { describe, expect, it } from 'vitest';
import { defaultAggregate, judgedResult, overtimeDeduction, roundHalfUp, validScore } from '../../../shared/contest/judging.js';
import { addPoints } from '../../../shared/contest/ledger.js';
import type { JudgedSettings, JudgeScore } from '../../../shared/contest/judging-types.js';

const scores = (values: number[]): Record<string, JudgeScore> => Object.fromEntries(values.map((value, i) => [`j${i + 1}`, { value, at: 0, changes: 0 }]));
const panel = (n: number) => Array.from({ length: n }, (_, i) => `j${i + 1}`);
const settings = (aggregate: JudgedSettings['aggregate'], decimals = 2, overtime: JudgedSettings['overtime'] = null) => ({ aggregate, decimals, overtime });

describe('[J3] aggregation', () => {
  it('[J3] trimmed mean of 3 judges: the middle score', () => {
    // 90, 80, 85: drop 90 (j1) and 80 (j2); 85 / 1 = 85.
    const r = judgedResult(settings('trimmed-mean'), panel(3), scores([90, 80, 85]), {}, 0);
    expect(r).toEqual({ counted: ['j1', 'j2', 'j3'], dropped: ['j1', 'j2'], aggregate: 85, overtimeMs: 0, deduction: 0, points: 85 });
  });

  it('[J3] trimmed mean of 5 judges', () => {
    // 88, 92.5, 79, 85, 90: drop 92.5 (j2) and 79 (j3); (88 + 85 + 90) / 3 = 263 / 3 = 87.666… -> 87.67.
    const r = judgedResult(settings('trimmed-mean'), panel(5), scores([88, 92.5, 79, 85, 90]), {}, 0);
    expect(r.dropped).toEqual(['j2', 'j3']);
    expect(r.aggregate).toBe(87.67);
  });

  it('[J3] trimmed mean of 7 judges', () => {
    // 86, 91, 84.5, 95, 88, 70, 89.5: drop 95 (j4) and 70 (j6);
    // 86 + 91 + 84.5 + 88 + 89.5 = 439, / 5 = 87.8.
    const r = judgedResult(settings('trimmed-mean'), panel(7), scores([86, 91, 84.5, 95, 88, 70, 89.5]), {}, 0);
    expect(r.dropped).toEqual(['j4', 'j6']);
    expect(r.aggregate).toBe(87.8);
  });

  it('[J3] an excluded judge never counts, nor is dropped', () => {
    // 5 judges, j3 (79) excluded: 88, 92.5, 85, 90 count; drop 92.5 (j2) and 85 (j4); (88 + 90) / 2 = 89.
    const r = judgedResult(settings('trimmed-mean'), panel(5), scores([88, 92.5, 79, 85, 90]), { j3: '回避' }, 0);
    expect(r.counted).toEqual(['j1', 'j2', 'j4', 'j5']);
    expect(r.dropped).toEqual(['j2', 'j4']);
    expect(r.aggregate).toBe(89);
  });

  it('[J3] with fewer than 3 counting judges the trimmed mean is the plain mean', () => {
    const r = judgedResult(settings('trimmed-mean'), panel(5), scores([80, 85]), {}, 0);
    expect(r).toMatchObject({ dropped: [], aggregate: 82.5 });
  });

  it('[J3] equal scores: the first of the highest and the last of the lowest are dropped, exactly two', () => {
    // All 80: j1 dropped as highest, j5 as lowest.
    expect(judgedResult(settings('trimmed-mean'), panel(5), scores([80, 80, 80, 80, 80]), {}, 0).dropped).toEqual(['j1', 'j5']);
    // 90, 70, 90, 70: highest j1, lowest j4.
    expect(judgedResult(settings('trimmed-mean'), panel(4), scores([90, 70, 90, 70]), {}, 0).dropped).toEqual(['j1', 'j4']);
  });

  it('[J3] mean and sum', () => {
    // (90 + 80 + 85 + 86) / 4 = 341 / 4 = 85.25; sum 341.
    expect(judgedResult(settings('mean'), panel(4), scores([90, 80, 85, 86]), {}, 0)).toMatchObject({ dropped: [], aggregate: 85.25 });
    expect(judgedResult(settings('sum'), panel(4), scores([90, 80, 85, 86]), {}, 0)).toMatchObject({ dropped: [], aggregate: 341 });
  });

  it('[J3] the default: trimmed mean with 5 judges or more on the panel, else the mean', () => {
    expect(defaultAggregate(4)).toBe('mean');
    expect(defaultAggregate(5)).toBe('trimmed-mean');
    expect(defaultAggregate(7)).toBe('trimmed-mean');
  });
});

describe('[J3] rounding half up, without binary surprises', () => {
  it.each([
    [84.125, 2, 84.13],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [87.665, 2, 87.67],
    [84.124, 2, 84.12],
    [85.25, 1, 85.3],
    [85.5, 0, 86],
    [263 / 3, 2, 87.67],
    [-2.675, 2, -2.68],
  ])('[J3] %d to %d decimals is %d', (value, decimals, rounded) => {
    expect(roundHalfUp(value, decimals)).toBe(rounded);
  });

  it('[J3] results with decimals add up on the scoreboard without float dust', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addPoints(0.1, 0.2)).toBe(0.3);
    expect(addPoints(87.67, -87.67)).toBe(0);
    expect(Object.is(addPoints(-0.1, 0.1), 0)).toBe(true);
  });

  it('[J3] a mean that lands on a half is rounded up: (84 + 84.25) / 2 = 84.125 -> 84.13', () => {
    expect(judgedResult(settings('mean'), panel(2), scores([84, 84.25]), {}, 0).aggregate).toBe(84.13);
  });
});

describe('[J6] overtime deduction', () => {
  const rule = { perMs: 30_000, points: 1 };
  it.each([
    [0, 0],
    [1, 1],
    [30_000, 1],
    [30_001, 2],
    [95_000, 4],
  ])('[J6] %d ms over, 1 point per started 30 s: %d off', (ms, off) => {
    expect(overtimeDeduction(rule, ms)).toBe(off);
  });

  it('[J6] no deduction configured: nothing off', () => {
    expect(overtimeDeduction(null, 100_000)).toBe(0);
  });

  it('[J6] the result is the aggregate less the deduction: 87.67 - 2 × 0.5 = 86.67', () => {
    const r = judgedResult(settings('trimmed-mean', 2, { perMs: 30_000, points: 0.5 }), panel(5), scores([88, 92.5, 79, 85, 90]), {}, 45_000);
    expect(r).toMatchObject({ aggregate: 87.67, overtimeMs: 45_000, deduction: 1, points: 86.67 });
  });
});

describe('[J2] a valid score', () => {
  const scale = { min: 0, max: 100, step: 0.5 };
  const criteria = [{ name: '内容', max: 40 }, { name: '表达', max: 30 }, { name: '效果', max: 30 }];
  it('[J2] within the scale and on its step', () => {
    expect(validScore({ scale, criteria: [] }, 85.5)).toBe(true);
    expect(validScore({ scale, criteria: [] }, 100)).toBe(true);
    expect(validScore({ scale, criteria: [] }, 85.3)).toBe(false);
    expect(validScore({ scale, criteria: [] }, 100.5)).toBe(false);
    expect(validScore({ scale, criteria: [] }, -1)).toBe(false);
  });

  it('[J2] parts: one per criterion, each within its maximum and on the step, adding up to the score', () => {
    expect(validScore({ scale, criteria }, 85.5, [35, 25.5, 25])).toBe(true);
    expect(validScore({ scale, criteria }, 85.5, [35, 25, 25])).toBe(false);
    expect(validScore({ scale, criteria }, 85, [45, 20, 20])).toBe(false);
    expect(validScore({ scale, criteria }, 85, [35, 25.2, 24.8])).toBe(false);
    expect(validScore({ scale, criteria }, 60, [30, 30])).toBe(false);
  });
});
