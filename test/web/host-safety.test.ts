// What the host console asks before skipping a question never played, ending the contest, or
// undoing a ruling of an earlier question (RULES.md K6, K7), and how it names the undo.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { initialState } from '../../shared/contest/engine.js';
import type { ContestState } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { controlsFor, enabledControls, kindOf, type ControlId } from '../../web/host/controls.js';
import { confirmationFor, parseSeatSeconds, seatsForExtraTime, undoDescription } from '../../web/host/safety.js';
import { allAtOnceRound, choice, definition, inTurnRound, play, T0 } from '../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };
const at = (ms: number) => T0 + ms;
const next = (ms: number): Command => ({ type: 'question:next', at: at(ms) });
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);

function ask(state: ContestState, id: ControlId): string | null {
  const view = viewFor('host', state, facts);
  const control = controlsFor(kindOf(view)).find((c) => c.id === id);
  if (!control) return expect.fail(`no ${id} control`);
  return confirmationFor(control, view, enabledControls(view), t);
}

const twoQuestions = () => initialState(definition({ questions: 2 }));

describe('[K6] moving on asks first', () => {
  it('[K6] N from a question still being read names the round and question it would skip', () => {
    const reading = play(twoQuestions(), [next(0), next(1)]);
    expect(ask(reading, 'next')).toBe(t('safety.skipConfirm', { round: '抢答题', n: 1, phase: '请听题' }));
    expect(ask(reading, 'next')).toContain('“抢答题”第 1 题');
  });

  it('[K6] N after a question was played, or on a title card, goes on without asking', () => {
    const played = play(twoQuestions(), [next(0), next(1), { type: 'answer:reveal', at: at(2) }]);
    expect(ask(played, 'next')).toBeNull();
    expect(ask(play(twoQuestions(), [next(0)]), 'next')).toBeNull();
  });

  it('[K6] N that would end the contest asks first; from an unplayed last question it names both', () => {
    const last = play(twoQuestions(), [next(0), next(1), { type: 'answer:reveal', at: at(2) }, next(3)]);
    expect(ask(last, 'next')).toBe(t('safety.skipConfirm', { round: '抢答题', n: 2, phase: '请听题' }) + '\n' + t('safety.finishConfirm', { round: '抢答题' }));
    const ended = play(last, [{ type: 'answer:reveal', at: at(4) }]);
    expect(ask(ended, 'next')).toBe(t('safety.finishConfirm', { round: '抢答题' }));
  });

  it('[K6] N that the engine would refuse (a turn not ruled, a paused show) asks nothing: the refusal shows', () => {
    const turn = play(initialState(definition({ seats: 2, rounds: [inTurnRound(['s1', 's2'])] })), [next(0), next(1)]);
    expect(ask(turn, 'next')).toBeNull();
    expect(ask(play(twoQuestions(), [next(0), next(1), { type: 'show:pause', at: at(2) }]), 'next')).toBeNull();
  });

  it('[K6] the all-at-once question not yet opened is named too', () => {
    const state = play(initialState(definition({ rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'A')])] })), [next(0), next(1)]);
    expect(ask(state, 'next')).toContain('“同步作答”第 1 题');
  });
});

describe('[K7] undo names what it undoes', () => {
  const wrong = () =>
    play(twoQuestions(), [next(0), next(1), { type: 'buzzers:open', at: at(2) }, { type: 'buzz:press', seatId: 's2', at: at(3) }, { type: 'answer:rule', verdict: 'wrong', at: at(400) }]);

  it('[K7] names round, question, seat, verdict and points', () => {
    expect(undoDescription(viewFor('host', wrong(), facts), t)).toBe('撤销：抢答题 第1题 2号席 答错 −10');
  });

  it('[K7] undoing a ruling of the question in play goes at once', () => {
    expect(ask(wrong(), 'undo')).toBeNull();
  });

  it('[K7] undoing a ruling of an earlier question asks first, naming it', () => {
    const later = play(wrong(), [{ type: 'answer:reveal', at: at(500) }, next(600)]);
    expect(ask(later, 'undo')).toBe(t('safety.undoEarlier', { what: '撤销：抢答题 第1题 2号席 答错 −10' }));
  });

  it('[T7] repeating a turn still asks, naming the seat', () => {
    const turn = play(initialState(definition({ seats: 2, rounds: [inTurnRound(['s1', 's2'])] })), [next(0), next(1), { type: 'turn:start', at: at(2) }]);
    expect(ask(turn, 'repeat')).toBe(t('host.repeatConfirm', { name: '1号席' }));
  });
});

describe('[K8] extra time for a seat, on the console', () => {
  it('[K8] seats that lost time come first with the seconds lost; a seat nobody joined lost none', () => {
    const def = definition({ rounds: [allAtOnceRound([choice(1, 'B')])] });
    const state = play(initialState(def), [next(0), next(1), { type: 'answers:open', at: at(2) }, { type: 'answers:extend-seat', seatId: 's3', ms: 5000, at: at(3) }]);
    const room: RoomFacts = {
      ...facts,
      claimed: new Map([['s1', 1], ['s2', 1]]),
      answerGaps: { s1: { ms: 1200, since: null }, s2: { ms: 3000, since: at(10_000) }, s3: { ms: 0, since: at(0) } },
    };
    const seats = seatsForExtraTime(viewFor('host', state, room), at(14_500));
    expect(seats).toEqual([
      { id: 's2', name: '2号席', lostSeconds: 8, until: null },
      { id: 's1', name: '1号席', lostSeconds: 2, until: null },
      { id: 's3', name: '3号席', lostSeconds: 0, until: at(20_002 + 5000) },
    ]);
  });

  it('[K8] seconds are a whole number the server takes', () => {
    expect(['30', ' 8 ', '0', '-3', '1.5', 'abc', '601', '600'].map(parseSeatSeconds)).toEqual([30, 8, null, null, null, null, null, 600]);
  });
});
