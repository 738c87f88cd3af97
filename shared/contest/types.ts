// The contest's data, in the contest's own words. Plain serialisable values only: the whole
// state is rebuilt by replaying commands, so nothing here may hold a function or a clock.
import type { Branding } from '../branding.js';
import type { DecidedBy, RecordedFairness } from './arbiter.js';
import type { Question, QuestionType } from './question.js';
import type { Judge, JudgedSettings, JudgedTurn } from './judging-types.js';
import type { AwardRules, AwardsState, Normalise, RankingRules } from './ranking-types.js';
import type { RiskSettings, RiskTurn } from './risk-types.js';

export type { Question };
export type SeatId = string;

/** A place on stage: one contestant, or a team whose phones share one buzzer (S1). */
export interface Seat {
  id: SeatId;
  name: string;
  kind: 'individual' | 'team';
  /** How many phones may hold this seat at once: 1 for an individual. */
  phones: number;
  /** The seat's own title in an action round (述行动), from the contest file. */
  topic?: string;
}

/** How a false start (提前抢答) is punished; see RULES.md B2. */
export type FalseStartPenalty =
  | { kind: 'lockout'; ms: number }
  | { kind: 'lose-question' }
  | { kind: 'deduct'; points: number };

export interface BuzzRules {
  falseStart: FalseStartPenalty;
  /** How presses are judged: by press time within the credit, or by arrival (P1-P9). */
  fairness: RecordedFairness;
  buzzWindowMs: number;
  answerTimeMs: number;
  rightPoints: number;
  wrongPoints: number;
  /** RK9, 风险抢答: the buzz winner risks the question's stake: wrong or timeout deducts what right
   * earns (the question's own points, F5, or `rightPoints`) instead of `wrongPoints`. Absent: off. */
  risk?: boolean;
}

/** Which bank questions a round may draw (and swap in): empty lists mean any. */
export interface DrawSpec {
  categories: string[];
  difficulties: number[];
  types: QuestionType[];
}

interface RoundBase {
  id: string;
  name: string;
  draw: DrawSpec;
  /** The questions drawn for this round, in the order they are asked. */
  questions: Question[];
}

export interface BuzzInRound extends RoundBase {
  kind: 'buzz-in';
  rules: BuzzRules;
}

/** 轮流必答: seats answer in `order`, `perSeat` turns each, one question a turn. */
export interface InTurnRound extends RoundBase {
  kind: 'in-turn';
  order: SeatId[];
  perSeat: number;
  answerTimeMs: number;
  rightPoints: number;
  wrongPoints: number;
}

/** 同步作答: every seat answers the same choice question on its phone before the deadline. */
export interface AllAtOnceRound extends RoundBase {
  kind: 'all-at-once';
  answerTimeMs: number;
  rightPoints: number;
  wrongPoints: number;
  /** Multiple choice: some right options and no wrong one earn `partialPoints`. */
  partialCredit: boolean;
  partialPoints: number;
}

/** 评委打分 (J1-J8): each seat of `judging.order` is called in turn and scored by the panel.
 * Reflection rounds (`prompt: 'question'`): `questions[i]` is the open question drawn for the
 * i-th seat called. Action rounds (`prompt: 'title'`): no questions; each seat speaks on its topic. */
export interface JudgedRound extends RoundBase {
  kind: 'judged';
  judging: JudgedSettings;
}

/** 风险题 (RK1-RK8): seats in `risk.order`, `perSeat` turns each; each turn the seat stakes
 * points on one drawn question before it is shown. */
export interface RiskRound extends RoundBase {
  kind: 'risk';
  risk: RiskSettings;
}

export type Round = BuzzInRound | InTurnRound | AllAtOnceRound | JudgedRound | RiskRound;
export type RoundKind = Round['kind'];

export interface Stage {
  id: string;
  name: string;
  /** Multiplies this stage's points in the weighted total of the final ranking. */
  weight: number;
  /** How the stage's raw total is normalised before the weight applies (R-rules); absent: `none`. */
  normalise?: Normalise;
  rounds: Round[];
}

export interface ContestDefinition {
  title: string;
  seats: Seat[];
  stages: Stage[];
  /** The seed the questions were drawn with, kept so the draw can be audited. */
  seed: string;
  /** 主办, 承办, subtitle and theme; absent in contests stored before branding existed. */
  branding?: Branding;
  /** S6: when joining starts to need the host; absent means after the seats are locked. */
  joining?: Joining;
  /** The version of the rules the contest is played under (replay.ts); absent: 1, stored before versions were recorded. */
  rulesVersion?: number;
  /** The judging panel (评委) of the judged stages; absent: none. */
  judges?: Judge[];
  /** Rounding and tie-breaks of the final ranking; absent: two decimals, no tie-breaks. */
  ranking?: RankingRules;
  /** Prize tiers; absent: the contest gives no prizes. */
  awards?: AwardRules;
}

/** S6: `lock`: once the host locks the seats; `start`: also once the show has started. */
export interface Joining {
  approvalAfter: 'lock' | 'start';
}

export type BuzzPhase = 'reading' | 'open' | 'tied' | 'answering' | 'wrong' | 'revealed';
export type BuzzOutcomeKind = 'right' | 'dead' | 'ended';
/** `pending`: a valid press waiting for the decision (P4); `beaten`: it lost the decision. */
export type BuzzDecision = 'won' | 'pending' | 'tied' | 'beaten' | 'false-start' | 'locked-out' | 'late';

/** One press, as the dispute record (申诉) needs it. */
export interface BuzzRecord {
  /** When the buzz arrived at the server. */
  at: number;
  seatId: SeatId;
  decision: BuzzDecision;
  /** The press time the phone claimed, in server time (null: it sent none). */
  claimedAt: number | null;
  /** The press time it was judged by (P2). */
  judgedAt: number;
  /** Measurement noise of that judgement, for near-ties (P5). */
  errorMs: number;
  /** The phone's one-way link bound the claim was held to (rules v1), or the credit; null:
   * judged by arrival. */
  boundMs: number | null;
  /** P8: how much later than its credit allows the press arrived (absent: on time). */
  heldMs?: number;
  /** How far the stamp can be off at worst (half the fastest round trip): the lead's honest error. */
  worstErrorMs?: number;
  /** Which phone of the seat pressed (B17); absent in logs from before phones were told apart. */
  phone?: string;
}

export interface BuzzInQuestion {
  kind: 'buzz-in';
  index: number;
  phase: BuzzPhase;
  /** When the buzzers last opened, for judging false starts on press time (P6). */
  openedAt: number | null;
  buzzDeadline: number | null;
  /** Set by the first valid press: when the buzz is decided (P4). */
  decideAt: number | null;
  /** How much earlier the winner pressed than the runner-up, once decided. */
  leadMs: number | null;
  /** How far that lead can be off at worst: both stamps' sync errors (P9). */
  leadErrorMs: number | null;
  /** Why the buzz went to the winner (P5), for the press log and disputes. */
  decidedBy: DecidedBy | null;
  /** P5: seats in a true tie, waiting for the host's choice or a re-buzz (phase `tied`), and
   * during that re-buzz the only seats that may press. Empty otherwise. */
  tied: SeatId[];
  winner: SeatId | null;
  wonAt: number | null;
  /** null while answering means the host rules by hand (after an undo, B10). */
  answerDeadline: number | null;
  /** Seats out for the rest of this question: wrong answers and false-start losses. */
  out: SeatId[];
  /** Seats inside a timed false-start lockout, until the given instant. */
  lockedUntil: Record<SeatId, number>;
  outcome: BuzzOutcomeKind | null;
  buzzes: BuzzRecord[];
}

export type TurnPhase = 'reading' | 'answering' | 'revealed';
export type TurnOutcome = 'right' | 'wrong' | 'timeout' | 'skipped';

export interface InTurnQuestion {
  kind: 'in-turn';
  index: number;
  seatId: SeatId;
  phase: TurnPhase;
  /** null while answering means no countdown: the host rules by hand (after an undo). */
  answerDeadline: number | null;
  outcome: TurnOutcome | null;
}

export type AnswerPhase = 'reading' | 'answering' | 'revealed';

export interface Submission {
  choice: number[];
  at: number;
  /** How many answers the seat has given on this question, this one included (A7). */
  count: number;
  /** How many of them each phone of the seat gave, by phone id (A8). */
  byPhone?: Record<string, number>;
}

export interface SeatResult {
  choice: number[] | null;
  /** 'partial': some right options, no wrong one, with partial credit on. */
  grade: 'right' | 'partial' | 'wrong' | 'none';
  points: number;
}

export interface AllAtOnceQuestion {
  kind: 'all-at-once';
  index: number;
  phase: AnswerPhase;
  answerDeadline: number | null;
  /** Seats the host gave their own, later deadline (K8): it replaces `answerDeadline` for them. */
  seatDeadlines: Record<SeatId, number>;
  /** Each seat's latest answer in time; replaced on change until the deadline (A2). */
  answers: Record<SeatId, Submission>;
  /** Answers that arrived at or after the deadline: refused, kept for disputes (A3). */
  late: { seatId: SeatId; at: number; phone?: string }[];
  /** Filled in when answers lock (A4). */
  results: Record<SeatId, SeatResult> | null;
}

export type QuestionState = BuzzInQuestion | InTurnQuestion | AllAtOnceQuestion | JudgedTurn | RiskTurn;

/** `judged`: a judged turn's result entering the stage total at the reveal (J4); `passed`: a
 * risk turn passed (放弃) for 0, kept on the record like a ruling (RK4). */
export type ScoreReason = 'right' | 'wrong' | 'timeout' | 'false-start' | 'partial' | 'adjust' | 'undo' | 'judged' | 'passed';

/** One change to one seat's score. The ledger is the audit trail the host and organisers see. */
export interface ScoreEntry {
  seq: number;
  at: number;
  seatId: SeatId;
  delta: number;
  reason: ScoreReason;
  /** Flat index of the round the change belongs to, or null outside any round. */
  round: number | null;
  /** 1-based question number within that round, or null. */
  questionNumber: number | null;
  note?: string;
  /** For rulings: whether a later undo reversed it. */
  undone?: boolean;
  /** For an undo entry: the seq of the ruling it reversed. */
  reverses?: number;
  /** A risk turn's ruling: the stake the seat risked (RK7); absent on a pass and elsewhere. */
  stake?: number;
}

/** A ruling remembered for undo (B10, T5). */
export interface RulingMemo {
  entrySeq: number;
  round: number;
  questionIndex: number;
  wonAt: number | null;
}

/** A question replaced live (F4), kept for the audit. */
export interface SwapRecord {
  at: number;
  round: number;
  questionIndex: number;
  removedId: string;
  addedId: string;
}

export type ContestStage = 'lobby' | 'round' | 'finished';

export interface ContestState {
  definition: ContestDefinition;
  stage: ContestStage;
  /** Flat index over all stages' rounds, or -1 before the first. */
  roundIndex: number;
  /** The question being asked; null on a round's title card. */
  question: QuestionState | null;
  scores: Record<SeatId, number>;
  ledger: ScoreEntry[];
  rulings: RulingMemo[];
  swaps: SwapRecord[];
  /** The full-screen leaderboard is up on the big screen (L1). */
  standingsShown: boolean;
  /** When the host paused the show (K1), or null while it runs: no deadline falls due meanwhile. */
  pausedAt: number | null;
  /** S2: no new phone may join any seat without the host. */
  seatsLocked: boolean;
  /** S3: while locked, the one seat the host lets take a new phone, or null. */
  admitted: SeatId | null;
  /** R6: per seat, the buzz-in questions on which it made a false start (whatever the penalty,
   * so also those that leave no score change): a tie-break reads them. */
  falseStarts: Record<SeatId, number>;
  /** The award ceremony (AW5): null until the host first decides a prize or steps it. */
  awards: AwardsState | null;
}
