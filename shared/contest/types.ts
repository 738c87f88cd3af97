// The contest's data, in the contest's own words. Plain serialisable values only: the whole
// state is rebuilt by replaying commands, so nothing here may hold a function or a clock.

import type { Question } from './question.js';

export type { Question };
export type SeatId = string;

export interface Seat {
  id: SeatId;
  name: string;
}

/** How a false start (提前抢答) is punished; see RULES.md B2. */
export type FalseStartPenalty =
  | { kind: 'lockout'; ms: number }
  | { kind: 'lose-question' }
  | { kind: 'deduct'; points: number };

export interface BuzzRules {
  falseStart: FalseStartPenalty;
  buzzWindowMs: number;
  answerTimeMs: number;
  rightPoints: number;
  wrongPoints: number;
}

export interface ContestDefinition {
  title: string;
  seats: Seat[];
  rules: BuzzRules;
  questions: Question[];
}

export type QuestionPhase = 'reading' | 'open' | 'answering' | 'wrong' | 'revealed';
export type QuestionOutcome = 'right' | 'dead' | 'ended';

export type BuzzDecision = 'won' | 'false-start' | 'locked-out' | 'late';

export interface BuzzRecord {
  at: number;
  seatId: SeatId;
  decision: BuzzDecision;
}

export interface QuestionState {
  index: number;
  phase: QuestionPhase;
  buzzDeadline: number | null;
  winner: SeatId | null;
  wonAt: number | null;
  /** null while answering means the host rules by hand (after an undo, B10). */
  answerDeadline: number | null;
  /** Seats out for the rest of this question: wrong answers and false-start losses. */
  out: SeatId[];
  /** Seats inside a timed false-start lockout, until the given instant. */
  lockedUntil: Record<SeatId, number>;
  outcome: QuestionOutcome | null;
  buzzes: BuzzRecord[];
}

export type ScoreReason = 'right' | 'wrong' | 'timeout' | 'false-start' | 'adjust' | 'undo';

/** One change to one seat's score. The ledger is the audit trail the host and organisers see. */
export interface ScoreEntry {
  seq: number;
  at: number;
  seatId: SeatId;
  delta: number;
  reason: ScoreReason;
  /** 1-based question number, or null outside a question. */
  questionNumber: number | null;
  note?: string;
  /** For rulings: whether a later undo reversed it. */
  undone?: boolean;
  /** For an undo entry: the seq of the ruling it reversed. */
  reverses?: number;
}

/** A ruling remembered for undo (B10). */
export interface RulingMemo {
  entrySeq: number;
  questionIndex: number;
  wonAt: number | null;
}

export type ContestStage = 'lobby' | 'question' | 'finished';

export interface ContestState {
  definition: ContestDefinition;
  stage: ContestStage;
  question: QuestionState | null;
  scores: Record<SeatId, number>;
  ledger: ScoreEntry[];
  rulings: RulingMemo[];
}
