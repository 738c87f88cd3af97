// Q5: the questions each bank question may never share a contest with, worked out once per bank
// content: finding giveaways in a bank of thousands takes about a second, a draw or a swap must not.
import { createHash } from 'node:crypto';
import type { Question } from '../../shared/contest/question.js';
import { conflictsOf, findGiveaways } from '../bank/giveaways.js';

export type Conflicts = ReadonlyMap<string, ReadonlySet<string>>;

let cached: { key: string; conflicts: Conflicts } | null = null;

/** Everything the finder reads, so an edited explanation or `excludes` finds new pairs. */
function contentKey(bank: readonly Question[]): string {
  const hash = createHash('sha256');
  for (const q of bank) hash.update(JSON.stringify([q.id, q.type, q.stem, 'options' in q ? q.options : null, q.answer, q.explanation, q.excludes ?? null]));
  return hash.digest('hex');
}

/** Q5: the bank's conflicts (giveaways found in text and declared), from the cache when the bank is unchanged. */
export function bankConflicts(bank: readonly Question[]): Conflicts {
  const key = contentKey(bank);
  if (cached?.key !== key) cached = { key, conflicts: conflictsOf(findGiveaways(bank)) };
  return cached.conflicts;
}

/** Whether a question may join a contest already holding `inContest` (ids). */
export function fitsWith(conflicts: Conflicts, id: string, inContest: ReadonlySet<string>): boolean {
  const against = conflicts.get(id);
  if (!against) return true;
  for (const other of against) if (inContest.has(other)) return false;
  return true;
}
