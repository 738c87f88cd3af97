// Engine tests for the required-answer round in turn (轮流必答), named by rule ID (RULES.md T1-T7).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { ContestState, InTurnQuestion } from '../../../shared/contest/types.js';
import { definition, inTurnRound, play, T0 } from '../../support/builders.js';

const at = (ms: number) => T0 + ms;
const turn = (state: ContestState): InTurnQuestion => {
  if (state.question?.kind !== 'in-turn') return expect.fail('not on a turn');
  return state.question;
};

function firstTurn(perSeat = 1, opts = {}): ContestState {
  const def = definition({ rounds: [inTurnRound(['s1', 's2', 's3'], perSeat, opts)] });
  return play(initialState(def), [
    { type: 'question:next', at: at(0) },
    { type: 'question:next', at: at(1) },
  ]);
}

const next: Command = { type: 'question:next', at: at(100_000) };

describe('[T1] turn order', () => {
  it('[T1] turns go round the order, perSeat times, one question each', () => {
    let state = firstTurn(2);
    const seen: [string, string][] = [];
    for (let k = 0; k < 6; k++) {
      seen.push([turn(state).seatId, state.definition.stages[0].rounds[0].questions[turn(state).index].id]);
      state = play(state, [{ type: 'turn:skip', at: at(10 + k) }, { ...next, at: at(20 + k) }]);
    }
    expect(seen.map(([s]) => s)).toEqual(['s1', 's2', 's3', 's1', 's2', 's3']);
    expect(new Set(seen.map(([, q]) => q)).size).toBe(6);
    expect(state.stage).toBe('finished');
  });
});

describe('[T2][T3][T4] countdown and ruling', () => {
  it('[T2] the host starts the countdown', () => {
    const state = play(firstTurn(), [{ type: 'turn:start', at: at(1000) }]);
    expect(turn(state)).toMatchObject({ phase: 'answering', answerDeadline: at(31_000) });
    expect(nextDeadline(state)).toBe(at(31_000));
  });

  it.each([
    ['right, countdown running', [{ type: 'turn:start', at: at(1000) }, { type: 'answer:rule', verdict: 'right', at: at(5000) }], 10, 'right'],
    ['right before any countdown', [{ type: 'answer:rule', verdict: 'right', at: at(5000) }], 10, 'right'],
    ['wrong (default 0)', [{ type: 'answer:rule', verdict: 'wrong', at: at(5000) }], 0, 'wrong'],
    ['timeout', [{ type: 'turn:start', at: at(1000) }, { type: 'clock:tick', at: at(31_000) }], 0, 'timeout'],
  ] as [string, Command[], number, string][])('[T3][T4] %s', (_, commands, score, outcome) => {
    const state = play(firstTurn(), commands);
    expect(state.scores.s1).toBe(score);
    expect(turn(state)).toMatchObject({ phase: 'revealed', outcome });
    expect(state.ledger.at(-1)).toMatchObject({ seatId: 's1', reason: outcome, delta: score, round: 0, questionNumber: 1 });
  });

  it('[T3] a deduction for wrong is configurable', () => {
    const state = play(firstTurn(1, { wrongPoints: 5 }), [{ type: 'answer:rule', verdict: 'wrong', at: at(5000) }]);
    expect(state.scores.s1).toBe(-5);
  });

  it('[T3] ruling a turn already revealed is refused', () => {
    const state = play(firstTurn(), [{ type: 'answer:rule', verdict: 'right', at: at(5000) }]);
    expect(apply(state, { type: 'answer:rule', verdict: 'wrong', at: at(6000) })).toEqual({ ok: false, error: CommandError.WrongPhase });
  });

  it('[F2] moving on while the seat is answering is refused', () => {
    const state = play(firstTurn(), [{ type: 'turn:start', at: at(1000) }]);
    expect(apply(state, { type: 'question:next', at: at(2000) })).toEqual({ ok: false, error: CommandError.QuestionInPlay });
  });

  it('[F2][T6] moving on before the turn is ruled or skipped is refused: no seat loses its turn unrecorded', () => {
    expect(apply(firstTurn(), { type: 'question:next', at: at(2000) })).toEqual({ ok: false, error: CommandError.QuestionInPlay });
    const skipped = play(firstTurn(), [{ type: 'turn:skip', at: at(1000) }, { type: 'question:next', at: at(2000) }]);
    expect(skipped.question?.kind === 'in-turn' && skipped.question.seatId).toBe('s2');
  });
});

describe('[T5][T6][T7] undo, skip, repeat', () => {
  it('[T5] undo returns the seat to answering with no countdown', () => {
    const state = play(firstTurn(), [
      { type: 'turn:start', at: at(1000) },
      { type: 'answer:rule', verdict: 'right', at: at(5000) },
      { type: 'ruling:undo', at: at(6000) },
    ]);
    expect(state.scores.s1).toBe(0);
    expect(turn(state)).toMatchObject({ phase: 'answering', answerDeadline: null, outcome: null });
  });

  it('[T6] a skipped turn ends unscored', () => {
    const result = apply(firstTurn(), { type: 'turn:skip', at: at(1000) });
    expect(result.ok && turn(result.state)).toMatchObject({ phase: 'revealed', outcome: 'skipped' });
    expect(result.ok && result.state.ledger).toEqual([]);
    expect(result.ok && result.events).toEqual([{ type: 'turn-skipped', seatId: 's1' }]);
  });

  it('[T7] repeating a ruled turn reverses its points and starts it again for the same seat', () => {
    const state = play(firstTurn(), [
      { type: 'answer:rule', verdict: 'right', at: at(5000) },
      { type: 'turn:repeat', at: at(6000) },
    ]);
    expect(state.scores.s1).toBe(0);
    expect(turn(state)).toMatchObject({ seatId: 's1', phase: 'reading', outcome: null });
    expect(state.ledger.map((e) => [e.reason, e.delta, e.undone ?? false])).toEqual([
      ['right', 10, true],
      ['undo', -10, false],
    ]);
    expect(state.rulings).toEqual([]);
  });

  it('[T7] repeating an unruled turn just restarts it', () => {
    const state = play(firstTurn(), [{ type: 'turn:start', at: at(1000) }, { type: 'turn:repeat', at: at(2000) }]);
    expect(turn(state)).toMatchObject({ phase: 'reading', answerDeadline: null });
    expect(state.ledger).toEqual([]);
  });

  it('[T1] buzz-in commands are refused in an in-turn round', () => {
    expect(apply(firstTurn(), { type: 'buzzers:open', at: at(5) })).toEqual({ ok: false, error: CommandError.WrongRoundKind });
    expect(apply(firstTurn(), { type: 'buzz:press', seatId: 's1', at: at(5) })).toEqual({ ok: false, error: CommandError.WrongRoundKind });
  });
});
