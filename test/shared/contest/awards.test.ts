// Prizes and the award ceremony (AW1-AW7): tiers by count and by threshold, ties across a
// boundary, the host's decisions, the steps on the big screen, and who sees what.
import { describe, expect, it } from 'vitest';
import { apply, initialState } from '../../../shared/contest/engine.js';
import { contestPrizes } from '../../../shared/contest/awards.js';
import type { Command } from '../../../shared/contest/commands.js';
import type { AwardRules } from '../../../shared/contest/ranking-types.js';
import type { ContestState } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { buzzRound, definition, play, T0 } from '../../support/builders.js';

const ONE_THREE_SIX: AwardRules = { by: 'count', boundaryTie: 'higher', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] };
const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };

/** A contest whose seats s1, s2... end with `points` each (one stage, weight 1), then finished. */
function finished(points: number[], awards: AwardRules | null = ONE_THREE_SIX): ContestState {
  const def = { ...definition({ seats: points.length, rounds: [buzzRound(0)] }), ...(awards && { awards }) };
  const adjust: Command[] = points.flatMap((delta, i) => (delta ? [{ type: 'score:adjust' as const, seatId: `s${i + 1}`, delta, reason: '成绩', at: T0 }] : []));
  return play(initialState(def), [...adjust, { type: 'question:next', at: T0 + 1 }, { type: 'question:next', at: T0 + 2 }]);
}

/** Each seat's prize as tier names ('' for none), seat by seat. */
function prizeNames(state: ContestState): Record<string, string> {
  const tiers = state.definition.awards?.tiers ?? [];
  return Object.fromEntries((contestPrizes(state)?.prizes ?? []).map((p) => [p.seatId, p.tier === null ? (p.pending ? '?' : '') : tiers[p.tier].name]));
}

const step = (state: ContestState, to: number, at = T0 + 10) => apply(state, { type: 'awards:step', step: to, at });
const decide = (state: ContestState, seatId: string, tier: number | null, at = T0 + 10) => apply(state, { type: 'awards:decide', seatId, tier, at });
const TEN = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];

describe('[AW1] prizes by count', () => {
  it('[AW1] 1/3/6 with 10 seats: one first prize, three second, six third', () => {
    const state = finished(TEN);
    expect(prizeNames(state)).toEqual({ s1: '一等奖', s2: '二等奖', s3: '二等奖', s4: '二等奖', s5: '三等奖', s6: '三等奖', s7: '三等奖', s8: '三等奖', s9: '三等奖', s10: '三等奖' });
  });

  it('[AW1] places beyond the last tier get no prize', () => {
    const state = finished([...TEN, 5, 1]);
    expect(prizeNames(state)).toMatchObject({ s10: '三等奖', s11: '', s12: '' });
  });

  it('[AW1] a contest file without awards gives no prizes and no ceremony', () => {
    const state = finished(TEN, null);
    expect(contestPrizes(state)).toBeNull();
    expect(viewFor('host', state, facts).awards).toBeNull();
  });
});

describe('[AW2] prizes by threshold', () => {
  const rules: AwardRules = { by: 'threshold', boundaryTie: 'host', tiers: [{ name: '一等奖', minTotal: 90 }, { name: '二等奖', minTotal: 60 }, { name: '三等奖', minTotal: 30 }] };

  it('[AW2] a seat gets the highest tier its total reaches; equal totals, equal prizes, no decision', () => {
    const state = finished([95, 90, 89, 60, 60, 30, 29, 0], rules);
    expect(prizeNames(state)).toEqual({ s1: '一等奖', s2: '一等奖', s3: '二等奖', s4: '二等奖', s5: '二等奖', s6: '三等奖', s7: '', s8: '' });
    expect(contestPrizes(state)?.ties).toEqual([]);
    expect(step(state, 0).ok).toBe(true);
  });
});

describe('[AW3] ties across a count boundary', () => {
  // Places 4 and 5 are level: the 二等奖/三等奖 boundary falls between them.
  const LEVEL = [100, 90, 80, 70, 70, 50, 40, 30, 20, 10];

  it('[AW3] higher: both get the higher prize, and the next tier keeps its boundary (has fewer)', () => {
    const state = finished(LEVEL);
    const names = prizeNames(state);
    expect(Object.values(names).filter((n) => n === '二等奖')).toHaveLength(4);
    expect(Object.values(names).filter((n) => n === '三等奖')).toHaveLength(5);
    expect(names).toMatchObject({ s4: '二等奖', s5: '二等奖', s6: '三等奖' });
  });

  it('[AW3] higher, level across the last boundary: both get the last prize', () => {
    const state = finished([100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 10]);
    expect(prizeNames(state)).toMatchObject({ s10: '三等奖', s11: '三等奖' });
  });

  it('[AW3] host: the level seats wait for the host, with the tiers their places span', () => {
    const state = finished(LEVEL, { ...ONE_THREE_SIX, boundaryTie: 'host' });
    expect(prizeNames(state)).toMatchObject({ s3: '二等奖', s4: '?', s5: '?', s6: '三等奖' });
    expect(contestPrizes(state)?.ties).toEqual([{ seats: ['s4', 's5'], tiers: [1, 2], noPrize: false }]);
    expect(viewFor('host', state, facts).awards?.pending).toEqual([{ seats: ['s4', 's5'], tiers: [1, 2] }]);
  });

  it('[AW3] host, level across the last boundary: no prize is one of the choices', () => {
    const state = finished([100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 10], { ...ONE_THREE_SIX, boundaryTie: 'host' });
    expect(contestPrizes(state)?.ties).toEqual([{ seats: ['s10', 's11'], tiers: [2], noPrize: true }]);
    const decided = play(state, [
      { type: 'awards:decide', seatId: 's10', tier: 2, at: T0 + 10 },
      { type: 'awards:decide', seatId: 's11', tier: null, at: T0 + 11 },
    ]);
    expect(prizeNames(decided)).toMatchObject({ s10: '三等奖', s11: '' });
  });
});

describe('[AW4] the host decides a boundary tie', () => {
  const host = () => finished([100, 90, 80, 70, 70, 50, 40, 30, 20, 10], { ...ONE_THREE_SIX, boundaryTie: 'host' });

  it('[AW4] decisions are recorded as the host\'s, and the ceremony may then start', () => {
    let state = host();
    expect(step(state, 0)).toEqual({ ok: false, error: 'awards-undecided' });
    state = play(state, [
      { type: 'awards:decide', seatId: 's5', tier: 1, at: T0 + 10 },
      { type: 'awards:decide', seatId: 's4', tier: 2, at: T0 + 11 },
    ]);
    expect(prizeNames(state)).toMatchObject({ s4: '三等奖', s5: '二等奖' });
    expect(contestPrizes(state)?.prizes.find((p) => p.seatId === 's5')).toEqual({ seatId: 's5', tier: 1, byHost: true, pending: false });
    expect(viewFor('host', state, facts).awards).toMatchObject({ pending: [], decided: { s4: 2, s5: 1 } });
    expect(step(state, 0).ok).toBe(true);
  });

  it('[AW4] refused: a seat in no tie, a tier the tie does not span, no prize within the tiers, an unknown seat', () => {
    const state = host();
    expect(decide(state, 's1', 0)).toEqual({ ok: false, error: 'award-not-pending' });
    expect(decide(state, 's4', 0)).toEqual({ ok: false, error: 'award-tier-not-allowed' });
    expect(decide(state, 's4', null)).toEqual({ ok: false, error: 'award-tier-not-allowed' });
    expect(decide(state, 'nobody', 1)).toEqual({ ok: false, error: 'unknown-seat' });
  });

  it('[AW4] a decision changes until its tier is revealed, then it is refused', () => {
    let state = play(host(), [
      { type: 'awards:decide', seatId: 's4', tier: 1, at: T0 + 10 },
      { type: 'awards:decide', seatId: 's5', tier: 1, at: T0 + 11 },
      { type: 'awards:decide', seatId: 's5', tier: 2, at: T0 + 12 },
      { type: 'awards:step', step: 0, at: T0 + 13 },
    ]);
    expect(prizeNames(state).s5).toBe('三等奖');
    expect(decide(state, 's5', 1).ok).toBe(true);
    state = play(state, [{ type: 'awards:step', step: 1, at: T0 + 14 }]);
    expect(decide(state, 's5', 2)).toEqual({ ok: false, error: 'award-revealed' });
  });

  it('[AW4] refused before the contest is finished, and without prizes', () => {
    const def = { ...definition({ seats: 3, rounds: [buzzRound(1)] }), awards: ONE_THREE_SIX };
    const lobby = initialState(def);
    expect(decide(lobby, 's1', 0)).toEqual({ ok: false, error: 'not-finished' });
    expect(decide(finished(TEN, null), 's1', 0)).toEqual({ ok: false, error: 'no-awards' });
  });
});

describe('[AW5] [AW6] the ceremony, step by step', () => {
  it('[AW6] forward one step at a time to the podium and back to the final ranking', () => {
    let state = finished(TEN);
    for (let to = 0; to <= 4; to++) {
      expect(step(state, to + 1), 'two steps at once').toEqual({ ok: false, error: 'bad-award-step' });
      const moved = step(state, to);
      expect(moved.ok, `step ${to}`).toBe(true);
      if (moved.ok) state = moved.state;
      expect(state.awards?.step).toBe(to);
    }
    expect(step(state, 5)).toEqual({ ok: false, error: 'bad-award-step' });
    for (let to = 3; to >= -1; to--) {
      const moved = step(state, to);
      expect(moved.ok).toBe(true);
      if (moved.ok) state = moved.state;
    }
    expect(step(state, -2)).toEqual({ ok: false, error: 'bad-award-step' });
  });

  it('[AW6] a step takes the leaderboard down', () => {
    const shown = play(finished(TEN), [{ type: 'standings:show', show: true, at: T0 + 5 }]);
    expect(shown.standingsShown).toBe(true);
    const moved = step(shown, 0);
    expect(moved.ok && moved.state.standingsShown).toBe(false);
  });

  it('[AW6] refused before the contest is finished and without prizes', () => {
    const def = { ...definition({ seats: 3, rounds: [buzzRound(1)] }), awards: ONE_THREE_SIX };
    expect(step(initialState(def), 0)).toEqual({ ok: false, error: 'not-finished' });
    expect(step(finished(TEN, null), 0)).toEqual({ ok: false, error: 'no-awards' });
  });

  it('[AW5] step k reveals the k lowest tiers: 三等奖 first, 一等奖 last, then the podium', () => {
    let state = finished(TEN);
    const seen: string[][] = [];
    for (let to = 0; to <= 4; to++) {
      state = play(state, [{ type: 'awards:step', step: to, at: T0 + 10 + to }]);
      seen.push((viewFor('screen', state, facts).awards?.tiers ?? []).filter((t) => t.seats.length > 0).map((t) => t.name));
    }
    expect(seen).toEqual([[], ['三等奖'], ['二等奖', '三等奖'], ['一等奖', '二等奖', '三等奖'], ['一等奖', '二等奖', '三等奖']]);
  });
});

describe('[AW7] who sees the prizes', () => {
  const host = () => finished([100, 90, 80, 70, 70, 50, 40, 30, 20, 10], { ...ONE_THREE_SIX, boundaryTie: 'host' });

  it('[AW7] the host sees every tier and the ties; the screen and judges only revealed tiers; phones nothing', () => {
    const state = host();
    const forHost = viewFor('host', state, facts).awards;
    expect(forHost?.tiers.map((t) => t.seats)).toEqual([['s1'], ['s2', 's3'], ['s6', 's7', 's8', 's9', 's10']]);
    expect(forHost?.ties).toHaveLength(1);
    for (const role of ['screen', 'judge'] as const) {
      const seen = viewFor(role, state, facts).awards;
      expect(seen).toEqual({ step: -1, tiers: [{ name: '一等奖', count: 1, seats: [] }, { name: '二等奖', count: 3, seats: [] }, { name: '三等奖', count: 6, seats: [] }], pending: [], ties: [], decided: {} });
    }
    expect(viewFor('contestant', state, facts, 's1').awards).toBeNull();
  });

  it('[AW7] a phone learns its own prize once its tier is revealed, never before', () => {
    let state = finished(TEN);
    const mine = (seatId: string) => viewFor('contestant', state, facts, seatId).myPrize;
    expect(mine('s10')).toBeNull();
    state = play(state, [
      { type: 'awards:step', step: 0, at: T0 + 10 },
      { type: 'awards:step', step: 1, at: T0 + 11 },
    ]);
    expect([mine('s10'), mine('s2'), mine('s1')]).toEqual(['三等奖', null, null]);
    expect(viewFor('screen', state, facts).myPrize).toBeNull();
  });

  it('[AW7] no ceremony before the contest is finished', () => {
    const def = { ...definition({ seats: 3, rounds: [buzzRound(1)] }), awards: ONE_THREE_SIX };
    expect(viewFor('host', initialState(def), facts).awards).toBeNull();
  });

  it('[AW7] the tiers list seats in ranking order', () => {
    const state = finished([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(viewFor('host', state, facts).awards?.tiers[1].seats).toEqual(['s9', 's8', 's7']);
  });
});
