// Engine tests for running the show: pause, resume, added time and a seat's own deadline,
// named by rule ID (RULES.md K1-K5, K8-K9).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { DEFAULT_ANSWER_TIME_MS, DEFAULT_BUZZ_WINDOW_MS, DEFAULT_FALSE_START_LOCKOUT_MS } from '../../../shared/contest/defaults.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { AllAtOnceQuestion, ContestState, InTurnQuestion } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { allAtOnceRound, bq, choice, definition, inTurnRound, openQuestion, play, T0 } from '../../support/builders.js';
import { answersOf, askedOf } from '../../support/question-of.js';

const at = (ms: number) => T0 + ms;
const pause = (ms: number): Command => ({ type: 'show:pause', at: at(ms) });
const resume = (ms: number): Command => ({ type: 'show:resume', at: at(ms) });
const extend = (ms: number, by: number): Command => ({ type: 'countdown:extend', ms: by, at: at(ms) });
const press = (seatId: string, ms: number): Command => ({ type: 'buzz:press', seatId, at: at(ms) });
const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };

const refused = (state: ContestState, command: Command, error: string) => expect(apply(state, command)).toEqual({ ok: false, error });

/** Buzz-in: s1 won the buzz at T0 + 1000 (judged by arrival) and is answering. */
function answering(): ContestState {
  return play(openQuestion(definition({ rules: { fairness: { mode: 'arrival', marginMs: 2, graceCapMs: 300 } } })), [press('s1', 1000)]);
}

function allAtOnce(): ContestState {
  const def = definition({ rounds: [allAtOnceRound([choice(1, 'B')])] });
  return play(initialState(def), [
    { type: 'question:next', at: at(-2000) },
    { type: 'question:next', at: at(-1000) },
    { type: 'answers:open', at: at(0) },
  ]);
}
const aq = (state: ContestState) => state.question as AllAtOnceQuestion;

describe('[K1] pause', () => {
  it('[K1] a paused show has no deadline and settles nothing, however long it waits', () => {
    const state = play(answering(), [pause(3000)]);
    expect(state.pausedAt).toBe(at(3000));
    expect(nextDeadline(state)).toBeNull();
    refused(state, { type: 'clock:tick', at: at(1_000_000) }, CommandError.NothingDue);
    // A ruling long after the countdown would have run out meets the seat still answering.
    const ruled = play(state, [{ type: 'answer:rule', verdict: 'right', at: at(900_000) }]);
    expect(ruled.scores.s1).toBe(10);
  });

  it('[K1] pausing twice is refused; so is pausing in the lobby or a finished contest', () => {
    const state = play(answering(), [pause(3000)]);
    refused(state, pause(4000), CommandError.Paused);
    refused(initialState(definition()), pause(0), CommandError.WrongPhase);
    expect(play(initialState(definition()), [{ type: 'question:next', at: at(0) }, pause(1)]).pausedAt).toBe(at(1));
    const def = definition({ questions: 1 });
    const finished = play(initialState(def), [
      { type: 'question:next', at: at(0) },
      { type: 'question:next', at: at(1) },
      { type: 'answer:reveal', at: at(2) },
      { type: 'question:next', at: at(3) },
    ]);
    expect(finished.stage).toBe('finished');
    refused(finished, pause(4), CommandError.ContestFinished);
  });

  it('[K1] a deadline already passed when the host pauses is applied first (B9)', () => {
    const state = play(answering(), [pause(1000 + DEFAULT_ANSWER_TIME_MS + 5)]);
    expect(bq(state).phase).toBe('wrong');
    expect(state.ledger.at(-1)).toMatchObject({ reason: 'timeout', at: at(1000 + DEFAULT_ANSWER_TIME_MS) });
  });

  it('[K1] every role sees when the show paused', () => {
    const state = play(answering(), [pause(3000)]);
    for (const role of ['host', 'screen', 'contestant'] as const) expect(viewFor(role, state, facts, 's1').pausedAt).toBe(at(3000));
  });
});

describe('[K2] while paused', () => {
  it('[K2] presses and answers are refused and not recorded', () => {
    const open = play(openQuestion(), [pause(500)]);
    refused(open, press('s2', 600), CommandError.Paused);
    const answers = play(allAtOnce(), [pause(500)]);
    refused(answers, { type: 'answer:submit', seatId: 's1', choice: [1], at: at(600) }, CommandError.Paused);
  });

  it('[K2] opening, starting and moving on wait for the resume', () => {
    const def = definition({ rounds: [inTurnRound(['s1', 's2']), allAtOnceRound([choice(1, 'B')])] });
    const turn = play(initialState(def), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }, pause(2)]);
    refused(turn, { type: 'turn:start', at: at(3) }, CommandError.Paused);
    const reading = play(initialState(definition()), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }, pause(2)]);
    refused(reading, { type: 'buzzers:open', at: at(3) }, CommandError.Paused);
    refused(reading, { type: 'question:next', at: at(3) }, CommandError.Paused);
    const wrong = play(answering(), [{ type: 'answer:rule', verdict: 'wrong', at: at(2000) }, pause(2500)]);
    refused(wrong, { type: 'buzzers:reopen', at: at(3000) }, CommandError.Paused);
    const together = play(initialState(definition({ rounds: [allAtOnceRound([choice(1, 'B')])] })), [
      { type: 'question:next', at: at(0) },
      { type: 'question:next', at: at(1) },
      pause(2),
    ]);
    refused(together, { type: 'answers:open', at: at(3) }, CommandError.Paused);
  });

  it('[K2] the host may still rule, undo, adjust and end a question while paused', () => {
    const state = play(answering(), [
      pause(2000),
      { type: 'answer:rule', verdict: 'wrong', at: at(2100) },
      { type: 'ruling:undo', at: at(2200) },
      { type: 'answer:rule', verdict: 'right', at: at(2300) },
      { type: 'score:adjust', seatId: 's2', delta: 5, reason: '更正', at: at(2400) },
    ]);
    expect(state.scores).toEqual({ s1: 10, s2: 5, s3: 0 });
    expect(state.pausedAt).toBe(at(2000));
  });
});

describe('[K3] resume', () => {
  it('[K3] resuming when not paused is refused', () => {
    refused(answering(), resume(2000), CommandError.NotPaused);
  });

  it('[K3] the answer countdown resumes with the time it had', () => {
    const before = bq(answering()).answerDeadline as number;
    const state = play(answering(), [pause(5000), resume(65_000)]);
    expect(state.pausedAt).toBeNull();
    expect(bq(state).answerDeadline).toBe(before + 60_000);
    expect(nextDeadline(state)).toBe(before + 60_000);
    // Still answering a moment before the shifted deadline; timed out at it.
    expect(bq(play(state, [{ type: 'answer:rule', verdict: 'right', at: before + 59_999 }])).outcome).toBe('right');
    const timedOut = apply(state, { type: 'clock:tick', at: before + 60_000 });
    expect(timedOut.ok && bq(timedOut.state).phase).toBe('wrong');
  });

  it('[K3] the buzz window and a running lockout resume; an ended lockout stays ended', () => {
    // s1 false-started at T0 - 1000: its lockout ended long before the pause.
    const reading = play(initialState(definition()), [{ type: 'question:next', at: at(-6000) }, { type: 'question:next', at: at(-5000) }]);
    const state = play(reading, [press('s1', -1000), { type: 'buzzers:open', at: at(0) }, pause(4000), resume(10_000)]);
    expect(bq(state).buzzDeadline).toBe(at(DEFAULT_BUZZ_WINDOW_MS + 6000));
    expect(bq(state).lockedUntil.s1).toBe(at(-1000 + DEFAULT_FALSE_START_LOCKOUT_MS));
    const locked = play(reading, [press('s2', -100), pause(-50), resume(950)]);
    expect(bq(locked).lockedUntil.s2).toBe(at(-100 + DEFAULT_FALSE_START_LOCKOUT_MS + 1000));
  });

  it('[K3] an in-turn countdown resumes with the time it had', () => {
    const def = definition({ rounds: [inTurnRound(['s1', 's2'])] });
    const state = play(initialState(def), [
      { type: 'question:next', at: at(0) },
      { type: 'question:next', at: at(1) },
      { type: 'turn:start', at: at(1000) },
      pause(11_000),
      resume(41_000),
    ]);
    expect((state.question as InTurnQuestion).answerDeadline).toBe(at(1000 + 30_000 + 30_000));
  });
});

describe('[K4] replay', () => {
  it('[K4] the pause is state: replaying the same commands gives the same paused state', () => {
    const commands: Command[] = [pause(3000)];
    const once = play(answering(), commands);
    const again = play(answering(), commands);
    expect(again).toEqual(once);
    expect(nextDeadline(again)).toBeNull();
  });
});

describe('[K5] added time', () => {
  it('[K5] adds to the answer countdown and to the buzz window', () => {
    const before = bq(answering()).answerDeadline as number;
    expect(bq(play(answering(), [extend(2000, 10_000)])).answerDeadline).toBe(before + 10_000);
    expect(bq(play(openQuestion(), [extend(2000, 10_000)])).buzzDeadline).toBe(at(DEFAULT_BUZZ_WINDOW_MS + 10_000));
  });

  it('[K5] adds to the in-turn countdown and to the all-at-once deadline', () => {
    const def = definition({ rounds: [inTurnRound(['s1', 's2'])] });
    const turn = play(initialState(def), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }, { type: 'turn:start', at: at(1000) }, extend(2000, 5000)]);
    expect((turn.question as InTurnQuestion).answerDeadline).toBe(at(36_000));
    expect(aq(play(allAtOnce(), [extend(2000, 5000)])).answerDeadline).toBe(at(25_000));
  });

  it('[K5] with no countdown running it is refused', () => {
    const reading = play(initialState(definition()), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }]);
    refused(reading, extend(2, 10_000), CommandError.NoCountdown);
    // After an undo the host rules by hand: no countdown.
    const byHand = play(answering(), [{ type: 'answer:rule', verdict: 'wrong', at: at(2000) }, { type: 'ruling:undo', at: at(2100) }]);
    refused(byHand, extend(2200, 10_000), CommandError.NoCountdown);
  });

  it('[K5] time added while paused is there after the resume', () => {
    const before = bq(answering()).answerDeadline as number;
    const state = play(answering(), [pause(3000), extend(4000, 10_000), resume(5000)]);
    expect(bq(state).answerDeadline).toBe(before + 10_000 + 2000);
  });
});

describe('[K8][K9] a seat’s own deadline', () => {
  const give = (seatId: string, ms: number, by: number): Command => ({ type: 'answers:extend-seat', seatId, ms: by, at: at(ms) });
  const submit = (seatId: string, ms: number, pick = 1): Command => ({ type: 'answer:submit', seatId, choice: [pick], at: at(ms) });

  it('[K8] the seat answers until its own deadline; the others’ answers after theirs are late', () => {
    const state = play(allAtOnce(), [give('s2', 15_000, 10_000)]);
    expect(aq(state).seatDeadlines).toEqual({ s2: at(30_000) });
    expect(nextDeadline(state)).toBe(at(30_000));
    const late = apply(state, submit('s1', 21_000));
    expect(late.ok && late.answer).toBe('late');
    const inTime = play(state, [submit('s2', 25_000)]);
    expect(aq(inTime).answers.s2?.choice).toEqual([1]);
    // The lock comes at the last deadline: s2 right, s1 (late) none.
    const locked = apply(inTime, { type: 'clock:tick', at: at(30_000) });
    expect(locked.ok && aq(locked.state).results).toMatchObject({ s1: { grade: 'none' }, s2: { grade: 'right' } });
  });

  it('[K8] a seat whose deadline passed is reopened for it alone, from now', () => {
    const state = play(allAtOnce(), [give('s2', 1000, 10_000), give('s1', 22_000, 5000)]);
    expect(aq(state).seatDeadlines).toEqual({ s2: at(30_000), s1: at(27_000) });
    expect(aq(state).phase).toBe('answering');
  });

  it('[K8] its phone counts down to its own deadline; the host sees every seat’s', () => {
    const state = play(allAtOnce(), [give('s2', 1000, 10_000)]);
    expect(askedOf(viewFor('contestant', state, facts, 's2'))?.answerDeadline).toBe(at(30_000));
    expect(askedOf(viewFor('contestant', state, facts, 's1'))?.answerDeadline).toBe(at(20_000));
    expect(answersOf(viewFor('host', state, facts))?.seatDeadlines).toEqual({ s2: at(30_000) });
    expect(answersOf(viewFor('screen', state, facts))?.seatDeadlines).toEqual({});
    const locked = play(state, [{ type: 'answer:reveal', at: at(2000) }]);
    expect(askedOf(viewFor('contestant', locked, facts, 's2'))?.answerDeadline).toBeNull();
  });

  it('[K8] added time (K5) moves the seats still running along with everyone', () => {
    const state = play(allAtOnce(), [give('s2', 1000, 10_000), extend(2000, 5000)]);
    expect(aq(state)).toMatchObject({ answerDeadline: at(25_000), seatDeadlines: { s2: at(35_000) } });
  });

  it('[K9] once answers locked and the key is out, a seat cannot be given time', () => {
    const locked = play(allAtOnce(), [{ type: 'clock:tick', at: at(20_000) }]);
    expect(aq(locked).phase).toBe('revealed');
    refused(locked, give('s1', 21_000, 10_000), CommandError.KeyRevealed);
  });

  it('[K8] only in an all-at-once question that is open, for a seat of the contest', () => {
    refused(answering(), give('s1', 2000, 1000), CommandError.WrongRoundKind);
    refused(allAtOnce(), give('nobody', 2000, 1000), CommandError.UnknownSeat);
    const reading = play(initialState(definition({ rounds: [allAtOnceRound([choice(1, 'B')])] })), [
      { type: 'question:next', at: at(0) },
      { type: 'question:next', at: at(1) },
    ]);
    refused(reading, give('s1', 2, 1000), CommandError.WrongPhase);
  });
});

describe('[K7] what undo would reverse', () => {
  it('[K7] the host view names the last ruling: round, question, seat, verdict, points, and whether it is current', () => {
    const wrong = play(answering(), [{ type: 'answer:rule', verdict: 'wrong', at: at(2000) }]);
    expect(viewFor('host', wrong, facts).lastRuling).toEqual({
      stageName: '比知识',
      roundName: '抢答题',
      questionNumber: 1,
      seatId: 's1',
      verdict: 'wrong',
      delta: -10,
      current: true,
    });
    const later = play(wrong, [{ type: 'answer:reveal', at: at(3000) }, { type: 'question:next', at: at(4000) }]);
    expect(viewFor('host', later, facts).lastRuling).toMatchObject({ questionNumber: 1, current: false });
    expect(viewFor('screen', later, facts).lastRuling).toBeNull();
    expect(viewFor('host', initialState(definition()), facts).lastRuling).toBeNull();
  });
});
