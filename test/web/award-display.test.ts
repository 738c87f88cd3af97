// The console's and the screen's words for the award ceremony (AW5, AW6): which step is on the
// screen, what the next one brings, which way the host may move, and the A / Shift+A keys.
import { describe, expect, it } from 'vitest';
import { awardKey, awardMoves, nextLabel, podiumOrder, sceneAt, stepCommand, stepLabel, weightLabel } from '../../web/lib/award-display.js';

const tiers = [{ name: '一等奖', seats: ['s1'] }, { name: '二等奖', seats: ['s2'] }, { name: '三等奖', seats: ['s3'] }];
const awards = (step: number, pending: { seats: string[]; tiers: number[] }[] = []) => ({ step, tiers, pending, ties: [], decided: {} });
const key = (code: string, more: Partial<{ shiftKey: boolean; ctrlKey: boolean; repeat: boolean }> = {}) => ({ code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...more });

describe('[AW5] the ceremony in words', () => {
  it('[AW5] off, the title card, the lowest tier first, the podium', () => {
    expect([-1, 0, 1, 2, 3, 4].map((step) => sceneAt(step, 3))).toEqual([{ kind: 'off' }, { kind: 'title' }, { kind: 'tier', tier: 2 }, { kind: 'tier', tier: 1 }, { kind: 'tier', tier: 0 }, { kind: 'podium' }]);
    expect(stepLabel(awards(1), 1)).toEqual({ key: 'awards.step.tier', params: { tier: '三等奖' } });
    expect(nextLabel(awards(-1))).toEqual({ key: 'awards.next.title' });
    expect(nextLabel(awards(2))).toEqual({ key: 'awards.next.tier', params: { tier: '一等奖' } });
    expect(nextLabel(awards(3))).toEqual({ key: 'awards.next.podium' });
    expect(nextLabel(awards(4))).toBeNull();
  });

  it('[AW5] the podium: second left, first centre, third right; fewer tiers, fewer places', () => {
    expect(podiumOrder(3)).toEqual([1, 0, 2]);
    expect(podiumOrder(5)).toEqual([1, 0, 2]);
    expect(podiumOrder(1)).toEqual([0]);
  });

  it('[AW5] weights as the breakdown labels them', () => {
    expect([0.15, 0.7, 1, 2].map(weightLabel)).toEqual(['×15%', '×70%', '×1', '×2']);
  });
});

describe('[AW6] the host moves the ceremony', () => {
  const view = (step: number, pending: { seats: string[]; tiers: number[] }[] = [], allowed = ['awards:step' as const]) => ({ awards: awards(step, pending), allowed, closed: false });

  it('[AW6] forward unless a tie waits or the podium is up; back unless off', () => {
    expect(awardMoves(view(-1))).toEqual({ forward: true, back: false });
    expect(awardMoves(view(2))).toEqual({ forward: true, back: true });
    expect(awardMoves(view(4))).toEqual({ forward: false, back: true });
    expect(awardMoves(view(-1, [{ seats: ['s2', 's3'], tiers: [1, 2] }], []))).toEqual({ forward: false, back: false });
    expect(awardMoves(view(2), false)).toEqual({ forward: false, back: false });
    expect(stepCommand(awards(2), false)).toEqual({ type: 'awards:step', step: 3 });
    expect(stepCommand(awards(2), true)).toEqual({ type: 'awards:step', step: 1 });
  });

  it('[AW6] A forward, Shift+A back; not while typing, held down or with Ctrl', () => {
    expect(awardKey(key('KeyA'), false)).toBe('forward');
    expect(awardKey(key('KeyA', { shiftKey: true }), false)).toBe('back');
    expect(awardKey(key('KeyA'), true)).toBeNull();
    expect(awardKey(key('KeyA', { repeat: true }), false)).toBeNull();
    expect(awardKey(key('KeyA', { ctrlKey: true }), false)).toBeNull();
    expect(awardKey(key('KeyN'), false)).toBeNull();
  });
});
