// Engine tests for the buzz-in round, one block per rule in shared/contest/RULES.md.
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import {
  DEFAULT_ANSWER_TIME_MS,
  DEFAULT_BUZZ_WINDOW_MS,
  DEFAULT_FALSE_START_LOCKOUT_MS,
  DEFAULT_RIGHT_POINTS,
  DEFAULT_WRONG_POINTS,
} from '../../../shared/contest/defaults.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { ContestState, FalseStartPenalty } from '../../../shared/contest/types.js';
import { bq, definition, openQuestion, play, T0 } from '../../support/builders.js';

const press = (seatId: string, at: number): Command => ({ type: 'buzz:press', seatId, at });
const rule = (verdict: 'right' | 'wrong', at: number): Command => ({ type: 'answer:rule', verdict, at });

function reading(def = definition()): ContestState {
  return play(initialState(def), [
    { type: 'question:next', at: T0 - 6000 },
    { type: 'question:next', at: T0 - 5000 },
  ]);
}

function refused(state: ContestState, command: Command): string {
  const result = apply(state, command);
  if (result.ok) return expect.fail(`${command.type} was accepted`);
  return result.error;
}

describe('[B1] closed until opened', () => {
  it('[B1] opening from reading starts the buzz window', () => {
    const state = play(reading(), [{ type: 'buzzers:open', at: T0 }]);
    expect(bq(state).phase).toBe('open');
    expect(bq(state).buzzDeadline).toBe(T0 + DEFAULT_BUZZ_WINDOW_MS);
    expect(nextDeadline(state)).toBe(T0 + DEFAULT_BUZZ_WINDOW_MS);
  });

  it.each([
    ['in the lobby', initialState(definition()), CommandError.NotInQuestion],
    ['while already open', openQuestion(), CommandError.WrongPhase],
  ])('[B1] opening %s is refused', (_, state, code) => {
    expect(refused(state, { type: 'buzzers:open', at: T0 + 1 })).toBe(code);
  });
});

describe('[B2] false start', () => {
  const withPenalty = (falseStart: FalseStartPenalty) => reading(definition({ rules: { falseStart } }));

  it('[B2] lockout: an early press locks the seat for the configured time', () => {
    const state = play(reading(), [press('s1', T0 - 100), { type: 'buzzers:open', at: T0 }]);
    expect(bq(state).lockedUntil.s1).toBe(T0 - 100 + DEFAULT_FALSE_START_LOCKOUT_MS);
    // Still locked just after opening: the press is refused a win and restarts the lockout.
    const locked = apply(state, press('s1', T0 + 100));
    expect(locked.ok && locked.buzz).toEqual({ decision: 'locked-out', lockedUntil: T0 + 100 + DEFAULT_FALSE_START_LOCKOUT_MS });
    // Another seat pressing normally wins.
    const won = play(locked.ok ? locked.state : state, [press('s2', T0 + 120)]);
    expect(bq(won).winner).toBe('s2');
  });

  it('[B2] lockout: each early press restarts the lockout', () => {
    const state = play(reading(), [press('s1', T0 - 400), press('s1', T0 - 50), { type: 'buzzers:open', at: T0 }]);
    expect(bq(state).lockedUntil.s1).toBe(T0 - 50 + DEFAULT_FALSE_START_LOCKOUT_MS);
    const late = play(state, [press('s1', T0 + 150)]);
    expect(bq(late).winner).toBeNull();
  });

  it('[B2] lockout: once the lockout has passed the seat can win', () => {
    const state = play(reading(), [press('s1', T0 - 300), { type: 'buzzers:open', at: T0 }, press('s1', T0 + 10)]);
    expect(bq(state).winner).toBe('s1');
    expect(state.scores.s1).toBe(0);
  });

  it('[B2] lose-question: the seat sits out the question', () => {
    const state = play(withPenalty({ kind: 'lose-question' }), [press('s1', T0 - 10), { type: 'buzzers:open', at: T0 }]);
    expect(bq(state).out).toEqual(['s1']);
    const again = apply(state, press('s1', T0 + 5000));
    expect(again.ok && again.buzz?.decision).toBe('locked-out');
    expect(again.ok && bq(again.state).winner).toBeNull();
  });

  it('[B2] deduct: points are deducted once and the seat sits out', () => {
    const state = play(withPenalty({ kind: 'deduct', points: 10 }), [press('s1', T0 - 300), press('s1', T0 - 200)]);
    expect(state.scores.s1).toBe(-10);
    expect(state.ledger).toMatchObject([{ seatId: 's1', delta: -10, reason: 'false-start', questionNumber: 1 }]);
    expect(bq(state).out).toEqual(['s1']);
  });

  it('[B2] a press in `wrong`, before the host reopens, is a false start', () => {
    const state = play(openQuestion(), [press('s1', T0 + 100), rule('wrong', T0 + 3000), press('s2', T0 + 3100)]);
    expect(bq(state).buzzes.at(-1)).toMatchObject({ at: T0 + 3100, seatId: 's2', decision: 'false-start' });
    expect(bq(state).lockedUntil.s2).toBe(T0 + 3100 + DEFAULT_FALSE_START_LOCKOUT_MS);
  });
});

describe('[B3] first valid buzz wins', () => {
  it('[B3] the first press wins and every later press is late', () => {
    const state = play(openQuestion(), [press('s2', T0 + 800), press('s1', T0 + 801), press('s3', T0 + 900)]);
    expect(bq(state).phase).toBe('answering');
    expect(bq(state).winner).toBe('s2');
    expect(bq(state).buzzes.map((b) => [b.seatId, b.decision])).toEqual([
      ['s2', 'won'],
      ['s1', 'late'],
      ['s3', 'late'],
    ]);
  });

  it('[B3] a press from a seat that is not in the contest is refused', () => {
    expect(refused(openQuestion(), press('nobody', T0 + 1))).toBe(CommandError.UnknownSeat);
  });
});

describe('[B4] answer countdown', () => {
  it('[B4] the winner gets the answer time from the winning press', () => {
    const state = play(openQuestion(), [press('s1', T0 + 1234)]);
    expect(bq(state).answerDeadline).toBe(T0 + 1234 + DEFAULT_ANSWER_TIME_MS);
    expect(nextDeadline(state)).toBe(T0 + 1234 + DEFAULT_ANSWER_TIME_MS);
  });
});

describe('[B5] right', () => {
  it('[B5] a right answer scores and reveals', () => {
    const state = play(openQuestion(), [press('s1', T0 + 500), rule('right', T0 + 4000)]);
    expect(state.scores).toEqual({ s1: DEFAULT_RIGHT_POINTS, s2: 0, s3: 0 });
    expect(bq(state)).toMatchObject({ phase: 'revealed', outcome: 'right' });
  });
});

describe('[B6] wrong or timeout', () => {
  it.each([
    ['ruled wrong', [rule('wrong', T0 + 4000)], 'wrong'],
    ['countdown ran out', [{ type: 'clock:tick', at: T0 + 500 + DEFAULT_ANSWER_TIME_MS } as Command], 'timeout'],
  ])('[B6] %s: points deducted, seat out of the question', (_, commands, reason) => {
    const state = play(openQuestion(), [press('s1', T0 + 500), ...commands]);
    expect(state.scores.s1).toBe(-DEFAULT_WRONG_POINTS);
    expect(state.ledger.at(-1)).toMatchObject({ seatId: 's1', reason });
    expect(bq(state)).toMatchObject({ phase: 'wrong', out: ['s1'] });
    expect(nextDeadline(state)).toBeNull();
  });

  it('[B6] a tick before the countdown ends changes nothing', () => {
    const state = play(openQuestion(), [press('s1', T0 + 500)]);
    expect(refused(state, { type: 'clock:tick', at: T0 + 500 + DEFAULT_ANSWER_TIME_MS - 1 })).toBe(CommandError.NothingDue);
  });

  it('[B6] ruling when nobody is answering is refused', () => {
    expect(refused(openQuestion(), rule('right', T0 + 10))).toBe(CommandError.WrongPhase);
  });
});

describe('[B7] rebound', () => {
  it('[B7] reopening lets the remaining seats buzz; the wrong seat stays out', () => {
    let state = play(openQuestion(), [press('s1', T0 + 500), rule('wrong', T0 + 3000), { type: 'buzzers:reopen', at: T0 + 4000 }]);
    expect(bq(state)).toMatchObject({ phase: 'open', buzzDeadline: T0 + 4000 + DEFAULT_BUZZ_WINDOW_MS, winner: null });
    state = play(state, [press('s1', T0 + 4100), press('s3', T0 + 4200)]);
    expect(bq(state).winner).toBe('s3');
    expect(bq(state).buzzes.at(-2)).toMatchObject({ seatId: 's1', decision: 'locked-out' });
  });

  it('[B7] with no seat left, reopening is refused', () => {
    const def = definition({ seats: 1 });
    const state = play(openQuestion(def), [press('s1', T0 + 500), rule('wrong', T0 + 3000)]);
    expect(refused(state, { type: 'buzzers:reopen', at: T0 + 4000 })).toBe(CommandError.NoSeatLeft);
  });
});

describe('[B8] dead question', () => {
  it('[B8] nobody buzzes within the window: dead and revealed', () => {
    const result = apply(openQuestion(), { type: 'clock:tick', at: T0 + DEFAULT_BUZZ_WINDOW_MS });
    expect(result.ok && bq(result.state)).toMatchObject({ phase: 'revealed', outcome: 'dead' });
    expect(result.ok && result.events).toEqual([{ type: 'question-dead' }]);
  });

  it('[B8] the host may end a question from reading and reveal it', () => {
    const state = play(reading(), [{ type: 'answer:reveal', at: T0 }]);
    expect(bq(state)).toMatchObject({ phase: 'revealed', outcome: 'ended' });
  });
});

describe('[B9] deadlines settle first', () => {
  it('[B9] a press at the window end meets a dead question', () => {
    expect(refused(openQuestion(), press('s1', T0 + DEFAULT_BUZZ_WINDOW_MS))).toBe(CommandError.QuestionOver);
  });

  it('[B9] a press one millisecond before the window ends still wins', () => {
    const state = play(openQuestion(), [press('s1', T0 + DEFAULT_BUZZ_WINDOW_MS - 1)]);
    expect(bq(state).winner).toBe('s1');
  });

  it('[B9] a ruling after the countdown ran out finds a timeout already ruled', () => {
    const state = play(openQuestion(), [press('s1', T0)]);
    expect(refused(state, rule('right', T0 + DEFAULT_ANSWER_TIME_MS + 5))).toBe(CommandError.WrongPhase);
  });
});

describe('[B10] undo the last ruling', () => {
  it('[B10] undoing a wrong ruling restores the score and the seat answering, without countdown', () => {
    const wrong = play(openQuestion(), [press('s1', T0 + 500), rule('wrong', T0 + 3000)]);
    const state = play(wrong, [{ type: 'ruling:undo', at: T0 + 3500 }]);
    expect(state.scores.s1).toBe(0);
    expect(bq(state)).toMatchObject({ phase: 'answering', winner: 's1', answerDeadline: null, out: [] });
    expect(state.ledger.map((e) => [e.reason, e.delta, e.undone ?? false])).toEqual([
      ['wrong', -DEFAULT_WRONG_POINTS, true],
      ['undo', DEFAULT_WRONG_POINTS, false],
    ]);
    expect(nextDeadline(state)).toBeNull();
    // The host can now rule again by hand.
    expect(play(state, [rule('right', T0 + 60_000)]).scores.s1).toBe(DEFAULT_RIGHT_POINTS);
  });

  it('[B10] undo after moving on reverses the points but leaves the new question alone', () => {
    const state = play(openQuestion(), [
      press('s2', T0 + 500),
      rule('right', T0 + 3000),
      { type: 'question:next', at: T0 + 5000 },
      { type: 'ruling:undo', at: T0 + 6000 },
    ]);
    expect(state.scores.s2).toBe(0);
    expect(bq(state)).toMatchObject({ index: 1, phase: 'reading' });
  });

  it('[B10] rulings are undone newest first, each once', () => {
    let state = play(openQuestion(), [press('s1', T0 + 500), rule('wrong', T0 + 1000), { type: 'buzzers:reopen', at: T0 + 2000 }]);
    state = play(state, [press('s2', T0 + 2100), rule('right', T0 + 3000), { type: 'ruling:undo', at: T0 + 4000 }]);
    expect(state.scores).toMatchObject({ s1: -DEFAULT_WRONG_POINTS, s2: 0 });
    state = play(state, [{ type: 'ruling:undo', at: T0 + 4100 }]);
    expect(state.scores).toMatchObject({ s1: 0, s2: 0 });
    expect(refused(state, { type: 'ruling:undo', at: T0 + 4200 })).toBe(CommandError.NothingToUndo);
  });

  it('[B10] nothing to undo is refused', () => {
    expect(refused(openQuestion(), { type: 'ruling:undo', at: T0 })).toBe(CommandError.NothingToUndo);
  });
});

describe('[B11] adjust by hand', () => {
  it('[B11] an adjustment is applied and recorded with its reason', () => {
    const state = play(initialState(definition()), [{ type: 'score:adjust', seatId: 's3', delta: 5, reason: '评委复核', at: T0 }]);
    expect(state.scores.s3).toBe(5);
    expect(state.ledger).toEqual([{ seq: 1, at: T0, seatId: 's3', delta: 5, reason: 'adjust', note: '评委复核', round: null, questionNumber: null }]);
  });

  it('[B11] adjusting an unknown seat is refused', () => {
    expect(refused(initialState(definition()), { type: 'score:adjust', seatId: 'x', delta: 5, reason: 'r', at: T0 })).toBe(
      CommandError.UnknownSeat,
    );
  });
});

describe('[B12] moving on', () => {
  it.each([
    ['open', openQuestion()],
    ['answering', play(openQuestion(), [press('s1', T0 + 1)])],
  ])('[B12] next question while %s is refused', (_, state) => {
    expect(refused(state, { type: 'question:next', at: T0 + 2 })).toBe(CommandError.QuestionInPlay);
  });

  it('[B12] after the last question the contest is finished', () => {
    const state = play(initialState(definition({ questions: 1 })), [
      { type: 'question:next', at: T0 },
      { type: 'question:next', at: T0 + 1 },
      { type: 'question:next', at: T0 + 2 },
    ]);
    expect(state.stage).toBe('finished');
    expect(refused(state, { type: 'question:next', at: T0 + 3 })).toBe(CommandError.ContestFinished);
  });
});

describe('[B14] every press is logged', () => {
  it('[B14] presses carry time, seat and decision', () => {
    const state = play(reading(), [press('s3', T0 - 20), { type: 'buzzers:open', at: T0 }, press('s2', T0 + 300), press('s1', T0 + 301)]);
    // Without press-time evidence a press is judged at its arrival, with no bound (P2).
    const judgedByArrival = { claimedAt: null, errorMs: 0, boundMs: null };
    expect(bq(state).buzzes).toEqual([
      { at: T0 - 20, seatId: 's3', decision: 'false-start', judgedAt: T0 - 20, ...judgedByArrival },
      { at: T0 + 300, seatId: 's2', decision: 'won', judgedAt: T0 + 300, ...judgedByArrival },
      { at: T0 + 301, seatId: 's1', decision: 'late', judgedAt: T0 + 301, ...judgedByArrival },
    ]);
  });
});

describe('[B15] refusals change nothing', () => {
  it('[B15] a refused command returns no state and leaves the old one equal', () => {
    const state = openQuestion();
    const before = structuredClone(state);
    for (const command of [rule('right', T0 + 1), { type: 'buzzers:open', at: T0 + 1 } as Command, press('ghost', T0 + 1)]) {
      expect(apply(state, command).ok).toBe(false);
    }
    expect(state).toEqual(before);
  });
});
