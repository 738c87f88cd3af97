// What a phone shows in the required-answer rounds, from real contestant views: the all-at-once
// answer pad (RULES.md A1-A6) and the in-turn card (T1-T7).
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { initialState } from '../../shared/contest/engine.js';
import type { ContestState } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { answerPadState, choiceAfterTap, questionKey } from '../../web/contestant/answer-state.js';
import { turnState } from '../../web/contestant/turn-state.js';
import { allAtOnceRound, choice, definition, inTurnRound, play, T0, trueFalse } from '../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };
const ANSWER_MS = 20_000;

/** The card or pad a phone shows; the cases here are all of the round kind that shows one. */
function shown<T>(state: T | null): T {
  if (state === null) throw new Error('the question is not of the kind this card is for');
  return state;
}

describe('the all-at-once answer pad', () => {
  const def = definition({ seats: 3, rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'AC'), trueFalse(3, false)], { partialCredit: true })] });
  /** The title card, then question n (earlier questions opened and closed). */
  function toQuestion(n: number): Command[] {
    const commands: Command[] = [
      { type: 'question:next', at: T0 - 9000 },
      { type: 'question:next', at: T0 - 8999 },
    ];
    for (let i = 1; i < n; i++) {
      const t = T0 - 8000 + i * 10;
      commands.push({ type: 'answers:open', at: t }, { type: 'answer:reveal', at: t + 1 }, { type: 'question:next', at: t + 2 });
    }
    return commands;
  }
  const reading = (n = 1) => play(initialState(def), toQuestion(n));
  const open = (n = 1) => play(reading(n), [{ type: 'answers:open', at: T0 }]);
  const pad = (state: ContestState, seatId = 's1', now = T0 + 100, online = true, selection: number[] | null = null) =>
    shown(answerPadState(viewFor('contestant', state, facts, seatId), now, online, selection));

  it('[A1] shows the options while the host reads, but takes no tap yet', () => {
    const p = pad(reading());
    expect(p).toMatchObject({ look: 'reading', live: false, multiple: false, prompt: { key: 'answers.waitOpen' }, countdown: null });
    expect(p.options.map((o) => [o.label, o.text])).toEqual([
      [{ text: 'A' }, '甲'],
      [{ text: 'B' }, '乙'],
      [{ text: 'C' }, '丙'],
      [{ text: 'D' }, '丁'],
    ]);
  });

  it('[A1][A2] once open: live, counting down, marking the answer the server holds', () => {
    const answered = play(open(), [{ type: 'answer:submit', seatId: 's1', choice: [2], at: T0 + 50 }]);
    const p = pad(answered);
    expect(p).toMatchObject({ look: 'open', live: true, countdown: ANSWER_MS / 1000, sent: { text: 'C' }, prompt: { key: 'answers.pickOne' } });
    expect(p.options.filter((o) => o.selected).map((o) => o.index)).toEqual([2]);
    expect(p.options.every((o) => o.right === null)).toBe(true);
  });

  it('[A2] shows a tap at once, before the server confirms it', () => {
    const p = pad(open(), 's1', T0 + 100, true, [0]);
    expect(p.options.filter((o) => o.selected).map((o) => o.index)).toEqual([0]);
    expect(p.sent).toBeNull();
  });

  it('[A3] locks at the deadline by the phone\'s reckoning of the server clock, and while offline', () => {
    expect(pad(open(), 's1', T0 + ANSWER_MS)).toMatchObject({ look: 'locked', live: false, countdown: null, prompt: { key: 'answers.locked' } });
    expect(pad(open(), 's1', T0 + ANSWER_MS - 1)).toMatchObject({ look: 'open', countdown: 1 });
    expect(pad(open(), 's1', T0 + 100, false)).toMatchObject({ look: 'offline', live: false, prompt: { key: 'buzzer.offline' } });
  });

  it('[A4][A6] after the reveal: the key, this seat\'s own grade and choice', () => {
    const multiple = play(open(2), [
      { type: 'answer:submit', seatId: 's1', choice: [0], at: T0 + 10 },
      { type: 'answer:submit', seatId: 's2', choice: [0, 2], at: T0 + 20 },
      { type: 'answer:reveal', at: T0 + 30 },
    ]);
    const partial = pad(multiple, 's1');
    expect(partial).toMatchObject({ look: 'revealed', live: false, multiple: true, key: { text: 'AC' }, result: { grade: 'partial', points: 5 } });
    expect(partial.options.map((o) => [o.selected, o.right])).toEqual([
      [true, true],
      [false, false],
      [false, true],
      [false, false],
    ]);
    expect(pad(multiple, 's2').result).toMatchObject({ grade: 'right', points: 10 });
    expect(pad(multiple, 's3').result).toEqual({ choice: null, grade: 'none', points: 0 });
  });

  it('[A1] labels a true/false question 对 and 错', () => {
    const p = pad(open(3));
    expect(p.options.map((o) => o.label)).toEqual([{ key: 'choice.true' }, { key: 'choice.false' }]);
    const revealed = play(open(3), [{ type: 'answer:reveal', at: T0 + 10 }]);
    expect(pad(revealed).key).toEqual({ key: 'choice.false' });
  });

  it('[A2] a tap answers single and true/false; toggles in multiple; never sends an empty answer', () => {
    expect(choiceAfterTap('single', [], 1)).toEqual([1]);
    expect(choiceAfterTap('single', [1], 2)).toEqual([2]);
    expect(choiceAfterTap('single', [1], 1)).toBeNull();
    expect(choiceAfterTap('true-false', [0], 1)).toEqual([1]);
    expect(choiceAfterTap('multiple', [2], 0)).toEqual([0, 2]);
    expect(choiceAfterTap('multiple', [0, 2], 2)).toEqual([0]);
    expect(choiceAfterTap('multiple', [0], 0)).toBeNull();
  });

  it('keys a late notice to its round and question', () => {
    expect(questionKey(viewFor('contestant', open(2), facts, 's1'))).toBe('0:2');
  });
});

describe('the in-turn card', () => {
  const def = definition({ seats: 2, rounds: [inTurnRound(['s1', 's2'])] });
  const reading = play(initialState(def), [
    { type: 'question:next', at: T0 - 2000 },
    { type: 'question:next', at: T0 - 1000 },
  ]);
  const card = (state: ContestState, seatId: string, now = T0 + 100) => shown(turnState(viewFor('contestant', state, facts, seatId), now));

  it('[T1] tells the seat whose turn it is, and every other seat whose turn it is', () => {
    expect(card(reading, 's1')).toMatchObject({ look: 'mine', headline: { key: 'turn.yours' }, detail: { key: 'turn.listen' }, countdown: null });
    expect(card(reading, 's2')).toMatchObject({ look: 'other', headline: { key: 'turn.whose', params: { name: '1号席' } } });
  });

  it('[T2] counts down on the answering phone once the host starts the clock', () => {
    const answering = play(reading, [{ type: 'turn:start', at: T0 }]);
    expect(card(answering, 's1', T0 + 1500)).toMatchObject({ look: 'mine', detail: { key: 'turn.answerNow' }, countdown: 29 });
    expect(card(answering, 's2').countdown).toBeNull();
  });

  it('[T3] after the ruling: the seat sees its result and points, the others how it went; all see the answer', () => {
    const right = play(reading, [{ type: 'answer:rule', verdict: 'right', at: T0 }]);
    expect(card(right, 's1')).toMatchObject({ look: 'ruled', headline: { key: 'turn.result.right' }, delta: 10, answer: { text: '答案100' } });
    expect(card(right, 's2')).toMatchObject({ look: 'ruled', headline: { key: 'outcome.right', params: { name: '1号席' } }, delta: null });
  });

  it('[T4][T6] a timeout and a skip are told as such', () => {
    const timeout = play(reading, [
      { type: 'turn:start', at: T0 },
      { type: 'clock:tick', at: T0 + 30_000 },
    ]);
    expect(card(timeout, 's1').headline).toEqual({ key: 'turn.result.timeout' });
    const skipped = play(reading, [{ type: 'turn:skip', at: T0 }]);
    expect(card(skipped, 's1')).toMatchObject({ headline: { key: 'turn.result.skipped' }, delta: null });
    expect(card(skipped, 's2').headline).toEqual({ key: 'outcome.skipped', params: { name: '1号席' } });
  });
});
