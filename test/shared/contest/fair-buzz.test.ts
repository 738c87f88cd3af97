// The buzz-in engine judging by press time (RULES.md P1-P6): presses carry the claimed time and
// the link evidence the server measured; the first valid press opens a short decision window.
import { describe, expect, it } from 'vitest';
import type { LinkEvidence } from '../../../shared/contest/arbiter.js';
import type { Command } from '../../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { BuzzRules, ContestState } from '../../../shared/contest/types.js';
import { bq, definition, play, T0 } from '../../support/builders.js';

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

const press = (seatId: 's1' | 's2' | 's3', arrivalAt: number, claimedAt: number | null): Command => ({
  type: 'buzz:press',
  seatId,
  at: T0 + arrivalAt,
  claimedAt: claimedAt === null ? null : T0 + claimedAt,
  link: armed[seatId],
  armed,
});

describe('[P3][P4] decided once, after the slowest armed phone had time to arrive', () => {
  it('[P4] the first valid press waits for the decision; a farther phone that pressed earlier wins', () => {
    const first = apply(open(), press('s1', 1005, 1000));
    if (!first.ok) return expect.fail(first.error);
    expect(first.buzz).toEqual({ decision: 'pending' });
    // Decide once s2's (80 ms) honest buzz pressed before 1000 could have arrived.
    const decideAt = T0 + 1000 + far.oneWayMs + 2;
    expect(bq(first.state)).toMatchObject({ phase: 'open', decideAt, winner: null });
    expect(nextDeadline(first.state)).toBe(decideAt);

    // s2 pressed at 960, 70 ms up its slow link.
    const second = play(first.state, [press('s2', 1030, 960)]);
    const decided = play(second, [{ type: 'clock:tick', at: decideAt }]);
    expect(bq(decided)).toMatchObject({ phase: 'answering', winner: 's2', wonAt: decideAt, leadMs: 40, answerDeadline: decideAt + 20_000 });
    expect(bq(decided).buzzes.map((b) => [b.seatId, b.decision, b.judgedAt - T0, b.boundMs])).toEqual([
      ['s1', 'beaten', 1000, 5],
      ['s2', 'won', 960, 80],
    ]);
  });

  it('[P3] a press arriving after the decision is late and cannot change the winner', () => {
    const state = play(open(), [press('s1', 1005, 1000), { type: 'clock:tick', at: T0 + 1082 }]);
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
    const state = open({ fairness: { mode: 'arrival', marginMs: 2, graceCapMs: 300 } });
    const result = apply(state, press('s1', 1005, 1000));
    expect(result.ok && result.buzz).toEqual({ decision: 'won' });
    const later = apply(result.ok ? result.state : state, press('s2', 1030, 900));
    expect(later.ok && later.buzz).toEqual({ decision: 'late' });
  });
});

describe('[P2] a phone lying about its press time', () => {
  it('[P2] is judged no earlier than its link allows plus the margin, and loses to an honest earlier press', () => {
    // s1 (near link) claims it pressed a whole second early; it arrived at 1005.
    const state = play(open(), [press('s1', 1005, 0), press('s3', 1001, 996), { type: 'clock:tick', at: T0 + 2000 }]);
    const liar = bq(state).buzzes.find((b) => b.seatId === 's1');
    expect(liar?.judgedAt).toBe(T0 + 1005 - near.oneWayMs - 2);
    expect(bq(state).winner).toBe('s3');
  });
});

describe('[P6] false starts on press time', () => {
  it('[P6] a press arriving after opening but clearly pressed before it is a false start', () => {
    // Far link: trusted back to 30 - 80 - 2 = -52, beyond its sync error (40) + margin before opening.
    const result = apply(open(), press('s2', 30, -70));
    expect(result.ok && result.buzz?.decision).toBe('false-start');
    expect(result.ok && bq(result.state).lockedUntil.s2).toBe(T0 + 30 + 250);
  });

  it('[P6] an honest press just after opening is never a false start for its delay', () => {
    // Pressed 1 ms after opening, 74 ms on the way: judged at 1, within its error of the opening.
    const result = apply(open(), press('s2', 75, 1));
    expect(result.ok && result.buzz?.decision).toBe('won');
    const unsure = apply(open(), press('s2', 75, -30));
    expect(unsure.ok && unsure.buzz?.decision).toBe('won');
  });
});

describe('[P5] near-ties', () => {
  it('[P5] presses inside each other\'s error go to the first arrival, with no lead claimed', () => {
    const tight = { oneWayMs: 5, errorMs: 3, syncErrorMs: 3 };
    const both = { s1: tight, s2: tight, s3: tight };
    const state = play(open(), [
      // s2 arrives first; s1 claims to have pressed 2 ms earlier, inside the 3 ms error.
      { type: 'buzz:press', seatId: 's2', at: T0 + 1004, claimedAt: T0 + 1002, link: tight, armed: both },
      { type: 'buzz:press', seatId: 's1', at: T0 + 1006, claimedAt: T0 + 1000, link: tight, armed: both },
      { type: 'clock:tick', at: T0 + 2000 },
    ]);
    expect(bq(state)).toMatchObject({ winner: 's2', leadMs: null });
  });
});

describe('[P2][B10] review findings', () => {
  it('[P2] a phone whose link looks slow is never credited more than the grace cap', () => {
    const slow: LinkEvidence = { oneWayMs: 2500, errorMs: 1, syncErrorMs: 10 };
    const state = play(open(), [{ type: 'buzz:press', seatId: 's1', at: T0 + 1450, claimedAt: T0 + 10, link: slow, armed: { s1: slow, s2: near, s3: near } }]);
    expect(bq(state).buzzes[0].judgedAt).toBe(T0 + 1450 - 300 - 2);
  });

  it('[B10] undo is refused while a press waits for its decision, so no press is stranded', () => {
    const wrong = play(open(), [press('s1', 1005, 1000), { type: 'clock:tick', at: T0 + 1100 }, { type: 'answer:rule', verdict: 'wrong', at: T0 + 2000 }]);
    // s3 presses after the reopen; s2's far link keeps the decision open.
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
