// Stage updates carry the view's changed top-level fields (shared/view-changes.ts): the
// comparison, the fields picked, and how a page merges them.
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../shared/contest/views.js';
import { applyUpdate, changedFields, sameValue } from '../../shared/view-changes.js';

/** A view of a few fields: the functions read fields, never their meaning. */
const view = (fields: Record<string, unknown>) => fields as unknown as ContestView;

describe('sameValue', () => {
  it('compares JSON values field by field, whatever the key order', () => {
    expect(sameValue({ a: [1, { b: null }], c: '党史' }, { c: '党史', a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});

describe('changedFields', () => {
  it('names only the top-level fields that changed, whole', () => {
    const before = view({ title: '知识竞赛', seats: [{ id: 's1', score: 0 }], stage: 'lobby' });
    const after = view({ title: '知识竞赛', seats: [{ id: 's1', score: 10 }], stage: 'lobby' });
    expect(changedFields(before, after)).toEqual({ seats: [{ id: 's1', score: 10 }] });
    expect(changedFields(before, before)).toEqual({});
  });

  it('gives a field that appears, and asks for the whole view when one goes away', () => {
    expect(changedFields(view({ a: 1 }), view({ a: 1, allowed: ['x'] }))).toEqual({ allowed: ['x'] });
    expect(changedFields(view({ a: 1, allowed: ['x'] }), view({ a: 1 }))).toBeNull();
    expect(changedFields(view({ a: 1, allowed: ['x'] }), view({ a: 1, allowed: undefined }))).toBeNull();
  });
});

describe('applyUpdate', () => {
  it('takes a whole view as it is and merges changes into the view held', () => {
    const held = view({ title: 'T', stage: 'lobby', seats: [] });
    expect(applyUpdate(null, { view: held, events: [], serverNow: 1 })).toBe(held);
    expect(applyUpdate(held, { changes: { stage: 'round' }, events: [], serverNow: 2 })).toEqual({ title: 'T', stage: 'round', seats: [] });
    // The view held is not changed in place: a page's earlier copies stay what they were.
    expect(held).toEqual({ title: 'T', stage: 'lobby', seats: [] });
  });

  it('cannot apply changes without a view to apply them to', () => {
    expect(applyUpdate(null, { changes: { stage: 'round' }, events: [], serverNow: 1 })).toBeNull();
  });
});
