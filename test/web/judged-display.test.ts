// J4, J5, J7 as the pages show them: each judge's state without values before the reveal, and the
// reveal with exactly one highest and one lowest marked as dropped.
import { describe, expect, it } from 'vitest';
import type { JudgedTurnView } from '../../shared/contest/judging-types.js';
import { aggregateLabel, everyoneScored, formatResult, judgeStatus, revealRows, scoringProgress } from '../../web/lib/judged-display.js';

const judges = ['甲', '乙', '丙', '丁', '戊'].map((name, i) => ({ id: `j${i + 1}`, name }));
type Turn = Pick<JudgedTurnView, 'scored' | 'byHost' | 'excluded' | 'revealed' | 'aggregate'>;
const turn: Turn = { scored: ['j1', 'j2', 'j4'], byHost: ['j4'], excluded: { j3: '回避：同单位' }, revealed: null, aggregate: 'trimmed-mean' };

describe('a judged turn on the pages', () => {
  it('[J5] names each judge as scored, entered from paper, excluded or waiting', () => {
    expect(judges.map((j) => judgeStatus(turn, j.id))).toEqual(['scored', 'scored', 'excluded', 'by-host', 'waiting']);
    expect(scoringProgress(turn, judges)).toEqual({ scored: 3, counting: 4 });
    expect(everyoneScored(turn, judges)).toBe(false);
    expect(everyoneScored({ ...turn, scored: ['j1', 'j2', 'j4', 'j5'] }, judges)).toBe(true);
  });

  it('[J4] marks exactly one highest and one lowest, even when scores are equal', () => {
    const revealed = { scores: { j1: 90, j2: 85, j4: 90, j5: 80 }, result: { counted: ['j1', 'j2', 'j4', 'j5'], dropped: ['j4', 'j5'], aggregate: 87.5, overtimeMs: 0, deduction: 0, points: 87.5 } };
    const rows = revealRows(judges, { ...turn, revealed });
    expect(rows.map((r) => [r.n, r.value, r.mark])).toEqual([
      [1, 90, null],
      [2, 85, null],
      [3, null, 'excluded'],
      [4, 90, 'high'],
      [5, 80, 'low'],
    ]);
    expect(aggregateLabel({ ...turn, revealed })).toBe('judging.aggregate.trimmed');
    // The screen is not told who was excluded, nor why: a judge without a score did not count.
    expect(revealRows(judges, { revealed })[2].mark).toBe('excluded');
  });

  it('[J3] a trimmed mean that dropped nothing reads as a mean; results keep their decimals', () => {
    const revealed = { scores: { j1: 90, j2: 85 }, result: { counted: ['j1', 'j2'], dropped: [], aggregate: 87.5, overtimeMs: 0, deduction: 0, points: 87.5 } };
    expect(aggregateLabel({ ...turn, revealed })).toBe('judging.aggregate.mean');
    expect(aggregateLabel({ ...turn, aggregate: 'sum', revealed })).toBe('judging.aggregate.sum');
    expect(formatResult(87.5, 2)).toBe('87.50');
    expect(formatResult(86.25, 2)).toBe('86.25');
    expect(formatResult(-1, 0)).toBe('\u22121');
  });
});
