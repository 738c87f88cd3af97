// What a page sees of the question in play: one view per round kind, tagged by `kind`, so a page
// narrows on the kind and never reads another kind's empty fields. Each kind builds its own view
// beside its rules (rounds/<kind>-view.ts); the parts every bank question shares are built here.
import { answerKey, choiceCount, type Question, type QuestionType } from './question.js';
import type { DecidedBy } from './arbiter.js';
import type { JudgeId, JudgedTurnView } from './judging-types.js';
import type { Sight } from './sight.js';
import type { RiskOutcome, RiskPhase } from './risk-types.js';
import type { AnswerPhase, BuzzPhase, BuzzRecord, BuzzOutcomeKind, Seat, SeatId, SeatResult, TurnOutcome, TurnPhase } from './types.js';

/** What every view of a question drawn from the bank shows, whatever its round's kind. */
export interface AskedQuestionHead {
  number: number;
  total: number;
  type: QuestionType;
  stem: string;
  category: string;
  /** Option texts for single and multiple choice; empty for true/false and open. */
  options: string[];
  /** How many choices a phone offers: options, 2 for true/false, 0 for open. */
  choices: number;
}

/** The key (B13): null until the viewer may see it. */
export interface AskedQuestionKey {
  /** Text of an open answer. */
  answer: string | null;
  /** Indices of the right choices. */
  answerKey: number[] | null;
  explanation: string | null;
  source: string | null;
}

/** 抢答题: who won the buzz and how (B, P). */
export interface BuzzInQuestionView extends AskedQuestionHead, AskedQuestionKey {
  kind: 'buzz-in';
  phase: BuzzPhase;
  outcome: BuzzOutcomeKind | null;
  buzzDeadline: number | null;
  answerDeadline: number | null;
  winner: SeatId | null;
  /** A press has arrived and the buzz is being decided (P4). Told only to the host and to the
   * seat that pressed (P9): nobody else may learn that someone pressed. */
  deciding: boolean;
  /** The seats of a true tie (P5), waiting for the host or re-buzzing; empty otherwise. */
  tied: SeatId[];
  /** Why the buzz went to the winner (stamp, tie rule, arrival). */
  decidedBy: DecidedBy | null;
  /** When the buzz was decided, and how much earlier the winner pressed than the runner-up
   * (P5); no lead when nobody else pressed or it was a near-tie. */
  wonAt: number | null;
  leadMs: number | null;
  /** How far that lead can be off at worst (P9): a lead inside it is not a clear one. */
  leadErrorMs: number | null;
  /** Press log: host only (B14). */
  buzzes: BuzzRecord[];
  /** RK9: in a risk buzz-in round, what the winner earns or loses on this question; absent otherwise. */
  stake?: number;
}

/** 轮流必答: whose turn it is and how it ended (T). */
export interface InTurnQuestionView extends AskedQuestionHead, AskedQuestionKey {
  kind: 'in-turn';
  phase: TurnPhase;
  outcome: TurnOutcome | null;
  answerDeadline: number | null;
  turnSeat: SeatId;
}

/** 同步作答: who has answered, and once revealed, the grades (A). */
export interface AllAtOnceQuestionView extends AskedQuestionHead, AskedQuestionKey {
  kind: 'all-at-once';
  phase: AnswerPhase;
  /** A phone's is its own deadline (K8). */
  answerDeadline: number | null;
  /** Who has answered (not what): host and screen. */
  answered: SeatId[];
  /** This phone's own current answer. */
  myAnswer: number[] | null;
  /** Once revealed: grades (all seats for host and screen, its own for a phone). */
  results: Record<SeatId, SeatResult> | null;
  /** Once revealed: how many seats chose each choice. */
  distribution: number[] | null;
  /** Answers that came too late (host only). */
  late: { seatId: SeatId; at: number }[];
  /** Seats the host gave their own later deadline (K8), host only. */
  seatDeadlines: Record<SeatId, number>;
}

/** 风险题: whose turn it is, the stake, how it ended (RK). While `choosing` the head carries
 * only the question's number: its text is sent to nobody before the stake is set (RK7). */
export interface RiskQuestionView extends AskedQuestionHead, AskedQuestionKey {
  kind: 'risk';
  phase: RiskPhase;
  outcome: RiskOutcome | null;
  answerDeadline: number | null;
  turnSeat: SeatId;
  /** The stake picked; null while choosing and after a pass. */
  stake: number | null;
  chosenBy: 'seat' | 'host' | null;
}

/** A question drawn from the bank and asked, in any kind of round that asks one. */
export type AskedQuestionView = BuzzInQuestionView | InTurnQuestionView | AllAtOnceQuestionView | RiskQuestionView;

/** What a page sees of the question in play; a judged round's "question" is a seat's turn. */
export type QuestionView = AskedQuestionView | JudgedTurnView;

/** The view of a question of one kind. */
export type QuestionViewOf<K extends QuestionView['kind']> = Extract<QuestionView, { kind: K }>;

export type QuestionPhase = QuestionView['phase'];
export type QuestionOutcome = BuzzOutcomeKind | TurnOutcome | RiskOutcome;

/** Who is looking, as a kind's view builder needs it. */
export interface Viewer {
  sight: Sight;
  /** The phone's own seat, for a role that sees its own seat. */
  me: SeatId | null;
  /** The judge whose page it is, for a role that sees its own score (J7). */
  judgeId: JudgeId | null;
  /** The contest's seats: a judged turn shows the seat's own title (J1). */
  seats: readonly Seat[];
}

/** Number, stem and choices of the question at `index`, as every role sees them. */
export function askedHead(questions: readonly Question[], index: number): AskedQuestionHead {
  const question = questions[index];
  return {
    number: index + 1,
    total: questions.length,
    type: question.type,
    stem: question.stem,
    category: question.category,
    options: question.type === 'single' || question.type === 'multiple' ? question.options : [],
    choices: choiceCount(question),
  };
}

/** B13: the key for a viewer who may know it (staff, or everyone once revealed); nulls otherwise. */
export function askedKey(question: Question, mayKnow: boolean): AskedQuestionKey {
  return {
    answer: mayKnow && question.type === 'open' ? question.answer : null,
    answerKey: mayKnow && question.type !== 'open' ? answerKey(question) : null,
    explanation: mayKnow ? question.explanation : null,
    source: mayKnow ? (question.source ?? null) : null,
  };
}

/** The view is of a question drawn from the bank (not a judged seat's turn). */
export function isAsked(q: QuestionView | null | undefined): q is AskedQuestionView {
  return q != null && q.kind !== 'judged';
}

/** The question's view if it is of `kind`, else null: one step to narrow a view a page holds. */
export function viewOfKind<K extends QuestionView['kind']>(q: QuestionView | null | undefined, kind: K): QuestionViewOf<K> | null {
  return q?.kind === kind ? (q as QuestionViewOf<K>) : null;
}
