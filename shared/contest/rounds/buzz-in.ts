// Buzz-in round (抢答题): rules B1-B17 and P1-P9 of RULES.md.
import { decisionTime, isFalseStart, isV1, judgePress, pickWinner, type Candidate, type Picked } from '../arbiter.js';
import { CommandError, type BuzzOutcome, type ContestEvent, type PressCommand } from '../commands.js';
import { addEntry, rememberRuling } from '../ledger.js';
import { MAX_PRESSES_PER_QUESTION, phoneShare } from '../defaults.js';
import { accept, isSeat, refuse, seatPhones, withQuestion, type Result } from '../result.js';
import type { RoundCommand, RoundHostCommand, RoundKindRules } from '../round-kind.js';
import type { BuzzDecision, BuzzInQuestion, BuzzInRound, BuzzRecord, ContestState, SeatId } from '../types.js';
import { buzzInView } from './buzz-in-view.js';

export function startBuzzQuestion(index: number): BuzzInQuestion {
  return {
    kind: 'buzz-in',
    index,
    phase: 'reading',
    openedAt: null,
    buzzDeadline: null,
    decideAt: null,
    leadMs: null,
    leadErrorMs: null,
    decidedBy: null,
    tied: [],
    winner: null,
    wonAt: null,
    answerDeadline: null,
    out: [],
    lockedUntil: {},
    outcome: null,
    buzzes: [],
  };
}

export const buzzInPlay = (q: BuzzInQuestion): boolean => q.phase === 'open' || q.phase === 'tied' || q.phase === 'answering';

export function buzzDeadline(q: BuzzInQuestion): number | null {
  if (q.phase === 'open') return q.decideAt ?? q.buzzDeadline;
  if (q.phase === 'answering') return q.answerDeadline;
  return null;
}

/** B9: deadlines that have passed by `at`. */
export function settleBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number): Result | null {
  // P4: presses waiting for the decision were made in time, even if the window ends meanwhile.
  if (q.phase === 'open' && q.decideAt !== null && at >= q.decideAt) return decide(state, round, q);
  if (q.phase === 'open' && q.buzzDeadline !== null && at >= q.buzzDeadline) {
    // B8: nobody won the buzz in time.
    const dead = withQuestion(state, { ...q, phase: 'revealed', outcome: 'dead', buzzDeadline: null });
    return accept(dead, [{ type: 'question-dead' }]);
  }
  if (q.phase === 'answering' && q.answerDeadline !== null && at >= q.answerDeadline && q.winner) {
    // B6: the answer countdown ran out; a timeout counts as wrong.
    return accept(ruleWrong(state, round, q, q.answerDeadline, 'timeout'), [{ type: 'ruled', seatId: q.winner, verdict: 'timeout' }]);
  }
  return null;
}

export function handleBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, command: RoundCommand): Result {
  switch (command.type) {
    case 'buzzers:open':
      // P5: from a true tie under the `rebuzz` rule, the buzzers open again for the tied seats.
      if (q.phase === 'tied' && tieRule(round) === 'rebuzz') return openBuzzers(state, round, q, command.at, 'tied');
      return openBuzzers(state, round, q, command.at, 'reading');
    case 'buzz:award':
      return award(state, round, q, command.seatId, command.at);
    case 'buzzers:reopen':
      return openBuzzers(state, round, q, command.at, 'wrong');
    case 'answer:rule':
      return rule(state, round, q, command.at, command.verdict);
    case 'answer:reveal':
      // B8: the host ends the question and shows the answer (a tie may be ended too).
      if (q.phase !== 'reading' && q.phase !== 'wrong' && q.phase !== 'tied') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'ended', tied: [] }));
    case 'buzz:press':
      return pressBuzzer(state, round, q, command);
    default:
      return refuse(CommandError.WrongRoundKind);
  }
}

/** B10: back to the ruled seat answering, with no countdown. Presses logged since stay (B14). */
export function restoreBuzzRuling(q: BuzzInQuestion, seatId: SeatId, wonAt: number | null): BuzzInQuestion {
  return {
    ...q,
    phase: 'answering',
    winner: seatId,
    wonAt,
    answerDeadline: null,
    buzzDeadline: null,
    decideAt: null,
    tied: [],
    outcome: null,
    out: q.out.filter((id) => id !== seatId),
  };
}

const tieRule = (round: BuzzInRound) => (isV1(round.rules.fairness) ? 'arrival' : round.rules.fairness.tieRule);

/** B1 and B7: open from `reading`, reopen for the rest from `wrong`; P5: re-buzz a tie. */
function openBuzzers(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, from: 'reading' | 'wrong' | 'tied'): Result {
  if (q.phase !== from) return refuse(CommandError.WrongPhase);
  if (state.definition.seats.every((s) => q.out.includes(s.id))) return refuse(CommandError.NoSeatLeft);
  return accept(
    withQuestion(state, {
      ...q,
      phase: 'open',
      openedAt: at,
      buzzDeadline: at + round.rules.buzzWindowMs,
      decideAt: null,
      leadMs: null,
      leadErrorMs: null,
      decidedBy: null,
      // A re-buzz is for the tied seats only; any other opening is for every seat still in.
      tied: from === 'tied' ? q.tied : [],
      winner: null,
      wonAt: null,
      answerDeadline: null,
    }),
  );
}

/** P5, tie rule `host`: the host gives the tied buzz to one of the tied seats, recorded. */
function award(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, seatId: SeatId, at: number): Result {
  if (q.phase !== 'tied') return refuse(CommandError.WrongPhase);
  if (tieRule(round) !== 'host' || !q.tied.includes(seatId)) return refuse(CommandError.NotTied);
  // The record shows whom the host gave it to: the chosen tied press won, the others were beaten.
  const buzzes = q.buzzes.map((b) => (b.decision !== 'tied' || !q.tied.includes(b.seatId) ? b : { ...b, decision: b.seatId === seatId ? ('won' as const) : ('beaten' as const) }));
  const won: BuzzInQuestion = { ...q, phase: 'answering', winner: seatId, wonAt: at, answerDeadline: at + round.rules.answerTimeMs, tied: [], decidedBy: 'tie-host', buzzes };
  return accept(withQuestion(state, won), [{ type: 'buzz-won', seatId }]);
}

/** B5 and B6, ruled by the host. */
function rule(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, verdict: 'right' | 'wrong'): Result {
  if (q.phase !== 'answering' || !q.winner) return refuse(CommandError.WrongPhase);
  const seatId = q.winner;
  if (verdict === 'wrong') return accept(ruleWrong(state, round, q, at, 'wrong'), [{ type: 'ruled', seatId, verdict }]);
  const points = questionPoints(round, q.index);
  const { state: scored, seq } = addEntry(state, { at, seatId, delta: points, reason: 'right', ...(round.rules.risk && { stake: points }) });
  const ended = withQuestion(scored, { ...q, phase: 'revealed', outcome: 'right', answerDeadline: null });
  return accept(rememberRuling(ended, seq, q.wonAt), [{ type: 'ruled', seatId, verdict }]);
}

/** F5: a question's own points, where it carries them, replace the round's right points. */
function questionPoints(round: BuzzInRound, index: number): number {
  return round.questions[index]?.points ?? round.rules.rightPoints;
}

function ruleWrong(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, reason: 'wrong' | 'timeout'): ContestState {
  const seatId = q.winner as SeatId;
  // RK9: in a risk buzz-in round the winner loses the question's stake, on the record as such.
  const stake = round.rules.risk ? questionPoints(round, q.index) : null;
  const entry = stake === null ? { at, seatId, delta: 0 - round.rules.wrongPoints, reason } : { at, seatId, delta: 0 - stake, reason, stake };
  const { state: scored, seq } = addEntry(state, entry);
  const next = withQuestion(scored, { ...q, phase: 'wrong', answerDeadline: null, out: [...q.out, seatId] });
  return rememberRuling(next, seq, q.wonAt);
}

/** B2, B3, B14, P2-P9: judges one press arriving at server time `at`; every press is logged. */
function pressBuzzer(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, command: PressCommand & { at: number }): Result {
  const { at, seatId } = command;
  if (!isSeat(state, seatId)) return refuse(CommandError.UnknownSeat);
  if (q.phase === 'revealed') return refuse(CommandError.QuestionOver);
  // B16: a flood of presses is refused, not logged.
  if (q.buzzes.filter((b) => b.seatId === seatId).length >= MAX_PRESSES_PER_QUESTION) return refuse(CommandError.TooManyPresses);
  // B17: and so is one phone spending more than its share of its seat's presses.
  const { phone } = command;
  const share = phoneShare(MAX_PRESSES_PER_QUESTION, seatPhones(state, seatId));
  if (phone !== undefined && q.buzzes.filter((b) => b.seatId === seatId && b.phone === phone).length >= share) return refuse(CommandError.TooManyPresses);
  const fairness = round.rules.fairness;
  const link = command.link ?? null;
  const judged = judgePress({ arrivalAt: at, claimedAt: command.claimedAt ?? null, link }, fairness);
  const byStamp = fairness.mode === 'press-time' && (command.claimedAt ?? null) !== null;
  const record = (decision: BuzzDecision): BuzzRecord => ({
    at,
    seatId,
    decision,
    claimedAt: command.claimedAt ?? null,
    judgedAt: judged.at,
    errorMs: judged.errorMs,
    boundMs: isV1(fairness) ? (fairness.mode === 'press-time' && link ? link.oneWayMs : null) : byStamp ? fairness.maxCreditMs : null,
    ...(judged.heldMs > 0 && { heldMs: judged.heldMs }),
    ...(!isV1(fairness) && byStamp && { worstErrorMs: judged.worstErrorMs }),
    ...(phone !== undefined && { phone }),
  });
  const pressedAlready = q.buzzes.some((b) => b.seatId === seatId && b.decision === 'pending');
  const rebuzz = q.tied.length > 0;
  if (q.out.includes(seatId)) return logged(state, q, record('locked-out'), { decision: 'locked-out' });
  // P5: during a tie and its re-buzz, only the tied seats are in the race.
  if (rebuzz && !q.tied.includes(seatId)) return logged(state, q, record('late'), { decision: 'late' });
  if (q.phase === 'reading' || q.phase === 'wrong') return falseStart(state, round, q, record('false-start'));
  if (q.phase === 'tied') {
    // Waiting for a re-buzz the host has not opened yet: pressing now is pressing early.
    if (tieRule(round) === 'rebuzz') return falseStart(state, round, q, record('false-start'));
    return logged(state, q, record('late'), { decision: 'late' });
  }
  if (q.phase === 'answering' || pressedAlready) return logged(state, q, record('late'), { decision: 'late' });

  // P6: arrived after opening, but pressed clearly before it.
  if (q.openedAt !== null && isFalseStart(judged, q.openedAt, fairness)) return falseStart(state, round, q, record('false-start'));
  const lockedUntil = q.lockedUntil[seatId];
  if (lockedUntil !== undefined && at < lockedUntil) {
    // B2 lockout: a press inside the lockout restarts it.
    return lockout(state, round, q, record('locked-out'), true);
  }
  // P4: the earliest judged press so far sets when the buzz is decided; later ones join until then.
  const armed = Object.entries(command.armed ?? {}).filter(([id]) => id !== seatId && !q.out.includes(id) && (!rebuzz || q.tied.includes(id)));
  const firstArrival = q.buzzes.find((b) => b.decision === 'pending')?.at ?? at;
  const candidate = decisionTime(firstArrival, judged.at, armed.map(([, l]) => l), fairness);
  const decideAt = q.decideAt === null ? candidate : isV1(fairness) ? q.decideAt : Math.min(q.decideAt, candidate);
  const waiting: BuzzInQuestion = { ...q, decideAt, buzzes: [...q.buzzes, record('pending')] };
  // Every seat that could still press has pressed: nothing is left to wait for.
  const allIn = !isV1(fairness) && armed.every(([id]) => waiting.buzzes.some((b) => b.seatId === id && b.decision === 'pending'));
  if (decideAt > at && !allIn) {
    // P9: nobody but the host and this seat learns that a press is waiting for its decision.
    return { ok: true, state: withQuestion(state, waiting), events: [], buzz: { decision: 'pending' }, audience: [seatId], unseenByScreen: true };
  }
  const decided = decide(state, round, { ...waiting, decideAt: Math.min(decideAt, at) });
  if (!decided.ok) return decided;
  const after = decided.state.question;
  const mine = after?.kind === 'buzz-in' ? after.buzzes.at(-1)?.decision : undefined;
  return { ...decided, buzz: { decision: mine === 'won' || mine === 'tied' ? mine : mine === 'pending' ? 'pending' : 'beaten' } };
}

/** P3, P5: the buzz is decided once, among the presses that arrived by `decideAt`. */
function decide(state: ContestState, round: BuzzInRound, q: BuzzInQuestion): Result {
  const decideAt = q.decideAt as number;
  const pending = q.buzzes.filter((b) => b.decision === 'pending');
  const fairness = round.rules.fairness;
  const candidates = pending.map((b) => ({ seatId: b.seatId, arrivalAt: b.at, judged: { at: b.judgedAt, errorMs: b.errorMs, worstErrorMs: b.worstErrorMs ?? 0 } }));
  const picked = pickWinner(candidates, fairness);
  if (!picked) return accept(withQuestion(state, { ...q, decideAt: null }));
  if (picked.decidedBy === 'tie-rebuzz' || picked.decidedBy === 'tie-host') return tie(state, q, picked);
  const seatId = picked.winner.seatId;
  const buzzes = q.buzzes.map((b) => (b.decision !== 'pending' ? b : { ...b, decision: b.seatId === seatId ? ('won' as const) : ('beaten' as const) }));
  const { runnerUp, winner } = picked;
  // P9: how far a judged time can be off its true press: its worst sync error, and, for a press
  // held to the credit, however much earlier it may really have been pressed.
  const uncertainty = (c: Candidate) => c.judged.worstErrorMs + (pending.find((b) => b.seatId === c.seatId)?.heldMs ?? 0);
  const hasLead = runnerUp !== null && picked.tied.length === 0;
  const won: BuzzInQuestion = {
    ...q,
    phase: 'answering',
    winner: seatId,
    wonAt: decideAt,
    answerDeadline: decideAt + round.rules.answerTimeMs,
    buzzDeadline: null,
    decideAt: null,
    tied: [],
    decidedBy: picked.decidedBy,
    // No lead for a tie: inside the noise, nobody can say who pressed first (P5).
    leadMs: hasLead ? runnerUp.judged.at - winner.judged.at : null,
    leadErrorMs: hasLead && !isV1(fairness) ? uncertainty(runnerUp) + uncertainty(winner) : null,
    buzzes,
  };
  return accept(withQuestion(state, won), [{ type: 'buzz-won', seatId }]);
}

/** P5: a true tie under the `rebuzz` or `host` rule waits for the host, with the tied seats. */
function tie(state: ContestState, q: BuzzInQuestion, picked: Picked): Result {
  const tied = picked.tied.map((c) => c.seatId);
  const buzzes = q.buzzes.map((b) => (b.decision !== 'pending' ? b : { ...b, decision: tied.includes(b.seatId) ? ('tied' as const) : ('beaten' as const) }));
  return accept(withQuestion(state, { ...q, phase: 'tied', tied, decidedBy: picked.decidedBy, decideAt: null, buzzDeadline: null, buzzes }));
}

/** R6: a seat's first false start on a question counts once toward the false-starts tie-break. */
function countFalseStart(state: ContestState, q: BuzzInQuestion, seatId: SeatId): ContestState {
  if (q.buzzes.some((b) => b.seatId === seatId && b.decision === 'false-start')) return state;
  return { ...state, falseStarts: { ...state.falseStarts, [seatId]: (state.falseStarts[seatId] ?? 0) + 1 } };
}

function falseStart(before: ContestState, round: BuzzInRound, q: BuzzInQuestion, record: BuzzRecord): Result {
  const { at, seatId } = record;
  const state = countFalseStart(before, q, seatId);
  const penalty = round.rules.falseStart;
  const events: ContestEvent[] = [{ type: 'false-start', seatId }];
  switch (penalty.kind) {
    case 'lockout':
      return lockout(state, round, q, record);
    case 'lose-question':
      return withLog(state, { ...q, out: [...q.out, seatId] }, record, { decision: 'false-start' }, events);
    case 'deduct': {
      // Out of the question at once, so only the first early press is ever fined.
      const { state: fined } = addEntry(state, { at, seatId, delta: 0 - penalty.points, reason: 'false-start' });
      return withLog(fined, { ...q, out: [...q.out, seatId] }, record, { decision: 'false-start' }, events);
    }
  }
}

function lockout(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, record: BuzzRecord, quiet = false): Result {
  const ms = round.rules.falseStart.kind === 'lockout' ? round.rules.falseStart.ms : 0;
  const lockedUntil = record.at + ms;
  const next = { ...q, lockedUntil: { ...q.lockedUntil, [record.seatId]: lockedUntil } };
  const events: ContestEvent[] = record.decision === 'false-start' ? [{ type: 'false-start', seatId: record.seatId }] : [];
  return withLog(state, next, record, { decision: record.decision, lockedUntil }, events, quiet);
}

/** A press that changes nothing but the press log (late, or from a seat that is out): only the
 * host's view shows that log (B14), so no other page is sent an update; the presser learns its
 * decision from its ack. That also keeps it quiet while the buzzers are open (P9), and spares a
 * busy server ten seat views for each late press of a hall pressing together. */
function logged(state: ContestState, q: BuzzInQuestion, record: BuzzRecord, buzz: BuzzOutcome): Result {
  return { ok: true, state: withQuestion(state, { ...q, buzzes: [...q.buzzes, record] }), events: [], buzz, audience: [], unseenByScreen: true };
}

function withLog(state: ContestState, q: BuzzInQuestion, record: BuzzRecord, buzz: BuzzOutcome, events: ContestEvent[], quiet = false): Result {
  const next = withQuestion(state, { ...q, buzzes: [...q.buzzes, record] });
  return quiet ? { ok: true, state: next, events, buzz, audience: [record.seatId], unseenByScreen: true } : { ok: true, state: next, events, buzz };
}

const later = (t: number | null, after: number, ms: number) => (t !== null && t > after ? t + ms : t);

/** K5: the buzz window or the answer countdown; the decision instant (P4) and false-start
 * lockouts (B2) are not countdowns the host can lengthen. */
function extendBuzz(q: BuzzInQuestion, now: number, ms: number): BuzzInQuestion | null {
  const running = (t: number | null): t is number => t !== null && t > now;
  if (q.phase === 'open' && running(q.buzzDeadline)) return { ...q, buzzDeadline: q.buzzDeadline + ms };
  if (q.phase === 'answering' && running(q.answerDeadline)) return { ...q, answerDeadline: q.answerDeadline + ms };
  return null;
}

/** B1, B5-B8, P5: what the host may do with the buzz now. */
function allowedBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion): RoundHostCommand[] {
  const seatLeft = state.definition.seats.some((s) => !q.out.includes(s.id));
  switch (q.phase) {
    case 'reading':
      return seatLeft ? ['buzzers:open', 'answer:reveal'] : ['answer:reveal'];
    case 'open':
    case 'revealed':
      return [];
    case 'tied':
      return [...(tieRule(round) === 'rebuzz' && seatLeft ? (['buzzers:open'] as const) : []), ...(tieRule(round) === 'host' ? (['buzz:award'] as const) : []), 'answer:reveal'];
    case 'answering':
      return q.winner ? ['answer:rule'] : [];
    case 'wrong':
      return seatLeft ? ['buzzers:reopen', 'answer:reveal'] : ['answer:reveal'];
  }
}

/** 抢答 as the engine sees it. */
export const buzzIn: RoundKindRules<'buzz-in'> = {
  length: (round) => round.questions.length,
  // A seat can win every question.
  mostPoints: (round) => round.questions.reduce((sum, _q, i) => sum + questionPoints(round, i), 0),
  start: (_round, index) => startBuzzQuestion(index),
  canAsk: () => true,
  deadline: buzzDeadline,
  inPlay: buzzInPlay,
  settle: settleBuzz,
  handle: handleBuzz,
  // P3: an undo while a press waits for its decision would strand it.
  mayUndo: (q) => q.decideAt === null,
  restore: (q, ruling) => restoreBuzzRuling(q, ruling.seatId, ruling.wonAt),
  shift: (q, after, ms) => ({
    ...q,
    buzzDeadline: later(q.buzzDeadline, after, ms),
    decideAt: later(q.decideAt, after, ms),
    answerDeadline: later(q.answerDeadline, after, ms),
    // A lockout that had ended before the pause stays ended.
    lockedUntil: Object.fromEntries(Object.entries(q.lockedUntil).map(([seatId, until]) => [seatId, until > after ? until + ms : until])),
  }),
  extend: extendBuzz,
  allowed: allowedBuzz,
  view: buzzInView,
  roundView: ({ rules }) => ({
    kind: 'buzz-in',
    rightPoints: rules.rightPoints,
    wrongPoints: rules.wrongPoints,
    answerTimeMs: rules.answerTimeMs,
    buzzWindowMs: rules.buzzWindowMs,
    falseStart: rules.falseStart,
    ...(rules.risk && { risk: true }),
  }),
};
