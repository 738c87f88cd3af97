// Engine tests for risk questions (风险题), named by rule ID (RULES.md RK1-RK8).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import { KINDS } from '../../../shared/contest/kinds.js';
import type { RiskTurn, RiskSettings } from '../../../shared/contest/risk-types.js';
import type { ContestState, RiskRound } from '../../../shared/contest/types.js';
import { viewFor, viewOfKind, type RoomFacts } from '../../../shared/contest/views.js';
import { standings } from '../../../shared/contest/standings.js';
import { buzzRound, choice, definition, openQuestion, play, riskRound, T0 } from '../../support/builders.js';
import type { BuzzInRound } from '../../../shared/contest/types.js';

const at = (ms: number) => T0 + ms;
const turn = (state: ContestState): RiskTurn => {
  if (state.question?.kind !== 'risk') return expect.fail('not on a risk turn');
  return state.question;
};

function firstTurn(opts: Partial<RiskSettings> = {}, perSeat = 1): ContestState {
  const def = definition({ rounds: [riskRound(['s1', 's2', 's3'], perSeat, opts)] });
  return play(initialState(def), [
    { type: 'question:next', at: at(0) },
    { type: 'question:next', at: at(1) },
  ]);
}

const seatPicks = (stake: number | null, seatId = 's1', ms = 1000): Command => ({ type: 'stake:choose', seatId, stake, at: at(ms) });
const hostPicks = (stake: number | null, ms = 1000): Command => ({ type: 'stake:choose', stake, at: at(ms) });
const start: Command = { type: 'turn:start', at: at(2000) };
const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };

describe('[RK1] turn order', () => {
  it('[RK1] turns go round the order, perSeat times, each starting with the stake still to pick', () => {
    let state = firstTurn({}, 2);
    const seats: string[] = [];
    for (let k = 0; k < 6; k++) {
      expect(turn(state)).toMatchObject({ phase: 'choosing', stake: null, chosenBy: null });
      seats.push(turn(state).seatId);
      state = play(state, [{ type: 'turn:skip', at: at(10 + k) }, { type: 'question:next', at: at(20 + k) }]);
    }
    expect(seats).toEqual(['s1', 's2', 's3', 's1', 's2', 's3']);
    expect(state.stage).toBe('finished');
  });
});

describe('[RK2] picking the stake', () => {
  it.each([10, 20, 30])('[RK2][RK5] a stake of %i: the question is shown; right earns it, wrong loses it', (stake) => {
    const picked = play(firstTurn(), [seatPicks(stake)]);
    expect(turn(picked)).toMatchObject({ phase: 'reading', stake, chosenBy: 'seat' });
    const right = play(picked, [start, { type: 'answer:rule', verdict: 'right', at: at(5000) }]);
    expect(right.scores.s1).toBe(stake);
    expect(right.ledger.at(-1)).toMatchObject({ seatId: 's1', delta: stake, reason: 'right', stake, round: 0, questionNumber: 1 });
    const wrong = play(picked, [start, { type: 'answer:rule', verdict: 'wrong', at: at(5000) }]);
    expect(wrong.scores.s1).toBe(-stake);
    expect(wrong.ledger.at(-1)).toMatchObject({ delta: -stake, reason: 'wrong', stake });
    expect(turn(wrong)).toMatchObject({ phase: 'revealed', outcome: 'wrong' });
  });

  it('[RK2] the host picks for the seat (代选), on the record as the host\'s', () => {
    const result = apply(firstTurn(), hostPicks(20));
    expect(result.ok && turn(result.state)).toMatchObject({ phase: 'reading', stake: 20, chosenBy: 'host' });
    expect(result.ok && result.events).toEqual([{ type: 'stake-chosen', seatId: 's1', stake: 20 }]);
  });

  it('[RK2] a stake that is not one of the round\'s is refused and changes nothing', () => {
    const state = firstTurn();
    for (const stake of [15, 40, 1]) {
      expect(apply(state, seatPicks(stake))).toEqual({ ok: false, error: CommandError.BadStake });
      expect(apply(state, hostPicks(stake))).toEqual({ ok: false, error: CommandError.BadStake });
    }
  });

  it('[RK2] another seat\'s phone cannot pick', () => {
    expect(apply(firstTurn(), seatPicks(30, 's2'))).toEqual({ ok: false, error: CommandError.NotYourTurn });
  });

  it('[RK2] once shown, the host may correct the stake before the countdown; the phone may not', () => {
    const picked = play(firstTurn(), [seatPicks(10)]);
    expect(apply(picked, seatPicks(30, 's1', 1500))).toEqual({ ok: false, error: CommandError.WrongPhase });
    const corrected = play(picked, [hostPicks(30, 1500)]);
    expect(turn(corrected)).toMatchObject({ phase: 'reading', stake: 30, chosenBy: 'host' });
    const started = play(corrected, [start]);
    expect(apply(started, hostPicks(20, 3000))).toEqual({ ok: false, error: CommandError.WrongPhase });
  });
});

describe('[RK3] countdown', () => {
  it('[RK3] the countdown starts only once the stake is set', () => {
    expect(apply(firstTurn(), start)).toEqual({ ok: false, error: CommandError.WrongPhase });
    const started = play(firstTurn(), [seatPicks(20), start]);
    expect(turn(started)).toMatchObject({ phase: 'answering', answerDeadline: at(32_000) });
    expect(nextDeadline(started)).toBe(at(32_000));
  });
});

describe('[RK4] pass', () => {
  it('[RK4] a pass ends the turn at 0, on the record', () => {
    const result = apply(firstTurn(), seatPicks(null));
    if (!result.ok) return expect.fail(result.error);
    expect(turn(result.state)).toMatchObject({ phase: 'revealed', outcome: 'passed', stake: null, chosenBy: 'seat' });
    expect(result.state.scores.s1).toBe(0);
    expect(result.state.ledger).toEqual([expect.objectContaining({ seatId: 's1', delta: 0, reason: 'passed', questionNumber: 1 })]);
    expect(result.events).toEqual([{ type: 'stake-chosen', seatId: 's1', stake: null }]);
    expect(apply(result.state, { type: 'question:next', at: at(2000) }).ok).toBe(true);
  });

  it('[RK4] the host may pass for the seat', () => {
    const state = play(firstTurn(), [hostPicks(null)]);
    expect(turn(state)).toMatchObject({ outcome: 'passed', chosenBy: 'host' });
  });

  it('[RK4] a pass is refused when the round allows none', () => {
    const state = firstTurn({ allowPass: false });
    expect(apply(state, seatPicks(null))).toEqual({ ok: false, error: CommandError.PassNotAllowed });
    expect(apply(state, hostPicks(null))).toEqual({ ok: false, error: CommandError.PassNotAllowed });
  });
});

describe('[RK5] ruling', () => {
  it('[RK5] a countdown that runs out loses the stake, as a timeout', () => {
    const state = play(firstTurn(), [seatPicks(30), start, { type: 'clock:tick', at: at(32_000) }]);
    expect(state.scores.s1).toBe(-30);
    expect(turn(state)).toMatchObject({ phase: 'revealed', outcome: 'timeout' });
    expect(state.ledger.at(-1)).toMatchObject({ reason: 'timeout', delta: -30, stake: 30, at: at(32_000) });
  });

  it('[RK5] the host may rule before starting the countdown, never before the stake is set', () => {
    expect(apply(firstTurn(), { type: 'answer:rule', verdict: 'right', at: at(500) })).toEqual({ ok: false, error: CommandError.WrongPhase });
    const ruled = play(firstTurn(), [seatPicks(20), { type: 'answer:rule', verdict: 'right', at: at(1500) }]);
    expect(ruled.scores.s1).toBe(20);
  });

  it('[F2] the turn is in play until it is ruled, passed or skipped', () => {
    const next: Command = { type: 'question:next', at: at(9000) };
    expect(apply(firstTurn(), next)).toEqual({ ok: false, error: CommandError.QuestionInPlay });
    expect(apply(play(firstTurn(), [seatPicks(10)]), next)).toEqual({ ok: false, error: CommandError.QuestionInPlay });
    expect(apply(play(firstTurn(), [seatPicks(10), start]), next)).toEqual({ ok: false, error: CommandError.QuestionInPlay });
  });
});

describe('[RK6] skip, undo, swap, pause', () => {
  it('[RK6] a skip ends the turn unscored, before or after the stake', () => {
    for (const before of [[], [seatPicks(20)], [seatPicks(20), start]] as Command[][]) {
      const state = play(firstTurn(), [...before, { type: 'turn:skip', at: at(3000) }]);
      expect(turn(state)).toMatchObject({ phase: 'revealed', outcome: 'skipped' });
      expect(state.scores.s1).toBe(0);
      expect(state.ledger).toEqual([]);
    }
  });

  it('[RK6] undo reverses the points and puts the seat back to answering with its stake, no countdown', () => {
    const wrong = play(firstTurn(), [seatPicks(30), start, { type: 'answer:rule', verdict: 'wrong', at: at(5000) }]);
    const undone = play(wrong, [{ type: 'ruling:undo', at: at(6000) }]);
    expect(undone.scores.s1).toBe(0);
    expect(turn(undone)).toMatchObject({ phase: 'answering', stake: 30, answerDeadline: null, outcome: null });
    expect(undone.ledger.at(-1)).toMatchObject({ reason: 'undo', delta: 30, reverses: 1 });
    expect(nextDeadline(undone)).toBeNull();
    const ruledAgain = play(undone, [{ type: 'answer:rule', verdict: 'right', at: at(7000) }]);
    expect(ruledAgain.scores.s1).toBe(30);
  });

  it('[RK6] an undone pass puts the seat back to choosing', () => {
    const undone = play(firstTurn(), [seatPicks(null), { type: 'ruling:undo', at: at(2000) }]);
    expect(turn(undone)).toMatchObject({ phase: 'choosing', stake: null, chosenBy: null, outcome: null });
    expect(play(undone, [seatPicks(20, 's1', 3000)]).question).toMatchObject({ phase: 'reading', stake: 20 });
  });

  it('[RK6][F4] a swap once the question is shown brings the turn back to choosing', () => {
    const picked = play(firstTurn(), [seatPicks(20)]);
    const swapped = play(picked, [{ type: 'question:swap', question: choice(900, 'A'), at: at(1500) }]);
    expect(turn(swapped)).toMatchObject({ phase: 'choosing', stake: null });
    expect(apply(firstTurn(), { type: 'question:swap', question: choice(900, 'A'), at: at(1500) })).toEqual({ ok: false, error: CommandError.WrongPhase });
  });

  it('[RK6][K3] a pause holds the countdown; the resume moves it on by the paused time', () => {
    const paused = play(firstTurn(), [seatPicks(20), start, { type: 'show:pause', at: at(10_000) }]);
    expect(nextDeadline(paused)).toBeNull();
    const resumed = play(paused, [{ type: 'show:resume', at: at(70_000) }]);
    expect(turn(resumed).answerDeadline).toBe(at(92_000));
    expect(play(resumed, [{ type: 'clock:tick', at: at(92_000) }]).scores.s1).toBe(-20);
  });

  it('[RK2][K2] a pick is taken while paused; the countdown waits for the resume', () => {
    const paused = play(firstTurn(), [{ type: 'show:pause', at: at(500) }, seatPicks(20)]);
    expect(turn(paused)).toMatchObject({ phase: 'reading', stake: 20 });
    expect(apply(paused, start)).toEqual({ ok: false, error: CommandError.Paused });
  });

  it('[RK6][K5] added time goes to the running countdown', () => {
    const state = play(firstTurn(), [seatPicks(20), start, { type: 'countdown:extend', ms: 10_000, at: at(5000) }]);
    expect(turn(state).answerDeadline).toBe(at(42_000));
    expect(apply(play(firstTurn(), [seatPicks(20)]), { type: 'countdown:extend', ms: 10_000, at: at(5000) })).toEqual({ ok: false, error: CommandError.NoCountdown });
  });
});

describe('[RK7] who sees what', () => {
  const stemOf = (state: ContestState, role: 'host' | 'screen' | 'contestant', seat: string | null = null) => viewOfKind(viewFor(role, state, facts, seat).question, 'risk');

  it('[RK7] while choosing, no role receives the question, only its number', () => {
    const state = firstTurn();
    const text = state.definition.stages[0].rounds[0].questions[0].stem;
    for (const [role, seat] of [['host', null], ['screen', null], ['contestant', 's1'], ['contestant', 's2']] as const) {
      const view = stemOf(state, role, seat);
      expect(view).toMatchObject({ number: 1, total: 3, stem: '', options: [], category: '', answer: null, answerKey: null, explanation: null, stake: null });
      expect(JSON.stringify(viewFor(role, state, facts, seat))).not.toContain(text);
    }
  });

  it('[RK7] once staked, everyone sees the question and the stake; the key only the host, until revealed', () => {
    const state = play(firstTurn(), [seatPicks(30)]);
    const text = state.definition.stages[0].rounds[0].questions[0].stem;
    expect(stemOf(state, 'screen')).toMatchObject({ stem: text, stake: 30, chosenBy: 'seat', answer: null });
    expect(stemOf(state, 'contestant', 's2')).toMatchObject({ stem: text, stake: 30, answer: null });
    expect(stemOf(state, 'host')).toMatchObject({ stem: text, stake: 30, answer: '答案300' });
    const revealed = play(state, [{ type: 'answer:rule', verdict: 'right', at: at(3000) }]);
    expect(stemOf(revealed, 'contestant', 's2')).toMatchObject({ outcome: 'right', answer: '答案300' });
  });

  it('[RK7] every phone sees whose turn it is (the seat is named in its view)', () => {
    const view = viewFor('contestant', firstTurn(), facts, 's2');
    expect(view.seats.map((s) => s.id).sort()).toEqual(['s1', 's2']);
  });

  it('[RK7] the round view carries the stakes and whether a pass is allowed', () => {
    expect(viewFor('screen', firstTurn({ allowPass: false }), facts).round).toMatchObject({ kind: 'risk', stakes: [10, 20, 30], allowPass: false, answerTimeMs: 30_000 });
  });
});

describe('[RK8] most points', () => {
  it('[RK8] turns of the seat with the most, times the highest stake', () => {
    const round = (n: number, perSeat: number, stakes = [10, 20, 30]): RiskRound => ({ ...riskRound(['s1', 's2', 's3'], perSeat, { stakes }), questions: riskRound(['s1', 's2', 's3'], perSeat).questions.slice(0, n) });
    const def = definition({ rounds: [] });
    expect(KINDS.risk.mostPoints(round(3, 1), def)).toBe(30);
    expect(KINDS.risk.mostPoints(round(6, 2, [5, 50, 20]), def)).toBe(100);
    // Four turns over three seats: the first seat takes two.
    expect(KINDS.risk.mostPoints(round(4, 2), def)).toBe(60);
  });
});

describe('[RK8][R2] a risk stage normalised by the most points', () => {
  it('[RK8] a seat that wins the highest stake on every turn scores 100 in a stage normalised by `max`', () => {
    const base = definition({ rounds: [riskRound(['s1', 's2', 's3'], 1)] });
    const def = { ...base, stages: base.stages.map((stage) => ({ ...stage, normalise: 'max' as const })) };
    const state = play(initialState(def), [
      { type: 'question:next', at: at(0) },
      { type: 'question:next', at: at(1) },
      { type: 'stake:choose', seatId: 's1', stake: 30, at: at(2) },
      { type: 'answer:rule', verdict: 'right', at: at(3) },
      { type: 'question:next', at: at(4) },
      { type: 'stake:choose', seatId: 's2', stake: 10, at: at(5) },
      { type: 'answer:rule', verdict: 'right', at: at(6) },
    ]);
    const bySeat = Object.fromEntries(standings(state).map((s) => [s.seatId, s.stages[0]]));
    expect(bySeat.s1).toMatchObject({ raw: 30, normalised: 100 });
    expect(bySeat.s2.normalised).toBeCloseTo(33.33, 2);
  });
});

describe('[RK9] risk buzz-in (风险抢答)', () => {
  /** A buzz-in round with risk on: question 1 carries 30 points of its own (F5), question 2 none. */
  function riskBuzzContest() {
    const round = buzzRound(2, { risk: true, rightPoints: 10, wrongPoints: 5 }) as BuzzInRound;
    const questions = round.questions.map((q, i) => (i === 0 ? { ...q, points: 30 } : q));
    return definition({ seats: 3, rounds: [{ ...round, questions }] });
  }
  const riskBuzz = () => openQuestion(riskBuzzContest());
  /** `seatId` presses first; with nobody else armed the buzz is decided at once (P4). */
  function won(state: ContestState, seatId = 's1', ms = 100): ContestState {
    const pressed = play(state, [{ type: 'buzz:press', seatId, at: at(ms) }]);
    expect(pressed.question).toMatchObject({ phase: 'answering', winner: seatId });
    return pressed;
  }

  it('[RK9] the winner earns the question\'s stake if right, and loses it if wrong, not the round\'s wrong points', () => {
    const right = play(won(riskBuzz()), [{ type: 'answer:rule', verdict: 'right', at: at(3000) }]);
    expect(right.ledger.at(-1)).toMatchObject({ seatId: 's1', delta: 30, reason: 'right', stake: 30 });
    const wrong = play(won(riskBuzz()), [{ type: 'answer:rule', verdict: 'wrong', at: at(3000) }]);
    expect(wrong.ledger.at(-1)).toMatchObject({ seatId: 's1', delta: -30, reason: 'wrong', stake: 30 });
    expect(wrong.question).toMatchObject({ phase: 'wrong', out: ['s1'] });
  });

  it('[RK9] a timeout loses the stake; a question without points of its own risks the round\'s right points', () => {
    const answering = won(riskBuzz());
    const deadline = answering.question?.kind === 'buzz-in' ? answering.question.answerDeadline : null;
    if (deadline === null) return expect.fail('no answer countdown');
    const timedOut = play(answering, [{ type: 'clock:tick', at: deadline }]);
    expect(timedOut.ledger.at(-1)).toMatchObject({ delta: -30, reason: 'timeout', stake: 30 });
    const second = play(initialState(riskBuzzContest()), [
      { type: 'question:next', at: at(10) },
      { type: 'question:next', at: at(20) },
      { type: 'answer:reveal', at: at(30) },
      { type: 'question:next', at: at(40) },
      { type: 'buzzers:open', at: at(50) },
    ]);
    const wrong = play(won(second, 's2', 200), [{ type: 'answer:rule', verdict: 'wrong', at: at(3000) }]);
    expect(wrong.ledger.at(-1)).toMatchObject({ seatId: 's2', delta: -10, stake: 10 });
  });

  it('[RK9] every role sees the stake; the round view says the round is played for it', () => {
    const state = riskBuzz();
    for (const [role, seat] of [['host', null], ['screen', null], ['contestant', 's2']] as const) {
      expect(viewOfKind(viewFor(role, state, facts, seat).question, 'buzz-in')?.stake).toBe(30);
      expect(viewFor(role, state, facts, seat).round).toMatchObject({ kind: 'buzz-in', risk: true });
    }
  });

  it('[RK9][B6] without risk, nothing changes: wrong deducts the round\'s wrong points, no stake anywhere', () => {
    const plain = openQuestion(definition({ seats: 3, rounds: [buzzRound(2, { wrongPoints: 5 })] }));
    const wrong = play(won(plain), [{ type: 'answer:rule', verdict: 'wrong', at: at(3000) }]);
    expect(wrong.ledger.at(-1)).toEqual(expect.not.objectContaining({ stake: expect.anything() }));
    expect(wrong.ledger.at(-1)).toMatchObject({ delta: -5 });
    expect('stake' in (viewFor('screen', plain, facts).question ?? {})).toBe(false);
    expect('risk' in (viewFor('screen', plain, facts).round ?? {})).toBe(false);
  });
});
