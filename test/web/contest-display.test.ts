// How the pages put numbers and records into words: ranking, deltas, ledger reasons, the
// adjust form, the seat token and the page address.
import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/contest/types.js';
import type { SeatView } from '../../shared/contest/views.js';
import { MAX_ADJUST_POINTS } from '../../shared/protocol.js';
import {
  activeCountdown,
  formatDelta,
  formatPressTime,
  ledgerReason,
  nameSize,
  questionDeltas,
  rankSeats,
  recentCorrections,
  stemSize,
} from '../../web/lib/contest-display.js';
import { forgetDeviceToken, readDeviceToken, saveDeviceToken } from '../../web/lib/device-token.js';
import { pageParams } from '../../web/lib/page-params.js';
import { parseAdjustment } from '../../web/host/adjust.js';
import { T0 } from '../support/builders.js';

const seat = (id: string, score: number): SeatView => ({
  id,
  name: id,
  score,
  claimed: true,
  connected: true,
  out: false,
  lockedUntil: null,
  joinCode: null,
});
const entry = (seq: number, seatId: string, delta: number, reason: ScoreEntry['reason'], questionNumber: number | null, note?: string): ScoreEntry => ({
  seq,
  at: T0 + seq,
  seatId,
  delta,
  reason,
  questionNumber,
  note,
});

describe('display helpers', () => {
  it('ranks by score with shared ranks for ties, keeping seat order', () => {
    const ranked = rankSeats([seat('a', 10), seat('b', 20), seat('c', 10), seat('d', -5)]);
    expect(ranked.map((r) => `${r.rank}:${r.seat.id}`)).toEqual(['1:b', '2:a', '2:c', '4:d']);
  });

  it('shows deltas with a sign, using a true minus', () => {
    expect(formatDelta(10)).toBe('+10');
    expect(formatDelta(-5)).toBe('\u22125');
  });

  it("sums this question's changes per seat, undos included", () => {
    const ledger = [entry(1, 'a', 10, 'right', 1), entry(2, 'a', 10, 'right', 2), entry(3, 'a', -10, 'undo', 2), entry(4, 'b', -5, 'adjust', 2, '提示他人')];
    const deltas = questionDeltas({ ledger, question: { number: 2 } as never });
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
    const q = { phase: 'open', buzzDeadline: T0 + 10_000, answerDeadline: null } as never;
    expect(activeCountdown(q, T0 + 200)).toEqual({ kind: 'buzz', seconds: 10 });
    const answering = { phase: 'answering', buzzDeadline: null, answerDeadline: null } as never;
    expect(activeCountdown(answering, T0)).toBeNull();
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
