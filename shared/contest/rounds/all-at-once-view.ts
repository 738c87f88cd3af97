// What each role sees of an all-at-once question (A5, A6, K8).
import { choiceCount } from '../question.js';
import { askedHead, askedKey, type AllAtOnceQuestionView, type Viewer } from '../question-views.js';
import type { AllAtOnceQuestion, AllAtOnceRound, SeatId, SeatResult } from '../types.js';
import { seatDeadline } from './seat-deadline.js';

/** The question as `viewer` may see it: who answered for staff and screen, a phone its own answer,
 * deadline and grade, never another seat's (A5). */
export function allAtOnceView(round: AllAtOnceRound, q: AllAtOnceQuestion, { sight, me }: Viewer): AllAtOnceQuestionView {
  const question = round.questions[q.index];
  const results = q.results;
  return {
    kind: 'all-at-once',
    ...askedHead(round.questions, q.index),
    phase: q.phase,
    // K8: a phone counts down to its own deadline.
    answerDeadline: me ? seatDeadline(q, me) : q.answerDeadline,
    ...askedKey(question, sight.keyBeforeReveal || q.phase === 'revealed'),
    answered: sight.whoAnswered ? Object.keys(q.answers) : [],
    myAnswer: me ? (q.answers[me]?.choice ?? null) : null,
    results: results && (sight.results === 'every' ? results : me && results[me] ? { [me]: results[me] } : {}),
    distribution: results ? distribution(results, choiceCount(question)) : null,
    late: sight.lateAnswers ? q.late : [],
    seatDeadlines: sight.seatDeadlines ? q.seatDeadlines : {},
  };
}

function distribution(results: Record<SeatId, SeatResult>, choices: number): number[] {
  const counts = Array.from({ length: choices }, () => 0);
  for (const r of Object.values(results)) for (const c of r.choice ?? []) counts[c] += 1;
  return counts;
}
