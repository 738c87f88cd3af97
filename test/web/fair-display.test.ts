// Fair buzzing as the pages say it (issue 11): each press's uncertainty and the decision's reason
// in the press log, a lead claimed only when it is larger than its error (P5), ties on the phones,
// and the lobby's link check in words with what to do (P8), in both languages.
import { describe, expect, it } from 'vitest';
import type { TieRule } from '../../shared/contest/arbiter.js';
import { initialState } from '../../shared/contest/engine.js';
import type { BuzzRecord, ContestState } from '../../shared/contest/types.js';
import { viewFor, type BuzzInQuestionView, type RoomFacts, type SeatView } from '../../shared/contest/views.js';
import { LOCALES, translate, type MessageKey } from '../../shared/i18n/index.js';
import type { SeatLink } from '../../shared/protocol.js';
import { buzzerState } from '../../web/contestant/buzzer-state.js';
import { flaggedSeats, linkAdvice, poorLinkSeats } from '../../web/host/seat-links.js';
import { decidedByLabel, isRebuzz, leadKind, loggedLead, pressUncertainty, screenLead, tiedNames } from '../../web/lib/fair-display.js';
import { definition, play, T0 } from '../support/builders.js';
import { buzzOf } from '../support/question-of.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };
const at = (ms: number) => T0 + ms;
const seats = [{ id: 's1', name: '第一代表队' }, { id: 's2', name: '第二代表队' }, { id: 's3', name: '第三代表队' }] as SeatView[];
const say = (m: { key: MessageKey; params?: Record<string, string | number> }, locale: 'zh' | 'en' = 'zh') => translate(locale, m.key, m.params);

function tied(tieRule: TieRule, seatCount = 3): ContestState {
  const def = definition({ seats: seatCount, questions: 1, rules: { fairness: { mode: 'press-time', maxCreditMs: 30, graceCapMs: 300, tieRule } } });
  return play(initialState(def), [
    { type: 'question:next', at: at(0) },
    { type: 'question:next', at: at(1) },
    { type: 'buzzers:open', at: at(2) },
    { type: 'buzz:press', seatId: 's1', claimedAt: at(10), at: at(12), armed: { s2: null } },
    { type: 'buzz:press', seatId: 's2', claimedAt: at(10), at: at(14), armed: { s1: null } },
  ]);
}

describe('[P5] the press log: uncertainty and the reason for the decision', () => {
  const press = (extra: Partial<BuzzRecord>): BuzzRecord => ({ at: at(0), seatId: 's1', decision: 'won', claimedAt: at(-5), judgedAt: at(-5), errorMs: 1.25, boundMs: 30, ...extra });

  it('a stamped press shows ± its noise, and its worst error when recorded', () => {
    const doubt = pressUncertainty(press({ worstErrorMs: 4 }));
    expect(say(doubt.noise!)).toBe('±1.3 毫秒');
    expect(say(doubt.worst!, 'en')).toBe('worst ±4 ms');
    expect(doubt.held).toBeNull();
  });

  it('[P8] a press held past its credit says so, in both languages', () => {
    const doubt = pressUncertainty(press({ heldMs: 42 }));
    expect(say(doubt.held!)).toBe('滞后 42 毫秒：到达晚于允许的提前量');
    expect(say(doubt.held!, 'en')).toBe('held 42 ms: arrived later than the credit allows');
  });

  it('a press judged by arrival has no stamp to doubt', () => {
    expect(pressUncertainty(press({ boundMs: null, claimedAt: null, errorMs: 0 }))).toEqual({ noise: null, worst: null, held: null });
  });

  it('names every reason a buzz can be decided by', () => {
    const reasons = ['stamp', 'arrival', 'tie-arrival', 'tie-rebuzz', 'tie-host'] as const;
    expect(reasons.map((r) => translate('zh', decidedByLabel(r)))).toEqual(['按按下时刻', '按到达先后', '平局，判给先到达者', '平局，重新抢答', '平局，主持人判定']);
    for (const r of reasons) expect(translate('en', decidedByLabel(r))).not.toBe(decidedByLabel(r));
  });
});

describe('[P5] a lead is claimed only when it is larger than its error', () => {
  const q = (leadMs: number | null, leadErrorMs: number | null) => ({ winner: 's1', leadMs, leadErrorMs }) as Pick<BuzzInQuestionView, 'winner' | 'leadMs' | 'leadErrorMs'>;

  it('no lead, no claim', () => {
    expect(leadKind(q(null, null))).toBeNull();
    expect(screenLead(q(null, 4))).toBeNull();
    expect(loggedLead({ seats }, q(null, null))).toBeNull();
  });

  it('a lead beyond its error is shown as today, with its error in the log', () => {
    expect(leadKind(q(34, 6))).toBe('clear');
    expect(say(screenLead(q(34, 6))!)).toBe('领先 0.034 秒');
    expect(say(loggedLead({ seats }, q(34, 6))!)).toBe('第一代表队 领先 0.034 秒（误差 ±0.006 秒）');
  });

  it('a lead no larger than its error: 几乎同时, never a precise figure on the screen', () => {
    for (const [lead, error] of [[6, 6], [3, 12]]) {
      expect(leadKind(q(lead, error))).toBe('together');
      expect(say(screenLead(q(lead, error))!)).toBe('几乎同时按下');
      expect(say(screenLead(q(lead, error))!, 'en')).toBe('Pressed almost together');
    }
    expect(say(loggedLead({ seats }, q(3, 12))!)).toBe('第一代表队 与对手几乎同时按下：相差 0.003 秒，不超过误差 ±0.012 秒');
  });

  it('an unknown error (a contest judged under the old rules) or none at all keeps the plain lead', () => {
    expect(say(screenLead(q(2, null))!)).toBe('领先 0.002 秒');
    expect(say(loggedLead({ seats }, q(2, null))!)).toBe('第一代表队 领先 0.002 秒');
    expect(say(loggedLead({ seats }, q(10, 0))!)).toBe('第一代表队 领先 0.010 秒');
  });
});

describe('[P5] ties on the pages', () => {
  it('names the tied seats, and knows a re-buzz when it sees one', () => {
    const view = viewFor('screen', tied('rebuzz'), facts);
    expect(tiedNames(view, buzzOf(view)!, '、')).toBe('1号席、2号席');
    expect(isRebuzz(buzzOf(view))).toBe(false);
    const reopened = viewFor('screen', play(tied('rebuzz'), [{ type: 'buzzers:open', at: at(30) }]), facts);
    expect(isRebuzz(buzzOf(reopened))).toBe(true);
    expect(tiedNames(reopened, buzzOf(reopened)!, '、')).toBe('1号席、2号席');
  });

  it('a tied phone waits calmly for the host; a seat outside the tie is told the host decides', () => {
    const state = tied('host');
    expect(buzzerState(viewFor('contestant', state, facts, 's1'), at(20))).toMatchObject({ look: 'tied', label: { key: 'buzzer.tied.host' }, sends: false });
    expect(buzzerState(viewFor('contestant', state, facts, 's3'), at(20))).toMatchObject({ look: 'held', label: { key: 'buzzer.tieOthersHost' }, sends: false });
  });

  it('under the re-buzz rule the tied phones get ready, and the others are told the tied seats buzz again', () => {
    const state = tied('rebuzz');
    expect(buzzerState(viewFor('contestant', state, facts, 's2'), at(20))).toMatchObject({ look: 'closed', label: { key: 'buzzer.tied.rebuzz' } });
    expect(buzzerState(viewFor('contestant', state, facts, 's3'), at(20))).toMatchObject({ look: 'held', label: { key: 'buzzer.tieOthers' } });
  });
});

describe('[P8] the lobby link check', () => {
  const link = (warning: SeatLink['warning'], rttMs: number | null = 8, quality: SeatLink['quality'] = 'good'): SeatLink => ({ rttMs, oneWayMs: rttMs === null ? null : rttMs / 2, quality, warning });

  it('lists every flagged seat in seat order, with its warning, and nothing for good links', () => {
    expect(flaggedSeats({ seats }, { s1: link(null), s2: link(null) })).toEqual([]);
    const flagged = flaggedSeats({ seats }, { s3: link('spiky'), s1: link('uneven', 46.4), s2: link(null), gone: link('late-presses') });
    expect(flagged.map((f) => [f.seatId, f.warning, f.chip])).toEqual([
      ['s1', 'uneven', 'linkCheck.chip.uneven'],
      ['s3', 'spiky', 'linkCheck.chip.spiky'],
    ]);
  });

  it('says what each warning means and what to do, in both languages', () => {
    expect(say(linkAdvice('第二代表队', 'spiky', 9))).toBe('第二代表队：网络时快时慢，手机可能处于省电状态。请保持手机屏幕常亮，关闭省电（低电量）模式，并靠近无线路由器。');
    expect(say(linkAdvice('第二代表队', 'uneven', 46.4))).toBe('第二代表队：最快往返也要 46 毫秒，按下时刻可能偏差至多 23 毫秒。请改用会场 Wi-Fi（不要用移动数据），换一个无线接入点，或换一部手机。');
    expect(say(linkAdvice('Team 2', 'uneven', 46.4), 'en')).toBe('Team 2: its fastest round trip is 46 ms, so its press times may be off by up to 23 ms. Use the hall Wi-Fi (not mobile data), another access point, or another phone.');
    expect(say(linkAdvice('Team 2', 'late-presses', 5), 'en')).toMatch(/keep arriving later than the credit allows.*lenient setting/);
    for (const locale of LOCALES) expect(translate(locale, 'linkCheck.late-presses', { name: 'X' })).toMatch(/^X/);
  });

  it('a poor seat the check already flags is not named again in the slow-link banner', () => {
    expect(poorLinkSeats({ seats }, { s1: link('uneven', 400, 'poor'), s2: link(null, 400, 'poor') })).toEqual(['第二代表队']);
  });
});
