// How the pages put a contest view into words and numbers. Plain functions over the view, so
// the screen, the host console and the phone agree, and the tests can check them without a DOM.
// They return message keys with parameters; the page translates them.
import type { BuzzDecision, ScoreEntry, SeatId } from '../../shared/contest/types.js';
import type { ContestView, QuestionView, SeatView } from '../../shared/contest/views.js';
import { isMessageKey, type MessageKey } from '../../shared/i18n/index.js';
import { secondsLeft } from './server-clock.js';

export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A seat's display name; the id if the seat is unknown (never blank). */
export function seatName(view: Pick<ContestView, 'seats'>, seatId: SeatId | null | undefined): string {
  if (!seatId) return '';
  return view.seats.find((s) => s.id === seatId)?.name ?? seatId;
}

/** The short label for where a question is (请听题, 抢答开始!, 作答中, 答错, 揭晓). */
export function phaseLabel(question: QuestionView): MessageKey {
  return `phase.${question.phase}`;
}

/** How a revealed question ended, for the line under 揭晓. */
export function outcomeMessage(view: ContestView): Message | null {
  const q = view.question;
  if (!q || q.phase !== 'revealed' || !q.outcome) return null;
  if (q.outcome === 'right') return { key: 'outcome.right', params: { name: seatName(view, q.winner) } };
  return { key: `outcome.${q.outcome}` };
}

export interface Countdown {
  kind: 'buzz' | 'answer';
  seconds: number;
}

/** The countdown running now, if any: the buzz window while open, the answer time while answering. */
export function activeCountdown(question: QuestionView | null, serverNow: number): Countdown | null {
  if (!question) return null;
  if (question.phase === 'open' && question.buzzDeadline !== null) {
    return { kind: 'buzz', seconds: secondsLeft(question.buzzDeadline, serverNow) };
  }
  if (question.phase === 'answering' && question.answerDeadline !== null) {
    return { kind: 'answer', seconds: secondsLeft(question.answerDeadline, serverNow) };
  }
  return null;
}

export interface RankedSeat {
  seat: SeatView;
  /** Competition ranking: equal scores share a rank (1, 1, 3). */
  rank: number;
}

/** Seats by score, highest first; equal scores keep seat order and share a rank. */
export function rankSeats(seats: readonly SeatView[]): RankedSeat[] {
  const sorted = seats.map((seat, order) => ({ seat, order })).sort((a, b) => b.seat.score - a.seat.score || a.order - b.order);
  return sorted.map(({ seat }) => ({ seat, rank: sorted.findIndex((other) => other.seat.score === seat.score) + 1 }));
}

/** A score change as the room reads it: "+10", "−5" (a true minus sign, wide enough to see). */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${Math.abs(delta)}`;
  return '0';
}

/** A score, with a true minus sign when negative. */
export function formatScore(score: number): string {
  return score < 0 ? `\u2212${Math.abs(score)}` : String(score);
}

/** What each seat's score did on the current question (rulings, undos and adjustments). */
export function questionDeltas(view: Pick<ContestView, 'ledger' | 'question'>): Map<SeatId, number> {
  const deltas = new Map<SeatId, number>();
  const number = view.question?.number;
  if (number === undefined) return deltas;
  for (const entry of view.ledger) {
    if (entry.questionNumber !== number) continue;
    deltas.set(entry.seatId, (deltas.get(entry.seatId) ?? 0) + entry.delta);
  }
  return deltas;
}

/** Why a score changed, for the ledger lines: a reason key, or the host's own words. */
export function ledgerReason(entry: ScoreEntry): Message {
  switch (entry.reason) {
    case 'adjust':
      return { key: 'ledger.adjust', params: { note: entry.note ?? '' } };
    case 'undo':
      return { key: 'ledger.undo', params: { n: entry.questionNumber ?? '?' } };
    default:
      return { key: `ledger.${entry.reason}` };
  }
}

/** The last few hand corrections (undos and adjustments), newest first, for the screen. */
export function recentCorrections(ledger: readonly ScoreEntry[], count: number): ScoreEntry[] {
  return ledger
    .filter((e) => e.reason === 'adjust' || e.reason === 'undo')
    .slice(-count)
    .reverse();
}

export function decisionLabel(decision: BuzzDecision): MessageKey {
  return `decision.${decision}`;
}

/** A press time as the log shows it: local HH:MM:SS.mmm. */
export function formatPressTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The era label of a bank category when we know it, else the bank's own word. */
export function categoryLabel(category: string): { key: MessageKey } | { text: string } {
  const key = `category.${category}`;
  return isMessageKey(key) ? { key } : { text: category };
}

/** A size step for the stem on the big screen: long stems shrink so they never overflow. */
export function stemSize(stem: string): 'xl' | 'l' | 'm' | 's' {
  const length = [...stem].length;
  if (length <= 24) return 'xl';
  if (length <= 50) return 'l';
  if (length <= 90) return 'm';
  return 's';
}

/** Whether a seat is inside a timed false-start lockout now. */
export function isLockedOut(seat: SeatView, serverNow: number): boolean {
  return seat.lockedUntil !== null && seat.lockedUntil > serverNow;
}

/** A size step for a seat's name shown huge (the buzz winner), so it fits on one line up to 9 characters. */
export function nameSize(name: string): 'xl' | 'l' | 'm' | 's' {
  const length = [...name].length;
  if (length <= 5) return 'xl';
  if (length <= 7) return 'l';
  if (length <= 9) return 'm';
  return 's';
}
