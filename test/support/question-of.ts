// Tests read kind-specific fields of a view's question: these narrow it to its kind, or give
// null when the view has no question of that kind, so `buzzOf(v)?.winner` reads as `v.question?.winner` did.
import { isAsked, viewOfKind, type AskedQuestionView, type QuestionView } from '../../shared/contest/views.js';

type Holder = { question: QuestionView | null } | null | undefined;

export const buzzOf = (view: Holder) => viewOfKind(view?.question, 'buzz-in');
export const turnOf = (view: Holder) => viewOfKind(view?.question, 'in-turn');
export const answersOf = (view: Holder) => viewOfKind(view?.question, 'all-at-once');
/** A question drawn from the bank, of any kind: stem, key, answer deadline. */
export const askedOf = (view: Holder): AskedQuestionView | null => (isAsked(view?.question) ? view.question : null);
