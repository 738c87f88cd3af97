// Risk questions (风险题, RULES.md RK): each seat in turn stakes points before its question is
// shown; right earns the stake, wrong or timeout loses it, a pass (放弃) scores 0.
// Plain serialisable values, like types.ts.
type SeatId = string;

/** The settings of a risk round; the round type itself (`kind: 'risk'`) goes in types.ts. */
export interface RiskSettings {
  /** The stakes a seat may pick from, e.g. [10, 20, 30]. */
  stakes: number[];
  /** Whether a seat may pass (放弃) for 0. */
  allowPass: boolean;
  /** Seats answer in this order, `perSeat` turns each (as in-turn rounds deal turns). */
  order: SeatId[];
  perSeat: number;
  answerTimeMs: number;
}

/** `choosing`: the seat picks its stake, the question still hidden; `reading`: the stake is
 * set and the question shown; then answering and revealed, as in an in-turn round. */
export type RiskPhase = 'choosing' | 'reading' | 'answering' | 'revealed';
export type RiskOutcome = 'right' | 'wrong' | 'timeout' | 'passed' | 'skipped';

export interface RiskTurn {
  kind: 'risk';
  index: number;
  seatId: SeatId;
  phase: RiskPhase;
  /** The stake picked, or null before a pick and after a pass. */
  stake: number | null;
  /** Who picked it: the seat on its phone, or the host for it. */
  chosenBy: 'seat' | 'host' | null;
  answerDeadline: number | null;
  outcome: RiskOutcome | null;
}
