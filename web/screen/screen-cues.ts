// What the big screen plays and flashes for each update: the chimes for the moments of a
// question, a tick in a countdown's last five seconds, and the false-start notice. Plain
// functions over events and views, so they are tested without audio or a DOM.
import type { ContestEvent } from '../../shared/contest/commands.js';
import type { FalseStartPenalty } from '../../shared/contest/types.js';
import type { ContestView, QuestionView } from '../../shared/contest/views.js';
import type { Message } from '../lib/contest-display.js';
import { formatDelta, seatName } from '../lib/contest-display.js';
import type { Chime } from '../lib/sound.js';

/** The last seconds of a countdown that tick. */
export const TICK_FROM_SECONDS = 5;

/** How long a notice (false start, score corrected) stays up on the screen. */
export const NOTICE_MS = 5000;

/** The chimes for one update: the buzz, a ruling, a false start, locked answers, and the reveal
 * (only when no ruling's own chime already says it). */
export function chimesFor(events: readonly ContestEvent[], before: QuestionView | null, after: QuestionView | null): Chime[] {
  const chimes: Chime[] = [];
  for (const event of events) {
    if (event.type === 'buzz-won') chimes.push('buzz');
    else if (event.type === 'ruled') chimes.push(event.verdict === 'right' ? 'right' : 'wrong');
    else if (event.type === 'false-start') chimes.push('false-start');
    else if (event.type === 'answers-locked') chimes.push('locked');
    // RK2: the stake is set and the question comes up on the screen.
    else if (event.type === 'stake-chosen' && event.stake !== null) chimes.push('reveal');
  }
  const revealed = after?.phase === 'revealed' && (before?.phase !== 'revealed' || before.number !== after.number);
  if (revealed && !chimes.includes('right')) chimes.push('reveal');
  return chimes;
}

/** Whether a countdown that now shows `seconds` (before: `previous`) should tick: once per second, last five. */
export function tickDue(previous: number | null, seconds: number | null): boolean {
  return seconds !== null && seconds > 0 && seconds <= TICK_FROM_SECONDS && seconds !== previous;
}

/** A moment the hall must see even when the scoreboard is not on screen. */
export interface Notice {
  kind: 'false-start' | 'score-adjusted';
  seatId: string;
  name: string;
  what: Message;
  /** The cost or the change, in words. */
  detail: Message;
}

/** The notice an update brings, if any: a false start with its penalty (B2), or a score
 * corrected by hand with its reason (B11); the latest wins. */
export function noticeFor(events: readonly ContestEvent[], view: Pick<ContestView, 'seats' | 'round'>): Notice | null {
  let notice: Notice | null = null;
  for (const event of events) {
    if (event.type === 'false-start') {
      notice = { kind: 'false-start', seatId: event.seatId, name: seatName(view, event.seatId), what: { key: 'screen.falseStart' }, detail: penaltyWords(view.round?.kind === 'buzz-in' ? view.round.falseStart : null) };
    } else if (event.type === 'score-adjusted') {
      notice = {
        kind: 'score-adjusted',
        seatId: event.seatId,
        name: seatName(view, event.seatId),
        what: { key: 'screen.corrections' },
        detail: { key: 'screen.adjusted', params: { delta: formatDelta(event.delta), reason: event.reason } },
      };
    }
  }
  return notice;
}

/** Where the show is: a notice belongs to the moment it was raised in. */
export function placeOf(view: Pick<ContestView, 'stage' | 'round' | 'question' | 'standingsShown'>): string {
  return [view.stage, view.round?.index ?? -1, view.question?.number ?? 0, view.standingsShown].join('/');
}

/** Whether a notice raised at `raisedAt` may stay up after an update: not once the show has
 * moved to another question, card or ranking, and not over a buzz's winner, who then owns the
 * picture (the hall must see who answers, not who pressed too early a moment ago). */
export function noticeStays(raisedAt: string, events: readonly ContestEvent[], next: Pick<ContestView, 'stage' | 'round' | 'question' | 'standingsShown'>): boolean {
  return placeOf(next) === raisedAt && !events.some((e) => e.type === 'buzz-won');
}

function penaltyWords(penalty: FalseStartPenalty | null): Message {
  if (penalty?.kind === 'deduct') return { key: 'screen.penalty.deduct', params: { n: penalty.points } };
  if (penalty?.kind === 'lockout') return { key: 'screen.penalty.lockout', params: { s: Math.round(penalty.ms / 10) / 100 } };
  return { key: 'screen.penalty.lose-question' };
}
