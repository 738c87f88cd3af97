// What the phone's big buzzer looks like and says, from the view and the server's time. Plain
// TypeScript so each state can be tested without a phone.
import type { BuzzOutcome } from '../../shared/contest/commands.js';
import type { BuzzDecision } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { activeCountdown, seatName, type Message } from '../lib/contest-display.js';

export type BuzzerLook =
  /** Before the first question. */
  | 'waiting'
  /** Host still reading, or a rebound not yet opened: a press now is a false start. */
  | 'closed'
  | 'open'
  | 'won'
  /** This phone pressed and its press is being decided with the others (P4). */
  | 'deciding'
  /** Someone else's press is being decided (P4): every buzzer is locked for that moment. */
  | 'held'
  /** Another seat has the buzz. */
  | 'taken'
  /** This seat pressed together with another (P5): the host decides, or a re-buzz follows. */
  | 'tied'
  /** This phone pressed in time but another seat pressed earlier (P5). */
  | 'beaten'
  /** This seat is out of the question (wrong answer, or a false-start penalty). */
  | 'out'
  /** Inside a false-start lockout. */
  | 'locked'
  /** The question is revealed. */
  | 'over'
  | 'finished'
  /** No link to the server: a press could only arrive late, so none is sent. */
  | 'offline'
  /** The host paused the show (K1, K2): a press would be refused, so none is sent. */
  | 'paused';

export interface BuzzerState {
  look: BuzzerLook;
  /** The words on the button. */
  label: Message;
  /** Seconds left to answer, when this seat has won and a countdown runs. */
  countdown: number | null;
  /** Whether a press is sent to the server. Outside a live question there is nothing to judge. */
  sends: boolean;
}

const state = (look: BuzzerLook, label: Message, sends: boolean, countdown: number | null = null): BuzzerState => ({
  look,
  label,
  countdown,
  sends,
});

/** What this phone knows of its own press in the current buzz: `sent` while the answer is on
 * its way, then the server's decision. */
export type MyPress = BuzzDecision | 'sent' | null;

/** The buzzer for the seat `view.me` at server time `serverNow`; `myPress`: this phone's own
 * press in the current buzz, if any. */
export function buzzerState(view: ContestView, serverNow: number, online = true, myPress: MyPress = null): BuzzerState {
  // socket.io would buffer a press made offline and deliver it on reconnect, judged at arrival.
  if (!online) return state('offline', { key: 'buzzer.offline' }, false);
  if (view.stage === 'finished') return state('finished', { key: 'buzzer.finished' }, false);
  const q = view.question;
  // Only a buzz-in question has a buzzer; the page shows other rounds their own way.
  if (q?.kind !== 'buzz-in') return state('waiting', { key: 'buzzer.waiting' }, false);
  if (q.phase === 'revealed') return state('over', { key: 'buzzer.over' }, false);
  if (view.pausedAt !== null) {
    // The winner still sees the time it has left, standing still.
    const countdown = q.phase === 'answering' && q.winner === view.me ? (activeCountdown(q, serverNow)?.seconds ?? null) : null;
    return state('paused', { key: 'buzzer.paused' }, false, countdown);
  }

  const me = view.seats.find((s) => s.id === view.me);
  if (me?.out) return state('out', { key: 'buzzer.out' }, true);
  if (me?.lockedUntil != null && me.lockedUntil > serverNow) return state('locked', { key: 'buzzer.locked' }, true);

  const tiedOut = q.tied.length > 0 && !q.tied.includes(view.me ?? '');
  switch (q.phase) {
    case 'tied':
      if (tiedOut) return state('held', { key: q.decidedBy === 'tie-host' ? 'buzzer.tieOthersHost' : 'buzzer.tieOthers' }, false);
      // Waiting for a re-buzz, a press is early like any press before the buzzers open (B2).
      if (q.decidedBy === 'tie-rebuzz') return state('closed', { key: 'buzzer.tied.rebuzz' }, true);
      return state('tied', { key: 'buzzer.tied.host' }, false);
    case 'answering':
      if (q.winner === view.me) return state('won', { key: 'buzzer.won' }, true, activeCountdown(q, serverNow)?.seconds ?? null);
      if (myPress === 'pending' || myPress === 'beaten' || myPress === 'sent') {
        return state('beaten', { key: 'buzzer.beaten', params: { name: seatName(view, q.winner) } }, true);
      }
      return state('taken', { key: 'buzzer.taken', params: { name: seatName(view, q.winner) } }, true);
    case 'open':
      // P5: a re-buzz is for the tied seats only.
      if (tiedOut) return state('held', { key: 'buzzer.tieOthers' }, false);
      // A press now is logged as late (P3), so it is still sent: the log is the record.
      if (q.deciding && (myPress === 'pending' || myPress === 'sent')) return state('deciding', { key: 'buzzer.deciding' }, true);
      if (q.deciding) return state('held', { key: 'buzzer.held' }, true);
      return state('open', { key: 'buzzer.open' }, true);
    case 'reading':
    case 'wrong':
      return state('closed', { key: 'buzzer.closed' }, true);
  }
}

/** The short word flashed after a press, from the server's acknowledgement. */
export function pressFeedback(outcome: BuzzOutcome): MessageKey {
  return `press.${outcome.decision}`;
}
