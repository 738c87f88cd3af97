// Buzz-in round (抢答题): rules B1-B14 and P1-P6 of RULES.md.
import { decisionTime, isFalseStart, judgePress, pickWinner } from '../arbiter.js';
import { CommandError, type BuzzOutcome, type Command, type ContestEvent, type PressCommand } from '../commands.js';
import { addEntry, rememberRuling } from '../ledger.js';
import { MAX_PRESSES_PER_QUESTION, phoneShare } from '../defaults.js';
import { accept, isSeat, refuse, seatPhones, withQuestion, type Result } from '../result.js';
import type { BuzzDecision, BuzzInQuestion, BuzzInRound, BuzzRecord, ContestState, SeatId } from '../types.js';

type BuzzCommand = Extract<Command, { type: 'buzzers:open' | 'buzzers:reopen' | 'answer:rule' | 'answer:reveal' | 'buzz:press' }>;

export function startBuzzQuestion(index: number): BuzzInQuestion {
  return {
    kind: 'buzz-in',
    index,
    phase: 'reading',
    openedAt: null,
    buzzDeadline: null,
    decideAt: null,
    leadMs: null,
    winner: null,
    wonAt: null,
    answerDeadline: null,
    out: [],
    lockedUntil: {},
    outcome: null,
    buzzes: [],
  };
}

export const buzzInPlay = (q: BuzzInQuestion): boolean => q.phase === 'open' || q.phase === 'answering';

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

export function handleBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, command: BuzzCommand): Result {
  switch (command.type) {
    case 'buzzers:open':
      return openBuzzers(state, round, q, command.at, 'reading');
    case 'buzzers:reopen':
      return openBuzzers(state, round, q, command.at, 'wrong');
    case 'answer:rule':
      return rule(state, round, q, command.at, command.verdict);
    case 'answer:reveal':
      // B8: the host ends the question and shows the answer.
      if (q.phase !== 'reading' && q.phase !== 'wrong') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'ended' }));
    case 'buzz:press':
      return pressBuzzer(state, round, q, command);
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
    outcome: null,
    out: q.out.filter((id) => id !== seatId),
  };
}

/** B1 and B7: open from `reading`, reopen for the rest from `wrong`. */
function openBuzzers(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, from: 'reading' | 'wrong'): Result {
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
      winner: null,
      wonAt: null,
      answerDeadline: null,
    }),
  );
}

/** B5 and B6, ruled by the host. */
function rule(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, verdict: 'right' | 'wrong'): Result {
  if (q.phase !== 'answering' || !q.winner) return refuse(CommandError.WrongPhase);
  const seatId = q.winner;
  if (verdict === 'wrong') return accept(ruleWrong(state, round, q, at, 'wrong'), [{ type: 'ruled', seatId, verdict }]);
  const points = questionPoints(round, q.index);
  const { state: scored, seq } = addEntry(state, { at, seatId, delta: points, reason: 'right' });
  const ended = withQuestion(scored, { ...q, phase: 'revealed', outcome: 'right', answerDeadline: null });
  return accept(rememberRuling(ended, seq, q.wonAt), [{ type: 'ruled', seatId, verdict }]);
}

/** F5: a question's own points, where it carries them, replace the round's right points. */
function questionPoints(round: BuzzInRound, index: number): number {
  return round.questions[index]?.points ?? round.rules.rightPoints;
}

function ruleWrong(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, reason: 'wrong' | 'timeout'): ContestState {
  const seatId = q.winner as SeatId;
  const { state: scored, seq } = addEntry(state, { at, seatId, delta: 0 - round.rules.wrongPoints, reason });
  const next = withQuestion(scored, { ...q, phase: 'wrong', answerDeadline: null, out: [...q.out, seatId] });
  return rememberRuling(next, seq, q.wonAt);
}

/** B2, B3, B14, P2-P6: judges one press arriving at server time `at`; every press is logged. */
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
  const record = (decision: BuzzDecision): BuzzRecord => ({
    at,
    seatId,
    decision,
    claimedAt: command.claimedAt ?? null,
    judgedAt: judged.at,
    errorMs: judged.errorMs,
    boundMs: fairness.mode === 'press-time' && link ? link.oneWayMs : null,
    ...(phone !== undefined && { phone }),
  });
  const pressedAlready = q.buzzes.some((b) => b.seatId === seatId && b.decision === 'pending');
  if (q.out.includes(seatId)) return logged(state, q, record('locked-out'), { decision: 'locked-out' });
  if (q.phase === 'reading' || q.phase === 'wrong') return falseStart(state, round, q, record('false-start'));
  if (q.phase === 'answering' || pressedAlready) return logged(state, q, record('late'), { decision: 'late' });

  // P6: arrived after opening, but pressed clearly before it.
  if (q.openedAt !== null && isFalseStart(judged, q.openedAt, fairness)) return falseStart(state, round, q, record('false-start'));
  const lockedUntil = q.lockedUntil[seatId];
  if (lockedUntil !== undefined && at < lockedUntil) {
    // B2 lockout: a press inside the lockout restarts it.
    return lockout(state, round, q, record('locked-out'));
  }
  // P4: the first valid press sets when the buzz is decided; later ones join until then.
  const armed = Object.entries(command.armed ?? {})
    .filter(([id]) => id !== seatId && !q.out.includes(id))
    .map(([, l]) => l);
  const decideAt = q.decideAt ?? decisionTime(at, judged.at, armed, fairness);
  const waiting: BuzzInQuestion = { ...q, decideAt, buzzes: [...q.buzzes, record('pending')] };
  if (decideAt > at) return { ok: true, state: withQuestion(state, waiting), events: [], buzz: { decision: 'pending' } };
  const decided = decide(state, round, waiting);
  return decided.ok ? { ...decided, buzz: { decision: decided.state.question?.kind === 'buzz-in' && decided.state.question.winner === seatId ? 'won' : 'beaten' } } : decided;
}

/** P3, P5: the buzz is decided once, among the presses that arrived by `decideAt`. */
function decide(state: ContestState, round: BuzzInRound, q: BuzzInQuestion): Result {
  const decideAt = q.decideAt as number;
  const pending = q.buzzes.filter((b) => b.decision === 'pending');
  const picked = pickWinner(pending.map((b) => ({ seatId: b.seatId, arrivalAt: b.at, judged: { at: b.judgedAt, errorMs: b.errorMs, worstErrorMs: 0 } })));
  if (!picked) return accept(withQuestion(state, { ...q, decideAt: null }));
  const seatId = picked.winner.seatId;
  const buzzes = q.buzzes.map((b) => (b.decision !== 'pending' ? b : { ...b, decision: b.seatId === seatId ? ('won' as const) : ('beaten' as const) }));
  const won: BuzzInQuestion = {
    ...q,
    phase: 'answering',
    winner: seatId,
    wonAt: decideAt,
    answerDeadline: decideAt + round.rules.answerTimeMs,
    buzzDeadline: null,
    decideAt: null,
    // No lead for a near-tie: inside the error, nobody can say who pressed first (P5).
    leadMs: picked.runnerUp && !picked.nearTie ? picked.runnerUp.judged.at - picked.winner.judged.at : null,
    buzzes,
  };
  return accept(withQuestion(state, won), [{ type: 'buzz-won', seatId }]);
}

function falseStart(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, record: BuzzRecord): Result {
  const { at, seatId } = record;
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

function lockout(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, record: BuzzRecord): Result {
  const ms = round.rules.falseStart.kind === 'lockout' ? round.rules.falseStart.ms : 0;
  const lockedUntil = record.at + ms;
  const next = { ...q, lockedUntil: { ...q.lockedUntil, [record.seatId]: lockedUntil } };
  const events: ContestEvent[] = record.decision === 'false-start' ? [{ type: 'false-start', seatId: record.seatId }] : [];
  return withLog(state, next, record, { decision: record.decision, lockedUntil }, events);
}

function logged(state: ContestState, q: BuzzInQuestion, record: BuzzRecord, buzz: BuzzOutcome): Result {
  return withLog(state, q, record, buzz, []);
}

function withLog(state: ContestState, q: BuzzInQuestion, record: BuzzRecord, buzz: BuzzOutcome, events: ContestEvent[]): Result {
  return { ok: true, state: withQuestion(state, { ...q, buzzes: [...q.buzzes, record] }), events, buzz };
}
