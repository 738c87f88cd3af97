// The one interface every round kind implements. The engine knows rounds only through it: a new
// kind is one module implementing RoundKindRules and one entry in KINDS (kinds.ts).
import type { Command, HostCommand } from './commands.js';
import type { Question } from './question.js';
import type { QuestionViewOf, Viewer } from './question-views.js';
import type { RoundRulesViewOf } from './round-views.js';
import type { Result } from './result.js';
import type { ContestDefinition, ContestState, QuestionState, Round, RoundKind, SeatId } from './types.js';

export type RoundOf<K extends RoundKind> = Extract<Round, { kind: K }>;
export type QuestionOf<K extends RoundKind> = Extract<QuestionState, { kind: K }>;

/** Commands about the question in play, handled by the kind of the current round. */
export type RoundCommand = Exclude<
  Command,
  {
    type:
      | 'clock:tick'
      | 'show:pause'
      | 'show:resume'
      | 'countdown:extend'
      | 'answers:extend-seat'
      | 'question:next'
      | 'question:swap'
      | 'ruling:undo'
      | 'standings:show'
      | 'seats:lock'
      | 'seat:admit'
      | 'seat:join'
      | 'score:adjust';
  }
>;

/** The host's commands about the question in play. */
export type RoundHostCommand = Extract<HostCommand, { type: RoundCommand['type'] }>['type'];

/** What an undo needs to put the current question back to answering (B10, T5). */
export interface UndoneRuling {
  seatId: SeatId;
  wonAt: number | null;
}

export interface RoundKindRules<K extends RoundKind> {
  /** How many questions (or turns) the round has: F1 moves on after the last. */
  length(round: RoundOf<K>): number;
  /** The most points one seat can earn in the round: what a stage normalised by `max` divides by (R-rules). */
  mostPoints(round: RoundOf<K>, definition: ContestDefinition): number;
  /** The question at `index`, before anything has happened to it. */
  start(round: RoundOf<K>, index: number): QuestionOf<K>;
  /** Whether the kind can ask this question: a swap (F4) must not bring in one it cannot. */
  canAsk(round: RoundOf<K>, question: Question): boolean;
  /** The next instant the question changes by itself (B9), or null. */
  deadline(q: QuestionOf<K>): number | null;
  /** F2: the question must not be left now. */
  inPlay(q: QuestionOf<K>): boolean;
  /** Applies every deadline passed by `at`; null if none has. */
  settle(state: ContestState, round: RoundOf<K>, q: QuestionOf<K>, at: number): Result | null;
  /** A command about the question; a command this kind has no use for is `wrong-round-kind`. */
  handle(state: ContestState, round: RoundOf<K>, q: QuestionOf<K>, command: RoundCommand): Result;
  /** Whether an undo may reach back now (not while a press waits for its decision, P3). */
  mayUndo(q: QuestionOf<K>): boolean;
  /** B10, T5: the current question after its newest ruling was undone. */
  restore(q: QuestionOf<K>, ruling: UndoneRuling): QuestionOf<K>;
  /** K3: every deadline later than `after` moves on by `ms`. */
  shift(q: QuestionOf<K>, after: number, ms: number): QuestionOf<K>;
  /** K5: the countdowns running at `now` get `ms` more; null if none is running. */
  extend(q: QuestionOf<K>, now: number, ms: number): QuestionOf<K> | null;
  /** The question's host commands (RoundCommand types) the engine would accept now, pause aside:
   * the host console asks this instead of re-encoding the rules. */
  allowed(state: ContestState, round: RoundOf<K>, q: QuestionOf<K>): RoundHostCommand[];
  /** What `viewer` may see of the question (its SIGHT entry, and its own seat for a phone). */
  view(round: RoundOf<K>, q: QuestionOf<K>, viewer: Viewer): QuestionViewOf<K>;
  /** The round's own rules as every page shows them (its title card, the rules line). */
  roundView(round: RoundOf<K>): RoundRulesViewOf<K>;
}
