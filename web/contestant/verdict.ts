// What a phone tells the seat that answered: right or wrong, with the points the ruling really
// brought (+10, −10, or none), taken from the seat's own ledger rather than the round's rules.
import type { ScoreEntry, SeatId } from '../../shared/contest/types.js';
import { formatDelta, type Message } from '../lib/contest-display.js';

export interface Verdict {
  verdict: 'right' | 'wrong' | 'timeout';
  /** The ruling's points; 0 when it brought none. */
  delta: number;
}

/** The verdict of a 'ruled' event for this seat: its points are the newest matching ledger entry. */
export function verdictOf(verdict: Verdict['verdict'], ledger: readonly ScoreEntry[], me: SeatId | null): Verdict {
  const entry = ledger.findLast((e) => e.seatId === me && e.reason === verdict);
  return { verdict, delta: entry?.delta ?? 0 };
}

/** 回答正确 +10, 回答错误 −10; with no points, the verdict alone (never "+0"). */
export function verdictMessage(v: Verdict): Message {
  if (v.delta === 0) return { key: `contestant.verdict.${v.verdict}NoPoints` };
  return { key: `contestant.verdict.${v.verdict}`, params: { delta: formatDelta(v.delta) } };
}
