// The judges' part of the show's record: for every seat's turn in a judged round, each judge's
// score as the turn ended (or why the judge did not score), which scores were dropped, and the
// result with its overtime deduction. Read from the replayed turn, as the other records are.
import type { Judge, JudgedResult, JudgedTurn, JudgeScore } from '../../shared/contest/judging-types.js';

export interface JudgedRow {
  /** Flat index of the round, and the turn's 1-based place in the round's order. */
  round: number;
  turn: number;
  seatId: string;
  judgeId: string;
  /** The judge's last score for the seat (its parts, when it was typed, how often changed, and
   * whether the host entered it from paper), or null: none. */
  score: JudgeScore | null;
  /** Why the judge did not score this seat (回避, absent), or null. */
  excluded: string | null;
  /** Dropped by the trimmed mean (去掉最高分/最低分). */
  dropped: boolean;
  /** The turn's result once revealed; null before (or after an undo not yet revealed again). */
  result: JudgedResult | null;
}

/** One row per judge of the panel, in panel order, for one seat's turn as it stands. */
export function judgedRows(turn: JudgedTurn, round: number, panel: readonly Judge[]): JudgedRow[] {
  return panel.map((judge) => ({
    round,
    turn: turn.index + 1,
    seatId: turn.seatId,
    judgeId: judge.id,
    score: turn.scores[judge.id] ?? null,
    excluded: turn.excluded[judge.id] ?? null,
    dropped: turn.result?.dropped.includes(judge.id) ?? false,
    result: turn.result,
  }));
}
