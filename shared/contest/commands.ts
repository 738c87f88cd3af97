// What can be asked of a contest. Each command carries `at`, the server's time when it was
// accepted: the engine takes time as data, which is what makes replay and fake clocks work.
import type { BuzzDecision, SeatId } from './types.js';

export type HostCommand =
  | { type: 'question:next' }
  | { type: 'buzzers:open' }
  | { type: 'buzzers:reopen' }
  | { type: 'answer:rule'; verdict: 'right' | 'wrong' }
  | { type: 'answer:reveal' }
  | { type: 'ruling:undo' }
  | { type: 'score:adjust'; seatId: SeatId; delta: number; reason: string };

export type SeatCommand = { type: 'buzz:press'; seatId: SeatId };

/** Sent by the room when a deadline it scheduled comes due. */
export type ClockCommand = { type: 'clock:tick' };

export type Command = (HostCommand | SeatCommand | ClockCommand) & { at: number };

/** Why a command was refused. Stable codes: pages translate them, tests match them. */
export const CommandError = {
  NotInQuestion: 'not-in-question',
  WrongPhase: 'wrong-phase',
  QuestionInPlay: 'question-in-play',
  UnknownSeat: 'unknown-seat',
  NoSeatLeft: 'no-seat-left',
  NothingToUndo: 'nothing-to-undo',
  NothingDue: 'nothing-due',
  ContestFinished: 'contest-finished',
  QuestionOver: 'question-over',
} as const;
export type CommandError = (typeof CommandError)[keyof typeof CommandError];

/** Moments worth a sound, a vibration or a flash on some screen. */
export type ContestEvent =
  | { type: 'buzz-won'; seatId: SeatId }
  | { type: 'false-start'; seatId: SeatId }
  | { type: 'ruled'; seatId: SeatId; verdict: 'right' | 'wrong' | 'timeout' }
  | { type: 'question-dead' }
  | { type: 'ruling-undone'; seatId: SeatId }
  | { type: 'score-adjusted'; seatId: SeatId; delta: number; reason: string };

export type ApplyResult<S> =
  | { ok: true; state: S; events: ContestEvent[]; buzz?: BuzzOutcome }
  | { ok: false; error: CommandError };

/** What a press came to, told back to the phone that pressed. */
export interface BuzzOutcome {
  decision: BuzzDecision;
  /** For a timed false-start lockout: until when. */
  lockedUntil?: number;
}
