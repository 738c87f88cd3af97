// Tests read kind-specific fields of a view's question: these narrow it to its kind, or give
// null when the view has no question of that kind, so `buzzOf(v)?.winner` reads as `v.question?.winner` did.
import { isAsked, viewOfKind, type AskedQuestionView, type QuestionView } from '../../shared/contest/views.js';

type Holder = { question: QuestionView | null } | null | undefined;

/** A buzz-in question: winner, press log, tie, lead. */
export const buzzOf = (view: Holder) => viewOfKind(view?.question, 'buzz-in');
/** An in-turn question: whose turn it is. */
export const turnOf = (view: Holder) => viewOfKind(view?.question, 'in-turn');
/** An all-at-once question: who answered, grades, late answers, seats' own deadlines. */
export const answersOf = (view: Holder) => viewOfKind(view?.question, 'all-at-once');
/** A question drawn from the bank, of any kind: stem, key, answer deadline. */
export const askedOf = (view: Holder): AskedQuestionView | null => (isAsked(view?.question) ? view.question : null);
/** A seat's turn in a judged round: phase, timers, who scored, own score, the reveal. */
export const judgedOf = (view: Holder) => viewOfKind(view?.question, 'judged');
