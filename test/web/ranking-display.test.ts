// How pages put the ranking's breakdown into figures (R1-R3, R5, R7), without a DOM.
import { describe, expect, it } from 'vitest';
import type { Standing } from '../../shared/contest/standings.js';
import type { ContestView } from '../../shared/contest/views.js';
import { decidedByMessage, formatFixed, hasBreakdown, shownTies, stageFigures, stagesSoFar, weightLabel } from '../../web/lib/ranking-display.js';

type Stages = ContestView['stages'];
const stages: Stages = [
  { id: 'stage-1', name: '比知识', weight: 0.15, normalise: 'max' },
  { id: 'stage-2', name: '悟思想', weight: 0.15, normalise: 'none' },
  { id: 'stage-3', name: '述行动', weight: 1, normalise: 'none' },
];

describe('[R1][R3] the breakdown in figures', () => {
  it('[R1] a breakdown with several stages, or one normalised or weighted; one plain stage keeps its points', () => {
    expect(hasBreakdown({ stages })).toBe(true);
    expect(hasBreakdown({ stages: [{ ...stages[2] }] })).toBe(false);
    expect(hasBreakdown({ stages: [{ ...stages[2], normalise: 'best' }] })).toBe(true);
    expect(hasBreakdown({ stages: [{ ...stages[2], weight: 0.5 }] })).toBe(true);
  });

  it('[R3] figures keep the contest\'s decimals, with a true minus sign and no minus zero', () => {
    expect(formatFixed(87.5, 2)).toBe('87.50');
    expect(formatFixed(-3.25, 1)).toBe('\u22123.3');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(formatFixed(12, 0)).toBe('12');
  });

  it('[R2] a stage\'s weighted score, with raw → normalised when normalised, the raw points when only weighted', () => {
    const view = { stages, decimals: 2 };
    expect(stageFigures(view, 0, { raw: 108, normalised: 90, weighted: 13.5 })).toEqual({ weighted: '13.50', detail: '108 \u2192 90.00' });
    expect(stageFigures(view, 1, { raw: 88, normalised: 88, weighted: 13.2 })).toEqual({ weighted: '13.20', detail: '88' });
    expect(stageFigures(view, 2, { raw: 92, normalised: 92, weighted: 92 })).toEqual({ weighted: '92.00', detail: null });
    expect(weightLabel(0.15)).toBe('15%');
    expect(weightLabel(0.075)).toBe('7.5%');
  });

  it('the live scoreboard shows the stages played so far', () => {
    const round = { stageNumber: 2 } as ContestView['round'];
    expect(stagesSoFar({ stages, round })).toBe(2);
    expect(stagesSoFar({ stages, round: null })).toBe(3);
  });
});

describe('[R5][R7] ties in words', () => {
  const standing = (decidedBy: Standing['decidedBy']): Standing => ({ seatId: 's1', total: 0, stages: [], weighted: 0, rank: 1, decidedBy, tied: false });

  it('[R5] names the tie-break that placed a seat, a stage by its name', () => {
    expect(decidedByMessage({ stages }, standing({ by: 'stage', stageId: 'stage-3' }))).toEqual({ key: 'ranking.rule.stage', params: { stage: '述行动' } });
    expect(decidedByMessage({ stages }, standing({ by: 'false-starts' }))).toEqual({ key: 'ranking.rule.false-starts' });
    expect(decidedByMessage({ stages }, standing(null))).toBeNull();
  });

  it('[R7] no tie records before the show, when every seat is level on 0', () => {
    const ties = [{ seats: ['s1', 's2'], steps: [], settled: false }];
    expect(shownTies({ stage: 'lobby', ties })).toEqual([]);
    expect(shownTies({ stage: 'finished', ties })).toEqual(ties);
  });
});
