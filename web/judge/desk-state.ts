// What the judge's page offers at each moment of a seat's turn (RULES.md J2, J5, J7): nothing to
// score before the speech starts, the entry while scores are taken, the score sent with 修改
// until scoring closes, then 评分已截止 and, after the reveal, the panel's result.
import type { JudgedTurnView } from '../../shared/contest/judging-types.js';
import { takesScores } from '../lib/judged-display.js';

export type DeskLook =
  /** Called or preparing: scores are not taken yet. */
  | 'not-yet'
  /** The host marked this judge as not scoring this seat (回避, absent). */
  | 'excluded'
  /** Typing a score (none sent yet, or 修改 pressed). */
  | 'entry'
  /** A score sent (or entered by the host from paper), changeable until scoring closes. */
  | 'sent'
  /** Scoring closed: the score stands. */
  | 'closed'
  | 'revealed';

/** The page's look for this judge (`judgeId`) now; `changing`: 修改 was pressed. */
export function deskLook(turn: Pick<JudgedTurnView, 'phase' | 'excluded' | 'myScore'>, judgeId: string | null, changing: boolean): DeskLook {
  if (turn.phase === 'revealed') return 'revealed';
  if (turn.phase === 'closed') return 'closed';
  if (judgeId !== null && judgeId in turn.excluded) return 'excluded';
  if (!takesScores(turn.phase)) return 'not-yet';
  return turn.myScore && !changing ? 'sent' : 'entry';
}

/** The -/+ buttons for a step: ±1 and ±0.5 on a half-point scale, ±5 and ±1 on a whole one. */
export function nudgeSteps(step: number): number[] {
  return step < 1 ? [1, step] : [5 * step, step];
}
