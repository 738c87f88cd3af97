// Every round kind, keyed by kind: the engine, the views and the host console reach a round's
// rules only through this table. Adding a kind is one module and one line here.
import type { QuestionOf, RoundKindRules, RoundOf } from './round-kind.js';
import { allAtOnce } from './rounds/all-at-once.js';
import { buzzIn } from './rounds/buzz-in.js';
import { inTurn } from './rounds/in-turn.js';
import { judged } from './rounds/judged.js';
import { risk } from './rounds/risk.js';
import type { QuestionState, Round, RoundKind } from './types.js';

export const KINDS: { readonly [K in RoundKind]: RoundKindRules<K> } = {
  'buzz-in': buzzIn,
  'in-turn': inTurn,
  'all-at-once': allAtOnce,
  judged,
  risk,
};

/** The rules of a round's kind, typed for that round and its question. TypeScript cannot
 * correlate `KINDS[round.kind]` with `round` by itself (a union of functions takes the
 * intersection of their arguments), so the one cast that says they match lives here. */
export function rulesOf<K extends RoundKind>(round: RoundOf<K>): RoundKindRules<K> {
  return KINDS[round.kind as K];
}

/** The rules of a question's kind, for hooks that take the question alone (the same one cast). */
export function questionRules(q: QuestionState): RoundKindRules<RoundKind> {
  return KINDS[q.kind] as unknown as RoundKindRules<RoundKind>;
}

/** The round and its current question, when they are of the same kind (always, unless a stored
 * state is corrupt): the pair every per-kind hook takes. */
export function sameKind(round: Round, q: QuestionState): { round: RoundOf<RoundKind>; q: QuestionOf<RoundKind>; rules: RoundKindRules<RoundKind> } | null {
  if (round.kind !== q.kind) return null;
  return { round, q, rules: questionRules(q) };
}
