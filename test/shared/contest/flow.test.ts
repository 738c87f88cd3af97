// Flow across stages and rounds, swaps, team seats and the weighted ranking (RULES.md F, S, R).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { apply, initialState } from '../../../shared/contest/engine.js';
import { standings } from '../../../shared/contest/standings.js';
import type { ContestDefinition } from '../../../shared/contest/types.js';
import { viewFor } from '../../../shared/contest/views.js';
import { allAtOnceRound, bq, buzzRound, choice, definition, inTurnRound, play, question, seats, T0 } from '../../support/builders.js';
import { askedOf } from '../../support/question-of.js';

const at = (ms: number) => T0 + ms;
const next = (ms: number): Command => ({ type: 'question:next', at: at(ms) });

const twoStages: ContestDefinition = {
  title: '决赛',
  seed: 'x',
  seats: seats(2),
  stages: [
    { id: 'k', name: '比知识', weight: 0.5, rounds: [inTurnRound(['s1', 's2']), allAtOnceRound([choice(1, 'A')])] },
    { id: 'b', name: '抢答', weight: 2, rounds: [buzzRound(1)] },
  ],
};

describe('[F1][F2] flow', () => {
  it('[F1] lobby -> title card -> questions -> next title card -> ... -> finished', () => {
    let state = initialState(twoStages);
    const trail: string[] = [];
    const note = () => trail.push(state.stage === 'round' ? `${state.roundIndex}:${state.question ? state.question.index : 'title'}` : state.stage);
    note();
    const finishers: Record<string, Command[]> = {
      'in-turn': [{ type: 'turn:skip', at: 0 }],
      'all-at-once': [{ type: 'answers:open', at: 0 }, { type: 'answer:reveal', at: 0 }],
      'buzz-in': [{ type: 'answer:reveal', at: 0 }],
    };
    for (let i = 0; i < 8; i++) {
      if (state.question) state = play(state, finishers[state.question.kind].map((c) => ({ ...c, at: at(i * 10) })));
      state = play(state, [next(i * 10 + 5)]);
      note();
    }
    expect(trail).toEqual(['lobby', '0:title', '0:0', '0:1', '1:title', '1:0', '2:title', '2:0', 'finished']);
  });

  it('[F2] moving on is refused while answers are open', () => {
    const state = play(initialState(twoStages), [
      next(0),
      next(1),
      { type: 'turn:skip', at: at(2) },
      next(3),
      { type: 'turn:skip', at: at(4) },
      next(5),
      next(6),
      { type: 'answers:open', at: at(7) },
    ]);
    expect(apply(state, next(8))).toEqual({ ok: false, error: CommandError.QuestionInPlay });
  });

  it('[F1] a command for a question on a title card is refused', () => {
    const state = play(initialState(twoStages), [next(0)]);
    expect(apply(state, { type: 'turn:start', at: at(1) })).toEqual({ ok: false, error: CommandError.NotInQuestion });
  });
});

describe('[F4] swap', () => {
  const reading = () => play(initialState(definition({ questions: 2 })), [next(0), next(1)]);

  it('[F4] replaces the question in reading and records the swap', () => {
    const result = apply(reading(), { type: 'question:swap', question: question(99), at: at(2) });
    const state = result.ok ? result.state : expect.fail('refused');
    expect(state.definition.stages[0].rounds[0].questions.map((q) => q.id)).toEqual(['q99', 'q2']);
    expect(state.swaps).toEqual([{ at: at(2), round: 0, questionIndex: 0, removedId: 'q1', addedId: 'q99' }]);
    expect(bq(state).phase).toBe('reading');
    expect(askedOf(viewFor('host', state, { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false }))?.stem).toBe('第99题题干');
  });

  it.each([
    ['a question already in the contest', question(2), CommandError.RepeatedQuestion],
    ['the question it replaces', question(1), CommandError.RepeatedQuestion],
  ])('[F4] refuses %s', (_, replacement, code) => {
    expect(apply(reading(), { type: 'question:swap', question: replacement, at: at(2) })).toEqual({ ok: false, error: code });
  });

  it('[F4] refuses once the buzzers are open', () => {
    const state = play(reading(), [{ type: 'buzzers:open', at: at(2) }]);
    expect(apply(state, { type: 'question:swap', question: question(99), at: at(3) })).toEqual({ ok: false, error: CommandError.WrongPhase });
  });

  it('[F4] an open question cannot be swapped into an all-at-once round', () => {
    const def = definition({ rounds: [allAtOnceRound([choice(1, 'A')])] });
    const state = play(initialState(def), [next(0), next(1)]);
    expect(apply(state, { type: 'question:swap', question: question(99), at: at(2) })).toEqual({ ok: false, error: CommandError.WrongRoundKind });
    expect(apply(state, { type: 'question:swap', question: choice(2, 'B'), at: at(2) }).ok).toBe(true);
  });
});

describe('[S1] teams share a buzzer', () => {
  it('[S1] the team is one seat: its first press wins, a teammate pressing later is late', () => {
    const state = play(initialState(definition()), [next(0), next(1), { type: 'buzzers:open', at: at(2) }]);
    // Two phones of seat s1 press; the engine sees the seat, so the second is simply late.
    const after = play(state, [
      { type: 'buzz:press', seatId: 's1', at: at(10) },
      { type: 'buzz:press', seatId: 's1', at: at(11) },
    ]);
    expect(bq(after).buzzes.map((b) => b.decision)).toEqual(['won', 'late']);
  });
});

describe('[R1] weighted total', () => {
  it('[R1] stage points times stage weight; ties share a rank', () => {
    let state = play(initialState(twoStages), [next(0), next(1), { type: 'answer:rule', verdict: 'right', at: at(2) }]);
    // s1: +10 in stage 1 (weight 0.5) -> 5. Adjust s2 by +5 on the title card of stage 2 (weight 2) -> 10.
    state = play(state, [next(3), { type: 'turn:skip', at: at(4) }, next(5), next(6), { type: 'answers:open', at: at(7) }, { type: 'answer:reveal', at: at(8) }, next(9)]);
    state = play(state, [{ type: 'score:adjust', seatId: 's2', delta: 5, reason: '复核', at: at(10) }]);
    expect(standings(state)).toEqual([
      { seatId: 's1', total: 10, stages: [{ raw: 10, normalised: 10, weighted: 5 }, { raw: 0, normalised: 0, weighted: 0 }], weighted: 5, rank: 2, decidedBy: null, tied: false },
      { seatId: 's2', total: 5, stages: [{ raw: 0, normalised: 0, weighted: 0 }, { raw: 5, normalised: 5, weighted: 10 }], weighted: 10, rank: 1, decidedBy: null, tied: false },
    ]);
  });
});
