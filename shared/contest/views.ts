// Builds what each role is allowed to see, as the SIGHT table says (sight.ts). A phone or the
// screen must never receive the key before it is revealed, nor a phone another seat's answer, so
// views are built by picking fields in, never by deleting them.
import { answerKey, choiceCount, type QuestionType } from './question.js';
import { currentRound, flatRounds, roundAt } from './rounds.js';
import { seatDeadline } from './rounds/all-at-once.js';
import { standings, type Standing } from './standings.js';
import type { StorageProblem } from '../storage-problem.js';
import type { ClaimAlarm } from '../claim-alarm.js';
import { brandingView, type BrandingView } from '../branding.js';
import type { BuzzRecord, ContestStage, ContestState, FalseStartPenalty, RoundKind, ScoreEntry, SeatId, SeatResult } from './types.js';
import type { DecidedBy } from './arbiter.js';
import { SIGHT, type Role, type Sight } from './sight.js';
import { judgedTurnView, judgesView } from './judged-view.js';
import type { JudgeId, JudgedSettings, JudgedTurnView, JudgeView } from './judging-types.js';
import { roundLength } from './engine.js';

export type { Role } from './sight.js';

/** Views carry only the latest score changes: every update goes to every page, and the full
 * record belongs in the exports, not in each push. */
export const VIEW_LEDGER_LIMIT = 30;

/** Facts the room knows and the engine does not: who is connected, how to join. */
export interface RoomFacts {
  /** Phones connected per seat. */
  connected: ReadonlyMap<SeatId, number>;
  /** Phones holding each seat. */
  claimed: ReadonlyMap<SeatId, number>;
  joinUrl: string;
  joinCodes: Readonly<Record<SeatId, string>>;
  /** Whether the contest has accepted any command (its definition is then fixed). */
  started: boolean;
  /** A storage failure going on now (changes are refused); absent or null while writes are kept. */
  storage?: StorageProblem | null;
  /** Whether the organiser closed the contest: read-only. */
  closed?: boolean;
  /** Where the contest's logo is served, or null/absent: it has none. */
  logoUrl?: string | null;
  /** S5: seats whose code was given anew after phones were freed: never projected. */
  privateCodes?: ReadonlySet<SeatId>;
  /** S6: phones waiting for the host to let them join, oldest first. */
  joinRequests?: readonly JoinRequest[];
  /** Each seat's phones, for the host (S5). */
  phones?: Readonly<Record<SeatId, readonly PhoneFact[]>>;
  /** Seats that had no phone connected while the current all-at-once answers were open (K8). */
  answerGaps?: Readonly<Record<SeatId, AnswerGap>>;
  /** Someone failing to claim seats over and over; absent or null while all is quiet. */
  claimAlarm?: ClaimAlarm | null;
}

/** S6: a phone with a right code waiting for the host, as the host console lists it. */
export interface JoinRequest {
  id: string;
  seatId: SeatId;
  at: number;
}

/** One phone holding a seat, as the host sees it: its id (not its token), when it joined (null
 * in files from before that was kept), and whether it is connected now. */
export interface PhoneFact {
  id: string;
  joinedAt: number | null;
  connected: boolean;
}

/** How long a seat has had no phone connected while answers were open: `ms` in closed stretches,
 * plus the time since `since` if it is offline now. */
export interface AnswerGap {
  ms: number;
  since: number | null;
}

export interface SeatView {
  id: SeatId;
  name: string;
  kind: 'individual' | 'team';
  /** Phones allowed, holding, and connected. A phone's view says 0 holding and 0 connected: no
   * phone shows them, so their changes are sent only to the host and the screen. */
  phones: number;
  claimed: number;
  connected: number;
  score: number;
  /** Out of the current buzz-in question (wrong answer or false start). */
  out: boolean;
  /** Inside a false-start lockout until this server time. */
  lockedUntil: number | null;
  /** Join code: for the host always; for the screen in the lobby, while the seat has room. */
  joinCode: string | null;
  /** The seat's phones: for the host only (S5). */
  phoneList?: readonly PhoneFact[];
}



export interface RoundView {
  /** Flat index over the contest's rounds, and how many there are. */
  index: number;
  count: number;
  /** 1-based number of this round within its stage, and how many rounds the stage has. */
  numberInStage: number;
  roundsInStage: number;
  stageName: string;
  stageNumber: number;
  stageCount: number;
  name: string;
  kind: RoundKind;
  questionCount: number;
  rightPoints: number;
  wrongPoints: number;
  answerTimeMs: number;
  buzzWindowMs: number | null;
  partialCredit: boolean;
  partialPoints: number;
  /** Buzz-in rounds: the false-start penalty. */
  falseStart: FalseStartPenalty | null;
  /** In-turn rounds: the order seats answer in; judged rounds: the order seats are called in (J1). */
  order: SeatId[];
  /** Judged rounds: timers, scale, criteria, aggregate, for the title card and every page (J1-J6). */
  judging: JudgedSettings | null;
}

export type QuestionPhase = 'reading' | 'open' | 'tied' | 'answering' | 'wrong' | 'revealed';
export type QuestionOutcome = 'right' | 'dead' | 'ended' | 'wrong' | 'timeout' | 'skipped';

export interface QuestionView {
  kind: RoundKind;
  number: number;
  total: number;
  type: QuestionType;
  stem: string;
  category: string;
  /** Option texts for single and multiple choice; empty for true/false and open. */
  options: string[];
  /** How many choices a phone offers: options, 2 for true/false, 0 for open. */
  choices: number;
  phase: QuestionPhase;
  outcome: QuestionOutcome | null;
  buzzDeadline: number | null;
  answerDeadline: number | null;
  /** Buzz-in: who won the buzz. */
  winner: SeatId | null;
  /** Buzz-in: a press has arrived and the buzz is being decided (P4). Told only to the host and
   * to the seat that pressed (P9): nobody else may learn that someone pressed. */
  deciding: boolean;
  /** Buzz-in: the seats of a true tie (P5), waiting for the host or re-buzzing; empty otherwise. */
  tied: SeatId[];
  /** Buzz-in: why the buzz went to the winner (stamp, tie rule, arrival). */
  decidedBy: DecidedBy | null;
  /** Buzz-in: when the buzz was decided, and how much earlier the winner pressed than the
   * runner-up (P5); no lead when nobody else pressed or it was a near-tie. */
  wonAt: number | null;
  leadMs: number | null;
  /** How far that lead can be off at worst (P9): a lead inside it is not a clear one. */
  leadErrorMs: number | null;
  /** In-turn: whose turn it is. */
  turnSeat: SeatId | null;
  /** The key (B13): text of an open answer, indices of the right choices; null until the viewer may see it. */
  answer: string | null;
  answerKey: number[] | null;
  explanation: string | null;
  source: string | null;
  /** Press log of a buzz-in question: host only. */
  buzzes: BuzzRecord[];
  /** All at once: who has answered (not what): host and screen. */
  answered: SeatId[];
  /** All at once: this phone's own current answer. */
  myAnswer: number[] | null;
  /** All at once, once revealed: grades (all seats for host and screen, its own for a phone). */
  results: Record<SeatId, SeatResult> | null;
  /** All at once, once revealed: how many seats chose each choice. */
  distribution: number[] | null;
  /** All at once: answers that came too late (host only). */
  late: { seatId: SeatId; at: number }[];
  /** All at once: seats the host gave their own later deadline (K8), host only. A phone's own
   * deadline is its `answerDeadline`. */
  seatDeadlines: Record<SeatId, number>;
}

/** The ruling an undo would reverse, in words the host can check before undoing it (K7). */
export interface RulingView {
  stageName: string;
  roundName: string;
  questionNumber: number;
  seatId: SeatId;
  verdict: 'right' | 'wrong' | 'timeout' | 'judged';
  delta: number;
  /** Whether it was made on the question now in play; otherwise undoing it reaches back. */
  current: boolean;
}

export interface ContestView {
  role: Role;
  title: string;
  /** Organiser, co-organiser, subtitle, theme and logo: every role shows them. */
  branding: BrandingView;
  stage: ContestStage;
  /** The contest's stages, for per-stage columns in the ranking. */
  stages: { name: string; weight: number }[];
  /** Every round's name by flat index, so a score change can name its round. */
  roundNames: string[];
  /** True once the show has begun: the definition can no longer change. */
  started: boolean;
  /** True once the organiser has closed the contest: read-only, every change is refused. */
  closed: boolean;
  /** The round after the current one (or the first, in the lobby), for the host's next step. */
  nextRound: { name: string; stageName: string } | null;
  /** Every seat for the host and the screen; for a phone only the seats it names: its own, the
   * buzz's winner, the seat whose turn it is. */
  seats: SeatView[];
  round: RoundView | null;
  question: QuestionView | null;
  /** A seat's turn in a judged round (J7), in place of `question`, which is then null. */
  judgedTurn: JudgedTurnView | null;
  /** The judging panel, for every role (names, titles, units: nothing secret). */
  judges: JudgeView[];
  /** The ranking, for the host and the screen; a phone shows none, so it gets none. */
  standings: Standing[];
  /** Latest score changes, oldest first: all seats' for the host and screen, its own for a phone. */
  ledger: ScoreEntry[];
  canUndo: boolean;
  /** The host has put the full-screen leaderboard up (L1). */
  standingsShown: boolean;
  joinUrl: string;
  /** The seat this phone holds, for a contestant view. */
  me: SeatId | null;
  /** S2: the host locked the seats against new phones. */
  seatsLocked: boolean;
  /** S3, host only: the seat admitted to take a new phone while locked. */
  admitted: SeatId | null;
  /** S6, host only: phones waiting to join. */
  joinRequests: readonly JoinRequest[];
  /** A phone, once the contest is finished: its seat's place in the final ranking (R1), of how
   * many seats, and the weighted total it is ranked by. Not the whole ranking: a phone shows one line. */
  myRank: { rank: number; seats: number; weighted: number } | null;
  /** Host only: a storage failure going on now. Phones and the screen are told per refused
   * request (storage-failed); what to do about the disk is the host's business. */
  storage: StorageProblem | null;
  /** When the host paused the show (K1), for every role: pages show countdowns as of that
   * instant, and a pause notice, until it is null again. */
  pausedAt: number | null;
  /** Host only: what undo would reverse (K7). */
  lastRuling: RulingView | null;
  /** Host only: seats offline while the current all-at-once answers are open, to give time (K8). */
  answerGaps: Record<SeatId, AnswerGap>;
  /** Host only: repeated failed join-code claims (someone guessing codes), or null. */
  claimAlarm: ClaimAlarm | null;
}

/** Builds the view one role is allowed to see, from its SIGHT entry; `seatId` (the phone's seat)
 * counts only for a role that sees its own seat, `judgeId` (the judge's page) only for a role that
 * sees its own score. */
export function viewFor(role: Role, state: ContestState, room: RoomFacts, seatId: SeatId | null = null, judgeId: JudgeId | null = null): ContestView {
  const sight = SIGHT[role];
  const me = sight.ownSeat ? seatId : null;
  const q = state.question;
  // A phone gets only the seats it names, never the whole room: with 1,000 seats every phone's
  // view would otherwise be 200 KB, sent to each phone on every change and on every reconnect.
  const named = new Set([me, q?.kind === 'buzz-in' ? q.winner : null, q?.kind === 'in-turn' ? q.seatId : null]);
  const shown = sight.seats === 'every' ? state.definition.seats : state.definition.seats.filter((seat) => named.has(seat.id));
  const seats = shown.map((seat): SeatView => {
    const claimed = room.claimed.get(seat.id) ?? 0;
    // The screen projects codes only before the show: once it starts, anyone who can see the
    // screen (or open its page) could otherwise take a team's empty phone slot.
    // Locked seats (S2) take no phone from the hall, so none is projected at all.
    // A code given anew after phones were freed (S5) is not projected either: whoever was freed
    // may be watching the screen.
    const projected = state.stage === 'lobby' && !state.seatsLocked && claimed < seat.phones && !room.privateCodes?.has(seat.id);
    const showCode = sight.joinCodes === 'all' || (sight.joinCodes === 'projected' && projected);
    const buzz = q?.kind === 'buzz-in' ? q : null;
    return {
      id: seat.id,
      name: seat.name,
      kind: seat.kind,
      phones: seat.phones,
      claimed: sight.phoneCounts ? claimed : 0,
      connected: sight.phoneCounts ? (room.connected.get(seat.id) ?? 0) : 0,
      score: state.scores[seat.id] ?? 0,
      out: buzz?.out.includes(seat.id) ?? false,
      lockedUntil: buzz?.lockedUntil[seat.id] ?? null,
      joinCode: showCode ? (room.joinCodes[seat.id] ?? null) : null,
      ...(sight.phonesOfSeats && { phoneList: room.phones?.[seat.id] ?? [] }),
    };
  });
  return {
    role,
    title: state.definition.title,
    branding: brandingView(state.definition.branding, room.logoUrl ?? null),
    stage: state.stage,
    stages: state.definition.stages.map((st) => ({ name: st.name, weight: st.weight })),
    roundNames: flatRounds(state.definition).map((r) => r.round.name),
    started: room.started,
    closed: room.closed ?? false,
    nextRound: nextRoundOf(state),
    seats,
    round: roundView(state),
    question: questionView(sight, state, me),
    judgedTurn: judgedTurnOf(sight, state, sight.judgeScores === 'own' ? judgeId : null),
    judges: judgesView(state),
    standings: sight.ranking ? standings(state) : [],
    ledger: recentLedger(state, sight.scoreChanges === 'own' ? me : undefined),
    canUndo: sight.undo && state.rulings.length > 0,
    standingsShown: state.standingsShown,
    joinUrl: sight.joinLink ? room.joinUrl : '',
    me,
    seatsLocked: state.seatsLocked,
    admitted: sight.admission ? state.admitted : null,
    joinRequests: sight.joinRequests ? (room.joinRequests ?? []) : [],
    myRank: me && state.stage === 'finished' ? rankOf(state, me) : null,
    storage: sight.storageProblems ? (room.storage ?? null) : null,
    pausedAt: state.pausedAt,
    lastRuling: sight.undo ? lastRuling(state) : null,
    answerGaps: sight.answerGaps ? { ...room.answerGaps } : {},
    claimAlarm: sight.claimAlarms ? (room.claimAlarm ?? null) : null,
  };
}

function lastRuling(state: ContestState): RulingView | null {
  const memo = state.rulings.at(-1);
  const entry = memo && state.ledger[memo.entrySeq - 1];
  const place = memo && roundAt(state.definition, memo.round);
  if (!memo || !entry || !place) return null;
  const verdict = entry.reason === 'right' || entry.reason === 'wrong' || entry.reason === 'timeout' || entry.reason === 'judged' ? entry.reason : 'wrong';
  return {
    stageName: place.stage.name,
    roundName: place.round.name,
    questionNumber: memo.questionIndex + 1,
    seatId: entry.seatId,
    verdict,
    delta: entry.delta,
    current: state.stage === 'round' && memo.round === state.roundIndex && state.question?.index === memo.questionIndex,
  };
}

function rankOf(state: ContestState, seatId: SeatId): ContestView['myRank'] {
  const mine = standings(state).find((s) => s.seatId === seatId);
  return mine ? { rank: mine.rank, seats: state.definition.seats.length, weighted: mine.weighted } : null;
}

function nextRoundOf(state: ContestState): { name: string; stageName: string } | null {
  const next = roundAt(state.definition, state.roundIndex + 1);
  return next ? { name: next.round.name, stageName: next.stage.name } : null;
}

function roundView(state: ContestState): RoundView | null {
  const place = roundAt(state.definition, state.roundIndex);
  if (!place || state.stage !== 'round') return null;
  const { round, stage, stageIndex, roundInStage } = place;
  const buzz = round.kind === 'buzz-in' ? round.rules : null;
  const scoring = round.kind === 'buzz-in' ? buzz : round.kind === 'judged' ? null : round;
  return {
    index: state.roundIndex,
    count: flatRounds(state.definition).length,
    numberInStage: roundInStage + 1,
    roundsInStage: stage.rounds.length,
    stageName: stage.name,
    stageNumber: stageIndex + 1,
    stageCount: state.definition.stages.length,
    name: round.name,
    kind: round.kind,
    questionCount: roundLength(round),
    rightPoints: scoring?.rightPoints ?? 0,
    wrongPoints: scoring?.wrongPoints ?? 0,
    answerTimeMs: scoring?.answerTimeMs ?? 0,
    buzzWindowMs: buzz ? buzz.buzzWindowMs : null,
    partialCredit: round.kind === 'all-at-once' && round.partialCredit,
    partialPoints: round.kind === 'all-at-once' ? round.partialPoints : 0,
    falseStart: buzz ? buzz.falseStart : null,
    order: round.kind === 'in-turn' ? round.order : round.kind === 'judged' ? round.judging.order : [],
    judging: round.kind === 'judged' ? round.judging : null,
  };
}

function recentLedger(state: ContestState, onlySeat: SeatId | null | undefined): ScoreEntry[] {
  const recent: ScoreEntry[] = [];
  for (let i = state.ledger.length - 1; i >= 0 && recent.length < VIEW_LEDGER_LIMIT; i--) {
    const entry = state.ledger[i];
    if (onlySeat === undefined || entry.seatId === onlySeat) recent.push(entry);
  }
  return recent.reverse();
}

function judgedTurnOf(sight: Sight, state: ContestState, judgeId: JudgeId | null): JudgedTurnView | null {
  const q = state.question;
  const round = currentRound(state);
  return q?.kind === 'judged' && round?.kind === 'judged' ? judgedTurnView(sight, state, round, q, judgeId) : null;
}

function questionView(sight: Sight, state: ContestState, me: SeatId | null): QuestionView | null {
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round || q.kind === 'judged') return null;
  const question = round.questions[q.index];
  const mayKnow = sight.keyBeforeReveal || q.phase === 'revealed';
  const answers = q.kind === 'all-at-once' ? q : null;
  const results = answers?.results ?? null;
  return {
    kind: q.kind,
    number: q.index + 1,
    total: round.questions.length,
    type: question.type,
    stem: question.stem,
    category: question.category,
    options: question.type === 'single' || question.type === 'multiple' ? question.options : [],
    choices: choiceCount(question),
    phase: q.phase,
    outcome: q.kind === 'all-at-once' ? null : q.outcome,
    buzzDeadline: q.kind === 'buzz-in' ? q.buzzDeadline : null,
    // K8: a phone counts down to its own deadline.
    answerDeadline: answers && me ? seatDeadline(answers, me) : q.answerDeadline,
    winner: q.kind === 'buzz-in' ? q.winner : null,
    deciding: q.kind === 'buzz-in' && q.decideAt !== null && (sight.pendingPress === 'any' || (sight.pendingPress === 'own' && me !== null && q.buzzes.some((b) => b.seatId === me && b.decision === 'pending'))),
    tied: q.kind === 'buzz-in' ? q.tied : [],
    decidedBy: q.kind === 'buzz-in' ? q.decidedBy : null,
    wonAt: q.kind === 'buzz-in' ? q.wonAt : null,
    leadMs: q.kind === 'buzz-in' ? q.leadMs : null,
    leadErrorMs: q.kind === 'buzz-in' ? q.leadErrorMs : null,
    turnSeat: q.kind === 'in-turn' ? q.seatId : null,
    answer: mayKnow && question.type === 'open' ? question.answer : null,
    answerKey: mayKnow && question.type !== 'open' ? answerKey(question) : null,
    explanation: mayKnow ? question.explanation : null,
    source: mayKnow ? (question.source ?? null) : null,
    buzzes: sight.pressLog && q.kind === 'buzz-in' ? q.buzzes : [],
    answered: answers && sight.whoAnswered ? Object.keys(answers.answers) : [],
    myAnswer: answers && me ? (answers.answers[me]?.choice ?? null) : null,
    results: results && (sight.results === 'every' ? results : me && results[me] ? { [me]: results[me] } : {}),
    distribution: results ? distribution(results, choiceCount(question)) : null,
    late: sight.lateAnswers && answers ? answers.late : [],
    seatDeadlines: sight.seatDeadlines && answers ? answers.seatDeadlines : {},
  };
}

function distribution(results: Record<SeatId, SeatResult>, choices: number): number[] {
  const counts = Array.from({ length: choices }, () => 0);
  for (const r of Object.values(results)) for (const c of r.choice ?? []) counts[c] += 1;
  return counts;
}
