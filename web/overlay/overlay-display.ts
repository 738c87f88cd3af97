// What the stream overlay draws from a view: plain functions, so the lower third, the question
// plate and the winner plate are decided without a DOM and tested as such.
import type { AskedQuestionView, ContestView } from '../../shared/contest/views.js';
import type { SeatId } from '../../shared/contest/types.js';
import { formatScore, rankedSeats, seatName } from '../lib/contest-display.js';
import { formatFixed, hasBreakdown } from '../lib/ranking-display.js';

/** The lower third's columns at 16:9: three seats side by side leave each name room for fourteen characters. */
export const SCOREBOARD_COLUMNS = 3;

export interface OverlayRow {
  seatId: SeatId;
  name: string;
  rank: number;
  /** The total as the ranking counts it: the weighted total with the contest's decimals when it has a breakdown, else the points. */
  total: string;
  /** Ranked first, and not everyone is: at the start all share first place and nobody leads. */
  leader: boolean;
  out: boolean;
}

/** The seats in ranking order as the lower third lists them, the leader marked. */
export function overlayRows(view: Pick<ContestView, 'seats' | 'standings' | 'stages' | 'decimals'>): OverlayRow[] {
  const ranked = rankedSeats(view);
  const breakdown = hasBreakdown(view);
  const firsts = ranked.filter((r) => r.rank === 1).length;
  return ranked.map(({ seat, standing, rank }) => ({
    seatId: seat.id,
    name: seat.name,
    rank,
    total: breakdown ? formatFixed(standing.weighted, view.decimals) : formatScore(seat.score),
    leader: rank === 1 && firsts < ranked.length,
    out: seat.out,
  }));
}

/** While a question is live (read, buzzed, answered) or a seat is called to speak, the video is
 * the show: the lower third shrinks to one row, the leading seats; between questions it lists
 * every seat. A judged turn keeps it to one row through its reveal, where the judges' scores and
 * the result take the room (the big screen shows no standings then either). */
export function questionLive(view: Pick<ContestView, 'stage' | 'question'>): boolean {
  if (view.stage === 'round' && view.question?.kind === 'judged') return true;
  const q = publicQuestion(view);
  return q !== null && q.phase !== 'revealed';
}

/** The most rows the lower third lists between questions: seven keep it under half the picture
 * beside a revealed question; a larger field shows its leading seats and how many more there are. */
export const SCOREBOARD_MAX_ROWS = 7;

/** The rows the lower third shows: every seat up to seven rows' worth, or in one row the first few by rank. */
export function shownRows(rows: readonly OverlayRow[], compact: boolean): readonly OverlayRow[] {
  return rows.slice(0, SCOREBOARD_COLUMNS * (compact ? 1 : SCOREBOARD_MAX_ROWS));
}

/** How many rows the lower third needs, its seats filling columns top to bottom in rank order. */
export function scoreboardRows(seats: number): number {
  return Math.max(1, Math.ceil(seats / SCOREBOARD_COLUMNS));
}

/** The question to show, once its text is public: none between questions, in a judged turn, or
 * while a risk stake is being chosen (its text is sent to nobody then, RK7). */
export function publicQuestion(view: Pick<ContestView, 'stage' | 'question'>): AskedQuestionView | null {
  const q = view.question;
  if (view.stage !== 'round' || !q || q.kind === 'judged' || !q.stem) return null;
  return q;
}

export interface Answering {
  name: string;
  /** Won the buzz (抢答成功), or answers in turn. */
  how: 'buzz' | 'turn';
}

/** Who answers now, for the winner plate: the buzz winner while it answers, or the seat whose turn it is. */
export function answering(view: Pick<ContestView, 'stage' | 'question' | 'seats'>): Answering | null {
  const q = publicQuestion(view);
  if (!q) return null;
  if (q.kind === 'buzz-in') return q.phase === 'answering' && q.winner ? { name: seatName(view, q.winner), how: 'buzz' } : null;
  if ((q.kind === 'in-turn' || q.kind === 'risk') && q.phase === 'answering') return { name: seatName(view, q.turnSeat), how: 'turn' };
  return null;
}

/** A like total as a stream shows it: grouped digits (12,000), or 万 in Chinese past ten thousand (1.2万). */
export function formatLikes(total: number, locale: 'zh' | 'en'): string {
  if (locale === 'zh' && total >= 10_000) {
    const wan = Math.floor(total / 1000) / 10;
    return `${wan.toFixed(wan % 1 === 0 ? 0 : 1)}万`;
  }
  return total.toLocaleString('en-US');
}
