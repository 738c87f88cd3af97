// What the pages make of a risk turn (风险题, RULES.md RK), from real views: the phone's card, the
// host's stake picks and keys, the words for the rules line and the verdict.
import { describe, expect, it } from 'vitest';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { Command } from '../../shared/contest/commands.js';
import type { ContestState } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { riskState } from '../../web/contestant/risk-state.js';
import { controlsFor, type KeyLike } from '../../web/host/controls.js';
import { mayPickStake, stakeCommandForKey, stakePicks } from '../../web/host/stake-keys.js';
import { riskDelta, riskRuleSummary, riskVerdict } from '../../web/lib/risk-display.js';
import { ruleSummary, turnOrder } from '../../web/lib/contest-display.js';
import { chimesFor } from '../../web/screen/screen-cues.js';
import { definition, play, riskRound, T0 } from '../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };
const def = definition({ seats: 2, rounds: [riskRound(['s1', 's2'], 1)] });
const choosing = play(initialState(def), [
  { type: 'question:next', at: T0 - 2000 },
  { type: 'question:next', at: T0 - 1000 },
]);
const staked = play(choosing, [{ type: 'stake:choose', seatId: 's1', stake: 30, at: T0 }]);
const phone = (state: ContestState, seatId: string, now = T0 + 100) => riskState(viewFor('contestant', state, facts, seatId), now);
const host = (state: ContestState) => viewFor('host', state, facts);
const key = (code: string, extra: Partial<KeyLike> = {}): KeyLike => ({ code, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: null, ...extra });

describe('[RK2] the phone\'s risk card', () => {
  it('[RK2] the seat whose turn it is picks from the stakes, a pass offered; the others wait, told whose turn', () => {
    expect(phone(choosing, 's1')).toMatchObject({ look: 'pick', mine: true, stakes: [10, 20, 30], allowPass: true, headline: { key: 'risk.chooseNow' } });
    expect(phone(choosing, 's2')).toMatchObject({ look: 'waiting', mine: false, stakes: [], headline: { key: 'risk.waitOther', params: { name: '1号席' } } });
  });

  it('[RK4] no pass button where the round allows none', () => {
    const strict = play(initialState(definition({ seats: 2, rounds: [riskRound(['s1', 's2'], 1, { allowPass: false })] })), [
      { type: 'question:next', at: T0 - 2000 },
      { type: 'question:next', at: T0 - 1000 },
    ]);
    expect(phone(strict, 's1')).toMatchObject({ look: 'pick', allowPass: false });
  });

  it('[RK3][RK7] once staked: the seat listens, then counts down; the others see the stake', () => {
    expect(phone(staked, 's1')).toMatchObject({ look: 'mine', stake: 30, detail: { key: 'turn.listen' }, countdown: null });
    expect(phone(staked, 's2')).toMatchObject({ look: 'other', stake: 30, headline: { key: 'risk.otherChose', params: { name: '1号席', stake: 30 } } });
    const answering = play(staked, [{ type: 'turn:start', at: T0 + 1000 }]);
    expect(phone(answering, 's1', T0 + 2500)).toMatchObject({ look: 'mine', detail: { key: 'turn.answerNow' }, countdown: 29 });
  });

  it('[RK5] after the ruling, the stake won or lost; a pass brings no points', () => {
    const wrong = play(staked, [{ type: 'answer:rule', verdict: 'wrong', at: T0 + 2000 }]);
    expect(phone(wrong, 's1')).toMatchObject({ look: 'ruled', headline: { key: 'turn.result.wrong' }, delta: -30, answer: { text: '答案300' } });
    expect(phone(wrong, 's2')).toMatchObject({ look: 'ruled', headline: { key: 'outcome.wrong', params: { name: '1号席' } }, delta: -30 });
    const passed = play(choosing, [{ type: 'stake:choose', seatId: 's1', stake: null, at: T0 }]);
    expect(phone(passed, 's1')).toMatchObject({ look: 'ruled', headline: { key: 'turn.result.passed' }, delta: null });
  });
});

describe('[RK2] the host\'s stake picks', () => {
  it('[RK2][RK4] one pick per stake on keys 1, 2, 3, and the pass on 0', () => {
    expect(stakePicks(host(choosing)).map((p) => [p.key, p.stake])).toEqual([
      ['1', 10],
      ['2', 20],
      ['3', 30],
      ['0', null],
    ]);
    expect(stakeCommandForKey(key('Digit2'), host(choosing))).toEqual({ type: 'stake:choose', stake: 20 });
    expect(stakeCommandForKey(key('Numpad3'), host(choosing))).toEqual({ type: 'stake:choose', stake: 30 });
    expect(stakeCommandForKey(key('Digit0'), host(choosing))).toEqual({ type: 'stake:choose', stake: null });
    expect(stakeCommandForKey(key('Digit4'), host(choosing))).toBeNull();
  });

  it('[RK2] every pick is accepted by the engine while the seat chooses, and while the question is read', () => {
    for (const state of [choosing, staked]) {
      expect(mayPickStake(host(state))).toBe(true);
      for (const pick of stakePicks(host(state))) expect(apply(state, { ...pick.command, at: T0 + 5000 } as Command).ok).toBe(true);
    }
    const started = play(staked, [{ type: 'turn:start', at: T0 + 1000 }]);
    expect(mayPickStake(host(started))).toBe(false);
    expect(mayPickStake(host(choosing), false)).toBe(false);
  });

  it('[RK2] no stake key while typing, with a modifier, held down, or outside a risk round', () => {
    expect(stakeCommandForKey(key('Digit1', { target: { tagName: 'input' } }), host(choosing))).toBeNull();
    expect(stakeCommandForKey(key('Digit1', { ctrlKey: true }), host(choosing))).toBeNull();
    expect(stakeCommandForKey(key('Digit1', { repeat: true }), host(choosing))).toBeNull();
    expect(stakeCommandForKey(key('Digit1'), host(initialState(def)))).toBeNull();
  });

  it('no control of the risk round takes a digit key, and none shares a key', () => {
    const codes = controlsFor('risk').flatMap((c) => c.codes);
    expect(codes.filter((c) => /^(Digit|Numpad)\d$/.test(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('[RK5] words for a risk round', () => {
  it('the rules line names the turns, time, stakes and the pass', () => {
    const round = viewFor('screen', play(initialState(def), [{ type: 'question:next', at: T0 }]), facts).round;
    if (round?.kind !== 'risk') return expect.fail('not a risk round');
    expect(ruleSummary(round)).toEqual(riskRuleSummary(round));
    expect(riskRuleSummary(round).map((m) => m.key)).toEqual(['rule.perSeat', 'rule.answerTime', 'rule.stakes', 'rule.stakeRisk', 'rule.pass']);
    expect(riskRuleSummary(round)[2].params).toEqual({ stakes: '10 / 20 / 30' });
  });

  it('the verdict carries the stake: right +, wrong and timeout −, a pass none', () => {
    expect(riskVerdict({ outcome: 'right', stake: 20 })).toEqual({ key: 'risk.verdictRight', params: { stake: 20 } });
    expect(riskVerdict({ outcome: 'timeout', stake: 30 })).toEqual({ key: 'risk.verdictTimeout', params: { stake: 30 } });
    expect(riskVerdict({ outcome: 'passed', stake: null })).toEqual({ key: 'risk.passed' });
    expect(riskVerdict({ outcome: 'skipped', stake: 10 })).toBeNull();
    expect([riskDelta({ outcome: 'right', stake: 20 }), riskDelta({ outcome: 'wrong', stake: 20 }), riskDelta({ outcome: 'passed', stake: null })]).toEqual([20, -20, null]);
  });

  it('[RK2] the screen chimes as the stake sets the question up, and as a pass ends the turn', () => {
    const view = (state: ContestState) => viewFor('screen', state, facts).question;
    expect(chimesFor([{ type: 'stake-chosen', seatId: 's1', stake: 30 }], view(choosing), view(staked))).toEqual(['reveal']);
    const passed = play(choosing, [{ type: 'stake:choose', seatId: 's1', stake: null, at: T0 }]);
    expect(chimesFor([{ type: 'stake-chosen', seatId: 's1', stake: null }], view(choosing), view(passed))).toEqual(['reveal']);
  });

  it('[RK1] the turn order lists each turn with its seat, and a passed turn as passed', () => {
    const passed = play(choosing, [{ type: 'stake:choose', seatId: 's1', stake: null, at: T0 }]);
    expect(turnOrder(host(passed)).map((t) => [t.seatId, t.mark, t.reason])).toEqual([
      ['s1', 'done', 'passed'],
      ['s2', 'next', null],
    ]);
  });
});
