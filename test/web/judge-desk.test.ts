// J2, J5, J7 on the judge's page: what it offers at each moment of a seat's turn.
import { describe, expect, it } from 'vitest';
import { deskLook, nudgeSteps } from '../../web/judge/desk-state.js';

const score = { value: 87.5, at: 0, changes: 0 };

describe("the judge's desk", () => {
  it('[J2] nothing to score before the speech, the pad while scores are taken, then the score sent', () => {
    expect(deskLook({ phase: 'called', excluded: {}, myScore: null }, 'j1', false)).toBe('not-yet');
    expect(deskLook({ phase: 'preparing', excluded: {}, myScore: null }, 'j1', false)).toBe('not-yet');
    expect(deskLook({ phase: 'speaking', excluded: {}, myScore: null }, 'j1', false)).toBe('entry');
    expect(deskLook({ phase: 'scoring', excluded: {}, myScore: score }, 'j1', false)).toBe('sent');
    expect(deskLook({ phase: 'scoring', excluded: {}, myScore: score }, 'j1', true)).toBe('entry');
  });

  it('[J2] [J4] once scoring closes, no change is offered, even mid-change', () => {
    expect(deskLook({ phase: 'closed', excluded: {}, myScore: score }, 'j1', true)).toBe('closed');
    expect(deskLook({ phase: 'revealed', excluded: {}, myScore: score }, 'j1', false)).toBe('revealed');
  });

  it('[J5] a judge told it is excluded is not offered the pad', () => {
    expect(deskLook({ phase: 'speaking', excluded: { j1: '回避' }, myScore: null }, 'j1', false)).toBe('excluded');
    expect(deskLook({ phase: 'speaking', excluded: { j2: '回避' }, myScore: null }, 'j1', false)).toBe('entry');
  });

  it('-/+ by ±1 and ±0.5 on a half-point scale, ±5 and ±1 on a whole one', () => {
    expect(nudgeSteps(0.5)).toEqual([1, 0.5]);
    expect(nudgeSteps(1)).toEqual([5, 1]);
  });
});
