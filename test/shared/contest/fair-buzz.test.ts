// The buzz-in engine judging by press time (RULES.md P1-P9): presses carry the claimed time and
// the link evidence the server measured; a stamp earns at most the credit, and the buzz is
// decided once a press still on its way could only be judged later than the best.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS, type Fairness, type LinkEvidence } from '../../../shared/contest/arbiter.js';
import type { Command } from '../../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { BuzzRules, ContestState } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { bq, definition, play, T0 } from '../../support/builders.js';
import { buzzOf } from '../../support/question-of.js';

const CREDIT = DEFAULT_FAIRNESS.maxCreditMs;
const near: LinkEvidence = { oneWayMs: 5, errorMs: 1, syncErrorMs: 3 };
const far: LinkEvidence = { oneWayMs: 80, errorMs: 1, syncErrorMs: 40 };
const armed = { s1: near, s2: far, s3: near };

function open(rules: Partial<BuzzRules> = {}): ContestState {
  return play(initialState(definition({ rules })), [
    { type: 'question:next', at: T0 - 6000 },
    { type: 'question:next', at: T0 - 5000 },
    { type: 'buzzers:open', at: T0 },
  ]);
}
const withTies = (tieRule: Fairness['tieRule']) => open({ fairness: { ...DEFAULT_FAIRNESS, tieRule } });

const press = (seatId: 's1' | 's2' | 's3', arrivalAt: number, claimedAt: number | null, link: LinkEvidence = armed[seatId], others = armed): Command => ({
  type: 'buzz:press',
  seatId,
  at: T0 + arrivalAt,
  claimedAt: claimedAt === null ? null : T0 + claimedAt,
  link,
  armed: others,
});

describe('[P3][P4] decided once, when no press on its way could still win', () => {
  it('[P4] the first press waits; an earlier press arriving later wins by its stamp', () => {
    const first = apply(open(), press('s1', 1005, 1000));
    if (!first.ok) return expect.fail(first.error);
    expect(first.buzz).toEqual({ decision: 'pending' });
    // After 1000 + credit, a buzz still on its way is judged later than 1000 whatever it claims.
    expect(bq(first.state)).toMatchObject({ phase: 'open', decideAt: T0 + 1000 + CREDIT, winner: null });
    expect(nextDeadline(first.state)).toBe(T0 + 1000 + CREDIT);

    // s2 pressed at 990, 25 ms up its slow link: inside the credit, so its stamp stands.
    const second = play(first.state, [press('s2', 1015, 990)]);
    // The best stamp moved earlier, and so did the decision.
    const decideAt = T0 + 990 + CREDIT;
    expect(bq(second).decideAt).toBe(decideAt);
    const decided = play(second, [{ type: 'clock:tick', at: decideAt }]);
    expect(bq(decided)).toMatchObject({ phase: 'answering', winner: 's2', wonAt: decideAt, leadMs: 10, decidedBy: 'stamp', answerDeadline: decideAt + 20_000 });
    // The lead's honest error: both stamps' worst sync errors, each no more than the credit.
    expect(bq(decided).leadErrorMs).toBe(near.syncErrorMs + Math.min(far.syncErrorMs, CREDIT));
    expect(bq(decided).buzzes.map((b) => [b.seatId, b.decision, b.judgedAt - T0, b.boundMs])).toEqual([
      ['s1', 'beaten', 1000, CREDIT],
      ['s2', 'won', 990, CREDIT],
    ]);
  });

  it('[P4] once every seat that could press has pressed, the buzz is decided at once', () => {
    const state = play(open(), [press('s1', 1005, 1000), press('s3', 1012, 1008)]);
    const last = apply(state, press('s2', 1020, 1015));
    expect(last.ok && last.buzz).toEqual({ decision: 'beaten' });
    expect(last.ok && bq(last.state)).toMatchObject({ phase: 'answering', winner: 's1', wonAt: T0 + 1020 });
  });

  it('[P3] a press arriving after the decision is late and cannot change the winner', () => {
    const state = play(open(), [press('s1', 1005, 1000), { type: 'clock:tick', at: T0 + 1000 + CREDIT }]);
    const late = apply(state, press('s2', 1100, 900));
    expect(late.ok && late.buzz).toEqual({ decision: 'late' });
    expect(late.ok && bq(late.state).winner).toBe('s1');
  });

  it('[P4] the decision stands even if the buzz window ends while waiting', () => {
    const state = play(open({ buzzWindowMs: 1050 }), [press('s1', 1040, 1035)]);
    const decided = play(state, [{ type: 'clock:tick', at: T0 + 2000 }]);
    expect(bq(decided)).toMatchObject({ phase: 'answering', winner: 's1' });
  });

  it('[P4] in arrival mode the first arrival wins at once', () => {
    const state = open({ fairness: { ...DEFAULT_FAIRNESS, mode: 'arrival' } });
    const result = apply(state, press('s1', 1005, 1000));
    expect(result.ok && result.buzz).toEqual({ decision: 'won' });
    expect(result.ok && bq(result.state).decidedBy).toBe('arrival');
    const later = apply(result.ok ? result.state : state, press('s2', 1030, 900));
    expect(later.ok && later.buzz).toEqual({ decision: 'late' });
  });
});

describe('[P2][P8] a stamp earns at most the credit', () => {
  it('[P2] a phone lying about its press time gains less than the credit: it can steal a race lost by 20 ms, never one lost by 50 ms', () => {
    // s3 honestly pressed at 950; s1 pressed 20 ms later and claims a whole second earlier.
    const close = play(open(), [press('s3', 954, 950), press('s1', 973, 0)]);
    expect(bq(close).buzzes.find((b) => b.seatId === 's1')).toMatchObject({ judgedAt: T0 + 973 - CREDIT, heldMs: 973 - CREDIT });
    expect(bq(close)).toMatchObject({ winner: 's1', decidedBy: 'stamp' });
    // 50 ms later, its buzz arrives after the decision, whatever it claims.
    const far50 = play(open(), [press('s3', 954, 950), press('s1', 1003, 0)]);
    expect(bq(far50)).toMatchObject({ winner: 's3' });
    expect(bq(far50).buzzes.map((b) => b.decision)).toEqual(['won', 'late']);
  });

  it('[P2] a phone whose pings look slow is credited no more than anyone else', () => {
    const slow: LinkEvidence = { oneWayMs: 2500, errorMs: 400, syncErrorMs: 1250 };
    const state = play(open(), [press('s1', 1450, 10, slow, { s1: slow, s2: near, s3: near })]);
    expect(bq(state).buzzes[0]).toMatchObject({ judgedAt: T0 + 1450 - CREDIT, errorMs: 3, worstErrorMs: CREDIT });
  });

  it('[P8] an honest press slower than the credit is recorded as held, judged at the credit', () => {
    const state = play(open(), [press('s2', 1070, 1000)]);
    expect(bq(state).buzzes[0]).toMatchObject({ judgedAt: T0 + 1070 - CREDIT, heldMs: 70 - CREDIT });
    const onTime = play(open(), [press('s1', 1005, 1000)]);
    expect(bq(onTime).buzzes[0].heldMs).toBeUndefined();
  });

  it('[P8][P9] a lead over or by a held press is honest about it: the held time widens its error', () => {
    // s2 pressed at 1000 but its buzz took 70 ms: held to 1040, just ahead of s1's 1045.
    // Held to the credit, nothing still on its way can beat it: decided as it arrives.
    const state = play(open(), [press('s1', 1050, 1045), press('s2', 1070, 1000)]);
    expect(bq(state)).toMatchObject({ winner: 's2', leadMs: 5, decidedBy: 'stamp' });
    expect(bq(state).leadErrorMs).toBe(near.syncErrorMs + Math.min(far.syncErrorMs, CREDIT) + 40);
  });
});

describe('[P6] false starts on press time', () => {
  it('[P6] a press arriving after opening but clearly pressed before it is a false start', () => {
    // Near link: judged at 5 - 30 = -25, beyond its sync error (3) and the slack before opening.
    const result = apply(open(), press('s1', 5, -100));
    expect(result.ok && result.buzz?.decision).toBe('false-start');
    expect(result.ok && bq(result.state).lockedUntil.s1).toBe(T0 + 5 + 250);
  });

  it('[P6] an honest press just after opening is never a false start for its delay or its clock', () => {
    // 74 ms up a far link: held to the credit, so judged at 45 and decided at once.
    const result = apply(open(), press('s2', 75, 1));
    expect(result.ok && result.buzz?.decision).toBe('won');
    // Its clock a few ms behind, within its sync error: not a false start.
    const unsure = apply(open(), press('s1', 4, -3));
    expect(unsure.ok && unsure.buzz?.decision).toBe('pending');
  });
});

describe('[P5] true ties', () => {
  const tight = { oneWayMs: 5, errorMs: 3, syncErrorMs: 3 };
  const all = { s1: tight, s2: tight, s3: tight };
  // s2 arrives first; s1 claims to have pressed 2 ms earlier, inside both 3 ms noises.
  const tiedPresses: Command[] = [
    { type: 'buzz:press', seatId: 's2', at: T0 + 1004, claimedAt: T0 + 1002, link: tight, armed: all },
    { type: 'buzz:press', seatId: 's1', at: T0 + 1006, claimedAt: T0 + 1000, link: tight, armed: all },
    { type: 'clock:tick', at: T0 + 2000 },
  ];

  it('[P5] stamps 10 ms apart are no tie: the earlier stamp wins though it arrived later', () => {
    const state = play(open(), [
      { type: 'buzz:press', seatId: 's2', at: T0 + 1012, claimedAt: T0 + 1010, link: tight, armed: all },
      { type: 'buzz:press', seatId: 's1', at: T0 + 1026, claimedAt: T0 + 1000, link: tight, armed: all },
      { type: 'clock:tick', at: T0 + 2000 },
    ]);
    expect(bq(state)).toMatchObject({ winner: 's1', leadMs: 10, decidedBy: 'stamp' });
  });

  it('[P5] tie rule arrival: the earlier arrival of the tied seats wins, with no lead claimed', () => {
    expect(bq(play(withTies('arrival'), tiedPresses))).toMatchObject({ winner: 's2', leadMs: null, leadErrorMs: null, decidedBy: 'tie-arrival' });
  });

  it('[P5] tie rule host: the tie waits for the host, who can award it only to a tied seat', () => {
    const tied = play(withTies('host'), tiedPresses);
    expect(bq(tied)).toMatchObject({ phase: 'tied', tied: ['s1', 's2'], winner: null, decidedBy: 'tie-host' });
    expect(bq(tied).buzzes.map((b) => b.decision)).toEqual(['tied', 'tied']);
    expect(apply(tied, { type: 'buzz:award', seatId: 's3', at: T0 + 3000 })).toEqual({ ok: false, error: 'not-tied' });
    // A press meanwhile is late: the buzz is the host's to give.
    const late = apply(tied, { type: 'buzz:press', seatId: 's3', at: T0 + 2500, claimedAt: T0 + 2500, link: tight, armed: all });
    expect(late.ok && late.buzz).toEqual({ decision: 'late' });
    const awarded = apply(tied, { type: 'buzz:award', seatId: 's1', at: T0 + 3000 });
    if (!awarded.ok) return expect.fail(awarded.error);
    expect(awarded.events).toEqual([{ type: 'buzz-won', seatId: 's1' }]);
    expect(bq(awarded.state)).toMatchObject({ phase: 'answering', winner: 's1', wonAt: T0 + 3000, answerDeadline: T0 + 23_000, tied: [], decidedBy: 'tie-host' });
    expect(bq(awarded.state).buzzes.map((b) => [b.seatId, b.decision])).toEqual([
      ['s2', 'beaten'],
      ['s1', 'won'],
    ]);
  });

  it('[P5][K2] tie rule host: an award waits for the resume, since it starts the answer countdown', () => {
    const paused = play(play(withTies('host'), tiedPresses), [{ type: 'show:pause', at: T0 + 2500 }]);
    expect(apply(paused, { type: 'buzz:award', seatId: 's1', at: T0 + 3000 })).toEqual({ ok: false, error: 'paused' });
    const resumed = play(paused, [{ type: 'show:resume', at: T0 + 4000 }, { type: 'buzz:award', seatId: 's1', at: T0 + 4500 }]);
    expect(bq(resumed)).toMatchObject({ winner: 's1', answerDeadline: T0 + 24_500 });
  });

  it('[P5] tie rule host: awarding is refused under any other rule, and outside a tie', () => {
    expect(apply(play(withTies('rebuzz'), tiedPresses), { type: 'buzz:award', seatId: 's1', at: T0 + 3000 })).toEqual({ ok: false, error: 'not-tied' });
    expect(apply(withTies('host'), { type: 'buzz:award', seatId: 's1', at: T0 + 3000 })).toEqual({ ok: false, error: 'wrong-phase' });
  });

  it('[P5] tie rule rebuzz: the host reopens for the tied seats only; pressing before that is a false start', () => {
    const tied = play(withTies('rebuzz'), tiedPresses);
    expect(bq(tied)).toMatchObject({ phase: 'tied', tied: ['s1', 's2'], decidedBy: 'tie-rebuzz' });
    const early = apply(tied, { type: 'buzz:press', seatId: 's2', at: T0 + 2100, claimedAt: T0 + 2100, link: tight, armed: all });
    expect(early.ok && early.buzz?.decision).toBe('false-start');
    const reopened = play(tied, [{ type: 'buzzers:open', at: T0 + 3000 }]);
    expect(bq(reopened)).toMatchObject({ phase: 'open', tied: ['s1', 's2'], openedAt: T0 + 3000 });
    // s3 was not in the tie: its press is logged and changes nothing.
    const outsider = apply(reopened, { type: 'buzz:press', seatId: 's3', at: T0 + 3200, claimedAt: T0 + 3195, link: tight, armed: all });
    expect(outsider.ok && outsider.buzz).toEqual({ decision: 'late' });
    // With both tied seats pressed, nothing is left to wait for.
    const decided = play(outsider.ok ? outsider.state : reopened, [
      { type: 'buzz:press', seatId: 's1', at: T0 + 3300, claimedAt: T0 + 3290, link: tight, armed: all },
      { type: 'buzz:press', seatId: 's2', at: T0 + 3310, claimedAt: T0 + 3305, link: tight, armed: all },
    ]);
    expect(bq(decided)).toMatchObject({ phase: 'answering', winner: 's1', leadMs: 15, decidedBy: 'stamp', tied: [] });
  });

  it('[P5][B8] a tie can be ended and revealed by the host', () => {
    expect(bq(play(play(withTies('host'), tiedPresses), [{ type: 'answer:reveal', at: T0 + 3000 }]))).toMatchObject({ phase: 'revealed', outcome: 'ended', tied: [] });
  });
});

describe('[P9] nobody learns that another seat pressed before the decision', () => {
  const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };
  it('[P9] a waiting press is told to the host and its own seat only, and not to the screen', () => {
    const result = apply(open(), press('s1', 1005, 1000));
    if (!result.ok) return expect.fail(result.error);
    expect(result).toMatchObject({ audience: ['s1'], unseenByScreen: true });
    expect(buzzOf(viewFor('host', result.state, facts))?.deciding).toBe(true);
    expect(buzzOf(viewFor('contestant', result.state, facts, 's1'))?.deciding).toBe(true);
    expect(buzzOf(viewFor('contestant', result.state, facts, 's2'))?.deciding).toBe(false);
    expect(buzzOf(viewFor('screen', result.state, facts))?.deciding).toBe(false);
  });

  it('[P9] so is a press inside a false-start lockout while the buzzers are open', () => {
    const locked = play(open(), [press('s1', 5, -100)]);
    const again = apply(locked, press('s1', 100, 99));
    expect(again.ok && again.buzz?.decision).toBe('locked-out');
    expect(again).toMatchObject({ audience: ['s1'], unseenByScreen: true });
  });
});

describe('[P2][B10] review findings', () => {
  it('[B10] undo is refused while a press waits for its decision, so no press is stranded', () => {
    const wrong = play(open(), [press('s1', 1005, 1000), { type: 'clock:tick', at: T0 + 1100 }, { type: 'answer:rule', verdict: 'wrong', at: T0 + 2000 }]);
    const waiting = play(wrong, [{ type: 'buzzers:reopen', at: T0 + 3000 }, press('s3', 3100, 3095)]);
    expect(bq(waiting).decideAt).not.toBeNull();
    expect(apply(waiting, { type: 'ruling:undo', at: T0 + 3110 })).toEqual({ ok: false, error: 'question-in-play' });
    const decided = play(waiting, [{ type: 'clock:tick', at: T0 + 4000 }, { type: 'ruling:undo', at: T0 + 4100 }]);
    expect(bq(decided)).toMatchObject({ phase: 'answering', winner: 's1', decideAt: null });
  });

  it('[B15] a seat id that is an object built-in is not a seat', () => {
    for (const seatId of ['constructor', '__proto__', 'toString']) {
      expect(apply(open(), { type: 'score:adjust', seatId, delta: 5, reason: 'x', at: T0 + 1 })).toEqual({ ok: false, error: 'unknown-seat' });
    }
  });
});

describe('[P2] contests recorded under rules v1 replay as they were played', () => {
  it('[P2][P4] v1: trusted within the measured link plus the margin, waiting for the slowest armed phone', () => {
    const v1 = open({ fairness: { mode: 'press-time', marginMs: 2, graceCapMs: 300 } });
    const first = play(v1, [press('s1', 1005, 1000)]);
    const decideAt = T0 + 1000 + far.oneWayMs + 2;
    expect(bq(first).decideAt).toBe(decideAt);
    const decided = play(first, [press('s2', 1030, 960), { type: 'clock:tick', at: decideAt }]);
    expect(bq(decided)).toMatchObject({ winner: 's2', wonAt: decideAt, leadMs: 40, leadErrorMs: null });
    expect(bq(decided).buzzes.map((b) => [b.seatId, b.judgedAt - T0, b.boundMs])).toEqual([
      ['s1', 1000, 5],
      ['s2', 960, 80],
    ]);
  });
});
