// Stage updates carry the view's changed top-level fields and list entries
// (shared/view-changes.ts): the comparison, what is picked, and how a page merges it.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../shared/contest/views.js';
import type { ContestUpdate } from '../../shared/protocol.js';
import { applyUpdate, sameValue, viewChanges } from '../../shared/view-changes.js';

/** A view of a few fields: the functions read fields, never their meaning. */
const view = (fields: Record<string, unknown>) => fields as unknown as ContestView;

describe('sameValue', () => {
  it('compares JSON values field by field, whatever the key order', () => {
    expect(sameValue({ a: [1, { b: null }], c: '党史' }, { c: '党史', a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});

describe('viewChanges', () => {
  it('names only the top-level fields that changed, whole', () => {
    const before = view({ title: '知识竞赛', seats: [{ id: 's1', score: 0 }], stage: 'lobby' });
    const after = view({ title: '知识竞赛', seats: [{ id: 's1', score: 10 }], stage: 'lobby' });
    expect(viewChanges(before, after)).toEqual({ changes: { seats: [{ id: 's1', score: 10 }] } });
    expect(viewChanges(before, before)).toEqual({ changes: {} });
  });

  it('gives a field that appears, and asks for the whole view when one goes away', () => {
    expect(viewChanges(view({ a: 1 }), view({ a: 1, allowed: ['x'] }))).toEqual({ changes: { allowed: ['x'] } });
    expect(viewChanges(view({ a: 1, allowed: ['x'] }), view({ a: 1 }))).toBeNull();
    expect(viewChanges(view({ a: 1, allowed: ['x'] }), view({ a: 1, allowed: undefined }))).toBeNull();
  });

  it('sends a long list entry by entry when few entries changed, and whole when most did', () => {
    const seats = Array.from({ length: 200 }, (_, i) => ({ id: `s${i + 1}`, name: `第${i + 1}代表队`, score: 0 }));
    const scored = seats.map((s) => (s.id === 's7' ? { ...s, score: 10 } : s));
    expect(viewChanges(view({ seats }), view({ seats: scored }))).toEqual({ changes: {}, entries: { seats: { length: 200, at: { 6: scored[6] } } } });
    // A seat more, a seat fewer: the length says so.
    expect(viewChanges(view({ seats }), view({ seats: [...seats, { id: 's201', name: '新队', score: 0 }] }))).toEqual({
      changes: {},
      entries: { seats: { length: 201, at: { 200: { id: 's201', name: '新队', score: 0 } } } },
    });
    expect(viewChanges(view({ seats }), view({ seats: seats.slice(0, 199) }))).toEqual({ changes: {}, entries: { seats: { length: 199, at: {} } } });
    const allScored = seats.map((s) => ({ ...s, score: 5 }));
    expect(viewChanges(view({ seats }), view({ seats: allScored }))).toEqual({ changes: { seats: allScored } });
    // A short list with one change is sent whole: half of two is not fewer.
    expect(viewChanges(view({ allowed: ['a', 'b'] }), view({ allowed: ['a', 'c'] }))).toEqual({ changes: { allowed: ['a', 'c'] } });
  });

  it('whatever changed, the view merged from the changes is the new view (random views, seeded)', () => {
    const random = seedrandom('view-changes');
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)];
    const entry = () => pick([{ id: pick(['s1', 's2', 's3']), score: pick([0, 10, 20]) }, pick([1, 2]), null, pick(['甲', '乙'])]);
    const list = () => Array.from({ length: pick([0, 1, 3, 8, 20]) }, entry);
    const fields = ['seats', 'standings', 'stage', 'question'];
    const randomView = () =>
      view(Object.fromEntries(fields.filter(() => random() < 0.9).map((f) => [f, f === 'stage' ? pick(['lobby', 'round']) : f === 'question' ? pick([null, { id: 'q1' }]) : list()])));
    const mutate = (v: ContestView) => {
      const out = { ...(v as unknown as Record<string, unknown>) };
      for (const f of fields) {
        const value = out[f];
        if (random() < 0.5 || !Array.isArray(value)) continue;
        const next = value.map((e) => (random() < 0.1 ? entry() : e));
        if (random() < 0.2) next.push(entry());
        if (random() < 0.2) next.splice(Math.floor(random() * next.length), 1);
        // A log keeping its last entries: the oldest go from the front as new ones come.
        if (random() < 0.2) next.splice(0, pick([1, 2, 5]), ...Array.from({ length: pick([0, 1, 2]) }, entry));
        out[f] = random() < 0.05 ? list() : next;
      }
      if (random() < 0.2) out.stage = pick(['lobby', 'round', 'final']);
      return view(out);
    };
    let entryUpdates = 0;
    let drops = 0;
    for (let run = 0; run < 300; run++) {
      let held = randomView();
      for (let step = 0; step < 10; step++) {
        const next = random() < 0.1 ? randomView() : mutate(held);
        const changed = viewChanges(held, next);
        if (changed?.entries) entryUpdates++;
        if (Object.values(changed?.entries ?? {}).some((e) => e?.drop)) drops++;
        // As on the wire: the entries' indexes arrive as strings.
        const sent = changed && (JSON.parse(JSON.stringify({ ...changed, events: [], serverNow: step })) as ContestUpdate);
        const merged = sent ? applyUpdate(held, sent) : next;
        expect(merged).toEqual(next);
        held = merged as ContestView;
      }
    }
    // The lists went entry by entry often enough for the check to mean something.
    expect(entryUpdates).toBeGreaterThan(100);
    expect(drops).toBeGreaterThan(20);
  });

  it('sends a full log that took one more entry as the drop of its oldest and the new one', () => {
    const entry = (seq: number) => ({ seq, seatId: `s${(seq % 10) + 1}`, delta: 10, reason: 'right' });
    const ledger = Array.from({ length: 30 }, (_, i) => entry(i + 1));
    const next = [...ledger.slice(1), entry(31)];
    expect(viewChanges(view({ ledger }), view({ ledger: next }))).toEqual({ changes: {}, entries: { ledger: { length: 30, at: { 29: entry(31) }, drop: 1 } } });
    // Two more at once, one of them corrected in place meanwhile.
    const corrected = [...ledger.slice(2, 10), { ...entry(11), delta: -10 }, ...ledger.slice(11), entry(31), entry(32)];
    expect(viewChanges(view({ ledger }), view({ ledger: corrected }))).toEqual({
      changes: {},
      entries: { ledger: { length: 30, at: { 8: { ...entry(11), delta: -10 }, 28: entry(31), 29: entry(32) }, drop: 2 } },
    });
    // More dropped than a few: the whole list.
    const far = [...ledger.slice(10), ...Array.from({ length: 10 }, (_, i) => entry(31 + i))];
    expect(viewChanges(view({ ledger }), view({ ledger: far }))).toEqual({ changes: { ledger: far } });
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
    // Nor entries of a list the view held does not have.
    expect(applyUpdate(view({ stage: 'lobby' }), { changes: {}, entries: { seats: { length: 1, at: { 0: 'x' } } }, events: [], serverNow: 1 })).toBeNull();
  });

  it('drops entries from the front of a list before putting the changed ones in place', () => {
    const held = view({ ledger: ['a', 'b', 'c', 'd'] });
    expect(applyUpdate(held, { changes: {}, entries: { ledger: { length: 4, at: { 3: 'e' }, drop: 1 } }, events: [], serverNow: 1 })).toEqual({ ledger: ['b', 'c', 'd', 'e'] });
    expect(held).toEqual({ ledger: ['a', 'b', 'c', 'd'] });
    // A drop the list held cannot give, with nothing sent for the gap: it does not merge.
    expect(applyUpdate(held, { changes: {}, entries: { ledger: { length: 4, at: { 3: 'e' }, drop: 3 } }, events: [], serverNow: 1 })).toBeNull();
    // Nor a longer list with an entry missing past the end of the one held.
    expect(applyUpdate(view({ ledger: ['a'] }), { changes: {}, entries: { ledger: { length: 3, at: { 2: 'c' } } }, events: [], serverNow: 1 })).toBeNull();
  });

  it('tries the next drop when the first entry matches more than one place', () => {
    // 'a' twice near the front: dropping one does not line up, dropping two does.
    const before = ['p', 'a', 'a', 'b', 'c', 'd', 'e', 'f'];
    const after = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const changed = viewChanges(view({ log: before }), view({ log: after }));
    expect(changed).toEqual({ changes: {}, entries: { log: { length: 8, at: { 6: 'g', 7: 'h' }, drop: 2 } } });
    expect(applyUpdate(view({ log: before }), { ...changed!, events: [], serverNow: 1 })).toEqual({ log: after });
  });

  it('puts changed entries in place in a new list; the list held stays as it was', () => {
    const seats = [{ id: 's1', score: 0 }, { id: 's2', score: 0 }, { id: 's3', score: 0 }];
    const held = view({ stage: 'round', seats });
    const merged = applyUpdate(held, { changes: {}, entries: { seats: { length: 3, at: { 1: { id: 's2', score: 10 } } } }, events: [], serverNow: 1 });
    expect(merged).toEqual({ stage: 'round', seats: [{ id: 's1', score: 0 }, { id: 's2', score: 10 }, { id: 's3', score: 0 }] });
    expect(held).toEqual({ stage: 'round', seats: [{ id: 's1', score: 0 }, { id: 's2', score: 0 }, { id: 's3', score: 0 }] });
  });
});
