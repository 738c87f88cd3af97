// What each role sees of a buzz-in question (B13, B14, P9).
import { askedHead, askedKey, type BuzzInQuestionView, type Viewer } from '../question-views.js';
import type { BuzzInQuestion, BuzzInRound } from '../types.js';

/** The buzz-in question as `viewer` may see it: the press log for staff, a pending press only to
 * those the sight table lets know of it. */
export function buzzInView(round: BuzzInRound, q: BuzzInQuestion, { sight, me }: Viewer): BuzzInQuestionView {
  const mayKnow = sight.keyBeforeReveal || q.phase === 'revealed';
  const ownPending = me !== null && q.buzzes.some((b) => b.seatId === me && b.decision === 'pending');
  return {
    kind: 'buzz-in',
    ...askedHead(round.questions, q.index),
    phase: q.phase,
    outcome: q.outcome,
    buzzDeadline: q.buzzDeadline,
    answerDeadline: q.answerDeadline,
    winner: q.winner,
    deciding: q.decideAt !== null && (sight.pendingPress === 'any' || (sight.pendingPress === 'own' && ownPending)),
    tied: q.tied,
    decidedBy: q.decidedBy,
    wonAt: q.wonAt,
    leadMs: q.leadMs,
    leadErrorMs: q.leadErrorMs,
    ...askedKey(round.questions[q.index], mayKnow),
    buzzes: sight.pressLog ? q.buzzes : [],
    // RK9: the stake every role sees on a risk buzz-in question (the question's points, F5).
    ...(round.rules.risk && { stake: round.questions[q.index]?.points ?? round.rules.rightPoints }),
  };
}
