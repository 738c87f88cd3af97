// What each role is allowed to see (B13). A phone or the screen must never receive the answer
// before it is revealed, so views are built by picking fields in, never by deleting them.
import type { BuzzRecord, BuzzRules, ContestStage, QuestionOutcome, QuestionPhase, ScoreEntry, SeatId } from './types.js';
import type { ContestState } from './types.js';

export type Role = 'host' | 'screen' | 'contestant';

/** Views carry only the latest score changes: every update goes to every page, and the full
 * record belongs in the exports, not in each push. */
export const VIEW_LEDGER_LIMIT = 30;

/** Facts the room knows and the engine does not: who is connected, how to join. */
export interface RoomFacts {
  connected: ReadonlySet<SeatId>;
  claimed: ReadonlySet<SeatId>;
  joinUrl: string;
  joinCodes: Readonly<Record<SeatId, string>>;
}

export interface SeatView {
  id: SeatId;
  name: string;
  score: number;
  claimed: boolean;
  connected: boolean;
  /** Out of the current question (wrong answer or false start). */
  out: boolean;
  /** Inside a false-start lockout until this server time. */
  lockedUntil: number | null;
  /** Join code, only for the host, and for the screen while the seat is unclaimed. */
  joinCode: string | null;
}

export interface QuestionView {
  number: number;
  total: number;
  stem: string;
  category: string;
  phase: QuestionPhase;
  outcome: QuestionOutcome | null;
  buzzDeadline: number | null;
  answerDeadline: number | null;
  winner: SeatId | null;
  /** null unless the viewer may see it (B13). */
  answer: string | null;
  explanation: string | null;
  source: string | null;
  /** Press log of this question: host only. */
  buzzes: BuzzRecord[];
}

export interface ContestView {
  role: Role;
  title: string;
  stage: ContestStage;
  seats: SeatView[];
  question: QuestionView | null;
  rules: BuzzRules;
  /** Latest score changes, oldest first: all seats' for the host and screen, its own for a phone. */
  ledger: ScoreEntry[];
  canUndo: boolean;
  joinUrl: string;
  /** The seat this phone holds, for a contestant view. */
  me: SeatId | null;
}

/** Builds the view one role is allowed to see. */
export function viewFor(role: Role, state: ContestState, room: RoomFacts, me: SeatId | null = null): ContestView {
  const q = state.question;
  const seats = state.definition.seats.map((seat): SeatView => {
    const lockedUntil = q?.lockedUntil[seat.id] ?? null;
    const claimed = room.claimed.has(seat.id);
    const showCode = role === 'host' || (role === 'screen' && !claimed);
    return {
      id: seat.id,
      name: seat.name,
      score: state.scores[seat.id] ?? 0,
      claimed,
      connected: room.connected.has(seat.id),
      out: q?.out.includes(seat.id) ?? false,
      lockedUntil,
      joinCode: showCode ? (room.joinCodes[seat.id] ?? null) : null,
    };
  });
  return {
    role,
    title: state.definition.title,
    stage: state.stage,
    seats,
    question: questionView(role, state),
    rules: state.definition.rules,
    ledger: recentLedger(state, role === 'contestant' ? me : undefined),
    canUndo: role === 'host' && state.rulings.length > 0,
    joinUrl: role === 'contestant' ? '' : room.joinUrl,
    me: role === 'contestant' ? me : null,
  };
}

function recentLedger(state: ContestState, onlySeat: SeatId | null | undefined) {
  const recent: ContestState['ledger'] = [];
  for (let i = state.ledger.length - 1; i >= 0 && recent.length < VIEW_LEDGER_LIMIT; i--) {
    const entry = state.ledger[i];
    if (onlySeat === undefined || entry.seatId === onlySeat) recent.push(entry);
  }
  return recent.reverse();
}

function questionView(role: Role, state: ContestState): QuestionView | null {
  const q = state.question;
  if (!q) return null;
  const question = state.definition.questions[q.index];
  const mayKnow = role === 'host' || q.phase === 'revealed';
  return {
    number: q.index + 1,
    total: state.definition.questions.length,
    stem: question.stem,
    category: question.category,
    phase: q.phase,
    outcome: q.outcome,
    buzzDeadline: q.buzzDeadline,
    answerDeadline: q.answerDeadline,
    winner: q.winner,
    answer: mayKnow ? question.answer : null,
    explanation: mayKnow ? question.explanation : null,
    source: mayKnow ? (question.source ?? null) : null,
    buzzes: role === 'host' ? q.buzzes : [],
  };
}
