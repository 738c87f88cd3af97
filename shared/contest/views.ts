// Builds what each role is allowed to see, as the SIGHT table says (sight.ts). A phone or the
// screen must never receive the key before it is revealed, nor a phone another seat's answer, so
// views are built by picking fields in, never by deleting them.
import { allowedCommands, type HostAction } from './allowed.js';
import { currentRound, flatRounds, roundAt } from './rounds.js';
import { rulesOf, sameKind } from './kinds.js';
import type { RoundView } from './round-views.js';
import type { QuestionView } from './question-views.js';
import { ranking, rankingRulesOf, type Standing } from './standings.js';
import type { Normalise, TieRecord } from './ranking-types.js';
import type { StorageProblem } from '../storage-problem.js';
import type { ClaimAlarm } from '../claim-alarm.js';
import { brandingView, type BrandingView } from '../branding.js';
import type { ContestDefinition, ContestStage, ContestState, ScoreEntry, SeatId } from './types.js';
import { SIGHT, type Role, type Sight } from './sight.js';
import { judgesView } from './judged-view.js';
import { awardsView, ownPrize, type AwardsViewOf } from './awards-view.js';
import type { JudgeId, JudgeView } from './judging-types.js';

export type { Role } from './sight.js';
export type * from './question-views.js';
export type * from './round-views.js';
export { isAsked, viewOfKind } from './question-views.js';

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




/** The ruling an undo would reverse, in words the host can check before undoing it (K7). */
export interface RulingView {
  stageName: string;
  roundName: string;
  questionNumber: number;
  seatId: SeatId;
  verdict: 'right' | 'wrong' | 'timeout' | 'judged' | 'passed';
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
  /** The contest's stages, for per-stage columns in the ranking, and how each is normalised (R2). */
  stages: { id: string; name: string; weight: number; normalise: Normalise }[];
  /** R3: the decimals the ranking's normalised, weighted and total scores are shown with. */
  decimals: number;
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
  /** The judging panel, for every role (names, titles, units: nothing secret). */
  judges: JudgeView[];
  /** The judge whose page this is, once its link or code signed it in (J7); null for other roles. */
  myJudge: JudgeId | null;
  /** The ranking, for the host and the screen; a phone shows none, so it gets none. */
  standings: Standing[];
  /** R7: the groups of seats level on the total and what each tie-break found, for the host and
   * the screen once the show has started (empty for a phone, like the standings). */
  ties: TieRecord[];
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
   * many seats, the weighted total it is ranked by, and whether it shares the place (R7). Not the whole ranking: a phone shows one line. */
  myRank: { rank: number; seats: number; weighted: number; tied: boolean } | null;
  /** A phone, once the big screen has revealed its seat's prize tier (AW7): the prize's name. */
  myPrize: string | null;
  /** Host only: a storage failure going on now. Phones and the screen are told per refused
   * request (storage-failed); what to do about the disk is the host's business. */
  storage: StorageProblem | null;
  /** When the host paused the show (K1), for every role: pages show countdowns as of that
   * instant, and a pause notice, until it is null again. */
  pausedAt: number | null;
  /** Host only: what undo would reverse (K7). */
  lastRuling: RulingView | null;
  /** Host only (absent for other roles): the commands the engine would accept now; the console
   * enables exactly these. None in a closed contest. */
  allowed?: HostAction[];
  /** Host only: seats offline while the current all-at-once answers are open, to give time (K8). */
  answerGaps: Record<SeatId, AnswerGap>;
  /** Host only: repeated failed join-code claims (someone guessing codes), or null. */
  claimAlarm: ClaimAlarm | null;
  /** Once the contest is finished and its file gives prizes: the award ceremony (AW7), all of it
   * for the host, the revealed tiers for the screen and judges; null otherwise and for phones. */
  awards: AwardsViewOf | null;
}

/** Builds the view one role is allowed to see, from its SIGHT entry; `seatId` (the phone's seat)
 * counts only for a role that sees its own seat. */
export function viewFor(role: Role, state: ContestState, room: RoomFacts, seatId: SeatId | null = null, judgeId: JudgeId | null = null): ContestView {
  const sight = SIGHT[role];
  const me = sight.ownSeat ? seatId : null;
  const q = state.question;
  // The ranking is worked out only for a view that shows it: the host's and the screen's, and
  // once the contest is finished a phone's own place and the prizes (judges see those too). A
  // judge's view during the show, rebuilt on every buzz, needs none of it.
  const finished = state.stage === 'finished';
  const ranked = sight.ranking || (finished && (sight.awards !== 'none' || me)) ? ranking(state) : null;
  // A phone gets only the seats it names, never the whole room: with 1,000 seats every phone's
  // view would otherwise be 200 KB, sent to each phone on every change and on every reconnect.
  const named = new Set([me, q?.kind === 'buzz-in' ? q.winner : null, q?.kind === 'in-turn' || q?.kind === 'risk' ? q.seatId : null]);
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
  const parts = partsOf(state.definition);
  return {
    role,
    title: state.definition.title,
    branding: parts.branding(room.logoUrl ?? null),
    stage: state.stage,
    stages: parts.stages,
    decimals: parts.decimals,
    roundNames: parts.roundNames,
    started: room.started,
    closed: room.closed ?? false,
    nextRound: parts.nextRound(state.roundIndex),
    seats,
    round: state.stage === 'round' ? parts.round(state.roundIndex) : null,
    question: questionView(sight, state, me, sight.judgeScores === 'own' ? judgeId : null),
    judges: parts.judges,
    myJudge: sight.judgeScores === 'own' ? judgeId : null,
    standings: sight.ranking && ranked ? ranked.standings : [],
    // In the lobby every seat is level on 0: no record worth sending to every page on each join.
    ties: sight.ranking && ranked && state.stage !== 'lobby' ? ranked.ties : [],
    ledger: recentLedger(state.ledger, sight.scoreChanges === 'own' ? me : undefined),
    canUndo: sight.undo && state.rulings.length > 0,
    standingsShown: state.standingsShown,
    joinUrl: sight.joinLink ? room.joinUrl : '',
    me,
    seatsLocked: state.seatsLocked,
    admitted: sight.admission ? state.admitted : null,
    joinRequests: sight.joinRequests ? (room.joinRequests ?? []) : [],
    myRank: me && finished && ranked ? rankOf(state, ranked.standings, me) : null,
    myPrize: me && finished && ranked ? ownPrize(state, ranked.standings, me) : null,
    storage: sight.storageProblems ? (room.storage ?? null) : null,
    pausedAt: state.pausedAt,
    lastRuling: sight.undo ? lastRuling(state) : null,
    ...(sight.hostCommands && { allowed: room.closed ? [] : allowedCommands(state) }),
    answerGaps: sight.answerGaps ? { ...room.answerGaps } : {},
    claimAlarm: sight.claimAlarms ? (room.claimAlarm ?? null) : null,
    awards: awardsView(state, ranked?.standings ?? [], sight.awards),
  };
}

function lastRuling(state: ContestState): RulingView | null {
  const memo = state.rulings.at(-1);
  const entry = memo && state.ledger[memo.entrySeq - 1];
  const place = memo && roundAt(state.definition, memo.round);
  if (!memo || !entry || !place) return null;
  const verdict = entry.reason === 'right' || entry.reason === 'wrong' || entry.reason === 'timeout' || entry.reason === 'judged' || entry.reason === 'passed' ? entry.reason : 'wrong';
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

function rankOf(state: ContestState, rows: readonly Standing[], seatId: SeatId): ContestView['myRank'] {
  const mine = rows.find((s) => s.seatId === seatId);
  return mine ? { rank: mine.rank, seats: state.definition.seats.length, weighted: mine.weighted, tied: mine.tied } : null;
}

/** The parts of a view that the definition alone decides, built once per definition (or per
 * round of it) and then the same object in every view. Under 200 busy contests the stage built
 * them for every page on every update (eleven times per update of a 10-seat contest); now it
 * builds them once, and comparing a page's next view with its last (view-changes.ts) finds them
 * the same by identity, with nothing to walk. The state is immutable and so is a definition: a
 * changed definition (a swapped question) is a new object, with parts of its own. */
interface DefinitionParts {
  stages: ContestView['stages'];
  decimals: number;
  roundNames: string[];
  judges: JudgeView[];
  branding(logoUrl: string | null): BrandingView;
  /** The round at `roundIndex` while it is played. */
  round(roundIndex: number): RoundView | null;
  /** The round after the one at `roundIndex`. */
  nextRound(roundIndex: number): ContestView['nextRound'];
}

const definitionParts = new WeakMap<ContestDefinition, DefinitionParts>();

function partsOf(definition: ContestDefinition): DefinitionParts {
  const known = definitionParts.get(definition);
  if (known) return known;
  const byLogo = new Map<string | null, BrandingView>();
  const rounds = new Map<number, RoundView | null>();
  const nextRounds = new Map<number, ContestView['nextRound']>();
  const once = <K, V>(memo: Map<K, V>, key: K, build: () => V): V => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key) as V;
  };
  const parts: DefinitionParts = {
    stages: definition.stages.map((st) => ({ id: st.id, name: st.name, weight: st.weight, normalise: st.normalise ?? 'none' })),
    decimals: rankingRulesOf(definition).decimals,
    roundNames: flatRounds(definition).map((r) => r.round.name),
    judges: judgesView(definition),
    branding: (logoUrl) => once(byLogo, logoUrl, () => brandingView(definition.branding, logoUrl)),
    round: (roundIndex) => once(rounds, roundIndex, () => roundView(definition, roundIndex)),
    nextRound: (roundIndex) =>
      once(nextRounds, roundIndex, () => {
        const next = roundAt(definition, roundIndex + 1);
        return next ? { name: next.round.name, stageName: next.stage.name } : null;
      }),
  };
  definitionParts.set(definition, parts);
  return parts;
}

function roundView(definition: ContestDefinition, roundIndex: number): RoundView | null {
  const place = roundAt(definition, roundIndex);
  if (!place) return null;
  const { round, stage, stageIndex, roundInStage } = place;
  const { kind, ...own } = rulesOf(round).roundView(round);
  // Taken apart only to keep the fields in the order pages have always received them; `own`
  // is the rest of that same kind's rules, hence the cast.
  return {
    index: roundIndex,
    count: flatRounds(definition).length,
    numberInStage: roundInStage + 1,
    roundsInStage: stage.rounds.length,
    stageName: stage.name,
    stageNumber: stageIndex + 1,
    stageCount: definition.stages.length,
    name: round.name,
    kind,
    questionCount: round.questions.length,
    ...own,
  } as RoundView;
}

/** The last changes of the ledger (a seat's own, with `onlySeat`), kept per ledger: the ledger
 * is a new array only when a score changes, so between two changes every view carries the same
 * list. */
const recentLedgers = new WeakMap<ContestState['ledger'], Map<SeatId | null | undefined, ScoreEntry[]>>();

function recentLedger(ledger: ContestState['ledger'], onlySeat: SeatId | null | undefined): ScoreEntry[] {
  let known = recentLedgers.get(ledger);
  if (!known) recentLedgers.set(ledger, (known = new Map()));
  const kept = known.get(onlySeat);
  if (kept) return kept;
  const recent: ScoreEntry[] = [];
  for (let i = ledger.length - 1; i >= 0 && recent.length < VIEW_LEDGER_LIMIT; i--) {
    const entry = ledger[i];
    if (onlySeat === undefined || entry.seatId === onlySeat) recent.push(entry);
  }
  recent.reverse();
  known.set(onlySeat, recent);
  return recent;
}

/** The question in play as `sight` lets the viewer see it, built by its round's kind. */
function questionView(sight: Sight, state: ContestState, me: SeatId | null, judgeId: JudgeId | null): QuestionView | null {
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round) return null;
  const pair = sameKind(round, q);
  return pair && pair.rules.view(pair.round, pair.q, { sight, me, judgeId, seats: state.definition.seats });
}
