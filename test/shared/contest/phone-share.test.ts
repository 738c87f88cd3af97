// B17, A8: each phone of a seat has its share of the seat's limits (B16, A7), so one phone (a
// stranger in a team's spare slot included) cannot spend its teammates' presses or answers.
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { MAX_ANSWERS_PER_QUESTION, MAX_PRESSES_PER_QUESTION, phoneShare } from '../../../shared/contest/defaults.js';
import { apply, initialState } from '../../../shared/contest/engine.js';
import type { ContestDefinition } from '../../../shared/contest/types.js';
import { allAtOnceRound, bq, choice, definition, play, T0 } from '../../support/builders.js';

const at = (ms: number) => T0 + ms;
const press = (seatId: string, phone: string, ms: number): Command => ({ type: 'buzz:press', seatId, phone, at: at(ms) });
const answer = (seatId: string, phone: string, ms: number): Command => ({ type: 'answer:submit', seatId, phone, choice: [ms % 2], at: at(ms) });

/** s1 is a team of three phones; s2 and s3 are one phone each. */
function withTeam(def: ContestDefinition): ContestDefinition {
  return { ...def, seats: def.seats.map((s, i) => (i === 0 ? { ...s, kind: 'team', phones: 3 } : s)) };
}

describe('[B17][A8] a phone has its share of its seat\'s limits', () => {
  it('[B17] the share is the limit over the seat\'s phones, rounded up', () => {
    expect(phoneShare(MAX_PRESSES_PER_QUESTION, 1)).toBe(20);
    expect(phoneShare(MAX_PRESSES_PER_QUESTION, 2)).toBe(10);
    expect(phoneShare(MAX_PRESSES_PER_QUESTION, 3)).toBe(7);
  });

  it('[B17] a phone that false-starts its share away is refused; its teammates still press and win', () => {
    const def = withTeam(definition());
    const reading = play(initialState(def), [{ type: 'question:next', at: at(-2000) }, { type: 'question:next', at: at(-1000) }]);
    const share = phoneShare(MAX_PRESSES_PER_QUESTION, 3);
    // Presses before the buzzers open are false starts; the stranger spends its share.
    const spent = play(reading, Array.from({ length: share }, (_, i) => press('s1', 'stranger', i)));
    expect(bq(spent).buzzes).toHaveLength(share);
    expect(bq(spent).buzzes.every((b) => b.phone === 'stranger')).toBe(true);
    expect(apply(spent, press('s1', 'stranger', 100))).toEqual({ ok: false, error: CommandError.TooManyPresses });
    // The team's own phone has its share untouched: after the lockout it wins the buzz.
    const opened = play(spent, [{ type: 'buzzers:open', at: at(5_000) }]);
    const honest = apply(opened, press('s1', 'captain', 5_100));
    expect(honest.ok).toBe(true);
    expect(['won', 'pending']).toContain(honest.ok && honest.buzz?.decision);
  });

  it('[B17] the seat\'s own limit still holds over all its phones together', () => {
    const def = withTeam(definition());
    const reading = play(initialState(def), [{ type: 'question:next', at: at(-2000) }, { type: 'question:next', at: at(-1000) }]);
    const phones = ['a', 'b', 'c'];
    const presses = Array.from({ length: MAX_PRESSES_PER_QUESTION }, (_, i) => press('s1', phones[i % 3], i));
    const full = play(reading, presses);
    expect(bq(full).buzzes).toHaveLength(MAX_PRESSES_PER_QUESTION);
    // 'c' has pressed 6 times, under its share of 7, but the seat has no presses left.
    expect(apply(full, press('s1', 'c', 100))).toEqual({ ok: false, error: CommandError.TooManyPresses });
  });

  it('[A8] a phone that answers its share away is refused; its teammates still answer', () => {
    const def = withTeam(definition({ rounds: [allAtOnceRound([choice(1, 'B')])] }));
    const opened = play(initialState(def), [
      { type: 'question:next', at: at(-2000) },
      { type: 'question:next', at: at(-1000) },
      { type: 'answers:open', at: at(0) },
    ]);
    const share = phoneShare(MAX_ANSWERS_PER_QUESTION, 3);
    const spent = play(opened, Array.from({ length: share }, (_, i) => answer('s1', 'stranger', 100 + i)));
    expect(apply(spent, answer('s1', 'stranger', 200))).toEqual({ ok: false, error: CommandError.TooManyAnswers });
    const honest = apply(spent, answer('s1', 'captain', 201));
    expect(honest.ok && honest.answer).toBe('recorded');
    // One phone of an individual seat keeps the whole limit.
    const solo = play(opened, Array.from({ length: MAX_ANSWERS_PER_QUESTION }, (_, i) => answer('s2', 'only', 100 + i)));
    expect(apply(solo, answer('s2', 'only', 200))).toEqual({ ok: false, error: CommandError.TooManyAnswers });
  });
});
