// A stage update carries only the view's top-level fields that changed. With 200 contests on one
// server, every press sent the host its whole view (about 5 KB) and each phone its own (about
// 1 KB), though a press changes the question and little else: the encoding, the bytes and the
// pages' parsing of the unchanged rest was most of the server's work. The server keeps the last
// view it sent on each channel (server/realtime/sent-views.ts) and sends what differs from it; a
// page merges that into the view it holds. A page is sent a whole view when it joins (and the
// next update on its channel is whole for everyone on it), so what it holds is always the
// channel's last view.
import type { ContestView } from './contest/views.js';
import type { ContestUpdate } from './protocol.js';

/** Whether two JSON values (what a view is made of) are equal, field by field. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The top-level fields of `after` that differ from `before`; null if a field of `before` is
 * gone from `after` (a merge would keep it), when only the whole view will do. */
export function changedFields(before: ContestView, after: ContestView): Partial<ContestView> | null {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(before)) {
    if ((after as unknown as Record<string, unknown>)[key] === undefined) return null;
  }
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (!sameValue(value, (before as unknown as Record<string, unknown>)[key])) changes[key] = value;
  }
  return changes as Partial<ContestView>;
}

/** The view a page holds after an update: the whole view, or the one it held with the changed
 * fields replaced. Null when changes come before any whole view (they cannot be applied). */
export function applyUpdate(held: ContestView | null, update: ContestUpdate): ContestView | null {
  if ('view' in update) return update.view;
  return held ? { ...held, ...update.changes } : null;
}
