// What a phone shows in a risk turn (风险题, RULES.md RK): on the seat's own phone, while it
// chooses, the stakes to pick from (and 放弃 when allowed); on every other phone, whose turn it is
// and, once picked, the stake; then the countdown, and the ruling with the points it brought.
import { viewOfKind, type ContestView } from '../../shared/contest/views.js';
import { activeCountdown, answerWords, outcomeMessage, seatName, turnResult, type Label, type Message } from '../lib/contest-display.js';
import { riskDelta } from '../lib/risk-display.js';

/** `pick`: this phone's seat chooses now; `waiting`: another seat chooses; `mine`/`other`: the
 * stake is set and the question is out; `ruled`: the turn is over. */
export type RiskLook = 'pick' | 'waiting' | 'mine' | 'other' | 'ruled';

export interface RiskState {
  look: RiskLook;
  mine: boolean;
  headline: Message;
  detail: Message | null;
  /** The stakes to pick from (pick only), and whether a pass is offered. */
  stakes: number[];
  allowPass: boolean;
  /** The stake set, shown as a badge; null before the pick and after a pass. */
  stake: number | null;
  countdown: number | null;
  /** What the ruling did to the seat's score (+30, −30), once ruled; null for a pass or a skip. */
  delta: number | null;
  answer: Label | null;
}

/** The risk card for `view.me`; null when the question is not a risk turn. */
export function riskState(view: ContestView, serverNow: number): RiskState | null {
  const q = viewOfKind(view.question, 'risk');
  const round = view.round?.kind === 'risk' ? view.round : null;
  if (!q || !round) return null;
  const mine = q.turnSeat === view.me;
  const name = seatName(view, q.turnSeat);
  const base = { mine, stakes: [] as number[], allowPass: false, stake: q.stake, countdown: null, delta: null, answer: null, detail: null };
  if (q.phase === 'revealed') {
    const headline: Message = mine ? { key: turnResult(q.outcome) } : (outcomeMessage(view) ?? { key: 'phase.revealed' });
    return { ...base, look: 'ruled', headline, delta: riskDelta(q), answer: answerWords(q) };
  }
  if (q.phase === 'choosing') {
    if (!mine) return { ...base, look: 'waiting', headline: { key: 'risk.waitOther', params: { name } } };
    return { ...base, look: 'pick', headline: { key: 'risk.chooseNow' }, detail: { key: 'risk.chooseHint' }, stakes: round.stakes, allowPass: round.allowPass };
  }
  const countdown = q.phase === 'answering' ? (activeCountdown(q, serverNow)?.seconds ?? null) : null;
  if (!mine) return { ...base, look: 'other', headline: { key: 'risk.otherChose', params: { name, stake: q.stake ?? 0 } }, countdown };
  return { ...base, look: 'mine', headline: { key: 'turn.yours' }, detail: { key: q.phase === 'answering' ? 'turn.answerNow' : 'turn.listen' }, countdown };
}
