// What each role sees of an in-turn question (T, B13).
import { askedHead, askedKey, type InTurnQuestionView, type Viewer } from '../question-views.js';
import type { InTurnQuestion, InTurnRound } from '../types.js';

/** The turn as `viewer` may see it: whose it is, how it ended, the key once it may be known. */
export function inTurnView(round: InTurnRound, q: InTurnQuestion, { sight }: Viewer): InTurnQuestionView {
  return {
    kind: 'in-turn',
    ...askedHead(round.questions, q.index),
    phase: q.phase,
    outcome: q.outcome,
    answerDeadline: q.answerDeadline,
    turnSeat: q.seatId,
    ...askedKey(round.questions[q.index], sight.keyBeforeReveal || q.phase === 'revealed'),
  };
}
