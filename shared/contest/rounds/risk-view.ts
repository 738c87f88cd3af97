// What each role sees of a risk turn (RK7): the stake always, the question only once the stake is
// set, the key only once it may be known (B13).
import { askedHead, askedKey, type AskedQuestionHead, type RiskQuestionView, type Viewer } from '../question-views.js';
import type { RiskTurn } from '../risk-types.js';
import type { RiskRound } from '../types.js';

/** RK7: while the seat picks its stake, no role is sent the question, only its place in the round. */
function hiddenHead(total: number, index: number): AskedQuestionHead {
  return { number: index + 1, total, type: 'open', stem: '', category: '', options: [], choices: 0 };
}

/** The turn as `viewer` may see it: whose it is, the stake, how it ended. */
export function riskView(round: RiskRound, q: RiskTurn, { sight }: Viewer): RiskQuestionView {
  const shown = q.phase !== 'choosing';
  return {
    kind: 'risk',
    ...(shown ? askedHead(round.questions, q.index) : hiddenHead(round.questions.length, q.index)),
    phase: q.phase,
    outcome: q.outcome,
    answerDeadline: q.answerDeadline,
    turnSeat: q.seatId,
    stake: q.stake,
    chosenBy: q.chosenBy,
    ...askedKey(round.questions[q.index], shown && (sight.keyBeforeReveal || q.phase === 'revealed')),
  };
}
