// The final ranking (RULES.md R1-R7): normalisation, weights, rounding, tie-breaks, shared ranks.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/contest/commands.js';
import { initialState } from '../../../shared/contest/engine.js';
import { stageMostPoints } from '../../../shared/contest/normalise.js';
import type { Normalise, RankingRules } from '../../../shared/contest/ranking-types.js';
import { replay } from '../../../shared/contest/replay.js';
import { ranking, standings, tieRecords } from '../../../shared/contest/standings.js';
import type { ContestDefinition, ContestState, Round, ScoreEntry } from '../../../shared/contest/types.js';
import { allAtOnceRound, buzzRound, choice, inTurnRound, judgedRound, judges, play, question, seats, T0 } from '../../support/builders.js';

const at = (ms: number) => T0 + ms;

/** A contest of `count` seats and one stage per entry, each with the given rounds. */
function contest(count: number, stages: { normalise?: Normalise; weight?: number; rounds?: Round[] }[], ranking?: RankingRules): ContestDefinition {
  return {
    title: '决赛',
    seed: 'x',
    seats: seats(count),
    stages: stages.map((s, i) => ({ id: `stage-${i + 1}`, name: ['比知识', '悟思想', '述行动'][i] ?? `环节${i + 1}`, weight: s.weight ?? 1, ...(s.normalise && { normalise: s.normalise }), rounds: s.rounds ?? [buzzRound(1)] })),
    ...(ranking && { ranking }),
  };
}

/** A state whose ledger gives each seat these raw points per stage (stage i's first round). */
function scored(definition: ContestDefinition, raw: Record<string, number[]>): ContestState {
  const firstRound = definition.stages.map((_, i) => definition.stages.slice(0, i).reduce((n, s) => n + s.rounds.length, 0));
  const ledger: ScoreEntry[] = Object.entries(raw).flatMap(([seatId, points]) =>
    points.map((delta, stage) => ({ seq: 0, at: T0, seatId, delta, reason: 'adjust' as const, round: firstRound[stage], questionNumber: null })),
  );
  const scores = Object.fromEntries(Object.entries(raw).map(([seatId, points]) => [seatId, points.reduce((a, b) => a + b, 0)]));
  return { ...initialState(definition), ledger: ledger.map((e, i) => ({ ...e, seq: i + 1 })), scores };
}

const of = (state: ContestState, seatId: string) => standings(state).find((s) => s.seatId === seatId);

describe('[R2] normalisation', () => {
  it('[R2] none: the raw total as it is', () => {
    const state = scored(contest(2, [{}]), { s1: [35], s2: [-10] });
    expect(of(state, 's1')?.stages).toEqual([{ raw: 35, normalised: 35, weighted: 35 }]);
    expect(of(state, 's2')?.stages).toEqual([{ raw: -10, normalised: -10, weighted: -10 }]);
  });

  it('[R2] max: to 100 by the most points one seat can earn in the stage', () => {
    // In turn, 2 seats × 2 turns × 10 = 20 for a seat; buzz-in 3 questions × 10 = 30: 50 in all.
    const def = contest(2, [{ normalise: 'max', rounds: [inTurnRound(['s1', 's2'], 2), buzzRound(3)] }]);
    expect(stageMostPoints(def.stages[0], def)).toBe(50);
    const state = scored(def, { s1: [25], s2: [-10] });
    expect(of(state, 's1')?.stages[0]).toEqual({ raw: 25, normalised: 50, weighted: 50 });
    // A negative raw total scales like a positive one.
    expect(of(state, 's2')?.stages[0]).toEqual({ raw: -10, normalised: -20, weighted: -20 });
  });

  it('[R2] best: to 100 by the best seat\'s raw total in the stage', () => {
    const state = scored(contest(3, [{ normalise: 'best' }]), { s1: [40], s2: [30], s3: [-4] });
    expect(standings(state).map((s) => s.stages[0].normalised)).toEqual([100, 75, -10]);
  });

  it('[R2] a divisor of 0 or less cannot scale: the raw totals stay (nobody scored: all 0)', () => {
    const nobody = scored(contest(2, [{ normalise: 'best' }]), { s1: [0], s2: [0] });
    expect(standings(nobody).map((s) => s.stages[0].normalised)).toEqual([0, 0]);
    const belowZero = scored(contest(2, [{ normalise: 'best' }]), { s1: [0], s2: [-10] });
    expect(standings(belowZero).map((s) => s.stages[0].normalised)).toEqual([0, -10]);
    // A judged round with no panel summing scores: nothing can be earned.
    const empty = contest(2, [{ normalise: 'max', rounds: [judgedRound(['s1', 's2'], { aggregate: 'sum' })] }]);
    expect(stageMostPoints(empty.stages[0], empty)).toBe(0);
    expect(standings(scored(empty, { s1: [5], s2: [0] })).map((s) => s.stages[0].normalised)).toEqual([5, 0]);
  });
});

describe('[R1][R3] weights and rounding', () => {
  it('[R1] each stage\'s normalised score times its weight; the ranking orders by the sum', () => {
    // Stage 1 out of 50 (in turn 20 + buzz-in 30), 15%; stage 2 out of 100 as judged, 15%; stage 3 raw, 70%.
    const def = contest(2, [
      { normalise: 'max', weight: 0.15, rounds: [inTurnRound(['s1', 's2'], 2), buzzRound(3)] },
      { normalise: 'none', weight: 0.15, rounds: [judgedRound(['s1', 's2'])] },
      { weight: 0.7, rounds: [judgedRound(['s1', 's2'])] },
    ]);
    const state = scored(def, { s1: [40, 80, 90], s2: [50, 90, 85] });
    // s1: 80 × 0.15 = 12 + 12 + 63 = 87; s2: 100 × 0.15 = 15 + 13.5 + 59.5 = 88.
    expect(of(state, 's1')).toMatchObject({ weighted: 87, rank: 2, tied: false });
    expect(of(state, 's2')).toMatchObject({ weighted: 88, rank: 1, tied: false });
    expect(of(state, 's2')?.stages).toEqual([
      { raw: 50, normalised: 100, weighted: 15 },
      { raw: 90, normalised: 90, weighted: 13.5 },
      { raw: 85, normalised: 85, weighted: 59.5 },
    ]);
  });

  it('[R3] half up without float error (2.675 -> 2.68); the total is the sum of the rounded weighted scores', () => {
    const def = contest(1, [{ weight: 0.25 }, { weight: 0.25 }]);
    // 10.7 × 0.25 = 2.675 in decimal, 2.67499... in binary: rounded half up to 2.68, twice.
    const row = of(scored(def, { s1: [10.7, 10.7] }), 's1');
    expect(row?.stages.map((s) => s.weighted)).toEqual([2.68, 2.68]);
    // Not 5.35 (10.7 × 0.25 × 2 rounded): the printed breakdown adds up.
    expect(row?.weighted).toBe(5.36);
  });

  it('[R3] the configured decimals round the normalised and weighted scores', () => {
    const def = contest(1, [{ normalise: 'max', weight: 0.15, rounds: [buzzRound(3)] }], { decimals: 1, tieBreaks: [] });
    // 7 of 30 = 23.333... -> 23.3; × 0.15 = 3.495 -> 3.5.
    expect(of(scored(def, { s1: [7] }), 's1')).toMatchObject({ stages: [{ raw: 7, normalised: 23.3, weighted: 3.5 }], weighted: 3.5 });
    const whole = { ...def, ranking: { decimals: 0, tieBreaks: [] } };
    expect(of(scored(whole, { s1: [7] }), 's1')).toMatchObject({ stages: [{ raw: 7, normalised: 23, weighted: 3 }], weighted: 3 });
  });
});

describe('[R4] the most points of a stage', () => {
  it('[R4] in turn: the seat whose turns carry the most; a question\'s own points count (F5)', () => {
    const round = inTurnRound(['s1', 's2'], 2);
    round.questions[2] = { ...question(1), points: 30 };
    const def = contest(2, [{ rounds: [round] }]);
    // s1 gets turns 1 and 3: 10 + 30.
    expect(stageMostPoints(def.stages[0], def)).toBe(40);
  });

  it('[R4] buzz-in and all at once: every question\'s points', () => {
    const def = contest(2, [{ rounds: [buzzRound(4, { rightPoints: 20 }), allAtOnceRound([choice(1, 'A'), { ...choice(2, 'B'), points: 15 }])] }]);
    expect(stageMostPoints(def.stages[0], def)).toBe(80 + 25);
  });

  it('[R4] judged: the top of the scale, times the panel when scores are summed', () => {
    const mean = contest(2, [{ rounds: [judgedRound(['s1', 's2'])] }]);
    expect(stageMostPoints(mean.stages[0], mean)).toBe(100);
    const sum = { ...contest(2, [{ rounds: [judgedRound(['s1', 's2'], { aggregate: 'sum', scale: { min: 0, max: 10, step: 1 } })] }]), judges: judges(7) };
    expect(stageMostPoints(sum.stages[0], sum)).toBe(70);
  });
});

/** A buzz-in stage (3 questions) then a judged stage, with the given tie-breaks. */
const tieContest = (count: number, tieBreaks: RankingRules['tieBreaks']) =>
  contest(count, [{ rounds: [buzzRound(3, { wrongPoints: 0, falseStart: { kind: 'lockout', ms: 250 } })] }, { rounds: [judgedRound([])] }], { decimals: 2, tieBreaks });

const next = (ms: number): Command => ({ type: 'question:next', at: at(ms) });
const open = (ms: number): Command => ({ type: 'buzzers:open', at: at(ms) });
const press = (seatId: string, ms: number): Command => ({ type: 'buzz:press', seatId, at: at(ms) });
const rule = (verdict: 'right' | 'wrong', ms: number): Command => ({ type: 'answer:rule', verdict, at: at(ms) });
const adjust = (seatId: string, delta: number, ms: number): Command => ({ type: 'score:adjust', seatId, delta, reason: '复核', at: at(ms) });

describe('[R5][R6] tie-breaks', () => {
  it('[R5][R6] stage: the higher weighted score in the named stage sets seats apart', () => {
    const def = contest(2, [{}, {}], { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-2' }] });
    const state = scored(def, { s1: [60, 20], s2: [50, 30] });
    expect(of(state, 's2')).toMatchObject({ weighted: 80, rank: 1, tied: false, decidedBy: { by: 'stage', stageId: 'stage-2' } });
    expect(of(state, 's1')).toMatchObject({ weighted: 80, rank: 2, tied: false, decidedBy: { by: 'stage', stageId: 'stage-2' } });
    expect(tieRecords(state)).toEqual([{ seats: ['s1', 's2'], steps: [{ rule: { by: 'stage', stageId: 'stage-2' }, values: { s1: 20, s2: 30 } }], settled: true }]);
  });

  it('[R6] buzz-right: more right answers in buzz-in rounds; an undone ruling does not count', () => {
    // s1 wins question 1 (+10); s2 wins question 2 but the ruling is undone and ruled wrong (wrong points 0).
    let state = play(initialState(tieContest(2, [{ by: 'buzz-right' }])), [next(0), next(1), open(2), press('s1', 3), rule('right', 4)]);
    state = play(state, [next(5), open(6), press('s2', 7), rule('right', 8), { type: 'ruling:undo', at: at(9) }, rule('wrong', 10)]);
    // s2 makes up the 10 points by hand: level on the total.
    state = play(state, [adjust('s2', 10, 11)]);
    expect(of(state, 's1')).toMatchObject({ weighted: 10, rank: 1, decidedBy: { by: 'buzz-right' } });
    expect(of(state, 's2')).toMatchObject({ weighted: 10, rank: 2, decidedBy: { by: 'buzz-right' } });
    expect(tieRecords(state)[0].steps[0].values).toEqual({ s1: 1, s2: 0 });
  });

  it('[R6] wrong-buzzes: fewer wrong or timed-out answers after winning a buzz', () => {
    let state = play(initialState(tieContest(2, [{ by: 'wrong-buzzes' }])), [next(0), next(1), open(2), press('s1', 3), rule('wrong', 4)]);
    // s2 wins question 2 and lets the answer countdown run out (20 s): a timeout counts as wrong.
    state = play(state, [{ type: 'answer:reveal', at: at(5) }, next(6), open(7), press('s2', 8), { type: 'clock:tick', at: at(8 + 20_000) }]);
    state = play(state, [{ type: 'answer:reveal', at: at(30_000) }, next(30_001), open(30_002), press('s1', 30_003), rule('wrong', 30_004)]);
    expect(tieRecords(state)).toEqual([{ seats: ['s1', 's2'], steps: [{ rule: { by: 'wrong-buzzes' }, values: { s1: 2, s2: 1 } }], settled: true }]);
    expect(of(state, 's2')).toMatchObject({ rank: 1, decidedBy: { by: 'wrong-buzzes' } });
    expect(of(state, 's1')).toMatchObject({ rank: 2 });
  });

  it('[R6] false-starts: fewer questions with a false start, counted once each, though a lockout leaves no score change', () => {
    // s1 presses early twice on question 1 (one question), s2 once on each of questions 1 and 2.
    let state = play(initialState(tieContest(2, [{ by: 'false-starts' }])), [next(0), next(1), press('s1', 2), press('s1', 3), press('s2', 4)]);
    state = play(state, [{ type: 'answer:reveal', at: at(5) }, next(6), press('s2', 7)]);
    expect(state.ledger).toEqual([]);
    expect(state.falseStarts).toEqual({ s1: 1, s2: 2 });
    expect(of(state, 's1')).toMatchObject({ rank: 1, decidedBy: { by: 'false-starts' } });
    expect(tieRecords(state)[0].steps[0].values).toEqual({ s1: 1, s2: 2 });
  });

  it('[R6] the false-start tally is rebuilt by replaying the log, like everything else', () => {
    const commands = [next(0), next(1), press('s1', 2), press('s2', 3), { type: 'answer:reveal', at: at(4) } as Command, next(5), press('s1', 6)];
    const played = play(initialState(tieContest(2, [{ by: 'false-starts' }])), commands);
    const { state, refused } = replay(tieContest(2, [{ by: 'false-starts' }]), commands);
    expect(refused).toEqual([]);
    expect(state.falseStarts).toEqual(played.falseStarts);
    expect(standings(state)).toEqual(standings(played));
  });

  it('[R5] steps apply in order, each to the seats still level; decidedBy names the step that set a seat apart', () => {
    const def = contest(3, [{}, {}], { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-2' }, { by: 'false-starts' }] });
    // All three on 50; s3 is ahead in stage 2, s1 and s2 level there and set apart by false starts.
    const state = { ...scored(def, { s1: [30, 20], s2: [30, 20], s3: [20, 30] }), falseStarts: { s1: 2, s2: 1 } };
    expect(standings(state).map((s) => [s.seatId, s.rank, s.decidedBy?.by])).toEqual([
      ['s1', 3, 'false-starts'],
      ['s2', 2, 'false-starts'],
      ['s3', 1, 'stage'],
    ]);
    expect(tieRecords(state)).toEqual([
      {
        seats: ['s1', 's2', 's3'],
        steps: [
          { rule: { by: 'stage', stageId: 'stage-2' }, values: { s1: 20, s2: 20, s3: 30 } },
          { rule: { by: 'false-starts' }, values: { s1: 2, s2: 1 } },
        ],
        settled: true,
      },
    ]);
  });
});

describe('[R7] a tie that survives is a tie', () => {
  it('[R7] seats level after every step share a rank (1, 1, 3) and are shown as tied', () => {
    const def = contest(3, [{}, {}], { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-2' }, { by: 'buzz-right' }, { by: 'wrong-buzzes' }, { by: 'false-starts' }] });
    const state = scored(def, { s1: [20, 10], s2: [10, 5], s3: [20, 10] });
    expect(standings(state).map((s) => [s.seatId, s.rank, s.tied, s.decidedBy])).toEqual([
      ['s1', 1, true, null],
      ['s2', 3, false, null],
      ['s3', 1, true, null],
    ]);
    const { ties } = ranking(state);
    expect(ties).toHaveLength(1);
    expect(ties[0]).toMatchObject({ seats: ['s1', 's3'], settled: false });
    expect(ties[0].steps.map((s) => s.rule.by)).toEqual(['stage', 'buzz-right', 'wrong-buzzes', 'false-starts']);
  });

  it('[R7] never by seat order: the same scores on reversed seats give the same ranks', () => {
    const def = contest(3, [{}]);
    const forward = standings(scored(def, { s1: [10], s2: [10], s3: [5] }));
    const reversed = standings(scored({ ...def, seats: [...def.seats].reverse() }, { s1: [10], s2: [10], s3: [5] }));
    const ranks = (rows: typeof forward) => Object.fromEntries(rows.map((r) => [r.seatId, [r.rank, r.tied]]));
    expect(ranks(forward)).toEqual({ s1: [1, true], s2: [1, true], s3: [3, false] });
    expect(ranks(reversed)).toEqual(ranks(forward));
  });

  it('[R7] part of a group set apart, the rest still level: 1, 2, 2', () => {
    const def = contest(3, [{}, {}], { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-1' }] });
    const state = scored(def, { s1: [10, 10], s2: [15, 5], s3: [10, 10] });
    expect(standings(state).map((s) => [s.rank, s.tied, s.decidedBy?.by ?? null])).toEqual([
      [2, true, null],
      [1, false, 'stage'],
      [2, true, null],
    ]);
    expect(tieRecords(state)[0].settled).toBe(false);
  });
});
