// Engine tests for judged rounds (评委打分: 悟思想, 述行动), named by rule ID (RULES.md J1-J8).
// Every figure is worked by hand in a comment beside it.
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { allowedRoundCommands, apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { JudgedSettings, JudgedTurn } from '../../../shared/contest/judging-types.js';
import type { ContestState } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { judgedRound, judges, play, seats, T0 } from '../../support/builders.js';
import { judgedOf } from '../../support/question-of.js';

const at = (ms: number) => T0 + ms;
const turn = (state: ContestState): JudgedTurn => {
  if (state.question?.kind !== 'judged') return expect.fail('not on a judged turn');
  return state.question;
};
const refusal = (state: ContestState, command: Command) => {
  const result = apply(state, command);
  return result.ok ? 'accepted' : result.error;
};

/** A contest of three seats (s2 with its own title) and a judged round on its first turn. */
function firstTurn(opts: Partial<JudgedSettings> = {}, panel = 5): ContestState {
  const hall = seats(3).map((s) => (s.id === 's2' ? { ...s, topic: '党建引领乡村振兴' } : s));
  const def = { title: '决赛', seed: 'judged', seats: hall, judges: judges(panel), stages: [{ id: 'act', name: '述行动', weight: 0.7, rounds: [judgedRound(['s2', 's1', 's3'], opts)] }] };
  return play(initialState(def), [
    { type: 'question:next', at: at(0) },
    { type: 'question:next', at: at(1) },
  ]);
}

const score = (judgeId: string, value: number, ms: number, seatId = 's2'): Command => ({ type: 'judge:score', judgeId, seatId, value, at: at(ms) });
/** Speech from 1 s to 2 s, then scores 88, 92.5, 79, 85, 90 from j1..j5. */
const FIVE = [88, 92.5, 79, 85, 90];
function scored(values = FIVE, opts: Partial<JudgedSettings> = {}): ContestState {
  return play(firstTurn(opts, values.length), [
    { type: 'speech:start', at: at(1000) },
    { type: 'speech:stop', at: at(2000) },
    ...values.map((v, i) => score(`j${i + 1}`, v, 3000 + i)),
  ]);
}

describe('[J1] seats are called in the round order', () => {
  it('[J1] one turn per seat of the order, then the contest moves on', () => {
    let state = firstTurn();
    const called: string[] = [];
    for (let k = 0; k < 3; k++) {
      called.push(turn(state).seatId);
      state = play(state, [{ type: 'speech:start', at: at(10_000 * k + 100) }, { type: 'speech:stop', at: at(10_000 * k + 200) }, ...FIVE.map((v, i) => score(`j${i + 1}`, v, 10_000 * k + 300, turn(state).seatId)), { type: 'answer:reveal', at: at(10_000 * k + 400) }, { type: 'question:next', at: at(10_000 * k + 500) }]);
    }
    expect(called).toEqual(['s2', 's1', 's3']);
    expect(state.stage).toBe('finished');
  });

  it('[J1] an action round shows the seat its own title; a reflection round its drawn question', () => {
    const host = (state: ContestState) => judgedOf(viewFor('host', state, ROOM));
    expect(host(firstTurn())).toMatchObject({ prompt: 'title', topic: '党建引领乡村振兴', number: 1, total: 3, seatId: 's2', phase: 'called' });
    const reflection = firstTurn({ prompt: 'question' });
    expect(host(reflection)).toMatchObject({ prompt: 'question', topic: reflection.definition.stages[0].rounds[0].questions[0].stem });
  });

  it('[F2] a called seat that has not begun may be left; from the speech to the reveal it may not', () => {
    expect(refusal(firstTurn(), { type: 'question:next', at: at(5) })).toBe('accepted');
    const started = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }]);
    expect(refusal(started, { type: 'question:next', at: at(2000) })).toBe(CommandError.QuestionInPlay);
    expect(refusal(scored(), { type: 'question:next', at: at(9000) })).toBe(CommandError.QuestionInPlay);
  });
});

describe('[J2] judges score the seat now called', () => {
  it('[J2] scores are refused before the speech, accepted while speaking and after it', () => {
    expect(refusal(firstTurn(), score('j1', 80, 500))).toBe(CommandError.WrongPhase);
    const speaking = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }, score('j1', 80, 1500)]);
    const stopped = play(speaking, [{ type: 'speech:stop', at: at(2000) }, score('j2', 81, 2500)]);
    expect(Object.keys(turn(stopped).scores)).toEqual(['j1', 'j2']);
    expect(turn(stopped).scores.j1).toEqual({ value: 80, at: at(1500), changes: 0 });
  });

  it('[J2] a changed score replaces the old one before scoring closes, and the change is counted', () => {
    const state = play(scored(), [score('j3', 81, 4000), score('j3', 82.5, 4100)]);
    expect(turn(state).scores.j3).toEqual({ value: 82.5, at: at(4100), changes: 2 });
    // 88, 92.5, 82.5, 85, 90: drop 92.5 and 82.5; (88 + 85 + 90) / 3 = 87.67.
    expect(turn(play(state, [{ type: 'answer:reveal', at: at(5000) }])).result?.aggregate).toBe(87.67);
  });

  it('[J2] after scoring closes a score or a change is refused, and nothing changes', () => {
    const closed = play(scored(), [{ type: 'judging:close', at: at(4000) }]);
    expect(refusal(closed, score('j1', 60, 4100))).toBe(CommandError.ScoringClosed);
    expect(turn(closed).scores.j1.value).toBe(88);
    const revealed = play(closed, [{ type: 'answer:reveal', at: at(5000) }]);
    expect(refusal(revealed, score('j1', 60, 5100))).toBe(CommandError.ScoringClosed);
  });

  it.each([
    ['another seat (a stale page)', score('j1', 80, 3000, 's1'), CommandError.NotCurrentSeat],
    ['an unknown judge', score('j9', 80, 3000), CommandError.UnknownJudge],
    ['off the step', score('j1', 80.3, 3000), CommandError.BadScore],
    ['over the scale', score('j1', 100.5, 3000), CommandError.BadScore],
    ['parts without criteria', { ...score('j1', 80, 3000), parts: [40, 40] } as Command, CommandError.BadScore],
  ])('[J2] a score for %s is refused', (_, command, error) => {
    const state = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }]);
    expect(refusal(state, command)).toBe(error);
  });

  it('[J2] with criteria, parts within their maxima adding up to the score', () => {
    const criteria = [{ name: '内容', max: 40 }, { name: '表达', max: 30 }, { name: '效果', max: 30 }];
    const state = play(firstTurn({ criteria }), [{ type: 'speech:start', at: at(1000) }]);
    expect(refusal(state, { ...score('j1', 85.5, 1500), parts: [35, 25.5, 25] } as Command)).toBe('accepted');
    expect(refusal(state, { ...score('j1', 85.5, 1500), parts: [35, 25, 25] } as Command)).toBe(CommandError.BadScore);
    expect(refusal(state, { ...score('j1', 85, 1500), parts: [45, 20, 20] } as Command)).toBe(CommandError.BadScore);
  });
});

describe('[J3][J4] the reveal', () => {
  it('[J4] closing waits for every counting judge', () => {
    const four = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }, { type: 'speech:stop', at: at(2000) }, ...FIVE.slice(0, 4).map((v, i) => score(`j${i + 1}`, v, 3000))]);
    expect(refusal(four, { type: 'judging:close', at: at(4000) })).toBe(CommandError.ScoresMissing);
    expect(refusal(four, { type: 'answer:reveal', at: at(4000) })).toBe(CommandError.ScoresMissing);
    const speaking = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }]);
    expect(refusal(speaking, { type: 'judging:close', at: at(4000) })).toBe(CommandError.WrongPhase);
  });

  it('[J3][J4] the result enters the stage total on the record, the dropped scores marked', () => {
    // 88, 92.5, 79, 85, 90: drop j2 (92.5) and j3 (79); (88 + 85 + 90) / 3 = 263 / 3 = 87.67.
    const state = play(scored(), [{ type: 'judging:close', at: at(4000) }, { type: 'answer:reveal', at: at(5000) }]);
    expect(turn(state)).toMatchObject({ phase: 'revealed', result: { counted: ['j1', 'j2', 'j3', 'j4', 'j5'], dropped: ['j2', 'j3'], aggregate: 87.67, deduction: 0, points: 87.67 } });
    expect(state.scores.s2).toBe(87.67);
    expect(state.ledger.at(-1)).toMatchObject({ seatId: 's2', delta: 87.67, reason: 'judged', round: 0, questionNumber: 1 });
    const screen = judgedOf(viewFor('screen', state, ROOM));
    expect(screen?.revealed).toEqual({ scores: { j1: 88, j2: 92.5, j3: 79, j4: 85, j5: 90 }, result: turn(state).result });
  });

  it('[J4] the reveal from scoring closes it, once every counting judge has scored', () => {
    const state = play(scored(), [{ type: 'answer:reveal', at: at(5000) }]);
    expect(turn(state).phase).toBe('revealed');
    expect(refusal(state, { type: 'answer:reveal', at: at(5100) })).toBe(CommandError.ScoringClosed);
  });

  it('[J3] seven judges, trimmed', () => {
    // 86, 91, 84.5, 95, 88, 70, 89.5: drop 95 (j4) and 70 (j6); 439 / 5 = 87.8.
    const state = play(scored([86, 91, 84.5, 95, 88, 70, 89.5]), [{ type: 'answer:reveal', at: at(5000) }]);
    expect(turn(state).result).toMatchObject({ dropped: ['j4', 'j6'], points: 87.8 });
  });

  it('[J3] three judges, with the plain mean the file asked for', () => {
    // (90 + 80 + 85.5) / 3 = 255.5 / 3 = 85.1666… -> 85.17.
    const state = play(scored([90, 80, 85.5], { aggregate: 'mean' }), [{ type: 'answer:reveal', at: at(5000) }]);
    expect(turn(state).result).toMatchObject({ dropped: [], points: 85.17 });
  });
});

describe('[J5] exclusion and paper scores', () => {
  it('[J5] an excluded judge is not waited for, cannot score, and does not count', () => {
    const state = play(firstTurn(), [
      { type: 'judge:exclude', judgeId: 'j3', reason: '回避：同单位', at: at(500) },
      { type: 'speech:start', at: at(1000) },
      { type: 'speech:stop', at: at(2000) },
      ...[88, 92.5, 85, 90].map((v, i) => score(['j1', 'j2', 'j4', 'j5'][i], v, 3000)),
    ]);
    expect(refusal(state, score('j3', 79, 3100))).toBe(CommandError.JudgeExcluded);
    // 88, 92.5, 85, 90: drop 92.5 and 85; (88 + 90) / 2 = 89.
    const revealed = play(state, [{ type: 'judging:close', at: at(4000) }, { type: 'answer:reveal', at: at(5000) }]);
    expect(turn(revealed).result).toMatchObject({ counted: ['j1', 'j2', 'j4', 'j5'], dropped: ['j2', 'j4'], points: 89 });
  });

  it('[J5] a judge excluded after scoring stops counting; included again, counts again', () => {
    const state = play(scored(), [{ type: 'judge:exclude', judgeId: 'j3', reason: '缺席', at: at(4000) }]);
    expect(judgedOf(viewFor('host', state, ROOM))).toMatchObject({ scored: ['j1', 'j2', 'j4', 'j5'], excluded: { j3: '缺席' } });
    const back = play(state, [{ type: 'judge:include', judgeId: 'j3', at: at(4100) }, { type: 'answer:reveal', at: at(5000) }]);
    expect(turn(back).result?.counted).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
  });

  it('[J5] exclusions are refused once scoring is closed, and for an unknown judge', () => {
    const closed = play(scored(), [{ type: 'judging:close', at: at(4000) }]);
    expect(refusal(closed, { type: 'judge:exclude', judgeId: 'j1', reason: '缺席', at: at(4100) })).toBe(CommandError.ScoringClosed);
    expect(refusal(closed, { type: 'judge:include', judgeId: 'j1', at: at(4100) })).toBe(CommandError.ScoringClosed);
    expect(refusal(firstTurn(), { type: 'judge:exclude', judgeId: 'j9', reason: '缺席', at: at(4100) })).toBe(CommandError.UnknownJudge);
  });

  it('[J5] the host enters a paper score on a judge’s behalf, recorded as such', () => {
    const state = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }, { type: 'judge:enter', judgeId: 'j4', seatId: 's2', value: 85, at: at(1500) }]);
    expect(turn(state).scores.j4).toEqual({ value: 85, at: at(1500), byHost: true, changes: 0 });
    expect(judgedOf(viewFor('host', state, ROOM))).toMatchObject({ scored: ['j4'], byHost: ['j4'] });
  });
});

describe('[J6] the speaking timer', () => {
  it('[J6] preparation first, then speaking from the end of it; speaking has no deadline of its own', () => {
    let state = play(firstTurn({ prepareMs: 60_000 }), [{ type: 'speech:start', at: at(1000) }]);
    expect(turn(state)).toMatchObject({ phase: 'preparing', prepareDeadline: at(61_000) });
    expect(nextDeadline(state)).toBe(at(61_000));
    expect(refusal(state, score('j1', 80, 2000))).toBe(CommandError.WrongPhase);
    state = play(state, [{ type: 'clock:tick', at: at(61_000) }]);
    expect(turn(state)).toMatchObject({ phase: 'speaking', speakingFrom: at(61_000), speakDeadline: at(361_000) });
    expect(nextDeadline(state)).toBeNull();
  });

  it('[J6] the host may end the preparation early', () => {
    const state = play(firstTurn({ prepareMs: 60_000 }), [{ type: 'speech:start', at: at(1000) }, { type: 'speech:start', at: at(30_000) }]);
    expect(turn(state)).toMatchObject({ phase: 'speaking', prepareDeadline: null, speakingFrom: at(30_000), speakDeadline: at(330_000) });
  });

  it('[J6] overtime counts until the host stops it, and is deducted per started period', () => {
    // Speaking 1 s .. 301 s; stopped at 346 s: 45 s over; 0.5 per started 30 s: 2 × 0.5 = 1 off.
    // 88, 92.5, 79, 85, 90 trimmed: 87.67; 87.67 - 1 = 86.67.
    const overtime = { perMs: 30_000, points: 0.5 };
    const state = play(firstTurn({ overtime }), [
      { type: 'speech:start', at: at(1000) },
      { type: 'speech:stop', at: at(346_000) },
      ...FIVE.map((v, i) => score(`j${i + 1}`, v, 350_000)),
      { type: 'answer:reveal', at: at(360_000) },
    ]);
    expect(turn(state).result).toMatchObject({ aggregate: 87.67, overtimeMs: 45_000, deduction: 1, points: 86.67 });
    expect(state.scores.s2).toBe(86.67);
  });

  it('[J6][K3] a pause while speaking does not count: the timer resumes where it stood', () => {
    // Speaking from 1 s (due at 301 s); paused 100 s .. 160 s; stopped at 370 s:
    // the timer is due at 361 s after the pause, so 9 s over, not 69 s.
    const state = play(firstTurn({ overtime: { perMs: 10_000, points: 1 } }), [
      { type: 'speech:start', at: at(1000) },
      { type: 'show:pause', at: at(100_000) },
      { type: 'show:resume', at: at(160_000) },
      { type: 'speech:stop', at: at(370_000) },
    ]);
    expect(turn(state)).toMatchObject({ speakingFrom: at(61_000), speakDeadline: at(361_000), speakingUntil: at(370_000) });
    const revealed = play(state, [...FIVE.map((v, i) => score(`j${i + 1}`, v, 371_000)), { type: 'answer:reveal', at: at(372_000) }]);
    expect(turn(revealed).result).toMatchObject({ overtimeMs: 9000, deduction: 1 });
  });

  it('[J6][K3] stopped while paused: overtime ends at the pause, and the resume moves nothing', () => {
    // Due at 301 s; paused at 320 s (19 s over); stopped at 400 s during the pause.
    const state = play(firstTurn(), [
      { type: 'speech:start', at: at(1000) },
      { type: 'show:pause', at: at(320_000) },
      { type: 'speech:stop', at: at(400_000) },
      { type: 'show:resume', at: at(500_000) },
    ]);
    expect(turn(state)).toMatchObject({ phase: 'scoring', speakDeadline: at(301_000), speakingUntil: at(320_000) });
  });

  it('[J6][K2] calling a seat up waits for the resume; scoring does not', () => {
    const paused = play(firstTurn(), [{ type: 'show:pause', at: at(500) }]);
    expect(refusal(paused, { type: 'speech:start', at: at(600) })).toBe(CommandError.Paused);
    const speakingPaused = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }, { type: 'show:pause', at: at(2000) }]);
    expect(refusal(speakingPaused, score('j1', 80, 2500))).toBe('accepted');
  });

  it('[J6][K5] added time goes to the preparation or the speaking time still running', () => {
    const preparing = play(firstTurn({ prepareMs: 60_000 }), [{ type: 'speech:start', at: at(1000) }, { type: 'countdown:extend', ms: 30_000, at: at(2000) }]);
    expect(turn(preparing).prepareDeadline).toBe(at(91_000));
    const speaking = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }, { type: 'countdown:extend', ms: 60_000, at: at(2000) }]);
    expect(turn(speaking).speakDeadline).toBe(at(361_000));
    const over = play(firstTurn(), [{ type: 'speech:start', at: at(1000) }]);
    expect(refusal(over, { type: 'countdown:extend', ms: 60_000, at: at(302_000) })).toBe(CommandError.NoCountdown);
  });
});

const ROOM: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: 'http://hall/', joinCodes: {}, started: true };

describe('[J7] nobody sees a judge’s score before the reveal, but the judge', () => {
  it('[J7] judge A’s view carries its own score and never judge B’s', () => {
    const state = scored();
    const j1 = viewFor('judge', state, ROOM, null, 'j1');
    expect(judgedOf(j1)?.myScore).toEqual({ value: 88, at: at(3000), changes: 0 });
    expect(judgedOf(j1)).toMatchObject({ scored: [], byHost: [], excluded: {}, revealed: null });
    expect(JSON.stringify(j1).match(/"value"/g)).toHaveLength(1);
  });

  it('[J7] the host sees who has scored, never a value; the screen counts who has scored, never why one does not; phones see nothing', () => {
    const state = play(scored(), [{ type: 'judge:exclude', judgeId: 'j5', reason: '回避（同单位）', at: at(3500) }]);
    const host = viewFor('host', state, ROOM);
    expect(judgedOf(host)).toMatchObject({ scored: ['j1', 'j2', 'j3', 'j4'], excluded: { j5: '回避（同单位）' }, myScore: null, revealed: null });
    for (const role of ['host', 'screen', 'contestant'] as const) {
      const view = viewFor(role, state, ROOM, 's2', 'j1');
      expect(JSON.stringify(judgedOf(view))).not.toMatch(/"value"|92\.5/);
    }
    expect(judgedOf(viewFor('screen', state, ROOM))).toMatchObject({ scored: ['j1', 'j2', 'j3', 'j4'], byHost: [], excluded: { j5: '' }, myScore: null });
    expect(judgedOf(viewFor('contestant', state, ROOM, 's2'))).toMatchObject({ scored: [], byHost: [], excluded: {}, myScore: null });
  });

  it('[J7] every role sees the panel and, once revealed, every counting score', () => {
    const state = play(scored(), [{ type: 'answer:reveal', at: at(5000) }]);
    for (const role of ['host', 'screen', 'contestant', 'judge'] as const) {
      const view = viewFor(role, state, ROOM, 's1', 'j2');
      expect(view.judges.map((j) => j.id)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
      expect(judgedOf(view)?.revealed?.scores).toEqual({ j1: 88, j2: 92.5, j3: 79, j4: 85, j5: 90 });
    }
  });
});

describe('[J8] undo and adjust', () => {
  it('[J8] undoing a reveal reverses its points on the record and reopens scoring to correct a score', () => {
    const revealed = play(scored(), [{ type: 'judging:close', at: at(4000) }, { type: 'answer:reveal', at: at(5000) }]);
    const undone = play(revealed, [{ type: 'ruling:undo', at: at(6000) }]);
    expect(turn(undone)).toMatchObject({ phase: 'scoring', result: null });
    expect(undone.scores.s2).toBe(0);
    expect(undone.ledger.slice(-2)).toMatchObject([
      { reason: 'judged', delta: 87.67, undone: true },
      { reason: 'undo', delta: -87.67, reverses: 1 },
    ]);
    // j3 corrects 79 to 89: 88, 92.5, 89, 85, 90: drop 92.5 and 85; (88 + 89 + 90) / 3 = 89.
    const again = play(undone, [score('j3', 89, 6100), { type: 'answer:reveal', at: at(7000) }]);
    expect(turn(again).result).toMatchObject({ dropped: ['j2', 'j4'], points: 89 });
    expect(again.scores.s2).toBe(89);
    expect(viewFor('host', again, ROOM).lastRuling).toMatchObject({ verdict: 'judged', delta: 89, current: true });
  });

  it('[B11] a judged seat’s score is adjusted like any other', () => {
    const state = play(scored(), [{ type: 'answer:reveal', at: at(5000) }, { type: 'score:adjust', seatId: 's2', delta: -2, reason: '超时未报', at: at(6000) }]);
    expect(state.scores.s2).toBe(85.67);
  });

  it('[J4] the console is told which judged commands the engine takes now', () => {
    expect(allowedRoundCommands(firstTurn())).toContain('speech:start');
    expect(allowedRoundCommands(play(firstTurn(), [{ type: 'speech:start', at: at(1000) }]))).toContain('speech:stop');
    expect(allowedRoundCommands(scored())).toEqual(expect.arrayContaining(['judging:close', 'answer:reveal']));
    expect(allowedRoundCommands(play(scored(), [{ type: 'answer:reveal', at: at(5000) }]))).toEqual([]);
  });
});
