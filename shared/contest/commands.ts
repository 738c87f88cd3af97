// What can be asked of a contest. Each command carries `at`, the server's time when it was
// accepted: the engine takes time as data, which is what makes replay and fake clocks work.
import type { LinkEvidence } from './arbiter.js';
import type { JudgeId } from './judging-types.js';
import type { Question } from './question.js';
import type { BuzzDecision, SeatId } from './types.js';

export type HostCommand =
  | { type: 'question:next' }
  // buzz-in (抢答)
  | { type: 'buzzers:open' }
  | { type: 'buzzers:reopen' }
  // a true tie the host decides (P5, tie rule `host`): the buzz goes to one of the tied seats
  | { type: 'buzz:award'; seatId: SeatId }
  // in turn (轮流必答): start the answer countdown; skip or repeat a seat's turn
  | { type: 'turn:start' }
  | { type: 'turn:skip' }
  | { type: 'turn:repeat' }
  // all at once (同步作答): start the answer countdown
  | { type: 'answers:open' }
  // risk (风险题): the host picks the stake for the seat whose turn it is (代选), or passes (null)
  | { type: 'stake:choose'; stake: number | null }
  // any round
  | { type: 'answer:rule'; verdict: 'right' | 'wrong' }
  | { type: 'answer:reveal' }
  | { type: 'ruling:undo' }
  // the full-screen leaderboard on the big screen, between questions (L1)
  | { type: 'standings:show'; show: boolean }
  | { type: 'score:adjust'; seatId: SeatId; delta: number; reason: string }
  // the show (K): pause and resume every countdown, add time to the running ones
  | { type: 'show:pause' }
  | { type: 'show:resume' }
  | { type: 'countdown:extend'; ms: number }
  // all at once: one seat's own later deadline, e.g. for the time its phone was offline (K8)
  | { type: 'answers:extend-seat'; seatId: SeatId; ms: number }
  // joining (S2, S3): lock the seats against new phones; while locked, let one seat take one
  | { type: 'seats:lock'; locked: boolean }
  | { type: 'seat:admit'; seatId: SeatId | null }
  // judged rounds (评委打分, J1-J8): the speaking timer, closing and revealing the panel's scores
  | { type: 'speech:start' }
  | { type: 'speech:stop' }
  | { type: 'judging:close' }
  // J5: a judge not scoring this seat (回避, absent), and back; a paper score typed by the host
  | { type: 'judge:exclude'; judgeId: JudgeId; reason: string }
  | { type: 'judge:include'; judgeId: JudgeId }
  | { type: 'judge:enter'; judgeId: JudgeId; seatId: SeatId; value: number; parts?: number[] }
  // the award ceremony (AW4-AW6): the host's prize for a seat level across a tier boundary (null:
  // no prize), and the ceremony's next or previous step on the big screen
  | { type: 'awards:decide'; seatId: SeatId; tier: number | null }
  | { type: 'awards:step'; step: number };

/** J2: a judge's score for the seat now called. The server fills `judgeId` from the judge's own
 * link, never from what the page sends. */
export type JudgeCommand = { type: 'judge:score'; judgeId: JudgeId; seatId: SeatId; value: number; parts?: number[] };

/** S6: the room records the host's decision on a phone's request to join (by the phone's id). */
export type JoinCommand = { type: 'seat:join'; seatId: SeatId; phone: string; approved: boolean };

/** Commands about who may join, not about the show: they do not fix the definition. */
export const SEAT_COMMANDS: readonly Command['type'][] = ['seats:lock', 'seat:admit', 'seat:join'];

/** Swapping a question: the host asks, the server picks the replacement from the bank and
 * records it in the command, so replaying the log needs no bank. */
export type SwapCommand = { type: 'question:swap'; question: Question };

/** A press with what the server measured when it arrived (P1-P3): the press time the phone
 * claims, that phone's link, and the links of every seat that could still buzz. */
export interface PressCommand {
  type: 'buzz:press';
  seatId: SeatId;
  claimedAt?: number | null;
  link?: LinkEvidence | null;
  armed?: Record<SeatId, LinkEvidence | null>;
  /** Which phone of the seat pressed (its public id), for its share of the limit (B17). */
  phone?: string;
}

export type SeatCommand =
  | PressCommand
  // risk (风险题, RK2): the seat whose turn it is picks its stake on its phone, or passes (null)
  | { type: 'stake:choose'; seatId: SeatId; stake: number | null; phone?: string }
  | { type: 'answer:submit'; seatId: SeatId; choice: number[]; /** The phone that answered (A8). */ phone?: string };

/** Sent by the room when a deadline it scheduled comes due. */
export type ClockCommand = { type: 'clock:tick' };

export type Command = (HostCommand | SwapCommand | SeatCommand | ClockCommand | JoinCommand | JudgeCommand) & { at: number };
export type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/** Why a command was refused. Stable codes: pages translate them, tests match them. */
export const CommandError = {
  NotInQuestion: 'not-in-question',
  WrongPhase: 'wrong-phase',
  WrongRoundKind: 'wrong-round-kind',
  QuestionInPlay: 'question-in-play',
  UnknownSeat: 'unknown-seat',
  NoSeatLeft: 'no-seat-left',
  NothingToUndo: 'nothing-to-undo',
  NothingDue: 'nothing-due',
  ContestFinished: 'contest-finished',
  QuestionOver: 'question-over',
  AnswersClosed: 'answers-closed',
  BadChoice: 'bad-choice',
  RepeatedQuestion: 'repeated-question',
  TooManyPresses: 'too-many-presses',
  TooManyAnswers: 'too-many-answers',
  /** The show is paused (K2): nothing is pressed, answered, opened or started until it resumes. */
  Paused: 'paused',
  NotPaused: 'not-paused',
  /** No countdown is running to add time to (K5). */
  NoCountdown: 'no-countdown',
  /** The answer has been revealed: a seat can no longer be given time (K9). */
  KeyRevealed: 'key-revealed',
  SeatsNotLocked: 'seats-not-locked',
  /** P5: the buzz can be awarded only to a seat of a true tie, and only under the `host` tie rule. */
  NotTied: 'not-tied',
  /** J2: the judge's score is out of the round's scale, off its step, or its parts do not add up. */
  BadScore: 'bad-score',
  /** J2: the score names a seat other than the one now called (a stale page). */
  NotCurrentSeat: 'not-current-seat',
  /** J2, J5: scoring for this seat is closed: no score, change or exclusion any more. */
  ScoringClosed: 'scoring-closed',
  /** J4: not every counting judge has scored yet. */
  ScoresMissing: 'scores-missing',
  UnknownJudge: 'unknown-judge',
  /** J5: the judge does not score this seat (回避, absent). */
  JudgeExcluded: 'judge-excluded',
  /** AW: the contest file gives no prizes. */
  NoAwards: 'no-awards',
  /** AW4, AW6: prizes are decided and revealed once the contest is finished. */
  NotFinished: 'not-finished',
  /** AW6: a boundary tie still waits for the host's decision. */
  AwardsUndecided: 'awards-undecided',
  /** AW4: the seat is not level with another across a tier boundary the host decides. */
  AwardNotPending: 'award-not-pending',
  /** AW4: the seat's tie spans other tiers than this one. */
  AwardTierNotAllowed: 'award-tier-not-allowed',
  /** AW4: a tier the decision touches is already on the big screen. */
  AwardRevealed: 'award-revealed',
  /** AW6: the ceremony moves one step at a time, within its steps. */
  BadAwardStep: 'bad-award-step',
  /** RK2: the stake is not one of the round's stakes. */
  BadStake: 'bad-stake',
  /** RK4: this risk round does not allow a pass (放弃). */
  PassNotAllowed: 'pass-not-allowed',
  /** RK2: a phone picked a stake on another seat's turn. */
  NotYourTurn: 'not-your-turn',
} as const;
export type CommandError = (typeof CommandError)[keyof typeof CommandError];

/** Moments worth a sound, a vibration or a flash on some screen. */
export type ContestEvent =
  | { type: 'buzz-won'; seatId: SeatId }
  | { type: 'false-start'; seatId: SeatId }
  | { type: 'ruled'; seatId: SeatId; verdict: 'right' | 'wrong' | 'timeout' }
  | { type: 'question-dead' }
  | { type: 'answers-locked' }
  | { type: 'turn-skipped'; seatId: SeatId }
  | { type: 'ruling-undone'; seatId: SeatId }
  | { type: 'question-swapped' }
  | { type: 'score-adjusted'; seatId: SeatId; delta: number; reason: string }
  | { type: 'show-paused' }
  | { type: 'show-resumed'; pausedMs: number }
  | { type: 'countdown-extended'; ms: number; seatId?: SeatId }
  // judged rounds: the speaking timer started (after any preparation) and stopped; the reveal
  | { type: 'speech-started'; seatId: SeatId }
  | { type: 'speech-stopped'; seatId: SeatId; overtimeMs: number }
  | { type: 'judged-revealed'; seatId: SeatId; points: number }
  // risk: the stake was set (or the seat passed, null), so pages can show it at once
  | { type: 'stake-chosen'; seatId: SeatId; stake: number | null };

/** What a press came to, told back to the phone that pressed (`pending`: see the view). */
export interface BuzzOutcome {
  decision: BuzzDecision;
  /** For a timed false-start lockout: until when. */
  lockedUntil?: number;
}

/** What an all-at-once answer came to: counted, or kept as late (A2, A3). */
export type SubmissionOutcome = 'recorded' | 'late';

export type ApplyResult<S> =
  | {
      ok: true;
      state: S;
      events: ContestEvent[];
      buzz?: BuzzOutcome;
      answer?: SubmissionOutcome;
      /** Only these seats' views can have changed (plus host and screen); absent: anyone's. */
      audience?: SeatId[];
      /** The screen's view did not change either (P9: a press waiting for its decision is told
       * to nobody but the host and the presser's seat). */
      unseenByScreen?: boolean;
    }
  | { ok: false; error: CommandError };
