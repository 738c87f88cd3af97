// A stage update carries only the view's top-level fields that changed. With 200 contests on one
// server, every press sent the host its whole view (about 5 KB) and each phone its own (about
// 1 KB), though a press changes the question and little else: the encoding, the bytes and the
// pages' parsing of the unchanged rest was most of the server's work. The server keeps the last
// view it sent on each channel (server/realtime/sent-views.ts) and sends what differs from it; a
// page merges that into the view it holds. A page is sent a whole view when it joins (and the
// next update on its channel is whole for everyone on it), so what it holds is always the
// channel's last view.
// A list field (any array: the seats, the standings, the ledger) goes entry by entry, by index,
// when fewer than half its entries changed. In a 200-seat contest the seats and the standings are
// about 54 KB of every view; a score change changes the seat's standings row and the rank of
// every row it passed, so one that passes half the field goes whole. The ledger keeps the last 30
// changes: once full, a change drops the oldest from its front, which goes as that drop and the
// one new entry, not as 30 entries at new places.
import type { ContestView } from './contest/views.js';
import type { ContestUpdate, EntryChanges, ListChanges, WholeUpdate } from './protocol.js';

/** Whether two JSON values (what a view is made of) are equal, field by field. It runs for every
 * field of every view the stage sends, so it walks the keys in place (for…in) rather than build
 * key lists: those lists were a sixth of what the stage allocated under 200 busy contests, and
 * the young generation they filled was collected every third of a second. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Views are plain JSON objects (no inherited enumerable keys), so for…in sees their own keys.
  for (const key in x) if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
  for (const key in y) if (!Object.hasOwn(x, key)) return false;
  return true;
}

/** What changed from `before` to `after`: the top-level fields that differ (whole), and for list
 * fields of which fewer than half the entries differ, those entries (`entries`). Null if a field of
 * `before` is gone from `after` (a merge would keep it), when only the whole view will do. */
export function viewChanges(before: ContestView, after: ContestView): { changes: Partial<ContestView>; entries?: ListChanges } | null {
  const was = before as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  let entries: Record<string, EntryChanges> | undefined;
  const now = after as unknown as Record<string, unknown>;
  for (const key in was) {
    if (now[key] === undefined) return null;
  }
  for (const key in now) {
    const value = now[key];
    const old = was[key];
    // The same object (a part of the state the view reuses) is the same value: nothing to compare.
    if (value === undefined || value === old) continue;
    if (Array.isArray(value) && Array.isArray(old)) {
      const changed = changedEntries(old, value);
      if (changed === 'same') continue;
      if (changed) (entries ??= {})[key] = changed;
      else changes[key] = value;
    } else if (!sameValue(value, old)) changes[key] = value;
  }
  return entries ? { changes: changes as Partial<ContestView>, entries: entries as ListChanges } : { changes: changes as Partial<ContestView> };
}

/** `update` as what changed from the view `before`; whole when only the whole view will do. */
export function changesFrom(before: ContestView, update: WholeUpdate): ContestUpdate {
  const changed = viewChanges(before, update.view);
  return changed ? { ...changed, events: update.events, serverNow: update.serverNow } : update;
}

/** How many entries a list may have dropped from its front and still go entry by entry. */
const MAX_DROP = 4;

/** The entries of `after` that differ from `before` at the same index; 'same' if none do and the
 * length stands; null when half or more differ, as short to send whole and simpler to merge. A
 * list that dropped its first entries (a log that keeps its last 30, the ledger, once full) has
 * every entry at a new index: it goes as the drop and the entries that differ after it. */
function changedEntries(before: readonly unknown[], after: readonly unknown[]): EntryChanges | 'same' | null {
  const inPlace = differing(before, after, 0);
  if (inPlace) return inPlace.count === 0 && before.length === after.length ? 'same' : { length: after.length, at: inPlace.at };
  // The first entry now was one of the first few before: try the list as moved to the front.
  for (let drop = 1; drop <= Math.min(MAX_DROP, before.length - 1) && after.length > 0; drop++) {
    if (!sameValue(before[drop], after[0])) continue;
    const moved = differing(before, after, drop);
    if (moved) return { length: after.length, at: moved.at, drop };
  }
  return null;
}

/** The entries of `after` that differ from those of `before` `drop` places further on; null when
 * half or more do. */
function differing(before: readonly unknown[], after: readonly unknown[], drop: number): { at: Record<number, unknown>; count: number } | null {
  const at: Record<number, unknown> = {};
  let count = 0;
  for (let i = 0; i < after.length; i++) {
    if (i + drop < before.length && sameValue(before[i + drop], after[i])) continue;
    at[i] = after[i];
    if (++count * 2 >= after.length) return null;
  }
  return { at, count };
}

/** The view a page holds after an update: the whole view, or the one it held with the changed
 * fields replaced and the changed entries of its lists put in place. Null when changes come
 * before any whole view, name a list the view held does not have, or leave a gap in a list that
 * the list held cannot fill (they cannot be applied). */
export function applyUpdate(held: ContestView | null, update: ContestUpdate): ContestView | null {
  if ('view' in update) return update.view;
  if (!held) return null;
  const view = { ...held, ...update.changes } as unknown as Record<string, unknown>;
  for (const [key, changed] of Object.entries(update.entries ?? {}) as [string, EntryChanges][]) {
    const list = (held as unknown as Record<string, unknown>)[key];
    if (!Array.isArray(list)) return null;
    // A new list: the page's earlier copies of the view keep theirs.
    const merged: unknown[] = list.slice(changed.drop ?? 0, (changed.drop ?? 0) + changed.length);
    // Every entry past what the list held must come with the changes: a gap does not merge.
    for (let i = merged.length; i < changed.length; i++) if (!Object.hasOwn(changed.at, i)) return null;
    for (const [index, entry] of Object.entries(changed.at)) merged[Number(index)] = entry;
    if (merged.length !== changed.length) return null;
    view[key] = merged;
  }
  return view as unknown as ContestView;
}
