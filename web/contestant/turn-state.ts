// What a phone shows in an in-turn question (轮流必答, RULES.md T1-T7): "your turn" with the
// countdown on the phone whose turn it is, whose turn it is on every other phone, and the ruling
// once it is made. The contestant answers aloud: the phone has nothing to press.
import { viewOfKind, type ContestView } from '../../shared/contest/views.js';
import { activeCountdown, answerWords, outcomeMessage, questionDeltas, seatName, turnResult, type Label, type Message } from '../lib/contest-display.js';

export type TurnLook = 'mine' | 'other' | 'ruled';

export interface TurnState {
  look: TurnLook;
  mine: boolean;
  /** The big line: 轮到你了, 轮到 X 作答, or how the turn ended. */
  headline: Message;
  /** The line under it, if any. */
  detail: Message | null;
  countdown: number | null;
  /** This seat's points for the turn, once ruled (mine only). */
  delta: number | null;
  /** The answer, once revealed. */
  answer: Label | null;
}

/** The turn card for `view.me`; null when the question is not an in-turn one. */
export function turnState(view: ContestView, serverNow: number): TurnState | null {
  const q = viewOfKind(view.question, 'in-turn');
  if (!q) return null;
  const mine = q.turnSeat === view.me;
  if (q.phase === 'revealed') {
    const headline: Message = mine ? { key: turnResult(q.outcome) } : (outcomeMessage(view) ?? { key: 'phase.revealed' });
    const delta = mine && view.me ? (questionDeltas(view).get(view.me) ?? null) : null;
    return { look: 'ruled', mine, headline, detail: null, countdown: null, delta, answer: answerWords(q) };
  }
  if (!mine) return { look: 'other', mine, headline: { key: 'turn.whose', params: { name: seatName(view, q.turnSeat) } }, detail: null, countdown: null, delta: null, answer: null };
  const answering = q.phase === 'answering';
  return {
    look: 'mine',
    mine,
    headline: { key: 'turn.yours' },
    detail: { key: answering ? 'turn.answerNow' : 'turn.listen' },
    countdown: answering ? (activeCountdown(q, serverNow)?.seconds ?? null) : null,
    delta: null,
    answer: null,
  };
}
