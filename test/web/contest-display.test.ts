// How the pages put numbers and records into words: ranking, deltas, ledger reasons, the
// adjust form, the seat token and the page address.
import { describe, expect, it } from 'vitest';
import type { ScoreEntry, SeatResult } from '../../shared/contest/types.js';
import type { RoundView, SeatView } from '../../shared/contest/views.js';
import type { Standing } from '../../shared/contest/standings.js';
import { MAX_ADJUST_POINTS } from '../../shared/protocol.js';
import {
  activeCountdown,
  answerWords,
  chineseNumeral,
  choicesOf,
  formatDelta,
  gradeTally,
  roundHeading,
  ruleSummary,
  turnOrder,
  ledgerPlace,
  formatLead,
  formatPressTime,
  ledgerReason,
  stageHeadings,
  nameSize,
  questionDeltas,
  rankedSeats,
  recentCorrections,
  stemSize,
} from '../../web/lib/contest-display.js';
import { forgetDeviceToken, readDeviceToken, saveDeviceToken } from '../../web/lib/device-token.js';
import { pageParams } from '../../web/lib/page-params.js';
import { verdictMessage, verdictOf } from '../../web/contestant/verdict.js';
import { parseAdjustment } from '../../web/host/adjust.js';
import { T0 } from '../support/builders.js';

const seat = (id: string, score: number): SeatView => ({
  id,
  name: id,
  kind: 'individual',
  phones: 1,
  score,
  claimed: 1,
  connected: 1,
  out: false,
  lockedUntil: null,
  joinCode: null,
});
const entry = (seq: number, seatId: string, delta: number, reason: ScoreEntry['reason'], questionNumber: number | null, note?: string, round: number | null = 0): ScoreEntry => ({
  seq,
  at: T0 + seq,
  seatId,
  delta,
  reason,
  round,
  questionNumber,
  note,
});
const standing = (seatId: string, stages: number[], weighted: number, rank: number): Standing => ({
  seatId,
  total: stages.reduce((a, b) => a + b, 0),
  stages: stages.map((raw) => ({ raw, normalised: raw, weighted: raw })),
  weighted,
  rank,
  decidedBy: null,
  tied: false,
});
const round = (overrides: Partial<Record<string, unknown>> = {}): RoundView => ({
  index: 0,
  count: 3,
  numberInStage: 1,
  roundsInStage: 3,
  stageName: '比知识',
  stageNumber: 1,
  stageCount: 1,
  name: '轮流必答',
  kind: 'in-turn',
  questionCount: 6,
  rightPoints: 10,
  wrongPoints: 0,
  answerTimeMs: 30_000,
  order: ['a', 'b', 'c'],
  judging: null,
  ...overrides,
}) as RoundView;

describe('display helpers', () => {
  it('[R1] ranks by the standings\' weighted totals, ties sharing a rank in seat order', () => {
    const seats = [seat('a', 10), seat('b', 20), seat('c', 10), seat('d', -5)];
    const standings = [standing('a', [10, 0], 1.5, 2), standing('b', [0, 20], 14, 1), standing('c', [10, 0], 1.5, 2), standing('d', [-5, 0], -0.75, 4)];
    const ranked = rankedSeats({ seats, standings });
    expect(ranked.map((r) => `${r.rank}:${r.seat.id}`)).toEqual(['1:b', '2:a', '2:c', '4:d']);
    expect(ranked[0].standing.weighted).toBe(14);
  });

  it('shows deltas with a sign, using a true minus', () => {
    expect(formatDelta(10)).toBe('+10');
    expect(formatDelta(-5)).toBe('\u22125');
  });

  it("sums this question's changes per seat, undos included", () => {
    const ledger = [
      entry(1, 'a', 10, 'right', 1),
      entry(2, 'a', 10, 'right', 2),
      entry(3, 'a', -10, 'undo', 2),
      entry(4, 'b', -5, 'adjust', 2, '提示他人'),
      // Question 2 of another round is another question.
      entry(5, 'c', 10, 'right', 2, undefined, 1),
    ];
    const deltas = questionDeltas({ ledger, question: { number: 2 } as never, round: round() });
    expect(Object.fromEntries(deltas)).toEqual({ a: 0, b: -5 });
  });

  it('explains a score change by reason, or by the host note', () => {
    expect(ledgerReason(entry(1, 'a', 10, 'right', 1))).toEqual({ key: 'ledger.right' });
    expect(ledgerReason(entry(2, 'a', -5, 'adjust', 1, '提示他人'))).toEqual({ key: 'ledger.adjust', params: { note: '提示他人' } });
    expect(ledgerReason(entry(3, 'a', -10, 'undo', 3))).toEqual({ key: 'ledger.undo', params: { n: 3 } });
  });

  it('lists the latest corrections first, leaving out rulings', () => {
    const ledger = [entry(1, 'a', 10, 'right', 1), entry(2, 'a', -10, 'undo', 1), entry(3, 'b', 5, 'adjust', 1, 'x')];
    expect(recentCorrections(ledger, 3).map((e) => e.seq)).toEqual([3, 2]);
    expect(recentCorrections(ledger, 1).map((e) => e.seq)).toEqual([3]);
  });

  it('counts down the buzz window and the answer time, rounding up', () => {
    const q = { kind: 'buzz-in', phase: 'open', buzzDeadline: T0 + 10_000, answerDeadline: null } as never;
    expect(activeCountdown(q, T0 + 200)).toEqual({ kind: 'buzz', seconds: 10 });
    const answering = { kind: 'buzz-in', phase: 'answering', buzzDeadline: null, answerDeadline: null } as never;
    expect(activeCountdown(answering, T0)).toBeNull();
  });

  it('[P5] shows a buzz winner\'s lead in seconds to the millisecond, never below zero', () => {
    expect(formatLead(34)).toBe('0.034');
    expect(formatLead(1234.4)).toBe('1.234');
    expect(formatLead(0)).toBe('0.000');
    expect(formatLead(-0.7)).toBe('0.000');
  });

  it('heads the ranking\'s stage columns with the stages\' own names', () => {
    const standings = [standing('a', [4, 6], 10, 1)];
    expect(stageHeadings({ stages: [{ id: 'x', name: '必答', weight: 1, normalise: 'none' as const }, { id: 'x', name: '抢答', weight: 1, normalise: 'none' as const }], standings }, 'zh')).toEqual([{ text: '必答' }, { text: '抢答' }]);
    // A blank or missing name falls back to the stage's number.
    expect(stageHeadings({ stages: [{ id: 'x', name: ' ', weight: 1, normalise: 'none' as const }], standings }, 'zh')).toEqual([
      { key: 'round.stageShort', params: { n: '一' } },
      { key: 'round.stageShort', params: { n: '二' } },
    ]);
  });

  it('formats press times to the millisecond', () => {
    expect(formatPressTime(new Date(2024, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
  });

  it('sizes long stems and names down', () => {
    expect(stemSize('五四运动爆发于哪一年？')).toBe('xl');
    expect(stemSize('字'.repeat(120))).toBe('s');
    expect(nameSize('第二代表队')).toBe('xl');
    expect(nameSize('市教育局党委代表队')).toBe('m');
  });
});

describe('rounds in words', () => {
  it('numbers stages the way a Chinese programme does', () => {
    expect([1, 2, 10, 12, 20, 35].map(chineseNumeral)).toEqual(['一', '二', '十', '十二', '二十', '三十五']);
  });

  it('[F1] heads a title card with its stage and round', () => {
    expect(roundHeading(round(), 'zh')).toEqual({
      stage: { key: 'round.stage', params: { n: '一', name: '比知识' } },
      round: { key: 'round.number', params: { n: 1, name: '轮流必答' } },
    });
    expect(roundHeading(round({ stageNumber: 2 }), 'en').stage.params?.n).toBe('2');
    // Rounds are numbered within their stage: the second stage's first round is 第1轮.
    expect(roundHeading(round({ index: 3, numberInStage: 1 }), 'zh').round.params?.n).toBe(1);
  });

  it('sums up a round\'s rules in one line', () => {
    expect(ruleSummary(round())).toEqual([
      { key: 'rule.perSeat', params: { n: 2 } },
      { key: 'rule.answerTime', params: { s: 30 } },
      { key: 'rule.right', params: { delta: '+10' } },
      { key: 'rule.noDeduction' },
    ]);
    const buzz = ruleSummary(round({ kind: 'buzz-in', questionCount: 8, buzzWindowMs: 10_000, answerTimeMs: 20_000, wrongPoints: 10, falseStart: { kind: 'lockout', ms: 250 }, order: undefined }));
    expect(buzz.map((m) => m.key)).toEqual(['rule.questions', 'rule.buzzWindow', 'rule.answerTime', 'rule.right', 'rule.wrong']);
    expect(buzz.at(-1)?.params).toEqual({ delta: '\u221210' });
    expect(ruleSummary(round({ kind: 'all-at-once', partialCredit: true, partialPoints: 5, order: undefined })).map((m) => m.key)).toContain('rule.partial');
  });

  it('labels choices by letter, and true/false as 对 and 错', () => {
    expect(choicesOf({ type: 'single', options: ['甲', '乙'], choices: 2 })).toEqual([
      { index: 0, label: { text: 'A' }, text: '甲' },
      { index: 1, label: { text: 'B' }, text: '乙' },
    ]);
    expect(choicesOf({ type: 'true-false', options: [], choices: 2 }).map((c) => c.label)).toEqual([{ key: 'choice.true' }, { key: 'choice.false' }]);
    expect(answerWords({ type: 'multiple', answer: null, answerKey: [0, 2] } as never)).toEqual({ text: 'AC' });
    expect(answerWords({ type: 'true-false', answer: null, answerKey: [1] } as never)).toEqual({ key: 'choice.false' });
    expect(answerWords({ type: 'open', answer: '1921年', answerKey: null } as never)).toEqual({ text: '1921年' });
    expect(answerWords({ type: 'single', answer: null, answerKey: null } as never)).toBeNull();
  });

  it('[A6] tallies the grades of an all-at-once question', () => {
    const results: Record<string, SeatResult> = {
      a: { choice: [1], grade: 'right', points: 10 },
      b: { choice: [0], grade: 'wrong', points: 0 },
      c: { choice: null, grade: 'none', points: 0 },
    };
    expect(gradeTally(results)).toEqual({ right: 1, partial: 0, wrong: 1, none: 1 });
  });

  it('[T1] marks the turn order: done (with points), current, next', () => {
    const view = { round: round(), question: { number: 2, phase: 'answering' } as never, ledger: [entry(1, 'a', 10, 'right', 1)] };
    expect(turnOrder(view).map((t) => `${t.number}${t.seatId}:${t.mark}:${t.delta}`)).toEqual([
      '1a:done:10',
      '2b:current:null',
      '3c:next:null',
      '4a:later:null',
      '5b:later:null',
      '6c:later:null',
    ]);
    const revealed = { ...view, question: { number: 2, phase: 'revealed' } as never };
    expect(turnOrder(revealed).slice(1, 3).map((t) => t.mark)).toEqual(['done', 'next']);
    expect(turnOrder({ ...view, question: null }).slice(0, 2).map((t) => t.mark)).toEqual(['next', 'later']);
  });

  it('[T6] a skipped turn is marked skipped, not answered; a turn worth nothing names its ruling', () => {
    const ledger = [entry(1, 'a', 0, 'wrong', 1)];
    const view = { round: round(), question: { kind: 'in-turn', number: 3, phase: 'revealed', outcome: 'skipped' } as never, ledger };
    const [first, second, third] = turnOrder(view);
    expect(first).toMatchObject({ mark: 'done', delta: 0, skipped: false, reason: 'wrong' });
    expect(second).toMatchObject({ mark: 'done', delta: null, skipped: true });
    expect(third).toMatchObject({ mark: 'done', skipped: true });
  });
});

describe('score changes name their round', () => {
  it('places an entry by round and question; a lobby adjustment has no place', () => {
    const view = { roundNames: ['轮流必答', '抢答题'] };
    expect(ledgerPlace(view, entry(1, 'a', 10, 'right', 3, undefined, 1))).toEqual({ key: 'ledger.place', params: { round: '抢答题', n: 3 } });
    expect(ledgerPlace(view, entry(2, 'a', 5, 'adjust', null, 'x', null))).toBeNull();
  });

  it('tells the winner the verdict with its real points, and never "+0"', () => {
    const ledger = [entry(1, 'a', 10, 'right', 1), entry(2, 'a', -10, 'wrong', 2), entry(3, 'b', 10, 'right', 2)];
    expect(verdictOf('wrong', ledger, 'a')).toEqual({ verdict: 'wrong', delta: -10 });
    expect(verdictMessage(verdictOf('wrong', ledger, 'a'))).toEqual({ key: 'contestant.verdict.wrong', params: { delta: '\u221210' } });
    expect(verdictMessage(verdictOf('right', ledger, 'a'))).toEqual({ key: 'contestant.verdict.right', params: { delta: '+10' } });
    expect(verdictMessage(verdictOf('timeout', ledger, 'a'))).toEqual({ key: 'contestant.verdict.timeoutNoPoints' });
  });
});

describe('parseAdjustment', () => {
  it('[B11] turns the form into a command', () => {
    expect(parseAdjustment({ seatId: 's1', delta: ' −5 ', reason: ' 提示他人 ' })).toEqual({
      ok: true,
      command: { type: 'score:adjust', seatId: 's1', delta: -5, reason: '提示他人' },
    });
    expect(parseAdjustment({ seatId: 's1', delta: '+3', reason: 'x' })).toMatchObject({ ok: true, command: { delta: 3 } });
  });

  it.each([
    [{ seatId: '', delta: '5', reason: 'x' }, 'host.adjust.needSeat'],
    [{ seatId: 's1', delta: '0', reason: 'x' }, 'host.adjust.badDelta'],
    [{ seatId: 's1', delta: '2.5', reason: 'x' }, 'host.adjust.badDelta'],
    [{ seatId: 's1', delta: String(MAX_ADJUST_POINTS + 1), reason: 'x' }, 'host.adjust.badDelta'],
    [{ seatId: 's1', delta: '5', reason: '   ' }, 'host.adjust.needReason'],
  ])('refuses %j', (input, key) => {
    expect(parseAdjustment(input)).toMatchObject({ ok: false, error: { key } });
  });
});

describe('page plumbing', () => {
  it('reads the contest, key and join code from the address', () => {
    expect(pageParams('?c=abc&key=k1&code=123456')).toEqual({ contestId: 'abc', hostKey: 'k1', joinCode: '123456' });
    expect(pageParams('')).toEqual({ contestId: null, hostKey: null, joinCode: null });
  });

  it('keeps one device token per contest', () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    saveDeviceToken('c1', 'tok', store);
    expect(map.get('qiangda.device.c1')).toBe('tok');
    expect(readDeviceToken('c1', store)).toBe('tok');
    expect(readDeviceToken('c2', store)).toBeUndefined();
    forgetDeviceToken('c1', store);
    expect(readDeviceToken('c1', store)).toBeUndefined();
  });
});
